import numpy as np

from snippets.gelu import gelu, gelu_grad
from snippets.relu import relu, relu_grad
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.tanh import tanh, tanh_grad

# --8<-- [start:definitions]
# Standard deviation of the normal distribution each weight is drawn from
INIT_STD = {
    "xavier": lambda fan_in, fan_out: np.sqrt(2.0 / (fan_in + fan_out)),  # Glorot (Xavier) normal
    "he": lambda fan_in, fan_out: np.sqrt(2.0 / fan_in),  # He (Kaiming) normal
}

# name: (activation, its derivative, the initialisation usually paired with it)
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_grad, "xavier"),
    "tanh": (tanh, tanh_grad, "xavier"),
    "relu": (relu, relu_grad, "he"),
    "gelu": (gelu, gelu_grad, "he"),
}


def gradient_norms(activation, activation_grad, depth=24, width=64, batch=128, seed=0, init="xavier"):
    """Norm of the loss gradient for each layer's weight matrix, first layer first.

    The network is `depth` identical layers h = activation(h @ W), each W of shape
    (width, width), no biases. One forward and one backward pass on a random batch,
    with the mean squared error against random targets as the loss.
    """
    if init not in INIT_STD:
        raise ValueError(f"init must be one of {sorted(INIT_STD)}, got {init!r}")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, width))  # the inputs
    y = rng.standard_normal((batch, width))  # the targets
    std = INIT_STD[init](width, width)
    weights = [std * rng.standard_normal((width, width)) for _ in range(depth)]

    # Forward: keep each layer's input h and pre-activation z for the backward pass
    inputs, pre_activations = [], []
    h = x
    for w in weights:
        inputs.append(h)
        z = h @ w
        pre_activations.append(z)
        h = activation(z)

    # Backward: loss = mean((h - y)**2), so d loss / d h = 2 (h - y) / h.size
    grad_h = 2.0 * (h - y) / h.size
    norms = []
    for w, h_in, z in zip(reversed(weights), reversed(inputs), reversed(pre_activations)):
        grad_z = grad_h * activation_grad(z)  # through the activation: one factor f'(z) per layer
        norms.append(np.linalg.norm(h_in.T @ grad_z))  # d loss / d W of this layer
        grad_h = grad_z @ w.T  # through the weights, to the layer below
    return np.array(norms[::-1])  # first layer first
# --8<-- [end:definitions]
