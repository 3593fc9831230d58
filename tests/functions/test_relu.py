"""Claims of the ReLU page (docs/en/functions/relu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import numpy as np

from snippets.relu import relu, relu_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def test_relu_known_values_and_kink():
    """"This handbook uses ReLU'(0) = 0 ... so `relu_grad(0.0)` is `0.0`"."""
    np.testing.assert_array_equal(relu([-2.0, 0.0, 3.0]), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(relu_grad([-2.0, 0.0, 3.0]), [0.0, 0.0, 1.0])
    assert relu_grad(0.0) == 0.0 and relu_grad(-0.0) == 0.0  # the kink convention the page states


def test_relu_properties():
    """Table: "Range [0, inf)", "Monotonic: yes, non-decreasing (constant for x <= 0)",
    "Saturates: only for x < 0, where the gradient is exactly 0"."""
    y = relu(GRID)
    assert np.all(y >= 0)  # range [0, inf)
    assert np.all(np.diff(y) >= 0)  # non-decreasing
    assert np.all(y[GRID <= 0] == 0)  # constant (gradient 0) for x <= 0
    assert relu(1e300) == 1e300  # unbounded above


def test_relu_infinities():
    """Pitfall "Forms that look equivalent but treat NaN and -inf differently": `np.maximum(x, 0.0)`
    maps -inf to 0, where `x * (x > 0)` gives NaN."""
    inf = np.inf
    np.testing.assert_array_equal(relu([-inf, inf]), [0.0, inf])
    np.testing.assert_array_equal(relu_grad([-inf, inf]), [0.0, 1.0])
