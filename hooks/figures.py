"""Draw each page's figure at build time from the example the page shows.

Every ``snippets/examples/<name>.py`` that calls ``plt.show()`` becomes
``figures/<name>.svg`` in each language's site. The example runs exactly as a
reader would run it; ``plt.show()`` is replaced by a save to SVG. Figures are
cached in ``.cache/figures/`` by the content of the code that draws them, so a
rebuild under ``mkdocs serve`` redraws only what changed. Nothing is committed.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import io
import runpy
import sys
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("figures")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "snippets" / "examples"
CACHE = ROOT / ".cache" / "figures"

# Presentation only: the reader's copy of the example draws the same curves
# with matplotlib's defaults. Fixed hash salt and no date keep the SVG bytes
# identical for identical code.
STYLE = {
    "axes.grid": True,
    "figure.figsize": (6.4, 3.6),
    "grid.alpha": 0.3,
    "svg.fonttype": "path",
    "svg.hashsalt": "activation-handbook",
}


def plotting_examples() -> list[Path]:
    """The examples that call ``plt.show()``, i.e. that draw a figure."""
    found = []
    for path in sorted(EXAMPLES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        if any(
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "show"
            for node in ast.walk(tree)
        ):
            found.append(path)
    return found


def module_file(name: str) -> Path | None:
    """The file of the project module ``name`` (``snippets.tanh``), or None if it is not one."""
    parts = name.split(".")
    if parts[0] != "snippets":
        return None
    for candidate in (ROOT.joinpath(*parts).with_suffix(".py"), ROOT.joinpath(*parts, "__init__.py")):
        if candidate.is_file():
            return candidate
    return None


def direct_imports(path: Path) -> set[Path]:
    """The project modules ``path`` imports itself, read with ast (nothing is run): ``import
    snippets.x``, ``from snippets.x import y``, ``from snippets import x``, relative imports,
    and the packages on the way (importing ``snippets.x`` runs ``snippets/__init__.py``)."""
    package = path.relative_to(ROOT).parent.parts  # ("snippets", "examples") for an example
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # from . import x, from .x import y
                base = package[: len(package) - node.level + 1] if node.level <= len(package) else ()
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)  # submodules: from snippets import tanh
    found = set()
    for name in names:
        parts = name.split(".")
        for end in range(1, len(parts) + 1):  # snippets, snippets.tanh
            file = module_file(".".join(parts[:end]))
            if file:
                found.add(file)
    return found


def imported_snippets(path: Path) -> list[Path]:
    """Every project module the example imports, directly or through another project module
    (the vanishing-gradient example imports ``snippets.vanishing_gradient``, which imports
    ``snippets.tanh``): their code draws too."""
    found: set[Path] = set()
    todo = [path]
    while todo:
        for module in direct_imports(todo.pop()) - found - {path}:
            found.add(module)
            todo.append(module)
    return sorted(found)


@functools.cache
def matplotlib_version() -> str:
    return version("matplotlib")  # a metadata scan, ~5 ms: once per process, not per figure


def cache_key(path: Path) -> str:
    digest = hashlib.sha256()
    for source in [Path(__file__), path, *imported_snippets(path)]:
        digest.update(source.read_bytes())
    digest.update(repr(sorted(STYLE.items())).encode())
    digest.update(matplotlib_version().encode())
    return digest.hexdigest()[:16]


def draw(path: Path) -> bytes:
    """Run the example as a script and return the SVG its ``plt.show()`` shows."""
    import matplotlib  # only when a figure is drawn: a warm build never pays for the import

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    shown: list[bytes] = []

    def save_instead_of_show(*args, **kwargs):
        buffer = io.BytesIO()
        plt.gcf().savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
        shown.append(buffer.getvalue())
        plt.close("all")

    # Forget earlier imports so that an edited snippet is re-read under `mkdocs serve`
    for name in [m for m in sys.modules if m == "snippets" or m.startswith("snippets.")]:
        del sys.modules[name]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))

    real_show = plt.show
    plt.show = save_instead_of_show
    try:
        with matplotlib.rc_context(STYLE), contextlib.redirect_stdout(io.StringIO()):
            plt.close("all")
            runpy.run_path(str(path), run_name="__main__")
    except Exception as error:
        raise PluginError(
            f"figures/{path.stem}.svg: {path.relative_to(ROOT)} raised "
            f"{type(error).__name__}: {error}"
        ) from error
    finally:
        plt.show = real_show
        plt.close("all")
    if len(shown) != 1:
        raise PluginError(
            f"figures/{path.stem}.svg: {path.relative_to(ROOT)} called plt.show() "
            f"{len(shown)} times; one figure per example"
        )
    return shown[0]


def figure_file(path: Path) -> Path:
    """The cached SVG for this example, drawn first if its code changed."""
    cached = CACHE / f"{path.stem}-{cache_key(path)}.svg"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        svg = draw(path)
        for stale in CACHE.glob(f"{path.stem}-*.svg"):
            stale.unlink()
        cached.write_bytes(svg)
        log.info(f"drew figures/{path.stem}.svg")
    return cached


# After mkdocs-static-i18n (-100) rebuilds the file list; runs once per language
@event_priority(-200)
def on_files(files, config):
    for path in plotting_examples():
        files.append(
            File.generated(config, f"figures/{path.stem}.svg", abs_src_path=str(figure_file(path)))
        )
    return files
