"""Long polling that confirms an update only once it has been answered.

Telegram counts every update below the ``offset`` of a ``getUpdates`` call as confirmed and
never sends it again. python-telegram-bot's Updater confirms what it fetched at once, so a
crash loses everything fetched and not yet answered. This loop keeps the fetched updates in
a window, in order, and moves the offset only past the oldest ones that are finished; a
poll therefore returns the unfinished ones again, and they are skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from telegram.error import InvalidToken, TelegramError

from bot.telegram.delivery import Dispatcher
from bot.telegram.logs import Every

log = logging.getLogger(__name__)
LIMIT = 100  # updates per getUpdates, Telegram's maximum
LOW_WATER = LIMIT // 4  # poll again once the window is down to this many
PROGRESS_WAIT = 0.5
CONFIRM_TIMEOUT = 5.0
MAX_FETCH_BACKOFF = 30.0


@dataclass
class PollSettings:
    """How to poll: Telegram's long-poll timeout, the update kinds and the stop timeout."""

    allowed_updates: list[str]
    stop_timeout: float
    poll_timeout: int = 10


class Poller:
    """Fetches updates, hands them to the dispatcher and confirms the finished ones."""

    def __init__(self, bot, dispatcher: Dispatcher, settings: PollSettings):
        self.bot, self.dispatcher, self.settings = bot, dispatcher, settings
        self.window: dict[int, asyncio.Task] = {}  # fetched, not confirmed; in update order
        self.offset = 0  # the next getUpdates offset: every update below it is finished
        self.confirmed = 0  # the offset Telegram was last sent
        self._warn = Every(log, 60.0)

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until ``stop`` is set, then drain what was fetched and confirm it."""
        failures = 0
        while not stop.is_set():
            await self._wait_for_room(stop)
            updates = await self._fetch(stop)
            if updates is None:  # stopped, or Telegram could not be reached
                failures += not stop.is_set()
                await _wait(stop, min(MAX_FETCH_BACKOFF, 2.0 ** (failures - 1)))
                continue
            failures = 0
            fresh = [u for u in updates if u.update_id >= self.offset]
            fresh = [u for u in fresh if u.update_id not in self.window]
            for update in fresh:
                self.window[update.update_id] = self.dispatcher.submit(update)
            if updates and not fresh:  # only unfinished ones came back: let them progress
                await self._progress(stop, PROGRESS_WAIT)
        await self.drain()

    async def drain(self) -> None:
        """Finish the window within the stop timeout; confirm what was finished."""
        pending = [t for t in self.window.values() if not t.done()]
        if pending:
            log.info("stopping: finishing %d update(s)", len(pending))
            _, late = await asyncio.wait(pending, timeout=self.settings.stop_timeout)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late, timeout=2.0)
                log.warning("%d update(s) left unconfirmed for Telegram to resend", len(late))
        self._advance()
        if self.offset > self.confirmed:
            await self._confirm()

    def _advance(self) -> None:
        """Move the offset past the finished updates at the front of the window."""
        for update_id, task in list(self.window.items()):
            if not task.done() or task.cancelled():
                break
            del self.window[update_id]
            self.offset = update_id + 1

    async def _wait_for_room(self, stop: asyncio.Event) -> None:
        # A poll returns at most LIMIT updates from the offset, unfinished ones included:
        # when most of the window is busy, wait for it to move before polling again.
        self._advance()
        while len(self.window) > LOW_WATER and not stop.is_set():
            await self._progress(stop, PROGRESS_WAIT)
            self._advance()

    async def _progress(self, stop: asyncio.Event, timeout: float) -> None:
        """Wait until an update of the window finishes, ``stop`` is set or ``timeout``."""
        busy = [t for t in self.window.values() if not t.done()]
        if not busy:
            return
        stopper = asyncio.create_task(stop.wait())
        await asyncio.wait([*busy, stopper], timeout=timeout, return_when="FIRST_COMPLETED")
        stopper.cancel()

    async def _fetch(self, stop: asyncio.Event):
        """The next updates, or None when stopped or Telegram failed (logged)."""
        self._advance()
        timeout = 0 if self.window else self.settings.poll_timeout
        fetch = asyncio.create_task(
            self.bot.get_updates(
                offset=self.offset,
                limit=LIMIT,
                timeout=timeout,
                allowed_updates=self.settings.allowed_updates,
            )
        )
        offset = self.offset
        stopper = asyncio.create_task(stop.wait())
        await asyncio.wait([fetch, stopper], return_when="FIRST_COMPLETED")
        stopper.cancel()
        if not fetch.done():
            fetch.cancel()
            return None
        try:
            updates = fetch.result()
        except InvalidToken:
            raise
        except TelegramError as exc:  # 5xx, timeouts, resets, a webhook still set (Conflict)
            self._warn.warning("cannot fetch updates from Telegram: %s", exc)
            return None
        self.confirmed = max(self.confirmed, offset)
        return updates

    async def _confirm(self) -> None:
        """Tell Telegram that every update below the offset is done."""
        try:
            await asyncio.wait_for(
                self.bot.get_updates(offset=self.offset, limit=1, timeout=0),
                CONFIRM_TIMEOUT,
            )
            self.confirmed = self.offset
        except (TimeoutError, TelegramError) as exc:
            log.warning("could not confirm updates below %d: %s", self.offset, exc)


async def _wait(event: asyncio.Event, seconds: float) -> None:
    """Sleep ``seconds`` unless ``event`` is set first."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(event.wait(), seconds)
