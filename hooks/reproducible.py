"""Keep the build date out of the site: the same commit gives the same bytes on any day.

MkDocs writes the build date into ``sitemap.xml`` as every page's ``<lastmod>``
and into the gzip header of ``sitemap.xml.gz``. A build date is not when a page
changed, so it tells search engines nothing true; it only makes every build
differ. The hook drops ``<lastmod>`` (it is optional) and writes the ``.gz``
again with a zero timestamp.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from mkdocs.plugins import event_priority

LASTMOD = re.compile(r"\s*<lastmod>[^<]*</lastmod>")


def on_post_template(output, template_name, config):
    return LASTMOD.sub("", output) if template_name == "sitemap.xml" else output


# Last, after mkdocs-static-i18n (-100) has built the other languages into the same folder
@event_priority(-200)
def on_post_build(config):
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if sitemap.exists():
        data = gzip.compress(sitemap.read_bytes(), compresslevel=9, mtime=0)
        sitemap.with_suffix(".xml.gz").write_bytes(data)
