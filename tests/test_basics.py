"""The claims of basics.md (derivatives, gradients and backpropagation), computed.

The page's code block itself runs in test_pages.py; here, the formulas the page states.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import numpy as np
import pytest

from conftest import LANGUAGES, ROOT
from snippets.sigmoid import sigmoid, sigmoid_grad
from snippets.softmax import log_softmax, softmax
from snippets.softplus import softplus


def numerical_diff(f, x, h=1e-4):
    """The page's central difference (snippets/examples/numerical_diff.py, which also draws a figure)."""
    return (f(x + h) - f(x - h)) / (2 * h)


def test_central_difference_error_shrinks_as_h_squared():
    """'Its error is proportional to h^2': halving h quarters the error; one-sided only halves it."""
    x = 1.0

    def central(h):
        return abs(numerical_diff(sigmoid, x, h) - sigmoid_grad(x))

    def one_sided(h):
        return abs((sigmoid(x + h) - sigmoid(x)) / h - sigmoid_grad(x))

    assert central(1e-2) / central(5e-3) == pytest.approx(4, rel=1e-3)
    assert one_sided(1e-2) / one_sided(5e-3) == pytest.approx(2, rel=1e-2)
    assert central(1e-4) < one_sided(1e-4) / 1000


def test_logit_is_the_inverse_of_the_sigmoid():
    p = np.linspace(0.01, 0.99, 99)
    assert np.allclose(sigmoid(np.log(p / (1 - p))), p)


def test_softmax_cross_entropy_gradient_is_output_minus_target():
    """dL/dx_j = y_j - t_j for L = -sum t_k log softmax(x)_k, by central differences."""
    rng = np.random.default_rng(0)
    x, t = rng.normal(size=5), np.eye(5)[2]

    def loss(v):
        return -np.sum(t * log_softmax(v))

    numeric = np.array([numerical_diff(lambda s, j=j: loss(x + s * np.eye(5)[j]), 0.0) for j in range(5)])
    assert np.allclose(numeric, softmax(x) - t, atol=1e-8)


@pytest.mark.parametrize("t", [0.0, 1.0])
def test_binary_cross_entropy_from_the_logit(t):
    """L = -t log s(s) - (1 - t) log(1 - s(s)) = softplus(s) - t s (the form vanishing-gradient uses),
    and dL/ds = sigmoid(s) - t."""
    s = np.linspace(-8, 8, 33)
    loss = -t * np.log(sigmoid(s)) - (1 - t) * np.log(1 - sigmoid(s))
    assert np.allclose(loss, softplus(s) - t * s)
    assert np.allclose(numerical_diff(lambda v: softplus(v) - t * v, s), sigmoid(s) - t, atol=1e-8)


def test_backpropagation_of_one_unit_is_the_product_of_three_factors():
    """dL/dw_i = dL/dy * h'(a) * x_i for y = h(a), a = b + sum w_i x_i (here h = sigmoid, L = (y - 1)^2 / 2)."""
    w, b, x = np.array([0.5, -1.0, 2.0]), 0.1, np.array([1.0, 0.3, -0.4])

    def loss(w):
        return (sigmoid(b + w @ x) - 1.0) ** 2 / 2

    a = b + w @ x
    chain = (sigmoid(a) - 1.0) * sigmoid_grad(a) * x
    numeric = np.array([numerical_diff(lambda s, i=i: loss(w + s * np.eye(3)[i]), 0.0) for i in range(3)])
    assert np.allclose(numeric, chain, atol=1e-10)


# --- the page is where the terms are introduced: every other page links them there ----------------

DOCS = ROOT / "docs"
BASICS = "basics.md"
# anchor on basics.md: how the term is written in each language (a prefix: 誤差逆伝播法, logits)
TERMS = {
    "gradient-descent": {"ja": "勾配降下法", "en": "gradient descent"},
    "backpropagation": {"ja": "誤差逆伝播", "en": "backpropagat"},
    "subgradient": {"ja": "劣勾配", "en": "subgradient"},
    "jacobian": {"ja": "ヤコビ行列", "en": "jacobian"},
    "logit": {"ja": "ロジット", "en": "logit"},
    "cross-entropy": {"ja": "交差エントロピー", "en": "cross-entropy"},
}
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^)\s]+)\)")
NOT_PROSE = [
    re.compile(r"\A---\n.*?\n---\n", re.S),  # front matter (the description is metadata)
    re.compile(r"^(\s*)(`{3,}|~{3,}).*?^\1\2\s*$", re.S | re.M),  # fenced code
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"`[^`\n]+`"),  # inline code: _keras_logits is not the word
    re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.S),  # formulas
    re.compile(r"^\s*#.*$", re.M),  # headings: a link there would sit in the table of contents
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s.*$", re.M),  # admonition titles: plain text, no links
    re.compile(r"(?<=\])\([^)\s]+\)|https?://\S+"),  # link targets and bare URLs
]


def prose_mask(text: str) -> str:
    """``text`` with everything that is not prose blanked out, character positions kept."""
    for pattern in NOT_PROSE:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


def first_uses(page: Path, lang: str) -> dict[str, tuple[int, str | None]]:
    """For each term on the page: the line of its first use in prose, and the page it links to
    there (resolved from the page's folder, with its anchor), or None if that use is not a link."""
    text = (DOCS / lang / page).read_text(encoding="utf-8")
    mask = prose_mask(text).lower()
    links = [(m.start(1), m.end(1), m.group(2)) for m in LINK.finditer(text)]
    found = {}
    for anchor, words in TERMS.items():
        at = mask.find(words[lang].lower())
        if at < 0:
            continue
        target = next((t for start, end, t in links if start <= at < end), None)
        if target is not None:
            path, _, fragment = target.partition("#")
            target = posixpath.normpath(posixpath.join(page.parent.as_posix(), path))
            target += f"#{fragment}" if fragment else ""
        found[anchor] = (text.count("\n", 0, at) + 1, target)
    return found


OTHER_PAGES = sorted(
    p.relative_to(DOCS / lang) for lang in LANGUAGES for p in (DOCS / lang).rglob("*.md") if p.name != BASICS
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_links_the_basics_page_and_each_term(lang):
    text = (DOCS / lang / "index.md").read_text(encoding="utf-8")
    links = {m.group(2) for m in LINK.finditer(text)}
    assert BASICS in links, f"docs/{lang}/index.md: link [..]({BASICS})"
    missing = [a for a in TERMS if f"{BASICS}#{a}" not in links]
    assert not missing, f"docs/{lang}/index.md: link each term to its section, missing: {missing}"


@pytest.mark.parametrize("page", sorted(set(OTHER_PAGES)), ids=str)
def test_each_term_is_linked_to_the_basics_page_at_its_first_use(page):
    """The first time a page uses one of the terms basics.md introduces, in prose (not in code,
    formulas, headings or admonition titles, where a link cannot or should not go), that use
    links to basics.md#<the term's anchor> (basics.md alone if the link names several terms,
    as the page's own title does)."""
    problems = []
    for lang in LANGUAGES:
        if not (DOCS / lang / page).exists():
            continue  # a missing translation: test_site.py reports it
        for anchor, (line, target) in first_uses(page, lang).items():
            if target not in (BASICS, f"{BASICS}#{anchor}"):
                want = posixpath.relpath(BASICS, page.parent.as_posix() or ".") + f"#{anchor}"
                problems.append(
                    f"docs/{lang}/{page}:{line}: the first use of {TERMS[anchor][lang]!r} should be a link "
                    f"[...]({want})" + (f", not to {target}" if target else "")
                )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
