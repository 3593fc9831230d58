"""The page of every activation PyTorch ships (docs/en/pytorch-activations.md and its Japanese twin).

Two kinds of claims. Coverage: every class of the installed torch's activation modules, as
listed in tests/reference/pytorch_activations.json (written by
`python -m tests.reference.make_pytorch_reference` from their ``__all__``), is on the page in both
languages, and links either a page of this handbook or a section of the page itself. Agreement:
the snippets of the page's sections (Threshold, RReLU in evaluation mode, the shrink functions,
Softmin, Softmax2d, maxout) give PyTorch's values and autograd's derivatives, stored in
tests/reference/pytorch.npz (keys pytorch-list/...), and keep the input policy of every snippet.
Each test names the sentence it backs. No torch is imported here.
"""

from __future__ import annotations

import importlib
import json
import re
from functools import partial

import mpmath
import numpy as np
import pytest

from conftest import LANGUAGES, ROOT
from registry import FUNCTIONS
from snippets.maxout import maxout, maxout_vjp
from snippets.softmax2d import softmax2d, softmax2d_vjp
from snippets.softmin import softmin, softmin_jacobian
from test_against_pytorch import FLOAT16_ULPS, META, stored, ulps_apart
from tests.reference.make_pytorch_reference import (
    COMMAND,
    LIST_ELEMENTWISE,
    LIST_PATH,
    MAXOUT_PIECES,
    SOFTMAX_DIMS,
    list_inputs,
)

PAGE = "pytorch-activations.md"
LISTED = json.loads(LIST_PATH.read_text(encoding="utf-8"))
FLOATS = [np.float16, np.float32, np.float64]


def ours(label: str, derivative: bool = False):
    """Our function (or derivative) at the setting of LIST_ELEMENTWISE[label], as f(x)."""
    module, name, kwargs, _ = LIST_ELEMENTWISE[label]
    f = getattr(importlib.import_module(f"snippets.{module}"), f"{name}_grad" if derivative else name)
    return partial(f, **kwargs)


# --- coverage: every class of torch's list is on the page --------------------------------------

ROW = re.compile(r"^\| `nn\.(\w+)` \|(.*)\|\s*$", re.M)
LINK = re.compile(r"\]\(([^)\s]+)\)")
ANCHOR = re.compile(r"\{ #([\w-]+) \}")


def page_rows(lang: str) -> dict[str, list[str]]:
    """The page's table rows, class -> the links of its row."""
    text = (ROOT / "docs" / lang / PAGE).read_text(encoding="utf-8")
    rows = {}
    for name, rest in ROW.findall(text):
        assert name not in rows, f"docs/{lang}/{PAGE}: nn.{name} has two rows"
        rows[name] = LINK.findall(rest)
    return rows


