# --8<-- [start:textbook]
import numpy as np


def identity_alias(x):
    return x  # the caller gets the very same array back
# --8<-- [end:textbook]


x = np.array([1.0, 2.0])
y = identity_alias(x)
y += 1  # changes x too
print(x)
#> [2. 3.]
