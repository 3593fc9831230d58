import numpy as np


def elu(x, alpha=1.0):
    alpha = _check_elu_alpha(alpha)
    x, dtype = _promote(x, "elu")
    # expm1 is exact near 0; min(x, 0) keeps exp from overflowing in the unused branch
    y = np.minimum(x, 0.0, out=np.empty_like(x))  # a new array, then in place
    np.expm1(y, out=y)
    y *= alpha
    y += np.maximum(x, 0.0)  # x for x > 0, where the lines above gave 0
    np.copysign(y, x, out=y)  # f(-0.0) = -0.0: np.minimum and np.maximum may drop the sign of 0
    return y.astype(dtype, copy=False)


def elu_grad(x, alpha=1.0):
    alpha = _check_elu_alpha(alpha)
    x, dtype = _promote(x, "elu_grad")
    # alpha * exp(x) for x <= 0, so alpha at the kink, as PyTorch autograd does
    y = np.minimum(x, 0.0, out=np.empty_like(x))
    np.exp(y, out=y)
    y *= alpha
    np.putmask(y, x > 0, 1.0)
    return y.astype(dtype, copy=False)


def _check_elu_alpha(alpha):
    # A real number: bools, strings and arrays are refused rather than read as numbers
    if isinstance(alpha, bool | np.bool_) or not isinstance(alpha, int | float | np.integer | np.floating):
        raise TypeError(f"alpha must be a real number, got {type(alpha).__name__}")
    if not 0 <= alpha < np.inf:  # NaN fails too
        raise ValueError(f"alpha must be a finite number >= 0, got {alpha!r}")
    return float(alpha)  # a Python float keeps float16 and float32 inputs in their dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
