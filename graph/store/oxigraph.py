"""Embedded Oxigraph store: on disk (a directory) or in memory."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from graph.errors import QueryError, StoreBusy, StoreError
from graph.model.rdf import Source
from graph.model.vocab import ONTOLOGY_GRAPH, PREFIXES
from graph.store.base import EXPORT_FORMATS, Result, Store, split_shard

__all__ = ["OxigraphStore", "sparql_error"]

_ONTOLOGY = f"<{ONTOLOGY_GRAPH}>"


def sparql_error(exc: SyntaxError, sparql: str) -> QueryError:
    """Turn Oxigraph's SPARQL syntax error into a :class:`QueryError` with its position."""
    from graph.query.syntax import explain_syntax_error

    return QueryError(explain_syntax_error(str(exc), sparql))


class OxigraphStore(Store):
    """An embedded pyoxigraph store.

    Parameters
    ----------
    path : str or Path or None
        Directory of the on-disk store, or ``None`` for memory.
    create : bool
        Create the directory when missing (writers); readers get an error instead.
    read_only : bool
        Open without taking the store's lock, so that readers work while a build writes. A
        read-only store sees the data as of its opening: each source whole, old or new.

    Examples
    --------
    >>> from graph.model.rdf import make_source, term
    >>> store = OxigraphStore(None)
    >>> t = ox.Triple(term("http://x/a"), term("kg:met"), term("http://x/b"))
    >>> store.write(make_source("http://x/g", "g", [t]))
    >>> store.query("ASK { ?a kg:met ?b }").raw
    <QueryBoolean true>
    """

    FLUSH_SECONDS = 10.0
    """How often a writer flushes to disk, so that read-only openings replay little log.

    Each flush writes a small file that compaction later merges: every two seconds, this
    cost a build a third of its writing time."""

    BULK_TRIPLES = 100_000
    """Sources this large are written by Oxigraph's bulk loader (see :meth:`write`)."""

    RETRIES = 20
    """How often a read-only store reopens when a concurrent writer moved files under it."""

    def __init__(
        self, path: str | os.PathLike[str] | None, *, create: bool = True, read_only: bool = False
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.url = str(self.path) if self.path else "memory:"
        self.read_only = read_only and self.path is not None
        self._flushed = time.monotonic()
        if self.path is None:
            self._store = ox.Store()
            return
        if (not create or read_only) and not (self.path / "CURRENT").exists():
            raise StoreError(f"no store at {self.path} (build one with: kg build INPUT…)")
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is not a directory")
        try:
            self._store = self._open()
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(
                    f"the store {self.path} is in use by another process; "
                    "wait for it to finish and try again"
                ) from None
            raise StoreError(f"cannot open store {self.path}: {exc}") from None

    def _open(self) -> ox.Store:
        if not self.read_only:
            assert self.path is not None
            self.path.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(self.path))
        # A writer in another process may compact files away while we open: try again.
        for attempt in range(self.RETRIES):
            try:
                return ox.Store.read_only(str(self.path))
            except (OSError, RuntimeError) as exc:
                if attempt == self.RETRIES - 1 or not _moved_under_us(exc):
                    raise OSError(str(exc)) from None
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")

    @property
    def engine(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        return self._store

    def _has_graph(self, graph: ox.NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, graph)), None) is not None

    def write(self, source: Source) -> None:
        """Replace the source's graph.

        Sources below :attr:`BULK_TRIPLES` are written in one transaction: a new graph by
        Oxigraph's transactional loader, an existing one dropped and refilled by a single SPARQL
        update, so that readers see the old or the new version and a crash leaves one of them.

        Larger sources go through the bulk loader, many times faster but not transactional:
        the old graph is dropped, the data bulk-loaded, and the document node (``meta``)
        written last in its own transaction. Meanwhile readers see part of that source, and a
        crash leaves a graph without its document node, which the next build replaces.
        """
        self._writable()
        graph = ox.NamedNode(source.iri)
        nt = ox.RdfFormat.N_TRIPLES
        try:
            if source.triples >= self.BULK_TRIPLES:
                self._store.update(f"DROP SILENT GRAPH <{source.iri}>")
                self._store.bulk_load(source.data, format=nt, to_graph=graph)
                if source.meta:
                    self._store.load(source.meta, format=nt, to_graph=graph)
            elif not self._has_graph(graph):
                if source.payload:
                    self._store.load(source.payload, format=nt, to_graph=graph)
            else:
                body = source.payload.decode("utf-8")
                self._store.update(
                    f"DROP SILENT GRAPH <{source.iri}> ; INSERT DATA {{ GRAPH <{source.iri}> {{\n"
                    f"{body}\n}} }}"
                )
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write {source.name} to {self.url}: {exc}") from None
        self._maybe_flush()

    def write_many(self, sources: Sequence[Source]) -> None:
        """Replace the graphs of several sources; the new ones go in as one shard.

        Sources whose graph the store does not hold yet (below :attr:`BULK_TRIPLES`, without
        blank nodes) are joined into one N-Quads shard and loaded in one transaction: readers
        see all of them or none, and a crash keeps all or none. The others are written one by
        one after it, in their order, by :meth:`write`.

        Examples
        --------
        >>> from graph.model.rdf import make_source, term
        >>> store = OxigraphStore(None)
        >>> t = ox.Triple(term("http://x/a"), term("kg:met"), term("http://x/b"))
        >>> store.write_many([make_source(f"http://x/g{i}", f"g{i}", [t]) for i in range(3)])
        >>> len(store.engine)
        3
        """
        self._writable()
        shard, alone = split_shard(
            sources, lambda iri: self._has_graph(ox.NamedNode(iri)), self.BULK_TRIPLES
        )
        if shard:
            try:
                # the shard is Oxigraph's own serialisation of checked terms: no re-checking
                self._store.load(b"".join(quads for _, quads in shard),
                                 format=ox.RdfFormat.N_QUADS, lenient=True)
            except (OSError, SyntaxError, ValueError) as exc:
                names = ", ".join(source.name for source, _ in shard[:3])
                raise StoreError(f"cannot write a shard of {len(shard)} sources ({names}…) to "
                                 f"{self.url}: {exc}") from None
        for source in alone:
            self.write(source)
        self._maybe_flush()

    def load_file(
        self, iri: str, path: Path, fmt: ox.RdfFormat, *, base_iri: str | None = None
    ) -> bool:
        """Bulk-load a file of triples into the graph ``iri`` (see :meth:`Store.load_file`)."""
        self._writable()
        self._store.bulk_load(path=str(path), format=fmt, base_iri=base_iri,
                              to_graph=ox.NamedNode(iri))
        self._maybe_flush()
        return True

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.url} is open read-only")

    def _maybe_flush(self) -> None:
        if self.path is not None and time.monotonic() - self._flushed > self.FLUSH_SECONDS:
            self._store.flush()
            self._flushed = time.monotonic()

    def remove(self, iri: str) -> bool:
        """Drop the graph ``iri``; return whether it held anything."""
        self._writable()
        graph = ox.NamedNode(iri)
        existed = self._has_graph(graph)
        if existed:
            self._store.update(f"DROP SILENT GRAPH <{iri}>")
        return existed

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        """Run a query with the union of all graphs as default graph.

        A read-only store reads the whole result at once, so that it can reopen and run the
        query again when a concurrent build moved files under it.
        """
        for attempt in range(self.RETRIES if self.read_only else 1):
            try:
                raw = self._store.query(sparql, use_default_graph_as_union=True,
                                        prefixes=PREFIXES)
                return Result(_materialize(raw) if self.read_only else raw)
            except SyntaxError as exc:
                raise sparql_error(exc, sparql) from None
            except (OSError, RuntimeError) as exc:
                if not self.read_only or attempt == self.RETRIES - 1 or not _moved_under_us(exc):
                    raise QueryError(f"query failed: {exc}") from None
                time.sleep(0.02 * (attempt + 1))
                self._store = self._open()
        raise AssertionError("unreachable")

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one transaction."""
        self._writable()
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise sparql_error(exc, sparql) from None
        except OSError as exc:
            raise QueryError(f"update failed: {exc}") from None

    def dump(self, output: IO[bytes], fmt: str, *, include_ontology: bool = False) -> None:
        """Write the store in ``fmt``; quad formats keep one graph per source."""
        rdf_format = EXPORT_FORMATS[fmt]
        keep = "" if include_ontology else f"FILTER(?g != {_ONTOLOGY})"
        if rdf_format.supports_datasets:
            rows = self._store.query(
                f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {keep} }}"
            )
            assert isinstance(rows, ox.QuerySolutions)
            quads = (ox.Quad(s, p, o, g) for s, p, o, g in rows)
            ox.serialize(quads, output, format=rdf_format, prefixes=PREFIXES)
            return
        triples = self._store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o "
            f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {keep} }} }}"
        )
        assert isinstance(triples, ox.QueryTriples)
        ox.serialize(triples, output, format=rdf_format, prefixes=PREFIXES)

    def close(self) -> None:
        """Flush to disk and release the directory lock."""
        if self.path is not None and not self.read_only and self._store is not None:
            self._store.flush()
        self._store = None  # type: ignore[assignment]


_IN_FLUX = ("No such file or directory", "Corruption", "Column family not found")
"""What a read-only opening sees while a writer compacts files or is still creating the store."""


def _moved_under_us(exc: BaseException) -> bool:
    return any(sign in str(exc) for sign in _IN_FLUX)


def _materialize(raw: object) -> object:
    """Read a whole pyoxigraph result into memory (errors surface here, not later)."""
    if isinstance(raw, ox.QuerySolutions):
        data = raw.serialize(format=ox.QueryResultsFormat.JSON)
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    if isinstance(raw, ox.QueryBoolean):
        return raw
    return list(raw)  # type: ignore[call-overload]
