"""``kg view``: write the interactive HTML network view of the store."""

from __future__ import annotations

import click

from graph.cli.options import events_option, open_from_cli, store_option
from graph.query import load_query
from graph.view import write_html

__all__ = ["view"]


def _names(values: tuple[str, ...]) -> list[str] | None:
    """Split repeated and comma-separated names (``--types Person,City --types Country``)."""
    names = [name.strip() for value in values for name in value.split(",") if name.strip()]
    return names or None


@click.command(short_help="Write the network as one self-contained HTML page.")
@store_option
@click.option("-o", "--output", default="graph.html", show_default=True,
              type=click.Path(dir_okay=False), help="Where to write the HTML page.")
@click.option("--focus", metavar="LABEL", help="Draw this node (label or alias) and its "
              "neighbours only.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 20),
              help="How many steps from --focus to draw.")
@click.option("--query", "construct", metavar="CONSTRUCT",
              help="A SPARQL CONSTRUCT query, a .rq file or - (stdin): draw only the triples "
              "it returns.")
@click.option("--types", multiple=True, metavar="CLASS[,CLASS…]",
              help="Keep nodes of these classes (with subclasses: Place keeps cities).")
@click.option("--relations", multiple=True, metavar="REL[,REL…]",
              help="Keep edges of these relations (met, visited, holdsPosition…).")
@click.option("--since", metavar="DATE", help="Keep facts dated on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Keep facts dated on or before DATE.")
@click.option("--title", help="Title of the page.")
@click.option("--comentions", is_flag=True,
              help="Draw the co-mention network: people and organisations (or --types) linked "
              "by the number of articles naming both; click a link for the articles.")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(1),
              help="With --comentions: keep links made by at least this many articles.")
@events_option
def view(store_url: str | None, output: str, focus: str | None, depth: int,
         construct: str | None, types: tuple[str, ...], relations: tuple[str, ...],
         since: str | None, until: str | None, title: str | None, comentions: bool,
         min_articles: int, events: str) -> None:
    """Write the network of the store as one self-contained HTML page (works offline).

    Click a node or an edge to read its facts and the sentences they come from; search by
    label or alias; filter by class, relation and date; focus on a node's neighbourhood.
    """
    if construct is not None:
        construct = load_query(construct)
    with open_from_cli(store_url, read_only=True) as store:
        try:
            written = write_html(store, output, focus=focus, depth=depth, query=construct,
                                 types=_names(types), relations=_names(relations), since=since,
                                 until=until, title=title, events=events,
                                 comentions=comentions, min_articles=min_articles,
                                 notice=lambda message: click.echo(f"Warning: {message}",
                                                                   err=True))
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(f"Wrote {written}", err=True)
