"""Serve MathJax 3 from the site itself: no CDN request when a reader opens a page.

The files come from the PyPI package ``django-static-mathjax`` (only MathJax's
static files, see requirements.txt). ``assets/mathjax/startup.js`` is listed in
``extra_javascript``; ``mathjax-config.js`` tells it to load, from the folders
beside it, the components below: TeX input (with ams, autoload and the TeX
packages autoload fetches on first use), CHTML output (with its fonts) and the
hidden MathML copy for screen readers (``a11y/assistive-mml``).

Components rather than the combined ``tex-chtml.js`` (1161 kB): the same TeX
input and output for 761 kB, to keep a page's first view within its budget
(issue 5, ``benchmarks/page_weight.py``). The trade-off: the combined file's
right-click menu (``ui/menu``, 426 kB) is gone, so readers can no longer copy a
formula as TeX/MathML, zoom it, or switch renderer or speech options from it;
screen readers still read the MathML copy. Pages without a formula (the
notebooks) get neither script. No MathML input either, on purpose:
re-typesetting a page (Material does it on every page load) would otherwise
typeset the hidden MathML copy a second time.
"""

from __future__ import annotations

import re
from pathlib import Path

import mathjax
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
SERVED = [
    "startup.js",  # the loader; it fetches the rest on demand
    "core.js",
    "input/tex.js",
    "input/tex/extensions",  # TeX packages that autoload loads on first use
    "output/chtml.js",
    "output/chtml/fonts/tex.js",
    "output/chtml/fonts/woff-v2",  # the CHTML fonts
    "a11y/assistive-mml.js",
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


# The two scripts that extra_javascript lists for MathJax: its configuration and its loader
MATHJAX_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*assets/(?:javascripts/mathjax-config\.js|mathjax/startup\.js)"></script>'
)
FORMULA = 'class="arithmatex"'  # what pymdownx.arithmatex wraps every formula in


def on_post_page(output, page, config):
    # A page without formulas (the notebooks) does not need MathJax's 760 kB
    if FORMULA in output:
        return output
    return MATHJAX_SCRIPTS.sub("", output)
