"""Claims of the sigmoid page (docs/en/functions/sigmoid.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from scipy.special import expit

from snippets.sigmoid import sigmoid, sigmoid_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def test_sigmoid_known_values():
    """Formula sigma(x) = 1 / (1 + e^-x); "sigma'(0) = 0.25"."""
    np.testing.assert_allclose(sigmoid([0.0, 1.0, -1.0]), [0.5, 0.7310585786300049, 0.2689414213699951], rtol=1e-15)
    assert sigmoid_grad(0.0) == 0.25


def test_sigmoid_properties():
    """Table: range (0, 1), strictly increasing, "Zero-centred: no: sigma(0) = 0.5",
    "Symmetry sigma(-x) = 1 - sigma(x)", "Derivative at 0: 0.25, its maximum", "Saturates";
    pitfall "Computing the derivative as sigma(1 - sigma) loses the tails": `sigmoid_grad`
    "stays accurate for every x"."""
    y, dy = sigmoid(GRID), sigmoid_grad(GRID)
    assert np.all((0 < y) & (y < 1))  # range (0, 1)
    assert np.all(np.diff(y) > 0)  # strictly increasing
    assert sigmoid(0.0) == 0.5  # not zero-centred
    np.testing.assert_allclose(sigmoid(-GRID), 1 - y, atol=1e-15)  # symmetry
    assert dy.max() == sigmoid_grad(0.0) == 0.25  # derivative largest at 0
    assert sigmoid_grad(40.0) < 1e-17 and sigmoid_grad(-40.0) < 1e-17  # saturates
    assert sigmoid(-40.0) > 0  # ...but the tails are not cut to 0
    np.testing.assert_allclose(sigmoid_grad(40.0), np.exp(-40.0), rtol=1e-15)  # the accurate tail form


def test_sigmoid_infinities():
    """"in IEEE floating-point arithmetic `1 / (1 + inf)` is exactly 0, the correct limit"."""
    inf = np.inf
    np.testing.assert_array_equal(sigmoid([-inf, inf]), [0.0, 1.0])
    np.testing.assert_array_equal(sigmoid_grad([-inf, inf]), [0.0, 0.0])


def test_sigmoid_accepts_a_scalar():
    """"`sigmoid` and `sigmoid_grad` accept a scalar, a list or an array of any shape"."""
    assert sigmoid(0.0) == 0.5 and np.ndim(sigmoid(0.0)) == 0


def test_float16_sigmoid_does_not_overflow_where_the_naive_form_does():
    """Pitfall "The textbook form overflows": in float16 it gives "0 instead of 6.1e-6";
    "`float16` inputs are computed in `float32`"."""
    x = np.float16([-12.0, -20.0, -30.0])
    with pytest.warns(RuntimeWarning, match="overflow"):
        1 / (1 + np.exp(-x))  # the pitfall the page shows
    exact = 1 / (1 + np.exp(-x.astype(np.float64)))  # 6.1e-6, 2.1e-9, 9.4e-14
    # correctly rounded to float16, whose smallest step near 0 is 6e-8
    np.testing.assert_allclose(sigmoid(x), exact, atol=float(np.finfo(np.float16).smallest_subnormal))


def test_float16_overflow_threshold_and_the_values_lost_there():
    """Pitfall "The textbook form overflows": in `float16` "the overflow starts below x = -11.09,
    where e^-x passes 65504 ... 0 instead of about 1.5e-5 at that threshold, and 0 instead of
    6.1e-6 at x = -12"."""
    largest = float(np.finfo(np.float16).max)
    assert largest == 65504.0
    assert f"{-np.log(largest):.2f}" == "-11.09"
    assert f"{1 / (1 + largest):.1e}" == "1.5e-05"  # the true value at the threshold
    assert f"{sigmoid(-12.0):.1e}" == "6.1e-06"
    x = np.float16([-11.0859375, -11.09375])  # the two float16 values either side of the threshold
    with np.errstate(over="ignore"):
        naive = 1 / (1 + np.exp(-x))
    assert naive[0] > 1.5e-5 and naive[1] == 0  # the textbook form drops to 0 just past it
    np.testing.assert_allclose(sigmoid(x).astype(np.float64), 1.5e-5, rtol=0.03)  # this page's does not


def test_sigmoid_allocates_only_its_result():
    """"Each step writes into the array the first one created (`out=y`, `y += 1.0`), so the call
    allocates nothing but its result, as `expit` does" (benchmarks/bench_memory.py measures every page)."""
    x = np.random.default_rng(0).normal(size=10**6)
    tracemalloc.start()
    try:
        for f in (sigmoid, expit):
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            y = f(x)
            assert tracemalloc.get_traced_memory()[1] - before < 1.01 * x.nbytes, f.__name__
            del y
    finally:
        tracemalloc.stop()
