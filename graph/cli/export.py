"""``kg export``: write the whole store in an RDF format, or its entity network for Gephi."""

from __future__ import annotations

import sys

import click

from graph.analyze import GRAPH_FORMATS, to_networkx, write_csv, write_network
from graph.cli.options import events_option, open_from_cli, store_option
from graph.store import EXPORT_FORMATS

__all__ = ["export"]


@click.command(short_help="Export the store as RDF, or its network for Gephi.")
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice([*sorted(EXPORT_FORMATS), *GRAPH_FORMATS]),
              default="ttl", show_default=True,
              help="RDF format (nq and trig keep one graph per source), or the entity network: "
              "graphml, gexf, or csv (nodes.csv and edges.csv in the folder -o).")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default="-",
              help="File to write (default: stdout); a folder for -f csv.")
@click.option("--include-ontology", is_flag=True, help="Also export the ontology graph (RDF).")
@events_option
def export(store_url: str | None, fmt: str, output: str, include_ontology: bool,
           events: str) -> None:
    """Export the store's facts, labels and evidence (RDF), or its entity network."""
    if fmt == "csv" and output == "-":
        raise click.UsageError("-f csv writes nodes.csv and edges.csv: give a folder with -o")
    with open_from_cli(store_url, read_only=True) as store:
        if fmt in GRAPH_FORMATS:
            graph = to_networkx(store, events=events)  # type: ignore[arg-type]
            if fmt == "csv":
                nodes, edges = write_csv(graph, output)
                click.echo(f"wrote {nodes} and {edges}", err=True)
            elif output == "-":
                write_network(graph, sys.stdout.buffer, fmt)
                sys.stdout.flush()
            else:
                with click.open_file(output, "wb", atomic=True) as out:
                    write_network(graph, out, fmt)
        elif output == "-":
            store.dump(sys.stdout.buffer, fmt, include_ontology=include_ontology)
            sys.stdout.flush()
        else:
            with click.open_file(output, "wb", atomic=True) as out:
                store.dump(out, fmt, include_ontology=include_ontology)
