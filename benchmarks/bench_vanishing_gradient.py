"""How long do the four runs of the vanishing gradient page take?

The page says all four runs together take well under a second (ja: 1 秒よりずっと
短い時間). This times them as its example runs them: gradient_norms with its
defaults (24 layers of width 64, a batch of 128, seed 0) for each activation in
ACTIVATIONS. Prints each run and the four together (best and median of
--rounds); the exit code is non-zero if the median of the four is 1 s or more.
Run from the repository root:

    python -m benchmarks.bench_vanishing_gradient [--rounds 20]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

import numpy as np

from snippets.vanishing_gradient import ACTIVATIONS, gradient_norms

LIMIT_S = 1.0  # "well under a second": the claim fails at or past it


def run(name: str) -> float:
    f, f_grad, init = ACTIVATIONS[name]
    start = time.perf_counter()
    gradient_norms(f, f_grad, init=init)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    for name in ACTIVATIONS:
        run(name)  # warm up
    times = {name: [] for name in ACTIVATIONS}
    for _ in range(args.rounds):
        for name in ACTIVATIONS:
            times[name].append(run(name))
    totals = [sum(t) for t in zip(*times.values(), strict=True)]
    print(f"numpy {np.__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(f"{'run':<12} {'best ms':>8} {'median ms':>10}")
    for name, t in times.items():
        print(f"{name:<12} {min(t) * 1e3:>8.1f} {statistics.median(t) * 1e3:>10.1f}")
    median = statistics.median(totals)
    print(f"{'all four':<12} {min(totals) * 1e3:>8.1f} {median * 1e3:>10.1f}")
    print(f"page: well under a second; {'ok' if median < LIMIT_S else 'NOT held'} (limit {LIMIT_S:.1f} s)")
    return 0 if median < LIMIT_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
