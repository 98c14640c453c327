"""Events as nodes: meetings, visits, agreements, and the direct edges that follow from them.

- ``fr.met.v1`` — "X a rencontré Y", "X s'est entretenu avec Y", "X et Y ont tenu une
  réunion", "une rencontre entre X et Y": a ``kg:Meeting`` and ``kg:met`` between the people.
- ``fr.visit.v1`` — "X s'est rendu à Y", "X a visité Y", "une visite de travail à Y",
  "X est attendu à Y" (planned): a ``kg:Visit`` and ``kg:visited``.
- ``fr.presence.v1`` — "c'est dans l'Ohio que X s'adresse à la foule": X was there.
- ``fr.agreement.v1`` — "un accord entre X et Y sur …", "ils ont convenu de …": a
  ``kg:Agreement`` with its parties and the topics of the sentence (``kg:concerns``).
- ``fr.cooperation.v1`` — "la coopération entre Paris et Rabat": ``kg:cooperatesWith``.

Negated events ("n'a pas rencontré") become events with ``kg:status "denied"`` and no edge;
hypothetical ones ("pourrait se rendre") give nothing; planned ones keep their status.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any, NamedTuple

from graph.dates import WEEKDAYS, find_dates
from graph.extract.agents import (
    LED_FORMS,
    Salience,
    agent_of_token,
    expected,
    last_pair_met,
    led_by,
    left_agents,
    modality,
    named_agent,
    person_before_verb,
    sentence_index,
    subjects,
    the_two,
    two_countries,
)
from graph.extract.context import AGENT_KINDS, Context
from graph.extract.places import PLACE_KINDS, fronted_places
from graph.model.records import Entity, Literal

__all__ = ["find_events"]

_DEPARTURES = frozenset({"quitter", "envoler", "partir", "repartir"})
"""Verbs of leaving, whose destination follows "pour" or "à destination de"."""
_PLACE_PREPOSITIONS = {"à", "en", "au", "aux", "dans", "sur", "vers", "in", "to", "at"}
_CAMEO = {"Meeting": "036", "Visit": "042", "PressConference": "010", "Agreement": "057",
          "PhoneCall": "041"}
_STATUS = {None: "happened", "planned": "planned", "denied": "denied"}


def _date_near(ctx: Context, sentence: int, token: int, status: str | None = None) -> str | None:
    s = ctx.sentences[sentence]
    text = ctx.text[s.start_char:s.end_char]
    at = ctx.doc[token].idx - s.start_char  # type: ignore[index]
    best = None
    for d in find_dates(text, ctx.anchor, prefer="future" if status == "planned" else "past"):
        absolute = s.start_char + d.start
        if any(q[0] <= absolute < q[1] for q in ctx.quotes):
            continue
        distance = abs(d.start - at)
        if best is None or distance < best[0]:
            best = (distance, d.value)
    return best[1] if best else None


def _event(ctx: Context, kind: str, participants: list[Entity], place: Entity | None,
           date: str | None, status: str | None, sentence: int, method: str,
           confidence: float, label: str) -> Entity:
    key = [kind, *sorted(p.iri for p in participants), place.iri if place else ""]
    key.append(date if date and len(date) == 10 else f"{ctx.document}#{sentence}")
    event = named_event(ctx, Entity(ctx.minter.hashed(kind, *key), kind, label, ctx.lang),
                        sentence)
    for p in participants:
        ctx.add(event, "participant", p, sentence, method, confidence, date)
    if place is not None:
        ctx.add(event, "place", place, sentence, method, confidence, date)
    if date:
        from graph.model.rdf import date_literal

        ctx.add(event, "date", date_literal(date), sentence, method, confidence, date)
    ctx.add(event, "status", Literal(_STATUS.get(status, status or "happened")), sentence, method,
            confidence, date)
    if kind in _CAMEO:
        ctx.add(event, "cameo", Literal(_CAMEO[kind]), sentence, method, confidence, date)
    for t in ctx.topics_in(sentence):
        ctx.add(event, "concerns", ctx.entity_of(t), sentence, "fr.concerns.v1", 0.5, date)
    return event


def event_names(ctx: Context, sentence: int, kind: str,
                before: int | None = None) -> tuple[str, ...]:
    """Return the words a sentence calls an event of ``kind`` by, with their adjectives.

    "Les rencontres institutionnelles ont démarré au palais": ("rencontres institutionnelles",).
    They become the event's other names (``skos:altLabel``), so that it can be found by them.
    ``before``: only the words before that token (not those of a topic phrase after it).
    """
    nouns = ctx.res.trigger("event_names", kind)
    s = ctx.sentences[sentence]
    doc: Any = ctx.doc
    names = []
    for t in range(s.start, s.end if before is None else min(before, s.end)):
        if kind == "Meeting" and doc[t].pos_ == "NOUN" and doc[t].lower_ in _GATHERING_NAMES \
                and not ctx.quoted(t) and doc[t].dep_ in ("nsubj", "nsubj:pass", "obj"):
            # "La 23e session de la grande commission mixte … s'est ouverte": its full name
            names.append(_gathering_phrase(ctx, t, s.end))
        if doc[t].pos_ != "NOUN" or ctx.lemma(t) not in nouns or ctx.quoted(t) \
                or ctx.mention_at(t) is not None:
            continue
        names.append(event_noun(ctx, t, s.end))
    return tuple(dict.fromkeys(names))


_GATHERING_NAMES = frozenset({"session", "commission", "sommet", "forum", "conférence",
                              "conseil", "comité", "assises", "dialogue", "consultations"})
"""Nouns of a gathering whose whole phrase names the meeting ("session de la commission")."""


def _gathering_phrase(ctx: Context, t: int, limit: int) -> str:
    """Return a gathering noun with its adjectives and "de" complements, lower case."""
    doc: Any = ctx.doc
    end = t + 1
    while end < limit and (doc[end].pos_ in ("ADJ", "PROPN") or doc[end].lower_ in (
            "de", "du", "des", "la", "l'", "l’", "le", "-") or doc[end].pos_ == "NOUN"
            and (doc[end - 1].lower_ in ("de", "du", "des", "la", "l'", "l’", "le")
                 or doc[end - 1].pos_ == "ADJ" and doc[end - 1].i > t + 1)):
        end += 1
    while end > t + 1 and doc[end - 1].lower_ in ("de", "du", "des", "la", "l'", "l’", "le"):
        end -= 1
    return str(doc[t:end].text.lower()).replace("' ", "'")


def event_noun(ctx: Context, t: int, limit: int) -> str:
    """Return the noun at ``t`` with the adjectives that qualify it, lower case.

    "les rencontres institutionnelles": "rencontres institutionnelles"; an adjective with
    complements of its own stays out ("un séminaire axé sur …": "séminaire").
    """
    doc: Any = ctx.doc
    end = t + 1
    while end < limit and doc[end].pos_ == "ADJ" and doc[end].head.i == t \
            and not any(True for _ in doc[end].children):
        end += 1
    return str(doc[t:end].text.lower())


def named_event(ctx: Context, event: Entity, sentence: int, before: int | None = None) -> Entity:
    """Return ``event`` with the names its sentence gives it (see :func:`event_names`)."""
    names = tuple(n for n in event_names(ctx, sentence, event.type, before)
                  if n not in event.aliases and n != event.label)
    return replace(event, aliases=event.aliases + names) if names else event


def _people(entities: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for e in entities:
        if e.type == "Person" and all(e.iri != o.iri for o in out):
            out.append(e)
    return out


_NAME_OPENERS = frozenset({"le", "la", "l'", "les", "son", "sa", "ses", "leur", "leurs", "m.",
                           "mme", "sem", "s.e.", "premier", "première", "nouveau", "nouvel",
                           "nouvelle"})
"""Words between a preposition and the person it introduces ("avec le", "à S.E.")."""


def _agents_after(ctx: Context, token: int, words: set[str], limit: int = 8) -> list[Entity]:
    """Agents after one of ``words`` ("avec X", "entre X et Y") following ``token``."""
    s = next(s for s in ctx.sentences if s.start <= token < s.end)
    doc = ctx.doc
    honorifics = ctx.res.positions.get("honorifics", ())  # "à Son Excellence M. X"
    for t in range(token + 1, min(token + limit, s.end)):
        if doc[t].lower_ == "présence":  # type: ignore[index]
            break  # "en présence de X": X attended, the talks were not with X
        if doc[t].lower_ in words:  # type: ignore[index]
            out: list[Entity] = []
            u = t + 1
            while u < s.end:
                if u in ctx.counterparts:  # "avec son homologue marocain, X"
                    named, u = ctx.counterparts[u]
                    out.append(named)
                    u = _past_own_title(ctx, u, named, s.end)
                    if u < s.end and doc[u].lower_ in (",", "et", "and"):  # type: ignore[index]
                        while u < s.end and doc[u].lower_ in (",", "et", "and"):  # type: ignore[index]
                            u += 1  # "ses homologues djiboutien, X, et somalien, Y"
                        continue
                    break
                index = ctx.mention_at(u)
                if index is not None and ctx.mentions[index].kind in (*AGENT_KINDS, *PLACE_KINDS):
                    entity = ctx.entity_of(index)
                    if entity is not None:
                        out.append(entity)
                    u = ctx.mentions[index].end
                    name = ctx.mention_at(u) if u < s.end else None
                    if name is not None and ctx.mentions[index].kind == "Position" and \
                            entity is None and ctx.mentions[name].kind == "Person":
                        continue  # "des députés X et Y": the title no one holds, then names
                    if entity is None and not out and ctx.mentions[index].kind == "Position":
                        out = _apposed_name(ctx, u, s.end)  # "le président de la Chambre de
                        break  # commerce, d'industrie …, X": the name after its complements
                    if name is not None and ctx.mentions[index].kind == "Position" and \
                            ctx.person_of.get(name) == entity:
                        u = ctx.mentions[name].end  # "le ministre français X": the title's name
                    if entity is not None and entity.type == "Person":
                        u = _past_own_title(ctx, u, entity, s.end)
                    if u < s.end and doc[u].text == "(":  # type: ignore[index]
                        # "X (SPD) et Y (Verts)": past the party in brackets
                        u = next((w + 1 for w in range(u + 1, min(u + 7, s.end))
                                  if doc[w].text == ")"), u)  # type: ignore[index]
                    if u < s.end and doc[u].lower_ in (",", "et", "and", "ainsi"):  # type: ignore[index]
                        while u < s.end and (doc[u].lower_ in (",", "et", "and") or (  # type: ignore[index]
                                doc[u].lower_ == "ainsi" and u + 1 < s.end  # type: ignore[index]
                                and doc[u + 1].lower_ in ("que", "qu'"))):  # type: ignore[index]
                            u += 2 if doc[u].lower_ == "ainsi" else 1  # type: ignore[index]
                        continue
                    break
                if doc[u].lower_ in _NAME_OPENERS or doc[u].lower_ in honorifics or (  # type: ignore[index]
                        doc[u].lower_ in ("du", "de", "des", "avec") and out  # type: ignore[index]
                        and doc[u - 1].lower_ in ("et", "que", "qu'")):  # type: ignore[index]
                    # "de X et du Y", "de X ainsi que de Y"
                    u += 1
                    continue
                if not out:  # "avec le secrétaire de Cabinet kényan …, X": a title we
                    out = _apposed_name(ctx, u, s.end)  # do not know, then the name
                break
            return out
        if doc[t].is_punct and doc[t].text not in (",", "-"):  # type: ignore[index]
            break
    return []


_ACCOMPANIED = frozenset({"accompagné", "accompagnée", "accompagnés", "accompagnées"})


class Companions(NamedTuple):
    """Who came with whom, in which sentence; ``country``: the one the text gives the leader."""

    sentence: int
    led: Entity
    with_: list[Entity]
    country: str | None


def companions(ctx: Context) -> list[Companions]:
    """Return who came with whom.

    "X, accompagné de Y et de Z, …", "X était accompagnée des députés Y et Z", "une
    délégation conduite par X et accompagnée de Y". The one accompanied is a named person,
    a title the article resolved, or the leader of the delegation the participle qualifies;
    "le chef du gouvernement tchadien est accompagné de …" gives the leader's country.
    """
    if "_companions" in ctx.__dict__:
        return ctx.__dict__["_companions"]  # type: ignore[no-any-return]
    doc: Any = ctx.doc
    out: list[Companions] = []
    ctx.__dict__["_companions"] = out
    if "accompagn" not in ctx.text.lower():
        return out  # no one is said to come with anyone
    texts = doc.texts  # read once per article
    for s in ctx.sentences:
        if s.title or s.clutter:
            continue
        for t in range(s.start, s.end - 1):
            if texts[t].lower() not in _ACCOMPANIED:
                continue
            tok = doc[t]
            led: Entity | None = None
            at = tok.head.i
            if tok.dep_ in ("acl", "advcl", "appos", "conj") and at != t:
                led = led_by(ctx, at) if tok.head.lower_ == "délégation" else \
                    named_agent(ctx, at)
            if led is None:
                subject = next((c for c in tok.children
                                if c.dep_ in ("nsubj", "nsubj:pass")), None)
                at = subject.i if subject is not None else t
                led = None if subject is None else named_agent(ctx, at) or \
                    _titled_before(ctx, at, s.start)
            if led is None:
                continue
            with_ = list({e.iri: e for e in _agents_after(
                ctx, t, {"de", "du", "des", "d'"}, limit=3)
                if e.type == "Person" and e.iri != led.iri}.values())
            index = ctx.mention_at(at)
            said = ctx.mentions[index].countries if index is not None else ()
            if with_:
                out.append(Companions(s.index, led, with_, said[0] if len(said) == 1 else None))
    return out


def _past_own_title(ctx: Context, u: int, person: Entity, end: int) -> int:
    """Return where a list goes on past the title apposed to the name that ends at ``u``.

    "ses homologues malien, M. X, ministre des Affaires étrangères, et burkinabè, Mme Y":
    past ", ministre des Affaires étrangères" (a post of X), at the comma before "et".
    """
    doc: Any = ctx.doc
    if u + 1 >= end or doc[u].text != ",":
        return u
    index = ctx.mention_at(u + 1)
    if index is None or ctx.mentions[index].kind != "Position":
        return u
    holder = ctx.entity_of(index)
    if holder is not None and holder.iri != person.iri:
        return u
    after = ctx.mentions[index].end
    return after if after < end and doc[after].text == "," else u


def _apposed_name(ctx: Context, start: int, end: int, limit: int = 16) -> list[Entity]:
    """Return the person named after a comma that closes a noun phrase starting at ``start``.

    Nothing when a verb, another punctuation or another agent comes first.
    """
    doc = ctx.doc
    for u in range(start, min(start + limit, end)):
        tok = doc[u]  # type: ignore[index]
        if tok.text == "," and u + 1 < end and doc[u + 1].lower_ in ("d'", "de", "des", "du"):  # type: ignore[index]
            continue  # "président de la Chambre de commerce, d'industrie et d'agriculture, X"
        if tok.text == ",":
            v = u + 1
            honorifics = ctx.res.positions.get("honorifics", ())
            while v < min(end, u + 6) and (doc[v].lower_ in (  # type: ignore[index]
                    "m.", "mme", "sem", "s.e.", "dr", "le", "la", "-", "major")
                    or doc[v].lower_ in honorifics):  # type: ignore[index]
                v += 1  # "…, le Colonel-major X"
            index = ctx.mention_at(v) if v < end else None
            if index is not None and ctx.mentions[index].kind == "Person":
                entity = ctx.entity_of(index)
                return [entity] if entity is not None else []
            return []
        if tok.pos_ in ("VERB", "AUX", "PRON") or tok.is_punct and tok.text not in ("-", "'") \
                or ctx.mention_at(u) is not None and ctx.mentions[ctx.mention_at(u)].kind in (  # type: ignore[index]
                    "Person", "Position"):
            return []
    return []


def _stray_objects(verb) -> list[Any]:  # type: ignore[no-untyped-def]
    """Return the object or agent the parse hung on a complement of the verb instead.

    "Y a été reçu en fin de journée par le Premier ministre, X": "par le Premier ministre" as a
    complement of "journée"; "X a reçu mardi au siège du département la commissaire, Y": "la
    commissaire" as a complement of "siège". Only when the verb has no object (no agent) of
    its own, and not across another verb.
    """
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    own = ("obl:agent",) if passive else ("obj",)
    if any(c.dep_ in own for c in verb.children):
        return []
    out = []
    for d in verb.subtree:
        if not (d.dep_ == "nmod" or passive and d.dep_ in ("obl:mod", "obl")) \
                or d.pos_ not in ("NOUN", "PROPN") or d.i < verb.i:
            continue  # "reçu mercredi … par le président": an agent the parse took for a time
        head = d.head
        while head.i != verb.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if head.i != verb.i:
            continue
        cases = [c.lower_ for c in d.children if c.dep_ == "case"]
        if passive and cases == ["par"] or not passive and not cases and any(
                c.dep_ == "det" for c in d.children):
            out.append(d)
    return out[:1]


_NEXT_STOP = frozenset({"à", "au", "aux", "en", "dans", "puis", "ensuite", "enfin", "et"})
"""Words that open the next stop of a list of receptions ("…, puis à Aïn el-Tiné par Z")."""


def _successive_agents(ctx: Context, agent: int) -> list[Entity]:
    """Return the hosts of the next stops of "reçu à A par X, à B par Y, puis à C par Z".

    After the first agent, each ", [puis] à/au PLACE par Z" of the sentence gives one more,
    up to the first verb of another clause.
    """
    doc = ctx.doc
    s = next(s for s in ctx.sentences if s.start <= agent < s.end)
    out: list[Entity] = []
    for p in range(agent + 1, s.end):
        tok = doc[p]  # type: ignore[index]
        if tok.pos_ in ("VERB", "AUX") and tok.is_lower:
            break  # "reçu par X, qui l'a félicité": another clause
        if tok.lower_ != "par":
            continue
        comma = next((u for u in range(p - 1, max(agent, p - 8), -1)
                      if doc[u].text == ","), None)  # type: ignore[index]
        if comma is None or comma + 1 == p or doc[comma + 1].lower_ not in _NEXT_STOP:  # type: ignore[index]
            continue
        out += [e for e in _agents_after(ctx, p - 1, {"par"}, limit=2)[:1] if e not in out]
    return out


def _another_agent(token) -> bool:  # type: ignore[no-untyped-def]
    """Tell whether the parse hung a second agent on the passive verb: "…, ainsi que par Z"."""
    verb = token.head
    return token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN") and token.i > verb.i \
        and any(c.dep_ == "aux:pass" for c in verb.children) \
        and any(c.dep_ == "case" and c.lower_ == "par" for c in token.children)


def _verb_between(ctx: Context, start: int, end: int) -> bool:
    """Tell whether a conjugated verb stands between two tokens: no apposition reaches across.

    A participle does not count ("la commissaire chargée de la Pêche, X").
    """
    return any(tok.pos_ == "AUX" or tok.pos_ == "VERB" and "Fin" in tok.morph.get("VerbForm")
               for tok in (ctx.doc[u] for u in range(start + 1, end)))  # type: ignore[index]


def _objects(ctx: Context, verb, salience: Salience) -> list[Entity]:  # type: ignore[no-untyped-def]
    out = []
    strays = _stray_objects(verb)
    for c in [*verb.children, *strays]:
        lead = _delegation_lead(ctx, c.i) if c.lemma_ in _DELEGATION_NOUNS else None
        if lead is not None:  # "a reçu une délégation (de sénateurs) conduite par X": X
            out += _agents_after(ctx, lead, {"par"}, limit=3)[:1]
        if c.lemma_ in ("appel", "coup") and c.dep_ == "obj" \
                and sentence_index(ctx, c.i) in ctx.calls:
            # "a reçu un appel du président X", "un coup de fil de son homologue": the caller
            out += _agents_after(ctx, c.i + (2 if c.lemma_ == "coup" else 0),
                                 {"de", "du", "d'", "d’"}, limit=4)[:1]
        if c.dep_ in ("obj", "iobj", "obl:agent") or c in strays:  # "Y a été reçu par X"
            for t in [c, *[x for x in c.children if x.dep_ in ("conj", "appos") and not (
                    x.dep_ == "appos" and _verb_between(ctx, c.i, x.i))]]:
                if t.i in ctx.counterparts:
                    out.append(ctx.counterparts[t.i][0])
                    if t.lower_ == "homologues":  # "ses homologues malien, X, …, et
                        s = ctx.sentences[sentence_index(ctx, t.i)]  # burkinabè, Y": Y too
                        out += [person for u, (person, _) in ctx.counterparts.items()
                                if t.i < u < s.end]
                    continue
                index = ctx.mention_at(t.i)
                if index is None and t.lower_ in ("m.", "mme", "monsieur", "madame"):
                    index = next((ctx.mention_at(x.i) for x in t.children
                                  if x.dep_ == "flat:name"), None)  # "M. X": X
                if index is not None and ctx.mentions[index].kind in AGENT_KINDS:
                    entity = ctx.entity_of(index)
                    if entity is not None:
                        out.append(entity)
    if out:  # "a rencontré A, ainsi que le ministre kényan …, B": B too, whatever the parse
        extra = _also_met(ctx, verb.i, out)
        out += [e for e in extra if e not in out]
    if not out:  # the parse lost the object: the first agent after the verb, in its clause
        s = next(s for s in ctx.sentences if s.start <= verb.i < s.end)
        t, stop = verb.i + 1, min(verb.i + 25, s.end)
        while t < stop:
            tok = ctx.doc[t]  # type: ignore[index]
            if tok.lower_ in _INSERTED and (t == verb.i + 1 or ctx.doc[t - 1].text == ","):  # type: ignore[index]
                # "a reçu, lundi, à son bureau, Y": a complement set between commas
                comma = next((u for u in range(t + 1, min(t + 8, stop))
                              if ctx.doc[u].text == ","), None)  # type: ignore[index]
                if comma is not None and not any(
                        ctx.mention_at(u) is not None and ctx.mentions[ctx.mention_at(u)].kind  # type: ignore[index]
                        in ("Person", "Position") for u in range(t, comma)):
                    t = comma + 1
                    continue
            if ctx.lemma(t) in _DELEGATION_NOUNS:  # "une délégation turque conduite
                lead = _delegation_lead(ctx, t)  # par X": X
                if lead is not None:
                    out = _agents_after(ctx, lead, {"par"}, limit=3)[:1]
                    break
            venue = _venue_end(ctx, t, stop)
            if venue is not None:
                t = venue  # "a reçu lundi au siège du ministère Y": Y after it
                continue
            place = ctx.mention_at(t + 1) if tok.lower_ in ("à", "au") and t + 1 < stop else None
            if place is not None and ctx.mentions[place].kind in ("City", "Country", "Place"):
                t = ctx.mentions[place].end  # "a reçu mercredi à Abou Dhabi X": X after it
                continue
            if tok.pos_ in ("VERB", "AUX") or tok.is_punct and tok.text != "," \
                    or tok.lower_ in ("par", "pour", "avec", "à", "au", "aux", "de", "du"):
                break  # "reçu par", "reçu à Rabat": no object there
            if t in ctx.counterparts:
                out = [ctx.counterparts[t][0]]
                break
            index = ctx.mention_at(t)
            if index is not None and ctx.mentions[index].kind in ("Person", "Position"):
                entity = ctx.entity_of(index)
                if entity is None:  # "le ministre … du Made in Italy, X": the name after it
                    entity = _name_after(ctx, ctx.mentions[index].end, stop)
                out = [entity] if entity else []
                break
            t += 1
    return out


def _also_met(ctx: Context, verb: int, found: list[Entity]) -> list[Entity]:
    """Return the person "ainsi que" adds to the objects of a verb, before any other verb.

    "a rencontré A, ainsi que le ministre kényan des Affaires étrangères, B": B.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, verb)]
    for t in range(verb + 1, min(verb + 40, s.end - 2)):
        if doc[t].pos_ in ("VERB", "AUX") and t > verb + 1 or doc[t].text in (".", ";", ":", "«"):
            return []
        if doc[t].lower_ == "ainsi" and doc[t + 1].lower_ in ("que", "qu'", "qu’") and doc[
                t - 1].text == ",":
            u = t + 2
            index = ctx.mention_at(u + 1) if doc[u].lower_ in ("le", "la", "l'", "l’") else \
                ctx.mention_at(u)
            if index is None or ctx.mentions[index].kind not in ("Person", "Position") \
                    or ctx.mentions[index].plural:
                return []
            entity = ctx.entity_of(index)
            if entity is None and ctx.mentions[index].kind == "Position":
                entity = _name_after(ctx, ctx.mentions[index].end, s.end)
            return [entity] if entity is not None and entity.type == "Person" else []
    return []


