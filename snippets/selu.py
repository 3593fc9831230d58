import numpy as np

ALPHA = 1.6732632423543772  # from Klambauer et al. (2017), as in PyTorch
SCALE = 1.0507009873554805


def selu(x):
    x, dtype = _promote(x, "selu")
    y = np.minimum(x, 0.0, out=np.empty_like(x))  # a new array, then in place
    np.expm1(y, out=y)
    y *= ALPHA
    y += np.maximum(x, 0.0)  # x for x > 0, where the lines above gave 0
    np.copysign(y, x, out=y)  # f(-0.0) = -0.0: np.minimum and np.maximum may drop the sign of 0
    with np.errstate(over="ignore"):  # inf only where the true value exceeds the dtype
        y *= SCALE
        return y.astype(dtype, copy=False)


def selu_grad(x):
    x, dtype = _promote(x, "selu_grad")
    # SCALE * ALPHA * exp(x) for x <= 0, also at the kink, as PyTorch autograd does
    y = np.minimum(x, 0.0, out=np.empty_like(x))
    np.exp(y, out=y)
    y *= ALPHA
    np.putmask(y, x > 0, 1.0)
    y *= SCALE
    return y.astype(dtype, copy=False)


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
