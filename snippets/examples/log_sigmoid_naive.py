import numpy as np

from snippets.log_sigmoid import log_sigmoid  # on the page: the definitions above

# --8<-- [start:example]
import warnings

x = np.array([-800.0, -1.0, 40.0])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(np.log(1 / (1 + np.exp(-x))))  # the textbook sigmoid, then its log
#> [       -inf -1.31326169  0.        ]
print([str(w.message) for w in caught])
#> ['overflow encountered in exp', 'divide by zero encountered in log']
print(log_sigmoid(x))  # the true values: -800, -1.3133 and -4.2e-18
#> [-8.00000000e+02 -1.31326169e+00 -4.24835426e-18]
# --8<-- [end:example]
