import numpy as np


def hardshrink(x, lambd=0.5):
    lambd = _check_lambd(lambd)
    x, dtype = _promote(x, "hardshrink")
    # 0 on [-lambd, lambd], x outside; NaN is not inside, so it stays NaN
    return np.where(np.abs(x) <= lambd, 0.0, x).astype(dtype, copy=False)


def hardshrink_grad(x, lambd=0.5):
    lambd = _check_lambd(lambd)
    x, dtype = _promote(x, "hardshrink_grad")
    # 1 outside [-lambd, lambd]; 0 inside and at both kinks, as PyTorch autograd does; NaN stays NaN
    return np.where(np.isnan(x), x, np.abs(x) > lambd).astype(dtype, copy=False)


def softshrink(x, lambd=0.5):
    lambd = _check_lambd(lambd)
    x, dtype = _promote(x, "softshrink")
    # x - clip(x): x - lambd above lambd, x + lambd below -lambd, exactly 0 between; inf - lambd = inf
    return (x - np.clip(x, -lambd, lambd)).astype(dtype, copy=False)


def softshrink_grad(x, lambd=0.5):
    lambd = _check_lambd(lambd)
    x, dtype = _promote(x, "softshrink_grad")
    # the same as hardshrink's: 1 outside [-lambd, lambd], 0 inside and at both kinks; NaN stays NaN
    return np.where(np.isnan(x), x, np.abs(x) > lambd).astype(dtype, copy=False)


def tanhshrink(x):
    x, dtype = _promote(x, "tanhshrink")
    return (x - np.tanh(x)).astype(dtype, copy=False)  # as PyTorch computes it; inf - 1 = inf


def tanhshrink_grad(x):
    x, dtype = _promote(x, "tanhshrink_grad")
    return np.square(np.tanh(x)).astype(dtype, copy=False)  # 1 - tanh'(x) = tanh(x)^2


def _check_lambd(lambd):
    # A real number: bools, strings and arrays are refused rather than read as numbers
    if isinstance(lambd, bool | np.bool_) or not isinstance(lambd, int | float | np.integer | np.floating):
        raise TypeError(f"lambd must be a real number, got {type(lambd).__name__}")
    if not 0 <= lambd < np.inf:  # NaN fails too
        raise ValueError(f"lambd must be a finite number >= 0, got {lambd!r}")
    return float(lambd)  # a Python float keeps float16 and float32 inputs in their dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
