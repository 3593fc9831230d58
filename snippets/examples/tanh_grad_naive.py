import numpy as np

from snippets.tanh import tanh_grad  # on the page: the definitions above

# --8<-- [start:example]
x = np.array([5.0, 20.0])
print(1 - np.tanh(x) ** 2)  # tanh(20) rounds to 1.0
#> [0.00018158 0.        ]
print(tanh_grad(x))  # 4 e^(-2|x|) / (1 + e^(-2|x|))^2
#> [1.81583231e-04 1.69934170e-17]
# --8<-- [end:example]
