"""Claims of the GELU page (docs/en/functions/gelu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the agreement with PyTorch in tests/test_against_pytorch.py.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from scipy.special import erf, erfc

from snippets.gelu import SQRT_2_OVER_PI, gelu, gelu_grad

GRID = np.linspace(-8.0, 8.0, 1601)


@pytest.fixture
def torch():
    """PyTorch itself, for what the page says PyTorch does; requirements-test.txt does not install it."""
    return pytest.importorskip("torch", reason="these claims are about PyTorch itself; pip install torch to check them")


def minimum_of(f) -> tuple[float, float]:
    """Where a non-monotonic function has its minimum, on a fine grid."""
    x = np.linspace(-3.0, 0.0, 300001)
    i = int(np.argmin(f(x)))
    return float(x[i]), float(f(x)[i])


def test_gelu_values_and_properties():
    """"`gelu_grad(0.0)` is 0.5"; table: "Minimum ~ -0.170 at x ~ -0.752", "Symmetry GELU(x) - GELU(-x) = x";
    "`erfc` computes the small number directly" (the negative tail is kept)."""
    assert gelu(0.0) == 0.0 and gelu_grad(0.0) == 0.5
    np.testing.assert_allclose(gelu(1.0), 0.8413447460685429, rtol=1e-15)  # 1 * Phi(1)
    x_min, y_min = minimum_of(gelu)
    assert abs(x_min + 0.75179) < 1e-4 and abs(y_min + 0.16997) < 1e-5  # not monotonic
    np.testing.assert_allclose(gelu(GRID) - gelu(-GRID), GRID, atol=1e-14)  # gelu(x) - gelu(-x) = x
    assert -1e-190 < gelu(-30.0) < 0  # the tail is tiny but not cut to 0 (-30 * 4.9e-198)
    np.testing.assert_allclose(gelu(-10.0), -10.0 * 7.619853024160527e-24, rtol=1e-12)


def test_gelu_tanh_approximation_differs_by_at_most_4_7e_4():
    """"The two differ by at most 4.73e-4, at |x| = 2.70"."""
    x = np.linspace(-10, 10, 400001)
    difference = np.abs(gelu(x) - gelu(x, approximate=True))
    assert 4.72e-4 < difference.max() < 4.74e-4
    assert abs(abs(x[difference.argmax()]) - 2.70) < 0.01  # at |x| = 2.70, both sides


@pytest.mark.parametrize("f", [gelu, gelu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    ("approximate", "meaning"),
    [(True, True), (False, False), (np.True_, True), (np.False_, False), ("tanh", True), ("none", False)],
    ids=repr,
)
def test_gelu_takes_a_bool_or_pytorchs_strings(f, approximate, meaning):
    """"`approximate` takes `True` or `False` (NumPy's `np.True_` and `np.False_` too), or PyTorch's
    strings `'tanh'` and `'none'`"."""
    x = np.linspace(-4.0, 4.0, 81)
    np.testing.assert_array_equal(f(x, approximate=approximate), f(x, approximate=meaning))


@pytest.mark.parametrize("f", [gelu, gelu_grad], ids=lambda f: f.__name__)
@pytest.mark.parametrize("approximate", ["yes", "TANH", "exact", None, 1.5, 1, 0, np.array(True)], ids=repr)
def test_gelu_rejects_any_other_approximate(f, approximate):
    """"anything else raises `ValueError`" (which names the values it takes)."""
    with pytest.raises(ValueError, match=r"approximate must be True, False, 'tanh' or 'none', got"):
        f([1.0], approximate=approximate)


def test_saturates_on_the_left_only():
    """Table: "Saturates: only for x -> -inf, where the output and the derivative tend to 0; for large
    positive x the derivative tends to 1"."""
    f, grad = gelu, gelu_grad
    assert abs(f(-40.0)) < 1e-15 and abs(grad(-40.0)) < 1e-15  # output and derivative tend to 0
    assert abs(grad(40.0) - 1.0) < 1e-12  # the derivative tends to 1 on the right
    assert f(1e4) == 1e4  # and the output to x


