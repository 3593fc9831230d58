"""What every snippet function promises, whatever its page: one set of checks for all of them.

The functions come from the registry, functions.toml: every elementwise entry at its defaults and
at every other setting its `pytorch` references name (e.g. `leaky_relu(alpha=0.2)`), and the
vector functions of the softmax page. Each gets the same checks: dtypes, ints and bools, empty
input, the largest finite floats, NaN, float16 accuracy, scalars, and its derivative against
central finite differences. What a single page claims (values, properties, pitfalls) is tested
in tests/functions/test_<name>.py, one module per page.

The completeness checks at the end say what a contributor adding a function still has to add.
Warnings are errors (see pyproject.toml), so "no RuntimeWarning" is checked by every call here.
"""

from __future__ import annotations

import ast
import decimal
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np
import pytest

from conftest import ROOT
from figures import plotting_examples  # what the build draws a figure from
from registry import FUNCTIONS
from snippets.softmax import log_softmax
from tests.reference.make_pytorch_reference import LIST_ELEMENTWISE

SNIPPETS = ROOT / "snippets"
FLOATS = [np.float16, np.float32, np.float64]
GRID = np.linspace(-8.0, 8.0, 1601)
# Functions whose true value can exceed the dtype for a finite input (e.g. 1.05 * float max):
# there inf is the right answer (the SELU page says so), elsewhere it is a bug
MAY_OVERFLOW = {"selu", "log_softmax"}


@dataclass(frozen=True)
class Case:
    """One function of a snippet module at one parameter setting, e.g. gelu(approximate=True)."""

    label: str
    name: str  # the function's own name, e.g. "gelu_grad"
    f: Callable
    vector: bool = False


def settings(entry) -> list[dict]:
    """The defaults ({}), then every non-default setting the entry's PyTorch references name."""
    found = [{}]
    for reference in entry.pytorch:
        if unknown := reference.ours.keys() - entry.params.keys():
            raise ValueError(f"functions.toml [{entry.name}]: pytorch names {sorted(unknown)}, not in its params")
        changed = {k: v for k, v in reference.ours.items() if v != entry.params[k].default}
        if changed not in found:
            found.append(changed)
    return found


def label(name: str, setting: dict) -> str:
    args = ", ".join(f"{k}={v!r}" for k, v in sorted(setting.items()))
    return f"{name}({args})" if args else name


