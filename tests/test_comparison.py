"""Every cell of the comparison table agrees with the snippet implementation.

The rows live in hooks/comparison_table.py (one source for both languages);
here each cell is recomputed from the functions themselves on fine grids.
"""

from __future__ import annotations

import importlib
import re
import sys

import numpy as np
import pytest

from conftest import LANGUAGES, ROOT, lang_prefix
from snippets.softmax import softmax, softmax_jacobian

sys.path.insert(0, str(ROOT / "hooks"))
from comparison_table import MARKER, NO, ROWS, YES  # noqa: E402

GRID = np.linspace(-20.0, 20.0, 400001)  # step 1e-4
ELEMENTWISE = [name for name in ROWS if name != "softmax"]


def functions(name):
    module = importlib.import_module(f"snippets.{name}")
    return getattr(module, name), getattr(module, f"{name}_grad")


def number(cell: str) -> float:
    """The number in a cell such as '0.25', '1.758' or r'\\(\\alpha = 0.01\\)'."""
    return float(re.findall(r"-?\d+(?:\.\d+)?", cell)[-1])


def test_every_function_page_has_a_row_and_every_row_a_page():
    pages = {p.stem for p in (ROOT / "docs" / "en" / "functions").glob("*.md")}
    assert set(ROWS) == pages


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_range(name):
    f, _ = functions(name)
    cell = ROWS[name][0]
    y = f(GRID)
    if name == "step":
        assert cell == r"\(\{0, 1\}\)" and set(np.unique(y)) == {0.0, 1.0}
        return
    left, low, high, right = re.fullmatch(r"\\\(([\[(])(.+), (.+)([\])])\\\)", cell).groups()
    inner = f(GRID[np.abs(GRID) <= 15])  # where floats do not yet round onto an open bound
    if low == r"-\infty":
        assert f(-1e9) < -1e6
    elif left == "(":  # an open bound: approached far left, not reached
        rounded = f(-1e3) != float(low)  # e.g. SELU's -1.7581 shown as -1.758
        assert np.all(inner > float(low) - (5e-4 if rounded else 0)) and abs(f(-1e3) - float(low)) < 5e-4
    else:  # a closed bound: the minimum, reached
        assert abs(y.min() - float(low)) < 5e-4
    if high == r"\infty":
        assert f(1e9) > 1e6
    else:
        assert right == ")" and np.all(inner < float(high)) and abs(f(1e3) - float(high)) < 1e-3


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_monotonic(name):
    f, _ = functions(name)
    increasing = bool(np.all(np.diff(f(GRID)) >= 0))
    assert increasing == (ROWS[name][1] == YES)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_zero_centred(name):
    f, _ = functions(name)
    cell = ROWS[name][2]
    odd = f(0.0) == 0 and np.allclose(f(-GRID), -f(GRID), atol=1e-12)
    assert odd == (cell == YES)
    if cell not in (YES, NO):  # SELU: zero mean for a standard normal input
        z = np.random.default_rng(0).standard_normal(1_000_000)
        assert cell == r"\(\mathrm{E}[y] = 0\)" and abs(f(z).mean()) < 5e-3


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_smooth(name):
    """Smooth here means: neither the function, nor its first or second derivative jumps."""
    f, grad = functions(name)
    x = np.linspace(-3.0, 3.0, 60001)  # step 1e-4, across every kink at 0
    jumps = [np.abs(np.diff(f(x))).max(), np.abs(np.diff(grad(x))).max(), np.abs(np.diff(np.diff(grad(x)) / 1e-4)).max()]
    assert (max(jumps) < 1e-2) == (ROWS[name][3] == YES), jumps


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_saturates(name):
    _, grad = functions(name)
    cell = ROWS[name][4]
    far = grad(np.array([-50.0, 50.0]))
    if cell == NO:
        assert np.abs(grad(GRID)).min() >= 0.01
    elif cell == r"\(f' = 0\)":
        assert np.all(grad(GRID) == 0)
    elif cell == r"\(x < 0\)":
        assert np.all(grad(GRID[GRID < 0]) == 0) and np.all(grad(GRID[GRID > 0]) == 1)
    elif cell == r"\(\lvert x \rvert \to \infty\)":
        assert np.all(far < 1e-10)
    else:
        assert cell == r"\(x \to -\infty\)" and far[0] < 1e-10 and far[1] > 0.5


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_at_0(name):
    _, grad = functions(name)
    assert abs(grad(0.0) - number(ROWS[name][5])) < 5e-4


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_maximum_of_the_derivative(name):
    _, grad = functions(name)
    cell, g = ROWS[name][6], grad(GRID)
    if cell == r"\(\to 1\)":  # a supremum, approached but not reached
        assert np.all(g < 1) and grad(30.0) > 1 - 1e-12
    else:
        assert abs(g.max() - number(cell)) < 5e-4


def test_softmax_row():
    range_, monotonic, zero_centred, smooth, saturates, at_0, maximum = ROWS["softmax"]
    rng = np.random.default_rng(0)
    y = softmax(rng.normal(scale=5.0, size=(1000, 4)))
    assert range_.startswith(r"\((0, 1)\)") and np.all((y > 0) & (y < 1))
    np.testing.assert_allclose(y.sum(axis=-1), 1.0)
    t = np.linspace(-10, 10, 2001)
    first = softmax(np.stack([t, np.zeros_like(t)], axis=-1))[:, 0]
    assert monotonic == YES and np.all(np.diff(first) > 0)  # y_i increases with x_i
    assert zero_centred == NO and smooth == YES and at_0 == "—"
    diagonal = [softmax_jacobian(np.array([v, 0.0]))[0, 0] for v in [-50.0, 0.0, 50.0]]
    assert saturates == r"\(\lvert x_i \rvert \to \infty\)" and diagonal[0] < 1e-20 and diagonal[2] < 1e-20
    assert number(maximum) == diagonal[1] == 0.25


@pytest.mark.parametrize("lang", LANGUAGES)
def test_comparison_page_asks_for_the_rows_once(lang):
    text = (ROOT / "docs" / lang / "comparison.md").read_text(encoding="utf-8")
    assert text.count(MARKER) == 1


def test_built_table_has_a_row_per_function(built_site):
    site_dir, _ = built_site
    for prefix in map(lang_prefix, LANGUAGES):
        html = (site_dir / prefix / "comparison" / "index.html").read_text(encoding="utf-8")
        assert MARKER not in html
        for name in ROWS:
            assert f'href="../functions/{name}/"' in html, f"{prefix}comparison/: no row for {name}"
