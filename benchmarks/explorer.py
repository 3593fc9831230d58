"""How long the function explorer takes to redraw after a parameter change, in Chromium.

The budget (issue 13) is one frame, <= 16 ms median. For each page, the parameter's slider
is moved 60 times; each change is timed with the Performance API from the input event to
the end of the redraw including style and layout (a forced getBBox()), and the explorer's
own ``explorer-draw`` measures (the drawing code alone) are reported too. Printed, not
asserted. ``python -m benchmarks.explorer [site_dir]`` (builds the site when none is given).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from support import CHROMIUM, CHROMIUM_ARGS, ROOT, serve  # noqa: E402

PAGES = [("en/functions/gelu/", "select[name=approximate]"), ("en/functions/elu/", "input[type=range]"),
         ("functions/leaky_relu/", "input[type=range]"), ("functions/hardtanh/", "input[type=range]"),
         ("en/functions/softmax/", "input[type=range]")]
RUNS = 60

TIME = """([selector, runs]) => {
  const control = document.querySelector(`div.explorer ${selector}`);
  const svg = document.querySelector("div.explorer svg") || document.querySelector("div.explorer");
  performance.clearMeasures("explorer-draw");
  const times = [];
  for (let i = 0; i < runs; i++) {
    if (control.tagName === "SELECT") control.selectedIndex = i % control.options.length;
    else control.value = String(Number(control.min) + ((Number(control.max) - Number(control.min)) * (i % 20)) / 20);
    const t0 = performance.now();
    control.dispatchEvent(new Event("input", { bubbles: true }));
    (svg.getBBox ? svg.getBBox() : svg.getBoundingClientRect());
    document.body.offsetHeight;  // style and layout
    times.push(performance.now() - t0);
  }
  return [times, performance.getEntriesByName("explorer-draw").map((m) => m.duration)];
}"""


def measure(site_dir: Path) -> None:
    with serve(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        print(f"{'page':28} {'median ms':>10} {'p90 ms':>8} {'draw only ms':>13}")
        for path, selector in PAGES:
            page.goto(url + path)
            page.locator("div.explorer").scroll_into_view_if_needed()
            page.wait_for_selector(f"div.explorer {selector}")
            times, draws = page.evaluate(TIME, [selector, RUNS])
            p90 = statistics.quantiles(times, n=10)[-1]
            print(f"{path:28} {statistics.median(times):10.2f} {p90:8.2f} {statistics.median(draws):13.2f}")
        browser.close()


def main() -> None:
    if len(sys.argv) > 1:
        measure(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site], cwd=ROOT, check=True)
        measure(Path(site))


if __name__ == "__main__":
    main()
