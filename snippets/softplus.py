import numpy as np


def softplus(x):
    # log(1 + e^x) = max(x, 0) + log1p(e^-|x|), which is what np.logaddexp(0, x) computes
    with np.errstate(invalid="ignore"):  # logaddexp warns on NaN input; NaN still comes out
        return np.logaddexp(0.0, x)  # ints and bools give float64


def softplus_grad(x):
    x = np.asarray(x)
    dtype = x.dtype if x.dtype.kind == "f" else np.dtype(np.float64)
    z = x.astype(np.promote_types(dtype, np.float32), copy=False)  # float16 computes in float32
    with np.errstate(over="ignore"):  # the derivative is sigmoid(x); exp(-z) = inf gives 0
        return (1.0 / (1.0 + np.exp(-z))).astype(dtype, copy=False)
