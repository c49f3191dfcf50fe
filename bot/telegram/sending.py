"""Outgoing requests to the Bot API: an optional rate limit and bounded retries.

python-telegram-bot passes every request except ``getUpdates`` through the application's
rate limiter, so that is where both live. A request that fails on a 5xx status, a timeout
or a broken connection is tried again with exponential backoff until ``retry_seconds``
have passed; a 429 waits the ``retry_after`` Telegram asks for (every request waits, as
the limit is the bot's). A refusal (other 4xx) is raised at once: trying again cannot help.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import random
import time
from collections import OrderedDict

from aiolimiter import AsyncLimiter
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import BaseRateLimiter

from bot.telegram.logs import Every

log = logging.getLogger(__name__)
REFUSALS = (BadRequest, Forbidden, InvalidToken, ChatMigrated, Conflict)
NO_RETRY = frozenset({"sendChatAction"})  # a late "typing…" is worse than none
FIRST_BACKOFF = 0.5
MAX_BACKOFF = 8.0
GROUP_RATE = (20, 60)  # Telegram: about 20 messages a minute into one group
MAX_GROUP_LIMITERS = 1000
# Few requests at a time: httpx's pool costs more per request the more connections it
# holds, and an answer whose reply is in flight when the process is killed is sent twice.
MAX_IN_FLIGHT = 8


def retry_after_seconds(error: RetryAfter) -> float:
    """The wait Telegram asked for, in seconds."""
    # The public attribute warns about its coming type change on every read.
    delay = getattr(error, "_retry_after", None)
    return delay.total_seconds() if delay is not None else 1.0


class SendPolicy(BaseRateLimiter[int]):
    """Rate limit (``per_second`` overall, 20 a minute per group; 0 turns both off) and
    retries within ``retry_seconds``."""

    def __init__(self, per_second: int = 30, retry_seconds: float = 60.0):
        self.per_second = per_second
        self.retry_seconds = retry_seconds
        self._overall = AsyncLimiter(per_second, 1) if per_second else None
        self._groups: OrderedDict[object, AsyncLimiter] = OrderedDict()
        self._resume_at = 0.0
        self._warn = Every(log, 10.0)
        self._in_flight = asyncio.Semaphore(MAX_IN_FLIGHT)

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        """Send, retrying what may succeed later; raise the last error past the deadline."""
        deadline = time.monotonic() + self.retry_seconds
        for attempt in itertools.count():
            try:
                return await self._send(callback, args, kwargs, data)
            except REFUSALS:
                raise
            except RetryAfter as exc:
                error, delay = exc, retry_after_seconds(exc)
                self._resume_at = max(self._resume_at, time.monotonic() + delay)
            except NetworkError as exc:  # 5xx, timeouts, connection errors
                error = exc
                delay = min(MAX_BACKOFF, FIRST_BACKOFF * 2**attempt) * random.uniform(0.8, 1.2)
            if endpoint in NO_RETRY or time.monotonic() + delay > deadline:
                raise error
            self._warn.warning("%s failed (%s); trying again", endpoint, error)
            await asyncio.sleep(delay)

    async def _send(self, callback, args, kwargs, data):
        while (wait := self._resume_at - time.monotonic()) > 0:
            await asyncio.sleep(wait)
        async with contextlib.AsyncExitStack() as limits:
            if self._overall is not None:
                await limits.enter_async_context(self._overall)
                if (group := self._group_limiter(data.get("chat_id"))) is not None:
                    await limits.enter_async_context(group)
            async with self._in_flight:
                return await callback(*args, **kwargs)

    def _group_limiter(self, chat_id) -> AsyncLimiter | None:
        with contextlib.suppress(TypeError, ValueError):
            chat_id = int(chat_id)
        if chat_id is None or (isinstance(chat_id, int) and chat_id > 0):
            return None  # private chats have no per-minute limit of their own
        limiter = self._groups.pop(chat_id, None) or AsyncLimiter(*GROUP_RATE)
        self._groups[chat_id] = limiter
        if len(self._groups) > MAX_GROUP_LIMITERS:
            self._groups.popitem(last=False)
        return limiter
