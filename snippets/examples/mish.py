import numpy as np

from snippets.mish import mish, mish_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-5.0, -1.19, 0.0, 2.0])
print(mish(x))  # smallest near x = -1.19
#> [-0.03357624 -0.30884262  0.          1.94395896]
print(mish_grad(x))  # 0.6 at x = 0
#> [-2.67474980e-02  6.50218371e-04  6.00000000e-01  1.06931793e+00]

x = np.arange(-6.0, 4.0, 0.05)
plt.plot(x, mish(x), label="mish(x)")
plt.plot(x, mish_grad(x), linestyle="--", label="mish'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
