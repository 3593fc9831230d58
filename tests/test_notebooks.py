"""The Jupyter notebooks under ``docs/<lang>/notebooks/``: they run on their own, their definition
cells are the snippets' code, their stored outputs are current, both languages run the same code,
and the site renders them as pages.

A reader downloads a notebook alone (or copies its cells), so it imports nothing from this
repository: the functions it uses are defined in it, one code cell per module, whose first line
``# snippets/<name>.py`` names the module and whose rest is that module's text exactly.
``python -m tests.update_notebooks`` writes those cells from the modules, executes the notebooks
and stores their outputs; test_definition_cells_are_the_snippets_code checks that the cells are
current. (test_copied_code.py runs the notebook pages' copied cells outside the repository.)

The notebooks are stored with their outputs (the site does not execute them, ``execute: false``
in ``mkdocs.yml``). These tests execute each notebook afresh with nbclient and the venv's
``python3`` kernel, from the notebook's own folder, from the repository root and from a folder
outside the repository (where a reader who downloaded it starts Jupyter), and compare the text it prints and the images it shows with those stored
in the file (images pixel by pixel, see same_picture); execution counts are not compared. After
changing a notebook or a module it defines, run ``python -m tests.update_notebooks``.
"""

from __future__ import annotations

import ast
import base64
import io
import re
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import update_notebooks
from conftest import LANGUAGES, ROOT, lang_prefix

DOCS = ROOT / "docs"
NOTEBOOKS = sorted(p.relative_to(DOCS) for p in DOCS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
# None: the notebook's own folder
START_DIRS = {"notebook folder": None, "repository root": ROOT, "outside the repository": Path(tempfile.gettempdir())}

UPDATE = "run `python -m tests.update_notebooks` (never edit a definition cell by hand)"

_executed: dict[tuple[Path, str], nbformat.NotebookNode] = {}


def read(notebook: Path) -> nbformat.NotebookNode:
    return nbformat.read(DOCS / notebook, as_version=4)


def execute(notebook: Path, start: str) -> nbformat.NotebookNode:
    """The notebook executed afresh from ``start`` (cached for the test run); raises on a cell error."""
    key = (notebook, start)
    if key not in _executed:
        nb = read(notebook)
        cwd = START_DIRS[start] or (DOCS / notebook).parent
        NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(cwd)}}).execute()
        _executed[key] = nb
    return _executed[key]


def code_cells(nb) -> list[nbformat.NotebookNode]:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def text_outputs(nb) -> list[list[tuple[str, str]]]:
    """Per code cell, the text of each output: streams, text/plain results and errors (images: images())."""
    cells = []
    for cell in code_cells(nb):
        texts = []
        for output in cell.outputs:
            if output.output_type == "stream":
                texts.append((output.name, output.text))
            elif output.output_type in ("execute_result", "display_data"):
                if "text/plain" in output.get("data", {}):
                    texts.append((output.output_type, output.data["text/plain"]))
            elif output.output_type == "error":
                texts.append(("error", f"{output.ename}: {output.evalue}"))
        cells.append(texts)
    return cells


def test_notebooks_are_collected():
    assert NOTEBOOKS, "no notebooks found under docs/"
    assert Path("ja/notebooks/try-activations.ipynb") in NOTEBOOKS


