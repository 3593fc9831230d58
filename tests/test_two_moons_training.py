"""The training run on the vanishing-gradient page (snippets/two_moons_training.py) and what the page says of it."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from conftest import once_per_run
from snippets.two_moons_training import init_params, loss_and_grads, train, two_moons
from snippets.vanishing_gradient import ACTIVATIONS
from support import ROOT

LN2 = np.log(2.0)
SEEDS = range(5)


@pytest.fixture(scope="session")
def runs(tmp_path_factory):
    """train() for every activation and seed, as the page runs it (seed 0) and as it reports (1-4);
    in one test process (once_per_run)."""
    return once_per_run(tmp_path_factory, "two_moons_runs", lambda: {
        (name, seed): train(f, f_grad, init, seed=seed)
        for name, (f, f_grad, init) in ACTIVATIONS.items()
        for seed in SEEDS
    })


def test_two_moons():
    x, labels = two_moons()
    assert x.shape == (200, 2) and x.dtype == np.float64
    assert labels.sum() == 100 and set(np.unique(labels)) == {0.0, 1.0}
    assert np.array_equal(x, two_moons()[0]), "same seed, same points"
    clean, clean_labels = two_moons(noise=0.0)
    upper = clean[clean_labels == 0]  # on the unit circle around (0, 0), above the axis
    lower = clean[clean_labels == 1]  # on the unit circle around (1, 0.5), below y = 0.5
    assert np.allclose(np.hypot(*upper.T), 1.0) and np.all(upper[:, 1] >= 0)
    assert np.allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0) and np.all(lower[:, 1] <= 0.5)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_gradients_match_finite_differences(name):
    f, f_grad, init = ACTIVATIONS[name]
    x, labels = two_moons(n=16, seed=3)
    params = init_params([2, 5, 5, 1], init, seed=4)
    params = [(w, b + 0.1) for w, b in params]  # non-zero biases, so their gradients are exercised
    _, grads = loss_and_grads(params, x, labels, f, f_grad)
    h = 1e-6
    for layer, ((w, b), (gw, gb)) in enumerate(zip(params, grads, strict=True)):
        for array, grad in ((w, gw), (b, gb)):
            for index in np.ndindex(array.shape):
                saved = array[index]
                array[index] = saved + h
                up, _ = loss_and_grads(params, x, labels, f, f_grad)
                array[index] = saved - h
                down, _ = loss_and_grads(params, x, labels, f, f_grad)
                array[index] = saved
                assert grad[index] == pytest.approx((up - down) / (2 * h), rel=1e-5, abs=1e-9), (layer, index)


def test_the_loss_is_the_binary_cross_entropy():
    f, f_grad, init = ACTIVATIONS["relu"]
    x, labels = two_moons(n=10)
    params = init_params([2, 4, 1], init)
    loss, _ = loss_and_grads(params, x, labels, f, f_grad)
    w, b = params[0]
    p = 1.0 / (1.0 + np.exp(-(f(x @ w + b) @ params[1][0] + params[1][1])[:, 0]))
    assert loss == pytest.approx(-np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p)), rel=1e-12)


def test_sigmoid_network_learns_only_the_class_balance(runs):
    """The page: the sigmoid loss settles at ln 2 within the first 20 steps (seed 0) and stays there; it
    ends there on every seed."""
    assert np.all(np.abs(runs["sigmoid", 0][20:] - LN2) < 5e-3)
    for seed in SEEDS:
        loss = runs["sigmoid", seed]
        assert abs(loss[-1] - LN2) < 5e-4 and np.all(np.abs(loss[30:] - LN2) < 5e-3), seed


def test_the_other_networks_learn(runs):
    """The page: tanh falls fastest for the first 25 steps, then levels off near 0.3 (seed 0); ReLU and
    GELU end below 0.05; with seeds 1-4 the other three end below 0.18."""
    tanh, relu, gelu = runs["tanh", 0], runs["relu", 0], runs["gelu", 0]
    assert np.all(tanh[1:26] < np.minimum(relu[1:26], gelu[1:26])), "tanh lowest for the first 25 steps"
    assert np.all((0.28 <= tanh[50:251]) & (tanh[50:251] <= 0.34)), "tanh level near 0.3 from step 50 to 250"
    assert relu[-1] < 0.05 and gelu[-1] < 0.05
    page = (ROOT / "docs" / "en" / "vanishing-gradient.md").read_text()  # the Japanese page: test_parity
    for name, loss in (("tanh", tanh), ("relu", relu), ("gelu", gelu)):
        assert f"\\({loss[-1]:.3f}\\)" in page, f"the page should give {name}'s loss after 300 steps, {loss[-1]:.3f}"
    for name in ("tanh", "relu", "gelu"):
        assert all(runs[name, seed][-1] < 0.18 for seed in SEEDS if seed), name


def test_only_the_relu_line_rises_a_little(runs):
    """The figure's alt text: no line goes up but ReLU's, which zigzags slightly between about step 110 and 220."""
    for name in ACTIVATIONS:
        change = np.diff(runs[name, 0])
        rises = np.nonzero(change > 0)[0]
        if name == "relu":
            assert rises.size and 100 <= rises.min() and rises.max() < 220 and change.max() < 0.03
        else:
            assert not rises.size, (name, rises)


def jittered(f, rng, size):
    """f with each value off by a relative ``size``: 1e-15 is about the last bit, what another CPU's
    or BLAS library's rounding does to a result."""
    return lambda z: f(z) * (1.0 + size * rng.standard_normal(np.shape(z)))


