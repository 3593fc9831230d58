import numpy as np

from snippets.tanh import tanh, tanh_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-1.0, 0.0, 1.0])
print(tanh(x))
#> [-0.76159416  0.          0.76159416]
print(tanh_grad(x))  # 1 at x = 0, its maximum
#> [0.41997434 1.         0.41997434]

x = np.arange(-4.0, 4.0, 0.05)
plt.plot(x, tanh(x), label="tanh(x)")
plt.plot(x, tanh_grad(x), linestyle="--", label="tanh'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