@pytest.mark.parametrize("start", START_DIRS)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_notebook_executes_without_error(notebook, start):
    nb = execute(notebook, start)  # nbclient raises CellExecutionError on the first failing cell
    assert not [o for cell in code_cells(nb) for o in cell.outputs if o.output_type == "error"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_stored_outputs_match_a_fresh_run(notebook):
    stored = read(notebook)
    assert all(cell.outputs for cell in code_cells(stored) if "print(" in cell.source or "plt.show()" in cell.source), (
        f"{notebook} is stored without outputs: " + UPDATE
    )
    assert text_outputs(stored) == text_outputs(execute(notebook, "notebook folder")), (
        f"{notebook}: the stored outputs differ from a fresh run; " + UPDATE
    )


def images(nb) -> list[list[bytes]]:
    """Per code cell, the PNG images it shows."""
    return [
        [base64.b64decode(o.data["image/png"]) for o in cell.outputs if "image/png" in o.get("data", {})]
        for cell in code_cells(nb)
    ]


# Pixels are compared as matplotlib reads them, RGBA in [0, 1]: another matplotlib or FreeType
# may shift antialiasing a little (and the PNG names matplotlib's version), another plot may not
MEAN_TOLERANCE = 0.002  # mean absolute difference over all channels
CHANGED_PIXEL = 0.1  # a channel that moved more than this is a changed pixel ...
CHANGED_SHARE = 0.002  # ... and at most this share of the pixels may change


def same_picture(stored: bytes, fresh: bytes) -> str | None:
    """None if the two PNGs show the same picture; otherwise how they differ."""
    if stored == fresh:  # the same matplotlib writes the same bytes
        return None
    import matplotlib.image
    import numpy as np

    a, b = (matplotlib.image.imread(io.BytesIO(png), format="png") for png in (stored, fresh))
    if a.shape != b.shape:
        return f"the stored image is {a.shape[1]}×{a.shape[0]} px, a fresh run draws {b.shape[1]}×{b.shape[0]} px"
    difference = np.abs(a.astype(float) - b.astype(float))
    mean, changed = difference.mean(), (difference.max(axis=-1) > CHANGED_PIXEL).mean()
    if mean > MEAN_TOLERANCE or changed > CHANGED_SHARE:
        return f"mean pixel difference {mean:.4f} (at most {MEAN_TOLERANCE}), {changed:.2%} of the pixels changed (at most {CHANGED_SHARE:.1%})"
    return None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_stored_images_match_a_fresh_run(notebook):
    """The stored plots are the ones the code draws now (not an older plot, nor another image)."""
    stored, fresh = images(read(notebook)), images(execute(notebook, "notebook folder"))
    problems = []
    for number, (a, b) in enumerate(zip(stored, fresh, strict=True), 1):
        if len(a) != len(b):
            problems.append(f"code cell {number}: {len(a)} images stored, a fresh run shows {len(b)}")
        problems += [f"code cell {number}, image {i}: {p}" for i, (x, y) in enumerate(zip(a, b, strict=False), 1) if (p := same_picture(x, y))]
    assert not problems, (
        f"{notebook}: the stored images differ from a fresh run; {UPDATE}:\n" + "\n".join(problems)
    )


def test_same_picture_allows_another_encoding_but_not_another_plot():
    import matplotlib.image

    png = next(image for cell in images(read(NOTEBOOKS[0])) for image in cell)
    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")

    def encoded(array) -> bytes:
        buffer = io.BytesIO()
        matplotlib.image.imsave(buffer, array, format="png", metadata={"Software": "another"})
        return buffer.getvalue()

    assert encoded(pixels) != png and same_picture(png, encoded(pixels)) is None
    assert same_picture(png, encoded(pixels[:, ::-1]))  # mirrored
    assert same_picture(png, encoded(pixels[:-1]))  # another size


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_stored_notebook_shows_its_plot(notebook):
    images = [o for cell in code_cells(read(notebook)) for o in cell.outputs if "image/png" in o.get("data", {})]
    assert images, f"{notebook} has no stored plot"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_definition_cells_are_the_snippets_code(notebook):
    """Each cell that starts with ``# snippets/<name>.py`` is that module's text, exactly."""
    cells = update_notebooks.definition_cells(read(notebook))
    assert cells, f"{notebook} has no definition cell (first line `# snippets/<name>.py`)"
    stale = [
        f"code cell {number} (# {module})"
        for number, module, cell in cells
        if cell.source != update_notebooks.definition_source(module)
    ]
    assert not stale, f"{notebook}: not the code of the module they name: {', '.join(stale)}; " + UPDATE


REPOSITORY_IMPORT = re.compile(r"\s*(?:from|import)\s+(?:snippets|tests|hooks|benchmarks)\b")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_notebook_runs_on_its_own(notebook):
    """It imports nothing from the repository, and defines functions only in its definition cells."""
    nb = read(notebook)
    definitions = {id(cell) for _, _, cell in update_notebooks.definition_cells(nb)}
    imports, offenders = [], []
    for number, cell in enumerate(code_cells(nb), 1):
        for line in cell.source.splitlines():
            if REPOSITORY_IMPORT.match(line):
                imports.append(f"code cell {number}: {line.strip()}")
            defines = re.match(r"\s*(?:async\s+)?(?:def|class)\s", line) or re.search(r"\blambda\b", line)
            if defines and id(cell) not in definitions:
                offenders.append(f"code cell {number}: {line.strip()}")
        if "sys.path" in cell.source:
            imports.append(f"code cell {number} changes sys.path")
    assert not imports, f"{notebook} needs the repository: {imports}"
    assert not offenders, (
        f"{notebook} defines code outside its definition cells (add a `# snippets/<name>.py` cell instead): {offenders}"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_names_defined_by_several_cells_are_the_same_code(notebook):
    """The definition cells share one namespace: a helper that several modules define (``_promote``)
    is defined again by each cell, and every call uses the last one. That is each module's own
    only if they are the same code."""
    found: dict[str, dict[str, str]] = {}
    for _, module, cell in update_notebooks.definition_cells(read(notebook)):
        for node in ast.parse(cell.source).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names = [node.name]
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            else:
                continue
            for name in names:
                found.setdefault(name, {})[module] = ast.dump(node)
    clashes = {name: sorted(by) for name, by in found.items() if len(set(by.values())) > 1}
    assert not clashes, f"{notebook}: these names have different code in different modules: {clashes}"


def test_update_notebooks_rewrites_a_definition_cell_edited_by_hand(tmp_path):
    notebook = tmp_path / "copy.ipynb"
    notebook.write_text((DOCS / NOTEBOOKS[0]).read_text(encoding="utf-8"), encoding="utf-8")
    nb = nbformat.read(notebook, as_version=4)
    _, module, cell = update_notebooks.definition_cells(nb)[0]
    cell.source = cell.source.replace("np.", "numpy.", 1)
    nbformat.write(nb, notebook)
    assert update_notebooks.update(notebook, execute=False)
    fixed = update_notebooks.definition_cells(nbformat.read(notebook, as_version=4))[0][2]
    assert fixed.source == update_notebooks.definition_source(module)
    assert not update_notebooks.update(notebook, execute=False)  # nothing left to change


@pytest.mark.parametrize("notebook", [n for n in NOTEBOOKS if n.parts[0] == LANGUAGES[0]], ids=str)
def test_both_languages_have_the_same_code_cells(notebook):
    translations = {lang: DOCS / lang / Path(*notebook.parts[1:]) for lang in LANGUAGES}
    missing = [str(path.relative_to(ROOT)) for path in translations.values() if not path.is_file()]
    assert not missing, f"missing translation: {missing}"
    code = {lang: [cell.source for cell in code_cells(read(path.relative_to(DOCS)))] for lang, path in translations.items()}
    assert code[LANGUAGES[0]] == code[LANGUAGES[1]], f"{notebook}: the code cells differ between languages"


def test_markdown_puts_the_printed_bounds_in_context():
    """The cell after the derivatives: `(max f')**10` bounds the activations' factors alone; "For
    GELU and SiLU the bound is above 1 (3.36 and 2.59) ... reached only if every layer's input sits
    where the derivative peaks (x = 1.41 for GELU, 2.40 for SiLU) ... ten factors of at most 1.13";
    the sigmoid's "less than a millionth"."""
    import numpy as np

    from snippets.gelu import gelu_grad
    from snippets.sigmoid import sigmoid_grad
    from snippets.silu import silu_grad

    grid = np.linspace(-6.0, 6.0, 1200001)  # the notebook's range, finer
    peak = {name: (grid[f(grid).argmax()], f(grid).max()) for name, f in [("gelu", gelu_grad), ("silu", silu_grad)]}
    assert f"{peak['gelu'][0]:.2f}" == "1.41" and f"{peak['silu'][0]:.2f}" == "2.40"
    assert f"{peak['gelu'][1]:.2f}" == "1.13" and peak["silu"][1] < peak["gelu"][1]
    assert f"{peak['gelu'][1] ** 10:.3g}" == "3.36" and f"{peak['silu'][1] ** 10:.3g}" == "2.59"
    assert sigmoid_grad(grid).max() ** 10 < 1e-6
    for notebook in NOTEBOOKS:
        text = "\n".join(cell.source for cell in read(notebook).cells if cell.cell_type == "markdown")
        missing = [n for n in ("0.25", "3.36", "2.59", "1.41", "2.40", "1.13") if n not in text]
        assert not missing, f"{notebook}: the markdown no longer states {missing}"


def test_every_notebook_has_a_language():
    assert all(n.parts[0] in LANGUAGES for n in NOTEBOOKS), "notebooks belong in docs/<lang>/"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_site_renders_the_notebook_as_a_page(built_site, notebook):
    """Rendered cells and the plot, not the notebook's JSON (mkdocs-static-i18n issue 198)."""
    site_dir, _ = built_site
    lang, rest = notebook.parts[0], Path(*notebook.parts[1:])
    prefix = lang_prefix(lang)
    page_dir = site_dir / prefix / rest.with_suffix("")
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    assert '"cell_type"' not in html, f"{prefix}{rest.with_suffix('')}/ is the notebook's raw JSON"
    assert html.lstrip().startswith("<!doctype html>")
    assert 'class="jp-Cell jp-CodeCell' in html and "# snippets/" in re.sub(r"<[^>]+>", "", html)
    assert re.search(r'<img [^>]*src="data:image/png;base64,', html), "the stored plot is not on the page"
    title = next(cell.source for cell in read(notebook).cells if cell.cell_type == "markdown").splitlines()[0].lstrip("# ")
    assert f"<title>{title} - " in html
    assert (page_dir / notebook.name).read_bytes() == (DOCS / notebook).read_bytes(), "the .ipynb is not offered for download"
