"""Webhook mode: answer first, then tell Telegram how it went.

python-telegram-bot's webhook server answers Telegram's POST with 200 before the update is
handled, so an update is lost when the reply then fails. Here the POST is answered only
after processing: 200 when the reply was sent (or refused for good, or sent before), 500
when it could not be sent, and 503 while stopping, so that Telegram delivers it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from http import HTTPStatus

import tornado.web
from telegram import Update
from tornado.httpserver import HTTPServer

from bot.telegram.delivery import Dispatcher, Result

log = logging.getLogger(__name__)
STATUS = {
    Result.ANSWERED: HTTPStatus.OK,
    Result.REFUSED: HTTPStatus.OK,
    Result.DUPLICATE: HTTPStatus.OK,
    Result.UNDELIVERED: HTTPStatus.INTERNAL_SERVER_ERROR,
}


class Receiver:
    """Turns one POSTed update into an HTTP status, tracking the updates under way."""

    def __init__(self, bot, dispatcher: Dispatcher, secret: str | None):
        self.bot, self.dispatcher, self.secret = bot, dispatcher, secret
        self.stopping = False
        self.busy: set[asyncio.Task] = set()

    def authorised(self, token: str | None) -> bool:
        """Whether the request carries the secret token (always, when none is set)."""
        return self.secret is None or hmac.compare_digest(token or "", self.secret)

    async def receive(self, body: bytes) -> HTTPStatus:
        """Process one update; the status to answer Telegram with."""
        if self.stopping:
            return HTTPStatus.SERVICE_UNAVAILABLE
        try:
            update = Update.de_json(json.loads(body), self.bot)
        except (ValueError, TypeError, KeyError, AttributeError):
            log.warning("webhook: a POST that is not an update (%d bytes)", len(body))
            return HTTPStatus.BAD_REQUEST
        task = self.dispatcher.submit(update)
        self.busy.add(task)
        task.add_done_callback(self.busy.discard)
        try:
            return STATUS[await asyncio.shield(task)]
        except asyncio.CancelledError:
            return HTTPStatus.SERVICE_UNAVAILABLE

    async def drain(self, timeout: float) -> None:
        """Refuse new updates; finish those under way within ``timeout``, cancel the rest."""
        self.stopping = True
        if self.busy:
            _, late = await asyncio.wait(list(self.busy), timeout=timeout)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late, timeout=2.0)
                log.warning("%d update(s) not answered in time; Telegram will resend", len(late))


class UpdateHandler(tornado.web.RequestHandler):
    """POST: one update from Telegram."""

    def initialize(self, receiver: Receiver) -> None:
        """Keep the receiver (tornado calls this for each request)."""
        self.receiver = receiver

    async def post(self) -> None:
        """Check the secret, process the update, answer with its status."""
        token = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        if not self.receiver.authorised(token):
            log.warning("webhook: refused a POST without the secret token")
            self.set_status(HTTPStatus.FORBIDDEN)
            return
        self.set_status(await self.receiver.receive(self.request.body))

    def log_exception(self, typ, value, tb) -> None:
        """One line, not tornado's traceback."""
        log.warning("webhook: %s", value)


def start_server(receiver: Receiver, listen: str, port: int, path: str) -> HTTPServer:
    """Serve ``/<path>`` on ``listen:port`` (plain HTTP behind the TLS proxy)."""
    app = tornado.web.Application([(rf"/{path}/?", UpdateHandler, {"receiver": receiver})])
    server = HTTPServer(app, xheaders=True)
    server.listen(port, listen)
    return server


async def serve(
    app, dispatcher: Dispatcher, settings, stop: asyncio.Event, allowed_updates: list[str]
) -> None:
    """Register the webhook, serve until ``stop``, then drain within the stop timeout."""
    receiver = Receiver(app.bot, dispatcher, settings.webhook_secret)
    server = start_server(
        receiver, settings.webhook_listen, settings.webhook_port, settings.webhook_path
    )
    await app.bot.set_webhook(
        settings.webhook_url,
        secret_token=settings.webhook_secret,
        allowed_updates=allowed_updates,
    )
    log.info("webhook: listening on %s:%s", settings.webhook_listen, settings.webhook_port)
    await stop.wait()
    server.stop()  # no new connections; those open get 503 while draining
    await receiver.drain(settings.stop_timeout)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(server.close_all_connections(), 2.0)
