"""The store interface every backend implements, and the query result it returns."""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from graph.model.rdf import Source, as_nquads

__all__ = ["EXPORT_FORMATS", "Result", "SourceInfo", "Store", "split_shard"]

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
"""RDF export formats by short name."""


@dataclass(frozen=True)
class SourceInfo:
    """A source held by a store: its named graph, name, content hash and what wrote it.

    ``generated_by`` is the source's ``prov:wasGeneratedBy``, the
    :func:`~graph.model.rdf.pipeline_iri` of the build that wrote it.
    """

    iri: str
    name: str
    content_hash: str | None
    generated_by: str | None = None


def split_shard(
    sources: Sequence[Source], held: Callable[[str], bool], limit: int
) -> tuple[list[tuple[Source, bytes]], list[Source]]:
    """Split sources into those that can go in one N-Quads shard and those to write alone.

    A source goes in the shard when its graph is new (``held`` says no), it is its graph's
    first source in ``sources``, it has fewer than ``limit`` triples and
    :func:`~graph.model.rdf.as_nquads` can rewrite it. Writing the shard first, then the
    others in order, replaces each graph as one write each, in order, would.

    Examples
    --------
    >>> from graph.model.rdf import make_source
    >>> t = ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1"))
    >>> a, b = make_source("http://x/g1", "g1", [t]), make_source("http://x/g2", "g2", [t])
    >>> shard, alone = split_shard([a, b, a], lambda iri: iri.endswith("g2"), 100)
    >>> [s.name for s, _ in shard], [s.name for s in alone]
    (['g1'], ['g2', 'g1'])
    """
    shard: list[tuple[Source, bytes]] = []
    alone: list[Source] = []
    seen: set[str] = set()
    for source in sources:
        quads = None
        if source.triples < limit and source.iri not in seen and not held(source.iri):
            quads = as_nquads(source)
        seen.add(source.iri)
        if quads is None:
            alone.append(source)
        else:
            shard.append((source, quads))
    return shard, alone


class Result:
    """The result of a SPARQL query, whatever the backend.

    Wraps pyoxigraph's result objects: ``QuerySolutions`` (SELECT), ``QueryBoolean`` (ASK)
    or ``QueryTriples`` (CONSTRUCT, DESCRIBE). A result is read once.

    Attributes
    ----------
    kind : {"solutions", "boolean", "graph"}
    variables : list of str
        Column names of a SELECT; empty otherwise.
    """

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        if isinstance(raw, ox.QuerySolutions):
            self.kind = "solutions"
            self.variables = [v.value for v in raw.variables]
        elif isinstance(raw, ox.QueryBoolean):
            self.kind = "boolean"
            self.variables = []
        else:
            self.kind = "graph"
            self.variables = []

    def __bool__(self) -> bool:
        return bool(self.raw) if self.kind == "boolean" else True

    def __iter__(self) -> Iterator[Any]:
        """Yield rows (sequences of terms, ``None`` when unbound) or triples."""
        if self.kind == "solutions":
            yield from self.raw  # QuerySolution: unpacks like a tuple, indexes by name
        elif self.kind == "graph":
            yield from self.raw
        else:
            yield bool(self.raw)

    def serialize(self, output: IO[bytes] | None = None, *, format: Any) -> bytes | None:
        """Write the result in a pyoxigraph results or RDF format."""
        if self.kind == "graph":
            return ox.serialize(self.raw, output, format=format)
        return self.raw.serialize(output, format=format)


class Store(abc.ABC):
    """A quad store holding one named graph per source.

    Writing a source replaces its graph atomically; queries see the union of all graphs as
    the default graph. Backends register in :mod:`graph.store` and are opened by URL.
    """

    url: str

    @abc.abstractmethod
    def write(self, source: Source) -> None:
        """Replace the graph of ``source`` with its triples, in one transaction."""

    def write_many(self, sources: Sequence[Source]) -> None:
        """Replace the graphs of several sources, in order.

        Backends that can load many graphs at once override this to write the new sources
        as one N-Quads shard in one transaction (see :func:`graph.model.rdf.as_nquads`); each
        source is still replaced whole, and a later source replaces an earlier one of the
        same graph. By default: one :meth:`write` each.
        """
        for source in sources:
            self.write(source)

    @abc.abstractmethod
    def remove(self, iri: str) -> bool:
        """Drop a source's graph; return whether it existed."""

    @abc.abstractmethod
    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        """Run a SPARQL query over the union of all graphs (``kg:`` etc. pre-bound)."""

    @abc.abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL update."""

    @abc.abstractmethod
    def dump(self, output: IO[bytes], fmt: str, *, include_ontology: bool = False) -> None:
        """Write the store's content in an RDF format (see :data:`EXPORT_FORMATS`)."""

    def load_file(
        self, iri: str, path: Path, fmt: ox.RdfFormat, *, base_iri: str | None = None
    ) -> bool:
        """Bulk-load a file of triples into the graph ``iri``, if the backend can do it fast.

        The load is neither checked nor atomic: it is for a new graph, which the caller checks
        afterwards and drops on error (see :func:`graph.ingest.triples.load_large`).

        Returns
        -------
        bool
            Whether the backend loaded the file (``False``: read it and :meth:`write` it).

        Raises
        ------
        SyntaxError or ValueError
            When the file is malformed (with ``lineno`` and ``offset``); part of it may have
            been loaded.
        OSError
            When the store fails (a full disk); part of the file may have been loaded.
        """
        return False

    def sources(self) -> list[SourceInfo]:
        """Return the sources held by the store, sorted by name."""
        rows = self.query(
            "SELECT ?g ?name ?hash ?by WHERE { GRAPH ?g { ?g a kg:Document . "
            "OPTIONAL { ?g dcterms:identifier ?name } OPTIONAL { ?g kg:contentHash ?hash } "
            "OPTIONAL { ?g prov:wasGeneratedBy ?by } } }"
        )
        found = [
            SourceInfo(g.value, name.value if name else g.value, hash_.value if hash_ else None,
                       by.value if by else None)
            for g, name, hash_, by in rows
        ]
        return sorted(found, key=lambda info: info.name)

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the store."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
