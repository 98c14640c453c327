"""``kg analyze``: centrality, communities, paths, timelines and dyads of the entity network."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from graph import analyze as lib
from graph.cli.options import events_option, open_from_cli, store_option
from graph.model.vocab import vocabulary

__all__ = ["analyze"]

F = TypeVar("F", bound=Callable[..., Any])
_WIDEST = 70


def _format_option(func: F) -> F:
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
        show_default=True, help="Output format.",
    )(func)


def _emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
          nested: Sequence[dict[str, Any]] | None = None) -> None:
    """Write rows as an aligned table, CSV, or JSON (``nested`` replaces ``rows`` in JSON)."""
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(list(nested if nested is not None else rows), indent=2,
                             ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    cells = [[" ".join(str(row.get(c, "") if row.get(c) is not None else "").split())
              for c in columns] for row in rows]
    widths = [min(max([len(c), *(len(r[i]) for r in cells)]), _WIDEST)
              for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        clipped = [v if len(v) <= w else v[: w - 1] + "…" for v, w in zip(values, widths,
                                                                         strict=True)]
        return "  ".join(v.ljust(w) for v, w in zip(clipped, widths, strict=True)).rstrip()

    out.write(line(columns) + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(line(row) + "\n")
    out.write(f"({len(cells)} row{'s' if len(cells) != 1 else ''})\n")


def _comentions_option(func: F) -> F:
    return click.option(
        "--comentions", is_flag=True,
        help="Measure the co-mention network instead: people and organisations linked by "
        "the number of articles naming both.",
    )(func)


def _network(store: Any, events: str, comentions: bool) -> Any:
    if comentions:
        return lib.comention_graph(store)
    return lib.to_networkx(store, events=events)  # type: ignore[arg-type]


def _classes(names: tuple[str, ...]) -> tuple[str, ...]:
    voc = vocabulary()
    for name in names:
        if name not in voc.classes:
            hint = voc.suggest(name, among="classes")
            more = f" (did you mean {hint!r}?)" if hint else ""
            raise click.BadParameter(f"unknown class {name!r}{more}", param_hint="--type")
    return names


@click.group(short_help="Centrality, communities, paths, timelines and dyads.")
def analyze() -> None:
    """Analyse the entity network with networkx (entities are nodes, direct relations edges)."""


@analyze.command(short_help="List the most central entities.")
@store_option
@_format_option
@click.option("--by", type=click.Choice(lib.MEASURES), default="pagerank", show_default=True,
              help="Centrality measure.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many entities to list.")
@events_option
@click.option("--type", "types", multiple=True, metavar="CLASS",
              help="Only list entities of this class or its subclasses (Person, Place…); "
              "repeatable.")
@click.option("--write-back", is_flag=True,
              help="Also write every entity's PageRank to the store as kg:pagerank.")
@_comentions_option
def centrality(store_url: str | None, fmt: str, by: str, top: int, events: str,
               types: tuple[str, ...], write_back: bool, comentions: bool) -> None:
    """List the most central entities."""
    with open_from_cli(store_url, read_only=not write_back) as store:
        graph = _network(store, events, comentions)
        ranked = lib.centrality(graph, by=by, top=top, types=_classes(types))
        if write_back:
            written = lib.write_scores(store, lib.scores(graph, "pagerank"))
            click.echo(f"wrote kg:pagerank for {written} entities", err=True)
    _emit([dataclasses.asdict(s) for s in ranked], ("rank", "label", "type", "score", "iri"), fmt)


@analyze.command(short_help="List groups of entities found by Louvain.")
@store_option
@_format_option
@click.option("--seed", type=int, default=0, show_default=True, help="Louvain's random seed.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Smallest group listed.")
@events_option
@_comentions_option
def communities(store_url: str | None, fmt: str, seed: int, min_size: int, events: str,
                comentions: bool) -> None:
    """List groups found by Louvain, with their members' labels."""
    with open_from_cli(store_url, read_only=True) as store:
        graph = _network(store, events, comentions)
        groups = lib.communities(graph, seed=seed, min_size=min_size)
    rows = [{"community": i, "size": len(members), "members": "; ".join(members)}
            for i, members in enumerate(groups, start=1)]
    nested = [{"community": i, "size": len(m), "members": m} for i, m in enumerate(groups, 1)]
    _emit(rows, ("community", "size", "members"), fmt, nested)


@analyze.command(short_help="Show the shortest connection between two entities.")
@click.argument("source")
@click.argument("target")
@store_option
@_format_option
@events_option
def path(source: str, target: str, store_url: str | None, fmt: str, events: str) -> None:
    """Show the shortest connection from SOURCE to TARGET, with each fact's evidence.

    SOURCE and TARGET are labels (accents and case ignored), aliases or IRIs.
    """
    with open_from_cli(store_url, read_only=True) as store:
        graph = lib.to_networkx(store, events=events)  # type: ignore[arg-type]
        steps = lib.path(store, source, target, graph=graph)
    rows = []
    for step in steps:
        for cited in step.evidence or (None,):
            rows.append({
                "hop": step.hop, "subject": step.subject, "relation": step.relation,
                "object": step.object, "date": step.date or (cited.date if cited else None),
                "sentence": cited.sentence if cited else None,
                "source": cited.source if cited else None, "line": cited.line if cited else None,
            })
    _emit(rows, ("hop", "subject", "relation", "object", "date", "sentence", "source", "line"),
          fmt, [dataclasses.asdict(step) for step in steps])


@analyze.command(short_help="List an entity's facts and events in date order.")
@click.argument("entity")
@store_option
@_format_option
def timeline(entity: str, store_url: str | None, fmt: str) -> None:
    """List ENTITY's facts and events in date order (^relation: ENTITY is the object)."""
    with open_from_cli(store_url, read_only=True) as store:
        entries = lib.timeline(store, entity)
    _emit([dataclasses.asdict(e) for e in entries],
          ("date", "relation", "other", "sentence", "source", "line"), fmt)


@analyze.command(short_help="Count meetings, visits and agreements per pair and month.")
@store_option
@_format_option
@click.option("--level", type=click.Choice(lib.LEVELS), default=None,
              help="Only pairs of entities, or only pairs of countries (default: both).")
def dyads(store_url: str | None, fmt: str, level: str | None) -> None:
    """Count meetings, visits and agreements per pair (people, countries) and month."""
    with open_from_cli(store_url, read_only=True) as store:
        found = lib.dyads(store, level=level)
    _emit([dataclasses.asdict(d) for d in found],
          ("level", "a", "b", "month", "meetings", "visits", "agreements"), fmt)
