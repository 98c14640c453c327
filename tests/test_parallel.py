"""Parallel, Dask and incremental builds give the same facts as a plain one."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from graph.build import build
from graph.store import open_store

pytest.importorskip("graph.extract")

# Short articles written for these tests (invented people).
ARTICLES = [
    ("a1", "2024-03-04", "Le ministre belge des Finances, Marc Dubois, s'est rendu lundi à "
     "Varsovie. Marc Dubois s'est entretenu avec Anna Kowalska, la ministre polonaise des "
     "Finances."),
    ("a2", "2024-05-10", "La présidente du Sénat chilien, Carmen Rojas, a rencontré hier à "
     "Santiago le maire de Lima, Jorge Paredes. « Nous voulons travailler ensemble », a "
     "déclaré Carmen Rojas."),
    ("a3", "2024-06-01", "Le Premier ministre irlandais, Sean Murphy, est attendu à Ottawa le "
     "12 juin prochain. Ottawa, la capitale du Canada, accueillera un sommet sur le climat."),
    ("a4", "2024-07-15", "Selon la ministre italienne de la Santé, Giulia Ferri, « la "
     "coopération entre nos deux pays est exemplaire ». Giulia Ferri a rencontré son "
     "homologue grec, Nikos Papadakis, à Athènes."),
    ("a5", "2024-09-20", "Le maire de Montréal, Luc Tremblay, a effectué une visite à Lyon. "
     "Luc Tremblay s'est entretenu avec la maire de Lyon, Claire Bernard."),
    ("a6", "2024-10-02", "Le ministre marocain de l'Agriculture, Youssef Amrani, n'a pas "
     "rencontré son homologue. Il pourrait se rendre à Madrid en novembre."),
]


def write_corpus(path: Path, articles=ARTICLES) -> Path:
    path.write_text("".join(
        json.dumps({"id": i, "date": d, "lang": "fr", "title": "", "source": "test", "text": t},
                   ensure_ascii=False) + "\n" for i, d, t in articles), encoding="utf-8")
    return path


def export(store) -> list[str]:
    out = io.BytesIO()
    store.dump(out, "nq")
    return sorted(out.getvalue().decode().splitlines())


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    corpus = write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl")
    with open_store("memory:") as store:
        summary = build([corpus], store)
        assert summary.documents == len(ARTICLES) and summary.facts > 5
        return corpus, export(store)


def test_process_pool_gives_identical_facts(single) -> None:
    corpus, expected = single
    with open_store("memory:") as store:
        build([corpus], store, workers=2)
        assert export(store) == expected


def test_dask_local_cluster_gives_identical_facts(single) -> None:
    distributed = pytest.importorskip("dask.distributed")
    corpus, expected = single
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client, open_store("memory:") as store:
        build([corpus], store, dask=client)
        assert export(store) == expected


def test_incremental_build_processes_only_changed_articles(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    with open_store(tmp_path / "store") as store:
        build([corpus], store)
        changed = list(ARTICLES)
        changed[1] = ("a2", "2024-05-10", changed[1][2].replace("hier", "mardi"))
        changed[4] = ("a5", "2024-09-21", changed[4][2] + " Il repartira demain.")
        changed.append(("a7", "2024-11-11", "La ministre suédoise, Eva Lind, s'est rendue à "
                        "Oslo."))
        write_corpus(corpus, changed)
        summary = build([corpus], store)
        assert summary.documents == 3
        assert summary.unchanged == len(ARTICLES) - 2
        forced = build([corpus], store, force=True)
        assert forced.documents == len(changed) and forced.unchanged == 0
        names = {info.name for info in store.sources()}
        assert {"a1", "a7"} <= names


def test_kg_remove_drops_an_article(kg, tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus.jsonl", ARTICLES[:2])
    kg("build", "corpus.jsonl", check=True)
    assert "a1" in kg("stats").stdout
    kg("remove", "a1", check=True)
    stats = kg("stats").stdout
    assert "a1" not in stats.split("sources:")[1] and "a2" in stats


def test_pool_on_the_corpus_in_reverse_order_gives_identical_facts(single) -> None:
    corpus, expected = single
    reverse = corpus.with_name("reverse.jsonl")
    write_corpus(reverse, ARTICLES[::-1])
    with open_store("memory:") as store:
        build([reverse], store, workers=2)
        assert export(store) == expected


@pytest.mark.heavy
def test_wikinews_rebuild_with_five_changes_extracts_only_those(
    shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """93 real articles; then 3 edited and 2 added: 5 extracted, and the same store as anew."""
    import graph.parallel

    lines = (shared_data / "corpus" / "wikinews-fr-2012" / "docs.jsonl").read_text(
        encoding="utf-8").splitlines()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = [json.loads(line) for line in lines]
    with open_store(tmp_path / "store") as store:
        first = build([corpus], store)
        assert first.documents == len(docs)
        for i in (3, 40, 77):  # edited: a sentence more
            docs[i]["text"] += "\n\nLe ministre a rencontré la presse mardi."
        for i in (10, 20):  # added: two more articles under new ids
            docs.append(dict(docs[i], id=docs[i]["id"] + "-bis"))
        corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                          encoding="utf-8")
        extracted: list[str] = []
        original = graph.parallel.extract_chunk

        def counted(chunk, *args):
            extracted.extend(doc.id for doc, _ in chunk)
            return original(chunk, *args)

        monkeypatch.setattr(graph.parallel, "extract_chunk", counted)
        again = build([corpus], store)
        assert sorted(extracted) == sorted(docs[i]["id"] for i in (3, 40, 77, 93, 94))
        assert (again.documents, again.unchanged) == (5, len(lines) - 3)
        incremental = export(store)
    with open_store(tmp_path / "anew") as anew:
        build([corpus], anew)
        assert export(anew) == incremental
