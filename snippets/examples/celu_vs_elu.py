import numpy as np

from snippets.celu import celu, celu_grad  # on the page: the definitions above

# --8<-- [start:example]
alpha = 2.0
x = np.array([-3.0, -1.0, -1e-9])
print(alpha * np.expm1(x))  # ELU with alpha = 2, as torch.nn.ELU(alpha=2.0)
#> [-1.90042586e+00 -1.26424112e+00 -2.00000000e-09]
print(celu(x, alpha))  # CELU with alpha = 2, as torch.nn.CELU(alpha=2.0): another curve
#> [-1.55373968e+00 -7.86938681e-01 -1.00000000e-09]
print(alpha * np.exp(x[-1]), celu_grad(x[-1], alpha))  # slopes just left of 0; both are 1 on the right
#> 1.999999998 0.9999999995
# --8<-- [end:example]
