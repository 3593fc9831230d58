import numpy as np


def silu(x):
    x, dtype = _promote(x)
    return (x * _sigmoid(x)).astype(dtype, copy=False)


def silu_grad(x):
    x, dtype = _promote(x)
    # sigmoid(x) * (1 + x * (1 - sigmoid(x))), with 1 - sigmoid(x) = sigmoid(-x)
    return (_sigmoid(x) * (1.0 + x * _sigmoid(-x))).astype(dtype, copy=False)


def _promote(x):
    x = np.asarray(x)
    dtype = x.dtype if x.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return x.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32


def _sigmoid(z):
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        return 1.0 / (1.0 + np.exp(-z))
