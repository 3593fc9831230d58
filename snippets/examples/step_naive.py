# --8<-- [start:textbook]
import numpy as np


def step_naive(x):
    return np.array(x > 0, dtype=int)  # the textbook form
# --8<-- [end:textbook]


x = np.array([-1.0, 0.0, 2.0, np.nan])
y = step_naive(x)
print(y, y.dtype)  # integers, and NaN became 0
#> [0 0 1 0] int64
