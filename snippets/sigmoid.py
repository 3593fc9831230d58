import numpy as np


def sigmoid(x):
    x = np.asarray(x)
    dtype = x.dtype if x.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    z = x.astype(np.promote_types(dtype, np.float32), copy=False)  # float16 computes in float32
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        return (1.0 / (1.0 + np.exp(-z))).astype(dtype, copy=False)


def sigmoid_grad(x):
    x = np.asarray(x)
    dtype = x.dtype if x.dtype.kind == "f" else np.dtype(np.float64)
    e = np.exp(-np.abs(x.astype(np.promote_types(dtype, np.float32), copy=False)))  # in (0, 1]
    return (e / (1.0 + e) ** 2).astype(dtype, copy=False)  # = s * (1 - s), without cancellation
