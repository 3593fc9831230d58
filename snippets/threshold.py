import numpy as np


def threshold(x, threshold, value):
    t, v = _check_threshold(threshold, value)
    x, dtype = _promote(x, "threshold")
    with np.errstate(over="ignore"):  # a value beyond float16's range rounds to +-inf
        # value at or below the threshold, x above it; NaN is not <= t, so it stays NaN, as in PyTorch
        return np.where(x <= t, v, x).astype(dtype, copy=False)


def threshold_grad(x, threshold, value):
    t, _ = _check_threshold(threshold, value)
    x, dtype = _promote(x, "threshold_grad")
    # 1 above the threshold; 0 at or below it (at x = threshold too, as PyTorch autograd does); NaN stays NaN
    return np.where(np.isnan(x), x, x > t).astype(dtype, copy=False)


def _check_threshold(threshold, value):
    for name, number in [("threshold", threshold), ("value", value)]:
        # A real number: bools, strings and arrays are refused rather than read as numbers
        if isinstance(number, bool | np.bool_) or not isinstance(number, int | float | np.integer | np.floating):
            raise TypeError(f"{name} must be a real number, got {type(number).__name__}")
        if not -np.inf < number < np.inf:  # NaN fails too
            raise ValueError(f"{name} must be a finite number, got {number!r}")
    return float(threshold), float(value)  # Python floats keep float16 and float32 inputs in their dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