def module_of(name: str):
    """snippets.<name>, or None if the file is missing (test_every_function_has_its_snippet says so)."""
    try:
        return importlib.import_module(f"snippets.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"snippets.{name}":
            return None
        raise


def pairs() -> list:
    """(f, f') of every elementwise entry at every setting, as pytest params: ids like gelu(approximate=True).

    An entry whose snippet is missing or incomplete is skipped here, and fails
    test_every_function_has_its_snippet with what to add."""
    found = []
    for name, entry in FUNCTIONS.items():
        if entry.vector:
            continue
        module = module_of(name)
        names = (name, f"{name}_grad")
        for setting in settings(entry):
            if all(hasattr(module, n) for n in names):
                cases = [Case(label(n, setting), n, partial(getattr(module, n), **setting)) for n in names]
                found.append(pytest.param(*cases, id=cases[0].label))
            else:
                reason = f"snippets/{name}.py is incomplete: see test_every_function_has_its_snippet"
                cases = [Case(label(n, setting), n, None) for n in names]
                found.append(pytest.param(*cases, id=cases[0].label, marks=pytest.mark.skip(reason=reason)))
    return found


def vector_functions() -> list:
    """The vector entries (softmax), and log_softmax, which the softmax page also defines."""
    found = []
    for name, entry in FUNCTIONS.items():
        module = module_of(name) if entry.vector else None
        if hasattr(module, name):
            found.append(Case(name, name, getattr(module, name), vector=True))
    found.append(Case("log_softmax", "log_softmax", log_softmax, vector=True))
    return [pytest.param(c, id=c.label) for c in found]


PAIRS = pairs()  # (f, f') per elementwise function and setting
ELEMENTWISE = [pytest.param(c, id=c.label, marks=p.marks) for p in PAIRS for c in p.values]  # f, f' alone
ALL = ELEMENTWISE + vector_functions()


def extremes(dtype) -> np.ndarray:
    """Every kind of finite value a dtype can hold, largest magnitudes included."""
    info = np.finfo(dtype)
    values = [0.0, -0.0, info.tiny, info.smallest_subnormal, 1.0, 1e4, info.max]
    values = [v for v in values if v <= info.max]  # 1e4 is fine even in float16 (max 65504)
    return np.array(values + [-v for v in values], dtype=dtype)


# --- dtypes, shapes and special inputs: every function, every setting ---------------------------


@pytest.mark.parametrize("c", ALL)
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_float_dtype_is_kept(c, dtype):
    x = np.linspace(-3, 3, 12, dtype=dtype).reshape(3, 4)
    y = c.f(x)
    assert isinstance(y, np.ndarray) and y.dtype == dtype and y.shape == x.shape


@pytest.mark.parametrize("c", ALL)
@pytest.mark.parametrize(
    "x", [[1, -2, 3], np.array([1, 0, 2], dtype=np.int8), [True, False], 2, np.uint64(7)], ids=repr
)
def test_integers_and_bools_give_float64(c, x):
    y = c.f(x)
    assert y.dtype == np.float64 and np.shape(y) == np.shape(x)


@pytest.mark.parametrize("c", ALL)
def test_empty_input_gives_empty_output(c):
    for shape in [(0,), (2, 0), (0, 3)]:
        y = c.f(np.zeros(shape))
        assert y.shape == shape and y.dtype == np.float64


@pytest.mark.parametrize("c", ALL)
def test_scalars_follow_numpy_conventions(c):
    """A scalar in gives a 0-d result, as NumPy's own functions do; softmax of one value is 1."""
    assert np.ndim(c.f(0.0)) == 0
    if c.name == "softmax":
        assert c.f(3.0) == 1.0


@pytest.mark.parametrize("c", ALL)
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_finite_extremes_give_no_warning_nan_or_spurious_inf(c, dtype):
    x = extremes(dtype)
    inputs = [x, x[:, None]] if c.vector else [x]  # one row, and many 1-element rows
    for inp in inputs:
        y = c.f(inp)  # a RuntimeWarning would raise here
        assert y.dtype == dtype
        assert not np.isnan(y).any(), f"{c.label}({inp}) = {y}"
        if c.name not in MAY_OVERFLOW:
            assert np.isfinite(y).all(), f"{c.label}({inp}) = {y}"


@pytest.mark.parametrize("c", ELEMENTWISE)
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_infinities_give_the_limits_silently(c, dtype):
    """f(-inf) and f(inf) are f's limits, without a warning: the value at the largest finite float of
    the dtype, which every function has reached by then, or -inf / inf where f is unbounded there."""
    big = np.finfo(dtype).max
    far = c.f(np.array([-big, big], dtype=dtype)).astype(np.float64)
    limits = np.where(np.abs(far) > np.sqrt(big), np.copysign(np.inf, far), far)  # e.g. relu(big) = big: inf
    y = c.f(np.array([-np.inf, np.inf], dtype=dtype))
    assert y.dtype == dtype
    np.testing.assert_array_equal(y, limits, err_msg=f"{c.label} at -inf and inf")


def like_c_times_x() -> list:
    """The (f, f') pairs with f(0) = 0 and f'(0) > 0: near 0, f(x) is about f'(0) x."""
    return [p for p in PAIRS if not p.marks and p.values[0].f(0.0) == 0 and p.values[1].f(0.0) > 0]


@pytest.mark.parametrize("f, grad", like_c_times_x())
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
def test_minus_zero_keeps_its_sign(f, grad, dtype):
    """f(-0.0) is -0.0 where f(x) ~ c x near 0 with c > 0, as np.tanh and IEEE 754 arithmetic give."""
    y = f.f(np.array([0.0, -0.0], dtype=dtype))
    assert y.dtype == dtype and np.all(y == 0)
    np.testing.assert_array_equal(np.signbit(y), [False, True], err_msg=f"{f.label}([0.0, -0.0]) = {y!r}")


@pytest.mark.parametrize("c", [p for p in ALL if p.values[0].vector])
@pytest.mark.parametrize("n", [3, 65_520, 200_000])
def test_float16_vector_of_many_entries_does_not_overflow(c, n):
    """float16 holds sums up to 65504: a row of >= 65,520 equal entries must still give 1/n (log: -log n)."""
    y = c.f(np.zeros(n, dtype=np.float16))
    expected = np.float16(-np.log(n)) if c.name == "log_softmax" else np.float16(1.0 / n)
    assert y.dtype == np.float16
    np.testing.assert_array_equal(y, np.full(n, expected))


@pytest.mark.parametrize("c", ELEMENTWISE)
def test_nan_propagates(c):
    y = c.f(np.array([np.nan, 1.0]))
    assert np.isnan(y[0]) and not np.isnan(y[1])


# --- what the functions accept: real numbers, and nothing else --------------------------------------

JACOBIANS = [
    pytest.param(Case(n, n, getattr(module_of(name), n)), id=n)
    for name, entry in FUNCTIONS.items()
    if entry.vector and hasattr(module_of(name), n := f"{name}_jacobian")
]
# Real numbers in every form NumPy reads them: each gives a float result of the same shape
REAL = {
    "bool": True,
    "int": 3,
    "float": -1.5,
    "list": [1, 2.5, False],
    "tuple": (1.0, -2.0, 0),
    "nested list": [[1, 2], [3, 4]],
    "np.float32": np.float32(0.5),
    "np.int8": np.int8(-3),
    "np.uint64": np.uint64(7),
    "np.bool_": np.bool_(True),
    "int array": np.arange(-2, 3),
    "uint8 array": np.arange(4, dtype=np.uint8),
    "0-d array": np.array(2.0),
    "longdouble array": np.array([-1.0, 0.5], dtype=np.longdouble),
}
# Everything else NumPy would turn into numbers silently, or into an array of objects
NOT_REAL = {
    "str": "1.5",
    "bytes": b"1",
    "None": None,
    "list with None": [1.0, None],
    "list of str": ["1", "2"],
    "datetime64": np.datetime64("2020-01-01"),
    "timedelta64 array": np.array([1, 2], dtype="timedelta64[D]"),
    "complex": 1 + 2j,
    "complex array": np.array([1.0 + 0j, 2.0]),
    "object array of floats": np.array([1.0, 2.0], dtype=object),
    "Decimal": decimal.Decimal("1.5"),
    "dict": {},
    # refused rather than computed without its mask (np.asarray would drop it and use the hidden values)
    "masked array": np.ma.array([1.0, 2.0], mask=[False, True]),
}


def one_d(x):
    """The 1-D version of an input, for a function of vectors only (a Jacobian)."""
    return x if np.ndim(x) == 1 else [x, x] if np.ndim(x) == 0 else list(np.ravel(x))


@pytest.mark.parametrize("c", ALL + JACOBIANS)
@pytest.mark.parametrize("kind", REAL)
def test_real_numbers_in_any_form_give_floats(c, kind):
    x = REAL[kind] if not c.name.endswith("_jacobian") else one_d(REAL[kind])
    y = c.f(x)
    assert isinstance(y, np.ndarray | np.floating) and y.dtype.kind == "f", f"{c.label}({x!r}) = {y!r}"
    expected_shape = (np.size(x),) * 2 if c.name.endswith("_jacobian") else np.shape(x)
    assert y.shape == expected_shape


@pytest.mark.parametrize("c", ALL + JACOBIANS)
@pytest.mark.parametrize("kind", NOT_REAL)
def test_anything_else_is_a_type_error_naming_the_function_and_the_input(c, kind):
    x = NOT_REAL[kind]
    with pytest.raises(TypeError, match=rf"^{c.name}\(\) takes real numbers, got {type(x).__name__}\b") as error:
        c.f(x)
    if isinstance(x, np.ndarray | list) and not isinstance(x, np.ma.MaskedArray):  # and what it holds
        assert str(np.asarray(x).dtype) in str(error.value)


@pytest.mark.parametrize("f, grad", PAIRS)
def test_float16_is_as_accurate_as_float16_can_be(f, grad):
    """float16 results are the float64 results rounded, to within 2 units in the last place."""
    x16 = np.linspace(-20.0, 20.0, 4001).astype(np.float16)
    for g in (f, grad):
        exact = g.f(x16.astype(np.float64))
        ulp = np.spacing(np.abs(exact.astype(np.float16))).astype(np.float64)
        error = np.abs(g.f(x16).astype(np.float64) - exact)
        assert np.all(error <= 2 * ulp + np.finfo(np.float16).smallest_subnormal), (
            f"{g.label}: worst at x = {x16[np.argmax(error / (ulp + 1e-300))]}"
        )


# --- derivatives against central finite differences ---------------------------------------------


@pytest.mark.parametrize("f, grad", PAIRS)
def test_derivative_matches_central_difference(f, grad):
    x = GRID[np.abs(GRID) > 1e-3]  # away from the kinks at 0
    h = 1e-6
    # and from any other corner (hardtanh's bounds, at whatever setting): where the slopes
    # left and right of x differ, the central difference is their mean, not f'(x)
    x = x[np.abs((f.f(x + h) - f.f(x)) - (f.f(x) - f.f(x - h))) / h < 1e-3]
    numeric = (f.f(x + h) - f.f(x - h)) / (2 * h)
    np.testing.assert_allclose(grad.f(x), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", [n for n, entry in FUNCTIONS.items() if entry.vector])
def test_jacobian_matches_central_difference(name):
    module = importlib.import_module(f"snippets.{name}")
    f, jacobian = getattr(module, name), getattr(module, f"{name}_jacobian")
    x = np.array([0.5, -1.0, 2.0])
    h = 1e-6
    numeric = np.column_stack([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(3)])
    np.testing.assert_allclose(jacobian(x), numeric, rtol=1e-6, atol=1e-10)


# --- completeness: what a new function still needs ----------------------------------------------


def report(problems: list[str]) -> None:
    """Fail with one line per thing to add, and nothing else (no traceback, no repr of the list)."""
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_every_function_has_its_snippet():
    """snippets/<name>.py defines <name> and <name>_grad (a vector function: <name>_jacobian)."""
    problems = []
    for name, entry in FUNCTIONS.items():
        needs = [f"{name}(x, axis=-1)", f"{name}_jacobian(x)"] if entry.vector else [f"{name}(x)", f"{name}_grad(x)"]
        module = module_of(name)
        lacking = [n for n in needs if not callable(getattr(module, n.split("(")[0], None))]
        if module is None:
            problems.append(f"[{name}] is in functions.toml: add snippets/{name}.py with {' and '.join(needs)}")
        elif lacking:
            problems.append(f"[{name}] is in functions.toml: define {' and '.join(lacking)} in snippets/{name}.py")
    report(problems)


def test_every_snippet_function_has_a_registry_entry():
    """A snippets/<name>.py defining <name>_grad is a function of the handbook (the experiments define none),
    or a section of the PyTorch page, whose snippets tests/test_pytorch_activations.py checks."""
    sections = {module for module, *_ in LIST_ELEMENTWISE.values()}
    problems = []
    for path in sorted(SNIPPETS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        if f"{path.stem}_grad" in defined and path.stem not in FUNCTIONS and path.stem not in sections:
            problems.append(
                f"snippets/{path.stem}.py defines {path.stem}_grad: add a [{path.stem}] entry to "
                "functions.toml (its keys are listed at the top of that file)"
            )
    report(problems)


def test_every_function_has_an_example_that_draws():
    """snippets/examples/<name>.py exists and calls plt.show(), which the build turns into figures/<name>.svg."""
    drawn = {path.stem for path in plotting_examples()}
    problems = []
    for name in FUNCTIONS:
        example = SNIPPETS / "examples" / f"{name}.py"
        if not example.exists():
            problems.append(
                f"add snippets/examples/{name}.py: import snippets/{name}.py, print a few values "
                "(each print followed by its #> output) and plot the function and its derivative with plt.show()"
            )
        elif name not in drawn:
            problems.append(f"snippets/examples/{name}.py draws nothing: end it with plt.show(), the figure of its page")
    report(problems)


def test_every_function_page_has_its_test_module():
    """The claims of docs/<lang>/functions/<name>.md are tested in tests/functions/test_<name>.py."""
    problems = [
        f"add tests/functions/test_{name}.py with the claims of docs/en/functions/{name}.md"
        for name in FUNCTIONS
        if not (ROOT / "tests" / "functions" / f"test_{name}.py").exists()
    ]
    report(problems)
