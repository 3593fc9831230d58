"""Claims of the softplus page (docs/en/functions/softplus.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py,
and the agreement with PyTorch in tests/test_against_pytorch.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.relu import relu
from snippets.sigmoid import sigmoid
from snippets.softplus import softplus, softplus_grad

GRID = np.linspace(-8.0, 8.0, 1601)


@pytest.fixture
def torch():
    """PyTorch itself, for what the page says PyTorch does; requirements-test.txt does not install it."""
    return pytest.importorskip("torch", reason="these claims are about PyTorch itself; pip install torch to check them")


def test_softplus_values_and_properties():
    """Table: "Zero-centred: no: softplus(0) = log 2", strictly increasing, "always above max(0, x)";
    "The derivative of softplus is the sigmoid function"; "`softplus_grad(0.0)` is 0.5"; "There is
    no beta and no threshold: the code computes log(1 + e^x) accurately for every x"."""
    assert softplus(0.0) == np.log(2.0) and softplus_grad(0.0) == 0.5
    y = softplus(GRID)
    assert np.all(y > 0) and np.all(np.diff(y) > 0) and np.all(y > relu(GRID))
    np.testing.assert_allclose(softplus_grad(GRID), sigmoid(GRID), rtol=1e-15)
    assert softplus(1000.0) == 1000.0 and softplus(-1000.0) == 0.0
    np.testing.assert_allclose(softplus(-40.0), np.exp(-40.0), rtol=1e-15)  # log1p keeps the tail
    np.testing.assert_allclose(softplus(21.0), 21.0 + np.exp(-21.0), rtol=1e-15)  # no threshold


def test_saturates_on_the_left_only():
    """Table: "Saturates: only for x -> -inf, where the output and the derivative tend to 0; for large
    positive x the derivative tends to 1"."""
    f, grad = softplus, softplus_grad
    assert abs(f(-40.0)) < 1e-15 and abs(grad(-40.0)) < 1e-15  # output and derivative tend to 0
    assert abs(grad(40.0) - 1.0) < 1e-12  # the derivative tends to 1 on the right
    assert f(1e4) == 1e4  # and the output to x


def test_softplus_is_at_most_log_2_above_relu_at_0():
    """Table: "Relation to ReLU: always above max(0, x), by at most log 2, at x = 0"."""
    x = np.linspace(-10, 10, 200001)
    gap = softplus(x) - np.maximum(x, 0.0)
    assert np.all(gap > 0) and gap.max() == np.log(2.0) and x[gap.argmax()] == 0.0


def test_softplus_rounds_to_0_from_about_minus_104_and_minus_745():
    """Pitfall "Positive in theory, 0 in floating point": it "rounds to exactly 0: from about x = -104
    in `float32` and x = -745 in `float64`"."""
    assert softplus(np.float32(-103.5)) > 0 and softplus(np.float32(-104.5)) == 0
    assert softplus(-744.5) > 0 and softplus(-745.5) == 0


def test_softplus_textbook_form_loses_the_tail_because_1_plus_tiny_is_1():
    """Pitfall "The textbook form overflows and loses the tail": "e^-40 ~ 4.2e-18 is smaller than the gap
    between 1 and the next `float64`, so `1 + np.exp(x)` rounds to exactly 1"."""
    assert np.exp(-40.0) < np.finfo(np.float64).eps
    assert 1.0 + np.exp(-40.0) == 1.0


def test_pytorch_threshold_is_on_beta_times_x(torch):
    """Warning "PyTorch switches to x above threshold=20": "The test is on beta x, not x: with `beta=2`
    the switch happens at x > 10"."""
    F = torch.nn.functional
    t = torch.tensor([9.9, 10.1], dtype=torch.float64)
    y = F.softplus(t, beta=2).numpy()
    assert y[1] == 10.1 and y[0] > 9.9  # the switch is at beta * x > 20, i.e. x > 10
    np.testing.assert_allclose(y[0], softplus(2 * 9.9) / 2, rtol=1e-15)


def test_pytorch_beta_brings_softplus_closer_to_relu(torch):
    """Formula: "PyTorch adds a sharpness parameter beta ... a larger beta brings the curve closer to ReLU",
    softplus_beta(x) = log(1 + e^(beta x)) / beta."""
    F = torch.nn.functional
    for beta in [1.0, 2.0, 4.0]:
        gap_at_0 = F.softplus(torch.tensor(0.0, dtype=torch.float64), beta=beta).item()
        np.testing.assert_allclose(gap_at_0, np.log(2.0) / beta, rtol=1e-15)


def test_threshold_difference_is_invisible_in_float32():
    """"Just above 20 the exact value is larger by e^-20 ~ 2e-9, invisible in `float32`"."""
    exact = softplus(20.0)
    np.testing.assert_allclose(exact - 20.0, 2.06e-9, rtol=0.01)  # e^-20
    assert np.float32(exact) == np.float32(20.0)
