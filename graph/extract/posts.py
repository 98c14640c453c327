"""Who holds which post: the ``holdsPosition`` rules and the resolution of titles to people.

Rules (each named in the evidence):

- ``fr.title.apposition.v1`` — "Ana Pastor, une journaliste", "Magnen, le porte-parole du parti".
- ``fr.title.before.v1`` — "le ministre de l'Intérieur, Manuel Valls", "la chancelière X".
- ``fr.title.nomination.v1`` — "a nommé X comme président", "X a été élu maire de Lyon".
- ``fr.title.intro.v1`` — a title as subject, then the name opens the next sentence
  ("Le ministre français de l'Intérieur a conclu … . Bruno Retailleau est resté …").
- ``fr.title.plural.v1`` — "les ministres de l'Intérieur français et marocain", then
  "X et Y": each takes the post of the country left for them.
- ``fr.title.anaphor.v1`` — "le ministre français" designates the holder of a matching post.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from graph.extract.agents import (
    Salience,
    envoy_named,
    governing_verb,
    modality,
    national_named,
    person_gender,
    subjects,
    title_gender,
)
from graph.extract.context import Context
from graph.extract.mentions import NAME_HONORIFICS, Mention
from graph.extract.places import dateline_country
from graph.model.records import Entity

__all__ = ["SHARED_DEMONYMS", "find_posts", "holder_by_title", "record_post", "resolve_late_titles"]

_APPOSITION = re.compile(r"^\s*,\s*(?:(?:également|aussi|désormais|toujours)\s*)?"
                         r"(?:(?:le|la|l'|un|une|l’|son|sa|leur)\s*)?"
                         r"(?:(?:ancien|ancienne|ex|nouvel|nouveau|nouvelle|actuel|actuelle|"
                         r"jusque-là|précédemment|auparavant|jusqu['’]\s*ici)"
                         r"\s*-?\s*)?$", re.IGNORECASE)
"""What stands between a name and its title set after it: ", le ", ", ancien ", ", nouvel ",
", également ", ", jusque-là "."""
_BEFORE = re.compile(r"^\s*(?:\(\s*[A-Z][A-Za-z]{1,9}\s*\)\s*)?,?\s*"
                     r"(?:(?:m\.|mme|mlle|monsieur|madame|sem|s\.\s?e\.|son excellence|"
                     r"sa majesté|dr\.?|docteur|pr\.?|professeur|me|maître|"
                     r"(?:l['’]\s*|le\s+|la\s+)?(?:très\s+)?honorable)\s*){0,3}$",
                     re.IGNORECASE)
_COPULA = re.compile(
    r"^\s*(?:,\s*)?(?:qui\s+)?(?:est|était|fut|a été|avait été|sera|devient|est devenue?|reste|"
    r"a été (?:nommée?|élue?|désignée?|réélue?)|est (?:nommée?|élue?|désignée?)|"
    r"(?<=,)\s*(?:nommée?|désignée?|promue?))\s+"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|officiellement)\s+)?"
    r"(?:(?:le|la|l'|un|une|au poste de|comme)\s*)?$", re.IGNORECASE)
_FORMER_COPULA = re.compile(
    r"^\s*(?:,\s*)?(?:[a-zà-ÿ'’ -]{3,40},\s*)?(?:qui\s+)?"
    r"(?:était|a été|avait été|fut|a notamment été|a également été|"
    r"a aussi été|a successivement été|avait notamment été|avait également été|"
    r"(?:a|avait)\s+(?:(?:auparavant|précédemment|notamment|déjà)\s+)?"
    r"(?:servi comme|occupé (?:le poste|les fonctions|la fonction) d(?:e\s|['’])))\s*"
    r"(?:,\s*[^,]{3,60},\s*)?"
    r"(?:(?:auparavant|précédemment|jusqu['’]\s*ici|jusque-là|jusqu['’]\s*alors|"
    r"jusqu['’]\s*à sa nomination|notamment|également|aussi|successivement|déjà)\s*,?\s*)*"
    r"(?:(?:le|la|l'|l’|un|une)\s*)?$", re.IGNORECASE)
"""A copula in a past tense between a name and a title: "X était jusqu'ici ambassadeur",
"X a été auparavant ministre". The post is a former one."""
_QUALITY = re.compile(r"^\s*,?\s*(?:en (?:(?:sa|leur|ses) )?qualités? d[e'’]|en tant qu[e'’]|"
                      r"nommée? au poste d[e'’])\s*(?:(?:le|la|l'|l’)\s*)?$", re.IGNORECASE)
_NOMINATION = re.compile(r"^\s*(?:comme|au poste de|en tant que|à la tête de|à la présidence de)"
                         r"\s*(?:(?:le|la|l')\s*)?$", re.IGNORECASE)


_INCISE_NOMINATION = re.compile(
    r"^\s*,\s*(?:est|a été)\s+(?:nommée?|désignée?|promue?|élue?)\s+"
    r"(?:(?:au poste d[e'’]|comme|en qualité d[e'’])\s*)?(?:(?:le|la|l'|l’)\s*)?$",
    re.IGNORECASE)
"""Between a title set in an incise and the post a verb gives: ", est nommé "."""
_NAMED_BEFORE = re.compile(r",\s*(?:[^\W\d_][\w'’-]*\s*){0,2}$")
"""The incise opens after a comma and at most two words ("jusque-là", "précédemment")."""


def _since(ctx: Context, m: Mention) -> bool:
    """Tell whether an imperfect copula still holds: "X était depuis 2020 ministre"."""
    s = ctx.sentences[m.sentence]
    return "depuis" in ctx.text[ctx.doc[s.start].idx:m.start_char].lower()  # type: ignore[index]


def _gap(ctx: Context, a: Mention, b: Mention) -> str:
    return ctx.text[a.end_char:b.start_char]


def record_post(ctx: Context, person: Entity, index: int, method: str, confidence: float,
                country: str | None = None, org: Entity | None = None, *,
                former: bool = False) -> None:
    """Record that ``person`` holds (``former``: held) the post of mention ``index``."""
    m = ctx.mentions[index]
    if former and not m.former:
        m = replace(m, former=True)
    post = ctx.position_entity(m, country, org)
    ctx.holder.setdefault(index, person)
    known = ctx.held.setdefault(person.iri, [])
    if all(p.iri != post.iri for p, _, _ in known):
        known.append((post, m, country or (m.countries[0] if m.countries else None)))
    # « l'ancien ministre des Finances X »: a post X held, not one X holds
    ctx.add(person, "heldPosition" if m.former else "holdsPosition", post, m.sentence, method,
            confidence)
    if country or m.countries:
        ctx.add(post, "country", ctx.entity("Country", country or m.countries[0]), m.sentence,
                method, confidence)
    org = org or ctx.organization_of(m)
    if org is not None:
        ctx.add(post, "organization", org, m.sentence, method, confidence)


_OTHER = {"f": "m", "m": "f"}
_SAME_POST = {"chef de la diplomatie": (("ministre", "chef", "secrétaire"), "affaires étrangères"),
              "cheffe de la diplomatie": (("ministre", "cheffe", "secrétaire"),
                                          "affaires étrangères"),
              "patron de la diplomatie": (("ministre", "chef", "secrétaire"),
                                          "affaires étrangères"),
              "patronne de la diplomatie": (("ministre", "cheffe", "secrétaire"),
                                            "affaires étrangères"),
              "chef du gouvernement": (("premier ministre",), ""),
              "chef de l'état": (("président", "roi", "reine", "émir", "sultan"), ""),
              "cheffe de l'état": (("présidente", "président", "reine"), ""),
              "cheffe du gouvernement": (("première ministre", "premier ministre"), "")}
"""Titles that name the same post as others: "le chef de la diplomatie" is the minister of
foreign affairs (a post that starts with one of the first words and names the second)."""


def _same_post(key: str, label: str) -> bool:
    """Tell whether a post's label is the one another title names (:data:`_SAME_POST`)."""
    same = _SAME_POST.get(key.lower())
    return same is not None and label.lower().startswith(same[0]) and same[1] in label.lower()


