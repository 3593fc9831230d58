import numpy as np

from snippets.glu import glu, swiglu_ffn  # on the page: above
from snippets.silu import silu

# --8<-- [start:example]
x = np.array([1.0, -2.0, 0.0, 3.0])
print(glu(x))  # a = (1, -2) passes, b = (0, 3) gates
#> [ 0.5        -1.90514825]
print(glu(np.concatenate([x[2:], x[:2]])))  # the halves swapped: another function
#> [0.         0.35760877]

rng = np.random.default_rng(1)
w1, w3 = rng.normal(scale=0.5, size=(2, 4, 6))
w2 = rng.normal(scale=0.4, size=(6, 4))
print(np.abs(swiglu_ffn(x, w1, w3, w2) - swiglu_ffn(x, w3, w1, w2)).max().round(4))  # w1 and w3 swapped
#> 0.698

# One fused matrix (d, 2 hidden): the linear half first, the gate's second
fused = np.concatenate([w3, w1], axis=1)
a, b = np.split(x @ fused, 2, axis=-1)
print(np.allclose((a * silu(b)) @ w2, swiglu_ffn(x, w1, w3, w2)))
#> True
# --8<-- [end:example]
