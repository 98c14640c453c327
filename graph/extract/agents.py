"""Who does what: the subject of a verb, pronouns, and the person an article is about.

Subjects come from the dependency parse when it gives one, and otherwise from the nearest
agent named before the verb in the clause. "il" and "elle" designate the salient person: the
last person who spoke or was the subject of a verb (first the one named in the title).
"""

from __future__ import annotations

import re
from typing import Any

from graph.extract.context import AGENT_KINDS, Context
from graph.model.records import Entity

__all__ = ["LED_FORMS", "Salience", "agent_of_token", "delegation_head", "expected",
           "last_pair_met", "left_agents", "modality", "named_before_verb", "envoy_named",
           "national_named", "person_before_verb", "person_gender", "pronoun_person",
           "sentence_index", "subjects", "the_two", "title_gender", "two_countries"]

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_HONORIFIC_HEADS = {"excellence", "majesté", "altesse", "monsieur", "madame", "messieurs"}
"""Heads whose complement is the one they name ("Son Excellence le Président …")."""
_CLAUSE_BREAK = {";", ":", "«", "»", "(", ")"}
_BLOCKERS = {"de", "du", "des", "d'", "à", "au", "aux", "avec", "par", "pour", "selon", "contre",
             "entre", "sur", "chez", "vers", "que", "qu'", "dont", "of", "with", "to", "by"}


class Salience:
    """The person "il" or "elle" designates, as the article goes on."""

    def __init__(self, first: Entity | None = None) -> None:
        self.person = first

    def update(self, person: Entity | None) -> None:
        """Make ``person`` the salient one (``None`` changes nothing)."""
        if person is not None and person.type == "Person":
            self.person = person


def agent_of_token(ctx: Context, token: int, salience: Salience) -> Entity | None:
    """Return the entity a token designates: a named agent, a title's holder, or a pronoun's."""
    index = ctx.mention_at(token)
    if index is not None and ctx.mentions[index].kind in AGENT_KINDS:
        entity = ctx.entity_of(index)
        if entity is not None or ctx.mentions[index].kind != "Position":
            return entity
        return envoy_named(ctx, token) or national_named(ctx, token)  # "l'émissaire onusien"
    if token in ctx.counterparts:  # "son homologue marocain, X"
        return ctx.counterparts[token][0]
    tok = ctx.doc[token]  # type: ignore[index]
    if tok.lower_ == "qui" and tok.head.dep_ == "acl:relcl" and tok.head.head.i != token:
        before = token - 2 if token >= 2 and ctx.doc[token - 1].text == "," else -1  # type: ignore[index]
        named = ctx.mention_at(before) if before >= 0 else None
        if before in ctx.counterparts:
            return ctx.counterparts[before][0]
        if named is not None and ctx.mentions[named].kind == "Person" and not (
                ctx.mentions[named].start > 0
                and ctx.doc[ctx.mentions[named].start - 1].lower_ in ("de", "du", "d'", "d’")):  # type: ignore[index]
            # "…, M. Y, qui effectue une visite": Y, whatever the parse (but "le successeur
            # de Z, qui …" is not Z's)
            return ctx.entity_of(named)
        antecedent = tok.head.head
        while antecedent.dep_ == "nmod" and antecedent.head is not antecedent:
            antecedent = antecedent.head  # "Y, le successeur de Z, qui …": not Z
        if antecedent.dep_ == "appos":
            antecedent = antecedent.head  # the name the apposition qualifies
        found = agent_of_token(ctx, antecedent.i, salience)  # "X, …, qui estimait que"
        if found is None or found.type != "Person":  # "X, directeur au ministère, qui …"
            sentence = ctx.sentences[sentence_index(ctx, token)]
            start = antecedent.left_edge.i if antecedent.i < token else token
            for t in range(start - 1, sentence.start - 1, -1):  # before the antecedent's words
                if ctx.doc[t].pos_ in ("VERB", "AUX"):  # type: ignore[index]
                    break
                index = ctx.mention_at(t)
                if index is not None and ctx.mentions[index].kind == "Person":
                    return ctx.entity_of(index)
        return found
    if ctx.is_pronoun(token):
        return pronoun_person(ctx, token, _antecedent(ctx, token) or salience.person)
    return envoy_named(ctx, token) or national_named(ctx, token) or delegation_head(ctx, token)


LED_FORMS = frozenset(f"{stem}{end}" for stem in ("conduit", "mené", "dirigé", "présidé")
                      for end in ("", "e", "s", "es"))
"""Participles naming who leads a delegation: "une délégation conduite par X"."""
_WITH_A_DELEGATION = frozenset({"tête", "accompagné", "accompagnée", "accompagnés"})


