import numpy as np


def rrelu(x, lower=1 / 8, upper=1 / 3):
    # RReLU in evaluation mode: Leaky ReLU with the mean of the slopes training draws from
    a = _mean_slope(lower, upper)
    x, dtype = _promote(x, "rrelu")
    if a == 0:  # ReLU: a * x would be 0 * -inf = NaN at -inf
        return np.maximum(x, 0.0).astype(dtype, copy=False)
    return np.maximum(x, a * x).astype(dtype, copy=False)  # for 0 <= a <= 1; NaN stays NaN


def rrelu_grad(x, lower=1 / 8, upper=1 / 3):
    a = _mean_slope(lower, upper)
    x, dtype = _promote(x, "rrelu_grad")
    # 1 for x > 0, a for x <= 0 (a at the kink x = 0, as PyTorch autograd does); NaN stays NaN
    return np.where(x > 0, 1.0, np.where(np.isnan(x), x, a)).astype(dtype, copy=False)


def _mean_slope(lower, upper):
    for name, number in [("lower", lower), ("upper", upper)]:
        # A real number: bools, strings and arrays are refused rather than read as numbers
        if isinstance(number, bool | np.bool_) or not isinstance(number, int | float | np.integer | np.floating):
            raise TypeError(f"{name} must be a real number, got {type(number).__name__}")
    if not 0 <= lower <= upper <= 1:  # NaN fails too
        raise ValueError(f"lower and upper must satisfy 0 <= lower <= upper <= 1, got lower={lower!r}, upper={upper!r}")
    return (float(lower) + float(upper)) / 2  # a Python float keeps float16 and float32 inputs in their dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
