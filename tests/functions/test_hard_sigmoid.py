"""Claims of the hard sigmoid page (docs/en/functions/hard_sigmoid.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the registry's facts (range [0, 1], saturation outside [-3, 3], the kinks' values) in
tests/test_registry.py. PyTorch's values are compared in tests/test_against_pytorch.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.hard_sigmoid import hard_sigmoid, hard_sigmoid_grad
from snippets.relu6 import relu6
from snippets.sigmoid import sigmoid, sigmoid_grad
from tests.reference.make_pytorch_reference import load

GRID = np.linspace(-8.0, 8.0, 1601)
FINE = np.linspace(-10.0, 10.0, 2000001)


def keras2_hard_sigmoid(x):
    """Keras 2's backend.hard_sigmoid: 0.2 * x + 0.5, clipped to [0, 1]."""
    return np.clip(0.2 * x + 0.5, 0.0, 1.0)


def test_formula_relu6_pieces_and_symmetry():
    """Formula relu6(x + 3) / 6 = x/6 + 1/2 between the kinks; "hard_sigmoid(-x) = 1 - hard_sigmoid(x)"."""
    np.testing.assert_allclose(hard_sigmoid(GRID), relu6(GRID + 3.0) / 6.0, rtol=1e-15)
    inside = GRID[np.abs(GRID) < 3]
    np.testing.assert_allclose(hard_sigmoid(inside), inside / 6 + 0.5, rtol=1e-15, atol=1e-16)
    np.testing.assert_allclose(hard_sigmoid(-GRID), 1 - hard_sigmoid(GRID), atol=1e-16)
    np.testing.assert_array_equal(hard_sigmoid([-3.0, 0.0, 3.0]), [0.0, 0.5, 1.0])


def test_derivative_is_a_sixth_between_the_kinks_and_0_at_them():
    """"This handbook uses 0 at both ... `hard_sigmoid_grad(-3.0)` and `hard_sigmoid_grad(3.0)` are `0.0`";
    "1/6 ~ 0.1667, its maximum (the sigmoid's is 0.25)"."""
    np.testing.assert_array_equal(hard_sigmoid_grad([-3.0, 3.0]), [0.0, 0.0])
    np.testing.assert_array_equal(hard_sigmoid_grad(GRID), np.where(np.abs(GRID) < 3, 1 / 6, 0.0))
    assert hard_sigmoid_grad(0.0) == 1 / 6 == hard_sigmoid_grad(GRID).max() and sigmoid_grad(0.0) == 0.25


def test_not_the_tangent_and_close_to_the_sigmoid():
    """"The line is not the sigmoid's tangent at 0, whose slope is 1/4"; "within 0.048 of its limits" at +-3;
    "never more than 0.0692 apart"."""
    assert hard_sigmoid_grad(0.0) != sigmoid_grad(0.0)
    assert 1 - sigmoid(3.0) < 0.048 and sigmoid(-3.0) < 0.048
    gap = np.abs(hard_sigmoid(FINE) - sigmoid(FINE)).max()
    assert 0.0691 < gap < 0.0692


def test_infinities_and_float16_rounded_once():
    """"-inf and inf give 0 and 1, with derivative 0"; "float16 inputs are computed in float32 and rounded
    once at the end"."""
    np.testing.assert_array_equal(hard_sigmoid([-np.inf, np.inf]), [0.0, 1.0])
    np.testing.assert_array_equal(hard_sigmoid_grad([-np.inf, np.inf]), [0.0, 0.0])
    x16 = np.linspace(-4.0, 4.0, 801).astype(np.float16)
    once = (np.clip(x16.astype(np.float64) + 3, 0, 6) / 6).astype(np.float16)
    np.testing.assert_array_equal(hard_sigmoid(x16), once)


def test_keras_2_is_another_function():
    """Pitfall: Keras 2's clip(0.2x + 0.5, 0, 1), kinks at +-2.5; "They differ by up to 1/12 ~ 0.0833, at
    x = +-2.5"; the example prints 0.3, 0.5, 0.7 for -1, 0, 1 (the `keras.ops.hard_sigmoid` docstring's)."""
    np.testing.assert_allclose(keras2_hard_sigmoid(np.array([-1.0, 0.0, 1.0])), [0.3, 0.5, 0.7], rtol=1e-15)
    np.testing.assert_allclose(hard_sigmoid([-1.0, 0.0, 1.0]), [1 / 3, 0.5, 2 / 3], rtol=1e-15)
    assert keras2_hard_sigmoid(2.5) == 1.0 and keras2_hard_sigmoid(-2.5) == 0.0
    difference = np.abs(keras2_hard_sigmoid(FINE) - hard_sigmoid(FINE))
    assert difference.max() == pytest.approx(1 / 12, abs=1e-12)
    np.testing.assert_allclose(np.abs(FINE[np.argmax(difference)]), 2.5, atol=1e-5)


def test_pytorch_derivative_is_a_float32_sixth():
    """Pitfall: PyTorch's float64 derivative "is 0.1666666716337204, not 1/6 = 0.16666666666666666, a relative
    error of 3e-8" (its stored autograd values); ours is 1/6 in the input's dtype."""
    stored, _ = load()
    x, theirs = stored["inputs"], stored["hard_sigmoid/grad"]
    inside = np.abs(x) < 3
    assert np.all(theirs[inside] == float(np.float32(1 / 6))) and float(np.float32(1 / 6)) == 0.1666666716337204
    assert 1 / 6 == 0.16666666666666666 and 2.9e-8 < (float(np.float32(1 / 6)) - 1 / 6) * 6 < 3.0e-8
    assert hard_sigmoid_grad(0.0) == 1 / 6 and hard_sigmoid_grad(np.float32(0.0)) == np.float32(1 / 6)
    np.testing.assert_array_equal(theirs[~inside], 0.0)  # 0 at the kinks +-3 (in the inputs) and beyond


def test_no_gradient_beyond_3_where_the_sigmoid_still_has_one():
    """Pitfall: "Outside [-3, 3] the derivative is exactly 0 ... at x = 4 [the sigmoid's] is still 0.018"."""
    assert hard_sigmoid_grad(4.0) == 0.0 and round(float(sigmoid_grad(4.0)), 3) == 0.018
