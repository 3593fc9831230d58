import numpy as np


def celu(x, alpha=1.0):
    alpha = _check_celu_alpha(alpha)
    x, dtype = _promote(x, "celu")
    y = np.minimum(x, 0.0, out=np.empty_like(x))  # min(x, 0): exp cannot overflow in the unused branch
    with np.errstate(over="ignore"):  # x / alpha = -inf for a tiny alpha: expm1 gives -1, the limit
        y /= alpha
    np.expm1(y, out=y)  # exact near 0
    y *= alpha
    np.copyto(y, x, where=x >= 0)  # x itself for x >= 0, so -0.0 keeps its sign
    return y.astype(dtype, copy=False)


def celu_grad(x, alpha=1.0):
    alpha = _check_celu_alpha(alpha)
    x, dtype = _promote(x, "celu_grad")
    d = np.minimum(x, 0.0, out=np.empty_like(x))
    with np.errstate(over="ignore"):
        d /= alpha
    np.exp(d, out=d)  # e^(x / alpha) for x <= 0: 1 at x = 0, the slope on the right, for every alpha
    d[x > 0] = 1.0
    return d.astype(dtype, copy=False)


def _check_celu_alpha(alpha):
    # A real number: bools, strings and arrays are refused rather than read as numbers
    if isinstance(alpha, bool | np.bool_) or not isinstance(alpha, int | float | np.integer | np.floating):
        raise TypeError(f"alpha must be a real number, got {type(alpha).__name__}")
    if not 0 < alpha < np.inf:  # NaN fails too; alpha = 0 would divide by zero
        raise ValueError(f"alpha must be a finite number > 0, got {alpha!r}")
    return float(alpha)  # a Python float keeps float16 and float32 inputs in their dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
