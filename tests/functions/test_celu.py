"""Claims of the CELU page (docs/en/functions/celu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the registry's facts (range, saturation, kink) in tests/test_registry.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.celu import celu, celu_grad
from snippets.elu import elu, elu_grad
from snippets.relu import relu

GRID = np.linspace(-8.0, 8.0, 1601)
ALPHAS = [0.1, 0.5, 1.0, 2.0, 10.0]


@pytest.mark.parametrize("alpha", ALPHAS)
def test_celu_values_and_derivative(alpha):
    """Formula max(0, x) + min(0, alpha (e^(x / alpha) - 1)); derivative 1 for x > 0, e^(x / alpha) for x <= 0;
    table: "Range (-alpha, inf)", "Monotonic: yes, strictly increasing"."""
    expected = np.maximum(0, GRID) + np.minimum(0, alpha * np.expm1(GRID / alpha))
    np.testing.assert_allclose(celu(GRID, alpha), expected, rtol=1e-15, atol=1e-300)
    np.testing.assert_allclose(celu_grad(GRID, alpha), np.where(GRID > 0, 1.0, np.exp(GRID / alpha)), rtol=1e-15)
    x = GRID[GRID > -30 * alpha]  # further left, -alpha + alpha e^(x / alpha) rounds to -alpha
    assert np.all(np.diff(celu(x, alpha)) > 0) and np.all(celu(x, alpha) > -alpha)
    assert celu(-1e6, alpha) == -alpha  # the limit -alpha


@pytest.mark.parametrize("alpha", ALPHAS)
def test_derivative_is_1_at_0_from_both_sides_for_every_alpha(alpha):
    """"From the left the derivative tends to e^0 = 1, the slope on the right, whatever alpha is";
    "`celu_grad(0.0, alpha)` is 1"; "The derivative lies between 0 and 1 for every alpha, while ELU's reaches
    alpha just left of 0"."""
    assert celu_grad(0.0, alpha) == 1.0
    np.testing.assert_allclose(celu_grad([-1e-12, 1e-12], alpha), [1.0, 1.0], rtol=1e-10)
    g = celu_grad(GRID, alpha)
    assert np.all((g > 0) & (g <= 1))
    assert elu_grad(-1e-12, alpha) == pytest.approx(alpha, rel=1e-10)


@pytest.mark.parametrize("alpha", ALPHAS)
def test_second_derivative_jumps_from_one_over_alpha_to_0(alpha):
    """"The second derivative, though, jumps at 0, from 1/alpha on the left to 0 on the right"; pitfall:
    "For a small alpha that jump is large (10 for alpha = 0.1)"."""
    h = 1e-7 * alpha
    left = (celu_grad(-h, alpha) - celu_grad(-2 * h, alpha)) / h
    right = (celu_grad(2 * h, alpha) - celu_grad(h, alpha)) / h
    assert left == pytest.approx(1 / alpha, rel=1e-5) and right == 0.0
    if alpha == 0.1:
        assert left == pytest.approx(10.0, rel=1e-5)


@pytest.mark.parametrize("alpha", ALPHAS)
def test_scale_similar(alpha):
    """"CELU(x, alpha) = alpha CELU(x / alpha, 1)"."""
    np.testing.assert_allclose(celu(GRID, alpha), alpha * celu(GRID / alpha, 1.0), rtol=1e-14, atol=1e-300)


def test_limits_relu_and_identity():
    """"As alpha -> 0 it tends to ReLU, and as alpha -> inf to the identity"."""
    np.testing.assert_allclose(celu(GRID, 1e-3), relu(GRID), atol=1e-3)
    np.testing.assert_allclose(celu(GRID, 1e6), GRID, atol=GRID.max() ** 2 / 1e6)


