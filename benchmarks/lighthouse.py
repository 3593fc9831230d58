"""Lighthouse on the built site, served gzip-compressed as GitHub Pages serves it (issue 14).

Builds the site (or takes ``--site-dir``), serves it on localhost under its project path with
gzip for text responses (HTML, CSS, JS, JSON, SVG, XML), ``Cache-Control: max-age=600`` and a
404 page for missing paths, as GitHub Pages does, and runs Lighthouse (npm ``lighthouse``,
pinned in ``benchmarks/lighthouse/package-lock.json``; mobile profile, simulated throttling,
its defaults) in Debian's Chromium on each page of PAGES in both languages, RUNS times.

For each page it prints the median of the runs of: the four category scores (performance,
accessibility, best practices, SEO), LCP, TBT, CLS and the bytes transferred, with the
targets: performance >= 95, LCP <= 2.5 s, TBT <= 200 ms, CLS <= 0.02, and 100 for the other
three categories; and Lighthouse's benchmark index of the machine (``cpu``: higher is faster;
Lighthouse calibrates its mobile CPU slowdown on a machine of about 1000, and a busy machine
scores lower and blocks longer). The exit code is non-zero when a target is missed. The 404 page is listed
too, for information, opened at its own address (Lighthouse refuses a page whose status is 404).

Lighthouse's mobile profile slows the CPU down 4x, which turns a fast desktop (benchmark index
about 1500) into a mid-tier phone. On a slower or busy machine that overshoots, and Lighthouse
then warns in its report; ``--calibrate`` measures the index first and uses the slowdown that
Lighthouse's documentation gives for it (docs/throttling.md, "Calibrating the CPU slowdown").

A run in which Chromium's compositor service (viz) held back the page's frames before its first
paint is set aside and run again (at most RUNS more times per page; ``--keep-withheld`` keeps
every run), and the ``aside`` column counts them. Viz stops sending a page the signal to draw,
but for once a second, when more than 3 of the frames it submitted have not been drawn on the
(headless) display ("ThrottleUndrawnFrames"), or when the page has left 10 signals unanswered
("ThrottleUnresponsiveClient"; both in ``components/viz/service/frame_sinks/
compositor_frame_sink_support.cc``). The page's first frame then reaches the screen 1 or 2 s
late, after the load event, and Lighthouse's simulation counts all of the page's work before its
LCP (for the same build: LCP 2.2-3.3 s and TBT up to 860 ms, instead of 1.5-2 s and 40-200 ms).
On this project's 2-core machines: 26 runs of the Japanese comparison page beside three busy
processes gave 5 runs with the first paint at 1.19-1.35 s, after the load event, each with 60-62
"ThrottleUndrawnFrames" decisions from 0.2 s until just before it; the 21 others had none.
Lighthouse issue 17148 reports the same on PageSpeed Insights' machines. Such a run measures
the lab, not the page; it is recognised in the run's trace (the ``viz`` category is added to
it), not by its score.

Lighthouse needs Node (the machine's; 18 or newer). It is installed once with ``npm ci`` from
the committed lock into ``.cache/lighthouse/``, outside the site's own requirements: the
README's two commands never need it. Run from the repository root:

    python -m benchmarks.lighthouse [--site-dir DIR] [--runs 3] [--page functions/relu/] [--json OUT] [--calibrate]
                                    [--keep-withheld]
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))  # tests/support.py: the server and Chromium settings tests use

from benchmarks.page_weight import build  # noqa: E402
from support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    LANGUAGES,
    SITE_PATH,
    PrefixHandler,
    QuietServer,
    lang_prefix,
    site_handler,
)

PACKAGE = ROOT / "benchmarks" / "lighthouse"  # package.json and package-lock.json: lighthouse pinned
INSTALL = ROOT / ".cache" / "lighthouse"
CLI = INSTALL / "node_modules" / "lighthouse" / "cli" / "index.js"

PAGES = [
    "",  # home
    "functions/sigmoid/",
    "functions/relu/",
    "functions/softmax/",
    "comparison/",
    "vanishing-gradient/",
    "notebooks/try-activations/",
]
# The 404 page, for information: Lighthouse refuses a page answered with status 404, so it is
# opened at its own address (status 200), as GitHub Pages also serves it
NOT_FOUND = "404.html"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# (audit, key printed, unit factor, target); the scores' targets are in target_problems()
METRICS = (
    ("largest-contentful-paint", "LCP", 1 / 1000, 2.5),  # s
    ("total-blocking-time", "TBT", 1, 200),  # ms
    ("cumulative-layout-shift", "CLS", 1, 0.02),
    ("total-byte-weight", "kB", 1 / 1000, None),  # transferred (compressed) bytes
)
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb", ".map")


# --- Lighthouse --------------------------------------------------------------------------------


def install() -> Path:
    """The pinned Lighthouse in .cache/lighthouse (npm ci from the committed lock, once)."""
    lock = (PACKAGE / "package-lock.json").read_bytes()
    if not (CLI.exists() and (INSTALL / "package-lock.json").is_file()
            and (INSTALL / "package-lock.json").read_bytes() == lock):
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("this benchmark needs Node and npm (18 or newer) to run Lighthouse")
        INSTALL.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(PACKAGE / name, INSTALL / name)
        print(f"installing lighthouse into {INSTALL.relative_to(ROOT)} (npm ci)", file=sys.stderr)
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=INSTALL, check=True)
    return CLI


# viz's reasons for holding back a page's frames (see the docstring)
WITHHELD = ("ThrottleUndrawnFrames", "ThrottleUnresponsiveClient", "StopUnresponsiveClient")


def lighthouse(url: str, out: Path, slowdown: float | None = None) -> dict:
    """One Lighthouse run of ``url``: its JSON report (mobile, simulated throttling; the CPU
    slowdown is Lighthouse's 4x unless ``slowdown`` is given), with ``withheldFrames``: how
    many times viz held back the page's frames before its first paint."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        "node", str(CLI), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}",
        "--additional-trace-categories=viz", "--save-assets",  # the trace, beside the report
    ]
    if slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}")
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, capture_output=True, text=True)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse: {url}: {report['runtimeError']}")
    trace = out.with_name(f"{out.stem}-0.trace.json")
    report["withheldFrames"] = withheld_frames(report, json.loads(trace.read_text(encoding="utf-8")))
    for saved in out.parent.glob(f"{out.stem}-0.*.json"):
        saved.unlink()  # 7 MB of trace a run
    return report


