import numpy as np

from snippets.maxout import maxout, maxout_vjp  # on the page: the definitions above

# --8<-- [start:example]
z = np.array([[1.0, -2.0, 0.5, 3.0, 3.0, -1.0]])  # 2 units of 3 pieces each
print(maxout(z, pieces=3))  # the largest of each group of 3
#> [[1. 3.]]
print(maxout_vjp(z, np.array([[1.0, 1.0]]), pieces=3))  # to the first of two equal pieces
#> [[1. 0. 0. 1. 0. 0.]]

x = np.array([-2.0, -0.5, 1.0, 3.0])
print(maxout(np.stack([x, np.zeros_like(x)], axis=-1), pieces=2).ravel())  # pieces x and 0: ReLU
#> [0. 0. 1. 3.]
print(maxout(np.stack([x, -x], axis=-1), pieces=2).ravel())  # pieces x and -x: |x|
#> [2.  0.5 1.  3. ]
# --8<-- [end:example]
