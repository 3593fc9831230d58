import numpy as np

from snippets.initialisation import calculate_gain, second_moment  # on the page: the definitions above
from snippets.leaky_relu import leaky_relu
from snippets.relu import relu
from snippets.selu import selu
from snippets.sigmoid import sigmoid
from snippets.tanh import tanh

# --8<-- [start:example]
# name, PyTorch's parameter, the activation
ACTIVATIONS = [
    ("linear", None, lambda z: z),
    ("sigmoid", None, sigmoid),
    ("tanh", None, tanh),
    ("relu", None, relu),
    ("leaky_relu", None, leaky_relu),  # negative_slope 0.01, as alpha=0.01 here
    ("leaky_relu", 0.2, lambda z: leaky_relu(z, alpha=0.2)),
    ("selu", None, selu),
]
print("                 gain  1/sqrt(E[f(z)^2])")
#>                  gain  1/sqrt(E[f(z)^2])
for name, param, f in ACTIVATIONS:
    label = name if param is None else f"{name}({param})"
    print(f"{label:<16}{calculate_gain(name, param):6.4f}  {1 / np.sqrt(second_moment(f)):.4f}")
#> linear          1.0000  1.0000
#> sigmoid         1.0000  1.8462
#> tanh            1.6667  1.5925
#> relu            1.4142  1.4142
#> leaky_relu      1.4141  1.4141
#> leaky_relu(0.2) 1.3868  1.3868
#> selu            0.7500  1.0000
# --8<-- [end:example]
