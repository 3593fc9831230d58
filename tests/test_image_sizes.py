"""Figures carry their intrinsic width and height (issue 14, hooks/image_sizes.py), so the
browser keeps their room before they arrive and nothing below them moves
(test_browser.py's test_nothing_moves_while_the_page_loads checks it in Chromium)."""

from __future__ import annotations

import re

import pytest

import image_sizes  # the build hook


@pytest.mark.parametrize(
    ("svg", "size"),
    [
        (b'<svg width="402.802812pt" height="248.782828pt" viewBox="0 0 402.8 248.8">', (537, 332)),
        (b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150px">', (300, 150)),
        (b'<svg viewBox="0 0 640 360" width="100%">', (640, 360)),
        (b"<svg>", None),
    ],
)
def test_svg_size(svg, size):
    assert image_sizes.svg_size(b'<?xml version="1.0"?>\n' + svg + b"</svg>") == size


def test_every_svg_image_has_its_width_and_height(built_site):
    site_dir, _ = built_site
    problems, images = [], 0
    for page in sorted(site_dir.rglob("*.html")):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            src = re.search(r'src="([^"]+\.svg)"', tag)
            if not src:
                continue
            images += 1
            width, height = re.search(r'width="(\d+)"', tag), re.search(r'height="(\d+)"', tag)
            where = f"{page.relative_to(site_dir)}: {src.group(1)}"
            if not (width and height):
                problems.append(f"{where} has no width and height")
                continue
            expected = image_sizes.svg_size((page.parent / src.group(1)).resolve().read_bytes())
            if expected != (int(width.group(1)), int(height.group(1))):
                problems.append(f"{where}: {width.group(1)}x{height.group(1)}, the SVG is {expected}")
    assert images > 20, f"only {images} SVG images found"
    assert not problems, "\n".join(problems[:20])
