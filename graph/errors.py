"""Errors raised by kg-builder, drawn as a tree.

::

    KGError                      anything the user can act on; the CLI prints it and exits 1
    ├── InputError               a file is malformed: file, line, column, reason
    ├── StoreError               a store cannot be opened, read or written
    │   └── StoreBusy            another process holds the store
    └── QueryError               a query is malformed or refused
        └── QueryTimeout         a query ran past its time limit
"""

from __future__ import annotations

__all__ = ["InputError", "KGError", "QueryError", "QueryTimeout", "StoreBusy", "StoreError"]


class KGError(Exception):
    """Base class of the errors a user can act on."""


class InputError(KGError):
    """A source is malformed; it is rejected whole.

    Examples
    --------
    >>> str(InputError("facts.csv", "unknown predicate 'mett'", line=3))
    "facts.csv:3: unknown predicate 'mett'"
    >>> str(InputError("x.ttl", "bad IRI", line=2, column=7))
    'x.ttl:2:7: bad IRI'
    """

    def __init__(
        self, path: str, reason: str, *, line: int | None = None, column: int | None = None
    ) -> None:
        self.path, self.reason, self.line, self.column = str(path), reason, line, column
        where = self.path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {reason}")


class StoreError(KGError):
    """A store cannot be opened, read or written."""


class StoreBusy(StoreError):
    """Another process is writing the store."""


class QueryError(KGError):
    """A query is malformed, or refused (SERVICE, an update on a read-only endpoint)."""


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""