def _name_after(ctx: Context, start: int, stop: int) -> Entity | None:
    """Return the person named after a title nobody holds, before any verb: ", X,"."""
    for u in range(start, min(start + 10, stop)):
        if ctx.doc[u].pos_ in ("VERB", "AUX"):  # type: ignore[index]
            return None
        index = ctx.mention_at(u)
        if index is not None and ctx.mentions[index].kind == "Person":
            return ctx.entity_of(index) if ctx.doc[u - 1].text == "," else None  # type: ignore[index]
        if index is not None and ctx.mentions[index].kind == "Position":
            return None
    return None


def _venue_end(ctx: Context, t: int, stop: int) -> int | None:
    """Return where a venue named at ``t`` ends: "au siège du ministère", "dans son bureau".

    A preposition, a determiner, a noun of ``venue_nouns`` (places.yaml), its adjectives, then
    "de" complements of a noun each ("au palais de la Présidence").
    """
    doc: Any = ctx.doc
    if doc[t].lower_ not in ("à", "au", "aux", "dans"):
        return None
    j = t + 1
    if j < stop and doc[j].lower_ in _VENUE_DETERMINERS:
        j += 1
    if j >= stop or doc[j].lower_ not in ctx.res.places.get("venue_nouns", ()):
        return None
    k = j + 1
    while k < stop and doc[k].pos_ == "ADJ":
        k += 1
    while k + 1 < stop and doc[k].lower_ in ("de", "du", "des", "d'", "d’"):
        u = k + 1
        if doc[u].lower_ in ("la", "l'", "l’", "le", "les") and u + 1 < stop:
            u += 1
        if doc[u].pos_ not in ("NOUN", "PROPN") or ctx.mention_at(u) is not None and \
                ctx.mentions[ctx.mention_at(u)].kind in ("Person", "Position"):  # type: ignore[index]
            break
        k = u + 1
        while k < stop and (doc[k].pos_ == "ADJ" or doc[k].pos_ == "PROPN" and doc[k - 1].pos_
                            == "PROPN"):
            k += 1
    return k


