import warnings

import numpy as np


def mish_naive(x):
    return x * np.tanh(np.log(1 + np.exp(x)))


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(mish_naive(np.array([1000.0, -40.0])))  # the true values: 1000 and -1.7e-16
#> [1000.   -0.]
print(caught[0].message)
#> overflow encountered in exp
