"""Formulas as a line of text, for search results (used by hooks/i18n_search.py; not a hook).

Material's search index holds each section's text as the page's HTML gives it, and a formula
there is still its TeX: a reader searching "weighted sum" saw ``\\(a = b + w_1 x_1 + \\dots\\)``
in the result. The build typesets every formula with MathJax (hooks/formulas.py), which also
writes its MathML for screen readers; ``linear_html`` reads that MathML and writes the formula
as a line of text, in the HTML the index keeps (Material's search keeps ``<sub>`` and ``<sup>``
and drops other tags): σ(x) = 1/(1 + e<sup>−x</sup>). ``index_text`` puts that line in place of
each formula in an index entry's text.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET

from mkdocs.exceptions import PluginError

# Between operands, with a space each side (not inside a sub- or superscript: i=1)
SPACED = set("=+−±∓×÷·⋅<>≤≥≈≠≡∝∼≪≫→⟶↦⇒⟹⟺∈∉⊂⊆")
CLOSING = set(")]}⟩|‖")
ELLIPSES = set("…⋯⋮⋱")  # stand for operands: w₁x₁ + ⋯ + wₙxₙ
PRIMES = ("′", "″", "‴")  # f′: beside its letter, not raised
SIGNS = set("+−±∓")  # a sign when nothing stands before it (−x, = −1)
WIDE = "\u2003"  # an em space (HTML keeps it): between two formulas of one display
# MathML's invisible operators (function application, times, separator, plus)
INVISIBLE = dict.fromkeys(map(ord, "\u2061\u2062\u2063\u2064"))
# An accent over one character: the character with the combining accent
ACCENTS = {"¯": "\u0304", "‾": "\u0305", "^": "\u0302", "ˆ": "\u0302", "~": "\u0303", "˜": "\u0303",
           "˙": "\u0307", "¨": "\u0308", "→": "\u20d7", "⃗": "\u20d7"}
DOUBLE_STRUCK = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ"}
SKIPPED = {"mphantom", "annotation", "annotation-xml"}
TAGS = re.compile(r"<[^>]+>")
ATOM = re.compile(r"[\w.∂′″]+")  # no brackets needed around it in a fraction or a root


def _name(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _plain(markup: str) -> str:
    return html.unescape(TAGS.sub("", markup))


def _group(markup: str) -> str:
    """A fraction's part in brackets unless it reads as one piece: 2, ∂L, √n, √(2/π)."""
    plain = _plain(markup)
    if ATOM.fullmatch(plain) or (plain.startswith("√") and (ATOM.fullmatch(plain[1:]) or _one_bracket(plain[1:]))):
        return markup
    return f"({markup})"


def _one_bracket(text: str) -> bool:
    """Whether ``text`` is one pair of brackets and what they hold: (a + b), not (a)(b)."""
    if not text.startswith("(") or not text.endswith(")"):
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _is_wide(element) -> bool:
    """\\quad and wider: a space that separates two formulas of one display."""
    spaces = [element] if _name(element) == "mspace" else list(element)
    width = sum(float(m.group(1)) for e in spaces if (m := re.fullmatch(r"([\d.]+)em", e.get("width", ""))))
    return width >= 1


def _is_space(element) -> bool:
    name = _name(element)
    return name == "mspace" or (name == "mstyle" and len(element) > 0 and all(_name(e) == "mspace" for e in element))


def _ends_operand(element) -> bool:
    """Whether an operator after ``element`` sits between two operands (else it is a sign)."""
    name = _name(element)
    if name == "mo":
        return (element.text or "").strip() in CLOSING | ELLIPSES
    if name == "mrow" and element.get("data-mjx-texclass") in ("OPEN", "PUNCT", "REL", "BIN"):
        return False
    return True


def _before_argument(element) -> bool:
    """A function's name or a big operator (log, min, ∑, ∑ with its limits, MathJax's function
    application after exp): a space goes before an argument that is not in brackets (log y, ∑ w)."""
    name = _name(element)
    if name == "mo":
        return element.get("data-mjx-texclass") == "OP" or (element.text or "") == "\u2061"
    return name in ("msub", "msup", "munder", "munderover", "msubsup") and _before_argument(element[0])


def _is_name(element) -> bool:
    """A function's name written out (log, softplus, min): a space before it after an operand."""
    name = _name(element)
    if name == "mo":
        return element.get("data-mjx-texclass") == "OP"
    if name in ("msub", "msup", "munder", "munderover", "msubsup"):
        return _is_name(element[0])
    return name == "mi" and len(element.text or "") > 1


def _row(children, compact: bool) -> str:
    parts, previous, braces = [], None, 0
    for child in children:
        if _is_space(child):
            parts.append("; " if child.get("linebreak") == "newline" else WIDE if _is_wide(child) else " ")
            continue
        markup = _node(child, compact)
        if _name(child) == "mo":
            operator = _plain(markup)
            sign = operator in SIGNS and (previous is None or not _ends_operand(previous))
            if operator in SPACED and not compact and not sign:
                markup = f" {markup} "
            elif operator in (",", ";") and not compact:
                markup += " "
            elif operator == "{" and child.get("data-mjx-texclass") == "OPEN":
                braces += 1
            elif not operator and child.get("data-mjx-texclass") == "CLOSE" and braces:
                braces -= 1
                markup = "}"  # cases: MathJax's closing fence is empty; the brace closes them here
        if previous is not None and _before_argument(previous) and markup.strip():
            first = _plain(markup).lstrip()[:1]
            if first not in "([{,;" and first not in SPACED:
                markup = " " + markup
        elif previous is not None and not compact and _is_name(child) and _ends_operand(previous):
            if not _plain(parts[-1]).endswith(("_", " ", "∂")):  # y log σ, α min(0, x); hard_swish, ∂PReLU
                markup = " " + markup
        parts.append(markup)
        if markup.strip() or (_name(child) == "mo" and child.text == "\u2061"):
            previous = child
    return "".join(parts)


