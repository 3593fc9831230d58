"""Open every built page in headless Chromium and check what a reader would see.

The static checks (``mkdocs build --strict``) cannot tell whether the page works
in a browser: a 404 for a font, a script error, a formula MathJax could not
typeset, a request to a CDN, a language switch that lands on the home page.
These tests load each page of both languages from the locally served site
(fixtures ``site_url`` / ``built_site`` in ``conftest.py``) and check:

1. no console error and no uncaught exception;
2. no request leaves localhost (such requests are also aborted);
3. every response from the site is below 400;
4. every image in the article has loaded;
5. every formula arrives typeset by MathJax at build time (hooks/formulas.py), once and
   without error, with its MathML copy for screen readers, and no MathJax script is loaded;
6. ``<html lang>`` matches the page's language;
7. the header language switch points to the same page in each language and
   the counterpart page answers;
8. every Mermaid diagram is drawn (with Mermaid served by the site itself),
   labelled in the page's language;
9. no display formula is wider than the column on a 1280 px screen;
10. code blocks, which arrive as plain text (hooks/code_tokens.py), get their highlighting
    when the page is printed (it comes as they near the screen: test_code_highlighting_...);
11. on an elementwise function's page, the explorer is drawn when reached, with the
    registry's defaults in its controls and its legend laid out (check_explorer_controls);
12. axe-core finds no serious or critical accessibility violation in the light
    scheme; the reader then switches to the dark (slate) one, and the page is checked
    again for what a scheme changes: colours (contrast), formulas and diagrams. In both,
    axe must reach a verdict on the contrast of every text of the article (AXE_RUN).

All of this is one test per page, on one load of it (test_page), so that the
pages can be spread over several processes (pytest-xdist, see pyproject.toml).

Finally the client-side search is tried in each language: results must exist
and stay in the language of the page the reader searches from.

Chromium comes from the system (Debian's headless shell of it,
``/usr/bin/chromium-headless-shell``), never from ``playwright install``, which needs
the internet.
"""

from __future__ import annotations

import collections
import itertools
import re
import signal
import time
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from material_search import COUNT_SEARCH_MESSAGES, TOP_PAGES, language_of, open_search, result_pages, search
from registry import FUNCTIONS
from support import (
    CHROMIUM_ARGS,
    LANGUAGES,
    ROOT,
    TIMEOUT_MS,
    PrefixHandler,
    discover_pages,
    is_local,
    lang_prefix,
    require_chromium,
    serve,
)
from theme_startup import SWITCHING_CLASS

pytestmark = pytest.mark.browser  # needs Chromium: the fast tests are pytest -m "not browser"

WATCHDOG_S = 90  # a whole test, page load to teardown; beyond it the test fails instead of hanging CI
PAGES = discover_pages()  # (language, page path) of every page, read from docs/<lang>/ at collection time


# --- Browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session (starting it is the slow part)."""
    executable = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Recorder:
    """Everything a page did that a test may complain about."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)

    def on_console(self, message) -> None:
        if message.type == "error":
            location = message.location.get("url", "")
            self.console_errors.append(f"{message.text} ({location})" if location else message.text)

    def on_response(self, response) -> None:
        # Every response is from the local server (others are aborted), including
        # paths outside the site's project path, e.g. a link that forgot it
        if response.status >= 400:
            self.bad_responses.append(f"{response.status} {response.url}")

    def problems(self) -> list[str]:
        """Check items 1-3 of the module docstring, as readable lines."""
        return (
            [f"console error: {text}" for text in self.console_errors]
            + [f"uncaught exception: {text}" for text in self.page_errors]
            + [f"non-local request: {url}" for url in self.requests if not is_local(url)]
            + [f"bad response: {line}" for line in self.bad_responses]
        )


def new_context(chromium, **options):
    """A browser context set up as every test needs it."""
    context = chromium.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    # Abort anything bound for another host so a test run never reaches the internet;
    # the page's request event still records it, so the test fails on it.
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    # Material draws each Mermaid diagram into a closed shadow root; open it so the
    # tests (and axe) can see the drawing. Nothing else about the page changes.
    context.add_init_script(
        "const attach = Element.prototype.attachShadow;"
        "Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };"
    )
    return context


@pytest.fixture(scope="session")
def browser_context(chromium):
    """One browser context for the smaller tests; each test gets a fresh page in it. Pages load
    cold: Playwright turns the HTTP cache off while route() is active."""
    context = new_context(chromium, color_scheme="light")
    yield context
    context.close()


class Hung(Exception):
    """A browser test outlived WATCHDOG_S."""


@pytest.fixture(autouse=True)
def watchdog():
    """Fail a test that hangs (Playwright has been seen to block forever, rarely, under load).

    Playwright's own timeouts do not cover every wait, e.g. closing a tab. SIGALRM
    interrupts any of them in the main thread, so a hang fails one test, not the run.
    """

    def hung(signum, frame):
        raise Hung(f"browser test still running after {WATCHDOG_S} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(WATCHDOG_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def recording_tab(context):
    """A fresh page, recording its console output, requests and responses."""
    page = context.new_page()
    recorder = Recorder()
    page.on("console", recorder.on_console)
    page.on("pageerror", lambda error: recorder.page_errors.append(str(error)))
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on("response", recorder.on_response)
    yield page, recorder
    page.close()


@pytest.fixture
def tab(browser_context):
    yield from recording_tab(browser_context)


@pytest.fixture
def reader_tab(chromium):
    """A first visit on a 1280 px wide screen, in a context of its own: its storage (the colour
    scheme a reader picks) is this test's alone."""
    context = new_context(chromium, color_scheme="light", viewport=WIDE)
    try:
        yield from recording_tab(context)
    finally:
        context.close()


