import numpy as np


def leaky_relu(x, alpha=0.01):
    alpha = _check_leaky_alpha(alpha)
    x, dtype = _promote(x, "leaky_relu")
    if alpha == 0:  # ReLU: alpha * x would be 0 * -inf = NaN at -inf
        return np.maximum(x, 0.0).astype(dtype, copy=False)
    y = np.multiply(x, alpha, out=np.empty_like(x))  # a new array, then in place
    np.maximum(y, x, out=y)  # max(alpha * x, x), for 0 <= alpha <= 1; NaN stays NaN
    return y.astype(dtype, copy=False)


def leaky_relu_grad(x, alpha=0.01):
    alpha = _check_leaky_alpha(alpha)
    x, dtype = _promote(x, "leaky_relu_grad")
    # max(sign(x), alpha): 1 for x > 0, alpha for x <= 0 since 0 <= alpha <= 1 (alpha at the
    # kink, as PyTorch autograd does); NaN stays NaN
    y = np.sign(x, out=np.empty_like(x))
    np.maximum(y, alpha, out=y)
    return y.astype(dtype, copy=False)


def _check_leaky_alpha(alpha):
    # A real number: bools, strings and arrays are refused rather than read as numbers
    if isinstance(alpha, bool | np.bool_) or not isinstance(alpha, int | float | np.integer | np.floating):
        raise TypeError(f"alpha must be a real number, got {type(alpha).__name__}")
    if not 0 <= alpha <= 1:  # NaN fails too
        raise ValueError(f"alpha must be between 0 and 1, got {alpha!r}")
    return float(alpha)  # a Python float keeps float16 and float32 inputs in their dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
