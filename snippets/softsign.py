import numpy as np


def softsign(x):
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)  # ints and bools give float64
    big = np.finfo(x.dtype).max
    c = np.clip(x, -big, big)  # +-inf / inf would be NaN; the limit is +-1
    return c / (1.0 + np.abs(c))


def softsign_grad(x):
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    r = 1.0 / (1.0 + np.abs(x))  # in [0, 1]: squaring it cannot overflow
    return r * r
