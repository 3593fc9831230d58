"""Claims on the step, tanh, Leaky ReLU, ELU and SELU pages that tests/test_snippets.py does not check.

Each test names the page and the sentence it backs. Warnings are errors (see pyproject.toml).
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.elu import elu, elu_grad
from snippets.leaky_relu import leaky_relu, leaky_relu_grad
from snippets.relu import relu
from snippets.selu import ALPHA, SCALE, selu, selu_grad
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.step import step
from snippets.tanh import tanh_grad

GRID = np.linspace(-8.0, 8.0, 1601)
FLOATS = [np.float16, np.float32, np.float64]


def standard_normal() -> np.ndarray:
    return np.random.default_rng(0).standard_normal(2_000_000)


# --- step ---------------------------------------------------------------------------------------


def test_step_sigmoid_of_kx_approaches_the_step():
    """step page: sigma(kx) approaches the step as k grows, with a derivative positive everywhere."""
    x = np.linspace(-3.0, 3.0, 601)
    away = np.abs(x) >= 0.1
    gaps = [np.abs(sigmoid(k * x) - step(x))[away].max() for k in (10.0, 100.0)]
    assert gaps[1] < gaps[0] and gaps[1] < 1e-4
    assert np.all(sigmoid_grad(GRID) > 0)


# --- tanh ---------------------------------------------------------------------------------------


def test_tanh_derivative_at_0_is_four_times_the_sigmoids():
    assert tanh_grad(0.0) == 1.0 == 4 * sigmoid_grad(0.0)


def test_tanh_textbook_derivative_loses_the_tail():
    """tanh page: tanh(20) rounds to 1.0, so 1 - tanh^2 is 0, while the true value is about 1.7e-17."""
    assert np.tanh(20.0) == 1.0 and 1 - np.tanh(20.0) ** 2 == 0.0
    assert 1.69e-17 < tanh_grad(20.0) < 1.70e-17
    assert 1.81e-4 < tanh_grad(5.0) < 1.82e-4  # "already 1.8e-4 at x = 5"


def test_tanh_grad_squares_because_2x_overflows():
    """tanh page: 2|x| itself overflows for the largest floats."""
    with pytest.warns(RuntimeWarning, match="overflow"):
        np.exp(-2 * np.abs(np.finfo(np.float64).max))
    assert tanh_grad(np.finfo(np.float64).max) == 0.0


# --- Leaky ReLU ---------------------------------------------------------------------------------


def test_leaky_relu_maximum_form_needs_alpha_at_most_1():
    """Leaky ReLU page: with alpha = 2, max(x, alpha x) returns 2x for every positive x."""
    x = GRID[GRID > 0]
    np.testing.assert_array_equal(np.maximum(x, 2.0 * x), 2.0 * x)
    np.testing.assert_array_equal(leaky_relu(x, alpha=1.0), x)  # alpha = 1 is still accepted


@pytest.mark.parametrize("alpha", [0.01, 0.2, 0.3, 1.0])
def test_leaky_relu_range_monotonic_and_no_saturation(alpha):
    assert np.all(np.diff(leaky_relu(GRID, alpha=alpha)) > 0)  # strictly increasing for alpha > 0
    assert leaky_relu(-1e300, alpha=alpha) <= -1e298 and leaky_relu(1e300, alpha=alpha) == 1e300
    assert np.all(leaky_relu_grad(GRID, alpha=alpha) >= alpha)  # never below alpha


# --- ELU ----------------------------------------------------------------------------------------


def test_elu_mean_is_closer_to_0_than_relus():
    """ELU and SELU pages: standard normal in, mean about 0.16 for ELU against 0.40 for ReLU."""
    z = standard_normal()
    assert abs(elu(z).mean() - 0.16) < 0.005 and abs(relu(z).mean() - 0.40) < 0.005


def test_elu_derivative_is_continuous_only_for_alpha_1():
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
    x = GRID[GRID <= 0]
    np.testing.assert_allclose(elu_grad(x, alpha=alpha), elu(x, alpha=alpha) + alpha, rtol=1e-12)
    assert np.all(np.diff(elu(GRID, alpha=alpha)) > 0)
    assert elu(-1e4, alpha=alpha) == -alpha  # the limit -alpha


def test_elu_textbook_form_loses_half_the_digits_near_0():
    """ELU page: exp(x) - 1 at -1e-10 is off by about 8e-8 relative; expm1 gives -9.9999999995e-11."""
    x = -1e-10
    true = -9.9999999995e-11  # x + x**2 / 2 + ..., exactly enough at this size
    np.testing.assert_allclose(elu(x), true, rtol=1e-15)
    relative_error = abs((np.exp(x) - 1) - true) / abs(true)
    assert 7e-8 < relative_error < 9e-8


def test_elu_keeps_float16_with_a_numpy_alpha():
    assert elu(np.float16([-3.0]), alpha=np.float64(0.5)).dtype == np.float16


# --- SELU ---------------------------------------------------------------------------------------


def test_selu_is_lambda_times_elu_with_alpha():
    np.testing.assert_allclose(selu(GRID), SCALE * elu(GRID, alpha=ALPHA), rtol=1e-15)


def test_selu_derivative_values():
    assert selu_grad(0.0) == SCALE * ALPHA  # the kink convention, exactly
    assert abs(SCALE * ALPHA - 1.7581) < 1e-4 and abs(SCALE - 1.0507) < 1e-4
    np.testing.assert_array_equal(selu_grad(GRID[GRID > 0]), SCALE)
    assert selu(-1e4) > -1.7581 - 1e-4 and selu(-1e4) < -1.758  # range (-1.7581, inf)


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_selu_of_the_largest_floats_is_inf_without_a_warning(dtype):
    big = np.finfo(dtype).max
    y = selu(np.array([big], dtype=dtype))  # a RuntimeWarning would raise here
    assert y.dtype == dtype and y[0] == np.inf