def _in_lead(ctx: Context, m: Mention) -> bool:
    """Tell whether a mention is in the lead: the first sentence of the body that names one."""
    for s in ctx.sentences:
        if s.title or s.clutter or not ctx.in_sentence(s.index, "Person", "Position"):
            continue
        return m.sentence == s.index
    return False


SHARED_DEMONYMS = {"Congo": "République démocratique du Congo"}
"""A demonym's country → the other country the same demonym names ("congolais")."""
_ALIKE = frozenset(frozenset(pair) for pair in SHARED_DEMONYMS.items())
"""Countries one demonym names: a title with it fits a post of either."""


def _alike(demonym_country: str, country: str | None) -> bool:
    """Tell whether a title's country fits a post's or a dateline's country."""
    return country == demonym_country or frozenset({demonym_country, country}) in _ALIKE


def _by_acronym(ctx: Context, title: Mention, source: Mention) -> bool:
    """Tell whether a title with an acronym names a post whose body that acronym stands for.

    "le chef du DFAE" is the "chef du Département fédéral des affaires étrangères (DFAE)": the
    same first word, and the acronym in brackets after that post.
    """
    words = title.text.split()
    acronym = words[-1] if len(words) > 1 else ""
    if not (acronym.isupper() and acronym.isalpha() and len(acronym) >= 2) or \
            words[0].lower() != source.text.split()[0].lower():
        return False
    return f"({acronym})" in ctx.text[source.start_char:source.end_char + len(acronym) + 4]


def holder_by_title(ctx: Context, index: int) -> Entity | None:
    """Return the person a title designates, from the posts already known in the article.

    "le ministre français" designates the one person holding a post whose label starts with
    "ministre" and whose country is France. Several candidates: the one named last before
    the title; a title before any of them (in the lead) takes the first named after it; under
    a dateline, a title without a country goes to that country's holder first.
    """
    m = ctx.mentions[index]
    head = m.key.split()[0]
    gender = title_gender(ctx, m)
    best: tuple[bool, bool, bool, bool, bool, int, Entity] | None = None
    dateline = dateline_country(ctx)
    for person_iri, posts in ctx.held.items():
        known = {c for _, _, c in posts if c}
        for post, source, country in posts:
            if source.start == m.start:
                continue
            if _same_post(m.key, post.label):
                pass  # "le chef de la diplomatie malienne": the minister of foreign affairs
            elif not post.label.startswith(head):
                continue
            if m.countries and not _alike(m.countries[0], country) and (
                    country is not None or any(not _alike(m.countries[0], k) for k in known)
                    or dateline is not None and not _alike(m.countries[0], dateline)
                    or m.countries[0] in _counterpart_countries(ctx)):
                # "le vice-ministre turc": a post whose country was not said, too (unless the
                # dateline says whose: "Dakar (APS) - Le chef de l'État" is Senegal's; or a
                # counterpart of that country is named: "son homologue turc")
                continue
            if len(m.key.split()) > 1 and not (post.label + " ").startswith(m.key + " ") \
                    and not post.label.startswith(m.key + ",") \
                    and not _same_post(m.key, post.label) and not _by_acronym(ctx, m, source):
                continue  # "le ministre d'État": "ministre d'État au ministère de …" too
            person = next((e for e in ctx.holder.values() if e.iri == person_iri), None) or next(
                e for e in ctx.person_of.values() if e.iri == person_iri)
            if gender and gender == _OTHER.get(person_gender(ctx, person_iri) or ""):
                continue  # "la ministre" is not the man named before
            # named before the title: the later the better; after it: the sooner the better
            rank = source.start if source.start < m.start else -source.start - 1
            # bare ("la ministre"): the one the lead is about
            lead = rank >= 0 and len(m.key.split()) == 1 and _in_lead(ctx, source)
            said = not m.countries or country == m.countries[0]
            # a title without a country, under a dateline: that country's holder first
            home = bool(m.countries) or country in (None, dateline)
            # the title itself before a post it stands for ("le chef de l'État": the one
            # given that title, before the president of a commission)
            own = (post.label + " ").startswith(m.key + " ")
            # "le chef du DFAE": the post whose body goes by that acronym
            body = _by_acronym(ctx, m, source)
            if best is None or (said, body, own, lead, home, rank) > best[:6]:
                best = (said, body, own, lead, home, rank, person)
    return best[6] if best else None