_VENUE_DETERMINERS = frozenset({"le", "la", "l'", "l’", "les", "son", "sa", "ses", "leur"})

_INSERTED = frozenset({"à", "au", "aux", "en", "dans", "lors"})
"""Prepositions of a place or time set between commas after a verb, before its object."""


def _relative_agent(ctx: Context, noun: int,
                    salience: Salience | None = None) -> tuple[Entity, int] | None:
    """Return who does what a noun's relative says, and its verb: "la visite que X effectuera".

    Read from the words, not the parse (which often makes the verb the sentence's root): "que"
    after the noun and its adjectives, then a person (or a title's holder, or with
    ``salience`` a pronoun's person: "la mission qu'il a effectuée"), then the verb.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, noun)]
    u = noun + 1
    while u < s.end and doc[u].pos_ == "ADJ":
        u += 1
    if u >= s.end or doc[u].lower_ not in ("que", "qu'", "qu’"):
        return None
    agent = None
    for v in range(u + 1, min(u + 24, s.end)):
        if doc[v].pos_ == "VERB":
            return (agent, v) if agent is not None else None
        index = ctx.mention_at(v)
        if index is not None and ctx.mentions[index].kind in ("Person", "Position"):
            entity = ctx.entity_of(index)
            if entity is not None and (agent is None or entity.type == "Person"):
                agent = entity  # "que le Premier ministre, M. X, effectuera": X
        elif agent is None and salience is not None and v == u + 1 \
                and doc[v].lower_ in ("il", "elle"):
            agent = agent_of_token(ctx, v, salience)
    return None


def _apposed_participle(ctx: Context, verb) -> list[Entity]:  # type: ignore[no-untyped-def]
    """Return the person a bare participle is set after: "…, Y, arrivé la veille à Hanoï".

    A participle that opens its sentence is set before the person: "Arrivé mercredi à Lima,
    M. Y a été reçu …": Y, named right after the participle's clause.
    """
    if "Part" not in verb.morph.get("VerbForm") or any(
            c.dep_.startswith("aux") for c in verb.children):
        return []
    sentence = ctx.sentences[sentence_index(ctx, verb.i)]
    if verb.i == sentence.start:
        comma = next((t for t in range(verb.i + 1, min(verb.i + 12, sentence.end))
                      if ctx.doc[t].text == ","), None)  # type: ignore[index]
        for t in (comma + 1, comma + 2) if comma is not None else ():
            index = ctx.mention_at(t)
            if index is not None and ctx.mentions[index].kind == "Person":
                person = ctx.entity_of(index)
                return [person] if person is not None else []
        return []
    if verb.i < 2:
        return []
    for t in (verb.head.i, verb.i - 2 if ctx.doc[verb.i - 1].text == "," else -1):  # type: ignore[index]
        index = ctx.mention_at(t) if t >= 0 else None
        if index is not None and ctx.mentions[index].kind == "Person" and t < verb.i:
            person = ctx.entity_of(index)
            return [person] if person is not None else []
    return []


def _shared_subject(ctx: Context, verb, salience: Salience) -> list[Entity]:  # type: ignore[no-untyped-def]
    """Return the subject a participle shares with the verb it is joined to, or nothing.

    "il a visité le port et rencontré le maire, X": "rencontré" has no auxiliary of its own,
    and the parse may take its object for a subject after it; the subject is "visité"'s.
    """
    if verb.dep_ != "conj" or "Part" not in verb.morph.get("VerbForm") or any(
            c.dep_.startswith("aux") for c in verb.children) or not any(
            c.dep_ in ("nsubj", "nsubj:pass") and c.i > verb.i for c in verb.children):
        return []
    return subjects(ctx, verb.head.i, salience)


def _opening_participle_subject(ctx: Context, verb, salience: Salience) -> list[Entity]:  # type: ignore[no-untyped-def]
    """Return who does what a present participle opening the sentence says.

    "Recevant l'ambassadeur d'Algérie, X, le Président Y a rappelé …": Y, the subject of the
    sentence's main verb.
    """
    if verb.i != ctx.sentences[sentence_index(ctx, verb.i)].start \
            or "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense"):
        return []
    s = ctx.sentences[sentence_index(ctx, verb.i)]
    subject = next((u for u in range(verb.i + 1, s.end) if ctx.doc[u].dep_ == "nsubj"  # type: ignore[index]
                    and ctx.doc[u].head.i != verb.i and ctx.doc[u].head.pos_ == "VERB"), None)  # type: ignore[index]
    person = agent_of_token(ctx, subject, salience) if subject is not None else None
    return [person] if person is not None else []


def _apposed_visitor(ctx: Context, noun: int) -> Entity | None:
    """Return the person ", en visite" follows: "avec Y, en visite de travail à Rabat".

    Titles and complements may stand between: "Y, président du groupe X, en visite à Hanoï".
    """
    if noun < 3 or ctx.doc[noun - 1].lower_ != "en" or ctx.doc[noun - 2].text != ",":  # type: ignore[index]
        return None
    if noun - 3 in ctx.counterparts:
        return ctx.counterparts[noun - 3][0]
    sentence = ctx.sentences[sentence_index(ctx, noun)]
    for t in range(noun - 3, max(sentence.start, noun - 18) - 1, -1):
        # "Y (Parti), président du groupe d'amitié, en visite au Vietnam": Y, across the
        # titles and complements set after the name (no verb between)
        if ctx.doc[t].pos_ in ("VERB", "AUX"):  # type: ignore[index]
            return None
        index = ctx.mention_at(t)
        if index is not None and ctx.mentions[index].kind == "Person":
            return ctx.entity_of(index)
    return None


def _delegation_lead(ctx: Context, noun: int) -> int | None:
    """Return the participle of "une délégation (de sénateurs français) conduite par X"."""
    doc: Any = ctx.doc
    for u in range(noun + 1, min(noun + 14, len(doc) - 1)):
        if _leading(ctx, u) and doc[u + 1].lower_ == "par":
            return u
        if doc[u].pos_ in ("VERB", "AUX") or doc[u].is_punct and not (
                doc[u].text in (",", "(", ")") and u + 1 < len(doc)):
            break  # "les membres du bureau du CNT, conduits par X": past the acronym, the comma
    return None


_LEADING = frozenset({"conduire", "mener", "diriger", "présider"})
_DELEGATION_NOUNS = frozenset({"délégation", "mission", "membre", "groupe"})
"""Nouns of a group someone leads: "les membres du bureau, conduits par leur président"."""
"""Participles naming who leads a delegation: "une délégation conduite par X"."""


def _leading(ctx: Context, t: int) -> bool:
    """Tell whether a token is a participle of :data:`_LEADING`, "conduite" taken for a noun too."""
    return ctx.lemma(t) in _LEADING or ctx.doc[t].lower_ in LED_FORMS  # type: ignore[index]


def _place_after(ctx: Context, token: int, limit: int = 7) -> Entity | None:
    s = next(s for s in ctx.sentences if s.start <= token < s.end)
    doc = ctx.doc
    for t in range(token + 1, min(token + limit, s.end)):
        index = ctx.mention_at(t)
        if index is not None and ctx.mentions[index].kind in PLACE_KINDS:
            before = doc[ctx.mentions[index].start - 1]  # type: ignore[index]
            if before.lower_ in _PLACE_PREPOSITIONS or before.lower_ in ("l'", "la", "le", "les") \
                    and doc[ctx.mentions[index].start - 2].lower_ in _PLACE_PREPOSITIONS:  # type: ignore[index]
                return ctx.entity_of(index)
            return None
        if doc[t].text in (".", ";", ":", "«"):  # type: ignore[index]
            break
    return None


_DAYS = frozenset({*WEEKDAYS, "demain"})
"""Words of a day that may open the next stop of a journey ("puis samedi à Y")."""


def _placeish(ctx: Context, token: int) -> bool:
    """Tell whether a token names no one: a plain word, or part of a place's name."""
    index = ctx.mention_at(token)
    return index is None or ctx.mentions[index].kind in PLACE_KINDS


