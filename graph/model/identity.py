"""Identity across sources: which nodes are one real thing, and which node stands for them.

IRIs already meet where labels do (type + folded label, :mod:`graph.model.iri`): the same full
name in two articles is one node, whatever its accents, case or hyphens. What a label cannot
say is decided here, after a build, over the whole store:

- an organisation an article pairs with its acronym (« Organisation des Nations unies (ONU) »,
  kept as ``skos:altLabel``) is the node another source minted from the acronym alone;
- a person named with an honorific (« M. X », « Dr X ») in a hand-written file is X;
- a user's ``owl:sameAs`` lines join nodes; ``owl:differentFrom`` lines keep two nodes apart,
  even when a rule or a chain of ``owl:sameAs`` would join them.

A surname alone never meets a full name across articles, and initials or another
transliteration stay apart unless a user says otherwise. :func:`derive_identity` returns the
links the rules find; :func:`canonical_map` turns links into one node per group (the node a
rule joined the others to, else the longest IRI: the fuller name); :func:`identity_source` is
the derived graph :data:`IDENTITY_GRAPH` that ``kg build`` writes, holding ``X owl:sameAs C``
from every merged node X to its group's node C, so that queries show one row per real thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from graph.model.iri import normalize_label
from graph.model.rdf import Source, make_source
from graph.model.vocab import IDENTITY_GRAPH, PREFIXES

__all__ = ["IDENTITY_GRAPH", "canonical_map", "derive_identity", "identity_source", "post_key"]

_SAME_AS = PREFIXES["owl"] + "sameAs"
_HONORIFIC = re.compile(r"^(?:M\.|Mme|Mlle|Dr\.?|Pr\.?|Me|Monsieur|Madame|Mr\.?|Mrs\.?|Ms\.?)\s+",
                        re.IGNORECASE)

_COMPLEMENT = re.compile(r"\s(?:de la |de l'|de l’|du |des |de |d'|d’|en |of (?:the )?)")

# Each query first finds the distinct nodes of its class, then their labels: joining the labels
# to each graph's typing triple made one row per graph naming a node before DISTINCT, a cost
# that grew with the store (0.13 s a build, ten times this, once it held 800 articles).
_ORGS = """
SELECT DISTINCT ?e ?name ?alias WHERE {
  { SELECT DISTINCT ?e WHERE { ?e a kg:Organization } }
  ?e rdfs:label ?name . OPTIONAL { ?e skos:altLabel ?alias }
}"""

_PEOPLE = """
SELECT DISTINCT ?e ?name WHERE {
  { SELECT DISTINCT ?e WHERE { ?e a kg:Person } }
  ?e rdfs:label ?name
}"""

_USER = f"""
SELECT DISTINCT ?p ?a ?b WHERE {{
  GRAPH ?g {{ ?a ?p ?b }} VALUES ?p {{ owl:sameAs owl:differentFrom }}
  FILTER(isIRI(?a) && isIRI(?b) && ?a != ?b && ?g != <{IDENTITY_GRAPH}>)
}}"""


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 10 and bare.isalpha() and bare.isupper()


def _initials_fit(name: str, acronym: str) -> bool:
    letters = normalize_label(acronym).replace(" ", "")
    words = normalize_label(name).split()
    if len(letters) < 2 or not words or words[0][0] != letters[0]:
        return False
    rest = iter(w[0] for w in words[1:])
    return all(any(c == x for x in rest) for c in letters[1:])


def derive_identity(store: Any) -> list[tuple[str, str, str]]:
    r"""Return the links the identity rules find in a store, as ``(a, b, rule)``.

    Parameters
    ----------
    store : Store
        Anything with ``query(sparql)`` as :class:`graph.store.base.Store` has.

    Returns
    -------
    list of (str, str, str)
        Pairs of IRIs that are one thing, and the rule that says so (``acronym``,
        ``honorific``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.build import build
    >>> from graph.model.iri import Minter
    >>> from graph.store import open_store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "f.csv").write_text("subject,predicate,object,subject_type\n"
    ...     "Organisation des Nations unies,altLabel,ONU,Organization\n"
    ...     "ONU,label,ONU,Organization\n")
    >>> store = open_store("memory:")
    >>> _ = build([folder], store, minter=Minter("http://x/"))
    >>> [(a.rsplit("/", 1)[1], b.rsplit("/", 1)[1], rule) for a, b, rule in derive_identity(store)]
    [('onu', 'organisation-des-nations-unies', 'acronym')]
    """
    links: set[tuple[str, str, str]] = set()
    by_name: dict[str, set[str]] = defaultdict(set)
    paired: list[tuple[str, str]] = []
    for e, name, alias in store.query(_ORGS):
        by_name[normalize_label(name.value)].add(e.value)
        if alias is not None and _is_acronym(alias.value) \
                and _initials_fit(name.value, alias.value):
            paired.append((e.value, normalize_label(alias.value)))
    for full, acronym in paired:
        for other in by_name.get(acronym, ()):
            if other != full:
                links.add((other, full, "acronym"))
    people: dict[str, set[str]] = defaultdict(set)
    honoured: list[tuple[str, str]] = []
    for e, name in store.query(_PEOPLE):
        people[normalize_label(name.value)].add(e.value)
        bare = _HONORIFIC.sub("", name.value)
        if bare != name.value and len(bare.split()) >= 2:
            honoured.append((e.value, normalize_label(bare)))
    for node, bare in honoured:
        for other in people.get(bare, ()):
            if other != node:
                links.add((node, other, "honorific"))
    return sorted(links)


def canonical_map(same: Iterable[tuple[str, str]],
                  different: Iterable[tuple[str, str]] = (),
                  preferred: Iterable[str] = ()) -> dict[str, str]:
    """Group nodes joined by ``same`` and map each to its group's node.

    Links are taken in order; one that would put two nodes that ``different`` keeps apart in
    one group is skipped. A group's node is one of ``preferred`` if it has one (the full name
    a rule found for an acronym), then its longest IRI, then the first in order.

    Examples
    --------
    >>> canonical_map([("http://x/onu", "http://x/organisation-des-nations-unies")])
    {'http://x/onu': 'http://x/organisation-des-nations-unies'}
    >>> canonical_map([("http://x/a", "http://x/bb"), ("http://x/bb", "http://x/ccc")],
    ...               different=[("http://x/a", "http://x/ccc")])
    {'http://x/a': 'http://x/bb'}
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    apart: dict[str, set[str]] = defaultdict(set)
    for a, b in different:
        apart[a].add(b)
        apart[b].add(a)
    members: dict[str, set[str]] = {}
    for a, b in same:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        group_a = members.get(ra, {ra})
        group_b = members.get(rb, {rb})
        if any(apart.get(x, set()) & group_b for x in group_a):
            continue
        parent[rb] = ra
        members[ra] = group_a | group_b
        members.pop(rb, None)
    first = set(preferred)
    out: dict[str, str] = {}
    for group in members.values():
        head = max(sorted(group), key=lambda x: (x in first, len(x)))
        out.update({x: head for x in sorted(group) if x != head})
    return out


