"""Mentions: spans of a parsed article that name a person, organisation, place, post or topic.

Mentions come from the spaCy entities, corrected and completed by the language's lexicons
(countries and demonyms, position titles, topic terms). A position mention carries what the
text says about the post: its country ("ministre français de l'Intérieur" → France), its
organisation ("secrétaire générale du PP" → PP), whether it is plural.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from graph.extract.resources import Resources
from graph.model.iri import normalize_label

__all__ = ["Mention", "Sentence", "find_mentions", "sentences_of"]

_DE = {"de", "du", "des", "d'", "d’"}
_DETS = {"le", "la", "l'", "les", "un", "une", "ce", "cette", "ces", "son", "sa", "ses", "leur",
         "leurs", "au", "aux", "du", "des", "notre", "nos", "votre"}
_DEFINITE = {"le", "la", "l'", "les", "ce", "cette", "ces", "au", "aux", "du"}
_NEW = frozenset({"nouveau", "nouvelle", "nouvel", "nouveaux", "nouvelles"})
_CAPITAL = re.compile(r"^[A-ZÀ-ÖØ-Þ]")
_DATE_WORDS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                         "hier", "demain", "aujourd'hui", "matin", "soir"})
_MAX_TITLE_WORDS = 6
_GLUED_HONORIFIC = re.compile(r"^(?:M|Mme|Mlle|Dr)\.(?=[A-ZÀ-ÖØ-Þ])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the parsed text.

    Attributes
    ----------
    index : int
    start, end : int
        Token offsets in the parsed doc.
    start_char, end_char : int
        Character offsets in the parsed text.
    title : bool
        Whether it belongs to the article's title (never used as evidence).
    clutter : bool
        Whether it is page furniture ("Lire aussi …", "S'abonner", a cookie notice): no facts.
    """

    index: int
    start: int
    end: int
    start_char: int
    end_char: int
    title: bool = False
    clutter: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming something.

    Attributes
    ----------
    kind : str
        ``Person``, ``Organization``, ``Place``, ``Country``, ``City``, ``Position``, ``Topic``.
    start, end : int
        Token offsets (end exclusive).
    start_char, end_char : int
    text : str
        Surface text.
    sentence : int
    key : str
        Canonical form: country name, position label, topic label, or the surface text.
    countries : tuple of str
        Countries a position (or an organisation) is said to belong to.
    org : str or None
        Organisation a position belongs to ("du PP"); ``"@previous"`` for "du parti".
    definite, plural : bool
        Article before it; plural form (positions).
    quoted : bool
        Inside a quotation.
    """

    kind: str
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    sentence: int
    key: str
    countries: tuple[str, ...] = ()
    org: str | None = None
    definite: bool = False
    former: bool = False
    plural: bool = False
    quoted: bool = False


def sentences_of(doc, title_end: int) -> list[Sentence]:  # type: ignore[no-untyped-def]
    r"""Return the sentences of a parsed doc; those before ``title_end`` (chars) are the title.

    Spaces at a sentence's ends are left out; a sentence of spaces alone is none. Read from
    the doc's arrays: making a Python token of every word costs more than the rest.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("fr")
    >>> nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
    <...>
    >>> [(s.start, s.end, s.title) for s in sentences_of(nlp("Titre.\n\nIl vient. Elle part."), 6)]
    [(0, 2, True), (3, 6, False), (6, 9, False)]
    """
    import numpy
    from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

    if not len(doc):
        return []
    table = doc.to_array([SENT_START, IS_SPACE, IDX, LENGTH]).astype("int64")
    starts = numpy.flatnonzero(table[:, 0] == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    words = numpy.flatnonzero(table[:, 1] == 0)
    out: list[Sentence] = []
    for a, b in zip(starts, [*starts[1:], len(doc)], strict=True):
        lo, hi = numpy.searchsorted(words, a), numpy.searchsorted(words, b)
        if lo == hi:
            continue
        first, last = int(words[lo]), int(words[hi - 1])
        out.append(Sentence(len(out), first, last + 1, int(table[first, 2]),
                            int(table[last, 2] + table[last, 3]),
                            title=int(table[first, 2]) < title_end))
    return out


def _in_quote(quotes: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in quotes)


def _strip_honorifics(tokens, res: Resources):  # type: ignore[no-untyped-def]
    honorifics = res.positions.get("honorifics", frozenset())
    while tokens and (tokens[0].lower_ in honorifics or tokens[0].lower_ in _DETS
                      or tokens[0].is_punct
                      or (tokens[0].is_lower and tokens[0].lower_ in res.titles)):
        if tokens[0].lower_ in _DETS and tokens[0].text[:1].isupper() and len(tokens) > 1 \
                and not tokens[0].is_sent_start and tokens[1].lower_ not in honorifics:
            break  # "le quotidien Le Temps": the article belongs to the name
        tokens = tokens[1:]
    while tokens and ((tokens[-1].is_punct and tokens[-1].text not in ".")
                      or tokens[-1].lower_ in _DATE_WORDS):
        tokens = tokens[:-1]  # "New Jersey mercredi": the weekday is not part of the name
    return tokens


def _merge_adjacent(doc, res: Resources | None = None):  # type: ignore[no-untyped-def]
    """Join entities of one label that only a space separates ("Europe Écologie" "Les Verts").

    With ``res``, also cut apart what the tagger ran together: a title before a name ("Premier
    ministre vietnamien Tran Quoc Hung") and a place before a name ("à Abou Dhabi Rajesh
    Kumar", tagged one place).
    """
    from spacy.tokens import Span

    merged: list = []  # type: ignore[type-arg]
    for ent in doc.ents:
        if merged and merged[-1].label_ == ent.label_ == "ORG" and merged[-1].end == ent.start \
                and doc[merged[-1].end - 1].whitespace_:
            merged[-1] = Span(ent.doc, merged[-1].start, ent.end, label=ent.label_)
        else:
            merged.append(ent)
    if res is None:
        return merged
    out = []
    for ent in merged:
        out += _cut_apart(doc, ent, res)
    return out


def _cut_apart(doc, ent, res: Resources) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Return an entity, or its place and its person, or its person without its title."""
    from spacy.tokens import Span

    start, end = ent.start, ent.end
    if ent.label_ in ("PER", "PERSON"):
        while start < end - 1 and doc[start].lower_ in _DETS:
            start += 1  # "Le Premier ministre …"
        for i in range(start + 1, end - 1):  # "à Beijing le Premier ministre …": no name
            if doc[i].text in ("le", "la", "les", "l'") and _match_title(doc, i + 1, res):
                head = normalize_label(doc[start:i].text)
                if head in res.capitals or head in res.countries:
                    return [Span(ent.doc, start, i, label="LOC")]
                return [Span(ent.doc, start, i, label=ent.label_)] if i - start >= 2 else []
        match = _match_title(doc, start, res)
        if match and match[1] < end:  # "Premier ministre vietnamien Tran Quoc Hung"
            cut = match[1]
            while cut < end and (res.demonym(doc[cut].lower_) or doc[cut].is_lower
                                 and doc[cut].pos_ == "ADJ"):
                cut += 1  # "vietnamien", "nouveau": not "de la Chambre"
            if end - cut >= 2 and doc[cut].pos_ == "PROPN" and doc[cut].text[:1].isupper():
                return [Span(ent.doc, cut, end, label=ent.label_)]
        return [ent]
    if ent.label_ in ("LOC", "GPE", "ORG") and end - start >= 3:
        for width in (3, 2, 1):  # "Abou Dhabi Rajesh Kumar Venkataraman"
            rest = doc[start + width:end]
            norm = normalize_label(doc[start:start + width].text)
            if len(rest) >= 2 and _wordish(doc[start + width - 1]) and (
                    norm in res.capitals or norm in res.countries) and all(
                    t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
                return [Span(ent.doc, start, start + width, label="LOC"),
                        Span(ent.doc, start + width, end, label="PER")]
    return [ent]


def _title_before(doc, i: int, res: Resources) -> bool:  # type: ignore[no-untyped-def]
    """Whether a title of the lexicon ends just before the "de …" at token ``i``."""
    for j in range(max(0, i - 3), i):
        if doc[j].lower_ in res.titles and all(doc[k].lower_ in _DE | {"l'", "la"}
                                               for k in range(j + 1, i + 1)):
            return True
    return False


def _wordish(tok) -> bool:  # type: ignore[no-untyped-def]
    """Tell whether a token is a word, hyphenated or not ("Pays-Bas", kept whole), no sign."""
    return bool(tok.is_alpha or tok.text.replace("-", "").replace("'", "").isalpha())


_TRAILING = frozenset({",", ";", ":", "-", "–", "—"})
"""Punctuation an entity never ends with (the tagger sometimes takes it in)."""


def _glued_place(doc, start: int, end: int, res: Resources) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Widen a tagged span over the hyphen and word glued to it when they make a known place.

    The tokenizer cuts "Addis-Abeba" and "Porto-Novo" at the hyphen, and the tagger may keep
    only one half: the whole name is a capital, a country or a large city of the lexicons.
    """
    def known(a: int, b: int) -> bool:
        norm = normalize_label(doc[a:b].text)
        return norm in res.capitals or norm in res.countries or norm in res.cities

    def glued(i: int) -> bool:  # no space after token i
        return doc[i].whitespace_ == ""

    if start >= 2 and doc[start - 1].text == "-" and glued(start - 2) and glued(start - 1) \
            and known(start - 2, end):
        start -= 2
    if end + 1 < len(doc) and doc[end].text == "-" and glued(end - 1) and glued(end) \
            and known(start, end + 2):
        end += 2
    return start, end


def _entity_mentions(doc, sentence_of, quotes, res: Resources):  # type: ignore[no-untyped-def]
    not_places = res.places.get("not_places", frozenset())
    out: list[Mention] = []
    for ent in _merge_adjacent(doc, res):
        tokens = _strip_honorifics(list(ent), res)
        if not tokens:
            continue
        start, end = tokens[0].i, tokens[-1].i + 1
        if ent.label_ in ("PER", "PERSON") and end - start >= 3:
            # "Felipe VI d'Espagne": the country of a royal style is no part of the name
            for cut in range(start + 1, end - 1):
                if doc[cut].lower_ in ("de", "d'", "d’", "du") and normalize_label(
                        doc[cut + 1:end].text) in res.countries:
                    end = cut
                    tokens = [t for t in tokens if t.i < end]
                    break
        while end - start > 1 and (doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") and doc[
                end - 1].is_lower or doc[end - 1].is_space or doc[end - 1].text in _TRAILING):
            end -= 1  # "Banque mondiale pour la": the tagger ran on into the next phrase;
            # "Djibouti," or "Soudan" and the blank line after it: the tagger took them in
        tokens = [t for t in tokens if t.i < end]
        if ent.label_ not in ("PER", "PERSON"):
            start, end = _glued_place(doc, start, end, res)  # "Addis-Abeba" tagged as "Abeba"
        if ent.label_ in ("PER", "PERSON") and end - start >= 3 and start >= 2 \
                and doc[start - 1].lower_ in ("l'", "la", "du", "des", "de") \
                and _title_before(doc, start - 1, res):
            start += 1  # "ministre de l'Économie Bruno Le Maire": the domain is not a name
        span = doc[start:end]
        text = span.text
        start_char = span.start_char
        glued = _GLUED_HONORIFIC.match(text)
        if glued:  # "M.Eunício Oliveira": the honorific written against the name
            text, start_char = text[glued.end():], start_char + glued.end()
        norm = normalize_label(text)
        first = tokens[0].lower_
        if not norm or not _CAPITAL.match(text) and not text.isupper():
            continue
        if first in res.titles or norm in res.titles:
            continue  # "ministre de l'Intérieur" tagged as an organisation: a post
        if res.demonym(norm):
            continue  # "les Marocains": people, not a place
        label = ent.label_
        kind = {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "LOC": "Place",
                "GPE": "Place", "NORP": None, "MISC": None}.get(label)
        if norm in res.countries or _state_name(norm, res):
            kind, key = "Country", res.countries.get(norm) or _state_name(norm, res) or text
        elif norm in res.capitals or f"la {norm}" in res.capitals or f"le {norm}" in res.capitals:
            # "La Havane, 16 juillet": the article read as the sentence's, the city whole
            kind, key = "City", _city_name(text, norm, res)
        elif norm in res.cities and kind in ("Person", None):
            kind, key = "Place", text  # "Hô Chi Minh-Ville" tagged as a person: a large city
        else:
            key = text
        if glued and kind in ("Organization", "Place", None):
            kind = "Person"  # "M.Jonas Berg": the honorific says who it is, whatever the tag
        if kind is None:
            continue
        if kind == "Place" and norm in not_places:
            continue
        if kind == "Organization" and norm in not_places:
            continue
        if kind == "Person" and len(tokens) == 1 and not tokens[0].text[0].isupper():
            continue
        out.append(Mention(kind, start, end, start_char, span.end_char, text,
                           sentence_of[start], key if not glued else text,
                           quoted=_in_quote(quotes, span.start_char, span.end_char)))
    return out


_STATE = re.compile(r"^(?:(?:la |le |l )?(?:republique|royaume|etat|sultanat|emirat|grand duche|"
                    r"principaute|confederation|federation)"
                    r"(?: (?:islamique|federale|populaire|democratique|arabe|socialiste|"
                    r"cooperative|unie|hachemite|independant))* (?:de |du |des |d )(?:la |l )?)")


def _state_name(norm: str, res: Resources) -> str | None:
    """Return the country a state's style names: "république de corée", "royaume du maroc".

    Examples
    --------
    >>> from graph.extract.resources import load_resources
    >>> _state_name("royaume du maroc", load_resources("fr"))
    'Maroc'
    >>> _state_name("republique du maroc libre", load_resources("fr")) is None
    True
    """
    found = _STATE.match(norm)
    return res.countries.get(norm[found.end():]) if found else None


def _city_name(text: str, norm: str, res: Resources) -> str:
    """Return how a capital is named: the gazetteer's spelling for a dateline in capitals.

    Examples
    --------
    >>> from graph.extract.resources import load_resources
    >>> _city_name("PEKIN", "pekin", load_resources("fr")), _city_name("Pékin", "pekin",
    ...                                                             load_resources("fr"))
    ('Pékin', 'Pékin')
    >>> _city_name("Caire", "caire", load_resources("fr"))
    'Le Caire'
    """
    country = res.capitals.get(norm) or res.capitals.get(f"le {norm}") or res.capitals.get(
        f"la {norm}", "")
    name = res.capital_of.get(country, "")
    if normalize_label(name) in (f"le {norm}", f"la {norm}"):
        return name  # "au Caire": Le Caire
    if not text.isupper() or len(text) < 3:
        return text
    return name if normalize_label(name) == norm else text


def _capital_phrases(doc, sentence_of, quotes, taken, res: Resources):  # type: ignore[no-untyped-def]
    """« la capitale mauritanienne », « la capitale du Mali »: that capital, by its name."""
    by_country = res.capital_of
    out = []
    for token in doc:
        if token.lower_ != "capitale" or token.i in taken or token.i + 1 >= len(doc) \
                or token.i < 2 or doc[token.i - 1].lower_ not in ("la", "sa", "cette") \
                or doc[token.i - 2].text in (",", "(", "–", "-"):
            continue  # "Bamako, la capitale du Mali" says what Bamako is: no second city
        end, country = token.i + 2, res.demonym(doc[token.i + 1].lower_)
        if country is None and doc[token.i + 1].lower_ in ("du", "de"):
            for width in (3, 2, 1):
                span = doc[token.i + 2: token.i + 2 + width]
                if len(span) == width and _wordish(span[-1]) \
                        and normalize_label(span.text) in res.countries:
                    end, country = token.i + 2 + width, res.countries[normalize_label(span.text)]
                    break
        capital = by_country.get(country) if country else None
        if capital is None or (end < len(doc) and doc[end].lower_ in ("économique", "politique")):
            continue  # "la capitale économique du pays" is another city
        span = doc[token.i:end]
        out.append(Mention("City", span.start, span.end, span.start_char, span.end_char,
                           span.text, sentence_of[span.start], capital,
                           quoted=_in_quote(quotes, span.start_char, span.end_char)))
        taken.update(range(span.start, span.end))
    return out


def _gazetteer_mentions(doc, sentence_of, quotes, taken, res: Resources):  # type: ignore[no-untyped-def]
    """Countries and capitals the NER missed."""
    out = _capital_phrases(doc, sentence_of, quotes, taken, res)
    for i in _opening_at(doc, _place_openings(res)):
        token = doc[i]
        if i in taken or not token.text[:1].isupper():
            continue
        for width in (3, 2, 1):
            span = doc[token.i: token.i + width]
            if len(span) < width or any(t.i in taken for t in span) or \
                    span[-1].is_punct or span[-1].is_space:
                continue  # "Djibouti ," reads as "djibouti": the comma is no part of it
            norm = normalize_label(span.text)
            if norm in res.countries and not (
                    # "suisse", "argentine", "philippines" are demonyms too: a country when
                    # capitalised inside the sentence ("aux Philippines", "la Suisse")
                    width == 1 and res.demonym(token.lower_) and not (
                        token.text[:1].isupper() and token.i > 0 and not token.is_sent_start)):
                out.append(Mention("Country", span.start, span.end, span.start_char,
                                   span.end_char, span.text, sentence_of[span.start],
                                   res.countries[norm],
                                   quoted=_in_quote(quotes, span.start_char, span.end_char)))
                taken.update(range(span.start, span.end))
                break
            if norm in res.capitals and all(t.pos_ == "PROPN" or t.is_title for t in span):
                out.append(Mention("City", span.start, span.end, span.start_char,
                                   span.end_char, span.text, sentence_of[span.start],
                                   _city_name(span.text, norm, res),
                                   quoted=_in_quote(quotes, span.start_char, span.end_char)))
                taken.update(range(span.start, span.end))
                break
    return out


def _match_title(doc, i: int, res: Resources):  # type: ignore[no-untyped-def]
    """Return (title, end) of the longest title form starting at token ``i``."""
    if doc[i].lower_ not in res.title_openings:  # cheap pre-check
        return None
    best = None
    words: list[str] = []
    for j in range(i, min(i + _MAX_TITLE_WORDS, len(doc))):
        text = doc[j].lower_
        glued = doc[j - 1].whitespace_ == "" and not words[-1].endswith("'") if words else False
        if glued and text != "'":
            words[-1] += text
        else:
            words.append(text)
        form = " ".join(words).replace("' ", "'")
        if form in res.titles:
            best = (res.titles[form], j + 1)
    return best


_FORMER = frozenset({"ancien", "ancienne", "anciens", "anciennes", "ex", "ex-", "éphémère",
                     "jusque-là", "précédemment", "auparavant", "naguère", "anciennement"})
"""Words before a title that make it a former post: « l'ancien ministre », « l'ex-président »."""
_TO = frozenset({"à", "au", "aux"})
_ABROAD = (("de", "l'", "extérieur"), ("de", "l'", "étranger"), ("à", "l'", "étranger"),
           ("résidant", "à", "l'", "étranger"), ("résidents", "à", "l'", "étranger"),
           ("établis", "à", "l'", "étranger"), ("vivant", "à", "l'", "étranger"),
           ("de", "la", "diaspora"))
"""Tails of a people's portfolio: "des Tchadiens de l'étranger"."""


def _country_at(doc, start: int, limit: int, res: Resources) -> bool:  # type: ignore[no-untyped-def]
    """Tell whether a country's name (after an article) starts at ``start``."""
    if start < limit and doc[start].lower_ in ("la", "le", "l'", "l’", "les"):
        start += 1
    for width in (3, 2, 1):
        span = doc[start:start + width]
        if start + width <= limit and _wordish(span[-1]) and span[0].text[:1].isupper() \
                and normalize_label(span.text) in res.countries:
            return True
    return False


def _posting_end(doc, start: int, limit: int, res: Resources) -> int | None:  # type: ignore[no-untyped-def]
    """Return where a country or a capital named at ``start`` ends ("le Gabon", "Nouakchott")."""
    if start < limit and doc[start].lower_ in ("la", "le", "l'", "l’", "les"):
        start += 1
    for width in (3, 2, 1):
        span = doc[start:start + width]
        if start + width <= limit and _wordish(span[-1]) and span[0].text[:1].isupper() and (
                normalize_label(span.text) in res.countries
                or normalize_label(span.text) in res.capitals):
            return start + width
    return None


_STATE_OF = re.compile(r"^(.+?)\s+(?:du|de la|de l'|de l’|des|de|d'|d’)\s*([A-ZÉ].*)$")
"""An institution and its state: "Assemblée nationale du Vietnam"."""

_STATE_STYLES = frozenset({"république", "état", "royaume", "sultanat", "émirat", "principauté",
                           "grand-duché", "fédération", "confédération"})
"""Nouns a state's formal name starts with: "la République de Corée", "l'État du Qatar"."""

_ENVOYS = frozenset({"ambassadeur", "consul", "consul général", "chargé d'affaires",
                     "haut-commissaire", "représentant permanent"})
"""Titles of a state's envoy, whose posting follows their country: "ambassadeur de Chine au
Gabon"."""


def _past_adjectives(doc, k: int, limit: int, res: Resources) -> int:  # type: ignore[no-untyped-def]
    """Return where the adjectives from ``k`` end ("Affaires intérieures"), demonyms apart."""
    while k < limit and doc[k].pos_ == "ADJ" and not res.demonym(doc[k].lower_):
        k += 1
    return k


def _abroad(doc, start: int, limit: int) -> int:  # type: ignore[no-untyped-def]
    """Return where "résidant à l'étranger" (or another tail of :data:`_ABROAD`) ends."""
    for tail in _ABROAD:
        end = start + len(tail)
        if end <= limit and tuple(t.lower_.replace("’", "'") for t in doc[start:end]) == tail:
            return end
    return start


_DIVISIONS = frozenset({"district", "région", "province", "département", "gouvernorat",
                        "wilaya", "préfecture", "commune", "circonscription", "cercle",
                        "canton", "comté", "état"})
"""Nouns of a territory whose name follows ("la région de Kara"), kept in a title."""

_TITLE_ADJECTIVES = {"tournant", "tournante", "adjoint", "adjointe", "intérimaire", "exécutif",
                     "exécutive", "permanent", "permanente", "honoraire", "fédéral", "fédérale",
                     "résident", "résidente", "régional", "régionale", "national", "nationale",
                     "spécial", "spéciale", "principal", "principale"}
"""Adjectives that belong to a title ("secrétaire exécutif", "ministre fédérale")."""


_ORG_ADJECTIVES = {"européen": "Union européenne", "européenne": "Union européenne",
                   "onusien": "Organisation des Nations unies",
                   "onusienne": "Organisation des Nations unies"}
"""Adjectives that name the organisation of a post ("le commissaire européen")."""


_LEANINGS = frozenset(f"{stem}{end}" for stem, ends in (
    ("écologiste", ("", "s")), ("socialiste", ("", "s")), ("communiste", ("", "s")),
    ("centriste", ("", "s")), ("travailliste", ("", "s")), ("gaulliste", ("", "s")),
    ("nationaliste", ("", "s")), ("souverainiste", ("", "s")), ("progressiste", ("", "s")),
    ("populiste", ("", "s")), ("démocrate", ("", "s")), ("républicain", ("", "e", "s", "es")),
    ("libéral", ("", "e", "es")), ("insoumis", ("", "e", "es")), ("conservat", ("eur", "rice")),
    ("sortant", ("", "e", "s", "es")), ("démissionnaire", ("", "s"))) for end in ends)
"""Adjectives of a leaning or a state after a title, not part of the post: "le député
écologiste X"."""


def _portfolio_word(token, res: Resources) -> bool:  # type: ignore[no-untyped-def]
    """Tell whether a capitalised word names a portfolio ("Coopération", "Francophonie")."""
    return token.text[:1].isupper() and token.lower_ in res.positions.get("portfolios", ())


_REPRESENTATIVES = frozenset({"représentant", "représentante", "délégué", "déléguée",
                              "coordonnateur", "coordonnatrice"})
"""Titles sent for a region too: "représentante de l'OIF pour l'Afrique de l'Ouest"."""

_SPECIAL = frozenset({"spécial", "spéciale", "spéciaux", "personnel", "personnelle"})
"""What makes a title an envoy's, who is sent for a region: "envoyé spécial pour le Sahel"."""


def _region_end(doc, start: int, limit: int, people: frozenset[int]) -> int | None:  # type: ignore[no-untyped-def]
    """Return where the region an envoy is for ends: "le Moyen-Orient et l'Afrique", "la Libye".

    Names written with a capital, joined by "et" and the small words of names ("de l'Ouest").
    """
    j = start + (start < limit and doc[start].lower_ in ("le", "la", "l'", "l’", "les"))
    k = j
    while k < limit and k not in people:
        tok = doc[k]
        if _CAPITAL.match(tok.text) and tok.pos_ in ("PROPN", "NOUN", "ADJ"):
            k += 1
        elif tok.lower_ in ("de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les", "et") \
                and k + 1 < limit and k + 1 not in people and (
                    _CAPITAL.match(doc[k + 1].text)
                    or doc[k + 1].lower_ in ("l'", "l’", "la", "le", "les")):
            k += 1
        else:
            break
    while k > j and not _CAPITAL.match(doc[k - 1].text):
        k -= 1
    return k if k > j and _CAPITAL.match(doc[j].text) else None


_NAME_PARTICIPLES = frozenset({"unir", "réunir", "associer", "fédérer", "confédérer"})
"""Participles that end an organisation's or a state's name ("Nations unies"), which the
tagger reads as verbs."""


def _complements(doc, end: int, limit: int, res: Resources, title_domain: bool,  # type: ignore[no-untyped-def]
                 org_spans: dict[int, int], people: frozenset[int] = frozenset(),
                 envoy: bool = False):
    """Read what follows a title: demonyms and "de X" complements.

    An envoy's title (``envoy``) also takes its posting after its country: "ambassadeur de
    Chine au Gabon", "ambassadeur du Qatar à Nouakchott".

    Returns the label parts, the countries, the organisation and where the mention ends.
    """
    parts: list[str] = []
    countries: list[str] = []
    org: str | None = None
    org_nouns = res.positions.get("organization_nouns", frozenset())
    label_nouns = res.positions.get("label_nouns", frozenset())
    i = end
    while i < limit:
        token = doc[i]
        lower = token.lower_
        if res.demonym(lower) and token.pos_ in ("ADJ", "NOUN", "PROPN"):
            countries.append(res.demonym(lower))  # type: ignore[arg-type]
            i += 1
            # "français et marocain"
            if i + 1 < limit and doc[i].lower_ == "et" and res.demonym(doc[i + 1].lower_):
                countries.append(res.demonym(doc[i + 1].lower_))  # type: ignore[arg-type]
                i += 2
            continue
        if envoy and countries and lower == "auprès" and i + 2 < limit and doc[i + 1].lower_ in (
                "de", "du", "d'", "d’"):  # "auprès de l'État du Koweït", "auprès du Qatar"
            j = i + 2 + (doc[i + 2].lower_ in ("l'", "l’", "la", "le"))
            if j + 1 < limit and doc[j].lower_ in _STATE_STYLES | {"etat"} \
                    and doc[j + 1].lower_ in ("de", "du", "d'", "d’"):
                j += 2
            posting = _posting_end(doc, j, limit, res)
            if posting is not None and (posting == limit or doc[posting].lower_ != "et"):
                # not "auprès du Royaume de Belgique et de l'Union européenne": a title
                # this reading would cut in two
                parts.append(doc[i:posting].text)
                i = posting
                continue
        if envoy and countries and lower in ("en", "au", "aux", "à"):
            posting = _posting_end(doc, i + 1, limit, res)
            if posting is not None:
                parts.append(doc[i:posting].text)
                i = posting
                continue
        if lower in ("extraordinaire", "plénipotentiaire", "itinérant", "itinérante", "désigné",
                     "désignée") or (
                lower == "et" and i + 1 < limit and doc[i + 1].lower_ == "plénipotentiaire"):
            i += 1  # "ambassadeur extraordinaire et plénipotentiaire de Guinée"
            continue
        if lower in _ORG_ADJECTIVES and not parts and not countries and org is None \
                and token.pos_ in ("ADJ", "NOUN"):
            parts.append(lower)  # "la commissaire européenne": of the European Union
            org = _ORG_ADJECTIVES[lower]
            i += 1
            continue
        if lower in _TITLE_ADJECTIVES and not parts and not countries:
            parts.append(lower)  # "président tournant de l'Union africaine"
            i += 1
            continue
        if lower in _LEANINGS and not parts:
            i += 1  # "le député écologiste X", "le Premier ministre conservateur X": a leaning,
            continue  # not part of the post
        charged = i + 1 < limit and doc[i + 1].lower_ in _DE
        if lower in ("chargé", "chargée") and charged and (title_domain or not parts):
            # "ministre délégué chargé du Budget", "vice-présidente chargée du Développement
            # régional, de …": the portfolios that follow belong to the title
            title_domain = True
            parts.append(token.text)  # "ministre délégué chargé du Budget"
            i += 1
            continue
        if lower == "," and title_domain and i + 2 < limit and doc[i + 1].lower_ in (
                "chargé", "chargée") and doc[i + 2].lower_ in _DE:
            parts.append(",")  # "ministre délégué auprès du Premier ministre, chargé de …"
            i += 1
            continue
        if lower in (",", "et") and title_domain and parts and i + 2 < limit \
                and doc[i + 1].lower_ in _TO and parts[-1].split()[0].lower() in _TO:
            parts.append(token.text)  # "commissaire aux Affaires politiques, à la Paix …"
            i += 1
            continue
        if lower in (",", "et") and title_domain and parts and i + 2 < limit \
                and doc[i + 1].lower_ in _DE:
            # "ministre de l'Équipement, du Transport, de la Logistique et de l'Eau"
            j = i + 2
            if doc[j].lower_ in ("la", "l'", "le", "les") and j + 1 < limit:
                j += 1
            if j not in people and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") and (
                    _CAPITAL.match(doc[j].text) or lower == "et"):
                parts.append(token.text)
                i += 1
                continue
        if lower == "," and title_domain and parts and i + 2 < limit \
                and _portfolio_word(doc[i + 1], res):
            # "ministre des Affaires étrangères, Coopération internationale et Francophonie":
            # the portfolios go on without "de"
            k = i + 1
            while k < limit and (_portfolio_word(doc[k], res) or doc[k].pos_ == "ADJ"
                                 and doc[k].is_lower and not res.demonym(doc[k].lower_)
                                 or doc[k].lower_ == "et" and k + 1 < limit
                                 and _portfolio_word(doc[k + 1], res)):
                k += 1
            parts.append(doc[i:k].text)
            i = k
            continue
        if lower in _TO and title_domain:
            # "ministre de la Coopération au développement", "commissaire aux Affaires
            # intérieures": a portfolio, not a place ("ministre de l'Intérieur à Rabat")
            j = i + 1
            if j < limit and doc[j].lower_ in ("la", "l'", "l’") and lower == "à":
                j += 1
            if j < limit and doc[j].pos_ == "NOUN" and j not in people \
                    and not res.demonym(doc[j].lower_) \
                    and normalize_label(doc[j].text) not in res.countries:
                k = _past_adjectives(doc, j + 1, limit, res)
                parts.append(doc[i:k].text)
                i = k
                continue
        if lower == "-" and i + 1 < limit and token.whitespace_ == "" and doc[i + 1].is_alpha:
            name = i > 0 and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()
            parts.append("-" + (doc[i + 1].text if name else doc[i + 1].text.lower()))  # but
            # "Souss-Massa", a name, keeps its capitals
            i += 2
            continue
        if lower == "pour" and (any(doc[x].lower_ in _SPECIAL for x in range(end - 1, i))
                                or doc[end - 1].lower_ in _REPRESENTATIVES):
            region = _region_end(doc, i + 1, limit, people)  # "représentant spécial du
            if region is not None:  # Président pour le Moyen-Orient et l'Afrique"
                parts.append(doc[i:region].text)
                i = region
                continue
        if lower in _DE or (lower == "en" and countries):
            j = i + 1
            det = ""
            if j < limit and doc[j].lower_ in ("la", "l'", "le", "les"):
                det = doc[j].text
                j += 1
            if j >= limit:
                break
            head = doc[j]
            if head.lower_ == "ministère" and not title_domain and j + 1 < limit \
                    and doc[j + 1].lower_ in _DE:
                parts.append(doc[i:j + 1].text)  # "secrétaire général du ministère de la
                i, title_domain = j + 1, True  # Santé, de …": the ministry's portfolios follow
                continue
            if head.lower_ == "ministère" and not title_domain and j + 1 < limit \
                    and doc[j + 1].is_lower and res.demonym(doc[j + 1].lower_):
                # "secrétaire général du ministère marocain (des Affaires étrangères)":
                # Morocco's ministry; its portfolios may follow
                countries.append(res.demonym(doc[j + 1].lower_))  # type: ignore[arg-type]
                parts.append(doc[i:j + 1].text)
                i = j + 2
                if i < limit and doc[i].lower_ in _DE:
                    title_domain = True
                    continue
                break
            if head.lower_ in org_nouns and not _CAPITAL.match(head.text):
                k = j + 1
                while k < limit and (doc[k].pos_ == "ADJ" and not res.demonym(doc[k].lower_)
                                     or doc[k].text.isupper() and doc[k].is_alpha):
                    k += 1
                # "du parti": the party named before; "du groupe socialiste": that group
                org = "@previous" if k == j + 1 else doc[j:k].text
                i = k
                continue
            if head.lower_ in _STATE_STYLES and not title_domain:
                # "ambassadeur de la République de Guinée", "… de la République française",
                # "… de l'État du Qatar", "… du Royaume de Norvège"
                k = _past_adjectives(doc, j + 1, limit, res)  # "islamique", "démocratique"
                if k < limit and res.demonym(doc[k].lower_):
                    countries.append(res.demonym(doc[k].lower_))  # type: ignore[arg-type]
                    i = k + 1
                    continue
                if k + 1 < limit and doc[k].lower_ in ("de", "du", "d'", "des"):
                    e = k + 1  # "du Royaume des Pays-Bas"
                    while e < limit and (_CAPITAL.match(doc[e].text) or doc[e].lower_ in (
                            "de", "du", "des", "d'", "la", "l'") or e > k + 1 and doc[e].is_lower
                            and doc[e].pos_ in ("ADJ", "VERB", "NOUN", "PROPN")
                            and _CAPITAL.match(doc[e - 1].text)) and e - k < 6:
                        e += 1  # "du Royaume d'Arabie saoudite"
                    name = res.countries.get(normalize_label(doc[k + 1:e].text)) or \
                        res.countries.get(normalize_label(doc[j:e].text))  # "République de Corée"
                    if name:
                        countries.append(name)
                        i = e
                        continue
            superior = _match_title(doc, j, res) if det or lower != "de" else None
            if superior is not None and not title_domain and superior[1] <= limit:
                parts.append(doc[i:superior[1]].text)  # "directeur de cabinet du Premier
                countries += [res.demonym(doc[x].lower_) for x in range(j, superior[1])  # type: ignore[misc]
                              if res.demonym(doc[x].lower_) and doc[x].is_lower]
                i = superior[1]  # ministre", "conseiller spécial du Président": whose; "du
                continue  # président français": France's
            if head.lower_ in label_nouns and not org_spans.get(j):
                k = _past_adjectives(doc, j + 1, limit, res)
                if k + 1 < limit and doc[k].lower_ == "des" and doc[k + 1].is_lower \
                        and doc[k + 1].pos_ == "NOUN" and k + 1 not in people:
                    k += 2  # "président du Conseil des ministres"
                    while k < limit and doc[k].pos_ == "ADJ" and doc[k].is_lower \
                            and not res.demonym(doc[k].lower_):
                        k += 1  # "de la commission des affaires étrangères"
                parts.append(doc[i:k].text)
                i = k
                continue
            if j in people:
                break
            if not _CAPITAL.match(head.text):
                k = _past_adjectives(doc, j + 1, limit, res)
                if not title_domain and head.pos_ == "NOUN" and k + 1 < limit \
                        and doc[k].lower_ in _DE and (
                            org_spans.get(k + 1) or k + 2 < limit and doc[k + 1].lower_ in (
                                "la", "l'", "l’", "le") and org_spans.get(k + 2)
                            or head.lower_ in _DIVISIONS and doc[k + 1].pos_ == "PROPN"
                            and k + 1 not in people):
                    # "gouverneur du district autonome de Yamoussoukro": a division, then
                    # its name
                    # "directeur des opérations de la Banque mondiale": the unit, then the body
                    parts.append(doc[i:k].text)
                    i = k
                    continue
                if not (title_domain and head.text.replace("-", "").isalpha()
                        and head.pos_ not in ("DET", "ADP", "VERB", "AUX", "PRON")):
                    break
                # "ministre du redressement productif", "ministre des outre-mer"
                k = _past_adjectives(doc, j + 1, limit, res)
                parts.append(doc[i:k].text)
                i = k
                continue
            k = (None if title_domain else org_spans.get(j)) or j + 1
            if title_domain and res.demonym(head.lower_) and head.text[:1].isupper():
                # "et des Marocains résidant à l'étranger": people of a portfolio, and its
                # country
                countries.append(res.demonym(head.lower_))  # type: ignore[arg-type]
                end = _abroad(doc, j + 1, limit)
                parts.append(doc[i:end].text)
                i = end
                continue
            while k < limit:
                nxt = doc[k]
                if title_domain and k > j and nxt.text[:1].isupper() \
                        and res.demonym(nxt.lower_) and doc[k - 1].lower_ == "des":
                    countries.append(res.demonym(nxt.lower_))  # type: ignore[arg-type]
                    k = _abroad(doc, k + 1, limit)  # "… et des Égyptiens à l'étranger"
                    break
                if k > j and nxt.lower_ in ("de", "du", "d'", "d’") \
                        and _country_at(doc, k + 1, limit, res):
                    break  # "des Affaires étrangères de la Sierra Leone": the country apart
                if res.demonym(nxt.lower_) or k in people or nxt.lower_ in (
                        res.positions.get("honorifics", ())):
                    break
                if k > j and nxt.pos_ == "PROPN" and k + 1 < limit \
                        and doc[k + 1].pos_ == "PROPN" and doc[k + 1].dep_ == "flat:name" \
                        and doc[k + 1].head.i == k and title_domain:
                    break  # "ministre de l'Intérieur Paulo Reis": a name, not the portfolio
                if _CAPITAL.match(nxt.text) or (nxt.pos_ == "ADJ" and nxt.is_lower) or (
                        nxt.pos_ == "VERB" and nxt.dep_ == "amod" and nxt.is_lower and k > j
                        and _CAPITAL.match(doc[k - 1].text) and nxt.lemma_ in _NAME_PARTICIPLES):
                    k += 1  # "des Nations unies", "des Émirats arabes unis"
                elif nxt.lower_ == "des" and k + 1 < limit and doc[k + 1].pos_ == "NOUN" \
                        and doc[k + 1].is_lower and k + 1 not in people \
                        and "Plur" in doc[k + 1].morph.get("Number"):
                    k += 2  # "la Chambre des conseillers", "la Cour des comptes"
                elif (nxt.lower_ in ("et", "de", "des", "du", "d'", "la", "l'") and k + 1 < limit
                      and (_CAPITAL.match(doc[k + 1].text)
                           or doc[k + 1].lower_ in ("la", "l'", "des"))):
                    k += 1
                elif nxt.lower_ == "et" and k + 1 < limit and doc[k + 1].pos_ == "ADJ" \
                        and doc[k + 1].is_lower and not res.demonym(doc[k + 1].lower_) \
                        and title_domain:
                    k += 2  # "des Affaires étrangères et européennes"
                else:
                    break
            phrase = doc[j:k].text
            norm = normalize_label(phrase)
            if k - 1 > j and res.demonym(doc[k - 1].lower_) and not title_domain:
                countries.append(res.demonym(doc[k - 1].lower_))  # type: ignore[arg-type]
                # "président du Sénat brésilien": Brazil's
            if norm in res.countries:
                if lower == "en":
                    parts.append(doc[i:k].text)
                else:
                    countries.append(res.countries[norm])
            elif title_domain:
                parts.append(doc[i:k].text)
            elif j in org_spans or phrase.isupper() or org_spans.get(j - 1):
                org = phrase
                own = _STATE_OF.match(phrase)  # "de l'Assemblée nationale du Vietnam"
                if own and normalize_label(own[2]) in res.countries:
                    org = own[1]
                    countries.append(res.countries[normalize_label(own[2])])
            else:
                parts.append(doc[i:k].text)
            del det
            i = k
            continue
        break
    return parts, countries, org, i


def _position_mentions(doc, sentences, sentence_of, quotes, res: Resources,
                       org_spans: dict[int, int], people: frozenset[int]):  # type: ignore[no-untyped-def]
    out: list[Mention] = []
    lowers = [w.lower() for w in _texts(doc)]
    for sent in sentences:
        i = sent.start
        while i < sent.end:
            match = _match_title(doc, i, res) if lowers[i] in res.title_openings else None
            if not match:
                i += 1
                continue
            title, end = match
            previous = doc[i - 1].lower_ if i > sent.start else ""
            # a demonym before the domain: "ministre français de l'Intérieur"
            parts, countries, org, stop = _complements(doc, end, sent.end, res, title.domain,
                                                       org_spans, people,
                                                       envoy=title.label in _ENVOYS)
            label = title.label
            form = doc[i:end].text.lower()
            if not title.plural and form in res.titles \
                    and normalize_label(form) != normalize_label(label) \
                    and len(form.split()) == len(label.split()):
                label = form  # keep the feminine the text gives: "secrétaire générale"
            if title.label in ("président",) and parts and parts[0].startswith("-"):
                label = doc[i].text.lower() + parts.pop(0)
            label = " ".join([label, *parts]).replace(" -", "-").replace(" ,", ",")
            span = doc[i:stop]
            former = i > sent.start and doc[i - 1].lower_ in _FORMER or (
                i > sent.start + 1 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "ex") or (
                i > sent.start + 1 and doc[i - 1].lower_ == "ici"  # "jusqu'ici ministre"
                and doc[i - 2].lower_ in ("jusqu'", "jusqu’"))
            out.append(Mention(
                "Position", i, stop, span.start_char, span.end_char, span.text,
                sentence_of[i], label, tuple(dict.fromkeys(countries)), org,
                # « l'ancien ministre » is not today's; « le nouveau ministre » is
                definite=previous in _DEFINITE or previous in _NEW and i > sent.start + 1
                and doc[i - 2].lower_ in _DEFINITE,
                plural=title.plural or len(set(countries)) > 1,
                quoted=_in_quote(quotes, span.start_char, span.end_char), former=former,
            ))
            i = stop
    return out


_norm = functools.lru_cache(maxsize=1 << 16)(normalize_label)
""":func:`~graph.model.iri.normalize_label` of one token's text, remembered."""


@functools.lru_cache(maxsize=4)
@functools.lru_cache(maxsize=8)
def _place_openings(res: Resources) -> frozenset[str]:
    """Return the first words of the countries and capitals of the gazetteer."""
    return _first_words([*res.countries, *res.capitals])


@functools.lru_cache(maxsize=8)
def _topic_openings(res: Resources) -> frozenset[str]:
    """Return the first words of the topics of the lexicon."""
    return _first_words(res.topics)


def _first_words(terms: Iterable[str]) -> frozenset[str]:
    return frozenset(term.partition(" ")[0] for term in terms)


def _opening_at(doc, first: frozenset[str]) -> list[int]:  # type: ignore[no-untyped-def]
    """Return where a token whose folded form opens one of the names ``first`` stands.

    Each distinct word of the doc is folded once (a cheap pre-check before the lexicons).
    """
    known = _OPENS.setdefault(first, {})
    if len(known) > 200_000:  # a bound on a long run's vocabulary
        known.clear()
    opening = set()
    for w in set(_texts(doc)):
        opens = known.get(w)
        if opens is None:
            opens = known[w] = _norm(w).partition(" ")[0] in first
        if opens:
            opening.add(w)
    return [i for i, w in enumerate(_texts(doc)) if w in opening]


_OPENS: dict[frozenset[str], dict[str, bool]] = {}
"""For each set of first words, whether a word folds to one of them."""


def _texts(doc) -> list[str]:  # type: ignore[no-untyped-def]
    """Return the text of each token (read once by :class:`~graph.extract.context.Tokens`)."""
    return doc.texts if hasattr(type(doc), "texts") else [token.text for token in doc]


def _topic_mentions(doc, sentence_of, quotes, res: Resources):  # type: ignore[no-untyped-def]
    out = []
    n = len(doc)
    after = 0  # where the last topic found ends
    for i in _opening_at(doc, _topic_openings(res)):
        if i < after:
            continue
        found = None
        for width in (5, 4, 3, 2, 1):
            if i + width > n:
                continue
            span = doc[i:i + width]
            if span[0].is_punct or span[-1].is_punct or span[-1].is_space:
                continue
            norm = normalize_label(span.text)
            if norm in res.topics:
                found = span
                break
        if found is None:
            continue
        out.append(Mention("Topic", found.start, found.end, found.start_char, found.end_char,
                           found.text, sentence_of[found.start],
                           res.topics[normalize_label(found.text)],
                           quoted=_in_quote(quotes, found.start_char, found.end_char)))
        after = found.end
    return out


def find_mentions(doc, sentences: list[Sentence], quotes: list[tuple[int, int]],
                  res: Resources) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Return the mentions of a parsed doc, in text order.

    Parameters
    ----------
    doc : spacy.tokens.Doc or graph.extract.context.Tokens
    sentences : list of Sentence
    quotes : list of (int, int)
        Character spans of the quotations.
    res : Resources
    """
    sentence_of = [0] * len(doc)
    for sent in sentences:
        for i in range(sent.start, sent.end):
            sentence_of[i] = sent.index
    entities = _entity_mentions(doc, sentence_of, quotes, res)
    org_spans = {m.start: m.end for m in entities if m.kind in ("Organization",)}
    people = frozenset(m.start for m in entities if m.kind == "Person")
    positions = _position_mentions(doc, sentences, sentence_of, quotes, res, org_spans, people)
    taken = {i for m in positions for i in range(m.start, m.end)}
    kept = []
    for m in entities:
        inside = any(p.start <= m.start and m.end <= p.end for p in positions)
        if inside and m.kind != "Person":
            continue  # "l'Intérieur", "PP" inside a post: the post carries them
        if m.kind == "Person" and any(m.start <= p.start and p.end <= m.end for p in positions) \
                and any(doc[t].lower_ in ("de", "du", "des", "la") for t in range(m.start, m.end)):
            continue  # "Wali-Directeur de la Migration" tagged as a person: a post
        if any(p.start < m.end and m.start < p.end for p in positions) and m.kind != "Person":
            continue
        kept.append(m)
        taken.update(range(m.start, m.end))
    countries = _gazetteer_mentions(doc, sentence_of, quotes, set(taken), res)
    named = {i for m in kept for i in range(m.start, m.end)}
    topics = [t for t in _topic_mentions(doc, sentence_of, quotes, res)
              if not any(i in named for i in range(t.start, t.end))]  # "Conseil de sécurité"
    mentions = _names_tagged_places(doc, kept, positions, res) + positions + countries + topics
    mentions += _titled_names(doc, sentence_of, quotes, mentions, res)
    mentions += _honored_names(doc, sentence_of, quotes, mentions, res)
    mentions += _apposed_names(doc, sentence_of, quotes, mentions, res)
    surnames = _surnames(mentions)
    mentions = [replace(m, kind="Person", key=m.text)
                if m.kind in ("Place", "Organization") and m.end - m.start == 1
                and m.text in surnames else m  # "Ouattara" tagged as a place
                for m in mentions]
    mentions += _known_names(doc, sentence_of, quotes, mentions)
    mentions = _extended_names(doc, mentions, res)
    return _joined_names(doc, sorted(mentions, key=lambda m: (m.start, -m.end)))


def _extended_names(doc, mentions: list[Mention], res: Resources) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Extend a person's name over the capitalised words the tagger left after it.

    "M. Younes Skalli-Idrissi" tagged "Younes": the hyphenated surname after it belongs to
    the name (at most three more words; no country, city, demonym, title or other mention).
    """
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        end = m.end
        if m.kind == "Person" and not m.quoted:
            end = _name_end(doc, m.end, m.end + 4, taken, res, joined=True)
        if end > m.end:
            span = doc[m.start:end]
            m = replace(m, end=end, end_char=span.end_char, text=span.text, key=span.text)
        out.append(m)
    return out


def _joined_names(doc, mentions: list[Mention]) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Join two names the tagger cut apart with nothing between: "Fatimé" "Ahmat Haroun"."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == m.kind == "Person" and prev.end == m.start \
                and prev.sentence == m.sentence and doc[prev.end - 1].whitespace_ \
                and doc[m.start].text[:1].isupper():
            span = doc[prev.start:m.end]
            out[-1] = replace(prev, end=m.end, end_char=m.end_char, text=span.text,
                              key=span.text)
            continue
        out.append(m)
    return out


NAME_HONORIFICS = frozenset({"m.", "mme", "mlle", "dr", "dr.", "dre", "pr", "pr.", "pre", "sem",
                              "s.e.",
                              "monsieur", "madame", "me", "excellence", "cheikh", "cheick"})


def _names_tagged_places(doc, mentions: list[Mention], positions: list[Mention],  # type: ignore[no-untyped-def]
                         res: Resources) -> list[Mention]:
    """Retype as people the names the tagger took for places or organisations.

    "Dr Rim Zouari", "M. Abdou Diallo": after an honorific; "le Premier ministre …, Abdou
    Diallo,": after a title and a comma. Only names of two or more capitalised words that
    the gazetteer does not know.
    """
    ends = {p.end for p in positions}
    out = []
    for m in mentions:
        if m.kind in ("Place", "Organization") and m.end - m.start >= 2 and m.start >= 1 \
                and normalize_label(m.text) not in res.countries \
                and normalize_label(m.text) not in res.capitals \
                and all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in doc[m.start:m.end]
                        if t.is_alpha) and m.end < len(doc) and (
                    doc[m.start - 1].lower_ in NAME_HONORIFICS
                    or doc[m.start - 1].text == ","
                    and any(e in ends for e in range(m.start - 12, m.start))
                    and doc[m.end].text in (",", ".", ";")):
            m = replace(m, kind="Person", key=m.text)
        out.append(m)
    return out


