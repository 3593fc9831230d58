"""Both languages say the same thing: formulas, numbers and paragraphs, section by section.

The prose of ``docs/ja/X.md`` and ``docs/en/X.md`` differs, but what a reader could check or copy
must not: a formula or a number changed in one language only, or a paragraph left out of one,
is a translation fault. These tests read the Markdown sources (no build) and compare, for each
page pair:

- the formulas, ``\\(...\\)``, ``\\[...\\]`` and ``$...$``, paragraph by paragraph in order (a
  sentence's inline formulas in any order, as Japanese word order differs), after collapsing
  runs of whitespace (line wrapping and indentation inside admonitions do not matter) and
  treating the words of ``\\text{...}`` as translated prose;
- the decimal numbers written in prose, as a multiset per ``##`` section (sections matched by
  position; the front matter's description counts with the introduction), see numbers();
- the number of paragraphs per ``##`` section, see paragraphs().

The notebooks' markdown cells are compared the same way (their code cells in test_notebooks.py).
Includes, figures, links and headings are compared in test_site.py, and there too, on each page,
that each drawing example it includes is followed by its own figure.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT

DOCS = ROOT / "docs"
JA, EN = LANGUAGES

PAGES = sorted(
    {
        p.relative_to(DOCS / lang)
        for lang in LANGUAGES
        for p in (DOCS / lang).rglob("*")
        if p.suffix in (".md", ".ipynb") and ".ipynb_checkpoints" not in p.parts
    }
)


# --- reading a page ---------------------------------------------------------------------------

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
FORMULA = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]|(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$", re.S)
HEADING_2 = re.compile(r"^## (.*?)(?:\s*\{[^}]*\})?\s*$")


def markdown_of(path: Path) -> str:
    """A page's Markdown; for a notebook, its markdown cells joined as paragraphs."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):  # front matter: metadata (description), not the page's paragraphs
        text = text.split("\n---\n", 1)[1]
    return text


def description_of(path: Path) -> str:
    """The page's ``description:`` in its front matter (search engines show it), or ''."""
    text = path.read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0] if text.startswith("---\n") else ""
    match = re.search(r"^description:\s*(.*)$", front, re.M)
    return match.group(1) if match else ""


def without_code(text: str) -> str:
    """The text with each fenced code block replaced by one line ``<code>`` at its indentation."""
    out, fence = [], None
    for line in text.splitlines():
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(2)
            out.append(match.group(1) + "<code>")
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
        else:
            out.append(line)
    return "\n".join(out)


TEXT_IN_FORMULA = re.compile(r"\\(?:text|textrm|mbox)\{([^{}]*)\}")


def formulas(text: str) -> list[str]:
    """Every formula in order, written as it is delimited, its whitespace runs collapsed to one
    space. Words in ``\\text{...}`` are prose and are translated (``\\text{default }``,
    ``\\text{デフォルト値 }``): they become ``\\text{…}``, unless they hold a digit."""
    found = []
    for match in FORMULA.finditer(without_code(text)):
        inline, display, dollar = match.groups()
        body = " ".join((inline if inline is not None else display if display is not None else dollar).split())
        body = TEXT_IN_FORMULA.sub(lambda m: m.group(0) if re.search(r"\d", m.group(1)) else r"\text{…}", body)
        found.append(rf"\({body}\)" if inline is not None else rf"\[{body}\]" if display is not None else f"${body}$")
    return found


@dataclass
class Section:
    heading: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def sections(text: str) -> list[Section]:
    """The page cut at each ``##`` heading (code blocks already reduced to ``<code>``); the
    first section is what comes before the first ``##`` heading (title and introduction)."""
    found = [Section("(before the first ## heading)")]
    for line in without_code(text).splitlines():
        match = HEADING_2.match(line)
        if match:
            found.append(Section(f"## {match.group(1)}"))
        found[-1].lines.append(line)
    return found


LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")


