"""Reading inputs: hand-written facts (CSV/TSV/RDF) and documents."""

from graph.ingest.documents import read_documents
from graph.ingest.triples import read_triples

__all__ = ["read_documents", "read_triples"]