def identity_source(store: Any, links: Iterable[tuple[str, str, str]] | None = None) -> Source:
    """Return the derived identity graph of a store: ``X owl:sameAs C`` for every merged X.

    The links of the rules (:func:`derive_identity`, unless ``links`` is given) and the
    users' ``owl:sameAs`` make the groups; their ``owl:differentFrom`` keep nodes apart.

    Examples
    --------
    >>> from graph.store import open_store
    >>> identity_source(open_store("memory:")).triples
    0
    """
    user_same: list[tuple[str, str]] = []
    different: list[tuple[str, str]] = []
    for p, a, b in store.query(_USER):
        (user_same if p.value == _SAME_AS else different).append((a.value, b.value))
    found = derive_identity(store) if links is None else list(links)
    canonical = canonical_map([*user_same, *((a, b) for a, b, _ in found)], different,
                              preferred=[b for _, b, _ in found])
    same = ox.NamedNode(_SAME_AS)
    triples = [ox.Triple(ox.NamedNode(x), same, ox.NamedNode(c))
               for x, c in sorted(canonical.items())]
    return make_source(IDENTITY_GRAPH, "identity", triples)


def post_key(label: str, countries: dict[str, str]) -> tuple[str, str | None]:
    """Split a post's label into the post and the country its last words name.

    The rule articles follow (« ministre de l'Agriculture d'Espagne » is the post « ministre de
    l'Agriculture » of Spain), for hand-written files.

    Parameters
    ----------
    label : str
    countries : dict
        Folded country name (:func:`graph.model.iri.normalize_label`) → canonical name.

    Examples
    --------
    >>> names = {"espagne": "Espagne", "france": "France"}
    >>> post_key("ministre de l'Agriculture d'Espagne", names)
    ("ministre de l'Agriculture", 'Espagne')
    >>> post_key("ministre de l'Agriculture", names)
    ("ministre de l'Agriculture", None)
    """
    for match in _COMPLEMENT.finditer(label):
        country = countries.get(normalize_label(label[match.end():]))
        if country is not None and match.start() > 0:
            return label[:match.start()].strip(), country
    return label, None
