"""``kg export``: write the whole store in an RDF format."""

from __future__ import annotations

import sys

import click

from graph.cli.options import open_from_cli, store_option
from graph.store import EXPORT_FORMATS

__all__ = ["export"]


@click.command()
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="ttl",
              show_default=True, help="RDF format; nq and trig keep one graph per source.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="File to write (default: stdout).")
@click.option("--include-ontology", is_flag=True, help="Also export the ontology graph.")
def export(store_url: str | None, fmt: str, output: str, include_ontology: bool) -> None:
    """Export the store's facts, labels and evidence."""
    with open_from_cli(store_url, read_only=True) as store:
        if output == "-":
            store.dump(sys.stdout.buffer, fmt, include_ontology=include_ontology)
            sys.stdout.flush()
        else:
            with click.open_file(output, "wb", atomic=True) as out:
                store.dump(out, fmt, include_ontology=include_ontology)
