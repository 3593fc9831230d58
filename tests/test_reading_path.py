"""The path of a reader who comes from a textbook (ゼロから作るDeep Learning, chapter 3).

That reader knows the first functions of functions.toml (step, sigmoid, ReLU, identity,
softmax) from a one-line NumPy form. Their pages show that form first, in the "Formula"
section, included from the module whose pitfall shows where it breaks, and link that pitfall.
"""

from __future__ import annotations

import re
import sys

import pytest

from conftest import LANGUAGES, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from registry import FUNCTIONS  # noqa: E402

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
