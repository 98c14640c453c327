"""The readers of ``patterns.yaml``: what a matched construction says, read from the parse.

:func:`read_before` runs once per article before the sentence rules (calls and counterparts:
what the other rules need to know); :func:`read_after` runs once per sentence after them
(meetings, visits, posts given by verbs, portfolios, topics). Each reader records claims
named after the pattern that matched (see :mod:`graph.extract.patterns`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace
from typing import Any

from graph.extract.agents import (
    Salience,
    agent_of_token,
    governing_verb,
    left_agents,
    modality,
    person_before_verb,
    pronoun_person,
    sentence_index,
    subjects,
)
from graph.extract.context import AGENT_KINDS, Claim, Context
from graph.extract.events import (
    PLACE_KINDS,
    _agents_after,
    _apposed_visitor,
    _date_near,
    _objects,
    _people,
    _plural,
    _post_countries,
    _the_agreement,
    companions,
    country_of_city,
    event_noun,
    journeys,
    named_event,
    record_meeting,
    record_visit,
)
from graph.extract.mentions import Mention
from graph.extract.patterns import Pattern, find_matches
from graph.extract.places import dateline_capital, dateline_country
from graph.extract.posts import SHARED_DEMONYMS, record_post
from graph.model.iri import normalize_label
from graph.model.records import Entity, Literal

__all__ = ["give_person_countries", "give_post", "give_scene_country", "read_after", "read_before",
           "scene_country"]

_EVENT_KINDS = {"Meeting", "PhoneCall", "Visit", "PressConference", "Agreement"}
_DETS = {"le", "la", "l'", "les", "du", "des", "de", "d'", "au", "aux", "à", "son", "sa", "ses",
         "leur", "leurs", "un", "une", "ce", "cet", "cette", "ces", "notamment", "en"}
_WRAPPERS = {"domaine", "domaines", "question", "questions", "dossier", "dossiers", "secteur",
             "secteurs", "thème", "thèmes", "sujet", "sujets", "volet", "volets", "matière"}


def _matches(ctx: Context) -> list[tuple[Pattern, int, int]]:
    cached = ctx.__dict__.get("_pattern_matches")
    if cached is None:
        doc = getattr(ctx.doc, "_doc", ctx.doc)
        # quoted words say nothing of who did what, but may say what talks were about
        cached = [m for m in find_matches(doc, ctx.lang)
                  if not ctx.quoted(m[1]) or m[0].does == "topic"]
        ctx.__dict__["_pattern_matches"] = cached
    return cached  # type: ignore[no-any-return]


def _anchor(ctx: Context, start: int, end: int, pos: tuple[str, ...] = ("NOUN", "VERB")) -> int:
    """Return the token a match is about: its first noun or verb (else its first token)."""
    for t in range(start, end):
        if ctx.doc[t].pos_ in pos:  # type: ignore[index]
            return t
    return start


# --- before the sentence rules ------------------------------------------------------------


def _call(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
          salience: Salience) -> None:
    ctx.calls.add(sentence)


def _counterpart(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
                 salience: Salience) -> None:
    """Read "son homologue marocain, NAME": who NAME is, and the post NAME holds.

    Not "un message de son chef de l'État à son homologue": the counterpart of a title named
    just before, whose holder the sentence does not name.
    """
    doc = ctx.doc
    s = ctx.sentences[sentence]
    if start >= 2 and doc[start - 1].lower_ in ("à", "au") and any(  # type: ignore[index]
            (i := ctx.mention_at(t)) is not None and ctx.mentions[i].kind == "Position"
            and ctx.mentions[i].end >= start - 2 for t in range(max(s.start, start - 8), start)):
        return
    country = None
    for t in range(start, end):
        country = country or ctx.res.demonym(doc[t].text)  # type: ignore[index]
    if country is None and end < s.end and ctx.res.demonym(doc[end].text):  # type: ignore[index]
        country = ctx.res.demonym(doc[end].text)  # type: ignore[index]
        end += 1  # "ses homologues danois": a demonym the tagger took for a noun
    u = end
    if country is None and u < s.end and doc[u].lower_ in ("de", "du", "d'", "d’"):  # type: ignore[index]
        # "son homologue de la République de Corée, X"
        named = next((i for v in range(u + 1, min(u + 6, s.end))
                      for i in [ctx.mention_at(v)] if i is not None), None)
        if named is not None and ctx.mentions[named].kind == "Country":
            country, u = ctx.mentions[named].key, ctx.mentions[named].end
    more = _paired_counterparts(ctx, country, u, s.end) if country is not None else None
    if more is not None:  # "ses homologues polonais et roumain, X et Y"
        countries, names, u = more
        country = countries[0]
        subject = _counterpart_subject(ctx, start, salience)
        posts = ctx.held.get(subject.iri, []) if subject is not None else []
        for other, named in zip(countries[1:], names[1:], strict=True):
            person = ctx.entity_of(named)
            if posts and person is not None and subject is not None \
                    and person.iri != subject.iri:
                give_post(ctx, person, _national_post(posts), other, sentence, pattern.name,
                          0.6)
    u = _past_name_lead(ctx, u, s.end)
    index = ctx.mention_at(u) if u < s.end else None
    titled = False  # the counterpart's own titles are said: theirs, not the subject's
    if (index is None or ctx.mentions[index].kind == "Position") and u > end \
            and doc[end].text == ",":  # type: ignore[index]
        # "son homologue congolaise, la vice-Première ministre et ministre …, X": X
        index, titles = _name_after_titles(ctx, u, s.end)
        titled = index is not None
        if index is not None and country is not None:  # their own titles, for that country
            for title in titles:
                record_post(ctx, ctx.person_of[index], title, pattern.name, 0.6, country=country)
    person = None
    if index is not None and ctx.mentions[index].kind == "Person":
        person = ctx.entity_of(index)
        after = ctx.mentions[index].end
        own = ctx.mention_at(after + 1) if after + 1 < s.end and doc[after].text == "," else None  # type: ignore[index]
        if not titled and own is not None and ctx.mentions[own].kind == "Position" \
                and ctx.holder.get(own) == person and country is not None and person is not None:
            # "son homologue nigérien, X, Président de la République": X's own post, Niger's
            # (each of them: "vice-Premier ministre et ministre des Affaires étrangères")
            while own is not None and ctx.mentions[own].kind == "Position" \
                    and ctx.holder.get(own) == person:
                record_post(ctx, person, own, pattern.name, 0.6, country=country)
                nxt = own + 1
                own = nxt if nxt < len(ctx.mentions) and ctx.mentions[nxt].sentence == sentence \
                    and doc[ctx.mentions[own].end:ctx.mentions[nxt].start].text.strip() in (  # type: ignore[index]
                        ",", "et", ", et") else None
            titled = True
    subject = _counterpart_subject(ctx, start, salience)
    posts = ctx.held.get(subject.iri, []) if subject is not None else []
    if person is None:  # "avec son homologue français": the holder of that post, if named
        if country is None or subject is None:
            return
        label = posts[0][0].label if posts else None
        for iri, held in ctx.held.items():
            if iri == subject.iri:
                continue
            if any(p.label == label and c == country for p, _, c in held):
                person = next((e for e in ctx.holder.values() if e.iri == iri), None)
                after = end
                break
        if person is None:
            person = _named_before(ctx, sentence, start, subject, country)
            if person is None:
                return
            after = end
            if posts:
                give_post(ctx, person, _national_post(posts), country, sentence,
                          pattern.name, 0.5)
    elif posts and subject is not None and subject.iri != person.iri and country and not titled:
        # "son homologue marocain, X": the same post, for Morocco (no country said: no post)
        post = give_post(ctx, person, _national_post(posts), country, sentence, pattern.name,
                         0.6)
        span = doc[start:end]  # type: ignore[index]
        held = ctx.held.setdefault(person.iri, [])
        if all(p.iri != post.iri for p, _, _ in held):  # "le chef de l'État mauritanien": X
            held.append((post, Mention("Position", start, end, span.start_char, span.end_char,
                                       span.text, sentence, post.label, (country,)), country))
    for t in range(start, end):
        ctx.counterparts[t] = (person, after)
    plural = any(doc[t].lower_ == "homologues" for t in range(start, end))  # type: ignore[index]
    if plural and posts and subject is not None:
        _next_counterparts(ctx, sentence, after, subject, posts, pattern)


def _counterpart_subject(ctx: Context, start: int, salience: Salience) -> Entity | None:
    """Return whose counterpart "son homologue" at ``start`` is: the subject of its verb."""
    before = person_before_verb(ctx, start)
    if before is not None and before[1] <= start:
        return before[0]
    return next(iter(subjects(ctx, start, salience) or subjects(
        ctx, governing_verb(ctx, start), salience)), None)


def _paired_counterparts(ctx: Context, country: str, u: int, end: int
                         ) -> tuple[list[str], list[int], int] | None:
    """Read "[homologues polonais] et roumain, X et Y": the countries and names, in pairs.

    ``country`` is the first demonym's, ``u`` where it ends. Returns every country, the
    person mentions in the same order, and where the first name starts; ``None`` unless at
    least two demonyms and as many names are listed.
    """
    doc: Any = ctx.doc
    countries = [country]
    while u + 1 < end and doc[u].lower_ in (",", "et") and ctx.res.demonym(doc[u + 1].text):
        countries.append(ctx.res.demonym(doc[u + 1].text))  # type: ignore[arg-type]
        u += 2
    if len(countries) < 2 or u >= end or doc[u].text != ",":
        return None
    first = _past_name_lead(ctx, u, end)
    names: list[int] = []
    v = first
    while v < end and len(names) < len(countries):
        index = ctx.mention_at(v)
        if index is None or ctx.mentions[index].kind != "Person":
            return None
        names.append(index)
        v = ctx.mentions[index].end
        while v < end and (doc[v].lower_ in _NAME_LEAD or doc[v].lower_ == "et"):
            v += 1  # ", et M. Y"
    return (countries, names, first) if len(names) == len(countries) else None


_NAME_LEAD = frozenset({",", "m.", "mme", "sem", "s.e.", "monsieur", "madame", "dr", "dr."})
"""What stands between a title (or a demonym) and the name after it: ", M. X"."""


def _past_name_lead(ctx: Context, u: int, end: int) -> int:
    """Return where a name may start after ``u``: past commas and honorifics."""
    doc: Any = ctx.doc
    while u < end and (doc[u].lower_ in _NAME_LEAD or doc[u].lower_ in ("son", "sa") and (
            u + 1 < end and doc[u + 1].lower_ in ("excellence", "majesté", "altesse"))):
        u += 2 if doc[u].lower_ in ("son", "sa") else 1  # "Son Excellence Monsieur X"
    return u


def _next_counterparts(ctx: Context, sentence: int, after: int, subject: Entity, posts: list,  # type: ignore[type-arg]
                       pattern: Pattern) -> None:
    """Read the counterparts a plural "homologues" goes on to name after its first one.

    "ses homologues djiboutien, X, et somalien, Y": Y holds the subject's post for Somalia.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    u = after
    while u + 2 < s.end:
        while u < s.end and doc[u].lower_ in (",", "et"):
            u += 1
        title = ctx.mention_at(u) if u < s.end else None
        if title is not None and ctx.mentions[title].kind == "Position" and \
                ctx.mentions[title].end < s.end and doc[ctx.mentions[title].end].text == ",":
            u = ctx.mentions[title].end  # "…, X, ministre des …, et burkinabè, Y": past the
            continue  # title apposed to the name before
        country = ctx.res.demonym(doc[u].text) if u < s.end else None
        if country is None:
            return
        v = _past_name_lead(ctx, u + 1, s.end)
        index = ctx.mention_at(v) if v < s.end else None
        if index is None or ctx.mentions[index].kind != "Person":
            return
        person = ctx.entity_of(index)
        if person is None or person.iri == subject.iri:
            return
        give_post(ctx, person, _national_post(posts), country, sentence, pattern.name, 0.6)
        ctx.counterparts[u] = (person, ctx.mentions[index].end)
        u = ctx.mentions[index].end


def _name_after_titles(ctx: Context, start: int, end: int) -> tuple[int | None, list[int]]:
    """Return the person mention that the titles from ``start`` introduce, and the titles.

    "la vice-Première ministre et ministre des Affaires étrangères, Mme X": X's mention and
    the two titles' mentions. Only titles, commas, "et", determiners and honorifics may stand
    between; ``(None, [])`` otherwise.
    """
    doc: Any = ctx.doc
    u = start
    titles: list[int] = []
    while u < min(end, start + 30):
        index = ctx.mention_at(u)
        if index is not None and ctx.mentions[index].kind == "Person":
            return (index, titles) if titles and index in ctx.person_of else (None, [])
        if index is not None and ctx.mentions[index].kind in ("Position", "Topic", "Country"):
            if ctx.mentions[index].kind == "Position":
                titles.append(index)
            u = max(u + 1, ctx.mentions[index].end)
            continue
        if doc[u].lower_ not in _BETWEEN_TITLES or doc[u].lower_ == "et" and not titles:
            return None, []  # "son homologue et la ministre X": two people
        u += 1
    return None, []


_BETWEEN_TITLES = frozenset({",", "et", "le", "la", "l'", "l’", "m.", "mme", "sem", "s.e.",
                             "monsieur", "madame", "dr"})


