"""Claims of the initialisation page (docs/en/initialisation.md and its Japanese twin).

Each test names the sentence it backs. PyTorch's gains (torch.nn.init.calculate_gain) are stored in
tests/reference/pytorch.npz under init/gain/<nonlinearity>, written by
`python -m tests.reference.make_pytorch_reference`, so no torch is needed here. The page's
numbers come from the runs its examples print (seed 0); the orderings it explains are also checked
on other seeds. Warnings are errors (pyproject.toml), so every call here also checks "no warning".
"""

from __future__ import annotations

import functools
import runpy

import numpy as np
import pytest

from snippets.gelu import gelu
from snippets.initialisation import (
    LINEAR,
    activation_stds,
    calculate_gain,
    he_normal,
    lecun_normal,
    second_moment,
    xavier_normal,
)
from snippets.leaky_relu import leaky_relu
from snippets.relu import relu
from snippets.selu import selu
from snippets.sigmoid import sigmoid
from snippets.tanh import tanh
from snippets.vanishing_gradient import INIT_STD
from test_against_pytorch import stored
from tests.reference.make_pytorch_reference import INIT_GAINS

SEEDS = range(5)


@functools.cache
def example() -> dict:
    """The page's example (snippets/examples/initialisation.py) run as the page runs it (seed 0):
    its own variables, its pairs among them; plt.show() a no-op."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    show, plt.show = plt.show, lambda *args, **kwargs: None
    try:
        return runpy.run_module("snippets.examples.initialisation")
    finally:
        plt.show = show
        plt.close("all")


def stds(pair: str, seed: int = 0) -> np.ndarray:
    """A pair of the page's example, as activation_stds runs it, with another seed."""
    f, init = example()["PAIRS"][pair]
    return activation_stds(f, init, seed=seed)


@pytest.fixture(scope="session")
def page():
    """The run the page prints and plots (seed 0)."""
    return example()["stds"]


def test_the_pages_run_is_seed_0(page):
    for label, s in page.items():
        np.testing.assert_array_equal(stds(label), s)


# --- the gains, against PyTorch -------------------------------------------------------------------


@pytest.mark.parametrize("key", INIT_GAINS)
def test_gains_are_pytorchs(key):
    """'the calculate_gain below returns the same for every name PyTorch accepts; the tests compare the
    two, with PyTorch's values stored in the repository'."""
    nonlinearity, param = INIT_GAINS[key]
    assert calculate_gain(nonlinearity, param) == stored(f"init/gain/{key}")


def test_the_reference_covers_every_name_pytorch_accepts():
    """PyTorch's list: the linear ones (linear and the convolutions), sigmoid, tanh, relu, leaky_relu, selu;
    leaky_relu with its default slope and another."""
    names = {nonlinearity for nonlinearity, _ in INIT_GAINS.values()}
    assert names == set(LINEAR) | {"sigmoid", "tanh", "relu", "leaky_relu", "selu"}
    assert {param for nonlinearity, param in INIT_GAINS.values() if nonlinearity == "leaky_relu"} >= {None, 0.2}


def test_unknown_names_and_invalid_slopes_are_errors_as_in_pytorch():
    with pytest.raises(ValueError, match="Unsupported nonlinearity"):
        calculate_gain("gelu")
    for slope in (True, "0.2", [0.2]):
        with pytest.raises(ValueError, match="negative_slope"):
            calculate_gain("leaky_relu", slope)
    assert calculate_gain("leaky_relu", 0) == calculate_gain("relu")  # an int slope is a number
    assert calculate_gain("relu", param=3.0) == np.sqrt(2.0)  # as PyTorch, param is only read for leaky_relu


# --- where the gains come from -------------------------------------------------------------------


def test_second_moment_is_exact_where_a_closed_form_exists():
    """second_moment(f) computes E[f(z)^2] for z ~ N(0, 1) by summing over a fine grid."""
    assert second_moment(lambda z: z) == pytest.approx(1.0, abs=1e-12)
    assert second_moment(relu) == pytest.approx(0.5, abs=1e-9)
    for a in (0.01, 0.2, 0.5):
        assert second_moment(lambda z, a=a: leaky_relu(z, alpha=a)) == pytest.approx((1 + a**2) / 2, abs=1e-9)


