"""Every function of the registry has all its parts, and each missing part is named.

Adding a function touches: snippets/<name>.py, snippets/examples/<name>.py, the two pages
docs/ja/functions/<name>.md and docs/en/functions/<name>.md, one entry in functions.toml and
one nav line in mkdocs.yml. A part forgotten fails here with the file to add or edit.
(The snippet, the example and tests/functions/test_<name>.py are checked in
tests/test_snippets.py; PyTorch's reference values in tests/test_against_pytorch.py.)
"""

from __future__ import annotations

import re

import pytest
from mkdocs.utils import yaml_load
from mkdocs.utils.meta import get_data

from conftest import LANGUAGES, ROOT
from function_table import KEYS
from registry import FUNCTIONS

LANGUAGE_NAMES = {"ja": "Japanese", "en": "English"}


def nav_function_pages() -> list[str]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        nav = yaml_load(f)["nav"]

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for value in item.values():
                    yield from walk(value if isinstance(value, list) else [value])
            else:
                yield item

    return [page for page in walk(nav) if page.startswith("functions/")]


def page(lang: str, name: str) -> str:
    path = ROOT / "docs" / lang / "functions" / f"{name}.md"
    assert path.exists(), (
        f"functions.toml has [{name}]: add docs/{lang}/functions/{name}.md, the {LANGUAGE_NAMES[lang]} page "
        f"(copy docs/{'en' if lang == 'ja' else 'ja'}/functions/{name}.md, if it exists, and translate its prose)"
    )
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_function_page_has_a_registry_entry(lang):
    pages = sorted(p.stem for p in (ROOT / "docs" / lang / "functions").glob("*.md"))
    for name in pages:
        assert name in FUNCTIONS, f"docs/{lang}/functions/{name}.md has no entry: add [{name}] to functions.toml"


def test_nav_lists_every_function_in_registry_order():
    listed = nav_function_pages()
    for name in FUNCTIONS:
        assert f"functions/{name}.md" in listed, f"add the line '- functions/{name}.md' under 関数 in mkdocs.yml's nav"
    assert listed == [f"functions/{name}.md" for name in FUNCTIONS], (
        "mkdocs.yml's nav lists the functions in another order than functions.toml: use one order in both"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", FUNCTIONS)
def test_function_page_includes_its_code_and_shows_its_figure(lang, name):
    text = page(lang, name)
    where = f"docs/{lang}/functions/{name}.md"
    assert f'--8<-- "snippets/{name}.py"' in text, f'{where}: include the code with --8<-- "snippets/{name}.py"'
    assert f'--8<-- "snippets/examples/{name}.py:example"' in text, (
        f'{where}: include the example with --8<-- "snippets/examples/{name}.py:example"'
    )
    assert re.search(rf"!\[[^\]]+\]\(\.\./figures/{name}\.svg\)", text), (
        f"{where}: show the figure with ![alt text](../figures/{name}.svg); it is drawn by plt.show() "
        f"in snippets/examples/{name}.py"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", FUNCTIONS)
def test_function_page_has_its_home_table_words(lang, name):
    _, meta = get_data(page(lang, name))
    for key in KEYS:
        assert meta.get(key), (
            f"docs/{lang}/functions/{name}.md: add '{key}:' to its front matter "
            f"(the home page's table of functions shows it; see hooks/function_table.py)"
        )


def test_built_home_pages_list_every_function(built_site):
    site_dir, _ = built_site
    for lang in LANGUAGES:
        home = (site_dir / ("" if lang == LANGUAGES[0] else lang) / "index.html").read_text(encoding="utf-8")
        table = re.split(r"<table[^>]*>", home, maxsplit=1)[1].split("</table>", 1)[0]
        linked = re.findall(r'href="functions/(\w+)/"', table)
        assert linked == list(FUNCTIONS), f"{lang} home page: its table links {linked}"
        for f in FUNCTIONS.values():
            _, meta = get_data(page(lang, f.name))
            assert f">{meta['short_title']}</a>" in table, f"{lang} home page: no title for {f.name}"