def _coordinated_places(ctx: Context, token: int, limit: int = 7,
                        to: tuple[str, ...] = ("à", "au", "aux", "en")) -> list[Entity]:
    """Return the places listed after the first one a journey names.

    "s'est rendu successivement à Amman, au Caire et à Beyrouth": Cairo and Beirut. ``to``:
    the words that open each place ("pour" after "a quitté Dakar pour Accra").
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, token)]
    first = next((i for t in range(token + 1, min(token + limit, s.end))
                  for i in [ctx.mention_at(t)] if i is not None), None)
    if first is None or ctx.mentions[first].kind not in PLACE_KINDS:
        return []
    places, v = [], ctx.mentions[first].end
    while True:
        if v < s.end and doc[v].lower_ == "pour":  # "à Thiès pour une visite d'usine, puis à Y"
            close = next((w for w in range(v + 1, min(v + 9, s.end - 1)) if doc[w].text == ","
                          and doc[w + 1].lower_ in ("puis", "et", "ainsi")), None)
            if close is None or any(doc[w].pos_ in ("VERB", "AUX") for w in range(v + 1, close)):
                break
            v = close
        if not (v + 1 < s.end and doc[v].lower_ in (",", "et", "puis", "ainsi")):
            break
        if doc[v].text == ",":  # "à Toamasina, principal port du pays, ainsi qu'à Y": past
            where = doc[v + 1].lower_ == "où"  # "à X, où il verra …, puis à Y": past the clause
            close = next((w for w in range(v + 1, min(v + (16 if where else 8), s.end - 1))
                          if doc[w].text == "," and doc[w + 1].lower_ in ("ainsi", "et", "puis")),
                         None)  # the apposition's end
            if close is not None and doc[v + 1].lower_ not in ("à", "au", "aux", "en") and (
                    where or all(doc[w].pos_ not in ("VERB", "AUX") and _placeish(ctx, w)
                                 for w in range(v + 1, close))):
                v = close
        u = v + 1
        if doc[v].lower_ == "ainsi" or doc[u].lower_ == "ainsi":
            u = (u + 1 if doc[u].lower_ == "ainsi" else u)
            if u >= s.end or doc[u].lower_ not in ("que", "qu'", "qu’"):
                break
            u += 1
        elif doc[u].lower_ in ("et", "puis"):
            u += 1
        while u < s.end and doc[u].lower_ in _DAYS:  # "puis samedi à Kaolack"
            u += 1
        if u < s.end and doc[u].lower_ in to:
            u += 1
        else:
            break
        index = ctx.mention_at(u)
        if index is None or ctx.mentions[index].kind not in PLACE_KINDS:
            break
        entity = ctx.entity_of(index)
        if entity is not None:
            places.append(entity)
        v = ctx.mentions[index].end
    return places


def _place_between(ctx: Context, verb: int, noun: int) -> Entity | None:
    """Return the place between a verb and its visit noun: "a entamé à Mexico une tournée"."""
    if not verb < noun or noun - verb > 8 or ctx.doc[verb].pos_ != "VERB":  # type: ignore[index]
        return None
    for u in range(verb + 1, noun):
        index = ctx.mention_at(u)
        if index is not None and ctx.mentions[index].kind in PLACE_KINDS and \
                ctx.doc[u - 1].lower_ in ("à", "au", "aux", "en"):  # type: ignore[index]
            return ctx.entity_of(index)
    return None


def _place_where(ctx: Context, token: int) -> Entity | None:
    """Return the place before a relative "où" ("en Virginie, où X se rendra")."""
    s = next(s for s in ctx.sentences if s.start <= token < s.end)
    doc = ctx.doc
    for t in range(token - 1, max(s.start, token - 6) - 1, -1):
        if doc[t].lower_ == "où":  # type: ignore[index]
            index = ctx.mention_at(t - 1) if doc[t - 1].text != "," else ctx.mention_at(t - 2)  # type: ignore[index]
            if index is not None and ctx.mentions[index].kind in PLACE_KINDS:
                return ctx.entity_of(index)
            return None
    return None


def _cleft_place(ctx: Context, sentence: int) -> Entity | None:
    """Return the place of a cleft ("C'est dans l'Ohio … que X s'adresse à la foule")."""
    s = ctx.sentences[sentence]
    text = ctx.text[s.start_char:s.end_char]
    if not re.match(r"^\W*c'est (?:à|dans|en|au|aux)\b", text, re.IGNORECASE):
        return None
    places = ctx.in_sentence(sentence, *PLACE_KINDS)
    return ctx.entity_of(places[0]) if places else None


def _meeting(ctx: Context, t: int, sentence: int, salience: Salience) -> None:
    tok = ctx.doc[t]  # type: ignore[index]
    lemma = ctx.lemma(t)
    triggers = ctx.res.trigger("meeting", "verbs")
    with_verbs = ctx.res.trigger("meeting", "with_verbs")
    nouns = ctx.res.trigger("meeting", "nouns")
    kind = "Meeting"
    guests: list[Entity] = []
    successive: list[Entity] = []  # "reçu à A par X, puis à B par Y": Y's meeting apart
    if tok.pos_ == "VERB" and lemma in triggers:
        guests = _opening_participle_subject(ctx, tok, salience) or _shared_subject(
            ctx, tok, salience) or subjects(ctx, t, salience)
        successive = [e for c in [*tok.children, *_stray_objects(tok)] if c.dep_ == "obl:agent"
                      for e in _successive_agents(ctx, c.i)]
        successive += [e for c in tok.children if _another_agent(c)  # "…, ainsi que par Z"
                       for k in c.children if k.dep_ == "case" and k.lower_ == "par"
                       for e in _agents_after(ctx, k.i - 1, {"par"}, limit=2)[:1]
                       if e not in successive]
        people = _people(guests + [o for o in _objects(ctx, tok, salience)
                                   if o not in successive])  # the parse may join them
        successive = [e for e in successive if e not in people]
    elif tok.pos_ == "VERB" and lemma in with_verbs:
        before = person_before_verb(ctx, t)  # ", X a dîné avec Y": X, whatever the parse says
        subj = [before[0]] if before is not None else subjects(ctx, t, salience)
        people = _people(subj + _agents_after(ctx, t, {"avec", "with"}))
    elif tok.pos_ == "NOUN" and (lemma in nouns or sentence in ctx.calls and lemma in (
            "appel", "conversation", "communication")):  # "un appel téléphonique avec Y"
        nxt = ctx.doc[t + 1: t + 4].text.lower()  # type: ignore[index]
        if lemma == "conférence":
            if not nxt.startswith("de presse"):
                return
            kind = "PressConference"
        head = tok.head
        subj = subjects(ctx, t, salience) if (head.lemma_ in ctx.res.trigger(
            "meeting", "support_verbs") or tok.dep_ in ("nsubj",)) else []
        if not subj and any(c.lower_ in ("son", "sa", "leur") for c in tok.children):
            # "à l'issue de son entretien avec Y": the one whose talks they are
            subj = subjects(ctx, t, salience) or ([salience.person] if salience.person else [])
        others = _agents_after(ctx, t, {"avec", "entre", "with", "between"})
        prep = next((ctx.doc[u].lower_ for u in range(t + 1, min(t + 4, len(ctx.doc)))  # type: ignore[arg-type,index]
                     if ctx.doc[u].pos_ == "ADP"), "")  # type: ignore[index]
        if len(others) > 1 and _separate(ctx, tok, sentence):
            # "lors des entretiens successifs avec X et avec Y, Z …": Z met each, apart
            verb = tok
            while verb.pos_ != "VERB" and verb.head.i != verb.i:
                verb = verb.head
            before = person_before_verb(ctx, verb.i)  # "…, M. X a réitéré": X
            own = [before[0]] if before else _people(subjects(ctx, verb.i, salience)) or subj
            rest = [o for o in _people(others) if o.iri not in {p.iri for p in own}]
            status = modality(ctx, t)
            if len(own) == 1 and rest and status != "hypothetical":
                for other in rest:
                    record_meeting(ctx, own + [other], t, sentence, kind, status, "fr.met.v1",
                                   lemma)
            return  # without the one who met each, the others did not meet one another
        if not subj and others and prep in ("avec", "with"):
            # "X a appelé, au cours d'un entretien avec Y, à …": X is the other side
            subj = subjects(ctx, t, salience)
            if not subj:
                return  # "des entretiens avec X et avec Y": with someone not named here
        people = _people(subj + others)
    else:
        return
    if len(people) < 2 and tok.pos_ == "VERB" and _plural(tok):
        # "X, présidente de …, et Y se sont entretenues": the parse may miss the coordination
        people = _people(people + left_agents(ctx, t, salience))
    status = modality(ctx, t)
    if status == "hypothetical":
        return
    if kind == "Meeting" and sentence in ctx.calls:
        kind = "PhoneCall"
    noun = lemma if tok.pos_ == "NOUN" else _NOUN_OF.get(lemma, "rencontre")
    event = record_meeting(ctx, people, t, sentence, kind, status, "fr.met.v1", noun)
    for host in successive:  # "reçu à A par X, puis à B par Y": one meeting each
        record_meeting(ctx, _people(guests + [host]), t, sentence, kind, status, "fr.met.v1",
                       noun)
    if event is not None and kind == "Meeting" and status is None and lemma in triggers \
            and any(c.dep_ == "aux:pass" for c in tok.children):
        _received_at(ctx, tok, sentence, salience)


def _received_at(ctx: Context, verb, sentence: int, salience: Salience) -> None:  # type: ignore[no-untyped-def]
    """Read "À Abuja, X a été reçu par Y": the one received was in that city."""
    s = ctx.sentences[sentence]
    doc = ctx.doc
    place = None
    if doc[s.start].lower_ in ("à", "a") and s.start + 1 < s.end:  # type: ignore[index]
        index = ctx.mention_at(s.start + 1)
        if index is not None and ctx.mentions[index].kind in ("City", "Country", "Place") \
                and ctx.mentions[index].end < s.end \
                and doc[ctx.mentions[index].end].text == ",":  # type: ignore[index]
            place = ctx.entity_of(index)
    if place is None:
        return
    for person in _people(subjects(ctx, verb.i, salience)):
        record_visit(ctx, person, place, sentence, _date_near(ctx, sentence, verb.i, None),
                     None, "fr.visit.received.v1", 0.55)


_NOUN_OF = {"entretenir": "entretien", "s'entretenir": "entretien", "rencontrer": "rencontre",
            "recevoir": "entretien", "accueillir": "entretien", "discuter": "discussions",
            "réunir": "réunion", "négocier": "négociations", "échanger": "échanges",
            "dialoguer": "dialogue", "retrouver": "rencontre",
            "dîner": "dîner", "déjeuner": "déjeuner"}
"""The noun an event found by its verb is named by ("s'est entretenu" → "entretien")."""


def _separate(ctx: Context, noun, sentence: int) -> bool:  # type: ignore[no-untyped-def]
    """Tell whether talks were held with each one apart ("successifs", "avec X et avec Y")."""
    if any(c.lower_ in ("successifs", "successives", "séparés", "séparées", "respectifs")
           for c in noun.children):
        return True
    s = ctx.sentences[sentence]
    if any(ctx.doc[u].lower_ in ("successivement", "séparément", "tour")  # type: ignore[index]
           and (ctx.doc[u].lower_ != "tour" or ctx.doc[u - 1].lower_ == "à")  # type: ignore[index]
           for u in range(max(s.start, noun.i - 4), min(s.end, noun.i + 4))):
        return True  # "des entretiens, successivement, avec X, Y et Z", "tour à tour"
    words = [ctx.doc[u].lower_  # type: ignore[index]
             for u in range(noun.i + 1, ctx.sentences[sentence].end)]
    return words.count("avec") > 1


def _plural(verb) -> bool:  # type: ignore[no-untyped-def]
    """Tell whether a verb (or its auxiliary) is plural: "se sont entretenues", "ont dîné"."""
    return any("Plur" in t.morph.get("Number") for t in [verb, *verb.children]
               if t is verb or t.dep_.startswith("aux"))


def record_meeting(ctx: Context, people: list[Entity], t: int, sentence: int, kind: str,
                   status: str | None, method: str, noun: str) -> Entity | None:
    """Record a meeting (or call, press conference) of ``people`` and its ``kg:met`` edges.

    A phone call and a denied meeting give no ``kg:met``; a planned one does, as a planned
    visit gives ``kg:visited``: its event carries the status. Returns the event.
    """
    if len(people) < 2:
        return None
    date = _date_near(ctx, sentence, t, status)
    label = " – ".join(p.label for p in people)
    earlier = _same_meeting(ctx, people, kind, status) if date is None else None
    if earlier is None and date is None and kind == "Meeting":
        call = _same_meeting(ctx, people, "PhoneCall", status)  # "Les deux chefs d'État ont
        if call is not None and any(c.subject.iri == call.iri and c.sentence >= sentence - 2
                                    for c in ctx.claims):  # échangé sur …" after their call
            earlier = call
    if earlier is not None:  # "Les deux parties ont en outre échangé leurs vues sur …": more
        # of the talks already read, not another meeting
        event = named_event(ctx, earlier, sentence)
        for index in ctx.topics_in(sentence):
            ctx.add(event, "concerns", ctx.entity_of(index), sentence, "fr.concerns.v1", 0.5)
        return event
    if kind == "PressConference":
        noun = "conférence de presse"
    elif kind == "PhoneCall":
        noun = "entretien téléphonique"
    event = _event(ctx, kind, people, None, date, status, sentence, method, 0.7,
                   f"{noun} {label}" + (f" ({date})" if date else ""))
    if status in (None, "planned") and kind != "PhoneCall":
        for a in people:
            for b in people:
                if a.iri < b.iri:
                    ctx.add(a, "met", b, sentence, method, 0.75, date)
    return event


def _titled_before(ctx: Context, token: int, before: int) -> Entity | None:
    """Return the one person named earlier with the title at ``token``.

    "La présidente du groupe" stands for "sa présidente, Anna Weber" read before (the
    title's first word, with its gender); ``None`` when no one or several.
    """
    index = ctx.mention_at(token)
    if index is None or ctx.mentions[index].kind != "Position":
        return None
    head = ctx.doc[ctx.mentions[index].start].lower_  # type: ignore[index]  # its gender too
    found = {person.iri: person for person in ctx.person_of.values()
             for post, mention, _ in ctx.held.get(person.iri, [])
             if mention.start < before
             and ctx.doc[mention.start].lower_ == head}  # type: ignore[index]
    return next(iter(found.values())) if len(found) == 1 else None


def companions_at_meetings(ctx: Context) -> None:
    """Give the companions of a guest the meeting the guest had: they met the hosts too.

    "X a reçu une délégation conduite par Y. Y était accompagnée des députés A et B": A and
    B met X (not Y, whom they came with). Only a meeting of the same sentence or the one
    before, in person.
    """
    came = companions(ctx)
    if not came:
        return
    members: dict[str, list[Entity]] = {}
    events: dict[str, tuple[Entity, int]] = {}
    met = {frozenset((c.subject.iri, c.object.iri)) for c in ctx.claims  # type: ignore[union-attr]
           if c.relation == "met"}  # not a call, not a denied meeting
    for c in ctx.claims:
        if c.subject.type == "Meeting" and c.relation == "participant" and \
                isinstance(c.object, Entity):
            members.setdefault(c.subject.iri, []).append(c.object)
            events[c.subject.iri] = (c.subject, c.sentence)
    countries: dict[str, set[str]] = {}
    for c in ctx.claims:
        if c.relation == "country" and c.subject.type == "Person" and isinstance(c.object, Entity):
            countries.setdefault(c.subject.iri, set()).add(c.object.iri)
    for sentence, led, with_, _ in came:
        for iri, (event, at) in events.items():
            people = members[iri]
            if not sentence - 1 <= at <= sentence or all(p.iri != led.iri for p in people):
                continue
            hosts = [p for p in people if frozenset((p.iri, led.iri)) in met
                     and all(p.iri != w.iri for w in with_)]
            for person in with_:
                ctx.add(event, "participant", person, sentence, "fr.met.companions.v1", 0.6)
                for host in hosts:
                    if not countries.get(person.iri, set()) & countries.get(host.iri, set()):
                        # not two of one side
                        ctx.add(person, "met", host, sentence, "fr.met.companions.v1", 0.6)
    _companions_travel(ctx, came)


_ENVOY_POSTS = ("ambassadeur", "ambassadrice", "consul", "chargé d'affaires",
                "chargée d'affaires", "haut-commissaire", "haute-commissaire")


def _companions_travel(ctx: Context, came: list[Companions]) -> None:
    """Send companions where the one they accompany went before the sentence that says so.

    "Le Premier ministre est arrivé à Doha … Il est accompagné de la ministre X": X visited
    Doha and Qatar too; a stop told after that sentence may be the leader's alone.
    """
    trips: dict[str, dict[str, Any]] = {}
    for c in ctx.claims:
        if c.subject.type == "Visit":
            trip = trips.setdefault(c.subject.iri, {"people": [], "sentence": c.sentence})
            if c.relation == "participant" and isinstance(c.object, Entity):
                trip["people"].append(c.object.iri)
            elif c.relation == "place":
                trip["place"] = c.object
            elif c.relation == "status" and isinstance(c.object, Literal):
                trip["status"] = str(c.object.value)
    for sentence, led, with_, _ in came:
        for trip in trips.values():
            if led.iri not in trip["people"] or trip["sentence"] > sentence or \
                    not isinstance(trip.get("place"), Entity):
                continue
            status = trip.get("status")
            for person in with_:
                if any(post.label.lower().startswith(_ENVOY_POSTS)
                       for post, _, _ in ctx.held.get(person.iri, [])):
                    continue  # the ambassador who comes along lives there
                record_visit(ctx, person, trip["place"], sentence, None,
                             None if status == "happened" else status,
                             "fr.visit.companions.v1", 0.5)


def _same_meeting(ctx: Context, people: list[Entity], kind: str,
                  status: str | None) -> Entity | None:
    """Return the last event of ``kind`` read so far whose participants are exactly ``people``.

    Only when it has the same status; a sentence that dates its meeting is another one.
    """
    wanted = {p.iri for p in people}
    members: dict[str, set[str]] = {}
    events: dict[str, Entity] = {}
    statuses: dict[str, str] = {}
    for c in ctx.claims:
        if c.subject.type != kind:
            continue
        if c.relation == "participant" and isinstance(c.object, Entity):
            members.setdefault(c.subject.iri, set()).add(c.object.iri)
            events[c.subject.iri] = c.subject
        elif c.relation == "status" and isinstance(c.object, Literal):
            statuses[c.subject.iri] = str(c.object.value)
    for iri in reversed(list(events)):
        if members[iri] == wanted:
            same = statuses.get(iri) == _STATUS.get(status, status or "happened")
            return events[iri] if same else None
    return None


def _visit(ctx: Context, t: int, sentence: int, salience: Salience, last: list[Entity]) -> None:
    tok = ctx.doc[t]  # type: ignore[index]
    lemma = ctx.lemma(t)
    method, confidence = "fr.visit.v1", 0.7
    tense = t  # the token whose tense and mood tell whether the visit happened
    relative, stops = None, []
    tour: list[tuple[Entity, str | None]] = []  # the stops of a tour's relative, own status
    own_status: str | None = None  # the status of a place the tour's relative gives
    from_tour = False
    misread = ctx.misread_verb(t)  # "Elle visitera, à Thiès, …" tagged as a noun
    if (tok.pos_ == "VERB" or misread) and lemma in ctx.res.trigger("visit", "verbs"):
        objects = [ctx.mention_at(c.i) for c in tok.children if c.dep_ == "obj"]
        place = next((ctx.entity_of(i) for i in objects
                      if i is not None and ctx.mentions[i].kind in PLACE_KINDS), None)
        framed = fronted_places(ctx).get(sentence)  # "À Ouidah, elle visitera le musée"
        place = place or _place_after(ctx, t) or (
            ctx.entity_of(framed) if framed is not None else None)
    elif tok.pos_ == "VERB" and lemma in ctx.res.trigger("visit", "motion_verbs"):
        if lemma == "rendre" and not any(c.lower_ in ("se", "s'") for c in tok.children):
            return
        if lemma in ("aller", "venir") and any(
                "Inf" in c.morph.get("VerbForm") for c in tok.children if c.pos_ == "VERB"):
            return  # "va remplacer", "vient de signer": a tense, not a journey
        place = _place_after(ctx, t) or _place_where(ctx, t)
        stops = _coordinated_places(ctx, t) if place is not None else []
    elif tok.pos_ == "VERB" and lemma == "attendre" and expected(ctx, t):
        # "est attendu", and "est, par ailleurs, attendu", however the parse hangs it
        place = _place_after(ctx, t)  # "est attendu samedi à Kigali, puis à Kampala"
        stops = _coordinated_places(ctx, t) if place is not None else []
    elif tok.pos_ == "VERB" and lemma in _DEPARTURES:
        # "X a quitté Dakar jeudi pour Pékin", "… à destination de Paris", "avant de
        # s'envoler pour Dakar": the journey's end; "…, puis pour Brazzaville": the next
        place = None
        s = ctx.sentences[sentence]
        for u in range(t + 1, min(t + 12, s.end)):
            words = ctx.doc[u:u + 3].text.lower()  # type: ignore[index]
            if ctx.doc[u].lower_ == "pour" or words.startswith("à destination"):  # type: ignore[index]
                end = u + (3 if words.startswith("à destination") else 1)
                index = ctx.mention_at(end)
                if index is not None and ctx.mentions[index].kind in PLACE_KINDS:
                    place = ctx.entity_of(index)
                    stops = _coordinated_places(ctx, end - 1, 2, ("pour",))
                break
    elif tok.pos_ == "NOUN" and (
            lemma in ctx.res.trigger("visit", "nouns") or lemma == "mission") and (
            (relative := _relative_agent(ctx, t, salience)) is not None or lemma != "mission"):
        # "la visite que X effectuera à Ankara", "la mission qu'il a effectuée à Doha"
        tour = _tour_stops(ctx, t)  # "une tournée qui l'a conduit en A et au B"
        place = _place_between(ctx, tok.head.i, t)
        if place is None and tour:  # "une tournée qui le conduira au Mali": its first stop
            place, own_status = tour.pop(0)
            from_tour = True
        place = place or _place_after(ctx, t) or (
            _place_after(ctx, relative[1], limit=12) if relative is not None else None)
        if place is None:
            if last:
                for index in ctx.topics_in(sentence):
                    ctx.add(last[-1], "concerns", ctx.entity_of(index), sentence,
                            "fr.concerns.v1", 0.4)
            return
    elif tok.pos_ == "VERB" and lemma in ctx.res.trigger("visit", "presence_verbs"):
        place = _place_after(ctx, t, limit=10) or _cleft_place(ctx, sentence)
        method, confidence = "fr.presence.v1", 0.5
    else:
        return
    if place is None:
        return
    if tok.pos_ == "NOUN":
        following = ctx.doc[t + 1: t + 3]  # type: ignore[index]
        if len(following) == 2 and following[0].lower_ in ("de", "d'", "des", "du") and \
                following[1].pos_ == "NOUN" and "Plur" in following[1].morph.get("Number") \
                and ctx.mention_at(following[1].i) is None:
            return  # "la visite d'observateurs au Tibet": the visitors are not named
        apposed = _apposed_visitor(ctx, t)  # "… son homologue, Y, en visite au Maroc": Y
        if relative is not None and apposed is None:  # X, in the relative's tense
            people, tense = [relative[0]], relative[1]
        else:
            people = [apposed] if apposed is not None else _people(
                _agents_after(ctx, t - 1, {"de", "du"}, limit=4))
        people = people or _people(subjects(ctx, t, salience, climb=False))
        if not people and any(c.lower_ in ("son", "sa", "leur") for c in tok.children) and (
                tok.head.lemma_ in _OWN_JOURNEY_VERBS
                or ctx.doc[max(0, t - 3):t].text.lower().startswith(_DURING)):  # type: ignore[index]
            # "X a profité de son séjour à Paris", "lors de sa visite à Rabat, X …"
            people = _people(subjects(ctx, t, salience))
        if len(people) > 1 and any(c.lower_ in ("son", "sa") for c in tok.children):
            people = people[:1]  # "sa visite": one visitor (the parse may give two subjects)
    else:
        people = _apposed_participle(ctx, tok) or _people(subjects(ctx, t, salience))
    if not people:
        return
    status = own_status if from_tour else modality(ctx, tense)
    if misread:
        status = "planned" if tok.lower_.endswith(("era", "eront")) else status
    if status == "hypothetical":
        return
    # a tour's later stop has no date of its own
    date = None if from_tour else _date_near(ctx, sentence, t, status)
    for person in people:
        event = record_visit(ctx, person, place, sentence, date, status, method, confidence)
        if event is not None:
            last.append(event)
        for stop in stops:  # "s'est rendu à A, puis à B"
            record_visit(ctx, person, stop, sentence, date, status, "fr.visit.tour.v1",
                         confidence - 0.1)
        for stop, own in tour:  # "une tournée … qui l'a conduit en Côte d'Ivoire et au Ghana"
            if own != "hypothetical":
                record_visit(ctx, person, stop, sentence, date if own == status else None, own,
                             "fr.visit.tour.v1", confidence - 0.1)


def _tour_stops(ctx: Context, noun: int) -> list[tuple[Entity, str | None]]:
    """Return the places a journey's relative names: "qui l'a conduit en A, au B et au C".

    Each with the status the relative's own tense gives ("qui le conduira": planned).
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, noun)]
    for u in range(noun + 1, min(noun + 12, s.end - 3)):
        verb = next((w for w in range(u + 2, min(u + 5, s.end)) if doc[w].lemma_ in _TOUR_VERBS),
                    None) if doc[u].lower_ == "qui" and doc[u + 1].lower_ in (
                        "l'", "l’", "le", "la", "les") else None
        if verb is not None:  # "qui l'a conduit en A", "qui le conduira également à B"
            places, v = [], verb + 1
            while v < s.end and doc[v].pos_ == "ADV":
                v += 1
            while v < s.end and doc[v].lower_ in ("en", "au", "aux", "à", "et", ",", "puis"):
                index = ctx.mention_at(v + 1) if doc[v].lower_ not in (",", "et", "puis") \
                    else None
                if index is not None and ctx.mentions[index].kind in ("Country", "City"):
                    places.append(ctx.entity_of(index))
                    v = ctx.mentions[index].end
                else:
                    v += 1
            status = modality(ctx, verb)
            return [(p, status) for p in places if p is not None]
        if doc[u].pos_ == "VERB":
            break
    return []


