"""The notebook pages keep only the part of mkdocs-jupyter's stylesheet that can apply to them.

mkdocs-jupyter puts JupyterLab's whole stylesheet in each notebook page, inline: 575 kB of
CSS (its ``assets/index.css``) for menus, dialogs, the file browser, widgets and everything else
JupyterLab draws, in a page that shows cells and their outputs. The notebook page was 800 kB of
HTML. On a phone the browser parses all of it and matches every element against its rules on
each style recalculation of the page (issue 14).

In each ``<style>`` of a notebook page this hook keeps a selector unless it needs a class that
no element of the page has (templates included: hooks/code_tokens.py) and that no inline script
of the page names: the page runs no JupyterLab script that could add one, and neither
Material's script nor ours adds JupyterLab's classes. Selectors inside ``:not()``, ``:is()``,
``:where()`` and ``:has()`` need nothing; attribute selectors are kept as they are. A rule
keeps its kept selectors, its declarations and its place, so the cascade is unchanged:
tests/test_browser.py reads the whole stylesheet and the cut one with Chromium's own parser,
finds only selectors missing, and none of them matching anything on the page in any state
(hover, focus, ...). ``.jupyter-wrapper :root``, 88 kB of custom properties, can match nothing
(the root is inside no element) and goes too.
"""

from __future__ import annotations

import re

CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL)
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# What a selector needs: its classes, outside functional pseudo-classes and attribute selectors
FREE = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\]")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)(?![\w\\-])")
# The nested at-rules whose blocks hold rules; any other (@font-face, @keyframes) is kept whole
NESTED = ("@media", "@supports", "@layer", "@container", "@document")


def _blocks(css: str):
    """The top-level statements of ``css``: (prelude, block) pairs, block None for ``@x ...;``."""
    i, n = 0, len(css)
    while i < n:
        j = i
        while j < n and css[j] not in "{;":
            j = css.index(css[j], j + 1) + 1 if css[j] in "\"'" else j + 1
        if j >= n:
            if css[i:].strip():
                yield css[i:], None
            return
        if css[j] == ";":
            yield css[i : j + 1], None
            i = j + 1
            continue
        k, depth = j + 1, 1
        while depth:
            if css[k] in "\"'":
                k = css.index(css[k], k + 1)
            elif css[k] == "{":
                depth += 1
            elif css[k] == "}":
                depth -= 1
            k += 1
        yield css[i:j], css[j + 1 : k - 1]
        i = k


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += (char in "([") - (char in ")]")
        if char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    return [*parts, prelude[start:]]


def can_match(selector: str, classes: set[str]) -> bool:
    """False when ``selector`` needs a class not in ``classes``, or needs :root inside an element."""
    needed = FREE.sub("", selector)
    if re.search(r"\S\s+:root\b", needed):
        return False
    return set(CLASS.findall(needed)) <= classes


def prune(css: str, classes: set[str]) -> str:
    """``css`` without the selectors that cannot match; rules left with none go."""
    kept = []
    for prelude, block in _blocks(COMMENT.sub("", css)):
        head = prelude.strip()
        if block is None or (head.startswith("@") and not head.startswith(NESTED)):
            kept.append(prelude if block is None else f"{prelude}{{{block}}}")
        elif head.startswith("@"):
            inner = prune(block, classes)
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
        else:
            selectors = [s for s in _selectors(prelude) if can_match(s, classes)]
            if selectors:
                kept.append(f"{','.join(s.strip() for s in selectors)}{{{block}}}")
    return "".join(kept)


def page_classes(html: str) -> set[str]:
    """Every class on an element of the page, and every word an inline script of it names."""
    classes = {name for value in CLASS_ATTRIBUTE.findall(html) for name in value.split()}
    for script in SCRIPT.findall(html):
        classes.update(re.findall(r"[\w-]+", script))
    return classes


def on_post_page(output, page, config):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    classes = page_classes(output)
    return STYLE.sub(lambda m: m.group(1) + prune(m.group(2), classes) + m.group(3), output)
