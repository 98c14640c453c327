"""Gold files: the facts an article states, listed by label, to measure extraction against.

A gold file is a JSON object::

    {"doc": "seed-rabat-2025-04",            # or "docs": [...]; the documents it covers
     "date": "2025-04",                       # optional, the article's date
     "facts": [{"rel": "met", "s": ["A", "Ann A"], "o": ["B"], "date": "2025-04-13"}, …],
     "optional": [ … ],                      # correct, not required
     "notes": "…"}

Each fact has ``rel`` and ``s`` (aliases of the subject), then ``o`` (aliases of the object)
or, for ``said``, ``quote`` (words of the quote). Optional fields: ``country`` and ``org``
(of a ``holdsPosition`` or ``heldPosition`` post: a current or
former one), ``date``, ``status`` and ``note``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import InputError

__all__ = [
    "PRECISION_RELATIONS",
    "RECALL_RELATIONS",
    "GoldFact",
    "GoldFile",
    "collect_gold",
    "parse_gold",
    "read_gold",
]

PRECISION_RELATIONS = ("holdsPosition", "heldPosition", "affiliation", "met", "visited", "said",
                       "capitalOf")
"""Relations a gold file lists exhaustively: precision is measured on them."""

RECALL_RELATIONS = ("country", "locatedIn", "concerns", "party")
"""Relations a gold file may list without being exhaustive: recall only."""

_POSTS = ("holdsPosition", "heldPosition")
_FIELDS = {"rel", "s", "o", "quote", "country", "org", "date", "status", "note"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class GoldFact:
    """One fact of a gold file.

    Attributes
    ----------
    relation : str
        One of :data:`PRECISION_RELATIONS` or :data:`RECALL_RELATIONS`.
    subject : tuple of str
        Aliases of the subject.
    object : tuple of str
        Aliases of the object (empty for ``said``).
    quote : str or None
        Words of the quote, for ``said``.
    country, org : tuple of str
        Aliases of the country / organisation a ``holdsPosition``'s post must have.
    date, status : str or None
        When the fact held (ISO) and the status of its event (``planned`` …).
    optional : bool
        Correct but not required.
    note : str or None
    line : int or None
        Where the fact is in its file.
    """

    relation: str
    subject: tuple[str, ...]
    object: tuple[str, ...] = ()
    quote: str | None = None
    country: tuple[str, ...] = ()
    org: tuple[str, ...] = ()
    date: str | None = None
    status: str | None = None
    optional: bool = False
    note: str | None = None
    line: int | None = None

    def describe(self) -> str:
        """Return the fact on one line.

        Examples
        --------
        >>> GoldFact("met", ("Ann A", "A"), ("Bob B",), date="2025-04-13").describe()
        'Ann A —met→ Bob B [date 2025-04-13]'
        >>> GoldFact("said", ("Ann A",), quote="we agreed").describe()
        'Ann A —said→ « we agreed »'
        """
        target = f"« {self.quote} »" if self.quote is not None else " | ".join(self.object[:1])
        extra = [f"{name} {' | '.join(value)}" for name, value in
                 (("country", self.country), ("org", self.org)) if value]
        extra += [f"{name} {value}" for name, value in
                  (("date", self.date), ("status", self.status)) if value]
        more = f" [{', '.join(extra)}]" if extra else ""
        return f"{self.subject[0]} —{self.relation}→ {target}{more}"

    def as_dict(self) -> dict[str, Any]:
        """Return the fact as in a gold file."""
        out: dict[str, Any] = {"rel": self.relation, "s": list(self.subject)}
        if self.object:
            out["o"] = list(self.object)
        for name in ("quote", "date", "status", "note"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        for name in ("country", "org"):
            if getattr(self, name):
                out[name] = list(getattr(self, name))
        if self.optional:
            out["optional"] = True
        return out


@dataclass(frozen=True)
class GoldFile:
    """The documents a gold file covers and its facts (required and optional)."""

    path: str
    docs: tuple[str, ...]
    facts: tuple[GoldFact, ...]
    date: str | None = None

    @property
    def required(self) -> tuple[GoldFact, ...]:
        """The facts that must be found."""
        return tuple(f for f in self.facts if not f.optional)


def _fact_lines(text: str) -> dict[str, list[int]]:
    """Line of each ``"rel"`` key, by section (``facts``/``optional``), in file order."""
    sections: dict[str, list[int]] = {"facts": [], "optional": []}
    starts = sorted(
        (m.start(), m.group(1)) for m in re.finditer(r'"(facts|optional)"\s*:', text)
    )
    for match in re.finditer(r'"rel"\s*:', text):
        owner = [name for start, name in starts if start < match.start()]
        if owner:
            sections[owner[-1]].append(text.count("\n", 0, match.start()) + 1)
    return sections


def _aliases(value: object, name: str, where: str, line: int | None, path: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise InputError(path, f"{where}: {name!r} must be a non-empty list of labels", line=line)
    return tuple(v.strip() for v in value)


def _parse_fact(raw: object, where: str, line: int | None, path: str, optional: bool) -> GoldFact:
    if not isinstance(raw, dict):
        raise InputError(path, f"{where}: a fact must be an object", line=line)
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise InputError(
            path, f"{where}: unknown field {unknown[0]!r}; fields are {', '.join(sorted(_FIELDS))}",
            line=line,
        )
    relation = raw.get("rel")
    known = PRECISION_RELATIONS + RECALL_RELATIONS
    if relation not in known:
        raise InputError(
            path, f"{where}: unknown relation {relation!r}; relations are {', '.join(known)}",
            line=line,
        )
    subject = _aliases(raw.get("s"), "s", where, line, path)
    quote = raw.get("quote")
    if relation == "said":
        if not isinstance(quote, str) or not quote.strip():
            raise InputError(path, f"{where}: a 'said' fact needs a 'quote' text", line=line)
        obj: tuple[str, ...] = ()
    else:
        if quote is not None:
            raise InputError(path, f"{where}: only 'said' facts have a 'quote'", line=line)
        obj = _aliases(raw.get("o"), "o", where, line, path)
    extra = {}
    for name in ("country", "org"):
        if raw.get(name) is not None:
            if relation not in _POSTS:
                raise InputError(
                    path, f"{where}: {name!r} applies to 'holdsPosition' and 'heldPosition' facts "
                    "only", line=line
                )
            extra[name] = _aliases(raw[name], name, where, line, path)
    date = raw.get("date")
    if date is not None and not (isinstance(date, str) and _DATE.match(date)):
        raise InputError(path, f"{where}: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD", line=line)
    for name in ("status", "note"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise InputError(path, f"{where}: {name!r} must be a text", line=line)
    return GoldFact(
        relation=relation, subject=subject, object=obj,
        quote=quote.strip() if isinstance(quote, str) else None, date=date,
        status=raw.get("status"), optional=optional, note=raw.get("note"), line=line, **extra,
    )


def parse_gold(text: str, path: str = "<gold>") -> GoldFile:
    """Parse the text of a gold file.

    Raises
    ------
    InputError
        With the file and line, when the JSON or a fact is malformed.

    Examples
    --------
    >>> gold = parse_gold('{"doc": "d1", "facts": [{"rel": "met", "s": ["A"], "o": ["B"]}]}')
    >>> gold.docs, gold.facts[0].describe()
    (('d1',), 'A —met→ B')
    >>> parse_gold('{"doc": "d1", "facts": [{"rel": "mett", "s": ["A"], "o": ["B"]}]}')
    Traceback (most recent call last):
    ...
    graph.errors.InputError: <gold>:1: facts[0]: unknown relation 'mett'; relations are ...
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc.msg}", line=exc.lineno,
                         column=exc.colno) from None
    if not isinstance(data, dict):
        raise InputError(path, "a gold file is a JSON object with 'doc' and 'facts'", line=1)
    docs = data.get("docs", data.get("doc"))
    if isinstance(docs, str):
        docs = [docs]
    if not isinstance(docs, list) or not docs or not all(isinstance(d, str) and d for d in docs):
        raise InputError(path, "'doc' must name the document (or 'docs' list them)", line=1)
    lines = _fact_lines(text)
    facts: list[GoldFact] = []
    for section, optional in (("facts", False), ("optional", True)):
        items = data.get(section, [])
        if not isinstance(items, list):
            raise InputError(path, f"{section!r} must be a list of facts", line=1)
        for index, raw in enumerate(items):
            found = lines[section]
            line = found[index] if index < len(found) else None
            facts.append(_parse_fact(raw, f"{section}[{index}]", line, path, optional))
    if not any(not f.optional for f in facts):
        raise InputError(path, "no 'facts' to look for", line=1)
    date = data.get("date") if isinstance(data.get("date"), str) else None
    return GoldFile(path=path, docs=tuple(docs), facts=tuple(facts), date=date)


def read_gold(path: str | os.PathLike[str]) -> GoldFile:
    """Read a gold file.

    Raises
    ------
    InputError
        When the file cannot be read or is malformed.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "no such gold file") from None
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-8 (offset {exc.start})") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    return parse_gold(text, name)


def collect_gold(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield gold files: the files named, and the ``*.json`` files of the folders named.

    Examples
    --------
    >>> list(collect_gold(["a.json"]))
    [PosixPath('a.json')]
    """
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path
