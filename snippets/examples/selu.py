import numpy as np

from snippets.selu import selu, selu_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-10.0, -1.0, 0.0, 2.0])
print(selu(x))  # tends to -1.7581 for large negative x
#> [-1.75801952 -1.11133074  0.          2.10140197]
print(selu_grad(x))
#> [7.98175866e-05 6.46768603e-01 1.75809934e+00 1.05070099e+00]

# Self-normalising: standard normal in, mean 0 and variance 1 out
z = np.random.default_rng(0).standard_normal(1_000_000)
print(np.round([selu(z).mean(), selu(z).var()], 2))
#> [0. 1.]

x = np.arange(-4.0, 4.0, 0.05)
plt.plot(x, selu(x), label="selu(x)")
plt.plot(x, selu_grad(x), linestyle="--", label="selu'(x)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
