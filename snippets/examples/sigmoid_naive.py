import warnings

# --8<-- [start:textbook]
import numpy as np


def sigmoid_naive(x):
    return 1 / (1 + np.exp(-x))
# --8<-- [end:textbook]


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(sigmoid_naive(np.array([-1000.0, 0.0, 1000.0])))
    print(sigmoid_naive(np.float16([-12.0])))  # the true value is 6.1e-06
print(caught[0].message)
#> [0.  0.5 1. ]
#> [0.]
#> overflow encountered in exp
