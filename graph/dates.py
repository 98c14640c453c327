"""Dates in news text, resolved against the article's date with the precision the text gives.

"ce lundi 14 avril" is a day, "décembre 2006" a month, "fin 2024" a year; "hier" is the day
before the anchor (the article's date, or the day the article says is today). French relative
forms are our rules; English ones fall back to dateparser.

Examples
--------
>>> [m.value for m in find_dates("Il est arrivé hier, et repartira le 16 juillet prochain.",
...                              "2025-04-14")]
['2025-04-13', '2025-07-16']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from graph.ingest.documents import FRENCH_MONTHS

__all__ = ["DateMention", "anchor_date", "find_dates", "resolve_date"]

WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}
_MONTH = "|".join(sorted(FRENCH_MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_RELATIVE_DAYS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1,
                  "après-demain": 2}

_PATTERNS = [
    ("day", re.compile(
        rf"\b(?:(?:ce|le|dès le|depuis le|du|au)\s+)?(?:(?P<wd>{_WEEKDAY})\s+)?"
        rf"(?P<d>1er|[0-3]?\d)\s+(?P<m>{_MONTH})(?:\s+(?P<y>(?:19|20)\d\d))?"
        rf"(?:\s+(?P<q>prochain|dernier))?\b", re.IGNORECASE)),
    ("part", re.compile(
        rf"\b(?P<p>début|fin|mi|courant)[\s-]+(?:(?P<m>{_MONTH})\s+)?(?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE)),
    ("month", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)),
    ("month_rel", re.compile(
        rf"\b(?:en\s+|le mois de\s+)?(?P<m>{_MONTH})\s+(?P<q>prochain|dernier)\b",
        re.IGNORECASE)),
    ("weekday", re.compile(
        rf"\b(?:(?P<ce>ce)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<q>prochain|dernier))?\b",
        re.IGNORECASE)),
    ("relday", re.compile(r"\b(?P<r>avant-hier|après-demain|aujourd'hui|hier|demain)\b"
                          r"|\bce (?:matin|soir|midi)\b", re.IGNORECASE)),
    ("relperiod", re.compile(
        r"\b(?P<r>le mois dernier|le mois prochain|l'an dernier|l'année dernière"
        r"|l'an prochain|l'année prochaine|cette année|ce mois-ci)\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:en|depuis|année|d'ici|avant|après|horizon)\s+(?P<y>(?:19|20)\d\d)"
                        r"\b(?!\s*%)", re.IGNORECASE)),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text.

    Attributes
    ----------
    start, end : int
        Offsets of the expression in the text searched.
    text : str
    value : str
        ISO value, as precise as the text allows (``2025``, ``2025-04``, ``2025-04-14``).
    """

    start: int
    end: int
    text: str
    value: str


_ANCHOR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parse(anchor: str | None) -> tuple[int | None, int | None, int | None]:
    """Split an ISO anchor; anything that is not one counts as no anchor."""
    match = _ANCHOR.fullmatch(anchor.strip()) if anchor else None
    if match is None:
        return None, None, None
    year, month, day = (int(g) if g else None for g in match.groups())
    return year, month, day


