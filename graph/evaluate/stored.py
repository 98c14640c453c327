"""What a store says about some documents, read with SPARQL only (any backend).

Each article is its own named graph holding its ``kg:Document`` node (``dcterms:identifier``
is the document id). :func:`read_predictions` reads the facts of the evaluated relations in
those graphs, with the names and classes of their nodes, the country and organisation of
posts, the text of quotes, and the dates, statuses and sentences that come with them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from graph.model.vocab import KG_NS
from graph.store.base import Store

__all__ = ["Node", "Prediction", "StoredFacts", "find_documents", "read_predictions"]

_RELATIONS = ("holdsPosition", "heldPosition", "memberOf", "met", "visited", "said", "capitalOf",
              "country", "locatedIn", "concerns", "party")
_ATTRIBUTES = ("organization", "text")
_BATCH = 400


@dataclass(frozen=True)
class Node:
    """A stored node: its IRI, label, every name it goes by, and its ``kg:`` classes."""

    iri: str
    label: str
    names: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Prediction:
    """One stored fact of an evaluated relation, with what comes with it.

    Attributes
    ----------
    relation : str
        Gold relation name (``affiliation`` for ``kg:memberOf`` and for a post's
        ``kg:organization``).
    subject, object : Node
        ``object`` is ``None`` for ``said``.
    quote : str or None
        The ``kg:text`` of a said quote.
    countries, orgs : tuple of Node
        The ``kg:country`` and ``kg:organization`` of a ``holdsPosition`` or ``heldPosition`` post.
    dates, statuses : tuple of str
        From the fact's evidence and from its events.
    sentence : str or None
        An evidence sentence.
    via : str
        The stored predicate the fact was read from.
    """

    relation: str
    subject: Node
    object: Node | None
    quote: str | None = None
    countries: tuple[Node, ...] = ()
    orgs: tuple[Node, ...] = ()
    dates: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    sentence: str | None = None
    via: str = ""

    def describe(self) -> str:
        """Return the fact on one line."""
        if self.quote is not None:
            target = f"« {self.quote} »"
        else:
            target = self.object.label if self.object else "?"
        extra = [f"country {c.label}" for c in self.countries]
        extra += [f"org {o.label}" for o in self.orgs]
        extra += [f"date {d}" for d in self.dates] + [f"status {s}" for s in self.statuses]
        more = f" [{', '.join(extra)}]" if extra else ""
        return f"{self.subject.label} —{self.relation}→ {target}{more}"


@dataclass
class StoredFacts:
    """The predictions for some documents, by gold relation.

    Attributes
    ----------
    predictions : dict
        Relation → stored facts, as counted for precision (``affiliation``: ``kg:memberOf``).
    derived : dict
        Relation → facts that also count for recall only (a post's organisation as an
        ``affiliation``).
    """

    predictions: dict[str, list[Prediction]] = field(default_factory=dict)
    derived: dict[str, list[Prediction]] = field(default_factory=dict)

    def candidates(self, relation: str) -> list[Prediction]:
        """Return every stored fact that may state a gold fact of ``relation``."""
        return self.predictions.get(relation, []) + self.derived.get(relation, [])


def _doc_keys(identifier: str, source: str | None) -> set[str]:
    """Names a gold file may give a document: its id, or ``folder-stem`` of its file."""
    keys = {identifier}
    for text in (identifier, source):
        if text and ("/" in text or "." in text):
            path = PurePosixPath(text.replace("\\", "/"))
            keys.add(path.stem)
            if path.parent.name:
                keys.add(f"{path.parent.name}-{path.stem}")
    return keys


def find_documents(store: Store, doc_ids: Iterable[str]) -> dict[str, list[str]]:
    """Return the named graph(s) of each document id (an empty list when not stored).

    An id names the document whose ``dcterms:identifier`` it is; failing that, the document
    read from a file ``…/FOLDER/STEM.txt`` answers to ``STEM`` and ``FOLDER-STEM``.

    Examples
    --------
    >>> from graph.store import open_store
    >>> find_documents(open_store("memory:"), ["d1"])
    {'d1': []}
    """
    rows = store.query(
        "SELECT ?g ?id ?src WHERE { GRAPH ?g { ?g a kg:Document . "
        "OPTIONAL { ?g dcterms:identifier ?id } OPTIONAL { ?g dcterms:source ?src } } }"
    )
    exact: dict[str, list[str]] = defaultdict(list)
    loose: dict[str, list[str]] = defaultdict(list)
    for graph, identifier, source in rows:
        name = identifier.value if identifier is not None else graph.value
        exact[name].append(graph.value)
        for key in _doc_keys(name, source.value if source is not None else None) - {name}:
            loose[key].append(graph.value)
    return {
        doc: sorted(set(exact.get(doc) or loose.get(doc) or [])) for doc in doc_ids
    }


def _iri(value: str) -> str:
    return "<" + value.replace(">", "%3E") + ">"


def _batches(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start:start + _BATCH]


def _nodes(store: Store, iris: set[str]) -> dict[str, Node]:
    names: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    types: dict[str, set[str]] = defaultdict(set)
    for batch in _batches(sorted(iris)):
        values = " ".join(map(_iri, batch))
        rows = store.query(
            f"SELECT ?n ?p ?v WHERE {{ VALUES ?n {{ {values} }} "
            "VALUES ?p { rdfs:label skos:altLabel rdf:type } ?n ?p ?v }"
        )
        for node, predicate, value in rows:
            if predicate.value.endswith("#type"):
                if value.value.startswith(KG_NS):
                    types[node.value].add(value.value[len(KG_NS):])
                continue
            names[node.value].add(value.value)
            if predicate.value.endswith("#label"):
                labels[node.value] = min(labels.get(node.value, value.value), value.value)
    out = {}
    for iri in iris:
        label = labels.get(iri) or min(names[iri], default=iri.rsplit("/", 1)[-1])
        out[iri] = Node(iri, label, frozenset(names[iri] | {label}), frozenset(types[iri]))
    return out


def _graph_values(graphs: Sequence[str]) -> str:
    return " ".join(map(_iri, graphs))


def read_predictions(store: Store, graphs: Sequence[str]) -> StoredFacts:
    """Read the facts of the evaluated relations stored in ``graphs``.

    Parameters
    ----------
    store : Store
    graphs : sequence of str
        Named graphs of the documents (see :func:`find_documents`).

    Returns
    -------
    StoredFacts

    Examples
    --------
    >>> from graph.store import open_store
    >>> read_predictions(open_store("memory:"), []).predictions
    {}
    """
    if not graphs:
        return StoredFacts()
    g = _graph_values(graphs)
    preds = " ".join(f"kg:{name}" for name in _RELATIONS + _ATTRIBUTES)
    triples: set[tuple[str, str, str, bool]] = set()
    for s, p, o in store.query(
        f"SELECT ?s ?p ?o WHERE {{ VALUES ?g {{ {g} }} VALUES ?p {{ {preds} }} "
        "GRAPH ?g { ?s ?p ?o } }"
    ):
        triples.add((s.value, p.value[len(KG_NS):], o.value, hasattr(o, "datatype")))
    evidence = _evidence(store, g)
    events = _events(store, g)
    iris = {s for s, _, _, _ in triples} | {o for _, _, o, lit in triples if not lit}
    nodes = _nodes(store, iris)
    by_subject: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s, p, o, _ in triples:
        by_subject[(s, p)].append(o)
    facts = StoredFacts()
    seen: set[tuple[str, str, str]] = set()
    for s, p, o, literal in sorted(triples):
        if p in _ATTRIBUTES or literal:
            continue
        relation = "affiliation" if p == "memberOf" else p
        first, second = sorted((s, o)) if p == "met" else (s, o)
        key = (relation, first, second)
        if key in seen:
            continue
        seen.add(key)
        sentence, dates = evidence.get((s, p, o)) or evidence.get((o, p, s)) or (None, ())
        event_dates, statuses = events.related(p, s, o)
        quote: str | None = None
        obj: Node | None = nodes[o]
        if p == "said":
            texts = by_subject.get((o, "text"), [])
            quote, obj = (texts[0] if texts else nodes[o].label), None
        countries: tuple[Node, ...] = ()
        orgs: tuple[Node, ...] = ()
        if p in ("holdsPosition", "heldPosition"):
            countries = tuple(nodes[c] for c in sorted(by_subject.get((o, "country"), [])))
            orgs = tuple(nodes[c] for c in sorted(by_subject.get((o, "organization"), [])))
        prediction = Prediction(
            relation, nodes[s], obj, quote=quote, countries=countries, orgs=orgs,
            dates=tuple(sorted(set(dates) | event_dates)), statuses=tuple(sorted(statuses)),
            sentence=sentence, via=p,
        )
        facts.predictions.setdefault(relation, []).append(prediction)
        for org in orgs:
            facts.derived.setdefault("affiliation", []).append(Prediction(
                "affiliation", nodes[s], org, sentence=sentence, via="holdsPosition",
            ))
    return facts


def _evidence(store: Store, graphs: str) -> dict[tuple[str, str, str], tuple[str | None, tuple]]:
    preds = " ".join(f"kg:{name}" for name in _RELATIONS)
    found: dict[tuple[str, str, str], tuple[str | None, tuple]] = {}
    rows = store.query(
        f"SELECT ?s ?p ?o ?sentence ?date WHERE {{ VALUES ?g {{ {graphs} }} "
        f"VALUES ?p {{ {preds} }} GRAPH ?g {{ ?e rdf:subject ?s ; rdf:predicate ?p ; "
        "rdf:object ?o . OPTIONAL { ?e kg:sentence ?sentence } OPTIONAL { ?e kg:date ?date } } }"
    )
    for s, p, o, sentence, date in rows:
        key = (s.value, p.value[len(KG_NS):], o.value)
        old_sentence, old_dates = found.get(key, (None, ()))
        dates = old_dates + ((date.value,) if date is not None else ())
        found[key] = (old_sentence or (sentence.value if sentence else None), dates)
    return found


@dataclass
class _Events:
    participants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    places: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    dates: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    statuses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def related(self, predicate: str, s: str, o: str) -> tuple[set[str], set[str]]:
        """Dates and statuses of the events behind a ``met`` or ``visited`` fact."""
        dates: set[str] = set()
        statuses: set[str] = set()
        for event, people in self.participants.items():
            if s not in people:
                continue
            if (predicate == "met" and o in people) or (
                predicate == "visited" and o in self.places.get(event, ())
            ):
                dates |= self.dates.get(event, set())
                statuses |= self.statuses.get(event, set())
        return dates, statuses


def _events(store: Store, graphs: str) -> _Events:
    events = _Events()
    rows = store.query(
        f"SELECT ?ev ?part ?place ?date ?status WHERE {{ VALUES ?g {{ {graphs} }} "
        "GRAPH ?g { ?ev kg:participant ?part . OPTIONAL { ?ev kg:place ?place } "
        "OPTIONAL { ?ev kg:date ?date } OPTIONAL { ?ev kg:status ?status } } }"
    )
    for event, part, place, date, status in rows:
        events.participants[event.value].add(part.value)
        if place is not None:
            events.places[event.value].add(place.value)
        if date is not None:
            events.dates[event.value].add(date.value)
        if status is not None:
            events.statuses[event.value].add(status.value)
    return events
