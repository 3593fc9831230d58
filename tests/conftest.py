"""Shared fixtures and helpers: the built site (one strict build per test run), a localhost
server for it, a copy of the project to build elsewhere, and the system Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ja", "en")  # ja is the default language, served at the site root


def _site_path() -> str:
    """The project path of site_url, e.g. '/activation-handbook/' (MkDocs' loader resolves its !ENV SITE_URL)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:
        return urlsplit(yaml_load(config)["site_url"]).path


SITE_PATH = _site_path()

# What a build reads: a copy of these builds the same site
BUILD_INPUTS = ["mkdocs.yml", "package.json", "package-lock.json", "docs", "snippets", "hooks"]
CHROMIUM = Path("/usr/bin/chromium")  # Debian's; Playwright's own download needs the internet


def lang_prefix(lang: str) -> str:
    """URL prefix of a language: the default (first) language lives at the site root."""
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def copy_project(target: Path) -> Path:
    """Copy what a build reads into ``target``, without the figure and notebook caches
    (a build there starts cold), but with Mermaid's tarball: a download, not build work."""
    for name in BUILD_INPUTS:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    if (ROOT / ".cache" / "npm").exists():
        shutil.copytree(ROOT / ".cache" / "npm", target / ".cache" / "npm")
    return target


def require_chromium() -> Path:
    """The system Chromium; without it, skip locally but fail in CI (never a silent skip there)."""
    if not CHROMIUM.exists():
        reason = "Chromium not found: sudo apt-get install -y chromium fonts-noto-cjk"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


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


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its project path, and its 404 page for missing paths, as GitHub Pages does."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_site_path__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        # GitHub Pages answers a missing path with the site's /404.html, status 404
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A tab closed mid-download is normal in browser tests; anything else is reported
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of the built site served on localhost, e.g. http://127.0.0.1:PORT/activation-handbook/."""
    site_dir, _ = built_site
    handler = functools.partial(
        type("Handler", (_PrefixHandler,), {"prefix": SITE_PATH}), directory=str(site_dir)
    )
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SITE_PATH}"
    server.shutdown()
    server.server_close()
