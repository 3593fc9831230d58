import numpy as np


def mish(x):
    x, dtype = _promote(x, "mish")
    y = _softplus(x, out=np.empty_like(x))  # a new array, then in place
    np.tanh(y, out=y)
    with np.errstate(invalid="ignore"):  # x * tanh(softplus(x)); at x = -inf, -inf * 0 is NaN:
        y *= x
    y[x == -np.inf] = 0.0  # the limit instead
    return y.astype(dtype, copy=False)


def mish_grad(x):
    x, dtype = _promote(x, "mish_grad")
    # tanh(sp) + x * sech(sp)^2 * sigmoid(x), with sp = softplus(x), in two arrays
    y = _softplus(x, out=np.empty_like(x))
    with np.errstate(over="ignore"):  # cosh(sp) = inf gives sech(sp) = 0: the right limit
        np.cosh(y, out=y)
    np.reciprocal(y, out=y)
    np.square(y, out=y)  # sech(sp)^2 = 1 - tanh(sp)^2, without cancellation
    t = _sigmoid(x, out=np.empty_like(x))
    y *= t
    big = np.finfo(x.dtype).max
    y *= np.clip(x, -big, big, out=t)  # +-inf would give inf * 0 = NaN; the term's limit is 0
    y += np.tanh(_softplus(x, out=t), out=t)
    return y.astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32


def _softplus(x, out):
    # log(1 + e^x) as log1p(e^x), which keeps the tiny values for x < 0. Above x ~ 709 (88.7 in
    # float32) e^x overflows and the softplus is inf, whose tanh is 1: the right value, no warning
    with np.errstate(over="ignore"):
        np.exp(x, out=out)
    return np.log1p(out, out=out)


def _sigmoid(z, out):
    # 1 / (1 + exp(-z)), computed in out (which may be z itself)
    np.negative(z, out=out)
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)
