"""How fast are the snippets, next to the NumPy/SciPy routine that does the same job?

Every function of the registry (functions.toml) is timed, its value and its
derivative: <name>(x) and <name>_grad(x) on 10**6 float64 values, or for a vector
function <name>(x) along axis=-1 of 1000 x 1000 values and <name>_jacobian(x) of
1000 values; the softmax page's log_softmax too. A registry name without its
module or functions stops the run. Where REFERENCES below names a routine, both
run on the same values, interleaved A, B, A, B... in one process so that both
sides see the same machine state, and must agree to rounding; the ratio is
snippet time / reference time (median of the per-round ratios), target <= 1.0,
limit 1.25 (the exit code is non-zero past it). The others are timed alone.
Run from the repository root:

    python -m benchmarks.bench_snippets [--rounds 15]
"""

from __future__ import annotations

import argparse
import functools
import importlib
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy
import scipy.special

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # hooks/registry.py reads functions.toml
from registry import FUNCTIONS  # noqa: E402

TARGET, LIMIT = 1.0, 1.25

# The routine that does a snippet function's job, by the function's name: (as printed, call)
REFERENCES = {
    "sigmoid": ("scipy.special.expit", scipy.special.expit),
    "softmax": ("scipy.special.softmax", lambda b: scipy.special.softmax(b, axis=-1)),
    "log_softmax": ("scipy.special.log_softmax", lambda b: scipy.special.log_softmax(b, axis=-1)),
    "softplus": ("np.logaddexp(0, x)", lambda x: np.logaddexp(0.0, x)),
    "tanh": ("np.tanh", np.tanh),
    "relu": ("np.maximum(x, 0)", lambda x: np.maximum(x, 0.0)),
    "gelu": ("0.5*x*(1+erf(x/sqrt2))", lambda x: 0.5 * x * (1.0 + scipy.special.erf(x / np.sqrt(2.0)))),
}
EXTRAS = {"softmax": ["log_softmax"]}  # more functions a registry module defines for its page


def timed_functions(x: np.ndarray, batch: np.ndarray) -> list[tuple[str, Callable, np.ndarray]]:
    """(name, function, its input) for every function of the registry, in the registry's order."""
    found = []
    for name, entry in FUNCTIONS.items():
        try:
            module = importlib.import_module(f"snippets.{name}")
        except ModuleNotFoundError as error:
            raise SystemExit(f"functions.toml has [{name}] but snippets.{name} cannot be imported: {error}") from error
        derivative = f"{name}_jacobian" if entry.vector else f"{name}_grad"
        for function in [name, derivative, *EXTRAS.get(name, [])]:
            if not callable(getattr(module, function, None)):
                raise SystemExit(f"functions.toml has [{name}] but snippets/{name}.py defines no {function}()")
            values = batch[0] if function == derivative and entry.vector else batch if entry.vector else x
            found.append((function, getattr(module, function), values))
    stale = set(REFERENCES) - {function for function, _, _ in found}
    if stale:
        raise SystemExit(f"REFERENCES names functions that are not timed: {sorted(stale)}")
    return found


def seconds(f, number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        f()
    return (time.perf_counter() - start) / number


def rounds_of(ours, theirs, rounds: int, number: int) -> tuple[list[float], list[float]]:
    """Times of ``ours`` and of ``theirs`` (if any), interleaved round by round."""
    ours_t, theirs_t = [], []
    for _ in range(rounds):
        ours_t.append(seconds(ours, number))
        if theirs is not None:
            theirs_t.append(seconds(theirs, number))
    return ours_t, theirs_t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--number", type=int, default=5, help="calls per timing")
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    x = rng.normal(scale=5.0, size=10**6)
    batch = x.reshape(1000, 1000)
    python = f"Python {platform.python_version()}, {platform.machine()}"
    print(f"numpy {np.__version__}, scipy {scipy.__version__}, {python}")
    print(f"{'snippet':<18} {'reference':<26} {'snippet ms':>10} {'ref ms':>8} {'ratio':>6}  verdict")
    worst = 0.0
    for name, function, values in timed_functions(x, batch):
        label, reference = REFERENCES.get(name, ("-", None))
        ours = functools.partial(function, values)
        theirs = None if reference is None else functools.partial(reference, values)
        if theirs is not None:  # the same job: the same values, to rounding (the tails' 1e-300s aside)
            np.testing.assert_allclose(ours(), theirs(), rtol=1e-9, atol=1e-12, err_msg=f"{name} vs {label}")
        ours()  # warm up
        ours_t, theirs_t = rounds_of(ours, theirs, args.rounds, args.number)
        if theirs is None:
            print(f"{name:<18} {label:<26} {min(ours_t) * 1e3:>10.2f} {'':>8} {'':>6}  timed alone")
            continue
        ratio = statistics.median(a / b for a, b in zip(ours_t, theirs_t, strict=True))
        worst = max(worst, ratio)
        verdict = "ok" if ratio <= TARGET else ("within limit" if ratio <= LIMIT else "TOO SLOW")
        print(f"{name:<18} {label:<26} {min(ours_t) * 1e3:>10.2f} {min(theirs_t) * 1e3:>8.2f} {ratio:>6.2f}  {verdict}")
    print(f"worst ratio {worst:.2f} (target <= {TARGET}, limit {LIMIT}); the others have no reference")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
