import numpy as np

from snippets.sigmoid import sigmoid, sigmoid_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt


def numerical_diff(f, x, h=1e-4):
    return (f(x + h) - f(x - h)) / (2 * h)  # central difference


x = np.array([-2.0, 0.0, 2.0])
print(numerical_diff(sigmoid, x))
#> [0.10499359 0.25       0.10499359]
print(sigmoid_grad(x))
#> [0.10499359 0.25       0.10499359]
error = np.abs(numerical_diff(sigmoid, x) - sigmoid_grad(x)).max()
print(f"{error:.1e}")  # about h**2 / 6 times the third derivative
#> 2.1e-10

t = np.arange(-6.0, 6.0, 0.1)
plt.plot(t, sigmoid(t), label="sigmoid(x)")
for x0 in x:  # the tangent at x0: its slope is the derivative there
    slope = numerical_diff(sigmoid, x0)
    tangent = sigmoid(x0) + slope * (t - x0)
    plt.plot(t, tangent, linestyle="--", label=f"slope {slope:.3f} at x = {x0:g}")
plt.plot(x, sigmoid(x), "o", color="black")
plt.ylim(-0.1, 1.1)
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
