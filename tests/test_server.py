"""``kg serve``: a real server in a subprocess, a real SPARQL client, limits and refusals."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, POST, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.build import build
from graph.model.rdf import make_source
from graph.query import named_queries, rows_as_dicts, run_query
from graph.store import open_store

FACTS = """subject,predicate,object,date
Lina Ferreira,met,Tomas Okafor,2025-03-02
Tomas Okafor,visited,Valparaiso,2025-03
Lina Ferreira,holdsPosition,ministre de la Mer,
Valparaiso,locatedIn,Chili,
<script>alert(1)</script> Ruiz,met,Lina Ferreira,2025-03-04
"""

GENERATED = 3000
"""Triples of a filler source: three of them joined is 2.7e10 rows, minutes of work."""

SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def filler_source():
    triples = [
        ox.Triple(ox.NamedNode(f"http://example.org/filler/{i}"),
                  ox.NamedNode("http://example.org/filler/next"),
                  ox.NamedNode(f"http://example.org/filler/{i + 1}"))
        for i in range(GENERATED)
    ]
    return make_source("http://example.org/filler", "filler", triples)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    facts = folder / "facts.csv"
    facts.write_text(FACTS, encoding="utf-8")
    with open_store(folder / "store") as store:
        build([facts], store)
        store.write(filler_source())
    return folder / "store"


class Server:
    """A ``kg serve`` subprocess on a free loopback port."""

    def __init__(self, store: Path, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", "0",
             *options],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        )
        assert self.process.stderr is not None
        line = self.process.stderr.readline()
        if "Serving" not in line:
            self.stop()
            raise AssertionError(f"kg serve did not start: {line}")
        self.url = line.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
        self.sparql = self.url + "/sparql"

    def descendants(self) -> list[tuple[int, str]]:
        """(pid, state) of every process below the server."""
        parents: dict[int, list[tuple[int, str]]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append((int(entry), fields[0]))
        found, todo = [], [self.process.pid]
        while todo:
            for child in parents.get(todo.pop(), []):
                found.append(child)
                todo.append(child[0])
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[Server]:
    running = Server(store_dir, "--timeout", "3")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("writable")
    facts = folder / "facts.csv"
    facts.write_text(FACTS, encoding="utf-8")
    with open_store(folder / "store") as store:
        build([facts], store)
    running = Server(folder / "store", "--allow-update", "--max-rows", "1000",
                     "--max-body", "20000")
    yield running
    running.stop()


def expected_rows(store_dir: Path, name: str) -> list[dict[str, str]]:
    with open_store(store_dir, read_only=True) as store:
        return rows_as_dicts(run_query(store, "@" + name))


def client(server: Server, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.sparql)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


# -- a real SPARQL client gets JSON, CSV and XML -------------------------------------------------


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_through_sparqlwrapper(server: Server, store_dir: Path, name: str) -> None:
    text = named_queries()[name].text
    expected = expected_rows(store_dir, name)
    variables = list(expected[0]) if expected else None

    data = client(server, text, JSON).queryAndConvert()
    assert len(data["results"]["bindings"]) == len(expected)
    if variables:
        assert data["head"]["vars"] == variables

    table = client(server, text, CSV).queryAndConvert()
    rows = list(csv.reader(io.StringIO(table.decode("utf-8"))))
    assert len(rows) == len(expected) + 1
    if variables:
        assert rows[0] == variables

    document = client(server, text, XML).queryAndConvert()
    assert len(document.getElementsByTagName("result")) == len(expected)


def test_json_values_match_the_embedded_store(server: Server, store_dir: Path) -> None:
    query = ("SELECT ?a ?b WHERE { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b } "
             "ORDER BY ?a ?b")
    data = client(server, query, JSON).queryAndConvert()
    got = [(row["a"]["value"], row["b"]["value"]) for row in data["results"]["bindings"]]
    with open_store(store_dir, read_only=True) as store:
        want = [(a.value, b.value) for a, b in store.query(query)]
    assert got == want and ("Lina Ferreira", "Tomas Okafor") in got


def test_post_forms_and_content_negotiation(server: Server) -> None:
    ask = "ASK { ?p kg:visited ?place }"
    form = httpx.post(server.sparql, data={"query": ask},
                      headers={"Accept": "application/sparql-results+xml"})
    assert form.status_code == 200
    assert form.headers["content-type"].startswith("application/sparql-results+xml")
    assert "<boolean>true</boolean>" in form.text
    direct = httpx.post(server.sparql, content=ask.encode(),
                        headers={"Content-Type": "application/sparql-query",
                                 "Accept": "text/tab-separated-values"})
    assert direct.status_code == 200 and direct.text.strip() == "true"

    construct = "CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }"
    turtle = httpx.get(server.sparql, params={"query": construct})
    assert turtle.headers["content-type"].startswith("text/turtle")
    parsed = list(ox.parse(turtle.content, format=ox.RdfFormat.TURTLE))
    assert len(parsed) == 4  # two meetings, stored both ways
    lines = httpx.get(server.sparql, params={"query": construct},
                      headers={"Accept": "application/n-triples"})
    assert lines.headers["content-type"].startswith("application/n-triples")
    assert len(lines.text.strip().splitlines()) == 4
    refused = httpx.get(server.sparql, params={"query": construct},
                        headers={"Accept": "text/csv"})
    assert refused.status_code == 406


# -- refusals --------------------------------------------------------------------------------------


SERVICE_QUERIES = {
    "top": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "subquery": "SELECT ?s WHERE { ?s ?p ?o . { SELECT ?s WHERE { "
                "SERVICE SILENT <http://169.254.169.254/> { ?s ?q ?r } } } }",
    "optional": "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE ?where { ?s ?q ?r } } }",
    "exists": "ASK { ?s ?p ?o FILTER EXISTS { SERVICE <http://10.1.2.3/> { ?s ?p ?o } } }",
    "construct": "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION "
                 "{ SERVICE <http://example.org/> { ?s ?p ?o } } }",
}


@pytest.mark.parametrize("query", SERVICE_QUERIES.values(), ids=SERVICE_QUERIES.keys())
def test_service_is_refused_with_400(server: Server, query: str) -> None:
    answer = httpx.get(server.sparql, params={"query": query})
    assert answer.status_code == 400
    assert "SERVICE" in answer.text


def test_service_in_a_string_is_only_a_string(server: Server) -> None:
    query = "SELECT ?x WHERE { BIND('SERVICE <http://10.0.0.1/> { ?s ?p ?o }' AS ?x) }"
    answer = httpx.get(server.sparql, params={"query": query, "format": "json"})
    assert answer.status_code == 200
    assert answer.json()["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


def test_sparqlwrapper_sees_service_as_a_bad_request(server: Server) -> None:
    with pytest.raises(QueryBadFormed):
        client(server, SERVICE_QUERIES["top"], JSON).query()


def test_malformed_query_gets_the_parser_position(server: Server) -> None:
    answer = httpx.get(server.sparql, params={"query": "SELECT ?s WHERE {\n  ?s ?p \n}"})
    assert answer.status_code == 400
    assert "line 2, column 3" in answer.text  # where the broken triple pattern starts


def test_update_without_allow_update_is_refused(server: Server, store_dir: Path) -> None:
    update = "INSERT DATA { <http://example.org/x> kg:met <http://example.org/y> }"
    answer = httpx.post(server.sparql, content=update.encode(),
                        headers={"Content-Type": "application/sparql-update"})
    assert answer.status_code == 403
    assert "--allow-update" in answer.text
    sparql = SPARQLWrapper(server.sparql)
    sparql.setMethod(POST)
    sparql.setQuery(update)
    with pytest.raises(Exception):  # noqa: B017 - SPARQLWrapper raises its own HTTP errors
        sparql.query()
    with open_store(store_dir, read_only=True) as store:
        assert not bool(store.query("ASK { <http://example.org/x> ?p ?o }"))


def test_graph_store_is_read_only_by_default(server: Server) -> None:
    graph = "http://example.org/filler"
    read = httpx.get(server.url + "/store", params={"graph": graph},
                     headers={"Accept": "application/n-triples"})
    assert read.status_code == 200
    assert len(read.text.strip().splitlines()) == GENERATED
    put = httpx.put(server.url + "/store", params={"graph": graph}, content=b"",
                    headers={"Content-Type": "application/n-triples"})
    assert put.status_code == 403
    assert httpx.delete(server.url + "/store", params={"graph": graph}).status_code == 403
    missing = httpx.get(server.url + "/store", params={"graph": "http://example.org/none"})
    assert missing.status_code == 404


def test_foreign_host_header_is_refused(server: Server) -> None:
    answer = httpx.get(server.sparql, params={"query": "ASK {}"},
                       headers={"Host": "attacker.example:7878"})
    assert answer.status_code == 403


# -- the time limit really stops the work ------------------------------------------------------


def test_long_query_is_stopped_with_503_and_the_cpu_is_freed(server: Server) -> None:
    answer = httpx.get(server.sparql, params={"query": SLOW_QUERY}, timeout=60)
    assert answer.status_code == 503
    assert "time limit" in answer.text
    following = httpx.get(server.sparql, params={"query": "ASK { ?s kg:met ?o }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=1.0)
    assert following.status_code == 200 and following.json()["boolean"] is True
    # the worker is gone: what is left below the server (forkserver, resource tracker, idle
    # pooled workers) sleeps
    busy = [pid for pid, state in server.descendants() if state == "R"]
    if busy:  # a process may be caught between two sleeps; look again
        time.sleep(0.2)
        busy = [pid for pid, state in server.descendants() if state == "R" and pid in busy]
    assert not busy
    assert len(server.descendants()) <= 2 + 2  # two slots: at most two idle workers


# -- updates, Graph Store writes, limits (server started with --allow-update) ---------------------


def test_same_origin_update_is_applied(writable: Server) -> None:
    update = ("INSERT DATA { GRAPH <http://example.org/extra> { "
              "<http://example.org/p/ana> kg:met <http://example.org/p/ben> } }")
    host = urllib.parse.urlsplit(writable.url).netloc
    refused = httpx.post(writable.sparql, content=update.encode(),
                         headers={"Content-Type": "application/sparql-update",
                                  "Origin": "http://evil.example"})
    assert refused.status_code == 403
    as_form = httpx.post(writable.sparql, data={"update": update})
    assert as_form.status_code == 415
    done = httpx.post(writable.sparql, content=update.encode(),
                      headers={"Content-Type": "application/sparql-update",
                               "Origin": f"http://{host}"})
    assert done.status_code == 204, done.text
    check = httpx.get(writable.sparql, params={
        "query": "ASK { <http://example.org/p/ana> kg:met ?x }", "format": "json"})
    assert check.json()["boolean"] is True


@pytest.mark.parametrize("update", [
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
    "LOAD <http://169.254.169.254/latest/meta-data> INTO GRAPH <http://example.org/g>",
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o MINUS { SERVICE <http://x.example/> { ?s ?p ?o } } }",
], ids=["service", "load", "service-in-minus"])
def test_service_and_load_in_updates_are_refused(writable: Server, update: str) -> None:
    answer = httpx.post(writable.sparql, content=update.encode(),
                        headers={"Content-Type": "application/sparql-update"})
    assert answer.status_code == 400


def test_graph_store_writes(writable: Server) -> None:
    store = writable.url + "/store"
    graph = {"graph": "http://example.org/gsp"}
    turtle = b"<http://example.org/a> <http://example.org/knows> <http://example.org/b> ."
    assert httpx.put(store, params=graph, content=turtle,
                     headers={"Content-Type": "text/turtle"}).status_code == 204
    more = b"<http://example.org/b> <http://example.org/knows> <http://example.org/c> .\n"
    assert httpx.post(store, params=graph, content=more,
                      headers={"Content-Type": "application/n-triples"}).status_code == 204
    read = httpx.get(store, params=graph, headers={"Accept": "application/n-triples"})
    assert len(read.text.strip().splitlines()) == 2
    assert httpx.put(store, params=graph, content=turtle,
                     headers={"Content-Type": "text/turtle"}).status_code == 204
    read = httpx.get(store, params=graph, headers={"Accept": "application/n-triples"})
    assert len(read.text.strip().splitlines()) == 1  # PUT replaces
    bad = httpx.put(store, params=graph, content=b"<http://x> <http://y> .",
                    headers={"Content-Type": "text/turtle"})
    assert bad.status_code == 400
    assert httpx.delete(store, params=graph).status_code == 204
    assert httpx.delete(store, params=graph).status_code == 404


def test_row_and_body_limits(writable: Server) -> None:
    digits = "{ 0 1 2 3 4 5 6 7 8 9 }"
    many = (f"SELECT ?n WHERE {{ VALUES ?a {digits} VALUES ?b {digits} VALUES ?c {digits} "
            "VALUES ?d { 0 1 } BIND(?d * 1000 + ?a * 100 + ?b * 10 + ?c AS ?n) }")
    answer = httpx.get(writable.sparql, params={"query": many})
    assert answer.status_code == 400 and "1000 rows" in answer.text
    fits = httpx.get(writable.sparql, params={"query": many + " LIMIT 1000", "format": "csv"})
    assert fits.status_code == 200 and len(fits.text.strip().splitlines()) == 1001
    big = httpx.post(writable.sparql, content=b"#" * 30000,
                     headers={"Content-Type": "application/sparql-query"})
    assert big.status_code == 413


# -- the query page --------------------------------------------------------------------------------


def test_query_page_has_prefixes_and_examples(server: Server) -> None:
    page = httpx.get(server.url + "/")
    assert page.status_code == 200
    assert "PREFIX kg: &lt;https://w3id.org/kg-builder/ns#&gt;" in page.text
    for name in named_queries():
        assert f"@{name}</a>" in page.text
    assert "http://" not in page.text.replace("http://www.w3.org", "").replace(
        "http://purl.org", "").replace("http://schema.org", "")  # nothing loaded from elsewhere
    assert "<script" not in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_query_page_escapes_results(server: Server) -> None:
    page = httpx.get(server.url + "/", params={"query": "SELECT ?l WHERE { ?x rdfs:label ?l }"})
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ruiz" in page.text
    assert "<script>" not in page.text
    error = httpx.get(server.url + "/", params={"query": "SELECT <oops"})
    assert error.status_code == 400 and "HTTP 400" in error.text


def test_query_page_draws_construct_results(server: Server) -> None:
    query = "CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }"
    page = httpx.get(server.url + "/", params={"query": query})
    assert page.status_code == 200 and "<table>" in page.text
    try:
        import graph.view  # noqa: F401
    except ImportError:
        pytest.skip("graph.view is not available")
    assert "/view?query=" in page.text
    view = httpx.get(server.url + "/view", params={"query": query}, timeout=30)
    assert view.status_code == 200 and view.text.lstrip().startswith("<!DOCTYPE html>")
    assert "script-src 'unsafe-inline'" in view.headers["content-security-policy"]


# -- kg serve --get --------------------------------------------------------------------------------


def test_serve_get_prints_the_body_and_exits_0_only_on_200(kg, store_dir: Path) -> None:
    query = urllib.parse.quote("SELECT ?l WHERE { [] kg:locatedIn|kg:visited [ rdfs:label ?l ] } "
                               "ORDER BY ?l")
    done = kg("serve", "--store", str(store_dir), "--get", f"/sparql?query={query}&format=json")
    assert done.returncode == 0, done.stderr
    labels = [row["l"]["value"] for row in json.loads(done.stdout)["results"]["bindings"]]
    assert labels == ["Chili", "Valparaiso"]
    bad = kg("serve", "--store", str(store_dir), "--get", "/sparql?query=SELECT")
    assert bad.returncode == 1 and "malformed" in bad.stdout
    missing = kg("serve", "--store", str(store_dir), "--get", "/nowhere")
    assert missing.returncode == 1


def test_memory_store_cannot_be_served(kg) -> None:
    done = kg("serve", "--store", "memory:", "--get", "/")
    assert done.returncode == 1 and "memory:" in done.stderr


def test_a_build_while_serving_is_seen_by_the_next_query(tmp_path: Path) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(FACTS, encoding="utf-8")
    second.write_text("subject,predicate,object\nNadia Berg,visited,Valparaiso\n",
                      encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        build([first], store)
    running = Server(tmp_path / "store")
    try:
        ask = {"query": "ASK { ?x kg:visited ?y . ?x rdfs:label 'Nadia Berg' }", "format": "json"}
        assert httpx.get(running.sparql, params=ask).json()["boolean"] is False
        with open_store(tmp_path / "store") as store:  # the server holds no lock: this works
            build([second], store)
        assert httpx.get(running.sparql, params=ask).json()["boolean"] is True
    finally:
        running.stop()
