"""``kg stats``: counts by class, predicate and source."""

from __future__ import annotations

import json

import click

from graph.cli.options import open_from_cli, store_option
from graph.query.stats import stats as compute_stats

__all__ = ["stats"]


@click.command(short_help="Count entities by class and triples by predicate and source.")
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def stats(store_url: str | None, fmt: str) -> None:
    """Count entities by class, triples by predicate and triples by source."""
    with open_from_cli(store_url, read_only=True) as store:
        counts = compute_stats(store)
    if fmt == "json":
        click.echo(json.dumps(counts.as_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"{counts.triples} triples in {len(counts.sources)} sources")
    for title, table in (("classes", counts.classes), ("predicates", counts.predicates),
                         ("sources", counts.sources)):
        click.echo(f"\n{title}:")
        for key, n in table.items():
            click.echo(f"  {n:>8}  {key}")
