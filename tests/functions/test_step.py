"""Claims of the step page (docs/en/functions/step.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import numpy as np

from snippets.relu import relu_grad
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.step import step, step_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def test_step_values_and_properties():
    """"The value at exactly x = 0 is a convention; this handbook uses 0"; table: "Range {0, 1}",
    "Monotonic: yes, non-decreasing"; "`step_grad` is 0 for every input and `step_grad(0.0)` is `0.0`"."""
    np.testing.assert_array_equal(step([-1.0, 0.0, -0.0, 1e-300, 5.0]), [0, 0, 0, 1, 1])
    assert set(np.unique(step(GRID))) == {0.0, 1.0}  # range {0, 1}
    assert np.all(np.diff(step(GRID)) >= 0)  # non-decreasing
    np.testing.assert_array_equal(step_grad(GRID), 0.0)  # 0 everywhere, x = 0 included


def test_step_sigmoid_of_kx_approaches_the_step():
    """"sigma(kx) approaches the step as k grows, but its derivative is positive everywhere"."""
    x = np.linspace(-3.0, 3.0, 601)
    away = np.abs(x) >= 0.1
    gaps = [np.abs(sigmoid(k * x) - step(x))[away].max() for k in (10.0, 100.0)]
    assert gaps[1] < gaps[0] and gaps[1] < 1e-4
    assert np.all(sigmoid_grad(GRID) > 0)


def test_step_relu_does_not_keep_a_positive_derivative_everywhere():
    """"Not every later function keeps a positive derivative everywhere: ReLU's is 0 for x < 0, like
    the step's"; for inputs that are positive "the derivative is 1"."""
    negative, positive = GRID[GRID < 0], GRID[GRID > 0]
    np.testing.assert_array_equal(relu_grad(negative), 0.0)
    np.testing.assert_array_equal(step_grad(negative), 0.0)
    np.testing.assert_array_equal(relu_grad(positive), 1.0)
