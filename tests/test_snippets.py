"""The snippet modules keep the promises their pages make.

Values at known points, every property a page's table claims, derivatives
against central finite differences, dtypes, and extreme or special inputs.
Warnings are errors (see pyproject.toml), so "no RuntimeWarning" is checked by
every call here.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.identity import identity, identity_grad
from snippets.relu import relu, relu_grad
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.softmax import log_softmax, softmax, softmax_jacobian

# The elementwise functions and their derivatives, by page name
ELEMENTWISE = {
    "identity": (identity, identity_grad),
    "relu": (relu, relu_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
}
ALL = [*ELEMENTWISE.values(), (softmax, None), (log_softmax, None)]
ALL_FUNCTIONS = [f for pair in ELEMENTWISE.values() for f in pair] + [softmax, log_softmax]
FLOATS = [np.float16, np.float32, np.float64]
GRID = np.linspace(-8.0, 8.0, 1601)


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


@pytest.mark.parametrize("f", ALL_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_float_dtype_is_kept(f, dtype):
    x = np.linspace(-3, 3, 12, dtype=dtype).reshape(3, 4)
    y = f(x)
    assert isinstance(y, np.ndarray) and y.dtype == dtype and y.shape == x.shape


@pytest.mark.parametrize("f", ALL_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "x", [[1, -2, 3], np.array([1, 0, 2], dtype=np.int8), [True, False], 2, np.uint64(7)], ids=repr
)
def test_integers_and_bools_give_float64(f, x):
    y = f(x)
    assert y.dtype == np.float64 and np.shape(y) == np.shape(x)


@pytest.mark.parametrize("f", ALL_FUNCTIONS, ids=lambda f: f.__name__)
def test_empty_input_gives_empty_output(f):
    for shape in [(0,), (2, 0), (0, 3)]:
        y = f(np.zeros(shape))
        assert y.shape == shape and y.dtype == np.float64


@pytest.mark.parametrize("f", ALL_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_finite_extremes_give_no_warning_nan_or_spurious_inf(f, dtype):
    x = extremes(dtype)
    inputs = [x] if f not in (softmax, log_softmax) else [x, x[:, None]]  # one row, and many 1-element rows
    for inp in inputs:
        y = f(inp)  # a RuntimeWarning would raise here
        assert y.dtype == dtype
        assert not np.isnan(y).any(), f"{f.__name__}({inp}) = {y}"
        if f in (sigmoid, sigmoid_grad, relu_grad, identity_grad, softmax):
            assert np.isfinite(y).all(), f"{f.__name__}({inp}) = {y}"


@pytest.mark.parametrize("f", [sigmoid, sigmoid_grad, relu, relu_grad, identity, identity_grad])
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
