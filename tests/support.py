"""What tests and benchmarks share: the project's paths and languages, a copy of the
project to build elsewhere, a localhost server that answers as GitHub Pages does, and
the system Chromium with its launch arguments.

Not a test module and not pytest-specific. ``conftest.py`` imports from it (test files
keep writing ``from conftest import ROOT, LANGUAGES, lang_prefix``); benchmarks put
``tests/`` on ``sys.path`` and import ``support``, never conftest or a test module.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ja", "en")  # ja is the default language, served at the site root


def _site_path() -> str:
    """The project path of site_url, e.g. '/activation-handbook/' (MkDocs' loader resolves its !ENV SITE_URL)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:
        return urlsplit(yaml_load(config)["site_url"]).path


SITE_PATH = _site_path()

# What a build reads: a copy of these builds the same site
BUILD_INPUTS = ["mkdocs.yml", "functions.toml", "package.json", "package-lock.json", "docs", "snippets", "hooks"]


def lang_prefix(lang: str) -> str:
    """URL prefix of a language: the default (first) language lives at the site root."""
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def page_path(md: Path) -> str:
    """Site path of a page relative to its language root: ``functions/relu.md`` -> ``functions/relu/``."""
    parts = md.with_suffix("").parts
    if parts[-1] == "index":  # index.md is its folder's page (use_directory_urls)
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def discover_pages() -> list[tuple[str, str]]:
    """(language, page path) for every page, Markdown or notebook, read from ``docs/<lang>/``."""
    return [
        (lang, page_path(source.relative_to(ROOT / "docs" / lang)))
        for lang in LANGUAGES
        for pattern in ("*.md", "*.ipynb")
        for source in sorted((ROOT / "docs" / lang).rglob(pattern))
        if ".ipynb_checkpoints" not in source.parts
    ]


def copy_project(target: Path) -> Path:
    """Copy what a build reads into ``target``, without the figure and notebook caches
    (a build there starts cold), but with Mermaid's tarball: a download, not build work."""
    for name in BUILD_INPUTS:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    if (ROOT / ".cache" / "npm").exists():
        shutil.copytree(ROOT / ".cache" / "npm", target / ".cache" / "npm")
    return target


# --- The system Chromium ----------------------------------------------------------------------

# Debian's builds (Playwright's own download needs the internet). The full browser, as readers
# run it: the benchmarks use it, and the page weight test through its benchmark (it counts the
# favicon a browser asks for, which the headless shell does not).
CHROMIUM = Path("/usr/bin/chromium")
# The headless shell of the same Chromium build (package chromium-headless-shell): the same Blink
# and V8 without the desktop browser's layer, and what Playwright itself runs headless (Playwright
# issue 33566). The browser tests use it: they take about a quarter less time with it (README).
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
INSTALL_CHROMIUM = "sudo apt-get install -y chromium chromium-headless-shell fonts-noto-cjk"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Chromium's own phoning home would show up as non-local requests
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
TIMEOUT_MS = 10_000  # a wait in the browser: generous for slow CI machines; a healthy page needs well under 1 s


def require_chromium(executable: Path = HEADLESS_SHELL) -> Path:
    """The system Chromium's ``executable``; without it, skip locally but fail in CI (never a
    silent skip there)."""
    import pytest  # only when called from a test: benchmarks use the paths directly

    if not executable.exists():
        reason = f"{executable} not found: {INSTALL_CHROMIUM}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return executable


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine; data:/blob:/about: URLs never hit the network."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in LOCAL_HOSTS


# --- The localhost server ---------------------------------------------------------------------


class PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its project path, and its 404 page for missing paths, as GitHub Pages does."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_site_path__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def list_directory(self, path):
        # GitHub Pages lists no folders: a folder without index.html is a missing page
        self.send_error(404)
        return None

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


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A tab closed mid-download is normal in browser tests; anything else is reported
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def site_handler(site_dir: Path, handler: type[PrefixHandler] = PrefixHandler):
    """A request handler class for QuietServer serving ``site_dir`` under SITE_PATH."""
    return functools.partial(type("Handler", (handler,), {"prefix": SITE_PATH}), directory=str(site_dir))


@contextmanager
def serve(site_dir: Path, handler: type[PrefixHandler] = PrefixHandler) -> Iterator[str]:
    """Serve a built site on localhost; yields its base URL, e.g. http://127.0.0.1:PORT/activation-handbook/."""
    server = QuietServer(("127.0.0.1", 0), site_handler(site_dir, handler))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SITE_PATH}"
    finally:
        server.shutdown()
        server.server_close()
