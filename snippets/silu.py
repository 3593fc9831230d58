import numpy as np


def silu(x):
    x, dtype = _promote(x, "silu")
    y = _sigmoid(x, out=np.empty_like(x))  # a new array, then in place
    with np.errstate(invalid="ignore"):  # x * sigmoid(x); at x = -inf, -inf * 0 is NaN:
        y *= x
    y[x == -np.inf] = 0.0  # the limit instead
    return y.astype(dtype, copy=False)


def silu_grad(x):
    x, dtype = _promote(x, "silu_grad")
    # sigmoid(x) * (1 + x * sigmoid(-x)), as 1 - sigmoid(x) = sigmoid(-x); with x clipped to
    # finite values, +-inf gives the limits 1 and 0 instead of inf * 0 = NaN
    big = np.finfo(x.dtype).max
    c = np.clip(x, -big, big, out=np.empty_like(x))
    y = np.negative(c, out=np.empty_like(x))
    _sigmoid(y, out=y)  # sigmoid(-x)
    y *= c
    y += 1.0
    y *= _sigmoid(c, out=c)
    return y.astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32


def _sigmoid(z, out):
    # 1 / (1 + exp(-z)), computed in out (which may be z itself)
    np.negative(z, out=out)
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)
