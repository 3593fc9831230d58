"""Claims of the log-sigmoid page (docs/en/functions/log_sigmoid.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the registry's facts (range, saturation) in tests/test_registry.py.
"""

from __future__ import annotations

import warnings

import mpmath
import numpy as np
import pytest

from snippets.log_sigmoid import log_sigmoid, log_sigmoid_grad
from snippets.sigmoid import sigmoid
from snippets.softplus import softplus

GRID = np.linspace(-30.0, 30.0, 6001)


def exact(x: float) -> float:
    """log(sigmoid(x)) to 50 digits."""
    with mpmath.workdps(50):
        return float(-mpmath.log1p(mpmath.exp(-mpmath.mpf(x))))


@pytest.mark.parametrize("x", [-1e300, -800.0, -745.2, -40.0, -1.0, -1e-10, 0.0, 1e-10, 1.0, 20.0, 40.0, 700.0, 745.0])
def test_accurate_for_every_finite_x(x):
    """"the result is accurate for every finite x: -800 for x = -800, -4.2e-18 for x = 40"."""
    assert log_sigmoid(x) == pytest.approx(exact(x), rel=1e-15, abs=1e-320)


def test_identities_of_the_formula():
    """Formula: "-softplus(-x)", "also x - softplus(x)"; "log sigma(x) - log sigma(-x) = x"; "for large negative x it
    is almost x itself, and for large positive x almost -e^-x"."""
    np.testing.assert_allclose(log_sigmoid(GRID), -softplus(-GRID), rtol=1e-15)
    # x - softplus(x) cancels for large x: compared to the absolute rounding of x
    np.testing.assert_allclose(log_sigmoid(GRID), GRID - softplus(GRID), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(log_sigmoid(GRID) - log_sigmoid(-GRID), GRID, rtol=1e-12, atol=1e-15)
    assert log_sigmoid(-40.0) == pytest.approx(-40.0, rel=1e-17)
    assert log_sigmoid(40.0) == pytest.approx(-np.exp(-40.0), rel=1e-15)
    assert log_sigmoid(0.0) == pytest.approx(-np.log(2)) and round(float(log_sigmoid(0.0)), 3) == -0.693


def test_derivative_is_one_minus_sigmoid():
    """Derivative: "1 - sigma(x) = sigma(-x)"; "through 0.5 at x = 0"; "It never reaches 1, but in `float64` it
    rounds to 1 for x < -36.74"; "The second derivative, -sigma(x) sigma(-x), is negative everywhere"."""
    np.testing.assert_allclose(log_sigmoid_grad(GRID), sigmoid(-GRID), rtol=1e-15)
    np.testing.assert_allclose(log_sigmoid_grad(GRID), 1 - sigmoid(GRID), rtol=1e-12, atol=2e-16)  # 1 - s cancels
    assert log_sigmoid_grad(0.0) == 0.5
    assert log_sigmoid_grad(-36.73) < 1.0 and log_sigmoid_grad(-36.74) == 1.0
    h = 1e-5
    second = (log_sigmoid_grad(GRID + h) - log_sigmoid_grad(GRID - h)) / (2 * h)
    np.testing.assert_allclose(second, -sigmoid(GRID) * sigmoid(-GRID), rtol=1e-5, atol=1e-10)
    assert np.all(np.diff(log_sigmoid_grad(GRID)) < 0)  # f' decreasing: f concave


def test_the_textbook_log_of_sigmoid_fails_at_both_ends():
    """Pitfall: "e^-x overflows for x < -709.78 and the sigmoid is 0, so its logarithm is -inf, with two
    `RuntimeWarning`s"; "even a sigmoid written as e^x / (1 + e^x) reaches 0 below x = -745.13, and just above it
    returns the smallest float, whose logarithm is -744.44"; "the sigmoid rounds to 1 for x > 36.74"."""

    def textbook(x):
        return np.log(1 / (1 + np.exp(-np.float64(x))))

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert textbook(-709.79) == -np.inf
    assert [str(w.message) for w in caught] == ["overflow encountered in exp", "divide by zero encountered in log"]
    assert textbook(-709.78) == pytest.approx(-709.78, rel=1e-3)

    e = np.exp([-745.14, -745.13])
    careful = e / (1 + e)
    assert careful[0] == 0.0 and careful[1] == np.finfo(np.float64).smallest_subnormal
    assert np.log(careful[1]) == pytest.approx(-744.44, abs=5e-3)
    assert log_sigmoid(-745.13) == pytest.approx(-745.13, rel=1e-15)

    assert textbook(36.73) < 0 and textbook(36.74) == 0.0
    assert log_sigmoid(36.74) == pytest.approx(-np.exp(-36.74), rel=1e-15)


def test_derivative_at_large_x_divides_by_infinity():
    """"`log_sigmoid_grad` computes 1 / (1 + e^x), which for x > 709.78 divides 1 by infinity and gives the right
    limit 0"; "+-inf gives the limits: -inf and 0 for the function, 1 and 0 for the derivative"."""
    with np.errstate(over="ignore"):
        assert np.exp(709.78) < np.inf and np.exp(709.79) == np.inf
    assert log_sigmoid_grad(709.79) == 0.0 and log_sigmoid_grad(700.0) > 0
    inf = np.array([-np.inf, np.inf])
    np.testing.assert_array_equal(log_sigmoid(inf), [-np.inf, 0.0])
    np.testing.assert_array_equal(log_sigmoid_grad(inf), [1.0, 0.0])


def test_log_sigmoid_never_forms_sigmoid():
    """"computes -log(1 + e^-x) as min(x, 0) - log1p(e^-|x|) (what `np.logaddexp` does), where the exponential is at
    most 1": also where e^-x itself would overflow."""
    x = np.concatenate([GRID, [-1e300, -800.0, 800.0, 1e300]])
    np.testing.assert_allclose(log_sigmoid(x), np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x))), rtol=1e-15, atol=1e-300)


def test_float16_is_computed_in_float32():
    """"`float16` is computed in `float32`": rounded once, within half a unit in the last place."""
    x16 = np.linspace(-20.0, 20.0, 4001).astype(np.float16)
    for f in (log_sigmoid, log_sigmoid_grad):
        exact64 = f(x16.astype(np.float64))
        ulp = np.spacing(np.abs(exact64.astype(np.float16))).astype(np.float64)
        error = np.abs(f(x16).astype(np.float64) - exact64)
        assert f(x16).dtype == np.float16 and np.all(error <= 0.5 * ulp + 1e-12)
