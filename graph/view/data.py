"""Reading the network to draw from a store: entities, direct relations and their evidence.

Everything is read with SPARQL, so any backend works. :func:`read_network` returns a
:class:`Network` of plain records; :func:`select` narrows it (classes, relations, dates, a focus
node and its neighbours) the same way the page's filters do.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pyoxigraph as ox

from graph.errors import KGError, QueryError
from graph.model.rdf import prefixed
from graph.model.vocab import KG_NS, vocabulary
from graph.store.base import Store

__all__ = [
    "Edge",
    "Network",
    "Node",
    "Proof",
    "collapse_events",
    "date_bounds",
    "find_node",
    "fold",
    "merge_same",
    "read_comentions",
    "read_network",
    "select",
]

_ENTITIES = f"""
SELECT ?e ?cls ?label WHERE {{
  ?e a ?cls .
  FILTER(isIRI(?e) && STRSTARTS(STR(?cls), "{KG_NS}") && ?cls NOT IN (kg:Document, kg:Evidence))
  OPTIONAL {{ ?e rdfs:label ?label }}
}}"""

_ALIASES = "SELECT ?e ?alt WHERE { ?e skos:altLabel ?alt }"

_ARTICLES = "SELECT DISTINCT ?e ?doc WHERE { ?doc kg:mentions ?e }"

_MENTIONED = """
SELECT DISTINCT ?doc ?e ?title ?date ?ident WHERE {
  ?doc kg:mentions ?e .
  OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc dcterms:identifier ?ident }
}"""

_SAME_AS = """
SELECT DISTINCT ?a ?b WHERE { ?a owl:sameAs ?b FILTER(isIRI(?a) && isIRI(?b) && ?a != ?b) }"""

_DIFFERENT = """
SELECT DISTINCT ?a ?b WHERE { ?a owl:differentFrom ?b FILTER(isIRI(?a) && isIRI(?b)) }"""

_EDGES = f"""
SELECT ?s ?p ?o WHERE {{
  ?s ?p ?o . FILTER(isIRI(?o) && STRSTARTS(STR(?p), "{KG_NS}") && ?p != kg:document)
}}"""

_ATTRIBUTES = f"""
SELECT ?e ?p ?v WHERE {{
  ?e ?p ?v . FILTER(isLiteral(?v) && (STRSTARTS(STR(?p), "{KG_NS}") || ?p = rdfs:comment))
  ?e a ?cls . FILTER(STRSTARTS(STR(?cls), "{KG_NS}") && ?cls NOT IN (kg:Document, kg:Evidence))
}}"""

_EVIDENCE = """
SELECT ?ev ?s ?p ?o ?doc ?sentence ?start ?end ?line ?method ?confidence ?date ?note ?cites
       ?title ?docdate ?source WHERE {
  ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  FILTER(isIRI(?o))
  OPTIONAL { ?ev kg:document ?doc
             OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:date ?docdate }
             OPTIONAL { ?doc dcterms:source ?source } }
  OPTIONAL { ?ev kg:sentence ?sentence } OPTIONAL { ?ev kg:start ?start }
  OPTIONAL { ?ev kg:end ?end } OPTIONAL { ?ev kg:line ?line }
  OPTIONAL { ?ev kg:method ?method } OPTIONAL { ?ev kg:confidence ?confidence }
  OPTIONAL { ?ev kg:date ?date } OPTIONAL { ?ev rdfs:comment ?note }
  OPTIONAL { ?ev dcterms:source ?cites }
}"""


@dataclass(frozen=True)
class Proof:
    """One piece of evidence for an edge: where the fact is stated.

    ``start``/``end`` are the sentence's character offsets in the document (extracted facts),
    ``line`` its line in a hand-written file.
    """

    document: str | None
    title: str | None
    source: str | None
    document_date: str | None
    sentence: str | None
    start: int | None
    end: int | None
    line: int | None
    method: str | None
    confidence: float | None
    date: str | None
    note: str | None
    cites: str | None


@dataclass
class Node:
    """An entity: IRI, most specific ``kg:`` class, label, aliases and literal attributes."""

    iri: str
    cls: str
    label: str
    aliases: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0
    """How many documents mention it (``kg:mentions``)."""


@dataclass
class Edge:
    """A direct relation between two entities (symmetric ones appear once), with evidence."""

    source: str
    target: str
    relation: str
    symmetric: bool = False
    proofs: list[Proof] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


@dataclass
class Network:
    """Nodes by IRI and the edges between them."""

    nodes: dict[str, Node]
    edges: list[Edge]


def fold(text: str) -> str:
    """Return text folded for matching: no accents, lower case, single spaces.

    Examples
    --------
    >>> fold("  Bruno  RETAILLEAU é")
    'bruno retailleau e'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def date_bounds(text: str) -> tuple[str, str]:
    """Return the first and last day an ISO date of any precision covers.

    Examples
    --------
    >>> date_bounds("2025-04")
    ('2025-04-01', '2025-04-31')
    >>> date_bounds("2025")
    ('2025-01-01', '2025-12-31')
    """
    text = text.strip()[:10]
    parts = text.split("-")
    low = "-".join(parts + ["01"] * (3 - len(parts)))
    tail = {1: ["12", "31"], 2: ["31"]}.get(len(parts), [])
    high = "-".join(parts + tail)
    return low, high


