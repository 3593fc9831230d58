"""Rewrite the ``#>`` output lines of the examples from a fresh run, as Pydantic's
``--update-examples`` does.

The examples in ``snippets/examples/`` are where the ``#>`` lines live (pages include
them; ``tests/test_pages.py`` checks that what a page prints equals its ``#>`` lines).
This runs each example as ``python -m snippets.examples.<name>`` would and notes which
top-level statement of the file wrote each piece of output (a print inside a loop or a
function counts for the loop or the call at the top level). Each block of ``#>`` lines
then holds, in order, the output of the statements above it, back to the previous block;
a statement that prints below the last block gets a new block right after it; a block
left with nothing to show goes. Output is written ``#> text`` per line, ``#>`` for an
empty line. A file whose output has not changed is left as it is. Run from the
repository root, then review the diff:

    python -m tests.update_examples [snippets/examples/<name>.py ...]
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "snippets" / "examples"


class _Recorder(io.TextIOBase):
    """A stdout that notes, for each write, the line of the example's top level running."""

    def __init__(self, filename: str):
        self.filename = filename
        self.writes: list[tuple[int, str]] = []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        frame = sys._getframe(1)
        while frame is not None and (frame.f_code.co_filename, frame.f_code.co_name) != (self.filename, "<module>"):
            frame = frame.f_back
        if frame is None:
            raise RuntimeError(f"{self.filename}: output written from outside the example: {text!r}")
        self.writes.append((frame.f_lineno, text))
        return len(text)


def run(path: Path) -> list[tuple[int, str]]:
    """Run the example; (line of the top level, text) for every write to stdout."""
    import matplotlib

    matplotlib.use("Agg")  # plt.show() draws nothing
    import matplotlib.pyplot as plt

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # `from snippets.<name> import ...`, as with python -m
    recorder = _Recorder(str(path))
    try:
        with contextlib.redirect_stdout(recorder):
            runpy.run_path(str(path), run_name="__main__")
    finally:
        plt.close("all")
    return recorder.writes


def output_lines(text: str, where: str) -> list[str]:
    if not text.endswith("\n"):
        raise ValueError(f"{where}: output {text!r} does not end with a newline, which #> lines cannot show")
    return ["#>\n" if line == "" else f"#> {line}\n" for line in text[:-1].split("\n")]


def rewritten(path: Path) -> str:
    """The text of the example with ``#>`` lines from a fresh run."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    statements = ast.parse(source, str(path)).body
    # The first line of each block of #> lines
    blocks = [
        n for n, line in enumerate(lines, 1) if line.startswith("#>") and (n == 1 or not lines[n - 2].startswith("#>"))
    ]
    shown: dict[int, str] = {}  # line after which output goes -> the output
    for line, text in run(path):
        end = next(s.end_lineno for s in statements if s.lineno <= line <= s.end_lineno)
        where = next((start - 1 for start in blocks if start > end), end)  # the next block, or a new one
        shown[where] = shown.get(where, "") + text
    result = []
    for number, line in enumerate(lines, start=1):
        if not line.startswith("#>"):
            result.append(line)
        if number in shown:
            result += output_lines(shown[number], f"{path}:{number}")
    return "".join(result)


def update(path: Path) -> bool:
    """Rewrite the ``#>`` lines of one example in place; True if the file changed."""
    text = rewritten(path)
    if text == path.read_text(encoding="utf-8"):
        return False
    path.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="examples to update (default: all)")
    args = parser.parse_args(argv)
    files = args.files or sorted(p for p in EXAMPLES.glob("*.py") if p.name != "__init__.py")
    changed = [path for path in files if update(path.resolve())]
    for path in changed:
        print(f"updated {path}")
    print(f"{len(changed)} of {len(files)} examples changed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
