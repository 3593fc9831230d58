"""The path of a reader who comes from a textbook (ゼロから作るDeep Learning, chapter 3).

That reader knows the first functions of functions.toml (step, sigmoid, ReLU, identity,
softmax) from a one-line NumPy form. Their pages show that form first, in the "Formula"
section, included from the module whose pitfall shows where it breaks, and link that pitfall.
"""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, ROOT
from registry import FUNCTIONS

DOCS = ROOT / "docs"
TEXTBOOK_FUNCTIONS = list(FUNCTIONS)[:5]
TEXTBOOK_INCLUDE = re.compile(r'^--8<-- "snippets/examples/(\w+)\.py:textbook"$', re.M)


def sections(text: str) -> list[str]:
    """The page cut at its ``##`` headings; [0] is the title and introduction."""
    return re.split(r"^(?=## )", text, flags=re.M)


def test_the_textbook_functions_are_the_first_five():
    assert TEXTBOOK_FUNCTIONS == ["step", "sigmoid", "relu", "identity", "softmax"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", TEXTBOOK_FUNCTIONS)
def test_textbook_form_comes_first_and_links_its_pitfall(lang, name):
    path = DOCS / lang / "functions" / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    formula = sections(text)[1]
    where = f"docs/{lang}/functions/{name}.md"
    found = TEXTBOOK_INCLUDE.findall(formula)
    assert found, f'{where}: show the textbook form first: --8<-- "snippets/examples/<module>.py:textbook"'
    example = f"snippets/examples/{found[0]}.py"
    assert "# --8<-- [start:textbook]" in (ROOT / example).read_text(encoding="utf-8")
    assert f'--8<-- "{example}"' in text, f"{where}: the pitfalls should include the whole of {example}"
    assert "](#textbook-form)" in formula, f"{where}: link its pitfall: [..](#textbook-form)"
    heading = re.search(r"^### .* \{ #textbook-form \}$", sections(text)[-1], re.M)
    assert heading, f"{where}: mark the heading of that pitfall {{ #textbook-form }}"


# --- the vanishing gradient problem is measured on its own page: link it where it is named ------

VANISHING = {"ja": "勾配消失", "en": "vanishing gradient"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_mention_of_the_vanishing_gradient_links_its_page(lang):
    """On every page that names the vanishing gradient problem (sigmoid, tanh, ReLU, comparison,
    ...), the first mention in prose links the page that measures it."""
    from test_basics import prose_mask

    problems = []
    for path in sorted((DOCS / lang).rglob("*.md")):
        page = path.relative_to(DOCS / lang)
        if page.as_posix() == "vanishing-gradient.md":
            continue
        text = path.read_text(encoding="utf-8")
        at = prose_mask(text).lower().find(VANISHING[lang])
        if at < 0:
            continue
        target = re.escape("../" * (len(page.parts) - 1) + "vanishing-gradient.md")
        linked = any(m.start(1) <= at < m.end(1) for m in re.finditer(rf"\[([^\]]*)\]\({target}(?:#[\w-]+)?\)", text))
        if not linked:
            problems.append(f"docs/{lang}/{page}:{text.count(chr(10), 0, at) + 1}")
    assert not problems, f"link the first mention of {VANISHING[lang]!r} to vanishing-gradient.md: {problems}"


# --- what a first read can skip is folded: framework tables and history -----------------------

# The heading stays (the table of contents, anchors and the other language's sections rely on
# it); everything under it goes into one collapsed block with this title. The "Properties"
# table stays open: it is part of a first read (and test_property_tables.py reads it).
FOLDED = {
    "ja": {"フレームワークでの対応": "PyTorch、Keras、JAX での名前と引数", "由来": "論文と歴史"},
    "en": {
        "Framework equivalents": "Names and parameters in PyTorch, Keras and JAX",
        "Where it comes from": "Papers and history",
    },
}
FUNCTION_PAGES = sorted({p.name for lang in LANGUAGES for p in (DOCS / lang / "functions").glob("*.md")})


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", FUNCTION_PAGES)
def test_framework_and_history_sections_are_folded(lang, page):
    path = DOCS / lang / "functions" / page
    if not path.exists():
        pytest.skip(f"docs/{lang}/functions/{page} is missing (test_site.py reports it)")
    text = path.read_text(encoding="utf-8")
    by_heading = {s.split("\n", 1)[0][3:].split(" {")[0].strip(): s for s in sections(text)[1:]}
    for heading, title in FOLDED[lang].items():
        assert heading in by_heading, f"docs/{lang}/functions/{page}: no '## {heading}' section"
        body = [line for line in by_heading[heading].split("\n")[1:] if line.strip()]
        folded = body and body[0] == f'??? info "{title}"' and all(line.startswith("    ") for line in body[1:])
        assert folded, (
            f"docs/{lang}/functions/{page}: fold the section under its heading, as the other pages do:\n"
            f'\n## {heading}\n\n??? info "{title}"\n\n    (its tables and paragraphs, indented by 4 spaces)\n'
        )