def _national_post(posts: list) -> str:  # type: ignore[type-arg]
    """Return the post a counterpart shares with the subject (a national one if any).

    Only its first portfolio: the counterpart of "ministre des Affaires étrangères et des
    Égyptiens à l'étranger" is a "ministre des Affaires étrangères".
    """
    national = [p.label for p, _, _ in posts if p.label.startswith(_NATIONAL_POSTS)]
    # "chef de l'État" describes what "président" or "roi" names: the name wins
    named = [label for label in national if not label.startswith("chef ")]
    label = (named or national or [posts[0][0].label])[0]
    first = re.split(r",| et d(?:e|es|u|')\b| et à\b", label)[0].strip()
    if "affaires étrangères" in label.lower() and first.lower() != (
            f"{label.split()[0]} des affaires étrangères").lower():
        # "ministre de l'Europe et des Affaires étrangères": the counterpart is the minister
        # of foreign affairs, not "of Europe"
        return f"{label.split()[0]} des Affaires étrangères"
    return first


def _named_before(ctx: Context, sentence: int, start: int, subject: Entity,
                  country: str) -> Entity | None:
    """Return the one person named just before who can be "son homologue français".

    The last person named in the sentence before, other than the subject, whose
    known posts are of that country or of none: "X a été reçu par Y. … X a dîné avec son
    homologue français" is Y.
    """
    for index in reversed(ctx.in_sentence(sentence - 1, "Person") if sentence else []):
        person = ctx.person_of.get(index)
        if person is None or person.iri == subject.iri:
            continue
        countries = {c for _, _, c in ctx.held.get(person.iri, []) if c}
        if countries and country not in countries:
            continue
        return person
    return None


def give_post(ctx: Context, person: Entity, label: str, country: str | None, sentence: int,
              method: str, confidence: float) -> Entity:
    """Record that ``person`` holds the post ``label`` (of ``country``) and return the post."""
    iri = ctx.minter.keyed("Position", label, *([country] if country else []))
    post = Entity(iri, "Position", label, ctx.lang)
    ctx.add(person, "holdsPosition", post, sentence, method, confidence)
    if country:
        ctx.add(post, "country", ctx.entity("Country", country), sentence, method, confidence)
    return post


def _post(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
          salience: Salience) -> None:
    """Read a portfolio given by a verb: "prend la tête du ministère de l'Eau"."""
    doc = ctx.doc
    s = ctx.sentences[sentence]
    words = []
    u = end
    while u < s.end:
        tok = doc[u]  # type: ignore[index]
        if tok.is_punct and tok.text != "," or tok.pos_ in ("VERB", "AUX") or tok.lower_ in (
                "tandis", "alors", "qui", "depuis", "jusqu'"):
            break
        if tok.text == "," and not (u + 1 < s.end and doc[u + 1].lower_ in (  # type: ignore[index]
                "de", "du", "des", "d'", "chargé", "chargée")):
            break
        if tok.lower_ == "et" and not (u + 1 < s.end and doc[u + 1].lower_ in (  # type: ignore[index]
                "de", "du", "des", "d'")):
            break
        words.append(tok.text_with_ws)
        u += 1
    domain = "".join(words).strip()
    if not domain or not domain.lower().startswith(("de ", "du ", "des ", "d'", "d’")):
        return  # "a conservé son poste malgré …": no portfolio named
    named = [doc[t] for t in range(end, u)  # type: ignore[index]
             if doc[t].pos_ in ("NOUN", "PROPN", "ADJ")]  # type: ignore[index]
    if not named or not named[0].text[:1].isupper() or named[0].lower_ in ctx.res.titles:
        return  # "son poste de Premier ministre", "son poste de maire": a title, not a portfolio
    holder_side = pattern.options.get("holder", "subject")
    person = None
    if holder_side == "subject":  # the verb's subject, else the person named last before it
        person = next((e for e in subjects(ctx, _anchor(ctx, start, end, ("VERB",)), salience,
                                           climb=False) if e.type == "Person"), None)
        for t in range(start - 1, s.start - 1, -1):
            if person is not None:
                break
            comma = doc[t].text in (",", ";", ":")  # type: ignore[index]
            if comma and (t == s.start or doc[t - 1].pos_ != "PROPN"):  # type: ignore[index]
                break
            index = ctx.mention_at(t)
            if index is not None and ctx.mentions[index].kind == "Person":
                person = ctx.entity_of(index)
                break
    else:  # "… revient à NAME", "… a été confié à NAME"
        verbs = set(pattern.options.get("verbs", ()))
        if u >= s.end or (verbs and not any(ctx.lemma(v) in verbs for v in range(
                u, min(u + 4, s.end)))):
            return
        for t in range(u, min(u + 10, s.end)):  # "… échoit à un nouveau venu, M. X"
            index = ctx.mention_at(t)
            if index is not None and ctx.mentions[index].kind == "Person":
                person = ctx.entity_of(index)
                break
            if doc[t].text in (".", ";", ":", "«"):  # type: ignore[index]
                break
    if person is None:
        return
    first = domain.split()[0].lower()
    glue = "" if first in ("de", "du", "des") or first.startswith(("d'", "d’")) else "de "
    give_post(ctx, person, f"{pattern.options.get('title', 'ministre')} {glue}{domain}", None,
              sentence, pattern.name, 0.6)


_HEADS = {"état": "chef de l'État", "etat": "chef de l'État",
          "gouvernement": "chef du gouvernement", "diplomatie": "chef de la diplomatie"}
"""What one is at the head of → the post: "à la tête de l'État" is "chef de l'État"."""


def _head_of(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
             salience: Salience) -> None:
    """Read "X, à la tête du gouvernement", "l'arrivée de X à la tête de l'État français"."""
    doc = ctx.doc
    s = ctx.sentences[sentence]
    u = end
    if u < s.end and doc[u].lower_ in ("l'", "l’", "la", "le"):  # type: ignore[index]
        u += 1
    if u >= s.end or doc[u].lower_ not in _HEADS:  # type: ignore[index]
        return
    label = _HEADS[doc[u].lower_]  # type: ignore[index]
    country = ctx.res.demonym(doc[u + 1].lower_) if u + 1 < s.end else None  # type: ignore[index]
    t = start - 1
    if t >= s.start and doc[t].text == ",":  # type: ignore[index]
        t -= 1
    index = ctx.mention_at(t) if t >= s.start else None
    person = ctx.person_of.get(index) if index is not None else None
    if person is None:
        person = next((e for e in subjects(ctx, start, salience, climb=False)
                       if e.type == "Person"), None)
    if person is not None:
        give_post(ctx, person, label, country, sentence, pattern.name, 0.6)


_STAY = {"rester", "demeurer", "passer", "aller", "arriver", "conserver", "garder", "maintenir",
         "nommer", "être", "confirmer", "reconduire", "revenir", "atterrir", "hériter"}
_PREPOSITION_OF = {"à": "de", "au": "du", "aux": "des"}


def _portfolio(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
               salience: Salience) -> None:
    """Read a portfolio named alone: "X reste aux Armées", "dont Y à l'Intérieur"."""
    doc = ctx.doc
    s = ctx.sentences[sentence]
    word = doc[end - 1]  # type: ignore[index]
    if word.text not in _cased(ctx):
        return
    index = ctx.mention_at(word.i)
    if index is not None and ctx.mentions[index].kind not in ("Organization", "Topic"):
        return  # a place named like a portfolio ("à la Défense"): not a post
    person = None
    for t in range(start - 1, max(s.start, start - 5) - 1, -1):
        tok = doc[t]  # type: ignore[index]
        index = ctx.mention_at(t)
        if index is not None:
            if ctx.mentions[index].kind == "Person":
                person = ctx.entity_of(index)
            break
        if tok.pos_ in ("VERB", "AUX") and ctx.lemma(t) not in _STAY:
            return
        if tok.pos_ not in ("VERB", "AUX", "ADV", "PUNCT") and tok.lower_ not in ("a", "été"):
            return
    if person is None:
        return
    u = end
    while u < s.end and (doc[u].pos_ in ("ADJ", "PROPN") or doc[u].text[:1].isupper()  # type: ignore[index]
                         and doc[u].pos_ == "NOUN"):  # type: ignore[index]
        u += 1  # "Affaires étrangères", "Éducation nationale"
    first = doc[start].lower_  # type: ignore[index]
    article = doc[start + 1].text if end - start == 3 else ""  # type: ignore[index]
    domain = "".join(doc[t].text_with_ws for t in range(end - 1, u)).strip()  # type: ignore[index]
    of = _PREPOSITION_OF.get(first, "de")
    glue = " " if article and not article.endswith("'") else ""
    give_post(ctx, person, f"ministre {of} {article}{glue}{domain}", None, sentence,
              pattern.name, 0.55)


@functools.cache
def _cased_words(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:1].upper() + w[1:] for w in words)


def _cased(ctx: Context) -> frozenset[str]:
    """Return the portfolio words as the text writes them (the lexicon is in lower case)."""
    return _cased_words(ctx.res.positions.get("portfolios", frozenset()))


# --- after the sentence rules -------------------------------------------------------------


def _events_in(ctx: Context, sentence: int) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for c in ctx.claims:
        if c.sentence == sentence and c.subject.type in _EVENT_KINDS:
            seen.setdefault(c.subject.iri, c.subject)
    return list(seen.values())


def _meeting(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
             salience: Salience) -> None:
    """Read a meeting trigger of several words: "séance de travail", "lettres de créance"."""
    t = _anchor(ctx, start, end)
    tok = ctx.doc[t]  # type: ignore[index]
    if tok.pos_ == "VERB" and tok.dep_ == "acl" and start <= tok.head.i < end:
        t, tok = tok.head.i, tok.head  # "la copie figurée": the noun, not its participle
    people = subjects(ctx, t, salience)
    if pattern.options.get("sides_only"):  # "X a présidé, avec son homologue Y, la réunion"
        people += _agents_after(ctx, t, {"avec"}, limit=8)
        people += _present_at_talks(ctx, tok, sentence)
    elif pattern.options.get("inverted") and start <= ctx.sentences[sentence].start + 1:
        # "Ont pris part à cette rencontre le ministre X, son homologue Y ainsi que Z": the
        # subject follows the verb, and the parse is lost; every person named after it
        people += [e for m in ctx.in_sentence(sentence, "Person", quoted=True)
                   if ctx.mentions[m].start >= end for e in [ctx.entity_of(m)] if e is not None]
    else:
        people += _agents_after(ctx, end - 1, {"avec", "entre", "de", "du", "par", "à", "au",
                                               "pour"})
        if len(people) < 2:  # "un dîner d'État pour X", "une audience à X"
            people += _agents_after(ctx, start, {"avec", "entre", "par", "à", "au", "pour"},
                                    limit=6)
        if len(_people(people)) < 2:  # "la copie figurée de ses lettres de créance à X"
            people += _agents_after(ctx, end - 1, {"à", "au"}, limit=12)
    verb = tok.head if tok.pos_ == "NOUN" else tok
    if verb.pos_ == "VERB":
        people += _objects(ctx, verb, salience)
        if len(_people(people)) < 2 and _plural(verb):
            # "X et son homologue Y ont coprésidé …": the parse may miss the coordination
            people += left_agents(ctx, verb.i, salience)
    people = _people(people)
    if len(people) == 1 and pattern.options.get("each"):
        # "X a reçu les lettres de créance de trois nouveaux ambassadeurs. Il s'agit de A, de
        # B et de C": one audience with each of them
        status = modality(ctx, t)
        for envoy in _listed_people(ctx, sentence, end):
            if envoy.iri != people[0].iri and status != "hypothetical":
                record_meeting(ctx, [people[0], envoy], t, sentence, "Meeting", status,
                               pattern.name, pattern.options.get("label", tok.lemma_))
        return
    present = {x.object.iri for x in ctx.claims  # type: ignore[union-attr]
               if x.sentence == sentence and x.relation == "participant"}
    if len(people) < 2 or {p.iri for p in people} <= present:
        return
    status = modality(ctx, t)
    if status == "hypothetical":
        return
    kind = pattern.options.get("event", "Meeting")
    if kind == "Meeting" and sentence in ctx.calls:
        kind = "PhoneCall"
    label = pattern.options.get("label", tok.lemma_)
    if label == "@match":  # "une session de négociations": its own words
        label = ctx.doc[start:end].text.lower()  # type: ignore[index]
    if label == "@object":  # "ont coprésidé un séminaire intergouvernemental": a séminaire
        obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"
                    and c.lower_ not in _TIME_WORDS), None)
        label = " ".join([obj.lemma_, *[c.text for c in obj.children if c.dep_ == "amod"
                                        and c.i == obj.i + 1]]) if obj is not None else "réunion"
    record_meeting(ctx, people, t, sentence, kind, status, pattern.name, label)


def _present_at_talks(ctx: Context, verb, sentence: int) -> list[Entity]:  # type: ignore[no-untyped-def]
    """Return who was present at talks someone presided: "… présidée par X, en présence de Y".

    Only talks ("la réunion", "les travaux"), not a ceremony: the present are the other
    sides of the meeting.
    """
    doc: Any = ctx.doc
    held = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") and c.pos_ == "NOUN"]
    if not any(ctx.lemma(c.i) in ctx.res.trigger("meeting", "nouns") or c.lemma_ in _SESSIONS
               for c in held):
        return []
    s = ctx.sentences[sentence]
    at = next((u for u in range(verb.i + 1, s.end - 2) if doc[u].lower_ == "en"
               and doc[u + 1].lower_ == "présence"), None)
    return [] if at is None else _agents_after(ctx, at + 1, {"de", "du", "des", "d'"}, limit=4)


_SESSIONS = frozenset({"session", "séance", "travaux", "concertation", "consultation",
                       "commission"})
"""Nouns of talks presided over ("la séance, présidée par X, en présence de Y")."""


_ANNOUNCED = frozenset({"ambassadeur", "ambassadrice", "diplomate", "représentant", "chef",
                        "envoyé", "émissaire"})
