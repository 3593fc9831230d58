import numpy as np


def leaky_relu(x, alpha=0.01):
    alpha = _check_alpha(alpha)
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)  # ints and bools give float64
    return np.maximum(x, alpha * x)  # for 0 <= alpha <= 1; NaN stays NaN


def leaky_relu_grad(x, alpha=0.01):
    alpha = _check_alpha(alpha)
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    # alpha at the kink x = 0, as PyTorch autograd does; NaN stays NaN
    return np.where(x > 0, 1.0, np.where(np.isnan(x), x, alpha)).astype(x.dtype)


def _check_alpha(alpha):
    if not 0 <= alpha <= 1:  # NaN fails too
        raise ValueError(f"alpha must be between 0 and 1, got {alpha!r}")
    return float(alpha)  # a Python float keeps float16 and float32 inputs in their dtype
