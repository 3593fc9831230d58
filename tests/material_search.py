"""Material's search box, typed into as a reader types: for tests/test_browser.py and
benchmarks/search_quality.py, which must read the results of the query they typed.

Material sends each new value of the box to its search worker and shows whatever the worker
answers, in order. Its "no results" text is therefore no sign that the typed query was answered:
the answer to the empty query sent when the box got focus can arrive after the reader typed, and
shows "no results" for it. So the page counts the queries sent and the answers received (an init
script, before Material's script makes its worker), and a search waits until the last query sent
is the one typed and every query has its answer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from support import LANGUAGES, lang_prefix

# Page init script (page or context add_init_script, before the page loads). 2 and 3 are QUERY
# and RESULT of Material's SearchMessageType (integrations/search/worker/message); the listener is
# added at the first query, before the worker can answer it.
COUNT_SEARCH_MESSAGES = """window.searchMessages = {sent: [], answered: 0};
const postToWorker = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 2) {
        if (!this.answersCounted) {
            this.answersCounted = true;
            this.addEventListener('message', (event) => { if (event.data && event.data.type === 3) searchMessages.answered++; });
        }
        searchMessages.sent.push(message.data);
    }
    return postToWorker.call(this, message, ...rest);
};"""
ANSWERED = "(query) => searchMessages.sent.at(-1) === query && searchMessages.answered === searchMessages.sent.length"

# The expected page must be among the first pages listed: a search for a compound also lists
# every page with one of its words (関数 is on all of them)
TOP_PAGES = 3
RESULT_LINKS = ".md-search-result__item a.md-search-result__link"


def open_search(page) -> None:
    """Open the search with its shortcut key, which also focuses the box on every screen width."""
    page.keyboard.press("/")
    page.locator("input.md-search__input").wait_for(state="visible")


def search(page, query: str) -> list[str]:
    """Type ``query`` into the open search box and return the result links (absolute) once the
    worker has answered it."""
    if not page.evaluate("'searchMessages' in window"):
        raise RuntimeError("the page was loaded without COUNT_SEARCH_MESSAGES as an init script")
    box = page.locator("input.md-search__input")
    box.fill(query)
    # Material reads the box on keyup; fill() sends no key events (nor does an IME committing
    # Japanese text), so release a harmless key as a reader's last keystroke does
    box.press("End")
    try:
        page.wait_for_function(ANSWERED, arg=query)
    except PlaywrightTimeoutError:
        sent = page.evaluate("searchMessages")
        raise AssertionError(f"search {query!r} never answered (worker or index broken?); messages: {sent}") from None
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(link => link.href)")


def language_of(url: str, site_url: str) -> str | None:
    """Language of a page URL of this site: its prefix, or the default language at the root."""
    if not url.startswith(site_url):
        return None
    path = url[len(site_url) :]
    prefixed = [lang for lang in LANGUAGES if lang_prefix(lang) and path.startswith(lang_prefix(lang))]
    return prefixed[0] if prefixed else LANGUAGES[0]


def result_pages(results: list[str], site_url: str, lang: str) -> list[str]:
    """Pages of the result links in order, once each, relative to the language root
    (``functions/relu/``): no ``?h=`` highlight, no ``#section``."""
    root = urlsplit(site_url + lang_prefix(lang)).path
    return list(dict.fromkeys(urlsplit(href).path.removeprefix(root) for href in results))
