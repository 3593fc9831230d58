import numpy as np

from snippets.softmax import _promote, softmax, softmax_jacobian  # on the page: the softmax page's code, above

# --8<-- [start:softmin]


def softmin(x, axis=-1):
    # softmax of -x: the smallest entry gets the largest weight
    x, dtype = _promote(x, "softmin")
    return softmax(np.negative(x), axis=axis).astype(dtype, copy=False)


def softmin_jacobian(x):
    x, dtype = _promote(x, "softmin_jacobian")
    if x.ndim != 1:  # the Jacobian of one vector
        raise ValueError(f"softmin_jacobian() takes a 1-D array, got shape {x.shape}")
    # the chain rule through -x: minus softmax's Jacobian at -x, -y_i * (delta_ij - y_j)
    return np.negative(softmax_jacobian(np.negative(x))).astype(dtype, copy=False)


# --8<-- [end:softmin]
