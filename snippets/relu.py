import numpy as np


def relu(x):
    x, dtype = _promote(x, "relu")
    return np.maximum(x, 0.0).astype(dtype, copy=False)  # NaN stays NaN


def relu_grad(x):
    x, dtype = _promote(x, "relu_grad")
    # 0 for x < 0, 1 for x > 0; at the kink x = 0 we use 0, as PyTorch autograd does
    return np.heaviside(x, 0.0).astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
