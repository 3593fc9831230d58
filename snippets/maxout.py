import numpy as np


def maxout(z, pieces, axis=-1):
    z, dtype = _promote(z, "maxout")
    groups = _groups(z, pieces, axis, "maxout")  # (..., units, pieces): k consecutive entries each
    return np.moveaxis(np.max(groups, axis=-1), -1, axis).astype(dtype, copy=False)  # NaN stays NaN


def maxout_vjp(z, g, pieces, axis=-1):
    # The gradient at z of a loss whose gradient at maxout(z) is g: each g goes to the largest
    # entry of its group, to the first one where several are equal (as torch.max(dim) does)
    z, dtype = _promote(z, "maxout_vjp")
    g, _ = _promote(g, "maxout_vjp")
    groups = _groups(z, pieces, axis, "maxout_vjp")
    shape = np.moveaxis(groups[..., 0], -1, axis).shape  # maxout(z)'s
    if g.shape != shape:
        raise ValueError(f"maxout_vjp() takes g of the shape of maxout(z), {shape}, got {g.shape}")
    g = np.moveaxis(g, axis, -1)
    grad = np.zeros(groups.shape, dtype=np.result_type(z, g))
    np.put_along_axis(grad, np.argmax(groups, axis=-1)[..., None], g[..., None], axis=-1)
    np.copyto(grad, groups, where=np.isnan(groups))  # NaN stays NaN
    return np.moveaxis(grad.reshape(grad.shape[:-2] + (-1,)), -1, axis).astype(dtype, copy=False)


def _groups(z, pieces, axis, name):
    # pieces: a whole number >= 1; bools, floats and strings are refused
    if isinstance(pieces, bool | np.bool_) or not isinstance(pieces, int | np.integer) or pieces < 1:
        raise TypeError(f"pieces must be a whole number >= 1, got {pieces!r}")
    z = np.moveaxis(z, axis, -1)
    if z.shape[-1] % pieces:
        raise ValueError(f"{name}() needs a length along axis {axis} that pieces={pieces} divides, got {z.shape[-1]}")
    return z.reshape(z.shape[:-1] + (z.shape[-1] // pieces, pieces))


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
