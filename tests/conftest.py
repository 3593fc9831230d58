"""Shared fixtures: the built site (one strict build per test run) and a localhost server for it.

The helpers (paths, languages, a copy of the project, the system Chromium, the server
itself) are in support.py, which benchmarks import too; test files may import them from here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from support import (
    BUILD_INPUTS,
    CHROMIUM,
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
    "BUILD_INPUTS", "CHROMIUM", "LANGUAGES", "ROOT", "SITE_PATH", "copy_project", "lang_prefix", "require_chromium"
]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, str]:
    """Build the site once per test run with --strict; returns (site_dir, build log).

    The tests run in several processes (pytest-xdist, ``-n`` in pyproject.toml): the first
    that needs the site builds it into the run's shared temporary folder, under a file lock,
    and the others wait for it and use it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each worker's folder is inside the run's
    site_dir, done = shared / "site", shared / "site.json"
    with FileLock(shared / "site.lock"):
        if not done.exists():
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                cwd=ROOT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                capture_output=True,
                text=True,
            )
            done.write_text(json.dumps([result.returncode, result.stdout + result.stderr]), encoding="utf-8")
    returncode, log = json.loads(done.read_text(encoding="utf-8"))
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

