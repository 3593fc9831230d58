"""Shared fixtures: the built site (one strict build per test run) and a localhost server for it.

The helpers (paths, languages, a copy of the project, the system Chromium, the server
itself) are in support.py, which benchmarks import too; test files may import them from here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    """Build the site once with --strict; returns (site_dir, build log)."""
    site_dir = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return site_dir, log


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of the built site served on localhost, e.g. http://127.0.0.1:PORT/activation-handbook/."""
    site_dir, _ = built_site
    with serve(site_dir) as url:
        yield url