def _titled_names(doc, sentence_of, quotes, mentions: list[Mention],  # type: ignore[no-untyped-def]
                  res: Resources) -> list[Mention]:
    """Return the names right after a title that the NER did not tag.

    "Le Premier ministre Ousmane Sonko a quitté Dakar": two or three capitalised words that
    are no country, city, demonym or title, after a singular title, make a person.
    """
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        if m.kind != "Position" or m.plural or m.end >= len(doc):
            continue
        end = m.end
        while end < len(doc) and end - m.end < 3 and end not in taken \
                and doc[end].pos_ in ("PROPN", "NOUN", "ADJ") and _CAPITAL.match(doc[end].text) \
                and doc[end].is_alpha and not doc[end].is_upper:
            norm = normalize_label(doc[end].text)
            if norm in res.countries or norm in res.capitals or res.demonym(norm) \
                    or doc[end].lower_ in res.title_openings:
                break
            end += 1
        if end - m.end < 2 or (end < len(doc) and _CAPITAL.match(doc[end].text)
                               and doc[end].is_alpha):
            continue
        span = doc[m.end:end]
        out.append(Mention("Person", m.end, end, span.start_char, span.end_char, span.text,
                           sentence_of[m.end], span.text,
                           quoted=_in_quote(quotes, span.start_char, span.end_char)))
    return out


