import numpy as np


def identity(x):
    x = np.asarray(x)
    return x.astype(x.dtype if x.dtype.kind == "f" else np.float64)  # always a copy


def identity_grad(x):
    x = identity(x)
    return np.where(np.isnan(x), x, 1.0).astype(x.dtype)  # 1 everywhere; NaN stays NaN
