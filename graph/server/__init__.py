"""``kg serve``: a SPARQL 1.1 endpoint, a Graph Store and a query page over a store.

Safe by default: bound to 127.0.0.1, read-only, ``SERVICE`` and ``LOAD`` refused after parsing,
each request run in a child process killed at the time limit (503), bounded result rows and
request bodies. :func:`answer` serves one request without a socket.
"""

from __future__ import annotations

import ipaddress
import sys
import urllib.parse

from graph.server.app import App, Request, Response
from graph.server.listen import make_server
from graph.server.safety import Refused, check_query, check_update

__all__ = [
    "App",
    "Refused",
    "Request",
    "Response",
    "answer",
    "check_query",
    "check_update",
    "make_server",
    "serve",
]


def answer(store_url: str, target: str, **options: object) -> Response:
    r"""Answer one GET request for ``target`` (a path with its query string), without a socket.

    Takes the options of :class:`App`.

    Examples
    --------
    >>> import tempfile, pyoxigraph
    >>> folder = tempfile.mkdtemp()
    >>> pyoxigraph.Store(folder).flush()
    >>> answer(folder, "/sparql?query=ASK%7B%7D").status
    200
    >>> query = urllib.parse.quote("ASK { SERVICE <http://10.0.0.1/> { ?s ?p ?o } }")
    >>> answer(folder, "/sparql?query=" + query).body
    b'SERVICE (federated query) is not allowed on this endpoint\n'

    """
    app = App(store_url, **options)  # type: ignore[arg-type]
    return app.handle(Request("GET", target))


def serve(store_url: str, host: str = "127.0.0.1", port: int = 7878, allow_update: bool = False,
          timeout: float = 10.0, *, max_rows: int = 10000, max_body: int = 10_000_000,
          slots: int = 2, ready: object = None) -> None:
    """Serve the store at ``http://host:port/`` until interrupted.

    Parameters
    ----------
    store_url : str
        A store directory or an ``http(s)://`` endpoint.
    host, port
        Where to listen; 127.0.0.1 by default. Port 0 picks a free port.
    allow_update : bool
        Accept SPARQL updates and Graph Store writes (same origin only).
    timeout : float
        Seconds per request before its worker is killed and 503 answered.
    max_rows, max_body, slots
        See :class:`App`.
    ready : callable, optional
        Called with the base URL once the server listens.
    """
    app = App(store_url, allow_update=allow_update, timeout=timeout, max_rows=max_rows,
              max_body=max_body, host=host, slots=slots)
    server = make_server(app, host, port)
    app.workers.warm()
    bound_host, bound_port = str(server.server_address[0]), int(server.server_address[1])
    shown = f"[{bound_host}]" if ipaddress.ip_address(bound_host).version == 6 else bound_host
    url = f"http://{shown}:{bound_port}/"
    if callable(ready):
        ready(url)
    else:
        mode = "read-write" if allow_update else "read-only"
        sparql = urllib.parse.urljoin(url, "sparql")
        print(f"Serving {store_url} at {url} ({mode}; SPARQL at {sparql}); Ctrl-C to stop",
              file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
