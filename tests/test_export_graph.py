"""Network exports for Gephi: GraphML and GEXF read back with networkx, CSV node and edge lists."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

FACTS = """subject,predicate,object,subject_type,object_type,date
Bruno Retailleau,met,Abdelouafi Laftit,,,2025-04-14
Bruno Retailleau,visited,Rabat,,City,2025-04-14
Rabat,capitalOf,Maroc,City,,
accord de réadmission,party,France,,,2025-04-14
accord de réadmission,concerns,réadmission,,,
Abdelouafi Laftit,said,« Une coopération exemplaire »,,,
"""

NODES = {"Bruno Retailleau", "Abdelouafi Laftit", "Rabat", "Maroc", "accord de réadmission",
         "France", "réadmission", "« Une coopération exemplaire »"}
EDGES = {
    ("Bruno Retailleau", "met", "Abdelouafi Laftit"),
    ("Abdelouafi Laftit", "met", "Bruno Retailleau"),
    ("Bruno Retailleau", "visited", "Rabat"),
    ("Rabat", "capitalOf", "Maroc"),
    ("accord de réadmission", "party", "France"),
    ("accord de réadmission", "concerns", "réadmission"),
    ("Abdelouafi Laftit", "said", "« Une coopération exemplaire »"),
}


@pytest.fixture
def built(kg, tmp_path: Path):
    (tmp_path / "facts.csv").write_text(FACTS, encoding="utf-8")
    kg("build", "facts.csv", check=True)
    return tmp_path


def labelled_edges(graph: nx.Graph) -> set[tuple[str, str, str]]:
    label = dict(graph.nodes(data="label"))
    return {(label[a], d["relation"], label[b]) for a, b, d in graph.edges(data=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_file_reads_back(kg, built, fmt):
    out = built / f"net.{fmt}"
    kg("export", "-f", fmt, "-o", str(out), check=True)
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert {label for _, label in graph.nodes(data="label")} == NODES
    assert labelled_edges(graph) == EDGES
    kinds = {d["label"]: d["type"] for _, d in graph.nodes(data=True)}
    assert kinds["Rabat"] == "City" and kinds["France"] == "Country"
    met = [d for _, _, d in graph.edges(data=True) if d["relation"] == "met"]
    assert [int(d["evidence"]) for d in met] == [1, 1]
    assert {d["date"] for d in met} == {"2025-04-14"}


def test_graphml_to_stdout(kg, built):
    done = kg("export", "-f", "graphml", check=True)
    assert done.stdout.startswith("<?xml")
    out = built / "stdout.graphml"
    out.write_text(done.stdout, encoding="utf-8")
    assert labelled_edges(nx.read_graphml(out)) == EDGES


def test_csv_node_and_edge_lists(kg, built):
    kg("export", "-f", "csv", "-o", "gephi", check=True)
    with open(built / "gephi" / "nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(built / "gephi" / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert {n["label"] for n in nodes} == NODES
    label = {n["id"]: n["label"] for n in nodes}
    assert {(label[e["source"]], e["relation"], label[e["target"]]) for e in edges} == EDGES
    assert list(nodes[0]) == ["id", "label", "type", "aliases"]
    assert list(edges[0]) == ["source", "target", "relation", "date", "evidence", "event"]


def test_csv_needs_a_folder(kg, built):
    done = kg("export", "-f", "csv")
    assert done.returncode == 2 and "-o" in done.stderr


def test_rdf_export_still_works(kg, built):
    done = kg("export", "-f", "nt", check=True)
    assert "<https://w3id.org/kg-builder/ns#met>" in done.stdout
