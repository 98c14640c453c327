"""The entity network as a networkx graph, read straight from SPARQL results.

Entities are nodes (IRI as key) with ``label``, ``type`` and ``aliases``; direct relations
(``kg:met``, ``kg:visited``…) are edges keyed by relation, with ``relation``, ``date`` (the
earliest known) and ``evidence`` (how many evidence nodes state it). Literals, evidence and
documents are left out: an entities-only graph built from query rows is several times faster
than converting every triple with rdflib.
"""

from __future__ import annotations

import difflib
import itertools
from collections import defaultdict
from typing import Any, Literal

import networkx as nx

from graph.errors import KGError
from graph.model.iri import normalize_label
from graph.model.vocab import KG_NS, vocabulary
from graph.store.base import Store

__all__ = ["DIRECT_RELATIONS", "EVENT_RELATIONS", "comention_graph", "event_classes",
           "find_node", "to_networkx"]

DIRECT_RELATIONS = (
    "holdsPosition", "memberOf", "country", "organization", "met", "visited", "locatedIn",
    "capitalOf", "said", "addressedTo", "concerns", "party", "cooperatesWith",
)
"""Relations between entities: the edges of the network."""

EVENT_RELATIONS = ("participant", "place")
"""Relations from an event node to its participants and place."""

_HIDDEN = ("Evidence", "Document")
_UNDATED = "~"  # stands for "no date" inside MIN(), which fails on unbound values


def event_classes() -> list[str]:
    """Return the local names of ``kg:Event`` and its subclasses.

    Examples
    --------
    >>> "Meeting" in event_classes()
    True
    """
    voc = vocabulary()
    return sorted(c for c in voc.classes if voc.is_a(c, "Event"))


def _values(names: tuple[str, ...] | list[str]) -> str:
    return " ".join(f"<{KG_NS}{name}>" for name in names)


def _specific(types: set[str]) -> str | None:
    voc = vocabulary()
    known = [t for t in types if t in voc.classes]
    best = [t for t in known if not any(t in voc.superclasses.get(o, ()) for o in known)]
    return sorted(best)[0] if best else None


def _add_nodes(graph: nx.MultiDiGraph, store: Store) -> None:
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    hidden = ", ".join(f"<{KG_NS}{name}>" for name in _HIDDEN)
    rows = store.query(
        "SELECT ?e ?t WHERE { ?e a ?t . "
        f"FILTER(isIRI(?e) && STRSTARTS(STR(?t), '{KG_NS}') && ?t NOT IN ({hidden})) }}"
    )
    for e, t in rows:
        types[e.value].add(t.value[len(KG_NS):])
    rows = store.query(
        "SELECT ?e (MIN(STR(?l)) AS ?label) WHERE { ?e a ?t ; rdfs:label ?l . "
        f"FILTER(STRSTARTS(STR(?t), '{KG_NS}')) }} GROUP BY ?e"
    )
    for e, label in rows:
        labels[e.value] = label.value
    for e, alias in store.query(
        "SELECT DISTINCT ?e ?a WHERE { ?e skos:altLabel ?a }"
    ):
        aliases[e.value].add(alias.value)
    for iri, found in types.items():
        attrs: dict[str, Any] = {"label": labels.get(iri, iri)}
        kind = _specific(found)
        if kind:
            attrs["type"] = kind
        if aliases.get(iri):
            attrs["aliases"] = " | ".join(sorted(aliases[iri]))
        graph.add_node(iri, **attrs)


def _evidence(store: Store, relations: list[str]) -> dict[tuple[str, str, str], tuple[int, str]]:
    """Return (count, earliest date) of the evidence of each ``(s, relation, o)``."""
    rows = store.query(
        "SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?n) "
        f"(MIN(COALESCE(STR(?d), STR(?dd), '{_UNDATED}')) AS ?date) "
        f"WHERE {{ VALUES ?p {{ {_values(relations)} }} "
        "?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . "
        "OPTIONAL { ?ev kg:date ?d } OPTIONAL { ?ev kg:document/dcterms:date ?dd } "
        "} GROUP BY ?s ?p ?o"
    )
    found: dict[tuple[str, str, str], tuple[int, str]] = {}
    for s, p, o, n, date in rows:
        found[(s.value, p.value[len(KG_NS):], o.value)] = (
            int(n.value), date.value if date and date.value != _UNDATED else "")
    return found


