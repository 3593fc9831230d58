"""What Material's script did to every page when it started, each step restyling all of it.

On a phone (Lighthouse's mobile profile) these were most of what was left of the total blocking
time once formulas were typeset at build (issue 14). The first two took the comparison page
from 1,244 to 154 ms, home from 613 to 161 ms (alternated runs, median of 3).

1. **Tables.** Material's script moves every ``table:not([class])`` of the article into
   ``div.md-typeset__scrollwrap > div.md-typeset__table`` when the page starts, so each table,
   with the formulas in it, is styled and laid out a second time. This hook writes that wrapper
   when the site is built and marks the table ``md-prewrapped``, which the script leaves alone;
   in Material's stylesheet each ``table:not([class])`` becomes
   ``table:is(:not([class]),.md-prewrapped)`` (the same specificity), so the table looks as it did.
2. **Transitions.** Material's stylesheet turns transitions off while the scheme switches,
   under an attribute (``[data-md-color-switching] *``) its script also set and removed on
   every start. The rule now hangs on the class ``md-reader-switching`` on ``<html>``, set only
   while a reader switches.
3. **The palette.** On start Material's palette component also added a
   ``<meta name="color-scheme">`` to the head and then set it; Chromium restyles the whole page
   for each (its trace names the reason "PlatformColorChange"). The toggle's form loses
   ``data-md-component="palette"``, so Material leaves it alone, and
   ``assets/javascripts/palette.js`` does what the component did (the scheme from the reader's
   earlier choice or the system's preference, the visible toggle, the choice kept for the next
   page, the browser toolbar's colour, Enter to switch), writing that meta only when the scheme
   needs it (dark). It covers this site's palette, two schemes each tied to a
   ``prefers-color-scheme`` query, not Material's automatic third option, and runs on every
   page load (``navigation.instant``, which swaps pages without one, is off).
4. **The first frame's scheme.** Material's inline script that sets a reader's saved scheme sits
   in the header, after the toggle, and a first visit got none there: ``palette.js``, at the end
   of the body, turned the page dark for a reader whose system is dark. A page arriving in parts
   (a slow network, a loaded machine) was drawn light first, header or whole page, then restyled
   dark. A script at the end of ``<head>`` now picks the scheme (the saved choice, else the first
   of the toggle's schemes whose media query the system matches, read from the toggle's inputs
   on the page when it is built) and sets it on ``<body>`` from a mutation observer, which runs
   as soon as the parser has made the body, before any frame: a script right after ``<body>``
   was not enough (CI drew a frame between the two). Material's script and ``palette.js`` then
   find it set.
5. **The first table, drawn whole.** A table's columns are as wide as its widest cells, so a table
   drawn before all its rows have arrived widens its columns when the rest comes: on the
   comparison page, whose first table is on the first screen, Lighthouse saw its rows move in 4
   of 6 runs (CLS up to 0.015). Each page with a table marks the end of its first one, and a
   ``<link rel="expect" blocking="render">`` in its head holds the first frame until the parser
   has passed that mark (in browsers that support it; others draw as before).

Material's stylesheets are edited in the built site (``on_post_build``), after each language's
build, and each edit must find what it replaces: a Material release that renames any of them
stops the build here, naming the file, rather than leaving tables unstyled.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)  # Markdown's tables carry no attribute
WRAPPED_CLASS = "md-prewrapped"
SWITCHING_CLASS = "md-reader-switching"  # set by assets/javascripts/palette.js
# The toggle's form as Material writes it, and as assets/javascripts/palette.js finds it
PALETTE_FORM = (
    '<form class="md-header__option" data-md-component="palette">',
    '<form class="md-header__option" data-palette>',
)

HEAD_END = "</head>"
WRAPPER_END = "</table></div></div>"  # the end of a table prewrap wrote
FIRST_TABLE_END = "__md-first-table-end"  # the mark after a page's first table (5)
PALETTE_INPUT = re.compile(r'<input class="md-option" ([^>]*)>')
COLOR_ATTRIBUTE = re.compile(r'data-md-color-(\w+)="([^"]*)"')

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


def own_palette(html: str, name: str) -> str:
    """The page with its scheme toggle taken from Material's script (for palette.js)."""
    material, ours = PALETTE_FORM
    if html.count(material) != 1:
        found = html.count(material)
        raise PluginError(f"hooks/theme_startup.py: {name} has {found} of Material's palette forms, expected 1")
    return html.replace(material, ours)