def delegation_head(ctx: Context, token: int) -> Entity | None:
    """Return who leads "la délégation" of a later sentence: the one leader named before.

    "X, arrivé lundi à la tête d'une délégation" or "une délégation conduite par X", then
    "la délégation indienne doit se rendre à Y": X travels. Several leaders: ``None``.
    """
    doc: Any = ctx.doc
    if doc[token].lower_ != "délégation" or token == 0:
        return None
    own = led_by(ctx, token)  # "une délégation conduite par X est arrivée": X
    if own is not None or doc[token - 1].lower_ not in ("la", "cette"):
        return own
    leaders: set[str] = set()
    for t in range(token - 1):
        if doc[t].lower_ != "délégation":
            continue
        s = ctx.sentences[sentence_index(ctx, t)]
        found = led_by(ctx, t)  # "une délégation conduite par le ministre X"
        if found is None and any(doc[v].lower_ in _WITH_A_DELEGATION
                                 for v in range(max(s.start, t - 5), t)):
            found = next((e for u in range(t - 1, s.start - 1, -1)  # "X, …, à la tête d'une
                          for e in [named_agent(ctx, u)] if e is not None), None)  # délégation"
        if found is not None:
            leaders.add(found.iri)
    return _person_with(ctx, next(iter(leaders))) if len(leaders) == 1 else None


def led_by(ctx: Context, token: int) -> Entity | None:
    """Return X of "(une) délégation (de députés) conduite par X" at ``token``."""
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, token)]
    led = next((u + 1 for u in range(token + 1, min(token + 8, s.end - 1))
                if doc[u].lower_ in LED_FORMS and doc[u + 1].lower_ == "par"), None)
    if led is None:
        return None
    return next((e for u in range(led + 1, min(led + 20, s.end))
                 for e in [named_agent(ctx, u)] if e is not None), None)


def named_agent(ctx: Context, token: int) -> Entity | None:
    """Return the person a name or a resolved title at ``token`` stands for."""
    index = ctx.mention_at(token)
    if index is None or ctx.mentions[index].kind not in ("Person", "Position"):
        return None
    entity = ctx.entity_of(index)
    return entity if entity is not None and entity.type == "Person" else None


_DIPLOMAT = frozenset({"diplomate", "diplomates", "émissaire"})
_ENVOY_POSTS = ("ambassadeur", "ambassadrice", "chargé d'affaires", "chargée d'affaires",
                "consul", "haut-commissaire", "représentant", "représentante", "envoyé",
                "envoyée", "émissaire", "médiateur", "médiatrice")


def envoy_named(ctx: Context, token: int) -> Entity | None:
    """Return the envoy "le diplomate (turc)" designates: the one holder of such a post.

    With a demonym, the post must be that country's ("le diplomate turc": Turkey's
    ambassador). "L'ambassadeur de Turquie, M. X, … « … », a confié le diplomate turc": X.
    Several envoys that fit: none of them.
    """
    doc: Any = ctx.doc
    if doc[token].lower_ not in _DIPLOMAT or token == 0 or doc[token - 1].lower_ not in (
            "le", "la", "l'", "l’"):
        return None
    demonym = ctx.res.demonym(doc[token + 1].text) if token + 1 < len(doc) else None
    found = {person_iri for person_iri, posts in ctx.held.items()
             for post, source, country in posts
             if source.start < token and post.label.lower().startswith(_ENVOY_POSTS)
             and (demonym is None or country == demonym)}
    if len(found) != 1:
        return None  # nobody, or several: "le diplomate" among ambassadors names none
    return _person_with(ctx, next(iter(found)))


def _person_with(ctx: Context, iri: str) -> Entity | None:
    """Return the person of the article whose IRI is ``iri``."""
    return next((e for e in ctx.person_of.values() if e.iri == iri), None)


_NATIONAL_NOUNS = frozenset({"responsable", "diplomate", "officiel", "officielle", "visiteur",
                             "visiteuse", "hôte", "invité", "invitée", "émissaire",
                             "personnalité", "dirigeant", "dirigeante"})
"""Nouns that, with a demonym, designate the one person of that country ("le responsable
paraguayen")."""


_UN = re.compile(r"\b(?:Nations unies|ONU)\b", re.IGNORECASE)
_EU = re.compile(r"\b(?:Union européenne|Commission européenne|UE)\b|\beuropéenne?\b",
                 re.IGNORECASE)
_BODY_ADJECTIVES = {"onusien": _UN, "onusienne": _UN, "européen": _EU, "européenne": _EU}
"""Adjectives that name an organisation, and how its posts read ("l'émissaire onusien")."""


