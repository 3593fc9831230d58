import numpy as np

from snippets.gelu import gelu  # on the page: above
from snippets.glu import geglu_ffn, glu, glu_vjp, swiglu_ffn, swiglu_ffn_vjp
from snippets.sigmoid import sigmoid
from snippets.silu import silu

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([1.0, -2.0, 0.0, 3.0])  # a = (1, -2), b = (0, 3)
print(glu(x))  # a * sigmoid(b)
#> [ 0.5        -1.90514825]
print(glu_vjp(x, np.ones(2)))  # the gradient of sum(glu(x)) with respect to x
#> [ 0.5         0.95257413  0.25       -0.09035332]

# A feed-forward block with d = 4 and a hidden size of 6, on 3 tokens
rng = np.random.default_rng(0)
d, hidden = 4, 6
w1, w3 = rng.normal(scale=d**-0.5, size=(2, d, hidden))
w2 = rng.normal(scale=hidden**-0.5, size=(hidden, d))
tokens = rng.normal(size=(3, d))
print(swiglu_ffn(tokens, w1, w3, w2).round(4))
#> [[ 0.1438  0.2107 -0.1263  0.1047]
#>  [ 0.2463  0.1082 -0.4885 -0.1944]
#>  [-0.0299 -0.0579 -0.1308 -0.092 ]]
print(geglu_ffn(tokens, w1, w3, w2).round(4))
#> [[ 0.0394  0.0727 -0.0246  0.119 ]
#>  [ 0.3105  0.1374 -0.4565 -0.1394]
#>  [-0.038  -0.0631 -0.1325 -0.1103]]

# Backward: the gradients of sum(g * y) for an upstream gradient g of y's shape
g = rng.normal(size=(3, d))
dx, dw1, dw3, dw2 = swiglu_ffn_vjp(tokens, w1, w3, w2, g)
print(dx.shape, dw1.shape, dw3.shape, dw2.shape)
#> (3, 4) (4, 6) (4, 6) (6, 4)
# Check dx along one direction v with a central difference
v, h = rng.normal(size=(3, d)), 1e-6


def loss(t):
    return np.sum(g * swiglu_ffn(t, w1, w3, w2))


print(round((loss(tokens + h * v) - loss(tokens - h * v)) / (2 * h), 6), round(np.sum(dx * v), 6))
#> -0.672577 -0.672577

# The gate of each block: what multiplies the linear half x W3
u = np.linspace(-4.0, 4.0, 161)
plt.plot(u, sigmoid(u), label="GLU: σ(u)")
plt.plot(u, silu(u), label="SwiGLU: SiLU(u)")
plt.plot(u, gelu(u), linestyle="--", label="GEGLU: GELU(u)")
plt.xlabel("u = x W1")
plt.ylabel("gate")
plt.legend()
plt.show()
# --8<-- [end:example]
