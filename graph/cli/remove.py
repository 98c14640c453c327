"""``kg remove``: drop sources from the store."""

from __future__ import annotations

import click

from graph.build import update_identity
from graph.cli.options import open_from_cli, store_option
from graph.errors import KGError

__all__ = ["remove"]


@click.command(short_help="Drop sources (files or document ids) from the store.")
@click.argument("names", nargs=-1, required=True)
@store_option
def remove(names: tuple[str, ...], store_url: str | None) -> None:
    """Drop the sources NAMES (file paths or document ids, as `kg stats` lists them)."""
    with open_from_cli(store_url) as store:
        known = {info.name: info.iri for info in store.sources()}
        missing = [name for name in names if name not in known and name not in known.values()]
        if missing:
            raise KGError(f"no such source: {', '.join(missing)}")
        for name in names:
            store.remove(known.get(name, name))
            click.echo(f"removed {name}", err=True)
        update_identity(store)
