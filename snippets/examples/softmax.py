import numpy as np

from snippets.softmax import log_softmax, softmax, softmax_jacobian  # on the page: above

# --8<-- [start:example]
import matplotlib.pyplot as plt

a = np.array([1.0, 2.0, 3.0])
y = softmax(a)
print(y)
#> [0.09003057 0.24472847 0.66524096]
print(np.sum(y))
#> 0.9999999999999999
print(softmax(np.array([1000.0, 1000.0])))  # no overflow
#> [0.5 0.5]
print(softmax(np.array([2.0, -np.inf, 0.0])))  # -inf masks an entry
#> [0.88079708 0.         0.11920292]

batch = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
print(softmax(batch))  # one distribution per row (axis=-1)
#> [[0.09003057 0.24472847 0.66524096]
#>  [0.33333333 0.33333333 0.33333333]]
print(log_softmax(a))
#> [-2.40760596 -1.40760596 -0.40760596]
print(softmax_jacobian(a).round(4))
#> [[ 0.0819 -0.022  -0.0599]
#>  [-0.022   0.1848 -0.1628]
#>  [-0.0599 -0.1628  0.2227]]

# Vary the first input; the other two stay at 0 and 1
t = np.arange(-5.0, 5.0, 0.05)
inputs = np.stack([t, np.zeros_like(t), np.ones_like(t)], axis=-1)
outputs = softmax(inputs)
for i in range(3):
    plt.plot(t, outputs[:, i], label=f"y{i + 1}")
slope = [softmax_jacobian(row)[0, 0] for row in inputs]
plt.plot(t, slope, linestyle="--", label="∂y1/∂x1")
plt.xlabel("x1   (x2 = 0, x3 = 1)")
plt.legend()
plt.show()
# --8<-- [end:example]