def _name_end(doc, start: int, limit: int, taken: set[int], res: Resources, *,  # type: ignore[no-untyped-def]
              joined: bool) -> int:
    """Return where the capitalised words of a name that starts (or goes on) at ``start`` end.

    Hyphenated parts the tokenizer cut ("Ji" "-" "hoon") belong to it; a country, city,
    demonym, title, honorific, a word already in a mention, or ``limit`` ends it. With
    ``joined``, the name goes on from ``start`` (a hyphen may join there at once).
    """
    end = start
    while end < min(len(doc), limit) and end not in taken:
        tok = doc[end]
        if tok.text == "-" and not tok.whitespace_ and not doc[end - 1].whitespace_ \
                and end + 1 < len(doc) and doc[end + 1].is_alpha and (joined or end > start):
            end += 2  # "Skalli" "-" "Idrissi", "Ji" "-" "hoon"
            continue
        if not (tok.is_alpha and _CAPITAL.match(tok.text) and not tok.is_upper) \
                or joined and tok.is_sent_start:
            break
        norm = normalize_label(tok.text)
        if norm in res.countries or norm in res.capitals or res.demonym(norm) \
                or tok.lower_ in res.title_openings or tok.lower_ in NAME_HONORIFICS:
            break
        end += 1
    return end


