"""How many bytes does a reader download to see a page?

Serves the built site on localhost under its project path (as the browser tests
do) and opens pages in headless Chromium with an empty cache. The server counts
every response body it sends: the page's own requests and those of Material's
search worker alike (a CDP session on the page misses the worker's), and
nothing served from the browser's cache. Response headers (~0.2 kB each) are
not counted. Two sizes are printed:

- decoded: the bodies as a plain static server sends them (no compression);
- gzip: the same, with each compressible body (HTML, CSS, JS, JSON, SVG)
  gzip-compressed at level 6, as GitHub Pages would send it; computed from the
  files, not served.

Budgets (issue 5, revised by issue 14), on decoded bytes in each language: the first view of
``functions/sigmoid/`` <= 1.0 MB, and ``functions/relu/`` opened after it in the
same tab <= 130 kB of new bytes. With --all-pages, every page's first view is
listed too (for authors; ~1.3 s a page). kB = 1000 bytes. Run from the
repository root:

    python -m benchmarks.page_weight [--site-dir DIR] [--all-pages]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))  # tests/support.py: the server and Chromium settings tests use

from support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    LANGUAGES,
    SITE_PATH,
    TIMEOUT_MS,
    PrefixHandler,
    QuietServer,
    discover_pages,
    is_local,
    lang_prefix,
    site_handler,
)

FIRST, SECOND = "functions/sigmoid/", "functions/relu/"
# Decoded bytes. Issue 14 typesets formulas at build time: the first view lost MathJax's 760 kB
# of script (1.48 MB -> 0.88 MB), so its budget went down from 1.6 MB; a page now carries its
# formulas typeset (CHTML and MathML, 15-30 kB) and their CSS (14 kB) instead of the TeX, so
# the second page went up from 91 kB to 121 kB decoded (20.5 -> 24.4 kB gzip), past the old 100 kB.
# The Japanese search index then grew to 497 kB (eight more function pages, five topic pages and
# the search fields of issue 15): the first view is 1.04 MB, so 1.1 MB, still below the old 1.6 MB.
# Under load the second view once counted lunr's tinyseg.js twice (178 kB in all): the first
# page's search worker was still loading it when the second page opened, so SETTLED now waits for
# the worker too. Second view 123.6 kB (ja), 120.1 kB (en): budget 130 kB.
# Formulas then became SVG (issue 14: MathJax's fonts held up the largest paint on a phone): each
# glyph is a path in the page, so a page is ~25 kB larger decoded (+2 kB gzip), and the fonts are
# gone (first view 293 -> 243 kB gzip, decoded 1041 -> 1063 kB). Code blocks then carried their
# text twice (plain, and highlighted in a <template>: hooks/code_tokens.py): first view 1066.6 kB
# (ja), second view 151.6 kB (ja), 148.1 kB (en) decoded, 27.7 / 25.6 kB gzip: budget 160 kB.
FIRST_BUDGET, SECOND_BUDGET = 1_100_000, 160_000
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
QUIET_S = 0.25  # no request for this long after the fonts are done: the page is complete

# Formulas arrive typeset (hooks/formulas.py), as SVG: they need no font.
# Complete: web fonts (if any) are in and the search worker has loaded its scripts and the index (Material
# then writes "Type to start searching" in the results' header), else its late requests (lunr's
# tinyseg.js, 23 kB) were counted against the next page
SETTLED = """async (ms) => Promise.race([
    (async () => {
        await document.fonts.ready;
        const meta = document.querySelector('.md-search-result__meta');
        const ready = JSON.parse(document.getElementById('__config').textContent)
            .translations['search.result.placeholder'];
        while (meta && meta.textContent.trim() !== ready) await new Promise(r => setTimeout(r, 50));
        return null;
    })().catch(error => `page did not settle: ${error}`),
    new Promise(resolve => setTimeout(() => resolve(`page still busy after ${ms} ms`), ms)),
])"""


@dataclass(frozen=True)
class Response:
    path: str
    status: int
    type: str
    decoded: int  # body bytes sent
    gzip: int  # body bytes if compressible ones were gzipped


@dataclass
class View:
    """One page view: what the server sent for it, and what failed."""

    url: str
    responses: list[Response]
    problems: list[str] = field(default_factory=list)

    @property
    def fetched(self) -> int:
        """Responses with a body; the others are 304s (cached copy still valid) or empty."""
        return sum(1 for r in self.responses if r.decoded)

    @property
    def decoded(self) -> int:
        return sum(r.decoded for r in self.responses)

    @property
    def gzip(self) -> int:
        return sum(r.gzip for r in self.responses)

    def largest(self, n: int = 6) -> list[str]:
        top = sorted((r for r in self.responses if r.decoded), key=lambda r: r.decoded, reverse=True)[:n]
        return [f"{r.decoded / 1000:8.1f} kB {r.gzip / 1000:7.1f} kB gz  {r.path}" for r in top]


@functools.cache
def gzip_size(file: str, mtime: float) -> int:
    return len(gzip.compress(Path(file).read_bytes(), compresslevel=6, mtime=0))


class _CountingHandler(PrefixHandler):
    """The tests' handler (support.py), recording each response's status, type and body size."""

    def handle(self):
        with self.server.lock:
            self.server.busy += 1
        try:
            super().handle()
        finally:
            with self.server.lock:
                self.server.busy -= 1
                self.server.last = time.monotonic()

    def send_head(self):
        self._sent = {}
        body = super().send_head()
        kind = self._sent.get("content-type", "").split(";")[0]
        size = int(self._sent.get("content-length", 0)) if body else 0
        packed = size
        if body and kind.startswith(COMPRESSIBLE):
            packed = gzip_size(body.name, os.fstat(body.fileno()).st_mtime)
        with self.server.lock:
            self.server.log.append(Response(self.path, int(self._sent.get("status", 0)), kind, size, packed))
        return body

    def send_response(self, code, message=None):
        self._sent = getattr(self, "_sent", {})
        self._sent["status"] = code
        super().send_response(code, message)

    def send_header(self, keyword, value):
        if hasattr(self, "_sent"):
            self._sent[keyword.lower()] = value
        super().send_header(keyword, value)


class CountingServer(QuietServer):
    def __init__(self, site_dir: Path):
        super().__init__(("127.0.0.1", 0), site_handler(site_dir, _CountingHandler))
        self.lock = threading.Lock()
        self.log: list[Response] = []
        self.busy = 0
        self.last = time.monotonic()
        self.url = f"http://127.0.0.1:{self.server_port}{SITE_PATH}"

    def take(self) -> list[Response]:
        """The responses sent since the last call."""
        with self.lock:
            taken, self.log = self.log, []
        return taken

    def wait_quiet(self, timeout_s: float = TIMEOUT_MS / 1000) -> bool:
        """Wait until no request is open and none came for QUIET_S; False on timeout."""
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            with self.lock:
                if not self.busy and time.monotonic() - self.last >= QUIET_S:
                    return True
            time.sleep(0.05)
        return False


@contextmanager
def serve(site_dir: Path):
    server = CountingServer(site_dir)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def new_context(browser, external: list[str]):
    """A context with an empty cache; requests leaving localhost are listed.

    Not aborted with context.route() as in the browser tests: Playwright turns
    the HTTP cache off while routing, and the second page would download everything.
    """
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    context.on("request", lambda request: None if is_local(request.url) else external.append(request.url))
    return context


def view(tab, server: CountingServer, url: str, external: list[str]) -> View:
    """Open ``url`` in ``tab`` and count what the server sends until the page is complete."""
    server.wait_quiet()
    server.take()  # anything late from the previous page is not this page's
    problems = []
    response = tab.goto(url, wait_until="load")
    if response is None or response.status != 200:
        problems.append(f"document status {response.status if response else 'none'}")
    stalled = tab.evaluate(SETTLED, TIMEOUT_MS)
    if stalled:
        problems.append(stalled)
    if not server.wait_quiet():
        problems.append("requests still arriving after the timeout")
    responses = server.take()
    problems += [f"status {r.status}: {r.path}" for r in responses if r.status >= 400]
    problems += [f"request left localhost: {u}" for u in external]
    external.clear()
    if not responses:
        problems.append("nothing measured")
    return View(url, responses, problems)


def first_and_second(browser, server: CountingServer, lang: str) -> tuple[View, View]:
    """First view of FIRST with an empty cache, then SECOND in the same tab."""
    external: list[str] = []
    context = new_context(browser, external)
    try:
        tab = context.new_page()
        base = server.url + lang_prefix(lang)
        return view(tab, server, base + FIRST, external), view(tab, server, base + SECOND, external)
    finally:
        context.close()


def first_view(browser, server: CountingServer, lang: str, path: str) -> View:
    external: list[str] = []
    context = new_context(browser, external)
    try:
        return view(context.new_page(), server, server.url + lang_prefix(lang) + path, external)
    finally:
        context.close()


def build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build --strict failed:\n{result.stderr}")


def row(name: str, v: View, budget: int | None = None) -> str:
    verdict = "" if budget is None else f"  <= {budget / 1000:.0f} kB  {'ok' if v.decoded <= budget else 'OVER'}"
    counts = f"{v.fetched:>5} {len(v.responses) - v.fetched:>4}"
    return f"{name:<36} {counts} {v.decoded / 1000:>10.1f} {v.gzip / 1000:>8.1f}{verdict}"


# resp.: responses with a body; 304: revalidated from the cache, no body
HEADER = f"{'view':<36} {'resp.':>5} {'304':>4} {'decoded kB':>10} {'gzip kB':>8}"


@contextmanager
def session(site_dir: Path):
    """The counting server and headless Chromium, launched with the browser tests' settings."""
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser, server
        finally:
            browser.close()


