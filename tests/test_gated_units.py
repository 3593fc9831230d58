"""Claims of the gated linear units page (docs/en/gated-units.md and its Japanese twin).

Each test names the sentence it backs. PyTorch's values and autograd gradients are stored in
tests/reference/pytorch.npz (keys gated/...), written by `python -m tests.reference.make_pytorch_reference`.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.gelu import gelu
from snippets.glu import geglu_ffn, geglu_ffn_vjp, glu, glu_vjp, swiglu_ffn, swiglu_ffn_vjp
from snippets.sigmoid import sigmoid
from snippets.silu import silu
from test_against_pytorch import stored
from tests.reference.make_pytorch_reference import FFN_BLOCKS, GLU_DIMS, gated_inputs

FLOATS = [np.float16, np.float32, np.float64]
BLOCKS = {  # reference key: (block, its vjp, keyword arguments)
    "swiglu": (swiglu_ffn, swiglu_ffn_vjp, {}),
    "geglu": (geglu_ffn, geglu_ffn_vjp, {}),
    "geglu_tanh": (geglu_ffn, geglu_ffn_vjp, {"approximate": True}),
}


def central_vjp(f, x, g, h=1e-6):
    """g^T J of f at x, from the Jacobian J by central differences, one column per entry of x."""
    out = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        out[i] = np.sum(g * (f(x + e) - f(x - e))) / (2 * h)
    return out


def block_inputs(seed=0, tokens=(2, 3), d=5, hidden=7, d_out=4):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(*tokens, d))
    w1, w3 = rng.normal(scale=d**-0.5, size=(2, d, hidden))
    w2 = rng.normal(scale=hidden**-0.5, size=(hidden, d_out))
    return x, w1, w3, w2, rng.normal(size=(*tokens, d_out))


# --- values and gradients: PyTorch's ---------------------------------------------------------


def test_reference_inputs_are_the_scripts():
    for key, value in gated_inputs().items():
        np.testing.assert_array_equal(stored(f"gated/{key}"), value, err_msg=f"gated/{key}: run the reference script")
    assert set(BLOCKS) == set(FFN_BLOCKS)


@pytest.mark.parametrize("dim", GLU_DIMS)
def test_glu_agrees_with_torch_glu(dim):
    """"the first half is the one that passes, as in `torch.nn.functional.glu`"; "All of them agree with
    PyTorch's `F.glu` ... in values and in autograd's gradients"."""
    x, g = stored("gated/glu/x"), stored(f"gated/glu/dim={dim}/g")
    np.testing.assert_allclose(glu(x, axis=dim), stored(f"gated/glu/dim={dim}/value"), rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(glu_vjp(x, g, axis=dim), stored(f"gated/glu/dim={dim}/grad"), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("block", BLOCKS)
def test_gated_blocks_agree_with_llama_written_in_torch(block):
    """"All of them agree ... with a block written as LLaMA writes it, in values and in autograd's gradients";
    "`approximate=True` takes GELU's tanh form"; the `_vjp` functions "return the gradients for `x`, `w1`,
    `w3` and `w2`, in that order"."""
    f, vjp, kwargs = BLOCKS[block]
    x, w1, w3, w2, g = (stored(f"gated/ffn/{name}") for name in ("x", "w1", "w3", "w2", "g"))
    np.testing.assert_allclose(f(x, w1, w3, w2, **kwargs), stored(f"gated/{block}/value"), rtol=1e-12, atol=1e-14)
    for name, mine in zip(["grad_x", "grad_w1", "grad_w3", "grad_w2"], vjp(x, w1, w3, w2, g, **kwargs), strict=True):
        np.testing.assert_allclose(mine, stored(f"gated/{block}/{name}"), rtol=1e-12, atol=1e-14, err_msg=name)


# --- the formulas ----------------------------------------------------------------------------


def test_glu_formula():
    """"GLU splits its input x in two halves, a and b, and lets sigma(b) decide how much of each entry of a passes"."""
    x = np.random.default_rng(1).normal(size=(3, 8))
    np.testing.assert_array_equal(glu(x), x[:, :4] * sigmoid(x[:, 4:]))
    np.testing.assert_allclose(glu(x.T, axis=0), glu(x).T, rtol=1e-15)


def test_gated_block_formulas():
    """FFN_SwiGLU(x) = (SiLU(x W1) * x W3) W2 and FFN_GEGLU(x) = (GELU(x W1) * x W3) W2, without biases."""
    x, w1, w3, w2, _ = block_inputs()
    np.testing.assert_allclose(swiglu_ffn(x, w1, w3, w2), (silu(x @ w1) * (x @ w3)) @ w2, rtol=1e-14)
    np.testing.assert_allclose(geglu_ffn(x, w1, w3, w2), (gelu(x @ w1) * (x @ w3)) @ w2, rtol=1e-14)


@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_glu_vjp_is_the_vector_jacobian_product(axis):
    """"it multiplies the gradient g arriving from the output side by it, which is the vector-Jacobian product"."""
    rng = np.random.default_rng(2)
    x = rng.normal(size=(4, 6))
    g = rng.normal(size=glu(x, axis=axis).shape)
    np.testing.assert_allclose(glu_vjp(x, g, axis=axis), central_vjp(lambda t: glu(t, axis=axis), x, g), atol=1e-8)


@pytest.mark.parametrize("block", BLOCKS)
def test_block_vjps_are_vector_jacobian_products(block):
    """The gradient "goes back through each step": dL/dx, dL/dW1, dL/dW3 and dL/dW2 as on the page."""
    f, vjp, kwargs = BLOCKS[block]
    x, w1, w3, w2, g = block_inputs(seed=3)
    dx, dw1, dw3, dw2 = vjp(x, w1, w3, w2, g, **kwargs)
    np.testing.assert_allclose(dx, central_vjp(lambda t: f(t, w1, w3, w2, **kwargs), x, g), atol=1e-8)
    np.testing.assert_allclose(dw1, central_vjp(lambda t: f(x, t, w3, w2, **kwargs), w1, g), atol=1e-8)
    np.testing.assert_allclose(dw3, central_vjp(lambda t: f(x, w1, t, w2, **kwargs), w3, g), atol=1e-8)
    np.testing.assert_allclose(dw2, central_vjp(lambda t: f(x, w1, w3, t, **kwargs), w2, g), atol=1e-8)


def test_weight_gradients_add_up_the_tokens():
    """"With one token per row of x, the products x^T delta add up the contributions of all tokens, because
    every token uses the same weights"."""
    x, w1, w3, w2, g = block_inputs(seed=4)
    whole = swiglu_ffn_vjp(x, w1, w3, w2, g)[1:]
    per_token = [swiglu_ffn_vjp(x[i, j], w1, w3, w2, g[i, j])[1:] for i in range(2) for j in range(3)]
    for total, parts in zip(whole, zip(*per_token, strict=True), strict=True):
        np.testing.assert_allclose(total, np.sum(parts, axis=0), rtol=1e-12, atol=1e-15)
    assert swiglu_ffn_vjp(x[0, 0], w1, w3, w2, g[0, 0])[0].shape == (5,)  # one token: a vector


# --- why the hidden size is 2/3 of 4d --------------------------------------------------------


def test_hidden_size_keeps_the_weights():
    """"2 d 4d = 3 d d_ff => d_ff = 8/3 d = 2/3 4d"; "with d = 768, the two-matrix blocks have 3072 hidden
    units and the gated ones 2048"; LLaMA 7B: "11008 instead of 16384, and the block has 0.78 % more weights"."""
    for d in (768, 12288):  # d a multiple of 3: d_ff = 8d/3 exactly
        assert 2 * d * (4 * d) == 3 * d * (8 * d // 3) == 3 * d * (2 * (4 * d) // 3)
    assert 4 * 768 == 3072 and 3072 * 2 // 3 == 2048 and 2 * 768 * 3072 == 3 * 768 * 2048
    d = 4096
    hidden = int(2 * (4 * d) / 3)
    hidden = 256 * ((hidden + 256 - 1) // 256)
    assert (hidden, 4 * d) == (11008, 16384)
    assert round(100 * (3 * d * hidden / (2 * d * 4 * d) - 1), 2) == 0.78


# --- the implementation paragraph -------------------------------------------------------------


@pytest.mark.parametrize("shape, axis", [((3,), -1), ((4, 5), 1), ((5, 4), 0), ((), -1)])
def test_glu_needs_an_even_axis(shape, axis):
    """"`glu(x, axis=-1)` splits `x` along `axis`, which must have an even size (otherwise `ValueError`...)"."""
    with pytest.raises(ValueError, match=r"^glu\(\) splits axis .* its size must be even"):
        glu(np.ones(shape), axis=axis)
    with pytest.raises(ValueError, match=r"^glu_vjp\(\)"):
        glu_vjp(np.ones(shape), 1.0, axis=axis)


def test_pytorch_glu_raises_runtime_error_on_an_odd_axis():
    """"...; PyTorch raises `RuntimeError`"."""
    torch = pytest.importorskip("torch", reason="a claim about PyTorch itself; pip install torch to check it")
    with pytest.raises(RuntimeError, match="Halving dimension must be even"):
        torch.nn.functional.glu(torch.ones(3))


def test_block_shapes_are_checked():
    """`w1` and `w3` "of shape (d, hidden)" and `w2` "of shape (hidden, d_out)"."""
    x, w1, w3, w2, _ = block_inputs()
    assert swiglu_ffn(x, w1, w3, w2).shape == (2, 3, 4)
    for bad in [(w1, w3[:, :6], w2), (w1, w3, w2[:6]), (w1[None], w3[None], w2)]:
        with pytest.raises(ValueError, match=r"^swiglu_ffn\(\) takes w1 and w3 of shape \(d, hidden\)"):
            swiglu_ffn(x, *bad)


@pytest.mark.parametrize("dtype", FLOATS)
def test_dtypes_are_kept(dtype):
    """"Inputs keep their float dtype, `float16` computed in `float32`"."""
    x, w1, w3, w2, g = (a.astype(dtype) for a in block_inputs())
    halves = x[..., :4]  # an even last axis
    assert glu(halves).dtype == glu_vjp(halves, np.ones(glu(halves).shape, dtype)).dtype == dtype
    assert swiglu_ffn(x, w1, w3, w2).dtype == geglu_ffn(x, w1, w3, w2).dtype == dtype
    assert all(d.dtype == dtype for d in swiglu_ffn_vjp(x, w1, w3, w2, g))
    if dtype == np.float16:  # rounded once from the float32 result
        in_float32 = swiglu_ffn(*(a.astype(np.float32) for a in (x, w1, w3, w2)))
        np.testing.assert_array_equal(swiglu_ffn(x, w1, w3, w2), in_float32.astype(np.float16))
        np.testing.assert_array_equal(glu(halves), glu(halves.astype(np.float32)).astype(np.float16))


@pytest.mark.parametrize("bad", ["text", None, np.array([1 + 2j, 3j]), np.ma.masked_array([1.0, 2.0])], ids=repr)
def test_anything_but_real_numbers_is_a_type_error(bad):
    """"anything but real numbers raises `TypeError`"."""
    with pytest.raises(TypeError, match=r"^glu\(\) takes real numbers"):
        glu(bad)
    x, w1, w3, w2, _ = block_inputs()
    with pytest.raises(TypeError, match=r"^swiglu_ffn\(\) takes real numbers"):
        swiglu_ffn(x, w1, bad, w2)


# --- the pitfall ------------------------------------------------------------------------------


def test_which_half_is_the_gate():
    """Pitfall: "swapping them gives another function, and so does swapping W1 and W3 in a SwiGLU block. Code
    that fuses W3 and W1 into one matrix ... computes the same block only if it splits the result in the order
    the weights were stored"."""
    x, w1, w3, w2, _ = block_inputs(seed=5)
    assert not np.allclose(glu(x[..., :4]), glu(np.concatenate([x[..., 2:4], x[..., :2]], axis=-1)))
    assert not np.allclose(swiglu_ffn(x, w1, w3, w2), swiglu_ffn(x, w3, w1, w2))
    a, b = np.split(x @ np.concatenate([w3, w1], axis=1), 2, axis=-1)
    np.testing.assert_allclose((a * silu(b)) @ w2, swiglu_ffn(x, w1, w3, w2), rtol=1e-13)
    b, a = np.split(x @ np.concatenate([w3, w1], axis=1), 2, axis=-1)  # read the other way round
    assert not np.allclose((a * silu(b)) @ w2, swiglu_ffn(x, w1, w3, w2))


def test_the_gates_of_the_figure():
    """Figure: "the sigmoid of GLU rises from 0 to 1 and is 0.5 at u = 0; SiLU and GELU are close to 0 for
    negative u, dip slightly below 0, and approach the line y = u for positive u"."""
    u = np.linspace(-4.0, 4.0, 161)
    assert sigmoid(0.0) == 0.5 and np.all(np.diff(sigmoid(u)) > 0)
    for f in (silu, gelu):
        assert -0.3 < f(u).min() < 0 and abs(f(-4.0)) < 0.1 and abs(f(4.0) - 4.0) < 0.1
