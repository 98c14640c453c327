#!/usr/bin/env python
"""Measure the entities of built stores: counts by class, cross-article merges, gold coverage.

For each store: people, organisations and places (nodes merged by the identity graph count
once), how many of them several articles name (a cross-article merge: the same node reached
from two documents or more), the identity links ``kg build`` derived, and samples to check by
hand — merged nodes with the forms each article used, and pairs of people left apart although
they share a surname. With ``--gold``, the share of gold people that are a ``kg:Person``
reached by ``kg:mentions`` from their article (:mod:`graph.evaluate.entities`).

Usage:
  .venv/bin/python scripts/entities_eval.py STORE [STORE…] [--gold FOLDER] [--samples 20]
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict

from graph.evaluate.entities import entity_coverage
from graph.model.vocab import IDENTITY_GRAPH
from graph.store import open_store

CLASSES = {"Person": ("Person",), "Organization": ("Organization",),
           "Place": ("Place", "Country", "City", "Region")}


def canonical(store) -> dict[str, str]:
    rows = store.query(f"SELECT ?a ?b WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?a owl:sameAs ?b }} }}")
    return {a.value: b.value for a, b in rows}


def counts(store, same: dict[str, str]) -> dict[str, int]:
    out = {}
    for name, classes in CLASSES.items():
        values = " ".join(f"kg:{c}" for c in classes)
        rows = store.query(f"SELECT DISTINCT ?e WHERE {{ VALUES ?c {{ {values} }} ?e a ?c }}")
        out[name] = len({same.get(e.value, e.value) for (e,) in rows})
    return out


def merges(store, same: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    """Node → document → the forms it is named by there (people and organisations)."""
    rows = store.query("""
        SELECT ?e ?doc ?form WHERE {
          ?d kg:mentions ?e ; dcterms:identifier ?doc .
          VALUES ?c { kg:Person kg:Organization } ?e a ?c ; rdfs:label|skos:altLabel ?form }""")
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e, doc, form in rows:
        found[same.get(e.value, e.value)][doc.value].add(form.value)
    return {e: dict(docs) for e, docs in found.items()}


def apart(store, same: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of person nodes, named by different articles, that share their last name."""
    rows = store.query("""
        SELECT DISTINCT ?e ?l WHERE { ?d kg:mentions ?e . ?e a kg:Person ; rdfs:label ?l }""")
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e, label in rows:
        words = label.value.split()
        by_last[words[-1].lower()].add((same.get(e.value, e.value), label.value))
    pairs = []
    for group in by_last.values():
        nodes = sorted(group)
        for i, (a, la) in enumerate(nodes):
            for b, lb in nodes[i + 1:]:
                if a != b:
                    pairs.append((la, lb))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+")
    parser.add_argument("--gold", help="gold folder to measure person coverage against")
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(14)
    for url in args.stores:
        with open_store(url, read_only=True) as store:
            same = canonical(store)
            print(f"== {url}")
            print("  entities:", counts(store, same))
            found = merges(store, same)
            across = {e: docs for e, docs in found.items() if len(docs) >= 2}
            print(f"  people and organisations named by 2+ articles (cross-article merges): "
                  f"{len(across)}; identity links derived: {len(same)}")
            for e in rng.sample(sorted(across), min(args.samples, len(across))):
                forms = "; ".join(f"{d}: {' | '.join(sorted(f))}"
                                  for d, f in sorted(across[e].items())[:3])
                print(f"    merged  {e.rsplit('/', 1)[1]}  ←  {forms}")
            pairs = apart(store, same)
            for la, lb in rng.sample(pairs, min(args.samples, len(pairs))):
                print(f"    apart   {la}  ≠  {lb}")
            if args.gold:
                cov = entity_coverage(store, [args.gold])
                print(f"  gold people: {cov.people}, as kg:Person {cov.as_person}, "
                      f"mentioned by their article {cov.mentioned} ({cov.ratio:.3f})")
                for doc, name in cov.missing:
                    print(f"    missing {doc}: {name}")


if __name__ == "__main__":
    main()
