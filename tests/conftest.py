"""Shared fixtures: the built site (one strict build per test run) and a localhost server for it.

The helpers (paths, languages, a copy of the project, the system Chromium, the server
itself) are in support.py, which benchmarks import too; test files may import them from here."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from filelock import FileLock

from support import (
    BUILD_INPUTS,
    LANGUAGES,
    ROOT,
    SITE_PATH,
    copy_project,
    lang_prefix,
    require_chromium,
    serve,
)

# Re-exported: test files write `from conftest import ROOT, LANGUAGES, lang_prefix`
__all__ = [
    "BUILD_INPUTS", "LANGUAGES", "ROOT", "SITE_PATH", "copy_project", "lang_prefix", "require_chromium"
]

T = TypeVar("T")


def once_per_run(tmp_path_factory, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, computed once per test run and shared by the test processes.

    The tests run in one process per core (pytest-xdist, ``-n auto`` in pyproject.toml), and a
    session fixture runs once in each. For the costly ones, the first process computes the
    result under a file lock and pickles it into the run's shared temporary folder; the others
    wait and read it. An exception is not stored: each process meets it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each worker's folder is inside the run's
    stored = shared / f"{name}.pickle"
    with FileLock(shared / f"{name}.lock"):
        if not stored.exists():
            stored.write_bytes(pickle.dumps(compute()))
    return pickle.loads(stored.read_bytes())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, str]:
    """Build the site once per test run with --strict; returns (site_dir, build log)."""

    def build():
        site_dir = tmp_path_factory.mktemp("site")
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
        )
        return result.returncode, site_dir, result.stdout + result.stderr

    returncode, site_dir, log = once_per_run(tmp_path_factory, "built_site", build)
    assert returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return site_dir, log


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of the built site served on localhost, e.g. http://127.0.0.1:PORT/activation-handbook/."""
    site_dir, _ = built_site
    with serve(site_dir) as url:
        yield url


# The caches a build fills (figures, formulas, notebooks); copy_project brings Mermaid's tarball
WARM_CACHES = ("figures", "mathjax", "mkdocs-jupyter")


@pytest.fixture
def warm_copy(tmp_path, built_site) -> Path:
    """A copy of the project with the caches the session's build left, so that a build there
    only does what the test changes (a test of a failing build fails in seconds, not after
    drawing every figure and typesetting every formula)."""
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    for name in WARM_CACHES:
        if (ROOT / ".cache" / name).is_dir():
            shutil.copytree(ROOT / ".cache" / name, project / ".cache" / name, dirs_exist_ok=True)
    return project

