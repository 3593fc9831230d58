"""Claims of the softmax and its loss page (docs/en/softmax-loss.md and its Japanese twin).

Each test names the sentence it backs. PyTorch's losses and their gradients with respect to the
logits are stored in tests/reference/pytorch.npz (keys losses/...), written by
`python -m tests.reference.make_pytorch_reference`. Warnings are errors (pyproject.toml), so every
call here also checks "no warning".
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.losses import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    cross_entropy,
    cross_entropy_grad,
)
from snippets.sigmoid import sigmoid
from snippets.softmax import log_softmax, softmax
from snippets.softplus import softplus
from test_against_pytorch import stored
from tests.reference.make_pytorch_reference import loss_inputs

FLOATS = [np.float16, np.float32, np.float64]
BCE, BCE_GRAD = binary_cross_entropy_with_logits, binary_cross_entropy_with_logits_grad


def central_grad(f, x, h=1e-6):
    out = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        out[i] = (f(x + e) - f(x - e)) / (2 * h)
    return out


# --- temperature and argmax -------------------------------------------------------------------


def test_temperature_sharpens_and_flattens():
    """"T = 1 is the softmax itself. A temperature below 1 sharpens the distribution: as T -> 0 all the
    probability goes to the largest logit. A temperature above 1 flattens it: as T -> inf every class gets
    1/n"; the figure: "at T = 0.5 the first class gets 0.864"."""
    x = np.array([2.0, 1.0, 0.1])
    np.testing.assert_array_equal(softmax(x / 1.0), softmax(x))
    tops = [softmax(x / t)[0] for t in (0.01, 0.5, 1.0, 2.0, 5.0, 1e6)]
    assert all(a > b for a, b in zip(tops, tops[1:], strict=False))  # flatter as T grows
    np.testing.assert_allclose(softmax(x / 0.01), [1.0, 0.0, 0.0], atol=1e-35)
    np.testing.assert_allclose(softmax(x / 1e6), 1 / 3, rtol=1e-5)
    assert round(softmax(x / 0.5)[0], 3) == 0.864


def test_argmax_is_unchanged():
    """"The ratio of two outputs depends only on the difference of their logits"; "argmax softmax(x) = argmax x,
    at any temperature"."""
    rng = np.random.default_rng(0)
    x = rng.normal(scale=5.0, size=(2000, 10))
    for t in (0.1, 1.0, 7.0):
        np.testing.assert_array_equal(np.argmax(softmax(x / t), axis=-1), np.argmax(x, axis=-1))
    y = softmax(x[0])
    np.testing.assert_allclose(y[:, None] / y[None, :], np.exp(x[0][:, None] - x[0][None, :]), rtol=1e-12)


# --- cross-entropy ----------------------------------------------------------------------------


def test_cross_entropy_formula():
    """L = -log softmax(x)_k = -x_k + m + log sum_j e^(x_j - m), averaged over the batch; "the result is at least 0"."""
    rng = np.random.default_rng(1)
    x, labels = rng.normal(scale=4.0, size=(7, 5)), rng.integers(0, 5, size=7)
    m = x.max(axis=-1)
    per_example = -x[np.arange(7), labels] + m + np.log(np.exp(x - m[:, None]).sum(axis=-1))
    np.testing.assert_allclose(cross_entropy(x, labels), per_example.mean(), rtol=1e-14)
    np.testing.assert_allclose(per_example, -np.log(softmax(x)[np.arange(7), labels]), rtol=1e-12)
    assert cross_entropy(x, labels) >= 0 and cross_entropy(np.array([[50.0, 0.0]]), np.array([0])) >= 0


def test_reference_inputs_are_the_scripts():
    for key, value in loss_inputs().items():
        np.testing.assert_array_equal(stored(f"losses/{key}"), value, err_msg=f"losses/{key}: run the reference script")


def test_cross_entropy_agrees_with_pytorch():
    """"for a batch, (N, C) and (N,), as F.cross_entropy takes them"; the mean as PyTorch's reduction="mean";
    its gradient, with a logit of 1e4 in the batch."""
    logits, labels = stored("losses/cross_entropy/logits"), stored("losses/cross_entropy/labels")
    np.testing.assert_allclose(cross_entropy(logits, labels), stored("losses/cross_entropy/float64"), rtol=1e-14)
    mine32 = cross_entropy(logits.astype(np.float32), labels)
    assert mine32.dtype == np.float32
    np.testing.assert_allclose(mine32, stored("losses/cross_entropy/float32"), rtol=1e-6)
    grad = cross_entropy_grad(logits, labels)
    np.testing.assert_allclose(grad, stored("losses/cross_entropy/grad"), rtol=1e-12, atol=1e-17)


