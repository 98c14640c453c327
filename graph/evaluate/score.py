"""Scoring stored facts against gold facts: per-relation precision, recall and F1.

Recall: a required gold fact is found when a stored fact of its relation, in its documents,
matches it — names, quote, and, when the gold gives them, the post's country and
organisation, the date and the status. Precision (on the relations gold files list
exhaustively): a stored fact is correct when it matches a gold or optional fact without
contradicting it (a post with another country, an event on another day); a fact that leaves a
detail out is not wrong.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from graph.evaluate.gold import PRECISION_RELATIONS, RECALL_RELATIONS, GoldFact
from graph.evaluate.match import dates_agree, names_match, quote_found
from graph.evaluate.stored import Node, Prediction

__all__ = [
    "LOOSE_TYPES", "Missed", "RelationScore", "Report", "Unmatched", "check", "correct",
    "empty_scores",
]

LOOSE_TYPES = frozenset({"Position", "Organization", "Agreement", "Event", "Meeting", "Visit",
                         "PressConference", "PhoneCall", "Election"})
"""Classes whose labels match when the words of one appear in order within the other."""

_LOOSE_OBJECTS = frozenset({"holdsPosition", "heldPosition", "affiliation"})


@dataclass(frozen=True)
class RelationScore:
    """Counts and scores of one relation (or of all).

    ``precision`` is ``None`` for relations counted for recall only; ``recall`` is ``None``
    when the gold has no required fact of the relation.
    """

    relation: str
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    measured: bool = True

    @property
    def precision(self) -> float | None:
        """Correct stored facts over stored facts."""
        if not self.measured:
            return None
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """Found gold facts over required gold facts."""
        return self.found / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall, when both are measured."""
        p, r = self.precision, self.recall
        if r == 0:
            return 0.0
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return counts and scores."""
        return {**{k: v for k, v in asdict(self).items() if k != "measured"},
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Missed:
    """A required gold fact no stored fact matches, and the nearest miss if any."""

    doc: str
    fact: GoldFact
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """Return the fact, its document and why it was missed."""
        return {"doc": self.doc, "fact": self.fact.as_dict(), "reason": self.reason}


@dataclass(frozen=True)
class Unmatched:
    """A stored fact that matches no gold or optional fact."""

    doc: str
    fact: Prediction

    def as_dict(self) -> dict[str, Any]:
        """Return the fact, its document and its evidence sentence."""
        return {"doc": self.doc, "relation": self.fact.relation, "fact": self.fact.describe(),
                "sentence": self.fact.sentence}


@dataclass
class Report:
    """The result of an evaluation.

    Attributes
    ----------
    scores : dict
        Relation → :class:`RelationScore`, in a fixed order.
    missed : list of Missed
    unmatched : list of Unmatched
    documents : dict
        Gold file → the document ids it covers.
    missing_documents : list of str
        Document ids of gold files that the store does not hold.
    """

    scores: dict[str, RelationScore] = field(default_factory=dict)
    missed: list[Missed] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    documents: dict[str, list[str]] = field(default_factory=dict)
    missing_documents: list[str] = field(default_factory=list)

    @property
    def total(self) -> RelationScore:
        """All relations together (micro-averaged)."""
        scores = self.scores.values()
        return RelationScore(
            "total", gold=sum(s.gold for s in scores), found=sum(s.found for s in scores),
            predicted=sum(s.predicted for s in scores if s.measured),
            correct=sum(s.correct for s in scores if s.measured),
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the whole report as plain data (for JSON)."""
        return {
            "documents": self.documents,
            "missing_documents": self.missing_documents,
            "relations": {name: score.as_dict() for name, score in self.scores.items()},
            "total": self.total.as_dict(),
            "missed": [m.as_dict() for m in self.missed],
            "unmatched": [u.as_dict() for u in self.unmatched],
        }


def _names(node: Node, *, with_classes: bool = False) -> frozenset[str]:
    names = node.names | {node.label}
    if with_classes:  # "agreement", "accord"… name an agreement or event by its kind
        return names | {t.lower() for t in node.types}
    return names


