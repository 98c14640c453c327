"""Who is central and which groups form: centrality, Louvain communities, scores written back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from graph.model.iri import Minter
from graph.model.rdf import make_source
from graph.model.vocab import KG_NS, PREFIXES, vocabulary
from graph.store.base import Store

__all__ = ["MEASURES", "Score", "centrality", "communities", "scores", "undirected", "write_scores"]

MEASURES = ("pagerank", "degree", "betweenness")
"""Centrality measures :func:`centrality` knows."""


@dataclass(frozen=True)
class Score:
    """An entity's score in a ranking."""

    rank: int
    label: str
    type: str
    score: float
    iri: str


def undirected(graph: nx.Graph) -> nx.Graph:
    """Return the simple undirected graph of ``graph``, weighted by evidence.

    Parallel edges and both directions of a relation merge into one edge whose ``weight`` is the
    sum of their evidence counts (at least 1 each), so a pair linked by many articles weighs more.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="met", evidence=2)
    'met'
    >>> g.add_edge("b", "a", key="met", evidence=2)
    'met'
    >>> g.add_edge("a", "b", key="party", evidence=0)
    'party'
    >>> undirected(g)["a"]["b"]["weight"]
    5
    """
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for a, b, data in graph.edges(data=True):
        if a == b:
            continue
        weight = max(int(data.get("evidence", 1) or 0), 1)
        if simple.has_edge(a, b):
            simple[a][b]["weight"] += weight
        else:
            simple.add_edge(a, b, weight=weight)
    return simple


def scores(graph: nx.Graph, by: str = "pagerank") -> dict[str, float]:
    """Return every node's centrality on the undirected, evidence-weighted graph.

    Parameters
    ----------
    graph : networkx graph
        As returned by :func:`graph.analyze.to_networkx`.
    by : {"pagerank", "degree", "betweenness"}
        PageRank (weighted), degree centrality, or betweenness (unweighted shortest paths).

    Examples
    --------
    >>> g = nx.star_graph(3)
    >>> max(scores(g, "degree").items(), key=lambda kv: kv[1])
    (0, 1.0)
    """
    simple = undirected(graph)
    if simple.number_of_nodes() == 0:
        return {}
    if by == "pagerank":
        return nx.pagerank(simple, weight="weight")
    if by == "degree":
        return nx.degree_centrality(simple)
    if by == "betweenness":
        return nx.betweenness_centrality(simple)
    raise ValueError(f"unknown measure {by!r}; choose one of {', '.join(MEASURES)}")


def centrality(
    graph: nx.Graph, by: str = "pagerank", top: int | None = 10,
    types: tuple[str, ...] | None = None,
) -> list[Score]:
    """Rank entities by centrality.

    Parameters
    ----------
    graph : networkx graph
    by : {"pagerank", "degree", "betweenness"}
    top : int or None
        How many to return; ``None`` for all.
    types : tuple of str, optional
        Only rank entities of these classes or their subclasses (``("Person",)``,
        ``("Place",)``); scores are still computed on the whole network.

    Returns
    -------
    list of Score
        Highest first; ties broken by label.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_nodes_from([("h", {"label": "Hub", "type": "Person"}), ("x", {"label": "X"}),
    ...                   ("y", {"label": "Y"})])
    >>> g.add_edges_from([("h", "x"), ("h", "y")])
    >>> [s.label for s in centrality(g, "degree", top=1)]
    ['Hub']
    >>> [s.label for s in centrality(g, "degree", types=("Agent",))]
    ['Hub']
    """
    found = scores(graph, by)
    labels = dict(graph.nodes(data="label", default=""))
    kinds = dict(graph.nodes(data="type", default=""))
    if types:
        voc = vocabulary()
        found = {n: v for n, v in found.items()
                 if any(voc.is_a(str(kinds[n] or ""), t) for t in types)}
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], str(labels[kv[0]]), str(kv[0])))
    if top is not None:
        ranked = ranked[:top]
    return [
        Score(rank, str(labels[node] or node), str(kinds[node] or ""), round(value, 6), str(node))
        for rank, (node, value) in enumerate(ranked, start=1)
    ]


def communities(
    graph: nx.Graph, *, seed: int = 0, min_size: int = 2, skip: tuple[str, ...] = ("Quote",)
) -> list[list[str]]:
    """Find groups with networkx's Louvain method; return each group's member labels.

    Parameters
    ----------
    graph : networkx graph
    seed : int
        Louvain is randomised; a fixed seed gives the same groups on the same graph.
    min_size : int
        Smaller groups (isolated entities) are left out.
    skip : tuple of str
        Classes found in groups but not listed as members (quotes, by default: they hang
        from their speaker and their labels are whole sentences).

    Returns
    -------
    list of list of str
        Largest group first; members sorted by label.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"),
    ...                   ("x", "z"), ("c", "x")])
    >>> nx.set_node_attributes(g, {n: n.upper() for n in g}, "label")
    >>> communities(g)
    [['A', 'B', 'C'], ['X', 'Y', 'Z']]
    """
    simple = undirected(graph)
    if simple.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    labels = dict(simple.nodes(data="label", default=""))
    kinds = dict(simple.nodes(data="type", default=""))
    named = [sorted(str(labels[n] or n) for n in group if kinds[n] not in skip)
             for group in groups]
    named = [members for members in named if len(members) >= min_size]
    return sorted(named, key=lambda members: (-len(members), members))


def write_scores(
    store: Store, values: Mapping[str, float], *, minter: Minter | None = None
) -> int:
    """Write PageRank scores to the store as ``kg:pagerank``, in their own graph.

    The graph (``minter.source("analysis")``) is replaced atomically, so writing again leaves
    only the latest scores. Returns how many scores were written.

    Examples
    --------
    >>> from graph.store import open_store
    >>> store = open_store("memory:")
    >>> write_scores(store, {"http://x/a": 0.25})
    1
    >>> next(iter(store.query("SELECT ?s WHERE { ?e kg:pagerank ?s }")))[0].value
    '0.25'
    """
    minter = minter or Minter()
    predicate = ox.NamedNode(KG_NS + "pagerank")
    decimal = ox.NamedNode(PREFIXES["xsd"] + "decimal")
    triples = [
        ox.Triple(ox.NamedNode(node), predicate, ox.Literal(f"{value:.6f}", datatype=decimal))
        for node, value in sorted(values.items())
        if isinstance(node, str) and "://" in node
    ]
    store.write(make_source(minter.source("analysis"), "analysis", triples))
    return len(triples)
