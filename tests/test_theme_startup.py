"""hooks/theme_startup.py: tables wrapped at build, Material's stylesheets edited to match.

What a reader gets from it is checked in the browser (tests/test_browser.py): Material's script
moves no table and the tables look as before; switching the scheme runs no transition.
"""

from __future__ import annotations

import json
import re

import pytest
from mkdocs.exceptions import PluginError

from theme_startup import (
    EDITS,
    PALETTE_FORM,
    TABLE,
    edit_stylesheet,
    first_frame_scheme,
    first_table_whole,
    own_palette,
    prewrap,
)


def test_a_table_gets_the_wrapper_materials_script_would_give_it():
    html = "<p>a</p><table>\n<thead><tr><th>x</th></tr></thead>\n</table><table>\n<tr><td>1</td></tr></table>"
    assert TABLE.sub(prewrap, html) == (
        '<p>a</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="md-prewrapped">'
        "\n<thead><tr><th>x</th></tr></thead>\n</table></div></div>"
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="md-prewrapped">'
        "\n<tr><td>1</td></tr></table></div></div>"
    )


def test_the_first_frame_waits_for_the_end_of_the_first_table_only():
    html = "<head></head><p>a</p><table><tr><td>1</td></tr></table><p>b</p><table><tr><td>2</td></tr></table>"
    marked = first_table_whole(TABLE.sub(prewrap, html))
    assert marked.count('<link rel="expect" href="#__md-first-table-end" blocking="render"></head>') == 1
    assert "</table></div></div><span id=\"__md-first-table-end\" hidden></span><p>b</p>" in marked
    assert marked.count("__md-first-table-end") == 2
    without = "<head></head><p>no table</p>"
    assert first_table_whole(without) == without


def test_a_table_with_a_class_is_left_as_it_is():
    # Material's script leaves it alone too (it takes table:not([class])), e.g. a notebook's dataframe
    html = '<table class="dataframe"><tr><td>1</td></tr></table>'
    assert TABLE.sub(prewrap, html) == html


def test_a_stylesheet_edit_is_done_once_and_fails_loudly_when_its_selector_is_gone():
    css = ".md-typeset table:not([class]){display:inline-block}.md-typeset table:not([class]) th{color:red}"
    old, new = EDITS[0][1:]
    once = edit_stylesheet(css, old, new, "main.css")
    assert once == (
        ".md-typeset table:is(:not([class]),.md-prewrapped){display:inline-block}"
        ".md-typeset table:is(:not([class]),.md-prewrapped) th{color:red}"
    )
    assert edit_stylesheet(once, old, new, "main.css") == once  # the second language's build
    with pytest.raises(PluginError, match=r"main\.css has no 'table:not\(\[class\]\)'"):
        edit_stylesheet(".md-typeset table{display:table}", old, new, "main.css")


def test_the_scheme_toggle_is_taken_from_materials_script_once_and_only_if_found():
    material, ours = PALETTE_FORM
    assert own_palette(f"<header>{material}<input></form></header>", "x.md") == f"<header>{ours}<input></form></header>"
    with pytest.raises(PluginError, match=r"x\.md has 0 of Material's palette forms"):
        own_palette("<header></header>", "x.md")


TOGGLE = (
    f"{PALETTE_FORM[1]}"
    '<input class="md-option" data-md-color-media="(prefers-color-scheme: light)" data-md-color-scheme="default" '
    'data-md-color-primary="indigo" data-md-color-accent="indigo" type="radio" id="__palette_0">'
    '<input class="md-option" data-md-color-media="(prefers-color-scheme: dark)" data-md-color-scheme="slate" '
    'data-md-color-primary="indigo" data-md-color-accent="indigo" type="radio" id="__palette_1"></form>'
)
FIRST_FRAME_SCRIPT = re.compile(r'<script>\(function\(\)\{var saved=__md_get\("__palette"\),schemes=(\[.*?\]),color=.*?</script></head>')


def test_the_first_frames_scheme_is_picked_at_the_end_of_head_from_the_toggles_inputs():
    html = first_frame_scheme(f'<head></head><body dir="ltr"><header>{TOGGLE}</header></body>', "x.md")
    (schemes,) = FIRST_FRAME_SCRIPT.findall(html)
    assert json.loads(schemes) == [
        {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "indigo", "accent": "indigo"},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo", "accent": "indigo"},
    ]
    with pytest.raises(PluginError, match=r"x\.md has 0 </head> tags"):
        first_frame_scheme(f"<header>{TOGGLE}</header>", "x.md")
    with pytest.raises(PluginError, match=r"x\.md: the scheme toggle's inputs lack"):
        first_frame_scheme(f"</head><body>{PALETTE_FORM[1]}<input class=\"md-option\" type=\"radio\"></form></body>", "x.md")


def test_every_table_of_the_built_site_comes_wrapped(built_site):
    site_dir, _ = built_site
    pages = {str(p.relative_to(site_dir)): p.read_text(encoding="utf-8") for p in sorted(site_dir.rglob("*.html"))}
    bare = [name for name, html in pages.items() if TABLE.search(html)]
    assert not bare, f"pages with a table Material's script would move: {bare}"
    wrapped = sum(html.count('<table class="md-prewrapped">') for html in pages.values())
    assert wrapped >= 100, f"only {wrapped} wrapped tables in the site (104 when this test was written)"


def test_every_built_page_has_its_scheme_toggle_taken_from_materials_script(built_site):
    site_dir, _ = built_site
    material, ours = PALETTE_FORM
    pages = {str(p.relative_to(site_dir)): p.read_text(encoding="utf-8") for p in sorted(site_dir.rglob("*.html"))}
    wrong = [name for name, html in pages.items() if html.count(ours) != 1 or material in html]
    assert len(pages) > 50 and not wrong, f"pages whose toggle Material's script would still mount: {wrong}"
    late = [name for name, html in pages.items() if len(FIRST_FRAME_SCRIPT.findall(html)) != 1]
    assert not late, f"pages without the scheme picked at the end of <head>: {late}"


def test_materials_stylesheets_in_the_built_site_are_edited(built_site):
    site_dir, _ = built_site
    for pattern, old, new in EDITS:
        (path,) = (site_dir / "assets" / "stylesheets").glob(pattern)
        css = path.read_text(encoding="utf-8")
        assert old not in css and new in css, f"{path.name}: {old!r} not replaced by {new!r}"
    (main,) = (site_dir / "assets" / "stylesheets").glob("main.*.min.css")
    # Every rule Material wrote for a table without class now also takes a wrapped one
    assert len(re.findall(r"table:is\(:not\(\[class\]\),\.md-prewrapped\)", main.read_text(encoding="utf-8"))) >= 10
