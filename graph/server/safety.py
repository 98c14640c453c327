"""Checking a SPARQL request before it runs: parse it, refuse ``SERVICE`` and ``LOAD``.

Oxigraph follows ``SERVICE <url>`` to any address and has no switch to turn that off, so a
query that reaches it with a ``SERVICE`` clause could make the server call any host it can
reach. The request is parsed with rdflib's SPARQL 1.1 grammar and its parse tree walked: a
``SERVICE`` anywhere (subquery, ``OPTIONAL``, ``MINUS``, ``EXISTS`` filter, update ``WHERE``)
or a ``LOAD`` operation refuses the request. Words inside strings or comments are not clauses
and do not count.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from graph.errors import QueryError

__all__ = ["Refused", "check_query", "check_update"]

_FORBIDDEN = {
    "ServiceGraphPattern": "SERVICE (federated query) is not allowed on this endpoint",
    "Load": "LOAD is not allowed on this endpoint",
}
_FORMS = {
    "SelectQuery": "select",
    "AskQuery": "ask",
    "ConstructQuery": "construct",
    "DescribeQuery": "describe",
}


class Refused(QueryError):
    """A well-formed request that the endpoint will not run (``SERVICE``, ``LOAD``)."""


def _nodes(tree: Any) -> Iterator[CompValue]:
    """Yield every grammar node of a parse tree, depth first, without recursion limits."""
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, ParseResults | list | tuple):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


def _parse(parser: Any, text: str) -> Any:
    try:
        return parser(text)
    except ParseBaseException as exc:
        raise QueryError(
            f"malformed SPARQL at line {exc.lineno}, column {exc.col}: {exc.msg} "
            f"(found {exc.line.strip()[:80]!r})"
        ) from None
    except Exception as exc:  # rdflib raises plain exceptions for some bad escapes and IRIs
        raise QueryError(f"malformed SPARQL: {exc}") from None


def _refuse(tree: Any) -> None:
    for node in _nodes(tree):
        if node.name in _FORBIDDEN:
            raise Refused(_FORBIDDEN[node.name])


@functools.lru_cache(maxsize=512)
def check_query(text: str) -> str:
    """Parse a query; return its form or raise.

    Accepted queries are remembered (512 of them): rdflib's parser takes tens of milliseconds
    under the GIL, and clients repeat their queries.

    Returns
    -------
    str
        ``"select"``, ``"ask"``, ``"construct"`` or ``"describe"``.

    Raises
    ------
    QueryError
        When the query is malformed (with line and column).
    Refused
        When it holds a ``SERVICE`` clause.

    Examples
    --------
    >>> check_query("SELECT * WHERE { ?s kg:met ?o FILTER(?o != 'SERVICE <http://x/>') }")
    'select'
    >>> check_query("ASK { { SELECT ?s { SERVICE <http://10.0.0.1/> { ?s ?p ?o } } } }")
    Traceback (most recent call last):
    ...
    graph.server.safety.Refused: SERVICE (federated query) is not allowed on this endpoint
    >>> check_query("SELECT * WHERE { ?s ?p }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: malformed SPARQL at line 1, column 18: ...
    """
    tree = _parse(parseQuery, text)
    _refuse(tree)
    for node in _nodes(tree):
        if node.name in _FORMS:
            return _FORMS[node.name]
    raise QueryError("malformed SPARQL: not a SELECT, ASK, CONSTRUCT or DESCRIBE query")


def check_update(text: str) -> None:
    """Parse an update; raise :class:`QueryError` or :class:`Refused` like :func:`check_query`.

    Examples
    --------
    >>> check_update("INSERT DATA { <http://x/a> kg:met <http://x/b> }")
    >>> check_update("LOAD <http://169.254.169.254/> INTO GRAPH <http://x/g>")
    Traceback (most recent call last):
    ...
    graph.server.safety.Refused: LOAD is not allowed on this endpoint
    """
    _refuse(_parse(parseUpdate, text))