_COUNTERPART = re.compile(r"\bhomologues?\s+([^\W\d_]+)", re.IGNORECASE)


def _counterpart_countries(ctx: Context) -> frozenset[str]:
    """Return the countries of the counterparts an article names ("son homologue mauritanien").

    Someone else holds that country's post: "le chef du gouvernement mauritanien" is not the
    prime minister named without a country.
    """
    if "_counterpart_countries" not in ctx.__dict__:
        ctx.__dict__["_counterpart_countries"] = frozenset(
            country for word in _COUNTERPART.findall(ctx.text)
            for country in [ctx.res.demonym(word)] if country)
    return ctx.__dict__["_counterpart_countries"]  # type: ignore[no-any-return]


def _pair_rules(ctx: Context, sentence: int) -> None:
    # a topic inside a title ("ministre de l'Emploi") does not stand between it and its name
    idx = [i for i in ctx.in_sentence(sentence, quoted=True) if ctx.mentions[i].kind != "Topic"]
    for a, b in zip(idx, idx[1:], strict=False):
        ma, mb = ctx.mentions[a], ctx.mentions[b]
        gap = _gap(ctx, ma, mb)
        if ma.kind == "Person" and mb.kind == "Position" and not mb.plural:
            person = ctx.person_of[a]
            if _names_next(ctx, idx, b):
                continue  # "M. Macron, le chancelier allemand Olaf Scholz": Scholz's title
            if _APPOSITION.match(gap):
                if _opens_clause(ctx, mb):
                    continue  # "Accueilli par X, le chef de l'État s'est rendu …": not X
                record_post(ctx, person, b, "fr.title.apposition.v1", 0.8)
            elif _subject_elsewhere(ctx, ma, mb):
                continue  # "sur proposition du président X, a été nommé Y": not X
            elif _FORMER_COPULA.match(gap) and not _since(ctx, mb):
                record_post(ctx, person, b, "fr.title.former.v1", 0.7, former=True)
            elif _COPULA.match(gap) or _QUALITY.match(gap):
                record_post(ctx, person, b, "fr.title.nomination.v1", 0.75)
            elif _NOMINATION.match(gap) and _has_nomination_verb(ctx, sentence):
                record_post(ctx, person, b, "fr.title.nomination.v1", 0.75,
                            org=_sentence_org(ctx, idx, a, mb))
        elif ma.kind == mb.kind == "Position" and a in ctx.holder and not mb.plural \
                and b not in ctx.holder and _INCISE_NOMINATION.match(gap) \
                and _NAMED_BEFORE.search(ctx.text[:ma.start_char]):
            # "M. X, jusque-là directeur de l'Europe, est nommé ambassadeur": X, whose former
            # post is the incise before the verb
            record_post(ctx, ctx.holder[a], b, "fr.title.nomination.v1", 0.7)
        elif ma.kind == "Position" and mb.kind == "Person" and not ma.plural:
            if "," in gap and _complement_of_noun(ctx, ma):
                continue  # "la veuve de l'ancien président, X": X is the widow
            if (_BEFORE.match(gap) or _demonym_gap(ctx, gap)) and b not in ctx.holder \
                    and a not in ctx.holder:
                record_post(ctx, ctx.person_of[b], a, "fr.title.before.v1", 0.8)
    for n, a in enumerate(idx):  # "Le wali de la région de X, Y,": across place names
        ma = ctx.mentions[a]
        if ma.kind != "Position" or ma.plural or a in ctx.holder:
            continue
        named = next((i for i in idx[n + 1:] if ctx.mentions[i].kind in ("Person", "Position")),
                     None)
        if named is None or ctx.mentions[named].kind != "Person" or named in ctx.holder:
            continue
        mb = ctx.mentions[named]
        gap = _gap(ctx, ma, mb)
        if _long_complement(ctx, ma, mb, gap) or (gap.lstrip().startswith("(")
                                                   and _BEFORE.match(gap)):
            record_post(ctx, ctx.person_of[named], a, "fr.title.before.v2", 0.7)
    for a, b, c in zip(idx, idx[1:], idx[2:], strict=False):
        # "Le chef de l'État, le général X": both titles are X's
        ma, mb, mc = (ctx.mentions[i] for i in (a, b, c))
        if ma.kind == mb.kind == "Position" and mc.kind == "Person" and not ma.plural \
                and a not in ctx.holder and ctx.holder.get(b) == ctx.person_of[c] \
                and _APPOSITION.match(_gap(ctx, ma, mb)):
            record_post(ctx, ctx.person_of[c], a, "fr.title.before.v1", 0.75)


