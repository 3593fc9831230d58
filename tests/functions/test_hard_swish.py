"""Claims of the hard swish page (docs/en/functions/hard_swish.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the registry's facts (range [-0.375, inf), the kinks' values, the supremum 3/2 of f') in
tests/test_registry.py. PyTorch's values, at +-3 too, are compared in tests/test_against_pytorch.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.hard_sigmoid import hard_sigmoid
from snippets.hard_swish import hard_swish, hard_swish_grad
from snippets.relu6 import relu6
from snippets.silu import silu
from tests.reference.make_pytorch_reference import load

GRID = np.linspace(-8.0, 8.0, 1601)
FINE = np.linspace(-10.0, 10.0, 2000001)


def test_formula_and_pieces():
    """Formula x * relu6(x + 3) / 6 = x * hard_sigmoid(x): 0, x (x + 3) / 6, x."""
    np.testing.assert_allclose(hard_swish(GRID), GRID * relu6(GRID + 3.0) / 6.0, rtol=1e-15, atol=1e-300)
    np.testing.assert_allclose(hard_swish(GRID), GRID * hard_sigmoid(GRID), rtol=1e-15, atol=1e-300)
    middle = GRID[np.abs(GRID) < 3]
    np.testing.assert_allclose(hard_swish(middle), middle * (middle + 3) / 6, rtol=1e-15, atol=1e-17)
    assert np.all(hard_swish(GRID[GRID <= -3]) == 0)
    np.testing.assert_array_equal(hard_swish(GRID[GRID >= 3]), GRID[GRID >= 3])


def test_minimum_and_distance_from_silu():
    """"Its minimum is -3/8, at x = -3/2"; "never differs from SiLU by more than 0.1423; the largest gap is at
    x = -3, where SiLU is still -0.1423 and hard swish is already 0"."""
    assert hard_swish(-1.5) == -0.375 == hard_swish(FINE).min()
    gap = np.abs(hard_swish(FINE) - silu(FINE))
    assert 0.14227 < gap.max() < 0.1423 and FINE[np.argmax(gap)] == pytest.approx(-3.0, abs=1e-5)
    assert round(float(silu(-3.0)), 4) == -0.1423 and hard_swish(-3.0) == 0


def test_derivative_jumps_and_takes_the_outer_values_at_the_kinks():
    """"jumps at both kinks: from 0 to -1/2 at x = -3, and from 3/2 down to 1 at x = 3"; "`hard_swish_grad(-3.0)`
    is `0.0` and `hard_swish_grad(3.0)` is `1.0`"; negative for -3 < x < -3/2; "approaches 3/2 ... without
    reaching it"."""
    e = 1e-9
    np.testing.assert_allclose(hard_swish_grad([-3 - e, -3 + e, 3 - e, 3 + e]), [0.0, -0.5, 1.5, 1.0], atol=1e-9)
    assert hard_swish_grad(-3.0) == 0.0 and hard_swish_grad(3.0) == 1.0
    g = hard_swish_grad(FINE)
    assert np.all(g[(FINE > -3) & (FINE < -1.5)] < 0) and np.all(g[FINE > -1.5] > 0)
    assert g.max() < 1.5 and hard_swish_grad(3 - 1e-12) == pytest.approx(1.5)
    middle = GRID[np.abs(GRID) < 3]
    np.testing.assert_allclose(hard_swish_grad(middle), (2 * middle + 3) / 6, rtol=1e-15, atol=1e-17)


def test_pytorch_changed_the_values_at_the_kinks():
    """Pitfall: "Until 2025 PyTorch's autograd took the inner side's values, -1/2 ... and 3/2"; "since
    pytorch/pytorch#148049 it takes the outer side's, 0 and 1, as PyTorch 2.13 does" (its stored values);
    the old comparisons `x < -3` and `x <= 3` give the old values."""
    stored, meta = load()
    x, theirs = stored["inputs"], stored["hard_swish/grad"]
    assert meta["torch"].startswith("2.13")
    np.testing.assert_array_equal(theirs[x == -3.0], [0.0])
    np.testing.assert_array_equal(theirs[x == 3.0], [1.0])

    def old_backward(v):  # ATen's hardswish_backward_kernel before the change
        return np.where(v < -3, 0.0, np.where(v <= 3, v / 3 + 0.5, 1.0))

    np.testing.assert_array_equal(old_backward(np.array([-3.0, 3.0])), [-0.5, 1.5])
    away = np.abs(np.abs(GRID) - 3) > 1e-9
    np.testing.assert_allclose(old_backward(GRID[away]), hard_swish_grad(GRID[away]), rtol=1e-14, atol=1e-15)


def test_textbook_formula_gives_nan_at_minus_inf_and_overflows():
    """Pitfall: the formula gives NaN with a RuntimeWarning at -inf, and overflows above a sixth of the largest
    float, "3.0e307 in float64 and 5.7e37 in float32"; `hard_swish` does neither."""
    with pytest.warns(RuntimeWarning, match="invalid"):
        assert np.isnan(-np.inf * np.clip(-np.inf + 3, 0, 6) / 6)
    for dtype, sixth in [(np.float64, 3.0e307), (np.float32, 5.7e37)]:
        assert float(f"{float(np.finfo(dtype).max) / 6:.2g}") == sixth  # as written, to two digits
        x = np.array([np.finfo(dtype).max / 5], dtype=dtype)
        with pytest.warns(RuntimeWarning, match="overflow"):
            assert np.isinf(x * np.clip(x + 3, 0, 6) / 6)
        np.testing.assert_array_equal(hard_swish(x), x)
    np.testing.assert_array_equal(hard_swish([-np.inf, np.inf]), [0.0, np.inf])
    np.testing.assert_array_equal(hard_swish_grad([-np.inf, np.inf]), [0.0, 1.0])


def test_minus_zero_below_minus_3_and_float16_rounded_once():
    """"For x <= -3 the result is -0.0, x times 0, as in PyTorch"; "float16 inputs are computed in float32 and
    rounded once at the end"."""
    assert np.signbit(hard_swish(-4.0)) and hard_swish(-4.0) == 0
    x16 = np.linspace(-4.0, 4.0, 801).astype(np.float16)
    exact = x16.astype(np.float64) * (np.clip(x16.astype(np.float64) + 3, 0, 6) / 6)
    np.testing.assert_array_equal(hard_swish(x16), exact.astype(np.float16))
