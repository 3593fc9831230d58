import numpy as np


def softsign(x):
    x, dtype = _promote(x, "softsign")
    big = np.finfo(x.dtype).max
    c = np.clip(x, -big, big, out=np.empty_like(x))  # +-inf / inf would be NaN; the limit is +-1
    y = np.abs(c, out=np.empty_like(x))
    y += 1.0
    np.divide(c, y, out=y)  # c / (1 + |c|)
    return y.astype(dtype, copy=False)


def softsign_grad(x):
    x, dtype = _promote(x, "softsign_grad")
    r = np.abs(x, out=np.empty_like(x))  # a new array, then in place
    r += 1.0
    np.reciprocal(r, out=r)  # 1 / (1 + |x|), in [0, 1]: squaring it cannot overflow
    np.square(r, out=r)
    return r.astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
