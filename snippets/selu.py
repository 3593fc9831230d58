import numpy as np

ALPHA = 1.6732632423543772  # from Klambauer et al. (2017), as in PyTorch
SCALE = 1.0507009873554805


def selu(x):
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)  # ints and bools give float64
    y = np.where(x > 0, x, ALPHA * np.expm1(np.minimum(x, 0.0)))
    with np.errstate(over="ignore"):  # inf only where the true value exceeds the dtype
        return SCALE * y


def selu_grad(x):
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    # SCALE * ALPHA * exp(x) for x <= 0, also at the kink, as PyTorch autograd does
    return (SCALE * np.where(x > 0, 1.0, ALPHA * np.exp(np.minimum(x, 0.0)))).astype(x.dtype)
