"""``kg validate``: check the store against the SHACL shapes."""

from __future__ import annotations

import json
import sys

import click

from graph.cli.options import open_from_cli, store_option
from graph.validate import validate as run_validate

__all__ = ["validate"]


@click.command(short_help="Check the store against the shipped SHACL shapes.")
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
def validate(store_url: str | None, fmt: str) -> None:
    """Check the store against the shipped SHACL shapes.

    The shapes check domains and ranges, labels, dates and evidence. Each violation is printed
    with the node's label and the file and line it comes from; exits 1 when the data does not
    conform.
    """
    with open_from_cli(store_url, read_only=True) as store:
        report = run_validate(store)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(str(report))
    if not report.conforms:
        click.echo(f"Error: {len(report.violations)} violation(s) of the shapes", err=True)
        sys.exit(1)
