import numpy as np


def hardtanh(x, min_val=-1.0, max_val=1.0):
    low, high = _check_bounds(min_val, max_val)
    x, dtype = _promote(x, "hardtanh")
    with np.errstate(over="ignore"):  # a bound beyond the dtype's range rounds to +-inf
        return np.clip(x, low, high).astype(dtype, copy=False)  # NaN stays NaN


def hardtanh_grad(x, min_val=-1.0, max_val=1.0):
    low, high = _check_bounds(min_val, max_val)
    x, dtype = _promote(x, "hardtanh_grad")
    with np.errstate(over="ignore"):
        # 1 strictly between the bounds; 0 outside and at both bounds, as PyTorch autograd does
        inside = (x > low) & (x < high)
    return np.where(np.isnan(x), x, inside).astype(dtype, copy=False)


def _check_bounds(min_val, max_val):
    for name, value in [("min_val", min_val), ("max_val", max_val)]:
        # A real number: bools, strings and arrays are refused rather than read as numbers
        if isinstance(value, bool | np.bool_) or not isinstance(value, int | float | np.integer | np.floating):
            raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
        if not -np.inf < value < np.inf:  # NaN fails too
            raise ValueError(f"{name} must be a finite number, got {value!r}")
    if not min_val < max_val:
        raise ValueError(f"max_val must be greater than min_val, got min_val={min_val!r}, max_val={max_val!r}")
    return float(min_val), float(max_val)  # Python floats keep float16 and float32 inputs in their dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
