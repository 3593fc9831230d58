"""The registry of functions, ``functions.toml``: loaded, checked, and written as table cells.

Not a hook itself: the hooks that build tables from it import it (MkDocs puts this folder
on ``sys.path`` while it loads a hook), and so do the tests and the benchmarks. A mistake
in the file raises ``RegistryError`` naming the entry and the key.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = ROOT / "functions.toml"

YES, NO = "✓", "✗"
ROLES = {"hidden", "output", "gate", "history"}
ZERO_CENTRED = {"odd", "mean", False}
SATURATES = {"never", "both", "negative", "positive", "dead", "outside", "everywhere"}
PARAM_TEX = {"alpha": r"\alpha"}  # how a parameter is written in a formula


class RegistryError(ValueError):
    pass


@dataclass(frozen=True)
class Number:
    """A number as written: a whole number is exact, a decimal is rounded to the digits shown."""

    text: str

    @property
    def value(self) -> float:
        return float(self.text)

    @property
    def tolerance(self) -> float:
        """How far the true value may be: half a unit in the last decimal written."""
        if math.isinf(self.value) or "." not in self.text:
            return 1e-12 * max(1.0, abs(self.value))  # exact, to float64 rounding
        exponent = Decimal(self.text).as_tuple().exponent
        return 0.5 * 10.0**exponent

    def tex(self) -> str:
        return {"inf": r"\infty", "-inf": r"-\infty"}.get(self.text, self.text)


@dataclass(frozen=True)
class Range:
    """An interval such as '[-0.170, inf)', or a set of values such as '{0, 1}'."""

    text: str

    def __post_init__(self):
        if not (_INTERVAL.fullmatch(self.text) or _SET.fullmatch(self.text)):
            raise RegistryError(f"range {self.text!r}: write '(a, b)', '[a, b]', '[a, b)', '(a, b]' or '{{a, b, ...}}'")
        for number in self.numbers:
            number.value  # noqa: B018 (raises on a non-number)

    @property
    def is_set(self) -> bool:
        return self.text.startswith("{")

    @property
    def numbers(self) -> list[Number]:
        return [Number(t.strip()) for t in self.text.strip("[](){}").split(",")]

    @property
    def low(self) -> Number:
        return self.numbers[0]

    @property
    def high(self) -> Number:
        return self.numbers[-1]

    @property
    def low_reached(self) -> bool:
        """'[' : the lower bound is a value f takes; '(' : a limit it never reaches."""
        return self.text[0] == "["

    @property
    def high_reached(self) -> bool:
        return self.text[-1] == "]"

    def tex(self) -> str:
        if self.is_set:
            return r"\(\{" + ", ".join(n.tex() for n in self.numbers) + r"\}\)"
        return rf"\({self.text[0]}{self.low.tex()}, {self.high.tex()}{self.text[-1]}\)"

    def __contains__(self, value: float) -> bool:
        if self.is_set:
            return value in [n.value for n in self.numbers]
        above = value >= self.low.value if self.low_reached else value > self.low.value
        below = value <= self.high.value if self.high_reached else value < self.high.value
        return above and below


_NUMBER = r"\s*-?(?:\d+(?:\.\d+)?|inf)\s*"
_INTERVAL = re.compile(rf"[\[(]{_NUMBER},{_NUMBER}[\])]")
_SET = re.compile(rf"\{{{_NUMBER}(?:,{_NUMBER})*\}}")


@dataclass(frozen=True)
class Param:
    name: str
    default: object
    valid: Range | None = None  # for numbers
    choices: tuple | None = None  # for flags and names

    def tex(self) -> str:
        return PARAM_TEX.get(self.name, rf"\mathit{{{self.name}}}")


@dataclass(frozen=True)
class Kink:
    x: float
    grad: str  # a number, or a parameter's name


@dataclass(frozen=True)
class Reference:
    """One parameter setting of ours and PyTorch's equivalent, as a Python expression."""

    ours: dict
    torch: str

    @property
    def id(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in sorted(self.ours.items()))
        return args


@dataclass(frozen=True)
class Function:
    name: str
    roles: tuple[str, ...]
    overlay: bool
    formula: str
    range: Range
    monotonic: bool
    zero_centred: str | bool
    smooth: bool
    saturates: str
    max_grad: Number
    pytorch: tuple[Reference, ...]
    params: dict[str, Param]
    kinks: tuple[Kink, ...] = ()
    grad_at_0: str | None = None
    max_grad_reached: bool = True
    vector: bool = False

    def number(self, text: str) -> Number:
        """A number cell, or the default of the parameter it names."""
        if text in self.params:
            return Number(f"{float(self.params[text].default):g}")
        return Number(text)

    @property
    def defaults(self) -> dict:
        return {name: p.default for name, p in self.params.items()}


_REQUIRED = {
    "roles": list, "overlay": bool, "formula": str, "range": str, "monotonic": bool,
    "zero_centred": (str, bool), "smooth": bool, "saturates": str, "max_grad": str, "pytorch": list,
}
_OPTIONAL = {"params": dict, "kinks": list, "grad_at_0": str, "max_grad_reached": bool, "vector": bool}


