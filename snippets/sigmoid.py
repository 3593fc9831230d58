import numpy as np


def sigmoid(x):
    z, dtype = _promote(x, "sigmoid")
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        return (1.0 / (1.0 + np.exp(-z))).astype(dtype, copy=False)


def sigmoid_grad(x):
    z, dtype = _promote(x, "sigmoid_grad")
    e = np.exp(-np.abs(z))  # in (0, 1]
    return (e / (1.0 + e) ** 2).astype(dtype, copy=False)  # = s * (1 - s), without cancellation


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
