import numpy as np

from snippets.relu import relu, relu_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-2.0, 0.0, 3.0])
print(relu(x))
#> [0. 0. 3.]
print(relu_grad(x))  # 0 at the kink x = 0, as in PyTorch
#> [0. 0. 1.]

x = np.arange(-4.0, 4.0, 0.05)
plt.plot(x, relu(x), label="relu(x)")
plt.plot(x, relu_grad(x), linestyle="--", label="relu'(x)")
plt.ylim(-0.5, 4.0)
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
