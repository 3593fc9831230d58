import numpy as np


def sigmoid(x):
    z, dtype = _promote(x, "sigmoid")
    # 1 / (1 + exp(-z)), step by step in one new array (out=: no temporary arrays)
    y = np.negative(z, out=np.empty_like(z))
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        np.exp(y, out=y)
    y += 1.0
    np.reciprocal(y, out=y)
    return y.astype(dtype, copy=False)


def sigmoid_grad(x):
    z, dtype = _promote(x, "sigmoid_grad")
    # e / (1 + e)^2 with e = exp(-|x|) in (0, 1]: = s * (1 - s), without cancellation
    e = np.abs(z, out=np.empty_like(z))
    np.negative(e, out=e)
    np.exp(e, out=e)
    d = np.add(e, 1.0, out=np.empty_like(z))
    np.square(d, out=d)
    e /= d
    return e.astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
