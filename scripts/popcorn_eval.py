#!/usr/bin/env python
"""Measure relation extraction against POPCORN (French, training half).

Builds the POPCORN texts through the real pipeline (``graph.build`` on a temporary JSONL
corpus, outside the repo) into a store, then compares the stored facts of each text with its
gold relations:

    IS_LOCATED_IN ≈ kg:locatedIn   IS_PART_OF ≈ kg:memberOf   IS_OF_NATIONALITY ≈ kg:country
    IS_IN_CONTACT_WITH ≈ kg:met    IS_COOPERATING_WITH ≈ kg:cooperatesWith

A stored fact matches a gold relation when its subject and object labels match mentions of
the gold entities (for nationalities, the entity's ``value``) under the loose rule of
``kg evaluate`` (accents, case, articles ignored; the words of one in order within the
other). Symmetric relations match either way round.

precision = stored facts matching a gold relation / stored facts (of that predicate)
recall    = gold relations found / gold relations
"in scope" recall counts only gold relations our vocabulary can state: both ends named (a
capitalised mention) and of the right kinds (places for locatedIn, people or organisations
for memberOf / country, people for met, organisations for cooperatesWith).

Usage::

    .venv/bin/python scripts/popcorn_eval.py [--limit N] [--store memory:] [--format json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph.build import build
from graph.errors import KGError
from graph.evaluate.match import names_match
from graph.store import open_store
from graph.store.base import Store

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("KG_SHARED_DATA", REPO.parent / "shared" / "data"))

MAPPING = {
    "IS_LOCATED_IN": "locatedIn",
    "IS_PART_OF": "memberOf",
    "IS_OF_NATIONALITY": "country",
    "IS_IN_CONTACT_WITH": "met",
    "IS_COOPERATING_WITH": "cooperatesWith",
}
SYMMETRIC = {"IS_IN_CONTACT_WITH", "IS_COOPERATING_WITH"}

PEOPLE = {"CIVILIAN", "MILITARY", "TERRORIST_OR_CRIMINAL"}
ORGANISATIONS = {"NON_GOVERNMENTAL_ORGANISATION", "NON_MILITARY_GOVERNMENT_ORGANISATION",
                 "MILITARY_ORGANISATION", "INTERGOVERNMENTAL_ORGANISATION"}
SCOPE = {
    "IS_LOCATED_IN": ({"PLACE"}, {"PLACE"}),
    "IS_PART_OF": (PEOPLE | ORGANISATIONS, ORGANISATIONS),
    "IS_OF_NATIONALITY": (PEOPLE | ORGANISATIONS, {"NATIONALITY"}),
    "IS_IN_CONTACT_WITH": (PEOPLE, PEOPLE),
    "IS_COOPERATING_WITH": (ORGANISATIONS, ORGANISATIONS),
}
# Attribute entities carry a copy of another entity's mentions (a known upstream defect):
# their "value" is their name.
ATTRIBUTES = {"NATIONALITY"}


@dataclass
class Score:
    gold: int = 0
    in_scope: int = 0
    found: int = 0
    found_in_scope: int = 0
    stored: int = 0
    correct: int = 0
    wrong: list[str] = field(default_factory=list)

    @staticmethod
    def ratio(num: int, den: int) -> float | None:
        return num / den if den else None

    def as_dict(self) -> dict:
        return {
            "gold": self.gold, "gold_in_scope": self.in_scope, "found": self.found,
            "found_in_scope": self.found_in_scope, "stored": self.stored, "correct": self.correct,
            "precision": self.ratio(self.correct, self.stored),
            "recall": self.ratio(self.found, self.gold),
            "recall_in_scope": self.ratio(self.found_in_scope, self.in_scope),
        }


def _is_named(text: str, entity: dict) -> bool:
    """A capitalised mention that does not just open a sentence."""
    for mention in entity.get("mentions", []):
        words = mention["value"].split()
        if any(w[:1].isupper() for w in words[1:]):
            return True
        start = mention.get("start", 0)
        before = text[:start].rstrip()
        if words and words[0][:1].isupper() and before and before[-1] not in ".!?»\"":
            return True
    return False


def _names(entity: dict) -> list[str]:
    if entity["type"] in ATTRIBUTES:
        return [entity["value"]] if entity.get("value") else []
    return [m["value"] for m in entity.get("mentions", [])]


def load(path: Path, limit: int | None) -> dict[str, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    keys = list(data)[:limit] if limit else list(data)
    return {f"popcorn-{key}": data[key] for key in keys}


def write_corpus(docs: dict[str, dict], folder: Path) -> Path:
    path = folder / "popcorn.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for doc_id, doc in docs.items():
            record = {"id": doc_id, "title": None, "date": None, "lang": "fr",
                      "source": f"popcorn/train.json#{doc_id[len('popcorn-'):]}",
                      "text": doc["text"]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def stored_facts(store: Store) -> dict[tuple[str, str], list[tuple[set[str], set[str], str]]]:
    """(document id, predicate) → stored facts as (subject names, object names, description)."""
    preds = " ".join(f"kg:{p}" for p in MAPPING.values())
    rows = store.query(
        f"SELECT ?id ?p ?s ?o ?sl ?ol WHERE {{ VALUES ?p {{ {preds} }} "
        "GRAPH ?g { ?g a kg:Document ; dcterms:identifier ?id . ?s ?p ?o } "
        # a post's country is not a nationality
        "FILTER (?p != kg:country || NOT EXISTS { ?s a kg:Position }) "
        "?s rdfs:label|skos:altLabel ?sl . ?o rdfs:label|skos:altLabel ?ol }"
    )
    names: dict[tuple[str, str, str, str], tuple[set[str], set[str]]] = {}
    for doc, p, s, o, sl, ol in rows:
        key = (doc.value, p.value.rsplit("#", 1)[-1], s.value, o.value)
        subject, obj = names.setdefault(key, (set(), set()))
        subject.add(sl.value)
        obj.add(ol.value)
    out: dict[tuple[str, str], list[tuple[set[str], set[str], str]]] = defaultdict(list)
    seen: set[tuple[str, str, frozenset[str]]] = set()
    for (doc, p, s, o), (s_names, o_names) in sorted(names.items()):
        if p in ("met", "cooperatesWith"):  # stored both ways: count once
            pair = (doc, p, frozenset((s, o)))
            if pair in seen:
                continue
            seen.add(pair)
        out[(doc, p)].append((s_names, o_names, f"{min(s_names)} —{p}→ {min(o_names)}"))
    return out


def score(docs: dict[str, dict], stored: dict) -> dict[str, Score]:
    scores = {rel: Score() for rel in MAPPING}
    for doc_id, doc in docs.items():
        entities = {e["id"]: e for e in doc["entities"]}
        for rel, predicate in MAPPING.items():
            pairs = {(s, o) for s, p, o in doc["relations"] if p == rel and s != o}
            if rel in SYMMETRIC:
                pairs = {tuple(sorted(pair)) for pair in pairs}
            facts = stored.get((doc_id, predicate), [])
            result = scores[rel]

            def matches(fact: tuple, pair: tuple, rel: str = rel) -> bool:
                s_names, o_names, _ = fact
                subject, obj = (_names(entities[pair[0]]), _names(entities[pair[1]]))
                if names_match(s_names, subject, loose=True) and names_match(
                        o_names, obj, loose=True):
                    return True
                return rel in SYMMETRIC and names_match(s_names, obj, loose=True) and (
                    names_match(o_names, subject, loose=True))

            kinds = SCOPE[rel]
            for pair in pairs:
                subject, obj = entities[pair[0]], entities[pair[1]]
                scoped = (
                    subject["type"] in kinds[0] and obj["type"] in kinds[1]
                    or rel in SYMMETRIC and obj["type"] in kinds[0] and subject["type"] in kinds[1]
                ) and _is_named(doc["text"], subject) and (
                    obj["type"] in ATTRIBUTES or _is_named(doc["text"], obj))
                hit = any(matches(fact, pair) for fact in facts)
                result.gold += 1
                result.in_scope += scoped
                result.found += hit
                result.found_in_scope += hit and scoped
            for fact in facts:
                result.stored += 1
                if any(matches(fact, pair) for pair in pairs):
                    result.correct += 1
                else:
                    result.wrong.append(f"[{doc_id}] {fact[2]}")
    return scores


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def print_table(scores: dict[str, Score], show: int) -> None:
    print(f"{'POPCORN relation':<22}{'kg:':<16}{'gold':>6}{'in scope':>10}{'found':>7}"
          f"{'stored':>8}{'correct':>9}{'P':>7}{'R':>7}{'R scope':>9}")
    for rel, result in scores.items():
        d = result.as_dict()
        print(f"{rel:<22}{MAPPING[rel]:<16}{d['gold']:>6}{d['gold_in_scope']:>10}{d['found']:>7}"
              f"{d['stored']:>8}{d['correct']:>9}{_fmt(d['precision']):>7}"
              f"{_fmt(d['recall']):>7}{_fmt(d['recall_in_scope']):>9}")
    if show:
        for rel, result in scores.items():
            if result.wrong:
                print(f"\nStored {MAPPING[rel]} facts matching no {rel} (first {show}):")
                for line in result.wrong[:show]:
                    print("  " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA / "popcorn" / "train.json")
    parser.add_argument("--limit", type=int, default=None, help="only the first N texts")
    parser.add_argument("--store", default="memory:", help="store to build into (memory:)")
    parser.add_argument("--no-build", action="store_true",
                        help="evaluate a store built before (with the same --limit)")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="print N unmatched stored facts per relation")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"Error: {args.data}: POPCORN training half not found", file=sys.stderr)
        return 1
    docs = load(args.data, args.limit)
    started = time.perf_counter()
    try:
        with open_store(args.store) as store:
            if not args.no_build:
                with tempfile.TemporaryDirectory(prefix="popcorn-") as folder:
                    summary = build([write_corpus(docs, Path(folder))], store)
                print(f"Built {len(docs)} texts: {summary}", file=sys.stderr)
            stored = stored_facts(store)
    except KGError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    scores = score(docs, stored)
    print(f"Scored in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.format == "json":
        print(json.dumps({rel: s.as_dict() for rel, s in scores.items()}, indent=2))
    else:
        print_table(scores, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
