"""Page weight budgets (issue 5, revised by issue 14), measured in headless Chromium on the built site.

In each language, on decoded (uncompressed) bytes: the first view of
``functions/sigmoid/`` with an empty cache <= 1.0 MB, and ``functions/relu/``
opened after it <= 130 kB of new bytes (benchmarks/page_weight.py says why). The measuring code, and the fuller
report (gzip sizes, every page), is ``benchmarks/page_weight.py``.
"""

from __future__ import annotations

import threading

import pytest

from benchmarks import page_weight
from conftest import LANGUAGES, require_chromium
from support import CHROMIUM

pytestmark = pytest.mark.browser  # needs Chromium: the fast tests are pytest -m "not browser"

MEASURE_TIMEOUT_S = 120


@pytest.fixture(scope="session")
def views(built_site) -> dict:
    """Measured once for both languages, with a server that counts bytes (site_url's cannot).

    In a thread of its own: the browser tests' session Playwright may be running in
    this thread, and a second sync Playwright refuses to start beside it.
    """
    require_chromium(CHROMIUM)  # the benchmark's: the full browser, favicon and all
    result = {}

    def measure():
        try:
            result["views"] = page_weight.budget_views(built_site[0])
        except BaseException as error:  # re-raised in the test's thread
            result["error"] = error

    thread = threading.Thread(target=measure, daemon=True)
    thread.start()
    thread.join(MEASURE_TIMEOUT_S)
    if thread.is_alive():
        pytest.fail(f"page weight measurement still running after {MEASURE_TIMEOUT_S} s")
    if "error" in result:
        raise result["error"]
    return result["views"]


def report(view) -> str:
    lines = view.problems + ["largest items (decoded, gzip):"] + view.largest()
    return f"{view.url}: {view.decoded:,} bytes in {view.fetched} responses\n  " + "\n  ".join(lines)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_weight(views, lang):
    first, second = views[lang]
    for view, path, budget in ((first, page_weight.FIRST, page_weight.FIRST_BUDGET),
                               (second, page_weight.SECOND, page_weight.SECOND_BUDGET)):
        assert not view.problems, report(view)
        # The page itself must be among what was counted, or the number means nothing
        assert any(r.path.endswith(path) and r.decoded for r in view.responses), report(view)
        assert 0 < view.decoded <= budget, report(view)
    # The page arrives typeset, its formulas' glyphs SVG paths in it: no MathJax script or font
    assert not any("mathjax" in r.path.lower() for r in first.responses), report(first)
