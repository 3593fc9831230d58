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

Material's search worker cuts a query's run of kanji into the index's words and writes them
as "勾配* 消失* 問題"; it then adds a "*" to each word, so every word but the last ends in "**",
and the word it compares with what a result matched keeps one "*": each result listed those words
as missing (検索に含まれない: 勾配*), the page about 勾配消失問題 included, and ranked a result by
fewer of the query's words than it matched. Their lunr query is the same without the extra "*",
so this hook takes it out of the built worker (``patch_worker``); the build fails if a Material
release no longer has that code.

Formulas are written as a line of text (σ(x) = 1/(1 + e<sup>−x</sup>)), not as the TeX the
page's HTML holds (hooks/formula_text.py), so that a result reads as the page does.

In Japanese text, each run of three or more kanji is cut into words with Janome
(a pure-Python morphological analyser from PyPI) at build time, with a zero-width
space between the words, as Material itself does for Chinese with jieba; the
separator splits there. In the browser, lunr.ja's TinySegmenter would cut the run
instead, sometimes into pieces no reader types (二値分類器 gave 二値分), and Material
cuts the kanji of a query against the index's words: 二値分類 then became 二値分,
which only that one page holds. Runs of kanji only, because the separator already
splits where scripts meet (飽和する is 飽和 + する in query and index alike).
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections import Counter
from pathlib import Path

from janome.tokenizer import Tokenizer
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from formula_text import MATHML, index_text
from language import current_language, default_language

CONFIG_BASE = re.compile(r'("base":\s*)"[^"]*"')

# Weight of the ``about`` field against Material's title (1000) and text (1): below the
# title, so that the page a query names stays first (at 1000 the ReLU6 page, whose summary
# says ReLU twice, came before ReLU's for ReLU関数), but high enough that a page whose summary
# holds every word of a query comes before pages with one of them in a heading (at 300
# "smooth relu" listed ReLU6, Leaky ReLU and ReLU before softplus). Measured with
# benchmarks/search_quality.py; a change of pages may move these edges.
ABOUT_BOOST = 500.0
# The ``forms`` field (other forms of the English words of each heading) is there to be
# found at all ("saturating" for a heading that says "saturates"), weighed as the text
FORMS_BOOST = 1.0
# A word of a title that may be a function's name: Latin letters or katakana
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+|[\u30a0-\u30ff]+")
# An English word of a heading (not a name such as ReLU6 or PyTorch, not softplus or loss)
HEADING_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b(?<!us)(?<!ss)(?<!is)")
TAGS = re.compile(r"<[^>]*>")
TAGS_KEPT = re.compile(r"(<[^>]*>)")

KANJI_RUN = re.compile(r"[\u3005\u3400-\u9fff]{3,}")
ZERO_WIDTH_SPACE = "\u200b"  # in the search separator (mkdocs.yml)
JAPANESE = "ja"

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


# English endings a reader may type differently from a heading: (ending, stem's ending)
ENDINGS = [("ies", "y"), ("es", ""), ("es", "e"), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
           ("ation", "ate"), ("ation", "e"), ("ation", "")]
NOUN_ENDINGS = ("ion", "ity", "ive", "ent", "ant", "ence", "ance", "ment", "ness", "ics", "ory", "ure", "ism", "ist")
SHORT_CVC = re.compile(r"^[^aeiou]*[aeiou][bdgmnprt]$")  # clip -> clipping, clipped


