"""kg-builder: a knowledge graph of news, from articles and hand-written facts.

The public API mirrors the command line::

    import graph
    with graph.open_store("kg-store") as store:
        graph.build(["facts.csv"], store)
        for row in graph.run_query(store, "@meetings"):
            print(row)
"""

from graph.build import BuildSummary, build
from graph.errors import InputError, KGError, QueryError, QueryTimeout, StoreBusy, StoreError
from graph.ingest.triples import read_triples
from graph.model import KG, Document, Entity, Evidence, Fact, Minter
from graph.query import load_query, named_queries, run_query, write_result
from graph.query.stats import stats
from graph.store import open_store

__all__ = [
    "KG",
    "BuildSummary",
    "Document",
    "Entity",
    "Evidence",
    "Fact",
    "InputError",
    "KGError",
    "Minter",
    "QueryError",
    "QueryTimeout",
    "StoreBusy",
    "StoreError",
    "build",
    "load_query",
    "named_queries",
    "open_store",
    "read_triples",
    "run_query",
    "stats",
    "write_result",
]
__version__ = "0.1.0"