def national_named(ctx: Context, token: int) -> Entity | None:
    """Return the one person of a country that "le responsable paraguayen" designates.

    Also "le responsable de nationalité nigériane". The person's country comes from the posts
    and nationalities read so far; nobody, or several of that country: ``None``.
    """
    doc: Any = ctx.doc
    if doc[token].lower_ not in _NATIONAL_NOUNS or token == 0 or doc[token - 1].lower_ not in (
            "le", "la", "l'", "l’"):
        return None
    u = token + 1
    if doc[u:u + 2].text.lower() == "de nationalité":
        u += 2
    country = ctx.res.demonym(doc[u].text) if u < len(doc) else None
    body = _BODY_ADJECTIVES.get(doc[u].lower_) if u < len(doc) else None
    if body is not None:  # "le responsable onusien": the one post of the United Nations
        found = {iri for iri, posts in ctx.held.items() for post, source, _ in posts
                 if source.start < token and body.search(f"{post.label} {source.org or ''}")}
        return _person_with(ctx, next(iter(found))) if len(found) == 1 else None
    if country is None:
        return None
    found = {iri for iri, posts in ctx.held.items() for post, source, c in posts
             if c == country and source.start < token}
    found |= {c.subject.iri for c in ctx.claims if c.relation == "country"
              and c.subject.type == "Person" and getattr(c.object, "label", None) == country}
    return _person_with(ctx, next(iter(found))) if len(found) == 1 else None


def pronoun_person(ctx: Context, token: int, found: Entity | None) -> Entity | None:
    """Return who a pronoun is: ``found`` (its antecedent or the salient person), by gender.

    When the article shows ``found`` of the other gender, the last person named before of
    the pronoun's: "Elle" after a man was the subject; "a-t-il déclaré" after a woman spoke.
    """
    gender = _PRONOUN_GENDER.get(ctx.doc[token].lower_)  # type: ignore[index]
    if found is not None and gender and person_gender(ctx, found.iri) not in (None, gender):
        return _last_of_gender(ctx, token, gender) or found
    return found


_PRONOUN_GENDER = {"il": "m", "elle": "f", "-il": "m", "-elle": "f", "-t-il": "m", "-t-elle": "f",
                   "lui": "m"}


def _last_of_gender(ctx: Context, token: int, gender: str) -> Entity | None:
    """Return the last person named before a token whom the article shows of that gender."""
    start = ctx.doc[token].idx  # type: ignore[index]
    for index in range(len(ctx.mentions) - 1, -1, -1):
        m = ctx.mentions[index]
        if m.start_char >= start or m.kind != "Person" or m.quoted:
            continue
        person = ctx.person_of.get(index)
        if person is not None and person_gender(ctx, person.iri) == gender:
            return person
    return None


_FEMININE = frozenset({"la", "une", "cette", "mme", "madame", "mlle"})
_MASCULINE = frozenset({"le", "un", "ce", "cet", "m.", "m", "monsieur", "sem", "mr"})


def title_gender(ctx: Context, m) -> str | None:  # type: ignore[no-untyped-def]
    """Return "f" or "m" when the word before a mention shows its gender ("la ministre")."""
    if m.start == 0:
        return None
    word = ctx.doc[m.start - 1].lower_  # type: ignore[index]
    return "f" if word in _FEMININE else "m" if word in _MASCULINE else None


def person_gender(ctx: Context, iri: str) -> str | None:
    """Return the gender the article shows for a person ("Mme X", "le ministre X").

    ``None`` when it shows none, or both.
    """
    seen = {title_gender(ctx, source) for _, source, _ in ctx.held.get(iri, [])}
    seen |= {title_gender(ctx, ctx.mentions[i]) for i, e in ctx.person_of.items() if e.iri == iri}
    seen.discard(None)
    return seen.pop() if len(seen) == 1 else None


_PAIR_NOUNS = {"pays", "états", "nations", "gouvernements", "royaumes", "républiques",
               "ministre", "ministres", "responsable", "responsables", "dirigeant", "dirigeants",
               "chef", "chefs", "président", "présidents", "homme", "hommes", "diplomate",
               "diplomates", "parties", "délégations", "personnalités", "leaders", "dames",
               "coprésidents", "coprésidentes", "signataires", "interlocuteurs", "homologues"}


_COUNTRY_NOUNS = {"pays", "états", "nations", "gouvernements", "royaumes", "républiques"}
"""Nouns of "les deux pays": the last two countries named."""
_ROLE_NOUNS = {"ministre", "ministres", "chef", "chefs", "président", "présidents", "diplomate",
               "diplomates"}


