"""hooks/notebook_css.py on small stylesheets: what it keeps and what it leaves out.

Whether the cut changes anything on the built notebook pages is checked in the browser
(tests/test_browser.py, test_notebook_stylesheet_is_cut_only_of_rules_...).
"""

from __future__ import annotations

import pytest

from notebook_css import page_classes, prune

PAGE = {"jupyter-wrapper", "jp-Cell", "k"}


@pytest.mark.parametrize(
    ("css", "kept"),
    [
        # A rule keeps the selectors whose classes the page has, and its declarations
        (".jupyter-wrapper .jp-Cell,.jupyter-wrapper .jp-Dialog{color:red}", ".jupyter-wrapper .jp-Cell{color:red}"),
        (".jp-Dialog,.jp-Menu{color:red}", ""),
        # Inside @media too; an @media left empty goes
        ("@media (max-width:760px){.jp-Cell{margin:0}.jp-Menu{margin:0}}", "@media (max-width:760px){.jp-Cell{margin:0}}"),
        ("@media print{.jp-Menu{margin:0}}", ""),
        # Other at-rules are kept whole
        ("@keyframes spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}",
         "@keyframes spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}"),
        # What :not() and attribute selectors name is not needed
        (".jp-Cell:not(.jp-mod-active) a[href$='.pdf']{color:red}", ".jp-Cell:not(.jp-mod-active) a[href$='.pdf']{color:red}"),
        (".jp-Cell:is(.jp-Dialog, .k) p{color:red}", ".jp-Cell:is(.jp-Dialog, .k) p{color:red}"),
        # Element-only selectors stay; :root inside an element matches nothing
        ("pre{line-height:125%}", "pre{line-height:125%}"),
        (".jupyter-wrapper :root{--jp-x:1px}", ""),
        # A comment's words are not classes; an escaped class is not read as a shorter one
        ("/* Comment.Multiline */ .k{font-weight:bold}", ".k{font-weight:bold}"),
        (r".md\:hidden{display:none}", r".md\:hidden{display:none}"),
        # Braces and commas in strings do not split rules or selectors
        ('.k::before{content:"{,}"}', '.k::before{content:"{,}"}'),
    ],
)
def test_prune(css, kept):
    assert prune(css, PAGE) == kept


def test_classes_come_from_elements_and_inline_scripts():
    html = '<div class="a  b"><template><span class="c"></span></template></div><script>el.classList.add("d")</script>'
    assert {"a", "b", "c", "d"} <= page_classes(html)
    assert "e" not in page_classes(html)
