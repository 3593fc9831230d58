"""How long does a build take, and how much of it is our figures and notebooks?

Measures in one run, on a copy of the repository (the working tree is not touched):

1. cold: `mkdocs build`, both languages, with an empty figure cache;
2. warm: the same build again, nothing changed (figures come from the cache);
3. one-page edit: a Markdown page changed, then built again;
4. bare: the same pages with the figure hook and mkdocs-jupyter switched off
   (figures and notebook pages then missing, so not --strict) — the floor the
   other numbers are compared with.

Prints seconds and the ratios to the bare build. Targets (issue 5): cold <= 20 s;
warm and one-page edit <= 1.5x bare. Run from the repository root:

    python -m benchmarks.bench_build [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))  # tests/support.py: the tests' copy of the project

from support import copy_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(project: Path, config: str = "mkdocs.yml", strict: bool = True) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(project / "site")]
    start = time.perf_counter()
    command += ["--strict"] if strict else []
    result = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed ({config}):\n{result.stderr}")
    return seconds


def _is_notebook(item) -> bool:
    """A nav entry for a notebook: "x.ipynb" or {"Title": "x.ipynb"}."""
    values = item.values() if isinstance(item, dict) else [item]
    return any(isinstance(value, str) and value.endswith(".ipynb") for value in values)


def _without_notebooks(nav: list) -> list:
    return [
        {title: _without_notebooks(v) if isinstance(v, list) else v for title, v in item.items()}
        if isinstance(item, dict) else item
        for item in nav
        if not _is_notebook(item)
    ]


def bare_config(project: Path) -> str:
    """mkdocs.yml without the figure hook and without mkdocs-jupyter.

    Read with MkDocs' own loader; the bare config inherits mkdocs.yml (INHERIT) and
    replaces only its hooks, plugins and nav lists (MkDocs replaces inherited lists).
    """
    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml_load(file)
    bare = {
        "INHERIT": "mkdocs.yml",
        "hooks": [h for h in config["hooks"] if h not in ("hooks/figures.py", "hooks/i18n_notebooks.py")],
        "plugins": [p for p in config["plugins"] if (p if isinstance(p, str) else next(iter(p))) != "mkdocs-jupyter"],
        "nav": _without_notebooks(config["nav"]),
    }
    text = yaml.safe_dump(bare, allow_unicode=True, sort_keys=False)
    (project / "mkdocs-bare.yml").write_text(text, encoding="utf-8")
    return "mkdocs-bare.yml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each warm measurement (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        cold = build(project)  # no figure or notebook cache: every figure is drawn
        warm = statistics.median(build(project) for _ in range(args.repeat))
        page = project / "docs" / "en" / "functions" / "relu.md"
        edits = []
        for i in range(args.repeat):
            page.write_text(page.read_text(encoding="utf-8") + f"\n<!-- edit {i} -->\n", encoding="utf-8")
            edits.append(build(project))
        edit = statistics.median(edits)
        config = bare_config(project)
        bare = statistics.median(build(project, config, strict=False) for _ in range(args.repeat))
    print(f"{'build':<16} {'seconds':>8} {'x bare':>7}  target")
    print(f"{'cold':<16} {cold:>8.2f} {cold / bare:>7.2f}  <= 20 s   {'ok' if cold <= 20 else 'OVER'}")
    print(f"{'warm':<16} {warm:>8.2f} {warm / bare:>7.2f}  <= 1.5x   {'ok' if warm <= 1.5 * bare else 'OVER'}")
    print(f"{'one-page edit':<16} {edit:>8.2f} {edit / bare:>7.2f}  <= 1.5x   {'ok' if edit <= 1.5 * bare else 'OVER'}")
    print(f"{'bare':<16} {bare:>8.2f} {1.0:>7.2f}")
    return 0 if cold <= 20 and max(warm, edit) <= 1.5 * bare else 1


if __name__ == "__main__":
    raise SystemExit(main())