def test_derived_gains_equal_pytorchs_for_linear_relu_and_leaky_relu():
    """'For ReLU, E[ReLU(z)^2] = 1/2 and g = sqrt(2)'; 'Leaky ReLU with slope a keeps a^2 of the negative
    half, so g = sqrt(2/(1 + a^2))'; 'For the identity ..., ReLU and Leaky ReLU, PyTorch's gain is the one
    derived' (to the four decimals the example prints)."""
    derived = {
        ("linear", None): lambda z: z,
        ("relu", None): relu,
        ("leaky_relu", None): leaky_relu,
        ("leaky_relu", 0.2): lambda z: leaky_relu(z, alpha=0.2),
    }
    for (name, param), f in derived.items():
        assert 1 / np.sqrt(second_moment(f)) == pytest.approx(calculate_gain(name, param), abs=5e-5)
    assert calculate_gain("leaky_relu", 0.2) == pytest.approx(np.sqrt(2 / (1 + 0.2**2)), rel=1e-15)


def test_tanh_sigmoid_and_selu_gains_are_not_the_derived_ones():
    """tanh: 'The formula gives 1.5925; PyTorch's documentation lists 5/3 ~ 1.6667'. Sigmoid: 'The formula
    gives 1.8462, but E[sigma(z)^2] ~ 0.293 is mostly the square of the sigmoid's mean, 0.25'. SELU:
    'E[SELU(z)^2] = 1, so the formula gives 1, LeCun's initialisation'; PyTorch's is 3/4."""
    assert round(1 / np.sqrt(second_moment(tanh)), 4) == 1.5925
    assert round(calculate_gain("tanh"), 4) == 1.6667 and calculate_gain("tanh") == 5 / 3
    assert round(1 / np.sqrt(second_moment(sigmoid)), 4) == 1.8462
    assert round(second_moment(sigmoid), 3) == 0.293 and calculate_gain("sigmoid") == 1
    assert second_moment(sigmoid) - 0.25 < 0.05  # mostly the square of the mean 1/2
    assert second_moment(selu) == pytest.approx(1.0, abs=1e-6)
    assert calculate_gain("selu") == 0.75


def test_selu_is_mean_0_variance_1_for_a_standard_normal_input():
    """'SELU's constants are chosen so that a standard normal input gives an output of mean 0 and variance 1'."""
    z, dz = np.linspace(-12.0, 12.0, 240_001, retstep=True)
    density = np.exp(-(z**2) / 2) / np.sqrt(2 * np.pi)
    assert abs(np.sum(selu(z) * density) * dz) < 1e-6


# --- what each keeps constant ----------------------------------------------------------------------


def test_lecuns_scaled_sigmoid():
    """'1.7159 tanh(2x/3), which gives +-1 at x = +-1 ... (for a standard normal input it is 0.75)'."""
    f = lambda x: 1.7159 * np.tanh(2 * x / 3)  # noqa: E731
    assert f(1.0) == pytest.approx(1.0, abs=1e-5) and f(-1.0) == pytest.approx(-1.0, abs=1e-5)
    assert round(second_moment(f), 2) == 0.75


def test_xavier_is_one_over_the_mean_of_the_fans_and_its_uniform_form_has_that_variance():
    """'1 over the mean of the two fans'; 'a uniform distribution with that variance,
    U[-sqrt(6/(n_in + n_out)), ...]'."""
    for n_in, n_out in [(64, 64), (768, 3072), (3, 5)]:
        variance = 2 / (n_in + n_out)
        assert variance == pytest.approx(1 / ((n_in + n_out) / 2), rel=1e-15)
        bound = np.sqrt(6 / (n_in + n_out))
        assert bound**2 / 3 == pytest.approx(variance, rel=1e-15)  # the variance of U[-b, b] is b^2 / 3


