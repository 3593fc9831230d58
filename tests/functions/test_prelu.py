"""Claims of the PReLU page (docs/en/functions/prelu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the registry's facts (range, saturation, kink) in tests/test_registry.py. PyTorch's values for
one shared alpha and for one alpha per channel, with the gradients autograd gives for x and for
alpha, are stored by tests/reference/make_pytorch_reference.py (PRELU_CASES).
"""

from __future__ import annotations

import runpy

import numpy as np
import pytest

from conftest import ROOT
from snippets.prelu import prelu, prelu_grad, prelu_grad_alpha
from snippets.relu import relu
from tests.reference.make_pytorch_reference import PRELU_CASES
from tests.test_against_pytorch import stored

GRID = np.linspace(-8.0, 8.0, 1601)


def test_prelu_values_and_derivative_with_respect_to_x():
    """Formula max(0, x) + alpha min(0, x); "This handbook uses alpha there ... `prelu_grad(0.0)` is
    `alpha`"; "from nothing (alpha = 0, ReLU) to everything (alpha = 1, the identity)"."""
    for alpha in (0.25, -0.5, 1.5):
        expected = np.maximum(0, GRID) + alpha * np.minimum(0, GRID)
        np.testing.assert_allclose(prelu(GRID, alpha), expected, rtol=1e-15)
        np.testing.assert_array_equal(prelu_grad(GRID, alpha), np.where(GRID > 0, 1.0, alpha))
        assert prelu_grad(0.0, alpha) == alpha
    assert prelu_grad(0.0) == 0.25 and prelu(-4.0) == -1.0  # PyTorch's initial alpha
    np.testing.assert_array_equal(prelu(GRID, 0.0), relu(GRID))
    np.testing.assert_array_equal(prelu(GRID, 1.0), GRID)


def test_derivative_with_respect_to_alpha_is_the_sum_of_the_negative_parts():
    """"With respect to alpha, each element contributes its negative part: min(0, x)"; "without `g` it
    takes g_i = 1, the derivative of `prelu(x).sum()`"; "Elements with x > 0 contribute nothing"."""
    x = np.random.default_rng(0).normal(scale=3.0, size=(4, 3, 5))
    assert prelu_grad_alpha(x) == pytest.approx(np.minimum(0, x).sum(), rel=1e-14)
    h = 1e-6  # prelu is linear in alpha: a central difference is exact up to rounding
    numeric = (prelu(x, 0.25 + h).sum() - prelu(x, 0.25 - h).sum()) / (2 * h)
    assert prelu_grad_alpha(x) == pytest.approx(numeric, rel=1e-8)
    g = np.random.default_rng(1).normal(size=x.shape)
    assert prelu_grad_alpha(x, g=g) == pytest.approx((g * np.minimum(0, x)).sum(), rel=1e-14)
    assert prelu_grad_alpha(np.abs(x) + 0.1) == 0.0  # all positive: alpha does not move
    alpha = np.array([0.25, -0.5, 1.5])
    np.testing.assert_allclose(prelu_grad_alpha(x, alpha), np.minimum(0, x).sum(axis=(0, 2)), rtol=1e-14)


@pytest.mark.parametrize("case", PRELU_CASES)
def test_agrees_with_pytorch_prelu_and_its_autograd(case):
    """Framework equivalents: `torch.nn.PReLU(num_parameters=C)` on dimension 1, one shared alpha or one per
    channel; `prelu_grad_alpha` gives "what PyTorch's autograd puts in `weight.grad`", of alpha's shape."""
    x, alpha, g = (stored(f"extra/{case}/{name}") for name in ("x", "alpha", "g"))
    np.testing.assert_allclose(prelu(x, alpha), stored(f"extra/{case}/float64"), rtol=1e-15)
    np.testing.assert_allclose(g * prelu_grad(x, alpha), stored(f"extra/{case}/grad"), rtol=1e-15)
    theirs = stored(f"extra/{case}/grad_alpha")
    ours = prelu_grad_alpha(x, alpha, g=g)
    assert ours.shape == theirs.shape == alpha.shape
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)
    assert x.flat[0] == 0 and prelu_grad(x, alpha).flat[0] == alpha[0]  # the kink: alpha, as autograd


def test_shape_of_the_alpha_gradient_follows_alpha():
    """"`prelu_grad_alpha` returns an array of alpha's shape: a number for a single alpha, C values for one
    per channel"."""
    x = np.ones((2, 3, 4)) * -1.0
    assert np.shape(prelu_grad_alpha(x, 0.25)) == () and prelu_grad_alpha(x, 0.25) == -24.0
    assert prelu_grad_alpha(x, [0.25]).shape == (1,)
    np.testing.assert_array_equal(prelu_grad_alpha(x, [0.1, 0.2, 0.3]), [-8.0, -8.0, -8.0])


def test_axis_minus_1_is_for_channels_last_data():
    """"For channels-last data, (N, ..., C) as in Keras and JAX, pass `axis=-1`"."""
    first = np.random.default_rng(2).normal(size=(2, 3, 4, 5))  # (N, C, H, W)
    last = np.moveaxis(first, 1, -1)  # (N, H, W, C)
    alpha = np.array([0.1, 0.2, 0.3])
    np.testing.assert_array_equal(prelu(last, alpha, axis=-1), np.moveaxis(prelu(first, alpha), 1, -1))
    np.testing.assert_array_equal(prelu_grad_alpha(last, alpha, axis=-1), prelu_grad_alpha(first, alpha))


