"""A store on a remote SPARQL 1.1 endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso).

Reads go through the SPARQL 1.1 Protocol with JSON results, parsed by pyoxigraph so that
:class:`~graph.store.base.Result` is the same as with the embedded store. Writes go through the
Graph Store Protocol as N-Triples, a whole source per request or in batches, never a request
per triple.

The URL names the server's base; the default endpoints are Oxigraph's ``/query``, ``/update``
and ``/store``. Options ride in the URL's query string (and are removed from it)::

    http://127.0.0.1:7878                              oxigraph serve
    http://host:3030/ds?query=sparql&update=update&store=data&union=native     Fuseki
    http://host/repositories/kg?query=.&update=statements&store=rdf-graphs/service&union=native

``query``, ``update`` and ``store`` are endpoint URLs, absolute or relative to the base (``.``
is the base itself). ``union`` says how the default graph becomes the union of all graphs:
``param`` (default: Oxigraph's ``union-default-graph`` parameter), ``native`` (the server
already does it: GraphDB, Virtuoso, Fuseki with ``unionDefaultGraph``). ``batch`` is the number
of triples per write request (default 50000), ``timeout`` the seconds per request (default
60), ``retries`` the attempts after a 5xx answer (default 3), ``load`` and ``parallel`` how
large sources are written (below). The environment variables ``KG_REMOTE_BATCH``,
``KG_REMOTE_TIMEOUT``, ``KG_REMOTE_RETRIES`` and ``KG_REMOTE_PARALLEL`` give other defaults.

A source of at most one batch is written by one PUT, which the server applies as one
transaction. A larger source is written in one of two ways, chosen by ``load``:

``bulk`` (default with Oxigraph's endpoints)
    The old graph is deleted, the batches are POSTed with Oxigraph's ``no_transaction``
    parameter (its bulk loader), ``parallel`` at a time (default 2), and the source's document
    node goes last. This is what the embedded store does for large sources: many times faster,
    but readers see the source partly loaded meanwhile, and an interrupted load leaves a graph
    without its document node, which the next build replaces.
``staged`` (default with ``union=native``)
    The batches go into a staging graph (PUT of the first, POST of the others), which one
    SPARQL ``MOVE`` then puts over the real graph, so that the source is replaced whole, in one
    step, and an interrupted upload leaves the old version. Portable, and slow on Oxigraph,
    whose ``MOVE`` copies triple by triple.
"""

from __future__ import annotations

import os
import re
import time
import urllib.parse
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO

import httpx
import pyoxigraph as ox

from graph.errors import QueryError, QueryTimeout, StoreError
from graph.model.rdf import Source
from graph.model.vocab import ONTOLOGY_GRAPH, PREFIXES
from graph.store.base import EXPORT_FORMATS, Result, Store, split_shard

__all__ = ["RemoteStore", "open_remote", "prologue"]

_JSON = "application/sparql-results+json"
_NT = "application/n-triples"
_NQ = "application/n-quads"
_STAGING = "urn:kg-builder:staging:"
_UNION_MODES = ("param", "native")
_LOAD_MODES = ("bulk", "staged")


def prologue() -> str:
    """Return the ``PREFIX`` lines of the pre-bound prefixes, to put before a query.

    Examples
    --------
    >>> "PREFIX kg: <https://w3id.org/kg-builder/ns#>" in prologue()
    True
    """
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def _unshift(message: str) -> str:
    """Give line numbers in an endpoint's error message relative to the query without prologue.

    Examples
    --------
    >>> _unshift(f"error at {prologue().count(chr(10)) + 1}:25: expected one of SERVICE")
    'error at 1:25: expected one of SERVICE'
    """
    lines = prologue().count("\n")
    return re.sub(r"\bat (\d+):(\d+)",
                  lambda m: f"at {max(int(m.group(1)) - lines, 1)}:{m.group(2)}", message)


def _option(options: dict[str, str], name: str, env: str, default: float) -> float:
    text = options.pop(name, None) or os.environ.get(env) or str(default)
    try:
        value = float(text)
    except ValueError:
        raise StoreError(f"remote store option {name}={text!r} is not a number") from None
    if value <= 0 and name != "retries":
        raise StoreError(f"remote store option {name} must be positive, got {text}")
    return value


