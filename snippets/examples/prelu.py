import numpy as np

from snippets.prelu import prelu, prelu_grad, prelu_grad_alpha  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-4.0, -1.0, 0.0, 2.0])
print(prelu(x))  # alpha = 0.25, PyTorch's initial value
#> [-1.   -0.25  0.    2.  ]
print(prelu_grad(x))  # with respect to x: alpha at the kink x = 0, as PyTorch autograd does
#> [0.25 0.25 0.25 1.  ]
print(prelu_grad_alpha(x))  # with respect to the shared alpha: the sum of min(x, 0)
#> -5.0

# one alpha per channel: x is (batch, channels, length), the channels on axis 1 as in PyTorch
x = np.array([[[-2.0, 1.0], [-1.0, 3.0], [-4.0, -1.0]]])
alpha = np.array([0.0, 0.25, 1.0])
print(prelu(x, alpha))
#> [[[ 0.    1.  ]
#>   [-0.25  3.  ]
#>   [-4.   -1.  ]]]
print(prelu_grad_alpha(x, alpha))  # one gradient per channel
#> [-2. -1. -5.]

x = np.arange(-4.0, 4.0, 0.05)
plt.plot(x, prelu(x), label="prelu(x, alpha=0.25)")
plt.plot(x, prelu_grad(x), linestyle="--", label="prelu'(x, alpha=0.25)")
plt.plot(x, prelu(x, alpha=-0.25), color="gray", linestyle=":", label="prelu(x, alpha=-0.25)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
