"""Evaluation: how well the stored facts of some articles match gold facts written by hand.

:func:`evaluate` reads gold files (see :mod:`graph.evaluate.gold`), finds their documents in
the store and returns a :class:`Report` with precision, recall and F1 per relation, the gold
facts that were missed and the stored facts that match nothing. The matching rules are in
:mod:`graph.evaluate.match` and :mod:`graph.evaluate.score`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from graph.evaluate.gold import (
    PRECISION_RELATIONS,
    RECALL_RELATIONS,
    GoldFact,
    GoldFile,
    collect_gold,
    parse_gold,
    read_gold,
)
from graph.evaluate.score import (
    Missed,
    RelationScore,
    Report,
    Unmatched,
    check,
    correct,
    empty_scores,
)
from graph.evaluate.stored import find_documents, read_predictions
from graph.store.base import Store

__all__ = [
    "PRECISION_RELATIONS",
    "RECALL_RELATIONS",
    "GoldFact",
    "GoldFile",
    "Missed",
    "RelationScore",
    "Report",
    "Unmatched",
    "evaluate",
    "evaluate_gold",
    "generate_report",
    "parse_gold",
    "read_gold",
]


def _add(score: RelationScore, **more: int) -> RelationScore:
    counts = {name: getattr(score, name) + more.get(name, 0)
              for name in ("gold", "found", "predicted", "correct")}
    return RelationScore(score.relation, measured=score.measured, **counts)


def evaluate_gold(store: Store, golds: Iterable[GoldFile]) -> Report:
    """Evaluate the store against parsed gold files.

    Examples
    --------
    >>> from graph.store import open_store
    >>> gold = parse_gold('{"doc": "d1", "facts": [{"rel": "met", "s": ["A"], "o": ["B"]}]}')
    >>> report = evaluate_gold(open_store("memory:"), [gold])
    >>> report.missing_documents, report.scores["met"].recall
    (['d1'], 0.0)
    """
    report = Report(scores=empty_scores())
    for gold in golds:
        report.documents[gold.path] = list(gold.docs)
        graphs_by_doc = find_documents(store, gold.docs)
        missing = [doc for doc, graphs in graphs_by_doc.items() if not graphs]
        report.missing_documents.extend(missing)
        graphs = sorted({g for found in graphs_by_doc.values() for g in found})
        stored = read_predictions(store, graphs)
        doc = ", ".join(gold.docs)
        for fact in gold.required:
            reason = check(fact, stored.candidates(fact.relation))
            if missing and reason is not None:
                reason = f"document not in the store ({', '.join(missing)})"
            report.scores[fact.relation] = _add(
                report.scores[fact.relation], gold=1, found=int(reason is None)
            )
            if reason is not None:
                report.missed.append(Missed(doc, fact, reason))
        for relation in PRECISION_RELATIONS:
            for pred in stored.predictions.get(relation, []):
                ok = correct(pred, list(gold.facts))
                report.scores[relation] = _add(report.scores[relation], predicted=1,
                                               correct=int(ok))
                if not ok:
                    report.unmatched.append(Unmatched(doc, pred))
    return report


def evaluate(store: Store, gold_paths: Iterable[str | os.PathLike[str]]) -> Report:
    """Measure the facts stored for some articles against their gold files.

    Parameters
    ----------
    store : Store
        Holds the articles, each in its own named graph with its ``kg:Document`` node.
    gold_paths : iterable of path-like
        Gold files (JSON), or folders of them.

    Returns
    -------
    Report
        Per-relation precision / recall / F1, missed gold facts, unmatched stored facts.

    Raises
    ------
    InputError
        When a gold file is missing or malformed.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> from graph.store import open_store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> gold = {"doc": "d1", "facts": [{"rel": "visited", "s": ["A"], "o": ["Rabat"]}]}
    >>> _ = (folder / "d1.json").write_text(json.dumps(gold))
    >>> report = evaluate(open_store("memory:"), [folder])
    >>> report.total.recall, report.missed[0].reason
    (0.0, 'document not in the store (d1)')
    """
    golds = [read_gold(path) for path in collect_gold(gold_paths)]
    return evaluate_gold(store, golds)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def generate_report(report: Report, *, details: bool = True) -> Iterator[str]:
    """Yield the lines of a report: the table of scores, then missed and unmatched facts.

    Examples
    --------
    >>> lines = list(generate_report(Report(scores=empty_scores())))
    >>> lines[0].split()
    ['relation', 'gold', 'found', 'stored', 'correct', 'precision', 'recall', 'F1']
    """
    header = (f"{'relation':<14} {'gold':>5} {'found':>6} {'stored':>7} {'correct':>8} "
              f"{'precision':>10} {'recall':>7} {'F1':>6}")
    yield header
    yield "-" * len(header)
    rows = [s for s in report.scores.values() if s.gold or s.predicted]
    for score in [*rows, report.total]:
        if score.relation == "total":
            yield "-" * len(header)
        predicted = str(score.predicted) if score.measured else "—"
        good = str(score.correct) if score.measured else "—"
        yield (f"{score.relation:<14} {score.gold:>5} {score.found:>6} {predicted:>7} "
               f"{good:>8} {_percent(score.precision):>10} {_percent(score.recall):>7} "
               f"{_percent(score.f1):>6}")
    if report.missing_documents:
        yield ""
        yield "Documents not in the store: " + ", ".join(report.missing_documents)
    if not details:
        return
    if report.missed:
        yield ""
        yield f"Missed gold facts ({len(report.missed)}):"
        for missed in report.missed:
            yield f"  [{missed.doc}] {missed.fact.describe()}"
            yield f"      {missed.reason}"
    if report.unmatched:
        yield ""
        yield f"Stored facts matching no gold fact ({len(report.unmatched)}):"
        for item in report.unmatched:
            yield f"  [{item.doc}] {item.fact.describe()}"
            if item.fact.sentence:
                yield f"      « {' '.join(item.fact.sentence.split())} »"