def paragraphs(section: Section) -> list[str]:
    """The section's paragraphs: blocks separated by blank lines, where each list item, each
    table row (not the ``| --- |`` rule), each heading and each admonition's title line counts
    as one, an admonition's body as the paragraphs it holds, and a code block as one.
    A line break inside a paragraph (English wraps, Japanese does not) does not matter."""
    found: list[list[str]] = []
    in_display = False
    previous_blank, previous_admonition, in_list = True, False, False
    for line in section.lines:
        if not line.strip():
            previous_blank = True
            continue
        if TABLE_RULE.match(line):
            previous_blank = False
            continue
        starts = (
            not in_display
            and (
                previous_blank
                or previous_admonition
                or (LIST_ITEM.match(line) and in_list)  # without a blank line, only within a list
                or TABLE_ROW.match(line)
                or line.lstrip().startswith("#")
                or ADMONITION.match(line)
            )
        )
        if starts or not found:
            found.append([])
            in_list = bool(LIST_ITEM.match(line))
        found[-1].append(line)
        # A display formula's lines belong to it, whatever they start with
        in_display = (in_display or "\\[" in line) and "\\]" not in line.split("\\[")[-1]
        previous_blank, previous_admonition = False, bool(ADMONITION.match(line))
    return ["\n".join(lines) for lines in found]


SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
NUMBER = re.compile(
    r"(?<![\w.\-−])([-−]?)"  # a sign, unless the dash joins two words or numbers (a range)
    r"(\d+(?:\.\d+)*)"  # the digits; a version such as 0.4.36 is one token
    r"(?:[eE]([-+−]?\d+)"  # 6.1e-6
    r"|\s*[×x]\s*10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?"  # 6.1×10⁻⁶, 6.1 x 10⁻⁶
    r"(?![\w.]?\d)"
)
PROSE_ONLY = [
    re.compile(r"<!--.*?-->", re.S),  # comments: markers for the hooks
    re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # a link's target (its URL), not its words
    re.compile(r"<https?://[^>]+>|https?://\S+"),  # bare URLs
    re.compile(r"\{[:#.][^}]*\}"),  # attribute lists: { #decision-guide }
    re.compile(r"(?<![\w.])v(?=\d)"),  # the v of a version, v0.4.36
]


def numbers(text: str) -> list[str]:
    """The decimal numbers written in the prose of ``text`` (formulas are compared as formulas).

    A number counts when it has a fractional part or an exponent: 0.25, 1.7581, `1.0`, 6.1e-6,
    6.1×10⁻⁶, a version such as 2.15 or 0.4.36. Each is normalised to its value, so 6.1e-6,
    6.1E-6 and 6.1×10⁻⁶ are the same number, as are 0.50 and 0.5 (and − and - as its sign).
    Whole numbers are left out by rule: English writes counts as words (two, thirteen) where
    Japanese needs digits (2 つ, 13 種類), and Japanese repeats or drops them as its grammar
    asks (128 個ずつ); years, dates and standards (IEEE 754) are whole numbers too. Link
    targets, bare URLs, comments and attribute lists are not prose and are skipped; inline
    code is kept (it is copied as it is).
    """
    text = FORMULA.sub(" ", text)
    for pattern in PROSE_ONLY:
        text = pattern.sub(" ", text)
    found = []
    for match in NUMBER.finditer(text):
        sign, digits, exponent, superscript = match.groups()
        if digits.count(".") > 1:  # a version: not a value
            found.append(digits)
            continue
        exponent = exponent or (superscript or "").translate(SUPERSCRIPT)
        if "." not in digits and not exponent:
            continue  # a whole number
        value = Decimal(digits).scaleb(int((exponent or "0").replace("−", "-"))).normalize()
        found.append(("-" if sign else "") + str(value))
    return found


# --- the tests --------------------------------------------------------------------------------


def both(page: Path) -> tuple[list[Section], list[Section]]:
    """Each language's sections of ``page``; the headings test in test_site.py checks that they
    are as many, so here a different count only stops the comparison with a clear message."""
    for lang in LANGUAGES:
        assert (DOCS / lang / page).exists(), f"docs/{lang}/{page} is missing"
    ja, en = (sections(markdown_of(DOCS / lang / page)) for lang in LANGUAGES)
    assert len(ja) == len(en), (
        f"{page}: {len(ja)} sections in docs/{JA}, {len(en)} in docs/{EN} (## headings): "
        f"{[s.heading for s in ja]} vs {[s.heading for s in en]}"
    )
    return ja, en


def where(page: Path, index: int, ja: Section, en: Section) -> str:
    if index == 0:
        return f"{page}, introduction (before the first ## heading)"
    return f"{page}, section {index} ({JA} '{ja.heading}' / {EN} '{en.heading}')"


