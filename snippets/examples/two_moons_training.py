import numpy as np

from snippets.two_moons_training import train  # on the page: the definitions above
from snippets.vanishing_gradient import ACTIVATIONS

# --8<-- [start:example]
import matplotlib.pyplot as plt

# 10 hidden layers of width 32; 300 steps of gradient descent, learning rate 0.03
losses = {name: train(f, f_grad, init) for name, (f, f_grad, init) in ACTIVATIONS.items()}

print(f"ln 2 = {np.log(2):.3f}")  # the loss of answering 1/2 for every point
for name, loss in losses.items():
    print(f"{name:<8}loss at the start {loss[0]:.3f}, after 100 steps {loss[100]:.3f}, after 300 {loss[300]:.3f}")
#> ln 2 = 0.693
#> sigmoid loss at the start 0.789, after 100 steps 0.693, after 300 0.693
#> tanh    loss at the start 0.719, after 100 steps 0.316, after 300 0.254
#> relu    loss at the start 0.786, after 100 steps 0.223, after 300 0.043
#> gelu    loss at the start 0.729, after 100 steps 0.257, after 300 0.047

for name, loss in losses.items():
    plt.plot(loss, label=name)
plt.axhline(np.log(2), color="grey", linestyle="--", linewidth=1)
plt.xlabel("step")
plt.ylabel("loss (binary cross-entropy)")
plt.legend()
plt.show()
# --8<-- [end:example]