def the_two(ctx: Context, token: int) -> list[Entity]:
    """Return the two people "les deux ministres" (at ``token``) designates.

    The last two people named before it, within three sentences, whose posts the noun names
    ("ministres": a minister or a head of diplomacy, not the ambassador named since); when
    fewer were named so near, the last two such people of the article before it. For "les
    deux pays", the last two countries. Nothing when the noun is no "les deux + role" or
    fewer than two are found.
    """
    doc: Any = ctx.doc
    tok = doc[token]
    if tok.lower_ in ("ils", "elles") and tok.dep_.startswith("nsubj"):
        return last_pair_met(ctx, token)  # "Ils ont ensuite signé …": the two who just met
    if tok.lower_ not in _PAIR_NOUNS or not any(
            c.lower_ == "deux" for c in tok.children) or not any(
            c.lower_ in ("les", "ces", "nos") for c in tok.children):
        return []
    sentence = sentence_index(ctx, token)
    if tok.lower_ in _COUNTRY_NOUNS:
        return _two_countries(ctx, tok.left_edge.i, sentence)
    posts = _ROLE_POSTS.get(tok.lower_, () if tok.lower_ in _ROLE_NOUNS else None)
    met = last_pair_met(ctx, token)  # "… où il rencontrera X. Les deux ministres signeront"
    if met and posts is not None and all(_holds_one_of(ctx, p, posts) for p in met):
        return met
    found = _last_two(ctx, tok.left_edge.i, sentence - 3, posts)
    if found or not posts:
        return found
    # then the article's last two such people; then two of any post near it (a Swiss
    # "conseiller fédéral" is one of "les deux ministres")
    return _last_two(ctx, tok.left_edge.i, 0, posts) or _last_two(
        ctx, tok.left_edge.i, sentence - 3, ())


def _holds_one_of(ctx: Context, person: Entity, posts: tuple[str, ...]) -> bool:
    """Tell whether a person holds a post that starts with one of ``posts`` (any, if empty)."""
    held = [post.label.lower() for post, _, _ in ctx.held.get(person.iri, [])]
    return bool(held) and (not posts or any(p.startswith(posts) for p in held))


_PARTNERS = frozenset({"hôte", "hôtesse", "interlocuteur", "interlocutrice", "invité",
                       "invitée", "visiteur", "visiteuse"})
"""Nouns of "X et son hôte": the one X met."""


def _partner(ctx: Context, person: Entity, token: int) -> Entity | None:
    """Return whom ``person`` met last before ``token`` ("X et son hôte": the host)."""
    sentence = sentence_index(ctx, token)
    for c in reversed(ctx.claims):
        if c.relation == "met" and c.sentence <= sentence and isinstance(c.object, Entity):
            if c.subject.iri == person.iri:
                return c.object
            if c.object.iri == person.iri:
                return c.subject
    return None


def last_pair_met(ctx: Context, token: int) -> list[Entity]:
    """Return the two people of the last meeting read in this sentence or the one before."""
    sentence = sentence_index(ctx, token)
    for c in reversed(ctx.claims):
        if c.sentence < sentence - 1:
            break
        if c.relation == "met" and isinstance(c.object, Entity):
            return [c.subject, c.object]
    return []


_ROLE_POSTS = {
    "ministre": ("ministre", "chef de la diplomatie", "secrétaire d'état"),
    "ministres": ("ministre", "chef de la diplomatie", "secrétaire d'état"),
    "président": ("président", "chef de l'état", "roi"),
    "présidents": ("président", "chef de l'état", "roi"),
    "chefs": ("ministre", "chef", "président", "roi"),
    "responsables": ("ministre", "chef", "président", "secrétaire", "commissaire", "directeur"),
    "dirigeants": ("ministre", "chef", "président", "roi", "premier"),
}
"""Posts a role noun names, when "les deux …" looks back beyond three sentences."""


def _last_two(ctx: Context, before: int, first: int,
              posts: tuple[str, ...] | None) -> list[Entity]:
    """Return the last two people named before a token, from sentence ``first`` on.

    ``posts``: ``None`` takes anyone, ``()`` anyone holding a post, otherwise a post whose
    label starts with one of them.
    """
    people: list[Entity] = []
    for t in range(before - 1, -1, -1):
        if sentence_index(ctx, t) < first:
            break
        index = ctx.mention_at(t)
        if index is None or ctx.mentions[index].kind not in ("Person", "Position") \
                or ctx.mentions[index].plural:
            continue
        person = ctx.entity_of(index)
        if person is None or person.type != "Person" or person in people:
            continue
        if posts is not None and not ctx.holds_post(person):
            continue  # "les deux ministres": people who hold a post, not their wives
        if posts and not any(label.lower().startswith(posts)
                             for label in _post_labels(ctx, person)):
            continue
        people.append(person)
        if len(people) == 2:
            return people[::-1]
    return []


