"""Every module declares ``__all__``, and every name in it exists."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import graph


def modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(graph.__path__, "graph.")
                  if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", modules())
def test_module_has_docstring_and_all(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__doc__ and module.__doc__.strip(), f"{name} has no docstring"
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    for member in module.__all__:
        assert hasattr(module, member), f"{name}.__all__ names missing {member}"


def test_public_api() -> None:
    for name in ("open_store", "build", "read_triples", "run_query", "KG", "Minter"):
        assert name in graph.__all__
