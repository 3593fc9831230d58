"""The search index requested once the page has loaded, not while it is drawn (issue 14).

Material's script asks for the whole search index (about 120 kB compressed in Japanese, 100 kB
in English) as it starts, where the download competes on a phone's network with what the reader
came to read; on the home page Lighthouse counted it in the LCP (2.5 s instead of 1.5-1.9 s).
``hooks/search_index.js`` holds that one request until the page has loaded, or until the reader
presses a key, taps, clicks or focuses anything, whichever comes first. Material's bundle sends
the request while it runs, so the script must run before it: this hook writes it into each page
right before the bundle's tag, inline (a file of its own would be one more request before the
first paint), without its comment lines.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from mermaid import BUNDLE  # Material's bundle script tag

SCRIPT = Path(__file__).with_suffix(".js")


def inline_script() -> str:
    lines = SCRIPT.read_text(encoding="utf-8").splitlines()
    code = "\n".join(line for line in lines if not line.lstrip().startswith("//"))
    return f"<script>{code}</script>\n"


def on_post_page(output, page, config):
    bundle = BUNDLE.search(output)
    if bundle is None:
        raise PluginError(f"{page.file.src_uri}: Material's bundle script not found; cannot hold the search index")
    return output[: bundle.start()] + inline_script() + output[bundle.start() :]
