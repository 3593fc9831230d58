"""The claims of basics.md (derivatives, gradients and backpropagation), computed.

The page's code block itself runs in test_pages.py; here, the formulas the page states.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.softmax import log_softmax, softmax
from snippets.softplus import softplus


def numerical_diff(f, x, h=1e-4):
    """The page's central difference (snippets/examples/numerical_diff.py, which also draws a figure)."""
    return (f(x + h) - f(x - h)) / (2 * h)


def test_central_difference_error_shrinks_as_h_squared():
    """'Its error is proportional to h^2': halving h quarters the error; one-sided only halves it."""
    x = 1.0

    def central(h):
        return abs(numerical_diff(sigmoid, x, h) - sigmoid_grad(x))

    def one_sided(h):
        return abs((sigmoid(x + h) - sigmoid(x)) / h - sigmoid_grad(x))

    assert central(1e-2) / central(5e-3) == pytest.approx(4, rel=1e-3)
    assert one_sided(1e-2) / one_sided(5e-3) == pytest.approx(2, rel=1e-2)
    assert central(1e-4) < one_sided(1e-4) / 1000


def test_logit_is_the_inverse_of_the_sigmoid():
    p = np.linspace(0.01, 0.99, 99)
    assert np.allclose(sigmoid(np.log(p / (1 - p))), p)


def test_softmax_cross_entropy_gradient_is_output_minus_target():
    """dL/dx_j = y_j - t_j for L = -sum t_k log softmax(x)_k, by central differences."""
    rng = np.random.default_rng(0)
    x, t = rng.normal(size=5), np.eye(5)[2]

    def loss(v):
        return -np.sum(t * log_softmax(v))

    numeric = np.array([numerical_diff(lambda s, j=j: loss(x + s * np.eye(5)[j]), 0.0) for j in range(5)])
    assert np.allclose(numeric, softmax(x) - t, atol=1e-8)


@pytest.mark.parametrize("t", [0.0, 1.0])
def test_binary_cross_entropy_from_the_logit(t):
    """L = -t log s(s) - (1 - t) log(1 - s(s)) = softplus(s) - t s (the form vanishing-gradient uses),
    and dL/ds = sigmoid(s) - t."""
    s = np.linspace(-8, 8, 33)
    loss = -t * np.log(sigmoid(s)) - (1 - t) * np.log(1 - sigmoid(s))
    assert np.allclose(loss, softplus(s) - t * s)
    assert np.allclose(numerical_diff(lambda v: softplus(v) - t * v, s), sigmoid(s) - t, atol=1e-8)


def test_backpropagation_of_one_unit_is_the_product_of_three_factors():
    """dL/dw_i = dL/dy * h'(a) * x_i for y = h(a), a = b + sum w_i x_i (here h = sigmoid, L = (y - 1)^2 / 2)."""
    w, b, x = np.array([0.5, -1.0, 2.0]), 0.1, np.array([1.0, 0.3, -0.4])

    def loss(w):
        return (sigmoid(b + w @ x) - 1.0) ** 2 / 2

    a = b + w @ x
    chain = (sigmoid(a) - 1.0) * sigmoid_grad(a) * x
    numeric = np.array([numerical_diff(lambda s, i=i: loss(w + s * np.eye(3)[i]), 0.0) for i in range(3)])
    assert np.allclose(numeric, chain, atol=1e-10)
