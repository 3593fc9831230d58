"""Claims of the SELU page (docs/en/functions/selu.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.elu import elu
from snippets.selu import ALPHA, SCALE, selu, selu_grad

GRID = np.linspace(-8.0, 8.0, 1601)
FLOATS = [np.float16, np.float32, np.float64]


def test_selu_values_and_properties():
    """Table: "Constants alpha = 1.6732632423543772, lambda = 1.0507009873554805", strictly increasing,
    "the output tends to -lambda alpha"; "a standard normal input ... comes out with mean 0 and
    variance 1 again"."""
    assert (ALPHA, SCALE) == (1.6732632423543772, 1.0507009873554805)
    assert selu(1.0) == SCALE and selu(-1e4) == -SCALE * ALPHA  # limit -lambda * alpha
    np.testing.assert_allclose(selu_grad([-1e-9, 0.0, 1.0]), [SCALE * ALPHA, SCALE * ALPHA, SCALE], rtol=1e-8)
    assert np.all(np.diff(selu(GRID)) > 0)
    # Self-normalising: a standard normal input keeps mean 0 and variance 1 (Klambauer et al.)
    z = np.random.default_rng(0).standard_normal(2_000_000)
    assert abs(selu(z).mean()) < 3e-3 and abs(selu(z).var() - 1.0) < 3e-3


def test_selu_is_lambda_times_elu_with_alpha():
    """"In other words SELU(x) = lambda ELU_alpha(x)"."""
    np.testing.assert_allclose(selu(GRID), SCALE * elu(GRID, alpha=ALPHA), rtol=1e-15)


def test_selu_derivative_values():
    """"This handbook uses SELU'(0) = lambda alpha ~ 1.7581 ... `selu_grad(0.0)` is `SCALE * ALPHA`";
    "The slope is lambda ~ 1.0507 on the right"; table: "Range (-lambda alpha, inf) ~ (-1.7581, inf)"."""
    assert selu_grad(0.0) == SCALE * ALPHA  # the kink convention, exactly
    assert abs(SCALE * ALPHA - 1.7581) < 1e-4 and abs(SCALE - 1.0507) < 1e-4
    np.testing.assert_array_equal(selu_grad(GRID[GRID > 0]), SCALE)
    assert selu(-1e4) > -1.7581 - 1e-4 and selu(-1e4) < -1.758  # range (-1.7581, inf)


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_selu_of_the_largest_floats_is_inf_without_a_warning(dtype):
    """"for the very largest floats the true value is beyond the dtype, and the result is `inf`.
    `np.errstate(over="ignore")` ... keeps NumPy from warning"."""
    big = np.finfo(dtype).max
    y = selu(np.array([big], dtype=dtype))  # a RuntimeWarning would raise here
    assert y.dtype == dtype and y[0] == np.inf
