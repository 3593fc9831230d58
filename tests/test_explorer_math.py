"""The explorer's JavaScript math (docs/assets/javascripts/explorer/functions.js) agrees with
the Python snippets: value and derivative of every elementwise function of the registry, at
every parameter setting that matters (defaults, each PyTorch comparison's setting, the ends
of each valid range), at >= 2,000 points including the tails (+-1e3, +-1e300), the kinks and
the points where a textbook form overflows (+-710, +-745). The Python side is computed here,
during the run; the JavaScript side in Chromium. Also the erfc it is built on, against SciPy.

Tolerance: 1e-12 relative, or an absolute 1e-300 for values that underflow; where a
derivative crosses zero by cancellation of two O(1) terms (GELU, SiLU, Mish), an absolute
1e-15 besides, about ten roundings of those terms.
"""

from __future__ import annotations

import importlib
import math
import queue
import threading
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import sync_playwright
from scipy.special import erfc

from registry import FUNCTIONS
from support import CHROMIUM_ARGS, HEADLESS_SHELL, ROOT, require_chromium

pytestmark = pytest.mark.browser  # needs Chromium: the fast tests are pytest -m "not browser"

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "explorer" / "functions.js"
RTOL, ATOL = 1e-12, 1e-300
CANCELS = {"gelu": 1e-15, "silu": 1e-15, "mish": 1e-15}  # f' = 0 where two O(1) terms cancel
HUGE = 1e300  # stands in for an infinite end of a valid range
TINY = 1e-300  # how far inside an open finite end of a valid range


def elementwise() -> list[str]:
    return [name for name, f in FUNCTIONS.items() if not f.vector]


def points(name: str) -> np.ndarray:
    """>= 2,000 points: a dense grid, both tails out to the largest float, the kinks and their
    neighbours, and where exp(x) or x*x overflow in a textbook form."""
    grid = np.linspace(-12.0, 12.0, 1601)
    tail = np.logspace(-300, 300, 301)
    special = [0.0, -0.0, 1e3, -1e3, 710.0, -710.0, 745.0, -745.0, 709.78, -709.78, 20.0, -20.0, 36.0, -36.0,
               37.5, -37.5, 1e4, -1e4, 1.34e154, -1.34e154, 1e300, -1e300, np.finfo(float).max,
               -np.finfo(float).max, 26.6, -26.6, 38.0, -38.0, 0.46875, -0.46875, 4.0, -4.0, 5.657, -5.657]
    kinks = [k.x for k in FUNCTIONS[name].kinks] + [-3.0, 3.0, 6.0, 0.0, -1.0, 1.0, -2.0]
    near = [np.nextafter(k, s) for k in kinks for s in (-np.inf, np.inf)]
    near += [k + d for k in kinks for d in (-1e-9, 1e-9)]
    xs = np.concatenate([grid, tail, -tail, special, kinks, near])
    assert xs.size >= 2000
    return xs


def settings(name: str) -> list[dict]:
    """Defaults, each PyTorch comparison's setting, and the ends of each valid range or each choice."""
    f = FUNCTIONS[name]
    plotted = {k: p for k, p in f.params.items() if p.valid is not None or p.choices is not None}
    defaults = {k: p.default for k, p in plotted.items()}
    found = [defaults] + [{**defaults, **r.ours} for r in f.pytorch]
    for key, p in plotted.items():
        if p.choices is not None:
            found += [{**defaults, key: choice} for choice in p.choices]
            continue
        low, high = p.valid.low.value, p.valid.high.value
        low = -HUGE if math.isinf(low) else low if p.valid.low_reached else low + TINY
        high = HUGE if math.isinf(high) else high if p.valid.high_reached else high - TINY
        found += [{**defaults, key: low}, {**defaults, key: high}]
    unique = []
    for s in found:
        if "min_val" in s and not s["min_val"] < s["max_val"]:  # an end beyond the other bound's default
            s = {**s, "max_val": 2 * HUGE} if s["min_val"] > 0 else {**s, "min_val": -2 * HUGE}
        if s not in unique:
            unique.append(s)
    return unique


CASES = [(name, s) for name in elementwise() for s in settings(name)]


def python_side(name: str, params: dict, xs: np.ndarray):
    module = importlib.import_module(f"snippets.{name}")
    with np.errstate(all="ignore"):
        return getattr(module, name)(xs, **params), getattr(module, f"{name}_grad")(xs, **params)