def difference(ja: Counter, en: Counter) -> str:
    return f"only in {JA}: {sorted((ja - en).elements())}; only in {EN}: {sorted((en - ja).elements())}"


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_same_formulas_in_both_languages(page):
    """Formulas are not translated: each paragraph holds the same ones in both languages.

    Compared per paragraph (matched by position within the section), as a multiset: Japanese
    word order may put a sentence's inline formulas in another order. Where a section's paragraph
    counts differ (test_same_paragraph_count reports that), the section is compared as a whole.
    """
    problems = []
    for index, (ja, en) in enumerate(zip(*both(page), strict=True)):
        pairs = list(zip(paragraphs(ja), paragraphs(en), strict=False))  # counts: the test below
        if len(paragraphs(ja)) != len(paragraphs(en)):
            pairs = [(ja.text, en.text)]
        for number, (a, b) in enumerate(pairs, 1):
            fa, fb = Counter(formulas(a)), Counter(formulas(b))
            if fa != fb:
                start = " ".join(b.split())[:70]
                problems.append(f"{where(page, index, ja, en)}, paragraph {number} (en: {start!r}...): {difference(fa, fb)}")
    if problems:
        pytest.fail(
            "formulas differ between the languages; formulas are not translated, so make the one that "
            f"is wrong equal to the other (docs/{JA}/{page}, docs/{EN}/{page}):\n" + "\n".join(problems),
            pytrace=False,
        )


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_same_numbers_in_both_languages(page):
    """The decimal numbers of each section's prose (see numbers()) are the same multiset; the
    front matter's description counts with the introduction."""
    problems = []
    descriptions = [numbers(description_of(DOCS / lang / page)) for lang in LANGUAGES]
    for index, (ja, en) in enumerate(zip(*both(page), strict=True)):
        a, b = Counter(numbers(ja.text)), Counter(numbers(en.text))
        if index == 0:
            a, b = a + Counter(descriptions[0]), b + Counter(descriptions[1])
        if a != b:
            problems.append(f"{where(page, index, ja, en)}: {difference(a, b)}")
    if problems:
        pytest.fail(
            f"numbers written in the prose differ between docs/{JA}/{page} and docs/{EN}/{page}; "
            "correct the language that is wrong:\n" + "\n".join(problems),
            pytrace=False,
        )


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_same_paragraph_count_in_both_languages(page):
    """No paragraph, list item, table row or admonition is missing from one language (see paragraphs())."""
    problems = []
    for index, (ja, en) in enumerate(zip(*both(page), strict=True)):
        a, b = paragraphs(ja), paragraphs(en)
        if len(a) != len(b):
            rows = [
                f"    {n:>2}. {JA}: {' '.join(x.split())[:50]!r:55} {EN}: {' '.join(y.split())[:50]!r}"
                for n, (x, y) in enumerate(itertools.zip_longest(a, b, fillvalue=""), 1)
            ]
            problems.append(f"{where(page, index, ja, en)}: {len(a)} paragraphs in {JA}, {len(b)} in {EN}:\n" + "\n".join(rows))
    if problems:
        pytest.fail(
            "a paragraph is missing from one language (or one language splits a paragraph the other "
            "keeps whole, or puts a list item or table row the other does not have): translate the "
            "missing one, or align the blank lines:\n" + "\n".join(problems),
            pytrace=False,
        )


def test_number_and_formula_normalisation():
    """The rules the page comparisons rely on, on examples."""
    assert numbers("0.25 and 0.250; 6.1e-6, 6.1E-6 and 6.1×10⁻⁶; −1.7581 and -1.7581") == [
        "0.25", "0.25", "0.0000061", "0.0000061", "0.0000061", "-1.7581", "-1.7581"
    ]
    assert numbers("JAX v0.4.36, TensorFlow 2.15, `1.0`, \\(0.5\\)") == ["0.4.36", "2.15", "1"]
    assert numbers("2 つ, thirteen, 2011 年, IEEE 754, 0.1–0.3, [x](https://a.org/v1.5), <!-- 1.5 -->") == ["0.1", "0.3"]
    assert formulas("\\(a\n  + b\\) \\[\n x \\] $y$\n```\n\\(code\\)\n```") == ["\\(a + b\\)", "\\[x\\]", "$y$"]
    assert formulas(r"\[ \text{default } \alpha = 1, n_\text{in}, \text{2 x} \]") == [r"\[\text{…} \alpha = 1, n_\text{…}, \text{2 x}\]"]
    text = "## S\n\npara\nwrapped\n\n- item\n  more\n- item\n\n| a |\n| --- |\n| 1 |\n\n!!! note \"t\"\n    body\n\n    second\n\nx\n1000. not a list"
    assert [p.split()[0] for p in paragraphs(sections(text)[1])] == ["##", "para", "-", "-", "|", "|", "!!!", "body", "second", "x"]
