"""Give every SVG image on a page its intrinsic width and height (issue 14).

A Markdown image, ``![alt](../figures/relu.svg)``, becomes an ``<img>`` without a size, so the
browser lays the page out with no room for it and moves the text below when it arrives: a
layout shift on every function page (Lighthouse's CLS). This hook adds ``width`` and
``height`` from the SVG itself: its ``width``/``height`` attributes in CSS pixels (matplotlib
writes points: 1pt = 4/3 px), or its viewBox. Material's CSS (``max-width: 100%; height:
auto``) still scales the figure down to the column; the attributes give the browser its
aspect ratio before the file is there. Images that already have a size are left alone.

The SVGs are the figures ``hooks/figures.py`` draws (or any SVG among the site's files),
read from the build's file list, so this runs after every hook that adds files.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.plugins import event_priority

IMG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'\ssrc="([^"]+\.svg)"')
SVG_TAG = re.compile(rb"<svg\b[^>]*>")
UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}
LENGTH = re.compile(r"\s*([0-9.]+)\s*([a-z]*)\s*$")

_svgs: dict[str, object] = {}  # site path (files' url) -> File, for the SVGs of this build
_sizes: dict[str, tuple[int, int] | None] = {}


def attribute(tag: bytes, name: str) -> str | None:
    match = re.search(rb"\s" + name.encode() + rb'="([^"]*)"', tag)
    return match.group(1).decode() if match else None


def pixels(value: str | None) -> float | None:
    match = LENGTH.match(value or "")
    if not match or match.group(2) not in UNITS:
        return None  # a percentage, or no size at all
    return float(match.group(1)) * UNITS[match.group(2)]


def svg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in CSS pixels, rounded, or None when the SVG states neither size nor viewBox."""
    tag = SVG_TAG.search(data)
    if tag is None:
        return None
    width, height = pixels(attribute(tag.group(), "width")), pixels(attribute(tag.group(), "height"))
    if width is None or height is None:
        box = (attribute(tag.group(), "viewBox") or "").replace(",", " ").split()
        if len(box) != 4:
            return None
        width, height = float(box[2]), float(box[3])
    if width <= 0 or height <= 0:
        return None
    return round(width), round(height)


# After the hooks that add files (figures.py at -200): runs once per language
@event_priority(-300)
def on_files(files, config):
    _svgs.clear()
    _sizes.clear()
    for file in files:
        if file.src_uri.endswith(".svg"):
            _svgs[file.url] = file
    return files


def on_post_page(output, page, config):
    def sized(match: re.Match) -> str:
        tag = match.group()
        src = SRC.search(tag)
        if src is None or " width=" in tag or " height=" in tag or "://" in src.group(1):
            return tag
        folder = page.url if page.url.endswith("/") else posixpath.dirname(page.url)  # "" for the home page
        path = posixpath.normpath(posixpath.join(folder, src.group(1)))
        if path not in _sizes:
            file = _svgs.get(path)
            _sizes[path] = svg_size(file.content_bytes) if file is not None else None
        if _sizes[path] is None:
            return tag
        width, height = _sizes[path]
        end = " />" if tag.endswith("/>") else ">"
        return f'{tag[: -len(end.strip())].rstrip()} width="{width}" height="{height}"{end}'

    return IMG.sub(sized, output)
