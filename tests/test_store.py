"""Stores: one graph per source, atomic replacement, idempotent builds, persistence."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from graph.build import build
from graph.errors import InputError, StoreBusy, StoreError
from graph.store import open_store, registered

FACTS = "subject,predicate,object,date\nJeanne Martin,met,Omar Haddad,2024-11-05\n" \
        "Omar Haddad,visited,Tunis,2024-11\n"


def export(store, fmt: str = "nq") -> bytes:
    out = io.BytesIO()
    store.dump(out, fmt)
    return out.getvalue()


def as_graph(data: bytes) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def count(store) -> int:
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))
               [0].value)


def test_building_twice_changes_nothing(store, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(FACTS)
    build([path], store)
    first_count, first = count(store), export(store, "nt")
    build([path], store)
    assert count(store) == first_count
    assert isomorphic(as_graph(first), as_graph(export(store, "nt")))


def test_each_source_is_its_own_graph_and_is_replaced(store, tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(FACTS)
    b.write_text("subject,predicate,object\nAmina Diallo,met,Omar Haddad\n")
    build([a, b], store)
    names = {info.name for info in store.sources()}
    assert {n.rsplit("/", 1)[-1] for n in names} == {"a.csv", "b.csv"}
    a.write_text("subject,predicate,object\nJeanne Martin,met,Omar Haddad\n")
    build([a], store)
    assert not bool(store.query("ASK { ?x kg:visited ?y }"))  # the removed row is gone
    assert bool(store.query("ASK { ?x kg:met ?y . ?x rdfs:label 'Amina Diallo' }"))  # b kept
    assert bool(store.query("ASK { ?x kg:met ?y . ?x rdfs:label 'Jeanne Martin' }"))


def test_a_file_whose_last_line_is_wrong_leaves_the_store_exactly_as_it_was(
    store, tmp_path: Path
) -> None:
    good = tmp_path / "f.csv"
    good.write_text(FACTS)
    build([good], store)
    before = export(store)
    good.write_text(FACTS + "Amina Diallo,met,Jeanne Martin,2024-02-31\n")
    with pytest.raises(InputError) as caught:
        build([good], store)
    assert caught.value.line == 4
    assert export(store) == before


def test_remove_drops_a_source(store, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(FACTS)
    build([path], store)
    (info,) = store.sources()
    assert store.remove(info.iri) is True
    assert store.sources() == []
    assert store.remove(info.iri) is False


def test_disk_store_persists_and_is_exclusive(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(FACTS)
    location = tmp_path / "kg-store"
    with open_store(location) as store:
        build([path], store)
        with pytest.raises(StoreBusy, match="in use by another process"):
            open_store(location)
    with open_store(location, read_only=True) as again:
        assert bool(again.query("ASK { ?x kg:met ?y }"))


def test_writers_create_missing_parent_folders(tmp_path: Path) -> None:
    with open_store(tmp_path / "a" / "b" / "store") as store:
        assert store.sources() == []
    assert (tmp_path / "a" / "b" / "store" / "CURRENT").exists()


def test_readers_do_not_create_stores(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing", read_only=True)
    assert not (tmp_path / "missing").exists()


def test_unknown_backend_lists_the_known_ones() -> None:
    assert "memory:" in registered() and "" in registered()


def _shard_sources():
    """Sources that exercise every branch of ``write_many``: new, held, repeated, blank nodes."""
    import pyoxigraph as ox

    from graph.model.rdf import make_source

    def triple(s: str, o: object) -> ox.Triple:
        obj = o if isinstance(o, ox.BlankNode) else ox.Literal(str(o))
        return ox.Triple(ox.NamedNode(f"http://example.org/{s}"),
                         ox.NamedNode("http://example.org/p"), obj)

    def source(name: str, *triples: ox.Triple):
        return make_source(f"http://example.org/g/{name}", name, triples, facts=len(triples))

    held = source("held", triple("a", "old"))
    batch = [
        source("new1", triple("a", 1), triple("b", "deux .\nlignes")),
        source("held", triple("a", "new")),
        source("new2", triple("c", 3)),
        source("blank", triple("d", ox.BlankNode("x")), triple("e", ox.BlankNode("x"))),
        source("new1", triple("a", "replaced")),  # later wins, as with one write each
        source("empty"),
    ]
    return held, batch


def test_write_many_equals_one_write_each(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph.store.base import Store

    held, batch = _shard_sources()
    with open_store(tmp_path / "one-by-one") as reference:
        reference.write(held)
        Store.write_many(reference, batch)  # the default: one write each
        expected = export(reference)
    import graph.store.base as store_base  # where the shard is made

    sharded: list[bytes] = []

    def recorded(source):
        quads = shard_as_nquads(source)
        if quads:
            sharded.append(quads)
        return quads

    shard_as_nquads = store_base.as_nquads
    monkeypatch.setattr(store_base, "as_nquads", recorded)
    store.write(held)
    store.write_many(batch)
    assert len(sharded) == 2 and all(b"/g/new" in quads for quads in sharded)  # new1, new2
    got = export(store)
    blank = [line for line in got.splitlines() if b"_:" in line]
    assert len(blank) == 2 and len({line.split()[2] for line in blank}) == 1  # still one node
    assert sorted(line for line in got.splitlines() if b"_:" not in line) == \
        sorted(line for line in expected.splitlines() if b"_:" not in line)
    assert b'"replaced"' in got and b'"old"' not in got and b"/g/empty" not in got


def test_a_corpus_build_writes_shards_like_single_writes(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("graph.extract")
    import importlib

    from graph.store.base import Store

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "n1", "date": "2024-02-01", "text": "Le ministre tchèque, Jan Novak, a '
        'rencontré lundi à Prague la ministre slovaque, Eva Horvath."}\n'
        '{"id": "n2", "date": "2024-02-03", "text": "Eva Horvath s\'est rendue à Vienne."}\n',
        encoding="utf-8")

    def counting(target, shards: list[int]) -> None:
        original = target.write_many

        def counted(sources):
            shards.append(len(sources))
            return original(sources)

        monkeypatch.setattr(target, "write_many", counted)

    monkeypatch.setattr(importlib.import_module("graph.build"), "SHARD_SECONDS", 600.0)
    shards: list[int] = []
    counting(store, shards)
    build([corpus], store)
    assert shards == [2]  # both articles in one shard
    with open_store(tmp_path / "single") as single:
        monkeypatch.setattr(single, "write_many", lambda sources: Store.write_many(single, sources))
        build([corpus], single)
        assert sorted(export(single).splitlines()) == sorted(export(store).splitlines())
    monkeypatch.setattr(importlib.import_module("graph.build"), "SHARD_TRIPLES", 1)
    monkeypatch.setattr(importlib.import_module("graph.parallel"), "CHUNK_DOCUMENTS", 1)
    with open_store("memory:") as each:
        one_each: list[int] = []
        counting(each, one_each)
        build([corpus], each)
        assert sorted(export(each).splitlines()) == sorted(export(store).splitlines())
        assert one_each == [1, 1]  # a shard a source


def test_unchanged_files_are_skipped_until_forced_or_the_pipeline_changes(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.model.rdf

    monkeypatch.chdir(tmp_path)  # sources are named relative to the working directory
    facts = tmp_path / "facts.csv"
    facts.write_text(FACTS, encoding="utf-8")
    turtle = tmp_path / "more.ttl"
    turtle.write_text("@prefix kg: <https://w3id.org/kg-builder/ns#> .\n"
                      "<rel/a> kg:met <rel/b> .\n", encoding="utf-8")
    first = build([facts, turtle], store)
    assert (first.sources, first.unchanged) == (2, 0)
    before = export(store)
    again = build([facts, turtle], store)
    assert (again.sources, again.unchanged) == (0, 2)
    forced = build([facts, turtle], store, force=True)
    assert (forced.sources, forced.unchanged) == (2, 0)
    assert export(store) == before
    facts.write_text(FACTS + "Omar Haddad,met,Leila Saidi,2024-11-06\n", encoding="utf-8")
    edited = build([facts, turtle], store)
    assert (edited.sources, edited.unchanged) == (1, 1)
    monkeypatch.setattr(graph.model.rdf, "_fingerprint", lambda: "another version")
    upgraded = build([facts, turtle], store)  # new rules or lexicons: everything again
    assert (upgraded.sources, upgraded.unchanged) == (2, 0)
    moved = tmp_path / "moved"
    moved.mkdir()
    turtle.rename(moved / "more.ttl")  # its relative IRIs now resolve elsewhere...
    monkeypatch.chdir(moved)
    relocated = build([moved / "more.ttl"], store)  # ...so it is read again, not skipped
    assert (relocated.sources, relocated.unchanged) == (1, 0)
    assert [info.name for info in store.sources()] == ["facts.csv", "more.ttl"]  # same graph
    assert bool(store.query(f"ASK {{ <{(moved / 'rel/a').as_uri()}> kg:met ?b }}"))
