"""The work of requests, done in worker processes that the server kills at the time limit.

pyoxigraph cannot interrupt a query running in a thread, so every query, update and Graph
Store request runs in a worker process: it opens the store (read-only for reads, kept open
until the store's files change, so it sees the latest build), checks and runs the request,
serialises the answer within the row limit and sends a :class:`Reply` back through a pipe. The
server kills the worker when the time limit passes, which frees the CPU at once.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph.errors import KGError, QueryError, QueryTimeout, StoreBusy, StoreError
from graph.model.vocab import PREFIXES
from graph.server.formats import GRAPH_TYPES, RESULT_TYPES, negotiate
from graph.server.safety import Refused, check_query, check_update
from graph.store import open_store
from graph.store.oxigraph import OxigraphStore

__all__ = ["Job", "Reply", "perform", "serve_jobs"]


@dataclass(frozen=True)
class Job:
    """What a worker must do.

    Attributes
    ----------
    store : str
        URL of the store (a directory or an ``http(s)://`` endpoint).
    action : str
        ``query``, ``update``, ``view``, ``graph-get``, ``graph-put``, ``graph-post`` or
        ``graph-delete``.
    text : str
        The SPARQL query or update.
    accept : str
        The ``Accept`` header (or what the query page asks for).
    format : str or None
        A ``format=`` parameter, which wins over ``accept``.
    graph : str or None
        The graph of a Graph Store request (``None``: the whole dataset).
    body : bytes
        The RDF of a Graph Store write.
    content_type : str
        The media type of ``body``.
    max_rows : int
        Largest number of result rows (or triples) answered.
    """

    store: str
    action: str
    text: str = ""
    accept: str = ""
    format: str | None = None
    graph: str | None = None
    body: bytes = b""
    content_type: str = ""
    max_rows: int = 10000


@dataclass
class Reply:
    """The answer to a request: HTTP status, media type, body and extra headers."""

    status: int
    content_type: str = "text/plain; charset=utf-8"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        r"""Return a plain-text reply (errors and notices).

        Examples
        --------
        >>> Reply.text(400, "bad").body
        b'bad\n'
        """
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


_READERS: dict[str, tuple[tuple[tuple[str, int, int], ...], OxigraphStore]] = {}


def _signature(folder: str) -> tuple[tuple[str, int, int], ...]:
    """Names, times and sizes of a store's files: they change whenever it is written."""
    entries = []
    with os.scandir(folder) as found:
        for entry in found:
            stat = entry.stat()
            entries.append((entry.name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


def _open(url: str, *, write: bool) -> Any:
    """Open the store of a job.

    A worker lives for many jobs: it keeps its read-only opening of an on-disk store while the
    store's files stay the same, and opens it again once a build or an update changed them.
    """
    if url.startswith(("http://", "https://")):
        return open_store(url)
    if write:
        _READERS.pop(url, None)
        return OxigraphStore(url, create=False, read_only=False)
    try:
        signature = _signature(url)
    except OSError:
        signature = ()
    cached = _READERS.get(url)
    if cached is None or cached[0] != signature:
        _READERS[url] = (signature, OxigraphStore(url, create=False, read_only=True))
    return contextlib.nullcontext(_READERS[url][1])


def _term_json(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        found: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype.value != PREFIXES["xsd"] + "string":
            found["datatype"] = term.datatype.value
        return found
    return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                        "predicate": _term_json(term.predicate),
                                        "object": _term_json(term.object)}}


def _too_many(limit: int) -> Reply:
    return Reply.text(
        400, f"the result has more than {limit} rows, this server's limit; "
        f"add LIMIT {limit} (with OFFSET to page) to the query"
    )


def _solutions(raw: ox.QuerySolutions, media: str, limit: int) -> Reply:
    names = [v.value for v in raw.variables]
    bindings = []
    for count, solution in enumerate(raw):
        if count >= limit:
            return _too_many(limit)
        bindings.append({name: _term_json(solution[name]) for name in names
                         if solution[name] is not None})
    data = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")
    if RESULT_TYPES[media] is ox.QueryResultsFormat.JSON:
        return Reply(200, media, data)
    parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    return Reply(200, media, parsed.serialize(format=RESULT_TYPES[media]) or b"")


def _boolean(value: bool, media: str) -> Reply:
    fmt = RESULT_TYPES[media]
    if fmt in (ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV):
        return Reply(200, media, b"true\n" if value else b"false\n")
    data = json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt is ox.QueryResultsFormat.JSON:
        return Reply(200, media, data)
    parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    return Reply(200, media, parsed.serialize(format=fmt) or b"")


def _triples(triples: Any, media: str, limit: int | None) -> Reply:
    kept = []
    for count, triple in enumerate(triples):
        if limit is not None and count >= limit:
            return _too_many(limit)
        kept.append(triple)
    body = ox.serialize(kept, format=GRAPH_TYPES[media], prefixes=PREFIXES) or b""
    return Reply(200, media + ("; charset=utf-8" if media.startswith("text/") else ""), body)


def _query(job: Job) -> Reply:
    form = check_query(job.text)
    media = negotiate(job.accept, form, job.format)
    if media is None:
        return Reply.text(406, f"cannot answer a {form.upper()} query in {job.accept!r}")
    with _open(job.store, write=False) as store:
        result = store.query(job.text)
        if result.kind == "solutions":
            return _solutions(result.raw, media, job.max_rows)
        if result.kind == "boolean":
            return _boolean(bool(result), media)
        return _triples(result.raw, media, job.max_rows)


def _view(job: Job) -> Reply:
    try:
        from graph.view import generate_html  # type: ignore[import-not-found]
    except ImportError:
        return Reply.text(404, "the network view is not available in this version")
    if check_query(job.text) not in ("construct", "describe"):
        return Reply.text(400, "the network view draws CONSTRUCT or DESCRIBE queries")
    with _open(job.store, write=False) as store:
        html = generate_html(store, query=job.text)
    return Reply(200, "text/html; charset=utf-8", html.encode("utf-8"))


def _graph_get(job: Job) -> Reply:
    if job.graph is None:
        dataset = "application/n-quads" if "trig" not in job.accept else "application/trig"
        fmt = ox.RdfFormat.N_QUADS if dataset.endswith("n-quads") else ox.RdfFormat.TRIG
        with _open(job.store, write=False) as store:
            rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
            quads = [ox.Quad(s, p, o, g) for s, p, o, g in rows]
        return Reply(200, dataset, ox.serialize(quads, format=fmt, prefixes=PREFIXES) or b"")
    media = negotiate(job.accept, "construct", job.format)
    if media is None:
        return Reply.text(406, f"cannot answer a graph in {job.accept!r}")
    with _open(job.store, write=False) as store:
        graph = f"<{ox.NamedNode(job.graph).value}>"
        if not bool(store.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}")):
            return Reply.text(404, f"no graph {job.graph}")
        triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        return _triples(triples.raw, media, None)


def _parse_body(job: Job) -> list[ox.Triple]:
    media = job.content_type.split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media) if media else None
    if fmt is None:
        raise QueryError(f"cannot read a graph in {media or 'an unnamed format'}; send "
                         "text/turtle, application/n-triples or another RDF media type")
    try:
        return [quad.triple for quad in ox.parse(job.body, format=fmt)]
    except SyntaxError as exc:
        raise QueryError(f"malformed {fmt.name}: {exc}") from None


def _graph_write(job: Job) -> Reply:
    from graph.model.rdf import Source

    assert job.graph is not None
    with _open(job.store, write=True) as store:
        if job.action == "graph-delete":
            if store.remove(job.graph):
                return Reply(204)
            return Reply.text(404, f"no graph {job.graph}")
        triples = _parse_body(job)
        if job.action == "graph-post":
            graph = ox.NamedNode(job.graph).value
            old = store.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            )
            triples = list(old) + triples
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        store.write(Source(job.graph, job.graph, data, len(triples)))
    return Reply(204)


