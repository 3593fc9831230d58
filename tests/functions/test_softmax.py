"""Claims of the softmax page (docs/en/functions/softmax.md and its Japanese twin), log-softmax included.

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from snippets.softmax import log_softmax, softmax, softmax_jacobian

FLOATS = [np.float16, np.float32, np.float64]


def test_softmax_article_example_prints_as_on_the_page():
    """The first example's printed output; "The log-softmax computes the same value directly"."""
    y = softmax(np.array([1.0, 2.0, 3.0]))
    assert str(y) == "[0.09003057 0.24472847 0.66524096]"
    np.testing.assert_allclose(log_softmax([1.0, 2.0, 3.0]), np.log(y), rtol=1e-15)


def test_softmax_properties():
    """Table: "each output in (0, 1); the outputs sum to 1", "Shift invariant", "Order preserving";
    "`softmax(x, axis=-1)` works on arrays of any shape and normalises along `axis`"."""
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
    """"On the diagonal this is y_i(1 - y_i), at most 0.25 ...; off the diagonal it is -y_i y_j, because
    raising one input lowers every other output"."""
    x = np.array([0.3, -1.2, 2.0, 0.0])
    y, jac = softmax(x), softmax_jacobian(x)
    np.testing.assert_allclose(np.diag(jac), y * (1 - y), rtol=1e-14)
    assert np.all(np.diag(jac) <= 0.25)
    assert np.all(jac[~np.eye(4, dtype=bool)] < 0)  # raising one input lowers the others
    np.testing.assert_allclose(jac.sum(axis=0), 0.0, atol=1e-16)  # outputs always sum to 1


@pytest.mark.parametrize("x", [np.ones((3, 1)), np.ones((1, 3)), np.ones((2, 2)), 1.0, np.float32(2.0)], ids=repr)
def test_softmax_jacobian_takes_a_1_d_array_only(x):
    """"`softmax_jacobian(x)` takes a 1-D array; any other shape raises `ValueError`" (a (3, 1) array
    used to give a 3 x 3 matrix of zeros)."""
    shape = re.escape(str(np.shape(x)))
    with pytest.raises(ValueError, match=rf"^softmax_jacobian\(\) takes a 1-D array, got shape {shape}$"):
        softmax_jacobian(x)
    assert softmax_jacobian(np.ravel(x)).shape == (np.size(x),) * 2


def test_softmax_masks_with_minus_infinity_exactly():
    """"An entry of -inf gets probability exactly 0, which is how attention masks work"."""
    y = softmax([2.0, -np.inf, 0.0])
    assert y[1] == 0.0
    np.testing.assert_allclose(y[[0, 2]], softmax([2.0, 0.0]), rtol=1e-15)
    assert log_softmax([2.0, -np.inf])[1] == -np.inf


def test_softmax_nan_rows_as_in_pytorch():
    """"A row with a `NaN` or +inf, or with only -inf, gives a row of `NaN`, as PyTorch does"."""
    assert np.isnan(softmax([-np.inf, -np.inf])).all()  # nothing left to normalise
    assert np.isnan(log_softmax([-np.inf, -np.inf])).all()
    assert np.isnan(softmax([np.inf, 1.0])).all()
    rows = softmax([[1.0, np.nan], [1.0, 2.0]])
    assert np.isnan(rows[0]).all() and not np.isnan(rows[1]).any()  # NaN stays in its row


def test_log_softmax_where_log_of_softmax_fails():
    """"Computing it as `np.log(softmax(x))` fails when an output underflows to 0 ... The log-softmax
    computes the same value directly"."""
    np.testing.assert_array_equal(log_softmax([0.0, -1000.0]), [0.0, -1000.0])


def test_softmax_of_the_largest_floats():
    """Pitfall "The textbook form overflows": "now the largest exponent is e^0 = 1 and nothing can overflow"."""
    for dtype in FLOATS:
        big = np.finfo(dtype).max
        np.testing.assert_array_equal(softmax(np.array([big, -big], dtype=dtype)), [1.0, 0.0])
        np.testing.assert_array_equal(softmax(np.array([big, big], dtype=dtype)), [0.5, 0.5])


def test_float16_is_computed_in_float32():
    """"`float16` inputs are computed in `float32` and rounded once at the end: a `float16` sum of 65,520
    or more entries near 1 would overflow to `inf`, and every output would be 0"."""
    with np.errstate(over="ignore"):
        assert np.sum(np.ones(65_519, np.float16)) < np.inf and np.sum(np.ones(65_520, np.float16)) == np.inf
    y = softmax(np.zeros(65_520, np.float16))
    assert y.dtype == np.float16 and np.all(y == np.float16(1 / 65_520))
    assert np.all(log_softmax(np.zeros(65_520, np.float16)) == np.float16(-np.log(65_520)))


@pytest.mark.parametrize(("ndim", "picked"), [(0, 0), (1, 0), (2, 1), (3, 0), (4, 1)])
def test_pytorch_implicit_softmax_dim(ndim, picked):
    """Warning "PyTorch needs dim": with `dim=None` PyTorch warns "Implicit dimension choice for
    softmax has been deprecated" and picks "dimension 0 for 0-, 1- and 3-dimensional input and
    dimension 1 otherwise" (`_get_softmax_dim`, unchanged in PyTorch 2.13.0)."""
    torch = pytest.importorskip("torch", reason="a claim about PyTorch itself; pip install torch to check it")
    x = torch.arange(2.0**ndim).reshape([2] * ndim)
    for f in (torch.nn.functional.softmax, torch.nn.functional.log_softmax):
        with pytest.warns(UserWarning, match="Implicit dimension choice"):
            implicit = f(x)
        assert torch.equal(implicit, f(x, dim=picked))
        if ndim >= 3:
            assert not torch.equal(implicit, f(x, dim=-1))  # not the last dimension
