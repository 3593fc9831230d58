import numpy as np

from snippets.gelu import gelu, gelu_grad
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.silu import silu, silu_grad

# --8<-- [start:definitions]
# Gated linear units: x is split, or projected, into a gate and a linear half


def glu(x, axis=-1):
    # GLU(a, b) = a * sigmoid(b), with a and b the two halves of x along axis
    a, b, dtype = _halves(x, axis, "glu")
    return (a * sigmoid(b)).astype(dtype, copy=False)


def glu_vjp(x, g, axis=-1):
    # The gradient of sum(g * glu(x)) with respect to x: g * sigmoid(b) for the half a,
    # g * a * sigmoid'(b) for the half b
    a, b, dtype = _halves(x, axis, "glu_vjp")
    g = np.broadcast_to(_promote(g, "glu_vjp")[0], a.shape)  # g has the output's shape
    da = g * sigmoid(b)
    db = g * a * sigmoid_grad(b)
    return np.concatenate([da, db], axis=axis).astype(dtype, copy=False)


def swiglu_ffn(x, w1, w3, w2):
    # (silu(x w1) * (x w3)) w2, as LLaMA's feed-forward block w2(F.silu(w1(x)) * w3(x))
    return _gated_ffn(silu, x, w1, w3, w2, "swiglu_ffn")


def geglu_ffn(x, w1, w3, w2, approximate=False):
    # (gelu(x w1) * (x w3)) w2; approximate=True takes GELU's tanh form
    return _gated_ffn(lambda u: gelu(u, approximate), x, w1, w3, w2, "geglu_ffn")


def swiglu_ffn_vjp(x, w1, w3, w2, g):
    # The gradients of sum(g * swiglu_ffn(x, w1, w3, w2)): (dx, dw1, dw3, dw2)
    return _gated_ffn_vjp(silu, silu_grad, x, w1, w3, w2, g, "swiglu_ffn_vjp")


def geglu_ffn_vjp(x, w1, w3, w2, g, approximate=False):
    f, f_grad = (lambda u: gelu(u, approximate)), (lambda u: gelu_grad(u, approximate))
    return _gated_ffn_vjp(f, f_grad, x, w1, w3, w2, g, "geglu_ffn_vjp")


def _gated_ffn(f, x, w1, w3, w2, name):
    x, w1, w3, w2, dtype = _ffn_inputs(x, w1, w3, w2, name)
    return ((f(x @ w1) * (x @ w3)) @ w2).astype(dtype, copy=False)


def _gated_ffn_vjp(f, f_grad, x, w1, w3, w2, g, name):
    x, w1, w3, w2, dtype = _ffn_inputs(x, w1, w3, w2, name)
    u, v = x @ w1, x @ w3  # the gate's input and the linear half, (..., hidden)
    gate = f(u)
    g = np.broadcast_to(_promote(g, name)[0], (*u.shape[:-1], w2.shape[1]))  # g has the output's shape
    dh = g @ w2.T  # the gradient arriving at h = gate * v
    du = dh * v * f_grad(u)
    dv = dh * gate
    dx = du @ w1.T + dv @ w3.T
    # A weight is shared by every row of the batch: its gradient sums over all of them
    rows_x, rows_h, rows_g = (a.reshape(-1, a.shape[-1]) for a in (x, gate * v, g))
    dw1 = rows_x.T @ du.reshape(-1, du.shape[-1])
    dw3 = rows_x.T @ dv.reshape(-1, dv.shape[-1])
    dw2 = rows_h.T @ rows_g
    return tuple(d.astype(dtype, copy=False) for d in (dx, dw1, dw3, dw2))


def _ffn_inputs(x, w1, w3, w2, name):
    promoted = [_promote(a, name) for a in (x, w1, w3, w2)]
    x, w1, w3, w2 = (a for a, _ in promoted)
    dtype = np.result_type(*(d for _, d in promoted))  # float16 only if all four are float16
    if not (w1.ndim == w3.ndim == w2.ndim == 2 and w1.shape == w3.shape and w2.shape[0] == w1.shape[1]):
        raise ValueError(
            f"{name}() takes w1 and w3 of shape (d, hidden) and w2 of shape (hidden, d_out), "
            f"got {w1.shape}, {w3.shape} and {w2.shape}"
        )
    return x, w1, w3, w2, dtype


def _halves(x, axis, name):
    x, dtype = _promote(x, name)
    if x.ndim == 0 or x.shape[axis] % 2:
        raise ValueError(f"{name}() splits axis {axis} in two halves: its size must be even, got shape {x.shape}")
    a, b = np.split(x, 2, axis=axis)
    return a, b, dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
# --8<-- [end:definitions]
