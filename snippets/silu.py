import numpy as np


def silu(x):
    x, dtype = _promote(x, "silu")
    return (x * _sigmoid(x)).astype(dtype, copy=False)


def silu_grad(x):
    x, dtype = _promote(x, "silu_grad")
    # sigmoid(x) * (1 + x * (1 - sigmoid(x))), with 1 - sigmoid(x) = sigmoid(-x)
    return (_sigmoid(x) * (1.0 + x * _sigmoid(-x))).astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32


def _sigmoid(z):
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        return 1.0 / (1.0 + np.exp(-z))