def open_page(page, url: str) -> str:
    """Load ``url``, require a 200 for the document itself and return its HTML as served."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, (
        f"{url}: document status {response.status if response else 'none'}"
    )
    return response.text()


# --- Per-page checks -----------------------------------------------------------
# Each returns a list of problems (empty when fine) so that one test run reports
# everything wrong with a page at once.


def check_html_lang(page, lang: str) -> list[str]:
    actual = page.evaluate("document.documentElement.lang")
    return [] if actual == lang else [f'<html lang="{actual}">, expected "{lang}"']


def check_images(page) -> list[str]:
    """Every article image has finished loading with real pixels (a broken one has naturalWidth 0)."""
    # Images may still be decoding after "load" in rare cases; wait for completion first
    page.wait_for_function(
        "() => [...document.querySelectorAll('article img')].every(img => img.complete)"
    )
    images = page.eval_on_selector_all(
        "article img",
        "imgs => imgs.map(img => ({src: img.currentSrc || img.src, complete: img.complete,"
        " width: img.naturalWidth}))",
    )
    return [
        f"image not loaded: {image['src']}"
        for image in images
        if not (image["complete"] and image["width"] > 0)
    ]


# Formulas are typeset when the site is built (hooks/formulas.py): the page must arrive with
# MathJax's output in place, its hidden MathML copy for screen readers beside it, and without
# any MathJax script or font (the glyphs are SVG paths). Web fonts are awaited first.
FORMULA_STATE = """async (ms) => {
    const stalled = await Promise.race([
        document.fonts.ready.then(() => null),
        new Promise(resolve => setTimeout(() => resolve(`web fonts still loading after ${ms} ms`), ms)),
    ]);
    const formulas = [...document.querySelectorAll('.arithmatex')];
    const text = el => el.textContent.trim().slice(0, 80);
    return {
        stalled,
        total: formulas.length,
        untypeset: formulas.filter(el => !el.querySelector(':scope > mjx-container[jax="SVG"] > svg'))
                           .map(text),
        // What screen readers read: a MathML copy with content, in each formula
        unreadable: formulas.filter(el => !el.querySelector(
                                'mjx-container > mjx-assistive-mml > math')?.textContent.trim())
                            .map(text),
        // Drawn: the output has a size and its glyphs (paths, or text for Japanese words)
        empty: formulas.filter(el => {
                           const svg = el.querySelector(':scope > mjx-container > svg');
                           const box = svg?.getBoundingClientRect();
                           return svg && !(box.width > 0 && box.height > 0 && svg.querySelector('path, text'));
                       }).map(text),
        errors: [...document.querySelectorAll('[data-mml-node="merror"], [data-mjx-error]')]
                    .map(el => el.getAttribute('data-mjx-error') || el.textContent.slice(0, 80)),
        // Typeset twice: MathJax's output inside the hidden MathML copy
        doubled: formulas.filter(el => el.querySelector('mjx-assistive-mml mjx-container'))
                         .map(el => el.querySelector('mjx-assistive-mml').textContent.trim().slice(0, 80)),
        raw: formulas.map(el => el.textContent)
                     .filter(text => text.includes('\\\\(') || text.includes('\\\\['))
                     .map(text => text.trim().slice(0, 80)),
        fonts: [...document.fonts].filter(font => font.status === 'error').map(font => font.family),
        styles: document.querySelectorAll('style#MJX-SVG-styles').length,
        mathjax: typeof window.MathJax !== 'undefined',
        requests: performance.getEntriesByType('resource').map(r => r.name).filter(name => /mathjax/i.test(name)),
    };
}"""


def check_mathjax(page) -> list[str]:
    """Every ``.arithmatex`` formula arrived typeset (MathJax's SVG, built by hooks/formulas.py)
    with its hidden MathML copy for screen readers; none is an error box or raw TeX; and nothing
    of MathJax (script or font) is requested, on any page. A page without formulas gets neither
    MathJax's style sheet nor wide-formulas.js."""
    state = page.evaluate(FORMULA_STATE, TIMEOUT_MS)
    problems = [state["stalled"]] if state["stalled"] else []
    problems += [f"MathJax file requested: {name}" for name in state["requests"]]
    if state["mathjax"]:
        problems.append("window.MathJax is defined: a MathJax script ran in the browser")
    problems += [f"font failed to load: {family}" for family in state["fonts"]]
    if not state["total"]:
        if state["styles"]:
            problems.append("MathJax's style sheet on a page without formulas")
        return problems
    if state["styles"] != 1:
        problems.append(f"{state['styles']} MathJax style sheets (style#MJX-SVG-styles), expected 1")
    problems += [f"formula not typeset: {text!r}" for text in state["untypeset"]]
    problems += [f"formula without its MathML copy for screen readers: {text!r}" for text in state["unreadable"]]
    problems += [f"formula drawn empty or with no size: {text!r}" for text in state["empty"]]
    problems += [f"MathJax error: {text!r}" for text in state["errors"]]
    problems += [f"raw TeX left in formula: {text!r}" for text in state["raw"]]
    if state["doubled"]:
        problems.append(
            f"{len(state['doubled'])} of {state['total']} formulas typeset twice (mjx-container inside"
            f" mjx-assistive-mml), first: {state['doubled'][0]!r}"
        )
    return problems


FONTS_READY = """ms => Promise.race([
    document.fonts.ready.then(() => null),
    new Promise(resolve => setTimeout(() => resolve(`web fonts still loading after ${ms} ms`), ms)),
])"""


def check_fonts_loaded(page) -> list[str]:
    stalled = page.evaluate(FONTS_READY, TIMEOUT_MS)
    return [stalled] if stalled else []


def language_links(page) -> dict[str, str]:
    """Absolute targets of the header language switch, by hreflang."""
    links = page.eval_on_selector_all(
        "a.md-select__link[hreflang]", "els => els.map(el => [el.hreflang, el.href])"
    )
    return dict(links)


def check_language_links(page, base: str, path: str) -> list[str]:
    links = language_links(page)
    problems = []
    for lang in LANGUAGES:
        expected = base + lang_prefix(lang) + path
        actual = links.get(lang)
        if actual != expected:
            problems.append(f"language switch [hreflang={lang}] -> {actual}, expected {expected}")
    return problems


def follow_language_link(page, lang: str) -> list[str]:
    """Follow the header's link to ``lang`` and check that the landing page answers 200.

    The click is dispatched on the link itself rather than performed with the
    mouse: a real click must first open the hover menu and wait ~0.4 s for its
    animation, and the anchor navigates the same either way. Only the landing
    page's status is checked: it is one of the parametrized pages, tested in full there.
    """
    link = page.locator(f"a.md-select__link[hreflang={lang}]")
    if link.count() != 1:
        return [f"{link.count()} language links for {lang}"]
    target = link.evaluate("el => el.href")
    # Wait for the landing page's DOM: closing the tab right after the commit
    # sometimes makes page.close() hang forever (seen with Chromium 156)
    with page.expect_navigation(wait_until="domcontentloaded") as navigation:
        link.dispatch_event("click")
    response = navigation.value
    status = response.status if response else None
    return [] if status == 200 else [f"language switch to {target}: status {status}"]


def check_language_targets(page) -> list[str]:
    """Each page the header's language switch leads to answers 200 (fetched, not opened: that
    page has its own test; following the link by a click is test_language_switch_navigates)."""
    problems = []
    for lang, target in language_links(page).items():
        status = page.request.get(target, max_redirects=0).status
        if status != 200:
            problems.append(f"language switch to {target} ({lang}): status {status}")
    return problems


DIAGRAMS_DRAWN = """n => [...document.querySelectorAll('div.mermaid')]
    .filter(div => div.shadowRoot && div.shadowRoot.querySelector('svg')).length >= n"""
DIAGRAMS = """() => [...document.querySelectorAll('div.mermaid')].map(div => {
    const svg = div.shadowRoot.querySelector('svg');
    return {
        nodes: svg.querySelectorAll('g.node').length,
        edges: svg.querySelectorAll('.edgePaths path').length,
        labels: [...svg.querySelectorAll('g.node')].map(node => node.textContent.trim()),
        width: svg.getBoundingClientRect().width,
        error: svg.textContent.includes('Syntax error'),
    };
})"""


def check_diagrams(page, served_html: str, lang: str) -> list[str]:
    """Every Mermaid fence became a drawn flowchart, labelled in the page's language."""
    expected = served_html.count('<pre class="mermaid"')
    if not expected:
        return []
    # Mermaid loads when a reader scrolls near a diagram (mermaid-loader.js): go there. In one
    # step in the page: a reopened page may already be at the diagram (the browser restores the
    # scroll position), and Mermaid then replaces the <pre> while a Playwright locator holds it.
    page.evaluate(
        "[...document.querySelectorAll('.md-content pre.mermaid, .md-content div.mermaid')].pop()"
        "?.scrollIntoView({block: 'center'})"
    )
    try:
        page.wait_for_function(DIAGRAMS_DRAWN, arg=expected)
    except PlaywrightTimeoutError:
        return [f"{expected} Mermaid diagrams expected; not all were drawn (is mermaid.tiny.js served?)"]
    problems = []
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for i, diagram in enumerate(page.evaluate(DIAGRAMS), start=1):
        if diagram["error"] or diagram["nodes"] < 2 or diagram["edges"] < 1 or diagram["width"] < 100:
            problems.append(f"diagram {i} not drawn properly: {diagram}")
        if lang == "ja" and not any(japanese.search(label) for label in diagram["labels"]):
            problems.append(f"diagram {i} has no Japanese labels: {diagram['labels']}")
    return problems


AXE = Axe()  # axe-core's script ships inside the PyPI package: nothing is downloaded


# What a scheme changes is colours: in the dark scheme the rules that read colours run again
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# Code blocks hold thousands of tokens whose colours come from their kind alone (Pygments' class,
# the theme's colour for it), and the colour rules cost per element: more than half of axe's time
# on a page. They check one token of each kind per kind of block, a token's kind being its tag and
# classes and those of its ancestors up to the article (so a token in a highlighted line, a note or
# a notebook cell is a kind of its own); every other rule checks every token.
CODE = ".highlight code, .highlight-ipynb pre"
MARK_SAMPLES = """(code) => {
    const seen = new Set();
    for (const block of document.querySelectorAll(code)) {
        for (const el of block.querySelectorAll('*')) {
            const text = [...el.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
            if (!text) continue;
            const chain = [];
            for (let e = el; e && e.tagName !== 'ARTICLE'; e = e.parentElement) chain.push(`${e.tagName}.${e.className}`);
            const kind = chain.join(' < ');
            if (!seen.has(kind)) {
                seen.add(kind);
                el.setAttribute('data-axe-sample', '');
            }
        }
    }
    return seen.size;
}"""
WHOLE_PAGE = {"exclude": []}  # an axe context without include: the document
# The document but code blocks, and in them the samples: axe takes a node in when the nearest
# include around it lies inside the nearest exclude (one run; each run walks the whole page first)
COLOUR_CONTEXT = {"include": [["html"], ["[data-axe-sample]"]], "exclude": [[selector.strip()] for selector in CODE.split(",")]}
# axe calls text of its background's colour (ratio 1:1) "incomplete", not a violation, as it may
# be hidden on purpose; on these pages it is unreadable text, so it counts as a violation. Inside
# ``decided`` (a selector) every contrast of HTML text must be decided: an undecided one is a text
# nobody checks (say, covered by the box of another element). Left undecided by design: SVG text,
# coloured by fill (formulas' glyphs, the explorer's tick labels); symbols only (nonBmp) or one
# character (shortTextContent); text beside a pseudo-element icon (pseudoContent: code in a
# details summary or a note's title).
AXE_RUN = """async ([context, options, decided]) => {
    const results = await axe.run(context, {...options, elementRef: true});
    const undecided = results.incomplete.filter(rule => rule.id === 'color-contrast').flatMap(rule => rule.nodes);
    const reason = (node) => node.any.map(check => check.data && check.data.messageKey).find(Boolean);
    const invisible = undecided.filter(node => reason(node) === 'equalRatio');
    const unchecked = decided ? undecided.filter(node => node.element.closest(decided) && !node.element.closest('svg')
        && !['nonBmp', 'shortTextContent', 'pseudoContent'].includes(reason(node))) : [];
    return results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, target: v.nodes[0].target}))
        .concat(invisible.length ? [{id: 'color-contrast', impact: 'serious', target: invisible[0].target,
            help: `Text must not have its background's colour (1:1): ${invisible.length} elements`}] : [])
        .concat(unchecked.length ? [{id: 'color-contrast', impact: 'serious', target: unchecked[0].target,
            help: `axe could not decide the contrast of ${unchecked.length} elements in ${decided} (${reason(unchecked[0])})`}] : []);
}"""


def run_axe(page, context, rules: dict, decided: str | None = None) -> list[dict]:
    """axe-core's violations in ``context`` with ``rules`` (runOnly or rules options); passes are
    never read. With ``decided`` (the colour runs: AXE_RUN) its incomplete results are read too.
    Its script is injected once per page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.axe_script)
    results = ["violations", "incomplete"] if decided else ["violations"]
    return page.evaluate(AXE_RUN, [context, {"resultTypes": results, **rules}, decided])


def check_accessibility(page, rules: list[str] | None = None, decided: str = "article") -> list[str]:
    """No serious or critical axe-core violation (WCAG 2 A/AA rules and best practices; only
    ``rules`` when given, else all), the colour rules on sampled code tokens (CODE above); every
    text's contrast inside ``decided`` (the article unless told) decided (AXE_RUN)."""
    page.evaluate(MARK_SAMPLES, CODE)
    colour = [rule for rule in rules or COLOUR_RULES if rule in COLOUR_RULES]
    others = [rule for rule in rules or [] if rule not in COLOUR_RULES]
    violations = []
    if rules is None:
        violations += run_axe(page, WHOLE_PAGE, {"rules": {rule: {"enabled": False} for rule in COLOUR_RULES}})
    elif others:
        violations += run_axe(page, WHOLE_PAGE, {"runOnly": {"type": "rule", "values": others}})
    if colour:
        violations += run_axe(page, COLOUR_CONTEXT, {"runOnly": {"type": "rule", "values": colour}}, decided)
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']}; first at {v['target']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


# Material's widest layout with both sidebars: the article column is then about 690 px wide
WIDE = {"width": 1280, "height": 800}

# Every display formula (MathJax's output, typeset at build time): how wide it is, and how wide
# the column its container sits in is (the content box: no padding); named by the text of its
# MathML copy, as a screen reader would read it
FORMULA_WIDTHS = """() => [...document.querySelectorAll('div.arithmatex > mjx-container[display="true"]')].map(box => {
    const column = box.parentElement, style = getComputedStyle(column);
    const math = box.querySelector(':scope > svg').getBoundingClientRect();
    const left = column.getBoundingClientRect().left + parseFloat(style.paddingLeft);
    const width = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return {
        tex: box.querySelector('mjx-assistive-mml').textContent.trim().replace(/\\s+/g, ' '),
        width: math.width, column: width,
        outside: Math.max(left - math.left, math.right - (left + width), 0),
        scrolls: box.scrollWidth > box.clientWidth || column.scrollWidth > column.clientWidth,
    };
})"""


def check_formulas_fit(page) -> list[str]:
    """No display formula is cut off at the column's edge (or needs a scroll bar) on a 1280 px wide
    screen: a long one is broken over lines (aligned, gathered), the same in both languages.
    Call after check_mathjax, which waits for MathJax's fonts: widths are right only then."""
    problems = []
    for formula in page.evaluate(FORMULA_WIDTHS):
        if formula["outside"] > 0.5 or formula["scrolls"]:
            problems.append(
                f"formula {formula['width']:.0f} px wide in a {formula['column']:.0f} px column"
                f" at {WIDE['width']} px: {formula['tex']}"
            )
    return problems


# Every display formula and formula in a table at the size MathJax gave it, in ex of the text
# around it: its SVG as wide as a probe of that width in the same place (one in running text may
# shrink to the column's width on a very narrow screen)
FORMULA_SIZES = """() => [...document.querySelectorAll(
    'div.arithmatex > mjx-container > svg, td mjx-container > svg, th mjx-container > svg'
)].map(svg => {
    const probe = document.createElement('span');
    probe.style.cssText = `display: inline-block; width: ${svg.getAttribute('width')}; height: 0`;
    svg.parentElement.append(probe);
    const size = probe.getBoundingClientRect().width;
    probe.remove();
    return {
        tex: svg.parentElement.querySelector('mjx-assistive-mml').textContent.trim().replace(/\\s+/g, ' '),
        width: svg.getBoundingClientRect().width, size,
    };
})"""


def check_formulas_full_size(page) -> list[str]:
    """Every display formula and formula in a table is drawn at its own size, neither shrunk nor
    collapsed (contrast.css). Material's rule for images and SVGs in articles (max-width: 100%)
    shrank formulas in table cells, which the table then counts as 0 px wide, and below 720 px,
    where Material boxes a display formula at its min-content width, made every display formula
    1 px wide."""
    return [
        f"formula drawn {formula['width']:.0f} px wide instead of {formula['size']:.0f} px: {formula['tex']}"
        for formula in page.evaluate(FORMULA_SIZES)
        if abs(formula["width"] - formula["size"]) > 1
    ]


def check_image_alt_language(page, lang: str) -> list[str]:
    """Figures carry alt text, in Japanese on Japanese pages."""
    alts = page.eval_on_selector_all("article img", "imgs => imgs.map(img => img.alt)")
    problems = [f"image without alt text ({i + 1})" for i, alt in enumerate(alts) if not alt.strip()]
    if lang == "ja":
        japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
        problems += [f"alt text not in Japanese: {alt!r}" for alt in alts if alt.strip() and not japanese.search(alt)]
    return problems


# hooks/code_tokens.py: each code block's (or notebook cell's) highlighted HTML waits in a
# <template> until the block nears the screen (code-tokens.js); printing puts them all in. Per
# block: its text, its height, whether its template is still there and how many tokens it holds.
CODE_BLOCKS = """() => [...document.querySelectorAll('div.highlight > pre > code, div.highlight-ipynb > pre')].map(code => ({
    text: code.textContent, height: code.getBoundingClientRect().height,
    waiting: !!(code.tagName === 'PRE' ? code : code.parentElement).querySelector(':scope > template.code-tokens'),
    tokens: code.querySelectorAll('span[class]').length,
}))"""


def show_code_tokens(page) -> list[str]:
    """Put every code block's highlighting in, as printing does, so that the checks after this
    (axe's colour rules above all) see the tokens a reader sees; their text must not change."""
    before = page.evaluate(CODE_BLOCKS)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    after = page.evaluate(CODE_BLOCKS)
    problems = [f"code block {i + 1} still without its highlighting after beforeprint" for i, b in enumerate(after) if b["waiting"]]
    problems += [f"code block {i + 1}: its text changed when highlighted" for i, (a, b) in enumerate(zip(before, after, strict=True)) if a["text"] != b["text"]]
    return problems


def fail_if(problems: list[str], url: str) -> None:
    assert not problems, f"{url}:\n  " + "\n  ".join(problems)


# --- Tests ---------------------------------------------------------------------


DARK_SWITCH = "form[data-palette] label:not([hidden])"  # the scheme toggle (assets/javascripts/palette.js)

# From the page's start: whether transitions were ever turned off, and the transitions that ran
RECORD_SWITCHING = f"const switchingClass = {SWITCHING_CLASS!r};" + """window.switching = false; window.transitions = [];
const isSwitching = (classes) => (classes || '').split(' ').includes(switchingClass);
new MutationObserver((records) => {  // palette.js sets and removes the class in one task: read old values
    window.switching ||= records.some((record) => record.target === document.documentElement && isSwitching(record.oldValue))
        || isSwitching(document.documentElement.className);
}).observe(document, {attributes: true, attributeFilter: ['class'], attributeOldValue: true, subtree: true});  // <html> is not there yet
document.addEventListener('transitionrun', (e) => transitions.push(`${e.target.nodeName}.${e.target.className} ${e.propertyName}`), true);"""

# The body's colour scheme when the page is first drawn: at the first frame that has a body
RECORD_FIRST_FRAME = """requestAnimationFrame(function frame() {
    if (!document.body) return requestAnimationFrame(frame);
    window.firstFrameScheme ??= document.body.getAttribute('data-md-color-scheme');
});"""

# The metas the toggle keeps: the scheme for the browser's own parts, the toolbar's colour
SCHEME_METAS = """() => ({
    scheme: [...document.querySelectorAll('meta[name=color-scheme]')].map((meta) => meta.content),
    theme: [...document.querySelectorAll('meta[name=theme-color]')].map((meta) => meta.content),
    header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
})"""


def hex_colour(rgb: str) -> str:
    return "#" + "".join(f"{int(value):02x}" for value in re.findall(r"\d+", rgb)[:3])


def switch_to_dark(page, served_html: str) -> list[str]:
    """Press the header's scheme toggle, as a reader does. Material keeps the choice; a page with
    diagrams is opened again, since Mermaid draws them in the colours of the scheme it starts in."""
    page.locator(DARK_SWITCH).click()
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    if served_html.count('<pre class="mermaid"'):
        page.reload(wait_until="load")
    return [] if scheme() == "slate" else [f"color scheme {scheme()!r} after the toggle, expected 'slate'"]


@pytest.mark.parametrize(("lang", "path"), PAGES, ids=[f"{lang}:/{path}" for lang, path in PAGES])
def test_page(reader_tab, site_url, lang, path):
    """Everything module docstring lists, on one load of the page at 1280 px, in the light scheme;
    then the reader switches to the dark (slate) one, and its colours are checked again."""
    page, recorder = reader_tab
    url = site_url + lang_prefix(lang) + path
    served_html = open_page(page, url)

    problems = check_html_lang(page, lang)
    problems += check_images(page)
    problems += check_diagrams(page, served_html, lang)
    problems += check_mathjax(page)  # waits for the fonts too: a missing one counts against this page
    problems += check_fonts_loaded(page)
    problems += check_formulas_fit(page)
    problems += check_formulas_full_size(page)
    problems += check_language_links(page, site_url, path)
    problems += check_language_targets(page)
    problems += check_image_alt_language(page, lang)
    problems += show_code_tokens(page)
    problems += check_explorer_controls(page, path)
    problems += check_accessibility(page)

    dark = switch_to_dark(page, served_html)
    dark += show_code_tokens(page)  # a page with diagrams was opened again
    dark += check_mathjax(page)  # typeset output is part of what axe checks
    dark += check_diagrams(page, served_html, lang)
    dark += check_accessibility(page, COLOUR_RULES)
    problems += [f"dark scheme: {problem}" for problem in dark]
    fail_if(problems + recorder.problems(), url)


class ArrivingInParts(PrefixHandler):
    """Sends each page in two parts, the rest ``pause`` seconds after ``CUT`` (the first match
    of it: here its ``<body>`` tag), as a slow network or a loaded machine does; the browser
    draws a frame in between. Files other than pages are sent whole."""

    CUT, pause = rb"<body[^>]*>", 0.4

    def copyfile(self, source, outputfile):
        data = source.read()
        page = data.lstrip()[:15].lower() == b"<!doctype html>"
        cut = re.search(self.CUT, data, re.DOTALL) if page else None
        if cut is None:
            return outputfile.write(data)
        outputfile.write(data[: cut.end()])
        outputfile.flush()
        time.sleep(self.pause)
        outputfile.write(data[cut.end() :])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reader_whose_system_is_dark_gets_the_dark_scheme(chromium, built_site, lang):
    """On a first visit the page follows the system's preference (prefers-color-scheme), from its
    first frame: no light flash, no transition, even when the page arrives in parts, drawn
    before its scripts have run (as on a loaded machine; hooks/theme_startup.py, 4)."""
    context = new_context(chromium, color_scheme="dark")
    try:
        with serve(built_site[0], ArrivingInParts) as site_url:
            for page, recorder in recording_tab(context):
                url = site_url + lang_prefix(lang) + "functions/sigmoid/"
                page.add_init_script(RECORD_SWITCHING)
                page.add_init_script(RECORD_FIRST_FRAME)
                open_page(page, url)
                page.wait_for_timeout(500)  # Material's transitions take 125-250 ms
                first = page.evaluate("window.firstFrameScheme")
                assert first == "slate", f"{url}: first drawn in the {first!r} scheme, expected 'slate' (a light flash)"
                transitions = page.evaluate("window.transitions")
                assert not transitions, f"{url}: the page turned dark with {len(transitions)} transitions, e.g. {transitions[:3]}"
                scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                assert scheme == "slate", f"{url}: color scheme {scheme!r}, expected 'slate'"
                metas = page.evaluate(SCHEME_METAS)
                assert metas["scheme"] == ["dark"], f"{url}: color-scheme meta {metas['scheme']}, expected ['dark']"
                fail_if(recorder.problems(), url)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switch_navigates(tab, site_url, lang):
    """Clicking the header's language link lands on the same page in the other language
    (every page's link target is checked by test_page)."""
    page, recorder = tab
    url = site_url + lang_prefix(lang) + "functions/relu/"
    open_page(page, url)
    other = next(other for other in LANGUAGES if other != lang)
    problems = follow_language_link(page, other)
    expected = site_url + lang_prefix(other) + "functions/relu/"
    if page.url != expected:
        problems.append(f"the language switch landed on {page.url}, expected {expected}")
    fail_if(problems + recorder.problems(), url)


# --- Search --------------------------------------------------------------------

# (language of the page searched from, query, page a reader expects near the top);
# ids in ASCII because pytest escapes non-ASCII test ids into unreadable \uXXXX
# sequences. Japanese writes compounds without spaces, and a reader types them
# so: シグモイド関数 must find the page that the index knows as シグモイド + 関数
# (see the search `separator` in mkdocs.yml). Kanji-only compounds (活性化関数)
# take another path in Material: runs of kanji are cut against the index's words.
SEARCHES = [
    pytest.param("ja", "シグモイド", "functions/sigmoid/", id="ja:sigmoid"),
    pytest.param("ja", "勾配", "vanishing-gradient/", id="ja:gradient"),
    pytest.param("ja", "シグモイド関数", "functions/sigmoid/", id="ja:sigmoid-function"),
    pytest.param("ja", "ソフトマックス関数", "functions/softmax/", id="ja:softmax-function"),
    pytest.param("ja", "ReLU関数", "functions/relu/", id="ja:relu-function"),
    # ReLU's Japanese name (GLOSSARY.md), in its page's title as ELU's and tanh's are in theirs
    pytest.param("ja", "正規化線形関数", "functions/relu/", id="ja:rectified-linear-function"),
    pytest.param("ja", "活性化関数", "", id="ja:activation-function"),
    pytest.param("ja", "勾配消失問題", "vanishing-gradient/", id="ja:vanishing-gradient-problem"),
    pytest.param("en", "sigmoid", "functions/sigmoid/", id="en:sigmoid"),
    pytest.param("en", "gradient", "vanishing-gradient/", id="en:gradient"),
    pytest.param("en", "vanishing gradient", "vanishing-gradient/", id="en:vanishing-gradient"),
    # Verb and adjective forms, words stemmed away before, misspellings (benchmarks/search_quality.py
    # has the full list): 飽和する is 飽和 + する, and the hidden `about` field of hooks/i18n_search.py
    # holds each page's summary and the misspellings of its function's name
    pytest.param("ja", "飽和する", "functions/tanh/", id="ja:saturates-verb"),
    pytest.param("ja", "勾配が消える", "vanishing-gradient/", id="ja:gradient-vanishes-verb"),
    pytest.param("ja", "滑らかなReLU", "functions/softplus/", id="ja:smooth-relu-adjective"),
    pytest.param("ja", "ソフトマクス", "functions/softmax/", id="ja:softmax-misspelt"),
    pytest.param("en", "heaviside", "functions/step/", id="en:heaviside-not-stemmed"),
    pytest.param("en", "sigmod", "functions/sigmoid/", id="en:sigmoid-misspelt"),
]


@pytest.fixture(scope="module")
def search_home(browser_context, site_url):
    """The home page of a language with its search open, one per language and test process:
    each test types its query into the box after the last one, as a reader searching again does
    (the index and its worker load once per page, ~2.5 s of each test before)."""
    opened = {}

    def home(lang: str):
        if lang not in opened:
            tab = recording_tab(browser_context)
            page, recorder = next(tab)
            page.add_init_script(COUNT_SEARCH_MESSAGES)
            open_page(page, site_url + lang_prefix(lang))
            open_search(page)
            opened[lang] = (tab, page, recorder)
        return opened[lang][1:]

    yield home
    for tab, _, _ in opened.values():
        next(tab, None)  # closes the page


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES)
def test_search(search_home, site_url, lang, query, expected):
    page, recorder = search_home(lang)
    url = site_url + lang_prefix(lang)
    before = collections.Counter(recorder.problems())
    results = search(page, query)
    assert results, f"{url}: search {query!r} found nothing"
    # A reader searching in one language expects that language's pages only
    wrong = [href for href in results if language_of(href, site_url) != lang]
    assert not wrong, (
        f"{url}: search {query!r} returned pages not in {lang!r}:\n  " + "\n  ".join(wrong)
    )
    top = result_pages(results, site_url, lang)[:TOP_PAGES]
    assert expected in top, f"{url}: search {query!r} lists first {top}, without {expected!r}"
    fail_if(list((collections.Counter(recorder.problems()) - before).elements()), f"{url} (search {query!r})")


