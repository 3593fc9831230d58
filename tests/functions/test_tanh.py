"""Claims of the tanh page (docs/en/functions/tanh.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.tanh import tanh, tanh_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def test_tanh_values_and_properties():
    """Table: range (-1, 1), strictly increasing, "Zero-centred: yes: tanh(0) = 0", "Derivative at 0:
    1, its maximum", "Symmetry: odd", "Relation to the sigmoid: tanh(x) = 2 sigma(2x) - 1";
    `tanh_grad` "stays accurate for every x"."""
    y = tanh(GRID)
    assert np.all((-1 < y) & (y < 1)) and np.all(np.diff(y) > 0)  # range (-1, 1), increasing
    assert tanh(0.0) == 0.0 and tanh_grad(0.0) == 1.0 == tanh_grad(GRID).max()  # zero-centred
    np.testing.assert_allclose(tanh(-GRID), -y, rtol=1e-15)  # odd
    np.testing.assert_allclose(y, 2 * sigmoid(2 * GRID) - 1, atol=1e-15)  # a rescaled sigmoid
    np.testing.assert_allclose(tanh_grad(20.0), 4 * np.exp(-40.0), rtol=1e-12)  # the tail, not 0
    assert tanh_grad(30.0) > 0


def test_tanh_derivative_at_0_is_four_times_the_sigmoids():
    """"tanh'(0) = 1, four times the sigmoid's maximum of 0.25"."""
    assert tanh_grad(0.0) == 1.0 == 4 * sigmoid_grad(0.0)


def test_tanh_textbook_derivative_loses_the_tail():
    """"for x = 20 `np.tanh(x)` rounds to exactly `1.0` and the result is `0.0`, while the true
    derivative is about 1.7e-17"; "at x = 5 the derivative is already 1.8e-4"."""
    assert np.tanh(20.0) == 1.0 and 1 - np.tanh(20.0) ** 2 == 0.0
    assert 1.69e-17 < tanh_grad(20.0) < 1.70e-17
    assert 1.81e-4 < tanh_grad(5.0) < 1.82e-4  # "already 1.8e-4 at x = 5"


def test_tanh_grad_squares_because_2x_overflows():
    """"It squares e^-|x| instead of computing e^-2|x| directly, because 2|x| itself overflows for
    the largest floats"."""
    with pytest.warns(RuntimeWarning, match="overflow"):
        np.exp(-2 * np.abs(np.finfo(np.float64).max))
    assert tanh_grad(np.finfo(np.float64).max) == 0.0


def test_pytorch_functional_tanh_no_longer_warns():
    """Framework table: "Older PyTorch versions warned that `F.tanh` was deprecated in favour of
    `torch.tanh`; PyTorch 2.13.0 no longer warns"."""
    torch = pytest.importorskip("torch", reason="a claim about PyTorch itself; pip install torch to check it")
    if tuple(int(part) for part in torch.__version__.split("+")[0].split(".")[:2]) < (2, 13):
        pytest.skip(f"the page states what PyTorch 2.13.0 does; installed: {torch.__version__}")
    x = torch.linspace(-3.0, 3.0, 7)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert torch.equal(torch.nn.functional.tanh(x), torch.tanh(x))
