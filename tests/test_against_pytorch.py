"""The snippets agree with PyTorch: values in float64 and float32, derivatives with autograd.

PyTorch is the reference the pages name. Our derivatives are sometimes more
accurate than autograd's (sigmoid's tail, where PyTorch computes s * (1 - s)),
so derivatives are compared with an absolute tolerance at the level of float64
rounding near 1, and values with a relative one.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from snippets.identity import identity, identity_grad
from snippets.relu import relu, relu_grad
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.softmax import log_softmax, softmax, softmax_jacobian

ELEMENTWISE = {
    "identity": (identity, identity_grad, lambda t: t * 1.0),
    "relu": (relu, relu_grad, torch.relu),
    "sigmoid": (sigmoid, sigmoid_grad, torch.sigmoid),
}


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
    tiny = np.finfo(np.float64).tiny
    np.testing.assert_allclose(f(x), torch_f(torch.tensor(x)).numpy(), rtol=1e-10, atol=tiny)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_values_agree_in_float32(name):
    f, _, torch_f = ELEMENTWISE[name]
    x = inputs().astype(np.float32)
    ours, theirs = f(x), torch_f(torch.tensor(x)).numpy()
    assert ours.dtype == theirs.dtype == np.float32
    np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-37)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivatives_agree_with_autograd(name):
    _, grad, torch_f = ELEMENTWISE[name]
    x = inputs()
    np.testing.assert_allclose(grad(x), autograd(torch_f, x), rtol=1e-10, atol=1e-15)


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
