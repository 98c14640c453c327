"""The endpoint as a function of a request: routing, protocol rules, origin checks and limits.

:class:`App` turns a :class:`Request` into a :class:`Response` without any socket, so the HTTP
server, ``kg serve --get`` and tests share one code path.

Routes::

    GET  /                     the query page (``?query=`` runs it)
    GET  /view?query=…         the network view of a CONSTRUCT query
    GET  /sparql?query=…       SPARQL 1.1 Protocol query
    POST /sparql               query (form or application/sparql-query) or update
                               (application/sparql-update, with allow_update only)
    GET  /store?graph=…        Graph Store Protocol read (no graph: the whole dataset)
    PUT|POST|DELETE /store?graph=…   Graph Store Protocol writes (allow_update only)
"""

from __future__ import annotations

import ipaddress
import os
import urllib.parse
from dataclasses import dataclass, field

from graph.errors import StoreError
from graph.server.page import generate_page
from graph.server.worker import Job, Reply
from graph.server.workers import Workers

__all__ = ["App", "Request", "Response"]

_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
_CSP_PAGE = ("default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; "
             "form-action 'self'; base-uri 'none'")
_CSP_VIEW = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
             "img-src data: blob:; font-src data:; base-uri 'none'")


@dataclass
class Request:
    """An HTTP request as the application sees it.

    Attributes
    ----------
    method : str
    target : str
        Path and query string, e.g. ``/sparql?query=ASK%7B%7D``.
    headers : dict
        Header names in lower case.
    body : bytes
    """

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def path(self) -> str:
        """The path without the query string."""
        return urllib.parse.urlsplit(self.target).path

    @property
    def params(self) -> dict[str, list[str]]:
        """The query-string parameters."""
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.target).query,
                                     keep_blank_values=True)


Response = Reply
"""A response: status, media type, body and extra headers."""


