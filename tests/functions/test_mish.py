"""Claims of the Mish page (docs/en/functions/mish.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from snippets.gelu import gelu, gelu_grad
from snippets.mish import mish, mish_grad
from snippets.silu import silu, silu_grad
from snippets.softplus import softplus

GRID = np.linspace(-8.0, 8.0, 1601)


def minimum_of(f) -> tuple[float, float]:
    """Where a non-monotonic function has its minimum, on a fine grid."""
    x = np.linspace(-3.0, 0.0, 300001)
    i = int(np.argmin(f(x)))
    return float(x[i]), float(f(x)[i])


def test_mish_values_and_properties():
    """"Mish'(0) = tanh(log 2) = 0.6: `mish_grad(0.0)` is `0.6`"; table: "Minimum ~ -0.309 at
    x ~ -1.192"; formula Mish(x) = x tanh(softplus(x))."""
    assert mish(0.0) == 0.0
    np.testing.assert_allclose(mish_grad(0.0), 0.6, rtol=1e-15)  # tanh(ln 2) = 0.6
    x_min, y_min = minimum_of(mish)
    assert abs(x_min + 1.19243) < 1e-4 and abs(y_min + 0.30884) < 1e-5
    np.testing.assert_allclose(mish(GRID), GRID * np.tanh(softplus(GRID)), rtol=1e-14)
    assert mish(1e4) == 1e4


def test_saturates_on_the_left_only():
    """Table: "Saturates: only for x -> -inf, where the output and the derivative tend to 0; for large
    positive x the derivative tends to 1"."""
    f, grad = mish, mish_grad
    assert abs(f(-40.0)) < 1e-15 and abs(grad(-40.0)) < 1e-15  # output and derivative tend to 0
    assert abs(grad(40.0) - 1.0) < 1e-12  # the derivative tends to 1 on the right
    assert f(1e4) == 1e4  # and the output to x


def test_mish_tail_at_minus_40():
    """Pitfall "Composing the textbook formula": "the result is -0 instead of -1.7e-16"."""
    np.testing.assert_allclose(mish(-40.0), -1.7e-16, rtol=0.01)
    np.testing.assert_allclose(mish(-40.0), float(-40 * mpmath.tanh(mpmath.log1p(mpmath.exp(-40)))), rtol=1e-12)


def test_mish_slope_at_0_is_tanh_log_2():
    """"Mish'(0) = tanh(log 2) = 0.6"."""
    assert np.tanh(np.log(2.0)) == pytest.approx(0.6, abs=1e-15)


def test_sech2_form_where_one_minus_tanh2_is_0():
    """"the code computes [sech^2(s)] as (1 / cosh s)^2 ... once tanh(s) rounds to 1, 1 - tanh^2(s)
    would be exactly 0"."""
    s = softplus(20.0)
    assert 1.0 - np.tanh(s) ** 2 == 0.0  # tanh(s) rounds to 1
    np.testing.assert_allclose((1 / np.cosh(s)) ** 2, float(mpmath.sech(mpmath.log1p(mpmath.exp(20))) ** 2), rtol=1e-14)


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=lambda d: d.__name__)
def test_softplus_inside_is_log1p_of_exp(dtype):
    """"The softplus inside is computed as `np.log1p(np.exp(x))`: `log1p` keeps the tiny values that
    `np.log(1 + ...)` would round away. Above x ~ 709 (88.7 in `float32`), e^x overflows and the
    softplus is inf, but there tanh(inf) = 1 is the right value, so that overflow is silenced"."""
    assert np.log(1 + np.exp(-40.0)) == 0.0 and np.log1p(np.exp(-40.0)) > 0  # what log1p keeps
    edge = {np.float32: 88.7, np.float64: 709.78}[dtype]
    with np.errstate(over="raise"):
        np.exp(dtype(edge))
        with pytest.raises(FloatingPointError):
            np.exp(dtype(edge + 0.1))
    x = np.array([edge + 1.0, 1e30], dtype=dtype)
    np.testing.assert_array_equal(mish(x), x)  # no warning, and tanh(inf) = 1 is right
    np.testing.assert_array_equal(mish_grad(x), [1.0, 1.0])
    np.testing.assert_allclose(mish(-40.0), -40.0 * np.tanh(np.logaddexp(0.0, -40.0)), rtol=1e-15)


def test_minima_and_slopes_at_0_of_mish_silu_gelu():
    """Pitfall "Similar curves, different functions": "Their minima are -0.309, -0.278 and -0.170, and
    their slopes at 0 are 0.6, 0.5 and 0.5"."""
    x = np.linspace(-3.0, 0.0, 300001)
    minima = [round(float(f(x).min()), 3) for f in (mish, silu, gelu)]
    assert minima == [-0.309, -0.278, -0.17]
    assert [round(float(g(0.0)), 12) for g in (mish_grad, silu_grad, gelu_grad)] == [0.6, 0.5, 0.5]