def test_the_list_is_the_reference_files_torch():
    """"as torch 2.13.0 defines them": the list and the reference values come from the same torch."""
    assert LISTED["torch"] == META["torch"], (
        f"{LIST_PATH.relative_to(ROOT)} was written by torch {LISTED['torch']}, pytorch.npz by {META['torch']}: "
        f"run `{COMMAND}`"
    )
    assert LISTED["torch"].split("+")[0] in (ROOT / "docs" / "en" / PAGE).read_text(encoding="utf-8")
    assert len(LISTED["classes"]) == len(set(LISTED["classes"])) >= 30


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pytorch_activation_is_on_the_page(lang):
    """"The two tables below hold every class of both": the registry's completeness check for
    torch.nn's list. A class missing fails here, naming the file to edit."""
    rows = page_rows(lang)
    missing = [name for name in LISTED["classes"] if name not in rows]
    assert not missing, "\n".join(
        f"torch.nn.{name} (listed in {LIST_PATH.relative_to(ROOT)}) is not on docs/{lang}/{PAGE}: add the row "
        f"| `nn.{name}` | ... | to one of its tables, linking its page in this handbook or a section of its own there"
        for name in missing
    )
    extra = sorted(rows.keys() - set(LISTED["classes"]))
    assert not extra, f"docs/{lang}/{PAGE} lists {extra}, which the installed torch's list does not hold"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_row_links_a_page_or_a_section(lang):
    """"link each to the place in this handbook that explains it": a page that exists, or a
    heading of this page; a class that a registry entry compares with (its `torch` expression)
    links that entry's function page."""
    text = (ROOT / "docs" / lang / PAGE).read_text(encoding="utf-8")
    anchors = set(ANCHOR.findall(text))
    by_registry = {
        re.search(r"torch\.nn\.(\w+)\(", ref.torch).group(1): name
        for name, f in FUNCTIONS.items()
        for ref in f.pytorch
        if re.search(r"torch\.nn\.(\w+)\(", ref.torch)
    }
    problems = []
    for name, links in page_rows(lang).items():
        if len(links) != 1:
            problems.append(f"nn.{name}: {len(links)} links; give its row one")
            continue
        target = links[0]
        path, _, anchor = target.partition("#")
        if not path:
            if anchor not in anchors:
                problems.append(f"nn.{name} links #{anchor}, which is no heading of the page: add {{ #{anchor} }}")
        elif not (ROOT / "docs" / lang / path).exists():
            problems.append(f"nn.{name} links {target}, which does not exist")
        if name in by_registry and path != f"functions/{by_registry[name]}.md":
            entry = by_registry[name]
            problems.append(f"nn.{name} is [{entry}]'s PyTorch equivalent in functions.toml: link functions/{entry}.md")
    assert not problems, f"docs/{lang}/{PAGE}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_section_snippet_is_on_the_page(lang):
    """Each section's code, tested here, is the code the page shows."""
    text = (ROOT / "docs" / lang / PAGE).read_text(encoding="utf-8")
    modules = {module for module, *_ in LIST_ELEMENTWISE.values()}
    includes = [f'--8<-- "snippets/{m}.py"' for m in sorted(modules | {"maxout"})]
    includes += ['--8<-- "snippets/softmin.py:softmin"', '--8<-- "snippets/softmax2d.py:softmax2d"']
    includes += ['--8<-- "snippets/softmax.py"']  # softmin's and softmax2d's softmax, and log_softmax
    assert not [i for i in includes if i not in text], f"docs/{lang}/{PAGE} lacks includes"


# --- agreement with PyTorch --------------------------------------------------------------------


def test_stored_inputs_are_the_scripts():
    for key, value in list_inputs().items():
        np.testing.assert_array_equal(stored(f"pytorch-list/{key}"), value, err_msg=f"{key}: run `{COMMAND}`")


def kinks(label: str) -> list[float]:
    """Where the setting's derivative jumps: the threshold, RReLU's 0, the shrink functions' +-lambd."""
    module, name, kwargs, _ = LIST_ELEMENTWISE[label]
    if module == "threshold":
        return [kwargs["threshold"]]
    if module == "rrelu":
        return [0.0]
    return [] if name == "tanhshrink" else [kwargs.get("lambd", 0.5), -kwargs.get("lambd", 0.5)]


def test_the_kinks_are_among_the_inputs():
    for label in LIST_ELEMENTWISE:
        assert set(kinks(label)) <= set(stored("pytorch-list/x")), f"add {label}'s kinks to LIST_POINTS"


@pytest.mark.parametrize("label", LIST_ELEMENTWISE)
def test_values_agree_in_float64_and_float32(label):
    x = stored("pytorch-list/x")  # the registry's inputs, the kinks, +-inf
    for dtype in ("float64", "float32"):
        mine, theirs = ours(label)(x.astype(dtype)), stored(f"pytorch-list/{label}/{dtype}")
        assert mine.dtype == theirs.dtype == dtype
        if label == "tanhshrink":  # "an absolute error of the order of the rounding of x", in both
            finite = np.isfinite(x)
            assert np.all(np.abs(mine[finite] - theirs[finite]) <= 2 * np.spacing(np.abs(x[finite].astype(dtype))))
            np.testing.assert_array_equal(mine[~finite], theirs[~finite])
        else:
            np.testing.assert_allclose(mine, theirs, rtol=np.finfo(dtype).eps, atol=0.0)


