"""Quotations and their speakers: the ``said`` rules.

- ``fr.said.after.v1`` — the attribution follows the quote: "« … » a-t-il précisé",
  "« … » déclare à l'AFP Jean Dupont", "« … » dénonce le ministre".
- ``fr.said.before.v1`` — it precedes it: "X a déclaré : « … »", "selon X, « … »",
  "X, en affirmant que « … »".
- ``fr.said.context.v1`` — a quote standing alone continues the previous speaker, or follows
  "X l'a souligné." / "comme l'a expliqué le ministre.".

Quotes of fewer than three words ("« filière d'avenir »") are terms, not statements.
"""

from __future__ import annotations

from typing import Any

from graph.extract.agents import (
    Salience,
    envoy_named,
    national_named,
    pronoun_person,
    sentence_index,
    subjects,
)
from graph.extract.context import AGENT_KINDS, Context
from graph.extract.posts import record_post
from graph.model.records import Entity, Literal

__all__ = ["MIN_QUOTE_WORDS", "find_quotes_said"]

MIN_QUOTE_WORDS = 3
"""Shorter quotations are not taken as statements."""

_INTRO_PREPOSITIONS = {"selon", "pour", "d'après", "according"}
_TITLE_MARKERS = {"sur", "intitulé", "intitulée", "intitulés", "baptisé", "baptisée", "titré",
                  "titrée", "surnommé", "surnommée", "appelé", "appelée", "dénommé", "dénommée",
                  "entitled", "called", "named"}
_NAMING_NOUNS = {"initiative", "opération", "programme", "projet", "plan", "stratégie",
                 "campagne", "slogan", "devise", "label", "concept", "vision", "doctrine",
                 "dite", "dit", "mécanisme", "fonds", "forum", "dialogue", "format", "processus"}
"""Nouns a name in quotation marks follows: "l'initiative « la Ceinture et la Route »"."""
_OBLIQUE = {"à", "au", "aux", "l'", "de", "du", "des", "par", "sur", "avec", "to", "on", "the"}


def _a_name(quoted: str) -> bool:
    """Tell whether quoted words read as a name: a few words, some after the first capitalised.

    Examples
    --------
    >>> _a_name("« la Ceinture et la Route »"), _a_name("« porteur d'espoir pour la région »")
    (True, False)
    """
    words = quoted.strip("«»\"“” \u00a0").split()
    return 0 < len(words) <= 8 and any(w[:1].isupper() for w in words[1:])


def _tokens_between(ctx: Context, start_char: int, end_char: int) -> list[int]:
    doc = ctx.doc
    return [i for i in ctx.tokens_between(start_char, end_char)
            if not doc[i].is_space]  # type: ignore[index]


def _speech(ctx: Context, token: int) -> bool:
    tok = ctx.doc[token]  # type: ignore[index]
    if any(c.dep_ == "aux:pass" for c in tok.children):
        return False  # "elle a été déclarée « … »": the subject is not the speaker
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    verbs = ctx.res.trigger("speech", "verbs")
    lower = tok.lower_
    # the lemmatizer may leave a present tense as it is ("estime"): its infinitive too
    return tok.lemma_.lower() in verbs or lower.endswith("e") and lower + "r" in verbs or \
        lower.endswith("ent") and lower[:-2] + "r" in verbs


def _title_fallback(ctx: Context, token: int, sentence: int) -> Entity | None:
    """Return the person named last before a speaker title nobody holds yet."""
    index = ctx.mention_at(token)
    if index is None or ctx.mentions[index].kind != "Position" or ctx.mentions[index].plural:
        return None
    said = ctx.mentions[index].countries
    for j in range(index - 1, -1, -1):
        m = ctx.mentions[j]
        if m.sentence < sentence - 1:
            break
        if m.kind == "Person":
            person = ctx.entity_of(j)
            known = {c for _, _, c in ctx.held.get(person.iri, []) if c} if person else set()
            if said and known and said[0] not in known:
                continue  # "a affirmé le chancelier cubain": not the Burkinabè named last
            if person is not None:
                record_post(ctx, person, index, "fr.title.speaker.v1", 0.5)
            return person
    return None


