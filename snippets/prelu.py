import numpy as np


def prelu(x, alpha=0.25, axis=1):
    x, dtype = _promote(x, "prelu")
    a = _slopes(alpha, x, axis)
    # |alpha| > 1 may take alpha * x past the largest float (+-inf); 0 * inf is NaN, mended below
    with np.errstate(over="ignore", invalid="ignore"):
        y = np.multiply(a, x, out=np.empty_like(x))
    np.copyto(y, x, where=x > 0)
    if not a.all():  # alpha = 0 at x = -inf: the limit 0
        np.copyto(y, 0.0, where=(a == 0) & (x < 0))
    return y.astype(dtype, copy=False)


def prelu_grad(x, alpha=0.25, axis=1):
    # with respect to x: alpha at the kink x = 0, as PyTorch autograd does
    x, dtype = _promote(x, "prelu_grad")
    d = np.where(x > 0, 1.0, _slopes(alpha, x, axis))
    np.copyto(d, x, where=np.isnan(x))  # NaN stays NaN
    return d.astype(dtype, copy=False)


def prelu_grad_alpha(x, alpha=0.25, axis=1, g=None):
    # with respect to alpha: the sum of g * min(x, 0) over the inputs that share each alpha;
    # g, the gradient arriving from above, defaults to 1: the derivative of prelu(x).sum()
    x, dtype = _promote(x, "prelu_grad_alpha")
    a = _slopes(alpha, x, axis)
    d = np.minimum(x, 0.0, out=np.empty_like(x))
    if g is not None:
        d *= _promote(g, "prelu_grad_alpha")[0]
    others = tuple(i for i in range(x.ndim) if i != axis % x.ndim) if a.ndim else None
    with np.errstate(over="ignore"):  # a sum past the largest float is +-inf
        return d.sum(axis=others).reshape(np.shape(alpha)).astype(dtype, copy=False)


def _slopes(alpha, x, axis):
    # alpha as an array that broadcasts against x: one slope for all, or one per channel along axis
    a = np.asarray(alpha)
    if a.dtype.kind not in "iuf" or isinstance(alpha, np.ma.MaskedArray):  # bools, strings, None: refused
        raise TypeError(f"alpha must be a real number or a 1-D array of them, got {type(alpha).__name__}")
    if a.ndim > 1 or a.size == 0 or not np.isfinite(a).all():
        raise ValueError(f"alpha must be a finite number or a 1-D array of them, one per channel; got {alpha!r}")
    if a.size == 1:
        return a.reshape(()).astype(x.dtype)  # one alpha shared by every input, as nn.PReLU()
    if not -x.ndim <= axis < x.ndim or x.shape[axis] != a.size:
        raise ValueError(f"alpha has {a.size} values, one per channel, but x of shape {x.shape} has no axis "
                         f"{axis} of length {a.size}: pass the axis of the channels as axis")
    shape = [1] * x.ndim
    shape[axis] = a.size
    return a.reshape(shape).astype(x.dtype)  # as nn.PReLU(num_parameters=C), on axis 1 by default


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
