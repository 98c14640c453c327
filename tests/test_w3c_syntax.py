"""The W3C RDF 1.1 syntax suites (Turtle, N-Triples, N-Quads, TriG), from their manifests.

Every negative test must be rejected with a located error; every positive and evaluation test
must be accepted. The suites are read in place from ``../shared/data/w3c-rdf-tests``.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SHARED, missing

from graph.errors import InputError
from graph.ingest.triples import read_triples

SUITES = ("rdf-turtle", "rdf-n-triples", "rdf-n-quads", "rdf-trig")
RDFT = "http://www.w3.org/ns/rdftest#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"


def _cases() -> list[pytest.param]:
    cases = []
    for suite in SUITES:
        manifest = SHARED / "w3c-rdf-tests" / suite / "manifest.ttl"
        if not manifest.exists():
            continue
        store = ox.Store()
        store.load(path=str(manifest), format=ox.RdfFormat.TURTLE, base_iri=manifest.as_uri())
        rows = store.query(
            "SELECT ?kind ?action WHERE { ?test a ?kind ; <" + MF + "action> ?action }"
        )
        for kind, action in rows:
            name = kind.value.removeprefix(RDFT)
            negative = "Negative" in name
            path = Path(action.value.removeprefix("file://"))
            cases.append(pytest.param(path, negative, id=f"{suite}/{path.name}"))
    return sorted(cases, key=lambda p: p.id)


CASES = _cases()


def test_the_suites_are_here() -> None:
    if not CASES:
        missing(f"W3C RDF test suites not found under {SHARED / 'w3c-rdf-tests'}")
    assert len(CASES) > 400


@pytest.mark.parametrize(("path", "negative"), CASES)
def test_w3c_syntax(path: Path, negative: bool, tmp_path: Path) -> None:
    if negative:
        with pytest.raises(InputError) as caught:
            read_triples(path, name=path.name)
        assert caught.value.line is not None, f"error without a position: {caught.value}"
    else:
        source = read_triples(path, name=path.name)
        assert source.payload
