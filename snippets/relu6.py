import numpy as np


def relu6(x):
    x, dtype = _promote(x, "relu6")
    return np.clip(x, 0.0, 6.0).astype(dtype, copy=False)  # min(max(x, 0), 6); NaN stays NaN


def relu6_grad(x):
    x, dtype = _promote(x, "relu6_grad")
    # 1 for 0 < x < 6; 0 outside and at both kinks x = 0 and x = 6, as PyTorch autograd does
    inside = (x > 0.0) & (x < 6.0)
    return np.where(np.isnan(x), x, inside).astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