def _post_labels(ctx: Context, person: Entity) -> list[str]:
    """Return the labels of the posts the article gives a person, by a title or by a rule."""
    return [p.label for p, _, _ in ctx.held.get(person.iri, [])] + [
        c.object.label for c in ctx.claims if c.relation == "holdsPosition"
        and c.subject.iri == person.iri and isinstance(c.object, Entity)]


def two_countries(ctx: Context, token: int) -> list[Entity]:
    """Return the last two countries named before a token, within three sentences."""
    return _two_countries(ctx, token, sentence_index(ctx, token))


def _two_countries(ctx: Context, before: int, sentence: int) -> list[Entity]:
    """Return the last two countries named before a token, within three sentences."""
    found: list[Entity] = []
    for t in range(before - 1, -1, -1):
        if sentence_index(ctx, t) < sentence - 3:
            break
        index = ctx.mention_at(t)
        if index is None or ctx.mentions[index].kind != "Country" or ctx.mentions[index].quoted:
            continue
        country = ctx.entity_of(index)
        if country is not None and all(c.iri != country.iri for c in found):
            found.append(country)
            if len(found) == 2:
                return found[::-1]
    return []


def _antecedent(ctx: Context, token: int) -> Entity | None:
    """Return the last person subject earlier in the same sentence ("X répondit ; elle écrivit")."""
    sentence = ctx.sentences[sentence_index(ctx, token)]
    best = None
    for t in range(sentence.start, token):
        tok = ctx.doc[t]  # type: ignore[index]
        if tok.dep_ in _SUBJECT_DEPS and not ctx.quoted(t):
            index = ctx.mention_at(t)
            if index is not None and ctx.mentions[index].kind in ("Person", "Position"):
                best = ctx.entity_of(index) or best
    return best


def sentence_index(ctx: Context, token: int) -> int:
    """Return the sentence of a token; the one before it for the space between paragraphs."""
    found = 0
    for s in ctx.sentences:
        if s.start > token:
            break
        found = s.index
    return found


def governing_verb(ctx: Context, token: int) -> int:
    """Return the verb a token's phrase hangs from, however deep the phrase.

    "a appelé, au cours d'un entretien avec son homologue": appelé.
    """
    tok = ctx.doc[token]  # type: ignore[index]
    for _ in range(8):
        if tok.pos_ == "VERB" or tok.head.i == tok.i:
            break
        tok = tok.head
    return int(tok.i)


def _verb_of(tok):  # type: ignore[no-untyped-def]
    """Return the verb that governs a trigger (itself, or the verb a trigger noun depends on)."""
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and steps < 3:
        tok = tok.head
        steps += 1
    return tok


def subjects(ctx: Context, token: int, salience: Salience, *, climb: bool = True) -> list[Entity]:
    """Return the agents that are the subject of the verb at (or governing) ``token``.

    With ``climb``, a verb without a subject of its own (an infinitive, a participle) takes
    the subject of the verb it depends on.
    """
    doc = ctx.doc
    verb = own = _verb_of(doc[token])  # type: ignore[index]
    found: list[Entity] = []
    for level in range(3 if climb else 1):
        subj = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS] or [
            g for a in verb.children if a.dep_.startswith("aux")  # "X a, pour sa part, estimé":
            for g in a.children if g.dep_ in _SUBJECT_DEPS]  # the parse hangs X on "a"
        if not subj and level == 0:
            # the parse took an unknown surname for an adverb: "Ouattara, qui …, a profité"
            # or for a vocative: "Mme X, ministre …, se rendra au Bénin"
            subj = [c for c in verb.children if c.i < verb.i and c.dep_ in (
                "advmod", "dep", "vocative", "dislocated") and any(
                    _named_person(ctx, x.i) for x in (c, *c.children)
                    if x is c or x.dep_ in ("flat:name", "appos"))] or _opening_name(ctx, verb) \
                or _participle_subject(verb)
        subj = [x for c in subj for x in _past_dateline(ctx, c)]
        for c in subj:  # "A et B", and "le ministre X et son homologue Y" (conj of the name)
            # "les deux ministres ont convenu d'effectuer une mission": the verb's own subject
            pair = the_two(ctx, c.i) if level == 0 or own.dep_ == "xcomp" else []
            if pair:  # "les deux ministres"
                found += [e for e in pair if e not in found]
                continue
            appos = [x for x in c.children if x.dep_ == "appos"]
            for t in [c, *[x for y in [c, *appos] for x in y.children if x.dep_ == "conj"]]:
                entity = agent_of_token(ctx, t.i, salience)
                if entity is None and found and t.lower_ in _PARTNERS and any(
                        x.lower_ in ("son", "sa", "leur") for x in t.children):
                    entity = _partner(ctx, found[0], t.i)  # "X et son hôte ont signé …"
                if entity is None:  # "Son Excellence le Président …", "Monsieur X": the name
                    named = sorted((x for x in t.children if x.dep_ in ("appos", "flat:name",
                                                                         "nmod")),
                                   key=lambda x: x.dep_ == "nmod")
                    named += [g for x in named if x.dep_ == "appos"  # "S.E. M. X": X
                              for g in x.children if g.dep_ == "flat:name"]
                    entity = next((e for x in named
                                   for e in [agent_of_token(ctx, x.i, salience)]
                                   if e and (x.dep_ != "nmod" or t.lower_ in _HONORIFIC_HEADS)),
                                  None)
                if entity is not None and entity not in found:
                    found.append(entity)
        if subj or verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acl") or verb.head is verb:
            break
        verb = verb.head
    if not found and own.pos_ == "VERB" and not any(
            c.dep_ in _SUBJECT_DEPS for c in own.children):
        found = named_before_verb(ctx, own.i)  # the parse hung the subject elsewhere
    if found or not climb:
        return found
    return left_agents(ctx, token, salience)


