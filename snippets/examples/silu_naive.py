import warnings

import numpy as np


def silu_naive(x):
    return x / (1 + np.exp(-x))


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(silu_naive(np.array([-1000.0, 1.0])))
#> [-0.          0.73105858]
print(caught[0].message)
#> overflow encountered in exp
