"""Short messages for malformed SPARQL: line, column, the offending token and a caret line.

Oxigraph reports a syntax error as ``error at LINE:COLUMN: expected …``, where the list of
what it expected can be a dump of its grammar's character classes, and the position is where
its parser gave up, which for a misspelt keyword can be a few tokens later. This module reads
the query again to name the token at fault and, when it is a misspelt keyword, the keyword.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

__all__ = ["KEYWORDS", "TOKEN", "explain_syntax_error"]

KEYWORDS = frozenset("""
    BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK DISTINCT REDUCED AS FROM NAMED WHERE ORDER BY ASC
    DESC LIMIT OFFSET GROUP HAVING VALUES UNDEF OPTIONAL GRAPH SERVICE SILENT BIND MINUS FILTER
    UNION EXISTS NOT IN LOAD CLEAR DROP CREATE ADD MOVE COPY TO INTO DATA INSERT DELETE WITH
    USING DEFAULT ALL LATERAL STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL
    FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE
    STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256
    SHA384 SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC
    REGEX SUBSTR REPLACE COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR TRUE FALSE
""".split())
"""SPARQL 1.1 keywords and built-in function names (any case in a query)."""

_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.S)
_TOKEN = re.compile(r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\s]*>)
    | (?P<var>[?$]\w+)
    | (?P<tag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
    | (?P<name>[A-Za-z_][\w.-]*:[\w.:%-]*|:[\w.:%-]*)
    | (?P<word>[A-Za-z_]\w*)
    | (?P<punct>\^\^|\|\||&&|!=|<=|>=|.)
""", re.X | re.S)
TOKEN = _TOKEN
"""The tokens of a SPARQL text, one named group per kind (``word``, ``string``, ``iri``…)."""
_WIDTH = 76


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(sparql: str) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "punct"
        if kind not in ("space", "comment"):
            found.append(_Token(kind, match.group(), match.start()))
    return found


def _offset(sparql: str, line: int, column: int) -> int:
    """Character offset of a 1-based line and column (clamped to the text)."""
    lines = sparql.split("\n")
    line = min(max(line, 1), len(lines))
    return min(sum(len(text) + 1 for text in lines[: line - 1]) + max(column - 1, 0),
               len(sparql))


