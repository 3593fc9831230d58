"""Serve Mermaid from the site itself, and only on pages that draw a diagram.

Material renders ```` ```mermaid ```` fences with ``window.mermaid`` and, when it
is not defined, loads it from unpkg.com: a third-party request from the
reader's browser. So the library is served from ``assets/javascripts/``, and
the pages that have a diagram get, before Material's bundle, a small stand-in
(``docs/assets/javascripts/mermaid-loader.js``) that loads it only when the
reader scrolls near a diagram. No other page, and no reader who stops short of
the diagrams, pays for its 2.5 MB.

The file is ``@mermaid-js/tiny`` (the Mermaid team's build without mindmaps,
architecture diagrams and KaTeX), pinned with its hash in ``package-lock.json``.
The build fetches the tarball from the npm registry once, checks it against
the lock's ``integrity`` and keeps it in ``.cache/npm/``. Node is not needed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import tarfile
import urllib.request
from functools import cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

log = get_plugin_logger("mermaid")

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "package-lock.json"
CACHE = ROOT / ".cache" / "npm"
PACKAGE = "@mermaid-js/tiny"
SCRIPT = "dist/mermaid.tiny.js"  # inside the package
SERVED = {  # site path -> file inside the package
    "assets/javascripts/mermaid.tiny.js": SCRIPT,
    "assets/javascripts/mermaid.tiny.LICENSE.txt": "LICENSE",  # MIT asks for the notice with copies
}
DIAGRAM = '<pre class="mermaid"'  # what the mermaid custom fence writes
LOADER = "assets/javascripts/mermaid-loader.js"  # in docs/: loads Mermaid when a diagram is near
# Material checks for window.mermaid when its bundle runs, so ours must load first
BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def locked() -> tuple[str, str, str]:
    """(version, integrity, tarball URL) of the package, from package-lock.json."""
    entry = json.loads(LOCK.read_text(encoding="utf-8"))["packages"][f"node_modules/{PACKAGE}"]
    registry = os.environ.get("npm_config_registry", "https://registry.npmjs.org/").rstrip("/")
    name = PACKAGE.rsplit("/", 1)[-1]
    url = entry.get("resolved") or f"{registry}/{PACKAGE}/-/{name}-{entry['version']}.tgz"
    return entry["version"], entry["integrity"], url


def verified(data: bytes, integrity: str) -> bool:
    """Does ``data`` match an npm integrity string such as ``sha512-<base64>``?"""
    algorithm, _, expected = integrity.partition("-")
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == expected


@cache
def package_files() -> dict[str, bytes]:
    """The served files' bytes, keyed by their path inside the package."""
    version, integrity, url = locked()
    tarball = CACHE / f"{PACKAGE.replace('/', '__')}-{version}.tgz"
    if not (tarball.exists() and verified(tarball.read_bytes(), integrity)):
        log.info("fetching %s@%s from the npm registry", PACKAGE, version)
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                data = response.read()
        except OSError as error:
            raise PluginError(f"cannot fetch {PACKAGE}@{version} from {url}: {error}") from error
        if not verified(data, integrity):
            raise PluginError(f"{url} does not match the integrity in package-lock.json")
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = tarball.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(tarball)  # atomic: a killed build leaves no half file behind
    with tarfile.open(fileobj=io.BytesIO(tarball.read_bytes())) as archive:
        return {inner: archive.extractfile(f"package/{inner}").read() for inner in SERVED.values()}


# After mkdocs-static-i18n (-100) rebuilds the file list; runs once per language
@event_priority(-200)
def on_files(files, config):
    for uri, inner in SERVED.items():
        files.append(File.generated(config, uri, content=package_files()[inner]))
    return files


def on_post_page(output, page, config):
    if DIAGRAM not in output:
        return output
    bundle = BUNDLE.search(output)
    if bundle is None:
        raise PluginError(f"{page.file.src_uri}: Material's bundle script not found; cannot add Mermaid")
    loader = get_relative_url(LOADER, page.url)
    src = get_relative_url(next(iter(SERVED)), page.url)
    tag = f'<script src="{loader}" data-src="{src}"></script>\n'
    return output[: bundle.start()] + tag + output[bundle.start() :]
