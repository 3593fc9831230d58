"""Claims of the softsign page (docs/en/functions/softsign.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the registry's facts (range, saturation, kink) in tests/test_registry.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.softsign import softsign, softsign_grad
from snippets.tanh import tanh_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def test_softsign_values_symmetry_and_maximum():
    """Formula x / (1 + |x|); "odd"; "The derivative is largest at x = 0, where softsign'(0) = 1"."""
    np.testing.assert_allclose(softsign(GRID), GRID / (1 + np.abs(GRID)), rtol=1e-15)
    np.testing.assert_array_equal(softsign(-GRID), -softsign(GRID))
    assert softsign_grad(0.0) == 1.0 == softsign_grad(GRID).max()
    np.testing.assert_allclose(softsign_grad(GRID), 1 / (1 + np.abs(GRID)) ** 2, rtol=1e-15)


def test_second_derivative_jumps_from_2_to_minus_2():
    """"the second derivative jumps from 2 to -2 there"; "softsign_grad(0.0) ... is 1 from both sides"."""
    h = 1e-7
    left = (softsign_grad(-h) - softsign_grad(-2 * h)) / h
    right = (softsign_grad(2 * h) - softsign_grad(h)) / h
    assert abs(left - 2.0) < 1e-5 and abs(right + 2.0) < 1e-5
    assert softsign_grad(-1e-300) == softsign_grad(1e-300) == 1.0


def test_tails_fall_like_one_over_x_squared():
    """"at x = 100 it is still about 1e-4, while tanh's is about 5.5e-87"; "as 1/x^2"."""
    assert 0.95e-4 < softsign_grad(100.0) < 1.05e-4
    assert 5.4e-87 < tanh_grad(100.0) < 5.6e-87
    x = 10.0 ** np.arange(2, 150)
    np.testing.assert_allclose(softsign_grad(x) * x**2, 1.0, rtol=2e-2)


def test_infinities_give_the_limits_where_the_formula_gives_nan():
    """Pitfall: "For x = +-inf ... NaN with a RuntimeWarning"; the implementation gives +-1 and 0."""
    inf = np.array([-np.inf, np.inf])
    with pytest.warns(RuntimeWarning, match="invalid"):
        assert np.isnan(inf / (1 + np.abs(inf))).all()
    np.testing.assert_array_equal(softsign(inf), [-1.0, 1.0])
    np.testing.assert_array_equal(softsign_grad(inf), [0.0, 0.0])


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_largest_floats_give_plus_minus_1(dtype):
    """"for the largest floats it rounds to |x| itself, so the quotient is +-1"."""
    big = np.finfo(dtype).max
    np.testing.assert_array_equal(softsign(np.array([-big, big], dtype=dtype)), [-1.0, 1.0])


def test_textbook_derivative_overflows_past_1_3e154():
    """Pitfall: "for |x| > 1.3e154 the square overflows to infinity, with a RuntimeWarning"."""
    assert np.isfinite((1 + 1.3e154) ** 2)
    with pytest.warns(RuntimeWarning, match="overflow"):
        assert 1 / (1 + np.abs(1.4e154)) ** 2 == 0.0
    assert softsign_grad(1.4e154) > 0  # 5e-309, a subnormal: divided first, then squared


def test_float16_computed_in_float16_is_off_by_up_to_3_4_units():
    """"computed in float16, the derivative's two roundings put it up to 3.4 units in the last place off"."""
    x16 = np.linspace(-20.0, 20.0, 4001).astype(np.float16)
    exact = softsign_grad(x16.astype(np.float64))
    r = np.float16(1.0) / (np.float16(1.0) + np.abs(x16))
    ulp = np.spacing(np.abs(exact.astype(np.float16))).astype(np.float64)
    naive = np.abs((r * r).astype(np.float64) - exact) / ulp
    ours = np.abs(softsign_grad(x16).astype(np.float64) - exact) / ulp
    assert 3.3 < naive.max() < 3.5 and ours.max() <= 0.5 + 1e-9
