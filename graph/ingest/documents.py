"""Reading articles: text files with an optional header, and JSONL corpora.

A ``.txt`` or ``.md`` file is one article. Before the text it may carry a header of ``key
value`` pairs (``date``, ``title``, ``source``, ``lang``, ``id``), each on its own line
(``title: Rabat``) or inline before the text (`` date 2025-04 Le ministre …``). A Markdown
file may use a ``---`` front matter instead. A text that opens like Wikinews
(``2 juillet 2012. - …``) gives its publication date.

A ``.jsonl`` file is a corpus, one ``{"id", "title", "date", "lang", "source", "text"}`` object
per line. A malformed line rejects the whole file with its line number, before any document
of it is yielded.

:func:`normalize` folds soft hyphens, non-breaking spaces and typographic apostrophes and
quotes for the NLP stages, and keeps the way back to offsets in the original text.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError
from graph.model.rdf import date_literal
from graph.model.records import Document

__all__ = [
    "FRENCH_MONTHS",
    "HEADER_KEYS",
    "MAX_CHARACTERS",
    "Named",
    "Normalized",
    "iter_documents",
    "normalize",
    "parse_text",
    "read_documents",
    "wikinews_date",
]

MAX_CHARACTERS = 1_000_000
"""Longest article accepted, in characters: spaCy's parser refuses longer texts."""

HEADER_KEYS = ("date", "title", "source", "lang", "id")
"""Keys a text file's header may give."""

FRENCH_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
"""French month names (with and without accents) → month number."""

_KEY = "|".join(HEADER_KEYS)
_OWN_LINE = re.compile(rf"[ \t]*({_KEY})[ \t]*(:)?[ \t]*(\S[^\n]*?)?[ \t]*(?:\n|$)")
_INLINE = re.compile(rf"\s*({_KEY})(?:[ \t]*:)?[ \t]+(\S+)[ \t]+(?=\S)")
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")
_WIKINEWS = re.compile(
    r"\s*(1er|\d{1,2})\s+(" + "|".join(FRENCH_MONTHS) + r")\s+(\d{4})\s*\.\s*[-–—]",
    re.IGNORECASE,
)