def test_alpha_1_is_elu_and_its_mean_output():
    """"For the default alpha = 1 the two are the same function"; table: "for alpha = 1 it is ELU, whose mean
    output for a standard normal input is about 0.16"."""
    np.testing.assert_array_equal(celu(GRID), elu(GRID))
    np.testing.assert_array_equal(celu_grad(GRID), elu_grad(GRID))
    z = np.random.default_rng(0).standard_normal(2_000_000)
    assert abs(celu(z).mean() - 0.16) < 0.005


@pytest.mark.parametrize("f", [celu, celu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [0.0, -1.0, float("nan"), float("inf")])
def test_alpha_must_be_finite_and_positive(f, alpha):
    """"Both functions raise `ValueError` unless `alpha` is finite and alpha > 0 (a `NaN` alpha fails too)"."""
    with pytest.raises(ValueError, match="alpha"):
        f([1.0], alpha=alpha)


@pytest.mark.parametrize("f", [celu, celu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [True, np.False_, "1.0", None, np.array([0.5, 1.0]), np.array(0.5), 1j], ids=repr)
def test_alpha_must_be_a_real_number(f, alpha):
    """"They raise `TypeError` unless `alpha` is a real number (a bool, a string or an array)"."""
    with pytest.raises(TypeError, match=rf"^alpha must be a real number, got {type(alpha).__name__}$"):
        f([1.0], alpha=alpha)
    for ok in (2, np.float32(0.5), np.int64(3), 0.25):  # ints and NumPy scalars are real numbers
        assert f(np.array([-2.0]), alpha=ok).dtype == np.float64


def test_minus_zero_stays_minus_zero():
    """"`-0.0` stays `-0.0`"."""
    y = celu(np.array([0.0, -0.0]), 2.0)
    np.testing.assert_array_equal(np.signbit(y), [False, True])


def test_tiny_alpha_overflow_gives_the_limit_without_a_warning():
    """"For a tiny alpha, `x / alpha` itself can overflow to -inf (for example -1e10 / 1e-300); the
    implementation silences that warning, because `np.expm1(-np.inf)` is -1, the right limit"."""
    with pytest.warns(RuntimeWarning, match="overflow"):
        assert np.divide(-1e10, 1e-300) == -np.inf
    assert np.expm1(-np.inf) == -1.0
    assert celu(-1e10, 1e-300) == -1e-300 and celu_grad(-1e10, 1e-300) == 0.0  # no warning: warnings are errors
    np.testing.assert_array_equal(celu([-np.inf, np.inf]), [-1.0, np.inf])
    np.testing.assert_array_equal(celu_grad([-np.inf, np.inf]), [0.0, 1.0])


def test_celu_and_elu_differ_unless_alpha_is_1():
    """Pitfall "CELU and ELU are different functions unless alpha = 1": "both tend to -alpha, but along different
    curves"; "just left of 0, ELU's slope is alpha while CELU's is 1"."""
    x = GRID[GRID < 0]
    assert np.abs(celu(x, 2.0) - elu(x, 2.0)).max() > 0.3
    assert celu(-1e4, 2.0) == elu(-1e4, 2.0) == -2.0
    assert elu_grad(-1e-9, 2.0) == pytest.approx(2.0, rel=1e-8)
    assert celu_grad(-1e-9, 2.0) == pytest.approx(1.0, rel=1e-8)


def test_float16_is_computed_in_float32():
    """"`float16` is computed in `float32`": rounded once, within half a unit in the last place (alpha = 0.3,
    which float16 does not hold exactly: computed in float16, celu_grad would be off by about 10 units)."""
    x16 = np.linspace(-20.0, 20.0, 4001).astype(np.float16)
    for f in (celu, celu_grad):
        exact = f(x16.astype(np.float64), 0.3)
        ulp = np.spacing(np.abs(exact.astype(np.float16))).astype(np.float64)
        error = np.abs(f(x16, 0.3).astype(np.float64) - exact)
        assert f(x16, 0.3).dtype == np.float16 and np.all(error <= 0.501 * ulp)
