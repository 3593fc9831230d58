import numpy as np

from snippets.gelu import gelu, gelu_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-3.0, -0.75, 0.0, 1.0, 3.0])
print(gelu(x))
#> [-0.00404969 -0.16997051  0.          0.84134475  2.99595031]
print(gelu(x, approximate=True))  # the tanh form
#> [-0.00363739 -0.17003944  0.          0.84119199  2.99636261]
print(gelu_grad(x))
#> [-1.19456472e-02  7.74278261e-04  5.00000000e-01  1.08331547e+00
#>   1.01194565e+00]

x = np.arange(-4.0, 4.0, 0.05)
plt.plot(x, gelu(x), label="gelu(x)")
plt.plot(x, gelu_grad(x), linestyle="--", label="gelu'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
