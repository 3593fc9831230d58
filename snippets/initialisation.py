import numpy as np

# --8<-- [start:definitions]
LINEAR = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d")


def calculate_gain(nonlinearity, param=None):
    """The gain g of an activation, as torch.nn.init.calculate_gain returns it."""
    if nonlinearity in LINEAR or nonlinearity == "sigmoid":
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3  # a heuristic: no derivation is given
    if nonlinearity == "relu":
        return np.sqrt(2.0)  # E[relu(z)^2] = E[z^2] / 2
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param  # PyTorch's default negative_slope
        if isinstance(slope, bool) or not isinstance(slope, int | float):
            raise ValueError(f"negative_slope {param!r} not a valid number")
        return np.sqrt(2.0 / (1 + slope**2))  # E[leaky_relu(z)^2] = (1 + slope^2) E[z^2] / 2
    if nonlinearity == "selu":
        return 3.0 / 4  # found by experiment; self-normalising needs 1 (LeCun)
    raise ValueError(f"Unsupported nonlinearity {nonlinearity!r}")


# Weights of shape (fan_in, fan_out), for a layer that computes h @ W, from a normal distribution
def xavier_normal(fan_in, fan_out, gain=1.0, rng=None):
    """Glorot and Bengio (2010): standard deviation gain * sqrt(2 / (fan_in + fan_out))."""
    rng = np.random.default_rng() if rng is None else rng
    return gain * np.sqrt(2.0 / (fan_in + fan_out)) * rng.standard_normal((fan_in, fan_out))


def he_normal(fan_in, fan_out, gain=2**0.5, mode="fan_in", rng=None):
    """He et al. (2015): standard deviation gain / sqrt(fan_in), or gain / sqrt(fan_out)."""
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    rng = np.random.default_rng() if rng is None else rng
    fan = fan_in if mode == "fan_in" else fan_out
    return gain / np.sqrt(fan) * rng.standard_normal((fan_in, fan_out))


def lecun_normal(fan_in, fan_out, rng=None):
    """LeCun et al. (1998): standard deviation 1 / sqrt(fan_in), He's formula with gain 1."""
    return he_normal(fan_in, fan_out, gain=1.0, rng=rng)
# --8<-- [end:definitions]


# --8<-- [start:measure]
def second_moment(f):
    """E[f(z)^2] for z drawn from the standard normal distribution (a sum over a fine grid)."""
    z, dz = np.linspace(-12.0, 12.0, 240_001, retstep=True)
    density = np.exp(-(z**2) / 2) / np.sqrt(2 * np.pi)
    return np.sum(f(z) ** 2 * density) * dz


def activation_stds(activation, init, depth=24, width=64, batch=128, seed=0):
    """Standard deviation of each layer's output at initialisation, first layer first.

    The network of the vanishing-gradient page: `depth` layers h = activation(h @ W), each W
    of shape (width, width) drawn by init(width, width, rng=rng), no biases; the input is a
    batch of standard normal vectors.
    """
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((batch, width))
    stds = []
    for _ in range(depth):
        h = activation(h @ init(width, width, rng=rng))
        stds.append(h.std())
    return np.array(stds)
# --8<-- [end:measure]