# The home page's result for a query its list of steps answers: that list holds three formulas
FORMULA_RESULT = {"ja": "重み付き和", "en": "weighted sum"}
# Each result: its link's path and query, its text as shown, how many sub- and superscripts it holds
RESULT_TEXTS = """() => [...document.querySelectorAll('.md-search-result__link')].map((link) => ({
    href: link.href, text: link.innerText, scripts: link.querySelectorAll('sub, sup').length,
}))"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_show_formulas_as_the_page_does_not_as_tex(search_home, site_url, lang):
    """A result's text shows each formula as a line of text with its sub- and superscripts
    (hooks/formula_text.py), never the TeX the page's HTML holds."""
    page, _ = search_home(lang)
    search(page, FORMULA_RESULT[lang])
    results = page.evaluate(RESULT_TEXTS)
    shown = [result for result in results if result["href"].split("?")[0] == site_url + lang_prefix(lang)]
    assert shown, f"search {FORMULA_RESULT[lang]!r}: no result for the home page among {[r['href'] for r in results]}"
    text = shown[0]["text"]
    assert "a = b + w1x1 + ⋯ + wnxn" in text and "y = h(a)" in text, f"the home page's formulas are not shown as text: {text!r}"
    assert shown[0]["scripts"] >= 6, f"the formulas' subscripts are not shown as such ({shown[0]['scripts']}): {text!r}"
    tex = [result["text"] for result in results if re.search(r"\\[(\[]|\\begin\{|\\frac", result["text"])]
    assert not tex, f"search {FORMULA_RESULT[lang]!r}: TeX in {len(tex)} results, e.g. {tex[0]!r}"


