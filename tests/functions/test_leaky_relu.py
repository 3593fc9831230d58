"""Claims of the Leaky ReLU page (docs/en/functions/leaky_relu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.leaky_relu import leaky_relu, leaky_relu_grad
from snippets.relu import relu

GRID = np.linspace(-8.0, 8.0, 1601)


def test_leaky_relu_values_properties_and_parameter():
    """"This handbook uses LeakyReLU'(0) = alpha ... `leaky_relu_grad(0.0)` is `alpha` (0.01 by default)";
    "alpha = 0 gives ReLU back"; "`alpha` is turned into a Python `float`, so a `float16` or `float32`
    input stays in its dtype even if `alpha` is a NumPy `float64`"."""
    np.testing.assert_allclose(leaky_relu([-2.0, 0.0, 3.0]), [-0.02, 0.0, 3.0], rtol=1e-15)
    np.testing.assert_array_equal(leaky_relu_grad([-2.0, 0.0, 3.0]), [0.01, 0.01, 1.0])  # alpha at 0
    assert np.all(np.diff(leaky_relu(GRID)) > 0)  # strictly increasing: no dying units
    np.testing.assert_allclose(leaky_relu([-10.0], alpha=0.2), [-2.0], rtol=1e-15)
    assert leaky_relu_grad(0.0, alpha=0.3) == 0.3
    np.testing.assert_array_equal(leaky_relu(GRID, alpha=0.0), relu(GRID))  # alpha = 0 is ReLU
    np.testing.assert_array_equal(leaky_relu([-np.inf, np.inf], alpha=0.0), [0.0, np.inf])  # to the end
    y = leaky_relu(np.float16([-3.0]), alpha=np.float64(0.5))  # a NumPy float64 alpha
    assert y.dtype == np.float16


@pytest.mark.parametrize("f", [leaky_relu, leaky_relu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [-0.01, 1.5, float("nan"), float("inf")])
def test_leaky_relu_rejects_alpha_outside_0_to_1(f, alpha):
    """"Both functions raise `ValueError` unless 0 <= alpha <= 1 (a `NaN` alpha fails too)"."""
    with pytest.raises(ValueError, match="alpha"):
        f([1.0], alpha=alpha)


@pytest.mark.parametrize("f", [leaky_relu, leaky_relu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [True, np.False_, "0.1", None, np.array([0.1, 0.2]), np.array(0.1), 1j], ids=repr)
def test_leaky_relu_alpha_must_be_a_real_number(f, alpha):
    """"... and `TypeError` unless `alpha` is a real number (a bool, a string or an array)"."""
    with pytest.raises(TypeError, match=rf"^alpha must be a real number, got {type(alpha).__name__}$"):
        f([1.0], alpha=alpha)
    for ok in (1, 0, np.float32(0.5), np.int64(1), 0.25):  # ints and NumPy scalars are real numbers
        assert f(np.array([-2.0]), alpha=ok).dtype == np.float64


def test_leaky_relu_maximum_form_needs_alpha_at_most_1():
    """"with alpha = 2, [`np.maximum(x, alpha * x)`] would return 2x for every positive x"."""
    x = GRID[GRID > 0]
    np.testing.assert_array_equal(np.maximum(x, 2.0 * x), 2.0 * x)
    np.testing.assert_array_equal(leaky_relu(x, alpha=1.0), x)  # alpha = 1 is still accepted


@pytest.mark.parametrize("alpha", [0.01, 0.2, 0.3, 1.0])
def test_leaky_relu_range_monotonic_and_no_saturation(alpha):
    """Table: "Range (-inf, inf) for alpha > 0", "Monotonic: yes, strictly increasing for alpha > 0",
    "Saturates: no: the derivative is at least alpha everywhere" (at the defaults 0.01, 0.2, 0.3)."""
    assert np.all(np.diff(leaky_relu(GRID, alpha=alpha)) > 0)  # strictly increasing for alpha > 0
    assert leaky_relu(-1e300, alpha=alpha) <= -1e298 and leaky_relu(1e300, alpha=alpha) == 1e300
    assert np.all(leaky_relu_grad(GRID, alpha=alpha) >= alpha)  # never below alpha
