"""The query page at ``/``: a form, the shipped queries as examples, and results as a table.

The page is rendered on the server and carries no script; every value is escaped. Nothing is
loaded from another site.
"""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from graph.model.rdf import prefixed
from graph.model.vocab import PREFIXES
from graph.query import named_queries

__all__ = ["DEFAULT_QUERY", "generate_page", "prefix_lines"]

DEFAULT_QUERY = """SELECT ?person ?label WHERE {
  ?person a kg:Person ; rdfs:label ?label .
}
ORDER BY ?label
LIMIT 100"""
"""The query in the text area of an empty page."""

_STYLE = """
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; color: #222; }
textarea { width: 100%; font: 13px/1.35 ui-monospace, monospace; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: 1em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
.error { color: #a00; white-space: pre-wrap; border: 1px solid #a00; padding: .5em; }
.muted { color: #666; }
details { margin: .5em 0; }
iframe { width: 100%; height: 40em; border: 1px solid #ccc; margin-top: 1em; }
"""


def prefix_lines() -> str:
    """Return the ``PREFIX`` lines of the pre-bound prefixes.

    Examples
    --------
    >>> prefix_lines().splitlines()[0].startswith("PREFIX ")
    True
    """
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(PREFIXES.items()))


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = prefixed(term.value)
        return f'<span title="{html.escape(term.value)}">{html.escape(text)}</span>'
    if isinstance(term, ox.BlankNode):
        return html.escape(f"_:{term.value}")
    if isinstance(term, ox.Literal):
        extra = f"@{term.language}" if term.language else ""
        return html.escape(term.value) + (f' <span class="muted">{extra}</span>' if extra else "")
    return html.escape(str(term))


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(name)}</th>" for name in header)
    body = [f"<tr>{''.join(f'<td>{_cell(term)}</td>' for term in row)}</tr>" for row in rows]
    count = f'<p class="muted">{len(body)} row{"s" if len(body) != 1 else ""}</p>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{count}"


def _results(media: str, body: bytes) -> str:
    if media.startswith("application/sparql-results+json"):
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if isinstance(parsed, ox.QueryBoolean):
            return f"<p><strong>{'yes' if bool(parsed) else 'no'}</strong></p>"
        names = [v.value for v in parsed.variables]
        return _table(names, ([solution[n] for n in names] for solution in parsed))
    triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    return _table(["subject", "predicate", "object"],
                  ((t.subject, t.predicate, t.object) for t in triples))


def generate_page(query: str | None = None, *, status: int = 200, media: str = "",
                  body: bytes = b"", view: bool = False, allow_update: bool = False) -> str:
    """Return the query page, with the results of ``query`` when one was run.

    Parameters
    ----------
    query : str, optional
        The query in the text area (the prefixes and an example when ``None``).
    status, media, body
        The endpoint's answer to ``query``: a status, a media type and the result (JSON
        results or N-Triples), or an error message.
    view : bool
        Also draw CONSTRUCT results with the network view (``/view``).
    allow_update : bool
        Whether the endpoint takes updates (said on the page).

    Examples
    --------
    >>> answer = (b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": '
    ...           b'{"type": "literal", "value": "<b>"}}]}}')
    >>> page = generate_page("SELECT ?x { BIND('<b>' AS ?x) }", status=200,
    ...                      media="application/sparql-results+json", body=answer)
    >>> "<td>&lt;b&gt;</td>" in page
    True
    """
    text = query if query is not None else prefix_lines() + "\n" + DEFAULT_QUERY
    examples = []
    for name, named in named_queries().items():
        link = "/?" + urllib.parse.urlencode({"query": named.text})
        examples.append(f'<li><a href="{html.escape(link)}">@{html.escape(name)}</a> '
                        f'<span class="muted">{html.escape(named.description)}</span></li>')
    out = []
    if query is not None and status != 200:
        message = body.decode("utf-8", "replace").strip()
        out.append(f'<p class="error">HTTP {status}: {html.escape(message)}</p>')
    elif query is not None:
        out.append(_results(media, body))
        if view and not media.startswith("application/sparql-results"):
            src = "/view?" + urllib.parse.urlencode({"query": query})
            out.append(f'<iframe sandbox="allow-scripts" src="{html.escape(src)}" '
                       'title="network view"></iframe>')
    mode = "queries and updates" if allow_update else "read-only: queries only"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg — SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{_STYLE}</style></head>
<body>
<h1>kg — SPARQL query</h1>
<p class="muted">Endpoint: <code>/sparql</code> ({mode}). The prefixes
{html.escape(", ".join(sorted(PREFIXES)))} are pre-bound; the default graph is the union of
all sources. SERVICE is refused.</p>
<form method="get" action="/">
<textarea name="query" rows="16" spellcheck="false">{html.escape(text)}</textarea>
<p><button type="submit">Run query</button></p>
</form>
<details><summary>Shipped queries</summary><ul>{"".join(examples)}</ul></details>
{"".join(out)}
</body></html>
"""