@pytest.mark.parametrize("label", [label for label in LIST_ELEMENTWISE if label != "tanhshrink"])
def test_values_agree_in_float16(label):
    x16 = stored("pytorch-list/x").astype(np.float16)
    mine, theirs = ours(label)(x16), stored(f"pytorch-list/{label}/float16")
    assert mine.dtype == theirs.dtype == np.float16
    apart = ulps_apart(mine, theirs)
    assert apart.max() <= FLOAT16_ULPS, f"{label}: up to {apart.max()} float16 ulps apart"


def test_tanhshrink_in_float16_is_rounded_once_where_pytorchs_is_not():
    """"In float16, PyTorch rounds tanh(x) to float16 before the subtraction, and near 0 its
    Tanhshrink is off by up to 400 steps of float16; this code computes in float32 and rounds once"."""
    x16 = stored("pytorch-list/x").astype(np.float16)
    exact = (x16.astype(np.float64) - np.tanh(x16.astype(np.float64))).astype(np.float16)
    mine, theirs = ours("tanhshrink")(x16), stored("pytorch-list/tanhshrink/float16")
    assert mine.dtype == theirs.dtype == np.float16
    assert ulps_apart(mine, exact).max() <= FLOAT16_ULPS
    off = ulps_apart(theirs, exact)
    assert off.max() == 400 and np.all(np.abs(x16[off > FLOAT16_ULPS]) < 1)


@pytest.mark.parametrize("label", LIST_ELEMENTWISE)
def test_derivatives_agree_with_autograd_at_the_kinks_too(label):
    """"This handbook uses 0 at x = t", "rrelu_grad gives a", "uses 0 there" (the shrink kinks).
    tanhshrink's: ours is tanh(x)^2, autograd's 1 - (1 - tanh(x)^2), one rounding apart."""
    x = stored("pytorch-list/x")
    theirs = stored(f"pytorch-list/{label}/grad")
    np.testing.assert_allclose(ours(label, derivative=True)(x), theirs, rtol=1e-15, atol=2**-53)
    at = np.isin(x, kinks(label))
    np.testing.assert_array_equal(ours(label, derivative=True)(x[at]), theirs[at], err_msg=f"at x = {x[at]}")


@pytest.mark.parametrize("dim", SOFTMAX_DIMS)
def test_softmin_agrees(dim):
    x = stored("pytorch-list/softmin/x")  # a masked row (-inf, +inf for softmin) and a huge logit
    theirs = stored(f"pytorch-list/softmin/dim={dim}/float64")
    np.testing.assert_allclose(softmin(x, axis=dim), theirs, rtol=1e-12, atol=1e-300)
    mine = softmin(x.astype(np.float32), axis=dim)
    assert mine.dtype == np.float32
    np.testing.assert_allclose(mine, stored(f"pytorch-list/softmin/dim={dim}/float32"), rtol=1e-5, atol=1e-37)


def test_softmin_jacobian_agrees_with_autograd():
    """"Its Jacobian is minus softmax's at -x"."""
    x = stored("pytorch-list/softmin/jacobian/x")
    theirs = stored("pytorch-list/softmin/jacobian/jacobian")
    np.testing.assert_allclose(softmin_jacobian(x), theirs, rtol=1e-12, atol=1e-17)


@pytest.mark.parametrize("shape", ["nchw", "chw"])
def test_softmax2d_and_its_vjp_agree(shape):
    """"(N, C, H, W) or (C, H, W): it is nn.Softmax(dim=-3)"; the vector-Jacobian product."""
    x, g = stored(f"pytorch-list/softmax2d/{shape}/x"), stored(f"pytorch-list/softmax2d/{shape}/g")
    np.testing.assert_allclose(softmax2d(x), stored(f"pytorch-list/softmax2d/{shape}/float64"), rtol=1e-12, atol=1e-300)
    mine = softmax2d(x.astype(np.float32))
    assert mine.dtype == np.float32
    np.testing.assert_allclose(mine, stored(f"pytorch-list/softmax2d/{shape}/float32"), rtol=1e-5, atol=1e-37)
    theirs = stored(f"pytorch-list/softmax2d/{shape}/grad")
    np.testing.assert_allclose(softmax2d_vjp(x, g), theirs, rtol=1e-10, atol=1e-15)