# Characters folded for the NLP stages: same length, except the ones dropped.
_FOLD = str.maketrans({
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-",
})
_DROP = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and the way back to offsets in the original.

    Attributes
    ----------
    text : str
        The folded text the NLP stages read.
    dropped : tuple of int
        Offsets, in the normalised text, where one original character was dropped
        (sorted; one entry per dropped character).
    """

    text: str
    dropped: tuple[int, ...] = ()

    def original(self, offset: int) -> int:
        r"""Return the offset in the original text of a normalised offset.

        Examples
        --------
        >>> n = normalize("pre\u00admier mot")
        >>> n.text
        'premier mot'
        >>> n.original(n.text.index("mot"))
        9
        """
        if not self.dropped:
            return offset
        return offset + bisect.bisect_right(self.dropped, offset)


def normalize(text: str) -> Normalized:
    r"""Fold soft hyphens, odd spaces and typographic apostrophes and quotes.

    Guillemets (« ») are kept: they are the French quotation marks the quote rules read.

    Examples
    --------
    >>> normalize("l\u2019Int\u00e9rieur\u00a0\u201cok\u201d").text
    'l\'Intérieur "ok"'
    """
    folded = text.translate(_FOLD)
    if not _DROP.search(folded):
        return Normalized(folded)
    parts: list[str] = []
    dropped: list[int] = []
    last = 0
    for match in _DROP.finditer(folded):
        parts.append(folded[last:match.start()])
        last = match.end()
        dropped.append(sum(map(len, parts)))
    parts.append(folded[last:])
    return Normalized("".join(parts), tuple(dropped))


def wikinews_date(text: str) -> str | None:
    """Return the ISO date a Wikinews-style opening gives, or ``None``.

    Examples
    --------
    >>> wikinews_date("2 juillet 2012. - Le gouvernement a …")
    '2012-07-02'
    >>> wikinews_date("Le 2 juillet 2012, il pleuvait.") is None
    True
    """
    match = _WIKINEWS.match(text)
    if not match:
        return None
    day = 1 if match.group(1).lower() == "1er" else int(match.group(1))
    month = FRENCH_MONTHS[match.group(2).lower()]
    iso = f"{match.group(3)}-{month:02d}-{day:02d}"
    try:
        date_literal(iso)
    except ValueError:
        return None
    return iso


def _check(name: str, key: str, value: str, line: int) -> str:
    if key == "date":
        try:
            date_literal(value)
        except ValueError as exc:
            raise InputError(name, f"bad header date: {exc}", line=line) from None
    elif key == "lang" and not _LANG.fullmatch(value):
        raise InputError(name, f"bad header language {value!r} (expected a code like fr)",
                         line=line)
    return value


def _front_matter(text: str, name: str) -> tuple[dict[str, str], int] | None:
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        raise InputError(name, "front matter opened with --- is never closed", line=1)
    fields: dict[str, str] = {}
    for number, line in enumerate(text[4:end].split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep:
            raise InputError(name, f"front matter line is not 'key: value': {line!r}",
                             line=number)
        if key in HEADER_KEYS:
            fields[key] = _check(name, key, value.strip().strip("'\""), number)
    after = text.find("\n", end + 4)
    return fields, (len(text) if after < 0 else after + 1)


def _header(text: str, name: str) -> tuple[dict[str, str], int]:
    """Return the header fields and where the text after the header starts."""
    front = _front_matter(text, name)
    if front is not None:
        return front
    fields: dict[str, str] = {}
    pos = 0
    while True:
        line = text.count("\n", 0, pos) + 1
        own = _OWN_LINE.match(text, pos)
        if own and own.group(1) not in fields and (own.group(2) or _valid(own)):
            key, value = own.group(1), (own.group(3) or "").strip()
            if not value:
                raise InputError(name, f"header '{key}' has no value", line=line)
            fields[key] = _check(name, key, value, line)
            pos = own.end()
            continue
        inline = _INLINE.match(text, pos)
        if inline and inline.group(1) not in fields and _valid(inline, 2):
            fields[inline.group(1)] = inline.group(2)
            pos = inline.end()
            continue
        return fields, pos


def _valid(match: re.Match[str], group: int = 3) -> bool:
    """Without a colon, a header is only taken when its value looks right."""
    key, value = match.group(1), (match.group(group) or "").strip()
    if key == "date":
        return bool(_ISO.fullmatch(value))
    if key == "lang":
        return bool(_LANG.fullmatch(value))
    if key == "id":
        return bool(re.fullmatch(r"[\w.:/-]+", value))
    return group == 3 and bool(value)


def parse_text(text: str, *, name: str = "<text>", default_id: str = "document") -> Document:
    r"""Parse one article (header and text) into a :class:`Document`.

    Parameters
    ----------
    text : str
        The whole content of the file.
    name : str
        What errors call the file.
    default_id : str
        The id when the header gives none (the file's stem).

    Examples
    --------
    >>> doc = parse_text(" date 2025-04 Le ministre est arrivé.", default_id="seed")
    >>> doc.id, doc.date, doc.text, doc.offset
    ('seed', '2025-04', 'Le ministre est arrivé.', 14)
    >>> parse_text("title: Une visite\nlang: fr\n\nTexte.").title
    'Une visite'
    >>> parse_text("3 mai 2012. - Texte.").date
    '2012-05-03'
    >>> parse_text("date: 2025-13\nTexte.", name="a.txt")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: a.txt:1: bad header date: not a real date: '2025-13'
    """
    fields, start = _header(text, name)
    while start < len(text) and text[start] in "\r\n":
        start += 1
    body = text[start:]
    date = fields.get("date") or wikinews_date(body)
    return Document(
        id=fields.get("id") or default_id,
        text=body,
        date=date,
        lang=fields.get("lang", "fr"),
        title=fields.get("title"),
        source=fields.get("source"),
        offset=start,
    )


def _read_text_file(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError(str(path), "NUL byte: this looks like a binary file, not text",
                         line=line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(str(path), f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                         f"{exc.start})", line=line) from None
    if len(text) > MAX_CHARACTERS:
        raise InputError(str(path), f"article too long: {len(text):,} characters, the limit is "
                         f"{MAX_CHARACTERS:,} (the parser needs about 1 GB per 100,000); split "
                         "it into several articles", line=1)
    doc = parse_text(text, name=str(path), default_id=path.stem)
    if not doc.text.strip():
        raise InputError(str(path), "empty article: no text after the header", line=1)
    if doc.source is None:
        doc = Document(doc.id, doc.text, doc.date, doc.lang, doc.title, str(path), doc.offset)
    return doc


def _parse_line(line: str, number: int, name: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON: {exc.msg}", line=number,
                         column=exc.colno) from None
    if not isinstance(record, dict):
        raise InputError(name, "each line must be a JSON object", line=number)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(name, "missing or non-text 'text' field", line=number)
    if len(text) > MAX_CHARACTERS:
        raise InputError(name, f"article too long: {len(text):,} characters, the limit is "
                         f"{MAX_CHARACTERS:,}; split it into several articles", line=number)
    values: dict[str, str | None] = {}
    for key in ("id", "title", "date", "lang", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, str | int):
            raise InputError(name, f"field {key!r} must be a string", line=number)
        values[key] = None if value in (None, "") else str(value)
    if values["date"]:
        _check(name, "date", values["date"], number)
    if values["lang"]:
        _check(name, "lang", values["lang"], number)
    inline, start = _inline_header(text)  # " date 2024-01 Le ministre …" inside the text
    return Document(
        id=values["id"] or f"{Path(name).stem}-{number}",
        text=text[start:],
        date=values["date"] or inline.get("date") or wikinews_date(text[start:]),
        lang=values["lang"] or inline.get("lang") or "fr",
        title=values["title"],
        source=values["source"],
        offset=start,
    )


def _inline_header(text: str) -> tuple[dict[str, str], int]:
    """Return the inline header fields at the start of a corpus text, and where it ends.

    Examples
    --------
    >>> _inline_header(" date 2024-01 Le ministre est arrivé.")
    ({'date': '2024-01'}, 14)
    >>> _inline_header("date de la visite : mardi")
    ({}, 0)
    """
    fields: dict[str, str] = {}
    pos = 0
    while True:
        inline = _INLINE.match(text, pos)
        if not inline or inline.group(1) in fields or not _valid(inline, 2):
            return fields, pos
        fields[inline.group(1)] = inline.group(2)
        pos = inline.end()


def _read_jsonl(path: Path) -> Iterator[Document]:
    name = str(path)

    def lines() -> Iterator[tuple[int, str]]:
        try:
            with path.open(encoding="utf-8-sig") as stream:
                for number, line in enumerate(stream, start=1):
                    if line.strip():
                        yield number, line
        except UnicodeDecodeError:
            raise InputError(name, "not UTF-8 text") from None
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror}") from None

    seen: dict[str, int] = {}
    for number, line in lines():  # check the whole file first: one bad line rejects it
        doc = _parse_line(line, number, name)
        if doc.id in seen:
            raise InputError(name, f"duplicate id {doc.id!r} (first on line {seen[doc.id]})",
                             line=number)
        seen[doc.id] = number
    seen.clear()
    for number, line in lines():
        yield _parse_line(line, number, name)


def read_documents(path: str | os.PathLike[str]) -> Iterator[Document]:
    r"""Yield the documents of a ``.txt``/``.md`` article or a ``.jsonl`` corpus.

    Documents are read lazily (a corpus is never held whole in memory), but a corpus with a
    malformed line raises before its first document.

    Raises
    ------
    InputError
        With the file and line of what is malformed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "c.jsonl").write_text('{"id": "a", "text": "Un."}\n{"id": "b"}\n')
    >>> list(read_documents(folder / "c.jsonl"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.InputError: .../c.jsonl:2: missing or non-text 'text' field
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path)
    elif suffix in (".txt", ".md"):
        yield _read_text_file(path)
    else:
        raise InputError(str(path), "not a document (expected .txt, .md or .jsonl)")


Named = tuple[Document, str]
"""A document and the name its source is known by."""


def iter_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Named]:
    """Yield each article of ``paths`` with the name its source is known by.

    A text file's source is named by its path; an article of a JSONL corpus by its id.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "a.txt").write_text("Texte.", encoding="utf-8")
    ...     [(doc.id, name.endswith("a.txt")) for doc, name in iter_documents([Path(d) / "a.txt"])]
    [('a', True)]
    """
    from graph.ingest.triples import source_name  # triples reads documents' records

    for path in paths:
        corpus = Path(path).suffix.lower() == ".jsonl"
        for doc in read_documents(path):
            yield doc, doc.id if corpus else source_name(path)
