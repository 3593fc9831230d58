import warnings

import numpy as np


def softplus_naive(x):
    return np.log(1 + np.exp(x))


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(softplus_naive(np.array([1000.0, -40.0])))  # the true values: 1000 and 4.2e-18
#> [inf  0.]
print(caught[0].message)
#> overflow encountered in exp
print(np.logaddexp(0.0, np.array([1000.0, -40.0])))  # max(x, 0) + log1p(exp(-|x|))
#> [1.00000000e+03 4.24835426e-18]
