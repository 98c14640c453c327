"""Writing the entity network for Gephi and other tools: GraphML, GEXF, CSV node and edge lists."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import IO

import networkx as nx

__all__ = ["GRAPH_FORMATS", "flat_graph", "generate_csv", "write_csv", "write_network"]

GRAPH_FORMATS = ("graphml", "gexf", "csv")
"""Network formats of ``kg export``; ``csv`` writes ``nodes.csv`` and ``edges.csv``."""

NODE_COLUMNS = ("id", "label", "type", "aliases")
EDGE_COLUMNS = ("source", "target", "relation", "date", "evidence", "event")


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy whose attributes are all strings or numbers (what GraphML/GEXF accept).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type=None)
    >>> dict(flat_graph(g).nodes["a"])
    {'label': 'A'}
    """
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: v for k, v in data.items() if isinstance(v, str | int | float)})
    for a, b, key, data in graph.edges(keys=True, data=True):
        attrs = {k: v for k, v in data.items() if isinstance(v, str | int | float)}
        flat.add_edge(a, b, key=key, **attrs)
    return flat


def write_network(graph: nx.MultiDiGraph, out: IO[bytes] | str | os.PathLike[str],
                  fmt: str) -> None:
    """Write the network as ``graphml`` or ``gexf`` to a binary stream or a path.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="met", relation="met", evidence=1)
    'met'
    >>> buffer = io.BytesIO()
    >>> write_network(g, buffer, "graphml")
    >>> _ = buffer.seek(0)
    >>> list(nx.read_graphml(buffer).edges(data="relation"))
    [('a', 'b', 'met')]
    """
    flat = flat_graph(graph)
    if fmt == "graphml":
        nx.write_graphml(flat, out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat, out, encoding="utf-8")
    else:
        raise ValueError(f"unknown network format {fmt!r}; choose graphml or gexf")


def generate_csv(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """Return the node list and the edge list as CSV texts (Gephi's spreadsheet import).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type="Person")
    >>> g.add_edge("a", "a", key="met", relation="met", evidence=2)
    'met'
    >>> nodes, edges = generate_csv(g)
    >>> nodes.splitlines()[1], edges.splitlines()[1]
    ('a,A,Person,', 'a,a,met,,2,')
    """
    texts = []
    for columns, rows in (
        (NODE_COLUMNS, ({"id": n, **d} for n, d in graph.nodes(data=True))),
        (EDGE_COLUMNS, ({"source": a, "target": b, **d} for a, b, d in graph.edges(data=True))),
    ):
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        texts.append(buffer.getvalue())
    return texts[0], texts[1]


def write_csv(graph: nx.MultiDiGraph, folder: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``folder`` (created if missing)."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    nodes, edges = generate_csv(graph)
    paths = (target / "nodes.csv", target / "edges.csv")
    for path, text in zip(paths, (nodes, edges), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths
