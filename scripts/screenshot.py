#!/usr/bin/env python
"""Render a network view in headless Chromium at 1400×900 and save a PNG for the README.

Builds ``graph/examples/`` (or, with ``--corpus``, the 93 Wikinews articles of
``../shared/data/corpus``) into a memory store, writes the view, opens it with outside requests
blocked, selects a ``met`` edge (else the edge with the most evidence) so the side panel shows
its sentences, and saves the PNG.

Usage:  .venv/bin/python scripts/screenshot.py [--corpus] [-o PNG]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from graph.build import build
from graph.demo import example_paths
from graph.errors import InputError
from graph.store import open_store
from graph.view import write_html

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LIMIT = 300_000


CORPUS = REPO.parent / "shared" / "data" / "corpus" / "wikinews-fr-2012" / "docs.jsonl"


def example_view(target: Path, corpus: bool = False) -> Path:
    """Build the shipped example (or the corpus) into a memory store; write its view."""
    with open_store("memory:") as store:
        if corpus:
            build([CORPUS], store)
            return write_html(store, target, title="Wikinews FR 2012 (93 articles)")
        paths = example_paths()
        try:
            build(paths, store)
        except InputError as exc:
            if "extraction is not available" not in str(exc):
                raise
            print("(text extraction is not available: hand-written facts only)", file=sys.stderr)
            build([p for p in paths if p.suffix == ".csv"], store)
        return write_html(store, target, title="kg-builder example")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="store_true", help="the Wikinews corpus instead")
    parser.add_argument("-o", "--output", default=None)
    args = parser.parse_args()
    name = "screenshot-corpus.png" if args.corpus else "screenshot.png"
    output = Path(args.output or REPO / "docs" / name)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        html = example_view(Path(folder) / "example.html", corpus=args.corpus)
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        outside: list[str] = []

        def route(r) -> None:
            if r.request.url.split(":", 1)[0] in ("file", "data", "blob"):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(html.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        page.wait_for_timeout(500)
        page.evaluate("""() => {
            const data = window.kgView.network.body.data;
            const met = e => (e.rel === 'met' ? 1 : 0);
            const edges = data.edges.get().sort((a, b) => met(b) - met(a)
                || b.ev.length - a.ev.length);
            if (edges.length) {
                window.kgView.network.selectEdges([edges[0].id]);
                window.kgView.showEdge(edges[0].id);
            }
        }""")
        page.wait_for_timeout(300)
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output))
        browser.close()
    if outside:
        raise SystemExit(f"the page tried to load {outside}")
    size = output.stat().st_size
    print(f"wrote {output} ({size / 1000:.0f} KB)")
    if size > LIMIT:
        raise SystemExit(f"{output} is over {LIMIT // 1000} KB")


if __name__ == "__main__":
    main()
