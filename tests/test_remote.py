"""Remote stores: a real ``oxigraph serve`` on a free loopback port, driven through ``--store``."""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from conftest import missing
from rdflib.compare import isomorphic, to_isomorphic

from graph.build import build, ensure_ontology
from graph.errors import QueryError, StoreError
from graph.model.rdf import make_source
from graph.model.vocab import ONTOLOGY_GRAPH
from graph.query import rows_as_dicts, run_query
from graph.store import open_store
from graph.store.remote import RemoteStore

OXIGRAPH = Path(sys.executable).parent / "oxigraph"

FACTS = """subject,predicate,object,date
Lina Ferreira,met,Tomas Okafor,2025-03-02
Tomas Okafor,visited,Valparaiso,2025-03
Lina Ferreira,holdsPosition,ministre de la Mer,
Valparaiso,locatedIn,Chili,
Nadia Berg,met,Tomas Okafor,2025-04-11
"""

MORE = """subject,predicate,object
Nadia Berg,visited,Valparaiso
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``oxigraph serve`` with its data in a temporary folder; stopped by PID."""
    binary = str(OXIGRAPH) if OXIGRAPH.exists() else shutil.which("oxigraph")
    if binary is None:
        missing("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    raise AssertionError("oxigraph serve exited at start") from None
                time.sleep(0.05)
        yield url
    finally:
        os.kill(process.pid, 15)
        process.wait(10)


@pytest.fixture
def remote(oxigraph: str) -> Iterator[RemoteStore]:
    """The Oxigraph server, emptied before each test."""
    httpx.post(oxigraph + "/update", content=b"DROP ALL",
               headers={"Content-Type": "application/sparql-update"}).raise_for_status()
    store = RemoteStore(oxigraph)
    yield store
    store.close()


def graphs(data: bytes) -> dict[str, rdflib.Graph]:
    """Named graphs of an N-Quads export, for comparison one by one."""
    lines: dict[str, list[str]] = {}
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        lines.setdefault(str(quad.graph_name), []).append(f"{quad.triple} .\n")
    return {name: rdflib.Graph().parse(data="".join(text), format="nt")
            for name, text in lines.items()}


def same_graphs(a: bytes, b: bytes) -> bool:
    left, right = graphs(a), graphs(b)
    return left.keys() == right.keys() and all(
        isomorphic(to_isomorphic(left[k]), to_isomorphic(right[k])) for k in left)


def test_round_trip_through_oxigraph_server(kg, oxigraph: str, remote: RemoteStore,
                                            tmp_path: Path) -> None:
    facts = tmp_path / "facts.csv"
    facts.write_text(FACTS, encoding="utf-8")
    url = oxigraph + "?batch=7"  # small batches: staged uploads are exercised too

    built = kg("build", str(facts), "--store", url)  # 1. build
    assert built.returncode == 0, built.stderr

    query = kg("query", "@meetings", "--store", url, "--format", "csv")  # 2. query
    assert query.returncode == 0, query.stderr
    assert "Nadia Berg" in query.stdout and "Lina Ferreira" in query.stdout
    with open_store(url) as store:
        rows = rows_as_dicts(run_query(store, "@meetings"))
        assert {r["a"] for r in rows} >= {"Lina Ferreira", "Nadia Berg"}

    try:  # 3. view
        import graph.view  # noqa: F401
    except ImportError:
        pass
    else:
        view = kg("view", "-o", str(tmp_path / "view.html"), "--store", url)
        assert view.returncode == 0, view.stderr
        page = (tmp_path / "view.html").read_text(encoding="utf-8")
        assert "Nadia Berg" in page and "Valparaiso" in page

    first = kg("export", "-f", "nq", "--store", url, "--include-ontology")
    again = kg("build", str(facts), "--store", url)  # 4. build again: nothing changes
    assert again.returncode == 0, again.stderr
    second = kg("export", "-f", "nq", "--store", url, "--include-ontology")
    assert same_graphs(first.stdout.encode(), second.stdout.encode())

    local = tmp_path / "local"  # 5. export, isomorphic to the embedded store's
    assert kg("build", str(facts), "--store", str(local)).returncode == 0
    for fmt in ("nq", "nt"):
        remote_export = kg("export", "-f", fmt, "--store", url)
        local_export = kg("export", "-f", fmt, "--store", str(local))
        assert remote_export.returncode == 0, remote_export.stderr
        if fmt == "nq":
            assert same_graphs(remote_export.stdout.encode(), local_export.stdout.encode())
        else:
            r = rdflib.Graph().parse(data=remote_export.stdout, format="nt")
            e = rdflib.Graph().parse(data=local_export.stdout, format="nt")
            assert len(r) > 20 and isomorphic(r, e)


def test_sources_remove_and_ontology(remote: RemoteStore, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(FACTS, encoding="utf-8")
    (tmp_path / "b.csv").write_text(MORE, encoding="utf-8")
    build([tmp_path / "a.csv", tmp_path / "b.csv"], remote)
    assert not ensure_ontology(remote)  # already there, same version
    assert bool(remote.query(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ kg:met ?p ?o }} }}"))
    names = [Path(info.name).name for info in remote.sources()]
    assert names == ["a.csv", "b.csv"]
    b_graph = next(i.iri for i in remote.sources() if i.name.endswith("b.csv"))
    assert remote.remove(b_graph) is True
    assert remote.remove(b_graph) is False
    assert [Path(i.name).name for i in remote.sources()] == ["a.csv"]
    assert not bool(remote.query("ASK { ?x kg:visited ?y . ?x rdfs:label 'Nadia Berg' }"))


