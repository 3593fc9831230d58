import numpy as np


def softsign(x):
    x, dtype = _promote(x, "softsign")
    big = np.finfo(x.dtype).max
    c = np.clip(x, -big, big)  # +-inf / inf would be NaN; the limit is +-1
    return (c / (1.0 + np.abs(c))).astype(dtype, copy=False)


def softsign_grad(x):
    x, dtype = _promote(x, "softsign_grad")
    r = 1.0 / (1.0 + np.abs(x))  # in [0, 1]: squaring it cannot overflow
    return (r * r).astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