def withheld_frames(report: dict, trace: dict) -> int:
    """How many times viz decided not to let the page draw, for a reason in WITHHELD, between
    the navigation and the first paint."""
    metrics = report["audits"]["metrics"]["details"]["items"][0]
    start, paint = metrics["observedNavigationStartTs"], metrics["observedFirstPaintTs"]
    return sum(
        1 for event in trace["traceEvents"]
        if event.get("name") == "SendBeginFrameDecision"
        and event.get("args", {}).get("reason") in WITHHELD and start <= event["ts"] <= paint
    )


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes this machine a mid-tier phone, from its benchmark index:
    the piecewise-linear rule of the calculator that Lighthouse's docs/throttling.md points to
    ("Calibrating the CPU slowdown"; 4x is right for an index of about 1530)."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def summary(report: dict) -> dict[str, float]:
    numbers = {name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES}
    for audit, key, factor, _ in METRICS:
        numbers[key] = report["audits"][audit]["numericValue"] * factor
    # Lighthouse's measure of this machine's CPU speed at the time (higher is faster): simulated
    # throttling scales what it observed, so a busy machine gives a higher TBT
    numbers["cpu"] = report["environment"]["benchmarkIndex"]
    return numbers


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each number's median over the runs (taken one by one, so not necessarily one run's)."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def target_problems(numbers: dict[str, float]) -> list[str]:
    problems = [f"performance {numbers['performance']:.0f} < 95"] if numbers["performance"] < 95 else []
    problems += [f"{name} {numbers[name]:.0f} < 100" for name in CATEGORIES[1:] if numbers[name] < 100]
    problems += [
        f"{key} {numbers[key]:.3g} > {limit:g}"
        for _, key, _, limit in METRICS
        if limit is not None and numbers[key] > limit
    ]
    return problems


# --- The server --------------------------------------------------------------------------------


