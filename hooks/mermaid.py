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
the lock's ``integrity`` (sha512, as npm writes it; sha384 or sha256 also do,
sha1 and md5 are refused) and keeps it in ``.cache/npm/``. Node is not needed.
Builds that fetch it at once each write a temporary file of their own and
rename it into place, so none sees another's half-written file.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import tarfile
import tempfile
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


REFRESH = "npm install --package-lock-only"  # rewrites package-lock.json from package.json
# Strongest first. npm writes sha512; sha1 and md5 can be forged and are refused.
ALGORITHMS = ("sha512", "sha384", "sha256")


def locked() -> tuple[str, str, str]:
    """(version, integrity, tarball URL) of the package, from package-lock.json."""
    try:
        entry = json.loads(LOCK.read_text(encoding="utf-8"))["packages"][f"node_modules/{PACKAGE}"]
        version, integrity = entry["version"], entry["integrity"]
    except (OSError, ValueError, KeyError) as error:
        raise PluginError(
            f"{LOCK.name}: no version and integrity for {PACKAGE} ({type(error).__name__}: {error}); "
            f"run `{REFRESH}`"
        ) from error
    registry = os.environ.get("npm_config_registry", "https://registry.npmjs.org/").rstrip("/")
    name = PACKAGE.rsplit("/", 1)[-1]
    url = entry.get("resolved") or f"{registry}/{PACKAGE}/-/{name}-{version}.tgz"
    return version, integrity, url


def strongest(integrity: str) -> str:
    """The hash to check from an integrity string (``sha512-<base64>``, possibly several
    separated by spaces): the strongest accepted one. A lock with only sha1/md5 or an
    unknown algorithm is refused with the command that rewrites it."""
    hashes = {}
    for item in integrity.split():
        algorithm, _, value = item.partition("-")
        hashes[algorithm] = item
    for algorithm in ALGORITHMS:
        if algorithm in hashes:
            return hashes[algorithm]
    found = ", ".join(sorted(hashes)) or "nothing"
    raise PluginError(
        f"{LOCK.name}: the integrity of {PACKAGE} is {found}; only {', '.join(ALGORITHMS)} are accepted "
        f"(sha1 and md5 can be forged). Run `{REFRESH}` to write npm's sha512"
    )


def integrity_of(data: bytes, algorithm: str) -> str:
    """``data``'s hash written as in package-lock.json: ``<algorithm>-<base64 digest>``."""
    return f"{algorithm}-{base64.b64encode(hashlib.new(algorithm, data).digest()).decode()}"


def verified(data: bytes, integrity: str) -> bool:
    """Does ``data`` match the strongest accepted hash of an npm integrity string?"""
    expected = strongest(integrity)
    return integrity_of(data, expected.partition("-")[0]) == expected


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file of this build's own, then rename: a killed build leaves no
    half file, and builds fetching at once never write or rename each other's file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@cache
def package_files() -> dict[str, bytes]:
    """The served files' bytes, keyed by their path inside the package."""
    version, integrity, url = locked()
    expected = strongest(integrity)
    algorithm = expected.partition("-")[0]
    tarball = CACHE / f"{PACKAGE.replace('/', '__')}-{version}.tgz"
    data = tarball.read_bytes() if tarball.is_file() else None
    if data is None or integrity_of(data, algorithm) != expected:
        log.info("fetching %s@%s from the npm registry", PACKAGE, version)
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                data = response.read()
        except OSError as error:
            raise PluginError(f"cannot fetch {PACKAGE}@{version} from {url}: {error}") from error
        actual = integrity_of(data, algorithm)
        if actual != expected:
            raise PluginError(
                f"{url} does not match the integrity in {LOCK.name}:\n"
                f"  expected {expected}\n"
                f"  actual   {actual}\n"
                f"If {PACKAGE}@{version} is what package.json asks for, the registry served other bytes: "
                f"do not use them. If package.json was changed, refresh the lock with `{REFRESH}`"
            )
        CACHE.mkdir(parents=True, exist_ok=True)
        write_atomically(tarball, data)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
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
