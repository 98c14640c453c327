"""SPARQL: loading queries (text, file, stdin or ``@name``), parameters, and result formats.

Named queries ship as ``.rq`` files in ``graph/query/named``. A query's parameters are the
variables it declares with ``VALUES ?name { UNDEF }``; :func:`bind` replaces that line with the
given value, so a named query is plain SPARQL that runs as is on any engine.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from graph.errors import QueryError
from graph.model.rdf import prefixed
from graph.model.vocab import PREFIXES
from graph.query.syntax import TOKEN
from graph.store.base import Result, Store

__all__ = [
    "FORMATS",
    "NamedQuery",
    "bind",
    "load_query",
    "named_queries",
    "rows_as_dicts",
    "run_query",
    "write_result",
]

FORMATS = ("table", "csv", "tsv", "json", "xml")
"""Output formats of SELECT/ASK results; CONSTRUCT/DESCRIBE always print Turtle."""

_PARAM = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}")


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with the package.

    Attributes
    ----------
    name : str
    text : str
    description : str
        The first comment lines.
    params : dict
        Parameter name → its description.
    """

    name: str
    text: str
    description: str
    params: dict[str, str]


def named_queries() -> dict[str, NamedQuery]:
    """Return the shipped named queries by name.

    Examples
    --------
    >>> sorted(named_queries())
    ['evidence', 'facts', 'meetings', 'mentions', 'people']
    >>> named_queries()["people"].params
    {'name': "a person's label or alias (any case); all people when not given."}
    """
    found: dict[str, NamedQuery] = {}
    folder = resources.files(__package__).joinpath("named")
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if not item.name.endswith(".rq"):
            continue
        text = item.read_text(encoding="utf-8")
        description, params = [], {}
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            body = line.lstrip("#").strip()
            match = re.match(r"param (\w+):\s*(.*)", body)
            if match:
                params[match.group(1)] = match.group(2)
            else:
                description.append(body)
        name = item.name[:-3]
        found[name] = NamedQuery(name, text, " ".join(description), params)
    return found


def load_query(ref: str, *, stdin: IO[str] | None = None) -> str:
    """Return the text of a query given as text, ``-`` (stdin), a ``.rq`` file or ``@name``.

    Examples
    --------
    >>> load_query("@people").startswith("#")
    True
    >>> load_query("ASK {}")
    'ASK {}'
    """
    if ref == "-":
        return (stdin or sys.stdin).read()
    if ref.startswith("@"):
        queries = named_queries()
        if ref[1:] not in queries:
            raise QueryError(f"no named query {ref!r}; known: @" + ", @".join(queries))
        return queries[ref[1:]].text
    if ref.endswith((".rq", ".sparql")) and "\n" not in ref:
        path = Path(ref)
        if not path.is_file():
            raise QueryError(f"no query file {ref}")
        return path.read_text(encoding="utf-8-sig")
    return ref


def bind(text: str, params: dict[str, str]) -> str:
    r"""Give values to a query's ``VALUES ?name { UNDEF }`` parameters, as string literals.

    Raises
    ------
    QueryError
        When a parameter is not declared by the query.

    Examples
    --------
    >>> bind("SELECT * { VALUES ?who { UNDEF } }", {"who": 'Bruno "B" Retailleau'})
    'SELECT * { VALUES ?who { "Bruno \\"B\\" Retailleau" } }'
    """
    declared = set(_PARAM.findall(text))
    unknown = sorted(set(params) - declared)
    if unknown:
        have = ", ".join(sorted(declared)) or "none"
        raise QueryError(f"unknown parameter {', '.join(unknown)}; this query takes: {have}")

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            return match.group(0)
        return f"VALUES ?{name} {{ {ox.Literal(params[name])} }}"

    return _PARAM.sub(value, text)


