import numpy as np
from scipy.special import erfc

SQRT_2_OVER_PI = 0.7978845608028654  # sqrt(2 / pi)


def gelu(x, approximate=False):
    _check_approximate(approximate)
    x, dtype = _promote_for_erfc(x, "gelu")
    if approximate:  # 0.5 * x * (1 + tanh(u)) = x * sigmoid(2u), without cancellation
        return (x * _sigmoid(2.0 * _u(x))).astype(dtype, copy=False)
    return (0.5 * x * erfc(-x / np.sqrt(2.0))).astype(dtype, copy=False)  # x * Phi(x)


def gelu_grad(x, approximate=False):
    _check_approximate(approximate)
    x, dtype = _promote_for_erfc(x, "gelu_grad")
    c = np.clip(x, -1e4, 1e4)  # beyond, the second term is exactly 0 anyway
    if approximate:
        du = SQRT_2_OVER_PI * (1.0 + 3 * 0.044715 * c**2)
        s, t = _sigmoid(2.0 * _u(x)), _sigmoid(-2.0 * _u(x))  # t = 1 - s
        return (s + 2.0 * c * du * s * t).astype(dtype, copy=False)
    pdf = np.exp(-0.5 * c**2) / np.sqrt(2.0 * np.pi)  # phi(x)
    return (0.5 * erfc(-x / np.sqrt(2.0)) + c * pdf).astype(dtype, copy=False)


def _check_approximate(approximate):
    if approximate is not True and approximate is not False:
        raise ValueError(f"approximate must be True or False, got {approximate!r}")


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32


def _promote_for_erfc(x, name):
    x, dtype = _promote(x, name)
    if x.dtype.itemsize > 8:  # SciPy's erfc has no long double version: compute in float64
        return x.astype(np.float64), np.dtype(np.float64)
    return x, dtype


def _u(x):
    c = np.clip(x, -1e4, 1e4)  # c**3 stays finite; tanh(u) is already +-1 there
    return SQRT_2_OVER_PI * (c + 0.044715 * c**3)


def _sigmoid(z):
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        return 1.0 / (1.0 + np.exp(-z))
