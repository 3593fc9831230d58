import numpy as np

from snippets.relu6 import relu6, relu6_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-2.0, 0.0, 3.0, 6.0, 8.0])
print(relu6(x))
#> [0. 0. 3. 6. 6.]
print(relu6_grad(x))  # 0 at both kinks, x = 0 and x = 6, as PyTorch autograd does
#> [0. 0. 1. 0. 0.]

x = np.arange(-3.0, 9.0, 0.01)
plt.plot(x, relu6(x), label="relu6(x)")
plt.plot(x, relu6_grad(x), linestyle="--", label="relu6'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
