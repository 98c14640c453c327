"""Faults and hostile input never lose or corrupt the store.

- SIGKILL during ``kg build``: the store opens, holds only whole sources, and a re-run ends
  with exactly the triples of an uninterrupted build.
- Readers during a build see each source whole (old or new version).
- Two builds at once: the second fails with a clear message; nothing is corrupted.
- Broken and hostile files: a clear located error, exit 1, no traceback, store unchanged.
"""

from __future__ import annotations

import csv
import io
import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import build
from graph.ingest.triples import read_triples
from graph.store import open_store

HEAVY = "--heavy" in sys.argv or os.environ.get("CI", "").lower() == "true"


def make_corpus(folder: Path, files: int, rows: int, year: int = 2021) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        lines = ["subject,predicate,object,date"]
        lines += [f"Personne {i} {j},met,Personne {i} {j + 1},{year}-01-{1 + j % 28:02d}"
                  for j in range(rows)]
        (folder / f"part-{i:03d}.csv").write_text("\n".join(lines) + "\n")
    return folder


def graphs(store) -> dict[str, set[tuple[str, str, str]]]:
    """Triples of each source graph (the ontology graph left out)."""
    found: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    rows = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                       "FILTER(?g != <https://w3id.org/kg-builder/ns>) }")
    for g, s, p, o in rows:
        found[g.value].add((str(s), str(p), str(o)))
    return dict(found)


