"""IRI minting, the vocabulary and typed dates."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.model import KG, Minter, date_literal, normalize_label, slug, vocabulary
from graph.model.vocab import KG_NS, ontology_turtle

MINTER = Minter("http://example.org/id/")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Bruno Retailleau", "bruno retailleau", id="case"),
        pytest.param("Élysée", "Elysee", id="accents"),
        pytest.param("ministre de l'Intérieur", "ministre de l’Intérieur", id="apostrophes"),
        pytest.param("Jean-Luc  Mélenchon", "jean luc melenchon", id="hyphen-spaces"),
        pytest.param(" Rabat. ", "Rabat", id="punctuation"),
    ],
)
def test_same_person_same_iri(first: str, second: str) -> None:
    assert MINTER.entity("Person", first) == MINTER.entity("Person", second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(("Person", "Bruno Retailleau"), ("Person", "Bruno Retailleaux"), id="label"),
        pytest.param(("Person", "Paris"), ("Place", "Paris"), id="type"),
    ],
)
def test_distinct_entities_distinct_iris(first: tuple[str, str], second: tuple[str, str]) -> None:
    assert MINTER.entity(*first) != MINTER.entity(*second)


def test_place_subclasses_share_a_node() -> None:
    assert MINTER.entity("Country", "Maroc") == MINTER.entity("City", "Maroc")


def test_base_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_BASE", "https://news.example/kg")
    assert Minter().entity("Person", "A").startswith("https://news.example/kg/person/")
    assert Minter("urn:x:").entity("Person", "A") == "urn:x:/person/a"


_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@given(st.text())
def test_any_label_gives_a_valid_stable_iri(label: str) -> None:
    iri = MINTER.entity("Person", label)
    assert iri == MINTER.entity("Person", label)
    assert not _IRI_FORBIDDEN.search(iri)
    ox.NamedNode(iri)  # pyoxigraph accepts it as an IRI


@given(st.text(), st.text())
def test_distinct_normalised_labels_give_distinct_iris(a: str, b: str) -> None:
    same = MINTER.entity("Person", a) == MINTER.entity("Person", b)
    if normalize_label(a) != normalize_label(b):
        assert not same
    elif normalize_label(a):  # labels with no letter or digit are told apart by their raw text
        assert same


def test_long_labels_keep_distinct_slugs() -> None:
    base = "mot " * 40
    assert slug(base + "un") != slug(base + "deux")
    assert len(slug(base + "un")) < 100


def test_every_namespace_term_is_in_the_ontology_and_back() -> None:
    voc = vocabulary()
    declared = set(KG.__annotations__)
    defined = voc.classes | voc.properties | {"defaultDomain", "defaultRange"}
    assert declared == defined


def test_misspelt_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        KG.Persn  # noqa: B018


def test_ontology_has_labels_in_french_and_english_and_met_is_symmetric() -> None:
    store = ox.Store()
    store.load(ontology_turtle(), format=ox.RdfFormat.TURTLE)
    voc = vocabulary()
    for term in voc.classes | voc.properties:
        langs = {
            row[0].language
            for row in store.query(f"SELECT ?l WHERE {{ <{KG_NS}{term}> "
                                   "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")
        }
        assert {"fr", "en"} <= langs, term
    assert "met" in voc.symmetric and "cooperatesWith" in voc.symmetric
    assert "visited" not in voc.symmetric


@pytest.mark.parametrize(
    ("text", "kind"),
    [("2025-04-14", "date"), ("2025-04", "gYearMonth"), ("2025", "gYear")],
)
def test_date_precision(text: str, kind: str) -> None:
    assert date_literal(text).datatype.endswith("#" + kind)


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "14/04/2025", "avril 2025", ""])
def test_bad_dates_are_rejected(text: str) -> None:
    with pytest.raises(ValueError):
        date_literal(text)
