"""The README is the front door: its two Quick start commands work on a clean copy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def quick_start() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    commands = quick_start()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "kg demo" in commands[0]
    assert commands[1] == "scripts/test"
    ci = (REPO / ".ci" / "run").read_text()
    assert re.search(r"^scripts/test\s*$", ci, re.M)
    assert os.access(REPO / "scripts" / "test", os.X_OK)


def _clean_copy(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.mark.heavy
def test_quick_start_commands_run_on_a_clean_copy(tmp_path: Path) -> None:
    copy = _clean_copy(tmp_path / "repo")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "KG_STORE")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep)
                                  if not p.startswith(str(REPO)))
    demo, tests = quick_start()
    done = subprocess.run(demo, shell=True, cwd=copy, env=env, capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "$ kg query @people" in done.stdout
    assert (copy / "kg-store").is_dir()
    # The test command installs the test extras and starts pytest; collect one module only.
    env["CI"] = "false"
    done = subprocess.run(f"{tests} --collect-only -q tests/test_model.py", shell=True, cwd=copy,
                          env=env, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "tests/test_model.py::" in done.stdout