def _value(term: object) -> str | None:
    return None if term is None else str(getattr(term, "value", term))


def _number(term: object, kind: type) -> object:
    text = _value(term)
    if text is None:
        return None
    try:
        return kind(text)
    except ValueError:
        return None


def _label_rank(label: str) -> tuple[int, str]:
    """Rank the labels of one node: fewest words in capitals first, then in order.

    « Ingrid Solberg » goes before « Ingrid SOLBERG »; the same node always shows one label.
    """
    return sum(len(w) > 1 and w.isupper() for w in label.split()), label


def _specific(classes: Iterable[str]) -> str:
    voc = vocabulary()
    return max(sorted(classes), key=lambda c: len(voc.superclasses.get(c, ())))


def read_network(store: Store, *, construct: str | None = None) -> Network:
    """Read the entities, their direct relations and the evidence of those from ``store``.

    Parameters
    ----------
    store : Store
    construct : str, optional
        A SPARQL CONSTRUCT query: only the triples it returns are drawn (their IRIs become
        nodes, labelled and classed from the store).

    Raises
    ------
    QueryError
        If ``construct`` is not a CONSTRUCT or DESCRIBE query.

    Examples
    --------
    >>> from graph.store import open_store
    >>> read_network(open_store("memory:")).edges
    []
    """
    classes: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for e, cls, label in store.query(_ENTITIES):
        classes[e.value].add(cls.value[len(KG_NS):])
        if label is not None:
            known = labels.get(e.value)
            if known is None or _label_rank(label.value) < _label_rank(known):
                labels[e.value] = label.value
    nodes = {
        iri: Node(iri, _specific(found), labels.get(iri) or prefixed(iri))
        for iri, found in classes.items()
    }
    for e, alt in store.query(_ALIASES):
        node = nodes.get(_value(e) or "")
        if node is not None and alt.value not in node.aliases and alt.value != node.label:
            node.aliases.append(alt.value)
    for e, p, v in store.query(_ATTRIBUTES):
        node = nodes.get(e.value)
        if node is not None:
            node.attributes.append((prefixed(p.value), v.value))

    if construct is None:
        triples = [(s.value, p.value, o.value) for s, p, o in store.query(_EDGES)]
    else:
        triples = _construct(store, construct, nodes, labels)
    symmetric = {KG_NS + name for name in vocabulary().symmetric}
    edges: dict[tuple[str, str, str], Edge] = {}
    for s, p, o in triples:
        if s not in nodes or o not in nodes or s == o:
            continue
        sym = p in symmetric
        key = (min(s, o), p, max(s, o)) if sym else (s, p, o)
        if key not in edges:
            relation = p[len(KG_NS):] if p.startswith(KG_NS) else prefixed(p)
            edges[key] = Edge(key[0], key[2], relation, symmetric=sym)
    _attach_evidence(store, edges, symmetric)
    for node in nodes.values():
        node.attributes.sort()
    canonical = _identity(store)
    network = merge_same(Network(nodes, list(edges.values())), canonical)
    articles: dict[str, set[str]] = defaultdict(set)
    for e, doc in store.query(_ARTICLES):
        articles[canonical.get(e.value, e.value)].add(doc.value)
    for iri, docs in articles.items():
        if iri in network.nodes:
            network.nodes[iri].articles = len(docs)
    return network


