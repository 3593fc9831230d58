"""Claims of the ELU page (docs/en/functions/elu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.elu import elu, elu_grad
from snippets.relu import relu

GRID = np.linspace(-8.0, 8.0, 1601)


def test_elu_values_properties_and_parameter():
    """Table: "Range (-alpha, inf)", strictly increasing; "This handbook uses ELU'(0) = alpha";
    "`np.expm1(x)` ... is accurate for every x, however small"; ELU'(x) = ELU(x) + alpha for x <= 0."""
    np.testing.assert_allclose(elu([-1.0, 0.0, 2.0]), [np.expm1(-1.0), 0.0, 2.0], rtol=1e-15)
    assert elu(-1e4) == -1.0 and elu(-1e4, alpha=0.5) == -0.5  # limit -alpha
    assert np.all(elu(GRID) > -1.0) and np.all(np.diff(elu(GRID)) > 0)
    assert elu_grad(0.0) == 1.0 and elu_grad(0.0, alpha=2.0) == 2.0  # alpha at the kink
    np.testing.assert_allclose(elu(-1e-10), -1e-10, rtol=1e-9)  # expm1 keeps tiny values exact
    x = GRID[GRID < 0]
    np.testing.assert_allclose(elu_grad(x), elu(x) + 1.0, rtol=1e-12)


@pytest.mark.parametrize("f", [elu, elu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [-1.0, float("nan"), float("inf")])
def test_elu_rejects_negative_or_non_finite_alpha(f, alpha):
    """"Both functions raise `ValueError` unless `alpha` is finite and alpha >= 0 (a `NaN` alpha fails too)"."""
    with pytest.raises(ValueError, match="alpha"):
        f([1.0], alpha=alpha)


@pytest.mark.parametrize("f", [elu, elu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [True, np.False_, "1.0", None, np.array([0.5, 1.0]), np.array(0.5), 1j], ids=repr)
def test_elu_alpha_must_be_a_real_number(f, alpha):
    """"... and `TypeError` unless `alpha` is a real number (a bool, a string or an array)"."""
    with pytest.raises(TypeError, match=rf"^alpha must be a real number, got {type(alpha).__name__}$"):
        f([1.0], alpha=alpha)
    for ok in (2, 0, np.float32(0.5), np.int64(3), 0.25):  # ints and NumPy scalars are real numbers
        assert f(np.array([-2.0]), alpha=ok).dtype == np.float64


def test_elu_mean_is_closer_to_0_than_relus():
    """Table: "for a standard normal input the mean output is about 0.16, against 0.40 for ReLU"
    (the SELU page repeats the 0.16)."""
    z = np.random.default_rng(0).standard_normal(2_000_000)
    assert abs(elu(z).mean() - 0.16) < 0.005 and abs(relu(z).mean() - 0.40) < 0.005


def test_elu_derivative_is_continuous_only_for_alpha_1():
    """"For the default alpha = 1 ... the derivative is continuous; for any other alpha it jumps at 0";
    table: "Smooth: no: for alpha = 1 the derivative is continuous, but the second derivative jumps at 0"."""
    tiny = 1e-12
    np.testing.assert_allclose(elu_grad([-tiny, tiny]), [1.0, 1.0], rtol=1e-11)
    np.testing.assert_allclose(elu_grad([-tiny, tiny], alpha=2.0), [2.0, 1.0], rtol=1e-11)  # a jump
    # ...and for alpha = 1 the second derivative jumps: e^x -> 1 on the left, 0 on the right
    h = 1e-6
    left = (elu_grad(-h) - elu_grad(-2 * h)) / h
    right = (elu_grad(2 * h) - elu_grad(h)) / h
    assert abs(left - 1.0) < 1e-5 and right == 0.0


@pytest.mark.parametrize("alpha", [0.5, 1.0, 2.0])
def test_elu_derivative_is_elu_plus_alpha_and_increasing(alpha):
    """Derivative: "alpha e^x = ELU(x) + alpha" for x <= 0; table: "strictly increasing for alpha > 0",
    "the output tends to -alpha"."""
    x = GRID[GRID <= 0]
    np.testing.assert_allclose(elu_grad(x, alpha=alpha), elu(x, alpha=alpha) + alpha, rtol=1e-12)
    assert np.all(np.diff(elu(GRID, alpha=alpha)) > 0)
    assert elu(-1e4, alpha=alpha) == -alpha  # the limit -alpha


def test_elu_textbook_form_loses_half_the_digits_near_0():
    """Pitfall "`np.exp(x) - 1` loses digits near 0": at -1e-10 "a relative error of about 8e-8",
    while "the true value is -9.9999999995e-11"."""
    x = -1e-10
    true = -9.9999999995e-11  # x + x**2 / 2 + ..., exactly enough at this size
    np.testing.assert_allclose(elu(x), true, rtol=1e-15)
    relative_error = abs((np.exp(x) - 1) - true) / abs(true)
    assert 7e-8 < relative_error < 9e-8


def test_elu_keeps_float16_with_a_numpy_alpha():
    """"a `float16` or `float32` input stays in its dtype even if `alpha` is a NumPy `float64`"."""
    assert elu(np.float16([-3.0]), alpha=np.float64(0.5)).dtype == np.float16


def test_celu_is_elu_only_at_alpha_1():
    """Warning "CELU is not ELU unless alpha = 1": PyTorch's, JAX's and Keras's `celu` compute
    max(0, x) + min(0, alpha (e^(x/alpha) - 1)); "with alpha = 1 this is ELU"."""

    def celu(x, alpha):
        return np.maximum(0.0, x) + np.minimum(0.0, alpha * np.expm1(x / alpha))

    np.testing.assert_allclose(celu(GRID, 1.0), elu(GRID), rtol=1e-15, atol=0)
    assert np.abs(celu(GRID, 2.0) - elu(GRID, alpha=2.0)).max() > 0.4  # another function (0.5 at x = -2 ln 2)
    torch = pytest.importorskip("torch", reason="a claim about PyTorch itself; pip install torch to check it")
    x = torch.from_numpy(GRID)
    np.testing.assert_allclose(torch.nn.functional.celu(x, alpha=2.0).numpy(), celu(GRID, 2.0), rtol=1e-12, atol=1e-15)