def _entry(name: str, raw: dict) -> Function:
    where = f"{PATH.name} [{name}]"
    for key in raw.keys() - _REQUIRED.keys() - _OPTIONAL.keys():
        raise RegistryError(f"{where}: unknown key {key!r}; the keys are listed at the top of the file")
    for key, kind in {**_REQUIRED, **_OPTIONAL}.items():
        if key in _REQUIRED and key not in raw:
            raise RegistryError(f"{where}: add {key} = ... (see the top of the file)")
        if key in raw and not isinstance(raw[key], kind):
            raise RegistryError(f"{where}: {key} = {raw[key]!r} is not a {kind}")
    try:
        params = {}
        for pname, spec in raw.get("params", {}).items():
            unknown = spec.keys() - {"default", "valid", "choices"}
            if "default" not in spec or unknown:
                raise RegistryError(f"params.{pname}: give a default, and only valid or choices besides")
            valid = Range(spec["valid"]) if "valid" in spec else None
            params[pname] = Param(pname, spec["default"], valid, tuple(spec.get("choices", ())) or None)
        function = Function(
            name=name,
            roles=tuple(raw["roles"]),
            overlay=raw["overlay"],
            formula=raw["formula"],
            range=Range(raw["range"]),
            monotonic=raw["monotonic"],
            zero_centred=raw["zero_centred"],
            smooth=raw["smooth"],
            saturates=raw["saturates"],
            max_grad=Number(raw["max_grad"]),
            max_grad_reached=raw.get("max_grad_reached", True),
            pytorch=tuple(Reference(r.get("ours", {}), r["torch"]) for r in raw["pytorch"]),
            params=params,
            kinks=tuple(Kink(float(k["x"]), str(k["grad"])) for k in raw.get("kinks", [])),
            grad_at_0=raw.get("grad_at_0"),
            vector=raw.get("vector", False),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise RegistryError(f"{where}: {error}") from None
    if not set(function.roles) <= ROLES:
        raise RegistryError(f"{where}: roles must be among {sorted(ROLES)}")
    if function.zero_centred not in ZERO_CENTRED:
        raise RegistryError(f"{where}: zero_centred must be \"odd\", \"mean\" or false")
    if function.saturates not in SATURATES:
        raise RegistryError(f"{where}: saturates must be one of {sorted(SATURATES)}")
    if function.saturates == "outside" and len(function.kinks) < 2:
        raise RegistryError(f"{where}: saturates = \"outside\" is outside the first and last kinks: list both")
    if (function.grad_at_0 is None) != function.vector:
        raise RegistryError(f"{where}: give grad_at_0 (only a vector function has none)")
    for text in [function.grad_at_0, *(k.grad for k in function.kinks)]:
        if text is not None:
            try:
                function.number(text).value  # noqa: B018
            except ValueError:
                raise RegistryError(f"{where}: {text!r} is neither a number nor a parameter") from None
    if not function.pytorch:
        raise RegistryError(f"{where}: name PyTorch's equivalent in pytorch = [...]")
    return function


def load(path: Path = PATH) -> dict[str, Function]:
    """Every function of the handbook, by name, in page order."""
    with open(path, "rb") as f:
        raw = tomllib.load(f)
    return {name: _entry(name, entry) for name, entry in raw.items()}


FUNCTIONS = load()


# --- table cells: language-neutral, the same on both languages' pages ---------------------------


def comparison_cells(f: Function) -> list[str]:
    """Range, monotonic, zero-centred, smooth, saturates, f'(0), max f'."""
    i = "_i" if f.vector else ""
    range_ = f.range.tex() + (r", \(\sum = 1\)" if f.vector else "")
    zero_centred = {"odd": YES, False: NO, "mean": r"\(\mathrm{E}[y] = 0\)"}[f.zero_centred]
    saturates = {
        "never": NO,
        "everywhere": r"\(f' = 0\)",
        "dead": r"\(x < 0\)",
        "outside": rf"\(x \notin [{f.kinks[0].x:g}, {f.kinks[-1].x:g}]\)" if f.kinks else "",
        "both": rf"\(\lvert x{i} \rvert \to \infty\)",
        "negative": rf"\(x{i} \to -\infty\)",
        "positive": rf"\(x{i} \to \infty\)",
    }[f.saturates]
    if f.grad_at_0 is None:
        at_0 = "—"
    elif f.grad_at_0 in f.params:
        param = f.params[f.grad_at_0]
        at_0 = rf"\({param.tex()} = {f.number(f.grad_at_0).text}\)"
    else:
        at_0 = f.grad_at_0
    maximum = f.max_grad.text if f.max_grad_reached else rf"\(\to {f.max_grad.text}\)"
    mark = {True: YES, False: NO}
    return [range_, mark[f.monotonic], zero_centred, mark[f.smooth], saturates, at_0, maximum]
