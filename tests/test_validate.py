"""SHACL validation: shapes, the report (labels, files, lines), kg validate and build --validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.build import build
from graph.errors import InputError
from graph.ingest.triples import read_triples
from graph.model.iri import Minter
from graph.query import rows_as_dicts
from graph.validate import validate, validate_source

GOOD = """subject,predicate,object,subject_type,object_type,date
Bruno Retailleau,holdsPosition,ministre de l'Intérieur,,,2025-04
ministre de l'Intérieur,country,France,,,
Bruno Retailleau,met,Abdelouafi Laftit,,,2025-04-14
Bruno Retailleau,visited,Rabat,,City,2025-04-14
Abdelouafi Laftit,visited,France,,,2025-03
Rabat,capitalOf,Maroc,City,,
accord de réadmission,party,France,,,2025-04-14
accord de réadmission,concerns,réadmission,,,
Abdelouafi Laftit,said,Nous avons beaucoup avancé,,,
"""

PREFIXES = """@prefix kg: <https://w3id.org/kg-builder/ns#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_facts_conform(store, tmp_path):
    build([write(tmp_path, "facts.csv", GOOD)], store)
    report = validate(store)
    assert report.conforms, str(report)
    assert report.violations == []


def test_shipped_example_conforms(store):
    example = Path(__file__).resolve().parents[1] / "graph" / "examples" / "facts.csv"
    build([example], store)
    assert validate(store).conforms


def test_place_meeting_someone_is_reported_with_its_line(kg, tmp_path):
    write(tmp_path, "facts.csv", GOOD + "Rabat,met,Bruno Retailleau,,,\n")  # line 11
    kg("build", "facts.csv", check=True)
    done = kg("validate")
    assert done.returncode == 1
    assert "facts.csv:11" in done.stdout
    assert "Rabat (City)" in done.stdout
    assert "both ends of kg:met must be people" in done.stdout
    assert kg("validate", "--format", "json").returncode == 1


