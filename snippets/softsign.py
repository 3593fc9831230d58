import numpy as np


def softsign(x):
    x, dtype = _promote(x)
    big = np.finfo(x.dtype).max
    c = np.clip(x, -big, big)  # +-inf / inf would be NaN; the limit is +-1
    return (c / (1.0 + np.abs(c))).astype(dtype, copy=False)


def softsign_grad(x):
    x, dtype = _promote(x)
    r = 1.0 / (1.0 + np.abs(x))  # in [0, 1]: squaring it cannot overflow
    return (r * r).astype(dtype, copy=False)


def _promote(x):
    x = np.asarray(x)
    dtype = x.dtype if x.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return x.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
