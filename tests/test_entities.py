"""Entities: every named person, organisation and place is a node linked by kg:mentions; one
node per real thing across articles and files; dates events inherit.

Articles are written for these tests (fictional people); the real French model parses them and
the store is a real Oxigraph store on disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.analyze import comention_graph, to_networkx
from graph.build import build, update_identity
from graph.model.vocab import IDENTITY_GRAPH
from graph.query import rows_as_dicts, run_query
from graph.store import open_store
from graph.view.data import read_comentions, read_network

ARTICLE = """date 2024-03-08
title Visite du ministre Paulo Reis à Genève

Par Hugo Lantier

Le ministre portugais de la Mer, Paulo Reis, s'est rendu mardi à Genève. Paulo Reis a été reçu \
au siège de l'Organisation mondiale de la météorologie (OMM) par Ingrid Solberg. Le ministre a \
ensuite rencontré Ana Pastor Vidal, de la Banque africaine de développement.

M. Reis a salué le travail de l'OMM. « Nous devons partager nos données sur les océans », \
a déclaré Paulo Reis.

Lire aussi : Marc Delorme en visite à Lisbonne
"""

OTHER = """date 2024-04-02
title L'OMM publie son rapport

L'OMM a publié mardi son rapport annuel à Genève. Son auteur, Ingrid SOLBERG, a répondu aux \
questions de Tomas Reis, un journaliste portugais.
"""

THIRD = """date 2024-05-10
title Réunion à Lisbonne