_GOING_ON = frozenset({"ajouter", "poursuivre", "renchérir", "compléter", "conclure",
                       "continuer", "insister"})
"""Speech verbs that continue a statement: "a ajouté le ministre" is the last speaker."""


def _bare_title_of(ctx: Context, index: int, person: Entity) -> bool:
    """Tell whether a bare title ("le ministre") fits a post the person holds."""
    m = ctx.mentions[index]
    if m.kind != "Position" or m.countries or len(m.key.split()) > 1:
        return False
    named = ctx.mention_at(m.end) if m.end < len(ctx.doc) else None  # type: ignore[arg-type]
    if named is not None and ctx.mentions[named].kind == "Person":
        return False  # "a ajouté la ministre Diagne": the one named
    return any(post.label.startswith(m.key) for post, _, _ in ctx.held.get(person.iri, []))


def _after(ctx: Context, tokens: list[int], salience: Salience,
           last: Entity | None = None) -> Entity | None:
    """Attribution after the quote: a speech verb first, then its subject.

    A bare title after a verb that continues ("a ajouté le ministre") is ``last``, the one who
    just spoke, when it fits them.
    """
    while tokens and ctx.doc[tokens[0]].text in ('»', '"'):  # type: ignore[index]
        tokens = tokens[1:]
    if len(tokens) > 2 and ctx.doc[tokens[0]].text == "," and ctx.doc[  # type: ignore[index]
            tokens[1]].lower_ == "selon":  # "« … », selon (les termes de) Mme X"
        for u in tokens[2:9]:
            if ctx.doc[u].is_punct or ctx.doc[u].lower_ in _WRITTEN_SOURCES:  # type: ignore[index]
                return None  # "selon le communiqué": no one's words
            index = ctx.mention_at(u)
            if index is not None and ctx.mentions[index].kind == "Person":
                return ctx.entity_of(index)
            if index is not None:
                return None
        return None
    for k, t in enumerate(tokens[:6]):
        if ctx.doc[t].is_punct and ctx.doc[t].text not in (",",):  # type: ignore[index]
            return None
        if not _speech(ctx, t):
            continue
        inverted = [u for u in tokens[:k + 3]
                    if ctx.doc[u].text.startswith("-") and ctx.is_pronoun(u)]  # type: ignore[index]
        if inverted:
            return pronoun_person(ctx, inverted[0], salience.person)  # "a-t-il précisé"
        for u in tokens[k + 1:k + 9]:
            tok = ctx.doc[u]  # type: ignore[index]
            if tok.text in (".", ";", "«"):
                break
            if ctx.is_pronoun(u):
                return pronoun_person(ctx, u, salience.person)
            envoy = envoy_named(ctx, u) or national_named(ctx, u)  # "a confié le diplomate
            if envoy is not None:  # turc", "a déclaré le responsable paraguayen"
                return envoy
            index = ctx.mention_at(u)
            if index is not None and last is not None and ctx.lemma(t) in _GOING_ON \
                    and _bare_title_of(ctx, index, last):
                return last  # "« … », a ajouté le ministre": the minister who just spoke
            if index is not None and ctx.mentions[index].kind in AGENT_KINDS:
                if ctx.doc[ctx.mentions[index].start - 1].lower_ in _OBLIQUE:  # type: ignore[index]
                    continue  # "déclare à l'AFP X": the agency is not the speaker
                sentence = ctx.mentions[index].sentence
                return ctx.entity_of(index) or _title_fallback(ctx, u, sentence)
        return None
    return None


