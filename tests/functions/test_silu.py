"""Claims of the SiLU page (docs/en/functions/silu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from snippets.sigmoid import sigmoid
from snippets.silu import silu, silu_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def minimum_of(f) -> tuple[float, float]:
    """Where a non-monotonic function has its minimum, on a fine grid."""
    x = np.linspace(-3.0, 0.0, 300001)
    i = int(np.argmin(f(x)))
    return float(x[i]), float(f(x)[i])


def test_silu_values_and_properties():
    """Formula SiLU(x) = x sigma(x); "`silu_grad(0.0)` is 0.5"; table: "Minimum ~ -0.278 at x ~ -1.278"."""
    assert silu(0.0) == 0.0 and silu_grad(0.0) == 0.5
    np.testing.assert_allclose(silu(GRID), GRID * sigmoid(GRID), rtol=1e-15)
    x_min, y_min = minimum_of(silu)
    assert abs(x_min + 1.27846) < 1e-4 and abs(y_min + 0.27846) < 1e-5
    assert silu(1e4) == 1e4 and silu(-1e4) == 0.0


def test_saturates_on_the_left_only():
    """Table: "Saturates: only for x -> -inf, where the output and the derivative tend to 0; for large
    positive x the derivative tends to 1"."""
    f, grad = silu, silu_grad
    assert abs(f(-40.0)) < 1e-15 and abs(grad(-40.0)) < 1e-15  # output and derivative tend to 0
    assert abs(grad(40.0) - 1.0) < 1e-12  # the derivative tends to 1 on the right
    assert f(1e4) == 1e4  # and the output to x


def test_silu_derivative_peaks_at_1_10_near_2_4():
    """"The derivative is negative left of the minimum, and for positive inputs it rises above 1, to
    about 1.10 near x ~ 2.4, before it settles at 1"."""
    x = np.linspace(-10, 10, 200001)
    d = silu_grad(x)
    assert abs(d.max() - 1.10) < 0.005 and abs(x[d.argmax()] - 2.4) < 0.01
    assert np.all(d[x < -1.2785] < 0) and np.all(d[x > -1.2784] > 0)  # negative left of the minimum


def test_silu_textbook_form_true_value_at_minus_1000():
    """Pitfall "The textbook form warns for large negative inputs": "the true value, about -5e-432, is
    far below the smallest `float64` anyway"."""
    true = -1000 * mpmath.exp(-1000)  # about -5e-432
    assert abs(true / mpmath.mpf("-5e-432") - 1) < 0.02
    assert float(true) == 0.0  # far below the smallest float64


def test_silu_float16_overflow_below_minus_11_1():
    """"In `float16` the overflow ... starts below x ~ -11.1, and `silu` of -12 would be 0 instead of
    -7.4e-5. That is why `float16` inputs are computed in `float32`"."""
    with np.errstate(over="raise"):
        np.exp(np.float16(11.0))  # fine
        with pytest.raises(FloatingPointError):
            np.exp(np.float16(11.1))  # e^11.1 > 65504
    x = np.float16(-12.0)
    with np.errstate(over="ignore"):
        assert x / (1 + np.exp(-x)) == 0.0  # the textbook form computed in float16
    assert silu(x).dtype == np.float16
    np.testing.assert_allclose(float(silu(x)), -7.4e-5, rtol=0.01)
