"""The endpoint under load on loopback: no errors, and a slow query starves nobody.

Runs ``scripts/load_test.py`` (bounded in time and count, 127.0.0.1 only). The default run is
short; the heavy run is the 20 clients × 30 s of the reliability issue.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def load(tmp_path: Path, clients: int, seconds: int) -> dict:
    out = tmp_path / "load.json"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "load_test.py"), "--clients", str(clients),
         "--seconds", str(seconds), "--timeout", "5", "--slow", "--json", str(out)],
        capture_output=True, text=True, timeout=seconds + 240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(out.read_text())


def check(figures: dict) -> None:
    assert figures["errors"] == 0, figures["error_samples"]
    assert figures["requests"] > 0
    assert figures["slow_statuses"] == [503]  # the slow query is stopped at the limit…
    assert figures["max_ms"] < 1000 * figures["timeout_s"]  # …and no fast one waits past it


def test_short_load_with_a_slow_query(tmp_path: Path) -> None:
    check(load(tmp_path, clients=8, seconds=8))


@pytest.mark.heavy
def test_twenty_clients_for_thirty_seconds(tmp_path: Path) -> None:
    figures = load(tmp_path, clients=20, seconds=30)
    check(figures)
    print(json.dumps(figures))
