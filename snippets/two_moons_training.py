import numpy as np

from snippets.sigmoid import sigmoid
from snippets.softplus import softplus
from snippets.vanishing_gradient import INIT_STD


# --8<-- [start:definitions]
def two_moons(n=200, noise=0.1, seed=0):
    """n points on two interleaving half circles in the plane, and their labels 0 and 1."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    t = rng.uniform(0.0, np.pi, n)
    x = np.where(labels == 0, np.cos(t), 1.0 - np.cos(t))
    y = np.where(labels == 0, np.sin(t), 0.5 - np.sin(t))
    return np.column_stack([x, y]) + noise * rng.standard_normal((n, 2)), labels.astype(np.float64)


def init_params(sizes, init, seed=0):
    """(W, b) for each layer: W from the named initialisation, b = 0; the output layer uses Xavier."""
    rng = np.random.default_rng(seed)
    params = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        scheme = init if i < len(sizes) - 2 else "xavier"
        params.append((INIT_STD[scheme](fan_in, fan_out) * rng.standard_normal((fan_in, fan_out)), np.zeros(fan_out)))
    return params


def loss_and_grads(params, x, labels, activation, activation_grad):
    """Mean binary cross-entropy of the network on (x, labels), and its gradient for each (W, b)."""
    inputs, pre_activations = [], []
    h = x
    for w, b in params[:-1]:  # hidden layers: h = activation(h @ W + b)
        inputs.append(h)
        z = h @ w + b
        pre_activations.append(z)
        h = activation(z)
    w_out, b_out = params[-1]
    logit = (h @ w_out + b_out)[:, 0]  # one output unit: p = sigmoid(logit)
    loss = np.mean(softplus(logit) - labels * logit)  # -log p(label), without overflow

    grad_z = ((sigmoid(logit) - labels) / len(labels))[:, None]
    grads = [(h.T @ grad_z, grad_z.sum(axis=0))]
    grad_h = grad_z @ w_out.T
    for (w, _), h_in, z in zip(reversed(params[:-1]), reversed(inputs), reversed(pre_activations)):
        grad_z = grad_h * activation_grad(z)
        grads.append((h_in.T @ grad_z, grad_z.sum(axis=0)))
        grad_h = grad_z @ w.T
    return loss, grads[::-1]


def train(activation, activation_grad, init, depth=10, width=32, steps=300, lr=0.03, seed=0):
    """Full-batch gradient descent on two moons; the loss after 0, 1, ..., steps steps."""
    # lr: at 0.1 the tanh run overshoots and turns chaotic, its loss set by the last bits of each sum
    x, labels = two_moons(seed=seed)
    params = init_params([2] + [width] * depth + [1], init, seed=seed + 1)  # not the data's random numbers
    losses = []
    for step in range(steps + 1):
        loss, grads = loss_and_grads(params, x, labels, activation, activation_grad)
        losses.append(loss)
        if step < steps:
            params = [(w - lr * gw, b - lr * gb) for (w, b), (gw, gb) in zip(params, grads)]
    return np.array(losses)
# --8<-- [end:definitions]
