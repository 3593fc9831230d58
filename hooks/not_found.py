"""A 404 page in each language, and the right one for every missing path.

GitHub Pages answers every missing path with the site's root ``/404.html``.
mkdocs-static-i18n renders Material's 404 template once per language, all to
that same file, so the last language built won, whatever the path; its text
was Material's English "404 - Not found" in both, and its language switch
pointed at whichever page was rendered last.

This hook, for the template ``404.html`` in each language's build:

- replaces the heading with a short message in the page's language, linking to
  that language's home page, titles the page accordingly and marks it
  ``noindex``;
- points the language switch at each language's home page;
- keeps the default language's page at ``/404.html`` and writes every other
  language's to ``/<lang>/404.html``;
- adds a first script to ``/404.html`` that sends a reader whose missing path
  is under ``/<lang>/`` to that language's 404 page.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from language import current_language, default_language

MATERIAL_HEADING = "<h1>404 - Not found</h1>"

TEXT = {
    "ja": {
        "title": "ページが見つかりません",
        "body": "<p>このアドレスのページはありません。URL が間違っているか、ページが移動した可能性があります。</p>"
        '<p><a href="{home}">トップページ</a>から探すか、上の検索をお使いください。</p>',
    },
    "en": {
        "title": "Page not found",
        "body": "<p>There is no page at this address. The link may be mistyped, or the page may have moved.</p>"
        '<p>Start from the <a href="{home}">home page</a>, or use the search above.</p>',
    },
}

_default_page: dict[str, str] = {}  # the default language's finished 404, once built


def _homes(config) -> dict[str, str]:
    """Each language's home page as an absolute path, e.g. {'ja': '/handbook/', 'en': '/handbook/en/'}."""
    base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    i18n = config.plugins["i18n"]
    return {lang.locale: base if lang.default else f"{base}{lang.locale}/" for lang in i18n.config.languages}


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        # i18n leaves the switch of the last page rendered; offer each language's home page
        i18n = config.plugins["i18n"]
        alternates = copy.deepcopy(i18n.extra_alternate)
        for alternate in alternates:
            alternate["link"] = _homes(config)[alternate["lang"]]
        extra = context["config"].extra
        # i18n sets it as an attribute on each page (and Jinja reads attributes first)
        extra["alternate"] = extra.alternate = alternates
    return context


def _localise(output: str, lang: str, config) -> str:
    if lang not in TEXT:
        raise PluginError(f"404 page: no text for language {lang!r} in hooks/not_found.py")
    if MATERIAL_HEADING not in output:
        raise PluginError(f"404 page: Material's heading {MATERIAL_HEADING!r} not found; update hooks/not_found.py")
    text = TEXT[lang]
    heading = f'<h1>{text["title"]}</h1>{text["body"].format(home=_homes(config)[lang])}'
    output = output.replace(MATERIAL_HEADING, heading)
    output = output.replace("<title>", f'<title>{text["title"]} - ', 1)
    return output.replace("<head>", '<head>\n<meta name="robots" content="noindex">', 1)


def _redirect(config) -> str:
    """The script that sends missing paths under /<lang>/ to that language's 404 page."""
    targets = {home: f"{home}404.html" for lang, home in _homes(config).items() if lang != default_language(config)}
    return (
        "<script>\n"
        "  // GitHub Pages answers every missing path with this page: show each language its own\n"
        f"  for (const [prefix, target] of Object.entries({json.dumps(targets)})) {{\n"
        "    if (location.pathname.startsWith(prefix) && location.pathname !== target) location.replace(target);\n"
        "  }\n"
        "</script>"
    )


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    lang = current_language(config)
    page = _localise(output, lang, config)
    if lang == default_language(config):
        _default_page["html"] = page.replace("<head>", f"<head>\n{_redirect(config)}", 1)
        return _default_page["html"]
    if "html" not in _default_page:
        raise PluginError("404 page: the default language must be built first")
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return _default_page["html"]  # i18n writes every language's 404 to /404.html: keep the default's there