def test_the_losses_do_not_depend_on_the_last_bit(runs):
    """The page: at learning rate 0.03 a difference in the last bit stays below 1e-12 at every step, so
    the numbers printed are the ones a reader gets on any machine (checked with differences 100 times
    the last bit); at 0.1 the tanh run is chaotic and its loss after 300 steps changes."""
    rng = np.random.default_rng(7)
    for name, (f, f_grad, init) in ACTIVATIONS.items():
        jittered_loss = train(jittered(f, rng, 1e-13), jittered(f_grad, rng, 1e-13), init)
        assert np.max(np.abs(jittered_loss - runs[name, 0])) < 1e-12, name
    f, f_grad, init = ACTIVATIONS["tanh"]
    at_01 = train(f, f_grad, init, lr=0.1)
    jittered_at_01 = train(jittered(f, rng, 1e-15), jittered(f_grad, rng, 1e-15), init, lr=0.1)
    assert abs(jittered_at_01[300] - at_01[300]) > 0.01, "at learning rate 0.1 the last bits should matter"


def test_the_pages_state_the_learning_rate_train_uses():
    lr = inspect.signature(train).parameters["lr"].default
    example = (ROOT / "snippets" / "examples" / "two_moons_training.py").read_text()
    assert f"learning rate {lr}" in example, "the example's comment"
    assert f"learning rate {lr}," in (ROOT / "docs" / "en" / "vanishing-gradient.md").read_text()
    assert f"学習率 {lr}、" in (ROOT / "docs" / "ja" / "vanishing-gradient.md").read_text()
    assert f"At \\({lr}\\) such" in (ROOT / "docs" / "en" / "vanishing-gradient.md").read_text()


def spread_and_gradients(name):
    """At initialisation (seed 0 as train() uses it): the spread over the points after each hidden
    layer, and the norm of each layer's weight gradient."""
    f, f_grad, init = ACTIVATIONS[name]
    x, labels = two_moons()
    params = init_params([2] + [32] * 10 + [1], init, seed=1)
    spreads, h = [], x
    for w, b in params[:-1]:
        h = f(h @ w + b)
        spreads.append(h.std(axis=0).mean())
    _, grads = loss_and_grads(params, x, labels, f, f_grad)
    return spreads, [np.linalg.norm(gw) for gw, _ in grads]


def test_sigmoid_layers_collapse_the_points_forward():
    """The page's numbers: spread 0.046 -> 1.7e-7; first layer's gradient 2.6e-7 against 0.61."""
    spreads, norms = spread_and_gradients("sigmoid")
    assert f"{spreads[0]:.2g}" == "0.046" and f"{spreads[-1]:.2g}" == "1.7e-07"
    assert f"{norms[0]:.2g}" == "2.6e-07" and f"{norms[-1]:.2g}" == "0.61"


@pytest.mark.parametrize("name", ["tanh", "relu", "gelu"])
def test_other_layers_keep_the_points_apart(name):
    """The page: spread after the tenth layer at least 0.067; first layer's gradient within 3x the output layer's."""
    spreads, norms = spread_and_gradients(name)
    assert spreads[-1] >= 0.067 - 5e-4
    assert norms[-1] / 3 <= norms[0] <= 3 * norms[-1]
