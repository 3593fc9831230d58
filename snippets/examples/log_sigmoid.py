import numpy as np

from snippets.log_sigmoid import log_sigmoid, log_sigmoid_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-1000.0, -1.0, 0.0, 1.0, 40.0])
print(log_sigmoid(x))  # about x far left, about -e^-x far right
#> [-1.00000000e+03 -1.31326169e+00 -6.93147181e-01 -3.13261688e-01
#>  -4.24835426e-18]
print(log_sigmoid_grad(x))  # 1 - sigmoid(x): 1 far left, 0 far right
#> [1.00000000e+00 7.31058579e-01 5.00000000e-01 2.68941421e-01
#>  4.24835426e-18]

x = np.arange(-6.0, 6.0, 0.05)
plt.plot(x, log_sigmoid(x), label="log_sigmoid(x)")
plt.plot(x, log_sigmoid_grad(x), linestyle="--", label="log_sigmoid'(x)")
plt.plot(x, np.minimum(x, 0.0), color="gray", linestyle=":", label="min(x, 0)")
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
