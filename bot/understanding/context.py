"""Conversation context: a follow-up reuses what the previous question named.

"berapa ITAS 2020" -> "kalau ITAP?" asks ITAP 2020; "how many Koreans?" ->
"what about India?" asks India. Context expires after 30 minutes of silence.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from bot.model.frame import Entities
from bot.model.plain import from_plain, to_plain

CONTEXT_TTL_SECONDS = 30 * 60
MAX_CHATS = 10_000
# the countries and metrics a chat named, one by one: "dijumlah semua" adds them all (no
# release names more than a handful of countries)
RECENT_ITEMS = 12
SHORT_RANKING = 4  # a ranking this short is remembered as named ("peringkat 1 dan 2")


@dataclass(frozen=True)
class Turn:
    """What a chat asked last: the entities, the intent and the language."""

    entities: Entities
    intent: str
    lang: str
    time: float
    recent_countries: tuple[str, ...] = ()
    recent_metrics: tuple[str, ...] = ()
    ranked: tuple[str, ...] = ()  # the countries a ranking listed, for "ketiganya" next

    def followed_by(
        self, entities: Entities, intent: str, lang: str, time: float, ranked: tuple = ()
    ) -> Turn:
        """The next turn, remembering the last few countries and metrics named, and those a
        short ranking showed ("peringkat 1 dan 2" -> "Taiwan?" -> "total ketiganya?")."""
        shown = list(ranked) if len(ranked) < SHORT_RANKING else []
        countries, metrics = self.recent_countries, self.recent_metrics
        if entities.corrects:  # "Korea? | Jepang? | eh bukan, China": Japan was a slip
            countries = tuple(c for c in countries if c not in self.entities.countries)
            metrics = tuple(m for m in metrics if m not in self.entities.metrics)
        countries = _recent(countries, list(dict.fromkeys(shown + entities.countries)))
        metrics = _recent(metrics, entities.metrics)
        return Turn(entities, intent, lang, time, countries, metrics, tuple(ranked))

    def to_dict(self) -> dict:
        """The turn as a JSON-able dict (for keeping a conversation across restarts)."""
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict) -> Turn:
        """The turn :meth:`to_dict` gave.

        Raises:
            TypeError, ValueError: ``data`` is not a turn.
        """
        return from_plain(cls, data)


def _recent(old: tuple[str, ...], new: list[str], keep: int = RECENT_ITEMS) -> tuple[str, ...]:
    merged = [x for x in old if x not in new] + list(new)
    return tuple(merged[-keep:])


class ContextStore:
    """The last turn of every chat, bounded in size and age."""

    def __init__(self, ttl: float = CONTEXT_TTL_SECONDS, max_chats: int = MAX_CHATS):
        self.ttl = ttl
        self.max_chats = max_chats
        self._turns: OrderedDict[int, Turn] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, chat_id: int, now: float) -> Turn | None:
        """The chat's last turn, unless it is older than the TTL."""
        with self._lock:
            turn = self._turns.get(chat_id)
            if turn and now - turn.time > self.ttl:
                del self._turns[chat_id]
                return None
            return turn

    def last_lang(self, chat_id: int) -> str | None:
        """The language of the chat's last turn, kept even when its entities expire."""
        turn = self._turns.get(chat_id)
        return turn.lang if turn else None

    def restore(self, chat_id: int, turn: Turn | None) -> None:
        """Make ``turn`` the chat's last (None: no turn), whatever came since: a turn kept
        across a restart, or the one an update was first answered after, to answer it
        again the same way."""
        if turn is not None:
            self.put(chat_id, turn)
            return
        with self._lock:
            self._turns.pop(chat_id, None)

    def put(self, chat_id: int, turn: Turn) -> None:
        """Remember ``turn`` as the chat's last."""
        with self._lock:
            self._turns[chat_id] = turn
            self._turns.move_to_end(chat_id)
            while len(self._turns) > self.max_chats:
                self._turns.popitem(last=False)
