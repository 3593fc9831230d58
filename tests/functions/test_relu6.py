"""Claims of the ReLU6 page (docs/en/functions/relu6.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the registry's facts (range [0, 6], saturation outside it, the kinks' values) in tests/test_registry.py.
"""

from __future__ import annotations

import numpy as np

from snippets.hardtanh import hardtanh, hardtanh_grad
from snippets.relu import relu, relu_grad
from snippets.relu6 import relu6, relu6_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def test_relu6_is_relu_capped_at_6_and_hardtanh_with_bounds_0_and_6():
    """"a ReLU whose output is capped at 6"; "ReLU6 is Hardtanh with the bounds 0 and 6" (values and derivative)."""
    np.testing.assert_array_equal(relu6(GRID), np.minimum(relu(GRID), 6.0))
    np.testing.assert_array_equal(relu6(GRID), hardtanh(GRID, min_val=0.0, max_val=6.0))
    np.testing.assert_array_equal(relu6_grad(GRID), hardtanh_grad(GRID, min_val=0.0, max_val=6.0))


def test_derivative_is_0_at_both_kinks():
    """"This handbook uses 0 at both ... `relu6_grad(0.0)` and `relu6_grad(6.0)` are `0.0`"; 1 strictly between."""
    np.testing.assert_array_equal(relu6_grad([-0.0, 0.0, 6.0]), [0.0, 0.0, 0.0])
    np.testing.assert_array_equal(relu6_grad(GRID), ((GRID > 0) & (GRID < 6)).astype(float))


def test_infinities_give_0_and_6_and_no_value_is_rounded():
    """"-inf and inf give 0 and 6, with derivative 0"; "No value is rounded: the result is x itself, 0 or 6,
    in every dtype"."""
    np.testing.assert_array_equal(relu6([-np.inf, np.inf]), [0.0, 6.0])
    np.testing.assert_array_equal(relu6_grad([-np.inf, np.inf]), [0.0, 0.0])
    x16 = np.linspace(-20.0, 20.0, 4001).astype(np.float16)
    for x in (x16, x16.astype(np.float32), x16.astype(np.float64)):
        y = relu6(x)
        assert y.dtype == x.dtype and np.all((y == x) | (y == 0) | (y == 6))


def test_relus_derivative_forgets_the_cap():
    """Pitfall: ReLU's derivative `x > 0` "gives 1 for every x > 6, where the output does not move at all"."""
    above = GRID[GRID > 6]
    assert np.all(relu_grad(above) == 1) and np.all(relu6_grad(above) == 0)
    assert np.all(np.diff(relu6(above)) == 0)  # the output does not move


def test_both_ends_are_flat():
    """Pitfall: "Outside [0, 6] the derivative is exactly 0", above 6 as below 0."""
    outside = GRID[(GRID < 0) | (GRID > 6)]
    assert np.all(relu6_grad(outside) == 0) and (outside > 6).any() and (outside < 0).any()
