"""Stores: one interface, backends chosen by URL and registered like plugins.

``open_store("kg-store")`` opens an embedded Oxigraph store on disk, ``open_store("memory:")``
one in memory, and ``open_store("http://host/…")`` a remote SPARQL 1.1 endpoint. Backends are
registered by URL scheme with :func:`register`; the built-in ones use the same hook.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass

from graph.errors import StoreError
from graph.store.base import EXPORT_FORMATS, Result, SourceInfo, Store

__all__ = [
    "DEFAULT_STORE",
    "EXPORT_FORMATS",
    "Result",
    "SourceInfo",
    "Store",
    "default_store_url",
    "open_store",
    "register",
    "registered",
]

DEFAULT_STORE = "kg-store"
"""Store used when neither ``--store`` nor ``$KG_STORE`` is given."""


@dataclass(frozen=True)
class _Backend:
    module: str
    factory: str


_BACKENDS: dict[str, _Backend] = {}


def register(scheme: str, module: str, factory: str) -> None:
    """Register a backend for URLs starting with ``scheme`` (``"memory:"``, ``"http://"``…).

    The module is imported only when a store of that kind is opened. The factory is called as
    ``factory(url, *, read_only)``. The scheme ``""`` is the fallback (a directory).
    """
    _BACKENDS[scheme] = _Backend(module, factory)


def registered() -> list[str]:
    """Return the registered URL schemes.

    Examples
    --------
    >>> "memory:" in registered()
    True
    """
    return sorted(_BACKENDS)


def default_store_url() -> str:
    """Return ``$KG_STORE`` or :data:`DEFAULT_STORE`."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def open_store(url: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open a store by URL.

    Parameters
    ----------
    url : str, optional
        A directory (embedded Oxigraph on disk), ``memory:``, or an ``http(s)://`` SPARQL
        endpoint. Defaults to :func:`default_store_url`.
    read_only : bool
        Readers pass ``True``: a missing on-disk store is then an error, not a new store, and
        an embedded store opens without its lock, so reading works while a build writes.

    Examples
    --------
    >>> with open_store("memory:") as store:
    ...     store.query("ASK { ?s ?p ?o }").kind
    'boolean'
    """
    text = os.fspath(url) if url is not None else default_store_url()
    matches = [scheme for scheme in _BACKENDS if scheme and text.startswith(scheme)]
    scheme = max(matches, key=len) if matches else ""
    if scheme not in _BACKENDS:
        raise StoreError(f"no backend for {text!r}; known: {', '.join(registered())}")
    backend = _BACKENDS[scheme]
    module = importlib.import_module(backend.module)
    factory: Callable[..., Store] = getattr(module, backend.factory)
    return factory(text, read_only=read_only)


def _open_memory(url: str, *, read_only: bool = False) -> Store:
    from graph.store.oxigraph import OxigraphStore

    return OxigraphStore(None)


def _open_directory(url: str, *, read_only: bool = False) -> Store:
    from graph.store.oxigraph import OxigraphStore

    return OxigraphStore(url, create=not read_only, read_only=read_only)


register("memory:", __name__, "_open_memory")
register("", __name__, "_open_directory")
register("http://", "graph.store.remote", "open_remote")
register("https://", "graph.store.remote", "open_remote")
