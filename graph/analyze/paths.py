"""How two entities are connected: the shortest path, with the facts and evidence along it."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from graph.analyze.network import find_node, to_networkx
from graph.errors import KGError
from graph.model.vocab import KG_NS, vocabulary
from graph.store.base import Store

__all__ = ["Cited", "Step", "evidence_of", "path"]


@dataclass(frozen=True)
class Cited:
    """A piece of evidence: the sentence (or file line), its source, line and date."""

    sentence: str
    source: str
    line: int | None = None
    date: str | None = None


@dataclass(frozen=True)
class Step:
    """One fact along a path: ``subject relation object``, with its evidence."""

    hop: int
    subject: str
    relation: str
    object: str
    date: str | None
    evidence: tuple[Cited, ...]


def evidence_of(store: Store, subject: str, relation: str, obj: str) -> tuple[Cited, ...]:
    """Return the evidence of a fact (both directions for a symmetric relation).

    Facts stated about an ``owl:sameAs`` equivalent of either end count too.

    Examples
    --------
    >>> from graph.store import open_store
    >>> evidence_of(open_store("memory:"), "http://x/a", "met", "http://x/b")
    ()
    """
    pairs = [(subject, obj)]
    if relation in vocabulary().symmetric:
        pairs.append((obj, subject))
    values = " ".join(f"(<{s}> <{o}>)" for s, o in pairs)
    rows = store.query(
        "SELECT DISTINCT ?sentence ?source ?line ?date WHERE { "
        f"VALUES (?s ?o) {{ {values} }} "
        f"?ev rdf:subject ?s1 ; rdf:predicate <{KG_NS}{relation}> ; rdf:object ?o1 . "
        "?s1 (owl:sameAs|^owl:sameAs)* ?s . ?o1 (owl:sameAs|^owl:sameAs)* ?o . "
        "OPTIONAL { ?ev kg:sentence ?sentence } OPTIONAL { ?ev kg:line ?line } "
        "OPTIONAL { ?ev kg:document ?doc . OPTIONAL { ?doc dcterms:identifier ?id } "
        "  OPTIONAL { ?doc dcterms:date ?ddate } } "
        "OPTIONAL { ?ev kg:date ?edate } "
        "BIND(COALESCE(STR(?id), STR(?doc)) AS ?source) BIND(COALESCE(?edate, ?ddate) AS ?date) "
        "} ORDER BY ?source ?line ?sentence"
    )

    def text(value: ox.Literal | None) -> str | None:
        return value.value if value is not None else None

    return tuple(
        Cited(text(sentence) or "", text(source) or "", int(line.value) if line else None,
              text(date))
        for sentence, source, line, date in rows
    )


def path(
    store: Store, a: str, b: str, *, graph: nx.MultiDiGraph | None = None
) -> list[Step]:
    r"""Return the shortest connection between two entities, fact by fact, with evidence.

    Parameters
    ----------
    store : Store
        Where the evidence is read.
    a, b : str
        Labels, aliases or IRIs (see :func:`graph.analyze.find_node`).
    graph : networkx.MultiDiGraph, optional
        The network to walk; by default :func:`to_networkx` with events kept as nodes, so a
        path can go through a meeting or an agreement.

    Returns
    -------
    list of Step
        Every fact between consecutive entities of the path (relations are followed in either
        direction), each with its evidence sentences.

    Raises
    ------
    KGError
        When an entity is unknown or the two are not connected.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.build import build
    >>> from graph.store import open_store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "f.csv").write_text(
    ...     "subject,predicate,object\nAnna Bel,met,Carl Dan\nCarl Dan,visited,Oslo\n")
    >>> store = open_store("memory:")
    >>> _ = build([folder], store)
    >>> [(s.subject, s.relation, s.object) for s in path(store, "Anna Bel", "Oslo")]
    [('Anna Bel', 'met', 'Carl Dan'), ('Carl Dan', 'visited', 'Oslo')]
    """
    graph = graph if graph is not None else to_networkx(store, events="nodes")
    start, end = find_node(graph, a), find_node(graph, b)
    simple = graph.to_undirected(as_view=True)
    try:
        nodes = nx.shortest_path(simple, start, end)
    except nx.NetworkXNoPath:
        raise KGError(f"{a!r} and {b!r} are not connected") from None
    label = dict(graph.nodes(data="label", default=""))
    symmetric = vocabulary().symmetric
    steps: list[Step] = []
    for hop, (u, v) in enumerate(zip(nodes, nodes[1:], strict=False), start=1):
        seen: set[tuple[str, str, str]] = set()
        for s, o in ((u, v), (v, u)):
            for rel, data in sorted(graph.get_edge_data(s, o, default={}).items()):
                relation = data.get("relation", rel)
                ends = sorted((s, o)) if relation in symmetric else [s, o]
                key = (ends[0], relation, ends[1])
                if key in seen:
                    continue
                seen.add(key)
                steps.append(Step(
                    hop, str(label[s] or s), relation, str(label[o] or o), data.get("date"),
                    evidence_of(store, s, relation, o),
                ))
    return steps
