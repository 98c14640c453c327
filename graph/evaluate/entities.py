"""Entity coverage: whether every person of the gold facts is a node its article names.

The people of an article's gold facts (subjects of ``holdsPosition``, ``heldPosition``,
``affiliation``, ``said``, ``visited`` and ``met``, objects of ``met``) must each be a
``kg:Person`` whose label or alias names them (the rules of
:func:`graph.evaluate.match.names_match`) and that the article's document node reaches by
``kg:mentions`` (directly, or through a node ``owl:sameAs`` joins to it).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.evaluate.gold import collect_gold, read_gold
from graph.evaluate.match import name_words
from graph.store.base import Store

__all__ = ["Coverage", "PERSON_RELATIONS", "entity_coverage", "gold_people"]

PERSON_RELATIONS = ("holdsPosition", "heldPosition", "affiliation", "said", "visited", "met")
"""Gold relations whose subject is a person (and, for ``met``, the object too)."""

_PEOPLE = """
SELECT DISTINCT ?ident ?e ?name ?reached WHERE {
  ?e a kg:Person ; rdfs:label|skos:altLabel ?name .
  OPTIONAL { ?e owl:sameAs|^owl:sameAs ?alias }
  ?doc a kg:Document ; dcterms:identifier ?ident .
  BIND(EXISTS { ?doc kg:mentions ?e } || EXISTS { ?doc kg:mentions ?alias } AS ?reached)
  FILTER(?ident IN (%s))
}"""


@dataclass
class Coverage:
    """How many gold people are found as people, and named by their article.

    Attributes
    ----------
    people : int
        Gold people (one per article and person).
    as_person : int
        Those that are a ``kg:Person`` with that label or alias.
    mentioned : int
        Those that are, and that their article reaches by ``kg:mentions``.
    missing : list of (str, str)
        (document, name) of the people not found as a mentioned person.
    """

    people: int = 0
    as_person: int = 0
    mentioned: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Share of gold people found as mentioned people (1.0 when there are none)."""
        return self.mentioned / self.people if self.people else 1.0


def gold_people(path: str | os.PathLike[str]) -> dict[str, list[tuple[str, ...]]]:
    """Return document id → the alias lists of the people of a gold file's required facts.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> gold = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> _ = gold.write_text(json.dumps({"doc": "d", "facts": [
    ...     {"rel": "met", "s": ["Ann Bel", "Bel"], "o": ["Carl Dan"]},
    ...     {"rel": "capitalOf", "s": ["Rabat"], "o": ["Maroc"]}]}))
    >>> gold_people(gold)
    {'d': [('Ann Bel', 'Bel'), ('Carl Dan',)]}
    """
    gold = read_gold(path)
    people: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    for fact in gold.required:
        if fact.relation not in PERSON_RELATIONS:
            continue
        sides = [fact.subject, fact.object] if fact.relation == "met" else [fact.subject]
        for aliases in sides:
            key = name_words(aliases[0])
            if aliases and key not in seen:
                seen.add(key)
                people.append(aliases)
    return {doc: list(people) for doc in gold.docs}


def entity_coverage(store: Store, gold: Iterable[str | os.PathLike[str]]) -> Coverage:
    """Measure how many gold people are mentioned people of their article.

    Parameters
    ----------
    store : Store
    gold : iterable of path-like
        Gold files or folders of them.

    Examples
    --------
    >>> from graph.store import open_store
    >>> entity_coverage(open_store("memory:"), []).ratio
    1.0
    """
    wanted: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for path in collect_gold(gold):
        for doc, people in gold_people(path).items():
            wanted[doc].extend(people)
    coverage = Coverage()
    if not wanted:
        return coverage
    idents = ", ".join('"' + d.replace("\\", "\\\\").replace('"', '\\"') + '"' for d in wanted)
    names: dict[str, dict[tuple[str, ...], bool]] = defaultdict(dict)
    for ident, _, name, reached in store.query(_PEOPLE % idents):
        words = name_words(name.value)
        found = names[ident.value]
        found[words] = found.get(words, False) or reached.value == "true"
    for doc, people in sorted(wanted.items()):
        for aliases in people:
            keys = {name_words(a) for a in aliases}
            hits = [names[doc][k] for k in keys if k in names[doc]]
            coverage.people += 1
            coverage.as_person += bool(hits)
            coverage.mentioned += any(hits)
            if not any(hits):
                coverage.missing.append((doc, aliases[0]))
    return coverage