"""Nouns of a group of envoys whose members the text lists after it."""
_LISTS = ("il s'agit", "il s’agit", "ce sont", "ils sont")
"""Openings of a sentence that lists the group the sentence before announced."""


def _listed_people(ctx: Context, sentence: int, end: int) -> list[Entity]:
    """Return the people a plural noun of envoys after ``end`` announces, as the text lists them.

    "… les lettres de créance de trois nouveaux ambassadeurs : A, B et C", or in the next
    sentence, "Il s'agit de A, de B et de C". Nothing when no plural envoy noun comes first.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    colon = next((u for u in range(end, s.end) if doc[u].text == ":"), None)
    stop = colon if colon is not None else s.end
    if not any(ctx.lemma(u) in _ANNOUNCED and "Plur" in doc[u].morph.get("Number")
               for u in range(end, stop)):
        return []
    if colon is not None:
        found = [i for i in ctx.in_sentence(sentence, "Person") if ctx.mentions[i].start > colon]
    elif sentence + 1 < len(ctx.sentences) and doc[
            ctx.sentences[sentence + 1].start:ctx.sentences[sentence + 1].start + 3
            ].text.lower().replace("' ", "'").startswith(_LISTS):
        found = ctx.in_sentence(sentence + 1, "Person")
    else:
        return []
    people = [e for i in found for e in [ctx.entity_of(i)] if e is not None]
    return list({p.iri: p for p in people}.values())


def _call_event(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
                salience: Salience) -> None:
    """Read a call with no meeting trigger ("X a téléphoné à Y"): a ``kg:PhoneCall``."""
    if any(e.type == "PhoneCall" for e in _events_in(ctx, sentence)):
        return
    t = _anchor(ctx, start, end)
    people = _people(subjects(ctx, t, salience) + _agents_after(
        ctx, end - 1, {"avec", "à", "entre"}, limit=10))
    status = modality(ctx, t)
    if status != "hypothetical":
        record_meeting(ctx, people, t, sentence, "PhoneCall", status, pattern.name, "appel")


def _around(ctx: Context, token: int, limit: int = 12) -> tuple[list[Entity], list[Entity]]:
    """Return the visitors ("effectuée par X") and places ("à Rabat, au Maroc") after a token."""
    s = ctx.sentences[sentence_index(ctx, token)]
    doc = ctx.doc
    visitors: list[Entity] = []
    places: list[Entity] = []
    t = token + 1
    while t < min(token + limit, s.end):
        tok = doc[t]  # type: ignore[index]
        if tok.text in (".", ";", ":", "«") or (tok.pos_ == "VERB" and tok.lower_ not in (
                "effectuée", "effectué", "entamée", "entamé")):
            break
        index = ctx.mention_at(t)
        if index is None:
            t += 1
            continue
        m = ctx.mentions[index]
        entity = ctx.entity_of(index)
        before = {doc[b].lower_ for b in range(max(s.start, m.start - 3), m.start)}  # type: ignore[index]
        if entity is not None and m.kind in PLACE_KINDS and before & {"à", "en", "au", "aux"}:
            if all(e.iri != entity.iri for e in places):
                places.append(entity)
        elif entity is not None and m.kind in AGENT_KINDS and before & {"par", "de", "du"} \
                and not places:
            visitors.append(entity)
        elif entity is not None and any(v.iri == entity.iri for v in visitors):
            pass  # "effectuée par le président, X": the title and its holder's name
        elif m.kind in AGENT_KINDS:
            break
        t = m.end
    return _people(visitors), places


_HOSTING = {"accueillir", "abriter", "recevoir", "organiser"}
_SUPPORT = {"effectuer", "entamer", "achever", "terminer", "poursuivre", "commencer", "mener",
            "conclure", "être", "faire", "débuter", "boucler", "clore", "clôturer"}
"""Verbs whose subject makes the visit a noun names ("X a entamé une visite")."""


def _visit(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
           salience: Salience) -> None:
    """Read a visit trigger of several words: "en visite de travail à X", "visite d'État"."""
    t = _anchor(ctx, start, end)
    people, places = _around(ctx, end - 1)
    host = ctx.doc[t].head  # type: ignore[index]
    if not places and host.pos_ == "VERB" and ctx.lemma(host.i) in _HOSTING:
        # "La Tunisie a accueilli la visite de X": the host is the place
        for c in host.children:
            index = ctx.mention_at(c.i) if c.dep_ == "nsubj" else None
            entity = ctx.entity_of(index) if index is not None else None
            if entity is not None and entity.type in PLACE_KINDS:
                places = [entity]
    if not places:
        return
    tok = ctx.doc[t]  # type: ignore[index]
    supported = tok.pos_ != "NOUN" or ctx.lemma(tok.head.i) in _SUPPORT or (
        t > 0 and ctx.doc[t - 1].lower_ == "en")  # type: ignore[index]
    apposed = _apposed_visitor(ctx, t) if not people else None
    if apposed is not None:  # "… avec son homologue, Y, en visite de travail au Maroc": Y
        people = [apposed]
    if not people and supported:  # "X effectue une visite …", "X est en visite …"
        people = _people(subjects(ctx, t, salience))
    if not people:
        return
    status = modality(ctx, t)
    if status == "hypothetical":
        return
    if pattern.options.get("status"):
        status = pattern.options["status"]
    done = {(c.subject.iri, c.object.iri) for c in ctx.claims  # type: ignore[union-attr]
            if c.relation == "visited" and c.sentence == sentence}
    date = _date_near(ctx, sentence, t, status)
    named = {p.iri for p in places}
    for person in people:
        for place in places:
            if (person.iri, place.iri) not in done:  # "à Rabat, au Maroc": both, once each
                country = country_of_city(ctx, place)
                record_visit(ctx, person, place, sentence, date, status, pattern.name, 0.65,
                             country_too=country is None or country.iri not in named)


def _presence(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
              salience: Salience) -> None:
    """Read "X était à Bamako dimanche": an office holder is in a city or country.

    Only people who hold a post (the travels of officials are visits), only a city or a
    country named right after the preposition. "Après le Sénégal et la Côte d'Ivoire, X
    était à Bamako": the places of the tour before it are visits too.
    """
    u = end
    if u < ctx.sentences[sentence].end and ctx.doc[u].lower_ in ("la", "l'", "le"):  # type: ignore[index]
        u += 1
    index = ctx.mention_at(u)
    if index is None or ctx.mentions[index].kind not in ("City", "Country"):
        return
    place = ctx.entity_of(index)
    before = ctx.mention_at(start - 1) if start else None  # "X était à …", however parsed
    named = [ctx.person_of[before]] if before in ctx.person_of else subjects(
        ctx, start, salience, climb=False)
    people = [p for p in _people(named) if ctx.holds_post(p)]
    status = modality(ctx, start)
    if place is None or not people or status in ("hypothetical", "denied"):
        return
    date = _date_near(ctx, sentence, start, status)
    for person in people:
        record_visit(ctx, person, place, sentence, date, status, pattern.name, 0.55)
        for stop in _tour_before(ctx, sentence):
            record_visit(ctx, person, stop, sentence, None, status, pattern.name, 0.5)


def _tour_before(ctx: Context, sentence: int) -> list[Entity]:
    """Return the places of "Après le Sénégal et la Côte d'Ivoire, …" opening a sentence."""
    s = ctx.sentences[sentence]
    if ctx.doc[s.start].lower_ != "après":  # type: ignore[index]
        return []
    places = []
    t = s.start + 1
    while t < s.end and ctx.doc[t].text != ",":  # type: ignore[index]
        index = ctx.mention_at(t)
        if index is not None and ctx.mentions[index].kind in ("City", "Country"):
            entity = ctx.entity_of(index)
            if entity is not None:
                places.append(entity)
            t = ctx.mentions[index].end
            continue
        if ctx.doc[t].lower_ not in ("le", "la", "l'", "les", "et", "avoir", "visité"):  # type: ignore[index]
            return []  # "Après la réunion, …": not a tour
        t += 1
    return places


def _gathering(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
               salience: Salience) -> None:
    """Read "X a pris part au sommet de l'UA à Addis-Abeba": X went there, if abroad.

    The gathering is a noun of ``gatherings`` after "à"/"au"; its places are the cities and
    countries named after "à", "au", "aux" or "en" before the clause ends. Whether that is
    abroad is known only once the article's countries are: :func:`visits_at_gatherings`.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    nouns = ctx.res.trigger("visit", "gatherings")
    u, seen_to = end, False
    while u < min(s.end, end + 14) and not (seen_to and ctx.lemma(u) in nouns):
        seen_to = seen_to or doc[u].lower_ in ("à", "au", "aux")
        u += 1
    if u >= min(s.end, end + 14):
        return
    places: list[Entity] = []
    t = u + 1
    while t < s.end and doc[t].lower_ not in _CLAUSE_ENDS:
        index = ctx.mention_at(t)
        if index is not None and ctx.mentions[index].kind in ("City", "Country", "Place") and \
                doc[t - 1].lower_ in ("à", "au", "aux", "en"):
            place = ctx.entity_of(index)
            if place is not None:
                places.append(place)
            t = ctx.mentions[index].end
            continue
        t += 1
    status = modality(ctx, start)
    people = [p for p in _people(subjects(ctx, start, salience)) if ctx.holds_post(p)]
    if not places or status in ("hypothetical", "denied"):
        return
    date = _date_near(ctx, sentence, start, status)
    for person in people:
        ctx.gatherings.append((person, tuple(places), sentence, date, status, pattern.name))


_CLAUSE_ENDS = frozenset({";", ".", "où", "qui", "dont", "lors", "avant", "puis", "afin", "pour"})
"""Words that end the phrase naming a gathering attended ("au sommet de l'UA, où …")."""


def visits_at_gatherings(ctx: Context) -> None:
    """Record the gatherings attended in another country than one's own as visits."""
    countries: dict[str, set[str]] = {}
    for c in ctx.claims:
        if c.relation == "country" and c.subject.type == "Person" and isinstance(c.object, Entity):
            countries.setdefault(c.subject.iri, set()).add(c.object.label)
    for person, places, sentence, date, status, name in ctx.gatherings:
        home = countries.get(person.iri)
        where = {_visited_country(ctx, place) for place in places} - {None}
        if not home or len(where) != 1 or where & home:
            continue  # at home, or a country not known: no visit
        for place in places:
            record_visit(ctx, person, place, sentence, date, status, name, 0.55)


_TOPIC_STOPS = {"qui", "que", "qu'", "dont", "afin", "lors", "pour", "selon", "où", "car",
                "depuis", "alors", "tandis", "avant", "après"}
_PROCESS = {"ranimation", "renforcement", "développement", "promotion", "consolidation",
            "intensification", "relance", "amélioration", "approfondissement", "élargissement",
            "diversification", "institutionnalisation", "encadrement", "mise", "exploitation",
            "protection", "préservation"}
"""Nouns of a process whose complement is the topic too ("renforcement de la sécurité")."""
_TOPIC_SEPARATORS = {",", "et", "ou", "notamment", "ainsi", "savoir", "comme", "y", "compris",
                     "mais", "aussi", "également", "particulièrement", "surtout"}


def _subject_span(ctx: Context, start: int) -> tuple[int, int] | None:
    """Return the tokens of the subject of the verb a trigger belongs to (passive topics).

    "X et Y sont les questions qui seront abordées": the subject of "qui" is "questions",
    whose own subject, X et Y, is the span returned.
    """
    tok = ctx.doc[start]  # type: ignore[index]
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "aux:pass", "aux:tense", "cop"):
            break
        tok = tok.head
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if subj and subj[0].lower_ == "qui" and tok.dep_ == "acl:relcl":
        subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not subj:
        return None
    tokens = [x.i for x in subj[0].subtree]
    return min(tokens), max(tokens) + 1


