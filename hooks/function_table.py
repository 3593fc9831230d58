"""The home page's table of functions, built from the registry (functions.toml) in each language.

A page asks for the rows with a line holding only ``<!-- function table -->`` under
its own (translated) header row. Each row links a function page and shows the
registry's formula; the page's title in the table and where the function is used
are words, so they come from that page's front matter in the same language
(``short_title`` and ``used_for``). A page without them fails the build and is named.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from registry import FUNCTIONS

ROOT = Path(__file__).resolve().parent.parent
MARKER = "<!-- function table -->"
KEYS = ("short_title", "used_for")


def front_matter(path: Path) -> dict:
    _, meta = get_data(path.read_text(encoding="utf-8-sig"))
    return meta


def rows_markdown(files) -> str:
    rows = []
    for f in FUNCTIONS.values():
        file = files.get_file_from_path(f"functions/{f.name}.md")
        if file is None:
            raise PluginError(f"functions.toml has [{f.name}], but this language has no functions/{f.name}.md")
        meta = front_matter(Path(file.abs_src_path))
        missing = [key for key in KEYS if not meta.get(key)]
        if missing:
            where = Path(file.abs_src_path).resolve().relative_to(ROOT)
            raise PluginError(f"{where}: add {' and '.join(missing)} to its front matter (see hooks/function_table.py)")
        rows.append(f"| [{meta['short_title']}](functions/{f.name}.md) | \\({f.formula}\\) | {meta['used_for']} |")
    return "\n".join(rows)


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    if markdown.count(MARKER) != 1:
        raise PluginError(f"{page.file.src_uri}: '{MARKER}' must appear once")
    return markdown.replace(MARKER, rows_markdown(files))
