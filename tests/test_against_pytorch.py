"""The snippets agree with PyTorch: values in float64, float32 and float16, derivatives with autograd.

PyTorch is the reference the pages name. Its values are stored, not computed here: every
`pytorch = [...]` setting of functions.toml is evaluated by tests/reference/make_pytorch_reference.py,
which writes tests/reference/pytorch.npz, so these tests need no torch (and its gigabytes of
wheels). tests/test_pytorch_reference_file.py checks the file wherever torch is installed.

Our derivatives are sometimes more accurate than autograd's (sigmoid's tail, where PyTorch
computes s * (1 - s)), so derivatives are compared with an absolute tolerance at the level of
float64 rounding near 1, and values with a relative one.
"""

from __future__ import annotations

import importlib

import mpmath
import numpy as np
import pytest

from conftest import ROOT
from registry import FUNCTIONS
from snippets.gelu import gelu
from snippets.relu import relu_grad
from snippets.softmax import log_softmax, softmax, softmax_jacobian
from snippets.softplus import softplus
from snippets.step import step, step_grad
from tests.reference.make_pytorch_reference import (
    COMMAND,
    PATH,
    SOFTMAX_DIMS,
    TORCH,
    expected_keys,
    inputs,
    load,
    settings,
)

try:
    STORED, META = load()
except FileNotFoundError:
    STORED, META = {}, {"missing": {}}

# label -> (registry name, Reference): 'leaky_relu', 'leaky_relu(alpha=0.2)', ...
SETTINGS = settings(FUNCTIONS)

# PyTorch computes GELU as 0.5 * x * (1 + erf(...)), which cancels for x < -5: there its value
# is off by up to ~1e-16 * |x| absolutely, while ours keeps the relative accuracy (checked below)
VALUE_ATOL = {"gelu": 1e-14, "gelu(approximate=True)": 1e-14}
# In float32 (and in float16, which PyTorch computes in float32 on CPU) the same cancellation is
# ~1e-7 * |x|: PyTorch's float16 GELU is off by a few float16 subnormals (6e-8 each) near x = -5
VALUE_ATOL_FLOAT32 = {"gelu": 1e-6, "gelu(approximate=True)": 1e-6}
# float16: ours and PyTorch's at most 1 unit in the last place apart. Not 0: where ours
# multiplies by a constant (Leaky ReLU's alpha, SELU's scale), NumPy rounds the constant to
# float16 first, while PyTorch multiplies by it in float32 and rounds once.
FLOAT16_ULPS = 1
# PyTorch's CPU backward of Hardsigmoid multiplies by the float32 constant 1.0f / 6.0f, in float64
# too: 0.1666666716337204, 3e-8 from 1/6 (the hard sigmoid page's pitfall); ours is 1/6
GRAD_RTOL = {"hard_sigmoid": 5e-8}


def stored(key: str) -> np.ndarray:
    """PyTorch's array, or a failure saying how to make it (a skip if PyTorch has none)."""
    if key in META["missing"]:
        pytest.skip(f"PyTorch gives no {key}: {META['missing'][key]}")
    if key not in STORED:
        pytest.fail(
            f"{key!r} is not in {PATH.relative_to(ROOT)}: run `{COMMAND}` from the repository root "
            f"(with torch=={TORCH} installed) and commit the file",
            pytrace=False,
        )
    return STORED[key]


def ours(label: str, derivative: bool = False):
    """Our function (or derivative) at the setting, as f(x)."""
    name, ref = SETTINGS[label]
    module = importlib.import_module(f"snippets.{name}")
    f = getattr(module, f"{name}_grad" if derivative else name)
    return lambda x: f(x, **ref.ours)


def x() -> np.ndarray:
    return stored("inputs")


