import numpy as np

from snippets.leaky_relu import leaky_relu, leaky_relu_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-10.0, 0.0, 5.0])
print(leaky_relu(x))  # alpha = 0.01, as in PyTorch
#> [-0.1  0.   5. ]
print(leaky_relu(x, alpha=0.2))  # Keras 3's function uses 0.2
#> [-2.  0.  5.]
print(leaky_relu_grad(x))  # alpha at the kink x = 0, as PyTorch autograd does
#> [0.01 0.01 1.  ]

x = np.arange(-4.0, 4.0, 0.05)
plt.plot(x, leaky_relu(x, alpha=0.1), label="leaky_relu(x, alpha=0.1)")
plt.plot(x, leaky_relu_grad(x, alpha=0.1), linestyle="--", label="leaky_relu'(x, alpha=0.1)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