def _add_edges(graph: nx.MultiDiGraph, store: Store, relations: list[str]) -> None:
    evidence = _evidence(store, relations)
    symmetric = vocabulary().symmetric
    rows = store.query(
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {_values(relations)} }} ?s ?p ?o . "
        "FILTER(isIRI(?s) && isIRI(?o)) }"
    )
    for s, p, o in rows:
        rel = p.value[len(KG_NS):]
        count, date = evidence.get((s.value, rel, o.value), (0, ""))
        if rel in symmetric:  # stored both ways, stated (with evidence) one way
            back, back_date = evidence.get((o.value, rel, s.value), (0, ""))
            count += back
            date = min(d for d in (date, back_date, "\uffff") if d) if date or back_date else ""
        for node in (s.value, o.value):
            if node not in graph:
                graph.add_node(node, label=node)
        attrs: dict[str, Any] = {"relation": rel, "evidence": count}
        if date:
            attrs["date"] = date
        graph.add_edge(s.value, o.value, key=rel, **attrs)


def _merge_same(graph: nx.MultiDiGraph, store: Store) -> None:
    """Merge the nodes ``owl:sameAs`` joins, unless ``owl:differentFrom`` keeps them apart.

    The others' labels become aliases of the one kept.
    """
    from graph.model.identity import canonical_map

    same = [(a.value, b.value) for a, b in store.query(
        "SELECT DISTINCT ?a ?b WHERE { ?a owl:sameAs ?b FILTER(isIRI(?a) && isIRI(?b)) }")
        if a.value in graph and b.value in graph and a.value != b.value]
    if not same:
        return
    different = [(a.value, b.value) for a, b in store.query(
        "SELECT DISTINCT ?a ?b WHERE { ?a owl:differentFrom ?b FILTER(isIRI(?a) && isIRI(?b)) }")]
    canonical = canonical_map(same, different)
    groups: dict[str, set[str]] = defaultdict(set)
    for node, head in canonical.items():
        groups[head].update((node, head))
    mapping: dict[str, str] = {}
    for group in groups.values():
        keep = min(group, key=lambda n: (-graph.degree(n), n))
        names = {str(graph.nodes[n].get("label", n)) for n in group}
        for n in group:
            names.update(str(graph.nodes[n].get("aliases", "")).split(" | "))
        names.discard(str(graph.nodes[keep].get("label")))
        names.discard("")
        if names:
            graph.nodes[keep]["aliases"] = " | ".join(sorted(names))
        mapping.update({n: keep for n in group if n != keep})
    if mapping:
        attrs = {keep: dict(graph.nodes[keep]) for keep in set(mapping.values())}
        nx.relabel_nodes(graph, mapping, copy=False)
        for keep, data in attrs.items():
            graph.nodes[keep].clear()
            graph.nodes[keep].update(data)


def _collapse_events(graph: nx.MultiDiGraph, store: Store) -> None:
    """Replace event nodes by edges between their participants (and to their place)."""
    events = {n for n, kind in graph.nodes(data="type") if kind in set(event_classes())}
    dates: dict[str, str] = {}
    for e, d in store.query(
        f"SELECT ?e (MIN(STR(?d)) AS ?date) WHERE {{ ?e a ?t ; kg:date ?d . "
        f"VALUES ?t {{ {_values(event_classes())} }} }} GROUP BY ?e"
    ):
        dates[e.value] = d.value
    for event in sorted(events):
        kind = graph.nodes[event]["type"]
        participants = sorted({v for _, v, r in graph.out_edges(event, keys=True)
                               if r == "participant"})
        places = sorted({v for _, v, r in graph.out_edges(event, keys=True) if r == "place"})
        count = max((d.get("evidence", 0) for _, _, d in graph.out_edges(event, data=True)),
                    default=0)
        attrs: dict[str, Any] = {"relation": kind, "evidence": count, "event": event}
        if event in dates:
            attrs["date"] = dates[event]
        for a, b in itertools.combinations(participants, 2):
            graph.add_edge(a, b, key=f"{kind}:{event}", **attrs)
            graph.add_edge(b, a, key=f"{kind}:{event}", **attrs)
        for a in participants:
            for place in places:
                graph.add_edge(a, place, key=f"{kind}:{event}", **attrs)
    graph.remove_nodes_from(events)