def _before(ctx: Context, tokens: list[int], salience: Salience) -> Entity | None:
    """Attribution before the quote: "selon X", or a speech verb and its subject."""
    doc = ctx.doc
    for k, t in enumerate(tokens):
        if doc[t].lower_ == "pour" and k + 1 < len(tokens) and doc[tokens[k + 1]].lower_ in (  # type: ignore[index]
                "sa", "son", "leur", "ma", "notre", "votre"):
            continue  # "X a, pour sa part, estimé que « … »": no "pour X"
        if doc[t].lower_ == "pour" and k and not (doc[tokens[k - 1]].is_punct  # type: ignore[index]
                                                  or doc[tokens[k - 1]].lower_ in ("et", "mais")):  # type: ignore[index]
            continue  # "consultant pour la FAO, X estime que « … »": no "pour X" opening
        if doc[t].lower_ in _INTRO_PREPOSITIONS or doc[t].lower_ == "après" and k and doc[  # type: ignore[index]
                tokens[k - 1]].lower_ in ("d'", "d’"):  # type: ignore[index]
            # "selon X", "pour X", "d'après X", "selon la fédération des banques, Febelfin,"
            if k + 1 < len(tokens) and doc[t].lower_ == "selon" and doc[  # type: ignore[index]
                    tokens[k + 1]].lower_ in ("lui", "elle", "eux"):
                # "X a salué cette initiative qui met, selon lui, « … »": X
                for verb in doc[tokens[k + 1]].ancestors:  # type: ignore[index]
                    if verb.pos_ != "VERB":
                        continue
                    found = [e for e in subjects(ctx, verb.i, salience, climb=False)
                             if e.type == "Person"]
                    if found:
                        return found[0]
                if k == 0:  # "Selon elle, ce cadre « … »": the subject before, if it fits
                    sentence = sentence_index(ctx, tokens[k + 1])
                    before = _previous_subject(ctx, sentence, salience) if sentence else None
                    return pronoun_person(ctx, tokens[k + 1], before) if before else None
                return None
            for u in tokens[k + 1:k + 8]:
                if doc[u].text in (":", ";", "«"):  # type: ignore[index]
                    break
                index = ctx.mention_at(u)
                if index is not None and ctx.mentions[index].kind in AGENT_KINDS:
                    entity = ctx.entity_of(index)
                    if entity is not None:
                        return entity
                    break
            if k >= len(tokens) - 8:
                return None  # "selon une source proche du dossier, « … »": not anyone named
    if len(tokens) >= 2 and doc[tokens[-1]].pos_ == "AUX" and doc[tokens[-1]].lower_ in (  # type: ignore[index]
            "a", "avait", "ont", "avaient", "aurait"):
        # "Il a « salué la position de la France »": the quote is the verb phrase
        u = tokens[-2]
        if ctx.is_pronoun(u):
            return pronoun_person(ctx, u, salience.person)
        index = ctx.mention_at(u)
        if index is not None and ctx.mentions[index].kind in AGENT_KINDS:
            return ctx.entity_of(index)
    for k, t in enumerate(reversed(tokens)):
        if _speech(ctx, t) and doc[t].lemma_ == "appeler" and not any(  # type: ignore[index]
                doc[u].lower_ in ("à", "au", "aux") for u in tokens[len(tokens) - k:]):  # type: ignore[index]
            return None  # "l'avait appelé « … »" names someone; "a appelé à « … »" says
        if _speech(ctx, t):
            # an inverted subject: "comme le rappelle HRW, « … »", "a déclaré X : « … »"
            for u in tokens[len(tokens) - k:len(tokens) - k + 5]:
                if doc[u].pos_ == "ADP":  # type: ignore[index]
                    break  # "a confirmé sur le réseau social X": a medium, not a speaker
                index = ctx.mention_at(u)
                if index is not None and ctx.mentions[index].kind in AGENT_KINDS:
                    if doc[ctx.mentions[index].start - 1].lower_ not in _OBLIQUE:  # type: ignore[index]
                        entity = ctx.entity_of(index)
                        if entity is not None:
                            return entity
                    break
            finite = "Fin" in doc[t].morph.get("VerbForm") or any(  # type: ignore[index]
                c.dep_.startswith("aux") for c in doc[t].children)  # type: ignore[index]
            found = subjects(ctx, t, salience, climb=finite or doc[t].dep_ == "advcl")  # type: ignore[index]
            participle = "Part" in doc[t].morph.get("VerbForm") and not any(  # type: ignore[index]
                c.dep_.startswith("aux") for c in doc[t].children)  # type: ignore[index]
            if not found and (participle and doc[t].dep_ in ("conj", "advcl", "acl", "xcomp")  # type: ignore[index]
                              or any(c.lower_ == "en" and c.dep_ == "mark"
                                     for c in doc[t].children)):  # type: ignore[index]
                # "X a tenu un langage de vérité en fustigeant « … »": the gerund is X's
                main = next((a for a in doc[t].ancestors if a.pos_ == "VERB"), None)  # type: ignore[index]
                found = subjects(ctx, main.i, salience) if main is not None else []
            # "les deux ministres ont évoqué « … »": a joint statement is no one's words
            return found[0] if len(found) == 1 else None
    if len(tokens) >= 3 and doc[tokens[-1]].text == ":":  # type: ignore[index]
        # "la nouvelle ministre a fixé le cap : « … »": a clause of hers announces it
        verb = next((doc[u] for u in reversed(tokens[:-1]) if doc[u].pos_ == "VERB"  # type: ignore[index]
                     and "Fin" in doc[u].morph.get("VerbForm") or doc[u].pos_ == "VERB" and any(  # type: ignore[index]
                         c.dep_.startswith("aux") for c in doc[u].children)), None)  # type: ignore[index]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) \
            if verb is not None else None
        if subject is not None and ctx.is_pronoun(subject.i):
            return pronoun_person(ctx, subject.i, salience.person)
        index = ctx.mention_at(subject.i) if subject is not None else None
        entity = ctx.entity_of(index) if index is not None else None
        if entity is None or entity.type != "Person":
            return None
        if ctx.mentions[index].kind == "Position" and not any(  # type: ignore[index]
                person.iri == entity.iri and ctx.mentions[i].sentence < ctx.mentions[index].sentence  # type: ignore[index]
                for i, person in ctx.person_of.items()):
            return None  # a title whose holder the article has not named before: unsure
        return entity
    return None


