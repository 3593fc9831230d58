"""The comparison table's rows: written once, for both languages, checked by tests/test_comparison.py.

A page asks for the rows with a line holding only ``<!-- comparison rows -->``
right under its own (translated) header row; this hook puts the rows there.
Cells are language-neutral: math, numbers and marks. Every cell is checked
against the snippet implementation by ``tests/test_comparison.py``.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

MARKER = "<!-- comparison rows -->"
YES, NO = "✓", "✗"

# Columns: range, monotonic, zero-centred, smooth, saturates (where f' -> 0), f'(0), max f'
ROWS = {
    "identity": (r"\((-\infty, \infty)\)", YES, YES, YES, NO, "1", "1"),
    "step": (r"\(\{0, 1\}\)", YES, NO, NO, r"\(f' = 0\)", "0", "0"),
    "sigmoid": (r"\((0, 1)\)", YES, NO, YES, r"\(\lvert x \rvert \to \infty\)", "0.25", "0.25"),
    "tanh": (r"\((-1, 1)\)", YES, YES, YES, r"\(\lvert x \rvert \to \infty\)", "1", "1"),
    "relu": (r"\([0, \infty)\)", YES, NO, NO, r"\(x < 0\)", "0", "1"),
    "leaky_relu": (r"\((-\infty, \infty)\)", YES, NO, NO, NO, r"\(\alpha = 0.01\)", "1"),
    "elu": (r"\((-1, \infty)\)", YES, NO, NO, r"\(x \to -\infty\)", "1", "1"),
    "selu": (r"\((-1.758, \infty)\)", YES, r"\(\mathrm{E}[y] = 0\)", NO, r"\(x \to -\infty\)", "1.758", "1.758"),
    "gelu": (r"\([-0.170, \infty)\)", NO, NO, YES, r"\(x \to -\infty\)", "0.5", "1.129"),
    "silu": (r"\([-0.278, \infty)\)", NO, NO, YES, r"\(x \to -\infty\)", "0.5", "1.100"),
    "softplus": (r"\((0, \infty)\)", YES, NO, YES, r"\(x \to -\infty\)", "0.5", r"\(\to 1\)"),
    "mish": (r"\([-0.309, \infty)\)", NO, NO, YES, r"\(x \to -\infty\)", "0.6", "1.088"),
    "softmax": (r"\((0, 1)\), \(\sum = 1\)", YES, NO, YES, r"\(\lvert x_i \rvert \to \infty\)", "—", "0.25"),
}


def rows_markdown() -> str:
    return "\n".join(
        f"| [`{name}`](functions/{name}.md) | " + " | ".join(cells) + " |" for name, cells in ROWS.items()
    )


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    if markdown.count(MARKER) != 1:
        raise PluginError(f"{page.file.src_uri}: '{MARKER}' must appear once")
    return markdown.replace(MARKER, rows_markdown())
