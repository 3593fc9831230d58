"""Write tests/reference/pytorch.npz: PyTorch's values and autograd derivatives, the reference
that tests/test_against_pytorch.py compares the snippets with, so the tests need no torch.

Run it from the repository root, with torch==2.13.0 installed (the CPU build is enough; the
version used is stored in the file's `meta`), after adding or changing a function or one of
its `pytorch = [...]` settings in functions.toml:

    python -m tests.reference.make_pytorch_reference

Only this module evaluates the registry's `torch` expressions. It imports torch inside
`compute()`, so the tests can import the key names and the inputs from here without torch.
tests/test_pytorch_reference_file.py (run where torch is installed) checks that `compute()`
still gives the stored arrays.
"""

from __future__ import annotations

import importlib
import io
import json
import platform
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
PATH = Path(__file__).resolve().parent / "pytorch.npz"
COMMAND = "python -m tests.reference.make_pytorch_reference"
TORCH = "2.13.0"  # the PyTorch the file is made with: `pip install torch==2.13.0` (CPU build)

sys.path.insert(0, str(ROOT / "hooks"))
from registry import FUNCTIONS, Function, Reference  # noqa: E402

DTYPES = ("float64", "float32", "float16")  # values; derivatives ("grad") in float64 only
SOFTMAX_DIMS = (0, 1, -1)


# --- the inputs: NumPy only, so that the tests build the same arrays --------------------------


def inputs() -> np.ndarray:
    """Special values, then normal * 10 (the usual range) and uniform(-800, 800) (the tails)."""
    rng = np.random.default_rng(42)
    special = [0.0, -0.0, 1e-300, -1e-300, 1.0, -1.0, 36.0, -36.0, 710.0, -745.0, 1e4, -1e4]
    special += [3.0, -3.0, 6.0, -2.0]  # kinks: hard sigmoid and hard swish, ReLU6, hardtanh(-2, 3)
    return np.concatenate([special, rng.normal(scale=10.0, size=600), rng.uniform(-800, 800, 200)])


def softmax_matrix() -> np.ndarray:
    x = np.random.default_rng(1).normal(scale=20.0, size=(6, 9))
    x[0, :3] = -np.inf  # a masked row
    x[1, 2] = 1e4  # a huge logit
    return x


SOFTMAX_SPECIAL_ROWS = [[-np.inf, -np.inf, -np.inf], [np.nan, 1.0, 2.0], [np.inf, 1.0, 2.0], [1000.0, 1000.0, -np.inf]]
SOFTMAX_JACOBIAN_AT = [1.0, 2.0, 3.0, -4.0]
STEP_POINTS = [-2.0, -0.0, 0.0, 1e-300, 3.0, np.nan]  # heaviside, against the step page
SOFTPLUS_THRESHOLD_POINTS = [19.9, 20.1]  # either side of PyTorch's default threshold=20
KINK_POINTS = [0.0, -0.0]  # ReLU's derivative at 0 and -0
# PReLU's learned slopes, one shared or one per channel (nn.PReLU(num_parameters=C)), with
# PyTorch's channel dimension 1: the gradients with respect to x and to alpha for an upstream g
PRELU_CASES = {  # name: (shape of x, alpha)
    "prelu_shared": ((2, 3, 4, 5), [0.25]),
    "prelu_channels_2d": ((6, 3), [0.25, -0.5, 1.5]),
    "prelu_channels_4d": ((2, 3, 4, 5), [0.25, -0.5, 1.5]),
}
PRELU_ARRAYS = ["x", "alpha", "g", "float64", "grad", "grad_alpha"]


