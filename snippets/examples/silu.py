import numpy as np

from snippets.silu import silu, silu_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-5.0, -1.28, 0.0, 2.0])
print(silu(x))  # smallest near x = -1.28
#> [-0.03346425 -0.27846429  0.          1.76159416]
print(silu_grad(x))
#> [-2.65474324e-02 -3.34094885e-04  5.00000000e-01  1.09078425e+00]

x = np.arange(-6.0, 4.0, 0.05)
plt.plot(x, silu(x), label="silu(x)")
plt.plot(x, silu_grad(x), linestyle="--", label="silu'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