def _node(element, compact: bool) -> str:
    name = _name(element)
    children = list(element)
    if name in SKIPPED:
        return ""
    if name in ("mi", "mn", "mo", "mtext", "ms"):
        text = (element.text or "").translate(INVISIBLE).replace("\u00a0", " ")
        if element.get("mathvariant") == "double-struck":
            text = "".join(DOUBLE_STRUCK.get(c, c) for c in text)
        return html.escape(text, quote=False)
    if name == "semantics":
        return _node(children[0], compact) if children else ""
    if name in ("msub", "munder"):
        return f"{_node(children[0], compact)}<sub>{_node(children[1], True)}</sub>"
    if name == "msup":
        base, power = _node(children[0], compact), _node(children[1], True)
        return base + power if _plain(power) in PRIMES else f"{base}<sup>{power}</sup>"
    if name in ("msubsup", "munderover"):
        base, under, over = (_node(child, c) for child, c in zip(children, (compact, True, True), strict=True))
        return f"{base}<sub>{under}</sub>" + (over if _plain(over) in PRIMES else f"<sup>{over}</sup>")
    if name == "mover":
        base, over = _node(children[0], compact), _plain(_node(children[1], True))
        if over in ACCENTS and len(_plain(base)) == 1:
            return base + ACCENTS[over]
        return f"{base}<sup>{html.escape(over, quote=False)}</sup>"
    if name == "mfrac":
        return f"{_group(_node(children[0], compact))}/{_group(_node(children[1], compact))}"
    if name == "msqrt":  # √2, √n, else √(...): √2π would hide what is under the root
        inner = _row(children, compact)
        one = len(children) == 1 and _name(children[0]) in ("mi", "mn")
        return "√" + (inner if one else f"({inner})")
    if name == "mroot":
        return f"<sup>{_node(children[1], True)}</sup>√{_group(_node(children[0], compact))}"
    if name == "mtable":  # rows joined with "; ", or a space after a row that ends in a comma
        rows = [_table_row(row, compact) for row in children if _name(row) in ("mtr", "mlabeledtr")]
        return "".join(row + ("" if i == len(rows) - 1 else " " if row.endswith((",", ";")) else "; ")
                       for i, row in enumerate(rows))
    return _row(children, compact)  # math, mrow, mstyle, ... and anything new: its content


def _table_row(row, compact: bool) -> str:
    """A row's cells, with a comma between them, but not before a cell that starts with an
    operator (an aligned equation's "= ..." continues the line before it)."""
    cells = [_node(cell, compact).strip() for cell in row if _name(cell) == "mtd"]
    line = cells[0] if cells else ""
    for cell in cells[1:]:
        line += f" {cell}" if _plain(cell)[:1] in SPACED - SIGNS else f", {cell}"
    return line


@functools.cache
def linear_html(mathml: str) -> str:
    """One formula's MathML (MathJax's output) as a line of text with ``<sub>``/``<sup>``."""
    markup = _node(ET.fromstring(mathml), compact=False)
    markup = re.sub(r"[ \t\n]+", " ", markup)  # not the em space between formulas
    markup = re.sub(r"([(\[{]) ", r"\1", markup)
    markup = re.sub(r" ([)\]},;])", r"\1", markup)
    return markup.strip()


# Each formula's MathML, by (tex_key(its TeX), display): hooks/formulas.py fills it as it typesets
# or reads its cache, hooks/i18n_search.py reads it. Here, in a module both import by name, since
# MkDocs loads each hook as a module of its own (named by its path), which another cannot import.
# Kept across builds: i18n builds one language after the other, and the index is finished after
# both; a formula's MathML depends on its TeX alone.
MATHML: dict[tuple[str, bool], str] = {}

# A formula in an index entry's text, as arithmatex wrote it: \( \), \[ \] or a bare environment
FORMULA = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]|(\\begin\{([A-Za-z]+\*?)\}.+?\\end\{\4\})", re.DOTALL)
# Code keeps its text: a backslash in code is no formula
CODE = re.compile(r"(<pre>.*?</pre>|<code>.*?</code>)", re.DOTALL)


def tex_key(tex: str) -> str:
    """A formula's TeX as the index and the page both give it: whitespace collapsed (the index
    writes each newline as a space)."""
    return " ".join(tex.split())


def index_text(text: str, mathml_of: dict[tuple[str, bool], str], where: str) -> str:
    """An index entry's ``text`` (HTML, escaped) with each formula as a line of text. ``mathml_of``
    maps (tex_key(TeX), display) to the formula's MathML; a formula not in it fails the build,
    naming ``where`` (the entry's location) and the formula."""

    def replace(match: re.Match) -> str:
        inline, display, bare = match.group(1), match.group(2), match.group(3)
        tex = html.unescape(inline if inline is not None else display if display is not None else bare)
        key = (tex_key(tex), inline is None)
        if key not in mathml_of:
            formula = match.group(0)[:200]
            raise PluginError(f"search index, {where}: formula not typeset by hooks/formulas.py: {formula!r}")
        # A display formula is a block of its own, as a paragraph is: Material's result shows a
        # section's text by blocks, and the <sub>/<sup> of a bare run of text would cut it in pieces
        return f"<p>{linear_html(mathml_of[key])}</p>" if key[1] else linear_html(mathml_of[key])

    return "".join(part if CODE.fullmatch(part) else FORMULA.sub(replace, part) for part in CODE.split(text))