def test_binary_cross_entropy_agrees_with_pytorch():
    """"averages over all entries, as F.binary_cross_entropy_with_logits does"; hard and soft targets, +-40, +-1e4."""
    s, t = stored("losses/bce/logits"), stored("losses/bce/targets")
    np.testing.assert_allclose(BCE(s, t), stored("losses/bce/float64"), rtol=1e-14)
    mine32 = BCE(s.astype(np.float32), t.astype(np.float32))
    assert mine32.dtype == np.float32
    np.testing.assert_allclose(mine32, stored("losses/bce/float32"), rtol=1e-6)
    np.testing.assert_allclose(BCE_GRAD(s, t), stored("losses/bce/grad"), rtol=1e-12, atol=1e-17)


@pytest.mark.parametrize("dtype", FLOATS)
def test_nothing_overflows(dtype):
    """"Every exponent is at most 0, so nothing overflows"; "it is finite whenever the true mean is: the result is
    inf only when the loss itself is beyond the dtype's largest number"; softplus: "each term is at most about |s|:
    nothing overflows". With +-1e4 (not in float16) and the largest finite numbers, silently."""
    big = np.finfo(dtype).max
    x = np.array([[big, -big, 0.0], [big, 0.0, -big], [0.0, big, big]], dtype=dtype)
    np.testing.assert_allclose(cross_entropy(x, np.array([0, 0, 1])), np.log(2) / 3, rtol=1e-3)  # 0, 0 and log 2
    assert cross_entropy(x[:2], np.array([2, 1])) == big  # losses big and big: their mean is big, not inf
    assert cross_entropy(x[:1], np.array([1])) == np.inf  # the loss is 2 * big: beyond the dtype
    np.testing.assert_allclose(cross_entropy_grad(x[:2], np.array([2, 1])), [[0.5, 0, -0.5], [0.5, -0.5, 0]])
    s = np.array([big, -big, big, -big], dtype=dtype)
    assert BCE(s, np.array([1.0, 0.0, 0.5, 0.5], dtype=dtype)) == dtype(big / 4)  # 0, 0, big / 2, big / 2
    assert BCE(s[:2], np.array([0.0, 1.0], dtype=dtype)) == big
    np.testing.assert_array_equal(BCE_GRAD(s, np.array([1, 0, 1, 0], dtype=dtype)), [0, 0, 0, 0])
    if dtype != np.float16:
        x4 = np.array([[1e4, -1e4], [-1e4, 1e4]], dtype=dtype)
        assert cross_entropy(x4, np.array([0, 0])) == dtype(1e4)  # (0 + 2e4) / 2
        assert BCE(np.array([1e4, -1e4], dtype=dtype), np.array([0.0, 0.0], dtype=dtype)) == dtype(5e3)


def test_the_examples_confident_wrong_answers():
    """Example: "the loss is about the margin, 1e4, and nothing overflows", and a logit of 1e308 against -1e308."""
    assert cross_entropy(np.array([[0.0, 1e4]]), np.array([0])) == 1e4
    assert cross_entropy(np.array([[1e308, -1e308, 0.0]]), np.array([2])) == 1e308


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_float16_and_float32_are_computed_in_float32_and_rounded_once(dtype):
    """"`float16` and `float32` logits give a loss of the same dtype, computed in `float32` and rounded once"."""
    rng = np.random.default_rng(2)
    x, labels = rng.normal(scale=3.0, size=(2000, 4)).astype(dtype), rng.integers(0, 4, size=2000)
    s, t = x[:, 0], (x[:, 1] > 0).astype(dtype)
    assert cross_entropy(x, labels).dtype == BCE(s, t).dtype == dtype
    assert cross_entropy_grad(x, labels).dtype == BCE_GRAD(s, t).dtype == dtype
    assert cross_entropy(x, labels) == cross_entropy(x.astype(np.float32), labels).astype(dtype)
    assert BCE(s, t) == BCE(s.astype(np.float32), t.astype(np.float32)).astype(dtype)
    in_float32 = cross_entropy_grad(x.astype(np.float32), labels)
    np.testing.assert_array_equal(cross_entropy_grad(x, labels), in_float32.astype(dtype))
    np.testing.assert_array_equal(BCE_GRAD(s, t), BCE_GRAD(s.astype(np.float32), t.astype(np.float32)).astype(dtype))
    x16 = np.array([[60000.0, -60000.0]], dtype=np.float16)  # the loss, 120000, is beyond float16
    assert cross_entropy(x16, np.array([1])) == np.inf and cross_entropy(x16, np.array([0])) == 0


