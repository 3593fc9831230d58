"""Code blocks arrive as plain text; their highlighting is put in as they near the screen.

Pygments writes a ``<span>`` per token and Material adds a span and an anchor per line:
3,400 elements in the code of the vanishing-gradient page, 660 on a function page, 2,200 in
the code cells of the notebook page (mkdocs-jupyter highlights with Pygments too). Material's
start-up script makes the browser compute the style of every element of the page several
times (issue 14), so on a phone those elements were most of the main thread's blocking time:
on vanishing-gradient, Lighthouse's total blocking time was 2.8-4.1 s with them and 0.3-0.7 s
with the code as plain text (same page, three runs each).

So each block's ``<code>`` (a notebook cell's ``<pre>``) holds its text only (what a reader
copies, finds with Ctrl+F, and sees without JavaScript, in the same monospace lines), and the
highlighted HTML follows it in a ``<template>``, which the browser keeps out of the page (no
style, no layout).
``assets/javascripts/code-tokens.js`` swaps each template in when its block comes within a
screen of the viewport, and all of them before printing. The text is the same before and after,
so nothing moves. Search is unaffected: Material's search index is made from the page before
this hook runs.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

# A Material code block, as pymdownx.highlight writes it (one form on every page of this site):
# the template follows the <code>, whose children it replaces
BLOCK = re.compile(
    r'(<div class="language-[\w-]+ highlight"><pre><span></span><code>)(.*?)(</code>)(</pre>)', re.DOTALL
)
# A notebook's code cell, as mkdocs-jupyter writes it: the template ends the <pre>, whose
# children it replaces (Pygments' empty first span included, so the cell ends as it was); the
# empty group stands for the </code> it has not
CELL = re.compile(r'(<div class="highlight-ipynb hl-[\w-]+"><pre>)(<span></span>.*?)()(</pre>)', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def plain(block: re.Match) -> str:
    """A BLOCK's or a CELL's tokens as text, the tokens themselves in a template before its </pre>."""
    opening, tokens, closing, end = block.groups()
    text = TAG.sub("", tokens)  # character references stay as they are: the same text
    return f'{opening}{text}{closing}<template class="code-tokens">{tokens}</template>{end}'


# After the other hooks (formulas run at -100): the page as it is served
@event_priority(-150)
def on_post_page(output, page, config):
    return CELL.sub(plain, BLOCK.sub(plain, output))
