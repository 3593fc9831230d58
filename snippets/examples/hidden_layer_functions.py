import numpy as np

from snippets.elu import elu
from snippets.gelu import gelu
from snippets.leaky_relu import leaky_relu
from snippets.mish import mish
from snippets.relu import relu
from snippets.selu import selu
from snippets.sigmoid import sigmoid
from snippets.silu import silu
from snippets.softplus import softplus
from snippets.tanh import tanh

# --8<-- [start:example]
import matplotlib.pyplot as plt

hidden = [sigmoid, tanh, relu, leaky_relu, elu, selu, gelu, silu, softplus, mish]
x = np.arange(-4.0, 3.0, 0.02)
for f in hidden:
    plt.plot(x, f(x), label=f.__name__)
plt.ylim(-2.0, 3.0)
plt.xlabel("x")
plt.legend(ncol=2, fontsize="small")
plt.show()
# --8<-- [end:example]
