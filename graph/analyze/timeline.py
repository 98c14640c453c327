"""An entity's facts and events in date order, each with where it is stated."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.analyze.network import find_node, to_networkx
from graph.analyze.paths import evidence_of
from graph.model.vocab import KG_NS, vocabulary
from graph.store.base import Store

__all__ = ["Entry", "timeline"]


@dataclass(frozen=True)
class Entry:
    """One dated line of a timeline.

    Attributes
    ----------
    date : str
        ISO date as precise as known (``2025-04-14``, ``2025-04``), or ``""``.
    relation : str
        The relation (``met``, ``visited``…), or the event class (``Meeting``…).
    other : str
        Who or what the entity is linked to; for an event, its other participants and place.
    sentence, source : str
        The first evidence of the fact, and its file or document.
    line : int or None
    """

    date: str
    relation: str
    other: str
    sentence: str
    source: str
    line: int | None = None


def _label(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label", node)) if node in graph else node


def timeline(
    store: Store, entity: str, *, graph: nx.MultiDiGraph | None = None
) -> list[Entry]:
    r"""Return the facts and events of an entity in date order (undated ones last).

    Parameters
    ----------
    store : Store
    entity : str
        A label, alias or IRI.
    graph : networkx.MultiDiGraph, optional
        The network with events as nodes (built from ``store`` when not given).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.build import build
    >>> from graph.store import open_store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "f.csv").write_text(
    ...     "subject,predicate,object,date\nAnna Bel,visited,Oslo,2024-05\n"
    ...     "Anna Bel,met,Carl Dan,2023-01-02\n")
    >>> store = open_store("memory:")
    >>> _ = build([folder], store)
    >>> [(e.date, e.relation, e.other) for e in timeline(store, "Anna Bel")]
    [('2023-01-02', 'met', 'Carl Dan'), ('2024-05', 'visited', 'Oslo')]
    """
    graph = graph if graph is not None else to_networkx(store, events="nodes")
    node = find_node(graph, entity)
    symmetric = vocabulary().symmetric
    entries: list[Entry] = []
    facts: set[tuple[str, str, str]] = set()
    for s, o, data in graph.out_edges(node, data=True):
        facts.add((s, data["relation"], o))
    for s, o, data in graph.in_edges(node, data=True):
        if data["relation"] not in symmetric:
            facts.add((s, data["relation"], o))
    event_dates = {
        row[0].value: row[1].value for row in store.query(
            f"SELECT ?e (MIN(STR(?d)) AS ?date) WHERE {{ ?e <{KG_NS}participant> <{node}> ; "
            "kg:date ?d } GROUP BY ?e"
        )
    }
    for s, relation, o in sorted(facts):
        cited = evidence_of(store, s, relation, o)
        first = cited[0] if cited else None
        if relation == "participant":  # the entity took part in an event: show the event
            event = s
            kind = str(graph.nodes[event].get("type", "Event"))
            others = sorted(
                _label(graph, v) for _, v, r in graph.out_edges(event, keys=True)
                if v != node and r in ("participant", "place")
            )
            date = event_dates.get(event) or (first.date if first else None) or ""
            relation, other = kind, f"{_label(graph, event)}: {', '.join(others)}".rstrip(": ")
        else:
            other = _label(graph, o if s == node else s)
            date = (first.date if first else None) or graph.edges[s, o, relation].get("date", "")
            if s != node:
                relation = f"^{relation}"  # the entity is the object
        entries.append(Entry(
            date or "", relation, other, first.sentence if first else "",
            first.source if first else "", first.line if first else None,
        ))
    return sorted(entries, key=lambda e: (e.date == "", e.date, e.relation, e.other))
