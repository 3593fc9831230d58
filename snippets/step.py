import numpy as np


def step(x):
    x, dtype = _promote(x, "step")
    return np.heaviside(x, 0.0).astype(dtype, copy=False)  # 1 for x > 0, 0 for x <= 0; NaN stays NaN


def step_grad(x):
    x, dtype = _promote(x, "step_grad")
    return np.where(np.isnan(x), x, 0.0).astype(dtype, copy=False)  # 0 everywhere; at x = 0 too, by convention


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