def _long_complement(ctx: Context, title: Mention, person: Mention, gap: str) -> bool:
    """Tell whether a title's own complement fills the gap up to ", NAME".

    "le Haut représentant de l'UE pour les affaires étrangères, X", "la coordonnatrice
    résidente des Nations unies en Mauritanie, X": a "de", "pour" or "en" phrase of a few
    words, no verb, no other mention of a person or title, then a comma.
    """
    if _renamed_org(ctx, title, person):
        return True  # "la directrice générale de LuxDev, l'Agence luxembourgeoise …, X"
    # "… pour l'Afrique de l'Ouest et le Sahel, X": the region goes on after "et"
    if not re.match(r"^\s*(?:de|du|des|d['’]|pour|auprès|en|au|aux|à|et (?:le|la|l['’]|les|"
                    r"au|aux|en|du|des|de))\b[^,;:.«»()]*"
                    r"(?:\(\s*[A-Z][A-Za-z]{1,9}\s*\)\s*)?,\s*(?:m\.|mme|sem)?\s*$", gap, re.I) \
            and not re.match(r"^\s*[a-zéèêàç]+(?:\s+(?:de|du|des|d['’])\b[^,;:.«»()]*)?,\s*$",
                             gap):  # "… de la République islamique de Mauritanie, X"
        return False
    tokens = range(title.end, person.start)
    if len(tokens) > 12 or _complement_of_noun(ctx, title) or not title.definite:
        return False
    return not any(ctx.doc[t].pos_ in ("VERB", "AUX") for t in tokens) and not any(  # type: ignore[index]
        (i := ctx.mention_at(t)) is not None and ctx.mentions[i].kind in ("Person", "Position")
        for t in tokens)


def _renamed_org(ctx: Context, title: Mention, person: Mention) -> bool:
    """Tell whether only an organisation's other name stands between a title and a name."""
    doc: Any = ctx.doc
    tokens = list(range(title.end, person.start))
    if not title.org or len(tokens) < 3 or doc[tokens[0]].text != "," \
            or doc[tokens[-1]].text != ",":
        return False
    inner = tokens[1:-1]
    if doc[inner[0]].lower_ in ("l'", "l’", "la", "le", "les"):
        inner = inner[1:]
    index = ctx.mention_at(inner[0]) if inner else None
    return index is not None and ctx.mentions[index].kind == "Organization" \
        and ctx.mentions[index].start == inner[0] and ctx.mentions[index].end == inner[-1] + 1


def _opens_clause(ctx: Context, post: Mention) -> bool:
    """Tell whether a title is the subject of the verb right after it (no closing comma).

    "X, le ministre, a dit" is an apposition; "…, le chef de l'État s'est rendu" is not.
    """
    t = post.end
    doc = ctx.doc
    if t < len(doc) and doc[t].lower_ in ("s'", "se", "ne", "n'"):  # type: ignore[arg-type,index]
        t += 1
    return t < len(doc) and doc[t].pos_ in ("AUX", "VERB")  # type: ignore[arg-type,index]


def _subject_elsewhere(ctx: Context, person: Mention, post: Mention) -> bool:
    """Tell whether the verb before a title has another subject than ``person``.

    It has when the parse names another subject, or when ``person`` sits in a prepositional
    phrase ("sur proposition du président X, a été nommé …").
    """
    doc = ctx.doc
    tok = doc[person.start]  # type: ignore[index]
    while tok.dep_ in ("appos", "flat:name") and tok.head.i != tok.i:
        tok = tok.head
    if any(c.dep_ == "case" for c in tok.children):
        return True
    head = next((t for t in range(post.start, post.end)
                 if not post.start <= doc[t].head.i < post.end), post.start)  # type: ignore[index]
    verb = doc[head].head  # type: ignore[index]
    if verb.pos_ != "VERB" or doc[head].dep_ not in ("xcomp", "obj", "obl:mod", "obl"):  # type: ignore[index]
        return False
    return any(c.dep_ in ("nsubj", "nsubj:pass") and not person.start <= c.i < person.end
               for c in verb.children)


def _demonym_gap(ctx: Context, gap: str) -> bool:
    """Tell whether a gap is a capitalised demonym: "le président, le Tchadien X"."""
    words = gap.strip().lstrip(",").split()
    return len(words) == 2 and words[0].lower() in ("le", "la") and words[1][:1].isupper() \
        and ctx.res.demonym(words[1]) is not None


def _names_next(ctx: Context, idx: list[int], b: int) -> bool:
    """Tell whether a title is followed at once by the name it introduces.

    "le chancelier allemand Olaf Scholz"; and, in a list of those present, "…, M. X, le
    directeur de cabinet, M. Y": a title with its determiner, then a comma and an honorific.
    """
    later = [i for i in idx if i > b]
    if not later or ctx.mentions[later[0]].kind != "Person":
        return False
    gap = _gap(ctx, ctx.mentions[b], ctx.mentions[later[0]])
    return not gap.strip() or bool(ctx.mentions[b].definite and _HONORIFIC_GAP.match(gap))


_HONORIFIC_GAP = re.compile(r"^\s*,\s*(?:m\.|mme|mlle|sem|s\.\s?e\.|son excellence)\s*$",
                            re.IGNORECASE)


def _sentence_org(ctx: Context, idx: list[int], person: int, post: Mention) -> Entity | None:
    """Return the organisation of a nomination ("… de RTVE et nomma Y comme président")."""
    if post.org or post.countries:
        return None
    orgs = [i for i in idx if i < person and ctx.mentions[i].kind == "Organization"]
    return ctx.entity_of(orgs[-1]) if orgs else None


