import numpy as np


def softplus(x):
    x, dtype = _promote(x, "softplus")
    # log(1 + e^x) = max(x, 0) + log1p(e^-|x|), which is what np.logaddexp(0, x) computes
    with np.errstate(invalid="ignore"):  # logaddexp warns on NaN input; NaN still comes out
        return np.logaddexp(0.0, x).astype(dtype, copy=False)


def softplus_grad(x):
    z, dtype = _promote(x, "softplus_grad")
    # the derivative is sigmoid(x) = 1 / (1 + exp(-z)), step by step in one new array
    y = np.negative(z, out=np.empty_like(z))
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        np.exp(y, out=y)
    y += 1.0
    np.reciprocal(y, out=y)
    return y.astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
