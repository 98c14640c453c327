"""Network analysis: the networkx graph, centrality, communities, paths, timelines, dyads."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.analyze import (
    centrality,
    communities,
    dyads,
    path,
    scores,
    timeline,
    to_networkx,
    write_scores,
)
from graph.build import build
from graph.cli import cli
from graph.errors import KGError
from graph.model.iri import Minter
from graph.query import rows_as_dicts
from graph.store import open_store
from graph.validate import validate

FACTS = """subject,predicate,object,subject_type,object_type,date
Bruno Retailleau,holdsPosition,ministre de l'Intérieur,,,2025-04
ministre de l'Intérieur,country,France,,,
Abdelouafi Laftit,holdsPosition,ministre marocain de l'Intérieur,,,2025-04
ministre marocain de l'Intérieur,country,Maroc,,,
Bruno Retailleau,met,Abdelouafi Laftit,,,2025-04-14
Bruno Retailleau,visited,Rabat,,City,2025-04-14
Rabat,capitalOf,Maroc,City,,
accord de réadmission,party,France,,,2025-04-14
accord de réadmission,party,Maroc,,,2025-04-14
accord de réadmission,party,Bruno Retailleau,,Person,2025-04-14
accord de réadmission,concerns,réadmission,,,
Abdelouafi Laftit,said,Nous avons beaucoup avancé ensemble,,,2025-04-14
Bruno Retailleau,met,Abdelouafi Laftit,,,2025-06-02
"""

# an event written as a node: a meeting with two participants and a place
EVENTS = """subject,predicate,object,subject_type,object_type,date
sommet de Tanger,participant,Bruno Retailleau,Meeting,Person,
sommet de Tanger,participant,Abdelouafi Laftit,Meeting,Person,
sommet de Tanger,place,Tanger,Meeting,City,
sommet de Tanger,date,2025-06-02,Meeting,,
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def facts(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    build([write(tmp_path, "facts.csv", FACTS)], store)
    return store


def labelled(graph):
    label = dict(graph.nodes(data="label"))
    return {(label[a], d["relation"], label[b]): d for a, b, d in graph.edges(data=True)}


def test_nodes_and_edges(facts):
    graph = to_networkx(facts)
    types = {label: kind for _, label, kind in
             ((n, d["label"], d.get("type")) for n, d in graph.nodes(data=True))}
    assert types["Bruno Retailleau"] == "Person"
    assert types["Rabat"] == "City"
    assert types["accord de réadmission"] == "Agreement"
    assert types["Nous avons beaucoup avancé ensemble"] == "Quote"
    assert not [n for n in graph if not n.startswith("https://")], "literals are not nodes"
    edges = labelled(graph)
    met = edges[("Bruno Retailleau", "met", "Abdelouafi Laftit")]
    assert met["evidence"] == 2 and met["date"] == "2025-04-14"
    # met is symmetric: the reverse edge carries the same evidence
    assert edges[("Abdelouafi Laftit", "met", "Bruno Retailleau")]["evidence"] == 2
    assert edges[("Rabat", "capitalOf", "Maroc")] == {"relation": "capitalOf", "evidence": 1}
    assert len(edges) == 13  # 12 distinct facts, and met in reverse


def test_relations_filter_and_unknown(facts):
    graph = to_networkx(facts, relations=("met",))
    assert {d["relation"] for _, _, d in graph.edges(data=True)} == {"met"}
    with pytest.raises(KGError, match="unknown relation mett"):
        to_networkx(facts, relations=("mett",))


def test_events_as_nodes_or_collapsed(store, tmp_path):
    build([write(tmp_path, "events.csv", EVENTS)], store)
    kept = labelled(to_networkx(store, events="nodes"))
    assert ("sommet de Tanger", "participant", "Bruno Retailleau") in kept
    assert ("sommet de Tanger", "place", "Tanger") in kept
    collapsed = to_networkx(store, events="edges")
    assert "sommet de Tanger" not in {label for _, label in collapsed.nodes(data="label")}
    edges = labelled(collapsed)
    meeting = edges[("Abdelouafi Laftit", "Meeting", "Bruno Retailleau")]
    assert meeting["date"] == "2025-06-02"
    assert meeting["evidence"] == 1
    assert ("Bruno Retailleau", "Meeting", "Abdelouafi Laftit") in edges
    assert ("Bruno Retailleau", "Meeting", "Tanger") in edges
    assert len(edges) == 4


STAR = """subject,predicate,object
Hub Central,met,Alice Un
Hub Central,met,Bruno Deux
Hub Central,met,Carla Trois
Hub Central,met,Dan Quatre
Alice Un,met,Bruno Deux
"""


@pytest.mark.parametrize("by", ["pagerank", "degree", "betweenness"])
def test_centrality_ranks_the_hub_first(store, tmp_path, by):
    build([write(tmp_path, "star.csv", STAR)], store)
    ranked = centrality(to_networkx(store), by=by, top=3)
    assert len(ranked) == 3
    assert ranked[0].label == "Hub Central" and ranked[0].type == "Person"
    assert [r.rank for r in ranked] == [1, 2, 3]
    assert ranked[0].score > ranked[1].score >= ranked[2].score
    assert ranked[-1].label != "Carla Trois"  # a leaf ranks below the triangle's members
    with pytest.raises(ValueError, match="unknown measure"):
        scores(to_networkx(store), by="closeness")


def test_centrality_by_class(facts, built_store):
    places = centrality(to_networkx(facts), top=None, types=("Place",))
    assert {(s.label, s.type) for s in places} == {
        ("France", "Country"), ("Maroc", "Country"), ("Rabat", "City")}
    done = CliRunner().invoke(cli, ["analyze", "centrality", "--type", "Person", "--format",
                                    "json", "--store", built_store])
    assert {row["label"] for row in json.loads(done.output)} == {
        "Bruno Retailleau", "Abdelouafi Laftit"}
    bad = CliRunner().invoke(cli, ["analyze", "centrality", "--type", "Persn",
                                   "--store", built_store])
    assert bad.exit_code == 2 and "did you mean 'Person'" in bad.output


def test_communities(store, tmp_path):
    text = """subject,predicate,object
Anne A,met,Bea B
Bea B,met,Cyr C
Cyr C,met,Anne A
Xav X,met,Yan Y
Yan Y,met,Zoe Z
Zoe Z,met,Xav X
Cyr C,met,Xav X
"""
    build([write(tmp_path, "groups.csv", text)], store)
    assert communities(to_networkx(store)) == [["Anne A", "Bea B", "Cyr C"],
                                               ["Xav X", "Yan Y", "Zoe Z"]]


def test_path_through_the_agreement_with_evidence(facts):
    steps = path(facts, "Bruno Retailleau", "réadmission")
    assert [(s.hop, s.subject, s.relation, s.object) for s in steps] == [
        (1, "accord de réadmission", "party", "Bruno Retailleau"),
        (2, "accord de réadmission", "concerns", "réadmission"),
    ]
    assert [c.sentence for c in steps[0].evidence] == [
        "accord de réadmission,party,Bruno Retailleau,,Person,2025-04-14"]
    assert (steps[1].evidence[0].source, steps[1].evidence[0].line) == ("facts.csv", 12)


def test_path_errors(facts, tmp_path):
    build([write(tmp_path, "island.csv", "subject,predicate,object\nIle A,met,Ile B\n")], facts)
    with pytest.raises(KGError, match="not connected"):
        path(facts, "Bruno Retailleau", "Ile A")
    with pytest.raises(KGError, match="did you mean 'Bruno Retailleau'"):
        path(facts, "Bruno Retaillau", "Ile A")


def test_timeline_in_date_order(facts):
    entries = timeline(facts, "bruno retailleau")
    assert [(e.date, e.relation, e.other) for e in entries] == [
        ("2025-04", "holdsPosition", "ministre de l'Intérieur"),
        ("2025-04-14", "^party", "accord de réadmission"),
        ("2025-04-14", "met", "Abdelouafi Laftit"),
        ("2025-04-14", "visited", "Rabat"),
    ]
    assert entries[-1].line == 7 and entries[-1].source == "facts.csv"


def test_timeline_shows_events(store, tmp_path):
    build([write(tmp_path, "events.csv", EVENTS)], store)
    [entry] = timeline(store, "Abdelouafi Laftit")
    assert (entry.date, entry.relation) == ("2025-06-02", "Meeting")
    assert entry.other == "sommet de Tanger: Bruno Retailleau, Tanger"


def test_dyads_per_month(facts, tmp_path):
    # the June meeting also exists as an event: it counts once
    build([write(tmp_path, "events.csv", EVENTS)], facts)
    rows = {(d.level, d.a, d.b, d.month): (d.meetings, d.visits, d.agreements)
            for d in dyads(facts)}
    assert rows[("entity", "Abdelouafi Laftit", "Bruno Retailleau", "2025-04")] == (1, 0, 0)
    assert rows[("entity", "Abdelouafi Laftit", "Bruno Retailleau", "2025-06")] == (1, 0, 0)
    assert rows[("entity", "Bruno Retailleau", "Rabat", "2025-04")] == (0, 1, 0)
    assert rows[("entity", "France", "Maroc", "2025-04")] == (0, 0, 1)
    # countries: people through their posts, Rabat through capitalOf
    assert rows[("country", "France", "Maroc", "2025-04")] == (1, 1, 1)
    assert rows[("country", "France", "Maroc", "2025-06")] == (1, 0, 0)
    only = dyads(facts, level="country")
    assert {d.level for d in only} == {"country"}


def test_write_back_pagerank(facts):
    graph = to_networkx(facts)
    assert write_scores(facts, scores(graph)) == graph.number_of_nodes()
    write_scores(facts, scores(graph))  # replaces, never duplicates
    rows = rows_as_dicts(facts.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e kg:pagerank ?s } } GROUP BY ?g"))
    assert rows == [{"g": Minter().source("analysis"), "n": str(graph.number_of_nodes())}]
    top = rows_as_dicts(facts.query(
        "SELECT ?l WHERE { ?e kg:pagerank ?s ; rdfs:label ?l } ORDER BY DESC(?s) LIMIT 1"))
    assert top == [{"l": centrality(graph, top=1)[0].label}]


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> str:
    """A store on disk built once from FACTS, for the CLI's output formats (run in-process)."""
    folder = tmp_path_factory.mktemp("analyze")
    with open_store(folder / "store") as store:
        build([write(folder, "facts.csv", FACTS)], store)
    return str(folder / "store")


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["centrality", "--top", "3"], id="centrality"),
        pytest.param(["centrality", "--by", "betweenness", "--top", "2"], id="betweenness"),
        pytest.param(["communities"], id="communities"),
        pytest.param(["path", "Bruno Retailleau", "réadmission"], id="path"),
        pytest.param(["timeline", "Bruno Retailleau"], id="timeline"),
        pytest.param(["dyads"], id="dyads"),
    ],
)
def test_cli_formats(built_store, args, fmt):
    done = CliRunner().invoke(cli, ["analyze", *args, "--format", fmt, "--store", built_store])
    assert done.exit_code == 0, done.output
    if fmt == "json":
        data = json.loads(done.stdout)
        assert isinstance(data, list) and data
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        assert rows
    else:
        assert done.stdout.rstrip().endswith("rows)") or done.stdout.rstrip().endswith("row)")
    if args[0] == "path":
        assert "accord de réadmission" in done.stdout
        assert "accord de réadmission,concerns,réadmission" in done.stdout