def _segments(ctx: Context, end: int, stop: int | None = None, *,
              wrapped: bool = False) -> list[list[int]]:
    """Split what follows a topic trigger into its listed items.

    "ont abordé les relations bilatérales, notamment la sécurité, ainsi que la situation en
    Libye et au Sahel" → relations bilatérales | sécurité | situation en Libye | Sahel.
    The list ends at the clause's end: a verb, a relative pronoun, a purpose. ``wrapped``: the
    trigger announced several items ("dans les domaines de"), so "et de" starts the next one.
    """
    doc = ctx.doc
    s = ctx.sentences[sentence_index(ctx, end - 1 if stop is None else end)]
    items: list[list[int]] = [[]]
    t = end
    while t < (stop if stop is not None else s.end):
        tok = doc[t]  # type: ignore[index]
        nxt = doc[t + 1].lower_ if t + 1 < s.end else ""  # type: ignore[index]
        if (tok.lower_, nxt) in (("à", "savoir"), ("ainsi", "que"), ("tels", "que"),
                                 ("telles", "que"), ("tel", "que"), ("telle", "que")):
            t += 2
            if items[-1]:
                items.append([])
            continue
        after = doc[t + 2].lower_ if t + 2 < s.end else ""  # type: ignore[index]
        if (tok.lower_, nxt) in (("en", "marge"), ("à", "l'")) and (
                nxt == "marge" or after in ("approche", "occasion", "issue", "heure")):
            break  # "à l'approche des réunions": when, not what
        if tok.lower_ in ("concernant", "touchant") and items[-1]:
            items[-1] = []  # "les dernières évolutions concernant X": X
            t += 1
            continue
        if (tok.lower_, nxt) in (("à", "travers"), ("grâce", "à"), ("par", "le"), ("par", "la"),
                                 ("par", "l'"), ("par", "les"), ("par", "des"), ("par", "un"),
                                 ("par", "une")) and items[-1] and not (
                tok.lower_ == "par" and "Part" in doc[t - 1].morph.get("VerbForm")):  # type: ignore[index]
            # "la lutte contre le terrorisme à travers des programmes": how, not what; the
            # list goes on after it ("l'aide par le point de passage de Rafah, la reconstruction")
            t += 2
            while t < s.end and doc[t].text not in (",", ";", ".") and not (  # type: ignore[index]
                    doc[t].lower_ == "ainsi" and t + 1 < s.end and doc[t + 1].lower_ == "que"):  # type: ignore[index]
                t += 1
            if t < s.end and doc[t].text == ",":  # type: ignore[index]
                items.append([])
                t += 1
            continue
        if (tok.lower_, nxt) == ("en", "particulier") or [
                doc[u].lower_ for u in range(t, min(t + 4, s.end))] == [  # type: ignore[index]
                "en", "ce", "qui", "concerne"]:
            # "leurs objectifs, en particulier, en ce qui concerne l'Union africaine, et …"
            t += 2 if nxt == "particulier" else 4
            if items[-1]:
                items.append([])
            continue
        if tok.pos_ == "VERB" and "Inf" in tok.morph.get("VerbForm") and t >= 1 \
                and doc[t - 1].lower_ in ("de", "d'") and _means(ctx, items[-1]):  # type: ignore[index]
            # "les moyens de développer et de renforcer X", "possibilités de promouvoir X"
            items[-1] = []
            t += 1
            while t + 1 < s.end and doc[t].lower_ == "et" and doc[t + 1].lower_ in (  # type: ignore[index]
                    "de", "d'") and t + 2 < s.end and doc[t + 2].pos_ == "VERB":  # type: ignore[index]
                t += 3
            continue
        if tok.text == "(" and items[-1]:  # "du Forum (FOCAC), les infrastructures": the
            close = next((u for u in range(t + 1, min(t + 8, s.end))  # acronym is no stop
                          if doc[u].text == ")"), None)  # type: ignore[index]
            if close is not None:
                t = close + 1
                continue
        if not items[-1] and len(items) > 1 and tok.pos_ == "VERB" and \
                "Part" in tok.morph.get("VerbForm"):
            break  # "la session de la commission, attendue à Hanoï": no item starts so
        if items[-1] and tok.pos_ == "VERB" and tok.lower_ not in _TOPIC_TRIGGERS and (
                "Part" in tok.morph.get("VerbForm") and tok.dep_ != "ROOT"
                and not any(c.dep_.startswith("aux") for c in tok.children)):
            # "les engagements pris lors du sommet", "les efforts visant à consolider X": the
            # participle qualifies the item, which goes on to the next separator
            items[-1].append(t)
            t += 1
            continue
        if tok.lower_ == "lors" and items[-1] and "Part" in doc[t - 1].morph.get(  # type: ignore[index]
                "VerbForm") and doc[t - 1].pos_ == "VERB":  # type: ignore[index]
            items[-1].append(t)  # "les engagements pris lors du sommet": when they were made
            t += 1
            continue
        if tok.lower_ in _ITEM_CLAUSES and items[-1]:
            # "les engagements pris lors du sommet, les infrastructures …", "les relations qui
            # lient A et B ainsi que …": the clause ends this item; the list goes on at the next
            # item (a comma and a determiner, or "ainsi que")
            resume = _next_item(ctx, t, s.end)
            if resume is None:
                break
            items.append([])
            t = resume
            continue
        quote_mark = tok.text in ("«", "»", '"') and not ctx.quoted(end)
        complement = tok.pos_ == "VERB" and "Inf" in tok.morph.get("VerbForm") and t >= 2 \
            and doc[t - 1].lower_ in ("de", "à") and (  # type: ignore[index]
                doc[t - 2].pos_ == "NOUN" or doc[t - 2].dep_ == "nmod"  # type: ignore[index]
                or "Part" in doc[t - 2].morph.get("VerbForm"))  # type: ignore[index]
        if tok.lower_ == "pour" and items[-1] and nxt in ("les", "des") and after and doc[  # type: ignore[index]
                t + 2].pos_ == "NOUN":
            items[-1].append(t)  # "exemption de visa pour les titulaires de passeports …"
            t += 1
            continue
        if tok.lower_ == "pour" and _in_name(ctx, items[-1], t):
            items[-1].append(t)  # "la Banque confédérale pour l'investissement": its name
            t += 1
            continue
        compass = tok.lower_ == "est" and doc[t - 1].lower_ in ("l'", "l’")  # type: ignore[index]
        if tok.text in (".", ";", "(", ")") or quote_mark or tok.lower_ in _TOPIC_STOPS or (
                tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "acl", "nmod")
                and not complement and not compass):  # "la crise dans l'est du pays" goes on
            if tok.pos_ in ("VERB", "AUX") and len(items) > 1 and items[-1] \
                    and doc[items[-1][0] - 1].text == "," and any(  # type: ignore[index]
                        doc[u].lower_ == "et" for u in range(end, items[-1][0])):  # type: ignore[index]
                items.pop()  # "axé sur X, Y et Z, la diplomate a rappelé": the verb's subject
            break  # "des permis de conduire" (a noun the parser took for a verb) goes on
        if tok.text == ":" and any(items):
            if _container(ctx, items[-1]):
                items[-1] = []  # "deux cibles principales : le terrorisme et la drogue"
                t += 1
                continue
            break
        if tok.lower_ in ("un", "une", "des") and t + 1 < s.end and ctx.lemma(t + 1) in \
                ctx.res.trigger("agreement", "nouns") and t > end \
                and doc[t - 1].lower_ not in _DE_WORDS:  # type: ignore[index]
            break  # "un mémorandum sur X et un accord sur Y": Y is the next agreement's
        words = [doc[u].lower_ for u in range(t, min(t + 3, s.end))]  # type: ignore[index]
        between_pair = words[:1] == ["entre"] and (words[1:3] in (["les", "deux"], ["nos", "deux"])
                                                   or words[1:2] == ["leurs"])
        if between_pair and (doc[t + 3 if words[2] == "deux" else t + 2].lower_  # type: ignore[index]
                             not in _PAIR_NOUNS):
            # "la coopération entre les deux parlements": a topic of its own, also named
            # without them (topic_variants)
            items[-1].append(t)
            t += 1
            continue
        if words[:3] in (["entre", "les", "deux"], ["dans", "les", "deux"],
                         ["pour", "les", "deux"]) or words[:2] in (["des", "deux"],
                                                                 ["entre", "leurs"]):
            # "le partenariat entre les deux pays": the topic is the partnership
            t += 4 if words[1] in ("les", "leurs") else 3
            while t < s.end and doc[t].pos_ == "ADJ":  # type: ignore[index]
                t += 1  # "… entre les deux institutions législatives"
            continue
        if tok.lower_ in ("dans", "en") and nxt in ("le", "les") and after in (
                "domaine", "domaines", "secteur", "secteurs") and items[-1]:
            items.append([])  # "l'encadrement du partenariat dans les domaines économique …"
            wrapped = wrapped or after in ("domaines", "secteurs")
            t += 3
            continue
        if not items[0] and tok.lower_ in _WRAPPERS:
            wrapped = True
        if tok.lower_ in _TOPIC_SEPARATORS or tok.text == ":":
            # "la frontière entre la Russie et l'Ukraine": "et" after "entre" joins its sides
            between = max((u for u in items[-1] if doc[u].lower_ == "entre" and not (  # type: ignore[index]
                doc[u + 1].lower_ == "leurs" or doc[u + 2].lower_ == "deux")), default=-1) > max(  # type: ignore[index]
                (u for u in items[-1] if doc[u].lower_ == "et"), default=-1)  # type: ignore[index]
            if tok.lower_ in (",", "et") and not wrapped and nxt in ("de", "du", "des", "d'") \
                    and _inner_de(ctx, items[-1]):
                # "transports de voyageurs et de marchandises": one item, the second "de"
                # parallel to the first; not "la pêche et de l'aquaculture" after "domaine de"
                items[-1].append(t)
            elif tok.text == "," and items[-1] and not wrapped and _adjectives(ctx, t) \
                    and _adjective_list(ctx, t):
                items[-1].append(t)  # "l'embargo économique, commercial et financier"
            elif tok.lower_ == "et" and items[-1] and _second_place(ctx, items[-1], t):
                items[-1].append(t)  # "la situation au Soudan et en Libye": one situation
            elif tok.lower_ == "et" and items[-1] and not wrapped and _adjectives(ctx, t):
                # "coopération militaire et sécuritaire", "petites et moyennes entreprises"
                items[-1].append(t)
            elif tok.lower_ == "et" and (between or _name_goes_on(ctx, items[-1], t)):
                items[-1].append(t)  # "la frontière entre la Russie et l'Ukraine": one item
            elif items[-1]:
                items.append([])
        else:
            items[-1].append(t)
        t += 1
    return [i for i in items if i]


def _inner_de(ctx: Context, item: list[int]) -> bool:
    """Tell whether a list item has a "de" complement of its own noun ("transports de …").

    Not the "de" of a wrapping noun ("les questions de climat"): that one announced a list.
    """
    doc: Any = ctx.doc
    head = next((u for u in item if doc[u].pos_ in ("NOUN", "PROPN")
                 and doc[u].lower_ not in _WRAPPERS), None)
    return head is not None and any(doc[u].lower_ in _DE_WORDS for u in item if u > head)


def _adjectives(ctx: Context, t: int) -> bool:
    """Tell whether the "et" at ``t`` joins two adjectives ("militaire et sécuritaire")."""
    doc: Any = ctx.doc
    return (doc[t - 1].pos_ == "ADJ" or doc[t - 1].lower_ in _SIZES) and t + 1 < len(doc) \
        and doc[t + 1].pos_ == "ADJ"


def _adjective_list(ctx: Context, t: int) -> bool:
    """Tell whether the comma at ``t`` lists adjectives that "et" closes ("a, b et c")."""
    doc: Any = ctx.doc
    for u in range(t + 1, min(t + 8, len(doc) - 1)):
        if doc[u].pos_ != "ADJ" and doc[u].text != ",":
            return doc[u].lower_ == "et" and doc[u + 1].pos_ == "ADJ"
    return False


_PLACE_PREPOSITIONS = frozenset({"en", "au", "aux", "à", "dans"})


def _second_place(ctx: Context, item: list[int], t: int) -> bool:
    """Tell whether the "et" at ``t`` adds a second place to an item's place.

    "la situation au Mali et en Libye" is one item; "à la lutte contre …" starts another.
    """
    doc: Any = ctx.doc

    def place_at(u: int) -> bool:
        u += 1 if u < len(doc) and doc[u].lower_ in ("l'", "l’", "la", "le") else 0
        index = ctx.mention_at(u) if u < len(doc) else None
        return index is not None and ctx.mentions[index].kind in PLACE_KINDS
    return t + 1 < len(doc) and doc[t + 1].lower_ in _PLACE_PREPOSITIONS and place_at(t + 2) \
        and any(doc[u].lower_ in _PLACE_PREPOSITIONS and place_at(u + 1) and any(
            doc[v].pos_ == "NOUN" for v in item if v < u) for u in item)


def _in_name(ctx: Context, item: list[int], t: int) -> bool:
    """Tell whether "pour" at ``t`` goes on an organisation's name ("Fonds … pour l'…")."""
    doc: Any = ctx.doc
    if not item or t + 1 >= len(doc) or doc[t + 1].lower_ not in ("l'", "l’", "la", "le"):
        return False
    return any(
        doc[u].text[:1].isupper() and doc[u].pos_ in ("NOUN", "PROPN") and u > 0
        and doc[u - 1].lower_ in ("la", "le", "l'", "l’", "du", "de", "des", "une", "un")
        and (ctx.mention_at(u) is None or ctx.mentions[ctx.mention_at(u)].kind  # type: ignore[index]
             not in (*PLACE_KINDS, "Person"))  # "entre la Chine et le Sénégal pour …"
        for u in item[-3:])


def _name_goes_on(ctx: Context, item: list[int], t: int) -> bool:
    """Tell whether the "et" at ``t`` joins two bare nouns of a name's "pour" phrase.

    "la Banque … pour l'investissement et le développement": one name.
    """
    doc: Any = ctx.doc
    fors = [k for k, u in enumerate(item) if doc[u].lower_ == "pour"]
    return bool(fors) and not any(doc[u].lower_ == "et" for u in item[fors[-1]:]) and _in_name(
        ctx, item[:fors[-1]], item[fors[-1]]) and len(item) - fors[-1] <= 4 \
        and t + 3 < len(doc) and doc[t + 1].pos_ == "DET" and doc[t + 2].pos_ == "NOUN" \
        and (doc[t + 3].pos_ in ("PUNCT", "CCONJ") or doc[t + 3].lower_ == "ainsi")


_PAIR_NOUNS = frozenset({"pays", "nations", "peuples", "états", "etats", "parties", "côtés",
                         "capitales", "gouvernements", "chefs", "dirigeants", "présidents"})
"""What "entre les deux …" names when it only says whose the topic is ("entre les deux pays")."""


_SIZES = frozenset({"petit", "petite", "petits", "petites", "grand", "grande", "grands",
                    "grandes", "moyen", "moyenne", "moyens", "moyennes"})
_TOPIC_TRIGGERS = {"visant", "portant", "axé", "axée", "axés", "axées", "relatif", "relative",
                   "relatifs", "relatives", "concernant", "touchant", "lié", "liée", "liés",
                   "liées", "centré", "centrée", "centrés", "centrées"}
