import numpy as np

from snippets.losses import cross_entropy  # on the page: above
from snippets.softmax import softmax

# --8<-- [start:twice]
logits = np.array([[12.0, 0.0, 0.0], [0.0, 12.0, 0.0]])  # right, and sure of it
labels = np.array([0, 1])
print(cross_entropy(logits, labels))  # close to 0
#> 1.2288349204613322e-05
print(cross_entropy(softmax(logits), labels))  # softmax twice: never below 0.5514
#> 0.5514525271611433
# --8<-- [end:twice]

# --8<-- [start:log]
p = softmax(np.array([0.0, 800.0]))  # the right class, 0, gets e^-800: 0.0 in float64
with np.errstate(divide="ignore"):
    print(-np.log(p[0]))  # log of a probability that underflowed
#> inf
print(cross_entropy(np.array([[0.0, 800.0]]), np.array([0])))  # from the logits
#> 800.0
print(-np.log(np.clip(p[0], 1e-7, 1 - 1e-7)))  # clipped as Keras does: stuck at 16.118
#> 16.11809565095832
# --8<-- [end:log]