def test_softmax2d_refuses_other_shapes():
    """"and refuses other shapes", as nn.Softmax2d does."""
    for shape in [(3,), (3, 4), (1, 2, 3, 4, 5)]:
        with pytest.raises(ValueError, match="softmax2d"):
            softmax2d(np.zeros(shape))


def test_maxout_and_its_vjp_agree():
    """"as z.unflatten(-1, (-1, k)).max(dim=-1).values does in PyTorch"; "the first of them, as
    autograd does for torch.max(z, dim)" (z holds a tie, and infinities)."""
    z, g = stored("pytorch-list/maxout/z"), stored("pytorch-list/maxout/g")
    np.testing.assert_array_equal(maxout(z, MAXOUT_PIECES), stored("pytorch-list/maxout/float64"))
    np.testing.assert_array_equal(maxout(z.astype(np.float32), MAXOUT_PIECES), stored("pytorch-list/maxout/float32"))
    np.testing.assert_array_equal(maxout_vjp(z, g, MAXOUT_PIECES), stored("pytorch-list/maxout/grad"))


def test_maxout_along_another_axis_is_the_same():
    z, g = stored("pytorch-list/maxout/z"), stored("pytorch-list/maxout/g")
    np.testing.assert_array_equal(maxout(z.T, MAXOUT_PIECES, axis=0), maxout(z, MAXOUT_PIECES).T)
    np.testing.assert_array_equal(maxout_vjp(z.T, g.T, MAXOUT_PIECES, axis=0), maxout_vjp(z, g, MAXOUT_PIECES).T)


def test_maxout_is_relu_and_abs():
    """"With two pieces of which one is always 0 it is ReLU, and with the pieces z and -z it is |z|"."""
    x = np.linspace(-3.0, 3.0, 61)
    np.testing.assert_array_equal(maxout(np.stack([x, np.zeros_like(x)], axis=-1), 2).ravel(), np.maximum(x, 0.0))
    np.testing.assert_array_equal(maxout(np.stack([x, -x], axis=-1), 2).ravel(), np.abs(x))


# --- claims of the sections --------------------------------------------------------------------


def test_threshold_with_zero_and_zero_is_relu():
    """"with t = v = 0 it is ReLU"."""
    from snippets.relu import relu
    from snippets.threshold import threshold

    x = stored("pytorch-list/x")
    np.testing.assert_array_equal(threshold(x, 0.0, 0.0), relu(x))


def test_rrelu_in_evaluation_mode_is_leaky_relu_with_the_mean_slope():
    """"Leaky ReLU with the slope a = (l + u)/2, 11/48 or about 0.2292 at the defaults"."""
    from snippets.leaky_relu import leaky_relu
    from snippets.rrelu import rrelu

    x = stored("pytorch-list/x")
    np.testing.assert_array_equal(rrelu(x), leaky_relu(x, alpha=11 / 48))
    assert round(11 / 48, 4) == 0.2292


def test_softshrink_derivative_is_hardshrinks_and_its_value_x_minus_clip():
    from snippets.shrink import hardshrink_grad, softshrink, softshrink_grad

    x = stored("pytorch-list/x")
    np.testing.assert_array_equal(softshrink_grad(x, 1.5), hardshrink_grad(x, 1.5))
    np.testing.assert_array_equal(softshrink(x), x - np.clip(x, -0.5, 0.5))


@pytest.mark.parametrize("x", [1e-8, 1e-5, 1e-3, 0.1, 1.0])
def test_tanhshrink_keeps_an_absolute_error_of_the_rounding_of_x(x):
    """"the result keeps an absolute error of the order of the rounding of x, but loses relative
    precision"; "it grows as x^3/3"."""
    from snippets.shrink import tanhshrink

    with mpmath.workdps(50):
        exact = float(mpmath.mpf(x) - mpmath.tanh(x))
    assert abs(tanhshrink(x) - exact) <= 2 * np.spacing(x)
    if x <= 1e-3:
        np.testing.assert_allclose(exact, x**3 / 3, rtol=1e-5)


