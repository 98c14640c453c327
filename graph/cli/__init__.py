"""The ``kg`` command line: thin wrappers over the library, one module per command.

Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 error, 2 usage.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from graph.errors import KGError

__all__ = ["COMMANDS", "cli", "main"]

COMMANDS = (
    "build", "query", "export", "stats", "validate", "demo", "view", "serve", "analyze",
    "evaluate", "remove",
)
"""Command modules of :mod:`graph.cli`, each defining a click command named after it."""


class _Group(click.Group):
    """A group that turns library errors into a clean message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg-builder", prog_name="kg")
def cli() -> None:
    """Build a knowledge graph of news and explore it.

    Articles and hand-written facts go into one RDF store; query it with SPARQL, analyse it,
    and explore it as an interactive network.
    """


for _name in COMMANDS:
    try:
        _module = importlib.import_module(f"graph.cli.{_name}")
    except ModuleNotFoundError as _exc:  # a command whose module is not written yet
        if _exc.name != f"graph.cli.{_name}":
            raise
        continue
    cli.add_command(getattr(_module, _name))


def main() -> None:
    """Entry point of the ``kg`` console script."""
    cli(prog_name="kg")
