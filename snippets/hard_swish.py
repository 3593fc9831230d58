import numpy as np


def hard_swish(x):
    x, dtype = _promote(x, "hard_swish")
    # x * relu6(x + 3) / 6, with x >= -3 in the first factor: -inf * 0 would be NaN
    g = np.clip(x, -3.0, 3.0, out=np.empty_like(x))  # the gate relu6(x + 3) / 6, in place
    g += 3.0
    g /= 6.0
    g *= np.maximum(x, -3.0)
    return g.astype(dtype, copy=False)


def hard_swish_grad(x):
    x, dtype = _promote(x, "hard_swish_grad")
    g = np.clip(x, -3.0, 3.0, out=np.empty_like(x))  # a new array, then in place
    g *= 2.0
    g += 3.0
    g /= 6.0  # (2x + 3) / 6 between the kinks; NaN stays NaN
    # 0 for x <= -3 and 1 for x >= 3: at the kinks the outer side's value, as PyTorch autograd does
    np.putmask(g, x <= -3.0, 0.0)
    np.putmask(g, x >= 3.0, 1.0)
    return g.astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
