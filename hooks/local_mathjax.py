"""Serve MathJax 3 from the site itself: no CDN request when a reader opens a page.

The files come from the PyPI package ``django-static-mathjax`` (only MathJax's
static files, see requirements.txt). ``assets/mathjax/tex-chtml.js`` is
listed in ``extra_javascript``; it loads its fonts and the TeX extensions it
needs on demand from the folders beside it, so those are served too. The
bundle without MathML input is used on purpose: re-typesetting a page (Material
does it on every page load) would otherwise typeset the hidden MathML copy that
MathJax adds for screen readers a second time.
"""

from __future__ import annotations

from pathlib import Path

import mathjax
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
SERVED = [
    "tex-chtml.js",
    "output/chtml/fonts/woff-v2",  # the CHTML fonts
    "input/tex/extensions",  # TeX packages that autoload loads on first use
    "a11y",  # accessibility menu items
    "sre",  # speech rule engine used by the a11y items
]


def served_files() -> list[Path]:
    files = []
    for entry in SERVED:
        path = ES5 / entry
        if not path.exists():
            raise FileNotFoundError(f"MathJax file missing from django-static-mathjax: {path}")
        files.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return files


# After mkdocs-static-i18n (-100) rebuilds the file list; runs once per language
@event_priority(-200)
def on_files(files, config):
    for path in served_files():
        uri = "assets/mathjax/" + path.relative_to(ES5).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
