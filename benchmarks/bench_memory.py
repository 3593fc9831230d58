"""How much memory do the snippets take, next to SciPy's expit and NumPy's tanh?

Every function of the registry (functions.toml) and its derivative, at its defaults and at every
other setting its `pytorch` references name (as tests/test_snippets.py does), runs on 10**7
float32 and 10**7 float64 values; a vector function (softmax, and log_softmax of its page) runs
along axis=-1 of 10**4 x 10**3 values. Printed is the peak of the memory allocated during the
call, as a multiple of the input's size: the result itself counts 1x, so SciPy's expit and
np.tanh, which allocate only their result, show 1.00. Limit 2x: the exit code is non-zero past
it. The Jacobian of the softmax page is n x n by definition and is not measured.

The peak is read with tracemalloc, which sees NumPy's array buffers (NumPy reports them to it:
the check at the start fails the run if it does not). Run from the repository root:

    python -m benchmarks.bench_memory
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy
import scipy.special

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # hooks/registry.py reads functions.toml
from registry import FUNCTIONS  # noqa: E402

LIMIT = 2.0
SLACK = 0.01  # tracemalloc also counts small Python objects: a few kB on 40 MB
SIZE = 10**7
DTYPES = [np.float32, np.float64]
REFERENCES = [("scipy.special.expit", scipy.special.expit), ("np.tanh", np.tanh)]
EXTRAS = {"softmax": ["log_softmax"]}  # more functions a registry module defines for its page


def peak_ratio(f: Callable, x: np.ndarray) -> float:
    """Peak memory allocated while f(x) runs, result included, over x.nbytes."""
    gc.collect()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    y = f(x)
    peak = tracemalloc.get_traced_memory()[1]
    del y
    return (peak - before) / x.nbytes


def measured() -> list[tuple[str, Callable, bool]]:
    """(label, function, vector) for every function and derivative of the registry, at every setting."""
    found = []
    for name, entry in FUNCTIONS.items():
        module = importlib.import_module(f"snippets.{name}")
        names = [name, *EXTRAS.get(name, [])] if entry.vector else [name, f"{name}_grad"]
        settings = [{}]
        for reference in entry.pytorch:
            changed = {k: v for k, v in reference.ours.items() if v != entry.params[k].default}
            if changed not in settings:
                settings.append(changed)
        for setting in settings:
            args = ", ".join(f"{k}={v!r}" for k, v in sorted(setting.items()))
            for function in names:
                label = f"{function}({args})" if args else function
                found.append((label, functools.partial(getattr(module, function), **setting), entry.vector))
    return found


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    tracemalloc.start()
    probe = peak_ratio(lambda x: np.empty_like(x), np.zeros(SIZE // 10))
    if abs(probe - 1.0) > SLACK:
        raise SystemExit(f"tracemalloc does not see NumPy's arrays here (np.empty_like measured {probe:.2f}x, not 1x)")

    rng = np.random.default_rng(0)
    inputs = {dtype: rng.normal(scale=5.0, size=SIZE).astype(dtype) for dtype in DTYPES}
    print(f"numpy {np.__version__}, scipy {scipy.__version__}; peak memory during the call / input size")
    print(f"{'function':<42} {'float32':>8} {'float64':>8}  verdict")
    for label, f in REFERENCES:
        ratios = [peak_ratio(f, inputs[dtype]) for dtype in DTYPES]
        print(f"{label:<42} {ratios[0]:>8.2f} {ratios[1]:>8.2f}  reference")
    worst, failed = 0.0, []
    for label, f, vector in measured():
        shape = (SIZE // 1000, 1000) if vector else (SIZE,)
        ratios = [peak_ratio(f, inputs[dtype].reshape(shape)) for dtype in DTYPES]
        worst = max(worst, *ratios)
        verdict = "ok" if max(ratios) <= LIMIT + SLACK else "TOO MUCH"
        if verdict != "ok":
            failed.append(label)
        print(f"{label:<42} {ratios[0]:>8.2f} {ratios[1]:>8.2f}  {verdict}")
    print(f"worst {worst:.2f}x the input (limit {LIMIT:g}x)" + (f"; over it: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
