"""The shipped example: build it, show a few answers, write its network view."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from graph.build import BuildSummary, build
from graph.errors import InputError
from graph.query import run_query, write_result
from graph.store.base import Store

__all__ = ["DEMO_QUERIES", "example_paths", "run_demo"]

DEMO_QUERIES = ("@meetings", "@people", "@facts")
"""Named queries whose results the demo prints."""


def example_paths() -> list[Path]:
    """Return the files of the shipped example (an article and a file of facts).

    Examples
    --------
    >>> sorted(p.suffix for p in example_paths())
    ['.csv', '.txt']
    """
    folder = Path(__file__).parent / "examples"
    return sorted(p for p in folder.iterdir() if p.suffix in (".csv", ".txt"))


def run_demo(
    store: Store,
    *,
    html: str | Path | None = "graph.html",
    echo: Callable[[str], None] = print,
) -> BuildSummary:
    """Build the shipped example into ``store``, print a few query results, write the view.

    Text extraction (for the article) and the view are used when this installation has them;
    the hand-written facts are always built.

    Examples
    --------
    >>> from graph.store import open_store
    >>> lines = []
    >>> summary = run_demo(open_store("memory:"), html=None, echo=lines.append)
    >>> summary.facts > 0 and any("@people" in line for line in lines)
    True
    """
    paths = example_paths()
    try:
        summary = build(paths, store)
    except InputError as exc:
        if "extraction is not available" not in str(exc):
            raise
        echo("(text extraction is not available: building the hand-written facts only)")
        summary = build([p for p in paths if p.suffix == ".csv"], store)
    echo(f"Built {store.url}: {summary}")
    for name in DEMO_QUERIES:
        out = io.BytesIO()
        write_result(run_query(store, name), out, "table")
        echo(f"\n$ kg query {name}\n{out.getvalue().decode('utf-8').rstrip()}")
    if html is not None:
        try:
            from graph.view import write_html
        except ImportError:
            echo("\n(the HTML view is not available in this version)")
        else:
            written = write_html(store, html)
            echo(f"\nWrote the network view to {written}")
    return summary
