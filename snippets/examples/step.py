import numpy as np

from snippets.step import step, step_grad  # on the page: the definitions above

# --8<-- [start:example]
import matplotlib.pyplot as plt

x = np.array([-1.0, 0.0, 2.0])
print(step(x))
#> [0. 0. 1.]
print(step_grad(x))  # 0 everywhere: no gradient to learn from
#> [0. 0. 0.]

x = np.arange(-3.0, 3.0, 0.01)
plt.plot(x, step(x), label="step(x)")
plt.plot(x, step_grad(x), linestyle="--", label="step'(x)")
plt.ylim(-0.1, 1.1)
plt.xlabel("x")
plt.legend()
plt.show()
# --8<-- [end:example]