def _participle_subject(verb) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Return the subject the parse hung on a participle clause before its verb.

    "X, arrivé lundi à Niamey, a été reçu par Y": the parse makes X the subject of "arrivé".
    """
    return [g for a in verb.children
            if a.dep_ == "advcl" and a.i < verb.i and a.pos_ == "VERB"
            and "Part" in a.morph.get("VerbForm") and not any(
                x.dep_.startswith("aux") for x in a.children)
            for g in a.children if g.dep_ in _SUBJECT_DEPS and g.i < a.i]


def person_before_verb(ctx: Context, token: int) -> tuple[Entity, int] | None:
    """Return the person named right before the verb that governs ``token``, and its end.

    "…, X a dîné avec son homologue": X, whatever the parse made of the clauses around it.
    """
    doc: Any = ctx.doc
    verb = doc[token]
    while verb.pos_ not in ("VERB",) and verb.head.i != verb.i:
        verb = verb.head
    t = verb.i - 1
    while t >= 0 and (doc[t].pos_ in ("AUX", "ADV") or doc[t].lower_ in ("s'", "se")):
        t -= 1
    if t == verb.i - 1 or t < 0:
        return None  # no auxiliary: "X, reçu par …" is not a subject
    index = ctx.mention_at(t)
    if index is None or ctx.mentions[index].kind != "Person" or index not in ctx.person_of:
        return None
    return ctx.person_of[index], ctx.mentions[index].end


def expected(ctx: Context, t: int) -> bool:
    """Tell whether "attendre" at ``t`` is "être attendu": someone is expected somewhere.

    By the words as well as the parse: "est, par ailleurs, attendu" has its clause between.
    """
    doc: Any = ctx.doc
    tok = doc[t]
    if "Pass" in tok.morph.get("Voice"):
        return True
    if "Part" not in tok.morph.get("VerbForm"):
        return False
    s = ctx.sentences[sentence_index(ctx, t)]
    for u in range(t - 1, max(s.start, t - 7) - 1, -1):
        if doc[u].lemma_ == "être" and doc[u].pos_ == "AUX":
            return True
        if not (doc[u].is_punct or doc[u].pos_ in ("ADV", "ADP")):
            return False
    return False


def _past_dateline(ctx: Context, token) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Return the subject the parse hung on a dateline it took for the subject, or the token.

    "Berne, 14.05.2024 - Le conseiller fédéral X a effectué …": the parse may make "Berne" the
    subject and "conseiller" its dependant; the subject is the noun after the dateline.
    """
    s = ctx.sentences[sentence_index(ctx, token.i)]
    index = ctx.mention_at(token.i)
    if token.i != s.start or index is None or ctx.mentions[index].kind not in (
            "City", "Country") or ctx.mentions[index].end >= s.end or ctx.doc[  # type: ignore[index]
            ctx.mentions[index].end].text != ",":
        return [token]
    after = [c for c in token.children if c.i > ctx.mentions[index].end + 1
             and c.pos_ in ("NOUN", "PROPN") and c.dep_ in ("advcl", "appos", "conj", "nmod",
                                                          "dep", "parataxis")]
    return after[:1] or [token]


