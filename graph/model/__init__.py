"""Records, vocabulary and IRI minting: what every stage shares."""

from graph.model.iri import DEFAULT_BASE, Minter, normalize_label, slug
from graph.model.rdf import Source, date_literal, facts_to_triples, make_source, prefixed, term
from graph.model.records import Document, Entity, Evidence, Fact, Literal
from graph.model.vocab import KG, KG_NS, PREFIXES, vocabulary

__all__ = [
    "DEFAULT_BASE",
    "KG",
    "KG_NS",
    "PREFIXES",
    "Document",
    "Entity",
    "Evidence",
    "Fact",
    "Literal",
    "Minter",
    "Source",
    "date_literal",
    "facts_to_triples",
    "make_source",
    "normalize_label",
    "prefixed",
    "slug",
    "term",
    "vocabulary",
]
