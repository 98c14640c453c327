"""``kg serve``: the SPARQL endpoint, Graph Store and query page over HTTP."""

from __future__ import annotations

import sys

import click

from graph.cli.options import store_option
from graph.store import default_store_url

__all__ = ["serve"]


@click.command(short_help="Serve the store over HTTP (SPARQL, Graph Store, query page).")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (only loopback is safe without a proxy).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on (0: a free one).")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL updates and Graph Store writes (same origin only).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds a request may run before it is stopped with 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10000, show_default=True,
              help="Most rows (or triples) in a result.")
@click.option("--max-body", type=click.IntRange(min=1), default=10_000_000, show_default=True,
              help="Largest request body in bytes.")
@click.option("--get", "get_path", metavar="PATH", default=None,
              help="Answer GET PATH without opening a socket, print the body; exit 0 only on "
              "HTTP 200.")
def serve(store_url: str | None, host: str, port: int, allow_update: bool, timeout: float,
          max_rows: int, max_body: int, get_path: str | None) -> None:
    """Serve the store over HTTP: SPARQL, Graph Store and a query page.

    The SPARQL 1.1 Protocol is at /sparql, the Graph Store Protocol at /store and a query
    page at /. Read-only and bound to 127.0.0.1 by default; SERVICE is refused; each query
    is stopped at --timeout.
    """
    from graph.server import answer
    from graph.server import serve as run_server

    url = store_url or default_store_url()
    if get_path is not None:
        reply = answer(url, get_path, allow_update=allow_update, timeout=timeout,
                       max_rows=max_rows, max_body=max_body)
        sys.stdout.buffer.write(reply.body)
        sys.stdout.flush()
        if reply.status != 200:
            click.echo(f"HTTP {reply.status}", err=True)
            sys.exit(1)
        return
    run_server(url, host, port, allow_update, timeout, max_rows=max_rows, max_body=max_body)