def _statement(ctx: Context, start: int, end: int) -> bool:
    """Tell whether a quotation has a verb (a statement, not a phrase like « de courage »)."""
    return any(ctx.doc[t].pos_ in ("VERB", "AUX") for t in _tokens_between(ctx, start, end))  # type: ignore[index]


def _other_source(ctx: Context, tokens: list[int]) -> bool:
    """Tell whether the words before a quote give it a source we could not name ("selon une")."""
    near = tokens[-4:-1]  # "selon une source, « … »"; not "pour « … »" (in order to)
    if any(ctx.doc[t].lower_ in _INTRO_PREPOSITIONS for t in near):  # type: ignore[index]
        return True
    for k, t in enumerate(tokens[:-1]):  # "d'après le communiqué du ministère, « … »"
        if ctx.doc[t].lower_ in _INTRO_PREPOSITIONS or ctx.doc[t].lower_ == "après":  # type: ignore[index]
            if any(ctx.doc[u].lower_ in _WRITTEN_SOURCES for u in tokens[k + 1:k + 3]):  # type: ignore[index]
                return True
    return False


_WRITTEN_SOURCES = frozenset({"communiqué", "source", "sources", "rapport", "texte", "document",
                              "note", "étude", "enquête", "sondage", "presse", "médias",
                              "agence", "journal", "quotidien", "site", "dépêche"})
"""Nouns of a source that is no person: "selon le communiqué", "d'après des sources"."""


def _previous_statement(ctx: Context, sentence: int, salience: Salience) -> Entity | None:
    """Return the subject of a speech verb in the previous sentence ("X l'a souligné.")."""
    if sentence == 0 or ctx.sentences[sentence - 1].title:
        return None
    s = ctx.sentences[sentence - 1]
    if any(q[0] >= s.start_char and q[1] <= s.end_char for q in ctx.quotes):
        return None
    for t in range(s.end - 1, s.start - 1, -1):
        if _speech(ctx, t):
            found = subjects(ctx, t, salience)
            if not found:
                for u in range(t + 1, s.end):
                    index = ctx.mention_at(u)
                    if index is not None and ctx.mentions[index].kind in AGENT_KINDS:
                        entity = ctx.entity_of(index)
                        found = [entity] if entity else []
                        break
            return found[0] if found else None
    return None


