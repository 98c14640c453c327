"""Fixtures shared by the test suite.

Material from ``../shared/data`` (beside the repo) is read in place. Where it, or Chromium, is
missing, tests that need it skip with the reason; with ``CI=true`` they fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DATA", REPO.parent / "shared" / "data"))
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--heavy", action="store_true", help="also run the heavy cases")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--heavy"):
        return
    skip = pytest.mark.skip(reason="heavy case: run with --heavy")
    for item in items:
        if "heavy" in item.keywords:
            item.add_marker(skip)


def missing(reason: str) -> None:
    """Skip the test, or fail it under CI where everything must be present."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: required)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ``../shared/data`` folder (seed, gold, corpus, POPCORN, W3C suites)."""
    if not SHARED.is_dir():
        missing(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's Chromium, for the browser tests."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")  # type: ignore[return-value]


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty store of each embedded kind."""
    url = "memory:" if request.param == "memory" else str(tmp_path / "store")
    with open_store(url) as opened:
        yield opened


@pytest.fixture
def kg(tmp_path: Path):
    """Run the ``kg`` command in a subprocess; returns the CompletedProcess."""

    def run(*args: str, input: str | None = None, cwd: Path | None = None, env: dict | None = None,
            check: bool = False) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, "KG_STORE": str(tmp_path / "kg-store"), **(env or {})}
        done = subprocess.run(
            [sys.executable, "-m", "graph", *args], input=input, capture_output=True, text=True,
            cwd=cwd or tmp_path, env=full_env, timeout=600,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"kg {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
        return done

    return run
