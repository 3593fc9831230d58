"""Every fact in functions.toml holds for the code: what each cell of the registry means, tested.

One test per kind of fact, parametrised over the registry, so a new entry is checked the
moment it is written. The tests read the facts by their meaning, not by thresholds tuned
to today's functions: a range's bracket says whether a finite x reaches the bound, and
saturation is the limit of f' far out.
"""

from __future__ import annotations

import ast
import importlib
import inspect

import numpy as np
import pytest

from conftest import ROOT
from registry import FUNCTIONS, PATH, Range, RegistryError, load

ELEMENTWISE = [name for name, f in FUNCTIONS.items() if not f.vector]
VECTOR = [name for name, f in FUNCTIONS.items() if f.vector]
WIDE = np.linspace(-20.0, 20.0, 400001)  # step 1e-4
MIDDLE = WIDE[np.abs(WIDE) <= 10.0]
FAR = 1e12  # far enough that every limit shows, polynomial tails such as 1/x included
TENDS_TO_0, STAYS_ABOVE = 1e-6, 1e-3  # |f'(+-FAR)| below: its limit is 0; above: it is not


def functions(name: str, **params):
    """The snippet's function and derivative, at the registry's defaults unless given."""
    module = importlib.import_module(f"snippets.{name}")
    f, grad = getattr(module, name), getattr(module, f"{name}_grad")
    kwargs = {**FUNCTIONS[name].defaults, **params}
    return (lambda x: f(x, **kwargs)), (lambda x: grad(x, **kwargs))


# --- the registry file itself --------------------------------------------------------------------


def test_a_mistake_in_the_registry_names_the_entry_and_the_key(tmp_path):
    good = PATH.read_text(encoding="utf-8")
    cases = {
        'monotonic = "yes"': "monotonic",
        "colour = 1": "unknown key 'colour'",
        'range = "(0, 1"': "range '(0, 1'",
        'saturates = "sometimes"': "saturates must be",
    }
    for line, message in cases.items():
        path = tmp_path / "functions.toml"
        key = line.split(" = ")[0]
        lines = [ln for ln in good.split("[sigmoid]", 1)[1].splitlines() if not ln.startswith(f"{key} =")]
        path.write_text("[sigmoid]\n" + line + "\n" + "\n".join(lines[1:]).split("\n[")[0], encoding="utf-8")
        with pytest.raises(RegistryError, match=r"\[sigmoid\].*" + message.replace("(", r"\(")):
            load(path)


def test_range_notation():
    assert 0.5 in Range("(0, 1)") and 0 not in Range("(0, 1)") and 0 in Range("[0, inf)")
    assert Range("[-0.170, inf)").low.tolerance == pytest.approx(5e-4)
    assert Range("{0, 1}").is_set and Range("(-1.7581, inf)").low.tolerance == pytest.approx(5e-5)
    with pytest.raises(RegistryError):
        Range("0 to 1")


# --- parameters: the snippets' signatures, and what they accept ------------------------------


@pytest.mark.parametrize("name", FUNCTIONS)
def test_parameter_defaults_are_the_snippets(name):
    module = importlib.import_module(f"snippets.{name}")
    suffixes = [""] if FUNCTIONS[name].vector else ["", "_grad"]
    for suffix in suffixes:
        signature = inspect.signature(getattr(module, name + suffix))
        declared = {p: s.default for p, s in list(signature.parameters.items())[1:]}
        assert declared == FUNCTIONS[name].defaults, (
            f"{name}{suffix} in snippets/{name}.py has {declared}; functions.toml [{name}] params say "
            f"{FUNCTIONS[name].defaults}: make them agree"
        )


PARAMS = [(n, p) for n, f in FUNCTIONS.items() for p in f.params.values() if p.valid or p.choices]


@pytest.mark.parametrize(("name", "param"), PARAMS, ids=[f"{n}-{p.name}" for n, p in PARAMS])
def test_parameter_values_accepted_and_refused_as_registered(name, param):
    f, grad = functions(name)
    module = importlib.import_module(f"snippets.{name}")
    for g in (getattr(module, name), getattr(module, f"{name}_grad")):
        accepted = list(param.choices or [])
        refused = []
        if param.valid:
            low, high = param.valid.low.value, param.valid.high.value
            accepted += [v for v in (low, high) if v in param.valid]  # a bound, where '[' or ']' says so
            accepted += [v for v in ((low + high) / 2, low + 1, 0.0) if v in param.valid][:1]  # one inside
            refused += [np.nan, low - 1e-9 if param.valid.low_reached else low]
            refused += [np.inf] if not param.valid.high_reached else [high + 1e-9]
        for value in accepted:
            g(np.array([-1.0, 0.0, 1.0]), **{param.name: value})
        for value in refused:
            with pytest.raises(ValueError, match=param.name):
                g(np.array([1.0]), **{param.name: value})


