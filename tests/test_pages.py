"""Every Python code block on every page runs as the reader sees it, and prints what the page says.

pytest-codeblocks reads raw Markdown, where a block is only ``--8<--`` include
lines. So each page is first expanded with the same pymdownx.snippets settings
MkDocs uses (from mkdocs.yml), then pytest-codeblocks extracts the blocks.
Expected output is written Pydantic-style inside the code, as ``#>`` lines
right after the ``print``: the reader sees it, and this test checks it. The
blocks of one page run in order in one namespace, as a reader working down the
page in a notebook would run them, so a later block may use the definitions of
an earlier one.

The ``#>`` lines are written in ``snippets/examples/``, which pages include; after a change,
``python -m tests.update_examples`` rewrites them from a fresh run (tested at the end).
"""

from __future__ import annotations

import contextlib
import io
import warnings
from functools import cache
from pathlib import Path

import markdown
import matplotlib
import pytest
from mkdocs.config import load_config
from pytest_codeblocks import extract_from_buffer

import update_examples
from conftest import LANGUAGES, ROOT

matplotlib.use("Agg")  # plt.show() is then a no-op: the figure itself is checked by the build
import matplotlib.pyplot as plt  # noqa: E402

DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS) for lang in LANGUAGES for p in (DOCS / lang).rglob("*.md"))


@cache
def snippet_settings() -> dict:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return dict(config.mdx_configs["pymdownx.snippets"])


def expand_includes(page: Path) -> str:
    """The page's Markdown with every ``--8<--`` include replaced by the file it names."""
    settings = snippet_settings()
    settings["base_path"] = [str(ROOT / p) for p in settings["base_path"]]
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings})
    lines = (DOCS / page).read_text(encoding="utf-8").splitlines()
    return "\n".join(md.preprocessors["snippet"].run(lines))


def python_blocks(page: Path) -> list[str]:
    blocks = extract_from_buffer(io.StringIO(expand_includes(page)))
    return [b.code for b in blocks if b.syntax == "python"]


def expected_output(code: str) -> str:
    """The ``#>`` lines of a block, i.e. what its prints must write."""
    lines = [line for line in code.splitlines() if line.startswith("#>")]
    return "".join(line[3:] + "\n" if len(line) > 2 else "\n" for line in lines)


def run_block(code: str, namespace: dict) -> str:
    """Run one block in the page's namespace; warnings are errors, as a careful reader would want."""
    stdout = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stdout(stdout):
        warnings.simplefilter("error")
        try:
            exec(compile(code, "<page code block>", "exec"), namespace)
        finally:
            plt.close("all")
    return stdout.getvalue()


def test_every_page_is_collected():
    assert PAGES, "no Markdown pages found under docs/ja and docs/en"


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_code_blocks_run_and_print_what_the_page_shows(page):
    namespace = {"__name__": "__main__"}
    for number, code in enumerate(python_blocks(page), start=1):
        assert "--8<--" not in code, f"{page} block {number}: an include was not expanded"
        try:
            printed = run_block(code, namespace)
        except Exception as error:
            pytest.fail(f"{page} block {number} raised {type(error).__name__}: {error}\n{code}")
        assert printed == expected_output(code), (
            f"{page} block {number}: printed output differs from the #> lines on the page"
        )


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_include_lines_stand_inside_fences_only(page):
    """An include outside a code fence would paste raw code into the prose."""
    in_fence = False
    for number, line in enumerate((DOCS / page).read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        elif "--8<--" in line:
            assert in_fence, f"{page}:{number}: include outside a code block"


# --- python -m tests.update_examples: #> lines from a fresh run -------------------------------


def test_update_examples_rewrites_wrong_output_lines(tmp_path):
    source = (ROOT / "snippets" / "examples" / "sigmoid.py").read_text(encoding="utf-8")
    example = tmp_path / "sigmoid.py"
    example.write_text(source.replace("#> [0.  0.5 1. ]\n", "#> [0. 0.5 1.]\n#> stale\n", 1), encoding="utf-8")
    assert update_examples.update(example)
    assert example.read_text(encoding="utf-8") == source
    assert not update_examples.update(example)  # nothing left to change


def test_update_examples_places_output_after_the_statement_that_prints(tmp_path):
    example = tmp_path / "example.py"
    example.write_text(
        "for i in range(2):\n    print(i)\n#> old\n\nx = 1\n#> stale: nothing above prints\nprint()\nprint('end')\n",
        encoding="utf-8",
    )
    assert update_examples.update(example)
    # The loop's output stays in its block; prints below the last block get one each
    assert example.read_text(encoding="utf-8") == (
        "for i in range(2):\n    print(i)\n#> 0\n#> 1\n\nx = 1\nprint()\n#>\nprint('end')\n#> end\n"
    )
