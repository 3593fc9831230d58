"""One search index per language, so that a reader searching in English finds English pages.

mkdocs-static-i18n writes a single ``search/search_index.json`` holding both
languages, and Material loads it from the site root on every page: an English
search would also list the Japanese pages whose code comments use the word.
This hook splits that index after i18n has written it (its ``on_post_build``
runs at priority -100, this one later) into the root index (Japanese) and
``<lang>/search/search_index.json`` for each other language, and points the
other languages' pages at their own root through Material's ``__config.base``
(used for the search index URL and for resolving result links).

It also gives each page's first entry (the page itself, not one of its sections)
a field that Material indexes but never shows, ``about``: the page's front-matter
``description`` and ``used_for``, the words it is summed up by, and, on function
pages, the misspellings of the function's name that a reader makes (one letter
left out or two swapped: "sigmod", "softmx", "ソフトマクス"). Material scores each
section on its own, so a page whose name is in no heading of a section that holds
the other words of a query (the softplus page for "smooth relu") would rank below
every page with one of the words in a heading; and a misspelling finds nothing at
all, since Material matches each word only as the start of an indexed word. The
field is declared in each index's ``config.fields`` (Material indexes every field
listed there, and its worker passes the index config through unchanged).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from language import current_language, default_language

CONFIG_BASE = re.compile(r'("base":\s*)"[^"]*"')

# Weight of the ``about`` field against Material's title (1000) and text (1): below the
# title, so that a page named by the query stays first, but high enough that a page
# whose summary holds every word of a query comes before pages with one word in a heading
# (measured with benchmarks/search_quality.py: 1 and 10 were too low, 300 and 1000 equal)
ABOUT_BOOST = 300.0
# A word of a title that may be a function's name: Latin letters or katakana
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+|[\u30a0-\u30ff]+")
TAGS = re.compile(r"<[^>]*>")

# What on_page_context saw of each page: (its url, e.g. "en/functions/relu/") -> facts
_pages: dict[str, dict] = {}


def _other_languages(config) -> list[str]:
    i18n = config.plugins["i18n"].config
    return [lang.locale for lang in i18n.languages if not lang.default]


def on_page_context(context, page, config, nav):
    meta = page.meta
    _pages[page.url] = {
        "summary": [str(meta[key]) for key in ("description", "used_for") if meta.get(key)],
        "module": _module(page),
        "title_words": NAME_WORD.findall(f"{page.title} {meta.get('short_title', '')}"),
    }
    return context


def _module(page) -> str | None:
    """The module a function page is about ("leaky_relu" for functions/leaky_relu/), else None."""
    parent, name = posixpath.split(page.url.rstrip("/"))
    return name if posixpath.basename(parent) == "functions" else None


def _misspellings(name: str) -> set[str]:
    """One letter left out, or two neighbours swapped: the typing errors a reader makes
    most (and that Material cannot forgive: it matches the start of a word, exactly)."""
    name = name.lower()
    dropped = {name[:i] + name[i + 1 :] for i in range(len(name))}
    swapped = {name[:i] + name[i + 1] + name[i] + name[i + 2 :] for i in range(len(name) - 1)}
    return (dropped | swapped) - {name}


def _add_about(docs: list[dict], prefix: str, separator: str) -> None:
    """Add the ``about`` field to each page's own entry (see the module docstring); ``prefix``
    is the language's folder ("en/", or "" at the root), which the page URLs begin with."""
    split = re.compile(separator)
    vocabulary = {
        word.lower() for doc in docs for word in split.split(TAGS.sub(" ", f"{doc['title']} {doc['text']}")) if word
    }
    pages = [(doc, _pages.get(prefix + doc["location"])) for doc in docs if "#" not in doc["location"]]
    # A title word of many function pages ("function", ユニット) is no function's name
    functions = [page for _, page in pages if page and page["module"]]
    in_titles = Counter(word.lower() for page in functions for word in set(page["title_words"]))
    for doc, page in pages:
        if page is None:
            continue
        names = set()
        if page["module"]:
            module = page["module"]
            names = {module.replace("_", ""), *module.split("_")}
            names |= {word.lower() for word in page["title_words"] if in_titles[word.lower()] < 3}
        # A misspelling that is a word of the site is no misspelling (and would lead elsewhere)
        typos = {typo for name in names if len(name) >= 5 for typo in _misspellings(name)} - vocabulary
        about = " ".join([*page["summary"], *sorted(names), *sorted(typos)])
        if about:
            doc["about"] = about


def without_lookbehind(separator: str) -> str:
    """The separator's alternatives without lookbehinds (Safari supports them from 16.4).
    Alternatives are cut at every "|": the separator has none inside a class or group."""
    plain = "|".join(part for part in separator.split("|") if "(?<" not in part)
    try:
        re.compile(plain)
    except re.error as error:
        message = f"i18n_search: the search separator without lookbehinds, {plain!r}, is broken: {error}"
        raise PluginError(message) from error
    return plain


def on_post_page(output, page, config):
    lang = current_language(config)
    if lang == default_language(config):
        return output
    # The page's path to its own language root, e.g. "../.." for en/functions/relu/
    depth = posixpath.dirname(page.file.dest_uri)
    base = posixpath.relpath(lang, depth) if depth != lang else "."
    return CONFIG_BASE.sub(lambda m: f'{m.group(1)}"{base}"', output, count=1)


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language build nested in i18n's own post_build: the index is not combined yet
    site_dir = Path(config.site_dir)
    others = _other_languages(config)
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.exists():
        raise PluginError(f"i18n_search: {index_path} not found; is the search plugin enabled?")
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_language = {lang: [] for lang in ["", *others]}
    for doc in index["docs"]:
        first = doc["location"].split("/", 1)[0]
        if first in others:
            by_language[first].append({**doc, "location": doc["location"][len(first) + 1 :]})
        else:
            by_language[""].append(doc)
    for lang, docs in by_language.items():
        config_for_lang = {**index["config"], "fields": {**index["config"]["fields"], "about": {"boost": ABOUT_BOOST}}}
        if lang:
            # Other languages need no split between Japanese scripts; those lookbehinds
            # would break search on Safari before 16.4, so their readers do without them
            plain = without_lookbehind(config_for_lang["separator"])
            config_for_lang = {**config_for_lang, "lang": [lang], "separator": plain}
        _add_about(docs, f"{lang}/" if lang else "", config_for_lang["separator"])
        target = site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps({**index, "config": config_for_lang, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