class PagesHandler(PrefixHandler):
    """support.py's handler (project path, /404.html for missing paths), plus GitHub Pages'
    gzip for text and its caching headers."""

    cache: dict[str, bytes] = {}
    lock = threading.Lock()

    def send_head(self):
        path = Path(self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0]))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        return self.send_body(200, path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = self.send_body(404, page)
        if self.command != "HEAD":
            self.copyfile(body, self.wfile)

    def send_body(self, status: int, path: Path):
        data = path.read_bytes()
        encoded = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if encoded:
            with self.lock:
                key = str(path)
                if key not in self.cache:
                    self.cache[key] = gzip.compress(data, compresslevel=6, mtime=0)
                data = self.cache[key]
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Last-Modified", email.utils.formatdate(path.stat().st_mtime, usegmt=True))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(data)


@contextmanager
def serve(site_dir: Path):
    server = QuietServer(("127.0.0.1", 0), site_handler(site_dir, PagesHandler))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# --- Main ----------------------------------------------------------------------------------------


COLUMNS = (
    f"{'page':<34} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}"
    f" {'LCP s':>6} {'TBT ms':>7} {'CLS':>6} {'kB':>6} {'cpu':>5} {'aside':>5}"
)


def row(name: str, n: dict[str, float]) -> str:
    return (
        f"{name:<34} {n['performance']:>4.0f} {n['accessibility']:>4.0f} {n['best-practices']:>4.0f} {n['seo']:>4.0f}"
        f" {n['LCP']:>6.2f} {n['TBT']:>7.0f} {n['CLS']:>6.3f} {n['kB']:>6.0f} {n['cpu']:>5.0f} {n['aside']:>5.0f}"
    )


def page_runs(url: str, runs: int, tmp: Path, slowdown: float | None, keep_withheld: bool) -> tuple[list[dict], int]:
    """``runs`` reports of ``url`` and how many runs were set aside: a run in which viz withheld
    the page's frames is run again, up to ``runs`` times per page, unless ``keep_withheld``."""
    reports, aside = [], 0
    while len(reports) < runs:
        report = lighthouse(url, tmp / f"{len(reports) + aside}.json", slowdown)
        if report["withheldFrames"] and not keep_withheld and aside < runs:
            aside += 1
        else:
            reports.append(report)
    return reports, aside


def measure(site_dir: Path, runs: int, pages: list[str], dump: Path | None, calibrate: bool = False,
            keep_withheld: bool = False) -> bool:
    install()
    ok, results = True, {}
    targets = [(f"{lang}: /{path}", lang_prefix(lang) + path, True) for lang in LANGUAGES for path in pages]
    targets += [(f"{lang}: /{lang_prefix(lang)}{NOT_FOUND}", lang_prefix(lang) + NOT_FOUND, False)
                for lang in LANGUAGES]
    print(f"Lighthouse, mobile, median of {runs} runs; targets: perf >= 95, a11y/bp/seo 100, "
          f"LCP <= 2.5 s, TBT <= 200 ms, CLS <= 0.02; aside: runs run again because viz withheld the page's frames")
    print(COLUMNS)
    with serve(site_dir) as server, tempfile.TemporaryDirectory() as tmp:
        base = f"http://127.0.0.1:{server.server_port}{SITE_PATH}"
        slowdown = None
        if calibrate:  # the machine's benchmark index, from Lighthouse's own runs of the home page
            index = statistics.median(summary(lighthouse(base, Path(tmp) / f"c{i}.json"))["cpu"] for i in range(3))
            slowdown = calibrated_slowdown(index)
            print(f"benchmark index {index:.0f}: CPU slowdown {slowdown:.2f}x instead of 4x")
        for name, path, scored in targets:
            reports, aside = page_runs(base + path, runs, Path(tmp), slowdown, keep_withheld)
            numbers = {**median([summary(r) for r in reports]), "aside": aside}
            problems = target_problems(numbers) if scored else []
            withheld = sum(1 for r in reports if r["withheldFrames"])
            if withheld:
                problems.append(f"frames withheld in {withheld} of the runs counted")
            ok &= not problems
            results[name] = numbers
            print(row(name, numbers) + ("  " + "; ".join(problems) if problems else ""), flush=True)
    if dump:
        dump.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--page", action="append", help="a page path to measure instead of the list (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the medians to this file")
    parser.add_argument("--calibrate", action="store_true",
                        help="scale the CPU slowdown to this machine's benchmark index (Lighthouse's calibration)")
    parser.add_argument("--keep-withheld", action="store_true",
                        help="count runs in which viz withheld the page's frames too (see the docstring)")
    args = parser.parse_args()
    start = time.perf_counter()
    pages = args.page or PAGES
    if args.site_dir:
        ok = measure(args.site_dir, args.runs, pages, args.json, args.calibrate, args.keep_withheld)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp))
            ok = measure(Path(tmp), args.runs, pages, args.json, args.calibrate, args.keep_withheld)
    print(f"\n{time.perf_counter() - start:.0f} s; targets {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
