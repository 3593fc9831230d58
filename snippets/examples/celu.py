import numpy as np

from snippets.celu import celu, celu_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-10.0, -1.0, 0.0, 2.0])
print(celu(x))  # alpha = 1: the same values as ELU
#> [-0.9999546  -0.63212056  0.          2.        ]
print(celu(x, alpha=2.0))  # tends to -alpha = -2 for large negative x
#> [-1.98652411 -0.78693868  0.          2.        ]
print(celu_grad(x, alpha=2.0))  # 1 at x = 0 for every alpha: no jump
#> [0.00673795 0.60653066 1.         1.        ]

x = np.arange(-4.0, 4.0, 0.05)
for alpha, color in [(0.5, "C0"), (2.0, "C1")]:
    plt.plot(x, celu(x, alpha), color=color, label=f"celu(x, alpha={alpha})")
    plt.plot(x, celu_grad(x, alpha), color=color, linestyle="--", label=f"celu'(x, alpha={alpha})")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
