"""Write the snippets' code into the notebooks' definition cells, execute the notebooks and store
their outputs.

A notebook runs on its own, as a reader downloads it or copies its cells: it imports nothing
from this repository. The functions it uses are defined in it, one code cell per module, and
that cell is the module's code exactly: a first line ``# snippets/<name>.py`` that names the
module, then the text of ``snippets/<name>.py``. Never edit those cells by hand; edit the
module and run this script, which rewrites every such cell from its module, executes the
notebook afresh with the ``python3`` kernel in an empty folder outside the repository, and
saves it with its outputs (no execution timestamps, so that a run that changes nothing leaves
the file as it is). ``tests/test_notebooks.py`` checks that each definition cell equals its
module and that the stored outputs equal a fresh run's. Run from the repository root, then
review the diff:

    python -m tests.update_notebooks [docs/<lang>/notebooks/<name>.ipynb ...]

To use another function in a notebook, add a code cell whose only line is
``# snippets/<name>.py`` (in both languages' notebooks, at the same place) and run the script.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MARKER = re.compile(r"# (snippets/[A-Za-z0-9_]+\.py)\s*")  # the first line of a definition cell


def notebooks() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def module_of(cell) -> str | None:
    """``snippets/<name>.py`` if ``cell`` is a definition cell, else None."""
    if cell.cell_type != "code":
        return None
    match = MARKER.fullmatch(cell.source.split("\n", 1)[0])
    return match.group(1) if match else None


def definition_cells(nb) -> list[tuple[int, str, nbformat.NotebookNode]]:
    """(number among the code cells, from 1; module; cell) of each definition cell."""
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    return [(number, module, cell) for number, cell in enumerate(code, 1) if (module := module_of(cell))]


def definition_source(module: str) -> str:
    """What the definition cell of ``module`` holds: its marker line, then the module's text."""
    path = ROOT / module
    if not path.is_file():
        raise FileNotFoundError(f"a notebook cell names {module}, which does not exist")
    return f"# {module}\n" + path.read_text(encoding="utf-8").rstrip("\n")


def rewritten(path: Path, execute: bool = True) -> str:
    """The notebook with its definition cells from the modules and, if ``execute``, fresh outputs."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for _, module, cell in definition_cells(nb):
        cell.source = definition_source(module)
    if execute:
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        with tempfile.TemporaryDirectory(prefix="notebook-") as folder:  # outside the repository
            NotebookClient(
                nb, kernel_name="python3", timeout=120, record_timing=False, resources={"metadata": {"path": folder}}
            ).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # timestamps of an earlier run
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def update(path: Path, execute: bool = True) -> bool:
    """Rewrite one notebook in place; True if the file changed."""
    text = rewritten(path, execute)
    if text == path.read_text(encoding="utf-8"):
        return False
    path.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="notebooks to update (default: all under docs/)")
    parser.add_argument("--no-execute", action="store_true", help="rewrite the definition cells only")
    args = parser.parse_args(argv)
    files = [path.resolve() for path in args.files] or notebooks()
    changed = [path for path in files if update(path, execute=not args.no_execute)]
    for path in changed:
        print(f"updated {path.relative_to(ROOT)}")
    print(f"{len(changed)} of {len(files)} notebooks changed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