def _identity(store: Store) -> dict[str, str]:
    from graph.model.identity import canonical_map

    same = [(a.value, b.value) for a, b in store.query(_SAME_AS)]
    if not same:
        return {}
    different = [(a.value, b.value) for a, b in store.query(_DIFFERENT)]
    return canonical_map(same, different)


def merge_same(network: Network, canonical: dict[str, str]) -> Network:
    """Return ``network`` with the nodes ``canonical`` maps elsewhere merged into their target.

    The merged node keeps the target's class and label; the others' labels become aliases,
    their edges and evidence move to it, and its article count is the largest of the group.

    Examples
    --------
    >>> a, b = Node("http://x/a", "Person", "Sergueï Lavrov"), Node("http://x/b", "Person", "S L")
    >>> c = Node("http://x/c", "City", "Moscou")
    >>> net = Network({n.iri: n for n in (a, b, c)}, [Edge(b.iri, c.iri, "visited")])
    >>> merged = merge_same(net, {b.iri: a.iri})
    >>> sorted(merged.nodes), merged.nodes[a.iri].aliases, merged.edges[0].source
    (['http://x/a', 'http://x/c'], ['S L'], 'http://x/a')
    """
    moved = {k: v for k, v in canonical.items() if k in network.nodes and v in network.nodes}
    if not moved:
        return network
    nodes = {iri: n for iri, n in network.nodes.items() if iri not in moved}
    for old, new in sorted(moved.items()):
        gone, kept = network.nodes[old], nodes[new]
        for name in (gone.label, *gone.aliases):
            if name != kept.label and name not in kept.aliases:
                kept.aliases.append(name)
        kept.articles = max(kept.articles, gone.articles)
        kept.attributes = sorted(set(kept.attributes) | set(gone.attributes))
    merged: dict[tuple[str, str, str], Edge] = {}
    for e in network.edges:
        s, o = moved.get(e.source, e.source), moved.get(e.target, e.target)
        if s == o:
            continue
        key = (min(s, o), e.relation, max(s, o)) if e.symmetric else (s, e.relation, o)
        known = merged.get(key)
        if known is None:
            merged[key] = Edge(key[0], key[2], e.relation, e.symmetric, list(e.proofs),
                               list(e.dates))
        else:
            known.proofs.extend(p for p in e.proofs if p not in known.proofs)
            known.dates = sorted(set(known.dates) | set(e.dates))
    return replace(network, nodes=nodes, edges=list(merged.values()))