def _honored_names(doc, sentence_of, quotes, mentions: list[Mention],  # type: ignore[no-untyped-def]
                   res: Resources) -> list[Mention]:
    """Return the names right after an honorific that the NER did not tag.

    "S.E. M. Park Ji-hoon, nouvel ambassadeur": one to four capitalised words (with their
    hyphenated parts, "Ji-hoon") that are no country, city, demonym or title, after "M.",
    "Mme", "SEM" or "Dr", make a person.
    """
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for i in range(len(doc) - 1):
        if doc[i].lower_ not in NAME_HONORIFICS or i + 1 in taken or i in taken:
            continue
        end = _name_end(doc, i + 1, i + 7, taken, res, joined=False)
        if end - i < 2 or end - i > 5:
            continue
        span = doc[i + 1:end]
        out.append(Mention("Person", i + 1, end, span.start_char, span.end_char, span.text,
                           sentence_of[i + 1], span.text,
                           quoted=_in_quote(quotes, span.start_char, span.end_char)))
        taken.update(range(i + 1, end))
    return out


def _apposed_names(doc, sentence_of, quotes, mentions: list[Mention],  # type: ignore[no-untyped-def]
                   res: Resources) -> list[Mention]:
    """Return the names set off by commas after a title that the NER did not tag as people.

    "a été signé par la ministre turque de la Santé, Zeynep Aksoy-Ertan, et …": two to four
    capitalised proper nouns (with their hyphenated parts) right after a singular title and
    its comma, closed by a comma, a full stop or a semicolon, make a person. The words must
    be no country, city, demonym, title or other mention.
    """
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        if m.kind != "Position" or m.plural or m.end + 2 >= len(doc) or doc[m.end].text != ",":
            continue
        start = m.end + 1
        while start < len(doc) and doc[start].lower_ in NAME_HONORIFICS:
            start += 1
        end = _name_end(doc, start, start + 6, taken, res, joined=False)
        if not 2 <= end - start <= 6 or end >= len(doc) or doc[end].text not in (",", ".", ";") \
                or not all(t.pos_ == "PROPN" for t in doc[start:end] if t.is_alpha):
            continue
        span = doc[start:end]
        out.append(Mention("Person", start, end, span.start_char, span.end_char, span.text,
                           sentence_of[start], span.text,
                           quoted=_in_quote(quotes, span.start_char, span.end_char)))
        taken.update(range(start, end))
    return out


