import numpy as np


def hard_sigmoid(x):
    x, dtype = _promote(x, "hard_sigmoid")
    return (np.clip(x + 3.0, 0.0, 6.0) / 6.0).astype(dtype, copy=False)  # relu6(x + 3) / 6


def hard_sigmoid_grad(x):
    x, dtype = _promote(x, "hard_sigmoid_grad")
    # 1/6 for -3 < x < 3; 0 outside and at both kinks x = -3 and x = 3, as PyTorch autograd does
    y = np.abs(x, out=np.empty_like(x))  # a new array, then in place
    np.less(y, 3.0, out=y)  # 1.0 for |x| < 3, else 0.0
    y /= 6.0
    np.putmask(y, np.isnan(x), x)  # NaN stays NaN
    return y.astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