def test_gelu_textbook_forms_cancel_at_minus_10_and_ours_do_not():
    """Pitfall "The textbook formula loses the negative tail": "For x = -10, x Phi(x) ~ -7.6e-23 ...
    `1 + erf(...)` is exactly 0 ... while `gelu` keeps full relative accuracy through `erfc`. The tanh
    form ... fails in the same way; through the sigmoid, `gelu(-10.0, approximate=True)` is -1.2e-37"."""
    x = -10.0
    exact = float(x * mpmath.ncdf(x))  # -7.6e-23
    assert 0.5 * x * (1 + erf(x / np.sqrt(2.0))) == 0.0  # 1 + erf(...) is exactly 0
    np.testing.assert_allclose(gelu(x), exact, rtol=1e-12)
    assert abs(exact + 7.6e-23) < 0.05e-23
    u = SQRT_2_OVER_PI * (x + 0.044715 * x**3)
    assert 0.5 * x * (1 + np.tanh(u)) == 0.0  # the tanh form cancels too
    tanh_form = float(x / (1 + mpmath.exp(-2 * mpmath.mpf(u))))  # x * sigmoid(2u), exactly
    np.testing.assert_allclose(gelu(x, approximate=True), tanh_form, rtol=1e-12)
    assert abs(tanh_form + 1.2e-37) < 0.05e-37


def test_pytorch_gelu_loses_the_tail_at_minus_10(torch):
    """Same pitfall: "PyTorch's `F.gelu` also returns `-0.0` there"."""
    F, x = torch.nn.functional, -10.0
    assert F.gelu(torch.tensor(x, dtype=torch.float64)).item() == 0.0  # PyTorch returns -0.0


def test_pytorch_gelu_approximate_is_a_string_not_a_bool(torch):
    """Warning "Same name, different defaults": "PyTorch also spells the choice differently: a string,
    `'none'` or `'tanh'` ... `approximate=True` is a `TypeError` in PyTorch"."""
    F = torch.nn.functional
    with pytest.raises(TypeError):
        F.gelu(torch.tensor([1.0]), approximate=True)
    torch.testing.assert_close(F.gelu(torch.tensor([1.0]), approximate="tanh"), torch.tensor([0.8411920070648193]))


def test_float16_cube_overflows_beyond_40_3():
    """"x^3 in the tanh form exceeds 65504, the largest `float16`, once |x| passes about 40.3"
    (hence "`float16` inputs are computed in `float32`")."""
    assert np.isfinite(np.float16(40.3) ** 3)  # 40.3 rounds to 40.3125 in float16; cubed 65504
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        np.float16(40.34375) ** 3  # the next float16 after 40.3125
    y = gelu(np.float16([41.0, -41.0, 100.0]), approximate=True)  # no warning: computed in float32
    assert y.dtype == np.float16 and np.isfinite(y).all()


def test_infinities_and_the_harmless_overflow_of_the_cube():
    """"In the derivative, x is clipped to +-10^4 where it multiplies a term that is exactly 0 beyond, so
    that +-inf gives the limits 0 and 1 (the function gives 0 and inf). Inside u, x^3 can still overflow
    to +-inf once |x| passes about 2 x 10^13 in `float32`; tanh u is then at its limit +-1, so that
    overflow is harmless and not reported"."""
    for approximate in (False, True):
        np.testing.assert_array_equal(gelu([-np.inf, np.inf], approximate=approximate), [0.0, np.inf])
        np.testing.assert_array_equal(gelu_grad([-np.inf, np.inf], approximate=approximate), [0.0, 1.0])
    def cube_term(x):  # x (1 + 0.044715 x^2), as the code computes u
        return x * (1 + np.float32(0.044715) * x**2)

    assert np.isfinite(cube_term(np.float32(1.9e13)))
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        cube_term(np.float32(2.1e13))
    x = np.float32([3e13, -3e13, 3e38, -3e38])
    np.testing.assert_array_equal(gelu(x, approximate=True), np.float32([3e13, 0.0, 3e38, 0.0]))  # no warning
    np.testing.assert_array_equal(gelu_grad(x, approximate=True), [1.0, 0.0, 1.0, 0.0])


def test_gelu_derivative_dips_below_0_and_overshoots_1():
    """"The derivative is slightly negative left of the minimum and rises a little above 1 for positive
    inputs before it settles at 1"."""
    x = np.linspace(-6, 6, 120001)
    d = gelu_grad(x)
    assert d.min() < 0 and np.all(d[x < -0.752] <= 0) and d.max() > 1


@pytest.mark.skipif(np.finfo(np.longdouble).bits <= 64, reason="np.longdouble is float64 on this platform")
def test_gelu_computes_longdouble_in_float64():
    """"`np.longdouble` inputs are computed in `float64` and give `float64`: SciPy's `erfc` has no long
    double version"."""
    with pytest.raises(TypeError):
        erfc(np.longdouble(1.0))
    x = np.array([-1.0, 0.5, 3.0], dtype=np.longdouble)
    for f in (gelu, gelu_grad):
        for approximate in (False, True):
            y = f(x, approximate=approximate)
            assert y.dtype == np.float64
            np.testing.assert_array_equal(y, f(x.astype(np.float64), approximate=approximate))