def perform(job: Job) -> Reply:
    """Do a job in this process and return its reply; library errors become 4xx/5xx.

    Examples
    --------
    >>> perform(Job("no-such-dir", "query", "ASK {}")).status
    404
    >>> perform(Job("no-such-dir", "query", "ASK { SERVICE <http://x/> {} }")).status
    400
    """
    try:
        if job.action == "query":
            return _query(job)
        if job.action == "view":
            return _view(job)
        if job.action == "update":
            check_update(job.text)
            with _open(job.store, write=True) as store:
                store.update(job.text)
            return Reply(204)
        if job.action == "graph-get":
            return _graph_get(job)
        if job.action in ("graph-put", "graph-post", "graph-delete"):
            return _graph_write(job)
        return Reply.text(500, f"unknown action {job.action}")
    except Refused as exc:
        return Reply.text(400, str(exc))
    except (StoreBusy, QueryTimeout) as exc:
        return Reply.text(503, str(exc))
    except QueryError as exc:
        return Reply.text(400, str(exc))
    except StoreError as exc:
        if str(exc).startswith("no store at"):
            return Reply.text(404, str(exc))
        remote = job.store.startswith(("http://", "https://"))
        return Reply.text(502 if remote else 500, str(exc))
    except KGError as exc:
        return Reply.text(500, str(exc))
    except (OSError, ValueError) as exc:
        return Reply.text(500, f"{type(exc).__name__}: {exc}")


def serve_jobs(connection: Any) -> None:
    """Entry point of a pooled worker: perform jobs from the pipe until it closes.

    The server kills a worker whose job runs past the time limit, which frees the CPU at once.
    """
    try:
        while True:
            try:
                job = connection.recv()
            except EOFError:
                break
            try:
                reply = perform(job)
            except Exception as exc:  # a bug: say what it was rather than die silently
                reply = Reply.text(500, f"internal error: {type(exc).__name__}: {exc}")
            connection.send(reply)
    finally:
        connection.close()
        os._exit(0)