"""Participles that open a topic phrase of their own (fr.concerns.phrase.v1), not a
qualifier of the item before them."""
_ITEM_CLAUSES = {"qui", "dont", "lors", "où", "depuis"}
"""Words that open a clause inside a list item, after which the list may go on."""
_ITEM_OPENERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "son", "sa", "ses", "leur",
                 "leurs", "du", "de", "d'", "d’", "au", "aux"}


def _next_item(ctx: Context, t: int, end: int) -> int | None:
    """Return where the next item of a list starts after a clause inside one, or ``None``."""
    doc: Any = ctx.doc
    for u in range(t + 1, min(t + 30, end - 1)):
        if doc[u].text in (".", ";", ":") or doc[u].pos_ in ("VERB", "AUX") and (
                "Fin" in doc[u].morph.get("VerbForm")) and doc[u - 1].text == ",":
            return None  # "…, a précisé le ministre": the list is over
        if doc[u].lower_ == "ainsi" and doc[u + 1].lower_ == "que":
            return u
        if doc[u].text == "," and doc[u + 1].lower_ in _ITEM_OPENERS:
            return u + 1
    return None


_CONTAINERS = {"cible", "cibles", "priorité", "priorités", "axe", "axes", "point", "points",
               "objectif", "objectifs", "thème", "thèmes", "sujet", "sujets", "question",
               "questions", "dossier", "dossiers", "domaine", "domaines", "volet", "volets"}
"""Nouns that announce a list after a colon ("deux priorités : …")."""


_MEANS = {"moyen", "moyens", "possibilité", "possibilités", "manière", "manières", "façon",
          "façons", "voie", "voies", "nécessité", "opportunité", "opportunités"}


def _means(ctx: Context, item: list[int]) -> bool:
    """Tell whether a list item so far only names a way to act ("les moyens de …")."""
    doc: Any = ctx.doc
    nouns = [t for t in item if doc[t].pos_ == "NOUN"]
    return len(nouns) == 1 and doc[nouns[0]].lower_ in _MEANS and item[-1] == nouns[0] + 1 \
        and doc[item[-1]].lower_ in ("de", "d'")


def _container(ctx: Context, item: list[int]) -> bool:
    """Tell whether a list item only announces the list that follows it after a colon."""
    nouns = [t for t in item if ctx.doc[t].pos_ == "NOUN"]  # type: ignore[index]
    return len(nouns) == 1 and ctx.doc[nouns[0]].lower_ in _CONTAINERS  # type: ignore[index]


_DE_WORDS = frozenset({"de", "du", "des", "d'", "d’"})


def _item_label(ctx: Context, item: list[int], *, demonym: bool = False) -> str | None:
    """Return the topic an item of a list names, without articles or a wrapping noun.

    Without a demonym at its end ("… des forces de sécurité maliennes"), unless ``demonym``.
    """
    doc: Any = ctx.doc
    tokens = list(item)
    for _ in range(3):
        while tokens and (doc[tokens[0]].lower_ in _DETS  # type: ignore[index]
                          or doc[tokens[0]].pos_ in ("DET", "ADP", "PUNCT", "NUM")
                          or doc[tokens[0]].pos_ == "ADV" and not (  # type: ignore[index]
                              # "du dessalement de l'eau": a noun the tagger took for an adverb
                              doc[tokens[0]].dep_ in ("conj", "obj", "nmod", "obl:arg")  # type: ignore[index]
                              and len(tokens) > 1 and doc[tokens[1]].lower_ in _DE_WORDS)):  # type: ignore[index]
            tokens = tokens[1:]
        if tokens and doc[tokens[0]].lower_ in _WRAPPERS and len(tokens) > 1 and not all(  # type: ignore[index]
                doc[t].pos_ == "ADJ" for t in tokens[1:]):  # type: ignore[index]
            # "les domaines du transport", "les questions de sécurité"; not "le secteur minier"
            tokens = tokens[1:]
            continue
        break
    while tokens and (doc[tokens[-1]].pos_ in ("ADP", "DET", "PUNCT", "CCONJ")  # type: ignore[index]
                      or not demonym and len(tokens) > 2
                      and "-" not in doc[tokens[-1]].text  # type: ignore[index]
                      and doc[tokens[-1] - 1].whitespace_  # type: ignore[index]
                      and doc[tokens[-1]].text[:1].islower()  # type: ignore[index]
                      and ctx.res.demonym(doc[tokens[-1]].lower_)):  # type: ignore[index]
        tokens = tokens[:-1]  # "la formation des forces de sécurité maliennes": of any country
    if not tokens or len(tokens) > 20:
        return None
    if not any(doc[t].pos_ in ("NOUN", "PROPN", "ADJ") for t in tokens):  # type: ignore[index]
        return None
    index = ctx.mention_at(tokens[0])
    if index is not None and ctx.mentions[index].kind in ("Person", "Position"):
        return None
    text = "".join(doc[t].text_with_ws for t in tokens).strip()  # type: ignore[index]
    if text[:2].isupper() or doc[tokens[0]].pos_ == "PROPN" or index is not None:  # type: ignore[index]
        return text  # a name keeps its capital: "Union africaine"
    return text[:1].lower() + text[1:]


def _topic(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
           salience: Salience) -> None:
    """Read what an agreement or a meeting is about: ``kg:concerns`` to each listed topic."""
    subject = _topic_subject(ctx, sentence, start, pattern)
    if subject is None:
        return
    if subject.type in ("Meeting", "PhoneCall"):  # "Les échanges ont porté sur X": the talks
        subject = named_event(ctx, subject, sentence, start)  # read are also "échanges"
    if pattern.options.get("side") == "subject":  # "X et Y ont été abordés"
        span = _subject_span(ctx, start)
        if span is None or ctx.mention_at(span[0]) is not None and ctx.mentions[
                ctx.mention_at(span[0])].kind in AGENT_KINDS:  # type: ignore[index]
            return
        items = _segments(ctx, span[0], span[1])
    elif pattern.options.get("after_partner"):  # "s'est entretenu avec X, de Y et de Z"
        begin = _after_partner(ctx, end)
        if begin is None:
            return
        items = _segments(ctx, begin, wrapped=True)  # each item opens with its "de"
    else:
        plural = any(ctx.doc[t].lower_ in ("domaines", "secteurs") for t in range(start, end))  # type: ignore[index]
        # "portant création d'un fonds": the noun of the match opens the topic
        items = _segments(ctx, end - 1 if pattern.options.get("from_last") else end,
                          wrapped=plural or bool(pattern.options.get("wrapped")))
    # "ont porté sur « le renforcement de … »": the quotation is the topic phrase itself
    doc: Any = ctx.doc
    opens = end < len(doc) and doc[end].text in ("«", '"', "“")
    items += _domain_phrases(ctx, items)
    for item in items:
        label = _item_label(ctx, _trimmed(ctx, item, subject.type == "Agreement"))
        if label is not None and " " not in label and doc[item[0]].pos_ == "ADJ" \
                and doc[end - 1].lower_ in ("domaine", "secteur"):
            label = f"{doc[end - 1].lower_} {label}"  # "dans le domaine agricole"
        if label is None or label.split()[0] in _TOPIC_TRIGGERS \
                or ctx.quoted(item[0]) and not ctx.quoted(start) and not opens \
                or normalize_label(label) == normalize_label(
                subject.label) or label.split()[0] in ("tel", "telle", "tels", "telles"):
            continue
        labels = [label]
        whole = _item_label(ctx, item) if subject.type == "Agreement" else None
        if whole is not None and whole != label and " entre " in whole:
            labels.append(whole)  # "partenariat entre la Chine et le Sénégal": both ways
        words = label.split(" ", 2)
        if len(words) == 3 and words[0] in _PROCESS and words[1] in ("de", "du", "des"):
            labels.append(words[2])  # "renforcement de la sécurité": sécurité too
        elif len(words) >= 2 and words[0] in _PROCESS and words[1].startswith(("d'", "d’")):
            labels.append(label.split(" ", 1)[1][2:])
        trimmed = _trimmed(ctx, item, subject.type == "Agreement")
        # other names: without its participle clause; with the demonym that ends it
        # ("étudiants maliens"); with the acronym in brackets after it
        others = [_unqualified(ctx, trimmed), _item_label(ctx, trimmed, demonym=True)]
        acronym = _acronym_after(ctx, trimmed[-1])
        if acronym:
            others.append(f"{label} ({acronym})")
        for text in labels:
            text = text[3:] if text.startswith(("la ", "le ")) else text
            text = text[2:] if text.startswith(("l'", "l’")) else text
            other = tuple(_bare(o) for o in others if o) if text == _bare(labels[0]) else ()
            ctx.add(subject, "concerns",
                    ctx.entity("Topic", text, *topic_variants(text), *other),
                    sentence, pattern.name, 0.5)


def _domain_phrases(ctx: Context, items: list[list[int]]) -> list[list[int]]:
    """Return the whole phrases "coopération dans le domaine de X et de Y" of a topic list.

    Its items are "coopération", "X" and "Y"; the whole phrase is a topic too.
    """
    doc: Any = ctx.doc
    out = []
    for i, item in enumerate(items[:-1]):
        after = item[-1] + 1
        if len(item) > 2 or doc[item[-1]].lower_ not in ctx.res.trigger("cooperation", "nouns") \
                or [w.lower_ for w in doc[after:after + 3]] not in (
                    ["dans", "le", "domaine"], ["en", "matière", "de"], ["en", "matière", "d'"]):
            continue
        j = i + 1
        while j + 1 < len(items) and all(doc[u].lower_ in ("et", *_DE_WORDS)
                                         for u in range(items[j][-1] + 1, items[j + 1][0])):
            j += 1
        out.append(list(range(item[0], items[j][-1] + 1)))
    return out


def _bare(text: str) -> str:
    """Return a topic's name without its opening article."""
    return text.removeprefix("la ").removeprefix("le ").removeprefix("l'").removeprefix("l’")


def _acronym_after(ctx: Context, t: int) -> str | None:
    """Return the acronym in brackets right after token ``t`` ("… Francophonie (OIF)")."""
    doc: Any = ctx.doc
    if t + 3 < len(doc) and doc[t + 1].text == "(" and doc[t + 3].text == ")" \
            and doc[t + 2].text.isupper() and len(doc[t + 2].text) >= 2:
        return str(doc[t + 2].text)
    return None


def _unqualified(ctx: Context, item: list[int]) -> str | None:
    """Return a topic's name without the participle clause that qualifies it, or ``None``.

    "le soutien aux réfugiés accueillis par le Royaume" is also "soutien aux réfugiés": the
    shorter name becomes one of the topic's other names.
    """
    doc: Any = ctx.doc
    for k, t in enumerate(item):
        if k >= 2 and doc[t].pos_ == "VERB" and "Part" in doc[t].morph.get("VerbForm") \
                and doc[t].lower_ not in _TOPIC_TRIGGERS and any(
                    doc[u].pos_ == "NOUN" for u in item[:k]):
            short = _item_label(ctx, item[:k])
            return _bare(short) if short is not None else None
    return None


