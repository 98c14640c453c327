"""Large files of triples: bulk-loaded straight into the store, checked there, dropped on error.

``LARGE_BYTES`` is lowered so that small files take the path; one test writes a file above the
real threshold and goes through the command line.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import graph.ingest.triples as triples
from graph.build import build
from graph.errors import InputError
from graph.ingest.triples import is_large, load_large
from graph.model.iri import Minter
from graph.store import open_store
from graph.store.oxigraph import OxigraphStore

KG = "https://w3id.org/kg-builder/ns#"
ID = "http://example.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def news(n: int, *, start: int = 0) -> str:
    """N-Triples of ``n`` people who met the next one, with labels and a type each."""
    lines = []
    for i in range(start, start + n):
        person = f"<{ID}p{i}>"
        lines += [
            f"{person} <{RDF_TYPE}> <{KG}Person> .",
            f'{person} <http://www.w3.org/2000/01/rdf-schema#label> "Personne {i}"@fr .',
            f"{person} <{KG}met> <{ID}p{i + 1}> .",
        ]
    return "\n".join(lines) + "\n"


TURTLE = """@prefix kg: <https://w3id.org/kg-builder/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<a> a kg:Person ; rdfs:label "Ana" ; kg:met <b> .
<b> a kg:Person ; rdfs:label "Bo" ; kg:memberOf [ rdfs:label "un parti" ] .
"""


def spy(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[tuple]:
    """Record the arguments of each call of ``cls.name`` (which still runs)."""
    calls: list[tuple] = []
    original = getattr(cls, name)

    def recorded(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, recorded)
    return calls


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Turtle and N-Triples file counts as large."""
    monkeypatch.setattr(triples, "LARGE_BYTES", 0)


def export(store) -> bytes:
    out = io.BytesIO()
    store.dump(out, "nq", include_ontology=True)
    return out.getvalue()


def built(path: Path, url: str) -> bytes:
    with open_store(url) as store:
        build([path], store)
        return export(store)


@pytest.mark.parametrize(("name", "content"), [("news.nt", news(500)), ("people.ttl", TURTLE)])
def test_large_path_writes_what_the_usual_path_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    usual = built(path, str(tmp_path / "usual"))
    monkeypatch.setattr(triples, "LARGE_BYTES", 0)
    assert is_large(path)
    loads = spy(monkeypatch, OxigraphStore, "load_file")
    direct = built(path, str(tmp_path / "direct"))
    assert len(loads) == 1  # the bulk path was taken
    if "_:" in content or "[" in content:  # blank node labels differ between two loads
        assert len(direct.splitlines()) == len(usual.splitlines())
        assert direct.count(b"_:") == usual.count(b"_:")
    else:
        assert sorted(direct.splitlines()) == sorted(usual.splitlines())
    assert b"kg-builder/ns#contentHash" in direct


def test_summary_counts_and_rebuild_skips(tmp_path: Path, large: None) -> None:
    path = tmp_path / "news.nt"
    path.write_text(news(300), encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        first = build([path], store)
        assert (first.sources, first.facts) == (1, 900)
        assert first.triples > 900  # and the document node
        before = export(store)
        again = build([path], store)
        assert (again.sources, again.unchanged) == (0, 1)
        assert export(store) == before


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        (news(200) + '<http://example.org/x> <http://example.org/y> "open .\n', 601, "Parser"),
        (news(200) + f"<{ID}x> <{KG}mett> <{ID}y> .\n", 601, "kg:mett (did you mean kg:met?)"),
        (news(100) + f"<{ID}x> <{RDF_TYPE}> <{KG}Persn> .\n" + news(100, start=100), 301,
         "class kg:Persn"),
    ],
    ids=["syntax", "predicate", "class"],
)
def test_bad_large_file_leaves_the_store_as_it_was(
    tmp_path: Path, large: None, content: str, line: int, reason: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good, bad = tmp_path / "a-good.nt", tmp_path / "b-bad.nt"
    good.write_text(news(50, start=5000), encoding="utf-8")
    bad.write_text(content, encoding="utf-8")
    seed = tmp_path / "seed.csv"
    seed.write_text("subject,predicate,object\nAna Lima,met,Bo Sousa\n", encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        build([seed], store)
        before = export(store)
        loads = spy(monkeypatch, OxigraphStore, "load_file")
        drops = spy(monkeypatch, OxigraphStore, "remove")
        with pytest.raises(InputError) as caught:
            build([good, bad], store)  # the good one is loaded first, then dropped again
        assert [Path(args[1]).name for args in loads] == ["a-good.nt", "b-bad.nt"]
        assert len(drops) == 2
        assert caught.value.path.endswith("b-bad.nt")
        assert caught.value.line == line
        assert reason in caught.value.reason
        assert export(store) == before


def test_an_existing_graph_is_replaced_the_atomic_way(tmp_path: Path, large: None) -> None:
    path = tmp_path / "news.nt"
    path.write_text(news(100), encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        build([path], store)
        path.write_text(news(40), encoding="utf-8")
        assert load_large(store, path) is None  # held already: the caller writes it
        summary = build([path], store)
        assert summary.facts == 120
        count = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:met ?o }")))[0]
        assert int(count.value) == 40


def test_byte_order_mark_takes_the_usual_path(tmp_path: Path, large: None) -> None:
    path = tmp_path / "bom.nt"
    path.write_bytes(b"\xef\xbb\xbf" + news(3).encode())
    with open_store("memory:") as store:
        assert load_large(store, path) is None
        assert build([path], store).facts == 9


def test_above_the_real_threshold_through_the_command_line(kg, tmp_path: Path) -> None:
    path = tmp_path / "big.nt"
    with path.open("w", encoding="utf-8") as out:
        start = 0
        while out.tell() < triples.LARGE_BYTES:
            out.write(news(1000, start=start))
            start += 1000
    assert is_large(path)
    first = kg("build", str(path))
    assert first.returncode == 0, first.stderr
    assert f"{start * 3} facts" in first.stderr
    again = kg("build", str(path))
    assert "1 unchanged source skipped" in again.stderr
    met = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:met ?b }", "--format", "csv")
    assert met.stdout.split()[-1] == str(start)


def test_what_a_killed_load_left_is_dropped_before_loading(tmp_path: Path, large: None) -> None:
    path = tmp_path / "news.nt"
    path.write_text(news(100), encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        iri = Minter().source("news.nt")  # a graph without its document node
        store.update(f"INSERT DATA {{ GRAPH <{iri}> {{ <{ID}stale> <{KG}met> <{ID}left> }} }}")
        source = load_large(store, path, name="news.nt")
        assert source is not None and source.facts == 300
        assert not bool(store.query(f"ASK {{ <{ID}stale> ?p ?o }}"))
        assert [info.name for info in store.sources()] == ["news.nt"]


def test_an_interrupted_check_drops_the_graph(
    tmp_path: Path, large: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.nt"
    path.write_text(news(100), encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(triples, "_check_kg_terms", interrupted)
    with open_store(tmp_path / "store") as store:
        with pytest.raises(KeyboardInterrupt):
            load_large(store, path, name="news.nt")
        assert not bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }"))
