import numpy as np

from snippets.sigmoid import sigmoid, sigmoid_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-1.0, 1.0, 2.0])
print(sigmoid(x))
#> [0.26894142 0.73105858 0.88079708]
print(sigmoid(np.array([-1000.0, 0.0, 1000.0])))  # no overflow warning
#> [0.  0.5 1. ]
print(sigmoid(np.float16([-12.0])))  # float16 is computed in float32
#> [6.14e-06]
print(sigmoid_grad(np.array([-2.0, 0.0, 2.0])))  # largest at x = 0
#> [0.10499359 0.25       0.10499359]

x = np.arange(-6.0, 6.0, 0.1)
plt.plot(x, sigmoid(x), label="sigmoid(x)")
plt.plot(x, sigmoid_grad(x), linestyle="--", label="sigmoid'(x)")
plt.ylim(-0.1, 1.1)
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
