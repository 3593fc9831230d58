import numpy as np

from snippets.initialisation import (  # on the page: the definitions above
    activation_stds,
    calculate_gain,
    he_normal,
    lecun_normal,
    xavier_normal,
)
from snippets.relu import relu
from snippets.selu import selu
from snippets.tanh import tanh

# --8<-- [start:example]
import functools

import matplotlib.pyplot as plt

# Each activation twice: with the initialisation this page recommends for it, then with another
PAIRS = {
    "relu + he": (relu, he_normal),
    "relu + xavier": (relu, xavier_normal),
    "tanh + xavier, gain 5/3": (tanh, functools.partial(xavier_normal, gain=calculate_gain("tanh"))),
    "tanh + xavier": (tanh, xavier_normal),
    "selu + lecun": (selu, lecun_normal),
    "selu + he, gain 3/4": (selu, functools.partial(he_normal, gain=calculate_gain("selu"))),
}

# 24 layers of width 64, a batch of 128, seed 0: the defaults of activation_stds
stds = {label: activation_stds(f, init) for label, (f, init) in PAIRS.items()}
for label, s in stds.items():
    print(f"{label:<24} layer 1 {s[0]:<5.2f} layer 24 {s[-1]:.2g}")
#> relu + he                layer 1 0.82  layer 24 0.54
#> relu + xavier            layer 1 0.58  layer 24 0.00013
#> tanh + xavier, gain 5/3  layer 1 0.76  layer 24 0.65
#> tanh + xavier            layer 1 0.63  layer 24 0.14
#> selu + lecun             layer 1 0.99  layer 24 0.97
#> selu + he, gain 3/4      layer 1 0.79  layer 24 0.23

for i, (label, s) in enumerate(stds.items()):
    style = "-" if i % 2 == 0 else "--"  # solid: the pairing this page recommends; dashed: another
    plt.plot(np.arange(1, len(s) + 1), s, style, color=f"C{i // 2}", marker=".", label=label)
plt.yscale("log")
plt.xlabel("layer")
plt.ylabel("std of the layer's output")
plt.legend(fontsize="small")
plt.show()
# --8<-- [end:example]
