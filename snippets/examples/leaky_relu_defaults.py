import numpy as np

from snippets.leaky_relu import leaky_relu  # on the page: the definitions above

# --8<-- [start:example]
x = np.array([-10.0])
for alpha in [0.01, 0.2, 0.3]:  # PyTorch and JAX, Keras 3's function, Keras 3's layer
    print(alpha, leaky_relu(x, alpha=alpha))
#> 0.01 [-0.1]
#> 0.2 [-2.]
#> 0.3 [-3.]
# --8<-- [end:example]
