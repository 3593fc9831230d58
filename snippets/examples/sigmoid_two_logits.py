import numpy as np

from snippets.losses import binary_cross_entropy_with_logits, cross_entropy  # on the page: above
from snippets.sigmoid import sigmoid
from snippets.softmax import softmax

# --8<-- [start:example]
x1, x2 = 1.5, -0.5
print(softmax(np.array([x1, x2]))[0], sigmoid(x1 - x2))
#> 0.8807970779778823 0.8807970779778823
s = np.array([-3.0, 0.0, 2.0])  # one logit per example
two = np.stack([s, np.zeros_like(s)], axis=-1)  # the same as two logits (s, 0)
print(softmax(two)[:, 0], sigmoid(s))
#> [0.04742587 0.5        0.88079708] [0.04742587 0.5        0.88079708]
# --8<-- [end:example]

# --8<-- [start:losses]
s = np.array([3.0, -1.0, 40.0, -1e4])
t = np.array([1.0, 0.0, 1.0, 1.0])
two = np.stack([s, np.zeros_like(s)], axis=-1)  # logits (s, 0): class 0 is target 1
print(cross_entropy(two, np.array([0, 1, 0, 0])), binary_cross_entropy_with_logits(s, t))
#> 2500.090462259773 2500.090462259773
# --8<-- [end:losses]