def ulps_apart(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many float16 values lie between a and b (0 and -0 count as one value)."""
    def ordered(v):
        bits = v.view(np.int16).astype(np.int32)
        return np.where(bits < 0, -(bits & 0x7FFF), bits)

    return np.abs(ordered(a) - ordered(b))


def test_stored_inputs_are_the_scripts():
    np.testing.assert_array_equal(x(), inputs(), err_msg=f"inputs() changed: run `{COMMAND}`")


def test_the_file_holds_only_what_the_registry_asks_for():
    asked = set(expected_keys(FUNCTIONS))
    stale = sorted((STORED.keys() | META["missing"].keys()) - asked)
    assert not stale, f"{PATH.relative_to(ROOT)} has data no registry setting asks for: {stale}; run `{COMMAND}`"


@pytest.mark.parametrize("label", SETTINGS)
def test_values_agree_in_float64(label):
    theirs = stored(f"{label}/float64")
    # PyTorch's vectorised exp flushes subnormal results (below 2.2e-308) to 0; NumPy keeps them
    atol = VALUE_ATOL.get(label, np.finfo(np.float64).tiny)
    np.testing.assert_allclose(ours(label)(x()), theirs, rtol=1e-10, atol=atol)


@pytest.mark.parametrize("label", SETTINGS)
def test_values_agree_in_float32(label):
    theirs = stored(f"{label}/float32")
    mine = ours(label)(x().astype(np.float32))
    assert mine.dtype == theirs.dtype == np.float32
    np.testing.assert_allclose(mine, theirs, rtol=1e-6, atol=VALUE_ATOL_FLOAT32.get(label, 1e-37))


@pytest.mark.parametrize("label", SETTINGS)
def test_values_agree_in_float16(label):
    theirs = stored(f"{label}/float16")
    x16 = x().astype(np.float16)
    mine = ours(label)(x16)
    assert mine.dtype == theirs.dtype == np.float16
    apart = ulps_apart(mine, theirs)
    close = (apart <= FLOAT16_ULPS) | (np.abs(mine.astype(np.float64) - theirs) <= VALUE_ATOL_FLOAT32.get(label, 0.0))
    bad = np.flatnonzero(~close)
    assert not bad.size, (
        f"{bad.size} values more than {FLOAT16_ULPS} ulp apart, e.g. at x = {x16[bad[:5]]}: "
        f"ours {mine[bad[:5]]}, PyTorch's {theirs[bad[:5]]} ({apart[bad[:5]]} ulp)"
    )


@pytest.mark.parametrize("label", SETTINGS)
def test_derivatives_agree_with_autograd(label):
    theirs = stored(f"{label}/grad")
    np.testing.assert_allclose(ours(label, derivative=True)(x()), theirs, rtol=GRAD_RTOL.get(label, 1e-10), atol=1e-14)


@pytest.mark.parametrize("label", SETTINGS)
def test_kink_convention_is_autograds(label):
    """At x = 0 (ReLU's, Leaky ReLU's, ELU's and SELU's kink) and at the registry's other kinks (such as
    hardtanh's +-1 and the hard sigmoid's +-3, all among the inputs) the derivative is autograd's."""
    theirs = stored(f"{label}/grad")
    kinks = {0.0} | {k.x for k in FUNCTIONS[SETTINGS[label][0]].kinks}
    assert kinks <= set(x()), f"add the kinks {sorted(kinks - set(x()))} to inputs() in tests/reference/make_pytorch_reference.py"
    at = np.flatnonzero(np.isin(x(), list(kinks)) & ~((x() == 0) & np.signbit(x())))
    np.testing.assert_allclose(
        ours(label, derivative=True)(x()[at]), theirs[at], rtol=GRAD_RTOL.get(label, 1e-15), err_msg=f"at x = {x()[at]}"
    )


def test_relu_kink_convention_is_autograds():
    points = stored("extra/relu_kink/x")
    np.testing.assert_array_equal(points, [0.0, -0.0])
    np.testing.assert_array_equal(relu_grad(points), stored("extra/relu_kink/grad"))
    assert relu_grad(0.0) == 0.0


@pytest.mark.parametrize("dim", SOFTMAX_DIMS)
def test_softmax_and_log_softmax_agree(dim):
    x = stored("softmax/matrix/x")  # a masked row (-inf) and a huge logit (1e4)
    np.testing.assert_allclose(softmax(x, axis=dim), stored(f"softmax/matrix/dim={dim}/softmax"), rtol=1e-10, atol=1e-300)
    np.testing.assert_allclose(log_softmax(x, axis=dim), stored(f"softmax/matrix/dim={dim}/log_softmax"), rtol=1e-10)


def test_softmax_special_rows_agree():
    x = stored("softmax/special_rows/x")  # all -inf, a NaN, +inf, two equal maxima
    np.testing.assert_array_equal(softmax(x), stored("softmax/special_rows/softmax"))
    np.testing.assert_array_equal(log_softmax(x), stored("softmax/special_rows/log_softmax"))


def test_softmax_jacobian_agrees_with_autograd():
    x = stored("softmax/jacobian/x")
    np.testing.assert_allclose(softmax_jacobian(x), stored("softmax/jacobian/jacobian"), rtol=1e-10, atol=1e-17)


def test_step_agrees_with_heaviside():
    x = stored("extra/step_heaviside/x")  # -2, -0, 0, 1e-300, 3, NaN
    theirs = stored("extra/step_heaviside/float64")
    finite = ~np.isnan(x)
    np.testing.assert_array_equal(step(x[finite]), theirs[finite])
    assert np.all(step_grad(x[finite]) == 0)
    # PyTorch's heaviside gives 0 for NaN; ours lets NaN through
    assert np.all(theirs[~finite] == 0) and np.all(np.isnan(step(x[~finite])))


def test_pytorch_softplus_threshold_is_where_the_page_says():
    x = stored("extra/softplus_threshold_20/x")  # 19.9, 20.1
    theirs = stored("extra/softplus_threshold_20/float64")  # F.softplus with its default threshold=20
    mine = softplus(x)
    assert theirs[1] == x[1] == 20.1 and mine[1] > 20.1  # PyTorch returns x above threshold=20
    np.testing.assert_allclose(mine, theirs, rtol=1e-9)  # the difference is e^-20 ~ 2e-9


@pytest.mark.parametrize("x", [-5.0, -10.0, -20.0, -35.0])
def test_gelu_tail_is_accurate_where_pytorch_cancels(x):
    exact = float(x * mpmath.ncdf(x))  # x * Phi(x) to 50 digits
    np.testing.assert_allclose(gelu(x), exact, rtol=1e-12)
