"""One search index per language, so that a reader searching in English finds English pages.

mkdocs-static-i18n writes a single ``search/search_index.json`` holding both
languages, and Material loads it from the site root on every page: an English
search would also list the Japanese pages whose code comments use the word.
This hook splits that index after i18n has written it (its ``on_post_build``
runs at priority -100, this one later) into the root index (Japanese) and
``<lang>/search/search_index.json`` for each other language, and points the
other languages' pages at their own root through Material's ``__config.base``
(used for the search index URL and for resolving result links).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from language import current_language, default_language

CONFIG_BASE = re.compile(r'("base":\s*)"[^"]*"')


def _other_languages(config) -> list[str]:
    i18n = config.plugins["i18n"].config
    return [lang.locale for lang in i18n.languages if not lang.default]


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
        config_for_lang = index["config"]
        if lang:
            # The separator's first alternative (whitespace and punctuation) is all other
            # languages need; its lookbehinds for Japanese compounds would break search
            # on Safari before 16.4, so other languages' readers do without them
            plain = config_for_lang["separator"].split("|", 1)[0]
            config_for_lang = {**config_for_lang, "lang": [lang], "separator": plain}
        target = site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps({**index, "config": config_for_lang, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