def _day(anchor: str | None) -> dt.date | None:
    year, month, day = _parse(anchor)
    if year and month and day:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _value(kind: str, m: re.Match[str], anchor: str | None,  # noqa: C901
           prefer: str | None = None) -> str | None:
    groups = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    ay, am, _ = _parse(anchor)
    today = _day(anchor)
    if kind == "day":
        day = 1 if groups["d"] == "1er" else int(groups["d"])
        month = FRENCH_MONTHS[groups["m"]]
        if groups["y"]:
            return _iso(int(groups["y"]), month, day)
        if ay is None:
            return None
        year = ay
        if am is not None:
            # no year: the closest such date, or the next / last one when the text says so
            diff = month - am
            if groups["q"] == "prochain" and diff < 0:
                year += 1
            elif groups["q"] == "dernier" and diff > 0:
                year -= 1
            elif groups["q"] is None and diff > 6:
                year -= 1
            elif groups["q"] is None and diff < -6:
                year += 1
        return _iso(year, month, day)
    if kind == "part":
        if groups["m"]:
            return _iso(int(groups["y"]), FRENCH_MONTHS[groups["m"]])
        return _iso(int(groups["y"]))
    if kind == "month":
        return _iso(int(groups["y"]), FRENCH_MONTHS[groups["m"]])
    if kind == "month_rel":
        if ay is None or am is None:
            return None
        month = FRENCH_MONTHS[groups["m"]]
        year = ay + (1 if groups["q"] == "prochain" and month <= am else 0)
        year -= 1 if groups["q"] == "dernier" and month >= am else 0
        return _iso(year, month)
    if kind == "weekday":
        if today is None:
            return None
        target = WEEKDAYS[groups["wd"]]
        back = (today.weekday() - target) % 7
        ahead = (target - today.weekday()) % 7
        if groups["q"] == "dernier":
            delta = -(back or 7)
        elif groups["q"] == "prochain":
            delta = ahead or 7
        elif prefer == "past":
            delta = -back
        elif prefer == "future":
            delta = ahead
        else:
            delta = -back if back <= ahead else ahead
        return (today + dt.timedelta(days=delta)).isoformat()
    if kind == "relday":
        rel = groups["r"]
        offset = _RELATIVE_DAYS.get(rel, 0) if rel else 0
        if today is not None:
            return (today + dt.timedelta(days=offset)).isoformat()
        if ay and am and offset == 0:
            return _iso(ay, am)
        return None
    if kind == "relperiod":
        if ay is None:
            return None
        rel = groups["r"]
        if "mois" in rel:
            if am is None:
                return None
            delta = -1 if "dernier" in rel else 1 if "prochain" in rel else 0
            return _iso(*_month_shift(ay, am, delta))
        delta = -1 if "dern" in rel else 1 if "proch" in rel else 0
        return _iso(ay + delta)
    if kind == "year":
        return _iso(int(groups["y"]))
    return None


def find_dates(text: str, anchor: str | None, *, prefer: str | None = None) -> list[DateMention]:
    """Return the date expressions of a French text, resolved against ``anchor``.

    Expressions that cannot be resolved (a weekday when only the month is known) are left out.

    Parameters
    ----------
    text : str
    anchor : str or None
        ISO date of "today" for the text (``2025-04-14``, or just ``2025-04``).
    prefer : {"past", "future"}, optional
        Which way a bare weekday ("mercredi") points; by default, the nearest.

    Examples
    --------
    >>> [m.value for m in find_dates("ce lundi 14 avril", "2025-04")]
    ['2025-04-14']
    >>> [m.value for m in find_dates("en décembre 2006, puis fin 2024", "2025-04")]
    ['2006-12', '2024']
    >>> [m.value for m in find_dates("vendredi dernier", "2012-08-07")]
    ['2012-08-03']
    >>> [m.value for m in find_dates("lundi", "2025-04-06", prefer="past")]
    ['2025-03-31']
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            value = _value(kind, match, anchor, prefer)
            if value:
                taken.append((start, end))
                found.append(DateMention(start, end, match.group(0), value))
    return sorted(found, key=lambda m: m.start)


def resolve_date(expression: str, anchor: str | None, *, lang: str = "fr") -> str | None:
    """Return the ISO value of one date expression, or ``None``.

    French expressions use our rules; for other languages dateparser reads the expression
    relative to the anchor day.

    Examples
    --------
    >>> resolve_date("le 16 juillet prochain", "2025-08-01")
    '2026-07-16'
    >>> resolve_date("hier", "2025-04-14")
    '2025-04-13'
    >>> resolve_date("yesterday", "2025-04-14", lang="en")
    '2025-04-13'
    """
    if lang == "fr":
        found = find_dates(expression, anchor)
        return found[0].value if found else None
    import dateparser

    base = _day(anchor)
    settings = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)  # type: ignore[assignment]
    parsed = dateparser.parse(expression, languages=[lang], settings=settings)
    return parsed.date().isoformat() if parsed else None


def anchor_date(doc_date: str | None, text: str) -> str | None:
    """Return the day a text calls "today": its date, or the day it says is today.

    An article dated only by month that says "ce lundi 14 avril" is anchored on that day.

    Examples
    --------
    >>> anchor_date("2025-04", "Il a conclu ce lundi 14 avril une visite.")
    '2025-04-14'
    >>> anchor_date("2025-04", "Rien de daté.")
    '2025-04'
    """
    year, month, day = _parse(doc_date)
    if day or not year or not month:
        return doc_date
    today = re.search(
        rf"\b(?:ce|aujourd'hui)\s+(?:(?:{_WEEKDAY})\s+)?(1er|[0-3]?\d)\s+({_MONTH})\b",
        text, re.IGNORECASE)
    if today and FRENCH_MONTHS[today.group(2).lower()] == month:
        value = _iso(year, month, 1 if today.group(1) == "1er" else int(today.group(1)))
        return value or doc_date
    return doc_date
