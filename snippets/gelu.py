import numpy as np
from scipy.special import erfc

SQRT_2_OVER_PI = 0.7978845608028654  # sqrt(2 / pi)


def gelu(x, approximate=False):
    approximate = _check_approximate(approximate)
    x, dtype = _promote_for_erfc(x, "gelu")
    y = np.empty_like(x)  # the result; every step below writes into it
    if approximate:  # 0.5 * (1 + tanh(u)) = sigmoid(2u), without cancellation
        _u(x, out=y)
        y *= 2.0
        _sigmoid(y, out=y)
    else:  # Phi(x) = erfc(-x / sqrt(2)) / 2: erfc computes the small tail directly
        np.divide(x, -np.sqrt(2.0), out=y)
        erfc(y, out=y)
        y *= 0.5
    with np.errstate(invalid="ignore"):  # x * Phi(x); at x = -inf, -inf * 0 is NaN:
        y *= x
    y[x == -np.inf] = 0.0  # the limit instead
    return y.astype(dtype, copy=False)


def gelu_grad(x, approximate=False):
    approximate = _check_approximate(approximate)
    x, dtype = _promote_for_erfc(x, "gelu_grad")
    c = np.clip(x, -1e4, 1e4, out=np.empty_like(x))  # beyond, the term with x below is exactly 0
    t = np.square(c, out=np.empty_like(x))
    if approximate:
        # sigmoid(2u) + 2x u'(x) sigmoid(2u) sigmoid(-2u), where sigmoid(2u) sigmoid(-2u) = (0.5 / cosh u)^2
        t *= 3 * 0.044715
        t += 1.0
        t *= c
        t *= 2.0 * SQRT_2_OVER_PI  # 2x u'(x)
        _u(x, out=c)
        with np.errstate(over="ignore"):  # cosh(u) = inf gives 0.5 / inf = 0: the right limit
            np.cosh(c, out=c)
        np.divide(0.5, c, out=c)
        t *= np.square(c, out=c)
        _u(x, out=c)
        c *= 2.0
        t += _sigmoid(c, out=c)
        return t.astype(dtype, copy=False)
    # Phi(x) + x phi(x), with phi(x) = exp(-x^2 / 2) / sqrt(2 pi)
    t *= -0.5
    np.exp(t, out=t)
    t /= np.sqrt(2.0 * np.pi)
    t *= c
    np.divide(x, -np.sqrt(2.0), out=c)
    erfc(c, out=c)
    c *= 0.5
    c += t
    return c.astype(dtype, copy=False)


def _check_approximate(approximate):
    # True or False, as in Keras and JAX (np.True_ and np.False_ too), or PyTorch's "tanh" and "none"
    if isinstance(approximate, bool | np.bool_):
        return bool(approximate)
    if isinstance(approximate, str) and approximate in ("tanh", "none"):
        return approximate == "tanh"
    raise ValueError(f"approximate must be True, False, 'tanh' or 'none', got {approximate!r}")


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


def _u(x, out):
    # u = sqrt(2/pi) (x + 0.044715 x^3), computed in out as sqrt(2/pi) x (1 + 0.044715 x^2).
    # For |x| beyond about 1e13 (float32) it overflows to +-inf: tanh(u) and sigmoid(2u) are
    # then at their limits, so the overflow is harmless and not reported
    with np.errstate(over="ignore"):
        np.multiply(x, x, out=out)
        out *= 0.044715
        out += 1.0
        out *= x
        out *= SQRT_2_OVER_PI
    return out


def _sigmoid(z, out):
    # 1 / (1 + exp(-z)), computed in out (which may be z itself)
    np.negative(z, out=out)
    with np.errstate(over="ignore"):  # exp(-z) = inf gives 1 / inf = 0: the right limit
        np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)