_TOUR_VERBS = frozenset({"conduire", "mener", "amener"})
"""Verbs of a tour's relative that list its stops: "qui l'a conduit en Côte d'Ivoire"."""


_OWN_JOURNEY_VERBS = frozenset({"profiter", "effectuer", "entamer", "achever", "poursuivre",
                                "terminer", "commencer", "conclure", "clore", "clôturer",
                                "écourter", "prolonger", "mettre"})
"""Verbs whose subject is the one on "son séjour", "sa visite" ("a achevé sa visite")."""
_DURING = ("lors de", "lors d'", "pendant", "durant", "au cours de", "au cours d'",
           "à l'occasion de")


def record_visit(ctx: Context, person: Entity, place: Entity, sentence: int, date: str | None,
                 status: str | None, method: str, confidence: float,
                 country_too: bool = True) -> Entity | None:
    """Record a visit event and its ``kg:visited`` edge (none when denied); return the event.

    A visit to a capital is also a visit to its country (``fr.visit.capital.v1``). Someone
    in their own country's capital, or in their own country, is at home: no visit.
    """
    country = place if place.type == "Country" else country_of_city(ctx, place)
    own = _post_countries(ctx, person)
    if country is not None and any(c.iri == country.iri for c in own):
        return None  # the Vietnamese prime minister in Hanoi is at home, not on a visit
    if country is not None and not own and place.type != "Country" and \
            _norm(place.label) in ctx.res.cities:
        country = None  # a large town of someone whose country is not known yet: maybe theirs
    event = _event(ctx, "Visit", [person], place, date, status, sentence, method, confidence,
                   f"visite de {person.label} à {place.label}" + (f" ({date})" if date else ""))
    if status != "denied":
        weight = confidence if status is None else confidence - 0.2
        ctx.add(person, "visited", place, sentence, method, weight, date)
        country = country if country_too and place.type != "Country" else None
        if country is not None:  # a visit to Rabat is a visit to Morocco
            ctx.add(person, "visited", country, sentence, "fr.visit.capital.v1", weight - 0.1,
                    date)
    return event


