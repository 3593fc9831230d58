import numpy as np

from snippets.elu import elu_grad
from snippets.gelu import gelu_grad
from snippets.leaky_relu import leaky_relu_grad
from snippets.mish import mish_grad
from snippets.relu import relu_grad
from snippets.selu import selu_grad
from snippets.sigmoid import sigmoid_grad
from snippets.silu import silu_grad
from snippets.softplus import softplus_grad
from snippets.tanh import tanh_grad

# --8<-- [start:example]
import matplotlib.pyplot as plt

derivatives = [sigmoid_grad, tanh_grad, relu_grad, leaky_relu_grad, elu_grad, selu_grad,
               gelu_grad, silu_grad, softplus_grad, mish_grad]
x = np.arange(-4.0, 3.0, 0.02)
for g in derivatives:
    plt.plot(x, g(x), label=g.__name__)
plt.ylim(-0.2, 1.9)
plt.xlabel("x")
plt.legend(ncol=2, fontsize="small")
plt.show()
# --8<-- [end:example]