# --- range ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_range(name):
    """'[' or ']': some finite x gives the bound; '(' or ')': f only approaches it as x -> -inf or inf."""
    f, _ = functions(name)
    r = FUNCTIONS[name].range
    y, middle = f(WIDE), f(MIDDLE)
    if r.is_set:
        values = {n.value for n in r.numbers}
        assert set(np.unique(y)) == values and {float(f(-FAR)), float(f(FAR))} <= values
        return
    for bound, reached, side, extreme in [(r.low, r.low_reached, -1, np.min), (r.high, r.high_reached, 1, np.max)]:
        what = f"{name}: range {r.text}, {'lower' if side < 0 else 'upper'} bound"
        if np.isinf(bound.value):
            assert side * f(side * FAR) > 1e6, f"{what}: f({side * FAR:g}) = {f(side * FAR)} is not unbounded"
            continue
        assert np.all(side * (middle - bound.value) <= bound.tolerance), f"{what}: values beyond {bound.text}"
        if reached:  # the extreme is already taken within |x| <= 10, and is the bound
            assert extreme(middle) == extreme(y), f"{what}: written '{'[' if side < 0 else ']'}' but no finite x reaches it"
            assert abs(extreme(y) - bound.value) <= bound.tolerance, f"{what}: the extreme is {extreme(y)}"
        else:  # still moving towards it at |x| = 20, and it is the limit far out
            assert side * (extreme(y) - extreme(middle)) > 0, f"{what}: written '(' or ')' but f reaches {extreme(y)}"
            assert abs(f(side * FAR) - bound.value) <= bound.tolerance, (
                f"{what}: the limit is {f(side * FAR)}, not {bound.text}"
            )


# --- shape ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_monotonic(name):
    f, _ = functions(name)
    assert bool(np.all(np.diff(f(WIDE)) >= 0)) == FUNCTIONS[name].monotonic


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_zero_centred(name):
    """'odd': f(-x) = -f(x); 'mean': a standard normal input gives mean output 0; false: neither."""
    f, _ = functions(name)
    claim = FUNCTIONS[name].zero_centred
    odd = f(0.0) == 0 and np.allclose(f(-WIDE), -f(WIDE), rtol=1e-12, atol=1e-12)
    mean = float(f(np.random.default_rng(0).standard_normal(1_000_000)).mean())
    assert odd == (claim == "odd")
    assert (abs(mean) < 5e-3) == (claim in ("odd", "mean")), f"{name}: mean output {mean:.4f}"


def jumps(f, grad, x: np.ndarray, h: float) -> list[float]:
    """The largest step of f, f' and f'' (from f' by differences) between neighbours h apart."""
    return [np.abs(np.diff(f(x))).max(), np.abs(np.diff(grad(x))).max(), np.abs(np.diff(np.diff(grad(x)) / h)).max()]


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_smooth_and_kinks(name):
    """Smooth: neither f, f' nor f'' jumps. Not smooth: each registered kink is where one jumps."""
    f, grad = functions(name)
    entry = FUNCTIONS[name]
    x = np.linspace(-10.0, 10.0, 200001)  # step 1e-4
    assert (max(jumps(f, grad, x, 1e-4)) < 1e-2) == entry.smooth, jumps(f, grad, x, 1e-4)
    assert bool(entry.kinks) != entry.smooth, f"{name}: a function that is not smooth lists its kinks"
    for kink in entry.kinks:
        near = kink.x + np.linspace(-1e-3, 1e-3, 2001)
        assert max(jumps(f, grad, near, 1e-6)) > 1e-2, f"{name}: nothing jumps at the kink x = {kink.x}"
        value = entry.number(kink.grad)
        assert abs(grad(kink.x) - value.value) <= value.tolerance, f"{name}_grad({kink.x}) = {grad(kink.x)}"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_saturates(name):
    """Where f' tends to 0: its limit far out on each side, or exactly 0 where the cell says so."""
    _, grad = functions(name)
    claim = FUNCTIONS[name].saturates
    left, right = abs(float(grad(-FAR))), abs(float(grad(FAR)))
    g = grad(WIDE)
    if claim == "everywhere":
        assert np.all(g == 0)
        return
    if claim == "dead":
        assert np.all(g[WIDE < 0] == 0) and np.all(g[WIDE > 0] != 0)
        left = 0.0
    if claim == "outside":  # exactly 0 beyond the first and last kinks, nowhere between them
        low, high = FUNCTIONS[name].kinks[0].x, FUNCTIONS[name].kinks[-1].x
        assert np.all(g[(WIDE < low) | (WIDE > high)] == 0) and np.all(g[(WIDE > low) & (WIDE < high)] != 0)
    assert (left < TENDS_TO_0) == (claim in ("both", "negative", "dead", "outside")), f"{name}: f'(-{FAR:g}) = {left}"
    assert (right < TENDS_TO_0) == (claim in ("both", "positive", "outside")), f"{name}: f'({FAR:g}) = {right}"
    for limit in (left, right):
        assert limit < TENDS_TO_0 or limit > STAYS_ABOVE  # clearly one or the other
    if claim == "never":
        assert np.all(np.abs(g) > STAYS_ABOVE)