def country_of_city(ctx: Context, place: Entity) -> Entity | None:
    """Return the country of a capital or another large city (``None`` for other places)."""
    if place.type not in ("City", "Place"):
        return None
    country = ctx.res.capitals.get(_norm(place.label)) or ctx.res.capitals.get(
        _norm("le " + place.label)) or ctx.res.capitals.get(_norm("la " + place.label)) or \
        ctx.res.cities.get(_norm(place.label))  # "à Abidjan": in Côte d'Ivoire
    return ctx.entity("Country", country) if country else None  # "au Caire": Le Caire


def journey_stops(ctx: Context) -> dict[str, list[tuple[int, str | None]]]:
    """Return where the article sends each traveller: person IRI → (sentence, country label).

    A visit to a town that is no capital is a stop in no known country (``None``).
    """
    stops: dict[str, list[tuple[int, str | None]]] = {}
    for c in ctx.claims:
        if c.relation == "visited" and isinstance(c.object, Entity):
            to = c.object if c.object.type == "Country" else country_of_city(ctx, c.object)
            stops.setdefault(c.subject.iri, []).append((c.sentence, to.label if to else None))
    return stops


def journeys(ctx: Context) -> dict[str, set[str]]:
    """Return the countries the article sends each traveller to (person IRI → labels)."""
    return {person: {country for _, country in stops if country}
            for person, stops in journey_stops(ctx).items()}