@pytest.mark.parametrize("n_in, n_out", [(64, 64), (300, 100)])
def test_each_initialiser_draws_its_standard_deviation(n_in, n_out):
    """Xavier: gain * sqrt(2 / (fan_in + fan_out)); He: gain / sqrt(fan_in) (or fan_out), gain sqrt(2) by
    default; LeCun: 1 / sqrt(fan_in); shape (fan_in, fan_out), for h @ W. Same random numbers, scaled."""

    def normals():
        return np.random.default_rng(7).standard_normal((n_in, n_out))

    rng, close = np.random.default_rng, functools.partial(np.testing.assert_allclose, rtol=1e-15)
    np.testing.assert_array_equal(xavier_normal(n_in, n_out, rng=rng(7)), np.sqrt(2 / (n_in + n_out)) * normals())
    close(xavier_normal(n_in, n_out, gain=5 / 3, rng=rng(7)), 5 / 3 * np.sqrt(2 / (n_in + n_out)) * normals())
    close(he_normal(n_in, n_out, rng=rng(7)), np.sqrt(2 / n_in) * normals())
    close(he_normal(n_in, n_out, mode="fan_out", rng=rng(7)), np.sqrt(2 / n_out) * normals())
    close(lecun_normal(n_in, n_out, rng=rng(7)), np.sqrt(1 / n_in) * normals())
    assert xavier_normal(n_in, n_out).shape == he_normal(n_in, n_out).shape == (n_in, n_out)  # rng=None: a fresh one
    with pytest.raises(ValueError, match="mode"):
        he_normal(n_in, n_out, mode="fan_avg")


def test_he_doubles_lecuns_variance_because_relu_halves_the_second_moment():
    """'For a z symmetric around 0, that halves the second moment, so the weights need twice LeCun's variance'."""
    z = np.random.default_rng(0).standard_normal(1_000_000)
    assert np.mean(relu(z) ** 2) / np.mean(z**2) == pytest.approx(0.5, abs=0.002)
    assert np.std(he_normal(500, 500, rng=np.random.default_rng(1))) ** 2 == pytest.approx(2 / 500, rel=0.01)
    assert np.std(lecun_normal(500, 500, rng=np.random.default_rng(1))) ** 2 == pytest.approx(1 / 500, rel=0.01)


# --- the measurement ----------------------------------------------------------------------------


def test_the_network_is_the_vanishing_gradient_pages():
    """'The network is the one of the vanishing gradient page': the same layers, and for ReLU + He and
    tanh + Xavier the same weight scales (INIT_STD there), so the same forward pass as written there."""
    assert xavier_normal(64, 64, rng=np.random.default_rng(3)).std() == pytest.approx(
        INIT_STD["xavier"](64, 64) * np.random.default_rng(3).standard_normal((64, 64)).std(), rel=1e-15
    )
    assert he_normal(64, 64, rng=np.random.default_rng(3)).std() == pytest.approx(
        INIT_STD["he"](64, 64) * np.random.default_rng(3).standard_normal((64, 64)).std(), rel=1e-15
    )
    rng = np.random.default_rng(0)
    h, expected = rng.standard_normal((128, 64)), []
    for _ in range(24):
        h = relu(h @ (INIT_STD["he"](64, 64) * rng.standard_normal((64, 64))))
        expected.append(h.std())
    np.testing.assert_allclose(activation_stds(relu, he_normal), expected, rtol=1e-12)
    assert activation_stds(tanh, xavier_normal, depth=5, width=8, batch=4).shape == (5,)


def test_same_seed_same_numbers():
    np.testing.assert_array_equal(stds("tanh + xavier", seed=3), stds("tanh + xavier", seed=3))
    assert not np.array_equal(stds("tanh + xavier", seed=3), stds("tanh + xavier", seed=4))


