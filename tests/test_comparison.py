"""The comparison table as readers see it: a row per registry entry, each cell under its header.

The cells come from functions.toml through hooks/comparison_table.py, and
tests/test_registry.py checks every fact against the code. Here: the built pages
of both languages carry each row, and the header written on each page names the
fact below it (a row built in another column order would put ranges under
"Monotonic").
"""

from __future__ import annotations

import html
import re

import pytest

from comparison_table import MARKER
from conftest import LANGUAGES, ROOT, lang_prefix
from registry import FUNCTIONS, comparison_cells

# Each page's header, in its language, and the fact comparison_cells() gives in that column
HEADERS = {
    "en": ["Function", "Range", "Monotonic", "Zero-centred", "Smooth", "Saturates", "f′(0)", "maxf′"],
    "ja": ["関数", "値域", "単調", "出力がゼロ中心", "滑らか", "飽和", "f′(0)", "maxf′"],
}
MARK = {True: "✓", False: "✗"}
# Formulas are typeset when the site is built (hooks/formulas.py): a cell's text is then the
# text of MathJax's MathML, e.g. "(0,1)" for \((0, 1)\). What each TeX command reads as:
READS_AS = {
    r"\infty": "∞", r"\lvert": "|", r"\rvert": "|", r"\to": "→", r"\alpha": "α", r"\sum": "∑",
    r"\notin": "∉", r"\max": "max", r"\mathrm{E}": "E", r"\{": "{", r"\}": "}", "'": "′", "-": "−",
}


def reads(cell: str) -> str:
    """A cell written in TeX as a reader's page shows it in text: each formula as its MathML text."""

    def formula(match: re.Match) -> str:
        tex = match.group(1)
        for command in sorted(READS_AS, key=len, reverse=True):
            tex = tex.replace(command, READS_AS[command])
        return re.sub(r"\s+|_", "", tex)

    return re.sub(r"\\\((.*?)\\\)", formula, cell)


def fits(fact: str, f, cell: str) -> bool:
    """Whether a cell shows this fact of f: written apart from comparison_cells(), to catch a column mix-up."""
    return {
        "range": cell.startswith(reads(f.range.tex())),
        "monotonic": cell == MARK[f.monotonic],
        "zero_centred": cell == MARK[f.zero_centred == "odd"] if f.zero_centred != "mean" else "E[y]=0" in cell,
        "smooth": cell == MARK[f.smooth],
        "saturates": (cell == MARK[False]) == (f.saturates == "never") and ("∉" in cell) == (f.saturates == "outside"),
        "grad_at_0": cell == "—" if f.grad_at_0 is None else f.number(f.grad_at_0).text in cell,
        "max_grad": f.max_grad.text in cell and ("→" in cell) != f.max_grad_reached,
    }[fact]


FACTS = ["range", "monotonic", "zero_centred", "smooth", "saturates", "grad_at_0", "max_grad"]


def text(cell: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()


def first_table(page: str) -> list[list[str]]:
    """The rows (header first) of a page's first table, as cell texts."""
    body = re.split(r"<table[^>]*>", page, maxsplit=1)[1].split("</table>", 1)[0]  # built: class="md-prewrapped"
    return [[text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_comparison_page_asks_for_the_rows_once(lang):
    text_ = (ROOT / "docs" / lang / "comparison.md").read_text(encoding="utf-8")
    assert text_.count(MARKER) == 1, f"docs/{lang}/comparison.md: put '{MARKER}' once, under the header row"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_table_has_every_cell_under_its_header(built_site, lang):
    site_dir, _ = built_site
    page = (site_dir / lang_prefix(lang) / "comparison" / "index.html").read_text(encoding="utf-8")
    assert MARKER not in page
    header, *rows = first_table(page)
    assert header == HEADERS[lang], f"{lang_prefix(lang)}comparison/: header row {header}"
    assert [row[0] for row in rows] == list(FUNCTIONS), "one row per registry entry, in registry order"
    for row, f in zip(rows, FUNCTIONS.values(), strict=True):
        assert row[1:] == [reads(c) for c in comparison_cells(f)], f"{lang_prefix(lang)}comparison/, row {f.name}: {row[1:]}"
        for fact, heading, shown in zip(FACTS, header[1:], row[1:], strict=True):
            assert fits(fact, f, shown), f"{lang_prefix(lang)}comparison/, row {f.name}: {shown!r} under {heading!r}"
        assert f'href="../functions/{f.name}/"' in page, f"{lang_prefix(lang)}comparison/: no link to {f.name}"
