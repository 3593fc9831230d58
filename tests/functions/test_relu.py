"""Claims of the ReLU page (docs/en/functions/relu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import numpy as np

from snippets.elu import elu_grad
from snippets.gelu import gelu_grad
from snippets.leaky_relu import leaky_relu_grad
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


def test_dying_relu_remedies_differ_in_the_far_negative_tail():
    """Pitfall "Dying ReLU": Leaky ReLU "keeps a gradient of at least alpha for every negative input";
    ELU's and GELU's gradient "tends to 0 as the input goes to -inf (ELU's is alpha e^x, GELU's falls
    faster still)"."""
    x = -np.logspace(-3, 3, 601)  # negative inputs from -0.001 to -1000
    assert np.all(relu_grad(x) == 0)
    assert np.all(leaky_relu_grad(x) >= 0.01) and np.all(leaky_relu_grad(x, alpha=0.2) >= 0.2)
    np.testing.assert_allclose(elu_grad(x), np.exp(x), rtol=1e-12)  # alpha e^x with alpha = 1
    far = (x <= -5) & (x >= -700)  # below about -745 both underflow to exactly 0
    assert np.all(np.abs(gelu_grad(x[far])) < elu_grad(x[far]))  # GELU's falls faster than ELU's
    assert elu_grad(-40.0) < 1e-17 and abs(gelu_grad(-10.0)) < 1e-20  # both tend to 0
