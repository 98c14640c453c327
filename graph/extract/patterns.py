"""Constructions as data: token patterns from ``graph/extract/LANG/patterns.yaml``.

Each entry of ``patterns.yaml`` names one construction of the genre and how to read it::

    - name: fr.call.v1                  # versioned: it is the evidence's kg:method
      does: call                        # the reader that turns a match into facts
      match:                            # spaCy Matcher token patterns (any of them)
        - [{LOWER: par}, {LOWER: téléphone}]
      examples:                         # our own sentences; tests/test_patterns.py runs them
        fire: ["Le ministre s'est entretenu par téléphone avec son homologue."]
        not: ["Le ministre a répondu au téléphone d'un journaliste."]

A match gives a span; the reader named by ``does`` finds the people, places and posts around
it in the dependency parse (subject, object, ``obl:agent``, apposition) and records claims
named after the pattern. Adding a construction costs a YAML entry and its examples, and a new
reader only when no existing one fits.

Readers (``graph.extract.constructions.READERS``):

- ``call`` — the sentence reports a telephone call: its meetings become ``kg:PhoneCall``
  events without ``kg:met``; a call verb with no meeting trigger makes one.
- ``call_event`` — a call verb with no meeting trigger ("a téléphoné à Y"): a ``kg:PhoneCall``.
- ``meeting`` — the match is a meeting trigger (noun or verb phrase): a ``kg:Meeting`` between
  its subject and the agents after "avec", "entre", "par", "de".
- ``counterpart`` — "son homologue marocain, NAME": NAME holds the subject's post, for the
  country of the demonym.
- ``visit`` — the match is a visit trigger: a ``kg:Visit`` of its subject to the place after it.
- ``post`` — a portfolio given by a verb ("prend la tête du ministère de X", "le poste de X a
  été confié à NAME"): NAME holds "ministre de X".
- ``portfolio`` — a portfolio named alone after a person ("X reste aux Armées").
- ``predecessor`` — "avec son prédécesseur, Y": Y held the subject's post; at a handover
  ceremony the two met.
- ``topic`` — what an agreement or a meeting is about ("portant sur X", "dans le domaine de
  X", "ont abordé X et Y"): ``kg:concerns`` from the agreement or event of the sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources as _files
from typing import Any

import yaml

from graph.errors import KGError

__all__ = ["Pattern", "find_matches", "load_patterns"]


@dataclass(frozen=True)
class Pattern:
    """One construction of ``patterns.yaml``.

    Attributes
    ----------
    name : str
        Versioned rule name (``fr.call.v1``), recorded as the evidence's method.
    does : str
        The reader of its matches (a key of :data:`READERS`).
    match : tuple
        spaCy ``Matcher`` token patterns.
    options : dict
        What the reader is told (``event: PhoneCall``, ``label: entretien`` …).
    fire, not_fire : tuple of str
        Example sentences that must, and must not, make it fire.
    """

    name: str
    does: str
    match: tuple[Any, ...]
    options: dict[str, Any] = field(default_factory=dict)
    fire: tuple[str, ...] = ()
    not_fire: tuple[str, ...] = ()


_KEYS = {"name", "does", "match", "examples", "options"}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load_patterns(lang: str) -> tuple[Pattern, ...]:
    """Read the constructions of a language (cached; none when it has no ``patterns.yaml``).

    Raises
    ------
    KGError
        When an entry is malformed: the message names it.

    Examples
    --------
    >>> names = [p.name for p in load_patterns("fr")]
    >>> "fr.call.v1" in names and len(names) == len(set(names))
    True
    """
    path = _files.files("graph.extract").joinpath(lang, "patterns.yaml")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except FileNotFoundError:
        return ()
    except yaml.YAMLError as exc:
        raise KGError(f"graph/extract/{lang}/patterns.yaml: malformed: {exc}") from None
    out = []
    for index, entry in enumerate(data.get("patterns") or []):
        where = f"graph/extract/{lang}/patterns.yaml: patterns[{index}]"
        if not isinstance(entry, dict) or not {"name", "does", "match"} <= set(entry):
            raise KGError(f"{where}: needs name, does and match")
        if set(entry) - _KEYS:
            raise KGError(f"{where}: unknown key {sorted(set(entry) - _KEYS)[0]!r}")
        if not re.fullmatch(rf"{lang}(\.[\w-]+)+\.v\d+", str(entry["name"])):
            raise KGError(f"{where}: name must be versioned, like {lang}.met.v1")
        examples = entry.get("examples") or {}
        out.append(Pattern(
            name=entry["name"], does=entry["does"], match=tuple(entry["match"]),
            options=dict(entry.get("options") or {}),
            fire=tuple(examples.get("fire") or ()), not_fire=tuple(examples.get("not") or ()),
        ))
    return tuple(out)


_Built = list[tuple[Pattern, Any, list[list[frozenset[int]]]]]
_MATCHERS: dict[tuple[str, int], tuple[_Built, Any]] = {}
"""Per language and vocabulary: the matchers, and the ids of every word some pattern needs."""


def _required(vocab: Any, tokens: list[dict[str, Any]]) -> list[frozenset[int]]:
    """Return, for one token pattern, the word sets a doc must hold for it to match.

    Each token that must be there (no ``OP``, or ``+``/``!``-free) and is given by a list of
    ``LOWER`` or ``LEMMA`` values asks the doc to hold one of them.
    """
    out = []
    for spec in tokens:
        if spec.get("OP") not in (None, "+"):
            continue
        for attr in ("LOWER", "LEMMA"):
            value = spec.get(attr)
            words = value.get("IN") if isinstance(value, dict) else [value] if value else None
            if words:
                out.append(frozenset(vocab.strings.add(str(w)) for w in words))
    return out


def _matchers(lang: str, vocab: Any) -> tuple[_Built, Any]:
    """Return one Matcher per pattern with the words each alternative needs (built once).

    Also the ids of all those words as one array, to find them in a doc at once.
    """
    key = (lang, id(vocab))
    if key not in _MATCHERS:
        import numpy
        from spacy.matcher import Matcher

        built = []
        for pattern in load_patterns(lang):
            matcher = Matcher(vocab, validate=True)
            matcher.add(pattern.name, [list(p) for p in pattern.match])
            built.append((pattern, matcher, [_required(vocab, list(p)) for p in pattern.match]))
        needed = sorted({w for _, _, needs in built for alternative in needs
                         for words in alternative for w in words})
        _MATCHERS[key] = built, numpy.array(needed, dtype="uint64")
    return _MATCHERS[key]


def _merged(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping token windows.

    Examples
    --------
    >>> _merged({(0, 5), (3, 9), (12, 14)})
    [(0, 9), (12, 14)]
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def find_matches(doc: Any, lang: str) -> list[tuple[Pattern, int, int]]:
    """Return every pattern match of a parsed doc (for one pattern and start, the longest).

    A pattern runs only on a doc that holds the words it cannot match without, and only on
    the windows around the rarest of them, as wide as the pattern is long (the matcher costs
    as much as the rules otherwise).

    Parameters
    ----------
    doc : spacy.tokens.Doc
    lang : str

    Returns
    -------
    list of (Pattern, start, end)
        In text order; token offsets, end exclusive.
    """
    if not load_patterns(lang):
        return []
    from spacy.attrs import LEMMA, LOWER

    if not len(doc):
        return []
    import numpy

    built, needed = _matchers(lang, doc.vocab)
    words = doc.to_array([LOWER, LEMMA])
    # ``needed`` is sorted: a binary search per word costs less than numpy.isin's sort
    if not len(needed):
        rows = numpy.arange(0)
    else:
        at = numpy.minimum(numpy.searchsorted(needed, words), len(needed) - 1)
        rows = numpy.nonzero((needed[at] == words).any(axis=1))[0]
    where: dict[int, list[int]] = {}  # a word patterns need → its token positions
    for position in rows.tolist():
        for word in words[position].tolist():
            where.setdefault(word, []).append(position)
    found = []
    for pattern, matcher, needs in built:
        reach = max(len(alternative) for alternative in pattern.match)  # its longest form
        if any(t.get("OP") in ("+", "*") for alternative in pattern.match for t in alternative):
            reach = len(doc)  # a repeated token: no bound on its length
        spans: set[tuple[int, int]] = set()
        for alternative in needs:
            if not all(any(w in where for w in words) for words in alternative):
                continue
            if not alternative:  # nothing required: the whole doc
                spans.add((0, len(doc)))
                continue
            # look only around the rarest word the alternative needs
            rarest = min(alternative, key=lambda words: sum(len(where.get(w, ())) for w in words))
            for at in sorted({p for w in rarest for p in where.get(w, ())}):
                spans.add((max(0, at - reach), min(len(doc), at + reach + 1)))
        for start, end in _merged(spans):
            found += [(pattern, start + a, start + b) for _, a, b in matcher(doc[start:end])]
    # for one pattern, keep the longest of the matches that share a start
    best: dict[tuple[str, int], tuple[Pattern, int, int]] = {}
    for item in found:
        k = (item[0].name, item[1])
        if k not in best or item[2] > best[k][2]:
            best[k] = item
    return sorted(best.values(), key=lambda m: (m[1], -m[2]))
