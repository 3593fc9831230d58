"""How long the function explorer takes to redraw after a parameter change, in Chromium.

The budget (issue 13) is one frame, <= 16 ms median. Every function of the registry is timed,
on its page in both languages: its first parameter's control is moved 60 times (functions
without a parameter: the x-range's lower end, which redraws the same curves); each change is
timed with the Performance API from the input event to the end of the redraw including style
and layout (a forced getBBox()), and the explorer's own ``explorer-draw`` measures (the
drawing code alone) are reported too. Printed, not asserted in a test; the exit code is
non-zero when a page's median is over the budget.
``python -m benchmarks.explorer [site_dir]`` (builds the site when none is given).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from support import CHROMIUM, CHROMIUM_ARGS, LANGUAGES, ROOT, lang_prefix, serve  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from registry import FUNCTIONS  # noqa: E402

BUDGET_MS = 16  # one frame at 60 Hz


def control(name: str) -> tuple[str, str]:
    """(selector, event) of the control timed on a function's page: its first parameter's
    slider or choice, softmax's temperature, else the x-range's lower end."""
    for param in FUNCTIONS[name].params.values():
        if param.choices is not None:
            return "select", "input"
        if param.valid is not None:
            return "input[type=range]", "input"
    if FUNCTIONS[name].vector:
        return "input[type=range]", "input"  # the temperature
    return "input[name=xmin]", "change"


PAGES = [(f"{lang_prefix(lang)}functions/{name}/", *control(name)) for name in FUNCTIONS for lang in LANGUAGES]
RUNS = 60

TIME = """([selector, event, runs]) => {
  const control = document.querySelector(`div.explorer ${selector}`);
  const svg = document.querySelector("div.explorer svg") || document.querySelector("div.explorer");
  performance.clearMeasures("explorer-draw");
  const times = [];
  for (let i = 0; i < runs; i++) {
    if (control.tagName === "SELECT") control.selectedIndex = i % control.options.length;
    else if (control.name === "xmin") control.value = String(-10 + (i % 20) * 0.4);
    else control.value = String(Number(control.min) + ((Number(control.max) - Number(control.min)) * (i % 20)) / 20);
    const t0 = performance.now();
    control.dispatchEvent(new Event(event, { bubbles: true }));
    (svg.getBBox ? svg.getBBox() : svg.getBoundingClientRect());
    document.body.offsetHeight;  // style and layout
    times.push(performance.now() - t0);
  }
  return [times, performance.getEntriesByName("explorer-draw").map((m) => m.duration)];
}"""


def measure(site_dir: Path) -> bool:
    """Time every page of PAGES; True when every median is within the budget."""
    over = []
    with serve(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        print(f"redraw after a control's change, {RUNS} changes per page; budget: median <= {BUDGET_MS} ms")
        print(f"{'page':28} {'control':20} {'median ms':>10} {'p90 ms':>8} {'draw only ms':>13}")
        for path, selector, event in PAGES:
            page.goto(url + path)
            page.locator("div.explorer").scroll_into_view_if_needed()
            page.wait_for_selector(f"div.explorer {selector}")
            times, draws = page.evaluate(TIME, [selector, event, RUNS])
            p90 = statistics.quantiles(times, n=10)[-1]
            middle = statistics.median(times)
            draw = f"{statistics.median(draws):13.2f}" if draws else f"{'-':>13}"
            flag = "  OVER" if middle > BUDGET_MS else ""
            print(f"{path:28} {selector:20} {middle:10.2f} {p90:8.2f} {draw}{flag}", flush=True)
            if middle > BUDGET_MS:
                over.append(path)
        browser.close()
    print(f"\n{len(PAGES) - len(over)} of {len(PAGES)} pages within {BUDGET_MS} ms", f"; over: {over}" if over else "")
    return not over


def main() -> int:
    if len(sys.argv) > 1:
        return 0 if measure(Path(sys.argv[1])) else 1
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site], cwd=ROOT, check=True)
        return 0 if measure(Path(site)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