# Each result's link and the words Material lists under it as missing from it ("" when none)
MISSING_TERMS = """() => [...document.querySelectorAll('.md-search-result__item')].map((item) => [
    item.querySelector('a').href, (item.querySelector('.md-search-result__terms') || {innerText: ''}).innerText,
])"""


@pytest.mark.parametrize(
    ("query", "page_path", "missing"),
    [("勾配消失問題", "vanishing-gradient/", ""), ("指数線形ユニット", "functions/elu/", ""), ("指数線形ユニット", "gated-units/", "指数")],
)
def test_a_kanji_query_lists_as_missing_only_the_words_a_result_lacks(search_home, site_url, query, page_path, missing):
    """Material cuts a query's kanji into the index's words; each result lists the words it lacks
    (hooks/i18n_search.py, patch_worker: it listed every word but the last, on every result)."""
    page, _ = search_home("ja")
    search(page, query)
    listed = {href.split("?")[0]: terms for href, terms in page.evaluate(MISSING_TERMS)}
    url = site_url + page_path
    assert url in listed, f"search {query!r}: no result for {page_path} among {list(listed)}"
    assert missing in listed[url] and ("*" not in listed[url]), f"search {query!r}, {page_path}: {listed[url]!r}"
    assert bool(listed[url]) == bool(missing), f"search {query!r}, {page_path} lists as missing: {listed[url]!r}"


