"""``kg evaluate``: precision, recall and F1 of the stored facts against gold files."""

from __future__ import annotations

import json

import click

from graph.cli.options import open_from_cli, store_option
from graph.evaluate import evaluate as run_evaluate
from graph.evaluate import generate_report

__all__ = ["evaluate"]


@click.command(short_help="Measure the stored facts against gold files.")
@click.argument("gold", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--summary", is_flag=True, help="Only the table of scores, no fact lists.")
def evaluate(gold: tuple[str, ...], store_url: str | None, fmt: str, summary: bool) -> None:
    """Measure the stored facts of the articles named by GOLD files (JSON, or folders of them).

    Prints precision, recall and F1 per relation and in total, then the gold facts that were
    missed (and why) and the stored facts that match no gold fact (with their sentence).
    Precision is measured on holdsPosition, affiliation, met, visited, said and capitalOf;
    country, locatedIn, concerns and party count for recall only. Exits 0: it is a measurement.
    """
    with open_from_cli(store_url, read_only=True) as store:
        report = run_evaluate(store, gold)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for line in generate_report(report, details=not summary):
            click.echo(line)
    if report.missing_documents:
        click.echo("Warning: documents not in the store: "
                   + ", ".join(report.missing_documents), err=True)
