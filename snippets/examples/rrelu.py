import numpy as np

from snippets.rrelu import rrelu, rrelu_grad  # on the page: the definitions above

# --8<-- [start:example]
x = np.array([-4.0, -1.0, 0.0, 2.0])
print(rrelu(x))  # as nn.RReLU() after model.eval(): the slope (1/8 + 1/3) / 2 = 11/48
#> [-0.91666667 -0.22916667  0.          2.        ]
print(rrelu_grad(x))  # the slope at the kink x = 0, as PyTorch autograd does
#> [0.22916667 0.22916667 0.22916667 1.        ]
print(rrelu(x, lower=0.1, upper=0.3))  # slope 0.2
#> [-0.8 -0.2  0.   2. ]
# --8<-- [end:example]
