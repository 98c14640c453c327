#!/usr/bin/env python
"""Benchmark the HTML network view: generation time, file size, and time to open and become
interactive in headless Chromium (outside requests blocked).

Rows: the 93-article Wikinews corpus (when text extraction exists), its co-mention network
(``kg view --comentions``), and synthetic graphs of
1k, 5k and 20k nodes built from hand-written CSV facts through the real build and store.
"Interactive" is the page's first drawn frame after its script ran (``body[data-ready]``), measured
from navigation start; "search→panel" is then the time to find a node by name and show its panel.

Usage:  .venv/bin/python scripts/bench_view.py [--sizes 1000,5000,20000] [--no-corpus]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from graph.build import build
from graph.store import open_store
from graph.view import write_html
from graph.view.data import read_comentions, read_network

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "wikinews-fr-2012" / "docs.jsonl"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
TARGET_S = 5.0

KINDS = [("Person", 0.5), ("Organization", 0.15), ("City", 0.2), ("Country", 0.05),
         ("Agreement", 0.05), ("Topic", 0.05)]
RELATION = {
    ("Person", "Person"): "met", ("Person", "City"): "visited", ("Person", "Country"): "visited",
    ("Person", "Organization"): "memberOf", ("City", "Country"): "locatedIn",
    ("Organization", "Country"): "country", ("Country", "Country"): "cooperatesWith",
    ("Organization", "Organization"): "cooperatesWith", ("City", "City"): "locatedIn",
}


def synthetic_csv(nodes: int, path: Path, seed: int = 11) -> None:
    """Write a scale-free network of ``nodes`` entities as hand-written CSV facts."""
    rng = random.Random(seed)
    graph = nx.barabasi_albert_graph(nodes, 1, seed=seed)
    for _ in range(nodes // 4):  # some cycles, as real news networks have
        graph.add_edge(rng.randrange(nodes), rng.randrange(nodes))
    kinds = {n: rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0] for n in graph}
    lines = ["subject,predicate,object,subject_type,object_type,date,source,note"]
    for u, v in graph.edges:
        if u == v:
            continue
        a, b = kinds[u], kinds[v]
        if (a, b) not in RELATION:
            u, v, a, b = v, u, b, a
        relation = RELATION.get((a, b), "concerns")
        date = f"20{rng.randint(10, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines.append(f"{a} {u},{relation},{b} {v},{a},{b},{date},,synthetic fact {u}-{v}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure_page(browser, html: Path, needle: str) -> tuple[float, float, int]:
    """Return (seconds to interactive, ms from search to panel, outside requests)."""
    outside: list[str] = []
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 800})

    def route(r) -> None:
        if r.request.url.split(":", 1)[0] in ("file", "data", "blob"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(html.as_uri(), timeout=600_000)
    page.wait_for_selector("body[data-ready='1']", timeout=600_000)
    ready = page.evaluate("window.kgReadyAt") / 1000
    searched = page.evaluate("""needle => {
        const t0 = performance.now();
        const box = document.getElementById('search'); box.value = needle;
        document.getElementById('search-form').requestSubmit();
        const head = () => document.querySelector('#panel h3').textContent;
        return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
            () => done([performance.now() - t0, head()]))));
    }""", needle)
    page.close()
    if errors or searched[1] != needle:
        raise RuntimeError(f"page errors {errors[:3]} / panel {searched[1]!r}")
    return ready, searched[0], len(outside)


def row(name: str, build_inputs: list[Path], browser, work: Path, needle: str,
        **options) -> list[str]:
    with open_store("memory:") as store:
        build(build_inputs, store)
        if not needle:  # a person the view draws (with a relation)
            network = (read_comentions(store) if options.get("comentions")
                       else read_network(store))
            linked = {e.source for e in network.edges} | {e.target for e in network.edges}
            needle = min(n.label for iri, n in network.nodes.items()
                         if n.cls == "Person" and iri in linked)
        start = time.perf_counter()
        html = write_html(store, work / f"{name}.html", **options)
        generated = time.perf_counter() - start
        page = html.read_text(encoding="utf-8")
    nodes, edges = page.count('"cls": '), page.count('"rel": ')
    ready, search_ms, outside = measure_page(browser, html, needle)
    verdict = "ok" if ready < TARGET_S else "SLOW"
    return [name, str(nodes), str(edges), f"{generated:.2f}", f"{html.stat().st_size / 1e6:.1f}",
            f"{ready:.2f}", f"{search_ms:.0f}", str(outside), verdict]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--no-corpus", action="store_true")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        work = Path(folder)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        if options.no_corpus:
            pass
        elif not CORPUS.exists():
            print(f"(corpus row skipped: {CORPUS} not found)", file=sys.stderr)
        else:
            try:
                from graph.extract import extract_sources  # noqa: F401
            except ImportError:
                print("(corpus row skipped: text extraction is not available)", file=sys.stderr)
            else:
                rows.append(row("wikinews-fr-2012 (93 articles)", [CORPUS], browser, work, ""))
                rows.append(row("wikinews-fr-2012 --comentions", [CORPUS], browser, work, "",
                                comentions=True))
        for size in (int(s) for s in options.sizes.split(",") if s):
            csv = work / f"synthetic-{size}.csv"
            synthetic_csv(size, csv)
            needle = csv.read_text(encoding="utf-8").splitlines()[1].split(",")[0]
            rows.append(row(f"synthetic {size:,} nodes", [csv], browser, work, needle))
            print(f"  done: {rows[-1][0]}", file=sys.stderr)
        browser.close()
    head = ["graph", "nodes", "edges", "generate s", "MB", "interactive s", "search→panel ms",
            "outside requests", f"< {TARGET_S:.0f} s"]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for line in [head, ["-" * w for w in widths], *rows]:
        print(" | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
    print(f"\ncommand: .venv/bin/python scripts/bench_view.py {' '.join(sys.argv[1:])}".rstrip())


if __name__ == "__main__":
    main()
