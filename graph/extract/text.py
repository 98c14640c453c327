"""Plain-text stages: sentence boundaries and quotation spans, on character offsets.

Examples
--------
>>> text = "Il l'a dit. « Tout va bien. Vraiment. » Puis il est parti."
>>> [text[s:e] for s, e in split_sentences(text)]
["Il l'a dit.", '« Tout va bien. Vraiment. »', 'Puis il est parti.']
>>> [text[s:e] for s, e in find_quotes(text)]
['Tout va bien. Vraiment.']
"""

from __future__ import annotations

import re

__all__ = ["find_quotes", "split_sentences"]

_ABBREVIATIONS = frozenset({
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "etc", "av", "apr", "j.-c",
    "cf", "p", "no", "vol", "art", "gén", "col", "cdt", "sgt", "lt", "mgr", "vs", "mr", "mrs",
    "ms", "jr", "sr", "inc", "ltd", "co", "corp", "s.e", "s.m", "s.a", "s.a.r", "s.a.s",
    "s.e.m", "s.e.mme",
})
_END = re.compile(r"[.!?…]+[»\")\]]*")
_NEXT = re.compile(r"\s+(?=[A-ZÀ-ÖØ-Þ«\"0-9\-–—])")
_WORD_BEFORE = re.compile(r"([\w.-]+)$")
_MONTHS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
           "novembre|décembre|decembre|january|february|march|april|may|june|july|august|"
           "september|october|november|december")
_DATELINE = re.compile(
    r"(?P<place>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ -][A-ZÀ-ÖØ-Þa-zà-ÿ][\w'’.-]*){0,3}?)"
    r"(?P<date>\s*,\s*(?:le\s+)?[^\n,.;:«»()–—]{0,30}?(?:\d|\b(?:" + _MONTHS + r")\b)"
    r"[^\n,.;:«»()–—]{0,20}?)?"
    r"(?P<agency>\s*\([A-Za-zÀ-ÿ/&. -]{2,24}\))?"
    r"\s*(?:--|[-–—])\s+(?=[A-ZÀ-ÖØ-Þ«\"])"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    r"""Return the ``(start, end)`` offsets of the sentences of a text.

    Lines are never joined; inside guillemets a full stop does not end the sentence, and
    neither does one after an initial (``A. Montebourg``) or an abbreviation (``M.``).

    Examples
    --------
    >>> text = "M. Dupont et A. Martin sont là.\nTitre\n\nFin ici !"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['M. Dupont et A. Martin sont là.', 'Titre', 'Fin ici !']
    """
    spans: list[tuple[int, int]] = []
    for n, line in enumerate(re.finditer(r"[^\n]+", text)):
        start, stop = line.span()
        depth = 0
        cursor = start
        dateline = _dateline(text, start, stop, opening=n < 2)
        if dateline:
            spans.append((start, dateline))
            cursor = dateline
        pos = start
        while pos < stop:
            char = text[pos]
            if char == "«":
                depth += 1
            elif char == "»":
                depth = max(0, depth - 1)
                before = text[cursor:pos].rstrip()
                after = _NEXT.match(text, pos + 1, stop)
                if depth == 0 and before.endswith((".", "!", "?", "…")) and after:
                    spans.append((cursor, pos + 1))
                    cursor = pos = after.end()
                    continue
            elif char in ".!?…" and depth == 0:
                end = _END.match(text, pos, stop)
                assert end is not None
                after = _NEXT.match(text, end.end(), stop)
                if after and not _is_abbreviation(text, cursor, pos, char):
                    spans.append((cursor, end.end()))
                    cursor = after.end()
                    pos = cursor
                    continue
                pos = end.end()
                continue
            pos += 1
        spans.append((cursor, stop))
    return _trimmed(text, spans)


_OPENING = re.compile(r"[^\n.!?«»:;\"]{3,110}?\s(?:--|[–—])\s+(?=(?:L[ea]s?|L'|L’)\s?[A-Za-zÀ-ÿ])")


def _dateline(text: str, start: int, stop: int, opening: bool = False) -> int | None:
    """Return where the text after a dateline starts on a line, if the line opens with one.

    A dateline is a place, then a date, an agency in brackets or both, then a dash:
    « Niamey, 3 mai 2025 (ANP) – », « DAKAR (APS) - », « Lima, le 2 juin -- ». A place
    alone before a dash counts when written in capitals (« ALGER - »). The dateline is a
    sentence of its own, so that the parse of the sentence after it starts with its subject.

    Examples
    --------
    >>> text = "Niamey, 3 mai 2025 (ANP) – Le ministre est arrivé."
    >>> text[_dateline(text, 0, len(text)):]
    'Le ministre est arrivé.'
    >>> _dateline("Paris - Lyon est une ligne.", 0, 27) is None
    True

    On the first lines of an article (``opening``), any short heading before a long dash
    and a determiner is one: « Communiqué de l'ambassade à Lomé – La ministre … ».
    """
    found = _DATELINE.match(text, start, stop)
    if found is None:
        loose = _OPENING.match(text, start, stop) if opening else None
        return loose.end() if loose else None
    if not (found.group("date") or found.group("agency") or (
            found.group("place").isupper() and len(found.group("place")) > 2)):
        return None
    return found.end()


def _is_abbreviation(text: str, start: int, pos: int, char: str) -> bool:
    if char != ".":
        return False
    word = _WORD_BEFORE.search(text, start, pos)
    if not word:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True  # an initial
    return token.lower().rstrip(".") in _ABBREVIATIONS


def find_quotes(text: str) -> list[tuple[int, int]]:
    r"""Return the ``(start, end)`` offsets of quoted text, quotation marks excluded.

    Guillemets nest (the outermost pair counts); straight double quotes pair up within a line,
    and a line that opens with one it never closes is quoted to its end.

    Examples
    --------
    >>> text = 'Il a dit « non, « jamais » » et "peut-être".'
    >>> [text[s:e] for s, e in find_quotes(text)]
    ['non, « jamais »', 'peut-être']
    >>> text = 'Il a dit :\n" Nous restons. Nous tiendrons.\nPuis il est parti.'
    >>> [text[s:e] for s, e in find_quotes(text)]
    ['Nous restons. Nous tiendrons.']
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    opened = 0
    for pos, char in enumerate(text):
        if char == "«":
            if depth == 0:
                opened = pos + 1
            depth += 1
        elif char == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, pos))
        elif char == "\n" and depth:
            # a quote may run over several paragraphs: close it only at a closing mark
            continue
    for line in re.finditer(r"[^\n]+", text):
        body, offset = line.group(0), line.start()
        if body.count('"') % 2 and body.lstrip().startswith('"'):
            # a paragraph that opens a quote and never closes it: the quote runs on (the
            # next paragraph may open again, as French typography does)
            first = offset + body.index('"') + 1
            spans.append((first, line.end()))
            continue
        for match in re.finditer(r'"([^"\n]+)"', body):
            start = offset + match.start(1)
            if not any(s <= start < e for s, e in spans):
                spans.append((start, offset + match.end(1)))
    return _trimmed(text, sorted(spans))


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Shrink each span to leave out surrounding white space; drop the empty ones."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