# --- the input policy of every snippet ---------------------------------------------------------

# label: (the function's name, the function on a 2-D array)
FUNCTIONS_HERE = {
    **{label: (ours(label).func.__name__, ours(label)) for label in LIST_ELEMENTWISE},
    **{f"{label} grad": (ours(label, True).func.__name__, ours(label, True)) for label in LIST_ELEMENTWISE},
    "softmin": ("softmin", softmin),
    "softmin_jacobian": ("softmin_jacobian", lambda x: softmin_jacobian(np.ravel(x))),
    "softmax2d": ("softmax2d", lambda x: softmax2d(np.reshape(x, (1, -1, 1)))),
    "softmax2d_vjp": ("softmax2d_vjp", lambda x: softmax2d_vjp(np.reshape(x, (1, -1, 1)), np.ones((1, np.size(x), 1)))),
    "maxout": ("maxout", lambda x: maxout(x, 2)),
    "maxout_vjp": ("maxout_vjp", lambda x: maxout_vjp(x, np.ones(np.shape(x)[:-1] + (np.shape(x)[-1] // 2,)), 2)),
}


@pytest.mark.parametrize("name", FUNCTIONS_HERE)
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_float_dtype_is_kept_and_infinities_give_limits_silently(name, dtype):
    """"float16, float32 and float64 keep their dtype", "±∞ give the limits without a warning"
    (warnings are errors in this test suite)."""
    x = np.array([[-np.inf, -2.0, 0.0, 1.0], [np.inf, 0.5, -0.5, 3.0]], dtype=dtype)
    y = FUNCTIONS_HERE[name][1](x)
    assert y.dtype == dtype
    if not name.startswith(("softmin", "softmax2d")):  # a vector with +inf has no limit: NaN, as in PyTorch
        assert not np.isnan(y).any()


@pytest.mark.parametrize("name", FUNCTIONS_HERE)
def test_integers_give_float64_and_nan_stays_nan(name):
    """"integers and booleans give float64", "NaN stays NaN (in the derivatives too)"."""
    f = FUNCTIONS_HERE[name][1]
    assert f(np.array([[1, 2], [3, 4]])).dtype == np.float64
    assert f(np.array([[True, False], [False, True]])).dtype == np.float64
    y = f(np.array([[np.nan, 1.0], [2.0, 3.0]]))
    assert np.isnan(y.ravel()[0])


@pytest.mark.parametrize("name", FUNCTIONS_HERE)
def test_anything_else_is_a_type_error_naming_the_function(name):
    """"anything else raises a TypeError naming the function", with the wording of every snippet."""
    function, f = FUNCTIONS_HERE[name]
    for bad in [np.array([["a", "b"], ["c", "d"]]), np.ma.masked_array(np.ones((2, 2)))]:
        with pytest.raises(TypeError, match=rf"^{re.escape(function)}\(\) takes real numbers, got "):
            f(bad)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: ours("hardshrink")(1.0, lambd=-0.5), ValueError),
        (lambda: ours("softshrink")(1.0, lambd=np.nan), ValueError),
        (lambda: ours("softshrink")(1.0, lambd=True), TypeError),
        (lambda: ours("rrelu")(1.0, lower=0.3, upper=0.1), ValueError),
        (lambda: ours("rrelu")(1.0, upper=1.5), ValueError),
        (lambda: ours("rrelu")(1.0, lower="0.1"), TypeError),
        (lambda: ours("threshold(threshold=0.1, value=20.0)")(1.0, threshold=np.inf), ValueError),
        (lambda: ours("threshold(threshold=0.1, value=20.0)")(1.0, value=None), TypeError),
        (lambda: maxout(np.ones(6), 4), ValueError),
        (lambda: maxout(np.ones(6), 1.5), TypeError),
        (lambda: maxout(np.ones(6), True), TypeError),
        (lambda: softmin_jacobian(np.ones((2, 2))), ValueError),
    ],
)
def test_parameters_are_checked(call, error):
    """"It requires 0 <= l <= u <= 1"; lambd "must be 0 or more"; pieces must divide the length."""
    with pytest.raises(error):
        call()
