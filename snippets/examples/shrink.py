import numpy as np

from snippets.shrink import hardshrink, hardshrink_grad, softshrink, tanhshrink, tanhshrink_grad  # on the page: above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-2.0, -0.5, 0.25, 0.5, 1.0])
print(hardshrink(x))  # lambd = 0.5: 0 on [-0.5, 0.5], x outside
#> [-2.  0.  0.  0.  1.]
print(softshrink(x))  # 0 on [-0.5, 0.5], shifted 0.5 towards 0 outside
#> [-1.5  0.   0.   0.   0.5]
print(hardshrink_grad(x))  # 0 at the kinks x = -0.5 and x = 0.5, as PyTorch autograd does
#> [1. 0. 0. 0. 1.]
print(tanhshrink(x))
#> [-1.03597242 -0.03788284  0.00508134  0.03788284  0.23840584]

x = np.arange(-3.0, 3.0, 0.01)
plt.plot(x, hardshrink(x), label="hardshrink(x)")
plt.plot(x, softshrink(x), label="softshrink(x)")
plt.plot(x, tanhshrink(x), label="tanhshrink(x)")
plt.plot(x, hardshrink_grad(x), color="gray", linestyle="--", label="hardshrink'(x) = softshrink'(x)")
plt.plot(x, tanhshrink_grad(x), color="gray", linestyle=":", label="tanhshrink'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
