import numpy as np

from snippets.hardtanh import hardtanh, hardtanh_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-3.0, -1.0, 0.5, 1.0, 3.0])
print(hardtanh(x))
#> [-1.  -1.   0.5  1.   1. ]
print(hardtanh_grad(x))  # 0 at the kinks x = -1 and x = 1, as PyTorch autograd does
#> [0. 0. 1. 0. 0.]
print(hardtanh(x, min_val=-2.0, max_val=2.0))
#> [-2.  -1.   0.5  1.   2. ]

x = np.arange(-3.0, 3.0, 0.01)
plt.plot(x, hardtanh(x), label="hardtanh(x)")
plt.plot(x, hardtanh_grad(x), linestyle="--", label="hardtanh'(x)")
plt.plot(x, np.tanh(x), color="gray", linestyle=":", label="tanh(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
