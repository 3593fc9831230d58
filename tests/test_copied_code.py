"""Every page's Python runs as a reader copies it: from the built page, outside the repository.

test_pages.py runs each page's code from the Markdown, with the repository importable. A
reader has neither: they press the copy button of each code block of the built page, paste the
blocks in page order into one file somewhere else, and run it in a Python that has NumPy and
Matplotlib installed, and SciPy where the code they copied imports it itself (GELU's ``erfc``).
So for every page of both languages, from the built site (fixture ``built_site``), this test:

1. takes what each Python block's copy button copies, from the HTML. Material's button copies
   the ``innerText`` of the block's ``<code>`` with ``data-md-copying`` set, so that its CSS
   hides code annotations (``.md-annotation``), trimmed at the end (``trimEnd()``), or the
   ``data-copy`` attribute of an enclosing element where there is one. Inside ``<code>`` the
   built HTML has only Pygments' spans and the empty line anchors (``anchor_linenums``), so
   that is the code's unescaped text. Notebook pages have mkdocs-jupyter's button instead,
   which copies the text of the cell's ``div.clipboard-copy-txt``.
   test_browser.py's test_copy_buttons_copy_what_test_copied_code_runs presses the buttons
   in Chromium and checks that each copies exactly this;
2. checks that there are as many as the page's source has Python fences (or notebook code
   cells), so that a change in the HTML cannot leave the test running nothing;
3. writes them, in page order, to one file in a new directory outside the repository and
   runs it there (``python -W error copied.py``, no PYTHONPATH, ``MPLBACKEND=Agg`` so that
   ``plt.show()`` returns) in a fresh virtual environment that has only NumPy and Matplotlib
   (plus SciPy, see above) and what they depend on, linked from this one: the test
   environment's other packages (this repository's ``snippets``, PyTorch, pytest) are a
   ModuleNotFoundError there, as in the reader's Python;
4. checks that it printed exactly the ``#>`` lines of the copied code.

Code copied identically from several pages (most pages' code is the same in both languages)
runs once; runs go two at a time, for the pages selected, when the first of them is tested.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from conftest import once_per_run
from support import ROOT, discover_pages, lang_prefix
from test_pages import expected_output  # the #> lines of a block: what its prints must write

DOCS = ROOT / "docs"
PAGES = discover_pages()  # (language, page path) of every page, Markdown or notebook
REQUIREMENTS = ("numpy", "matplotlib")  # what a reader is assumed to have installed
IMPORTS_SCIPY = re.compile(r"^\s*(?:import scipy\b|from scipy[\s.])", re.M)
TIMEOUT_S = 120  # one page; the slowest (vanishing-gradient) needs about 3 s


# --- What the copy button copies --------------------------------------------------------------


class CopiedBlocks(HTMLParser):
    """The text each copy button of a page copies, in page order, for its Python blocks.

    Material: ``div.language-python.highlight > pre > code``, the code's text without
    ``.md-annotation`` elements, or the ``data-copy`` of an enclosing element; end trimmed.
    mkdocs-jupyter: the text of each ``div.clipboard-copy-txt`` (the notebook's code cells).
    """

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)  # entities arrive unescaped, as innerText has them
        self.blocks: list[str] = []
        self.stack: list[tuple[str, str]] = []  # (tag, role): role is '', 'python', 'copy', 'notebook' or 'skip'
        self.data_copy: list[str | None] = []  # the data-copy attribute of each open element
        self.text: list[str] | None = None  # the block being read

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        role = ""
        if tag == "div" and {"highlight", "language-python"} <= classes:
            role = "python"
        elif tag == "code" and self.text is None and self.stack and self.stack[-1][0] == "pre" and any(
            r == "python" for _, r in self.stack
        ):
            role = "copy"
            copy = next((value for value in reversed(self.data_copy) if value is not None), None)
            self.text = [copy] if copy is not None else []
        elif tag == "div" and "clipboard-copy-txt" in classes and self.text is None:
            role = "notebook"
            self.text = []
        elif "md-annotation" in classes:
            role = "skip"
        self.stack.append((tag, role))
        self.data_copy.append(attrs.get("data-copy"))

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        while self.stack:  # tolerate an unclosed inner element
            open_tag, role = self.stack.pop()
            self.data_copy.pop()
            if role in ("copy", "notebook"):
                text = "".join(self.text)
                self.blocks.append(text.rstrip() if role == "copy" else text)  # Material: trimEnd()
                self.text = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.text is None or any(role == "skip" for _, role in self.stack):
            return
        if any(value is not None for value in self.data_copy):
            return  # the block copies its data-copy attribute, already taken
        self.text.append(data)


def copied_blocks(html: str) -> list[str]:
    parser = CopiedBlocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


def source_of(lang: str, path: str) -> Path:
    """The Markdown or notebook file of a page."""
    if not path:
        return DOCS / lang / "index.md"
    stem = DOCS / lang / path.rstrip("/")
    return next(p for p in (stem.with_suffix(".md"), stem / "index.md", stem.with_suffix(".ipynb")) if p.exists())


def python_blocks_in_source(source: Path) -> int:
    """Python fences of a Markdown page (also indented, in admonitions), or code cells of a notebook."""
    if source.suffix == ".ipynb":
        cells = json.loads(source.read_text(encoding="utf-8"))["cells"]
        return sum(1 for cell in cells if cell["cell_type"] == "code" and "".join(cell["source"]).strip())
    return len(re.findall(r"^[ \t]*```python\s*$", source.read_text(encoding="utf-8"), re.M))


# --- Running it where a reader would ---------------------------------------------------------


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def with_dependencies(roots: tuple[str, ...]) -> list[metadata.Distribution]:
    """The installed distributions ``roots`` need, themselves included (extras left out)."""
    found: dict[str, metadata.Distribution] = {}
    todo = list(roots)
    while todo:
        name = canonical(todo.pop())
        if name in found:
            continue
        found[name] = distribution = metadata.distribution(name)
        for line in distribution.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return list(found.values())


def reader_python(folder: Path, roots: tuple[str, ...]) -> Path:
    """A fresh virtual environment in ``folder`` with only ``roots`` and what they need installed
    (linked from this one, same versions); returns its python. Anything else, this repository's
    ``snippets`` included, is a ModuleNotFoundError there, as in the reader's Python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    site = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip())
    for distribution in with_dependencies(roots):
        # numpy, numpy.libs, numpy-2.x.dist-info, pylab.py, ...; not scripts (../../bin) or caches
        for top in {file.parts[0] for file in distribution.files or []} - {"..", "__pycache__"}:
            if not (site / top).exists():
                (site / top).symlink_to(Path(distribution.locate_file(top)).resolve())
    return python


@dataclass
class Copied:
    """What a reader copies from one page, and what happened when it ran."""

    code: str  # the page's copied blocks, in order, as pasted into one file
    blocks: int
    expected_blocks: int  # Python fences (or notebook code cells) in the page's source
    installed: tuple[str, ...] = ()
    returncode: int | None = None
    stdout: str = ""
    stderr: str = ""


def copy_page(site_dir: Path, lang: str, path: str) -> Copied:
    html = (site_dir / lang_prefix(lang) / path / "index.html").read_text(encoding="utf-8")
    blocks = copied_blocks(html)
    code = "\n\n".join(blocks) + "\n"
    # SciPy only where the code the reader copied says it needs it, with its own import line
    installed = REQUIREMENTS + (("scipy",) if IMPORTS_SCIPY.search(code) else ())
    return Copied(code, len(blocks), python_blocks_in_source(source_of(lang, path)), installed)


def run(code: str, python: Path) -> subprocess.CompletedProcess:
    """``python copied.py`` in a new folder outside the repository, with a clean environment."""
    with tempfile.TemporaryDirectory(prefix="copied-code-") as tmp:
        folder = Path(tmp).resolve()
        assert not folder.is_relative_to(ROOT), f"{folder} is inside the repository"
        (folder / "copied.py").write_text(code, encoding="utf-8")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "MPLBACKEND": "Agg"}  # Agg: plt.show() returns
        if "HOME" in os.environ:  # Matplotlib's font cache; without it every run rebuilds one
            env["HOME"] = os.environ["HOME"]
        return subprocess.run(
            [python, "-W", "error", "copied.py"],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_S,
        )