def test_relu_numbers_on_the_page(page):
    """'With He initialisation the spread goes from 0.82 after the first layer to 0.54 after the 24th';
    Xavier: 'from 0.58 to 0.00013, more than 4000 times smaller'; 'its lowest value is 0.34'."""
    he, xavier = page["relu + he"], page["relu + xavier"]
    assert round(he[0], 2) == 0.82 and round(he[-1], 2) == 0.54 and round(he.min(), 2) == 0.34
    assert round(xavier[0], 2) == 0.58 and float(f"{xavier[-1]:.2g}") == 0.00013
    assert xavier[0] / xavier[-1] > 4000


@pytest.mark.parametrize("seed", SEEDS)
def test_relu_xavier_falls_by_sqrt_2_per_layer_and_he_stays_of_the_same_order(seed):
    """'every layer halves E[z^2]: the spread falls by a factor of sqrt(2) per layer'; the He line 'wanders
    ... but it stays of the same order, while Xavier's falls by orders of magnitude'."""
    xavier, he = stds("relu + xavier", seed), stds("relu + he", seed)
    per_layer = (xavier[0] / xavier[-1]) ** (1 / 23)
    assert per_layer == pytest.approx(np.sqrt(2), rel=0.04)
    assert he.max() / he.min() < 4 and 0.5 < he[-1] / he[0] < 2
    assert xavier[-1] / xavier[0] < 1e-3


def test_tanh_numbers_on_the_page(page):
    """'With gain 1 ..., the spread falls from 0.63 to 0.14'; 'With PyTorch's gain 5/3 the layer starts at 0.76
    and settles at 0.65 within a few layers'."""
    one, five_thirds = page["tanh + xavier"], page["tanh + xavier, gain 5/3"]
    assert round(one[0], 2) == 0.63 and round(one[-1], 2) == 0.14
    assert round(five_thirds[0], 2) == 0.76 and round(five_thirds[-1], 2) == 0.65
    assert np.all(np.abs(five_thirds[4:] - 0.65) < 0.025)


@pytest.mark.parametrize("seed", SEEDS)
def test_tanh_shrinks_with_gain_1_and_settles_with_5_3(seed):
    one, five_thirds = stds("tanh + xavier", seed), stds("tanh + xavier, gain 5/3", seed)
    assert np.all(np.diff(one) < 0.01) and one[-1] < 0.3 * one[0]
    assert np.all(np.abs(five_thirds[4:] - 0.65) < 0.04)


def test_tanh_variance_falls_like_one_over_2l():
    """'Near 0, tanh(z)^2 ~ z^2 - 2/3 z^4 ... the variance falls like 1/(2l)' (1/sqrt(2 * 24) ~ 0.14); with
    5/3 it settles at 0.65. Checked on the infinitely wide network: E[z^2] of the next layer is
    g^2 E[tanh(z)^2] with z of the current variance."""
    z = np.linspace(-0.1, 0.1, 201)
    assert np.all(np.abs(np.tanh(z) ** 2 - (z**2 - 2 / 3 * z**4)) <= z**6)

    def variances(gain, depth):
        q, found = 1.0, []
        for _ in range(depth):
            q = gain**2 * second_moment(lambda u, q=q: np.tanh(np.sqrt(q) * u))
            found.append(q)
        return np.array(found)

    q = variances(1.0, 200)
    assert q[23] * 2 * 24 == pytest.approx(1, rel=0.1) and q[199] * 2 * 200 == pytest.approx(1, rel=0.05)
    assert round(1 / np.sqrt(2 * 24), 2) == 0.14
    assert round(np.sqrt(variances(5 / 3, 24)[-1]) / (5 / 3), 2) == 0.65  # the std of tanh(z), not of z


def test_selu_numbers_on_the_page(page):
    """LeCun: '0.99 after the first layer, 0.97 after the last'; gain 3/4: 'it falls from 0.79 to 0.23'."""
    lecun, three_quarters = page["selu + lecun"], page["selu + he, gain 3/4"]
    assert round(lecun[0], 2) == 0.99 and round(lecun[-1], 2) == 0.97
    assert round(three_quarters[0], 2) == 0.79 and round(three_quarters[-1], 2) == 0.23


