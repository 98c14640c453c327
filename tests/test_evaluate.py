"""Evaluation against gold files: matching rules, scores, the command line, the seed's bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import missing

from graph import build, open_store
from graph.errors import InputError
from graph.evaluate import evaluate, generate_report, parse_gold, read_gold
from graph.evaluate.match import in_order, name_words, names_match, quote_found

HEADER = "subject,predicate,object,subject_type,object_type,date\n"

# Invented facts about invented people, written for these tests.
CULTURE = HEADER + "\n".join([
    "Élodie Marchand,holdsPosition,ministre française de la Culture,,,",
    "ministre française de la Culture,country,Belgique,Position,Country,",
    "Élodie Marchand,met,Tomas Varga,,,2024-03-02",
    "Élodie Marchand,visited,L’Opéra royal de Wallonie,,Place,",
    "Élodie Marchand,said,\"Nous avons enfin signé l’accord des musées, a-t-elle dit\",,,",
    "Tomas Varga,memberOf,Union des libraires,,,",
    "Tomas Varga,holdsPosition,trésorier de l'Union des libraires,,,",
    "trésorier de l'Union des libraires,organization,Union des libraires,Position,Organization,",
    "Liège,capitalOf,province de Liège,City,Region,",
]) + "\n"

CULTURE_GOLD = {
    "doc": "culture.csv",
    "facts": [
        {"rel": "holdsPosition", "s": ["elodie marchand"], "o": ["ministre de la Culture"],
         "country": ["Belgique"]},
        {"rel": "met", "s": ["Tomas Varga"], "o": ["Elodie Marchand"], "date": "2024-03-02"},
        {"rel": "visited", "s": ["Élodie Marchand"], "o": ["opera royal de Wallonie"]},
        {"rel": "said", "s": ["Marchand", "Élodie Marchand"],
         "quote": "nous avons enfin signé l'accord des musées"},
        {"rel": "affiliation", "s": ["Tomas Varga"], "o": ["Union des libraires"]},
        {"rel": "holdsPosition", "s": ["Tomas Varga"], "o": ["trésorier"],
         "org": ["Union des libraires"]},
    ],
    "optional": [
        {"rel": "capitalOf", "s": ["Liège"], "o": ["province de Liège"]},
    ],
}


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _gold(folder: Path, name: str, data: dict) -> Path:
    return _write(folder, name, json.dumps(data, ensure_ascii=False, indent=1))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in tmp_path, so that a CSV source's document id is its file name."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _scores(report, relation: str) -> tuple:
    score = report.scores[relation]
    return score.gold, score.found, score.predicted, score.correct


# --- matching rules ------------------------------------------------------------------------

@pytest.mark.parametrize(("stored", "gold", "loose", "expected"), [
    pytest.param("Élodie Marchand", "ELODIE MARCHAND", False, True, id="accents-case"),
    pytest.param("L’Opéra royal", "opera royal", False, True, id="article-apostrophe"),
    pytest.param("les Pays-Bas", "Pays Bas", False, True, id="article-hyphen"),
    pytest.param("Marchand", "Élodie Marchand", False, False, id="surname-is-not-the-name"),
    pytest.param("secrétaire générale du Parti vert", "secrétaire générale de le Parti vert",
                 False, True, id="contraction"),
    pytest.param("ministre belge de la Culture", "ministre de la Culture", True, True,
                 id="position-words-in-order"),
    pytest.param("ministre de la Culture", "ministre belge de la Culture", True, True,
                 id="position-either-way"),
    pytest.param("Culture ministre", "ministre de la Culture", True, False,
                 id="position-wrong-order"),
    pytest.param("ministre belge de la Culture", "ministre de la Culture", False, False,
                 id="people-are-not-loose"),
])
def test_names_match(stored: str, gold: str, loose: bool, expected: bool) -> None:
    assert names_match([stored], [gold], loose=loose) is expected


def test_name_words_drop_articles_only() -> None:
    assert name_words("La Voix de l'Est") == ("voix", "de", "est")
    assert in_order(("a", "c"), ("a", "b", "c")) and not in_order((), ("a",))


@pytest.mark.parametrize(("gold", "stored", "expected"), [
    ("nous avons enfin signé", "« Nous avons  enfin signé l’accord »", True),
    ("l'accord des musées", "Nous avons signé l’accord des\u00admusées hier", False),
    ("l'accord des musées", "Nous avons signé l’accord des musées hier", True),
    ("signé l'accord des musées hier soir", "signé l’accord des musées", False),
    ("vons", "nous avons", False),
])
def test_quote_found(gold: str, stored: str, expected: bool) -> None:
    assert quote_found(gold, stored) is expected


# --- scores --------------------------------------------------------------------------------

def test_all_found_and_all_correct(here: Path, store) -> None:
    build([_write(here, "culture.csv", CULTURE)], store)
    report = evaluate(store, [_gold(here, "culture.json", CULTURE_GOLD)])
    assert report.missed == [], [m.reason for m in report.missed]
    assert report.unmatched == []
    assert report.total.recall == 1.0 and report.total.precision == 1.0
    # met is stored both ways but counts once; the optional capitalOf is correct, not required
    assert _scores(report, "met") == (1, 1, 1, 1)
    assert _scores(report, "capitalOf") == (0, 0, 1, 1)
    assert report.scores["capitalOf"].recall is None


def test_wrong_fact_lowers_precision_not_recall(here: Path) -> None:
    gold = _gold(here, "culture.json", CULTURE_GOLD)
    with open_store("memory:") as clean, open_store("memory:") as noisy:
        build([_write(here, "culture.csv", CULTURE)], clean)
        before = evaluate(clean, [gold])
        build([_write(here, "culture.csv", CULTURE + "Tomas Varga,visited,Namur,,,\n")], noisy)
        after = evaluate(noisy, [gold])
    assert after.total.recall == before.total.recall == 1.0
    assert _scores(after, "visited") == (1, 1, 2, 1)
    assert after.scores["visited"].precision == 0.5
    assert after.total.precision < before.total.precision
    [unmatched] = after.unmatched
    assert unmatched.fact.describe() == "Tomas Varga —visited→ Namur"
    assert "Namur" in unmatched.fact.sentence


def test_quote_shorter_than_gold_is_missed(here: Path) -> None:
    rows = HEADER + "Élodie Marchand,said,Nous avons enfin signé,,,\n"
    gold = {"doc": "q.csv", "facts": [CULTURE_GOLD["facts"][3]]}
    with open_store("memory:") as store:
        build([_write(here, "q.csv", rows)], store)
        report = evaluate(store, [_gold(here, "q.json", gold)])
    assert _scores(report, "said") == (1, 0, 1, 0)
    assert report.missed[0].reason == "no stored fact with these names"


def test_position_country_is_required_and_checked(here: Path) -> None:
    rows = HEADER + (
        "Élodie Marchand,holdsPosition,ministre de la Culture,,,\n"
        "Paul Ndiaye,holdsPosition,ministre de la Culture du Sénégal,,,\n"
        "ministre de la Culture du Sénégal,country,Sénégal,Position,Country,\n"
    )
    gold = {"doc": "c.csv", "facts": [
        {"rel": "holdsPosition", "s": ["Élodie Marchand"], "o": ["ministre de la Culture"],
         "country": ["Belgique"]},
        {"rel": "holdsPosition", "s": ["Paul Ndiaye"], "o": ["ministre de la Culture"],
         "country": ["Belgique"]},
    ]}
    with open_store("memory:") as store:
        build([_write(here, "c.csv", rows)], store)
        report = evaluate(store, [_gold(here, "c.json", gold)])
    # recall needs the country; precision only objects to a different one
    assert _scores(report, "holdsPosition") == (2, 0, 2, 1)
    reasons = sorted(m.reason for m in report.missed)
    assert reasons == ["country: expected Belgique, stored Sénégal",
                       "country: expected Belgique, stored none"]
    assert [u.fact.subject.label for u in report.unmatched] == ["Paul Ndiaye"]


def test_former_posts_are_their_own_relation(here: Path) -> None:
    rows = HEADER + (
        "Élodie Marchand,heldPosition,ministre de la Culture,,,\n"
        "ministre de la Culture,country,Belgique,Position,Country,\n"
        "Paul Ndiaye,heldPosition,maire de Thiès,,,\n"
    )
    gold = {"doc": "c.csv", "facts": [
        {"rel": "heldPosition", "s": ["Élodie Marchand"], "o": ["ministre de la Culture"],
         "country": ["Belgique"]},
        {"rel": "holdsPosition", "s": ["Paul Ndiaye"], "o": ["maire de Thiès"]},
    ]}
    with open_store("memory:") as store:
        build([_write(here, "c.csv", rows)], store)
        report = evaluate(store, [_gold(here, "c.json", gold)])
    # a former post is not a current one, either way round
    assert _scores(report, "heldPosition") == (1, 1, 2, 1)
    assert _scores(report, "holdsPosition") == (1, 0, 0, 0)


def test_dates_exact_for_recall_compatible_for_precision(here: Path) -> None:
    rows = HEADER + ("Élodie Marchand,visited,Namur,,,2024-03\n"
                     "Élodie Marchand,met,Tomas Varga,,,2024-02-01\n")
    gold = {"doc": "d.csv", "facts": [
        {"rel": "visited", "s": ["Élodie Marchand"], "o": ["Namur"], "date": "2024-03-04"},
        {"rel": "met", "s": ["Élodie Marchand"], "o": ["Tomas Varga"], "date": "2024-03-04"},
    ]}
    with open_store("memory:") as store:
        build([_write(here, "d.csv", rows)], store)
        report = evaluate(store, [_gold(here, "d.json", gold)])
    assert _scores(report, "visited") == (1, 0, 1, 1)  # less precise: not found, not wrong
    assert _scores(report, "met") == (1, 0, 1, 0)  # another day: wrong
    assert "date: expected 2024-03-04, stored 2024-03" in [m.reason for m in report.missed]


def test_affiliation_through_a_post_counts_for_recall(here: Path) -> None:
    rows = HEADER + (
        "Tomas Varga,holdsPosition,trésorier,,,\n"
        "trésorier,organization,Union des libraires,Position,Organization,\n"
        "Tomas Varga,memberOf,Union des libraires,,,\n"
        "Paul Ndiaye,memberOf,Cercle des poètes,,,\n"
    )
    gold = {"doc": "f.csv", "facts": [
        {"rel": "affiliation", "s": ["Tomas Varga"], "o": ["Union des libraires"]},
    ], "optional": [
        {"rel": "holdsPosition", "s": ["Tomas Varga"], "o": ["trésorier"]},
    ]}
    with open_store("memory:") as store:
        build([_write(here, "f.csv", rows.replace("Tomas Varga,memberOf,Union des libraires,,,\n",
                                                  ""))], store)
        through_post = evaluate(store, [_gold(here, "f.json", gold)])
    assert _scores(through_post, "affiliation") == (1, 1, 1, 0)  # Ndiaye's is unmatched
    assert _scores(through_post, "holdsPosition") == (0, 0, 1, 1)
    with open_store("memory:") as store:
        build([_write(here, "f.csv", rows)], store)
        direct = evaluate(store, [_gold(here, "f.json", gold)])
    assert _scores(direct, "affiliation") == (1, 1, 2, 1)


def test_party_counts_for_recall_with_the_agreement_named_by_its_kind(here: Path) -> None:
    rows = HEADER + (
        "mémorandum d'entente sur la pêche,party,Tomas Varga,Agreement,Person,\n"
        "mémorandum d'entente sur la pêche,party,Belgique,Agreement,Country,\n"
    )
    gold = {"doc": "f.csv", "facts": [
        {"rel": "party", "s": ["mémorandum d'entente", "mémorandum"], "o": ["Tomas Varga"]},
        {"rel": "party", "s": ["mémorandum"], "o": ["Belgique"]},
        {"rel": "party", "s": ["accord"], "o": ["Belgique"]},
    ]}
    with open_store("memory:") as store:
        build([_write(here, "f.csv", rows)], store)
        report = evaluate(store, [_gold(here, "f.json", gold)])
    score = report.scores["party"]
    assert (score.gold, score.found, score.precision) == (3, 2, None)
    assert [m.fact.subject for m in report.missed] == [("accord",)]


def test_precision_only_on_the_gold_documents(here: Path) -> None:
    other = HEADER + "Paul Ndiaye,visited,Dakar,,,\nPaul Ndiaye,met,Awa Diop,,,\n"
    with open_store("memory:") as store:
        build([_write(here, "culture.csv", CULTURE), _write(here, "other.csv", other)], store)
        report = evaluate(store, [_gold(here, "culture.json", CULTURE_GOLD)])
    assert report.total.precision == 1.0 and report.unmatched == []
    assert report.documents == {str(here / "culture.json"): ["culture.csv"]}


def test_optional_facts_are_right_but_not_required(here: Path) -> None:
    gold = {"doc": "o.csv", "facts": [
        {"rel": "visited", "s": ["Élodie Marchand"], "o": ["Namur"]},
    ], "optional": [
        {"rel": "visited", "s": ["Élodie Marchand"], "o": ["Wallonie"], "status": "planned"},
        {"rel": "met", "s": ["Élodie Marchand"], "o": ["Tomas Varga"]},
    ]}
    rows = HEADER + "Élodie Marchand,visited,Namur,,,\nÉlodie Marchand,visited,Wallonie,,,\n"
    with open_store("memory:") as store:
        build([_write(here, "o.csv", rows)], store)
        report = evaluate(store, [_gold(here, "o.json", gold)])
    assert _scores(report, "visited") == (1, 1, 2, 2)
    assert _scores(report, "met") == (0, 0, 0, 0)
    assert report.total.recall == 1.0 and report.total.precision == 1.0


def test_document_found_by_folder_and_stem(here: Path) -> None:
    gold = {"doc": "culture-dossier", "facts": [CULTURE_GOLD["facts"][2]]}
    with open_store("memory:") as store:
        build([_write(here, "culture/dossier.csv", CULTURE)], store)
        report = evaluate(store, [_gold(here, "g.json", gold)])
    assert report.missing_documents == [] and report.total.recall == 1.0


def test_missing_document_is_reported(here: Path) -> None:
    with open_store("memory:") as store:
        report = evaluate(store, [_gold(here, "culture.json", CULTURE_GOLD)])
    assert report.missing_documents == ["culture.csv"]
    assert report.total.recall == 0.0 and report.total.precision is None
    assert {m.reason for m in report.missed} == {"document not in the store (culture.csv)"}


@pytest.mark.parametrize(("text", "message"), [
    ('{"doc": "x", "facts": [\n  {"rel": "mett", "s": ["A"], "o": ["B"]}\n]}',
     "g.json:2: facts[0]: unknown relation 'mett'"),
    ('{"doc": "x", "facts": [\n {"rel": "said", "s": ["A"], "o": ["B"]}]}',
     "g.json:2: facts[0]: a 'said' fact needs a 'quote' text"),
    ('{"doc": "x", "facts": [{"rel": "met", "s": ["A"], "o": ["B"], "date": "14/04"}]}',
     "g.json:1: facts[0]: 'date' must be YYYY"),
    ('{"doc": "x",\n "facts": [}', "g.json:2:12: not valid JSON"),
    ('{"facts": []}', "g.json:1: 'doc' must name the document"),
    ('{"doc": "x", "facts": [{"rel": "met", "s": [], "o": ["B"]}]}',
     "g.json:1: facts[0]: 's' must be a non-empty list of labels"),
])
def test_bad_gold_files(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_gold(text, "g.json")
    assert str(caught.value).startswith(message)


def test_shared_gold_files_parse(shared_data: Path) -> None:
    paths = sorted((shared_data / "gold").glob("*.json"))
    assert paths
    for path in paths:
        gold = read_gold(path)
        assert gold.docs == (path.stem,) and gold.required
        assert all(f.line is not None for f in gold.facts)


# --- command line --------------------------------------------------------------------------

def test_cli_table_and_json(kg, tmp_path: Path) -> None:
    _write(tmp_path, "culture.csv", CULTURE + "Tomas Varga,visited,Namur,,,\n")
    _gold(tmp_path, "gold/culture.json", CULTURE_GOLD)
    kg("build", "culture.csv", check=True)
    table = kg("evaluate", "gold")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:3] == ["relation", "gold", "found"]
    visited = next(line for line in lines if line.startswith("visited"))
    assert visited.split() == ["visited", "1", "1", "2", "1", "0.50", "1.00", "0.67"]
    assert "Stored facts matching no gold fact (1):" in table.stdout
    assert "Tomas Varga,visited,Namur" in table.stdout  # the evidence line
    done = kg("evaluate", "gold/culture.json", "--format", "json", check=True)
    data = json.loads(done.stdout)
    assert data["total"]["recall"] == 1.0
    assert data["unmatched"][0]["fact"] == "Tomas Varga —visited→ Namur"


def test_cli_missing_document_warns_and_bad_gold_fails(kg, tmp_path: Path) -> None:
    _write(tmp_path, "other.csv", HEADER + "A,met,B,,,\n")
    kg("build", "other.csv", check=True)
    _gold(tmp_path, "culture.json", CULTURE_GOLD)
    done = kg("evaluate", "culture.json")
    assert done.returncode == 0
    assert "documents not in the store: culture.csv" in done.stderr
    _write(tmp_path, "bad.json", '{"doc": "x", "facts": [{"rel": "met"}]}')
    failed = kg("evaluate", "bad.json")
    assert failed.returncode == 1
    assert failed.stderr.startswith("Error: bad.json:1: facts[0]: 's' must be")


# --- the seed's bar (issue 3, measured acceptance) -----------------------------------------

@pytest.mark.acceptance
def test_seed_meets_the_bar(shared_data: Path) -> None:
    """The seed article, extracted, against its gold: recall and precision at least 0.85.

    Expected to fail while extraction is short of the bar; skipped (outside CI) while
    ``graph.extract`` does not exist.
    """
    try:
        from graph.extract import extract_sources  # noqa: F401
    except ImportError:
        missing("graph.extract.extract_sources (text extraction, issue 3) is not written yet")
    with open_store("memory:") as store:
        build([shared_data / "seed" / "rabat-2025-04.txt"], store)
        report = evaluate(store, [shared_data / "gold" / "seed-rabat-2025-04.json"])
    details = "\n".join(generate_report(report))
    assert report.missing_documents == [], details
    assert report.total.recall >= 0.85, details
    assert report.total.precision is not None and report.total.precision >= 0.85, details


@pytest.mark.acceptance
def test_wikinews_gold_articles_meet_the_bar(shared_data: Path, tmp_path: Path) -> None:
    """The three Wikinews gold articles together: recall ≥ 0.7 and precision ≥ 0.8."""
    try:
        from graph.extract import extract_sources  # noqa: F401
    except ImportError:
        missing("graph.extract.extract_sources (text extraction, issue 3) is not written yet")
    golds = sorted((shared_data / "gold").glob("wikinews-*.json"))
    wanted = {path.stem for path in golds}
    corpus = shared_data / "corpus" / "wikinews-fr-2012" / "docs.jsonl"
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["id"] in wanted]
    assert len(lines) == len(wanted) == 3
    subset = _write(tmp_path, "gold-articles.jsonl", "\n".join(lines) + "\n")  # outside the repo
    with open_store("memory:") as store:
        build([subset], store)
        report = evaluate(store, golds)
    details = "\n".join(generate_report(report))
    assert report.missing_documents == [], details
    assert report.total.recall >= 0.7, details
    assert report.total.precision is not None and report.total.precision >= 0.8, details