def named_before_verb(ctx: Context, verb: int) -> list[Entity]:
    """Return the people named right before a verb, coordinated and apposed, in order.

    "En marge de la session, Mme X et la ministre des Finances, Mme Y, ont signé": X and Y,
    when the parse hangs them elsewhere. Only names that end where the verb's group starts
    (its auxiliaries, "se" and adverbs, after a comma at most) count.
    """
    doc: Any = ctx.doc
    sentence = ctx.sentences[sentence_index(ctx, verb)]
    t = verb - 1
    auxiliary = False
    while t > sentence.start:
        if doc[t].pos_ in ("AUX", "ADV") or doc[t].lower_ in ("s'", "s’", "se") or (
                doc[t].lemma_ in ("avoir", "être") and doc[t].dep_.startswith("aux")):
            auxiliary = auxiliary or doc[t].pos_ != "ADV"
            t -= 1
            continue
        if t >= sentence.start + 2 and [w.lower_ for w in doc[t - 2:t + 1]] in (
                ["pour", "sa", "part"], ["pour", "son", "compte"], ["de", "son", "côté"],
                ["pour", "leur", "part"], ["de", "leur", "côté"]):
            t -= 3  # "X a pour sa part paraphé …"
            continue
        if doc[t].text == "," and not auxiliary:  # "X a, pour sa part, estimé": the incise
            back = next((u for u in range(t - 1, max(sentence.start, t - 8) - 1, -1)
                         if doc[u].text == ","), None)
            if back is not None and not any(doc[u].pos_ == "VERB" for u in range(back + 1, t)):
                t = back - 1
                continue
        break
    if not auxiliary or t <= sentence.start:
        return []  # no auxiliary: "X, reçu par …" is not a subject
    if doc[t].text == ",":
        t -= 1
    pair = the_two(ctx, t)  # "…, les deux parties ont signé": the parse hung them elsewhere
    if pair:
        return pair
    index = _title_of_complement(ctx, ctx.mention_at(t))
    if index is None or ctx.mentions[index].kind not in ("Person", "Position"):
        return []
    found: list[Entity] = []
    while True:
        m = ctx.mentions[index]
        entity = ctx.entity_of(index)
        if entity is not None and entity.type == "Person" and entity not in found:
            found.insert(0, entity)
        j = index - 1
        while j >= 0 and ctx.mentions[j].kind == "Topic":
            j -= 1  # "ministre de l'Énergie": the topic inside the title
        if j < 0 or ctx.mentions[j].sentence != m.sentence or ctx.mentions[j].kind not in (
                "Person", "Position"):
            break
        gap = ctx.text[ctx.mentions[j].end_char:m.start_char].strip().lower()
        words = [w for w in re.split(r"[\s,]+", gap) if w]
        if not all(w in _CHAIN_WORDS for w in words):
            break
        index = j
    return found


def _title_of_complement(ctx: Context, index: int | None) -> int | None:
    """Return the title whose complement a mention ends ("ministre du Royaume de Jordanie").

    A place, an organisation or a topic is looked through, back to the title before it in
    the same stretch between commas; any other mention is returned as it is.
    """
    if index is None or ctx.mentions[index].kind not in (
            "Country", "City", "Place", "Organization", "Topic"):
        return index
    doc: Any = ctx.doc
    end = ctx.mentions[index].start
    for j in range(index - 1, -1, -1):
        m = ctx.mentions[j]
        if m.sentence != ctx.mentions[index].sentence or any(
                doc[u].text in (",", ";") or doc[u].pos_ in ("VERB", "AUX")
                for u in range(m.end, end)):
            return index
        if m.kind == "Position":
            return j
        end = m.start
    return index


_CHAIN_WORDS = frozenset({"et", "le", "la", "les", "l'", "l’", "m.", "mme", "sem", "s.e.", "dr",
                          "nouveau", "nouvel", "nouvelle",
                          "monsieur", "madame", "son", "sa"})
"""Words between the names of a chain: "X et la ministre, Mme Y"."""


def _opening_name(ctx: Context, verb: Any) -> list[Any]:
    """Return the name that opens a sentence before a comma, when ``verb`` is its main verb.

    "Ouattara, qui devait rentrer à Abidjan, a profité de …": the parse may hang the name
    anywhere; the sentence is still about it.
    """
    sentence = ctx.sentences[sentence_index(ctx, verb.i)]
    index = ctx.mention_at(sentence.start)
    if index is None or ctx.mentions[index].kind != "Person" or verb.dep_ != "ROOT":
        return []
    end = ctx.mentions[index].end
    if end >= verb.i or ctx.doc[end].text != ",":  # type: ignore[index]
        return []
    return [ctx.doc[sentence.start]]  # type: ignore[index]


def _named_person(ctx: Context, token: int) -> bool:
    index = ctx.mention_at(token)
    return index is not None and ctx.mentions[index].kind == "Person"


