import numpy as np

from snippets.hard_sigmoid import hard_sigmoid, hard_sigmoid_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
print(hard_sigmoid(x))
#> [0.         0.33333333 0.5        0.66666667 1.        ]
print(hard_sigmoid_grad(x))  # 1/6 between the kinks, 0 at x = -3 and x = 3
#> [0.         0.16666667 0.16666667 0.16666667 0.        ]
print(np.clip(0.2 * x + 0.5, 0.0, 1.0))  # Keras 2's hard_sigmoid: another function
#> [0.  0.3 0.5 0.7 1. ]

x = np.arange(-5.0, 5.0, 0.01)
plt.plot(x, hard_sigmoid(x), label="hard_sigmoid(x)")
plt.plot(x, hard_sigmoid_grad(x), linestyle="--", label="hard_sigmoid'(x)")
plt.plot(x, 1 / (1 + np.exp(-x)), color="gray", linestyle=":", label="sigmoid(x)")
plt.plot(x, np.clip(0.2 * x + 0.5, 0.0, 1.0), linestyle="-.", label="0.2x + 0.5, clipped (Keras 2)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