def first_frame_scheme(html: str, name: str) -> str:
    """The page with a script at the end of ``<head>`` that sets the scheme on ``<body>`` before
    anything is drawn: a mutation observer's callback runs at the end of the parser's task that
    made the body, and a frame is never drawn inside a task."""
    if html.count(HEAD_END) != 1:
        raise PluginError(f"hooks/theme_startup.py: {name} has {html.count(HEAD_END)} {HEAD_END} tags, expected 1")
    form = html.index(PALETTE_FORM[1])
    inputs = PALETTE_INPUT.findall(html, form, html.index("</form>", form))
    schemes = [dict(COLOR_ATTRIBUTE.findall(attributes)) for attributes in inputs]
    if not schemes or not all("media" in scheme and "scheme" in scheme for scheme in schemes):
        raise PluginError(f"hooks/theme_startup.py: {name}: the scheme toggle's inputs lack a media query or scheme")
    # "<\/" in a string never ends the script
    as_js = json.dumps(schemes, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    script = (
        f'<script>(function(){{var saved=__md_get("__palette"),schemes={as_js},color=saved&&saved.color;'
        "for(var i=0;!color&&i<schemes.length;i++)if(matchMedia(schemes[i].media).matches)color=schemes[i];"
        "if(color)new MutationObserver(function(records,observer){var body=document.body;if(!body)return;"
        'observer.disconnect();for(var key in color)body.setAttribute("data-md-color-"+key,color[key])})'
        ".observe(document.documentElement,{childList:true})})()</script>"
    )
    return html.replace(HEAD_END, script + HEAD_END, 1)


def startup(html: str, name: str) -> str:
    """The page's toggle and first frame's scheme, as ``assets/javascripts/palette.js`` expects them."""
    return first_frame_scheme(own_palette(html, name), name)


def first_table_whole(html: str) -> str:
    """The page, with its first frame held until its first (wrapped) table has been parsed (5)."""
    start = html.find(f'<table class="{WRAPPED_CLASS}">')
    if start < 0:
        return html
    end = html.index(WRAPPER_END, start) + len(WRAPPER_END)
    html = f'{html[:end]}<span id="{FIRST_TABLE_END}" hidden></span>{html[end:]}'
    return html.replace(HEAD_END, f'<link rel="expect" href="#{FIRST_TABLE_END}" blocking="render">{HEAD_END}', 1)


def on_post_page(output, page, config):
    return startup(first_table_whole(TABLE.sub(prewrap, output)), page.file.src_uri)


# After mkdocs-static-i18n (-100) has built the other languages into the same folder
@event_priority(-200)
def on_post_build(config):
    site_dir = Path(config.site_dir)
    # The 404 pages are templates, not pages (hooks/not_found.py writes the other language's)
    for page in site_dir.glob("**/404.html"):
        html = page.read_text(encoding="utf-8")
        if PALETTE_FORM[1] not in html:
            page.write_text(startup(html, str(page.relative_to(site_dir))), encoding="utf-8")
    stylesheets = site_dir / "assets" / "stylesheets"
    for pattern, old, new in EDITS:
        found = sorted(stylesheets.glob(pattern))
        if len(found) != 1:
            raise PluginError(f"hooks/theme_startup.py: expected one {pattern} in {stylesheets}, found {len(found)}")
        path = found[0]
        css = path.read_text(encoding="utf-8")
        edited = edit_stylesheet(css, old, new, path.name)
        if edited != css:
            path.write_text(edited, encoding="utf-8")