Reis a présidé jeudi une réunion à Lisbonne avec Ana Pastor-Vidal.
"""


def _build(tmp_path: Path, *texts: str, extra: dict[str, str] | None = None):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"article-{i}.txt").write_text(text, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(str(tmp_path / "store"))
    build([folder], store)
    return store


def _mentioned(store, doc: str) -> dict[str, tuple[str, int, str]]:
    rows = store.query(f"""
        SELECT ?label ?cls ?n ?s WHERE {{
          ?d dcterms:identifier "{doc}" ; kg:mentions ?e .
          ?e rdfs:label ?label ; a ?cls .
          ?ev rdf:subject ?d ; rdf:predicate kg:mentions ; rdf:object ?e ;
              kg:mentionCount ?n ; kg:sentence ?s }}""")
    out: dict[str, tuple[str, int, str]] = {}
    for label, cls, n, s in rows:
        kind = cls.value.rsplit("#", 1)[1]
        if kind != "Place" or label.value not in out:
            out[label.value] = (kind, int(n.value), s.value)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("entities")
    store = _build(tmp, ARTICLE, OTHER, THIRD)
    yield store
    store.close()


def test_every_named_person_organisation_and_place_is_mentioned(corpus) -> None:
    named = _mentioned(corpus, "article-0")
    assert named["Paulo Reis"][0] == "Person"
    assert named["Ingrid Solberg"][0] == "Person"  # met no rule: still a node
    assert named["Ana Pastor Vidal"][0] == "Person"
    assert named["Genève"][0] in ("City", "Place")
    # surname and « M. Reis » count as mentions of the full name
    kind, count, sentence = named["Paulo Reis"]
    assert count >= 4
    assert sentence.startswith("Le ministre portugais de la Mer, Paulo Reis")
    assert "Reis" not in named and "M. Reis" not in named


def test_titles_bylines_and_furniture_make_no_people(corpus) -> None:
    named = _mentioned(corpus, "article-0")
    assert "Hugo Lantier" not in named  # byline
    assert "Marc Delorme" not in named  # « Lire aussi »
    assert not any(label.lower().startswith("ministre") for label in named)
    people = {row["p"] for row in rows_as_dicts(corpus.query(
        "SELECT ?p WHERE { ?x a kg:Person ; rdfs:label ?p }"))}
    assert "le ministre" not in {p.lower() for p in people}


def test_acronym_in_brackets_is_one_organisation_with_an_alias(corpus) -> None:
    named = _mentioned(corpus, "article-0")
    org = [label for label, (kind, _, _) in named.items() if kind == "Organization"
           and "météorologie" in label]
    assert org == ["Organisation mondiale de la météorologie"]
    assert "OMM" not in named  # the acronym alone later is the same entity
    assert named[org[0]][1] >= 2
    aliases = {r["a"] for r in rows_as_dicts(corpus.query(
        "SELECT ?a WHERE { ?o rdfs:label 'Organisation mondiale de la météorologie'@fr ; "
        "skos:altLabel ?a }"))}
    assert "OMM" in aliases


def test_the_acronym_alone_in_another_article_joins_the_full_name(corpus) -> None:
    links = {(r["a"].rsplit("/", 1)[1], r["b"].rsplit("/", 1)[1]) for r in rows_as_dicts(
        corpus.query(f"SELECT ?a ?b WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?a owl:sameAs ?b }} }}"))}
    assert ("omm", "organisation-mondiale-de-la-meteorologie") in links
    network = read_network(corpus)
    labels = [n.label for n in network.nodes.values() if n.cls == "Organization"]
    assert "OMM" not in labels
    merged = [n for n in network.nodes.values()
              if n.label == "Organisation mondiale de la météorologie"]
    assert len(merged) == 1 and merged[0].articles == 2
    rows = rows_as_dicts(run_query(corpus, "@mentions", {"entity": "OMM"}))
    assert sorted(r["document"] for r in rows) == ["article-0", "article-1"]
    assert rows[0]["date"] == "2024-04-02"  # newest first


def test_same_full_name_is_one_node_across_articles_and_a_surname_alone_is_not(corpus) -> None:
    people = rows_as_dicts(corpus.query(
        "SELECT ?e (SAMPLE(STR(?l)) AS ?label) WHERE { ?e a kg:Person ; rdfs:label ?l } "
        "GROUP BY ?e"))
    iris = {r["e"].rsplit("/", 1)[1] for r in people}
    # « Ingrid SOLBERG », « Ana Pastor-Vidal »: case and hyphens fold to one node
    assert "ingrid-solberg" in iris and "ana-pastor-vidal" in iris
    assert len([r for r in people if r["label"].lower().replace("-", " ") == "ana pastor vidal"]) \
        == 1
    # « Reis » alone in the third article is not Paulo Reis, nor Tomas Reis
    assert "paulo-reis" in iris and "tomas-reis" in iris
    paulo = next(r["e"] for r in people if r["e"].endswith("/paulo-reis"))
    docs = {r["d"] for r in rows_as_dicts(corpus.query(
        f"SELECT ?d WHERE {{ ?doc kg:mentions <{paulo}> ; dcterms:identifier ?d }}"))}
    assert docs == {"article-0"}
    identity = rows_as_dicts(corpus.query(
        f"SELECT ?a ?b WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?a owl:sameAs ?b }} }}"))
    assert not any("reis" in r["a"] or "reis" in r["b"] for r in identity)


def test_user_same_as_and_different_from(tmp_path: Path) -> None:
    text_a = ("date 2024-01-10\n\nSergueï Lavrov a rencontré Ingrid Solberg à Oslo. "
              "Lavrov a parlé.\n")
    text_b = "date 2024-02-11\n\nSergei Lavrov s'est rendu à Ankara avec Pavel Orlov.\n"
    store = _build(tmp_path, text_a, text_b)
    people = {n.label for n in read_network(store).nodes.values() if n.cls == "Person"}
    assert {"Sergueï Lavrov", "Sergei Lavrov"} <= people  # transliterations stay apart
    (tmp_path / "in" / "same.csv").write_text(
        "subject,predicate,object,subject_type,object_type\n"
        "Sergueï Lavrov,sameAs,Sergei Lavrov,Person,Person\n"
        "Sergei Lavrov,differentFrom,Pavel Orlov,Person,Person\n"
        "Pavel Orlov,sameAs,Sergei Lavrov,Person,Person\n", encoding="utf-8")
    build([tmp_path / "in"], store)
    network = read_network(store)
    lavrov = [n for n in network.nodes.values() if "Lavrov" in n.label and n.cls == "Person"]
    assert len(lavrov) == 1 and lavrov[0].articles == 2
    assert {"Sergueï Lavrov", "Sergei Lavrov"} <= {lavrov[0].label, *lavrov[0].aliases}
    assert any(n.label == "Pavel Orlov" for n in network.nodes.values())  # kept apart
    graph = to_networkx(store)
    assert len([n for n, d in graph.nodes(data=True)
                if "Lavrov" in str(d.get("label")) and d.get("type") == "Person"]) == 1
    comentions = comention_graph(store)
    assert len([n for n, label in comentions.nodes(data="label") if "Lavrov" in str(label)]) == 1
    rows = rows_as_dicts(run_query(store, "@mentions", {"entity": "Sergei Lavrov"}))
    assert len(rows) == 2
    facts = [r for r in rows_as_dicts(run_query(store, "@facts"))
             if r["relation_name"] in ("met", "visited") and "Lavrov" in r["subject"]]
    assert len({r["subject"] for r in facts}) == 1
    assert {r["relation_name"] for r in facts} == {"met", "visited"}
    # removing the file of corrections splits them again
    (tmp_path / "in" / "same.csv").unlink()
    store.remove(next(i.iri for i in store.sources() if i.name.endswith("same.csv")))
    assert update_identity(store) == 0
    assert len([n for n in read_network(store).nodes.values()
                if "Lavrov" in n.label and n.cls == "Person"]) == 2
    store.close()


def test_a_meeting_takes_the_date_of_its_visit(tmp_path: Path) -> None:
    text = ("date 2024-06-14\n\nLa ministre Claire Vasseur s'est rendue jeudi à Lisbonne. "
            "Claire Vasseur s'est entretenue avec Rui Mendes au siège du ministère.\n")
    store = _build(tmp_path, text)
    visit = rows_as_dicts(store.query(
        "SELECT ?d WHERE { ?v a kg:Visit ; kg:date ?d }"))
    assert visit, "the visit is dated"
    meetings = rows_as_dicts(run_query(store, "@meetings"))
    assert len(meetings) == 1
    assert meetings[0]["date"] == visit[0]["d"]
    dated = rows_as_dicts(store.query(
        "SELECT ?d ?m WHERE { ?e a kg:Meeting ; kg:date ?d . "
        "?ev rdf:subject ?e ; rdf:predicate kg:date ; kg:method ?m }"))
    assert {r["d"] for r in dated} == {visit[0]["d"]}
    assert "fr.date.visit.v1" in {r["m"] for r in dated}
    store.close()


def test_a_meeting_with_its_own_date_keeps_it(tmp_path: Path) -> None:
    text = ("date 2024-06-14\n\nLa ministre Claire Vasseur s'est rendue jeudi à Lisbonne. "
            "Le 2 juillet, Claire Vasseur a rencontré Rui Mendes à Porto.\n")
    store = _build(tmp_path, text)
    dates = {r["d"] for r in rows_as_dicts(store.query(
        "SELECT ?d WHERE { ?e a kg:Meeting ; kg:date ?d }"))}
    assert dates == {"2024-07-02"}
    store.close()


def test_comentions_link_people_and_organisations_by_shared_articles(corpus) -> None:
    network = read_comentions(corpus)
    labels = {iri: n.label.replace("-", " ") for iri, n in network.nodes.items()}
    assert all(n.cls in ("Person", "Organization") for n in network.nodes.values())
    by_pair = {frozenset((labels[e.source], labels[e.target])): e for e in network.edges}
    pair = by_pair[frozenset(("Ingrid Solberg", "Organisation mondiale de la météorologie"))]
    assert len(pair.proofs) == 2  # both articles name both
    assert sorted(p.document_date for p in pair.proofs) == ["2024-03-08", "2024-04-02"]
    assert len(by_pair[frozenset(("Paulo Reis", "Ingrid Solberg"))].proofs) == 1
    strong = read_comentions(corpus, min_articles=2)
    assert [len(e.proofs) for e in strong.edges] == [2] * len(strong.edges) and strong.edges


def test_post_from_a_file_and_an_article_is_one_node(tmp_path: Path) -> None:
    facts = ("subject,predicate,object,subject_type,object_type\n"
             "Claire Vasseur,holdsPosition,ministre de la Culture,Person,Position\n"
             "ministre de la Culture,country,France,Position,Country\n"
             "Rui Mendes,holdsPosition,ministre de la Culture du Portugal,Person,Position\n")
    text = ("date 2024-06-14\n\nLa ministre française de la Culture, Claire Vasseur, a reçu "
            "son homologue portugais, Rui Mendes.\n")
    store = _build(tmp_path, text, extra={"facts.csv": facts})
    rows = rows_as_dicts(run_query(store, "@people"))
    held = [(r["person"], r["position"], r["country"]) for r in rows if r["position"]]
    assert len(held) == len(set(held))
    assert ("Claire Vasseur", "ministre de la Culture", "France") in held
    posts = rows_as_dicts(store.query(
        "SELECT DISTINCT ?pos WHERE { ?p kg:holdsPosition ?pos ; rdfs:label ?l "
        "FILTER(STR(?l) = 'Claire Vasseur') }"))
    assert len(posts) == 1
    rui = rows_as_dicts(store.query(
        "SELECT DISTINCT ?pos WHERE { ?p kg:holdsPosition ?pos ; rdfs:label ?l "
        "FILTER(STR(?l) = 'Rui Mendes') }"))
    assert [r["pos"].rsplit("/", 1)[1] for r in rui] == ["ministre-de-la-culture--portugal"]
    store.close()


def test_a_person_a_file_names_with_an_honorific_is_the_article_s(tmp_path: Path) -> None:
    facts = ("subject,predicate,object,subject_type,object_type\n"
             "M. Paulo Reis,visited,Oslo,Person,City\n"
             "Dr Reis,visited,Bergen,Person,City\n")
    store = _build(tmp_path, "date 2024-03-08\n\nPaulo Reis a rencontré Ingrid Solberg.\n",
                   extra={"facts.csv": facts})
    links = {(r["a"].rsplit("/", 1)[1], r["b"].rsplit("/", 1)[1]) for r in rows_as_dicts(
        store.query(f"SELECT ?a ?b WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?a owl:sameAs ?b }} }}"))}
    assert links == {("m-paulo-reis", "paulo-reis")}  # « Dr Reis »: a surname, kept apart
    reis = [n for n in read_network(store).nodes.values() if "Reis" in n.label
            and n.cls == "Person"]
    assert len(reis) == 2
    store.close()


def test_demo_queries_print_no_repeated_row_and_one_node_per_post(tmp_path: Path) -> None:
    from graph.demo import DEMO_QUERIES, run_demo

    with open_store(str(tmp_path / "store")) as store:
        run_demo(store, html=None, echo=lambda _: None)
        for name in DEMO_QUERIES:
            rows = [tuple(r.values()) for r in rows_as_dicts(run_query(store, name))]
            assert rows, name
            assert len(rows) == len(set(rows)), f"{name} repeats rows"
        # the file's post and the article's post are one node per person and country
        held = rows_as_dicts(store.query(
            "SELECT ?p (COUNT(DISTINCT ?pos) AS ?n) WHERE { ?p a kg:Person ; "
            "kg:holdsPosition ?pos } GROUP BY ?p"))
        assert held and all(r["n"] == "1" for r in held)
        meetings = rows_as_dicts(run_query(store, "@meetings"))
        assert all(r["date"] for r in meetings)


@pytest.mark.heavy
@pytest.mark.acceptance
def test_gold_people_of_pages_dev_are_mentioned_people(tmp_path: Path, shared_data: Path) -> None:
    from graph.evaluate.entities import entity_coverage

    pages = shared_data / "pages-dev"
    if not (pages / "docs.jsonl").is_file():
        pytest.fail(f"{pages}/docs.jsonl is missing from the shared data")
    with open_store(str(tmp_path / "store")) as store:
        build([pages / "docs.jsonl"], store)
        coverage = entity_coverage(store, [pages / "gold"])
    assert coverage.people >= 50
    assert coverage.ratio >= 0.95, coverage.missing


def test_command_line_comentions_and_mentions(kg, tmp_path: Path) -> None:
    import json

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    kg("build", "a.txt", "b.txt", check=True)
    done = kg("view", "--comentions", "--min-articles", "2", "-o", "c.html", check=True)
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert '"rel": "comention"' in page and "2 articles" in page
    assert "Wrote" in done.stderr
    ranked = json.loads(kg("analyze", "centrality", "--comentions", "--format", "json",
                           check=True).stdout)
    assert {r["type"] for r in ranked} <= {"Person", "Organization"}
    # the two named by both articles are the most central
    assert {r["label"] for r in ranked[:2]} == {"Organisation mondiale de la météorologie",
                                                 "Ingrid Solberg"}
    rows = json.loads(kg("query", "@mentions", "-p", "entity=OMM", "--format", "json",
                         check=True).stdout)["results"]["bindings"]
    assert [r["document"]["value"] for r in rows] == ["b", "a"]
    bad = kg("view", "--comentions", "--query", "CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }")
    assert bad.returncode == 1 and "--comentions" in bad.stderr


def test_a_surname_alone_in_two_articles_is_two_people(tmp_path: Path) -> None:
    one = "date 2024-03-08\n\nM. Lindqvist a ouvert la séance à Oslo mardi.\n"
    two = "date 2024-04-08\n\nM. Lindqvist a ouvert la réunion à Bergen jeudi.\n"
    store = _build(tmp_path, one, two)
    rows = rows_as_dicts(store.query(
        "SELECT DISTINCT ?e ?d WHERE { ?doc kg:mentions ?e ; dcterms:identifier ?d . "
        "?e a kg:Person ; rdfs:label ?l FILTER(STR(?l) = 'Lindqvist') }"))
    assert len(rows) == 2 and len({r["e"] for r in rows}) == 2
    assert {r["d"] for r in rows} == {"article-0", "article-1"}
    store.close()