def test_labels_are_checked():
    """"A label outside `0` to `C - 1` raises `IndexError`, including PyTorch's `-100`"; integer labels of
    shape `(...)` for logits of shape `(..., classes)`."""
    x = np.zeros((2, 3))
    for bad in ([0, 3], [-1, 0], [-100, 1]):
        with pytest.raises(IndexError, match=r"^cross_entropy\(\): label -?\d+ is not a class of 0 to 2$"):
            cross_entropy(x, np.array(bad))
    with pytest.raises(TypeError, match="integer class labels"):
        cross_entropy(x, np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="logits of shape"):
        cross_entropy(x, np.array([0, 1, 2]))
    with pytest.raises(ValueError, match="targets of the logits' shape"):
        BCE(np.zeros(3), np.zeros(2))
    assert cross_entropy(np.array([0.0, 0.0]), np.array(1)) == np.log(2)  # one example: logits (C,), label ()
    assert cross_entropy(np.zeros((2, 3, 4)), np.zeros((2, 3), int)) == np.log(4)  # classes along the last axis


def test_an_empty_batch_gives_nan():
    """"An empty batch gives `nan`, as in PyTorch"."""
    assert np.isnan(cross_entropy(np.zeros((0, 3)), np.zeros(0, int)))
    assert np.isnan(BCE(np.zeros(0), np.zeros(0)))
    assert cross_entropy_grad(np.zeros((0, 3)), np.zeros(0, int)).shape == (0, 3)


def test_pytorch_ignore_index_and_empty_batch():
    """"PyTorch leaves out every example whose label is -100 and averages over the others"; its empty batch."""
    torch = pytest.importorskip("torch", reason="a claim about PyTorch itself; pip install torch to check it")
    F = torch.nn.functional
    x = torch.tensor([[1.0, 2.0, 0.0], [5.0, 0.0, 0.0]], dtype=torch.float64)
    ignoring = F.cross_entropy(x, torch.tensor([0, -100])).item()
    assert ignoring == pytest.approx(cross_entropy(x.numpy()[:1], np.array([0])))
    assert np.isnan(F.cross_entropy(torch.zeros(0, 3, dtype=torch.float64), torch.zeros(0, dtype=torch.long)).item())


# --- binary cross-entropy ---------------------------------------------------------------------


def test_binary_cross_entropy_via_softplus():
    """"-log sigma(s) = softplus(-s) and -log(1 - sigma(s)) = softplus(s)"; L = t softplus(-s) + (1 - t) softplus(s)."""
    s = np.linspace(-8.0, 8.0, 41)
    np.testing.assert_allclose(-np.log(sigmoid(s)), softplus(-s), rtol=1e-12)
    np.testing.assert_allclose(-np.log(1 - sigmoid(s)), softplus(s), rtol=1e-9)
    for t in (0.0, 0.3, 1.0):
        targets = np.full_like(s, t)
        each = [BCE(s[i : i + 1], targets[i : i + 1]) for i in range(len(s))]
        log_form = -t * np.log(sigmoid(s)) - (1 - t) * np.log(1 - sigmoid(s))
        np.testing.assert_allclose(each, log_form, rtol=1e-9)
        np.testing.assert_allclose(BCE(s, targets), np.mean(t * softplus(-s) + (1 - t) * softplus(s)), rtol=1e-14)


def test_binary_cross_entropy_keeps_its_relative_precision():
    """"For a target of 0 or 1, only one term remains, and it keeps its relative precision: softplus(-40) = e^-40,
    not 0"; the example prints 4.248354255291589e-18."""
    for s, t in [(40.0, 1.0), (-40.0, 0.0), (700.0, 1.0)]:
        np.testing.assert_allclose(BCE(np.array([s]), np.array([t])), np.exp(-abs(s)), rtol=1e-15)
    assert BCE(np.array([40.0]), np.array([1.0])) == 4.248354255291589e-18


def test_pytorch_cancels_for_a_target_of_0_and_a_logit_of_minus_40():
    """"For t = 0 and s = -40 that cancels to exactly 0 in PyTorch 2.13.0, where the loss is e^-40, about
    4.2e-18; `binary_cross_entropy_with_logits` here gives 4.2e-18"."""
    torch = pytest.importorskip("torch", reason="a claim about PyTorch itself; pip install torch to check it")
    s, t = torch.tensor([-40.0], dtype=torch.float64), torch.tensor([0.0], dtype=torch.float64)
    assert torch.nn.functional.binary_cross_entropy_with_logits(s, t).item() == 0.0
    assert f"{BCE(s.numpy(), t.numpy()):.1e}" == "4.2e-18"


def test_infinite_logits_give_the_limits_silently():
    """"An infinite logit gives the limit, silently: 0 when it points to the target, inf when it points away"."""
    assert BCE(np.array([np.inf, -np.inf]), np.array([1.0, 0.0])) == 0
    assert BCE(np.array([np.inf]), np.array([0.0])) == np.inf and BCE(np.array([-np.inf]), np.array([1.0])) == np.inf
    np.testing.assert_array_equal(BCE_GRAD(np.array([np.inf, -np.inf]), np.array([1.0, 1.0])), [0.0, -0.5])