# --- the derivative at 0 and its maximum ----------------------------------------------------------


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_at_0(name):
    entry = FUNCTIONS[name]
    settings = [{}] + [r.ours for r in entry.pytorch]
    for params in settings:  # a parameter's name: f'(0) equals that parameter at every setting
        _, grad = functions(name, **params)
        expected = entry.number(entry.grad_at_0)
        if entry.grad_at_0 in entry.params:
            expected = entry.number(str({**entry.defaults, **params}[entry.grad_at_0]))
        assert abs(grad(0.0) - expected.value) <= expected.tolerance, f"{name}_grad(0.0, **{params}) = {grad(0.0)}"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_maximum_of_the_derivative(name):
    _, grad = functions(name)
    entry, g = FUNCTIONS[name], grad(WIDE)
    top = entry.max_grad
    if entry.max_grad_reached:  # taken at a finite x, as for a range's ']'
        assert grad(MIDDLE).max() == g.max(), f"{name}: max f' is only approached: max_grad_reached = false"
        assert abs(g.max() - top.value) <= top.tolerance, f"{name}: max f' = {g.max()}"
    else:  # a supremum, never reached: approached far out, or at a kink from one side
        near = [grad(-FAR), grad(FAR)] + [grad(k.x + side * 1e-9) for k in entry.kinks for side in (-1, 1)]
        assert np.all(g < top.value) and grad(np.array([k.x for k in entry.kinks])).max(initial=0) < top.value
        assert min(abs(v - top.value) for v in near) <= top.tolerance, f"{name}: max f' is not approached"


# --- softmax: each output against its own input ------------------------------------------------------


@pytest.mark.parametrize("name", VECTOR)
def test_vector_function_facts(name):
    entry = FUNCTIONS[name]
    module = importlib.import_module(f"snippets.{name}")
    f, jacobian = getattr(module, name), getattr(module, f"{name}_jacobian")
    y = f(np.random.default_rng(0).normal(scale=5.0, size=(1000, 4)))
    assert np.all([v in entry.range for v in y.ravel()])
    t = np.linspace(-10, 10, 2001)
    first = f(np.stack([t, np.zeros_like(t)], axis=-1))[:, 0]
    assert entry.monotonic == bool(np.all(np.diff(first) > 0))  # y_i increases with x_i
    assert entry.zero_centred is False and entry.smooth
    diagonal = np.array([jacobian(np.array([v, 0.0]))[0, 0] for v in np.linspace(-50, 50, 1001)])
    assert entry.saturates == "both" and diagonal[0] < 1e-20 and diagonal[-1] < 1e-20
    assert abs(diagonal.max() - entry.max_grad.value) <= entry.max_grad.tolerance


# --- the overlay figures show the registry's overlay functions ---------------------------------------


@pytest.mark.parametrize(("example", "suffix"), [("hidden_layer_functions", ""), ("hidden_layer_derivatives", "_grad")])
def test_overlay_figures_draw_the_registry_overlay_functions(example, suffix):
    path = ROOT / "snippets" / "examples" / f"{example}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lists = [node.value for node in ast.walk(tree) if isinstance(node, ast.Assign) and isinstance(node.value, ast.List)]
    drawn = [element.id for element in lists[0].elts]
    expected = [name + suffix for name, f in FUNCTIONS.items() if f.overlay]
    assert sorted(drawn) == sorted(expected), f"{path.relative_to(ROOT)} draws {drawn}; functions.toml marks overlay = true for {expected}"
