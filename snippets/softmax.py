import numpy as np


def softmax(x, axis=-1):
    x, dtype = _promote(x, "softmax")
    with np.errstate(over="ignore", invalid="ignore"):  # see _shifted
        e = _shifted(x, axis)
        np.exp(e, out=e)  # in place: e <= 1
        e /= np.sum(e, axis=axis, keepdims=True)
    return e.astype(dtype, copy=False)


def log_softmax(x, axis=-1):
    x, dtype = _promote(x, "log_softmax")
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        z = _shifted(x, axis)
        z -= np.log(np.sum(np.exp(z), axis=axis, keepdims=True))
        return z.astype(dtype, copy=False)  # -inf where the true value is beyond float16


def softmax_jacobian(x):
    x, dtype = _promote(x, "softmax_jacobian")
    if x.ndim != 1:  # the Jacobian of one vector; a (3, 1) array would give zeros
        raise ValueError(f"softmax_jacobian() takes a 1-D array, got shape {x.shape}")
    # dy_i/dx_j = y_i * (delta_ij - y_j)
    y = softmax(x)
    return (np.diag(y) - np.outer(y, y)).astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32


def _shifted(x, axis):
    # x minus its max along axis, in a new array: every entry <= 0, so exp cannot overflow.
    # x - m may round to -inf, whose exp is exactly 0; rows holding +inf or only -inf
    # give NaN (as in PyTorch). Neither needs a warning.
    m = np.max(x, axis=axis, keepdims=True, initial=-np.inf)
    return np.subtract(x, np.where(m == -np.inf, 0.0, m), out=np.empty_like(x))