def _line_col(sparql: str, offset: int) -> tuple[int, int]:
    before = sparql[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _caret(sparql: str, offset: int, length: int) -> str:
    """Return the query's line at ``offset`` (a window when long) and a caret line under it."""
    start = sparql.rfind("\n", 0, offset) + 1
    end = sparql.find("\n", offset)
    text = sparql[start:] if end < 0 else sparql[start:end]
    column = offset - start
    cut = 0
    if len(text) > _WIDTH:
        cut = max(0, min(column - _WIDTH // 2, len(text) - _WIDTH))
        text = ("…" if cut else "") + text[cut: cut + _WIDTH] + ("…" if cut + _WIDTH < len(text)
                                                                 else "")
        column = column - cut + (1 if cut else 0)
    text = text.replace("\t", " ")
    marks = "^" * max(1, min(length, len(text) - column))
    return f"  {text}\n  {' ' * column}{marks}"


def _misspelt(tokens: list[_Token], offset: int) -> tuple[_Token, str] | None:
    """Find the last bare word up to ``offset`` that is no keyword but looks like one."""
    for token in reversed([t for t in tokens if t.start <= offset]):
        if token.kind != "word" or token.text.upper() in KEYWORDS or token.text == "a":
            continue
        close = difflib.get_close_matches(token.text.upper(), sorted(KEYWORDS), n=1,
                                          cutoff=0.7)
        if close:
            return token, close[0]
    return None


def _second_opinion(sparql: str, tokens: list[_Token]) -> _Token | None:
    """Find the token where rdflib's SPARQL parser stops, if it stops before the end."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
    except ParseBaseException as exc:
        offset = _offset(sparql, exc.lineno, exc.col)
        return next((t for t in tokens if t.start <= offset < t.start + len(t.text)), None)
    except Exception:  # rdflib raises plain exceptions for some bad escapes and IRIs
        return None
    return None


def _ends_early(sparql: str, tokens: list[_Token]) -> str:
    """Say that the query stops short, and which bracket it leaves open."""
    pairs = {"}": "{", ")": "(", "]": "["}
    opened: list[_Token] = []
    for token in tokens:
        if token.text in pairs.values():
            opened.append(token)
        elif token.text in pairs and opened and opened[-1].text == pairs[token.text]:
            opened.pop()
    end = len(sparql.rstrip())
    line, column = _line_col(sparql, end)
    if opened:
        left = opened[-1]
        at_line, at_column = _line_col(sparql, left.start)
        return (f"malformed SPARQL at line {line}, column {column}: the query ends before "
                f"'{left.text}' (line {at_line}, column {at_column}) is closed\n"
                f"{_caret(sparql, left.start, 1)}")
    return (f"malformed SPARQL at line {line}, column {column}: the query ends too early\n"
            f"{_caret(sparql, end, 1)}")


def explain_syntax_error(message: str, sparql: str) -> str:
    """Turn an Oxigraph SPARQL syntax error into a short message about ``sparql``.

    Parameters
    ----------
    message : str
        The parser's message, ``error at LINE:COLUMN: …``.
    sparql : str
        The query as the parser read it.

    Returns
    -------
    str
        One line (``malformed SPARQL at line L, column C: …``), then the query's line and a
        caret line under the offending token.

    Examples
    --------
    >>> print(explain_syntax_error("error at 1:10: expected CONSTRUCT",
    ...                            "SELEC ?x WHERE { ?x ?p ?o }"))
    malformed SPARQL at line 1, column 1: unknown keyword 'SELEC' (did you mean SELECT?)
      SELEC ?x WHERE { ?x ?p ?o }
      ^^^^^
    >>> print(explain_syntax_error("error at 1:19: expected one of …", "ASK { ?x kg:met ?y"))
    malformed SPARQL at line 1, column 19: the query ends before '{' (line 1, column 5) is closed
      ASK { ?x kg:met ?y
          ^
    """
    match = _POSITION.match(message.strip())
    if match is None:
        first = message.strip().splitlines()[0] if message.strip() else "syntax error"
        return f"malformed SPARQL: {first[:200]}"
    line, column, expected = int(match.group(1)), int(match.group(2)), match.group(3)
    offset = _offset(sparql, line, column)
    tokens = _tokens(sparql)
    found = _misspelt(tokens, offset)
    if found is not None:
        token, keyword = found
        line, column = _line_col(sparql, token.start)
        return (f"malformed SPARQL at line {line}, column {column}: unknown keyword "
                f"'{token.text}' (did you mean {keyword}?)\n"
                f"{_caret(sparql, token.start, len(token.text))}")
    at = next((t for t in tokens if t.start <= offset < t.start + len(t.text)), None)
    if at is None:
        at = next((t for t in tokens if t.start >= offset), None)
    quote = next((t for t in tokens if t.text in ('"', "'")), None)
    if at is None and quote is not None:
        line, column = _line_col(sparql, quote.start)
        return (f"malformed SPARQL at line {line}, column {column}: this string is not closed\n"
                f"{_caret(sparql, quote.start, 1)}")
    if at is None:  # Oxigraph gave up at the end: find the place another way
        at = _second_opinion(sparql, tokens)
    if at is None:
        return _ends_early(sparql, tokens)
    line, column = _line_col(sparql, at.start)
    if "Prefix not found" in expected:
        prefixed = next((t for t in reversed(tokens) if t.start <= offset and t.kind == "name"),
                        at)
        line, column = _line_col(sparql, prefixed.start)
        prefix = prefixed.text.split(":", 1)[0]
        return (f"malformed SPARQL at line {line}, column {column}: unknown prefix "
                f"'{prefix}:' (declare it with PREFIX {prefix}: <…>)\n"
                f"{_caret(sparql, prefixed.start, len(prefixed.text))}")
    return (f"malformed SPARQL at line {line}, column {column}: unexpected '{at.text}'\n"
            f"{_caret(sparql, at.start, len(at.text))}")