def test_cli_write_back_and_errors(kg, tmp_path):
    write(tmp_path, "facts.csv", FACTS)
    kg("build", "facts.csv", check=True)
    done = kg("analyze", "centrality", "--write-back", "--top", "1", "--format", "csv")
    assert done.returncode == 0 and "kg:pagerank" in done.stderr
    asked = kg("query", "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?e kg:pagerank ?s }")
    assert int(asked.stdout.split()[-1]) == 10  # every entity of FACTS
    missing = kg("analyze", "path", "Bruno Retailleau", "Nobody Known")
    assert missing.returncode == 1 and "no entity named 'Nobody Known'" in missing.stderr
    assert kg("analyze", "centrality", "--by", "fame").returncode == 2


def test_same_as_merges_nodes(store, tmp_path):
    text = """subject,predicate,object,subject_type,object_type
Bruno Retailleau,met,Abdelouafi Laftit,,
Bruno Retailleau,visited,Rabat,,City
B. Retailleau,met,Nadia Fettah,,
B. Retailleau,sameAs,Bruno Retailleau,Person,Person
"""
    build([write(tmp_path, "merge.csv", text)], store)
    graph = to_networkx(store)
    people = {d["label"]: d for _, d in graph.nodes(data=True) if d.get("type") == "Person"}
    assert set(people) == {"Bruno Retailleau", "Abdelouafi Laftit", "Nadia Fettah"}
    assert people["Bruno Retailleau"]["aliases"] == "B. Retailleau"
    [step] = path(store, "B. Retailleau", "Nadia Fettah")
    assert (step.subject, step.object) == ("Bruno Retailleau", "Nadia Fettah")
    assert [c.line for c in step.evidence] == [4]  # stated about the alias
    assert centrality(graph, by="degree", top=1)[0].label == "Bruno Retailleau"


@pytest.fixture
def served(tmp_path):
    """A real ``oxigraph serve`` on 127.0.0.1, as a remote store."""
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.exists():
        pytest.skip("oxigraph server CLI not installed (pip install oxigraph)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(binary), "serve", "--location", str(tmp_path / "served"),
         "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as conn:
                if conn.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_analysis_and_validation_over_http(served, tmp_path):
    with open_store(served) as remote:
        build([write(tmp_path, "facts.csv", FACTS)], remote)
        steps = path(remote, "Bruno Retailleau", "réadmission")
        assert [s.relation for s in steps] == ["party", "concerns"]
        assert steps[1].evidence[0].line == 12
        assert validate(remote).conforms
        graph = to_networkx(remote)
        assert write_scores(remote, scores(graph)) == graph.number_of_nodes()
        rows = rows_as_dicts(remote.query("SELECT (COUNT(*) AS ?n) WHERE { ?e kg:pagerank ?s }"))
        assert rows == [{"n": str(graph.number_of_nodes())}]
