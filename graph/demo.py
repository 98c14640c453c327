"""The shipped example: build it, show a few answers, write its network view."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from graph.build import BuildSummary, build
from graph.errors import InputError
from graph.query import run_query, write_result
from graph.store.base import Store

__all__ = ["DEMO_QUERIES", "build_message", "example_paths", "run_demo"]

DEMO_QUERIES = ("@meetings", "@people", "@facts")
"""Named queries whose results the demo prints."""


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def build_message(url: str, summary: BuildSummary) -> str:
    """Return the one-line summary that ``kg build`` and ``kg demo`` print on stderr.

    Examples
    --------
    >>> build_message("memory:", BuildSummary(sources=1, facts=1, triples=21, seconds=0.01))
    'Built in memory: 1 source (0 documents), 1 fact, 21 triples in 0.0 s'
    >>> message = build_message("kg-store", BuildSummary(sources=2, documents=1, unchanged=1))
    >>> message.startswith("Built kg-store: 2 sources (1 document)")
    True
    >>> message.endswith(", 1 unchanged source skipped")
    True
    """
    where = "in memory" if url == "memory:" else url
    skipped = (f", {_count(summary.unchanged, 'unchanged source')} skipped"
               if summary.unchanged else "")
    return (f"Built {where}: {_count(summary.sources, 'source')} "
            f"({_count(summary.documents, 'document')}), {_count(summary.facts, 'fact')}, "
            f"{_count(summary.triples, 'triple')} in {summary.seconds:.1f} s{skipped}")


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
    note: Callable[[str], None] | None = None,
) -> BuildSummary:
    """Build the shipped example into ``store``, print a few query results, write the view.

    Text extraction (for the article) and the view are used when this installation has them;
    the hand-written facts are always built.

    Parameters
    ----------
    store : Store
    html : str or Path, optional
        Where to write the network view (``None``: no view).
    echo : callable
        Receives the data: the queries and their results (``kg demo`` prints them on stdout).
    note : callable, optional
        Receives the messages: the build summary, what was written (``kg demo`` prints them on
        stderr). Defaults to ``echo``.

    Returns
    -------
    BuildSummary

    Examples
    --------
    >>> from graph.store import open_store
    >>> lines = []
    >>> summary = run_demo(open_store("memory:"), html=None, echo=lines.append)
    >>> summary.facts > 0 and any("@people" in line for line in lines)
    True
    """
    say = note or echo
    paths = example_paths()
    try:
        summary = build(paths, store)
    except InputError as exc:
        if "extraction is not available" not in str(exc):
            raise
        say("(text extraction is not available: building the hand-written facts only)")
        summary = build([p for p in paths if p.suffix == ".csv"], store)
    say(build_message(store.url, summary))
    for n, name in enumerate(DEMO_QUERIES):
        out = io.BytesIO()
        write_result(run_query(store, name), out, "table")
        gap = "\n" if n else ""  # a blank line between the queries
        echo(f"{gap}$ kg query {name}\n{out.getvalue().decode('utf-8').rstrip()}")
    if html is not None:
        try:
            from graph.view import write_html
        except ImportError:
            say("(the HTML view is not available in this version)")
        else:
            written = write_html(store, html)
            say(f"Wrote the network view to {written}")
    return summary
