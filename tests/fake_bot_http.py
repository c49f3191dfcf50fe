"""The HTTP side of the fake Bot API: a threaded loopback server whose handler turns each
request into a :meth:`FakeBotAPI.handle` call (a file download into
:meth:`FakeBotAPI.download`), and can drop a connection like a crashing
server (a reset, after an optional hang)."""

from __future__ import annotations

import json
import re
import socket
import struct
import time
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$")
RAW_FIELDS = frozenset(
    {"text", "caption", "filename", "parse_mode", "callback_query_id", "url", "secret_token"}
)
ATTACH = "attach://"
FILE_PATH = re.compile(r"^/file/bot(?P<token>[^/]+)/(?P<path>.+)$")


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


def attach_files(params: dict, files: dict[str, bytes]) -> dict:
    """Put uploaded files where the parameters point at them (``attach://<part>``), or
    under their own part name (a single upload: ``photo``)."""
    referenced = set()
    for key, value in params.items():
        if isinstance(value, str) and value.startswith(ATTACH) and value[len(ATTACH) :] in files:
            referenced.add(value[len(ATTACH) :])
            params[key] = files[value[len(ATTACH) :]]
    for name, content in files.items():
        if name not in referenced:
            params[name] = content
    return params


def parse_multipart(body: bytes, content_type: str) -> tuple[dict[str, str], dict[str, bytes]]:
    """The fields and the files of a ``multipart/form-data`` body (a sendPhoto upload)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    fields, files = {}, {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            files[name] = payload
        else:
            fields[name] = payload.decode("utf-8")
    return fields, files


class Dropped(Exception):
    """The server drops the connection instead of answering (after ``hang`` seconds)."""

    def __init__(self, fault):
        self.fault = fault


class QuietServer(ThreadingHTTPServer):
    """A threaded server that does not print a traceback when a client hangs up."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # the bot opens many connections at once

    def handle_error(self, request, client_address) -> None:
        """Ignore connections the bot dropped (it does so on shutdown)."""


def handler_class(api):
    """The request handler class serving ``api``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes

        def setup(self) -> None:
            super().setup()
            api.connection_opened(self.connection)

        def finish(self) -> None:
            api.connection_closed(self.connection)
            super().finish()

        def do_GET(self) -> None:
            self._serve(b"")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if len(body) < length:  # the client died mid-request: nothing to carry out
                self.close_connection = True
                return
            self._serve(body)

        def _serve(self, body: bytes) -> None:
            parts = urlsplit(self.path)
            if file := FILE_PATH.match(unquote(parts.path)):
                return self._reply_bytes(*api.download(file["token"], file["path"]))
            match = PATH.match(parts.path)
            if not match:
                return self._reply(
                    404, {"ok": False, "error_code": 404, "description": "Not Found"}
                )
            raw = dict(parse_qsl(parts.query))
            kind = self.headers.get("Content-Type", "")
            files: dict[str, bytes] = {}
            if body and "json" in kind:
                raw.update(json.loads(body))
            elif body and "multipart/form-data" in kind:
                fields, files = parse_multipart(body, kind)
                raw.update(fields)
            elif body:
                raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
            params = attach_files(decode_params(raw), files)
            try:
                status, payload = api.handle(match["token"], match["method"], params)
            except Dropped as drop:
                time.sleep(drop.fault.hang)
                abort(self.connection)
                self.close_connection = True
                return None
            return self._reply(status, payload)

        def _reply(self, status: int, payload: dict) -> None:
            self._reply_bytes(status, json.dumps(payload).encode("utf-8"), "application/json")

        def _reply_bytes(self, status: int, data: bytes, kind="application/octet-stream") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args) -> None:
            """Quiet: the test output stays readable."""

    return Handler


def abort(conn: socket.socket) -> None:
    """Cut a connection with a reset (RST), as a crashing server would."""
    try:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
