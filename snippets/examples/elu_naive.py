import warnings

import numpy as np


def elu_naive(x, alpha=1.0):
    return np.where(x > 0, x, alpha * (np.exp(x) - 1))


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(elu_naive(np.array([1000.0, -1e-10])))
#> [ 1.00000000e+03 -1.00000008e-10]
print(caught[0].message)  # np.where computed exp(1000) for the unused branch
#> overflow encountered in exp
