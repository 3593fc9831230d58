import numpy as np

from snippets.elu import elu, elu_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-10.0, -1.0, 0.0, 2.0])
print(elu(x))  # tends to -alpha = -1 for large negative x
#> [-0.9999546  -0.63212056  0.          2.        ]
print(elu_grad(x))
#> [4.53999298e-05 3.67879441e-01 1.00000000e+00 1.00000000e+00]

x = np.arange(-4.0, 4.0, 0.05)
plt.plot(x, elu(x), label="elu(x)")
plt.plot(x, elu_grad(x), linestyle="--", label="elu'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
