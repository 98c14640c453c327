"""Analysis and validation on the seed article, read in place from ../shared/data."""

from __future__ import annotations

import importlib.util
import os

import pytest

from graph.analyze import centrality, path, timeline, to_networkx
from graph.build import build
from graph.query import rows_as_dicts
from graph.store import open_store
from graph.validate import validate


@pytest.fixture(scope="module")
def seed(shared_data, tmp_path_factory):
    if importlib.util.find_spec("graph.extract") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("graph.extract is missing (CI=true: required)")
        pytest.skip("text extraction (graph.extract) is not available")
    text_path = shared_data / "seed" / "rabat-2025-04.txt"
    store = open_store(tmp_path_factory.mktemp("seed") / "store")
    build([text_path], store)
    yield store, text_path.read_text(encoding="utf-8")
    store.close()


def test_path_goes_through_the_agreement_with_its_sentences(seed):
    store, text = seed
    steps = path(store, "Bruno Retailleau", "réadmission")
    assert steps[0].subject == "Bruno Retailleau" or steps[0].object == "Bruno Retailleau"
    last = steps[-1]
    assert (last.relation, last.object) == ("concerns", "réadmission")
    agreements = rows_as_dicts(store.query("SELECT ?l WHERE { ?a a kg:Agreement ; rdfs:label ?l }"))
    assert last.subject in {row["l"] for row in agreements}
    for step in steps:
        assert step.evidence, f"no evidence for {step}"
        for cited in step.evidence:
            assert cited.sentence and " ".join(cited.sentence.split()) in " ".join(text.split())


def test_seed_conforms_to_the_shapes(seed):
    store, _ = seed
    report = validate(store)
    assert report.conforms, str(report)


def test_seed_timeline_and_centrality(seed):
    store, _ = seed
    entries = timeline(store, "Bruno Retailleau")
    visits = [e for e in entries if e.relation == "visited" and e.other == "Rabat"]
    assert visits and visits[0].date.startswith("2025-04")
    dates = [e.date for e in entries if e.date]
    assert dates == sorted(dates)
    top = [s.label for s in centrality(to_networkx(store), top=5)]
    assert top[0] == "Bruno Retailleau" and "Abdelouafi Laftit" in top
