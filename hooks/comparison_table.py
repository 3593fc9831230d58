"""The comparison table's rows, built from the registry (functions.toml) for both languages.

A page asks for the rows with a line holding only ``<!-- comparison rows -->``
right under its own (translated) header row; this hook puts the rows there.
Cells are language-neutral (math, numbers and marks) and come from
``registry.comparison_cells``; ``tests/test_registry.py`` checks every fact
against the code, and ``tests/test_comparison.py`` the built table.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from registry import FUNCTIONS, comparison_cells

MARKER = "<!-- comparison rows -->"
COLUMNS = 8  # the function, then the seven cells of comparison_cells()


def rows_markdown() -> str:
    return "\n".join(
        f"| [`{f.name}`](functions/{f.name}.md) | " + " | ".join(comparison_cells(f)) + " |"
        for f in FUNCTIONS.values()
    )


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    if markdown.count(MARKER) != 1:
        raise PluginError(f"{page.file.src_uri}: '{MARKER}' must appear once")
    header = markdown.split(MARKER)[0].rstrip("\n").splitlines()[-2]
    if header.count("|") - 1 != COLUMNS:
        raise PluginError(
            f"{page.file.src_uri}: the header row above '{MARKER}' has {header.count('|') - 1} "
            f"columns; the rows have {COLUMNS} (see hooks/comparison_table.py)"
        )
    return markdown.replace(MARKER, rows_markdown())
