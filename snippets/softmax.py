import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)  # ints and bools compute in float64
    m = np.max(x, axis=axis, keepdims=True, initial=-np.inf)
    # x - m <= 0 may round to -inf, whose exp is exactly 0; rows holding
    # +inf or only -inf give NaN (as in PyTorch). Neither needs a warning.
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(x - np.where(m == -np.inf, 0.0, m))  # shifted by the max: e <= 1
        return e / np.sum(e, axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    m = np.max(x, axis=axis, keepdims=True, initial=-np.inf)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        z = x - np.where(m == -np.inf, 0.0, m)
        return z - np.log(np.sum(np.exp(z), axis=axis, keepdims=True))


def softmax_jacobian(x):
    # dy_i/dx_j = y_i * (delta_ij - y_j), for a 1-D x
    y = softmax(x)
    return np.diag(y) - np.outer(y, y)
