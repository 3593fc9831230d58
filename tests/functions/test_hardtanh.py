"""Claims of the Hardtanh page (docs/en/functions/hardtanh.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the registry's facts (range, saturation outside [-1, 1], the kinks' values) in tests/test_registry.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.hardtanh import hardtanh, hardtanh_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def test_hardtanh_clips_and_passes_x_between_the_bounds():
    """Formula min(max(x, a), b); "passes x through unchanged between -1 and 1"; "odd at the default bounds"."""
    np.testing.assert_array_equal(hardtanh(GRID), np.minimum(np.maximum(GRID, -1.0), 1.0))
    inside = GRID[np.abs(GRID) <= 1]
    np.testing.assert_array_equal(hardtanh(inside), inside)
    np.testing.assert_array_equal(hardtanh(-GRID), -hardtanh(GRID))
    np.testing.assert_array_equal(hardtanh(GRID, min_val=-2.0, max_val=3.0), np.clip(GRID, -2.0, 3.0))


@pytest.mark.parametrize(("low", "high"), [(-1.0, 1.0), (-2.0, 3.0), (0.0, 6.0)])
def test_derivative_is_1_strictly_inside_and_0_at_and_beyond_the_bounds(low, high):
    """"This handbook uses 0 at both kinks"; "`hardtanh_grad(1.0)` and `hardtanh_grad(-1.0)` are `0.0`";
    "exactly 1 in the middle and exactly 0 outside"."""
    g = hardtanh_grad(GRID, min_val=low, max_val=high)
    np.testing.assert_array_equal(g, ((GRID > low) & (GRID < high)).astype(float))
    assert hardtanh_grad(low, min_val=low, max_val=high) == 0.0 == hardtanh_grad(high, min_val=low, max_val=high)
    assert hardtanh_grad(1.0) == 0.0 == hardtanh_grad(-1.0) and hardtanh_grad(0.0) == 1.0


def test_infinities_give_the_bounds_and_derivative_0():
    """"+-inf give the bounds, with derivative 0"; "`NaN` stays `NaN`"."""
    x = np.array([-np.inf, np.inf, np.nan])
    np.testing.assert_array_equal(hardtanh(x, min_val=-2.0, max_val=3.0), [-2.0, 3.0, np.nan])
    np.testing.assert_array_equal(hardtanh_grad(x), [0.0, 0.0, np.nan])


@pytest.mark.parametrize("f", [hardtanh, hardtanh_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    ("low", "high", "named"),
    [(1.0, 1.0, "max_val"), (2.0, 1.0, "max_val"), (np.nan, 1.0, "min_val"), (-1.0, np.nan, "max_val"),
     (-np.inf, 1.0, "min_val"), (-1.0, np.inf, "max_val")],
)
def test_bounds_must_be_finite_and_ordered(f, low, high, named):
    """"Both functions raise `ValueError` unless `min_val < max_val` and both are finite numbers (a `NaN`
    bound fails too)"."""
    with pytest.raises(ValueError, match=named):
        f([0.0], min_val=low, max_val=high)


@pytest.mark.parametrize("f", [hardtanh, hardtanh_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("bound", [True, np.bool_(False), "1.0", np.array([1.0]), None], ids=repr)
def test_bounds_must_be_real_numbers(f, bound):
    """"and `TypeError` unless each is a real number (not a bool, a string or an array)"."""
    with pytest.raises(TypeError, match=rf"^max_val must be a real number, got {type(bound).__name__}$"):
        f([0.0], max_val=bound)
    with pytest.raises(TypeError, match=rf"^min_val must be a real number, got {type(bound).__name__}$"):
        f([0.0], min_val=bound, max_val=5.0)
    for ok in (2, np.float32(0.5), np.int64(3), 1.5):  # ints and NumPy scalars are real numbers
        assert f(0.25, min_val=-1, max_val=ok).dtype == np.float64


def test_float16_is_compared_in_float32_as_pytorch_does():
    """"`float16` inputs are compared with the bounds in `float32`": a bound between two float16 values
    is not rounded to float16 first, so the float16 value just below it is still inside."""
    x = np.float16(0.6997)  # 0.69970703125, and 0.6998 rounds to that same float16
    assert x == np.float16(0.6998) and float(x) < 0.6998
    assert hardtanh_grad(x, min_val=0.0, max_val=0.6998) == 1.0  # PyTorch's autograd gives 1 too
    assert hardtanh_grad(np.float32(x), min_val=0.0, max_val=0.6998) == 1.0
    assert hardtanh(np.float16(0.8), min_val=0.0, max_val=0.6998) == x  # the output is rounded once


def test_jax_form_selects_x_at_the_bounds():
    """Pitfall: JAX's `jnp.where(x > 1, 1, jnp.where(x < -1, -1, x))` "selects the branch x" at x = +-1
    (so its derivative there is that of x, 1), where ours gives 0."""
    x = np.array([-1.0, 1.0])
    branch_is_x = ~(x > 1) & ~(x < -1)  # the conditions of the two nested wheres
    assert branch_is_x.all()
    np.testing.assert_array_equal(np.where(x > 1, 1, np.where(x < -1, -1, x)), x)
    np.testing.assert_array_equal(hardtanh_grad(x), [0.0, 0.0])


def test_other_bounds_are_not_the_default_function():
    """Pitfall: `Hardtanh(min_val=-2.0, max_val=2.0)` ported to a `hard_tanh` that clips at +-1 "becomes
    another function"."""
    x = np.array([-1.5, 1.5])
    np.testing.assert_array_equal(hardtanh(x, min_val=-2.0, max_val=2.0), x)
    np.testing.assert_array_equal(hardtanh(x), [-1.0, 1.0])