# When the page's search index was requested, against its load event and first paint (Resource
# and Paint Timing, ms since the navigation started)
INDEX_TIMING = """() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
        index: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/search/search_index.json')).map((e) => e.startTime),
        load: navigation.loadEventStart, paint: paint ? paint.startTime : null,
    };
}"""


@pytest.mark.parametrize(("lang", "path"), [("ja", ""), ("en", "functions/sigmoid/")])
def test_the_search_index_is_requested_once_the_page_has_loaded(tab, site_url, lang, path):
    """Not while the page is drawn, where its download (about 100 kB) competes with the page's
    own on a phone (hooks/search_index.py); and search still works."""
    page, recorder = tab
    url = site_url + lang_prefix(lang) + path
    page.add_init_script(COUNT_SEARCH_MESSAGES)
    open_page(page, url)
    page.wait_for_function(f"() => ({INDEX_TIMING})().index.length > 0")
    timing = page.evaluate(INDEX_TIMING)
    assert len(timing["index"]) == 1, f"{url}: search index requested {len(timing['index'])} times"
    assert timing["index"][0] >= timing["load"], (
        f"{url}: search index requested at {timing['index'][0]:.0f} ms, before the load event at {timing['load']:.0f} ms"
    )
    assert timing["paint"] is not None and timing["paint"] < timing["index"][0], f"{url}: {timing}"
    open_search(page)
    assert search(page, "sigmoid"), f"{url}: search found nothing"
    fail_if(recorder.problems(), url)


def test_a_reader_who_searches_before_the_page_has_loaded_gets_results(tab, site_url):
    """The held index request goes out as soon as the reader reaches for the page."""
    page, recorder = tab
    url = site_url + "en/functions/sigmoid/"
    held = []
    page.route("**/figures/*.svg", lambda route: held.append(route))  # the figure never arrives, so no load event
    page.add_init_script(COUNT_SEARCH_MESSAGES)
    page.goto(url, wait_until="domcontentloaded")
    try:
        page.wait_for_timeout(300)  # time enough for an unheld request to go out
        index = [u for u in recorder.requests if u.endswith("/search/search_index.json")]
        assert not index, f"{url}: search index requested before the page loaded or the reader did anything"
        open_search(page)  # "/": Material's shortcut
        results = search(page, "sigmoid")
        assert page.evaluate("document.readyState") != "complete", "the page loaded: the test proves nothing"
        assert results, f"{url}: search before the page loaded found nothing"
    finally:
        for route in held:
            route.continue_()
    fail_if(recorder.problems(), url)


def test_mermaid_loads_only_when_a_reader_nears_a_diagram(tab, site_url):
    """2.5 MB that a reader who stops at the comparison table never downloads."""
    page, recorder = tab
    url = site_url + "comparison/"
    open_page(page, url)
    page.wait_for_timeout(500)  # time enough for an eager script to have been requested
    fetched = lambda: [u for u in recorder.requests if u.endswith("/mermaid.tiny.js")]  # noqa: E731
    assert not fetched(), "mermaid.tiny.js loaded before any diagram was near the viewport"
    problems = check_diagrams(page, page.content(), "ja")  # scrolls to the diagrams
    assert len(fetched()) == 1, f"mermaid.tiny.js requested {len(fetched())} times"
    fail_if(problems + recorder.problems(), url)


# hooks/theme_startup.py did at build what Material's script did to every page when it started.
# From DOMContentLoaded (Material's script starts then, after this listener): every table taken
# out of the page, and so moved, is counted.
COUNT_TABLE_MOVES = """document.addEventListener('DOMContentLoaded', () => {
    window.tableMoves = 0;
    new MutationObserver((records) => records.forEach((record) => record.removedNodes.forEach((node) => {
        // a table with rows: Material's empty stand-in table is not counted
        if (node.nodeName === 'TABLE' ? node.rows.length : node.querySelector && node.querySelector('table tr')) window.tableMoves++;
    }))).observe(document.body, {childList: true, subtree: true});
});"""

# Per article table: how it sits, and whether its computed style (the table's, its first row's
# and first cells') is the same as that of the classless table Material's stylesheet was written for
TABLES_AS_MATERIAL_LEAVES_THEM = """() => [...document.querySelectorAll('article table')].map((table) => {
    const parts = () => [table, table.rows[0], table.querySelector('th'), table.querySelector('td')];
    const styles = () => parts().map((el) => { if (!el) return ''; const s = getComputedStyle(el); return [...s].map((p) => p + ':' + s.getPropertyValue(p)).join(';'); });
    const wrapped = table.parentElement.matches('div.md-typeset__table')
        && table.parentElement.parentElement.matches('div.md-typeset__scrollwrap')
        && !table.parentElement.parentElement.parentElement.closest('.md-typeset__scrollwrap');
    const className = table.getAttribute('class'), as_built = styles();
    table.removeAttribute('class');
    const classless = styles();
    table.setAttribute('class', className);
    const differs = as_built.findIndex((style, i) => style !== classless[i]);
    return {text: table.rows[0].textContent.trim().slice(0, 40), className, wrapped, differs};
})"""


@pytest.mark.parametrize(("lang", "path"), [("ja", "comparison/"), ("en", "")])
def test_tables_come_wrapped_so_materials_script_moves_none(tab, site_url, lang, path):
    """Material's script used to move every table into a scrolling wrapper when the page started,
    styling and laying out the table and its formulas a second time; the build writes that
    wrapper now. The script must then move no table, and each must look as before."""
    page, recorder = tab
    url = site_url + lang_prefix(lang) + path
    page.add_init_script(COUNT_TABLE_MOVES)
    open_page(page, url)
    tables = page.evaluate(TABLES_AS_MATERIAL_LEAVES_THEM)
    problems = [] if tables else ["no table on the page; expected the page's tables"]
    moves = page.evaluate("window.tableMoves")
    problems += [f"Material's script moved {moves} tables when the page started"] if moves else []
    for table in tables:
        if table["className"] != "md-prewrapped" or not table["wrapped"]:
            problems.append(f"table {table['text']!r}: class {table['className']!r}, in Material's wrapper (once): {table['wrapped']}")
        if table["differs"] >= 0:
            part = ["the table", "its first row", "its first header cell", "its first cell"][table["differs"]]
            problems.append(f"table {table['text']!r}: {part} styled otherwise than in a table without class")
    fail_if(problems + recorder.problems(), url)


