"""A loopback stand-in for the Telegram Bot API, for end-to-end tests without network.

Serves ``/bot<token>/<method>`` on 127.0.0.1 (a free port) from a thread. Tests queue
updates with :meth:`FakeBotAPI.push_update` and read what the bot sent from
:attr:`FakeBotAPI.sent`. Faults can be injected per method, for a time or a number of
calls: an HTTP error status (500, 429 with ``retry_after``...), a connection reset, a hang,
or the whole server going away and coming back (:meth:`FakeBotAPI.restart`). Files a user
sends are kept with :meth:`FakeBotAPI.add_file` (whose Document goes into an update) and
served like Telegram: ``getFile``, then a GET of ``/file/bot<token>/<file_path>``. Like
Telegram, the server forgets an update only when a ``getUpdates`` offset passes it, and a
request it dropped (reset or hang) was not carried out. Everything is bounded: long polls
time out, waits time out and the server stops itself after ``max_lifetime`` seconds.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass

from fake_bot_http import Dropped, QuietServer, abort, handler_class
from tg_updates import BOT_USER

MAX_POLL = 5.0


@dataclass
class Fault:
    """One injected fault: ``status`` (with ``retry_after`` for 429), ``reset`` or ``hang``."""

    kind: str
    method: str
    until: float = float("inf")
    times: int | None = None
    status: int = 500
    retry_after: int | None = None
    hang: float = 0.0
    skip: int = 0  # let this many calls through first


class FakeBotAPI:
    """The fake server: queued updates in, recorded calls out, faults on demand."""

    def __init__(self, token: str = "123:TEST", *, max_lifetime: float = 120.0):
        self.token = token
        self.bot_user = {**BOT_USER, "id": int(token.split(":")[0])}
        self.calls: list[tuple[str, dict]] = []
        self.sent: list[dict] = []
        self.photos: list[dict] = []
        self.edits: list[dict] = []
        self.callback_answers: list[dict] = []
        self.inline_answers: list[dict] = []
        self.chat_actions: list[dict] = []
        self.commands: dict[tuple[str, str | None], list] = {}
        self.faults: list[Fault] = []
        self.injected: Counter[str] = Counter()
        self.unauthorized = 0
        self._updates: list[dict] = []
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id: (file_path, content)
        self.downloads: list[str] = []
        self._update_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._cond = threading.Condition(threading.RLock())
        self._stopped = False
        self._server: QuietServer | None = None
        self._port = 0
        self._connections: set[socket.socket] = set()
        self._timer = threading.Timer(max_lifetime, self.stop)
        self._timer.daemon = True

    @property
    def url(self) -> str:
        """The base URL to give the bot as ``TELEGRAM_API_URL`` (once started)."""
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> FakeBotAPI:
        """Serve on a free loopback port from a background thread."""
        self._serve()
        self._timer.start()
        return self

    def _serve(self) -> None:
        self._server = QuietServer(("127.0.0.1", self._port), handler_class(self))
        self._port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _close_server(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        with self._cond:
            for conn in list(self._connections):
                abort(conn)
            self._connections.clear()

    def connection_opened(self, conn: socket.socket) -> None:
        """Track a client connection (a restart cuts them all)."""
        with self._cond:
            self._connections.add(conn)

    def connection_closed(self, conn: socket.socket) -> None:
        """Forget a client connection."""
        with self._cond:
            self._connections.discard(conn)

    def stop(self) -> None:
        """Stop serving (idempotent); pending long polls return at once."""
        with self._cond:
            if self._stopped:
                return
            self._stopped = True
            self._cond.notify_all()
        self._timer.cancel()
        self._close_server()

    def restart(self, down_for: float) -> None:
        """Go away (connections cut, new ones refused) for ``down_for`` seconds, then come
        back on the same port with the same state."""
        self._close_server()
        time.sleep(down_for)
        self._serve()

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- faults --------------------------------------------------------------------------

    def fail(self, method: str, kind: str = "status", *, seconds=None, times=None, **kw) -> None:
        """Inject a fault into ``method`` (``"*"``: every method but getUpdates) for
        ``seconds`` or ``times`` calls (after ``skip=n`` calls): ``status=500``,
        ``status=429, retry_after=1``, ``kind="reset"`` or ``kind="hang", hang=2.0``."""
        until = time.monotonic() + seconds if seconds is not None else float("inf")
        with self._cond:
            self.faults.append(Fault(kind, method.lower(), until, times, **kw))

    def _fault_for(self, method: str) -> Fault | None:
        with self._cond:
            now = time.monotonic()
            self.faults = [f for f in self.faults if f.until > now and f.times != 0]
            for fault in self.faults:
                if fault.method == method or (fault.method == "*" and method != "getupdates"):
                    if fault.skip > 0:
                        fault.skip -= 1
                        continue
                    if fault.times is not None:
                        fault.times -= 1
                    self.injected[f"{method}:{fault.kind}"] += 1
                    return fault
        return None

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

    def add_file(self, data: bytes, file_name: str, mime_type: str = "text/plain") -> dict:
        """Keep a file as a user's upload and return its Document (for an update's
        ``message.document``)."""
        with self._cond:
            n = next(self._file_ids)
            file_id = f"doc{n}"
            self.files[file_id] = (f"documents/file_{n}{_suffix(file_name)}", data)
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(data),
        }

    def download(self, token: str, file_path: str) -> tuple[int, bytes]:
        """A file's content, as ``/file/bot<token>/<file_path>`` serves it."""
        if token != self.token:
            return 401, b"Unauthorized"
        with self._cond:
            found = [data for path, data in self.files.values() if path == file_path]
            if found:
                self.downloads.append(file_path)
        return (200, found[0]) if found else (404, b"Not Found")

    # -- the API -------------------------------------------------------------------------

    def handle(self, token: str, method: str, params: dict) -> tuple[int, dict]:
        """Answer one Bot API call: (HTTP status, JSON body).

        Raises:
            Dropped: a reset or hang fault: the connection is to be cut without an answer.
        """
        if token != self.token:
            with self._cond:
                self.unauthorized += 1
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        name = method.lower()
        fault = self._fault_for(name)
        if fault is not None and fault.kind != "status":
            raise Dropped(fault)
        if fault is not None:
            body = {"ok": False, "error_code": fault.status, "description": "Injected fault"}
            if fault.retry_after is not None:
                body["parameters"] = {"retry_after": fault.retry_after}
            return fault.status, body
        with self._cond:
            self.calls.append((method, params))
        if name == "getupdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        if name == "getfile":
            return self._get_file(params)
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

    def _get_file(self, params: dict) -> tuple[int, dict]:
        file_id = str(params.get("file_id"))
        with self._cond:
            found = self.files.get(file_id)
        if found is None:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}
            return 400, body
        path, data = found
        result = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(data)}
        return 200, {"ok": True, "result": {**result, "file_path": path}}

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

    def _m_sendphoto(self, params: dict) -> dict:
        message = self._message(params)
        del message["text"]
        size = {"width": 1, "height": 1}
        message["photo"] = [{"file_id": "p", "file_unique_id": "p", **size}]
        if params.get("caption"):
            message["caption"] = params["caption"]
        with self._cond:
            self.photos.append({**params, "message_id": message["message_id"]})
        return message

    def photos_for(self, chat_id: int) -> list[dict]:
        """The photos sent to ``chat_id`` so far (``photo`` holds the uploaded bytes)."""
        with self._cond:
            return [p for p in self.photos if p["chat_id"] == chat_id]

    def _m_editmessagetext(self, params: dict) -> dict:
        with self._cond:
            self.edits.append(params)
        return {**self._message(params), "message_id": params.get("message_id", 0)}

    def _m_editmessagereplymarkup(self, params: dict) -> bool:
        with self._cond:
            self.edits.append(params)
        return True

    def _m_answercallbackquery(self, params: dict) -> bool:
        with self._cond:
            self.callback_answers.append(params)
        return True

    def _m_answerinlinequery(self, params: dict) -> bool:
        with self._cond:
            self.inline_answers.append(params)
        return True

    def _m_sendchataction(self, params: dict) -> bool:
        with self._cond:
            self.chat_actions.append(params)
        return True

    def _m_setmycommands(self, params: dict) -> bool:
        scope = params.get("scope") or {"type": "default"}
        key = (json.dumps(scope, sort_keys=True), params.get("language_code"))
        with self._cond:
            self.commands[key] = list(params.get("commands") or [])
        return True

    def menu(self, language_code: str | None = None, scope: dict | None = None) -> list[str]:
        """The commands of the menu set for ``scope`` (default) and ``language_code``."""
        key = (json.dumps(scope or {"type": "default"}, sort_keys=True), language_code)
        with self._cond:
            return [c["command"] for c in self.commands.get(key, [])]


def _suffix(file_name: str) -> str:
    dot = file_name.rfind(".")
    return file_name[dot:] if dot > 0 else ""