def _complement_of_noun(ctx: Context, m: Mention) -> bool:
    """Whether a title is the complement of another noun ("la veuve de l'ancien président")."""
    t = m.start - 1
    while t > 0 and ctx.doc[t].pos_ in ("DET", "ADJ"):  # type: ignore[index]
        t -= 1
    if t > 0 and ctx.doc[t - 1].lower_ in ("celui", "celle", "ceux", "celles"):  # type: ignore[index]
        return False  # "celui du secrétaire général de l'ONU, X": X is the secretary-general
    if t > 0 and _act_noun(ctx, t - 1):
        return False  # "la visite du président italien, M. X": X is the president
    before = t - 1
    while before > 0 and ctx.doc[before].pos_ == "ADV":  # type: ignore[index]
        before -= 1  # "entouré notamment du ministre, M. X"
    if t > 0 and (ctx.doc[before].pos_ in ("VERB", "AUX")  # type: ignore[index]
                  or "Part" in ctx.doc[before].morph.get("VerbForm")):  # type: ignore[index]
        return False  # "accompagné de l'ambassadeur, M. X": X is the ambassador
    if t > 0 and (ctx.doc[t - 1].lower_ == "et" or t > 1  # type: ignore[index]
                  and ctx.doc[t - 1].lower_ in ("que", "qu'")  # type: ignore[index]
                  and ctx.doc[t - 2].lower_ == "ainsi"):  # type: ignore[index]
        # "la déclaration commune de Y et du président, X": what governs the first of them;
        # "accompagné de X, ainsi que de l'ambassadeur, Y" too
        head = ctx.doc[m.start]  # type: ignore[index]
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.head.pos_ == "NOUN" and _act_noun(ctx, head.head.i):
            return False
        first = _first_conjunct(ctx, m)  # "entouré du ministre X, M. A, et de la ministre Y"
        if first is not None and not _complement_of_noun(ctx, first):
            return False
    return ctx.doc[t].lower_ in ("de", "du", "des", "d'")  # type: ignore[index]


def _first_conjunct(ctx: Context, m: Mention) -> Mention | None:
    """Return the title "et de la ministre Y" is coordinated with.

    The first title of its sentence introduced by "de" like it: "du ministre X".
    """
    for other in ctx.mentions:
        if other.start >= m.start:
            break
        if other.sentence != m.sentence:
            continue
        if other.kind == "Position" and other.start > 1 and ctx.doc[  # type: ignore[index]
                other.start - 1 if ctx.doc[other.start - 1].pos_ != "DET"  # type: ignore[index]
                else other.start - 2].lower_ in ("de", "du", "des", "d'"):
            return other
    return None


def _act_noun(ctx: Context, token: int) -> bool:
    """Whether a noun names an event or an act ("visite", "invitation"), not a person."""
    lemma = ctx.lemma(token)
    return any(lemma in ctx.res.trigger(group, "nouns") for group in ("visit", "meeting")) \
        or lemma in ctx.res.trigger("acts", "nouns")


def _has_nomination_verb(ctx: Context, sentence: int) -> bool:
    s = ctx.sentences[sentence]
    verbs = ctx.res.trigger("nomination", "verbs")
    return any(ctx.doc[t].lemma_.lower() in verbs for t in range(s.start, s.end))  # type: ignore[index]


def _first_person(ctx: Context, sentence: int) -> int | None:
    people = ctx.in_sentence(sentence, "Person")
    return people[0] if people else None


def _intro(ctx: Context, index: int) -> None:
    """Give a subject title to the person who opens the next sentence."""
    m = ctx.mentions[index]
    if index in ctx.holder or m.plural or not m.definite or m.quoted:
        return
    s = ctx.sentences[m.sentence]
    before = [i for i in ctx.in_sentence(m.sentence, "Person", "Position") if i < index]
    if before or ctx.doc[m.start].dep_ not in ("nsubj", "nsubj:pass"):  # type: ignore[index]
        return
    nxt = m.sentence + 1
    if nxt >= len(ctx.sentences) or ctx.sentences[nxt].title or s.title:
        return
    first = _main_subject(ctx, nxt)
    if first is None:
        first = _first_person(ctx, nxt)
        if first is None or ctx.doc[ctx.mentions[first].start].dep_ not in (  # type: ignore[index]
                "nsubj", "nsubj:pass", "flat:name"):
            return
    person = ctx.person_of[first]
    if person.iri in ctx.held or any(ctx.person_of.get(i) == person for i in range(first)):
        return
    if holder_by_title(ctx, index) is not None:
        return
    record_post(ctx, person, index, "fr.title.intro.v1", 0.6)


def _main_subject(ctx: Context, sentence: int) -> int | None:
    """Return the person mention that is the subject of a sentence's main verb.

    "Arrivé à l'Élysée avec Y, X a dîné avec …": X, though Y is named first.
    """
    people = ctx.in_sentence(sentence, "Person")
    for i in people:
        tok = ctx.doc[ctx.mentions[i].start]  # type: ignore[index]
        if tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.dep_ == "ROOT":
            return i
    for i in people:  # the parse may miss it: ", X a dîné"
        m = ctx.mentions[i]
        if m.start == 0 or m.end >= len(ctx.doc):  # type: ignore[arg-type]
            continue
        before, after = ctx.doc[m.start - 1], ctx.doc[m.end]  # type: ignore[index]
        if before.text == "," and after.pos_ == "AUX" and after.head.pos_ == "VERB":
            return i
    return None


def _plural(ctx: Context, index: int) -> None:
    """Distribute a plural post over the coordinated people named soon after."""
    m = ctx.mentions[index]
    if not m.plural or len(m.countries) < 2 or m.quoted:
        return
    for sentence in range(m.sentence, min(m.sentence + 5, len(ctx.sentences))):
        people = ctx.in_sentence(sentence, "Person")
        for a, b in zip(people, people[1:], strict=False):
            if not re.fullmatch(r"\s*(?:et|,)\s*", _gap(ctx, ctx.mentions[a], ctx.mentions[b])):
                continue
            pair = [ctx.person_of[a], ctx.person_of[b]]
            known = {p.iri: _countries_held(ctx, p, m) for p in pair}
            free = [c for c in m.countries if not any(c in v for v in known.values())]
            unknown = [p for p in pair if not known[p.iri]]
            if len(unknown) == 1 and len(free) == 1 and len(pair) == len(m.countries):
                record_post(ctx, unknown[0], index, "fr.title.plural.v1", 0.6, country=free[0])
                return


