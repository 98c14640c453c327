"""Extraction quality on gold sets, measured as ``kg evaluate`` measures it, kept from falling.

The floors sit a little under the figures the README reports, so that a change that loses
facts on text the rules were not written against fails here. The written sets ship with the
repo (``eval/``); pages-dev is shared data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build
from graph.evaluate import evaluate
from graph.store import open_store

EVAL = Path(__file__).resolve().parent.parent / "eval"


def _scores(tmp_path: Path, folder: Path) -> tuple[float, float]:
    with open_store(str(tmp_path / "store")) as store:
        build([folder / "docs.jsonl"], store)
        total = evaluate(store, [folder / "gold"]).total
    assert total.recall is not None and total.precision is not None
    return total.recall, total.precision


@pytest.mark.heavy
@pytest.mark.parametrize(("name", "recall", "precision"), [
    ("written-1", 0.81, 0.96),
    ("written-2", 0.76, 0.90),
    ("written-3", 0.75, 0.92),
    ("written-4", 0.74, 0.91),
    ("written-5", 0.38, 0.82),
    ("written-6", 0.77, 0.91),
    ("written-7", 0.61, 0.85),
    ("written-8", 0.80, 0.92),
    ("written-9", 0.74, 0.92),
    ("written-10", 0.63, 0.88),
    ("written-11", 0.67, 0.85),
    ("written-12", 0.59, 0.88),
    ("written-13", 0.64, 0.88),
    ("written-14", 0.55, 0.84),
])
def test_written_sets(tmp_path: Path, name: str, recall: float, precision: float) -> None:
    found, right = _scores(tmp_path, EVAL / name)
    assert found >= recall, f"{name}: recall {found:.3f} < {recall}"
    assert right >= precision, f"{name}: precision {right:.3f} < {precision}"


@pytest.mark.heavy
@pytest.mark.acceptance
def test_pages_dev(tmp_path: Path, shared_data: Path) -> None:
    pages = shared_data / "pages-dev"
    if not (pages / "docs.jsonl").is_file():
        pytest.fail(f"{pages}/docs.jsonl is missing from the shared data")
    found, right = _scores(tmp_path, pages)
    assert found >= 0.84 and right >= 0.97, (found, right)