def test_a_lone_known_place_keeps_its_class(kg, tmp_path):
    write(tmp_path, "lone.csv", "subject,predicate,object\nRabat,met,Bruno Retailleau\n")
    kg("build", "lone.csv", check=True)
    done = kg("validate", "--format", "json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["conforms"] is False
    [violation] = report["violations"]
    assert violation["label"] == "Rabat"
    assert violation["type"] == "City"
    assert violation["locations"][0]["source"] == "lone.csv"
    assert violation["locations"][0]["line"] == 2
    assert violation["locations"][0]["sentence"] == "Rabat,met,Bruno Retailleau"


def test_an_explicit_type_beats_the_place_lexicon(store, tmp_path):
    text = "subject,predicate,object,subject_type\nParis,met,Bruno Retailleau,Person\n"
    build([write(tmp_path, "named.csv", text)], store)
    assert validate(store).conforms
    kinds = rows_as_dicts(store.query(
        "SELECT ?t WHERE { ?x rdfs:label 'Paris' ; a ?t }"))
    assert kinds == [{"t": "kg:Person"}]


def test_clean_store_exits_zero(kg, tmp_path):
    write(tmp_path, "facts.csv", GOOD)
    kg("build", "facts.csv", check=True)
    done = kg("validate")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "conforms" in done.stdout


@pytest.mark.parametrize(
    ("row", "message"),
    [
        pytest.param("Bruno Retailleau,visited,Abdelouafi Laftit", "object of kg:visited",
                     id="visited-person"),
        pytest.param("Maroc,holdsPosition,ministre de l'Intérieur", "subject of kg:holdsPosition",
                     id="country-holds-post"),
        pytest.param("réadmission,party,France,Topic", "subject of kg:party", id="topic-party"),
        pytest.param("France,cooperatesWith,Bruno Retailleau", "ends of kg:cooperatesWith",
                     id="cooperates-with-person"),
        pytest.param("Bruno Retailleau,memberOf,Rabat", "object of kg:memberOf",
                     id="member-of-city"),
    ],
)
def test_domain_and_range_violations(store, tmp_path, monkeypatch, row, message):
    monkeypatch.chdir(tmp_path)
    text = GOOD + row + "," * (5 - row.count(",")) + "\n"
    build([write(tmp_path, "facts.csv", text)], store)
    report = validate(store)
    assert not report.conforms
    assert [v.message for v in report.violations if message in v.message]
    located = [v for v in report.violations if message in v.message][0]
    assert [(loc.source, loc.line) for loc in located.locations] == [("facts.csv", 11)]


def test_rdf_dates_labels_and_classes(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ttl = PREFIXES + """
ex:m a kg:Meeting ; rdfs:label "réunion" ; kg:date "14 avril" ; kg:participant ex:p .
ex:p a kg:Person .
ex:q a kg:Person , kg:City ; rdfs:label "Paris Quelqu'un" .
ex:v a kg:Visit ; rdfs:label "visite" ; kg:date "2025-04"^^xsd:gYearMonth ; kg:status "maybe" .
"""
    build([write(tmp_path, "events.ttl", ttl)], store)
    report = validate(store)
    by_message = {v.message: v for v in report.violations}
    date = by_message["kg:date must be an xsd:date, xsd:gYearMonth or xsd:gYear"]
    assert (date.label, date.path, date.value) == ("réunion", "kg:date", "14 avril")
    assert by_message["an entity must have an rdfs:label"].node == "http://example.org/p"
    assert by_message["a person cannot also be a place"].label == "Paris Quelqu'un"
    assert "kg:status must be one of happened, planned, reported, denied" in by_message
    assert len(report.violations) == 4
    # no evidence in an RDF file: the report names the file that describes the node
    assert {loc.source for v in report.violations for loc in v.locations} == {"events.ttl"}


def test_incomplete_evidence(store, tmp_path):
    ttl = PREFIXES + """
ex:a a kg:Person ; rdfs:label "A" ; kg:met ex:b .
ex:b a kg:Person ; rdfs:label "B" ; kg:met ex:a .
ex:ev a kg:Evidence ; rdf:subject ex:a ; kg:method "manual" ; kg:confidence 1.5 .
"""
    build([write(tmp_path, "ev.ttl", ttl)], store)
    messages = {v.message for v in validate(store).violations}
    assert messages == {
        "an evidence must name exactly one rdf:predicate",
        "an evidence must name exactly one rdf:object",
        "an evidence must name the kg:Document it comes from",
        "an evidence must have a kg:confidence between 0 and 1",
    }


def test_build_validate_rejects_and_leaves_store_unchanged(kg, tmp_path):
    write(tmp_path, "good.csv", GOOD)
    kg("build", "good.csv", check=True)
    before = kg("export", "-f", "nq", check=True).stdout
    write(tmp_path, "bad.csv", "subject,predicate,object\nA Person,met,B Person\nRabat,met,C D\n")
    done = kg("build", "--validate", "bad.csv")
    assert done.returncode == 1
    assert "bad.csv:3" in done.stderr and "Rabat" in done.stderr
    assert kg("export", "-f", "nq", check=True).stdout == before
    assert kg("build", "--validate", "good.csv").returncode == 0


def test_source_checked_with_what_the_store_holds(store, tmp_path):
    minter = Minter()
    build([write(tmp_path, "places.csv", "subject,predicate,object\nOued Zem,locatedIn,Maroc\n")],
          store, minter=minter)
    oued_zem = minter.entity("City", "Oued Zem")
    person = minter.entity("Person", "Anna Bel")
    ttl = PREFIXES + (f'<{person}> a kg:Person ; rdfs:label "Anna Bel" ; kg:met <{oued_zem}> .\n')
    source = read_triples(write(tmp_path, "more.ttl", ttl), minter=minter, name="more.ttl")
    with pytest.raises(InputError, match="Oued Zem \\(City\\): both ends of kg:met"):
        validate_source(store, source)
    alone = read_triples(write(tmp_path, "alone.csv", GOOD), minter=minter, name="alone.csv")
    validate_source(store, alone)  # conforms: no error
    count = rows_as_dicts(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:met ?o }"))
    assert count == [{"n": "0"}]
