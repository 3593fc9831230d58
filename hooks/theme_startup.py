"""Two things Material's script did to every page when it started, each restyling all of it.

On a phone (Lighthouse's mobile profile) they were most of what was left of the total blocking
time once formulas were typeset at build (issue 14): comparison 1,244 -> 154 ms, home 613 ->
161 ms, sigmoid 474 -> 279 ms (alternated runs, median of 3).

1. **Tables.** Material's script moves every ``table:not([class])`` of the article into
   ``div.md-typeset__scrollwrap > div.md-typeset__table`` when the page starts, so each table,
   with the formulas in it, is styled and laid out a second time. This hook writes that wrapper
   when the site is built and marks the table ``md-prewrapped``, which the script leaves alone;
   in Material's stylesheet each ``table:not([class])`` becomes
   ``table:is(:not([class]),.md-prewrapped)`` (the same specificity), so the table looks as it did.
2. **The palette.** When it starts, Material sets ``data-md-color-switching`` on ``<body>`` and
   removes it a moment later; its stylesheet turns transitions off under that attribute
   (``[data-md-color-switching] *``), so each of the two changes restyles every element. The
   rule now hangs on the class ``md-reader-switching`` on ``<html>``, which
   ``assets/javascripts/palette-switch.js`` sets only while a reader switches the scheme: the
   switch still happens without transitions, the start no longer restyles the page.

Material's stylesheets are edited in the built site (``on_post_build``), after each language's
build, and each edit must find what it replaces: a Material release that renames either stops
the build here, naming the file, rather than leaving tables unstyled.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)  # Markdown's tables carry no attribute
WRAPPED_CLASS = "md-prewrapped"
SWITCHING_CLASS = "md-reader-switching"  # set by assets/javascripts/palette-switch.js

# (stylesheet, Material's selector, what it becomes)
EDITS = [
    ("main.*.min.css", "table:not([class])", f"table:is(:not([class]),.{WRAPPED_CLASS})"),
    ("palette.*.min.css", "[data-md-color-switching] ", f".{SWITCHING_CLASS} "),
]


def prewrap(match: re.Match) -> str:
    """The wrapper Material's script would put around the table (its renderTable), at build."""
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        f'<table class="{WRAPPED_CLASS}">{match.group(1)}</table></div></div>'
    )


def edit_stylesheet(css: str, old: str, new: str, name: str) -> str:
    """``css`` with every ``old`` replaced by ``new``; unchanged when done before (each language's
    build ends here); an error when it holds neither."""
    if old in css:
        return css.replace(old, new)
    if new in css:
        return css
    raise PluginError(f"hooks/theme_startup.py: {name} has no {old!r} to edit; has Material changed it?")


def on_post_page(output, page, config):
    return TABLE.sub(prewrap, output)


# After mkdocs-static-i18n (-100) has built the other languages into the same folder
@event_priority(-200)
def on_post_build(config):
    stylesheets = Path(config.site_dir) / "assets" / "stylesheets"
    for pattern, old, new in EDITS:
        found = sorted(stylesheets.glob(pattern))
        if len(found) != 1:
            raise PluginError(f"hooks/theme_startup.py: expected one {pattern} in {stylesheets}, found {len(found)}")
        path = found[0]
        css = path.read_text(encoding="utf-8")
        edited = edit_stylesheet(css, old, new, path.name)
        if edited != css:
            path.write_text(edited, encoding="utf-8")