def prelu_case(shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """x (with its kink 0 and -0 at the start) and the upstream gradient g for a PReLU case."""
    rng = np.random.default_rng(7)
    x = rng.normal(scale=3.0, size=shape)
    x.flat[:2] = [0.0, -0.0]
    return x, rng.normal(size=shape)


# --- key names: one place, shared with the tests ----------------------------------------------


def label(name: str, ref: Reference) -> str:
    """'leaky_relu' for the defaults, 'leaky_relu(alpha=0.2)' for another setting."""
    return f"{name}({ref.id})" if ref.id else name


def settings(functions: dict[str, Function] = FUNCTIONS) -> dict[str, tuple[str, Reference]]:
    """Every elementwise setting the registry asks PyTorch about: label -> (name, reference)."""
    return {label(name, ref): (name, ref) for name, f in functions.items() if not f.vector for ref in f.pytorch}


def vector_keys(name: str) -> list[str]:
    keys = [f"{name}/matrix/x"]
    for dim in SOFTMAX_DIMS:
        keys += [f"{name}/matrix/dim={dim}/softmax", f"{name}/matrix/dim={dim}/log_softmax"]
    keys += [f"{name}/special_rows/x", f"{name}/special_rows/softmax", f"{name}/special_rows/log_softmax"]
    return keys + [f"{name}/jacobian/x", f"{name}/jacobian/jacobian"]


EXTRA_KEYS = [
    "extra/step_heaviside/x", "extra/step_heaviside/float64",
    "extra/softplus_threshold_20/x", "extra/softplus_threshold_20/float64",
    "extra/relu_kink/x", "extra/relu_kink/grad",
] + [f"extra/{case}/{array}" for case in PRELU_CASES for array in PRELU_ARRAYS]


# --- the topic pages: gated units (gated/...) and softmax with its loss (losses/...) ------------
# Not registry entries: docs/<lang>/gated-units.md and softmax-loss.md name their PyTorch
# equivalents themselves; tests/test_gated_units.py and tests/test_softmax_loss.py compare with these.

GLU_DIMS = (-1, 1)
FFN_BLOCKS = ("swiglu", "geglu", "geglu_tanh")  # gate F.silu, F.gelu, F.gelu(approximate="tanh")
FFN_GRADS = ["value", "grad_x", "grad_w1", "grad_w3", "grad_w2"]


def gated_inputs() -> dict[str, np.ndarray]:
    """GLU's x and an upstream gradient g per split dim; a feed-forward block with d = 8 and a
    hidden size of 12: x (2 sequences of 3 tokens), w1 and w3 (8, 12), w2 (12, 8), and g."""
    rng = np.random.default_rng(12)
    found = {"glu/x": rng.normal(scale=2.0, size=(2, 4, 6))}
    for dim in GLU_DIMS:
        half = list(found["glu/x"].shape)
        half[dim] //= 2
        found[f"glu/dim={dim}/g"] = rng.normal(size=half)
    found["ffn/x"] = rng.normal(size=(2, 3, 8))
    found["ffn/w1"], found["ffn/w3"] = rng.normal(scale=8**-0.5, size=(2, 8, 12))
    found["ffn/w2"] = rng.normal(scale=12**-0.5, size=(12, 8))
    found["ffn/g"] = rng.normal(size=(2, 3, 8))
    return found


def loss_inputs() -> dict[str, np.ndarray]:
    """Cross-entropy: logits (6 examples, 5 classes) with a logit of 1e4 in the last two rows
    (right, then wrong), and their labels; binary cross-entropy: logits with +-40 and +-1e4,
    hard and soft targets."""
    rng = np.random.default_rng(13)
    logits = rng.normal(scale=3.0, size=(6, 5))
    logits[4:] = [1e4, -1e4, 0.0, 1.0, 2.0]
    labels = np.array([0, 4, 2, 1, 0, 1])
    bce_logits = np.concatenate([[40.0, -40.0, 1e4, -1e4, 0.0, 3.0], rng.normal(scale=3.0, size=6)])
    targets = np.array([1.0, 0.0, 0.0, 1.0, 1.0, 0.3, 0.0, 1.0, 0.0, 1.0, 0.7, 0.5])
    return {"cross_entropy/logits": logits, "cross_entropy/labels": labels, "bce/logits": bce_logits, "bce/targets": targets}


TOPIC_KEYS = (
    [f"gated/{key}" for key in gated_inputs()]
    + [f"gated/glu/dim={dim}/{array}" for dim in GLU_DIMS for array in ("value", "grad")]
    + [f"gated/{block}/{array}" for block in FFN_BLOCKS for array in FFN_GRADS]
    + [f"losses/{key}" for key in loss_inputs()]
    + [f"losses/{loss}/{array}" for loss in ("cross_entropy", "bce") for array in ("float64", "float32", "grad")]
)


def _topic_pages(torch) -> dict[str, np.ndarray]:
    """PyTorch's values and autograd gradients for the gated units and loss pages."""
    F = torch.nn.functional
    arrays = {}
    gated = gated_inputs()
    for dim in GLU_DIMS:
        x = torch.tensor(gated["glu/x"], requires_grad=True)
        y = F.glu(x, dim=dim)
        y.backward(torch.tensor(gated[f"glu/dim={dim}/g"]))  # x.grad: the vector-Jacobian product
        arrays[f"gated/glu/dim={dim}/value"], arrays[f"gated/glu/dim={dim}/grad"] = y.detach().numpy(), x.grad.numpy()
    gates = (F.silu, F.gelu, lambda t: F.gelu(t, approximate="tanh"))
    for block, gate in zip(FFN_BLOCKS, gates, strict=True):
        # As LLaMA's FeedForward.forward, w2(F.silu(w1(x)) * w3(x)): each w an nn.Linear without
        # bias, whose weight is our (in, out) matrix transposed
        linear = {}
        for name in ("w1", "w3", "w2"):
            w = gated[f"ffn/{name}"]
            linear[name] = torch.nn.Linear(*w.shape, bias=False, dtype=torch.float64)
            with torch.no_grad():
                linear[name].weight.copy_(torch.tensor(w.T))
        x = torch.tensor(gated["ffn/x"], requires_grad=True)
        y = linear["w2"](gate(linear["w1"](x)) * linear["w3"](x))
        y.backward(torch.tensor(gated["ffn/g"]))
        arrays[f"gated/{block}/value"], arrays[f"gated/{block}/grad_x"] = y.detach().numpy(), x.grad.numpy()
        for name in ("w1", "w3", "w2"):
            arrays[f"gated/{block}/grad_{name}"] = np.ascontiguousarray(linear[name].weight.grad.numpy().T)
    arrays.update({f"gated/{key}": value for key, value in gated.items()})

    losses = loss_inputs()
    cases = {  # F.cross_entropy and F.binary_cross_entropy_with_logits at their defaults (reduction="mean")
        "cross_entropy": (F.cross_entropy, losses["cross_entropy/logits"], torch.tensor(losses["cross_entropy/labels"])),
        "bce": (F.binary_cross_entropy_with_logits, losses["bce/logits"], losses["bce/targets"]),
    }
    for loss, (fn, logits, target) in cases.items():
        for dtype in ("float64", "float32"):
            t = target if isinstance(target, torch.Tensor) else torch.tensor(target.astype(dtype))
            with torch.no_grad():
                arrays[f"losses/{loss}/{dtype}"] = fn(torch.tensor(logits.astype(dtype)), t).numpy()
        x = torch.tensor(logits, requires_grad=True)
        fn(x, target if isinstance(target, torch.Tensor) else torch.tensor(target)).backward()
        arrays[f"losses/{loss}/grad"] = x.grad.numpy()
    arrays.update({f"losses/{key}": value for key, value in losses.items()})
    return arrays


# --- the initialisation page: torch.nn.init.calculate_gain (init/gain/...) --------------------
# docs/<lang>/initialisation.md; tests/test_initialisation.py compares snippets/initialisation.py
# with these. Each key is a gain, as float64 (PyTorch returns 1, an int, for the linear ones).

INIT_GAINS = {  # key: calculate_gain's arguments (nonlinearity, param)
    **{name: (name, None) for name in ("linear", "conv1d", "conv2d", "conv3d")},
    **{name: (name, None) for name in ("conv_transpose1d", "conv_transpose2d", "conv_transpose3d")},
    "sigmoid": ("sigmoid", None),
    "tanh": ("tanh", None),
    "relu": ("relu", None),
    "leaky_relu": ("leaky_relu", None),  # negative_slope 0.01
    "leaky_relu(param=0.2)": ("leaky_relu", 0.2),
    "leaky_relu(param=sqrt(5))": ("leaky_relu", 5**0.5),  # what nn.Linear's default initialisation uses
    "selu": ("selu", None),
}
INIT_KEYS = [f"init/gain/{key}" for key in INIT_GAINS]


def _init_gains(torch) -> dict[str, np.ndarray]:
    return {f"init/gain/{key}": np.array(float(torch.nn.init.calculate_gain(*args))) for key, args in INIT_GAINS.items()}


# --- every activation PyTorch ships: the PyTorch page (pytorch-list/...) -----------------------
# docs/<lang>/pytorch-activations.md lists the classes of torch.nn's two "Non-linear activations"
# sections; those without a page of their own get a section there, whose snippets
# tests/test_pytorch_activations.py compares with these arrays. The list of classes is written by
# main() to LIST_PATH from the installed torch, so that the test checks the page against it without torch.

LIST_PATH = Path(__file__).resolve().parent / "pytorch_activations.json"
LIST_MODULES = ("torch.nn.modules.activation", "torch.nn.modules.adaptive")  # their __all__: the classes
# Elementwise: label -> (snippet module, function, our keyword arguments, PyTorch's equivalent)
LIST_ELEMENTWISE = {
    "threshold(threshold=0.1, value=20.0)": (
        "threshold", "threshold", {"threshold": 0.1, "value": 20.0}, "torch.nn.Threshold(0.1, 20.0)"
    ),
    "threshold(threshold=-1.0, value=-3.0)": (
        "threshold", "threshold", {"threshold": -1.0, "value": -3.0}, "torch.nn.Threshold(-1.0, -3.0)"
    ),
    "rrelu": ("rrelu", "rrelu", {}, "torch.nn.RReLU().eval()"),
    "rrelu(lower=0.1, upper=0.3)": ("rrelu", "rrelu", {"lower": 0.1, "upper": 0.3}, "torch.nn.RReLU(0.1, 0.3).eval()"),
    "hardshrink": ("shrink", "hardshrink", {}, "torch.nn.Hardshrink()"),
    "hardshrink(lambd=1.5)": ("shrink", "hardshrink", {"lambd": 1.5}, "torch.nn.Hardshrink(1.5)"),
    "softshrink": ("shrink", "softshrink", {}, "torch.nn.Softshrink()"),
    "softshrink(lambd=1.5)": ("shrink", "softshrink", {"lambd": 1.5}, "torch.nn.Softshrink(1.5)"),
    "tanhshrink": ("shrink", "tanhshrink", {}, "torch.nn.Tanhshrink()"),
}
LIST_POINTS = [0.1, 0.5, -0.5, 1.5, -1.5, np.inf, -np.inf]  # the kinks above, and the limits
MAXOUT_PIECES = 3


def list_inputs() -> dict[str, np.ndarray]:
    """x for the elementwise functions; softmin's matrix; softmax2d's images, (N, C, H, W) and
    (C, H, W), with an upstream gradient g each; maxout's z (4 rows of 4 groups of 3) with ties
    and infinities, and its g."""
    rng = np.random.default_rng(20)
    found = {"x": np.concatenate([inputs(), LIST_POINTS]), "softmin/x": softmax_matrix()}
    for name, shape in [("nchw", (2, 3, 4, 5)), ("chw", (3, 4, 5))]:
        found[f"softmax2d/{name}/x"] = rng.normal(scale=5.0, size=shape)
        found[f"softmax2d/{name}/g"] = rng.normal(size=shape)
    z = rng.normal(scale=3.0, size=(4, 4 * MAXOUT_PIECES))
    z[0, :3] = [2.0, 2.0, 1.0]  # a tie: the gradient goes to the first
    z[1, 3:6] = [-np.inf, -np.inf, -1.0]
    z[2, 6:9] = [np.inf, 0.0, np.inf]
    found["maxout/z"], found["maxout/g"] = z, rng.normal(size=(4, 4))
    return found


LIST_KEYS = (
    [f"pytorch-list/{key}" for key in list_inputs()]
    + [f"pytorch-list/{lab}/{dtype}" for lab in LIST_ELEMENTWISE for dtype in (*DTYPES, "grad")]
    + [f"pytorch-list/softmin/dim={dim}/{dtype}" for dim in SOFTMAX_DIMS for dtype in ("float64", "float32")]
    + ["pytorch-list/softmin/jacobian/x", "pytorch-list/softmin/jacobian/jacobian"]
    + [f"pytorch-list/softmax2d/{name}/{array}" for name in ("nchw", "chw") for array in ("float64", "float32", "grad")]
    + [f"pytorch-list/maxout/{array}" for array in ("float64", "float32", "grad")]
)


def torch_classes() -> list[str]:
    """The classes of the installed torch's activation modules, in the order of their __all__."""
    return [name for module in LIST_MODULES for name in importlib.import_module(module).__all__]


def _pytorch_list(torch) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """PyTorch's values and autograd derivatives for the PyTorch page's sections."""
    arrays, missing = {}, {}
    found = list_inputs()
    x = found["x"]
    for lab, (*_, expression) in LIST_ELEMENTWISE.items():
        fn = eval(expression, {"torch": torch})  # noqa: S307 (our own expressions, above)
        with torch.no_grad():
            for dtype in DTYPES:
                try:
                    arrays[f"pytorch-list/{lab}/{dtype}"] = fn(torch.from_numpy(x.astype(dtype))).numpy()
                except (RuntimeError, NotImplementedError) as error:  # e.g. no Half kernel on CPU
                    missing[f"pytorch-list/{lab}/{dtype}"] = f"torch {torch.__version__} on CPU: {error}"
        t = torch.tensor(x, requires_grad=True)
        fn(t).sum().backward()
        arrays[f"pytorch-list/{lab}/grad"] = t.grad.numpy()
    m = found["softmin/x"]
    for dim in SOFTMAX_DIMS:
        for dtype in ("float64", "float32"):
            softmin = torch.nn.Softmin(dim=dim)
            arrays[f"pytorch-list/softmin/dim={dim}/{dtype}"] = softmin(torch.tensor(m.astype(dtype))).numpy()
    v = torch.tensor(SOFTMAX_JACOBIAN_AT, dtype=torch.float64)
    arrays["pytorch-list/softmin/jacobian/x"] = v.numpy()
    arrays["pytorch-list/softmin/jacobian/jacobian"] = torch.autograd.functional.jacobian(torch.nn.Softmin(dim=0), v).numpy()
    for name in ("nchw", "chw"):
        image, g = found[f"softmax2d/{name}/x"], found[f"softmax2d/{name}/g"]
        with torch.no_grad():
            arrays[f"pytorch-list/softmax2d/{name}/float32"] = torch.nn.Softmax2d()(torch.tensor(image.astype("float32"))).numpy()
        t = torch.tensor(image, requires_grad=True)
        y = torch.nn.Softmax2d()(t)
        y.backward(torch.tensor(g))  # t.grad: the vector-Jacobian product
        arrays[f"pytorch-list/softmax2d/{name}/float64"] = y.detach().numpy()
        arrays[f"pytorch-list/softmax2d/{name}/grad"] = t.grad.numpy()

    def maxout(t):  # not in PyTorch: groups of MAXOUT_PIECES along the last dim, and torch.max
        return t.unflatten(-1, (-1, MAXOUT_PIECES)).max(dim=-1).values

    z, g = found["maxout/z"], found["maxout/g"]
    with torch.no_grad():
        arrays["pytorch-list/maxout/float32"] = maxout(torch.tensor(z.astype("float32"))).numpy()
    t = torch.tensor(z, requires_grad=True)
    y = maxout(t)
    y.backward(torch.tensor(g))
    arrays["pytorch-list/maxout/float64"], arrays["pytorch-list/maxout/grad"] = y.detach().numpy(), t.grad.numpy()
    arrays.update({f"pytorch-list/{key}": value for key, value in found.items()})
    return arrays, missing


def write_list(version: str, path: Path = LIST_PATH) -> None:
    """The installed torch's list of activation classes, which the PyTorch page must cover."""
    listed = {"torch": version, "made_by": COMMAND, "from": [f"{module}.__all__" for module in LIST_MODULES]}
    path.write_text(json.dumps({**listed, "classes": torch_classes()}, indent=1) + "\n", encoding="utf-8")


def expected_keys(functions: dict[str, Function] = FUNCTIONS) -> list[str]:
    """Every array key the registry asks for (a key may instead be listed in meta['missing'])."""
    keys = ["inputs"]
    for lab in settings(functions):
        keys += [f"{lab}/{dtype}" for dtype in DTYPES] + [f"{lab}/grad"]
    for name, f in functions.items():
        if f.vector:
            if [ref.ours for ref in f.pytorch] != [{}]:
                raise ValueError(f"{name}: a vector function is compared at its defaults only; teach {COMMAND} its settings")
            keys += vector_keys(name)
    return keys + EXTRA_KEYS + TOPIC_KEYS + INIT_KEYS + LIST_KEYS


# --- PyTorch's values -------------------------------------------------------------------------


def compute(functions: dict[str, Function] = FUNCTIONS) -> tuple[dict[str, np.ndarray], dict]:
    """PyTorch's arrays by key, and the metadata (versions, and why any array is absent)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the same reductions (sum, softmax) whatever the machine
    try:
        return _compute(torch, functions)
    finally:
        torch.set_num_threads(threads)


def _compute(torch, functions: dict[str, Function]) -> tuple[dict[str, np.ndarray], dict]:
    arrays: dict[str, np.ndarray] = {}
    missing: dict[str, str] = {}
    x = inputs()
    arrays["inputs"] = x
    for lab, (_, ref) in settings(functions).items():
        fn = eval(ref.torch, {"torch": torch})  # noqa: S307 (the registry's own expressions)
        with torch.no_grad():
            for dtype in DTYPES:
                # cast by NumPy, exactly as the tests cast (float64 -> float16 directly)
                t = torch.from_numpy(x.astype(dtype))
                try:
                    arrays[f"{lab}/{dtype}"] = fn(t).numpy()
                except (RuntimeError, NotImplementedError) as error:  # e.g. no Half kernel on CPU
                    missing[f"{lab}/{dtype}"] = f"torch {torch.__version__} on CPU: {error}"
        t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        try:
            fn(t).sum().backward()
            arrays[f"{lab}/grad"] = t.grad.numpy()
        except RuntimeError as error:  # heaviside: no derivative in autograd
            missing[f"{lab}/grad"] = f"torch {torch.__version__} autograd: {error}"
    for name, f in functions.items():
        if f.vector:
            expected_keys({name: f})  # only the defaults
            m = softmax_matrix()
            arrays[f"{name}/matrix/x"] = m
            for dim in SOFTMAX_DIMS:
                arrays[f"{name}/matrix/dim={dim}/softmax"] = torch.softmax(torch.tensor(m), dim=dim).numpy()
                arrays[f"{name}/matrix/dim={dim}/log_softmax"] = torch.log_softmax(torch.tensor(m), dim=dim).numpy()
            rows = np.array(SOFTMAX_SPECIAL_ROWS)
            arrays[f"{name}/special_rows/x"] = rows
            arrays[f"{name}/special_rows/softmax"] = torch.softmax(torch.tensor(rows), dim=-1).numpy()
            arrays[f"{name}/special_rows/log_softmax"] = torch.log_softmax(torch.tensor(rows), dim=-1).numpy()
            v = np.array(SOFTMAX_JACOBIAN_AT)
            jacobian = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, dim=0), torch.tensor(v))
            arrays[f"{name}/jacobian/x"] = v
            arrays[f"{name}/jacobian/jacobian"] = jacobian.numpy()
    points = np.array(STEP_POINTS)
    arrays["extra/step_heaviside/x"] = points
    arrays["extra/step_heaviside/float64"] = torch.heaviside(torch.tensor(points), torch.tensor(0.0, dtype=torch.float64)).numpy()
    points = np.array(SOFTPLUS_THRESHOLD_POINTS)
    arrays["extra/softplus_threshold_20/x"] = points
    arrays["extra/softplus_threshold_20/float64"] = torch.nn.functional.softplus(torch.tensor(points)).numpy()  # threshold=20
    points = np.array(KINK_POINTS)
    t = torch.tensor(points, requires_grad=True)
    torch.relu(t).sum().backward()
    arrays["extra/relu_kink/x"] = points
    arrays["extra/relu_kink/grad"] = t.grad.numpy()
    for case, (shape, alpha) in PRELU_CASES.items():
        x, g = prelu_case(shape)
        module = torch.nn.PReLU(num_parameters=len(alpha), dtype=torch.float64)
        with torch.no_grad():
            module.weight.copy_(torch.tensor(alpha))
        t = torch.tensor(x, requires_grad=True)
        y = module(t)
        y.backward(torch.tensor(g))  # t.grad = g * dy/dx; weight.grad = the sum of g * dy/dalpha per slope
        for array, value in zip(PRELU_ARRAYS, [x, alpha, g, y.detach(), t.grad, module.weight.grad], strict=True):
            arrays[f"extra/{case}/{array}"] = np.asarray(value)
    arrays.update(_topic_pages(torch))
    arrays.update(_init_gains(torch))
    listed, absent = _pytorch_list(torch)
    arrays.update(listed)
    missing.update(absent)
    arrays = {key: np.array(a, copy=True) for key, a in arrays.items()}  # own memory, not torch's
    unexpected = (arrays.keys() | missing.keys()) - set(expected_keys(functions))
    if unexpected:
        raise AssertionError(f"keys computed but not listed by expected_keys(): {sorted(unexpected)}")
    meta = {
        "torch": torch.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "made_by": COMMAND,
        "missing": missing,
    }
    return arrays, meta


def write(arrays: dict[str, np.ndarray], meta: dict, path: Path = PATH) -> None:
    """What np.savez_compressed writes, with fixed timestamps: the same arrays give the same bytes."""
    entries = {"meta": np.array(json.dumps(meta, indent=1, sort_keys=True)), **arrays}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key, array in entries.items():
            data = io.BytesIO()
            np.lib.format.write_array(data, np.asanyarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.getvalue(), compresslevel=9)
    path.write_bytes(buffer.getvalue())


def load(path: Path = PATH) -> tuple[dict[str, np.ndarray], dict]:
    """The stored arrays by key, and the metadata."""
    with np.load(path, allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    return arrays, json.loads(str(arrays.pop("meta")))


def main() -> None:
    arrays, meta = compute()
    if meta["torch"].split("+")[0] != TORCH:
        print(f"note: made with torch {meta['torch']}, not {TORCH}; change TORCH if that is the new reference")
    write(arrays, meta)
    print(f"wrote {PATH.relative_to(ROOT)}: {len(arrays)} arrays, {PATH.stat().st_size / 1000:.0f} kB, torch {meta['torch']}")
    write_list(meta["torch"])
    print(f"wrote {LIST_PATH.relative_to(ROOT)}: the classes of {', '.join(LIST_MODULES)}")
    for key, why in meta["missing"].items():
        print(f"  no {key}: {why}")


if __name__ == "__main__":
    main()
