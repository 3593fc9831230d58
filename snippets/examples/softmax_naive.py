import warnings

# --8<-- [start:textbook]
import numpy as np


def softmax_naive(a):
    exp_a = np.exp(a)
    return exp_a / np.sum(exp_a)
# --8<-- [end:textbook]


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(softmax_naive(np.array([1000.0, 1000.0])))
print(sorted({str(w.message) for w in caught}))
#> [nan nan]
#> ['invalid value encountered in divide', 'overflow encountered in exp']

batch = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
print(softmax_naive(batch).sum(axis=1))  # each row should sum to 1
#> [0.78734471 0.21265529]
