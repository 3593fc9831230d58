"""The snippet modules keep the promises their pages make.

Values at known points, every property a page's table claims, derivatives
against central finite differences, dtypes, and extreme or special inputs.
Warnings are errors (see pyproject.toml), so "no RuntimeWarning" is checked by
every call here.
"""

from __future__ import annotations

import importlib
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from snippets.elu import elu, elu_grad
from snippets.gelu import gelu, gelu_grad
from snippets.identity import identity, identity_grad
from snippets.leaky_relu import leaky_relu, leaky_relu_grad
from snippets.mish import mish, mish_grad
from snippets.relu import relu, relu_grad
from snippets.selu import ALPHA, SCALE, selu, selu_grad
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.silu import silu, silu_grad
from snippets.softmax import log_softmax, softmax, softmax_jacobian
from snippets.softplus import softplus, softplus_grad
from snippets.step import step, step_grad
from snippets.tanh import tanh, tanh_grad

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"


def elementwise() -> dict:
    """Every snippets/<name>.py defining <name>(x) and <name>_grad(x), softmax aside."""
    found = {}
    for path in sorted(SNIPPETS.glob("*.py")):
        if path.stem.startswith("_") or path.stem == "softmax":
            continue
        module = importlib.import_module(f"snippets.{path.stem}")
        if hasattr(module, f"{path.stem}_grad"):  # an activation function, not an experiment
            found[path.stem] = (getattr(module, path.stem), getattr(module, f"{path.stem}_grad"))
    return found


# The elementwise functions and their derivatives, by page name; gelu also in its tanh form
ELEMENTWISE = elementwise()
ELEMENTWISE["gelu_tanh"] = (partial(gelu, approximate=True), partial(gelu_grad, approximate=True))
ALL_FUNCTIONS = [f for pair in ELEMENTWISE.values() for f in pair] + [softmax, log_softmax]
# Functions whose true value can exceed the dtype for a finite input (e.g. 1.05 * float max)
MAY_OVERFLOW = {selu, log_softmax}
FLOATS = [np.float16, np.float32, np.float64]
GRID = np.linspace(-8.0, 8.0, 1601)


def name(f) -> str:
    return f.__name__ if hasattr(f, "__name__") else f"{f.func.__name__}(approximate=True)"


def extremes(dtype) -> np.ndarray:
    """Every kind of finite value a dtype can hold, largest magnitudes included."""
    info = np.finfo(dtype)
    values = [0.0, -0.0, info.tiny, info.smallest_subnormal, 1.0, 1e4, info.max]
    values = [v for v in values if v <= info.max]  # 1e4 is fine even in float16 (max 65504)
    return np.array(values + [-v for v in values], dtype=dtype)


# --- known values -------------------------------------------------------------------------


def test_sigmoid_known_values():
    np.testing.assert_allclose(sigmoid([0.0, 1.0, -1.0]), [0.5, 0.7310585786300049, 0.2689414213699951], rtol=1e-15)
    assert sigmoid_grad(0.0) == 0.25


