"""Counts that describe a store: entities by class, triples by predicate and by source."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model.rdf import prefixed
from graph.model.vocab import ONTOLOGY_GRAPH
from graph.store.base import Store

__all__ = ["Stats", "stats"]

_NOT_ONTOLOGY = f"FILTER(?g != <{ONTOLOGY_GRAPH}>)"


@dataclass
class Stats:
    """Counts of a store (the ontology graph left out)."""

    triples: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    predicates: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """Return the counts as plain data (for JSON)."""
        return {
            "triples": self.triples,
            "classes": self.classes,
            "predicates": self.predicates,
            "sources": self.sources,
        }


def _counts(store: Store, sparql: str) -> dict[str, int]:
    return {prefixed(key.value): int(n.value) for key, n in store.query(sparql) if key is not None}


def stats(store: Store) -> Stats:
    """Count entities by class, triples by predicate and triples by source.

    Examples
    --------
    >>> from graph.store import open_store
    >>> stats(open_store("memory:")).triples
    0
    """
    classes = _counts(
        store,
        "SELECT ?k (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?k } "
        f"{_NOT_ONTOLOGY} }} GROUP BY ?k ORDER BY DESC(?n) ?k",
    )
    predicates = _counts(
        store,
        "SELECT ?k (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?k ?o } "
        f"{_NOT_ONTOLOGY} }} GROUP BY ?k ORDER BY DESC(?n) ?k",
    )
    by_graph = store.query(
        "SELECT ?g (SAMPLE(?id) AS ?name) (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o "
        f"OPTIONAL {{ ?g dcterms:identifier ?id }} }} {_NOT_ONTOLOGY} }} GROUP BY ?g ORDER BY ?name"
    )
    sources = {(name or g).value: int(n.value) for g, name, n in by_graph}
    return Stats(sum(sources.values()), classes, predicates, sources)