def read_comentions(store: Store, *, types: Iterable[str] = ("Person", "Organization"),
                    min_articles: int = 1) -> Network:
    """Return the co-mention network: entities linked by the articles that name both.

    Parameters
    ----------
    store : Store
    types : iterable of str
        Classes of the entities to link (with their subclasses).
    min_articles : int
        Keep a link when at least this many articles name both ends.

    Returns
    -------
    Network
        Nodes are the entities of those classes that some document mentions (merged by
        ``owl:sameAs``), with their number of articles; each edge, relation ``comention``, is
        a pair named together, with one proof (the document, its title and date) per article.

    Examples
    --------
    >>> from graph.store import open_store
    >>> read_comentions(open_store("memory:")).edges
    []
    """
    wanted = set(types)
    voc = vocabulary()
    network = read_network(store)
    keep = {iri for iri, n in network.nodes.items()
            if any(voc.is_a(n.cls, t) for t in wanted)}
    canonical = _identity(store)
    docs: dict[str, tuple[Proof, set[str]]] = {}
    for doc, e, title, date, ident in store.query(_MENTIONED):
        iri = canonical.get(e.value, e.value)
        if iri not in keep:
            continue
        known = docs.get(doc.value)
        if known is None:
            proof = Proof(document=doc.value, title=_value(title) or _value(ident),
                          source=None, document_date=_value(date), sentence=None, start=None,
                          end=None, line=None, method="comention", confidence=None, date=None,
                          note="names both", cites=None)
            known = docs[doc.value] = (proof, set())
        known[1].add(iri)
    pairs: dict[tuple[str, str], Edge] = {}
    for proof, named in docs.values():
        members = sorted(named)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                edge = pairs.get((a, b))
                if edge is None:
                    edge = pairs[(a, b)] = Edge(a, b, "comention", symmetric=True)
                edge.proofs.append(proof)
                if proof.document_date and proof.document_date not in edge.dates:
                    edge.dates.append(proof.document_date)
    edges = [e for e in pairs.values() if len(e.proofs) >= min_articles]
    for e in edges:
        e.proofs.sort(key=lambda pr: (pr.document_date or "", pr.title or ""))
        e.dates.sort()
    linked = {e.source for e in edges} | {e.target for e in edges}
    mentioned = {iri for _, named in docs.values() for iri in named}
    nodes = {iri: network.nodes[iri] for iri in keep
             if iri in linked or (iri in mentioned and min_articles <= 1)}
    return Network(nodes, edges)


def _construct(
    store: Store, query: str, nodes: dict[str, Node], labels: dict[str, str]
) -> list[tuple[str, str, str]]:
    result = store.query(query)
    if result.kind != "graph":
        raise QueryError("--query must be a CONSTRUCT or DESCRIBE query (it draws the triples "
                         "it returns)")
    triples: list[tuple[str, str, str]] = []
    keep: set[str] = set()
    for triple in result:
        s, p, o = triple.subject, triple.predicate.value, triple.object
        if not isinstance(s, ox.NamedNode) or not isinstance(o, ox.NamedNode):
            continue
        if p.endswith("#type") or p == KG_NS + "document":
            continue
        triples.append((s.value, p, o.value))
        keep.update((s.value, o.value))
    for iri in keep:
        if iri not in nodes:
            nodes[iri] = Node(iri, "Other", labels.get(iri) or prefixed(iri))
    for iri in set(nodes) - keep:
        del nodes[iri]
    return triples


def _attach_evidence(
    store: Store, edges: dict[tuple[str, str, str], Edge], symmetric: set[str]
) -> None:
    seen: set[str] = set()
    for row in store.query(_EVIDENCE):
        (ev, s, p, o, doc, sentence, start, end, line, method, confidence, date, note, cites,
         title, docdate, source) = row
        if ev.value in seen:
            continue
        s, p, o = s.value, p.value, o.value
        key = (min(s, o), p, max(s, o)) if p in symmetric else (s, p, o)
        edge = edges.get(key)
        if edge is None:
            continue
        seen.add(ev.value)
        proof = Proof(
            document=_value(doc), title=_value(title), source=_value(source),
            document_date=_value(docdate), sentence=_value(sentence),
            start=_number(start, int), end=_number(end, int),  # type: ignore[arg-type]
            line=_number(line, int), method=_value(method),  # type: ignore[arg-type]
            confidence=_number(confidence, float),  # type: ignore[arg-type]
            date=_value(date), note=_value(note), cites=_value(cites),
        )
        edge.proofs.append(proof)
        when = proof.date or proof.document_date
        if when and when not in edge.dates:
            edge.dates.append(when)
    for edge in edges.values():
        edge.proofs.sort(key=lambda pr: (pr.date or pr.document_date or "", pr.title or "",
                                         pr.line or 0, pr.start or 0))
        edge.dates.sort()


