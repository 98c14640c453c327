"""The HTTP server: :class:`http.server.ThreadingHTTPServer` in front of :class:`App`."""

from __future__ import annotations

import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from graph.server.app import App, Request

__all__ = ["make_server"]


class _Handler(BaseHTTPRequestHandler):
    server_version = "kg-builder"
    protocol_version = "HTTP/1.1"
    app: App

    def _answer(self) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        body = b""
        length = headers.get("content-length")
        if self.command in ("POST", "PUT"):
            if length is None:
                self._send(411, "text/plain; charset=utf-8", b"Content-Length required\n", {})
                return
            try:
                size = int(length)
            except ValueError:
                self._send(400, "text/plain; charset=utf-8", b"bad Content-Length\n", {})
                return
            if size > self.app.max_body:
                self.close_connection = True
                message = f"request body larger than {self.app.max_body} bytes\n"
                self._send(413, "text/plain; charset=utf-8", message.encode(), {})
                return
            body = self.rfile.read(size)
        reply = self.app.handle(Request(self.command, self.path, headers, body))
        self._send(reply.status, reply.content_type, reply.body, reply.headers)

    def _send(self, status: int, content_type: str, body: bytes, extra: dict[str, str]) -> None:
        self.send_response(status)
        if body or status not in (204, 304):
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _answer  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(app: App, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """Return a threading HTTP server for ``app`` bound to ``host:port`` (not yet serving).

    Port 0 picks a free port; read it from ``server.server_address``.
    """
    handler = type("Handler", (_Handler,), {"app": app})
    kind = type("Server", (ThreadingHTTPServer,), {
        "address_family": socket.AF_INET6 if ":" in host else socket.AF_INET})
    server = kind((host, port), handler)
    server.daemon_threads = True
    return server
