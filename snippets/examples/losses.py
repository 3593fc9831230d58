import numpy as np

from snippets.losses import (  # on the page: above
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    cross_entropy,
    cross_entropy_grad,
)

# --8<-- [start:cross_entropy]
logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]])  # 2 examples, 3 classes
labels = np.array([0, 2])  # the right class of each
print(cross_entropy(logits, labels))  # the mean of -log softmax(logits)[label]
#> 1.5568820565987251

# A confident, wrong answer: the loss is about the margin, 1e4, and nothing overflows
print(cross_entropy(np.array([[0.0, 1e4]]), np.array([0])))
#> 10000.0
print(cross_entropy(np.array([[1e308, -1e308, 0.0]]), np.array([2])))
#> 1e+308
# --8<-- [end:cross_entropy]

# --8<-- [start:binary]
s = np.array([3.0, -1.0, 40.0, -1e4])  # one logit per example
t = np.array([1.0, 0.0, 1.0, 1.0])  # the targets: 1 or 0 (or in between)
print(binary_cross_entropy_with_logits(s, t))
#> 2500.090462259773
print(binary_cross_entropy_with_logits(np.array([40.0]), np.array([1.0])))  # e^-40, not 0
#> 4.248354255291589e-18
# --8<-- [end:binary]

# --8<-- [start:gradients]
print(cross_entropy_grad(logits, labels).round(4))  # (softmax(logits) - one-hot) / 2
#> [[-0.1705  0.1212  0.0493]
#>  [ 0.0556  0.4107 -0.4663]]
print(binary_cross_entropy_with_logits_grad(s, t))  # (sigmoid(s) - t) / 4
#> [-0.01185647  0.06723536  0.         -0.25      ]
# The confident, wrong answer still gets a full gradient: -1 and 1
print(cross_entropy_grad(np.array([[0.0, 1e4]]), np.array([0])))
#> [[-1.  1.]]
# --8<-- [end:gradients]
