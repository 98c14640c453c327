"""The extraction pipeline as ``kg build`` uses it: streaming, sources, languages, errors."""

from __future__ import annotations

import json
import warnings

import pytest

from graph.build import build
from graph.errors import InputError, KGError
from graph.extract import extract_sources, prepare
from graph.extract.nlp import model_name
from graph.extract.resources import load_resources
from graph.model.iri import Minter
from graph.model.records import Document
from graph.store import open_store

ARTICLE = ("title: Visite à Dakar\ndate: 2025-03-10\n\n"
           "Hélène Dubois s'est rendue hier à Dakar, la capitale du Sénégal. "
           "« Nous allons travailler ensemble sur la pêche », a déclaré Hélène Dubois.\n")


def test_a_text_article_becomes_one_source_with_its_facts(tmp_path):
    path = tmp_path / "dakar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [source] = extract_sources([path], minter=Minter("http://t/"))
    assert source.iri == "http://t/source/dakar"
    assert source.facts >= 3 and source.triples > source.facts
    data = source.data.decode("utf-8")
    assert "capitalOf" in data and "2025-03-09" in data and "Visite à Dakar" in data


def test_soft_hyphens_do_not_shift_evidence(tmp_path):
    text = "Hé\u00adlène Du\u00adbois s\u2019est rendue à Da\u00adkar lundi."
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "date": "2025-03-12", "text": text}) + "\n",
                    encoding="utf-8")
    store = open_store("memory:")
    build([path], store)
    found = {(int(r[0].value), int(r[1].value), r[2].value) for r in store.query(
        "SELECT ?s ?e ?sent WHERE { ?x kg:start ?s ; kg:end ?e ; kg:sentence ?sent }")}
    assert found and all(text[s:e] == sentence for s, e, sentence in found)


def test_corpus_is_streamed_in_batches(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": f"Paul Girard{i} a rencontré Anne Roy{i}."})
             for i in range(5)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = extract_sources([path], batch_size=2)
    first = next(sources)
    assert first.name == "d0"
    assert [s.name for s in sources] == ["d1", "d2", "d3", "d4"]


def test_bad_corpus_is_rejected_with_its_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "ok"}\n{oops\n', encoding="utf-8")
    store = open_store("memory:")
    with pytest.raises(InputError, match=r"c\.jsonl:2"):
        build([path], store)


def test_title_is_parsed_but_never_evidence():
    prepared = prepare(Document("d", "Texte.", title="Un titre"))
    assert prepared.text.startswith("Un titre\n\n") and prepared.title_end == 10


def test_language_resources_are_data_per_language():
    fr, en = load_resources("fr"), load_resources("en")
    assert fr.demonym("marocaines") == "Maroc" and fr.demonym("française") == "France"
    assert en.demonym("Moroccan") == "Morocco"
    assert "ministre" in fr.titles and "minister" in en.titles
    with pytest.raises(KGError, match="available"):
        load_resources("xx")


def test_english_article_uses_the_english_model_when_installed(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("lang: en\n\nJohn Smith met Mary Jones in London.\n", encoding="utf-8")
    if model_name("en") is None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            [source] = extract_sources([path])
        assert source.facts == 0
        assert any("no spaCy model" in str(w.message) for w in caught) or source.triples > 0
    else:
        [source] = extract_sources([path])
        assert source.triples > 0


def test_unknown_model_is_a_clear_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Un texte.", encoding="utf-8")
    with pytest.raises(KGError, match="not installed"):
        list(extract_sources([path], model="no_such_model_xyz"))
