import numpy as np

from snippets.softsign import softsign, softsign_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-100.0, -1.0, 0.0, 1.0, 100.0])
print(softsign(x))  # tends to -1 and 1, but slowly
#> [-0.99009901 -0.5         0.          0.5         0.99009901]
print(softsign_grad(x))  # 1 at x = 0, and still about 1e-4 at |x| = 100
#> [9.80296049e-05 2.50000000e-01 1.00000000e+00 2.50000000e-01
#>  9.80296049e-05]

x = np.arange(-6.0, 6.0, 0.05)
plt.plot(x, softsign(x), label="softsign(x)")
plt.plot(x, softsign_grad(x), linestyle="--", label="softsign'(x)")
plt.plot(x, np.tanh(x), color="gray", linestyle=":", label="tanh(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