def _previous_subject(ctx: Context, sentence: int, salience: Salience) -> Entity | None:
    """Return the person the previous sentence is about, when its main verb's subject is one.

    "Dans une interview, X a rappelé les objectifs de sa mission. « … »": X goes on.
    """
    if sentence == 0 or ctx.sentences[sentence - 1].title:
        return None
    s = ctx.sentences[sentence - 1]
    if any(s.start_char <= q[0] < s.end_char and _statement(ctx, *q) for q in ctx.quotes):
        return None  # a quoted name ("au quotidien « Le Matin »") is no one's statement
    roots = [t for t in range(s.start, s.end) if ctx.doc[t].dep_ == "ROOT"]  # type: ignore[index]
    for t in roots:
        found = [e for e in subjects(ctx, t, salience, climb=False) if e.type == "Person"]
        if len(found) == 1:
            return found[0]
    return None


def find_quotes_said(ctx: Context, sentence: int, salience: Salience,
                     last_speaker: Entity | None) -> Entity | None:
    """Record the ``said`` claims of one sentence; return its last speaker."""
    s = ctx.sentences[sentence]
    quotes = [q for q in ctx.quotes if s.start_char <= q[0] < s.end_char]
    if not quotes:
        return None
    found: list[tuple[tuple[int, int], Entity | None, str]] = []
    previous_end = s.start_char
    for n, (qs, qe) in enumerate(quotes):
        # a quote of several sentences: its attribution follows it in the sentence it ends in
        last = s if qe <= s.end_char else next(
            (x for x in ctx.sentences if x.start_char <= qe <= x.end_char), s)
        next_start = quotes[n + 1][0] if n + 1 < len(quotes) else last.end_char
        after = _tokens_between(ctx, qe + 1, next_start)
        before = _tokens_between(ctx, previous_end, qs - 1)
        while before and ctx.doc[before[-1]].text in ("«", '"'):  # type: ignore[index]
            before = before[:-1]
        if before and (ctx.doc[before[-1]].lower_ in _TITLE_MARKERS  # type: ignore[index]
                       or ctx.doc[before[-1]].lower_ in _NAMING_NOUNS  # type: ignore[index]
                       and _a_name(ctx.text[qs:qe])):
            found.append(((qs, qe), None, "other"))  # "un rapport sur « … »": a title
            previous_end = qe + 1
            continue
        inner = _inner_incise(ctx, qs, qe, salience)
        if inner is not None:  # "« A, a souligné X. B »": X's words, A and B
            found.append(((qs, qe), inner, "fr.said.incise.v1"))
            previous_end = qe + 1
            continue
        speaker, method = _after(ctx, after, salience, last_speaker or (
            found[-1][1] if found else None) or _previous_statement(ctx, sentence, salience)), \
            "fr.said.after.v1"
        if speaker is None:
            speaker, method = _before(ctx, before, salience), "fr.said.before.v1"
        if speaker is None and _other_source(ctx, before):
            method = "other"  # "selon une « source proche du dossier »": someone else's words
        found.append(((qs, qe), speaker, method))
        previous_end = qe + 1
    speakers = {e.iri: e for _, e, _ in found if e is not None}
    shared = next(iter(speakers.values())) if len(speakers) == 1 else None
    if not speakers:
        opening = [t for t in _tokens_between(ctx, s.start_char, quotes[0][0] - 1)
                   if ctx.doc[t].text not in ("«", '"')]  # type: ignore[index]
        standalone = not opening or ctx.doc[opening[-1]].text in (",", ":", "-", "—", "–")  # type: ignore[index]
        if standalone and not any(ctx.doc[t].pos_ == "VERB" for t in opening):  # type: ignore[index]
            shared = last_speaker or _previous_statement(ctx, sentence, salience) or \
                _previous_subject(ctx, sentence, salience)
    for n in range(len(found) - 2, -1, -1):  # "« A » et « B », a dit X": A is X's too
        (qs, qe), speaker, method = found[n]
        link = [ctx.doc[t].lower_ for t in _tokens_between(ctx, qe + 1, found[n + 1][0][0])  # type: ignore[index]
                if ctx.doc[t].text not in ("«", "»", '"')]  # type: ignore[index]
        if speaker is None and method != "other" and link in (["et"], [","], [",", "et"]) \
                and found[n + 1][1] is not None:
            found[n] = ((qs, qe), found[n + 1][1], found[n + 1][2])
    speaker_out = None
    for (qs, qe), speaker, method in found:
        if speaker is None and method != "other" and _statement(ctx, qs, qe):
            # only a whole statement (with a verb) is given to a speaker named elsewhere
            speaker, method = shared, "fr.said.context.v1"
        text = ctx.text[qs:qe]
        if method == "fr.said.incise.v1":
            text = _without_incise(ctx, qs, qe)
        if speaker is None:
            continue
        if len(text.split()) < MIN_QUOTE_WORDS:
            speaker_out = speaker  # "X s'est dit « préoccupé ». « … »": X speaks on
            continue
        quote = Entity(ctx.minter.hashed("Quote", text), "Quote", _short(text), ctx.lang)
        confidence = 0.8 if method != "fr.said.context.v1" else 0.6
        ctx.add(speaker, "said", quote, sentence, method, confidence)
        ctx.add(quote, "text", Literal(text, lang=ctx.lang), sentence, method, confidence)
        speaker_out = speaker
        salience.update(speaker)
    return speaker_out


