"""Hand-written facts: CSV/TSV in plain labels and RDF files, their errors and round trips."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from graph.build import build
from graph.errors import InputError, KGError
from graph.ingest.triples import read_triples
from graph.model.vocab import KG_NS
from graph.query import rows_as_dicts
from graph.store import open_store

HEADER = "subject,predicate,object,subject_type,object_type,date,source,note\n"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def labels_of(store, predicate: str) -> set[tuple[str, str]]:
    rows = store.query(
        f"SELECT ?a ?b WHERE {{ ?x kg:{predicate} ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }}"
    )
    return {(a.value, b.value) for a, b in rows}


def test_csv_rows_become_typed_entities_facts_and_evidence(tmp_path: Path) -> None:
    path = write(tmp_path, "facts.csv", HEADER
                 + "Jeanne Martin,met,Omar Haddad,,,2024-11-05,https://example.org/a,talks\n"
                 + "Jeanne Martin,visited,Tunis,,City,2024-11,,\n"
                 + "Tunis,capitalOf,Tunisie,,,,,\n")
    store = open_store("memory:")
    build([path], store)
    assert labels_of(store, "met") == {("Jeanne Martin", "Omar Haddad"),
                                       ("Omar Haddad", "Jeanne Martin")}
    types = {row["label"]: row["type"] for row in rows_as_dicts(store.query(
        "SELECT ?label ?type WHERE { ?x a ?type ; rdfs:label ?label "
        "FILTER(STRSTARTS(STR(?type), STR(kg:)) && ?type != kg:Document) }"
    ))}
    assert types == {"Jeanne Martin": "kg:Person", "Omar Haddad": "kg:Person",
                     "Tunis": "kg:City", "Tunisie": "kg:Country"}
    evidence = rows_as_dicts(store.query(
        "SELECT ?line ?method ?date ?note ?cites ?doc WHERE { ?e a kg:Evidence ; "
        "rdf:predicate kg:met ; kg:line ?line ; kg:method ?method ; kg:document ?d ; "
        "kg:date ?date ; rdfs:comment ?note ; dcterms:source ?cites . "
        "?d dcterms:identifier ?doc }"
    ))
    assert len(evidence) == 1
    assert evidence[0]["line"] == "2" and evidence[0]["method"] == "manual"
    assert evidence[0]["date"] == "2024-11-05" and evidence[0]["note"] == "talks"
    assert evidence[0]["doc"].endswith("facts.csv")
    visit_date = next(iter(store.query(
        "SELECT ?d WHERE { ?e rdf:predicate kg:visited ; kg:date ?d }")))[0]
    assert visit_date.datatype.value.endswith("#gYearMonth")


def test_type_from_elsewhere_in_the_file_and_aliases(tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", "subject,predicate,object\n"
                 "Kaboul,capitalOf,Afghanistan\n"
                 "Amina Diallo,visited,Kaboul\n"
                 "amina diallo,memberOf,Union africaine\n")
    store = open_store("memory:")
    build([path], store)
    (kaboul_type,) = {t.value for (t,) in store.query(
        "SELECT ?t WHERE { ?x rdfs:label 'Kaboul' ; a ?t }")}
    assert kaboul_type == KG_NS + "City"
    alt = {a.value for (a,) in store.query("SELECT ?a WHERE { ?x skos:altLabel ?a }")}
    assert alt == {"amina diallo"}


def test_literals_iris_quotes_and_other_vocabularies(tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", "subject,predicate,object,subject_type\n"
                 "sommet de Nairobi,date,2023-09,Meeting\n"
                 "sommet de Nairobi,status,happened,Meeting\n"
                 "Amina Diallo,said,\"Nous avons, enfin, un accord\",\n"
                 "Amina Diallo,owl:sameAs,<http://www.wikidata.org/entity/Q1>,\n"
                 "Amina Diallo,schema:birthDate,1970-01-02,\n"
                 "Amina Diallo,altLabel,A. Diallo,\n")
    store = open_store("memory:")
    build([path], store)
    rows = {(p.value, o.value, getattr(o, "datatype", None) and o.datatype.value)
            for p, o in store.query("SELECT ?p ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) "
                                    "FILTER(?p IN (kg:date, kg:status, kg:text, "
                                    "schema:birthDate, skos:altLabel)) }")}
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert (KG_NS + "date", "2023-09", xsd + "gYearMonth") in rows
    assert (KG_NS + "status", "happened", xsd + "string") in rows
    assert (KG_NS + "text", "Nous avons, enfin, un accord", xsd + "string") in rows
    assert ("http://schema.org/birthDate", "1970-01-02", xsd + "date") in rows
    assert bool(store.query("ASK { ?p owl:sameAs <http://www.wikidata.org/entity/Q1> }"))
    assert bool(store.query("ASK { ?p kg:said ?q . ?q a kg:Quote ; kg:text ?t }"))


def test_bom_crlf_comments_and_tsv(tmp_path: Path) -> None:
    csv_path = write(tmp_path, "a.csv",
                     b"\xef\xbb\xbfsubject,predicate,object\r\n# a comment\r\nA B,met,C D\r\n")
    tsv_path = write(tmp_path, "b.tsv", "subject\tpredicate\tobject\r\nE F\tmet\tG H\r\n")
    store = open_store("memory:")
    summary = build([csv_path, tsv_path], store)
    assert summary.facts == 2
    assert ("A B", "C D") in labels_of(store, "met") and ("E F", "G H") in labels_of(store, "met")


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        pytest.param("p.csv", "subject,predicate,object\nA,met,B\nA,mett,B\n", 3,
                     "unknown predicate 'mett' (did you mean 'met'?)", id="unknown-predicate"),
        pytest.param("c.csv", "subject,predicate,object\nA,met,B\nA,met\n", 3,
                     "expected 3 columns, found 2", id="column-count"),
        pytest.param("d.csv", "subject,predicate,object,date\nA,met,B,2025-13-01\n", 2,
                     "not a real date: '2025-13-01'", id="bad-date"),
        pytest.param("d2.csv", "subject,predicate,object\nE,date,14 avril\n", 2,
                     "not an ISO date", id="bad-date-object"),
        pytest.param("t.csv", "subject,predicate,object,subject_type\nA,met,B,Persn\n", 2,
                     "unknown type 'Persn' (did you mean 'Person'?)", id="unknown-type"),
        pytest.param("n.csv", "subject,predicate,object\nE,confidence,high\n", 2,
                     "takes a number", id="bad-number"),
        pytest.param("e.csv", "subject,predicate,object\nA,met,\n", 2, "empty object",
                     id="empty-cell"),
        pytest.param("h.csv", "subject;predicate;object\nA;met;B\n", 1,
                     "is the delimiter ';'?", id="wrong-delimiter"),
        pytest.param("k.csv", "subject,predicate,object,colour\nA,met,B,red\n", 1,
                     "unknown column 'colour'", id="unknown-column"),
        pytest.param("z.csv", b"subject,predicate,object\nA,met,B\x00\n", 2, "NUL byte",
                     id="nul-byte"),
        pytest.param("u.csv", b"subject,predicate,object\nA,met,\xff\xfe\n", 2,
                     "not valid UTF-8", id="invalid-utf8"),
        pytest.param("m.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \n",
                     4, "", id="malformed-turtle"),
        pytest.param("k.ttl", "@prefix kg: <https://w3id.org/kg-builder/ns#> .\n"
                     "<http://x/a> kg:mett <http://x/b> .\n", 2,
                     "unknown predicate kg:mett (did you mean kg:met?)", id="unknown-kg-term"),
        pytest.param("b.nt", "<http://x/a> <http://x/b> \"unterminated .\n", 1, "",
                     id="malformed-ntriples"),
        pytest.param("j.jsonld", '{"@id": "http://x/a", "http://x/b": [}', 1, "",
                     id="malformed-jsonld"),
        pytest.param("empty.csv", "", 1, "empty file", id="empty"),
        pytest.param("iri.csv", "subject,predicate,object\nA,met,<b onclick=x>B</b>\n", 2,
                     "not a valid IRI", id="bad-iri"),
    ],
)
def test_errors_name_the_file_and_line(
    tmp_path: Path, name: str, content: str | bytes, line: int, message: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as caught:
        read_triples(path, name=name)
    assert caught.value.path == name
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{name}:{line}")


def test_all_errors_of_a_file_are_listed(tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", "subject,predicate,object\nA,mett,B\nA,met,B\nC,vsited,D\n")
    with pytest.raises(InputError) as caught:
        read_triples(path, name="f.csv")
    text = str(caught.value)
    assert text.startswith("f.csv:2: unknown predicate 'mett'")
    assert "f.csv:4: unknown predicate 'vsited' (did you mean 'visited'?)" in text


# --- round trips: every RDF format is read, stored, exported, and compared as graphs ---------

REFERENCE = """
@prefix kg: <https://w3id.org/kg-builder/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .
ex:jeanne a kg:Person ; rdfs:label "Jeanne Martin"@fr ; kg:met ex:omar .
ex:omar a kg:Person ; rdfs:label "Omar Haddad" ; kg:visited ex:tunis .
ex:tunis a kg:City ; rdfs:label "Tunis" ; kg:capitalOf [ a kg:Country ; rdfs:label "Tunisie" ] .
ex:q a kg:Quote ; kg:text "« Des guillemets », \\"et\\" des accents : é ü ñ\\n" .
ex:m a kg:Meeting ; kg:date "2024-11-05"^^<http://www.w3.org/2001/XMLSchema#date> .
"""


def _reference() -> rdflib.Graph:
    return rdflib.Graph().parse(data=REFERENCE, format="turtle")


@pytest.mark.parametrize(
    ("suffix", "rdflib_format"),
    [(".ttl", "turtle"), (".nt", "nt"), (".nq", "nquads"), (".trig", "trig"),
     (".jsonld", "json-ld")],
)
def test_rdf_formats_round_trip(store, tmp_path: Path, suffix: str, rdflib_format: str) -> None:
    reference = _reference()
    if suffix in (".nq", ".trig"):
        dataset = rdflib.Dataset()
        named = dataset.graph(rdflib.URIRef("http://example.org/g"))
        for triple in reference:
            named.add(triple)
        data = dataset.serialize(format=rdflib_format)
    else:
        data = reference.serialize(format=rdflib_format)
    path = write(tmp_path, "facts" + suffix, data)
    build([path], store)
    out = io.BytesIO()
    store.dump(out, "nt")
    exported = rdflib.Graph().parse(data=out.getvalue().decode("utf-8"), format="nt")
    document = next(exported.subjects(rdflib.RDF.type, rdflib.URIRef(KG_NS + "Document")))
    for triple in list(exported.triples((document, None, None))):
        exported.remove(triple)
    assert isomorphic(exported, reference)


def test_csv_round_trips_through_every_export_format(store, tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", HEADER + "Jeanne Martin,met,Omar Haddad,,,2024-11-05,,x\n")
    build([path], store)
    graphs = {}
    for fmt, parser in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"),
                        ("nq", "nquads"), ("trig", "trig")):
        out = io.BytesIO()
        store.dump(out, fmt)
        parsed = rdflib.Dataset().parse(data=out.getvalue().decode("utf-8"), format=parser)
        graphs[fmt] = rdflib.Graph()
        for s, p, o, _ in parsed.quads((None, None, None, None)):
            graphs[fmt].add((s, p, o))
    first = graphs.pop("ttl")
    assert len(first) > 10
    for fmt, other in graphs.items():
        assert isomorphic(first, other), fmt


def test_several_bad_files_are_all_reported_and_nothing_written(tmp_path: Path) -> None:
    good = write(tmp_path, "good.csv", "subject,predicate,object\nA,met,B\n")
    bad1 = write(tmp_path, "bad1.csv", "subject,predicate,object\nA,mett,B\n")
    bad2 = write(tmp_path, "bad2.ttl", "<http://x/a> <http://x/b> .\n")
    store = open_store("memory:")
    with pytest.raises(KGError) as caught:
        build([good, bad1, bad2], store)
    assert "bad1.csv:2" in str(caught.value) and "bad2.ttl:1" in str(caught.value)
    assert not bool(store.query("ASK { ?s ?p ?o }"))
    assert ox  # pyoxigraph is the engine under test
