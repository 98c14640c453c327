"""``kg build``: read inputs and write them to the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from graph.build import build as run_build
from graph.cli.options import open_from_cli, store_option
from graph.demo import build_message
from graph.model.iri import Minter
from graph.store import default_store_url

__all__ = ["build"]


def _new_folder(url: str) -> Path | None:
    """Return the outermost folder that opening the on-disk store ``url`` would create."""
    if url == "memory:" or "://" in url:
        return None
    path = Path(url).absolute()
    if path.exists():
        return None
    while not path.parent.exists():
        path = path.parent
    return path


@click.command(short_help="Build the store from files of facts, articles and folders.")
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
    file is rejected whole, with its line, and the store is left unchanged; a failed build into
    a new store leaves no store folder behind.
    """

    def progress(source: object) -> None:
        if not quiet:
            click.echo(f"  wrote {getattr(source, 'name', source)}", err=True)

    url = store_url or default_store_url()
    new = _new_folder(url)
    store = open_from_cli(url)
    try:  # a failed build leaves no store behind when it created one
        with store:
            summary = run_build(inputs, store, minter=Minter(base), progress=progress,
                                validate=validate, force=force, workers=workers,
                                dask=dask_address, model=model)
    except Exception:
        if new is not None:
            shutil.rmtree(new, ignore_errors=True)
        raise
    click.echo(build_message(store.url, summary), err=True)
