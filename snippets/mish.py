import numpy as np


def mish(x):
    x, dtype = _promote(x, "mish")
    return (x * np.tanh(_softplus(x))).astype(dtype, copy=False)


def mish_grad(x):
    x, dtype = _promote(x, "mish_grad")
    sp = _softplus(x)
    e = np.exp(-sp) ** 2  # e^(-2 sp), in (0, 1]
    sech2 = 4.0 * e / (1.0 + e) ** 2  # 1 - tanh(sp)**2, without cancellation
    with np.errstate(over="ignore"):  # sigmoid(x) = 1 / (1 + inf) = 0 is the right limit
        sig = 1.0 / (1.0 + np.exp(-x))
    return (np.tanh(sp) + x * sech2 * sig).astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32


def _softplus(x):
    with np.errstate(invalid="ignore"):  # logaddexp warns on NaN input; NaN still comes out
        return np.logaddexp(0.0, x)  # log(1 + e^x), never overflows
