"""One parsed article and what is known about its mentions: entities, who holds which post.

A :class:`Context` is built once per article by :func:`analyze`; the rules in
:mod:`graph.extract.rules` read it and record claims. It is the only mutable object of the
pipeline, and it never leaves the article it belongs to.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass, field

from graph.extract.mentions import Mention, Sentence, find_mentions, sentences_of
from graph.extract.people import group_names
from graph.extract.resources import Resources
from graph.extract.text import find_quotes
from graph.model.iri import Minter, normalize_label
from graph.model.records import Entity, Literal

__all__ = ["AGENT_KINDS", "Claim", "Context", "analyze"]

AGENT_KINDS = ("Person", "Position", "Organization")
"""Mention kinds that can act (speak, meet, visit)."""

PRONOUNS = {"il", "elle", "-il", "-elle", "celui-ci", "celle-ci", "he", "she"}


@dataclass(frozen=True, slots=True)
class Claim:
    """A fact found by a rule, before it becomes a :class:`~graph.model.records.Fact`.

    Attributes
    ----------
    subject : Entity
    relation : str
        Local name of a ``kg:`` property.
    object : Entity or Literal
    sentence : int
        Index of the sentence that states it.
    method : str
        Versioned rule name (``fr.met.v1``).
    confidence : float
    date : str or None
    """

    subject: Entity
    relation: str
    object: Entity | Literal
    sentence: int
    method: str
    confidence: float
    date: str | None = None


@dataclass
class Context:
    """What the rules know about one article.

    Attributes
    ----------
    doc : spacy.tokens.Doc or Tokens
        The parse of the title and the text.
    sentences : list of Sentence
    mentions : list of Mention
    quotes : list of (int, int)
        Character spans of the quotations in the parsed text.
    res : Resources
    minter : Minter
    lang : str
    anchor : str or None
        The article's "today".
    document : str
        The article's id.
    person_of : dict
        Person mention index → its person entity.
    holder : dict
        Position mention index → the person it designates.
    held : dict
        Person IRI → list of (post, the mention that named it, its country).
    claims : list of Claim
    """

    doc: object
    sentences: list[Sentence]
    mentions: list[Mention]
    quotes: list[tuple[int, int]]
    res: Resources
    minter: Minter
    lang: str
    anchor: str | None
    document: str = ""
    person_of: dict[int, Entity] = field(default_factory=dict)
    holder: dict[int, Entity] = field(default_factory=dict)
    held: dict[str, list[tuple[Entity, Mention, str | None]]] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)
    calls: set[int] = field(default_factory=set)
    """Sentences that report a telephone call (their meetings are calls)."""
    counterparts: dict[int, tuple[Entity, int]] = field(default_factory=dict)
    """Token of "son homologue …" → the person it names and the token after the name."""
    agreements: dict[str, Entity] = field(default_factory=dict)
    """Agreement key (its phrase) → the one agreement of the article it names."""
    named_agreements: list[tuple[int, int, Entity]] = field(default_factory=list)
    """Every agreement noun read so far: its sentence, its token and the agreement."""
    gatherings: list[tuple[Entity, tuple[Entity, ...], int, str | None, str | None, str]] = \
        field(default_factory=list)
    """Who attended a gathering where: person, places, sentence, date, status, pattern name."""

    @functools.cached_property
    def text(self) -> str:
        """The parsed text (spaCy rebuilds ``doc.text`` on every access)."""
        return self.doc.text  # type: ignore[attr-defined,no-any-return]

    @functools.cached_property
    def token_starts(self) -> list[int]:
        """Character offset of each token, for finding tokens by offset."""
        return self.doc.to_array("IDX").tolist()  # type: ignore[attr-defined,no-any-return]

    def tokens_between(self, start_char: int, end_char: int) -> range:
        """Return the indices of the tokens that start within ``[start_char, end_char)``."""
        starts = self.token_starts
        return range(bisect.bisect_left(starts, start_char), bisect.bisect_left(starts, end_char))
    by_sentence: dict[int, list[int]] = field(default_factory=dict)

    # --- entities -----------------------------------------------------------------------

    def entity(self, kind: str, label: str, *aliases: str) -> Entity:
        """Return the entity of a named thing (deterministic IRI from type and label).

        A country also goes by the gazetteer's other names for it ("RDC").
        """
        if kind == "Country":
            aliases = (*aliases, *self.res.country_aliases.get(label, ()))
        return Entity(self.minter.entity(kind, label), kind, label, self.lang,
                      tuple(a for a in dict.fromkeys(aliases) if a != label))

    def entity_of(self, index: int) -> Entity | None:
        """Return the entity a mention stands for (a post's holder for a position)."""
        m = self.mentions[index]
        if m.kind == "Person":
            return self.person_of.get(index)
        if m.kind == "Position":
            return self.holder.get(index)
        if m.kind == "Organization":
            return self.entity("Organization", m.text)
        if m.kind == "Country":
            return self.entity("Country", m.key, m.text)
        if m.kind in ("City", "Place"):  # "la capitale malienne": Bamako, by its key
            return self.entity(m.kind, m.key if m.kind == "City" else m.text)
        if m.kind == "Topic":
            return self.entity("Topic", m.key, m.text)
        return None

    def position_entity(self, m: Mention, country: str | None = None,
                        org: Entity | None = None) -> Entity:
        """Return the post a position mention names (keyed by label and country or org)."""
        org = org or self.organization_of(m)
        country = country if country is not None else (m.countries[0] if m.countries else None)
        key = country or (org.label if org else None)
        iri = self.minter.keyed("Position", m.key, *( [key] if key else []))
        return Entity(iri, "Position", m.key, self.lang)

    def organization_of(self, m: Mention) -> Entity | None:
        """Return the organisation of a position mention, resolving "du parti"."""
        if not m.org:
            return None
        if m.org != "@previous":
            return self.entity("Organization", m.org)
        earlier = [o for o in self.mentions[: self.mentions.index(m)]
                   if o.kind == "Organization" and not o.quoted]
        # an organisation that was the subject of a sentence before any other
        for other in reversed(earlier):
            if self.doc[other.start].dep_ in ("nsubj", "nsubj:pass"):  # type: ignore[index]
                return self.entity("Organization", other.text)
        return self.entity("Organization", earlier[-1].text) if earlier else None

    # --- tokens and sentences -------------------------------------------------------------

    def mention_at(self, token: int) -> int | None:
        """Return the index of the agent or place mention covering a token."""
        return self.by_token.get(token)

    def holds_post(self, person: Entity) -> bool:
        """Tell whether the article gives ``person`` a post (by a title, or by a rule)."""
        return person.iri in self.held or any(
            c.relation == "holdsPosition" and c.subject.iri == person.iri for c in self.claims)

    def in_sentence(self, sentence: int, *kinds: str, quoted: bool = False) -> list[int]:
        """Return the indices of a sentence's mentions of some kinds (outside quotes)."""
        return [i for i in self.by_sentence.get(sentence, [])
                if (not kinds or self.mentions[i].kind in kinds)
                and (quoted or not self.mentions[i].quoted)]

    def topics_in(self, sentence: int) -> list[int]:
        """Return a sentence's topic mentions but those inside a title ("ministre de l'Eau")."""
        inside = [(m.start, m.end) for i in self.in_sentence(sentence, "Position", quoted=True)
                  for m in [self.mentions[i]]]
        return [i for i in self.in_sentence(sentence, "Topic", quoted=True)
                if not any(a <= self.mentions[i].start < b for a, b in inside)]

    def quoted(self, token: int) -> bool:
        """Tell whether a token lies inside a quotation."""
        idx = self.doc[token].idx  # type: ignore[index]
        return any(s <= idx < e for s, e in self.quotes)

    def lemma(self, token: int) -> str:
        """Return a token's lemma, mending a verb the lemmatiser left inflected ("adresse")."""
        tok = self.doc[token]  # type: ignore[index]
        lemma = tok.lemma_.lower()
        if self.misread_verb(token):  # "Elle visitera, à Thiès, …" tagged as a noun
            ending = next(e for e in _VERB_ENDINGS if tok.lower_.endswith(e))
            return tok.lower_[: -len(ending)] + "er"
        if tok.pos_ == "VERB" and lemma == tok.lower_ and self.lang == "fr" \
                and not lemma.endswith(("er", "ir", "re")):
            for ending in ("ent", "es", "e"):
                if lemma.endswith(ending):
                    return lemma[: -len(ending)] + "er"
        return lemma

    def misread_verb(self, token: int) -> bool:
        """Tell whether the tagger took a verb after a subject pronoun for a noun.

        "Elle visitera, à Thiès, un centre": "visitera" tagged as a noun; a future or an
        imperfect ending right after "il", "elle", "ils", "elles" or "on" says it is a verb.
        """
        tok = self.doc[token]  # type: ignore[index]
        return tok.pos_ == "NOUN" and tok.lower_.endswith(_VERB_ENDINGS) and token > 0 \
            and self.lang == "fr" \
            and self.doc[token - 1].lower_ in ("il", "elle", "ils", "elles", "on")  # type: ignore[index]

    def is_pronoun(self, token: int) -> bool:
        """Tell whether a token is a third-person personal pronoun."""
        tok = self.doc[token]  # type: ignore[index]
        return tok.lower_ in PRONOUNS or (tok.pos_ == "PRON" and tok.lower_.lstrip("-t-") in
                                          ("il", "elle"))

    def add(self, subject: Entity | None, relation: str, obj: Entity | Literal | None,
            sentence: int, method: str, confidence: float, date: str | None = None) -> None:
        """Record a claim (ignored when a side is missing or it links a thing to itself)."""
        if subject is None or obj is None:
            return
        if isinstance(obj, Entity) and obj.iri == subject.iri:
            return
        if self.sentences[sentence].title or self.sentences[sentence].clutter:
            return
        self.claims.append(Claim(subject, relation, obj, sentence, method, confidence, date))


_VERB_ENDINGS = ("eraient", "erait", "eront", "era", "aient", "ait")
"""Endings of a future, conditional or imperfect of a verb in "-er" ("visitera")."""


def _mark_clutter(sentences: list[Sentence], text: str, res: Resources) -> list[Sentence]:
    """Mark the sentences that are page furniture: menus, "Lire aussi", cookie notices."""
    openings = tuple(res.places.get("clutter", ()))
    if not openings:
        return sentences
    out = []
    for s in sentences:
        words = text[s.start_char:s.end_char].lstrip(" -–—•>|»«\"").lower()
        if words.startswith(openings) or (s.end_char - s.start_char < 40 and any(
                w in words for w in ("cookie", "newsletter", "abonnez", "s'abonner"))) or (
                s.end_char - s.start_char < 240 and sum(
                    words.count(bar) for bar in ("|", "›", " > ")) >= 2):  # a menu, a path
            s = dataclasses.replace(s, clutter=True)
        out.append(s)
    return out


def _retype_surnames(mentions: list[Mention]) -> list[Mention]:
    """Retype a place or organisation named like a person of the article as that person."""
    surnames = {normalize_label(m.text.split()[-1]) for m in mentions
                if m.kind == "Person" and len(m.text.split()) >= 2}
    out = []
    for m in mentions:
        if m.kind in ("Place", "Organization") and normalize_label(m.text) in surnames:
            m = Mention("Person", m.start, m.end, m.start_char, m.end_char, m.text, m.sentence,
                        m.text, quoted=m.quoted)
        out.append(m)
    return out


_HONORIFICS = {"m.", "mme", "mlle", "sem", "s.e.", "monsieur", "madame", "messieurs"}


_COMPLEMENT_GAP = re.compile(
    r"^\s*(?:de|du|des|d'|d’|pour|en|à|au|aux)\s*(?:la|le|les|l'|l’)?\s*$", re.IGNORECASE)
"""What joins a title to a place or an organisation of its own: " pour l'", " de la "."""


def _retype_after_titles(mentions: list[Mention], doc, text: str) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Retype as a person a "place" or "organisation" named right after a title and a comma.

    "le ministre portugais de la Mer, Paulo Reis": the NER may take an unknown name for a
    place; a name of proper nouns in apposition to a title is the title's holder, after the
    title's own complements too ("… de la BAD pour l'Afrique de l'Ouest, X").
    """
    out = list(mentions)
    for i, m in enumerate(out):  # "SEM Mandjou Diobate", "M. X": an honorific names a person
        if m.kind in ("Place", "Organization") and m.start > 0 and not m.quoted and \
                doc[m.start - 1].lower_ in _HONORIFICS and m.end - m.start >= 2:
            out[i] = Mention("Person", m.start, m.end, m.start_char, m.end_char, m.text,
                             m.sentence, m.text, quoted=m.quoted)
    for i in range(1, len(out)):
        m, before = out[i], out[i - 1]
        if m.kind not in ("Place", "Organization") or m.quoted or m.end - m.start < 2:
            continue
        if text[before.end_char:m.start_char].strip() != ",":
            continue
        j = i - 1  # "la directrice adjointe de la BAD pour l'Afrique de l'Ouest, X": across
        while j > 0 and out[j].kind in ("Place", "Organization", "Country") and \
                _COMPLEMENT_GAP.match(text[out[j - 1].end_char:out[j].start_char]):
            j -= 1  # the title's own complements
        if out[j].kind != "Position":
            continue
        if all(doc[t].pos_ == "PROPN" or doc[t].text[:1].isupper() and doc[t].pos_ not in (
                "DET", "ADP", "CCONJ", "PUNCT", "PRON") for t in range(m.start, m.end)):
            # capitalised words, whatever their tags ("Afi" may be read as a verb)
            out[i] = Mention("Person", m.start, m.end, m.start_char, m.end_char, m.text,
                             m.sentence, m.text, quoted=m.quoted)
    return out


_GIVEN_TO = frozenset({"revenir", "aller", "venir"})
"""Verbs of motion that also give a post to someone: "le ministère revient à X"."""


def _retype_destinations(mentions: list[Mention], doc, res: Resources) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Retype as a place a "person" or "organisation" a journey goes to.

    "se rendra à Hô Chi Minh-Ville, …, puis à Can Tho": the NER takes towns it does not know
    for names. Only after "à", as the complement of a verb of motion ("se rendre", "arriver",
    "séjourner"), or as the next stop ("puis à", "ensuite à") after a place of the sentence.
    """
    motion = res.trigger("visit", "motion_verbs") - _GIVEN_TO
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind not in ("Person", "Organization") or m.quoted or m.start < 2 or \
                doc[m.start - 1].lower_ != "à":
            continue
        root = next((t for t in doc[m.start:m.end] if not m.start <= t.head.i < m.end), None)
        if root is None:
            continue
        verb = root.head
        moving = root.dep_.startswith("obl") and verb.pos_ == "VERB" and \
            verb.lemma_ in motion and (verb.lemma_ != "rendre" or any(
                c.lower_ in ("se", "s'") for c in verb.children))
        after_stop = doc[m.start - 2].lower_ in ("puis", "ensuite") and any(
            o.kind in ("City", "Country", "Place") and o.sentence == m.sentence and o.end < m.start
            and o.start > 0 and doc[o.start - 1].lower_ in ("à", "au", "en") for o in out)
        if moving or after_stop:
            out[i] = Mention("Place", m.start, m.end, m.start_char, m.end_char, m.text,
                             m.sentence, m.text, quoted=m.quoted)
    return out


class Tokens:
    """A parsed doc whose tokens are made once, for rules that look at each token many times.

    spaCy builds a new ``Token`` object on every ``doc[i]`` and every iteration; this keeps
    one list of them. Slices give spaCy's spans, and everything else is the doc's.

    Examples
    --------
    >>> import spacy
    >>> doc = Tokens(spacy.blank("fr")("Le ministre est venu."))
    >>> doc[1] is doc[1], doc[1:3].text, len(doc), doc.text
    (True, 'ministre est', 5, 'Le ministre est venu.')
    """

    __slots__ = ("_doc", "_texts", "_tokens")

    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        self._doc = doc
        self._tokens = list(doc)
        self._texts: list[str] | None = None

    @property
    def texts(self) -> list[str]:
        """The text of each token, read once."""
        if self._texts is None:
            self._texts = [token.text for token in self._tokens]
        return self._texts

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        if isinstance(key, int):
            return self._tokens[key]
        return self._doc[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._doc, name)


def _full_name(label: str) -> bool:
    """Tell whether a person's label is a full name, which meets its namesakes across sources.

    A surname alone, or a name opening with an initial, is not: « Reis » or « B. Obama » in
    one article is not known to be the « Reis » of another.

    Examples
    --------
    >>> _full_name("Paulo Reis"), _full_name("Reis"), _full_name("B. Obama")
    (True, False, False)
    """
    words = label.split()
    return len(words) >= 2 and not (len(words[0].rstrip(".")) == 1 or (
        words[0].endswith(".") and len(words[0]) <= 3))


def analyze(doc, title_end: int, res: Resources, minter: Minter, lang: str,
            anchor: str | None, document: str = "", *,
            text: str | None = None) -> Context:  # type: ignore[no-untyped-def]
    """Find the sentences, quotations, mentions and people of a parsed article.

    ``text`` is the text the doc was parsed from, when the caller has it: spaCy joins the
    tokens again on every ``doc.text``.
    """
    doc = doc if isinstance(doc, Tokens) else Tokens(doc)
    text = doc.text if text is None else text
    sentences = _mark_clutter(sentences_of(doc, title_end), text, res)
    quotes = [q for q in find_quotes(text) if q[0] >= title_end]
    mentions = _retype_surnames(find_mentions(doc, sentences, quotes, res))
    mentions = _retype_destinations(_retype_after_titles(mentions, doc, text), doc, res)
    ctx = Context(doc, sentences, mentions, quotes, res, minter, lang, anchor, document)
    ctx.__dict__["text"] = text  # fills the cached property
    for i, m in enumerate(mentions):
        ctx.by_sentence.setdefault(m.sentence, []).append(i)
        if m.kind != "Topic":
            for t in range(m.start, m.end):
                ctx.by_token.setdefault(t, i)
    people = [i for i, m in enumerate(mentions) if m.kind == "Person"]
    groups = group_names([mentions[i].text for i in people])
    members: dict[int, list[int]] = {}
    for i, g in zip(people, groups, strict=True):
        members.setdefault(g, []).append(i)
    for head, group in members.items():
        forms = [mentions[i].text for i in group]
        label = max(forms, key=lambda f: (len(f.split()), len(f)))
        entity = ctx.entity("Person", label, *forms)
        if document and not _full_name(label):  # a surname alone: this article's person
            entity = dataclasses.replace(entity, iri=minter.keyed("Person", label, document))
        for i in group:
            ctx.person_of[i] = entity
        del head
    return ctx
