"""The snippets agree with PyTorch: values in float64 and float32, derivatives with autograd.

PyTorch is the reference the pages name. Our derivatives are sometimes more
accurate than autograd's (sigmoid's tail, where PyTorch computes s * (1 - s)),
so derivatives are compared with an absolute tolerance at the level of float64
rounding near 1, and values with a relative one.
"""

from __future__ import annotations

from functools import partial

import mpmath
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.elu import elu, elu_grad
from snippets.gelu import gelu, gelu_grad
from snippets.identity import identity, identity_grad
from snippets.leaky_relu import leaky_relu, leaky_relu_grad
from snippets.mish import mish, mish_grad
from snippets.relu import relu, relu_grad
from snippets.selu import selu, selu_grad
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.silu import silu, silu_grad
from snippets.softmax import log_softmax, softmax, softmax_jacobian
from snippets.softplus import softplus, softplus_grad
from snippets.step import step, step_grad
from snippets.tanh import tanh, tanh_grad

# name: (ours, our derivative, PyTorch's function with the same parameters)
ELEMENTWISE = {
    "identity": (identity, identity_grad, lambda t: t * 1.0),
    "relu": (relu, relu_grad, torch.relu),
    "sigmoid": (sigmoid, sigmoid_grad, torch.sigmoid),
    "tanh": (tanh, tanh_grad, torch.tanh),
    "leaky_relu": (leaky_relu, leaky_relu_grad, F.leaky_relu),
    "leaky_relu(alpha=0.2)": (partial(leaky_relu, alpha=0.2), partial(leaky_relu_grad, alpha=0.2), partial(F.leaky_relu, negative_slope=0.2)),
    "elu": (elu, elu_grad, F.elu),
    "elu(alpha=0.5)": (partial(elu, alpha=0.5), partial(elu_grad, alpha=0.5), partial(F.elu, alpha=0.5)),
    "selu": (selu, selu_grad, F.selu),
    "gelu": (gelu, gelu_grad, F.gelu),
    "gelu(approximate=True)": (partial(gelu, approximate=True), partial(gelu_grad, approximate=True), partial(F.gelu, approximate="tanh")),
    "silu": (silu, silu_grad, F.silu),
    # PyTorch's softplus returns x itself above threshold=20 (see the page); 40 keeps it exact here
    "softplus": (softplus, softplus_grad, partial(F.softplus, threshold=40.0)),
    "mish": (mish, mish_grad, F.mish),
}
# PyTorch computes GELU as 0.5 * x * (1 + erf(...)), which cancels for x < -5: there its value
# is off by up to ~1e-16 * |x| absolutely, while ours keeps the relative accuracy (checked below)
VALUE_ATOL = {"gelu": 1e-14, "gelu(approximate=True)": 1e-14}
VALUE_ATOL_FLOAT32 = {"gelu": 1e-6, "gelu(approximate=True)": 1e-6}


def inputs() -> np.ndarray:
    rng = np.random.default_rng(42)
    special = [0.0, -0.0, 1e-300, -1e-300, 1.0, -1.0, 36.0, -36.0, 710.0, -745.0, 1e4, -1e4]
    return np.concatenate([special, rng.normal(scale=10.0, size=2000), rng.uniform(-800, 800, 500)])


def autograd(torch_f, x: np.ndarray) -> np.ndarray:
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    torch_f(t).sum().backward()
    return t.grad.numpy()


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_values_agree_in_float64(name):
    f, _, torch_f = ELEMENTWISE[name]
    x = inputs()
    # PyTorch's vectorised exp flushes subnormal results (below 2.2e-308) to 0; NumPy keeps them
    atol = VALUE_ATOL.get(name, np.finfo(np.float64).tiny)
    np.testing.assert_allclose(f(x), torch_f(torch.tensor(x)).numpy(), rtol=1e-10, atol=atol)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_values_agree_in_float32(name):
    f, _, torch_f = ELEMENTWISE[name]
    x = inputs().astype(np.float32)
    ours, theirs = f(x), torch_f(torch.tensor(x)).numpy()
    assert ours.dtype == theirs.dtype == np.float32
    np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=VALUE_ATOL_FLOAT32.get(name, 1e-37))


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivatives_agree_with_autograd(name):
    _, grad, torch_f = ELEMENTWISE[name]
    x = inputs()
    np.testing.assert_allclose(grad(x), autograd(torch_f, x), rtol=1e-10, atol=1e-14)


def test_relu_kink_convention_is_autograds():
    x = np.array([0.0, -0.0])
    np.testing.assert_array_equal(relu_grad(x), autograd(torch.relu, x))
    assert relu_grad(0.0) == 0.0


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_softmax_and_log_softmax_agree(dim):
    x = np.random.default_rng(1).normal(scale=20.0, size=(6, 9))
    x[0, :3] = -np.inf  # a masked row
    x[1, 2] = 1e4  # a huge logit
    t = torch.tensor(x)
    np.testing.assert_allclose(softmax(x, axis=dim), torch.softmax(t, dim=dim).numpy(), rtol=1e-10, atol=1e-300)
    np.testing.assert_allclose(log_softmax(x, axis=dim), torch.log_softmax(t, dim=dim).numpy(), rtol=1e-10)


def test_softmax_special_rows_agree():
    x = np.array([[-np.inf, -np.inf, -np.inf], [np.nan, 1.0, 2.0], [np.inf, 1.0, 2.0], [1000.0, 1000.0, -np.inf]])
    t = torch.tensor(x)
    np.testing.assert_array_equal(softmax(x), torch.softmax(t, dim=-1).numpy())
    np.testing.assert_array_equal(log_softmax(x), torch.log_softmax(t, dim=-1).numpy())


def test_softmax_jacobian_agrees_with_autograd():
    x = np.array([1.0, 2.0, 3.0, -4.0])
    theirs = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, dim=0), torch.tensor(x))
    np.testing.assert_allclose(softmax_jacobian(x), theirs.numpy(), rtol=1e-10, atol=1e-17)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_kink_convention_is_autograds(name):
    """At x = 0 (ReLU's, Leaky ReLU's, ELU's and SELU's kink) the derivative is autograd's."""
    _, grad, torch_f = ELEMENTWISE[name]
    np.testing.assert_allclose(grad(np.array([0.0])), autograd(torch_f, np.array([0.0])), rtol=1e-15)


def test_step_agrees_with_heaviside():
    x = np.array([-2.0, -0.0, 0.0, 1e-300, 3.0])
    np.testing.assert_array_equal(step(x), torch.heaviside(torch.tensor(x), torch.tensor(0.0, dtype=torch.float64)).numpy())
    assert np.all(step_grad(x) == 0)
    assert np.isnan(step(np.nan))  # PyTorch's heaviside gives 0 for NaN; ours lets NaN through


def test_pytorch_softplus_threshold_is_where_the_page_says():
    x = torch.tensor([19.9, 20.1], dtype=torch.float64)
    ours, theirs = softplus(x.numpy()), F.softplus(x).numpy()
    assert theirs[1] == 20.1 and ours[1] > 20.1  # PyTorch returns x above threshold=20
    np.testing.assert_allclose(ours, theirs, rtol=1e-9)  # the difference is e^-20 ~ 2e-9


@pytest.mark.parametrize("x", [-5.0, -10.0, -20.0, -35.0])
def test_gelu_tail_is_accurate_where_pytorch_cancels(x):
    exact = float(x * mpmath.ncdf(x))  # x * Phi(x) to 50 digits
    np.testing.assert_allclose(gelu(x), exact, rtol=1e-12)