def _first(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class App:
    """The SPARQL endpoint, query page and Graph Store of one store.

    Parameters
    ----------
    store_url : str
        A store directory or an ``http(s)://`` endpoint. Queries run in child processes that
        open it by themselves, so ``memory:`` cannot be served.
    allow_update : bool
        Accept SPARQL updates and Graph Store writes.
    timeout : float
        Seconds a request may run before its worker is killed (503).
    max_rows : int
        Most rows (or triples) in a result; more is answered with 400.
    max_body : int
        Largest request body in bytes (413 above).
    host : str
        The address the server is bound to; on a loopback address, requests must name a
        loopback ``Host`` (against DNS rebinding).
    slots : int
        Requests running at once.
    """

    def __init__(self, store_url: str, *, allow_update: bool = False, timeout: float = 10.0,
                 max_rows: int = 10000, max_body: int = 10_000_000, host: str = "127.0.0.1",
                 slots: int = 2) -> None:
        if store_url.startswith("memory:"):
            raise StoreError("kg serve needs a store on disk or an http(s):// endpoint; a "
                             "memory: store cannot be shared with the query workers")
        if not store_url.startswith(("http://", "https://")):
            store_url = os.path.abspath(store_url)
            if not os.path.exists(os.path.join(store_url, "CURRENT")):
                raise StoreError(f"no store at {store_url} (build one with: kg build INPUT…)")
        self.store_url = store_url
        self.allow_update = allow_update
        self.max_rows = max_rows
        self.max_body = max_body
        self.check_host = _is_loopback(host)
        self.workers = Workers(timeout=timeout, slots=slots)
        try:
            import graph.view  # noqa: F401
        except ImportError:
            self.has_view = False
        else:
            self.has_view = True

    # -- checks -------------------------------------------------------------------------------

    def _host_refused(self, request: Request) -> Reply | None:
        host = request.headers.get("host")
        if not self.check_host or host is None:
            return None
        name = urllib.parse.urlsplit("//" + host).hostname or ""
        if _is_loopback(name):
            return None
        return Reply.text(403, f"Host {host!r} refused: this server answers on loopback names only")

    def _write_refused(self, request: Request) -> Reply | None:
        if not self.allow_update:
            return Reply.text(403, "this endpoint is read-only; start it with --allow-update "
                                   "to accept updates")
        origin = request.headers.get("origin")
        if origin is not None:
            host = request.headers.get("host", "")
            if origin not in (f"http://{host}", f"https://{host}"):
                return Reply.text(403, f"cross-origin update refused (Origin {origin!r})")
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return Reply.text(403, "cross-site update refused")
        return None

    # -- routes -------------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        r"""Answer one request.

        Examples
        --------
        >>> import tempfile, pyoxigraph
        >>> folder = tempfile.mkdtemp()
        >>> pyoxigraph.Store(folder).flush()
        >>> app = App(folder)
        >>> app.handle(Request("GET", "/sparql?query=ASK%20%7B%7D&format=csv")).body
        b'true\n'
        >>> app.handle(Request("POST", "/sparql", {"content-type": "application/sparql-update"},
        ...                    b"CLEAR ALL")).status
        403
        """
        refused = self._host_refused(request)
        if refused:
            return refused
        if len(request.body) > self.max_body:
            return Reply.text(413, f"request body larger than {self.max_body} bytes")
        path = request.path
        if path == "/sparql":
            return self._sparql(request)
        if path == "/store":
            return self._store(request)
        if path in ("/", "/index.html"):
            return self._page(request)
        if path == "/view":
            return self._view(request)
        return Reply.text(404, f"no such page {path}; try /, /sparql or /store")

    def _job(self, action: str, **fields: object) -> Reply:
        return self.workers.run(Job(self.store_url, action, max_rows=self.max_rows,
                                    **fields))  # type: ignore[arg-type]

    def _sparql(self, request: Request) -> Reply:
        params = request.params
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if any(name in params for name in ("default-graph-uri", "named-graph-uri",
                                           "using-graph-uri", "using-named-graph-uri")):
            return Reply.text(400, "default-graph-uri and named-graph-uri are not supported: "
                                   "the default graph is the union of all sources")
        fmt = _first(params, "format") or _first(params, "output")
        if request.method == "GET":
            text = _first(params, "query")
        elif request.method == "POST" and kind == "application/sparql-query":
            text = request.body.decode("utf-8", "replace")
        elif request.method == "POST" and kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(request.body.decode("utf-8", "replace"),
                                         keep_blank_values=True)
            if "update" in form:
                return Reply.text(415, "updates must be sent as Content-Type: "
                                       "application/sparql-update")
            text = _first(form, "query")
            fmt = fmt or _first(form, "format") or _first(form, "output")
        elif request.method == "POST" and kind == "application/sparql-update":
            refused = self._write_refused(request)
            if refused:
                return refused
            return self._job("update", text=request.body.decode("utf-8", "replace"))
        elif request.method == "POST":
            return Reply.text(415, "send a query as application/sparql-query or a form, an "
                                   "update as application/sparql-update")
        else:
            return Reply(405, headers={"Allow": "GET, POST"},
                         body=b"use GET or POST on /sparql\n")
        if not text:
            return Reply.text(400, "missing query (GET /sparql?query=… or POST)")
        return self._job("query", text=text, accept=request.headers.get("accept", ""),
                         format=fmt)

    def _store(self, request: Request) -> Reply:
        params = request.params
        graph = _first(params, "graph")
        if "default" in params:
            return Reply.text(400, "every source lives in a named graph here; use ?graph=IRI")
        if request.method in ("GET", "HEAD"):
            return self._job("graph-get", graph=graph, accept=request.headers.get("accept", ""),
                             format=_first(params, "format"))
        if request.method not in ("PUT", "POST", "DELETE"):
            return Reply(405, headers={"Allow": "GET, PUT, POST, DELETE"},
                         body=b"use GET, PUT, POST or DELETE on /store\n")
        refused = self._write_refused(request)
        if refused:
            return refused
        if not graph:
            return Reply.text(400, "name the graph to write: /store?graph=IRI")
        return self._job(f"graph-{request.method.lower()}", graph=graph, body=request.body,
                         content_type=request.headers.get("content-type", ""))

    def _page(self, request: Request) -> Reply:
        if request.method not in ("GET", "HEAD"):
            return Reply(405, headers={"Allow": "GET"}, body=b"use GET on /\n")
        query = _first(request.params, "query")
        if query is None:
            page = generate_page(allow_update=self.allow_update)
            status = 200
        else:
            reply = self._job("query", text=query,
                              accept="application/sparql-results+json, application/n-triples")
            status = reply.status
            page = generate_page(query, status=reply.status, media=reply.content_type,
                                 body=reply.body, view=self.has_view,
                                 allow_update=self.allow_update)
        return Reply(status, "text/html; charset=utf-8", page.encode("utf-8"),
                     {"Content-Security-Policy": _CSP_PAGE})

    def _view(self, request: Request) -> Reply:
        query = _first(request.params, "query")
        if not query:
            return Reply.text(400, "missing query: /view?query=CONSTRUCT…")
        reply = self._job("view", text=query)
        if reply.status == 200:
            reply.headers["Content-Security-Policy"] = _CSP_VIEW
        return reply
