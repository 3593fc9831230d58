"""How fast are the snippets next to the NumPy/SciPy routine that does the same job?

Each pair runs on the same 10**6 float64 values (1000 x 1000 for softmax, along
axis=-1), interleaved A, B, A, B... in one process so that both sides see the
same machine state. The ratio is snippet time / reference time (median of the
per-round ratios); target <= 1.0, limit 1.25. Run from the repository root:

    python -m benchmarks.bench_snippets [--rounds 15]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

import numpy as np
import scipy
import scipy.special

from snippets.gelu import gelu
from snippets.relu import relu
from snippets.sigmoid import sigmoid
from snippets.softmax import log_softmax, softmax
from snippets.softplus import softplus
from snippets.tanh import tanh

TARGET, LIMIT = 1.0, 1.25


def pairs(x: np.ndarray, batch: np.ndarray) -> list[tuple[str, str, callable, callable]]:
    erf = scipy.special.erf
    return [
        ("sigmoid", "scipy.special.expit", lambda: sigmoid(x), lambda: scipy.special.expit(x)),
        ("softmax", "scipy.special.softmax", lambda: softmax(batch), lambda: scipy.special.softmax(batch, axis=-1)),
        ("log_softmax", "scipy.special.log_softmax", lambda: log_softmax(batch), lambda: scipy.special.log_softmax(batch, axis=-1)),
        ("softplus", "np.logaddexp(0, x)", lambda: softplus(x), lambda: np.logaddexp(0.0, x)),
        ("tanh", "np.tanh", lambda: tanh(x), lambda: np.tanh(x)),
        ("relu", "np.maximum(x, 0)", lambda: relu(x), lambda: np.maximum(x, 0.0)),
        ("gelu", "0.5*x*(1+erf(x/sqrt2))", lambda: gelu(x), lambda: 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))),
    ]


def seconds(f, number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        f()
    return (time.perf_counter() - start) / number


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--number", type=int, default=5, help="calls per timing")
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    x = rng.normal(scale=5.0, size=10**6)
    batch = x.reshape(1000, 1000)
    print(f"numpy {np.__version__}, scipy {scipy.__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(f"{'snippet':<12} {'reference':<26} {'snippet ms':>10} {'ref ms':>8} {'ratio':>6}  verdict")
    worst = 0.0
    for name, reference, ours, theirs in pairs(x, batch):
        ours(), theirs()  # warm up
        ratios, ours_t, theirs_t = [], [], []
        for _ in range(args.rounds):
            a, b = seconds(ours, args.number), seconds(theirs, args.number)
            ours_t.append(a)
            theirs_t.append(b)
            ratios.append(a / b)
        ratio = statistics.median(ratios)
        worst = max(worst, ratio)
        verdict = "ok" if ratio <= TARGET else ("within limit" if ratio <= LIMIT else "TOO SLOW")
        print(f"{name:<12} {reference:<26} {min(ours_t) * 1e3:>10.2f} {min(theirs_t) * 1e3:>8.2f} {ratio:>6.2f}  {verdict}")
    print(f"worst ratio {worst:.2f} (target <= {TARGET}, limit {LIMIT})")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
