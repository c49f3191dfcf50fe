"""A loopback stand-in for the Telegram Bot API, for end-to-end tests without network.

Serves ``/bot<token>/<method>`` on 127.0.0.1 (a free port) from a thread. Tests queue
updates with :meth:`FakeBotAPI.push_update` and read what the bot sent from
:attr:`FakeBotAPI.sent`. Everything is bounded: long polls time out, waits time out and
the server stops itself after ``max_lifetime`` seconds.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$")
RAW_FIELDS = frozenset({"text", "parse_mode", "callback_query_id", "url", "secret_token"})
MAX_POLL = 5.0
BOT_USER = {
    "id": 123,
    "is_bot": True,
    "first_name": "Imigrasi Bot",
    "username": "ImigrasiTestBot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


def decode_params(raw: dict[str, str]) -> dict:
    """Bot API parameters come form-encoded with JSON values; decode all but plain texts."""
    params = {}
    for key, value in raw.items():
        if key in RAW_FIELDS or not isinstance(value, str):
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


class _QuietServer(ThreadingHTTPServer):
    """A threaded server that does not print a traceback when a client hangs up."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Ignore connections the bot dropped (it does so on shutdown)."""


class FakeBotAPI:
    """The fake server: queued updates in, recorded calls out."""

    def __init__(self, token: str = "123:TEST", *, max_lifetime: float = 120.0):
        self.token = token
        self.bot_user = {**BOT_USER, "id": int(token.split(":")[0])}
        self.calls: list[tuple[str, dict]] = []
        self.sent: list[dict] = []
        self.edits: list[dict] = []
        self.callback_answers: list[dict] = []
        self.commands: list[dict] = []
        self.unauthorized = 0
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._cond = threading.Condition(threading.RLock())
        self._stopped = False
        self._server: ThreadingHTTPServer | None = None
        self._timer = threading.Timer(max_lifetime, self.stop)
        self._timer.daemon = True

    @property
    def url(self) -> str:
        """The base URL to give the bot as ``TELEGRAM_API_URL`` (once started)."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeBotAPI:
        """Serve on a free loopback port from a background thread."""
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self._timer.start()
        return self

    def stop(self) -> None:
        """Stop serving (idempotent); pending long polls return at once."""
        with self._cond:
            if self._stopped:
                return
            self._stopped = True
            self._cond.notify_all()
        self._timer.cancel()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- test helpers ------------------------------------------------------------------

    def push_update(self, update: dict) -> int:
        """Queue an update for ``getUpdates``; returns its ``update_id``."""
        with self._cond:
            update = {**update, "update_id": update.get("update_id") or next(self._update_ids)}
            self._updates.append(update)
            self._cond.notify_all()
            return update["update_id"]

    def pending(self) -> int:
        """Updates queued and not yet confirmed by the bot (via ``offset``)."""
        with self._cond:
            return len(self._updates)

    def messages_for(self, chat_id: int) -> list[dict]:
        """The messages sent to ``chat_id`` so far, oldest first."""
        with self._cond:
            return [m for m in self.sent if m["chat_id"] == chat_id]

    def wait_for_messages(self, chat_id: int, n: int, timeout: float = 10.0) -> list[dict]:
        """Wait until at least ``n`` messages went to ``chat_id``; return them.

        Raises:
            TimeoutError: fewer arrived within ``timeout`` seconds.
        """
        self.wait_until(lambda: len(self.messages_for(chat_id)) >= n, timeout)
        return self.messages_for(chat_id)

    def wait_until(self, predicate, timeout: float = 10.0) -> bool:
        """Wait until ``predicate()`` is true; raise TimeoutError after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"condition not met in {timeout}s; sent={self.sent[-5:]}")
                self._cond.wait(min(left, 0.2))
        return True

    # -- the API -------------------------------------------------------------------------

    def handle(self, token: str, method: str, params: dict) -> tuple[int, dict]:
        """Answer one Bot API call: (HTTP status, JSON body)."""
        if token != self.token:
            with self._cond:
                self.unauthorized += 1
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        with self._cond:
            self.calls.append((method, params))
        name = method.lower()
        if name == "getupdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        answer = getattr(self, f"_m_{name}", None)
        result = answer(params) if answer else True
        with self._cond:
            self._cond.notify_all()
        return 200, {"ok": True, "result": result}

    def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), MAX_POLL)
        with self._cond:
            if offset:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._stopped:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            return list(self._updates[:limit])

    def _message(self, params: dict) -> dict:
        chat_id = params.get("chat_id")
        kind = "private" if isinstance(chat_id, int) and chat_id > 0 else "group"
        message = {
            "message_id": next(self._message_ids),
            "from": self.bot_user,
            "chat": {"id": chat_id, "type": kind},
            "date": int(time.time()),
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _m_getme(self, params: dict) -> dict:
        return self.bot_user

    def _m_sendmessage(self, params: dict) -> dict:
        message = self._message(params)
        with self._cond:
            self.sent.append({**params, "message_id": message["message_id"]})
        return message

    def _m_editmessagetext(self, params: dict) -> dict:
        with self._cond:
            self.edits.append(params)
        return {**self._message(params), "message_id": params.get("message_id", 0)}

    def _m_answercallbackquery(self, params: dict) -> bool:
        with self._cond:
            self.callback_answers.append(params)
        return True

    def _m_setmycommands(self, params: dict) -> bool:
        with self._cond:
            self.commands = list(params.get("commands") or [])
        return True

    def _m_getmycommands(self, params: dict) -> list:
        with self._cond:
            return list(self.commands)

    def _handler_class(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._serve(b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._serve(self.rfile.read(length) if length else b"")

            def _serve(self, body: bytes) -> None:
                parts = urlsplit(self.path)
                match = PATH.match(parts.path)
                if not match:
                    return self._reply(
                        404, {"ok": False, "error_code": 404, "description": "Not Found"}
                    )
                raw = dict(parse_qsl(parts.query))
                kind = self.headers.get("Content-Type", "")
                if body and "json" in kind:
                    raw.update(json.loads(body))
                elif body:
                    raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
                status, payload = api.handle(match["token"], match["method"], decode_params(raw))
                return self._reply(status, payload)

            def _reply(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args) -> None:
                """Quiet: the test output stays readable."""

        return Handler


# -- update builders (shared by the handler and end-to-end tests) ---------------------------

_ids = itertools.count(1)


def user(user_id: int) -> dict:
    """A human Telegram user."""
    return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "language_code": "id"}


def chat(chat_id: int) -> dict:
    """A private chat (positive id) or a group (negative id)."""
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
    return {"id": chat_id, "type": "group", "title": "Grup Uji"}


def message(chat_id: int, user_id: int, text: str | None = None, **extra) -> dict:
    """A message dict; commands and ``@mentions`` in ``text`` get their entities."""
    body = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": user(user_id),
        **extra,
    }
    if text is not None:
        body["text"] = text
        entities = [
            {"type": "mention", "offset": m.start(), "length": m.end() - m.start()}
            for m in re.finditer(r"@\w+", text)
            if not (m.start() > 0 and text[m.start() - 1] not in " \n")
        ]
        if text.startswith("/"):
            entities.insert(0, {"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
        if entities:
            body["entities"] = entities
    return body


def text_update(text: str, chat_id: int = 1, user_id: int | None = None, **extra) -> dict:
    """An update carrying a new text message (``user_id`` defaults to the chat id)."""
    sender = user_id if user_id is not None else abs(chat_id)
    return {"message": message(chat_id, sender, text, **extra)}


def callback_update(data: str, chat_id: int = 1, user_id: int | None = None) -> dict:
    """An update for an inline button pressed under one of the bot's messages."""
    sender = user_id if user_id is not None else abs(chat_id)
    bot_message = {**message(chat_id, BOT_USER["id"], "…"), "from": BOT_USER}
    return {
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(sender),
            "chat_instance": "ci",
            "message": bot_message,
            "data": data,
        }
    }
