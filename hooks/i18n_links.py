"""Drop the page-level ``<link rel="alternate" hreflang>`` tags from each page's head.

mkdocs-static-i18n points them at the same page in the other language, while
Material's JavaScript expects language roots there and fetches
``<link href>/sitemap.xml`` for each, a 404 on every page (mkdocs-material
issue 6582). The language switch in the header keeps its per-page links, and
``sitemap.xml`` keeps the hreflang alternates for search engines.
"""

from __future__ import annotations

import re

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _drop_head_alternates(output: str) -> str:
    head, sep, body = output.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + sep + body


def on_post_page(output, page, config):
    return _drop_head_alternates(output)


def on_post_template(output, template_name, config):
    # The 404 page has them too (pointing at the language roots; no en/sitemap.xml exists)
    return _drop_head_alternates(output) if template_name == "404.html" else output
