"""The vanishing gradient page: the experiment is deterministic and shows what the page says.

The page's numbers come from the run its example prints and plots: the defaults of
gradient_norms (24 layers of width 64, a batch of 128, seed 0). The orderings the page
explains are also checked on other seeds, so that they are not an accident of seed 0.
Warnings are errors (see pyproject.toml), so every test here also checks that the
experiment runs without one. How fast it runs (the page: well under a second) is measured,
not asserted: python -m benchmarks.bench_vanishing_gradient.
"""

from __future__ import annotations

import numpy as np
import pytest

from conftest import once_per_run
from snippets.gelu import gelu, gelu_grad
from snippets.relu import relu_grad
from snippets.sigmoid import sigmoid_grad
from snippets.tanh import tanh_grad
from snippets.vanishing_gradient import ACTIVATIONS, INIT_STD, gradient_norms

SEEDS = range(5)


def norms(name: str, **kwargs) -> np.ndarray:
    f, f_grad, init = ACTIVATIONS[name]
    return gradient_norms(f, f_grad, init=init, **kwargs)


@pytest.fixture(scope="session")
def page(tmp_path_factory):
    """The run the page prints and plots, in one test process (once_per_run)."""
    return once_per_run(tmp_path_factory, "vanishing_gradient_page", lambda: {name: norms(name) for name in ACTIVATIONS})


# --- the experiment itself ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_same_seed_gives_identical_arrays(name):
    first, second = norms(name, seed=3), norms(name, seed=3)
    assert np.array_equal(first, second)
    assert not np.array_equal(first, norms(name, seed=4))  # the seed does matter


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_one_positive_finite_norm_per_layer(name, page):
    assert page[name].shape == (24,)
    assert np.all(np.isfinite(page[name])) and np.all(page[name] > 0)
    assert norms(name, depth=5, width=8, batch=4).shape == (5,)


def test_initialisations_are_the_ones_the_page_states():
    """Page: Xavier (Glorot) normal, std sqrt(2/(n_in + n_out)) = 1/8; He normal, std sqrt(2/n_in) = sqrt(2)/8."""
    assert {name: init for name, (_, _, init) in ACTIVATIONS.items()} == {
        "sigmoid": "xavier", "tanh": "xavier", "relu": "he", "gelu": "he"
    }
    assert INIT_STD["xavier"](64, 64) == 1 / 8
    assert INIT_STD["he"](64, 64) == pytest.approx(np.sqrt(2) / 8, rel=1e-15)
    assert np.sqrt(2) / 8 == pytest.approx(0.18, abs=0.005)


def test_unknown_initialisation_is_an_error():
    with pytest.raises(ValueError, match="init"):
        gradient_norms(np.tanh, tanh_grad, init="glorot_uniform")


def test_backward_pass_matches_finite_differences():
    """The hand-written backward pass is the gradient of the stated loss (checked on a small net)."""
    f, f_grad = np.tanh, tanh_grad
    depth, width, batch, seed = 3, 4, 5, 0
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((batch, width)), rng.standard_normal((batch, width))
    weights = [INIT_STD["xavier"](width, width) * rng.standard_normal((width, width)) for _ in range(depth)]

    def loss(ws):
        h = x
        for w in ws:
            h = f(h @ w)
        return np.mean((h - y) ** 2)

    eps, numeric = 1e-6, []
    for layer in range(depth):
        grad = np.zeros((width, width))
        for i in range(width):
            for j in range(width):
                plus = [w.copy() for w in weights]
                minus = [w.copy() for w in weights]
                plus[layer][i, j] += eps
                minus[layer][i, j] -= eps
                grad[i, j] = (loss(plus) - loss(minus)) / (2 * eps)
        numeric.append(np.linalg.norm(grad))
    analytic = gradient_norms(f, f_grad, depth=depth, width=width, batch=batch, seed=seed, init="xavier")
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6)


# --- what the page says about the figure -------------------------------------------------------


def test_derivative_bounds_the_page_states():
    x = np.linspace(-8.0, 8.0, 1601)
    assert sigmoid_grad(0.0) == 0.25 and sigmoid_grad(x).max() <= 0.25
    assert tanh_grad(0.0) == 1.0 and np.all(tanh_grad(x[x != 0]) < 1.0)
    assert set(np.unique(relu_grad(x))) == {0.0, 1.0}
    assert gelu_grad(0.0) == 0.5
    far = np.abs(x) >= 4  # GELU's derivative is close to ReLU's for large |x|
    assert np.all(np.abs(gelu_grad(x[far]) - relu_grad(x[far])) < 1e-3)
    near = np.abs(x) <= 0.5  # and GELU itself is close to x/2 near 0
    assert np.all(np.abs(gelu(x[near]) - x[near] / 2) <= 0.4 * x[near] ** 2)


@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_first_layer_gradient_is_far_smaller_than_relus(seed):
    """Page: with sigmoid the first layer gets almost no gradient; with ReLU it does."""
    assert norms("sigmoid", seed=seed)[0] < 1e-12 * norms("relu", seed=seed)[0]


@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_norms_shrink_at_every_layer_from_last_to_first(seed):
    assert np.all(np.diff(norms("sigmoid", seed=seed)) > 0)


def test_sigmoid_numbers_on_the_page(page):
    """Page: 1.3e-16 at layer 1, 0.12 at layer 24, more than 10^15 times below ReLU's first layer;
    on average a factor of 4.5 per layer, single steps from 3.8 to 10.4."""
    s = page["sigmoid"]
    assert 1.25e-16 <= s[0] < 1.35e-16 and 0.115 <= s[-1] < 0.125
    assert page["relu"][0] / s[0] > 1e15
    steps = s[1:] / s[:-1]
    assert 4.4 < (s[-1] / s[0]) ** (1 / 23) < 4.6
    assert 3.75 <= steps.min() < 3.85 and 10.35 <= steps.max() < 10.45


def test_tanh_relu_and_gelu_numbers_on_the_page(page):
    """Page: tanh within a factor of 2.3, ReLU within 4, GELU within about 10 over the 24 layers;
    GELU's first layer 7.1 times its last."""
    spread = {name: n.max() / n.min() for name, n in page.items()}
    assert spread["tanh"] < 2.3 and spread["relu"] < 4.0 and 9.9 < spread["gelu"] < 10.1
    g = page["gelu"]
    assert 7.05 <= g[0] / g[-1] < 7.15


@pytest.mark.parametrize("seed", SEEDS)
def test_tanh_relu_and_gelu_do_not_vanish_towards_the_input(seed):
    for name in ["tanh", "relu", "gelu"]:
        n = norms(name, seed=seed)
        assert n.max() / n.min() < 20
        assert n[0] > 0.1 * n[-1]


@pytest.mark.parametrize("seed", SEEDS)
def test_gelu_outputs_shrink_in_the_forward_pass_with_he_initialisation(seed):
    """Page: with He initialisation, GELU's layer outputs get smaller from the first layer to the last."""
    rng = np.random.default_rng(seed)
    h, rms = rng.standard_normal((128, 64)), []
    for _ in range(24):
        h = gelu(h @ (INIT_STD["he"](64, 64) * rng.standard_normal((64, 64))))
        rms.append(np.sqrt(np.mean(h**2)))
    assert rms[-1] < 0.5 * rms[0]
