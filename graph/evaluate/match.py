"""Matching rules of the evaluation: when a stored label or quote stands for a gold one.

Labels are compared as words: accents, case, apostrophes, punctuation and articles do not
count, and contracted forms read as their preposition (``du`` and ``d'`` as ``de``). Positions
and organisations also match when the words of one appear in order within the other, so
"ministre français de l'Intérieur" matches "ministre de l'Intérieur". A gold quote is found
when its words appear, contiguous, within a stored quote. Dates match when equal; a less
precise date does not contradict a more precise one that it contains.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.model.iri import normalize_label

__all__ = [
    "ARTICLES",
    "dates_agree",
    "fold_text",
    "in_order",
    "name_words",
    "names_match",
    "quote_found",
]

ARTICLES = frozenset({"le", "la", "les", "l", "un", "une", "the", "a", "an", "au", "aux"})
"""Words left out when comparing labels (French and English articles, ``à`` + article)."""

_CONTRACTED = {"du": "de", "des": "de", "d": "de"}
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def fold_text(text: str) -> str:
    """Fold a text for comparison: no accents, case, punctuation or invisible characters.

    Examples
    --------
    >>> fold_text("Qu’ils  DISENT ce\u00adqu’ils disent")
    'qu ils disent cequ ils disent'
    """
    return normalize_label(text.translate(_INVISIBLE))


def name_words(label: str) -> tuple[str, ...]:
    """Return the words of a label that decide whether two labels name the same thing.

    Examples
    --------
    >>> name_words("le ministre français de l'Intérieur")
    ('ministre', 'francais', 'de', 'interieur')
    >>> name_words("Secrétaire générale du PP")
    ('secretaire', 'generale', 'de', 'pp')
    """
    words = []
    for word in fold_text(label).split():
        if word in ARTICLES:
            continue
        words.append(_CONTRACTED.get(word, word))
    return tuple(words)


def in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Tell whether the words ``short`` appear in order (not necessarily together) in ``long``.

    Examples
    --------
    >>> in_order(("ministre", "de", "interieur"), ("ministre", "francais", "de", "interieur"))
    True
    >>> in_order(("interieur", "ministre"), ("ministre", "de", "interieur"))
    False
    """
    if not short:
        return False
    rest = iter(long)
    return all(word in rest for word in short)


def names_match(stored: Iterable[str], gold: Iterable[str], *, loose: bool = False) -> bool:
    """Tell whether one of the stored names equals one of the gold aliases.

    Parameters
    ----------
    stored : iterable of str
        The label and other labels of a stored node.
    gold : iterable of str
        The aliases of a gold fact's subject or object.
    loose : bool
        For positions and organisations: the words of one may also appear in order within
        the other.

    Examples
    --------
    >>> names_match(["Élodie  Marchand"], ["elodie marchand"])
    True
    >>> names_match(["Marchand"], ["Élodie Marchand"])
    False
    >>> names_match(["ministre français de l’Intérieur"], ["ministre de l'Intérieur"], loose=True)
    True
    """
    stored_words = {w for w in map(name_words, stored) if w}
    gold_words = {w for w in map(name_words, gold) if w}
    if stored_words & gold_words:
        return True
    if not loose:
        return False
    return any(
        in_order(a, b) or in_order(b, a) for a in stored_words for b in gold_words
    )


def quote_found(gold: str, stored: str) -> bool:
    """Tell whether the gold quote's words appear, contiguous, within a stored quote's text.

    Examples
    --------
    >>> quote_found("on a convenu", "« On a  convenu de tout », dit-il")
    True
    >>> quote_found("on a convenu de tout", "On a convenu")
    False
    """
    needle = fold_text(gold)
    return bool(needle) and f" {needle} " in f" {fold_text(stored)} "


def dates_agree(gold: str, stored: Iterable[str], *, exact: bool) -> bool:
    """Tell whether stored dates fit a gold date.

    With ``exact``, one stored date must equal the gold date (what recall asks for). Without,
    the stored dates must not contradict it (what precision asks for): no date at all, or one
    that equals it or contains it at a coarser precision (``2025-04`` for ``2025-04-14``).

    Examples
    --------
    >>> dates_agree("2025-04-14", ["2025-04-14"], exact=True)
    True
    >>> dates_agree("2025-04-14", ["2025-04"], exact=True)
    False
    >>> dates_agree("2025-04-14", ["2025-04"], exact=False)
    True
    >>> dates_agree("2025-04-14", ["2025-04-12"], exact=False)
    False
    """
    dates = [d for d in stored if d]
    if exact:
        return gold in dates
    return not dates or any(gold.startswith(d) or d.startswith(gold) for d in dates)