@pytest.mark.parametrize("seed", SEEDS)
def test_selu_stays_at_1_with_lecun_and_falls_with_3_4(seed):
    """'With LeCun initialisation the spread stays at 1'; with 3/4 'stable ... but not normalised'."""
    lecun, three_quarters = stds("selu + lecun", seed), stds("selu + he, gain 3/4", seed)
    assert np.all(np.abs(lecun - 1) < 0.15)
    assert 0.15 < three_quarters[-1] < 0.3 and np.all(three_quarters[8:] < 0.4)


# --- transformers ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def transformer():
    """The variables of the transformer example, run as the page runs it (seed 0)."""
    return runpy.run_module("snippets.examples.initialisation_transformer")


def test_xavier_for_bert_base_sizes():
    """'Xavier would give 1/sqrt(768) ~ 0.036 for a square matrix and sqrt(2/(768 + 3072)) ~ 0.023 for a
    feed-forward matrix: 0.02 is of the same order, a little smaller'."""
    assert round(1 / np.sqrt(768), 3) == 0.036 and round(np.sqrt(2 / (768 + 3072)), 3) == 0.023
    assert 0.5 < 0.02 / np.sqrt(2 / (768 + 3072)) < 1


def test_plain_stack_shrinks_by_about_0_307_per_block(transformer):
    """'Each block multiplies the scale by about 0.02 sqrt(768) 1/2 0.02 sqrt(3072) ~ 0.307 (GELU is close to
    x/2 for small x), so 12 blocks leave about 0.307^12 ~ 7e-7 of it; the example measures 8.6e-7'."""
    factor = 0.02 * np.sqrt(768) * 0.5 * 0.02 * np.sqrt(3072)
    assert round(factor, 3) == 0.307 and round(factor**12 * 1e7) == 7
    assert float(f"{transformer['plain'].std():.2g}") == 8.6e-7
    assert gelu(0.01) == pytest.approx(0.005, rel=0.01)


def test_layer_norm_gives_each_token_mean_0_and_variance_1(transformer):
    """'Every block reads LN(h), its input shifted and rescaled to mean 0 and variance 1 per token'."""
    h = 3.0 + 2.0 * np.random.default_rng(0).standard_normal((4, 768))
    normed = transformer["layer_norm"](h)
    np.testing.assert_allclose(normed.mean(axis=-1), 0, atol=1e-12)
    np.testing.assert_allclose(normed.var(axis=-1), 1, rtol=1e-5)  # eps = 1e-5 next to a variance of 4


def test_residual_stream_numbers_on_the_page(transformer):
    """'its spread is 1.00 in and 1.60 after 12 blocks'; with GPT-2's 1/sqrt(N), 'N = 12 and the spread
    after 12 blocks is 1.06'."""
    assert round(transformer["x"].std(), 2) == 1.00
    assert round(transformer["residual"].std(), 2) == 1.60
    assert round(transformer["scaled"].std(), 2) == 1.06 and transformer["blocks"] == 12


# --- frameworks -----------------------------------------------------------------------------------


def test_pytorch_linear_default_is_a_third_of_lecuns_variance():
    """'kaiming_uniform_(w, a=math.sqrt(5)), a gain of sqrt(2/(1 + 5)) = sqrt(1/3), which draws from
    U[-1/sqrt(n_in), 1/sqrt(n_in)] with variance 1/(3 n_in), a third of LeCun's' (the gain is PyTorch's)."""
    gain = stored("init/gain/leaky_relu(param=sqrt(5))")
    assert gain == pytest.approx(np.sqrt(1 / 3), rel=1e-15) and calculate_gain("leaky_relu", np.sqrt(5.0)) == gain
    n_in = 64
    bound = np.sqrt(3.0) * gain / np.sqrt(n_in)  # kaiming_uniform_: bound = sqrt(3) * std
    assert bound == pytest.approx(1 / np.sqrt(n_in), rel=1e-15)
    assert bound**2 / 3 == pytest.approx(1 / (3 * n_in), rel=1e-15)