def _agreement(ctx: Context, t: int, sentence: int, salience: Salience,
               speaker: Entity | None) -> bool:
    tok = ctx.doc[t]  # type: ignore[index]
    lemma = ctx.lemma(t)
    phrase_nouns = ctx.res.trigger("agreement", "phrase_nouns")
    if tok.pos_ == "NOUN" and lemma in phrase_nouns:
        words = ctx.doc[t: t + 3].text.lower().replace("' ", "'")  # type: ignore[index]
        if not any(words.startswith(p) for p in ctx.res.trigger("agreement", "phrases")):
            return False
    if tok.pos_ == "NOUN" and (lemma in ctx.res.trigger("agreement", "nouns")
                               or lemma in phrase_nouns):
        before = ctx.doc[t - 1].lower_ if t else ""  # type: ignore[index]
        after = ctx.doc[t + 1].lower_ if t + 1 < len(ctx.doc) else ""  # type: ignore[index,arg-type]
        if before in ("en", "d'", "d’") and lemma == "accord":
            return False  # "être d'accord avec", "en accord avec"
        if before in ("d'", "d’", "de") and t >= 2 and ctx.lemma(t - 2) in ctx.res.trigger(
                "agreement", "nouns"):
            return False  # "mémorandum d'entente", "protocole d'accord": one agreement
        if lemma in ctx.res.trigger("agreement", "needs_complement") and \
                after not in ctx.res.trigger("agreement", "complements") and not (
                    before in ("le", "la", "l'", "l’", *_DEMONSTRATIVE)
                    and tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.lemma_ in _SIGNING
                    and any(lemma in known.label for known in ctx.agreements.values())):
            # "la convention démocrate": a party congress; but "le protocole a été paraphé
            # par X et Y": the protocol named before
            return False
        label = lemma
    elif tok.pos_ == "VERB" and lemma in _SIGNING and _signed_it(ctx, t, sentence):
        return True
    elif tok.pos_ == "VERB" and lemma in ctx.res.trigger("agreement", "verbs") and \
            not any(c.dep_ == "obj" and ctx.mention_at(c.i) is not None for c in tok.children):
        if lemma in ("conclure", "signer", "parapher") and not any(
                c.lemma_ in ctx.res.trigger("agreement", "nouns") for c in tok.children):
            return False
        if lemma in ("conclure", "signer", "parapher"):
            return False  # the noun itself is the trigger
        label = "accord"
    else:
        return False
    status = modality(ctx, t)
    if status in ("hypothetical", "denied"):
        return False
    signature = _signature_verb(ctx, t) if tok.pos_ == "NOUN" else None
    proceeding = signature if signature is not None and ctx.lemma(signature) == "procéder" \
        else None
    witnessed = signature is not None and ctx.lemma(signature) in ("assister", "présider")
    # "ont assisté à la signature d'un accord": the subjects are witnesses, not parties
    parties = [] if witnessed else subjects(ctx, t, salience, climb=tok.pos_ == "VERB")
    if not parties and speaker is not None and ctx.quoted(t):
        parties = [speaker]  # "« On a convenu … »"
    parties += _agents_after(ctx, t, {"entre", "avec", "between", "with"},
                             limit=20 if tok.pos_ == "NOUN" else 8)
    signing = _signing_verb_before(ctx, t) if tok.pos_ == "NOUN" else None
    if signing is not None:  # "X a paraphé avec Y une convention", however parsed
        parties += _agents_after(ctx, signing, {"avec"}, limit=3)
    if proceeding is not None:  # "X et Y ont procédé à la signature d'un accord"
        parties += _subjects_named_before(ctx, proceeding)
    parties += _two_sides(ctx, t, salience)
    parties += _relative_partner(ctx, t)
    if tok.pos_ == "NOUN":
        parties += signatories(ctx, tok)
        if lemma in phrase_nouns:  # "la déclaration commune du Premier ministre X et de Y"
            parties += _agents_after(ctx, t, {"du", "des"}, limit=4)
            joint = ctx.doc[t + 1].lower_ in ("commune", "conjointe") if t + 1 < len(  # type: ignore[index]
                ctx.doc) else False  # type: ignore[arg-type]
            if not joint and len({p.iri for p in parties}) < 2:
                return False  # "le gouvernement a adopté un plan d'action": not between parties
    doc: Any = ctx.doc
    if not parties and tok.pos_ == "NOUN" and t >= 2 and doc[t - 1].pos_ == "DET" \
            and doc[t - 2].lower_ in ("et", ","):
        # "ont paraphé une feuille de route sur X et un mémorandum sur Y": the signers of the
        # text listed before it, however the parse joins them
        before = [c for c in ctx.claims if c.sentence == sentence and c.relation == "party"
                  and c.subject.type == "Agreement"]
        parties = [c.object for c in before if c.subject.iri == before[-1].subject.iri
                   and isinstance(c.object, Entity)] if before else []
    if not parties and tok.pos_ == "NOUN" and _signed_unsaid(ctx, sentence, t):
        parties = last_pair_met(ctx, t)  # "Quatre textes ont été signés à l'issue de la
        # séance : un accord …": by the two who just met
    sides = _sides_signing(ctx, t)
    if len(sides) >= 2:  # "…, paraphé pour la partie X par A, et pour la partie Y par B": A and
        # B signed it, not the people "les deux parties" stands for
        parties = [p for p in parties if p.type != "Person"] + sides
    parties = list({p.iri: p for p in parties}.values())
    agreement = _the_agreement(ctx, t, label, sentence) if tok.pos_ == "NOUN" else Entity(
        ctx.minter.hashed("Agreement", ctx.document, sentence, t), "Agreement", label, ctx.lang)
    if tok.pos_ == "NOUN":
        ctx.named_agreements.append((sentence, t, agreement))
    date = _date_near(ctx, sentence, t)
    topics = ctx.topics_in(sentence)
    for index in topics:
        ctx.add(agreement, "concerns", ctx.entity_of(index), sentence, "fr.agreement.v1", 0.6,
                date)
    for party in parties:
        ctx.add(agreement, "party", party, sentence, "fr.agreement.v1", 0.6, date)
    signers = _people(parties)
    signed = signing is not None or proceeding is not None or ctx.lemma(
        tok.head.i) in _SIGNING or any(
        c.dep_ == "acl" and c.lemma_ in ("signer", "parapher") for c in tok.children) or (
        t + 2 < len(ctx.doc) and ctx.doc[t + 1].text == ","  # type: ignore[arg-type,index]
        and ctx.lemma(t + 2) in ("signer", "parapher"))  # "Cet accord, paraphé par X et Y"
    if len(signers) >= 2 and status in (None, "planned") and tok.pos_ == "NOUN" and signed:
        record_meeting(ctx, signers, t, sentence, "Meeting", status, "fr.met.signing.v1",
                       "signature")  # they signed (or will sign) it together
    if not topics and not parties:
        return False
    ctx.add(agreement, "status", Literal(_STATUS.get(status, "happened")), sentence,
            "fr.agreement.v1", 0.6, date)
    if date:
        from graph.model.rdf import date_literal

        ctx.add(agreement, "date", date_literal(date), sentence, "fr.agreement.v1", 0.6, date)
    return True


_FEMININE_TEXTS = frozenset({"convention", "déclaration", "feuille", "entente", "charte",
                             "lettre"})


_WHICH = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "qui"})


def _relative_partner(ctx: Context, t: int) -> list[Entity]:
    """Return the one "avec lequel" stands for before a text signed.

    "…, X, avec lequel il a signé une déclaration": X.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, t)]
    for u in range(t - 1, max(s.start, t - 10), -1):
        if doc[u].pos_ == "VERB" and ctx.lemma(u) not in _SIGNING:
            return []
        if doc[u].lower_ == "avec" and u + 1 < t and doc[u + 1].lower_ in _WHICH \
                and u >= 2 and doc[u - 1].text == ",":
            index = ctx.mention_at(u - 2)
            if index is not None and ctx.mentions[index].kind == "Person":
                entity = ctx.entity_of(index)
                return [entity] if entity is not None else []
            return []
    return []


def _signed_it(ctx: Context, verb: int, sentence: int) -> bool:
    """Record who signed the agreement a pronoun stands for: "Il a été signé par X et Y".

    "Un mémorandum … a aussi été conclu. Il a été paraphé par X et Y": the pronoun subject of
    a passive signing verb names the last agreement of its gender read in this sentence or
    the two before; "Ils ont été signés par …" names every agreement of the last sentence
    that named one. Returns whether any signatory was recorded.
    """
    doc: Any = ctx.doc
    pronoun = next((c for c in doc[verb].children if c.dep_ in ("nsubj:pass", "nsubj")
                    and c.lower_ in ("il", "elle", "ils", "elles")), None)
    head = doc[verb].head  # "Le texte, paraphé par X et Y, porte sur …": the text read before
    if pronoun is None and doc[verb].dep_ == "acl" and head.lemma_ in ("texte", "document") \
            and "Part" in doc[verb].morph.get("VerbForm") and any(
                c.lower_ in ("le", "ce", "cet") for c in head.children):
        read = [entity for s, _, entity in ctx.named_agreements if sentence - 2 <= s < sentence]
        signers = signatories(ctx, head) or _agents_after(ctx, verb, {"par"}, limit=3)
        if not read or not signers:
            return False
        for party in signers:
            ctx.add(read[-1], "party", party, sentence, "fr.agreement.pronoun.v1", 0.55)
        if len(_people(signers)) >= 2:
            record_meeting(ctx, _people(signers), verb, sentence, "Meeting", None,
                           "fr.met.signing.v1", "signature")
        return True
    if pronoun is None or not any(c.dep_ == "aux:pass" for c in doc[verb].children):
        return False
    recent = [(s, entity, doc[u].lower_.split("'")[0]) for s, u, entity in ctx.named_agreements
              if sentence - 2 <= s < sentence]
    if not recent:
        return False
    feminine = pronoun.lower_.startswith("elle")
    if pronoun.lower_ in ("ils", "elles"):
        last = recent[-1][0]
        texts = [e for s, e, _ in recent if s == last]
    else:
        texts = [e for _, e, word in recent if (word in _FEMININE_TEXTS) == feminine][-1:]
    signers = signatories(ctx, pronoun) or _sides_signing(ctx, verb)
    if not texts or not signers:
        return False
    date = _date_near(ctx, sentence, verb)
    for agreement in dict.fromkeys(texts):
        for party in signers:
            ctx.add(agreement, "party", party, sentence, "fr.agreement.pronoun.v1", 0.55, date)
    people = _people(signers)
    if len(people) >= 2 and modality(ctx, verb) is None:
        record_meeting(ctx, people, verb, sentence, "Meeting", None, "fr.met.signing.v1",
                       "signature")
    return True


def _signed_unsaid(ctx: Context, sentence: int, t: int) -> bool:
    """Tell whether texts were signed, by no one the sentence names, before a colon and ``t``.

    "Quatre textes ont été signés à l'issue de la séance de travail : un accord …".
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    colon = next((u for u in range(s.start, t) if doc[u].text == ":"), None)
    if colon is None:
        return False
    return any(doc[u].pos_ == "VERB" and ctx.lemma(u) in _SIGNING
               and any(c.dep_ == "aux:pass" for c in doc[u].children)
               and not any(c.dep_ == "obl:agent" for c in doc[u].children)
               for u in range(s.start, colon))


def _post_countries(ctx: Context, person: Entity) -> list[Entity]:
    """Return the countries of the posts the article gives a person so far."""
    posts = {cl.object.iri for cl in ctx.claims if cl.relation == "holdsPosition"  # type: ignore[union-attr]
             and cl.subject.iri == person.iri}
    found = [ctx.entity("Country", c) for _, _, c in ctx.held.get(person.iri, []) if c]
    found += [cl.object for cl in ctx.claims if cl.relation == "country"  # type: ignore[misc]
              and cl.subject.iri in posts and isinstance(cl.object, Entity)]
    return list({e.iri: e for e in found}.values())[:1]


def _two_sides(ctx: Context, t: int, salience: Salience) -> list[Entity]:
    """Return the two countries of "les deux parties ont signé …", "les deux délégations".

    The sides of an agreement are the states its signatories speak for: the last two
    countries named before, as in "les deux pays".
    """
    verb = ctx.doc[t]  # type: ignore[index]
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    sides = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if not sides and verb.i >= 2:  # "…, les deux parties ont signé", parsed otherwise
        u = verb.i - 1
        while u > 0 and ctx.doc[u].pos_ in ("AUX", "ADV"):  # type: ignore[index]
            u -= 1
        sides = [ctx.doc[u]]  # type: ignore[index]
    for c in sides:
        if c.lower_ in ("parties", "délégations", "pays", "gouvernements") and any(
                x.lower_ == "deux" for x in c.children):
            found = two_countries(ctx, c.i)
            if len(found) < 2:  # "le ministre chinois … son homologue kényan": their countries
                people = [] if c.lower_ in ("pays", "gouvernements") else the_two(ctx, c.i)
                found = list(dict.fromkeys(
                    country for p in people or last_pair_met(ctx, c.i)
                    for country in _post_countries(ctx, p)))
            return found if len(found) == 2 else []
    return []


_DEMONSTRATIVE = {"ce", "cet", "cette", "ces"}
_OWN_PHRASE = {"relatif", "relative", "relatifs", "relatives", "portant", "sur", "concernant"}


def _agreement_phrase(ctx: Context, t: int) -> str:
    """Return the words that name one agreement: "mémorandum d'entente", "accord relatif à X"."""
    doc: Any = ctx.doc
    s = next(s for s in ctx.sentences if s.start <= t < s.end)
    words = [doc[t].lower_]  # type: ignore[index]
    u = t + 1
    if u + 1 < s.end and doc[u].lower_ in ("d'", "de", "d’") and \
            doc[u + 1].pos_ == "NOUN":  # type: ignore[index]
        words += [doc[u].lower_, doc[u + 1].lower_]  # type: ignore[index]
        u += 2
    if u < s.end and doc[u].lower_ in ("commune", "conjointe"):  # type: ignore[index]
        words.append(doc[u].lower_)  # type: ignore[index]
        u += 1
    if u < s.end and (doc[u].lower_ in _OWN_PHRASE or doc[u].lower_ == "en" and  # type: ignore[index]
                      u + 1 < s.end and doc[u + 1].lower_ == "matière"):  # type: ignore[index]
        head = doc[t].head.i  # type: ignore[index]
        nouns = ctx.res.trigger("agreement", "nouns")
        while u < s.end and u != head and doc[u].pos_ != "AUX" and not doc[u].is_punct \
                and doc[u].lower_ not in ("ainsi", "qui", "que") and not (  # type: ignore[index]
                    doc[u].lower_ == "et" and u + 2 < s.end and doc[u + 1].pos_ == "DET"
                    and ctx.lemma(u + 2) in nouns):  # "… et un mémorandum": the next text
            words.append(doc[u].lower_)  # type: ignore[index]
            u += 1
    return re.sub(r"\b([dlj])['’] ", r"\1'", " ".join(words))