def _incise_span(ctx: Context, qs: int, qe: int) -> tuple[int, int] | None:
    """Return the tokens of the attribution inside a quote: ", a souligné M. X" up to its end.

    Only a comma, then a speech verb within two words, then a named person before the next
    comma or full stop, with quoted words on both sides.
    """
    doc: Any = ctx.doc
    tokens = _tokens_between(ctx, qs, qe)
    for k, t in enumerate(tokens[2:-3], start=2):
        if doc[t].text != "," or not any(_speech(ctx, u) and "Inf" not in doc[u].morph.get(
                "VerbForm") for u in tokens[k + 1:k + 3]):
            continue  # not ", relever les défis": an infinitive is no attribution
        end = next((m for m in range(k + 1, min(k + 12, len(tokens)))
                    if doc[tokens[m]].text in (",", ".", ";")), None)
        if end is not None and end < len(tokens) - 2 and any(
                (i := ctx.mention_at(v)) is not None and ctx.mentions[i].kind in (
                    "Person", "Position") for v in tokens[k + 1:end]):
            return t, tokens[end]
    return None


def _inner_incise(ctx: Context, qs: int, qe: int, salience: Salience) -> Entity | None:
    """Return who speaks in an attribution set inside a quote, or ``None``."""
    span = _incise_span(ctx, qs, qe)
    if span is None:
        return None
    tokens = _tokens_between(ctx, ctx.doc[span[0]].idx, ctx.doc[span[1]].idx + 1)  # type: ignore[index]
    speaker = _after(ctx, tokens, salience)
    return speaker if speaker is not None and speaker.type == "Person" else None


def _without_incise(ctx: Context, qs: int, qe: int) -> str:
    """Return a quote's words without the attribution set inside it."""
    span = _incise_span(ctx, qs, qe)
    if span is None:
        return ctx.text[qs:qe]
    doc: Any = ctx.doc
    a, b = doc[span[0]].idx, doc[span[1]].idx
    stop = ctx.text[b] if ctx.text[b] in ".," else ""  # "A, a souligné X. B": "A. B"
    return f"{ctx.text[qs:a].rstrip()}{stop} {ctx.text[b + 1:qe].lstrip()}"


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
