"""``kg demo``: build the shipped example and write its view."""

from __future__ import annotations

import click

from graph.cli.options import open_from_cli, store_option
from graph.demo import run_demo

__all__ = ["demo"]


@click.command(short_help="Build the shipped example and write its network view.")
@store_option
@click.option("-o", "--output", default="graph.html", show_default=True,
              type=click.Path(dir_okay=False), help="Where to write the HTML view.")
def demo(store_url: str | None, output: str) -> None:
    """Build the shipped example, print a few query results and write the network view.

    The example is a short article and a file of hand-written facts (graph/examples).
    """
    with open_from_cli(store_url) as store:
        run_demo(store, html=output, echo=click.echo,
                 note=lambda message: click.echo(message, err=True))
