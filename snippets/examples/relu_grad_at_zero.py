# --8<-- [start:textbook]
import numpy as np


def relu_naive(x):
    return np.maximum(0, x)


def relu_grad_ge(x):  # "x >= 0": the derivative at 0 is 1
    return (x >= 0).astype(float)
# --8<-- [end:textbook]


def relu_grad_gt(x):  # "x > 0": the derivative at 0 is 0 (PyTorch's choice)
    return (x > 0).astype(float)


x = np.array([-1.0, 0.0, 1.0])
print(relu_naive(x))  # one function; its two derivatives below differ at 0
#> [0. 0. 1.]
print(relu_grad_ge(x))
#> [0. 1. 1.]
print(relu_grad_gt(x))
#> [0. 0. 1.]
