import numpy as np

from snippets.softmax import _promote, softmax  # on the page: the softmax page's code, above

# --8<-- [start:softmax2d]


def softmax2d(x):
    x, dtype = _promote(x, "softmax2d")
    _check_image(x, "softmax2d")
    return softmax(x, axis=-3).astype(dtype, copy=False)  # over the channels, at each pixel


def softmax2d_vjp(x, g):
    # The gradient at x of a loss whose gradient at y = softmax2d(x) is g: y * (g - sum_c g_c * y_c)
    x, dtype = _promote(x, "softmax2d_vjp")
    g, _ = _promote(g, "softmax2d_vjp")
    _check_image(x, "softmax2d_vjp")
    if g.shape != x.shape:
        raise ValueError(f"softmax2d_vjp() takes g of the shape of x, {x.shape}, got {g.shape}")
    y = softmax(x, axis=-3)
    return (y * (g - np.sum(g * y, axis=-3, keepdims=True))).astype(dtype, copy=False)


def _check_image(x, name):
    if x.ndim not in (3, 4):  # (channels, height, width) or (batch, channels, height, width)
        raise ValueError(f"{name}() takes a 3-D (C, H, W) or 4-D (N, C, H, W) array, got shape {x.shape}")


# --8<-- [end:softmax2d]