def left_agents(ctx: Context, token: int, salience: Salience) -> list[Entity]:
    """Return the nearest agents named before a trigger, with those coordinated with them."""
    sentence = ctx.sentences[sentence_index(ctx, token)]
    doc = ctx.doc
    t = token - 1
    while t >= sentence.start:
        tok = doc[t]  # type: ignore[index]
        if tok.text in _CLAUSE_BREAK or (tok.pos_ in ("VERB", "AUX") and tok.head.i != token):
            return []  # the subject is looked for in the trigger's own clause
        index = ctx.mention_at(t)
        if index is not None and ctx.mentions[index].kind in AGENT_KINDS:
            m = ctx.mentions[index]
            b = m.start - 1
            while b > sentence.start and doc[b].pos_ == "DET":  # type: ignore[index]
                b -= 1
            before = doc[b].lower_ if b >= sentence.start else ""  # type: ignore[index]
            if before in _BLOCKERS or m.quoted:
                t = m.start - 1
                continue
            out = [e for e in [ctx.entity_of(index)] if e is not None]
            j = index - 1
            while j >= 0 and ctx.mentions[j].sentence == sentence.index:
                prev = ctx.mentions[j]
                gap = ctx.text[prev.end_char:ctx.mentions[j + 1].start_char].strip()
                joined = gap in ("et", ", et", "and", ", and") or (gap == "," and len(out) > 1)
                if prev.kind in AGENT_KINDS and joined:  # "A, B et C"; "A, B" is an apposition
                    entity = ctx.entity_of(j)
                    if entity is not None:
                        out.insert(0, entity)
                    j -= 1
                else:
                    break
            return out
        if ctx.is_pronoun(t) and tok.dep_ in _SUBJECT_DEPS:
            person = _antecedent(ctx, t) or salience.person
            return [person] if person else []
        t -= 1
    return []


def _future_form(tok) -> bool:  # type: ignore[no-untyped-def]
    """Tell whether a verb is written in the future the tagger missed ("signeront").

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> _future_form(T(lemma_="signer", lower_="signeront", pos_="VERB"))
    True
    >>> _future_form(T(lemma_="signer", lower_="signent", pos_="VERB"))
    False
    """
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or not lemma.endswith(("er", "ir", "re")):
        return False
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return any(tok.lower_ == stem + ending for ending in ("ai", "as", "a", "ons", "ez", "ont"))


def modality(ctx: Context, token: int) -> str | None:
    """Return ``"denied"``, ``"hypothetical"``, ``"planned"`` or ``None`` (it happened).

    Negation ("n'a pas rencontré"), a conditional or a verb of possibility ("pourrait se
    rendre", "si …") and a future ("se rendra", "doit se rendre", "est attendu") are read
    from the verb, its auxiliaries and the verb that governs it.
    """
    doc = ctx.doc
    verb = _verb_of(doc[token])  # type: ignore[index]
    chain = [verb]
    if verb.dep_ == "advcl" and "Inf" in verb.morph.get("VerbForm") and any(
            c.dep_ == "mark" and c.lower_ in ("avant", "afin", "pour", "après")
            for c in verb.children):
        chain.append(verb.head)  # "doit être reçu …, avant de se rendre à Riyad": its future
    if chain[-1].dep_ in ("xcomp", "ccomp") and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)  # "doit se rendre"
    negation = ctx.res.trigger("negation")
    hypothetical = ctx.res.trigger("hypothetical")
    planned = ctx.res.trigger("planned")
    status = None
    for v in chain:
        parts = [v, *[c for c in v.children if c.dep_.startswith("aux") or c.dep_ == "advmod"
                      or c.dep_ == "mark" or c.dep_ == "cop"]]
        for p in parts:
            if p.lower_ in negation and p.dep_ == "advmod":
                return "denied"
            if p.lower_ == "si" and p.dep_ == "mark":
                return "hypothetical"
            if "Cnd" in p.morph.get("Mood") and p.lemma_ == "devoir" and p.pos_ == "VERB":
                status = "planned"  # "devrait se rendre": expected, as the press says it
                continue
            if "Cnd" in p.morph.get("Mood"):
                if v is not verb or p.lemma_ in hypothetical:
                    return "hypothetical"
                status = status or "hypothetical"
            if "Fut" in p.morph.get("Tense") or _future_form(p):
                status = "planned"
        if v is not verb and v.lemma_ in ctx.res.trigger("denial"):
            return "denied"
        if v is not verb and v.lemma_ in hypothetical:
            return "hypothetical"
        if v is not verb and v.lemma_ in planned:
            status = "planned"
    if verb.lemma_ == "attendre" and expected(ctx, verb.i):
        status = "planned"  # "est attendu", "est, par ailleurs, attendu"
    return status
