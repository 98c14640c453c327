"""Dyads: pairs of people, places, parties and countries, with events counted per month."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.store.base import Store

__all__ = ["Dyad", "LEVELS", "dyads"]

LEVELS = ("entity", "country")
"""``entity``: the people, places and parties themselves; ``country``: their countries."""

_KINDS = ("meetings", "visits", "agreements")
_UNDATED = "~"  # stands for "no date" inside MIN(), which fails on unbound values


@dataclass(frozen=True)
class Dyad:
    """How often a pair met, visited one another, or signed agreements, in one month.

    Attributes
    ----------
    level : {"entity", "country"}
    a, b : str
        The pair's labels, in alphabetical order.
    month : str
        ``YYYY-MM`` (``YYYY`` when only the year is known, ``""`` when undated).
    meetings, visits, agreements : int
        Distinct occasions: an event counts once however many articles report it; a ``met`` or
        ``visited`` fact without an event counts once per pair and month.
    """

    level: str
    a: str
    b: str
    month: str
    meetings: int
    visits: int
    agreements: int


def _month(date: str | None) -> str:
    return (date or "")[:7]


def _occasions(store: Store) -> list[tuple[str, str, str, str, str]]:
    """Return ``(kind, a, b, month, key)``: one per occasion and pair of entity IRIs."""
    found: set[tuple[str, str, str, str, str]] = set()
    # events: meetings between participants, visits from participants to places
    members: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    dates: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for event, kind, role, who, date in store.query(
        "SELECT ?e ?t ?role ?x "
        f"(MIN(COALESCE(STR(?d), STR(?ed), STR(?dd), '{_UNDATED}')) AS ?date) WHERE {{ "
        "VALUES (?t ?role) { (kg:Meeting kg:participant) (kg:Visit kg:participant) "
        "(kg:Visit kg:place) } ?e a ?t ; ?role ?x . OPTIONAL { ?e kg:date ?d } "
        "OPTIONAL { ?ev rdf:subject ?e ; rdf:predicate ?role ; rdf:object ?x . "
        "OPTIONAL { ?ev kg:date ?ed } OPTIONAL { ?ev kg:document/dcterms:date ?dd } } "
        "} GROUP BY ?e ?t ?role ?x"
    ):
        members[event.value][role.value.rsplit("#", 1)[1]].add(who.value)
        kinds[event.value] = "meetings" if kind.value.endswith("Meeting") else "visits"
        if date is not None and date.value != _UNDATED:
            dates[event.value] = min(dates.get(event.value, date.value), date.value)
    for event, roles in members.items():
        month = _month(dates.get(event))
        people = sorted(roles.get("participant", ()))
        if kinds[event] == "meetings":
            pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1:]]
        else:
            pairs = [(a, place) for a in people for place in sorted(roles.get("place", ()))]
        found.update((kinds[event], a, b, month, event) for a, b in pairs)
    # direct facts, one occasion per pair and month, unless an event already stands for it
    months: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s, p, o, date in store.query(
        "SELECT DISTINCT ?s ?p ?o ?date WHERE { VALUES ?p { kg:met kg:visited } ?s ?p ?o . "
        "FILTER(isIRI(?o)) OPTIONAL { ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . "
        "OPTIONAL { ?ev kg:date ?d } OPTIONAL { ?ev kg:document/dcterms:date ?dd } } "
        "BIND(STR(COALESCE(?d, ?dd)) AS ?date) }"
    ):
        kind = "meetings" if p.value.endswith("#met") else "visits"
        a, b = s.value, o.value
        if kind == "meetings" and b < a:
            a, b = b, a
        months[(kind, a, b)].add(_month(date.value if date is not None else ""))
    by_event = {(kind, a, b, month) for kind, a, b, month, _ in found}
    for (kind, a, b), seen in months.items():
        dated = seen - {""} or seen
        for month in dated:
            if (kind, a, b, month) not in by_event:
                found.add((kind, a, b, month, f"{kind}:{a}:{b}:{month}"))
    # agreements: every pair of parties, dated by the agreement's earliest evidence
    parties: dict[str, set[str]] = defaultdict(set)
    signed: dict[str, str] = {}
    for agreement, party, date in store.query(
        f"SELECT ?ag ?x (MIN(COALESCE(STR(?d), STR(?dd), '{_UNDATED}')) AS ?date) WHERE {{ "
        "?ag a kg:Agreement ; kg:party ?x . OPTIONAL { ?ev rdf:subject ?ag . "
        "OPTIONAL { ?ev kg:date ?d } OPTIONAL { ?ev kg:document/dcterms:date ?dd } } "
        "} GROUP BY ?ag ?x"
    ):
        parties[agreement.value].add(party.value)
        if date is not None and date.value != _UNDATED:
            signed[agreement.value] = min(signed.get(agreement.value, date.value), date.value)
    for agreement, members_ in parties.items():
        ordered = sorted(members_)
        month = _month(signed.get(agreement))
        found.update(
            ("agreements", a, b, month, agreement)
            for i, a in enumerate(ordered) for b in ordered[i + 1:]
        )
    return sorted(found)


def _countries(store: Store) -> dict[str, str]:
    """Return each entity's country (the first by IRI when several)."""
    found: dict[str, set[str]] = defaultdict(set)
    for x, c in store.query(
        "SELECT DISTINCT ?x ?c WHERE { { ?x a kg:Country BIND(?x AS ?c) } "
        "UNION { ?x kg:country ?c } UNION { ?x kg:holdsPosition/kg:country ?c } "
        "UNION { ?x (kg:locatedIn|kg:capitalOf)+ ?c } "
        "?c a kg:Country }"
    ):
        found[x.value].add(c.value)
    return {x: min(cs) for x, cs in found.items()}