def _after_partner(ctx: Context, end: int) -> int | None:
    """Return where the topic starts after the partner of a talk verb: "avec X, de Y".

    "s'est entretenu par téléphone avec son homologue soudanais, X, de la situation au
    Darfour": the "de" phrase after the named partner. ``None`` when no "avec" comes soon, no
    one is named, or a verb comes first.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence_index(ctx, end - 1)]
    avec = next((t for t in range(end, min(end + 5, s.end)) if doc[t].lower_ == "avec"), None)
    if avec is None:
        return None
    named = False
    for t in range(avec + 1, min(avec + 25, s.end - 1)):
        index = ctx.mention_at(t)
        named = named or t in ctx.counterparts or index is not None and ctx.mentions[
            index].kind == "Person"
        if doc[t].pos_ in ("VERB", "AUX") or doc[t].text in (".", ";", ":", "«"):
            return None
        if named and doc[t].text == "," and (  # not "avec X de la FAO": X's body
                doc[t + 1].lower_ in _DE_WORDS or doc[t + 1].lower_ == "sur"):
            return t + 1
    return None


# "état de la …", not "état de droit": a state of something, not the rule of law
_STEP = re.compile(r"^(?:(?:préparation|préparatifs|suivi|tenue|organisation|bilan|évaluation)"
                   r" (?:de la |de l['’]|des |du |de )"
                   r"|état (?:d['’]avancement )?(?:de la |de l['’]|des |du ))"
                   r"(?:(?:prochaine?s?|future?s?) )?", re.IGNORECASE)
_QUALIFIER = re.compile(r" (?:dans (?:les|le|la|l['’])|à (?=[A-ZÀ-Ý])|de \d|en vigueur\b"
                        r"|entre (?:les|nos|leurs) (?:deux )?|pour les )")


def topic_variants(text: str) -> tuple[str, ...]:
    """Return shorter names of a topic: without the step it is at, without where it is.

    They become the topic's other names (``skos:altLabel``).

    Examples
    --------
    >>> topic_variants("préparation du prochain sommet de Lomé")
    ('sommet de Lomé',)
    >>> topic_variants("construction d'une centrale solaire à Dosso")
    ("construction d'une centrale solaire",)
    """
    out = []
    step = _STEP.match(text)
    if step and len(text) > step.end() + 3:
        out.append(text[step.end():])
    for name in [text, *out]:
        for cut in _QUALIFIER.finditer(name):  # each qualifier, from the last one kept
            if len(name[:cut.start()].split()) >= 2:
                out.append(name[:cut.start()])
    return tuple(dict.fromkeys(v for v in out if v != text))


_SIGNED = frozenset({"signer", "conclure", "parapher", "adopter", "ratifier"})


def _trimmed(ctx: Context, item: list[int], agreement: bool) -> list[int]:
    """Cut what qualifies a topic item but is not its topic.

    "le mémorandum sur X signé en 2023": the signing is the memorandum's history, not its
    subject; "un accord sur X entre l'Institut A et l'École B" (an agreement's topic only): the
    parties follow "entre".
    """
    doc: Any = ctx.doc
    for k, t in enumerate(item):
        if k and doc[t].pos_ == "VERB" and doc[t].lemma_ in _SIGNED \
                and "Part" in doc[t].morph.get("VerbForm"):
            return item[:k]
        if k and agreement and doc[t].lower_ == "entre" and t + 2 < len(doc):
            u = t + 2 if doc[t + 1].lower_ in ("la", "le", "les", "l'", "l’") else t + 1
            index = ctx.mention_at(u)
            if index is not None or doc[u].pos_ == "PROPN":  # a name: the text's parties
                return item[:k]
    return item


def _topic_subject(ctx: Context, sentence: int, start: int, pattern: Pattern) -> Entity | None:
    """Return the agreement or event a topic phrase belongs to.

    An agreement named before it in its sentence; else the sentence's agreement, meeting or
    call; else the last meeting or call of the two sentences before; else a visit.
    """
    doc = ctx.doc
    s = ctx.sentences[sentence]
    nouns = ctx.res.trigger("agreement", "nouns")
    if pattern.options.get("agreement_first") and doc[start].lower_ in ctx.res.trigger(  # type: ignore[index]
            "agreement", "phrase_nouns"):  # "une feuille de route sur X": that text
        named = [c.subject for c in ctx.claims if c.subject.type == "Agreement"
                 and c.sentence == sentence
                 and c.subject.label.lower().startswith(doc[start].lower_)]  # type: ignore[index]
        if named:
            return named[-1]
    if pattern.options.get("agreement_first"):  # "un mémorandum … portant sur X"
        read = {u: agreement for at, u, agreement in ctx.named_agreements if at == sentence}
        for t in range(start, s.start - 1, -1):  # the match itself may open on the agreement
            near = t >= start - 8 or doc[t].dep_ in ("nsubj", "nsubj:pass")  # type: ignore[index]
            if near and t in read:  # "un programme d'échange portant sur X": a text named
                return read[t]  # by its phrase
            if near and doc[t].pos_ == "NOUN" and ctx.lemma(t) in nouns and (  # type: ignore[index]
                    t == s.start or doc[t - 1].lower_ not in ("en", "d'", "d’")):  # type: ignore[index]
                return _the_agreement(ctx, t, ctx.lemma(t), sentence)
        if ctx.lemma(start) in _TEXT_VERBS:  # "une déclaration d'intention qui codifie X";
            written = [c.subject for c in ctx.claims  # not "les réunions prévues à l'ONU"
                       if c.subject.type == "Agreement" and c.sentence == sentence]
            return written[-1] if written else None
        if pattern.options.get("agreement_only"):
            return None  # "a plaidé en faveur de X": no text, no topic
    antecedent = _relative_event(ctx, sentence, start)
    if antecedent is not None:
        return antecedent  # "un entretien avec X, au cours duquel ils ont évoqué …"
    referred = _referred_event(ctx, sentence, start)
    if referred is not None:
        return referred  # "l'appel téléphonique a porté sur …"
    talks = _talks_of(ctx, sentence, start)
    if talks is not None:
        return talks  # "X et son hôte ont également évoqué …": the talks of X and his guest
    recent = [c.subject for c in ctx.claims
              if c.subject.type in _EVENT_KINDS and sentence - 2 <= c.sentence <= sentence]
    texts = nouns | {"texte", "document"}
    if any(doc[t].dep_ == "nsubj" and ctx.lemma(t) in texts  # type: ignore[index]
           for t in range(s.start, start)):  # "le texte renforce « … dans le domaine de X »"
        found = [c.subject for c in ctx.claims
                 if c.subject.type == "Agreement" and c.sentence <= sentence]
        if found:
            return found[-1]
    own = [c.subject for c in ctx.claims
           if c.subject.type in _EVENT_KINDS and c.sentence == sentence]
    for pool, kinds in ((own, ("Agreement",)), (own, ("Meeting", "PhoneCall", "PressConference")),
                        (recent, ("Meeting", "PhoneCall", "PressConference")), (own, ("Visit",)),
                        (recent, ("Visit", "Agreement"))):
        found = [e for e in pool if e.type in kinds]
        if found:
            return found[-1]
    gathering = gathering_of(ctx, sentence, start)
    if gathering is not None:
        return gathering  # "les travaux de la commission mixte ont porté sur …"
    if pattern.options.get("agreement_first"):
        return _talks_named(ctx, sentence, start)
    # "il a aussi insisté sur …", paragraphs later: the talks or visit the article is telling
    earlier = [c.subject for c in ctx.claims if c.subject.type in ("Meeting", "PhoneCall", "Visit")
               and c.sentence < sentence]
    return earlier[-1] if earlier else _talks_named(ctx, sentence, start)


def _talks_named(ctx: Context, sentence: int, start: int) -> Entity | None:
    """Return talks named by the subject noun of a topic phrase, when no event is known.

    "Les échanges ont porté sur X" in an article where the rules found no meeting: a meeting
    named "échanges", whose people are not known.
    """
    if any(c.subject.type in ("Meeting", "PhoneCall", "Visit") and c.sentence <= sentence
           for c in ctx.claims):
        return None
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    talks = next((t for t in range(s.start, start) if doc[t].dep_ in ("nsubj", "nsubj:pass")
                  and doc[t].pos_ == "NOUN" and ctx.lemma(t) in _TALKS), None)
    return _gathering_at(ctx, sentence, doc[talks]) if talks is not None else None


_GATHERINGS = frozenset({"commission", "session", "sommet", "forum", "conférence", "conseil",
                         "assemblée", "séminaire", "atelier", "dialogue", "consultation",
                         "consultations", "réunion", "rencontre", "assises", "comité", "table",
                         "retraite", "colloque", "congrès"})
"""Nouns of gatherings a text may name before saying what they were about."""


def gathering_of(ctx: Context, sentence: int, start: int) -> Entity | None:
    """Return the gathering a topic phrase is about, when its sentence's subject is one.

    "Les travaux de la 12e session de la commission mixte ont porté sur X": a meeting named
    "session de la commission mixte", one per article and name.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    head = next((t for t in range(s.start, start) if doc[t].dep_.startswith("nsubj")
                 and doc[t].pos_ == "NOUN"), None)
    if head is None:
        return None
    tok = doc[head]  # type: ignore[index]
    while tok.lemma_ in ("travail", "travaux", "débat", "débats", "discussion", "échange",
                         "ordre") and any(c.dep_ == "nmod" for c in tok.children):
        tok = next(c for c in tok.children if c.dep_ == "nmod")  # "les travaux de la session"
    if tok.lemma_.lower() not in _GATHERINGS and tok.lower_ not in _GATHERINGS:
        return None
    return _gathering_at(ctx, sentence, tok)


def _gathering_at(ctx: Context, sentence: int, tok) -> Entity:  # type: ignore[no-untyped-def]
    """Return the meeting a gathering noun names, with its complements ("session de la …")."""
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    end = tok.i + 1
    while end < s.end and (doc[end].pos_ == "ADJ" or doc[end].lower_ in (  # type: ignore[index]
            "de", "du", "des", "la", "l'", "le") or doc[end].pos_ in ("NOUN", "PROPN")
            and doc[end].head.i >= tok.i and doc[end].head.i < end):  # type: ignore[index]
        end += 1
    while end > tok.i + 1 and doc[end - 1].lower_ in ("de", "du", "des", "la", "l'", "le"):  # type: ignore[index]
        end -= 1
    label = doc[tok.i:end].text.replace("' ", "'")  # type: ignore[index]
    event = Entity(ctx.minter.hashed("Meeting", ctx.document, label.lower()), "Meeting", label,
                   ctx.lang)
    ctx.add(event, "status", Literal("happened"), sentence, "fr.gathering.v1", 0.5)
    return event


_RELATIVES = {"duquel": ("Masc", "Sing"), "laquelle": ("Fem", "Sing"),
              "desquels": ("Masc", "Plur"), "desquelles": ("Fem", "Plur"),
              "lequel": ("Masc", "Sing"), "lesquels": ("Masc", "Plur"),
              "lesquelles": ("Fem", "Plur")}
"""Relative pronouns of "au cours duquel", "lors de laquelle", "durant lesquels": gender and
number of the noun they take up."""


def _relative_event(ctx: Context, sentence: int, start: int) -> Entity | None:
    """Return the event a relative clause of time refers to: "…, au cours duquel ils ont évoqué".

    The antecedent is the last noun of an event before the pronoun that agrees with it ("une
    séance de pourparlers, au cours de laquelle": the séance). Its event is the one of that
    sentence named by that noun, else a meeting named by the noun's phrase.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    pronoun = next((u for u in range(start - 1, max(s.start, start - 12) - 1, -1)
                    if doc[u].lower_ in _RELATIVES and doc[u - 1].lower_ in (
                        "cours", "lors", "durant", "pendant", "de", "issue", "terme")), None)
    if pronoun is None or any(doc[u].text in (";", ":") for u in range(pronoun, start)):
        return None
    gender, number = _RELATIVES[doc[pronoun].lower_]
    names = set().union(*(ctx.res.trigger("event_names", k) for k in _EVENT_KINDS))
    noun = next((u for u in range(pronoun - 1, max(s.start, pronoun - 30) - 1, -1)
                 if doc[u].pos_ == "NOUN" and (ctx.lemma(u) in names or ctx.lemma(u) in _TALKS)
                 and gender in (doc[u].morph.get("Gender") or [gender])
                 and number in (doc[u].morph.get("Number") or [number])), None)
    if noun is None:
        return None
    lemma = ctx.lemma(noun)
    kinds = [k for k in _EVENT_KINDS if lemma in ctx.res.trigger("event_names", k)]
    own = [c.subject for c in ctx.claims if c.sentence == sentence and c.subject.type in kinds
           and c.subject.type != "Agreement"]
    if not own:
        return _gathering_at(ctx, sentence, doc[noun])
    name = event_noun(ctx, noun, s.end)  # "des entretiens officiels": one of its names
    event = own[-1]
    return event if name in event.aliases else replace(event, aliases=(*event.aliases, name))


def _talks_of(ctx: Context, sentence: int, start: int) -> Entity | None:
    """Return the last meeting or call of the people who are the subject of a topic verb.

    "Emmanuel Macron et son hôte ont également évoqué X", sentences after their dinner.
    Only a verb whose subject names someone, and a meeting with two of them (or the one
    named, when one is).
    """
    named = [p for p in subjects(ctx, start, Salience(), climb=False) if p.type == "Person"]
    if not named:
        return None
    wanted = {p.iri for p in named}
    members: dict[str, set[str]] = {}
    order: dict[str, Entity] = {}
    for c in ctx.claims:
        if c.relation == "participant" and c.subject.type in ("Meeting", "PhoneCall") \
                and c.sentence <= sentence:
            members.setdefault(c.subject.iri, set()).add(c.object.iri)  # type: ignore[union-attr]
            order[c.subject.iri] = c.subject
    found = [order[iri] for iri, people in members.items()
             if len(people & wanted) >= min(2, len(wanted))]
    return found[-1] if found else None


_TEXT_VERBS = {"prévoir", "stipuler", "recommander", "codifier", "encadrer", "définir"}
"""Verbs whose subject must be a text ("le protocole prévoit …") for a topic to follow."""
_TALKS = {"discussion", "entretien", "échange", "pourparlers", "consultation", "négociation"}
"""Nouns of the talks a visit holds ("les discussions ont porté sur …")."""
_DURING = {"cours", "issue", "terme", "lors", "marge", "occasion", "sortie"}
"""Nouns of "au cours de la réunion", "à l'issue de l'entretien": that event."""
_TIME_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin",
               "soir", "hier", "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
               "août", "septembre", "octobre", "novembre", "décembre", "semaine", "jour"}
"""Nouns of time the parse may take for an object ("ont coprésidé lundi …")."""
_DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
_REFERRING = _DEMONSTRATIVES | {"le", "la", "l'", "l’", "les"}


def _referred_event(ctx: Context, sentence: int, start: int) -> Entity | None:
    """Return the event a sentence refers back to by its noun: "Cette visite …", "L'entretien".

    The last event of a kind that noun can name, found in this sentence or before it; the
    words that name it become one of its names.
    """
    doc = ctx.doc
    s = ctx.sentences[sentence]
    kinds: list[str] = []
    t = start
    for t in [*range(start - 1, s.start - 1, -1), *range(start, s.end)]:
        tok = doc[t]  # type: ignore[index]
        if tok.pos_ != "NOUN":
            continue
        dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
        if not dets & _REFERRING or ctx.quoted(t):
            continue
        during = tok.dep_ == "nmod" and tok.head.lower_ in _DURING  # "au cours de la réunion"
        if not dets & _DEMONSTRATIVES and not during and (t >= start or any(
                c.dep_ == "nmod" and not (c.pos_ == "PROPN" and ctx.mention_at(c.i) is not None
                                          and ctx.mentions[ctx.mention_at(c.i)].kind in (  # type: ignore[index]
                                              "City", "Place", "Country"))
                and not any(g.dep_ == "case" and g.lower_ in ("entre", "avec")
                            for g in c.children)  # "les entretiens entre les deux chefs"
                for c in tok.children) or not tok.dep_.startswith(("nsubj", "obl"))):
            # "le séjour des ressortissants" is a topic, not the visit ("l'entretien de
            # Baabda" is the meeting there); after the topic's verb, only "lors de cet
            # entretien" refers back, not an agreement the topic names
            continue
        lemma = ctx.lemma(t)
        kinds = [k for k in _EVENT_KINDS if lemma in ctx.res.trigger("event_names", k)]
        if kinds:
            break
    if not kinds:
        return None
    found = [c.subject for c in ctx.claims
             if c.subject.type in kinds and c.sentence <= sentence]
    if not found and lemma in _TALKS:  # "les discussions" of a visit that met no one named
        found = [c.subject for c in ctx.claims if c.subject.type == "Visit"
                 and c.sentence <= sentence]
    if not found:
        return None
    name = event_noun(ctx, t, s.end)
    event = found[-1]
    return event if name in event.aliases else replace(event, aliases=(*event.aliases, name))


def name_events_by_reference(ctx: Context) -> None:
    """Give each event the nouns the article refers back to it by as other names.

    "M. X a reçu Mme Y … Au cours de la rencontre, …": the meeting is also "la rencontre",
    as an analyst reading the article would call it (see :func:`_referred_event`).
    """
    if not any(c.subject.type in _EVENT_KINDS for c in ctx.claims):
        return  # no event to name
    for s in ctx.sentences:
        if s.title or s.clutter:
            continue
        event = _referred_event(ctx, s.index, s.end)
        if event is None:
            continue
        for n, c in enumerate(ctx.claims):
            if c.subject.iri == event.iri and set(event.aliases) - set(c.subject.aliases):
                aliases = tuple(dict.fromkeys((*c.subject.aliases, *event.aliases)))
                ctx.claims[n] = replace(c, subject=replace(c.subject, aliases=aliases))


def _theme(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
           salience: Salience) -> None:
    """Read "… placé sous le thème « X »": the gathering named before it is about X."""
    doc = ctx.doc
    if end >= len(doc):  # type: ignore[arg-type]
        return  # "… sous le thème" ends the article: no theme
    quote = next((q for q in ctx.quotes if doc[end].idx <= q[0] <= doc[end].idx + 3), None)  # type: ignore[index]
    if quote is None:
        return
    s = ctx.sentences[sentence]
    noun = next((t for t in range(start - 1, s.start - 1, -1) if doc[t].pos_ == "NOUN"  # type: ignore[index]
                 and (doc[t].lemma_.lower() in _GATHERINGS or doc[t].lower_ in _GATHERINGS)),  # type: ignore[index]
                None)
    event = _gathering_at(ctx, sentence, doc[noun]) if noun is not None else next(  # type: ignore[index]
        (c.subject for c in reversed(ctx.claims) if c.subject.type in _EVENT_KINDS
         and c.sentence == sentence), None)
    if event is None:
        return
    theme = ctx.text[quote[0]:quote[1]].strip()
    ctx.add(event, "concerns", ctx.entity("Topic", theme), sentence, pattern.name, 0.55)


_HANDOVER = frozenset({"passation", "remise", "reprise", "cérémonie", "installation"})
"""Nouns of a handover, where a new office holder and the one before meet."""


def _predecessor(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
                 salience: Salience) -> None:
    """Read "X … avec son prédécesseur, Y": Y held X's post; at a handover, they met."""
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    u = _past_name_lead(ctx, end, s.end)
    index = ctx.mention_at(u) if u < s.end else None
    if index is None or ctx.mentions[index].kind != "Person":
        return
    before = person_before_verb(ctx, start)
    subject = before[0] if before is not None else next(
        iter(subjects(ctx, governing_verb(ctx, start), salience)
             or subjects(ctx, doc[start].sent.root.i, salience)), None)
    previous = ctx.entity_of(index)
    if subject is None or previous is None or subject.iri == previous.iri:
        return
    posts = [p for p, m, _ in ctx.held.get(subject.iri, []) if not m.former]
    if posts:
        post = max(posts, key=lambda p: len(p.label))
        ctx.add(previous, "heldPosition", post, sentence, pattern.name, 0.55)
    if any(ctx.lemma(t) in _HANDOVER for t in range(s.start, s.end)):
        record_meeting(ctx, [subject, previous], start, sentence, "Meeting",
                       modality(ctx, start), pattern.name, "passation")


def _was(ctx: Context, sentence: int, start: int, end: int, pattern: Pattern,
         salience: Salience) -> None:
    """Read "Il a été député de 2014 à 2024 et maire de Liège": posts the one named held.

    Each title right after "a été" (past articles and adverbs), and those joined to it by
    "et" or a comma. "Il a été reçu", "il a été clair": no title, nothing.
    """
    doc: Any = ctx.doc
    s = ctx.sentences[sentence]
    u = end
    while u < s.end and doc[u].lower_ in ("le", "la", "l'", "l’", "un", "une", "notamment",
                                          "également", "auparavant", "longtemps"):
        u += 1
    index = ctx.mention_at(u) if u < s.end else None
    if index is None or ctx.mentions[index].kind != "Position" or ctx.mentions[index].plural:
        return
    if start > s.start and doc[start - 1].lower_ in ("dont", "que", "qu'", "qu’"):
        return  # "Proche de X, dont il a été le conseiller, Y …": Y, named after
    # "M. Y connaît bien le dossier : il avait été …": the one named before, in the sentence
    named = [ctx.entity_of(i) for i in ctx.in_sentence(sentence, "Person")
             if ctx.mentions[i].end <= start]
    person = pronoun_person(ctx, start, named[-1]) if named and named[-1] else None
    person = person or agent_of_token(ctx, start, salience)
    if person is None or person.type != "Person":
        return
    while index is not None:
        record_post(ctx, person, index, pattern.name, 0.55, former=True)
        m = ctx.mentions[index]
        nxt = index + 1 if index + 1 < len(ctx.mentions) else None
        if nxt is None or ctx.mentions[nxt].sentence != sentence or ctx.mentions[
                nxt].kind != "Position":
            break
        gap = [t for t in range(m.end, ctx.mentions[nxt].start)
               if doc[t].lower_ not in ("le", "la", "l'", "l’", "un", "une")]
        # "député de 2014 à 2024 et échevin": a span of years may stand between the two
        if not gap or doc[gap[-1]].lower_ not in ("et", ",") or len(gap) > 6 or any(
                doc[t].pos_ in ("VERB", "AUX", "NOUN", "PROPN") for t in gap):
            break
        index = nxt


READERS = {
    "call": ("before", _call),
    "counterpart": ("before", _counterpart),
    "post": ("after", _post),
    "portfolio": ("after", _portfolio),
    "meeting": ("after", _meeting),
    "call_event": ("after", _call_event),
    "visit": ("after", _visit),
    "presence": ("after", _presence),
    "gathering": ("after", _gathering),
    "head_of": ("after", _head_of),
    "topic": ("after", _topic),
    "theme": ("after", _theme),
    "predecessor": ("after", _predecessor),
    "was": ("after", _was),
}
"""Reader name → (when it runs, function)."""


def read_before(ctx: Context, salience: Salience) -> None:
    """Run the readers that the sentence rules depend on, over the whole article."""
    for pattern, start, end in _matches(ctx):
        phase, reader = READERS[pattern.does]
        sentence = sentence_index(ctx, start)
        if phase == "before" and not ctx.sentences[sentence].title:
            reader(ctx, sentence, start, end, pattern, salience)


def read_after(ctx: Context, sentence: int, salience: Salience) -> None:
    """Run the other readers on the matches of one sentence."""
    s = ctx.sentences[sentence]
    for pattern, start, end in _matches(ctx):
        if s.start <= start < s.end:
            phase, reader = READERS[pattern.does]
            if phase == "after":
                reader(ctx, sentence, start, end, pattern, salience)


_STATE_POSTS = ("ministre", "premier ministre", "première ministre", "chef du gouvernement",
                "cheffe du gouvernement", "chef de l'état", "cheffe de l'état",
                "président de la république", "présidente de la république",
                "chef de la diplomatie", "cheffe de la diplomatie", "secrétaire d'état",
                "président de la transition", "secrétaire général de la présidence",
                "secrétaire générale de la présidence", "secrétaire général du gouvernement",
                "secrétaire générale du gouvernement", "secrétaire général du ministère",
                "secrétaire générale du ministère", "vice-président de la république",
                "vice-présidente de la république", "président de l'assemblée",
                "présidente de l'assemblée", "président du sénat", "présidente du sénat",
                "vice-ministre", "vice-premier ministre", "vice-première ministre",
                "conseiller fédéral", "conseillère fédérale", "directeur de cabinet",
                "directrice de cabinet", "député", "sénateur", "sénatrice",
                "médiateur de la république", "médiatrice de la république",
                "porte-parole", "président de la chambre",
                "présidente de la chambre", "vice-président de l'assemblée",
                "vice-présidente de l'assemblée", "vice-président du sénat",
                "vice-présidente du sénat", "président du parlement", "présidente du parlement",
                "directeur du protocole", "directrice du protocole", "chef du protocole",
                "cheffe du protocole", "chef du bureau", "cheffe du bureau", "gouverneur",
                "gouverneure", "préfet", "préfète", "wali", "maire", "député", "députée")


_STATE_BODIES = ("chambre des représentants", "chambre des députés", "chambre des conseillers",
                 "assemblée nationale", "assemblée populaire", "sénat", "parlement",
                 "conseil constitutionnel", "cour suprême", "cour constitutionnelle",
                 "conseil de la nation", "conseil national")
"""Bodies of a state whose posts take the scene's country when the text gives none."""


def scene_country(ctx: Context) -> str | None:
    """Return the country an article takes place in, when it shows one.

    A dateline's place, else the first place the lead (up to the first sentence that names
    someone) says something happens in ("à Rabat"),
    else the country visited (all visits of the article agree on it), else the country named most
    often (countries, demonyms and capitals) when it is named at least twice and more often
    than any other.
    """
    doc = ctx.doc
    country = dateline_country(ctx)
    if country:
        return country
    country = _header_country(ctx)
    if country:
        return country
    lead = []  # the body up to its first sentence that names someone
    said = 0  # sentences with a verb (a line of a page's header is none)
    for s in ctx.sentences:
        if not s.title and not s.clutter:
            lead.append(s.index)
            said += any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[s.start:s.end])  # type: ignore[index]
            if ctx.in_sentence(s.index, "Person") or said == 4:
                break
    for m in ctx.mentions:  # the first "à Rabat", "en Algérie", "au Mali" of the lead
        if m.kind in ("Country", "City") and not m.quoted and m.start > 0 and \
                m.sentence in lead and \
                doc[m.start - 1].lower_ in ("à", "en", "au", "aux"):  # type: ignore[index]
            country = m.key if m.kind == "Country" else ctx.res.capitals.get(
                normalize_label(m.text))
            if country:
                return country
            break
    # a journey still to come does not set the scene
    planned = {c.subject.iri for c in ctx.claims if c.relation == "status"
               and c.subject.type == "Visit" and getattr(c.object, "value", None) == "planned"}
    ahead = {c.object.iri for c in ctx.claims if c.relation == "place"
             and c.subject.iri in planned and isinstance(c.object, Entity)} - {
        c.object.iri for c in ctx.claims if c.relation == "place" and c.subject.type == "Visit"
        and c.subject.iri not in planned and isinstance(c.object, Entity)}
    visited = set()
    for c in ctx.claims:
        if c.relation == "visited" and isinstance(c.object, Entity) and c.object.iri not in ahead:
            place = c.object if c.object.type == "Country" else country_of_city(ctx, c.object)
            if place is not None:
                visited.add(place.label)
    counts: Counter[str] = Counter()
    for m in ctx.mentions:
        if m.kind == "Country":
            counts[m.key] += 1
        elif m.kind in ("City", "Place"):
            country = ctx.res.capitals.get(normalize_label(m.text))
            if country:
                counts[country] += 1
        elif m.kind == "Position":
            for country in m.countries:
                counts[country] += 1
    ranked = counts.most_common(2)
    if len(visited) == 1 and (not ranked or counts[next(iter(visited))] * 2 > ranked[0][1]):
        # the country visited, unless the article names another far more often (a cabinet's
        # report of its minister's journey abroad is its own country's)
        return next(iter(visited))
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


