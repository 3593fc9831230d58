"""Lint: ``ruff check`` over snippets, hooks, tests and benchmarks, so that the test command covers it.

What is checked and how (files, line length, rules, per-file exceptions) is ``[tool.ruff]`` in
pyproject.toml; ``ruff check`` from the repository root checks the same. Formatting is not checked.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_ruff_check_finds_nothing():
    command = [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"ruff check (try `ruff check --fix`):\n{result.stdout}{result.stderr}"
