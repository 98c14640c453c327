"""The network view without a browser: what is read from the store, filters, escaping, CLI."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.build import build
from graph.errors import KGError, QueryError
from graph.store import open_store
from graph.view import collapse_events, generate_html, read_network, select, write_html
from graph.view.html import json_for_script
from graph.view.layout import layout_positions

FACTS = """subject,predicate,object,subject_type,object_type,date,source,note
Bruno Retailleau,met,Abdelouafi Laftit,Person,Person,2025-04-14,,The ministers talked in Rabat.
Bruno Retailleau,visited,Rabat,Person,City,2025-04-14,,
Bruno Retailleau,altLabel,Retailleau,,,,,
Bruno Retailleau,said,We will work together,,,2025-04-14,,
Rabat,capitalOf,Maroc,City,Country,,,
Marie Dubois,visited,Lyon,Person,City,2019-03-02,,
Lyon,locatedIn,France,City,Country,,,
"""


@pytest.fixture
def filled(store, tmp_path: Path):
    facts = tmp_path / "facts.csv"
    facts.write_text(FACTS, encoding="utf-8")
    build([facts], store)
    return store


def labels(network) -> set[str]:
    return {node.label for node in network.nodes.values()}


def test_read_network_has_entities_relations_and_evidence(filled) -> None:
    network = read_network(filled)
    assert labels(network) == {"Bruno Retailleau", "Abdelouafi Laftit", "Rabat", "Maroc",
                               "Marie Dubois", "Lyon", "France", "We will work together"}
    bruno = next(n for n in network.nodes.values() if n.label == "Bruno Retailleau")
    assert bruno.cls == "Person" and bruno.aliases == ["Retailleau"]
    met = [e for e in network.edges if e.relation == "met"]
    assert len(met) == 1 and met[0].symmetric  # stored both ways, drawn once
    (proof,) = met[0].proofs
    assert proof.line == 2 and proof.method == "manual" and proof.date == "2025-04-14"
    assert proof.note == "The ministers talked in Rabat." and proof.title == "facts.csv"
    assert {e.relation for e in network.edges} == {"met", "visited", "said", "capitalOf",
                                                   "locatedIn"}


def test_select_by_class_relation_date_and_focus(filled) -> None:
    network = read_network(filled)
    assert labels(select(network, types=["Place"])) == {"Rabat", "Maroc", "Lyon", "France"}
    assert labels(select(network, relations=["met"])) == {"Bruno Retailleau", "Abdelouafi Laftit"}
    assert labels(select(network, until="2020")) == {"Marie Dubois", "Lyon"}
    assert "Marie Dubois" not in labels(select(network, since="2025-04"))
    near = select(network, focus="retailleau", depth=1)
    assert labels(near) == {"Bruno Retailleau", "Abdelouafi Laftit", "Rabat",
                            "We will work together"}
    assert "Maroc" in labels(select(network, focus="Bruno Retailleau", depth=2))


@pytest.mark.parametrize("options, message", [
    pytest.param({"focus": "Nobody"}, "no node is labelled", id="focus"),
    pytest.param({"types": ["Persn"]}, "unknown class 'Persn'", id="class"),
    pytest.param({"since": "2025-13"}, "bad date", id="date"),
])
def test_select_errors(filled, options, message) -> None:
    with pytest.raises(KGError, match=message):
        select(read_network(filled), **options)


def test_construct_query_draws_only_its_triples(filled) -> None:
    network = read_network(filled, construct="CONSTRUCT { ?s kg:visited ?o } "
                                             "WHERE { ?s kg:visited ?o }")
    assert labels(network) == {"Bruno Retailleau", "Rabat", "Marie Dubois", "Lyon"}
    assert {e.relation for e in network.edges} == {"visited"}
    with pytest.raises(QueryError, match="CONSTRUCT"):
        read_network(filled, construct="SELECT * WHERE { ?s ?p ?o }")


def test_page_is_self_contained_and_data_round_trips(filled) -> None:
    page = generate_html(filled, title="Rabat & <friends>")
    assert "<title>Rabat &amp; &lt;friends&gt;</title>" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<link" not in page
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    data = json.loads(block.group(1))
    assert {n["name"] for n in data["nodes"]} >= {"Bruno Retailleau", "Lyon"}
    assert any(e["rel"] == "met" and e["ev"] for e in data["edges"])
    assert data["physics"] is True  # small: the browser lays it out, then stops


@given(st.text())
def test_json_for_script_cannot_close_its_element(text: str) -> None:
    encoded = json_for_script({"t": text})
    assert "</" not in encoded and "<!--" not in encoded
    assert json.loads(encoded) == {"t": text}


def test_write_html_replaces_the_file_whole(filled, tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.html"
    write_html(filled, target)
    first = target.read_text(encoding="utf-8")
    write_html(filled, target, relations=["met"])
    assert target.read_text(encoding="utf-8") != first
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]


def test_large_networks_get_positions_from_python() -> None:
    graph = nx.barabasi_albert_graph(700, 1, seed=3)
    graph.add_edges_from([(1000, 1001), (1002, 1003)])
    pos = layout_positions(graph)
    assert set(pos) == set(graph)
    close = sum(abs(pos[u][0] - pos[v][0]) + abs(pos[u][1] - pos[v][1]) for u, v in graph.edges)
    spread = sum(abs(pos[u][0] - pos[v][0]) + abs(pos[u][1] - pos[v][1])
                 for u, v in zip(list(graph)[:700], list(graph)[350:] + list(graph)[:350]))
    assert close / graph.number_of_edges() < spread / 700  # neighbours sit closer than strangers


def test_kg_view_command(kg, tmp_path: Path) -> None:
    facts = tmp_path / "facts.csv"
    facts.write_text(FACTS, encoding="utf-8")
    kg("build", str(facts), check=True)
    done = kg("view", "-o", "g.html", "--focus", "Retailleau", "--depth", "1",
              "--relations", "met,visited", check=True)
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "Abdelouafi Laftit" in page and "Marie Dubois" not in page
    assert "g.html" in done.stderr and done.stdout == ""
    (tmp_path / "met.rq").write_text("CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }")
    kg("view", "-o", "met.html", "--query", "met.rq", check=True)
    met_page = (tmp_path / "met.html").read_text(encoding="utf-8")
    assert '"name": "Abdelouafi Laftit"' in met_page and '"name": "Rabat"' not in met_page
    done = kg("view", "-o", "bad.html", "--since", "yesterday")
    assert done.returncode == 1 and done.stderr.startswith("Error: bad date")
    assert not (tmp_path / "bad.html").exists()


EVENTS = """subject,predicate,object,subject_type,object_type,date,source,note
talks on water,participant,Claire Dumont,Meeting,Person,,,
talks on water,participant,Tomás Oliveira,Meeting,Person,,,
talks on water,place,Lisbonne,Meeting,City,,,
talks on water,date,2025-06-12,,,,,
Claire Dumont,met,Lucía Ferrer,Person,Person,2025-06-12,,
"""


def test_events_are_nodes_or_collapse_into_edges(store, tmp_path: Path) -> None:
    facts = tmp_path / "events.csv"
    facts.write_text(EVENTS, encoding="utf-8")
    build([facts], store)
    network = read_network(store)
    assert "talks on water" in labels(network)
    collapsed = collapse_events(network)
    assert "talks on water" not in labels(collapsed)
    names = {iri: n.label for iri, n in collapsed.nodes.items()}
    edges = {(names[e.source], e.relation, names[e.target]) for e in collapsed.edges}
    assert edges == {("Claire Dumont", "meeting", "Tomás Oliveira"),
                     ("Claire Dumont", "meeting", "Lisbonne"),
                     ("Tomás Oliveira", "meeting", "Lisbonne"),
                     ("Claire Dumont", "met", "Lucía Ferrer")}
    meeting = next(e for e in collapsed.edges if e.relation == "meeting")
    assert meeting.dates == ["2025-06-12"] and len(meeting.proofs) == 3
    page = generate_html(store, events="edges")
    assert '"rel": "meeting"' in page and '"cls": "Meeting"' not in page


@pytest.fixture
def oxigraph_server(tmp_path: Path):
    """A real ``oxigraph serve`` on a free loopback port; stopped by PID."""
    binary = Path(sys.executable).with_name("oxigraph")
    binary = str(binary) if binary.exists() else shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.kill(process.pid, 15)
        process.wait(10)


def test_remote_endpoint_gives_the_same_network(oxigraph_server: str, tmp_path: Path) -> None:
    facts = tmp_path / "facts.csv"
    facts.write_text(FACTS, encoding="utf-8")

    def shape(url: str):
        with open_store(url) as store:
            build([facts], store)
            network = read_network(store)
        names = {iri: n.label for iri, n in network.nodes.items()}
        return sorted((names[e.source], e.relation, names[e.target], len(e.proofs))
                      for e in network.edges)

    assert shape(oxigraph_server) == shape("memory:")


def test_quotes_are_drawn_by_their_first_words_and_keep_their_text(tmp_path: Path) -> None:
    from graph.view.html import drawn_label

    text = "On a convenu d'un certain nombre de points, et nous allons les mettre en œuvre"
    assert drawn_label(text, "Quote") == "« On a convenu d'un… »"
    assert len(drawn_label("x " * 40, "Person")) <= 33
    facts = tmp_path / "q.csv"
    facts.write_text(f'subject,predicate,object\nAnna Bel,said,"{text}"\n', encoding="utf-8")
    with open_store("memory:") as store:
        build([facts], store)
        page = generate_html(store)
    drawn = [n["label"] for n in json.loads(page.split('id="kg-data">')[1].split("</script>")[0])
             ["nodes"]]
    assert "« On a convenu d'un… »" in drawn and text not in drawn
    assert text in page  # the whole text, for the tooltip and the panel