def _the_agreement(ctx: Context, t: int, lemma: str, sentence: int) -> Entity:
    """Return the one agreement of the article that the noun at ``t`` names.

    "cet accord", "le mémorandum" (no words of its own) name the last agreement of that kind;
    an agreement named again by the same words is the same agreement.
    """
    doc = ctx.doc
    phrase = _agreement_phrase(ctx, t)
    det = doc[t - 1].lower_ if t else ""  # type: ignore[index]
    bare = phrase == doc[t].lower_  # type: ignore[index]
    if bare and det not in _DEMONSTRATIVE and det not in ("le", "l'", "la", "les"):
        # "un accord", "un nouvel accord": another agreement each time it is not named again
        return Entity(ctx.minter.hashed("Agreement", ctx.document, sentence, t), "Agreement",
                      phrase, ctx.lang)
    if bare:
        for known in reversed(list(ctx.agreements.values())):
            if known.label.split()[0] in (lemma, phrase) or lemma in known.label:
                return known
        if det in _DEMONSTRATIVE and lemma == "accord" and ctx.agreements:
            return list(ctx.agreements.values())[-1]  # "un mémorandum … Cet accord …"
    key = _norm(phrase)
    if key not in ctx.agreements:
        ctx.agreements[key] = Entity(ctx.minter.hashed("Agreement", ctx.document, key),
                                     "Agreement", phrase, ctx.lang)
    return ctx.agreements[key]


def _signing_verb_before(ctx: Context, noun: int) -> int | None:
    """Return the signing verb an agreement noun is the object of, read from the words.

    The verb the noun hangs from, else the last "signer", "parapher" or "conclure" before it
    in its clause: "a signé avec son homologue, …, X, un mémorandum" (the parse may hang the
    noun on a title in between).
    """
    doc: Any = ctx.doc
    if doc[noun].head.i < noun and ctx.lemma(doc[noun].head.i) in _SIGNING:
        return int(doc[noun].head.i)
    s = ctx.sentences[sentence_index(ctx, noun)]
    for u in range(noun - 1, max(s.start, noun - 30) - 1, -1):
        if doc[u].pos_ == "VERB" and ctx.lemma(u) in _SIGNING:
            return u
        if doc[u].pos_ in ("VERB", "AUX") and "Fin" in doc[u].morph.get("VerbForm") and not (
                doc[u].dep_.startswith("aux")):
            return None  # another clause's verb
    return None


_SIGNING = frozenset({"signer", "parapher", "conclure"})


def _signature_verb(ctx: Context, noun: int) -> int | None:
    """Return the verb of "X et Y ont procédé (ont assisté) à la signature … d'un accord".

    The agreement noun within a few words after "signature" (no verb between), and the verb
    right before it: "procéder" names the signatories, "assister" the witnesses.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, noun)]
    for u in range(noun - 1, max(s.start, noun - 25) - 1, -1):
        if doc[u].pos_ in ("VERB", "AUX"):
            return None  # "… à la signature de deux textes : une convention …" has none
        if ctx.lemma(u) == "signature":
            for v in range(u - 1, max(s.start, u - 15) - 1, -1):
                if doc[v].pos_ == "VERB":
                    return v
            return None
    return None


def _subjects_named_before(ctx: Context, verb: int) -> list[Entity]:
    """Return the agents named before a sentence's main verb: its subjects, however parsed.

    "Le Togo et la BAD ont procédé …": Togo and the bank; "Le ministre …, X, et l'ambassadeur
    chinois, Y, ont procédé …": X and Y. Only when no other verb comes before it.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, verb)]
    if any(doc[u].pos_ == "VERB" for u in range(s.start, verb)) or any(
            doc[u].text in (":", ";") for u in range(s.start, verb)):
        return []
    found: list[Entity] = []
    for index in ctx.in_sentence(s.index):
        m = ctx.mentions[index]
        if m.start >= verb:
            break
        if m.kind not in ("Person", "Position", "Organization", "Country") or m.start > 0 and \
                doc[m.start - 1].lower_ in ("de", "du", "des", "d'", "d’"):
            continue  # "le ministre de l'Économie du Togo": a complement, not a subject
        entity = ctx.entity_of(index)
        if entity is not None and entity.type != "Position" and entity not in found:
            found.append(entity)
    return found


def signatories(ctx: Context, noun) -> list[Entity]:  # type: ignore[no-untyped-def]
    """Return who signs the agreement a noun names: "signé par X et Y", "entre X et Y".

    Read from the verb the noun is the subject or object of: its subject (when the noun is
    its object), its ``obl:agent``, and an oblique introduced by "entre"; with the people,
    posts, organisations and countries coordinated with them.
    """
    verb = noun.head
    signing = ("signer", "parapher", "conclure", "ratifier", "cosigner", "co-signer")
    participle = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_ in signing),
                      None)
    doc = noun.doc
    if participle is None and noun.i + 2 < len(doc) and doc[noun.i + 1].text == "," \
            and doc[noun.i + 2].lemma_ in signing and doc[noun.i + 2].pos_ == "VERB":
        participle = doc[noun.i + 2]  # "Cet accord, paraphé par X …", however parsed
    if participle is not None:  # "cet accord, paraphé par X et Y, prévoit …"
        verb = participle
    elif verb.pos_ != "VERB" or noun.dep_ not in ("nsubj:pass", "obj", "nsubj") or \
            verb.lemma_ not in signing:
        return []  # "l'accord a été rejeté par le Parlement": not a signatory
    heads = []
    children = list(verb.children)
    if verb.dep_ == "conj" and noun.dep_ == "obj" and not any(
            c.dep_ == "nsubj" for c in children):  # "X ont insisté … et ont signé un accord"
        children += [c for c in verb.head.children if c.dep_ == "nsubj"]
    for c in children:
        if c.dep_ == "obl:agent" or (c.dep_ == "nsubj" and noun.dep_ == "obj"):
            heads.append(c)
        elif c.dep_.startswith("obl") and any(x.lower_ == "entre" for x in c.children):
            heads.append(c)
    out: list[Entity] = []
    seen: set[int] = set()
    while heads:
        h = heads.pop(0)
        if h.i in seen:
            continue
        seen.add(h.i)
        index = ctx.mention_at(h.i)
        if index is not None and ctx.mentions[index].kind in (*AGENT_KINDS, "Country"):
            entity = ctx.entity_of(index)
            if entity is not None and all(e.iri != entity.iri for e in out):
                out.append(entity)
        out += [e for e in the_two(ctx, h.i) if all(e.iri != o.iri for o in out)]
        heads += [x for x in h.children if x.dep_ in ("conj", "appos")]
    if len(out) < 2 and verb.lemma_ in signing:  # the parse may lose the second signatory
        for entity in _agents_after(ctx, verb.i, {"par"}, limit=3) + (
                _agents_after(ctx, verb.i, {"avec"}, limit=3) if out else []):
            # "X a signé avec son homologue, Y, un mémorandum": Y signs too
            if entity.type != "Place" and all(e.iri != entity.iri for e in out):
                out.append(entity)
    return out


def _sides_signing(ctx: Context, verb: int) -> list[Entity]:
    """Return who signed for each side: "paraphé pour la partie X par A, et pour la partie Y par B".

    The agents after each "par" that follows "pour la partie …" / "côté …" in the verb's
    clause (up to the next finite verb, a semicolon or the sentence's end).
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, verb)]
    out: list[Entity] = []
    side = False
    for u in range(verb + 1, min(verb + 50, s.end)):
        if doc[u].text in (";", ":") or doc[u].pos_ in ("VERB", "AUX") and "Fin" in doc[
                u].morph.get("VerbForm"):
            break
        if doc[u].lower_ in ("partie", "côté") and doc[u - 1].lower_ in ("la", "pour", ","):
            side = True
        elif side and doc[u].lower_ == "par":
            out += _agents_after(ctx, u - 1, {"par"}, limit=2)
            side = False
    return out


def _cooperation(ctx: Context, t: int, sentence: int) -> None:
    tok = ctx.doc[t]  # type: ignore[index]
    if tok.pos_ != "NOUN" or ctx.lemma(t) not in ctx.res.trigger("cooperation", "nouns"):
        return
    sides = []
    for e in _agents_after(ctx, t, {"entre", "between"}, limit=5):
        if e.type == "City" or e.type == "Place":
            country = ctx.res.capitals.get(_norm(e.label))
            e = ctx.entity("Country", country) if country else e
        if e.type in ("Country", "Organization"):
            sides.append(e)
    if len(sides) == 2 and modality(ctx, t) != "denied":
        ctx.add(sides[0], "cooperatesWith", sides[1], sentence, "fr.cooperation.v1", 0.6,
                _date_near(ctx, sentence, t))


def _norm(text: str) -> str:
    from graph.model.iri import normalize_label

    return normalize_label(text)


@functools.lru_cache(maxsize=4)
def _event_words(res: Any) -> frozenset[str]:
    """Return every lemma an event rule may start from (the others are skipped at once)."""
    words: set[str] = {"attendre", "appel", "conversation", "communication", "mission",
                       *_DEPARTURES}
    for group, kinds in (("meeting", ("verbs", "with_verbs", "nouns")),
                         ("visit", ("verbs", "motion_verbs", "nouns", "presence_verbs")),
                         ("agreement", ("nouns", "verbs", "phrase_nouns")),
                         ("cooperation", ("nouns",))):
        for kind in kinds:
            words |= res.trigger(group, kind)
    return frozenset(words)


def find_events(ctx: Context, sentence: int, salience: Salience, speaker: Entity | None,
                visits: list[Entity]) -> None:
    """Record the events of one sentence, and the edges that follow from them."""
    s = ctx.sentences[sentence]
    agreed = False
    doc = ctx.doc
    words = _event_words(ctx.res)
    for t in range(s.start, s.end):
        if doc[t].pos_ not in ("VERB", "NOUN"):  # type: ignore[index]
            continue  # every event rule starts from a verb or a noun
        if ctx.lemma(t) not in words:
            continue  # no rule starts from this word
        named = ctx.mention_at(t)
        if named is not None and ctx.mentions[named].kind in ("Person", "Organization"):
            continue  # "Stéphane Séjourné": a name, not the verb « séjourner »
        if ctx.quoted(t):
            if not agreed:
                agreed = _agreement(ctx, t, sentence, salience, speaker)
            continue
        _meeting(ctx, t, sentence, salience)
        _visit(ctx, t, sentence, salience, visits)
        if not agreed or doc[t].pos_ == "NOUN":  # type: ignore[index]
            agreed = _agreement(ctx, t, sentence, salience, speaker) or agreed
        _cooperation(ctx, t, sentence)
