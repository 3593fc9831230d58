import numpy as np

from snippets.vanishing_gradient import ACTIVATIONS, gradient_norms  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

# 24 layers of width 64, a batch of 128, seed 0: the defaults of gradient_norms
norms = {name: gradient_norms(f, f_grad, init=init) for name, (f, f_grad, init) in ACTIVATIONS.items()}

for name, n in norms.items():  # the gradient norms of the first and the last layer
    init = ACTIVATIONS[name][2]
    print(f"{name:<8}{init:<7} first {n[0]:<8.2g} last {n[-1]:<7.2g} first/last {n[0] / n[-1]:.2g}")
#> sigmoid xavier  first 1.3e-16  last 0.12    first/last 1.1e-15
#> tanh    xavier  first 0.036    last 0.031   first/last 1.2
#> relu    he      first 0.91     last 1.2     first/last 0.73
#> gelu    he      first 0.036    last 0.0051  first/last 7.1

for name, n in norms.items():
    plt.plot(np.arange(1, len(n) + 1), n, marker=".", label=name)
plt.yscale("log")
plt.xlabel("layer")
plt.ylabel("gradient norm")
plt.legend()
plt.show()
# --8<-- [end:example]