def run_query(store: Store, ref: str, params: dict[str, str] | None = None, *,
              distinct: bool = False) -> Result:
    """Load a query (see :func:`load_query`), bind its parameters and run it on ``store``.

    With ``distinct``, a SELECT returns each row once (see :func:`distinct_rows`).

    Examples
    --------
    >>> from graph.store import open_store
    >>> run_query(open_store("memory:"), "@people").variables
    ['person', 'position', 'country']
    """
    text = bind(load_query(ref), params or {})
    rewritten = distinct_rows(text) if distinct else text
    if rewritten == text:
        return store.query(text)
    try:
        return store.query(rewritten)
    except QueryError as exc:
        if "malformed" not in str(exc):
            raise
        return store.query(text)  # the error then points into the user's own text


def distinct_rows(text: str) -> str:
    """Make a SELECT query return each row once: ``SELECT`` → ``SELECT DISTINCT``.

    The default graph is the union of the sources, and the engines keep a solution once per
    source that holds its triples; this removes those repeats from the rows (an aggregate
    counts them still: ask ``COUNT(DISTINCT …)``). Other query forms, and a SELECT that
    already says DISTINCT or REDUCED, are left as they are.

    Examples
    --------
    >>> distinct_rows("PREFIX a: <http://x/> SELECT ?s WHERE { ?s a:p 'SELECT' }")
    "PREFIX a: <http://x/> SELECT DISTINCT ?s WHERE { ?s a:p 'SELECT' }"
    >>> distinct_rows("select distinct ?s where { ?s ?p ?o }")
    'select distinct ?s where { ?s ?p ?o }'
    >>> distinct_rows("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    """
    words = [(m.start(), m.end(), m.group(0).upper()) for m in TOKEN.finditer(text)
             if m.lastgroup == "word"]
    for n, (_, end, word) in enumerate(words):
        if word in ("PREFIX", "BASE"):
            continue
        if word != "SELECT":
            return text  # ASK, CONSTRUCT, DESCRIBE
        if n + 1 < len(words) and words[n + 1][2] in ("DISTINCT", "REDUCED"):
            return text
        return f"{text[:end]} DISTINCT{text[end:]}"
    return text


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return prefixed(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _table(result: Result, out: IO[str]) -> None:
    rows = [[_cell(t) for t in row] for row in result]
    header = result.variables
    widths = [len(h) for h in header]
    clipped = [[c.replace("\n", " ") for c in row] for row in rows]
    for row in clipped:
        widths = [max(w, min(len(c), 60)) for w, c in zip(widths, row, strict=True)]

    def line(cells: list[str]) -> str:
        parts = []
        for cell, width in zip(cells, widths, strict=True):
            text = cell if len(cell) <= width else cell[: width - 1] + "…"
            parts.append(text.ljust(width))
        return "  ".join(parts).rstrip()

    out.write(line(header) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in clipped:
        out.write(line(row) + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def write_result(result: Result, out: IO[bytes], fmt: str = "table") -> None:
    """Write a query result to a binary stream.

    SELECT and ASK results follow ``fmt`` (``table`` for people; ``json``, ``xml``, ``csv``
    and ``tsv`` are the SPARQL 1.1 result formats). CONSTRUCT and DESCRIBE results are
    written as Turtle with the usual prefixes.
    """
    if result.kind == "graph":
        ox.serialize(result.raw, out, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return
    if fmt == "table":
        text = io.StringIO()
        if result.kind == "boolean":
            text.write("yes\n" if bool(result) else "no\n")
        else:
            _table(result, text)
        out.write(text.getvalue().encode("utf-8"))
        return
    if fmt not in _RESULT_FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.kind == "boolean" and fmt in ("csv", "tsv"):
        out.write(b"true\n" if bool(result) else b"false\n")
        return
    result.serialize(out, format=_RESULT_FORMATS[fmt])


def rows_as_dicts(result: Result) -> list[dict[str, str]]:
    """Return SELECT rows as dictionaries of plain strings (for scripts and tests).

    Examples
    --------
    >>> from graph.store import open_store
    >>> rows_as_dicts(open_store("memory:").query("SELECT ?x WHERE { BIND(1 AS ?x) }"))
    [{'x': '1'}]
    """
    return [dict(zip(result.variables, (_cell(t) for t in row), strict=True)) for row in result]

