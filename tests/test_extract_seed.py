"""End to end on the seed and the Wikinews gold articles, read in place from ../shared/data."""

from __future__ import annotations

import json

import pytest

from graph.build import build
from graph.evaluate import evaluate
from graph.store import open_store


@pytest.fixture(scope="module")
def seed_store(shared_data):
    store = open_store("memory:")
    build([shared_data / "seed" / "rabat-2025-04.txt"], store)
    return store


def rows(store, query):
    return {tuple(term.value for term in row) for row in store.query(query)}


def test_seed_meets_the_gold(seed_store, shared_data):
    report = evaluate(seed_store, [shared_data / "gold" / "seed-rabat-2025-04.json"])
    total = report.total
    assert total.recall >= 0.85, [str(m) for m in report.missed]
    assert total.precision >= 0.85, [str(u) for u in report.unmatched]


def test_seed_key_facts(seed_store):
    posts = rows(seed_store, """SELECT ?name ?post ?country WHERE {
        ?p kg:holdsPosition ?x . ?p rdfs:label ?name . ?x rdfs:label ?post ;
           kg:country/rdfs:label ?country }""")
    assert posts == {("Bruno Retailleau", "ministre de l'Intérieur", "France"),
                     ("Abdelouafi Laftit", "ministre de l'Intérieur", "Maroc")}
    met = rows(seed_store, """SELECT ?a ?date WHERE { ?e a kg:Meeting ; kg:date ?date ;
        kg:participant/rdfs:label ?a }""")
    assert met == {("Bruno Retailleau", "2025-04-13"), ("Abdelouafi Laftit", "2025-04-13")}
    visit = rows(seed_store, """SELECT ?place ?date WHERE { ?e a kg:Visit ; kg:date ?date ;
        kg:place/rdfs:label ?place }""")
    assert visit == {("Rabat", "2025-04-14")}
    assert rows(seed_store, "SELECT ?c WHERE { ?r kg:capitalOf/rdfs:label ?c }") == {("Maroc",)}


def test_seed_evidence_points_into_the_original_file(seed_store, shared_data):
    original = (shared_data / "seed" / "rabat-2025-04.txt").read_text(encoding="utf-8")
    evidence = rows(seed_store, """SELECT ?sentence ?start ?end ?method WHERE {
        ?e a kg:Evidence ; kg:sentence ?sentence ; kg:start ?start ; kg:end ?end ;
           kg:method ?method }""")
    assert len(evidence) > 10
    for sentence, start, end, method in evidence:
        assert original[int(start):int(end)] == sentence
        assert method.startswith("fr.") and method.rsplit(".", 1)[1].startswith("v")


def test_seed_builds_the_same_twice(shared_data):
    store = open_store("memory:")
    seed = shared_data / "seed" / "rabat-2025-04.txt"
    first = build([seed], store)
    dump = sorted(str(q) for q in store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))
    second = build([seed], store)
    again = sorted(str(q) for q in store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert first.facts > 0 and dump == again
    assert second.facts in (0, first.facts)  # an unchanged source may be skipped


def test_wikinews_gold_articles(shared_data, tmp_path):
    golds = sorted((shared_data / "gold").glob("wikinews-fr-*.json"))
    ids = {json.loads(g.read_text(encoding="utf-8"))["doc"] for g in golds}
    corpus = tmp_path / "three.jsonl"
    with (shared_data / "corpus" / "wikinews-fr-2012" / "docs.jsonl").open(encoding="utf-8") as f:
        corpus.write_text("".join(line for line in f if json.loads(line)["id"] in ids),
                          encoding="utf-8")
    store = open_store("memory:")
    assert build([corpus], store).documents == len(ids) == 3
    report = evaluate(store, golds)
    assert report.total.recall >= 0.7, [str(m) for m in report.missed]
    assert report.total.precision >= 0.8, [str(u) for u in report.unmatched]


@pytest.mark.heavy
def test_whole_wikinews_corpus_builds(shared_data):
    store = open_store("memory:")
    summary = build([shared_data / "corpus" / "wikinews-fr-2012" / "docs.jsonl"], store)
    assert summary.documents == 93 and summary.facts > 100