def _labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(iris))
    labels: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        values = " ".join(f"<{iri}>" for iri in wanted[start:start + 500])
        for x, label in store.query(
            f"SELECT ?x (MIN(STR(?l)) AS ?label) WHERE {{ VALUES ?x {{ {values} }} "
            "?x rdfs:label ?l } GROUP BY ?x"
        ):
            labels[x.value] = label.value
    return labels


def dyads(store: Store, *, level: str | None = None) -> list[Dyad]:
    r"""Count meetings, visits and agreements per pair and month.

    Parameters
    ----------
    store : Store
    level : {"entity", "country"}, optional
        Only one level; both by default. At the country level, people are mapped to their
        country (``kg:country``, or their position's), places to the country they lie in, and
        pairs within one country are left out.

    Returns
    -------
    list of Dyad
        Sorted by level, month, then pair.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.build import build
    >>> from graph.store import open_store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "f.csv").write_text(
    ...     "subject,predicate,object,object_type,date\n"
    ...     "Anna Bel,met,Carl Dan,,2024-05-02\nAnna Bel,country,Norvège,,\n"
    ...     "Carl Dan,country,Suède,,\n")
    >>> store = open_store("memory:")
    >>> _ = build([folder], store)
    >>> for d in dyads(store):
    ...     print(d.level, d.a, d.b, d.month, d.meetings)
    country Norvège Suède 2024-05 1
    entity Anna Bel Carl Dan 2024-05 1
    """
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    occasions = _occasions(store)
    countries = _countries(store) if level in (None, "country") else {}
    iris = {x for _, a, b, _, _ in occasions for x in (a, b)} | set(countries.values())
    labels = _labels(store, iris)
    counts: dict[tuple[str, str, str, str], dict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )
    for kind, a, b, month, key in occasions:
        pairs = []
        if level in (None, "entity"):
            pairs.append(("entity", a, b))
        if level in (None, "country"):
            ca, cb = countries.get(a), countries.get(b)
            if ca and cb and ca != cb:
                pairs.append(("country", ca, cb))
        for lvl, x, y in pairs:
            la, lb = sorted((labels.get(x, x), labels.get(y, y)))
            counts[(lvl, la, lb, month)][kind].add(key)
    return [
        Dyad(lvl, a, b, month, *(len(kinds.get(k, ())) for k in _KINDS))
        for (lvl, a, b, month), kinds in sorted(
            counts.items(), key=lambda kv: (kv[0][0], kv[0][3], kv[0][1], kv[0][2])
        )
    ]