def _plural_list(ctx: Context, index: int) -> None:
    """Give a plural title to each of the names listed right after it.

    "des députés Jonas Keller (SPD) et Miriam Braun (Verts)", "les ministres A, B et C":
    each holds the post ("député"), of the one country the title names, if any.
    """
    m = ctx.mentions[index]
    if not m.plural or m.quoted or m.former or len(m.countries) > 1:
        return  # "les ex-ministres de droite A et B": no post to give
    doc: Any = ctx.doc
    end = ctx.sentences[m.sentence].end
    people, u = [], m.end
    while u < end:
        at = ctx.mention_at(u)
        if at is None or ctx.mentions[at].kind != "Person" or at not in ctx.person_of:
            break
        people.append(ctx.person_of[at])
        u = ctx.mentions[at].end
        if u < end and doc[u].text == "(":  # "X (SPD)": past the party
            u = next((w + 1 for w in range(u + 1, min(u + 7, end)) if doc[w].text == ")"), u)
        if u + 1 < end and doc[u].lower_ in (",", "et"):
            u += 1
            continue
        break
    if len(people) < 2:
        return  # one name after a plural is no list ("les ministres Paul Roy a reçus")
    for person in people:
        if all(c.subject.iri != person.iri or c.relation != "holdsPosition"
               or c.sentence != m.sentence for c in ctx.claims):
            record_post(ctx, person, index, "fr.title.list.v1", 0.55,
                        country=m.countries[0] if m.countries else None)


def _countries_held(ctx: Context, person: Entity, m: Mention) -> set[str]:
    return {country for post, _, country in ctx.held.get(person.iri, [])
            if post.label == m.key and country}


_BECOME = {"devenir", "rester", "demeurer", "redevenir"}


def _nomination_parse(ctx: Context, index: int) -> None:
    """Read a nomination from the parse: "X, du parti Y, a été nommé ministre de Z".

    The title is the complement of a nomination verb (or of "devenir", "rester"); its holder
    is the verb's object, its passive subject, the subject of "devenir", or the name a
    participle qualifies ("Abdoulaye Maïga, nommé Premier ministre").
    """
    m = ctx.mentions[index]
    if index in ctx.holder or m.plural or m.quoted:
        return
    doc = ctx.doc
    head = next((t for t in range(m.start, m.end)
                 if not m.start <= doc[t].head.i < m.end), m.start)  # type: ignore[index]
    tok = doc[head]  # type: ignore[index]
    verb = tok.head
    if verb.pos_ != "VERB" or tok.dep_ not in ("xcomp", "obj", "obl:mod", "obl", "obl:arg"):
        return
    lemma = ctx.lemma(verb.i)
    nominate = ctx.res.trigger("nomination", "verbs")
    if lemma not in nominate and lemma not in _BECOME:
        return
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    if verb.dep_ == "acl" and lemma in nominate:
        candidates = [verb.head]
    elif lemma in _BECOME or passive:
        candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    else:
        candidates = [c for c in verb.children if c.dep_ == "obj" and c.i != tok.i]
    if verb.dep_ == "acl:relcl":  # "X, du parti Y, qui … a été nommé Z": X
        candidates = [verb.head if c.lower_ in _RELATIVE else c for c in candidates]
    person = _person_among(ctx, candidates)
    if person is not None:
        record_post(ctx, person, index, "fr.title.nomination.v2", 0.7)


_RELATIVE = ("qui", "lequel", "laquelle")
_OCCUPY = frozenset({"occuper", "conserver", "garder", "assumer", "détenir", "obtenir",
                     "récupérer", "décrocher", "hériter", "prendre", "confier", "attribuer",
                     "revenir", "échoir", "assurer", "cumuler", "retrouver"})
"""Verbs of holding or being given a post: "X occupera le poste de Y", "le poste … confié à X"."""


def _person_among(ctx: Context, tokens: list) -> Entity | None:  # type: ignore[type-arg]
    """Return the person named by one of ``tokens`` (or by its name part below: "Mme X")."""
    for c in [x for c in tokens for x in [c, *c.children]
              if x is c or x.dep_ in ("flat:name", "appos")]:
        found = ctx.mention_at(c.i)
        if found is not None and ctx.mentions[found].kind == "Person":
            return ctx.person_of.get(found)
    return None


