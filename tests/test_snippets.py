"""What every snippet function promises, whatever its page.

Derivatives against central finite differences, dtypes, and extreme or special
inputs. What a single page claims (values, properties, pitfalls) is tested in
tests/functions/test_<name>.py, one module per page. Warnings are errors (see
pyproject.toml), so "no RuntimeWarning" is checked by every call here.
"""

from __future__ import annotations

import importlib
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from snippets.gelu import gelu, gelu_grad
from snippets.selu import selu
from snippets.softmax import log_softmax, softmax, softmax_jacobian

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


def test_scalars_follow_numpy_conventions():
    assert softmax(3.0) == 1.0


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
