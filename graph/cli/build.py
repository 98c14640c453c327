"""``kg build``: read inputs and write them to the store."""

from __future__ import annotations

import click

from graph.build import build as run_build
from graph.cli.options import open_from_cli, store_option
from graph.model.iri import Minter

__all__ = ["build"]


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--base", default=None, help="Base IRI of minted entities (default $KG_BASE).")
@click.option("--model", default=None, help="spaCy model for articles (default by language).")
@click.option("--validate", is_flag=True,
              help="Reject a source that would break the SHACL shapes (store left unchanged).")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes extracting articles in parallel.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Extract on a Dask cluster (scheduler address, e.g. tcp://host:8786).")
@click.option("--force", is_flag=True,
              help="Write every source again, even those unchanged since the last build.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, only errors.")
def build(inputs: tuple[str, ...], store_url: str | None, base: str | None, model: str | None,
          validate: bool, workers: int, dask_address: str | None, force: bool,
          quiet: bool) -> None:
    """Build the store from INPUTS (files of facts, articles, corpora, folders).

    Files of facts: CSV, TSV, Turtle, N-Triples, N-Quads, TriG, JSON-LD. Articles: .txt, .md.
    Corpora: .jsonl. Folders are read recursively.

    Each file or article replaces its own graph, so building twice changes nothing. A malformed
    file is rejected whole, with its line, and the store is left unchanged.
    """

    def progress(source: object) -> None:
        if not quiet:
            click.echo(f"  wrote {getattr(source, 'name', source)}", err=True)

    with open_from_cli(store_url) as store:
        summary = run_build(inputs, store, minter=Minter(base), progress=progress,
                            validate=validate, force=force, workers=workers, dask=dask_address,
                            model=model)
    click.echo(f"Built {store.url}: {summary}", err=True)
