"""Options shared by several commands, as decorators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from graph.query import FORMATS
from graph.store import Store, default_store_url, open_store

__all__ = [
    "EVENTS", "events_option", "format_option", "open_from_cli", "params_option", "store_option",
]

F = TypeVar("F", bound=Callable[..., Any])


def store_option(func: F) -> F:
    """Add ``--store`` (a directory, ``memory:`` or an ``http(s)://`` endpoint)."""
    return click.option(
        "--store",
        "store_url",
        default=None,
        metavar="STORE",
        help="Store: a directory (default ./kg-store or $KG_STORE), memory:, or http(s)://… "
        "SPARQL endpoint.",
    )(func)


EVENTS = ("nodes", "edges")
"""How events (meetings, visits…) are drawn and measured: the first is the default."""


def events_option(func: F) -> F:
    """Add ``--events nodes|edges``, the same in every command that builds the network."""
    return click.option(
        "--events", type=click.Choice(EVENTS), default=EVENTS[0], show_default=True,
        help="Events (meetings, visits…) as nodes linked to their participants and place, or "
        "collapsed into edges between them.",
    )(func)


def format_option(choices: tuple[str, ...] = FORMATS, default: str = "table") -> Callable[[F], F]:
    """Add one ``--format`` choice."""
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
        help="Output format.",
    )


def params_option(func: F) -> F:
    """Add ``-p name=value`` query parameters."""
    return click.option(
        "-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
        help="Value of a query parameter (VALUES ?NAME { UNDEF } in the query).",
    )(func)


def parse_params(items: tuple[str, ...]) -> dict[str, str]:
    """Turn ``name=value`` strings into a dictionary."""
    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--param")
        params[name.strip()] = value
    return params


def open_from_cli(url: str | None, *, read_only: bool = False) -> Store:
    """Open the store named by ``--store`` (or the default)."""
    return open_store(url or default_store_url(), read_only=read_only)