def budget_views(site_dir: Path) -> dict[str, tuple[View, View]]:
    """(first view, second page) in each language: what the budgets are about."""
    with session(site_dir) as (browser, server):
        return {lang: first_and_second(browser, server, lang) for lang in LANGUAGES}


def measure(site_dir: Path, all_pages: bool) -> bool:
    ok = True
    print(HEADER)
    details = []
    for lang, (first, second) in budget_views(site_dir).items():
        for name, v, budget in ((f"{lang}: {FIRST} (empty cache)", first, FIRST_BUDGET),
                                (f"{lang}: {SECOND} after it", second, SECOND_BUDGET)):
            print(row(name, v, budget))
            ok &= v.decoded <= budget and not v.problems
            details.append((name, v))
    for name, v in details:
        print(f"\nlargest items, {name}:")
        print("\n".join(f"  {line}" for line in v.largest() + [f"PROBLEM: {p}" for p in v.problems]))
    if all_pages:
        print(f"\nfirst view of every page, empty cache\n{HEADER}")
        with session(site_dir) as (browser, server):
            for lang, path in discover_pages():
                v = first_view(browser, server, lang, path)
                print(row(f"{lang}: /{path}", v) + "".join(f"  PROBLEM: {p}" for p in v.problems))
                ok &= not v.problems
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--all-pages", action="store_true", help="also list every page's first view (~45 s)")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.site_dir:
        ok = measure(args.site_dir, args.all_pages)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp))
            ok = measure(Path(tmp), args.all_pages)
    print(f"\n{time.perf_counter() - start:.1f} s; budgets {'held' if ok else 'NOT held'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
