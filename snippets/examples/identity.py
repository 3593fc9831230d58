import numpy as np

from snippets.identity import identity, identity_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-1.5, 0.0, 2.0])
print(identity(x))
#> [-1.5  0.   2. ]
print(identity_grad(x))
#> [1. 1. 1.]
print(identity(np.array([1, 2, 3])))  # integers become float64
#> [1. 2. 3.]

x = np.arange(-3.0, 3.0, 0.05)
plt.plot(x, identity(x), label="identity(x)")
plt.plot(x, identity_grad(x), linestyle="--", label="identity'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
