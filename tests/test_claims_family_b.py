"""Claims on the GELU, SiLU, Softplus and Mish pages that test_snippets.py and
test_against_pytorch.py do not already check: tails, float16 limits, PyTorch's behaviour the pages
describe, and the textbook forms the pitfalls show."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy.special import erf

from snippets.gelu import SQRT_2_OVER_PI, gelu, gelu_grad
from snippets.mish import mish, mish_grad
from snippets.silu import silu, silu_grad
from snippets.softplus import softplus, softplus_grad

FAMILY = {"gelu": (gelu, gelu_grad), "silu": (silu, silu_grad), "softplus": (softplus, softplus_grad), "mish": (mish, mish_grad)}


# --- every page: "saturates only for x -> -inf; for large positive x the derivative tends to 1"


@pytest.mark.parametrize("name", FAMILY)
def test_saturates_on_the_left_only(name):
    f, grad = FAMILY[name]
    assert abs(f(-40.0)) < 1e-15 and abs(grad(-40.0)) < 1e-15  # output and derivative tend to 0
    assert abs(grad(40.0) - 1.0) < 1e-12  # the derivative tends to 1 on the right
    assert f(1e4) == 1e4  # and the output to x


# --- GELU -------------------------------------------------------------------------------


def test_gelu_textbook_forms_cancel_at_minus_10_and_ours_do_not():
    x = -10.0
    exact = float(x * mpmath.ncdf(x))  # -7.6e-23
    assert 0.5 * x * (1 + erf(x / np.sqrt(2.0))) == 0.0  # 1 + erf(...) is exactly 0
    assert F.gelu(torch.tensor(x, dtype=torch.float64)).item() == 0.0  # PyTorch returns -0.0
    np.testing.assert_allclose(gelu(x), exact, rtol=1e-12)
    assert abs(exact + 7.6e-23) < 0.05e-23
    u = SQRT_2_OVER_PI * (x + 0.044715 * x**3)
    assert 0.5 * x * (1 + np.tanh(u)) == 0.0  # the tanh form cancels too
    tanh_form = float(x / (1 + mpmath.exp(-2 * mpmath.mpf(u))))  # x * sigmoid(2u), exactly
    np.testing.assert_allclose(gelu(x, approximate=True), tanh_form, rtol=1e-12)
    assert abs(tanh_form + 1.2e-37) < 0.05e-37


def test_pytorch_gelu_approximate_is_a_string_not_a_bool():
    with pytest.raises(TypeError):
        F.gelu(torch.tensor([1.0]), approximate=True)
    torch.testing.assert_close(F.gelu(torch.tensor([1.0]), approximate="tanh"), torch.tensor([0.8411920070648193]))


def test_float16_cube_overflows_beyond_40_3():
    assert np.isfinite(np.float16(40.3) ** 3)  # 40.3 rounds to 40.3125 in float16; cubed 65504
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        np.float16(40.34375) ** 3  # the next float16 after 40.3125
    y = gelu(np.float16([41.0, -41.0, 100.0]), approximate=True)  # no warning: computed in float32
    assert y.dtype == np.float16 and np.isfinite(y).all()


def test_float32_cube_stays_finite_thanks_to_the_clip():
    x = np.float32([3e38, -3e38])
    with np.errstate(over="raise", invalid="raise"):  # no overflow or invalid operation inside
        np.testing.assert_array_equal(gelu(x, approximate=True), np.float32([3e38, 0.0]))
        np.testing.assert_array_equal(gelu_grad(x, approximate=True), [1.0, 0.0])
    with np.errstate(over="raise"), pytest.raises(FloatingPointError):
        np.float32(1e13) ** 3  # what the clip to +-1e4 prevents


def test_gelu_derivative_dips_below_0_and_overshoots_1():
    x = np.linspace(-6, 6, 120001)
    d = gelu_grad(x)
    assert d.min() < 0 and np.all(d[x < -0.752] <= 0) and d.max() > 1


# --- SiLU -------------------------------------------------------------------------------


def test_silu_derivative_peaks_at_1_10_near_2_4():
    x = np.linspace(-10, 10, 200001)
    d = silu_grad(x)
    assert abs(d.max() - 1.10) < 0.005 and abs(x[d.argmax()] - 2.4) < 0.01
    assert np.all(d[x < -1.2785] < 0) and np.all(d[x > -1.2784] > 0)  # negative left of the minimum


def test_silu_textbook_form_true_value_at_minus_1000():
    true = -1000 * mpmath.exp(-1000)  # about -5e-432
    assert abs(true / mpmath.mpf("-5e-432") - 1) < 0.02
    assert float(true) == 0.0  # far below the smallest float64


def test_silu_float16_overflow_below_minus_11_1():
    with np.errstate(over="raise"):
        np.exp(np.float16(11.0))  # fine
        with pytest.raises(FloatingPointError):
            np.exp(np.float16(11.1))  # e^11.1 > 65504
    x = np.float16(-12.0)
    with np.errstate(over="ignore"):
        assert x / (1 + np.exp(-x)) == 0.0  # the textbook form computed in float16
    assert silu(x).dtype == np.float16
    np.testing.assert_allclose(float(silu(x)), -7.4e-5, rtol=0.01)


# --- Softplus ---------------------------------------------------------------------------


def test_softplus_is_at_most_log_2_above_relu_at_0():
    x = np.linspace(-10, 10, 200001)
    gap = softplus(x) - np.maximum(x, 0.0)
    assert np.all(gap > 0) and gap.max() == np.log(2.0) and x[gap.argmax()] == 0.0


def test_softplus_rounds_to_0_from_about_minus_104_and_minus_745():
    assert softplus(np.float32(-103.5)) > 0 and softplus(np.float32(-104.5)) == 0
    assert softplus(-744.5) > 0 and softplus(-745.5) == 0


def test_softplus_textbook_form_loses_the_tail_because_1_plus_tiny_is_1():
    assert np.exp(-40.0) < np.finfo(np.float64).eps
    assert 1.0 + np.exp(-40.0) == 1.0


def test_pytorch_threshold_is_on_beta_times_x():
    t = torch.tensor([9.9, 10.1], dtype=torch.float64)
    y = F.softplus(t, beta=2).numpy()
    assert y[1] == 10.1 and y[0] > 9.9  # the switch is at beta * x > 20, i.e. x > 10
    np.testing.assert_allclose(y[0], softplus(2 * 9.9) / 2, rtol=1e-15)


def test_pytorch_beta_brings_softplus_closer_to_relu():
    for beta in [1.0, 2.0, 4.0]:
        gap_at_0 = F.softplus(torch.tensor(0.0, dtype=torch.float64), beta=beta).item()
        np.testing.assert_allclose(gap_at_0, np.log(2.0) / beta, rtol=1e-15)


def test_threshold_difference_is_invisible_in_float32():
    exact = softplus(20.0)
    np.testing.assert_allclose(exact - 20.0, 2.06e-9, rtol=0.01)  # e^-20
    assert np.float32(exact) == np.float32(20.0)


# --- Mish -------------------------------------------------------------------------------


def test_mish_tail_at_minus_40():
    np.testing.assert_allclose(mish(-40.0), -1.7e-16, rtol=0.01)
    np.testing.assert_allclose(mish(-40.0), float(-40 * mpmath.tanh(mpmath.log1p(mpmath.exp(-40)))), rtol=1e-12)


def test_mish_slope_at_0_is_tanh_log_2():
    assert np.tanh(np.log(2.0)) == pytest.approx(0.6, abs=1e-15)


def test_sech2_form_where_one_minus_tanh2_is_0():
    s = softplus(20.0)
    assert 1.0 - np.tanh(s) ** 2 == 0.0  # tanh(s) rounds to 1
    e = np.exp(-s) ** 2
    np.testing.assert_allclose(4 * e / (1 + e) ** 2, float(mpmath.sech(mpmath.log1p(mpmath.exp(20))) ** 2), rtol=1e-12)


def test_minima_and_slopes_at_0_of_mish_silu_gelu():
    x = np.linspace(-3.0, 0.0, 300001)
    minima = [round(float(f(x).min()), 3) for f in (mish, silu, gelu)]
    assert minima == [-0.309, -0.278, -0.17]
    assert [round(float(g(0.0)), 12) for g in (mish_grad, silu_grad, gelu_grad)] == [0.6, 0.5, 0.5]