class JavaScript:
    """The script loaded into a blank Chromium page, in a thread of its own: the browser tests'
    session Playwright may be running in this thread, and a second sync Playwright refuses to
    start beside it (as tests/test_page_weight.py). evaluate() runs in that thread."""

    def __init__(self):
        self.calls, self.errors = queue.Queue(), []
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(HEADLESS_SHELL), args=CHROMIUM_ARGS)
            tab = browser.new_page()
            tab.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
            tab.on("pageerror", lambda e: self.errors.append(str(e)))
            tab.set_content("<!doctype html><title>explorer math</title>")
            tab.add_script_tag(path=str(SCRIPT))
            while (call := self.calls.get()) is not None:
                expression, argument, answer = call
                try:
                    answer.put((True, tab.evaluate(expression, argument)))
                except Exception as error:  # handed to the test's thread
                    answer.put((False, error))
            browser.close()

    def evaluate(self, expression, argument=None):
        answer = queue.Queue()
        self.calls.put((expression, argument, answer))
        ok, value = answer.get(timeout=120)
        if not ok:
            raise value
        return value


@pytest.fixture(scope="session")
def page():
    require_chromium()
    js = JavaScript()
    yield js
    js.calls.put(None)
    js.thread.join(30)
    assert not js.errors, f"{SCRIPT.relative_to(ROOT)}: {js.errors}"


def js_side(page, name: str, params: dict, xs: np.ndarray):
    # Numbers cross as JSON: inf and nan as strings, the rest exactly (repr round-trips)
    encoded = [repr(float(x)) for x in xs]
    f, df = page.evaluate(
        """([name, params, xs]) => {
            const F = window.ActivationFunctions.functions[name];
            const out = (v) => (Number.isFinite(v) ? (Object.is(v, -0) ? "-0.0" : v) : String(v));
            const x = xs.map(Number);
            return [x.map((v) => out(F.f(v, params))), x.map((v) => out(F.df(v, params)))];
        }""",
        [name, params, encoded],
    )
    decode = {"Infinity": np.inf, "-Infinity": -np.inf, "NaN": np.nan}
    return (np.array([decode.get(v, v) if isinstance(v, str) else v for v in a], dtype=float) for a in (f, df))


def disagreements(js, py, xs, atol) -> list[str]:
    same = (js == py) | (np.isnan(js) & np.isnan(py))
    with np.errstate(invalid="ignore"):  # inf - inf where one side is inf: not close
        close = np.abs(js - py) <= RTOL * np.abs(py) + atol
    bad = ~(same | np.nan_to_num(close, nan=False).astype(bool))
    return [f"x={x!r}: js {j!r}, python {p!r}" for x, j, p in zip(xs[bad], js[bad], py[bad], strict=True)][:8]


def test_every_elementwise_function_has_a_javascript_implementation(page):
    have = set(page.evaluate("Object.keys(window.ActivationFunctions.functions)"))
    missing = [name for name in elementwise() if name not in have]
    assert not missing, f"add value and derivative of {missing} to {SCRIPT.relative_to(ROOT)}"
    assert page.evaluate("typeof window.ActivationFunctions.softmax") == "function"


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}{p or ''}" for n, p in CASES])
def test_javascript_agrees_with_the_snippet(page, name, params):
    xs = points(name)
    f_py, df_py = python_side(name, params, xs)
    f_js, df_js = js_side(page, name, params, xs)
    problems = [f"f   {line}" for line in disagreements(f_js, f_py, xs, ATOL)]
    problems += [f"f'  {line}" for line in disagreements(df_js, df_py, xs, CANCELS.get(name, ATOL))]
    where = f"{name}({params}) in {SCRIPT.relative_to(ROOT)} vs snippets/{name}.py"
    assert not problems, where + ":\n" + "\n".join(problems)


def test_erfc_agrees_with_scipy(page):
    xs = np.concatenate([np.linspace(-6, 30, 4001), np.logspace(-300, 3, 500), -np.logspace(-300, 3, 500),
                         [0.46875, 4.0, 26.5, 27.2, 27.3, -0.0]])
    got = np.array(page.evaluate("xs => xs.map(window.ActivationFunctions.erfc)", xs.tolist()), dtype=float)
    expected = erfc(xs)
    # SciPy flushes erfc to 0 beyond x = 26.6, where the true value is below 1e-300
    problems = disagreements(got, expected, xs, ATOL)
    assert not problems, f"erfc in {SCRIPT.relative_to(ROOT)} vs scipy.special.erfc:\n" + "\n".join(problems)


def test_softmax_agrees_with_the_snippet(page):
    from snippets.softmax import softmax

    rng = np.random.default_rng(13)
    vectors = [rng.normal(scale=s, size=n).tolist() for s in (0.1, 1, 10, 1000) for n in (2, 4, 7)]
    vectors += [[1e300, -1e300, 0.0], [-1e3, -1e3], [710.0, 709.0, -745.0]]
    for v in vectors:
        got = np.array(page.evaluate("v => window.ActivationFunctions.softmax(v)", v))
        problems = disagreements(got, softmax(np.array(v)), np.array(v), ATOL)
        assert not problems, f"softmax({v}): {problems}"


def test_script_file_exists():
    assert Path(SCRIPT).is_file()
