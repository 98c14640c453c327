"""``kg query``: run SPARQL against the store."""

from __future__ import annotations

import sys

import click

from graph.cli.options import (
    format_option,
    open_from_cli,
    params_option,
    parse_params,
    store_option,
)
from graph.query import run_query, write_result

__all__ = ["query"]


@click.command(short_help="Run a SPARQL query against the store.")
@click.argument("query_ref", metavar="QUERY")
@store_option
@format_option()
@params_option
@click.option("--all", "all_rows", is_flag=True,
              help="Keep a row once per source that holds it (SPARQL's own bag of solutions).")
def query(query_ref: str, store_url: str | None, fmt: str, params: tuple[str, ...],
          all_rows: bool) -> None:
    """Run a SPARQL QUERY against the store.

    QUERY is SPARQL text, a .rq file, - for stdin, or @name for a shipped query (@facts,
    @people, @meetings, @evidence).

    The prefixes kg:, rdf:, rdfs:, xsd:, skos:, prov:, schema:, dcterms: and owl: are
    pre-bound, and the default graph is the union of all sources. A SELECT prints each row
    once, though several sources hold it (--all keeps every copy; counts still count them:
    use COUNT(DISTINCT …)). SELECT and ASK print in --format; CONSTRUCT and DESCRIBE print
    Turtle.
    """
    with open_from_cli(store_url, read_only=True) as store:
        result = run_query(store, query_ref, parse_params(params), distinct=not all_rows)
        write_result(result, sys.stdout.buffer, fmt)
        sys.stdout.flush()
