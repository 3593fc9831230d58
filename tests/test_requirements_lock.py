"""The hash-locked files CI and the Pages workflow install from match what requirements*.txt ask for.

``requirements.txt`` and ``requirements-test.txt`` name the direct dependencies, pinned.
``requirements.lock`` and ``requirements-test.lock`` pin every package they pull in, with the
hashes of its files, resolved for Python 3.11 and up on every platform (``uv pip compile
--universal``); pip then installs nothing else and nothing altered. The command that rewrote
each lock is in its header. A pin changed in requirements*.txt without the lock fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT

LOCKS = {"requirements.lock": "requirements.txt", "requirements-test.lock": "requirements-test.txt"}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_pins(path: Path) -> dict[str, str]:
    """name -> version of each ``name==version`` line, following ``-r other.txt``."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins.update(direct_pins(path.parent / line[3:].strip()))
        elif "==" in line:
            name, version = line.split("==", 1)
            pins[normal(name.split("[", 1)[0])] = version.split(";", 1)[0].strip()
    return pins


# name==version [; marker] \ then its --hash lines, as pip-compile and uv write them
ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)(?: ;[^\\\n]*)? \\\n((?:    --hash=\S+(?: \\)?\n)+)", re.M)


def locked(path: Path) -> dict[str, set[str]]:
    """name -> the versions pinned for it (one, or one per Python range) in a lock file."""
    text = path.read_text(encoding="utf-8")
    pins: dict[str, set[str]] = {}
    for name, version, hashes in ENTRY.findall(text):
        assert "--hash=sha256:" in hashes, f"{path.name}: {name}=={version} has no sha256 hash"
        pins.setdefault(normal(name), set()).add(version)
    requirement_lines = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    assert len(requirement_lines) == sum(len(v) for v in pins.values()), f"{path.name}: an entry without hashes"
    return pins


def regenerate(lock: str) -> str:
    """The command in the lock's header that wrote it."""
    header = (ROOT / lock).read_text(encoding="utf-8").splitlines()[:3]
    return next((line.lstrip("# ").strip() for line in header if "pip compile" in line), "(no command in the header)")


@pytest.mark.parametrize("lock", LOCKS)
def test_lock_pins_what_requirements_ask_for(lock):
    pins, wanted = locked(ROOT / lock), direct_pins(ROOT / LOCKS[lock])
    wrong = {name: (version, pins.get(name)) for name, version in wanted.items() if pins.get(name) != {version}}
    assert not wrong, (
        f"{lock} disagrees with {LOCKS[lock]} (name: (asked, locked)): {wrong}. Regenerate it: {regenerate(lock)}"
        + ("" if lock == "requirements-test.lock" else f" (after {regenerate('requirements-test.lock')})")
        + ". uv comes from PyPI: pip install uv"
    )


def test_site_lock_uses_the_test_lock_versions():
    """The deploy builds with exactly the versions the tests ran with."""
    site, test = locked(ROOT / "requirements.lock"), locked(ROOT / "requirements-test.lock")
    differ = {name: (versions, test.get(name)) for name, versions in site.items() if test.get(name) != versions}
    assert not differ, (
        f"requirements.lock and requirements-test.lock differ: {differ}. "
        f"Regenerate requirements.lock: {regenerate('requirements.lock')}"
    )