# Every style rule of the page whose selector names Material's attribute for a switch in progress
SWITCHING_RULES = """() => { const found = [];
    const walk = (rules) => { for (const rule of rules) {
        if (rule.selectorText && rule.selectorText.includes('data-md-color-switching')) found.push(rule.selectorText);
        if (rule.cssRules) walk(rule.cssRules);
    } };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return found; }"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_scheme_switches_without_transitions_and_the_start_restyles_nothing(reader_tab, site_url, lang):
    """Material turns transitions off while the scheme switches, so the page changes colour at
    once. Its rule hung on an attribute its script also sets and removes on every page's start,
    restyling every element twice; now only a reader's switch sets what the rule needs. Its
    palette also added and set a color-scheme meta on every start (two more whole restyles);
    the toggle (palette.js) writes it only for the dark scheme, and the toolbar colour as before."""
    page, recorder = reader_tab
    url = site_url + lang_prefix(lang) + "functions/sigmoid/"
    page.add_init_script(RECORD_SWITCHING)
    open_page(page, url)
    problems = [f"a rule still hangs on the start-up attribute: {rule}" for rule in page.evaluate(SWITCHING_RULES)]
    if page.evaluate("window.switching"):
        problems.append("transitions were turned off (a restyle of every element) as the light page started")
    metas = page.evaluate(SCHEME_METAS)
    if metas["scheme"]:
        problems.append(f"a light page started with a color-scheme meta: {metas['scheme']}")
    if metas["theme"] != [hex_colour(metas["header"])]:
        problems.append(f"theme-color {metas['theme']} in the light scheme, header {hex_colour(metas['header'])}")
    page.evaluate("window.transitions = []")
    # The toggle is pressed without moving the mouse there: the hover effect on the toggle a
    # pointer then rests on is a transition of its own
    page.evaluate(f"document.querySelector({DARK_SWITCH!r}).click()")
    page.wait_for_timeout(500)  # Material's transitions take 125-250 ms
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    problems += [] if scheme == "slate" else [f"color scheme {scheme!r} after the toggle, expected 'slate'"]
    transitions = page.evaluate("window.transitions")
    problems += [f"{len(transitions)} transitions ran during the switch, e.g. {transitions[:3]}"] if transitions else []
    if page.evaluate(f"document.documentElement.classList.contains({SWITCHING_CLASS!r})"):
        problems.append("transitions are still off after the switch")
    metas = page.evaluate(SCHEME_METAS)
    if metas["scheme"] != ["dark"] or metas["theme"] != [hex_colour(metas["header"])]:
        problems.append(f"dark scheme: color-scheme {metas['scheme']}, theme-color {metas['theme']}, header {hex_colour(metas['header'])}")
    # The choice is kept: the next page starts dark, with its toggle back to light showing
    page.goto(site_url + lang_prefix(lang) + "functions/relu/", wait_until="load")
    kept = page.evaluate("[document.body.getAttribute('data-md-color-scheme'), document.querySelector(" + repr(DARK_SWITCH) + ").htmlFor]")
    if kept != ["slate", "__palette_0"]:
        problems.append(f"the next page: scheme and toggle {kept}, expected ['slate', '__palette_0']")
    # From the keyboard: Enter on the focused toggle switches back, as in Material
    page.focus("#__palette_1")
    page.keyboard.press("Enter")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    problems += [] if scheme == "default" else [f"the next page: scheme {scheme!r} after Enter on the toggle, expected 'default'"]
    fail_if(problems + recorder.problems(), url)


@pytest.mark.parametrize(("lang", "path"), [("ja", "vanishing-gradient/"), ("en", "functions/relu/"), ("ja", "notebooks/try-activations/")])
def test_code_highlighting_arrives_near_the_screen_without_moving_text(tab, site_url, lang, path):
    """Code blocks far down the page wait as plain text (hooks/code_tokens.py: the page starts
    fast on a phone); scrolled to (the collapsed ones opened, as a reader opens them), each gets
    its highlighting, with the same text and height."""
    page, recorder = tab
    url = site_url + lang_prefix(lang) + path
    open_page(page, url)
    # Opened and measured in one go: the observer's callbacks come at the next frame at the earliest
    before = page.evaluate(f"() => {{ document.querySelectorAll('details').forEach(d => d.open = true); return ({CODE_BLOCKS})(); }}")
    assert before and any(block["waiting"] for block in before), f"{url}: every code block was highlighted at load"
    assert not any(block["tokens"] for block in before if block["waiting"]), f"{url}: tokens both in code and template"
    for block in page.locator("div.highlight > pre > code, div.highlight-ipynb > pre").all():
        block.scroll_into_view_if_needed()
        page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))")
    after = page.evaluate(CODE_BLOCKS)
    problems = []
    for i, (old, new) in enumerate(zip(before, after, strict=True), start=1):
        if new["waiting"] or not new["tokens"]:
            problems.append(f"code block {i}: no highlighting after it was scrolled to")
        if new["text"] != old["text"]:
            problems.append(f"code block {i}: text changed when highlighted")
        if abs(new["height"] - old["height"]) > 0.5:
            problems.append(f"code block {i}: height {old['height']:.1f} -> {new['height']:.1f} px when highlighted")
    fail_if(problems + recorder.problems(), url)


# hooks/notebook_css.py keeps the part of mkdocs-jupyter's stylesheet that can apply to a notebook
# page. Read by Chromium's own CSS parser, the whole stylesheet and the cut one are walked side by
# side: the cut one must hold the same rules in the same order with the same declarations, and
# only selectors may be missing from it. Each missing selector, freed of pseudo-elements and of
# the states an element can enter (:hover, :focus, :checked, ...), must match nothing in the
# page: then no element, in any state, is styled differently.
NOTEBOOK_CUT = r"""whole => {
    const split = list => {
        const parts = [];
        let depth = 0, start = 0;
        for (let i = 0; i < list.length; i++) {
            if ('(['.includes(list[i])) depth++;
            else if (')]'.includes(list[i])) depth--;
            else if (list[i] === ',' && depth === 0) { parts.push(list.slice(start, i).trim()); start = i + 1; }
        }
        return [...parts, list.slice(start).trim()];
    };
    const STATES = /::?[\w-]+(\([^()]*\))?/g;  // pseudo-classes and pseudo-elements, outside parentheses
    const KEEP = /^:(not|is|where|has|nth-[\w-]+|first-child|last-child|only-child|first-of-type|last-of-type|only-of-type|root|empty|scope|lang|dir)\b/;
    const stateless = selector => {
        let out = '', depth = 0;
        for (let i = 0; i < selector.length; i++) {
            const c = selector[i];
            if (c === ':' && depth === 0) {
                STATES.lastIndex = i;
                const m = STATES.exec(selector);
                if (m && m.index === i && !KEEP.test(m[0])) { i += m[0].length - 1; continue; }
            }
            if ('(['.includes(c)) depth++;
            if (')]'.includes(c)) depth--;
            out += c;
        }
        out = out.trim();
        return !out || /[>+~]$/.test(out) ? `${out} *` : out;
    };
    const problems = [], dropped = [];
    const walk = (whole, cut, where) => {
        let j = 0;
        for (const rule of whole) {
            const next = cut[j];
            if (rule instanceof CSSStyleRule) {
                const all = split(rule.selectorText);
                if (next instanceof CSSStyleRule && next.style.cssText === rule.style.cssText && split(next.selectorText).every(s => all.includes(s))) {
                    const kept = split(next.selectorText);
                    dropped.push(...all.filter(s => !kept.includes(s)));
                    j++;
                } else dropped.push(...all);
            } else if (rule.cssRules) {  // @media, @supports, @layer, @container
                if (next && next.constructor === rule.constructor && next.cssText.split('{')[0] === rule.cssText.split('{')[0]) {
                    walk(rule.cssRules, next.cssRules, where + rule.cssText.split('{')[0]);
                    j++;
                } else walk(rule.cssRules, [], where);
            } else if (next && next.cssText === rule.cssText) j++;
            else problems.push(`${where}: rule left out: ${rule.cssText.slice(0, 80)}`);
        }
        if (j < cut.length) problems.push(`${where}: a rule in the cut stylesheet is not in the whole one's order: ${cut[j].cssText.slice(0, 80)}`);
    };
    const sheets = [...document.querySelectorAll('style')].map(style => style.sheet);
    whole.forEach((text, i) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        walk(sheet.cssRules, sheets[i].cssRules, `<style> ${i + 1}`);
    });
    for (const selector of dropped) {
        const test = stateless(selector);
        let found;
        try { found = document.querySelector(test); } catch (error) { problems.push(`cannot check ${selector}: ${test}`); continue; }
        if (found) problems.push(`${selector} was cut, but ${found.tagName.toLowerCase()}.${[...found.classList].join('.')} matches it`);
    }
    return {problems: problems.slice(0, 20), dropped: dropped.length};
}"""


NOTEBOOKS = [(lang, path) for lang, path in PAGES if path.startswith("notebooks/")]


@pytest.mark.parametrize(("lang", "path"), NOTEBOOKS, ids=[f"{lang}:/{path}" for lang, path in NOTEBOOKS])
def test_notebook_stylesheet_is_cut_only_of_rules_nothing_on_the_page_can_match(tab, site_url, lang, path):
    """hooks/notebook_css.py: against mkdocs-jupyter's whole stylesheet, rendered again here from
    the notebook, the page's cut one leaves out selectors only, none of which matches anything on
    the page (its code highlighting put in) in any state."""
    from mkdocs_jupyter.nbconvert2 import nb2html

    from notebook_css import STYLE

    page, recorder = tab
    url = site_url + lang_prefix(lang) + path
    served_html = open_page(page, url)
    source = ROOT / "docs" / lang / (path.rstrip("/") + ".ipynb")
    whole = [m.group(2) for m in STYLE.finditer(nb2html(str(source)))]
    cut = [m.group(2) for m in STYLE.finditer(served_html)]
    assert len(whole) == len(cut) == page.locator("style").count(), f"{url}: not mkdocs-jupyter's <style> elements only"
    assert sum(map(len, cut)) < sum(map(len, whole)) / 4, f"{url}: the stylesheet was not cut"
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    result = page.evaluate(NOTEBOOK_CUT, whole)
    assert result["dropped"] > 1000, f"{url}: only {result['dropped']} selectors cut"
    fail_if(result["problems"] + recorder.problems(), url)


# --- Missing pages ---------------------------------------------------------------

# (language the reader expects, a missing path, the 404 page's heading in that language)
MISSING = [
    pytest.param("ja", "no-such-page/", "ページが見つかりません", id="ja:/no-such-page/"),
    pytest.param("ja", "functions/no-such-function/", "ページが見つかりません", id="ja:/functions/no-such-function/"),
    pytest.param("en", "en/no-such-page/", "Page not found", id="en:/en/no-such-page/"),
    pytest.param("en", "en/functions/no-such-function/", "Page not found", id="en:/en/functions/no-such-function/"),
]


@pytest.mark.parametrize(("lang", "path", "heading"), MISSING)
def test_missing_page_shows_a_404_in_its_language(tab, site_url, lang, path, heading):
    """The local server answers a missing path as GitHub Pages does: /404.html, status 404."""
    page, recorder = tab
    url = site_url + path
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 404, f"{url}: status {response.status if response else None}"
    if lang != LANGUAGES[0]:  # the root 404 page sends the reader on to the language's own
        page.wait_for_url(site_url + lang_prefix(lang) + "404.html", wait_until="load")
    problems = check_html_lang(page, lang)
    actual = page.locator("article h1").inner_text()
    if actual != heading:
        problems.append(f"heading {actual!r}, expected {heading!r}")
    home = page.locator("article a").first.evaluate("el => el.href")
    if home != site_url + lang_prefix(lang):
        problems.append(f"first link goes to {home}, expected the {lang} home page")
    problems += check_accessibility(page)
    # The document's own 404 (and Chromium's console line about it) is the point of the test
    recorder.bad_responses = [line for line in recorder.bad_responses if line != f"404 {url}"]
    recorder.console_errors = [text for text in recorder.console_errors if "404" not in text]
    fail_if(problems + recorder.problems(), url)


# --- Nothing moves after first paint -----------------------------------------------------------

# A phone as Lighthouse's mobile run emulates it (Moto G Power: 412 x 823 at 1.75 device pixels
# per CSS pixel, the CPU slowed down 4x): figures are scaled to the column, and the page is laid
# out before its web fonts arrive, as on a real phone (unthrottled, the fonts won the race and a
# 0.031 shift on the home page went unseen)
PHONE = {"width": 412, "height": 823}
PHONE_SCALE, PHONE_CPU_SLOWDOWN = 1.75, 4
# Chromium's layout shifts since the page started loading, once the page is complete (fonts and
# figures in): their sum is the page's cumulative layout shift (CLS) during load
LAYOUT_SHIFTS = """async (ms) => {
    await Promise.race([
        Promise.all([document.fonts.ready, ...[...document.images].map(img => img.decode().catch(() => null))]),
        new Promise(resolve => setTimeout(resolve, ms)),
    ]);
    await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 200)));
    // Layout shifts are not in the performance timeline: a buffered observer hands them over
    const shifts = await new Promise(resolve => {
        const observer = new PerformanceObserver(list => { observer.disconnect(); resolve(list.getEntries()); });
        observer.observe({type: 'layout-shift', buffered: true});
        setTimeout(() => { observer.disconnect(); resolve([]); }, 500);  // none at all
    });
    return shifts.filter(shift => !shift.hadRecentInput).map(shift => ({
        value: shift.value,
        moved: shift.sources.map(source => source.node ? source.node.nodeName + '.' + source.node.className : '?'),
    }));
}"""
CLS_LIMIT = 0.02  # Lighthouse's target for the page (issue 14); 0.1 is where it starts to count as poor
CLS_PAGES = [
    (lang, path)
    for lang in LANGUAGES
    for path in ("", "functions/sigmoid/", "functions/relu/", "functions/softmax/", "comparison/", "vanishing-gradient/")
]


@pytest.fixture(scope="session")
def phone_context(chromium):
    context = new_context(chromium, viewport=PHONE, device_scale_factor=PHONE_SCALE, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.mark.parametrize(("lang", "path"), CLS_PAGES, ids=[f"{lang}:/{path}" for lang, path in CLS_PAGES])
def test_nothing_moves_while_the_page_loads(phone_context, site_url, lang, path):
    """Formulas arrive typeset as SVG, which needs no font, and figures with their width and
    height (hooks/formulas.py, hooks/image_sizes.py), so the text does not move when figures
    arrive (check_mathjax, in test_page, checks that no MathJax font is requested)."""
    page = phone_context.new_page()
    try:
        phone_context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
        url = site_url + lang_prefix(lang) + path
        open_page(page, url)
        shifts = page.evaluate(LAYOUT_SHIFTS, TIMEOUT_MS)
        total = sum(shift["value"] for shift in shifts)
        assert total <= CLS_LIMIT, f"{url}: layout shifts add up to {total:.3f} (limit {CLS_LIMIT}): {shifts}"
    finally:
        page.close()


@pytest.mark.parametrize(("lang", "path"), CLS_PAGES, ids=[f"{lang}:/{path}" for lang, path in CLS_PAGES])
def test_formulas_keep_their_size_on_a_phone(phone_context, site_url, lang, path):
    """On a phone a formula is as large as on a wide screen (a long display formula scrolls
    sideways in its box, wide-formulas.js; a wide table as a whole); test_page checks the same at
    1280 px."""
    for page, recorder in recording_tab(phone_context):
        url = site_url + lang_prefix(lang) + path
        open_page(page, url)
        fail_if(check_formulas_full_size(page) + recorder.problems(), url)


class TableInParts(ArrivingInParts):
    """Each page cut after the first row of its first table body, the rest 1.5 s later: a browser
    that draws in between draws the table's first rows alone (with 0.6 s Chromium drew in
    between in about half the runs, and the test then missed the table moving)."""

    CUT, pause = rb"<tbody>.*?</tr>", 1.5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_table_on_the_first_screen_is_drawn_whole(phone_context, built_site, lang):
    """The comparison page's first table, on a phone's first screen, is not drawn until all its
    rows are in: drawn with its first row alone, its columns widened when the rest arrived and
    its rows moved (hooks/theme_startup.py, 5)."""
    with serve(built_site[0], TableInParts) as site_url:
        for page, recorder in recording_tab(phone_context):
            url = site_url + lang_prefix(lang) + "comparison/"
            open_page(page, url)
            shifts = page.evaluate(LAYOUT_SHIFTS, TIMEOUT_MS)
            assert not shifts, f"{url}: moved after first paint, the table arriving in two parts: {shifts}"
            fail_if(recorder.problems(), url)


# A reader sent to a section below the explorer: the explorer, above the viewport, is built as the
# page starts (it loads within a screen of it). Its empty box keeps about an explorer's height
# (contrast.css), so the section stays where the link put it: exactly where the browser anchors
# the scroll position (Chromium, Firefox), within the reservation's error where it does not
# (Safari: overflow-anchor: none here). Without the reservation the section moved 410-530 px.
SENT_BELOW = [("ja", "functions/relu/"), ("en", "functions/softmax/")]
SECTION_BELOW = """() => {
    const box = document.querySelector('div.explorer').getBoundingClientRect();
    const heading = [...document.querySelectorAll('article h2[id]')].find(h => h.getBoundingClientRect().top > box.bottom);
    return heading.id;
}"""
NO_ANCHORING = """document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = 'html, body { overflow-anchor: none }';
    document.head.append(style);
});"""
EXPLORER_BUILT = "document.querySelector('div.explorer:not(:empty) svg, div.explorer:not(:empty) .explorer__bars')"
MOVED_AT_MOST_PX = {"anchored": 1, "not anchored": 60}


@pytest.mark.parametrize("scrolling", list(MOVED_AT_MOST_PX))
@pytest.mark.parametrize(("lang", "path"), SENT_BELOW, ids=[f"{lang}:/{path}" for lang, path in SENT_BELOW])
def test_a_section_below_the_explorer_stays_where_a_link_put_it(phone_context, site_url, lang, path, scrolling):
    url = site_url + lang_prefix(lang) + path
    page = phone_context.new_page()
    try:
        open_page(page, url)
        section = page.evaluate(SECTION_BELOW)
    finally:
        page.close()
    page = phone_context.new_page()
    try:
        if scrolling == "not anchored":
            page.add_init_script(NO_ANCHORING)
        # On a phone's network the explorer's scripts come after the page has scrolled to the section
        page.route("**/explorer/functions.js", lambda route: (time.sleep(0.5), route.continue_()))
        page.goto(f"{url}#{section}", wait_until="load")
        page.wait_for_function(EXPLORER_BUILT)
        page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))")
        # A link puts its section's heading at the top, below the header (its scroll-margin-top)
        moved = page.locator(f"[id='{section}']").evaluate(
            "h => h.getBoundingClientRect().top - parseFloat(getComputedStyle(h).scrollMarginTop)"
        )
        limit = MOVED_AT_MOST_PX[scrolling]
        assert abs(moved) <= limit, f"{url}#{section}: the section moved {moved:+.0f} px as the explorer was built above it (limit {limit})"
    finally:
        page.close()


# --- The copy button copies what test_copied_code.py runs --------------------------------------

# A function page, pages whose code starts in a collapsed note, and a notebook (its own button)
COPY_PAGES = [
    (lang, path)
    for lang in LANGUAGES
    for path in ("functions/relu/", "comparison/", "vanishing-gradient/", "notebooks/try-activations/")
]
COPY_BUTTONS = (
    ".language-python.highlight button.md-code__button[data-md-type=copy], clipboard-copy"  # Material, mkdocs-jupyter
)


@pytest.fixture(scope="session")
def clipboard_context(chromium):
    context = new_context(chromium, permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.mark.parametrize(("lang", "path"), COPY_PAGES, ids=[f"{lang}:/{path}" for lang, path in COPY_PAGES])
def test_copy_buttons_copy_what_test_copied_code_runs(clipboard_context, site_url, lang, path):
    """test_copied_code.py reads what the copy buttons copy from the HTML; here the buttons
    themselves are pressed, one after the other, and each copy must be that text exactly."""
    from test_copied_code import copied_blocks  # only here: it imports the page-running helpers

    page = clipboard_context.new_page()
    try:
        url = site_url + lang_prefix(lang) + path
        expected = copied_blocks(open_page(page, url))
        page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true; })")
        buttons = page.locator(COPY_BUTTONS)
        assert buttons.count() == len(expected), f"{url}: {buttons.count()} copy buttons, {len(expected)} blocks"
        for number in range(buttons.count()):
            page.evaluate("navigator.clipboard.writeText('')")
            buttons.nth(number).click()
            # mkdocs-jupyter's button writes the clipboard asynchronously
            page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == expected[number], f"{url}: copy button {number + 1} copies other text than the HTML's"
    finally:
        page.close()


# --- The live explorer (hooks/explorer.py, docs/assets/javascripts/explorer/) -----------------
# It loads only when a reader nears it, so the page-wide checks above may not see it: here it is
# reached, set through the URL, changed, and checked with axe in both schemes at 390 px.

ELEMENTWISE = [name for name, f in FUNCTIONS.items() if not f.vector]


@pytest.fixture(scope="module")
def phone(chromium):
    contexts = {s: new_context(chromium, color_scheme=s, viewport={"width": 390, "height": 844})
                for s in ("light", "dark")}
    yield contexts
    for context in contexts.values():
        context.close()


def reach(page):
    """Scroll to the explorer and wait until it is drawn."""
    page.locator("div.explorer").scroll_into_view_if_needed()
    page.wait_for_selector("div.explorer .explorer__readout, div.explorer .explorer__bars")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_view_set_in_the_url_shows_in_controls_and_readout(tab, site_url, lang):
    page, recorder = tab
    open_page(page, f"{site_url}{lang_prefix(lang)}functions/leaky_relu/?alpha=0.2&xmin=-3&xmax=3&x=-1.5")
    reach(page)
    box = page.locator("div.explorer")
    assert box.locator("input[type=number][name=alpha]").input_value() == "0.2"
    assert box.locator("input[name=xmin]").input_value() == "-3"
    assert box.locator("input[name=xmax]").input_value() == "3"
    readout = box.locator(".explorer__readout").text_content()
    assert readout == "x = -1.5, leaky_relu(x) = -0.3, leaky_relu'(x) = 0.2", readout
    # A change goes back into the URL, so a link shows the same view
    box.locator("input[type=number][name=alpha]").fill("0.5")
    page.wait_for_function("location.search.includes('alpha=0.5')")
    assert box.locator(".explorer__readout").text_content().endswith("leaky_relu'(x) = 0.5")
    # The arrow keys move the point
    box.locator("svg").focus()
    page.keyboard.press("ArrowRight")
    assert box.locator("svg").get_attribute("aria-valuenow") == str(-1.5 + 0.06)
    assert not recorder.problems(), recorder.problems()


def check_explorer_controls(page, path: str) -> list[str]:
    """On the page of an elementwise function (test_page, before axe, which then checks the drawn
    explorer too): the explorer is drawn once reached, each control holds the registry's default
    or choices, and the legend's entries stand apart, one row at a time (Material's list styles
    must not win)."""
    name = path.removeprefix("functions/").removesuffix("/")
    if not path.startswith("functions/") or name not in ELEMENTWISE:
        return []
    reach(page)
    box = page.locator("div.explorer")
    problems = []
    for pname, param in FUNCTIONS[name].params.items():
        if param.valid is not None:
            value = box.locator(f"input[type=number][name={pname}]").input_value()
            if float(value) != float(param.default):
                problems.append(f"explorer: {pname} starts at {value}, the registry's default is {param.default}")
        elif param.choices is not None:
            options = box.locator(f"select[name={pname}] option").count()
            if options != len(param.choices):
                problems.append(f"explorer: {pname} offers {options} choices, the registry {len(param.choices)}")
    if not box.locator("svg path").first.get_attribute("d"):
        problems.append("explorer: the curve is not drawn")
    entries = box.locator(".explorer__legend > li").evaluate_all("lis => lis.map(li => li.getBoundingClientRect().toJSON())")
    for before, after in itertools.pairwise(entries):
        if abs(after["top"] - before["top"]) < before["height"] / 2:  # on one row
            if abs(after["top"] - before["top"]) >= 1 or after["left"] - before["right"] < 8:
                problems.append(f"explorer: legend entries out of line or under 8 px apart: {before} then {after}")
    return problems


def test_softmax_logits_and_temperature(tab, site_url):
    page, recorder = tab
    open_page(page, f"{site_url}functions/softmax/?logits=1,1,0&T=0.5")
    reach(page)
    values = page.locator("div.explorer .explorer__bars .explorer__readout").all_text_contents()
    assert values == ["0.4683", "0.4683", "0.0634"], values  # softmax([2, 2, 0])
    page.locator("div.explorer input[name=T]").fill("1e9")
    values = page.locator("div.explorer .explorer__bars .explorer__readout").all_text_contents()
    assert values == ["0.3333"] * 3, values
    assert not recorder.problems(), recorder.problems()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["functions/gelu/", "functions/hardtanh/", "functions/softmax/"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_explorer_is_accessible_and_fits_a_phone(phone, site_url, scheme, path, lang):
    for page, recorder in recording_tab(phone[scheme]):
        open_page(page, f"{site_url}{lang_prefix(lang)}{path}")
        reach(page)
        # As in test_page, what the dark scheme changes is colours: its run checks the colour rules
        problems = check_accessibility(page, None if scheme == "light" else COLOUR_RULES, decided="div.explorer")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        wide = page.evaluate("document.querySelector('div.explorer').getBoundingClientRect().width")
        assert overflow <= 0 and wide <= 390, (overflow, wide)
        assert not problems + recorder.problems(), problems + recorder.problems()
