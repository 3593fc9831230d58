import numpy as np


def elu(x, alpha=1.0):
    alpha = _check_alpha(alpha)
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)  # ints and bools give float64
    # expm1 is exact near 0; min(x, 0) keeps exp from overflowing in the unused branch
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def elu_grad(x, alpha=1.0):
    alpha = _check_alpha(alpha)
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    # alpha * exp(x) for x <= 0, so alpha at the kink, as PyTorch autograd does
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0))).astype(x.dtype)


def _check_alpha(alpha):
    if not 0 <= alpha < np.inf:  # NaN fails too
        raise ValueError(f"alpha must be a finite number >= 0, got {alpha!r}")
    return float(alpha)  # a Python float keeps float16 and float32 inputs in their dtype