def _in_range(dates: list[str], since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    low = date_bounds(since)[0] if since else "0000"
    high = date_bounds(until)[1] if until else "9999"
    return any(date_bounds(d)[1] >= low and date_bounds(d)[0] <= high for d in dates)


def _class_ok(cls: str, types: set[str] | None) -> bool:
    if types is None:
        return True
    voc = vocabulary()
    return any(voc.is_a(cls, wanted) for wanted in types)


def select(
    network: Network,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Network:
    """Return the part of ``network`` the filters keep, with the rules the page's filters use.

    An edge is kept when its relation is wanted, its dates meet ``[since, until]`` (undated
    edges are dropped once a date bound is given) and both ends are kept classes. A node is
    kept when its class is wanted and it keeps an edge — or had none to begin with and no date
    bound is given. ``focus`` (a label or alias) then keeps that node and its neighbours up to
    ``depth`` steps away.

    Raises
    ------
    KGError
        If ``focus`` names no node, or a class or relation name is unknown.

    Examples
    --------
    >>> a, b = Node("http://x/a", "Person", "A"), Node("http://x/b", "City", "B")
    >>> net = Network({a.iri: a, b.iri: b}, [Edge(a.iri, b.iri, "visited", dates=["2025-04"])])
    >>> len(select(net, until="2024").nodes), len(select(net, since="2025-04-30").nodes)
    (0, 2)
    >>> len(select(net, types=["Place"]).nodes)  # B loses its only edge
    0
    """
    voc = vocabulary()
    wanted_types = _check_names(types, voc.classes | {"Other"}, "class")
    wanted_relations = _check_names(relations, None, "relation")
    for bound in (since, until):
        if bound is not None:
            _check_date(bound)
    nodes = {iri: n for iri, n in network.nodes.items() if _class_ok(n.cls, wanted_types)}
    had_edges = {e.source for e in network.edges} | {e.target for e in network.edges}
    edges = [
        e for e in network.edges
        if e.source in nodes and e.target in nodes
        and (wanted_relations is None or e.relation in wanted_relations)
        and _in_range(e.dates, since, until)
    ]
    linked = {e.source for e in edges} | {e.target for e in edges}
    dated = since is not None or until is not None
    nodes = {iri: n for iri, n in nodes.items()
             if iri in linked or (iri not in had_edges and not dated)}
    if focus is not None:
        keep = _neighbourhood(focus, depth, nodes, edges)
        nodes = {iri: n for iri, n in nodes.items() if iri in keep}
        edges = [e for e in edges if e.source in keep and e.target in keep]
    return replace(network, nodes=nodes, edges=edges)


def collapse_events(network: Network) -> Network:
    """Return ``network`` with each event node replaced by edges between what it links.

    An event's participants are joined pairwise, and each participant to the event's place, by
    an edge named after the event's class (``meeting``, ``visit``…) carrying the event's
    evidence and date — unless a direct relation already joins them (a meeting also yields
    ``met``). The event node and its other edges are dropped.

    Examples
    --------
    >>> a, b = Node("http://x/a", "Person", "A"), Node("http://x/b", "Person", "B")
    >>> m = Node("http://x/m", "Meeting", "talks", attributes=[("kg:date", "2025-04")])
    >>> net = Network({n.iri: n for n in (a, b, m)},
    ...               [Edge(m.iri, a.iri, "participant"), Edge(m.iri, b.iri, "participant")])
    >>> [(e.relation, e.dates) for e in collapse_events(net).edges]
    [('meeting', ['2025-04'])]
    """
    voc = vocabulary()
    events = {iri for iri, n in network.nodes.items() if voc.is_a(n.cls, "Event")}
    if not events:
        return network
    kept = [e for e in network.edges if e.source not in events and e.target not in events]
    joined = {frozenset((e.source, e.target)) for e in kept}
    for iri in sorted(events):
        node = network.nodes[iri]
        own = [e for e in network.edges if e.source == iri]
        people = sorted({e.target for e in own if e.relation == "participant"} - events)
        places = sorted({e.target for e in own if e.relation == "place"} - events)
        proofs = [p for e in own if e.relation in ("participant", "place") for p in e.proofs]
        dates = sorted({v for k, v in node.attributes if k == "kg:date"}
                       | {d for e in own for d in e.dates})
        name = node.cls[:1].lower() + node.cls[1:]
        pairs = [(x, y, True) for i, x in enumerate(people) for y in people[i + 1:]]
        pairs += [(x, y, False) for x in people for y in places]
        for x, y, sym in pairs:
            if frozenset((x, y)) not in joined:
                joined.add(frozenset((x, y)))
                kept.append(Edge(x, y, name, symmetric=sym, proofs=list(proofs), dates=dates))
    nodes = {iri: n for iri, n in network.nodes.items() if iri not in events}
    return replace(network, nodes=nodes, edges=kept)


def _check_names(names: Iterable[str] | None, known: Iterable[str] | None,
                 what: str) -> set[str] | None:
    if names is None:
        return None
    wanted = {n.strip().removeprefix("kg:") for n in names if n.strip()}
    if known is not None:
        unknown = sorted(wanted - set(known))
        if unknown:
            hint = vocabulary().suggest(unknown[0], among="classes")
            more = f" (did you mean {hint!r}?)" if hint else ""
            raise KGError(f"unknown {what} {unknown[0]!r}{more}; known: {', '.join(sorted(known))}")
    return wanted or None


def _check_date(text: str) -> None:
    from graph.model.rdf import date_literal

    try:
        date_literal(text)
    except ValueError as exc:
        raise KGError(f"bad date bound: {exc}") from None


def _rank(query: str, names: Iterable[str]) -> int | None:
    """Rank how a folded query names a node, as the page's search does (lower is better)."""
    best = None
    for name in names:
        if name == query:
            rank = 0
        elif name.startswith(query):
            rank = 1
        elif f" {query}" in f" {name}":
            rank = 2
        elif query in name:
            rank = 3
        else:
            continue
        best = rank if best is None else min(best, rank)
    return best


def find_node(query: str, nodes: dict[str, Node]) -> str | None:
    """Return the IRI of the node a label, alias or IRI names best, as the page's search does.

    Exact labels and aliases come first, then labels that start with the query, then labels
    with a word that starts with it, then any that contain it; ties go to the shortest label.

    Examples
    --------
    >>> nodes = {n.iri: n for n in (Node("http://x/b", "Person", "Bruno Retailleau"),
    ...                             Node("http://x/m", "Meeting", "rencontre Bruno Retailleau"))}
    >>> find_node("retailleau", nodes), find_node("nobody", nodes)
    ('http://x/b', None)
    """
    if query in nodes:
        return query
    wanted = fold(query)
    if not wanted:
        return None
    ranked = []
    for iri, node in nodes.items():
        rank = _rank(wanted, [fold(node.label), *(fold(a) for a in node.aliases)])
        if rank is not None:
            ranked.append((rank, len(node.label), node.label, iri))
    return min(ranked)[3] if ranked else None


def _neighbourhood(focus: str, depth: int, nodes: dict[str, Node], edges: list[Edge]) -> set[str]:
    start = find_node(focus, nodes)
    if start is None:
        raise KGError(f"no node is labelled {focus!r} (nor has an alias containing it)")
    starts = [start]
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        neighbours[e.source].add(e.target)
        neighbours[e.target].add(e.source)
    seen = set(starts)
    todo = deque((iri, 0) for iri in starts)
    while todo:
        iri, steps = todo.popleft()
        if steps >= depth:
            continue
        for other in neighbours[iri] - seen:
            seen.add(other)
            todo.append((other, steps + 1))
    return seen