@pytest.mark.parametrize("f", [prelu, prelu_grad, prelu_grad_alpha], ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    ("alpha", "x"),
    [
        (float("nan"), np.ones(3)),
        (float("inf"), np.ones(3)),
        (np.ones((3, 1)), np.ones((2, 3))),  # more than one dimension
        ([0.1, 0.2, 0.3], np.ones((2, 4))),  # no axis 1 of length 3
        ([0.1, 0.2, 0.3], np.ones(3)),  # a 1-D input has no axis 1
    ],
    ids=["nan", "inf", "2-D", "4-channels", "1-D-input"],
)
def test_invalid_alpha_raises_value_error(f, alpha, x):
    """"All three functions raise `ValueError` if `alpha` is not finite, has more than one dimension, or has
    C > 1 values and `x` has no axis `axis` of length C"."""
    with pytest.raises(ValueError, match="alpha"):
        f(x, alpha)


@pytest.mark.parametrize("f", [prelu, prelu_grad, prelu_grad_alpha], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [True, np.False_, np.array([True, False]), "0.1", None, 1j], ids=repr)
def test_alpha_must_be_real_numbers(f, alpha):
    """"and `TypeError` unless `alpha` is a real number or an array of them (not a bool, a string or `None`)"."""
    message = rf"^alpha must be a real number or a 1-D array of them, got {type(alpha).__name__}$"
    with pytest.raises(TypeError, match=message):
        f(np.ones((2, 2)), alpha)
    for ok in (1, np.float32(0.5), np.int64(-1), [1, 2], np.array([0.5, 2.0], dtype=np.float32)):
        assert f(-np.ones((2, 2)), ok).dtype == np.float64


def test_properties_table():
    """Table: "Monotonic: yes for alpha >= 0; ... alpha = -1 gives |x|"; "Saturates: no: the derivative is 1
    or alpha, for inputs of any size"; "Smooth: no: a kink at x = 0, unless alpha = 1"."""
    for alpha in (0.0, 0.25, 1.0, 3.0):
        assert np.all(np.diff(prelu(GRID, alpha)) >= 0)
    assert not np.all(np.diff(prelu(GRID, -0.25)) >= 0)
    np.testing.assert_array_equal(prelu(GRID, -1.0), np.abs(GRID))
    x = np.array([-1e300, -1e10, -1.0, 1.0, 1e10, 1e300])
    np.testing.assert_array_equal(prelu_grad(x), [0.25, 0.25, 0.25, 1.0, 1.0, 1.0])
    np.testing.assert_array_equal(prelu_grad([-1e-9, 1e-9], 1.0), [1.0, 1.0])  # no kink for alpha = 1


def test_infinities_give_the_limits_also_for_alpha_0():
    """"+-inf gives the limits, also for alpha = 0, where `0 * -inf` would be `NaN`"."""
    inf = np.array([-np.inf, np.inf])
    with np.errstate(invalid="ignore"):
        assert np.isnan(0.0 * -np.inf)
    np.testing.assert_array_equal(prelu(inf, 0.0), [0.0, np.inf])
    np.testing.assert_array_equal(prelu(inf), [-np.inf, np.inf])
    np.testing.assert_array_equal(prelu(inf, -2.0), [np.inf, np.inf])
    np.testing.assert_array_equal(prelu_grad(inf), [0.25, 1.0])
    assert np.isnan(prelu(np.nan, 0.0)) and np.isnan(prelu_grad(np.nan, 0.0))


def test_float16_is_computed_in_float32_and_kept():
    """"`float16` is computed in `float32`": 0.1 * x rounded once, not 0.1 rounded to float16 first."""
    x16 = np.linspace(-20.0, 0.0, 2001).astype(np.float16)
    y = prelu(x16, 0.1)
    assert y.dtype == np.float16
    np.testing.assert_array_equal(y, (np.float32(0.1) * x16.astype(np.float32)).astype(np.float16))
    assert prelu_grad_alpha(x16).dtype == np.float16


def test_weight_decay_alone_takes_alpha_from_0_25_to_0_092():
    """Pitfall: "With SGD at learning rate 0.1 and `weight_decay=1e-4`, the decay alone multiplies alpha by
    1 - 1e-5 at each step: after 100,000 steps the initial 0.25 would be down to about 0.092"."""
    assert 0.25 * (1 - 0.1 * 1e-4) ** 100_000 == pytest.approx(0.092, abs=5e-4)
    namespace = runpy.run_path(str(ROOT / "snippets" / "examples" / "prelu_weight_decay.py"))
    assert namespace["alpha"] == pytest.approx(0.25 * (1 - 1e-5) ** 100_000, rel=1e-9)


def test_channels_last_input_with_h_equal_to_c_is_silently_wrong():
    """Pitfall: "If H differs from C, PyTorch and this code raise an error; if it happens to equal C, nothing
    complains and each slope is applied to a row of the image instead of a channel"."""
    alpha = np.array([0.1, 0.2, 0.3])
    x = -np.ones((2, 3, 5, 3))  # (N, H, W, C) with H = C = 3
    wrong, right = prelu(x, alpha), prelu(x, alpha, axis=-1)
    np.testing.assert_array_equal(wrong[0, :, 0, 0], -alpha)  # along the height
    np.testing.assert_array_equal(right[0, 0, 0, :], -alpha)  # along the channels
    assert not np.array_equal(wrong, right)
    with pytest.raises(ValueError, match="alpha"):
        prelu(-np.ones((2, 4, 5, 3)), alpha)  # H = 4 differs from C = 3
