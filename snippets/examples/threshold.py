import numpy as np

from snippets.threshold import threshold, threshold_grad  # on the page: the definitions above

# --8<-- [start:example]
x = np.array([-1.0, 0.1, 0.5, 2.0])
print(threshold(x, 0.1, 20.0))  # as nn.Threshold(0.1, 20.0): 20 at or below 0.1
#> [20.  20.   0.5  2. ]
print(threshold_grad(x, 0.1, 20.0))  # 0 at x = 0.1 itself, as PyTorch autograd does
#> [0. 0. 1. 1.]
print(threshold(x, 0.0, 0.0))  # threshold 0 and value 0: ReLU
#> [0.  0.1 0.5 2. ]
# --8<-- [end:example]
