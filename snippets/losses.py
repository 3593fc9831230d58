import numpy as np

from snippets.sigmoid import sigmoid
from snippets.softmax import log_softmax, softmax
from snippets.softplus import softplus

# --8<-- [start:definitions]
# Losses that take logits, averaged over the batch (PyTorch's reduction="mean")


def cross_entropy(logits, labels):
    # The mean of -log softmax(logits)[label]: classes along the last axis, labels as integers
    z, labels, dtype = _logits_and_labels(logits, labels, "cross_entropy")
    picked = np.take_along_axis(log_softmax(z), labels[..., None], axis=-1)[..., 0]
    return _mean(-picked, dtype)


def cross_entropy_grad(logits, labels):
    # d loss / d logits = (softmax(logits) - one_hot(labels)) / number of labels
    z, labels, dtype = _logits_and_labels(logits, labels, "cross_entropy_grad")
    y = softmax(z)
    at = labels[..., None]
    np.put_along_axis(y, at, np.take_along_axis(y, at, axis=-1) - 1.0, axis=-1)
    return (y / max(labels.size, 1)).astype(dtype, copy=False)


def binary_cross_entropy_with_logits(logits, targets):
    # The mean of -t log sigmoid(s) - (1 - t) log(1 - sigmoid(s)), where
    # -log sigmoid(s) = softplus(-s) and -log(1 - sigmoid(s)) = softplus(s)
    s, t, dtype = _logits_and_targets(logits, targets, "binary_cross_entropy_with_logits")
    with np.errstate(invalid="ignore"):  # 0 * inf for an infinite logit: np.where keeps the 0
        loss = np.where(t == 1, 0.0, (1 - t) * softplus(s)) + np.where(t == 0, 0.0, t * softplus(-s))
    return _mean(loss, dtype)


def binary_cross_entropy_with_logits_grad(logits, targets):
    # d loss / d logits = (sigmoid(s) - t) / number of logits
    s, t, dtype = _logits_and_targets(logits, targets, "binary_cross_entropy_with_logits_grad")
    return ((sigmoid(s) - t) / max(s.size, 1)).astype(dtype, copy=False)


def _mean(losses, dtype):
    # Divided before they are added, so that the sum cannot overflow; NaN for no losses, as PyTorch
    mean = np.sum(losses / losses.size) if losses.size else np.nan
    with np.errstate(over="ignore"):  # inf only where the true mean is beyond the dtype's largest number
        return dtype.type(mean)


def _logits_and_labels(logits, labels, name):
    z, dtype = _promote(logits, name)
    labels = np.asarray(labels)
    if labels.dtype.kind not in "iu":
        raise TypeError(f"{name}() takes integer class labels, got {labels.dtype}")
    if z.ndim == 0 or labels.shape != z.shape[:-1]:
        got = f"{z.shape} and {labels.shape}"
        raise ValueError(f"{name}() takes logits of shape (..., classes) and labels of shape (...), got {got}")
    if labels.size and (labels.min() < 0 or labels.max() >= z.shape[-1]):
        wrong = labels[(labels < 0) | (labels >= z.shape[-1])][0]  # PyTorch skips -100 (its ignore_index)
        raise IndexError(f"{name}(): label {wrong} is not a class of 0 to {z.shape[-1] - 1}")
    return z, labels, dtype


def _logits_and_targets(logits, targets, name):
    s, dtype = _promote(logits, name)
    t, _ = _promote(targets, name)
    if t.shape != s.shape:
        raise ValueError(f"{name}() takes targets of the logits' shape, got {t.shape} and {s.shape}")
    return s, t, dtype


def _promote(x, name):
    # Real numbers only: NumPy would read strings, None, dates and complex numbers silently
    a = np.asarray(x)
    if a.dtype.kind not in "biuf" or isinstance(x, np.ma.MaskedArray):  # asarray drops a mask
        got = type(x).__name__ + (f" of {a.dtype}" if a.ndim else "")
        raise TypeError(f"{name}() takes real numbers, got {got}")
    dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)  # ints, bools -> float64
    return a.astype(np.promote_types(dtype, np.float32), copy=False), dtype  # float16 via float32
# --8<-- [end:definitions]