_STATES = frozenset({"république", "royaume", "émirat", "sultanat", "principauté", "grand-duché",
                     "état", "fédération", "confédération"})


def _header_country(ctx: Context) -> str | None:
    """Return the state a release's letterhead names ("PRÉSIDENCE DE LA RÉPUBLIQUE DU MALI").

    Only a line without a verb, before the first sentence that names someone, whose country
    follows a word of a state ("République du …", "Royaume du …").
    """
    doc: Any = ctx.doc
    for s in ctx.sentences:
        if ctx.in_sentence(s.index, "Person"):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in doc[s.start:s.end]):
            continue
        for m in ctx.mentions:
            if m.sentence == s.index and m.kind == "Country" and any(
                    doc[u].lower_ in _STATES for u in range(max(s.start, m.start - 3), m.start)):
                return m.key
    return None


_NATIONAL_POSTS = ("ministre", "premier", "première", "président", "présidente", "chef",
                   "ambassadeur", "ambassadrice", "secrétaire d'état", "roi", "reine", "émir",
                   "chancelier", "chancelière", "prince", "vice-président", "vice-ministre",
                   "vice-premier")


def name_shared_demonyms(ctx: Context) -> None:
    """Give the other country of a shared demonym when the article names only that one.

    "congolais" reads as the Congo; in an article that names Kinshasa or the DRC, and no
    place of the Congo, it is the DRC's.
    """
    named: Counter[str] = Counter()
    for i, m in enumerate(ctx.mentions):
        if m.text.lower().startswith("capitale"):
            continue  # "la capitale congolaise": the demonym again, not a place named
        if m.kind == "Country":
            within = any(ctx.text[:m.end_char].endswith(other) and m.text != other
                         for other in SHARED_DEMONYMS.values())
            named[m.key] += 0 if within else 1  # not "Congo" of "République … du Congo"
        elif m.kind in ("City", "Place"):
            place = ctx.entity_of(i)
            country = country_of_city(ctx, place) if place is not None else None
            if country is not None:
                named[country.label] += 1
    for default, other in SHARED_DEMONYMS.items():
        if named[other] and not named[default]:
            wanted = ctx.entity("Country", other)
            ctx.claims[:] = [replace(c, object=wanted) if isinstance(c.object, Entity)
                             and c.object.type == "Country" and c.object.label == default
                             else c for c in ctx.claims]


