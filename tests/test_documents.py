"""Reading articles and corpora: headers, Wikinews dates, JSONL errors, normalisation."""

from __future__ import annotations

import json

import pytest

from graph.errors import InputError
from graph.ingest import read_documents
from graph.ingest.documents import normalize, parse_text, wikinews_date


def test_inline_header_like_the_seed():
    doc = parse_text(" date 2025-04 Le ministre est arrivé à Rabat.", default_id="a")
    assert (doc.id, doc.date, doc.lang) == ("a", "2025-04", "fr")
    assert doc.text == "Le ministre est arrivé à Rabat."
    assert doc.offset == len(" date 2025-04 ")


def test_header_on_own_lines():
    text = "title: Visite à Tunis\ndate: 2024-11-03\nlang: fr\nid: art-7\nsource: http://x/7\n\nCorps."
    doc = parse_text(text)
    assert (doc.id, doc.title, doc.date, doc.source) == ("art-7", "Visite à Tunis", "2024-11-03",
                                                         "http://x/7")
    assert doc.text == "Corps."
    assert text[doc.offset:] == doc.text


def test_markdown_front_matter():
    doc = parse_text("---\ntitle: Un titre\ndate: 2023\n---\n# Titre\n\nTexte.")
    assert (doc.title, doc.date) == ("Un titre", "2023")
    assert doc.text.startswith("# Titre")


def test_a_text_starting_with_a_header_word_is_not_a_header():
    doc = parse_text("Date limite dépassée pour les candidats.")
    assert doc.date is None and doc.text.startswith("Date limite")


@pytest.mark.parametrize("text", ["date: 2024-02-30\nTexte.", "date: hier\nTexte.",
                                  "lang: français!\nTexte."])
def test_bad_header_values_are_errors_with_line(text):
    with pytest.raises(InputError, match=r"a\.txt:1:"):
        parse_text(text, name="a.txt")


@pytest.mark.parametrize(("opening", "date"), [
    ("2 juillet 2012. - Le conseil a voté.", "2012-07-02"),
    ("1er mai 2010. – Défilé.", "2010-05-01"),
    ("Le 2 juillet 2012. - Rien.", None),
    ("31 février 2012. - Impossible.", None),
])
def test_wikinews_leading_date(opening, date):
    assert wikinews_date(opening) == date


def test_header_date_wins_over_the_wikinews_date():
    assert parse_text("date: 2012-07-03\n2 juillet 2012. - Texte.").date == "2012-07-03"


def test_normalisation_keeps_offsets_into_the_original():
    original = "Le pre\u00admier mi\u00adnistre l\u2019a dit\u00a0: \u201cnon\u201d."
    norm = normalize(original)
    assert norm.text == "Le premier ministre l'a dit : \"non\"."
    for word in ("ministre", "dit", "non"):
        start = norm.text.index(word)
        end = start + len(word)
        back = original[norm.original(start):norm.original(end - 1) + 1]
        assert back.replace("\u00ad", "") == word


def test_text_file_and_jsonl_corpus(tmp_path):
    (tmp_path / "seed.txt").write_text(" date 2025-04 Un texte.", encoding="utf-8")
    [doc] = read_documents(tmp_path / "seed.txt")
    assert doc.id == "seed" and doc.source.endswith("seed.txt")
    lines = [{"id": "a", "title": "T", "date": "2012-05-22", "lang": "fr", "source": "s",
              "text": "Texte a."},
             {"id": "b", "text": "3 mars 2012. - Texte b."}]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    docs = list(read_documents(corpus))
    assert [(d.id, d.date, d.lang) for d in docs] == [("a", "2012-05-22", "fr"),
                                                      ("b", "2012-03-03", "fr")]


@pytest.mark.parametrize(("line", "reason"), [
    ('{"id": "x", "text": ', "not valid JSON"),
    ('["a list"]', "JSON object"),
    ('{"id": "x"}', "'text'"),
    ('{"id": "x", "text": "t", "date": "2012-13-01"}', "bad header date"),
    ('{"id": "a", "text": "again"}', "duplicate id"),
])
def test_malformed_jsonl_line_rejects_the_file_before_any_document(tmp_path, line, reason):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "ok"}\n' + line + "\n", encoding="utf-8")
    documents = read_documents(corpus)
    with pytest.raises(InputError, match=rf"c\.jsonl:2(:\d+)?: .*{reason}"):
        next(documents)


def test_not_utf8_is_an_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"ligne un\nlatin \xe9t\xe9\n")
    with pytest.raises(InputError, match=r"bad\.txt:2: not UTF-8"):
        list(read_documents(path))