@pytest.fixture(scope="session")
def runs(request, built_site, tmp_path_factory) -> dict[tuple[str, str], Copied]:
    """Every selected page's copied code, run two at a time; code copied identically from
    several pages (most pages' code is the same in both languages) runs once, and in one
    test process (once_per_run)."""
    site_dir, _ = built_site
    selected = [
        (item.callspec.params["lang"], item.callspec.params["path"])
        for item in request.session.items
        if getattr(item, "function", None) is test_copied_code_runs_outside_the_repository
    ]

    def run_all() -> dict[tuple[str, str], Copied]:
        copied = {page: copy_page(site_dir, *page) for page in selected}
        pythons = {}
        for installed in {c.installed for c in copied.values()}:
            folder = tmp_path_factory.mktemp("reader-python").resolve()
            assert not folder.is_relative_to(ROOT), f"{folder} is inside the repository"
            pythons[installed] = reader_python(folder, installed)
        distinct = list({(c.code, c.installed) for c in copied.values() if c.blocks})
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = dict(zip(distinct, pool.map(lambda key: run(key[0], pythons[key[1]]), distinct), strict=True))
        for c in copied.values():
            if c.blocks:
                result = results[(c.code, c.installed)]
                c.returncode, c.stdout, c.stderr = result.returncode, result.stdout, result.stderr
        return copied

    return once_per_run(tmp_path_factory, "copied_code", run_all)


def params():
    # Notebook pages too: their definition cells are the snippets' code (tests/update_notebooks.py),
    # so their cells run without the repository (issue #11)
    for lang, path in PAGES:
        yield pytest.param(lang, path, id=f"{lang}:/{path}")


@pytest.mark.parametrize(("lang", "path"), list(params()))
def test_copied_code_runs_outside_the_repository(runs, lang, path):
    copied = runs[(lang, path)]
    where = f"{lang_prefix(lang)}{path or '(home)'}"
    assert copied.blocks == copied.expected_blocks, (
        f"{where}: {copied.blocks} Python blocks to copy in the HTML, the source has {copied.expected_blocks}"
    )
    if not copied.blocks:
        return
    numbered = "\n".join(f"{i:4} {line}" for i, line in enumerate(copied.code.splitlines(), 1))
    assert copied.returncode == 0, (
        f"{where}: the copied code fails in a fresh Python with only {', '.join(copied.installed)} installed,"
        f" outside the repository:\n{copied.stderr[-3000:]}\n--- copied.py ---\n{numbered}"
    )
    if source_of(lang, path).suffix == ".md":  # a notebook shows its outputs as cells, not #> lines
        expected = expected_output(copied.code)
        lines = expected.splitlines(True), copied.stdout.splitlines(True)
        diff = "".join(difflib.unified_diff(*lines, "#> lines", "printed"))
        assert copied.stdout == expected, f"{where}: printed output differs from the #> lines:\n{diff}"