def to_networkx(
    store: Store,
    *,
    events: Literal["nodes", "edges"] = "nodes",
    relations: tuple[str, ...] | None = None,
) -> nx.MultiDiGraph:
    r"""Return the entity network of a store.

    Parameters
    ----------
    store : Store
    events : {"nodes", "edges"}
        ``"nodes"`` keeps events as nodes linked to their participants and place
        (``participant``, ``place`` edges); ``"edges"`` replaces each event by edges
        between its participants and from them to its place, with ``relation`` the event's
        class (``Meeting``, ``Visit``…) and ``event`` its IRI.
    relations : tuple of str, optional
        Local names of the relations to keep as edges; defaults to :data:`DIRECT_RELATIONS`.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity IRIs with ``label``, ``type`` and maybe ``aliases``; edges are keyed by
        relation and carry ``relation``, ``evidence`` (count) and maybe ``date``. Symmetric
        relations (``met``, ``cooperatesWith``) appear in both directions. Entities joined by
        ``owl:sameAs`` are one node (the best connected), the others' labels its aliases.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.build import build
    >>> from graph.store import open_store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "f.csv").write_text("subject,predicate,object\nAnna Bel,met,Carl Dan\n")
    >>> store = open_store("memory:")
    >>> _ = build([folder], store)
    >>> g = to_networkx(store)
    >>> sorted(label for _, label in g.nodes(data="label"))
    ['Anna Bel', 'Carl Dan']
    >>> [(d["relation"], d["evidence"]) for _, _, d in g.edges(data=True)]
    [('met', 1), ('met', 1)]
    """
    if events not in ("nodes", "edges"):
        raise ValueError(f"events must be 'nodes' or 'edges', not {events!r}")
    chosen = list(relations or DIRECT_RELATIONS)
    unknown = sorted(set(chosen) - vocabulary().properties)
    if unknown:
        raise KGError(f"unknown relation {', '.join(unknown)}")
    graph = nx.MultiDiGraph()
    _add_nodes(graph, store)
    _add_edges(graph, store, [*chosen, *EVENT_RELATIONS])
    _merge_same(graph, store)
    if events == "edges":
        _collapse_events(graph, store)
    return graph


def comention_graph(store: Store, *, types: tuple[str, ...] = ("Person", "Organization"),
                    min_articles: int = 1) -> nx.MultiDiGraph:
    r"""Return the co-mention network: entities linked by the articles that name both.

    Parameters
    ----------
    store : Store
    types : tuple of str
        Classes of the entities linked (with subclasses).
    min_articles : int
        Keep a link when at least this many articles name both ends.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes as in :func:`to_networkx` (with ``articles``, how many documents name it);
        each pair named together is linked both ways by a ``comention`` edge whose
        ``evidence`` (and ``weight``) is the number of articles naming both, ``date`` the
        earliest of them.

    Examples
    --------
    >>> from graph.store import open_store
    >>> comention_graph(open_store("memory:")).number_of_nodes()
    0
    """
    from graph.view.data import read_comentions

    network = read_comentions(store, types=types, min_articles=min_articles)
    graph = nx.MultiDiGraph()
    for iri, node in network.nodes.items():
        attrs: dict[str, Any] = {"label": node.label, "type": node.cls,
                                 "articles": node.articles}
        if node.aliases:
            attrs["aliases"] = " | ".join(sorted(node.aliases))
        graph.add_node(iri, **attrs)
    for edge in network.edges:
        attrs = {"relation": "comention", "evidence": len(edge.proofs),
                 "weight": len(edge.proofs)}
        if edge.dates:
            attrs["date"] = edge.dates[0]
        graph.add_edge(edge.source, edge.target, key="comention", **attrs)
        graph.add_edge(edge.target, edge.source, key="comention", **attrs)
    return graph


def find_node(graph: nx.Graph, name: str) -> str:
    """Return the node named ``name``: an IRI, a label or an alias (accents and case ignored).

    When several nodes share the label, the best connected one is chosen.

    Raises
    ------
    KGError
        When no node has that name, with the closest labels.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("http://x/a", label="Bruno Retailleau", aliases="Retailleau")
    >>> find_node(g, "bruno retailleau"), find_node(g, "Retailleau")
    ('http://x/a', 'http://x/a')
    >>> find_node(g, "Bruno Retaileau")
    Traceback (most recent call last):
    ...
    graph.errors.KGError: no entity named 'Bruno Retaileau' (did you mean 'Bruno Retailleau'?)
    """
    if name in graph:
        return name
    wanted = normalize_label(name)
    exact = [n for n, label in graph.nodes(data="label") if normalize_label(str(label)) == wanted]
    if not exact:
        exact = [
            n for n, aliases in graph.nodes(data="aliases")
            if aliases and wanted in {normalize_label(a) for a in str(aliases).split(" | ")}
        ]
    if exact:
        return max(sorted(exact), key=lambda n: graph.degree(n))
    labels = sorted({str(label) for _, label in graph.nodes(data="label")})
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    raise KGError(f"no entity named {name!r}{hint}")
