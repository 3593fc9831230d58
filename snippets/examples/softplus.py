import numpy as np

from snippets.softplus import softplus, softplus_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-40.0, 0.0, 1.0, 1000.0])
print(softplus(x))  # log(2) at 0; close to x for large x
#> [4.24835426e-18 6.93147181e-01 1.31326169e+00 1.00000000e+03]
print(softplus_grad(x))  # the sigmoid
#> [4.24835426e-18 5.00000000e-01 7.31058579e-01 1.00000000e+00]

x = np.arange(-4.0, 4.0, 0.05)
plt.plot(x, softplus(x), label="softplus(x)")
plt.plot(x, softplus_grad(x), linestyle="--", label="softplus'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
