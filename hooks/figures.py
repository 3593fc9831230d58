"""Draw each page's figure at build time from the example the page shows.

Every ``snippets/examples/<name>.py`` that calls ``plt.show()`` becomes
``figures/<name>.svg`` in each language's site. The example runs exactly as a
reader would run it; ``plt.show()`` is replaced by a save to SVG. Figures are
cached in ``.cache/figures/`` by the content of the code that draws them, so a
rebuild under ``mkdocs serve`` redraws only what changed. Nothing is committed.

A figure is written to a temporary file of its own and renamed into the cache,
so a build killed mid-write leaves no half SVG, and builds drawing the same
figure at once do not trip over each other; a cached file that is not a whole
SVG (it does not parse, or does not end with ``</svg>``) is drawn again.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import io
import os
import re
import runpy
import sys
import tempfile
import time
import xml.parsers.expat
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


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file of its own beside ``target``, then rename it:
    a build killed mid-write leaves no half file under ``target``'s name, and builds
    writing the same file at once each rename a whole one."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_whole: dict[Path, tuple[int, int]] = {}  # files this process found whole: (mtime_ns, size)


def whole_svg(path: Path) -> bytes | None:
    """The bytes of ``path`` if it holds a whole SVG (well-formed XML that ends with
    ``</svg>``), else None: missing, or cut short by a build killed mid-write."""
    try:
        with open(path, "rb") as file:
            stat = os.fstat(file.fileno())
            data = file.read()
    except FileNotFoundError:
        return None
    if len(data) == stat.st_size and _whole.get(path) == (stat.st_mtime_ns, stat.st_size):
        return data  # parsed before, unchanged since
    try:
        xml.parsers.expat.ParserCreate().Parse(data, True)
    except xml.parsers.expat.ExpatError:
        return None
    if not data.rstrip().endswith(b"</svg>"):
        return None
    _whole[path] = (stat.st_mtime_ns, stat.st_size)
    return data


def cached_file(path: Path) -> Path:
    """Where the figure of this version of the example's code is cached."""
    return CACHE / f"{path.stem}-{cache_key(path)}.svg"


def figure_svg(path: Path) -> bytes:
    """The example's SVG: from the cache if it holds a whole one for this code, else drawn and
    cached. The bytes, not the file, go to the build, so that another build removing the file
    (as stale, for other code) cannot break this one."""
    cached = cached_file(path)
    svg = whole_svg(cached)
    if svg is not None:
        return svg
    if cached.exists():
        log.info(f"figures/{path.stem}.svg: {cached.name} in the cache is not a whole SVG; drawing it again")
    svg = draw(path)
    CACHE.mkdir(parents=True, exist_ok=True)
    write_atomically(cached, svg)
    for stale in CACHE.glob(f"{path.stem}-*.svg"):
        if stale != cached:
            stale.unlink(missing_ok=True)  # another build may have removed it first
    for orphan in CACHE.glob(f".{path.stem}-*.tmp"):  # left by a build killed mid-write
        with contextlib.suppress(FileNotFoundError):
            if time.time() - orphan.stat().st_mtime > 3600:
                orphan.unlink()
    log.info(f"drew figures/{path.stem}.svg")
    return svg


_drawn: set[str] | None = None  # the figures of this build, set by on_files


# After mkdocs-static-i18n (-100) rebuilds the file list; runs once per language
@event_priority(-200)
def on_files(files, config):
    global _drawn
    examples = plotting_examples()
    _drawn = {path.stem for path in examples}
    for path in examples:
        files.append(
            File.generated(config, f"figures/{path.stem}.svg", content=figure_svg(path))
        )
    return files


FIGURE = re.compile(r"!\[[^\]]*\]\([^)\s]*?figures/([\w-]+)\.svg[^)]*\)")


def on_page_markdown(markdown, page, config, files):
    """A page that shows a figure no example draws fails, naming where that figure comes from
    (MkDocs alone would only report a link to a missing file)."""
    shown = {match.group(1) for match in FIGURE.finditer(markdown)}
    if not shown:
        return markdown
    drawn = _drawn if _drawn is not None else {path.stem for path in plotting_examples()}
    missing = sorted(shown - drawn)
    if missing:
        source = Path(page.file.abs_src_path)
        where = source.relative_to(ROOT) if source.is_relative_to(ROOT) else source
        problems = []
        for name in missing:
            example = EXAMPLES / f"{name}.py"
            why = "which does not call plt.show()" if example.is_file() else "which does not exist"
            problems.append(
                f"figures/{name}.svg is drawn by plt.show() in snippets/examples/{name}.py, {why}"
            )
        raise PluginError(f"{where.as_posix()} shows a figure no example draws: " + "; ".join(problems))
    return markdown