def _same(node: Node | None, aliases: tuple[str, ...], *, loose: bool,
          with_classes: bool = False) -> bool:
    if node is None:
        return False
    loose = loose or bool(node.types & LOOSE_TYPES)
    return names_match(_names(node, with_classes=with_classes), aliases, loose=loose)


def _ends_match(gold: GoldFact, pred: Prediction) -> bool:
    about = gold.relation in ("concerns", "party")  # the subject is an agreement or event
    subject_ok = _same(pred.subject, gold.subject, loose=about, with_classes=about)
    if gold.relation == "said":
        return subject_ok and pred.quote is not None and quote_found(gold.quote or "", pred.quote)
    loose = gold.relation in _LOOSE_OBJECTS
    if subject_ok and _same(pred.object, gold.object, loose=loose):
        return True
    if gold.relation == "met":  # symmetric
        return _same(pred.object, gold.subject, loose=False) and _same(
            pred.subject, gold.object, loose=False)
    return False


def _attribute_problem(gold: GoldFact, pred: Prediction, *, exact: bool) -> str | None:
    for name, wanted, stored, loose in (("country", gold.country, pred.countries, False),
                                        ("org", gold.org, pred.orgs, True)):
        if not wanted or (not stored and not exact):
            continue
        if not any(_same(node, wanted, loose=loose) for node in stored):
            have = ", ".join(n.label for n in stored) or "none"
            return f"{name}: expected {wanted[0]}, stored {have}"
    if gold.date and not dates_agree(gold.date, pred.dates, exact=exact):
        return f"date: expected {gold.date}, stored {', '.join(pred.dates) or 'none'}"
    if gold.status and (exact or pred.statuses) and gold.status not in pred.statuses:
        return f"status: expected {gold.status}, stored {', '.join(pred.statuses) or 'none'}"
    return None


def check(gold: GoldFact, candidates: list[Prediction]) -> str | None:
    """Tell whether a gold fact is found; return ``None`` if so, else why not.

    Examples
    --------
    >>> a, b = Node("x:a", "Ann Aubert"), Node("x:b", "Rabat")
    >>> check(GoldFact("visited", ("Ann Aubert",), ("Rabat",)), [Prediction("visited", a, b)])
    >>> check(GoldFact("visited", ("Ann Aubert",), ("Rabat",), date="2025-04-14"),
    ...       [Prediction("visited", a, b, dates=("2025-04-13",))])
    'date: expected 2025-04-14, stored 2025-04-13'
    """
    reasons = []
    for pred in candidates:
        if not _ends_match(gold, pred):
            continue
        problem = _attribute_problem(gold, pred, exact=True)
        if problem is None:
            return None
        reasons.append(problem)
    return reasons[0] if reasons else "no stored fact with these names"


def correct(pred: Prediction, gold_facts: list[GoldFact]) -> bool:
    """Tell whether a stored fact matches a gold or optional fact without contradicting it.

    A stored ``affiliation`` is also right when a gold post of that person belongs to the
    organisation.

    Examples
    --------
    >>> a = Node("x:a", "Ann Aubert")
    >>> b = Node("x:b", "Parti vert", types=frozenset({"Organization"}))
    >>> post = GoldFact("holdsPosition", ("Ann Aubert",), ("porte-parole",), org=("Parti vert",))
    >>> correct(Prediction("affiliation", a, b), [post])
    True
    """
    for gold in gold_facts:
        if gold.relation == pred.relation:
            if _ends_match(gold, pred) and _attribute_problem(gold, pred, exact=False) is None:
                return True
        elif (pred.relation == "affiliation" and gold.relation == "holdsPosition" and gold.org
              and _same(pred.subject, gold.subject, loose=False)
              and _same(pred.object, gold.org, loose=True)):
            return True
    return False


def empty_scores() -> dict[str, RelationScore]:
    """Return zero scores for every relation, in report order."""
    return {name: RelationScore(name, measured=name in PRECISION_RELATIONS)
            for name in PRECISION_RELATIONS + RECALL_RELATIONS}