def _word_forms(word: str) -> set[str]:
    """Other forms of an English word of a heading ("saturates": saturate, saturating,
    saturated, saturation; "clipped": clip, clipping), rough but cheap: Material matches a
    query word only as the start of an indexed word, so "saturating" misses "saturates"."""
    word = word.lower()
    stems = {word[: -len(end)] + stem for end, stem in ENDINGS if word.endswith(end) and len(word) - len(end) >= 3}
    stems |= {stem[:-1] for stem in stems if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz"}
    forms = set()
    for stem in stems or {word}:
        base = stem.removesuffix("e")
        forms |= {stem, stem + "s"}
        if not stem.endswith(NOUN_ENDINGS):  # a function has functions, never functioning
            forms |= {base + "ing", base + "ed"}
        if stem.endswith("ate"):
            forms.add(base + "ion")
        if SHORT_CVC.match(stem):
            forms |= {stem + stem[-1] + "ing", stem + stem[-1] + "ed"}
    return forms


def _expansions(acronym: str, text: str) -> set[str]:
    """How the page spells out its function's acronym, if it does: the words whose initials
    are the acronym's capitals and whose last is "unit" (ReLU: "rectified linear unit")."""
    capitals = [c.lower() for c in acronym if c.isupper()]
    if len(capitals) < 3 or capitals[-1] != "u":
        return set()
    pattern = r"\b" + r"[\s-]+".join(f"{c}[a-z]+" for c in capitals[:-1]) + r"[\s-]+units?\b"
    return {match.lower() for match in re.findall(pattern, text, flags=re.IGNORECASE)}


def _add_about(docs: list[dict], prefix: str, separator: str, japanese: bool) -> None:
    """Add the ``about`` and ``forms`` fields (see the module docstring); ``prefix`` is the
    language's folder ("en/", or "" at the root), which the page URLs begin with."""
    split = re.compile(separator)
    texts = {doc["location"]: TAGS.sub(" ", f"{doc['title']} {doc['text']}") for doc in docs}
    vocabulary = {word.lower() for text in texts.values() for word in split.split(text) if word}
    pages = [(doc, _pages.get(prefix + doc["location"])) for doc in docs if "#" not in doc["location"]]
    # A title word of many function pages ("function", ユニット) is no function's name
    functions = [page for _, page in pages if page and page["module"]]
    in_titles = Counter(word.lower() for page in functions for word in set(page["title_words"]))
    modules = {page["module"] for page in functions}
    about = {doc["location"]: [] for doc in docs}
    for doc in docs if not japanese else []:  # Latin words in Japanese headings are names
        # Other forms of the heading's English words, but none that a word of it begins with
        words = [word.lower() for word in HEADING_WORD.findall(doc["title"])]
        forms = {form for word in words for form in _word_forms(word)}
        forms = sorted(form for form in forms if not any(word.startswith(form) for word in words))
        if forms:
            doc["forms"] = " ".join(forms)
    for doc, page in pages:
        if page is None or not page["module"]:
            continue
        names = {page["module"].replace("_", ""), *page["module"].split("_")}
        names |= {word.lower() for word in page["title_words"] if in_titles[word.lower()] < 3}
        names -= modules - {page["module"]}  # "sigmoid" names the sigmoid, not the log-sigmoid
        page_text = " ".join(text for location, text in texts.items() if location.split("#")[0] == doc["location"])
        expansions = {e for word in page["title_words"] for e in _expansions(word, page_text)}
        # A misspelling that is a word of the site is no misspelling (and would lead elsewhere)
        typos = {typo for name in names if len(name) >= 5 for typo in _misspellings(name)} - vocabulary
        about[doc["location"]] = [*sorted(expansions), *sorted(names), *sorted(typos)]
    for doc, page in pages:
        if page is not None:
            about[doc["location"]] = [*page["summary"], *about[doc["location"]]]
    for doc in docs:
        if about[doc["location"]]:
            doc["about"] = " ".join(about[doc["location"]])


@functools.cache
def _tokenizer() -> Tokenizer:
    return Tokenizer()  # loads its dictionary: 0.5 s, once per process (mkdocs serve keeps it)


@functools.cache
def _cut(kanji: str) -> str:
    """A run of kanji with a zero-width space between its words: 勾配消失問題 -> 勾配 消失 問題."""
    return ZERO_WIDTH_SPACE.join(_tokenizer().tokenize(kanji, wakati=True))


def _segment(html: str) -> str:
    """``html`` with its runs of kanji cut into words, tags untouched."""
    return "".join(
        part if part.startswith("<") else KANJI_RUN.sub(lambda run: _cut(run.group(0)), part)
        for part in TAGS_KEPT.split(html)
    )


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


# In Material's search worker (9.8.2): the query's runs of kanji, cut into the index's words
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
KANJI_QUERY = '[...fe(s,this.index.invertedIndex)].join("* ")'
KANJI_QUERY_FIXED = '[...fe(s,this.index.invertedIndex)].join(" ")'


def patch_worker(site_dir: Path) -> None:
    """Join the words of a query's kanji run with a space, not "* " (module docstring)."""
    workers = sorted(site_dir.glob(WORKER_GLOB))
    if not workers:
        raise PluginError(f"i18n_search: Material's search worker ({WORKER_GLOB}) not found")
    for worker in workers:
        code = worker.read_text(encoding="utf-8")
        if code.count(KANJI_QUERY) == 1:
            worker.write_text(code.replace(KANJI_QUERY, KANJI_QUERY_FIXED), encoding="utf-8")
        elif code.count(KANJI_QUERY_FIXED) != 1:  # neither: Material changed its worker
            raise PluginError(
                f"i18n_search: {worker.name} has no {KANJI_QUERY!r}: see whether Material still adds"
                " a second '*' to the words of a kanji query, and update or drop patch_worker"
            )


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
    patch_worker(site_dir)
    by_language = {lang: [] for lang in ["", *others]}
    for doc in index["docs"]:
        first = doc["location"].split("/", 1)[0]
        if first in others:
            by_language[first].append({**doc, "location": doc["location"][len(first) + 1 :]})
        else:
            by_language[""].append(doc)
    for lang, docs in by_language.items():
        fields = {**index["config"]["fields"], "about": {"boost": ABOUT_BOOST}, "forms": {"boost": FORMS_BOOST}}
        config_for_lang = {**index["config"], "fields": fields}
        if lang:
            # Other languages need no split between Japanese scripts; those lookbehinds
            # would break search on Safari before 16.4, so their readers do without them
            plain = without_lookbehind(config_for_lang["separator"])
            config_for_lang = {**config_for_lang, "lang": [lang], "separator": plain}
        for doc in docs:  # formulas as a line of text, not TeX (hooks/formula_text.py)
            where = f"{lang}/{doc['location']}"
            doc["title"], doc["text"] = (index_text(doc[key], MATHML, where) for key in ("title", "text"))
        japanese = (lang or default_language(config)) == JAPANESE
        if japanese:
            separator = config_for_lang["separator"]
            if ZERO_WIDTH_SPACE not in separator and "\\u200b" not in separator:
                raise PluginError("i18n_search: the search separator must split at U+200B (zero-width space)")
            for doc in docs:
                doc["title"], doc["text"] = _segment(doc["title"]), _segment(doc["text"])
        _add_about(docs, f"{lang}/" if lang else "", config_for_lang["separator"], japanese)
        target = site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps({**index, "config": config_for_lang, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