@pytest.mark.parametrize("load", ["bulk", "staged"])
def test_batched_write_replaces_the_graph_whole(oxigraph: str, remote: RemoteStore,
                                                load: str) -> None:
    store = RemoteStore(oxigraph + f"?batch=100&load={load}")
    iri = "http://example.org/big"

    def source(n: int, blank: bool = False):
        triples = [ox.Triple(ox.NamedNode(f"http://example.org/n{i}"),
                             ox.NamedNode("http://example.org/next"),
                             ox.NamedNode(f"http://example.org/n{i + 1}")) for i in range(n)]
        if blank:
            node = ox.BlankNode("shared")
            triples += [ox.Triple(node, ox.NamedNode("http://example.org/about"),
                                  ox.NamedNode(f"http://example.org/n{i}")) for i in range(250)]
        return make_source(iri, "big", triples)

    def count(query: str) -> int:
        return int(next(iter(store.query(query)))[0].value)

    store.write(source(1000, blank=True))  # 1250 triples in batches of 100
    assert count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}") == 1250
    # the blank node stayed one node, though its triples are more than a batch
    assert count(f"SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE {{ GRAPH <{iri}> "
                 "{ ?b <http://example.org/about> ?o FILTER(isBlank(?b)) } }") == 1
    store.write(source(300))  # a smaller version replaces it whole
    assert count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}") == 300
    assert count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 1
    store.remove(iri)
    store.close()


def test_errors_are_clear(oxigraph: str, remote: RemoteStore) -> None:
    with pytest.raises(QueryError, match=r"at 1:\d+"):
        remote.query("SELECT * WHERE { ?s ?p }")
    with pytest.raises(StoreError, match="cannot connect"):
        RemoteStore(f"http://127.0.0.1:{free_port()}").query("ASK {}")
    with pytest.raises(StoreError, match="unknown remote store option"):
        RemoteStore(oxigraph + "?batchsize=10")
    with pytest.raises(StoreError, match="load='fast'; choose one of bulk, staged"):
        RemoteStore(oxigraph + "?load=fast")
    with pytest.raises(StoreError, match="HTTP 404"):
        RemoteStore(oxigraph + "?store=nowhere").write(
            make_source("http://example.org/g", "g", []))