def test_relu_known_values_and_kink():
    np.testing.assert_array_equal(relu([-2.0, 0.0, 3.0]), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(relu_grad([-2.0, 0.0, 3.0]), [0.0, 0.0, 1.0])
    assert relu_grad(0.0) == 0.0 and relu_grad(-0.0) == 0.0  # the kink convention the page states


def test_identity_known_values():
    x = np.array([-1.5, 0.0, 2.0])
    np.testing.assert_array_equal(identity(x), x)
    np.testing.assert_array_equal(identity_grad(x), [1.0, 1.0, 1.0])


def test_softmax_article_example_prints_as_on_the_page():
    y = softmax(np.array([1.0, 2.0, 3.0]))
    assert str(y) == "[0.09003057 0.24472847 0.66524096]"
    np.testing.assert_allclose(log_softmax([1.0, 2.0, 3.0]), np.log(y), rtol=1e-15)


# --- properties the pages claim -----------------------------------------------------------


def test_sigmoid_properties():
    y, dy = sigmoid(GRID), sigmoid_grad(GRID)
    assert np.all((0 < y) & (y < 1))  # range (0, 1)
    assert np.all(np.diff(y) > 0)  # strictly increasing
    assert sigmoid(0.0) == 0.5  # not zero-centred
    np.testing.assert_allclose(sigmoid(-GRID), 1 - y, atol=1e-15)  # symmetry
    assert dy.max() == sigmoid_grad(0.0) == 0.25  # derivative largest at 0
    assert sigmoid_grad(40.0) < 1e-17 and sigmoid_grad(-40.0) < 1e-17  # saturates
    assert sigmoid(-40.0) > 0  # ...but the tails are not cut to 0
    np.testing.assert_allclose(sigmoid_grad(40.0), np.exp(-40.0), rtol=1e-15)  # the accurate tail form


def test_relu_properties():
    y = relu(GRID)
    assert np.all(y >= 0)  # range [0, inf)
    assert np.all(np.diff(y) >= 0)  # non-decreasing
    assert np.all(y[GRID <= 0] == 0)  # constant (gradient 0) for x <= 0
    assert relu(1e300) == 1e300  # unbounded above


def test_identity_properties():
    x = np.array([1.0, 2.0])
    y = identity(x)
    y += 1
    np.testing.assert_array_equal(x, [1.0, 2.0])  # a copy, never the input itself
    assert np.all(np.diff(identity(GRID)) > 0)


def test_softmax_properties():
    rng = np.random.default_rng(0)
    x = rng.normal(scale=5.0, size=(50, 7))
    y = softmax(x)
    assert np.all((0 < y) & (y < 1))
    np.testing.assert_allclose(y.sum(axis=-1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(softmax(x + 123.0), y, rtol=1e-12)  # shift invariant
    np.testing.assert_array_equal(np.argsort(x, axis=-1), np.argsort(y, axis=-1))  # order preserving
    np.testing.assert_allclose(softmax(x, axis=0).sum(axis=0), 1.0, rtol=1e-15)  # any axis
    np.testing.assert_allclose(softmax(x.T, axis=0), y.T, rtol=1e-15)


def test_softmax_derivative_properties():
    x = np.array([0.3, -1.2, 2.0, 0.0])
    y, jac = softmax(x), softmax_jacobian(x)
    np.testing.assert_allclose(np.diag(jac), y * (1 - y), rtol=1e-14)
    assert np.all(np.diag(jac) <= 0.25)
    assert np.all(jac[~np.eye(4, dtype=bool)] < 0)  # raising one input lowers the others
    np.testing.assert_allclose(jac.sum(axis=0), 0.0, atol=1e-16)  # outputs always sum to 1


def test_softmax_masks_with_minus_infinity_exactly():
    y = softmax([2.0, -np.inf, 0.0])
    assert y[1] == 0.0
    np.testing.assert_allclose(y[[0, 2]], softmax([2.0, 0.0]), rtol=1e-15)
    assert log_softmax([2.0, -np.inf])[1] == -np.inf


def test_softmax_nan_rows_as_in_pytorch():
    assert np.isnan(softmax([-np.inf, -np.inf])).all()  # nothing left to normalise
    assert np.isnan(log_softmax([-np.inf, -np.inf])).all()
    assert np.isnan(softmax([np.inf, 1.0])).all()
    rows = softmax([[1.0, np.nan], [1.0, 2.0]])
    assert np.isnan(rows[0]).all() and not np.isnan(rows[1]).any()  # NaN stays in its row


def test_log_softmax_where_log_of_softmax_fails():
    np.testing.assert_array_equal(log_softmax([0.0, -1000.0]), [0.0, -1000.0])


# --- derivatives against central finite differences -------------------------------------


def test_every_activation_is_discovered():
    assert len(ELEMENTWISE) == 13  # 12 elementwise modules, plus gelu's tanh form


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_central_difference(name):
    f, grad = ELEMENTWISE[name]
    x = GRID[np.abs(GRID) > 1e-3]  # away from ReLU's kink
    h = 1e-6
    numeric = (f(x + h) - f(x - h)) / (2 * h)
    np.testing.assert_allclose(grad(x), numeric, rtol=1e-6, atol=1e-8)


def test_softmax_jacobian_matches_central_difference():
    x = np.array([0.5, -1.0, 2.0])
    h = 1e-6
    numeric = np.column_stack([(softmax(x + h * e) - softmax(x - h * e)) / (2 * h) for e in np.eye(3)])
    np.testing.assert_allclose(softmax_jacobian(x), numeric, rtol=1e-6, atol=1e-10)


# --- dtypes, shapes and special inputs ------------------------------------------------------


@pytest.mark.parametrize("f", ALL_FUNCTIONS, ids=lambda f: name(f))
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_float_dtype_is_kept(f, dtype):
    x = np.linspace(-3, 3, 12, dtype=dtype).reshape(3, 4)
    y = f(x)
    assert isinstance(y, np.ndarray) and y.dtype == dtype and y.shape == x.shape


@pytest.mark.parametrize("f", ALL_FUNCTIONS, ids=lambda f: name(f))
@pytest.mark.parametrize(
    "x", [[1, -2, 3], np.array([1, 0, 2], dtype=np.int8), [True, False], 2, np.uint64(7)], ids=repr
)
def test_integers_and_bools_give_float64(f, x):
    y = f(x)
    assert y.dtype == np.float64 and np.shape(y) == np.shape(x)


@pytest.mark.parametrize("f", ALL_FUNCTIONS, ids=lambda f: name(f))
def test_empty_input_gives_empty_output(f):
    for shape in [(0,), (2, 0), (0, 3)]:
        y = f(np.zeros(shape))
        assert y.shape == shape and y.dtype == np.float64


@pytest.mark.parametrize("f", ALL_FUNCTIONS, ids=lambda f: name(f))
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_finite_extremes_give_no_warning_nan_or_spurious_inf(f, dtype):
    x = extremes(dtype)
    inputs = [x] if f not in (softmax, log_softmax) else [x, x[:, None]]  # one row, and many 1-element rows
    for inp in inputs:
        y = f(inp)  # a RuntimeWarning would raise here
        assert y.dtype == dtype
        assert not np.isnan(y).any(), f"{name(f)}({inp}) = {y}"
        if f not in MAY_OVERFLOW:
            assert np.isfinite(y).all(), f"{name(f)}({inp}) = {y}"


@pytest.mark.parametrize("f", [f for pair in ELEMENTWISE.values() for f in pair], ids=lambda f: name(f))
def test_nan_propagates(f):
    y = f(np.array([np.nan, 1.0]))
    assert np.isnan(y[0]) and not np.isnan(y[1])


def test_infinities():
    inf = np.inf
    np.testing.assert_array_equal(sigmoid([-inf, inf]), [0.0, 1.0])
    np.testing.assert_array_equal(sigmoid_grad([-inf, inf]), [0.0, 0.0])
    np.testing.assert_array_equal(relu([-inf, inf]), [0.0, inf])
    np.testing.assert_array_equal(relu_grad([-inf, inf]), [0.0, 1.0])
    np.testing.assert_array_equal(identity([-inf, inf]), [-inf, inf])
    np.testing.assert_array_equal(identity_grad([-inf, inf]), [1.0, 1.0])


def test_softmax_of_the_largest_floats():
    for dtype in FLOATS:
        big = np.finfo(dtype).max
        np.testing.assert_array_equal(softmax(np.array([big, -big], dtype=dtype)), [1.0, 0.0])
        np.testing.assert_array_equal(softmax(np.array([big, big], dtype=dtype)), [0.5, 0.5])


def test_float16_sigmoid_does_not_overflow_where_the_naive_form_does():
    x = np.float16([-12.0, -20.0, -30.0])
    with pytest.warns(RuntimeWarning, match="overflow"):
        1 / (1 + np.exp(-x))  # the pitfall the page shows
    exact = 1 / (1 + np.exp(-x.astype(np.float64)))  # 6.1e-6, 2.1e-9, 9.4e-14
    # correctly rounded to float16, whose smallest step near 0 is 6e-8
    np.testing.assert_allclose(sigmoid(x), exact, atol=float(np.finfo(np.float16).smallest_subnormal))


def test_scalars_follow_numpy_conventions():
    assert sigmoid(0.0) == 0.5 and np.ndim(sigmoid(0.0)) == 0
    assert softmax(3.0) == 1.0


# --- the family: step, tanh, Leaky ReLU, ELU, SELU, GELU, SiLU, Softplus, Mish -------------


def minimum_of(f) -> tuple[float, float]:
    """Where a non-monotonic function has its minimum, on a fine grid."""
    x = np.linspace(-3.0, 0.0, 300001)
    i = int(np.argmin(f(x)))
    return float(x[i]), float(f(x)[i])


def test_step_values_and_properties():
    np.testing.assert_array_equal(step([-1.0, 0.0, -0.0, 1e-300, 5.0]), [0, 0, 0, 1, 1])
    assert set(np.unique(step(GRID))) == {0.0, 1.0}  # range {0, 1}
    assert np.all(np.diff(step(GRID)) >= 0)  # non-decreasing
    np.testing.assert_array_equal(step_grad(GRID), 0.0)  # 0 everywhere, x = 0 included


def test_tanh_values_and_properties():
    y = tanh(GRID)
    assert np.all((-1 < y) & (y < 1)) and np.all(np.diff(y) > 0)  # range (-1, 1), increasing
    assert tanh(0.0) == 0.0 and tanh_grad(0.0) == 1.0 == tanh_grad(GRID).max()  # zero-centred
    np.testing.assert_allclose(tanh(-GRID), -y, rtol=1e-15)  # odd
    np.testing.assert_allclose(y, 2 * sigmoid(2 * GRID) - 1, atol=1e-15)  # a rescaled sigmoid
    np.testing.assert_allclose(tanh_grad(20.0), 4 * np.exp(-40.0), rtol=1e-12)  # the tail, not 0
    assert tanh_grad(30.0) > 0


def test_leaky_relu_values_properties_and_parameter():
    np.testing.assert_allclose(leaky_relu([-2.0, 0.0, 3.0]), [-0.02, 0.0, 3.0], rtol=1e-15)
    np.testing.assert_array_equal(leaky_relu_grad([-2.0, 0.0, 3.0]), [0.01, 0.01, 1.0])  # alpha at 0
    assert np.all(np.diff(leaky_relu(GRID)) > 0)  # strictly increasing: no dying units
    np.testing.assert_allclose(leaky_relu([-10.0], alpha=0.2), [-2.0], rtol=1e-15)
    assert leaky_relu_grad(0.0, alpha=0.3) == 0.3
    np.testing.assert_array_equal(leaky_relu(GRID, alpha=0.0), relu(GRID))  # alpha = 0 is ReLU
    y = leaky_relu(np.float16([-3.0]), alpha=np.float64(0.5))  # a NumPy float64 alpha
    assert y.dtype == np.float16


def test_elu_values_properties_and_parameter():
    np.testing.assert_allclose(elu([-1.0, 0.0, 2.0]), [np.expm1(-1.0), 0.0, 2.0], rtol=1e-15)
    assert elu(-1e4) == -1.0 and elu(-1e4, alpha=0.5) == -0.5  # limit -alpha
    assert np.all(elu(GRID) > -1.0) and np.all(np.diff(elu(GRID)) > 0)
    assert elu_grad(0.0) == 1.0 and elu_grad(0.0, alpha=2.0) == 2.0  # alpha at the kink
    np.testing.assert_allclose(elu(-1e-10), -1e-10, rtol=1e-9)  # expm1 keeps tiny values exact
    x = GRID[GRID < 0]
    np.testing.assert_allclose(elu_grad(x), elu(x) + 1.0, rtol=1e-12)


def test_selu_values_and_properties():
    assert (ALPHA, SCALE) == (1.6732632423543772, 1.0507009873554805)
    assert selu(1.0) == SCALE and selu(-1e4) == -SCALE * ALPHA  # limit -lambda * alpha
    np.testing.assert_allclose(selu_grad([-1e-9, 0.0, 1.0]), [SCALE * ALPHA, SCALE * ALPHA, SCALE], rtol=1e-8)
    assert np.all(np.diff(selu(GRID)) > 0)
    # Self-normalising: a standard normal input keeps mean 0 and variance 1 (Klambauer et al.)
    z = np.random.default_rng(0).standard_normal(2_000_000)
    assert abs(selu(z).mean()) < 3e-3 and abs(selu(z).var() - 1.0) < 3e-3


def test_gelu_values_and_properties():
    assert gelu(0.0) == 0.0 and gelu_grad(0.0) == 0.5
    np.testing.assert_allclose(gelu(1.0), 0.8413447460685429, rtol=1e-15)  # 1 * Phi(1)
    x_min, y_min = minimum_of(gelu)
    assert abs(x_min + 0.75179) < 1e-4 and abs(y_min + 0.16997) < 1e-5  # not monotonic
    np.testing.assert_allclose(gelu(GRID) - gelu(-GRID), GRID, atol=1e-14)  # gelu(x) - gelu(-x) = x
    assert -1e-190 < gelu(-30.0) < 0  # the tail is tiny but not cut to 0 (-30 * 4.9e-198)
    np.testing.assert_allclose(gelu(-10.0), -10.0 * 7.619853024160527e-24, rtol=1e-12)


def test_gelu_tanh_approximation_differs_by_at_most_4_7e_4():
    x = np.linspace(-10, 10, 400001)
    difference = np.abs(gelu(x) - gelu(x, approximate=True))
    assert 4.72e-4 < difference.max() < 4.74e-4
    assert abs(abs(x[difference.argmax()]) - 2.70) < 0.01  # at |x| = 2.70, both sides


def test_silu_values_and_properties():
    assert silu(0.0) == 0.0 and silu_grad(0.0) == 0.5
    np.testing.assert_allclose(silu(GRID), GRID * sigmoid(GRID), rtol=1e-15)
    x_min, y_min = minimum_of(silu)
    assert abs(x_min + 1.27846) < 1e-4 and abs(y_min + 0.27846) < 1e-5
    assert silu(1e4) == 1e4 and silu(-1e4) == 0.0


def test_softplus_values_and_properties():
    assert softplus(0.0) == np.log(2.0) and softplus_grad(0.0) == 0.5
    y = softplus(GRID)
    assert np.all(y > 0) and np.all(np.diff(y) > 0) and np.all(y > relu(GRID))
    np.testing.assert_allclose(softplus_grad(GRID), sigmoid(GRID), rtol=1e-15)
    assert softplus(1000.0) == 1000.0 and softplus(-1000.0) == 0.0
    np.testing.assert_allclose(softplus(-40.0), np.exp(-40.0), rtol=1e-15)  # log1p keeps the tail
    np.testing.assert_allclose(softplus(21.0), 21.0 + np.exp(-21.0), rtol=1e-15)  # no threshold


def test_mish_values_and_properties():
    assert mish(0.0) == 0.0
    np.testing.assert_allclose(mish_grad(0.0), 0.6, rtol=1e-15)  # tanh(ln 2) = 0.6
    x_min, y_min = minimum_of(mish)
    assert abs(x_min + 1.19243) < 1e-4 and abs(y_min + 0.30884) < 1e-5
    np.testing.assert_allclose(mish(GRID), GRID * np.tanh(softplus(GRID)), rtol=1e-14)
    assert mish(1e4) == 1e4


@pytest.mark.parametrize("f", [leaky_relu, leaky_relu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [-0.01, 1.5, float("nan"), float("inf")])
def test_leaky_relu_rejects_alpha_outside_0_to_1(f, alpha):
    with pytest.raises(ValueError, match="alpha"):
        f([1.0], alpha=alpha)


@pytest.mark.parametrize("f", [elu, elu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("alpha", [-1.0, float("nan"), float("inf")])
def test_elu_rejects_negative_or_non_finite_alpha(f, alpha):
    with pytest.raises(ValueError, match="alpha"):
        f([1.0], alpha=alpha)


@pytest.mark.parametrize("f", [gelu, gelu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("approximate", ["yes", "tanh", None, 1.5])
def test_gelu_rejects_approximate_other_than_a_bool(f, approximate):
    with pytest.raises(ValueError, match="approximate"):
        f([1.0], approximate=approximate)


@pytest.mark.parametrize("key", ELEMENTWISE)
def test_float16_is_as_accurate_as_float16_can_be(key):
    """float16 results are the float64 results rounded, to within 2 units in the last place."""
    f, grad = ELEMENTWISE[key]
    x16 = np.linspace(-20.0, 20.0, 4001).astype(np.float16)
    for g in (f, grad):
        exact = g(x16.astype(np.float64))
        ulp = np.spacing(np.abs(exact.astype(np.float16))).astype(np.float64)
        error = np.abs(g(x16).astype(np.float64) - exact)
        assert np.all(error <= 2 * ulp + np.finfo(np.float16).smallest_subnormal), (
            f"{name(g)}: worst at x = {x16[np.argmax(error / (ulp + 1e-300))]}"
        )
