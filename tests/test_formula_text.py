"""Formulas in the search index as a line of text, not TeX (hooks/formula_text.py, issue 15's
search that serves readers): the MathML here is what MathJax 3.2.2 writes for the site's own
formulas (hooks/formulas.py); the built index is checked in both languages at the end."""

from __future__ import annotations

import json
import re

import pytest
from mkdocs.exceptions import PluginError

from formula_text import index_text, linear_html

MATH = '<math xmlns="http://www.w3.org/1998/Math/MathML">{}</math>'
APPLY = '<mo data-mjx-texclass="NONE">\u2061</mo>'  # MathJax's function application after log, tanh
E_MINUS_X = '<msup><mi>e</mi><mrow data-mjx-texclass="ORD"><mo>−</mo><mi>x</mi></mrow></msup>'
SPACE = '<mstyle scriptlevel="0"><mspace width="{}"></mspace></mstyle>'

CASES = {
    # \sigma(x) = 1/(1 + e^{-x}): a minus that is a sign, in a superscript
    "sigmoid": (
        '<mi>σ</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mo>=</mo><mn>1</mn>'
        '<mrow data-mjx-texclass="ORD"><mo>/</mo></mrow><mo stretchy="false">(</mo><mn>1</mn><mo>+</mo>'
        f'{E_MINUS_X}<mo stretchy="false">)</mo>',
        "σ(x) = 1/(1 + e<sup>−x</sup>)",
    ),
    # \log\sigma(x) = -\log(1 + e^{-x}): a space after a function's name only before an argument
    # without brackets; a sign after a relation
    "log-sigmoid": (
        f'<mi>log</mi>{APPLY}<mi>σ</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mo>=</mo>'
        f'<mo>−</mo><mi>log</mi>{APPLY}<mo stretchy="false">(</mo><mn>1</mn><mo>+</mo>{E_MINUS_X}'
        '<mo stretchy="false">)</mo>',
        "log σ(x) = −log(1 + e<sup>−x</sup>)",
    ),
    # \tanh'(x) = \frac{4}{(1 + e^{-x})^2}: a prime beside its letter, a fraction's parts in
    # brackets where they hold more than one piece
    "fraction": (
        f'<msup><mi>tanh</mi><mo data-mjx-alternate="1">′</mo></msup>{APPLY}<mo stretchy="false">(</mo><mi>x</mi>'
        '<mo stretchy="false">)</mo><mo>=</mo><mfrac><mn>4</mn><mrow><mrow data-mjx-texclass="OPEN"><mo>(</mo></mrow>'
        f'<mn>1</mn><mo>+</mo>{E_MINUS_X}<msup><mrow data-mjx-texclass="CLOSE"><mo>)</mo></mrow><mn>2</mn></msup>'
        "</mrow></mfrac>",
        "tanh′(x) = 4/((1 + e<sup>−x</sup>)<sup>2</sup>)",
    ),
    # ELU's cases, then \qquad and a condition: rows with "; ", the brace MathJax leaves empty
    # closed, an em space between the two formulas of the line, < and > escaped as in the index
    "cases": (
        '<mi>ELU</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mo>=</mo>'
        '<mrow data-mjx-texclass="INNER"><mo data-mjx-texclass="OPEN">{</mo><mtable columnalign="left left">'
        "<mtr><mtd><mi>x</mi></mtd><mtd><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr>"
        "<mtr><mtd><mn>0</mn></mtd><mtd><mi>x</mi><mo>≤</mo><mn>0</mn></mtd></mtr></mtable>"
        '<mo data-mjx-texclass="CLOSE" fence="true" stretchy="true" symmetric="true"></mo></mrow>'
        f'{SPACE.format("2em")}<mi>α</mi><mo>&lt;</mo><mn>1</mn>',
        "ELU(x) = {x, x &gt; 0; 0, x ≤ 0}\u2003α &lt; 1",
    ),
    # g = \sqrt{2/(1 + a^2)}, 1/\sqrt N: a root over more than one symbol in brackets
    "roots": (
        '<mi>g</mi><mo>=</mo><msqrt><mn>2</mn><mrow data-mjx-texclass="ORD"><mo>/</mo></mrow><mo stretchy="false">(</mo>'
        '<mn>1</mn><mo>+</mo><msup><mi>a</mi><mn>2</mn></msup><mo stretchy="false">)</mo></msqrt><mo>,</mo>'
        '<mn>1</mn><mrow data-mjx-texclass="ORD"><mo>/</mo></mrow><msqrt><mi>N</mi></msqrt>',
        "g = √(2/(1 + a<sup>2</sup>)), 1/√N",
    ),
    # a = b + \sum_i w_i x_i: a sum's limits as a subscript, a space before what it sums
    "sum": (
        '<mi>a</mi><mo>=</mo><mi>b</mi><mo>+</mo><munder><mo data-mjx-texclass="OP">∑</mo><mi>i</mi></munder>'
        "<msub><mi>w</mi><mi>i</mi></msub><msub><mi>x</mi><mi>i</mi></msub>",
        "a = b + ∑<sub>i</sub> w<sub>i</sub>x<sub>i</sub>",
    ),
    # \operatorname{hard\_sigmoid}(0) = 1/2: one name, however MathJax cuts it
    "name": (
        '<mrow data-mjx-texclass="OP"><mi>hard</mi><mi mathvariant="normal">_</mi><mi>sigmoid</mi></mrow>'
        '<mo stretchy="false">(</mo><mn>0</mn><mo stretchy="false">)</mo><mo>=</mo><mn>1</mn>'
        '<mrow data-mjx-texclass="ORD"><mo>/</mo></mrow><mn>2</mn>',
        "hard_sigmoid(0) = 1/2",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_formula_reads_as_a_line_of_text(name):
    mathml, expected = CASES[name]
    assert linear_html(MATH.format(mathml)) == expected


SIGMOID = {("\\sigma(x) = 1/(1 + e^{-x})", False): MATH.format(CASES["sigmoid"][0])}


def test_index_text_puts_each_formula_as_text_and_leaves_code_alone():
    text = (
        "<p>The sigmoid \\(\\sigma(x) = 1/(1 + e^{-x})\\) squashes.</p> \\[ \\sigma(x)\n= 1/(1 + e^{-x}) \\] "
        "<pre><code>s = r'\\(x\\)'</code></pre>"
    )
    display = {("\\sigma(x) = 1/(1 + e^{-x})", True): MATH.format(CASES["sigmoid"][0]), **SIGMOID}
    assert index_text(text, display, "functions/sigmoid/") == (
        "<p>The sigmoid σ(x) = 1/(1 + e<sup>−x</sup>) squashes.</p> <p>σ(x) = 1/(1 + e<sup>−x</sup>)</p> "
        "<pre><code>s = r'\\(x\\)'</code></pre>"
    )


def test_a_formula_the_build_did_not_typeset_fails_naming_entry_and_formula():
    with pytest.raises(PluginError, match=r"functions/relu/#x: formula not typeset .*max\(0, x\)"):
        index_text("<p>ReLU is \\(\\max(0, x)\\).</p>", SIGMOID, "functions/relu/#x")


OUTSIDE_CODE = re.compile(r"<pre>.*?</pre>|<code>.*?</code>", re.DOTALL)


def test_the_built_search_index_holds_no_tex(built_site):
    """In both languages: no formula left as TeX in any entry's text, and the home page's first
    display formula as the line a reader sees in the result."""
    site_dir, _ = built_site
    for index_path in (site_dir / "search" / "search_index.json", site_dir / "en" / "search" / "search_index.json"):
        docs = json.loads(index_path.read_text(encoding="utf-8"))["docs"]
        tex = [
            f"{doc['location']}: {match.group(0)}"
            for doc in docs
            for match in re.finditer(r"\\[(\[]|\\begin\{", OUTSIDE_CODE.sub("", doc["title"] + doc["text"]))
        ]
        assert not tex, f"{index_path.relative_to(site_dir)}: TeX in the search index: {tex[:5]}"
        home = next(doc for doc in docs if doc["location"] == "")
        line = "<p>x<sub>1</sub>, …, x<sub>n</sub> ⟶ a = b + ∑<sub>i=1</sub><sup>n</sup> w<sub>i</sub>x<sub>i</sub> ⟶ y = h(a)</p>"
        assert line in home["text"], f"{index_path.relative_to(site_dir)}: the home page's formula is not {line!r}"