def _post_occupied(ctx: Context, index: int) -> None:
    """Read "le poste de Y … occupé par X", "X occupera le poste de Y", "… confié à X".

    The title follows "poste de"; the holder is the subject of a verb of holding whose object
    is "poste", or the agent ("par X") or recipient ("à X") when "poste" is its subject.
    """
    m = ctx.mentions[index]
    doc: Any = ctx.doc
    if index in ctx.holder or m.plural or m.quoted or m.start < 2 \
            or doc[m.start - 2].lower_ not in ("poste", "postes") \
            or doc[m.start - 1].lower_ not in ("de", "d'", "d’"):
        return
    post = doc[m.start - 2]
    verbs = [post.head] if post.head.pos_ in ("VERB", "ADJ") else []
    verbs += [c for t in [post.i, *range(m.start, m.end)]
              for c in doc[t].children if c.dep_ == "acl:relcl" and c.i >= m.end]
    if m.end + 1 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].lower_ == "qui":
        verbs.append(doc[m.end + 1].head)  # "…, qui sera occupé par X", whatever the parse
    verbs += [x for v in list(verbs) for x in v.children if x.dep_ == "xcomp"]
    for verb in verbs:
        if ctx.lemma(verb.i) not in _OCCUPY or modality(ctx, verb.i) == "hypothetical":
            continue
        relative = any(c.lower_ in _RELATIVE for c in verb.children)
        passive = any(c.dep_ == "aux:pass" for c in verb.children) or verb.morph.get(
            "VerbForm") == ["Part"] and not any(c.dep_ == "aux:tense" for c in verb.children)
        if post.dep_ == "obj" and verb.i == post.head.i and not passive:
            holders = [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            holders = [c for c in verb.children if c.dep_ in ("obl:agent", "obl:arg", "obl")
                       and any(k.lower_ in ("par", "à", "au") for k in c.children)]
        if relative and not holders:
            continue
        person = _person_among(ctx, holders)
        if person is not None:
            record_post(ctx, person, index, "fr.title.occupied.v1", 0.7)
            return


def find_posts(ctx: Context) -> None:
    """Find who holds which post, then resolve the remaining titles to their holders."""
    for s in ctx.sentences:
        _pair_rules(ctx, s.index)
    positions = [i for i, m in enumerate(ctx.mentions) if m.kind == "Position"]
    for i in positions:
        _nomination_parse(ctx, i)
        _post_occupied(ctx, i)
    for i in positions:
        _intro(ctx, i)
    for i in positions:
        _plural(ctx, i)
        _plural_list(ctx, i)
    for i in positions:
        m = ctx.mentions[i]
        if i not in ctx.holder and not m.plural and m.definite:
            person = holder_by_title(ctx, i)
            if person is not None:
                ctx.holder[i] = person
                if m.countries:  # "le vice-ministre turc": that post is Turkey's
                    _country_of_holder(ctx, i, person)
            elif m.countries:
                _country_by_title(ctx, i)
    for i in positions:
        _in_capacity(ctx, i)
    pairs = list(zip(positions, positions[1:], strict=False))
    for a, b in [*pairs[::-1], *pairs]:  # "A, B, Son Excellence le Général X": B, then A
        _joined_titles(ctx, a, b)
    for i in positions:
        _fronted_former(ctx, i)
        _relative_former(ctx, i)


_WAS = (("qui", "fut"), ("qui", "a", "été"), ("qui", "avait", "été"), ("qui", "était"),
        ("qui", "fut", "notamment"), ("qui", "a", "notamment", "été"))
"""A relative that says what its antecedent was: "X, qui fut ambassadeur au Caire"."""


def _relative_former(ctx: Context, index: int) -> None:
    """Read "X, qui fut ambassadeur du Qatar en Éthiopie, …": a post X held.

    The antecedent is the name, or the resolved title, that ends right before ", qui".
    Titles coordinated after the first ("… et représentant permanent …") are held too.
    """
    m = ctx.mentions[index]
    if index in ctx.holder or m.plural or m.quoted:
        return
    doc: Any = ctx.doc
    words = next((w for w in _WAS if m.start - len(w) - 1 >= 0 and tuple(
        doc[m.start - len(w) + k].lower_ for k in range(len(w))) == w), None)
    if words is None or doc[m.start - len(words) - 1].text != ",":
        return
    before = ctx.mention_at(m.start - len(words) - 2)
    person = ctx.entity_of(before) if before is not None else None
    if person is None or person.type != "Person":
        return
    titles = [index]
    nxt = index + 1
    while nxt < len(ctx.mentions) and ctx.mentions[nxt].kind == "Position" and \
            doc[ctx.mentions[nxt - 1].end].lower_ == "et" and \
            ctx.mentions[nxt].start == ctx.mentions[nxt - 1].end + 1:
        titles.append(nxt)  # "… en Éthiopie et représentant permanent auprès de l'UA"
        nxt += 1
    for title in titles:
        if title not in ctx.holder:
            record_post(ctx, person, title, "fr.title.relative.v1", 0.6, former=True)


def _fronted_former(ctx: Context, index: int) -> None:
    """Read a former post that opens its sentence before the name: "Ancien ministre de X, Y …".

    "Ancien ambassadeur du Brésil auprès de l'Union africaine, M. X a été reçu …": the first
    person named after the comma that ends the fronted phrase held the post. No verb may
    come before that comma.
    """
    m = ctx.mentions[index]
    if not m.former or index in ctx.holder or m.plural or m.quoted:
        return
    doc: Any = ctx.doc
    s = ctx.sentences[m.sentence]
    if m.start > s.start + 2:  # "Ancien ministre …", "L'ancienne ministre …" open it
        return
    comma = next((u for u in range(m.end, min(m.end + 25, s.end)) if doc[u].text == ","), None)
    if comma is None or any(doc[u].pos_ in ("VERB", "AUX") and "Part" not in doc[u].morph.get(
            "VerbForm") for u in range(m.end, comma)):
        return  # a finite verb: the phrase is a clause ("consultant" may be tagged a verb)
    u = comma + 1
    also = ctx.mention_at(u) if u < s.end else None
    if u < s.end and doc[u].lower_ not in NAME_HONORIFICS and (
            also is None or ctx.mentions[also].kind != "Person"):
        # "…, membre du parti X, Mme Y": another phrase of hers, apposed before the name
        after = next((v for v in range(u + 1, min(u + 12, s.end)) if doc[v].text == ","), None)
        if after is not None and not any(doc[v].pos_ in ("VERB", "AUX")
                                         for v in range(u, after)):
            u = after + 1
    if also is None or ctx.mentions[also].kind != "Position" or also in ctx.holder:
        also = None
    while u < s.end and doc[u].lower_ in NAME_HONORIFICS:
        u += 1
    named = ctx.mention_at(u) if u < s.end else None
    if named is not None and ctx.mentions[named].kind == "Person":
        person = ctx.entity_of(named)
        if person is not None:
            record_post(ctx, person, index, "fr.title.former.v1", 0.65, former=True)
            if also is not None:
                record_post(ctx, person, also, "fr.title.former.v1", 0.6)


def resolve_late_titles(ctx: Context) -> None:
    """Resolve the titles whose holder only the article-wide readers made known.

    "Le ministre chinois a reçu son homologue sénégalais, X." gives X the Senegalese post;
    "le chef de la diplomatie sénégalaise", later, is then X. Titles resolved before keep
    their holder.

    Notes
    -----
    Run by :func:`graph.extract.read_article` after the counterparts are read.
    """
    for i, m in enumerate(ctx.mentions):
        if m.kind != "Position" or i in ctx.holder or m.plural or not m.definite or m.quoted:
            continue
        person = holder_by_title(ctx, i) or envoy_named(ctx, m.start) or national_named(
            ctx, m.start)  # "l'émissaire français", "le responsable onusien"
        if person is not None:
            ctx.holder[i] = person


_CAPACITY = re.compile(r"(?:en (?:(?:sa|leur) )?qualité d[e'’]|en tant qu[e'’])\s*$", re.IGNORECASE)


def _in_capacity(ctx: Context, index: int) -> None:
    """Read "X a présenté ses lettres de créance en qualité d'ambassadeur de Y": X's post.

    The title after "en qualité de" or "en tant que" is held by the subject of the verb the
    phrase belongs to.
    """
    m = ctx.mentions[index]
    if index in ctx.holder or m.plural or m.quoted or not _CAPACITY.search(
            ctx.text[max(0, m.start_char - 30):m.start_char]):
        return
    verb = governing_verb(ctx, m.start)
    if ctx.doc[verb].pos_ != "VERB":  # type: ignore[index]
        return
    people = [p for p in subjects(ctx, verb, Salience(), climb=False) if p.type == "Person"]
    if len(people) == 1:
        record_post(ctx, people[0], index, "fr.title.capacity.v1", 0.7)


_THEN = re.compile(r"^\s*,?\s*(?:puis|et|avant d['’]être)\s*(?:(?:le|la|l'|l’)\s*)?$",
                   re.IGNORECASE)
_JOINED = re.compile(r"^\s*(?:,|et)\s*(?:également|aussi)?\s*(?:ancien|ancienne|ex-)?\s*$")
_HONOURED = re.compile(r"^\s*,\s*(?:(?:son|sa)\s+excellence|s\.\s?e\.?|sem)\s+(?:le|la)\s*$",
                       re.IGNORECASE)
"""The gap between a title and the rank of its holder: "Chef de l'État, Son Excellence le
(Général X)"."""


def _joined_titles(ctx: Context, a: int, b: int) -> None:
    """Give both of two titles joined without a determiner to whoever holds one of them.

    "le Président de la République, Président tournant de l'Union africaine": one person.
    ("le ministre X, le ministre Y" names two: the determiner starts another.)
    """
    ma, mb = ctx.mentions[a], ctx.mentions[b]
    if ma.sentence != mb.sentence or ma.plural or mb.plural or ma.quoted or mb.quoted:
        return
    if _THEN.match(_gap(ctx, ma, mb)) and a in ctx.holder and b not in ctx.holder and any(
            m.start == ma.start and m.former for _, m, _ in ctx.held.get(ctx.holder[a].iri, [])):
        # "X a été ambassadeur au Mozambique, puis directeur de l'Afrique": both former
        record_post(ctx, ctx.holder[a], b, "fr.title.former.v1", 0.6, former=True)
        return
    if not _JOINED.match(_gap(ctx, ma, mb)) and not (
            _HONOURED.match(_gap(ctx, ma, mb)) and b in ctx.holder):
        return
    if a in ctx.holder and b not in ctx.holder:
        record_post(ctx, ctx.holder[a], b, "fr.title.joined.v1", 0.6)
    elif b in ctx.holder and a not in ctx.holder:
        record_post(ctx, ctx.holder[b], a, "fr.title.joined.v1", 0.6)


def _country_of_holder(ctx: Context, index: int, person: Entity) -> None:
    """Give a title's country to the post without one its holder was named with."""
    m = ctx.mentions[index]
    posts = [(post, source) for post, source, country in ctx.held.get(person.iri, [])
             if country is None and source.start < m.start and (
                 post.label.startswith(m.key.split()[0]) or _same_post(m.key, post.label))]
    if len(posts) == 1 and not {c for _, _, c in ctx.held.get(person.iri, []) if c}:
        country = m.countries[0]
        dateline = dateline_country(ctx)
        if dateline is not None and _alike(country, dateline):
            country = dateline  # "congolaise" under a Kinshasa dateline: the DRC
        record_post(ctx, person, ctx.mentions.index(posts[0][1]), "fr.title.anaphor.v1", 0.55,
                    country=country)


def _country_by_title(ctx: Context, index: int) -> None:
    """Give its country to the one post of that title known without one.

    "Béji Caïd Essebsi, le président" then "le président tunisien": the post is Tunisia's.
    """
    m = ctx.mentions[index]
    if dateline_country(ctx) not in (None, m.countries[0]):
        return  # "Dakar (APS) - Le président X …": X's post is Senegal's, not "le président X"'s
    found = [(iri, post, source) for iri, posts in ctx.held.items()
             for post, source, country in posts
             if country is None and post.label == m.key and source.start < m.start]
    if len({iri for iri, _, _ in found}) != 1:
        return
    iri, post, source = found[-1]
    person = next((e for e in ctx.holder.values() if e.iri == iri), None)
    if person is None or any(ctx.person_of.get(i) == person
                             for i in ctx.in_sentence(m.sentence, "Person")):
        return  # "le président X … avec le président français": someone else
    record_post(ctx, person, ctx.mentions.index(source), "fr.title.anaphor.v1", 0.55,
                country=m.countries[0])
    ctx.holder[index] = person