def give_person_countries(ctx: Context) -> None:
    """Give a person the country of the post they hold (a post of no organisation).

    A national post ("ministre", "ambassadeur") gives it whatever else; any other post of one
    country ("secrétaire général du ministère marocain") gives it when all the person's posts
    agree on that country.
    """
    countries: dict[str, list[Claim]] = {}
    orgs = set()
    for c in ctx.claims:
        if c.subject.type == "Position" and c.relation == "country":
            countries.setdefault(c.subject.iri, []).append(c)
        elif c.subject.type == "Position" and c.relation == "organization" and not (
                isinstance(c.object, Entity) and c.object.label.lower().startswith(_STATE_BODIES)):
            orgs.add(c.subject.iri)  # a state's own body ("Sénat") is no organisation here
    held: dict[str, set[str]] = {}  # a person → the countries of their posts
    for c in ctx.claims:
        if c.relation in ("holdsPosition", "heldPosition") and isinstance(c.object, Entity) \
                and c.object.iri not in orgs:
            held.setdefault(c.subject.iri, set()).update(
                x.object.label for x in countries.get(c.object.iri, [])  # type: ignore[union-attr]
                if isinstance(x.object, Entity))
    for c in list(ctx.claims):
        if c.relation != "holdsPosition" or not isinstance(c.object, Entity) \
                or c.subject.type != "Person" or c.object.iri in orgs:
            continue
        if not c.object.label.lower().startswith(_NATIONAL_POSTS) and len(
                held.get(c.subject.iri, ())) != 1:
            continue
        for country in countries.get(c.object.iri, [])[:1]:
            ctx.add(c.subject, "country", country.object, c.sentence, "fr.country.post.v2", 0.55)


def _post_of_country(ctx: Context, post: Entity, country: str,
                     given: dict[str, Entity]) -> tuple[Entity, bool]:
    """Return a bare post keyed with a country (one per post and country), and whether new."""
    key = f"{post.iri} {country}"
    if key in given:
        return given[key], False
    given[key] = Entity(ctx.minter.keyed("Position", post.label, country), "Position",
                        post.label, ctx.lang)
    return given[key], True


def give_holder_countries(ctx: Context) -> None:
    """Give a post with no country nor organisation its holder's one country.

    "Le Premier ministre jamaïcain X … Le Premier ministre a rappelé …", "X, ambassadeur du
    Japon, … l'ambassadeur": a post the text leaves bare is the holder's country's, when the
    holder's other posts are all of one country. Each such post is keyed with that country
    (the same bare title held by someone of another country stays apart).
    """
    bare = {c.object.iri for c in ctx.claims if c.relation in ("holdsPosition", "heldPosition")
            and isinstance(c.object, Entity)} - {
        c.subject.iri for c in ctx.claims if c.subject.type == "Position"
        and c.relation in ("country", "organization")}
    if not bare:
        return
    of_post = {c.subject.iri: c.object.label for c in ctx.claims if c.relation == "country"
               and c.subject.type == "Position" and isinstance(c.object, Entity)}
    homes: dict[str, set[str]] = {}  # a person → the countries of their other posts
    for c in ctx.claims:
        if c.relation in ("holdsPosition", "heldPosition") and isinstance(c.object, Entity) \
                and c.object.iri in of_post:
            homes.setdefault(c.subject.iri, set()).add(of_post[c.object.iri])
    claims: list[Claim] = []
    given: dict[str, Entity] = {}
    for c in ctx.claims:
        post = c.object
        home = homes.get(c.subject.iri, set())
        if c.relation in ("holdsPosition", "heldPosition") and isinstance(post, Entity) \
                and post.iri in bare and len(home) == 1:
            keyed, new = _post_of_country(ctx, post, next(iter(home)), given)
            if new:
                claims.append(Claim(keyed, "country", ctx.entity("Country", next(iter(home))),
                                    c.sentence, "fr.country.holder.v1", 0.5))
            c = replace(c, object=keyed)
        claims.append(c)
    ctx.claims[:] = claims


def visits_at_meetings(ctx: Context) -> None:
    """Read "X a reçu à Rabat son homologue portugais, Y": Y visited Rabat.

    A foreigner met by a host of that country in its capital visited it: only a sentence
    with a meeting, a capital named after "à" or "au" (else the capital of the article's
    dateline), a host whose country is that capital's, and a guest of another country (or
    of no country the article gives, whom it sends to that one: "…, en visite au Vietnam").
    """
    countries: dict[str, str] = {}
    going = journeys(ctx)  # person → the countries the article sends them to
    scene = scene_country(ctx)  # a country given by the scene alone tells no foreigner
    for c in ctx.claims:
        if c.relation == "country" and c.subject.type == "Person" and isinstance(c.object, Entity):
            countries.setdefault(c.subject.iri, c.object.label)
    for c in list(ctx.claims):
        if c.relation != "met" or not isinstance(c.object, Entity):
            continue
        named = [i for i in ctx.in_sentence(c.sentence, "City", "Place")  # not "… en Inde"
                 if ctx.mentions[i].start > 0
                 and ctx.doc[ctx.mentions[i].start - 1].lower_ in ("à", "au")  # type: ignore[index]
                 and not _in_object_phrase(ctx.doc[ctx.mentions[i].start])]  # type: ignore[index]
        dateline = dateline_capital(ctx)
        for index in named or ([dateline] if dateline is not None else []):
            # "à Rabat", else the capital the dateline names: the host receives at home
            place = ctx.entity_of(index)
            if place is None:
                continue
            home_of = country_of_city(ctx, place)  # a capital or another large city
            if home_of is None:
                continue
            country = home_of.label
            sides = [c.subject, c.object]
            homes = [countries.get(p.iri) for p in sides]
            for guest, home, other in ((sides[0], homes[0], homes[1]),
                                       (sides[1], homes[1], homes[0])):
                if (home and home != country or not home and country in going.get(
                        guest.iri, ())) and (other == country or other is None and named and home
                                             and home != scene and not _resident(ctx, guest)) and (
                        named or not _resident(ctx, guest)):
                    # a guest of another country, or of none known on a visit to that one
                    # (received "à Accra" by a host of no country known: still a visit)
                    record_visit(ctx, guest, place, c.sentence, c.date, None,
                                 "fr.visit.met.v1", 0.55)


def _in_object_phrase(token) -> bool:  # type: ignore[no-untyped-def]
    """Tell whether a place names where a thing is, not where people met ("un centre à Garoua")."""
    head = token.head
    return head.pos_ in ("NOUN", "PROPN") and head.dep_ in (
        "obj", "nmod", "obl", "obl:arg", "conj", "appos", "acl", "xcomp")


def _resident(ctx: Context, person: Entity) -> bool:
    """Tell whether a foreigner is posted where they are: an ambassador is not a visitor."""
    return any(post.label.lower().startswith(_RESIDENT_POSTS) and not source.former
               for post, source, _ in ctx.held.get(person.iri, []))  # not "ancien ambassadeur"


_RESIDENT_POSTS = ("ambassadeur", "ambassadrice", "chargé d'affaires", "chargée d'affaires",
                   "consul", "haut-commissaire", "représentant résident", "représentante résidente",
                   "coordonnateur résident", "coordonnatrice résidente", "chef de la délégation",
                   "cheffe de la délégation", "directeur", "directrice")


def _visited_country(ctx: Context, place: Entity) -> str | None:
    """Return the country of a place visited (itself, or a capital's country)."""
    country = place if place.type == "Country" else country_of_city(ctx, place)
    return country.label if country is not None else None


_DELEGATIONS = ("délégation", "mission", "équipe", "suite")


def _delegation_countries(ctx: Context) -> dict[str, str]:
    """Return the people a country's delegation lists, with that country (person IRI → country).

    "une délégation du Gabon comprenant la ministre X", "la délégation gabonaise, composée de
    X et de Y": X and Y are the Gabon's, whatever country the article takes place in.
    """
    doc = ctx.doc
    out: dict[str, str] = {}
    for index, entity in ctx.person_of.items():
        tok = doc[ctx.mentions[index].start]  # type: ignore[index]
        for _ in range(5):
            if tok.head is tok:
                break
            tok = tok.head
            if tok.lemma_.lower() not in _DELEGATIONS or tok.pos_ != "NOUN":
                continue
            for c in tok.children:
                if c.dep_ == "amod" and ctx.res.demonym(c.lower_):
                    out.setdefault(entity.iri, ctx.res.demonym(c.lower_))  # type: ignore[arg-type]
                elif c.dep_ == "nmod":
                    place = ctx.mention_at(c.i)
                    if place is not None and ctx.mentions[place].kind == "Country":
                        out.setdefault(entity.iri, ctx.mentions[place].key)
            break
    return out


def _counterpart_homes(ctx: Context) -> dict[str, str]:
    """Return the countries a singular "son homologue indonésienne, X" gives (person → country).

    "la ministre Kartika Sari", later, holds a post of Indonesia, not of the scene's country.
    """
    doc: Any = ctx.doc
    out: dict[str, str] = {}
    for t, (person, _) in ctx.counterparts.items():
        if person is None or doc[t].lower_ != "homologue":
            continue
        country = next((c for u in range(t + 1, min(t + 3, len(doc)))
                        for c in [ctx.res.demonym(doc[u].text)] if c), None)
        if country is not None:
            out.setdefault(person.iri, country)
    return out


def _companion_countries(ctx: Context) -> dict[str, str]:
    """Return the companions of someone of a known country, with it (person IRI → country).

    "Le chef du gouvernement tchadien est accompagné de la ministre de l'Économie, X": X is
    Chad's minister, wherever the article takes place.
    """
    out: dict[str, str] = {}
    for came in companions(ctx):
        home = [came.country] if came.country else [c.label for c in _post_countries(
            ctx, came.led)]
        for person in came.with_ if home else ():
            out.setdefault(person.iri, home[0])
    return out


def give_scene_country(ctx: Context, hosts: dict[str, str] | None = None) -> None:
    """Give the scene's country to the state posts the article leaves without one.

    A visitor keeps what the text says of them: their post is not the host country's. Someone
    who goes (or will go) to another country is not a visitor of the scene's. ``hosts`` gives
    the people who received a traveller abroad their own country (person IRI → country).
    """
    hosts = {**_counterpart_homes(ctx), **_companion_countries(ctx),
             **_delegation_countries(ctx), **(hosts or {})}
    scene = scene_country(ctx)
    if scene is None and not hosts:
        return
    visitors = {c.subject.iri for c in ctx.claims if c.relation == "visited"
                and isinstance(c.object, Entity) and _visited_country(ctx, c.object) in (
                    None, scene)}  # a visitor here is a guest; one going abroad, a host
    with_country = {c.subject.iri for c in ctx.claims if c.subject.type == "Position" and (
        c.relation == "country" or c.relation == "organization" and not (
            isinstance(c.object, Entity) and c.object.label.lower().startswith(_STATE_BODIES)))}
    # someone whose other post has a country ("son homologue italien, X, ministre de …")
    national = {c.subject.iri for c in ctx.claims if c.relation == "country"
                and c.subject.type == "Position" and isinstance(c.object, Entity)
                and c.object.label != scene}
    visitors |= {c.subject.iri for c in ctx.claims if c.relation == "holdsPosition"
                 and isinstance(c.object, Entity) and c.object.iri in national}
    # "président de la Chambre des représentants": a post of a state's own body
    state_bodies: dict[str, list[Claim]] = {}  # post IRI → its organisation claims
    for c in ctx.claims:
        if c.relation == "organization" and c.subject.type == "Position" and isinstance(
                c.object, Entity) and c.object.label.lower().startswith(_STATE_BODIES):
            state_bodies.setdefault(c.subject.iri, []).append(c)
    claims: list[Claim] = []
    given: dict[str, Entity] = {}
    for c in ctx.claims:
        post = c.object
        country = hosts.get(c.subject.iri, scene)
        if c.relation in ("holdsPosition", "heldPosition") and isinstance(post, Entity) and \
                country is not None and post.iri not in with_country and \
                (c.subject.iri not in visitors or c.subject.iri in hosts) and \
                (post.label.lower().startswith(_STATE_POSTS) or post.iri in state_bodies):
            # this holder's post is the host country's (a visitor's same title stays apart),
            # unless the article gives that title, in the plural, one other country ("une
            # délégation de sénateurs français … la sénatrice X": France's)
            said = {m.countries[0] for m in ctx.mentions if m.kind == "Position" and m.plural
                    and m.countries and m.key.lower() == post.label.lower()}
            own = next(iter(said)) if len(said) == 1 else country
            keyed, new = _post_of_country(ctx, post, own, given)
            if new:
                claims.append(Claim(keyed, "country", ctx.entity("Country", own),
                                    c.sentence, "fr.country.scene.v1", 0.5))
                claims += [replace(o, subject=keyed) for o in state_bodies.get(post.iri, ())]
            c = replace(c, object=keyed)
        claims.append(c)
    ctx.claims[:] = claims