def kg_process(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "graph", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = make_corpus(tmp_path_factory.mktemp("corpus") / "facts", files=40, rows=150)
    with open_store("memory:") as reference:
        build([folder], reference)
        expected = graphs(reference)
    return folder, expected


@pytest.mark.parametrize("trial", range(30 if HEAVY else 6))
def test_sigkill_during_build(corpus, tmp_path: Path, trial: int) -> None:
    folder, expected = corpus
    location = tmp_path / "store"
    process = kg_process("build", str(folder), "--store", str(location), "-q", cwd=tmp_path)
    time.sleep(random.Random(trial).uniform(0.3, 3.0))
    process.send_signal(signal.SIGKILL)
    process.wait()
    if (location / "CURRENT").exists():
        with open_store(location) as store:
            for graph, triples in graphs(store).items():
                assert triples == expected[graph], f"partial source {graph}"
    with open_store(location) as store:
        build([folder], store)
        assert graphs(store) == expected


@pytest.mark.parametrize("trial", range(5))
def test_a_reader_opening_a_store_being_created_waits_for_it(tmp_path: Path, trial: int) -> None:
    location = tmp_path / "store"
    writer = subprocess.Popen([sys.executable, "-c", "import pyoxigraph as ox, time; "
                               f"store = ox.Store({str(location)!r}); time.sleep(1)"])
    try:
        while not (location / "CURRENT").exists():  # created, its column families not yet
            time.sleep(0.0005)
        with open_store(location, read_only=True) as reader:
            assert reader.sources() == []
    finally:
        writer.wait()


@pytest.fixture(scope="module")
def articles(shared_data: Path) -> tuple[Path, dict]:
    """The 93 Wikinews articles and the graphs an uninterrupted build gives them."""
    pytest.importorskip("graph.extract")
    corpus = shared_data / "corpus" / "wikinews-fr-2012" / "docs.jsonl"
    with open_store("memory:") as reference:
        build([corpus], reference)
        return corpus, graphs(reference)


@pytest.mark.heavy
@pytest.mark.parametrize("trial", range(3))
def test_sigkill_during_a_corpus_build_leaves_whole_shards(
    articles, tmp_path: Path, trial: int
) -> None:
    corpus, expected = articles
    location = tmp_path / "store"
    process = kg_process("build", str(corpus), "--store", str(location), "-q", cwd=tmp_path)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:  # until a shard is in
        if (location / "CURRENT").exists():
            with open_store(location, read_only=True) as reader:
                if reader.sources():
                    break
        time.sleep(0.2)
    time.sleep(random.Random(trial).uniform(0.0, 1.5))
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the build ended before it was killed"
    with open_store(location) as store:
        present = graphs(store)
        sources = [g for g in present if "/source/" in g]
        assert 0 < len(sources) < len([g for g in expected if "/source/" in g])
        for graph, triples in present.items():
            assert triples == expected[graph], f"partial source {graph}"
        again = build([corpus], store)
        assert again.unchanged == len(sources)
        assert graphs(store) == expected


def test_readers_during_a_build_see_whole_sources(tmp_path: Path) -> None:
    old = make_corpus(tmp_path / "facts", files=60, rows=200, year=2020)
    location = tmp_path / "store"
    with open_store(location) as store:
        build([old], store)
    make_corpus(old, files=60, rows=200, year=2021)  # same files, new content
    writer = kg_process("build", str(old), "--store", str(location), "-q", cwd=tmp_path)
    checks = 0
    query = ("SELECT ?g (COUNT(*) AS ?n) (MIN(STR(?d)) AS ?lo) (MAX(STR(?d)) AS ?hi) "
             "WHERE { GRAPH ?g { ?e kg:date ?d } } GROUP BY ?g")
    while writer.poll() is None and checks < 50:
        with open_store(location, read_only=True) as reader:
            for _, n, lo, hi in reader.query(query):
                assert n.value == "200"
                assert lo.value[:4] == hi.value[:4], "a source mixes old and new facts"
            checks += 1
    writer.wait(timeout=300)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert checks > 0


def test_a_second_build_fails_clearly_and_corrupts_nothing(corpus, tmp_path: Path) -> None:
    folder, expected = corpus
    location = tmp_path / "store"
    with open_store(location) as first:  # a build in progress holds the store like this
        build([folder], first)
        second = subprocess.run([sys.executable, "-m", "graph", "build", str(folder), "--store",
                                 str(location)], capture_output=True, text=True, cwd=tmp_path)
        assert second.returncode == 1
        assert "in use by another process" in second.stderr
        assert "Traceback" not in second.stderr
    with open_store(location) as store:
        assert graphs(store) == expected
    again = subprocess.run([sys.executable, "-m", "graph", "build", str(folder), "--store",
                            str(location), "-q"], capture_output=True, text=True, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    with open_store(location) as store:
        assert graphs(store) == expected


# --- broken and hostile files ------------------------------------------------------------

def _nested_jsonld(depth: int) -> bytes:
    return ('{"@id": "http://x/a", "http://x/p": ' * depth + '"v"' + "}" * depth).encode()


HOSTILE = [
    pytest.param("empty.csv", b"", "empty.csv:1: empty file", id="empty-csv"),
    pytest.param("blank.csv", b"\n\n  \n", "blank.csv:1: empty file", id="blank-csv"),
    pytest.param("binary.csv", bytes(range(256)) * 64, "binary.csv:1: NUL byte", id="binary"),
    pytest.param("latin1.csv", "subject,predicate,object\nJosé,met,Zoé\n".encode("latin-1"),
                 "latin1.csv:2: not valid UTF-8", id="invalid-utf8"),
    pytest.param("long.csv", b"subject,predicate,object\nA,met," + b"B" * 1_048_576 + b"\n",
                 "long.csv:2: malformed CSV: field larger than field limit", id="1mb-line"),
    pytest.param("deep.jsonld", _nested_jsonld(100_000), "deep.jsonld:1:", id="deep-jsonld"),
    pytest.param("nul.csv", b"subject,predicate,object\nA,met,B\nC,met,\x00D\n", "nul.csv:3: NUL",
                 id="csv-nul"),
    pytest.param("semi.csv", b"subject;predicate;object\nA;met;B\n",
                 "semi.csv:1: the header must name subject, predicate and object", id="delimiter"),
    pytest.param("bad.ttl", b"@prefix : <http://x/> .\n:a :b :c ;\n", "bad.ttl:", id="turtle"),
    pytest.param("remote.jsonld",
                 b'{"@context": "http://127.0.0.1:9/c.jsonld", "@id": "http://x/a"}',
                 "remote.jsonld:1: remote JSON-LD contexts are not fetched", id="remote-context"),
    pytest.param("empty.txt", b"", "empty.txt:1: empty article", id="empty-article"),
    pytest.param("header.txt", b"date 2024-01-02\ntitle Rien\n", "header.txt:1: empty article",
                 id="header-only-article"),
    pytest.param("binary.txt", bytes(range(256)) * 64, "binary.txt:1: NUL byte",
                 id="binary-article"),
    pytest.param("latin1.txt", "Le ministre a parlé.".encode("latin-1"),
                 "latin1.txt:1: not UTF-8 text (byte 0xe9 at offset 18)", id="latin1-article"),
    pytest.param("huge.txt", b"date 2024-01-02\n" + b"Du texte sans fin. " * 2_700_000,
                 "huge.txt:1: article too long: 51,300,016 characters", id="50mb-article"),
    pytest.param("huge.jsonl", b'{"id": "a", "text": "' + b"x" * 1_000_001 + b'"}\n',
                 "huge.jsonl:1: article too long", id="long-jsonl-article"),
    pytest.param("garbage.ttl", os.urandom(4096).replace(b"\x00", b"\x01"), "garbage.ttl:",
                 id="binary-turtle"),
]


@pytest.fixture
def built_store(kg, tmp_path: Path) -> Path:
    (tmp_path / "ok.csv").write_text("subject,predicate,object\nAmina Diallo,met,Omar Haddad\n")
    kg("build", "ok.csv", check=True)
    return tmp_path


@pytest.mark.parametrize(("name", "content", "message"), HOSTILE)
def test_hostile_files(kg, built_store: Path, name: str, content: bytes, message: str) -> None:
    before = kg("export", "-f", "nq").stdout
    (built_store / name).write_bytes(content)
    done = kg("build", name)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert kg("export", "-f", "nq").stdout == before


def test_folder_with_unreadable_file_and_symlinks(kg, built_store: Path) -> None:
    before = kg("export", "-f", "nq").stdout
    folder = built_store / "inputs"
    folder.mkdir()
    (folder / "good.csv").write_text("subject,predicate,object\nA,met,B\n")
    (folder / "gone.csv").symlink_to(built_store / "does-not-exist.csv")
    (folder / "loop").symlink_to(folder)  # a link back to the folder: not followed
    done = kg("build", "inputs")
    assert done.returncode == 1
    assert "gone.csv: cannot read" in done.stderr and "Traceback" not in done.stderr
    assert kg("export", "-f", "nq").stdout == before
    (folder / "gone.csv").unlink()
    assert kg("build", "inputs").returncode == 0  # the loop is not followed


def test_symlink_loop_named_directly(kg, built_store: Path) -> None:
    (built_store / "self.csv").symlink_to(built_store / "self.csv")
    done = kg("build", "self.csv")
    assert done.returncode == 1
    assert "self.csv: broken or looping symbolic link" in done.stderr


@pytest.mark.heavy
def test_a_million_blank_nodes(tmp_path: Path) -> None:
    path = tmp_path / "blank.ttl"
    with path.open("w") as out:
        out.write("@prefix kg: <https://w3id.org/kg-builder/ns#> .\n")
        for i in range(1_000_000):
            out.write(f"_:b{i} kg:date \"2020\" .\n")
    with open_store(tmp_path / "store") as store:
        build([path], store)
        (n,) = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:date ?d }")))
        assert int(n.value) == 1_000_000


# --- property-based ------------------------------------------------------------------------

LABEL = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40
).map(str.strip).filter(lambda s: s and not s.startswith("#"))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(LABEL, LABEL), min_size=1, max_size=8))
def test_csv_round_trip(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["subject", "predicate", "object", "note"])
    for subject, obj in rows:
        writer.writerow([subject, "met", obj, f"{subject} / {obj}"])
    path = tmp_path / "round.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with open_store("memory:") as store:
        store.write(read_triples(path, name="round.csv"))
        found = {(a.value, b.value) for a, b in store.query(
            "SELECT ?a ?b WHERE { ?e rdf:subject ?x ; rdf:object ?y ; rdfs:comment ?n . "
            "?x rdfs:label|skos:altLabel ?a . ?y rdfs:label|skos:altLabel ?b "
            "FILTER(?n = CONCAT(?a, ' / ', ?b)) }")}
        assert set(rows) <= found


ANCHOR = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()),
                   st.dates().map(lambda d: d.isoformat()[:7]), st.text(max_size=12))
FRENCH_BITS = st.sampled_from(["hier", "demain", "lundi", "le 14 avril", "fin 2024", "prochain",
                               "décembre 2006", "le mois dernier", "31 février", "ce", "1er"])


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=80), st.lists(FRENCH_BITS, max_size=6).map(" ".join)),
       anchor=ANCHOR, lang=st.sampled_from(["fr", "en"]))
def test_date_resolution_never_crashes(text: str, anchor: str | None, lang: str) -> None:
    from graph.dates import anchor_date, find_dates, resolve_date
    from graph.model.rdf import date_literal

    value = resolve_date(text, anchor, lang=lang)
    if value is not None:
        date_literal(value)  # whatever it returns is a real ISO date of some precision
    for mention in find_dates(text, anchor):
        assert mention is not None
    anchor_date(anchor, text)
