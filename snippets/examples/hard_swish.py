import numpy as np

from snippets.hard_swish import hard_swish, hard_swish_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-4.0, -1.5, 0.0, 1.0, 4.0])
print(hard_swish(x))  # smallest at x = -1.5; -0. is x times 0, as in PyTorch
#> [-0.         -0.375       0.          0.66666667  4.        ]
print(hard_swish_grad(np.array([-3.0, -1.5, 0.0, 2.9, 3.0])))  # jumps at the kinks -3 and 3
#> [0.         0.         0.5        1.46666667 1.        ]

x = np.arange(-5.0, 5.0, 0.01)
plt.plot(x, hard_swish(x), label="hard_swish(x)")
plt.plot(x, hard_swish_grad(x), linestyle="--", label="hard_swish'(x)")
plt.plot(x, x / (1 + np.exp(-x)), color="gray", linestyle=":", label="silu(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