def _surnames(mentions: list[Mention]) -> set[str]:
    """Return the surnames of the people an article names in full."""
    surnames = {m.text.split()[-1] for m in mentions
                if m.kind == "Person" and len(m.text.split()) >= 2}
    return {s for s in surnames if len(s) > 2 and s[:1].isupper()}


def _known_names(doc, sentence_of, quotes, mentions: list[Mention]) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Return the mentions of a surname the NER missed where the article names its bearer.

    "M. Paolo Gentiloni" once, then "le Président Gentiloni": the second is the same person
    even when the NER does not tag it. Only surnames of people named in full in the same
    article, written with a capital, outside every other mention.
    """
    surnames = _surnames(mentions)
    if not surnames:
        return []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for i, tok in enumerate(doc):
        glued = _GLUED_HONORIFIC.match(tok.text) if i not in taken else None
        if glued and tok.text[glued.end():] in surnames:  # "M.Kayouh"
            out.append(Mention("Person", i, i + 1, tok.idx + glued.end(), tok.idx + len(tok.text),
                               tok.text[glued.end():], sentence_of[i], tok.text[glued.end():],
                               quoted=_in_quote(quotes, tok.idx, tok.idx + len(tok.text))))
            continue
        if i in taken or tok.text not in surnames or tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper():
            continue  # part of a longer name the NER did not see
        quoted = _in_quote(quotes, tok.idx, tok.idx + len(tok.text))
        out.append(Mention("Person", i, i + 1, tok.idx, tok.idx + len(tok.text), tok.text,
                           sentence_of[i], tok.text, quoted=quoted))
    return out
