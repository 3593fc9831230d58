import numpy as np


def log_sigmoid(x):
    x, dtype = _promote(x, "log_sigmoid")
    # log(sigmoid(x)) = -log(1 + e^-x) = -softplus(-x): logaddexp never overflows
    with np.errstate(invalid="ignore"):  # logaddexp warns on NaN input; NaN still comes out
        return (-np.logaddexp(0.0, -x)).astype(dtype, copy=False)


def log_sigmoid_grad(x):
    x, dtype = _promote(x, "log_sigmoid_grad")
    with np.errstate(over="ignore"):  # exp(x) = inf gives 1 / inf = 0: the right limit
        return (1.0 / (1.0 + np.exp(x))).astype(dtype, copy=False)  # = sigmoid(-x) = 1 - sigmoid(x)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