class _Flaky(BaseHTTPRequestHandler):
    """A real HTTP endpoint that fails twice with 503, then answers ASK with true."""

    calls = 0

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers["Content-Length"]))
        type(self).calls += 1
        if type(self).calls <= 2:
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b'{"head": {}, "boolean": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_5xx_is_retried_with_back_off() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        assert bool(RemoteStore(url + "?retries=3").query("ASK {}"))
        assert _Flaky.calls == 3
        _Flaky.calls = 0
        with pytest.raises(StoreError, match="HTTP 503"):
            RemoteStore(url + "?retries=1").query("ASK {}")
    finally:
        server.shutdown()
        server.server_close()


def test_kg_serve_in_front_of_oxigraph_server(kg, oxigraph: str, remote: RemoteStore,
                                              tmp_path: Path) -> None:
    facts = tmp_path / "facts.csv"
    facts.write_text(FACTS, encoding="utf-8")
    build([facts], remote)
    query = "SELECT ?l WHERE { ?x kg:visited ?y . ?x rdfs:label ?l }"
    done = kg("serve", "--store", oxigraph, "--get", "/sparql?format=csv&query=" + quote(query))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[1:] == ["Tomas Okafor"]
    service = "ASK { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"
    refused = kg("serve", "--store", oxigraph, "--get", "/sparql?query=" + quote(service))
    assert refused.returncode == 1 and "SERVICE" in refused.stdout


def test_dump_formats(remote: RemoteStore, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(FACTS, encoding="utf-8")
    build([tmp_path / "a.csv"], remote)
    for fmt in ("nq", "trig", "ttl", "nt", "jsonld"):
        out = io.BytesIO()
        remote.dump(out, fmt)
        assert out.getvalue(), fmt
    out = io.BytesIO()
    remote.dump(out, "ttl")
    parsed = rdflib.Graph().parse(data=out.getvalue().decode(), format="turtle")
    assert len(parsed) > 20


def test_write_many_sends_new_sources_as_one_shard(oxigraph: str, remote: RemoteStore,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from test_store import _shard_sources

    from graph.store.base import Store

    held, batch = _shard_sources()

    def export() -> bytes:
        out = io.BytesIO()
        remote.dump(out, "nq")
        return out.getvalue()

    remote.write(held)
    Store.write_many(remote, batch)  # one write each
    expected = export()
    httpx.post(oxigraph + "/update", content=b"DROP ALL",
               headers={"Content-Type": "application/sparql-update"}).raise_for_status()
    remote.write(held)
    sent: list[tuple[str, str]] = []
    original = remote._send

    def spy(method: str, url: str, **kwargs):
        sent.append((method, url))
        return original(method, url, **kwargs)

    monkeypatch.setattr(remote, "_send", spy)
    remote.write_many(batch)
    assert same_graphs(export(), expected)
    shards = [url for method, url in sent if method == "POST" and url == remote.store_url]
    assert len(shards) == 1  # new1 and new2 together, in one request
    writes = [url for method, url in sent if method in ("PUT", "POST")
              and url.startswith(remote.store_url + "?")]
    assert len(writes) == 3  # held, blank and the repeated new1: one by one


@pytest.mark.parametrize("seed", range(20))
def test_batches_keep_every_line_once_and_at_most_batch_lines(seed: int) -> None:
    import random

    rnd = random.Random(seed)
    batch = rnd.randint(1, 12)
    store = RemoteStore(f"http://127.0.0.1:9?batch={batch}")
    lines = [f'<http://x/{i}> <http://x/p> "{"y" * rnd.choice([0, 3, 80, 900])}" .\n'.encode()
             for i in range(rnd.randint(0, 150))]
    blank = [i for i in range(len(lines)) if rnd.random() < 0.1]
    for i in blank:
        lines[i] = f'_:b{i % 3} <http://x/p> "z" .\n'.encode()
    data = b"".join(lines)
    chunks = list(store._batches(data))
    assert sorted(b"".join(chunks).splitlines()) == sorted(data.splitlines())
    if len(lines) <= batch:  # one request, blank nodes and all
        assert chunks == ([data] if data else [])
        return
    plain = chunks[1:] if blank else chunks
    assert all(0 < chunk.count(b"\n") <= batch for chunk in plain)
    if blank:
        assert chunks[0].count(b"\n") == len(blank) and all(b"_:" in line for line in
                                                            chunks[0].splitlines())
    store.close()
