"""Fail the build when a page includes a section its snippet file does not mark exactly once.

A page includes part of a file with ``--8<-- "snippets/examples/relu.py:example"``:
pymdownx.snippets copies the lines between ``# --8<-- [start:example]`` and
``# --8<-- [end:example]``. With ``check_paths: true`` it fails on a missing file
or a missing start marker, but an end marker that is missing or misspelt
(``[end:exmaple]``) makes it copy the rest of the file, and the build passes.

So before a page is converted, each ``file:section`` it includes is checked
against its file: exactly one start and one end marker for the section, the
start first. Otherwise the build fails, naming the page, the file, the section
and what is wrong. Includes of whole files or of line ranges are left to
pymdownx.snippets. Markers are read with pymdownx.snippets' own pattern.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from pymdownx.snippets import SnippetPreprocessor

# An inline include on a line of its own: --8<-- "path:section" (pymdownx's pattern, quoted path)
INCLUDE = SnippetPreprocessor.RE_ALL_SNIPPETS
# A section name at the end of the path, as pymdownx splits it: "file.py:example"
SECTION = re.compile(r"(?i)^(?P<path>.+?):(?P<name>[a-z][-_0-9a-z]*)$")
MARKER = SnippetPreprocessor.RE_SNIPPET_SECTION


def section_problem(text: str, section: str) -> str | None:
    """What is wrong with ``section``'s markers in a file's ``text``, or None."""
    starts, ends = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        marker = MARKER.match(line) if "8<-" in line else None
        if marker is None or marker.group("escape") or marker.group("name") != section:
            continue
        (starts if marker.group("type").lower() == "start" else ends).append(number)
    if len(starts) != 1 or len(ends) != 1:
        found = f"{len(starts)} [start:{section}] and {len(ends)} [end:{section}]"
        if not ends:
            return f"no [end:{section}] marker ({found}): the rest of the file would be included"
        return f"{found} markers; there must be exactly one of each"
    if ends[0] < starts[0]:
        return f"its [end:{section}] (line {ends[0]}) before its [start:{section}] (line {starts[0]})"
    return None


def on_page_markdown(markdown, page, config, files):
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    root = Path(config.config_file_path).parent
    bases = [root / base for base in snippets.get("base_path", ["."])]
    source = Path(page.file.abs_src_path)
    where = source.relative_to(root).as_posix() if source.is_relative_to(root) else page.file.src_uri
    for line in markdown.splitlines():
        include = INCLUDE.match(line) if "8<-" in line else None
        if include is None or include.group("escape") or not include.group("snippet"):
            continue
        target = SECTION.match(include.group("snippet")[1:-1].strip())
        if target is None:
            continue  # a whole file or a line range
        name, section = target.group("path"), target.group("name")
        file = next((base / name for base in bases if (base / name).is_file()), None)
        if file is None:
            continue  # pymdownx.snippets reports a missing file (check_paths)
        problem = section_problem(file.read_text(encoding="utf-8"), section)
        if problem:
            raise PluginError(f'{where} includes "{name}:{section}", but {name} has {problem}')
    return markdown
