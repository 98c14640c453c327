"""Embedded Oxigraph store: on disk (a directory) or in memory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from graph.errors import QueryError, StoreBusy, StoreError
from graph.model.rdf import Source
from graph.model.vocab import ONTOLOGY_GRAPH, PREFIXES
from graph.store.base import EXPORT_FORMATS, Result, Store

__all__ = ["OxigraphStore", "sparql_error"]

_ONTOLOGY = f"<{ONTOLOGY_GRAPH}>"


def sparql_error(exc: SyntaxError, sparql: str) -> QueryError:
    """Turn Oxigraph's SPARQL syntax error into a :class:`QueryError` with its position."""
    return QueryError(f"malformed SPARQL: {exc}")


class OxigraphStore(Store):
    """An embedded pyoxigraph store.

    Parameters
    ----------
    path : str or Path or None
        Directory of the on-disk store, or ``None`` for memory.
    create : bool
        Create the directory when missing (writers); readers get an error instead.

    Examples
    --------
    >>> from graph.model.rdf import make_source, term
    >>> store = OxigraphStore(None)
    >>> t = ox.Triple(term("http://x/a"), term("kg:met"), term("http://x/b"))
    >>> store.write(make_source("http://x/g", "g", [t]))
    >>> store.query("ASK { ?a kg:met ?b }").raw
    <QueryBoolean true>
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, create: bool = True) -> None:
        self.path = Path(path) if path is not None else None
        self.url = str(self.path) if self.path else "memory:"
        if self.path is None:
            self._store = ox.Store()
            return
        if not create and not (self.path / "CURRENT").exists():
            raise StoreError(f"no store at {self.path} (build one with: kg build INPUT…)")
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is not a directory")
        try:
            self._store = ox.Store(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(
                    f"the store {self.path} is in use by another process; "
                    "wait for it to finish and try again"
                ) from None
            raise StoreError(f"cannot open store {self.path}: {exc}") from None

    @property
    def engine(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        return self._store

    def _has_graph(self, graph: ox.NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, graph)), None) is not None

    def write(self, source: Source) -> None:
        """Replace the source's graph in one transaction.

        A new graph is loaded by Oxigraph's transactional loader; an existing one is dropped
        and refilled by a single SPARQL update, so that readers see the old or the new version
        and a crash leaves one of them.
        """
        graph = ox.NamedNode(source.iri)
        try:
            if not self._has_graph(graph):
                if source.data:
                    self._store.load(source.data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
                return
            body = source.data.decode("utf-8")
            self._store.update(
                f"DROP SILENT GRAPH <{source.iri}> ; INSERT DATA {{ GRAPH <{source.iri}> {{\n"
                f"{body}\n}} }}"
            )
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write {source.name} to {self.url}: {exc}") from None

    def remove(self, iri: str) -> bool:
        """Drop the graph ``iri``; return whether it held anything."""
        graph = ox.NamedNode(iri)
        existed = self._has_graph(graph)
        if existed:
            self._store.update(f"DROP SILENT GRAPH <{iri}>")
        return existed

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        """Run a query with the union of all graphs as default graph."""
        try:
            raw = self._store.query(
                sparql, use_default_graph_as_union=True, prefixes=PREFIXES
            )
        except SyntaxError as exc:
            raise sparql_error(exc, sparql) from None
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from None
        return Result(raw)

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one transaction."""
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
            quads = (ox.Quad(s, p, o, g) for s, p, o, g in rows)
            ox.serialize(quads, output, format=rdf_format, prefixes=PREFIXES)
            return
        triples = self._store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o "
            f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {keep} }} }}"
        )
        ox.serialize(triples, output, format=rdf_format, prefixes=PREFIXES)

    def close(self) -> None:
        """Flush to disk and release the directory lock."""
        if self.path is not None and getattr(self, "_store", None) is not None:
            self._store.flush()
        self._store = None  # type: ignore[assignment]