# --- the sigmoid as a softmax over two logits -------------------------------------------------


def test_sigmoid_is_a_softmax_over_two_logits():
    """softmax(x1, x2)_1 = sigma(x1 - x2); "the two logits (s, 0) give the same probabilities, and the cross-entropy
    over them is the binary cross-entropy of s with the target 1 for the first class"."""
    rng = np.random.default_rng(3)
    x = rng.normal(scale=6.0, size=(100, 2))
    np.testing.assert_allclose(softmax(x)[:, 0], sigmoid(x[:, 0] - x[:, 1]), rtol=1e-12, atol=1e-300)
    s, t = x[:, 0], (x[:, 1] > 0).astype(float)
    two = np.stack([s, np.zeros_like(s)], axis=-1)
    np.testing.assert_allclose(cross_entropy(two, (1 - t).astype(int)), BCE(s, t), rtol=1e-13)


# --- gradients --------------------------------------------------------------------------------


def test_gradients_are_output_minus_target_over_n():
    """dL/dx_nj = (softmax(x_n)_j - t_nj) / N and dL/ds_n = (sigma(s_n) - t_n) / N, against central differences."""
    rng = np.random.default_rng(4)
    x, labels = rng.normal(size=(4, 3)), np.array([0, 2, 1, 2])
    grad = cross_entropy_grad(x, labels)
    np.testing.assert_allclose(grad, (softmax(x) - np.eye(3)[labels]) / 4, rtol=1e-14, atol=1e-17)
    np.testing.assert_allclose(grad, central_grad(lambda v: cross_entropy(v, labels), x), atol=1e-9)
    s, t = rng.normal(size=5), np.array([1.0, 0.0, 0.3, 1.0, 0.0])
    np.testing.assert_allclose(BCE_GRAD(s, t), (sigmoid(s) - t) / 5, rtol=1e-14)
    np.testing.assert_allclose(BCE_GRAD(s, t), central_grad(lambda v: BCE(v, t), s), atol=1e-9)


def test_gradients_are_bounded_and_full_when_wrong():
    """"Each entry lies between -1/N and 1/N: a confident, wrong answer gets the largest gradient, not an overflow
    and not a zero"; the example prints [[-1. 1.]]."""
    rng = np.random.default_rng(5)
    x, labels = rng.normal(scale=50.0, size=(8, 6)), rng.integers(0, 6, size=8)
    assert np.all(np.abs(cross_entropy_grad(x, labels)) <= 1 / 8)
    np.testing.assert_array_equal(cross_entropy_grad(np.array([[0.0, 1e4]]), np.array([0])), [[-1.0, 1.0]])
    np.testing.assert_array_equal(BCE_GRAD(np.array([-1e4, 1e4]), np.array([1.0, 0.0])), [-0.5, 0.5])


# --- framework losses and pitfalls ------------------------------------------------------------


def test_keras_clipping_caps_the_loss():
    """"Keras clips each probability to [1e-7, 1 - 1e-7] ... so a loss is never above 16.118 and the clipped
    examples get no gradient"; pitfall: "caps the loss at -log 1e-7 ~ 16.118"; "From the logits, the loss is 800"."""
    def keras_loss(p):
        return -np.log(np.clip(p, 1e-7, 1 - 1e-7))

    assert round(keras_loss(0.0), 3) == 16.118 and keras_loss(1e-300) == keras_loss(0.0)
    assert (keras_loss(1e-9 + 1e-12) - keras_loss(1e-9)) == 0  # no gradient below the clip
    p = softmax(np.array([0.0, 800.0]))
    assert p[0] == 0.0
    assert cross_entropy(np.array([[0.0, 800.0]]), np.array([0])) == 800.0


def test_softmax_twice_never_reaches_zero():
    """Pitfall "Softmax twice": "with three classes, a perfect probability vector (1, 0, 0) passed as logits gives
    log(1 + 2/e) ~ 0.5514", the least it can be."""
    assert round(np.log(1 + 2 / np.e), 4) == 0.5514
    perfect = cross_entropy(np.array([[1.0, 0.0, 0.0]]), np.array([0]))
    np.testing.assert_allclose(perfect, np.log(1 + 2 / np.e), rtol=1e-15)
    rng = np.random.default_rng(6)
    probabilities = softmax(rng.normal(scale=20.0, size=(1000, 3)))
    losses = -log_softmax(probabilities)[np.arange(1000), np.argmax(probabilities, axis=-1)]
    assert losses.min() >= np.log(1 + 2 / np.e) - 1e-12