class RemoteStore(Store):
    """A store on a SPARQL 1.1 endpoint with the Graph Store Protocol.

    Parameters
    ----------
    url : str
        The server's base URL, with options in its query string (see the module docstring).
    transport : httpx.BaseTransport, optional
        For serving an application in the same process (e.g. ``httpx.WSGITransport``).

    Examples
    --------
    >>> store = RemoteStore("http://127.0.0.1:7878?batch=1000&union=native")
    >>> store.query_url, store.store_url, store.batch, store.load
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/store', 1000, 'staged')
    >>> RemoteStore("http://host:3030/ds?query=sparql&store=data").query_url
    'http://host:3030/ds/sparql'
    >>> RemoteStore("https://ann:s3cret@host/kg?query=.").query_url
    'https://host/kg'
    """

    def __init__(self, url: str, *, transport: httpx.BaseTransport | None = None) -> None:
        parts = urllib.parse.urlsplit(url)
        options = dict(urllib.parse.parse_qsl(parts.query))
        netloc = parts.netloc.rpartition("@")[2]  # credentials stay out of messages
        auth = None
        if parts.username is not None:
            auth = httpx.BasicAuth(urllib.parse.unquote(parts.username),
                                   urllib.parse.unquote(parts.password or ""))
        base = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))
        self.url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        self.base = base.rstrip("/")

        def endpoint(name: str, default: str) -> str:
            given = options.pop(name, default)
            if given == ".":
                return self.base
            return urllib.parse.urljoin(self.base + "/", given)

        self.query_url = endpoint("query", "query")
        self.update_url = endpoint("update", "update")
        self.store_url = endpoint("store", "store")
        self.union = options.pop("union", "param")
        if self.union not in _UNION_MODES:
            raise StoreError(f"remote store option union={self.union!r}; choose one of "
                             + ", ".join(_UNION_MODES))
        self.batch = int(_option(options, "batch", "KG_REMOTE_BATCH", 50000))
        self.timeout = _option(options, "timeout", "KG_REMOTE_TIMEOUT", 60.0)
        self.retries = int(_option(options, "retries", "KG_REMOTE_RETRIES", 3))
        self.parallel = int(_option(options, "parallel", "KG_REMOTE_PARALLEL", 2))
        self.load = options.pop("load", "bulk" if self.union == "param" else "staged")
        if self.load not in _LOAD_MODES:
            raise StoreError(f"remote store option load={self.load!r}; choose one of "
                             + ", ".join(_LOAD_MODES))
        if options:
            raise StoreError(f"unknown remote store option(s): {', '.join(sorted(options))} "
                             "(known: query, update, store, union, batch, timeout, retries, "
                             "load, parallel)")
        self._client = httpx.Client(timeout=self.timeout, transport=transport, auth=auth,
                                    headers={"User-Agent": "kg-builder"})

    # -- HTTP ---------------------------------------------------------------------------------

    def _send(self, method: str, url: str, *, what: str, timeout: float | None = None,
              **kwargs: object) -> httpx.Response:
        """Send a request; retry 5xx answers with back-off; turn failures into StoreError."""
        delay = 0.5
        for attempt in range(self.retries + 1):
            try:
                response = self._client.request(
                    method, url, timeout=timeout or self.timeout, **kwargs  # type: ignore[arg-type]
                )
            except httpx.ConnectError as exc:
                raise StoreError(f"cannot connect to {url} ({what}): {exc}; is the server "
                                 "running?") from None
            except httpx.TimeoutException:
                raise QueryTimeout(f"{what} on {url} took longer than "
                                   f"{timeout or self.timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise StoreError(f"{what} on {url} failed: {exc}") from None
            if response.status_code < 500 or attempt == self.retries:
                break
            time.sleep(delay)
            delay *= 2
        if response.status_code >= 400:
            message = response.text.strip()[:2000] or response.reason_phrase
            error = QueryError if what in ("query", "update") and response.status_code == 400 \
                else StoreError
            raise error(f"{what} refused by {url}: HTTP {response.status_code}: {message}")
        return response

    def _graph_url(self, iri: str) -> str:
        return f"{self.store_url}?{urllib.parse.urlencode({'graph': iri})}"

    # -- reading ------------------------------------------------------------------------------

    def _query_raw(self, sparql: str, *, timeout: float | None = None) -> httpx.Response:
        query_url = self.query_url
        if self.union == "param":
            query_url += ("&" if "?" in query_url else "?") + "union-default-graph"
        try:
            return self._send(
                "POST", query_url, what="query", timeout=timeout,
                content=(prologue() + sparql).encode("utf-8"),
                headers={"Content-Type": "application/sparql-query",
                         "Accept": f"{_JSON}, {_NT};q=0.9, text/turtle;q=0.8"},
            )
        except QueryError as exc:
            raise type(exc)(_unshift(str(exc))) from None

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        """Run a query on the endpoint (``kg:`` etc. pre-bound, union of graphs by default).

        SELECT and ASK results come as JSON, CONSTRUCT and DESCRIBE as N-Triples (or Turtle).
        """
        response = self._query_raw(sparql, timeout=timeout)
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if kind in (_JSON, "application/json"):
                return Result(ox.parse_query_results(response.content,
                                                     format=ox.QueryResultsFormat.JSON))
            rdf_format = ox.RdfFormat.from_media_type(kind)
            if rdf_format is None:
                raise StoreError(f"the endpoint {self.query_url} answered in {kind or 'nothing'}")
            graph = ox.Store()
            graph.load(response.content, format=rdf_format)
            return Result(graph.query("CONSTRUCT WHERE { ?s ?p ?o }"))
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot read the answer of {self.query_url}: {exc}") from None

    def _has_graph(self, iri: str) -> bool:
        return bool(self.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"))

    # -- writing ------------------------------------------------------------------------------

    def _batches(self, data: bytes) -> Iterator[bytes]:
        r"""Cut N-Triples into batches of at most ``batch`` lines, at line ends.

        Each request has its own blank-node scope, so a blank node split over two requests
        would become two nodes: data of more than ``batch`` lines with blank nodes sends those
        lines first, all in one batch (which may then hold more). The rest is cut at byte
        offsets, from the mean line length (counted in C: no work per line in Python), a cut
        halved while it holds too many lines.

        Examples
        --------
        >>> store = RemoteStore("http://127.0.0.1:7878?batch=2")
        >>> list(store._batches(b"<a> <p> 1 .\n<b> <p> 2 .\n<c> <p> 3 .\n"))
        [b'<a> <p> 1 .\n<b> <p> 2 .\n', b'<c> <p> 3 .\n']
        >>> list(store._batches(b"<a> <p> 1 .\n_:x <p> 2 .\n<c> <p> _:x .\n"))
        [b'_:x <p> 2 .\n<c> <p> _:x .\n', b'<a> <p> 1 .\n']
        >>> len(list(store._batches(b"<a> <p> 1 .\n_:x <p> 2 .\n")))  # it fits: one request
        1
        """
        if data and not data.endswith(b"\n"):
            data += b"\n"
        if data.count(b"\n") <= self.batch:  # one request, blank nodes and all
            if data:
                yield data
            return
        if b"_:" in data:
            split = data.splitlines(keepends=True)
            yield b"".join(line for line in split if b"_:" in line)
            data = b"".join(line for line in split if b"_:" not in line)
        lines = data.count(b"\n") or 1
        step = max(1, len(data) * self.batch // lines - 1)  # bytes of about a batch of lines
        start = 0
        while start < len(data):
            end = data.find(b"\n", start + step)
            end = len(data) if end < 0 else end + 1
            while data.count(b"\n", start, end) > self.batch:  # short lines: halve the cut
                half = data.rfind(b"\n", start, start + (end - start) // 2)
                end = half + 1 if half >= start else data.find(b"\n", start) + 1
            yield data[start:end]
            start = end

    def _upload(self, iri: str, data: bytes) -> None:
        headers = {"Content-Type": _NT}
        for index, chunk in enumerate(self._batches(data) if data else iter([b""])):
            method = "PUT" if index == 0 else "POST"
            self._send(method, self._graph_url(iri), what="write", content=chunk, headers=headers)

    def _bulk_upload(self, iri: str, data: bytes) -> None:
        """POST batches to Oxigraph's bulk loader, ``parallel`` requests in flight."""
        url = self._graph_url(iri) + "&no_transaction"
        headers = {"Content-Type": _NT}

        def post(chunk: bytes) -> None:
            self._send("POST", url, what="write", content=chunk, headers=headers)

        with ThreadPoolExecutor(self.parallel) as pool:
            pending: deque[Future[None]] = deque()
            for chunk in self._batches(data):
                if len(pending) >= self.parallel:
                    pending.popleft().result()
                pending.append(pool.submit(post, chunk))
            while pending:
                pending.popleft().result()

    def write(self, source: Source) -> None:
        """Replace the source's graph: one PUT, or batches (see the module docstring)."""
        if source.triples <= self.batch:
            self._upload(source.iri, source.payload)
        elif self.load == "bulk":
            self.remove(source.iri)
            self._bulk_upload(source.iri, source.data)
            if source.meta:
                self._send("POST", self._graph_url(source.iri), what="write",
                           content=source.meta, headers={"Content-Type": _NT})
        else:
            staging = _STAGING + urllib.parse.quote(source.iri, safe="")
            self._upload(staging, source.payload)
            self.update(f"MOVE SILENT <{staging}> TO <{source.iri}>")

    def _held(self, iris: list[str]) -> set[str]:
        """Return those of ``iris`` whose graph the endpoint holds (one query)."""
        values = " ".join(f"<{iri}>" for iri in iris)
        rows = self.query(f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} "
                          "FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        return {row[0].value for row in rows}

    def write_many(self, sources: Sequence[Source]) -> None:
        """Replace the graphs of several sources; with Oxigraph, new ones go as shards.

        With ``load=bulk`` (Oxigraph's endpoints), the sources the endpoint does not hold yet
        are POSTed together as N-Quads, up to ``batch`` triples a request, each request one
        transaction on the server; the others are written one by one after them. Elsewhere,
        one :meth:`write` each (the Graph Store Protocol leaves a POST of quads to the
        server).
        """
        if self.load != "bulk" or len(sources) < 2:
            super().write_many(sources)
            return
        held = self._held([source.iri for source in sources])
        shard, alone = split_shard(sources, held.__contains__, self.batch)
        batch: list[bytes] = []
        size = 0
        for source, quads in shard:
            if batch and size + source.triples > self.batch:
                self._post_quads(batch)
                batch, size = [], 0
            batch.append(quads)
            size += source.triples
        if batch:
            self._post_quads(batch)
        for source in alone:
            self.write(source)

    def _post_quads(self, shard: list[bytes]) -> None:
        """POST N-Quads of several graphs to the Graph Store: one transaction on the server."""
        self._send("POST", self.store_url, what="write", content=b"".join(shard),
                   headers={"Content-Type": _NQ})

    def remove(self, iri: str) -> bool:
        """Drop a source's graph by a Graph Store Protocol DELETE."""
        try:
            response = self._client.request("DELETE", self._graph_url(iri))
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot remove {iri} from {self.store_url}: {exc}") from None
        if response.status_code == 404:
            return False
        if response.status_code >= 400:
            raise StoreError(f"remove refused by {self.store_url}: HTTP {response.status_code}: "
                             f"{response.text.strip()[:2000]}")
        return True

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the update endpoint (``kg:`` etc. pre-bound)."""
        try:
            self._send("POST", self.update_url, what="update",
                       content=(prologue() + sparql).encode("utf-8"),
                       headers={"Content-Type": "application/sparql-update"})
        except QueryError as exc:
            raise type(exc)(_unshift(str(exc))) from None

    def dump(self, output: IO[bytes], fmt: str, *, include_ontology: bool = False) -> None:
        """Write the endpoint's named graphs in ``fmt``, as the embedded store does."""
        rdf_format = EXPORT_FORMATS[fmt]
        keep = "" if include_ontology else f"FILTER(?g != <{ONTOLOGY_GRAPH}>)"
        if rdf_format.supports_datasets:
            rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {keep} }}")
            quads = (ox.Quad(s, p, o, g) for s, p, o, g in rows)
            ox.serialize(quads, output, format=rdf_format, prefixes=PREFIXES)
            return
        triples = self.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o "
            f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {keep} }} }}"
        )
        ox.serialize(triples.raw, output, format=rdf_format, prefixes=PREFIXES)

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()


def open_remote(url: str, *, read_only: bool = False) -> Store:
    """Open a remote store (the factory registered for ``http://`` and ``https://``)."""
    return RemoteStore(url)
