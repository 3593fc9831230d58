"""Render the Jupyter notebooks as pages again after mkdocs-static-i18n rebuilt the file list.

mkdocs-jupyter (``on_files``, priority 0) wraps each ``.ipynb`` in a
``NotebookFile``, which makes MkDocs treat it as a page rendered by nbconvert.
mkdocs-static-i18n runs later (``on_files``, priority -100) and replaces every
file with a plain ``File`` of its own; a plain ``.ipynb`` is a static asset, so
the page is written as the notebook's raw JSON (mkdocs-static-i18n issue 198).

This hook runs after i18n (``event_priority(-200)``), once per language, and
wraps each notebook i18n kept for the language in a ``NotebookFile`` again.
It keeps what i18n computed: the destination and URL (``notebooks/x/`` at the
root for Japanese, ``en/notebooks/x/`` for English) and its extra attributes
(``locale``, ``norm_src_uri``, ...), which the wrapper passes through to the
wrapped file. i18n handles the notebook as an asset, so it records no
translation for it: the hook adds the other language's notebook to
``alternates`` (used by the header's language switch and the sitemap) and the
page to i18n's per-language page list (used by the sitemap).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs_jupyter.plugin import NotebookFile
from mkdocs_static_i18n.folder import create_i18n_file

from language import current_language

log = get_plugin_logger("i18n_notebooks")


def _wrap(file: File, config) -> NotebookFile:
    """A NotebookFile around ``file`` with the destination and URL ``file`` already has."""
    wrapped = NotebookFile(file, config.use_directory_urls, config.site_dir)
    # NotebookFile derives these from src_uri ("ja/notebooks/x.ipynb"); i18n's are the right ones
    wrapped.dest_path = file.dest_path
    wrapped.abs_dest_path = file.abs_dest_path
    wrapped.url = file.url
    return wrapped


def _alternate(src_uri: str, lang: str, i18n, config) -> File:
    """The notebook ``src_uri`` as i18n would place it in the build of ``lang``."""
    source = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    page = NotebookFile(source, config.use_directory_urls, config.site_dir)  # .../x/index.html
    return create_i18n_file(page, lang, i18n.default_language, i18n.all_languages, config)


@event_priority(-200)
def on_files(files, config):
    jupyter = config.plugins.get("mkdocs-jupyter")
    i18n = config.plugins.get("i18n")
    if jupyter is None or i18n is None:
        return files
    lang = current_language(config)
    notebooks = [f for f in files if not isinstance(f, NotebookFile) and jupyter.should_include(f)]
    for file in notebooks:
        wrapped = _wrap(file, config)
        files.remove(file)
        files.append(wrapped)
        alternates = file.alternates  # i18n's dict, shared with the wrapper via __getattr__
        alternates[lang] = wrapped
        for other in i18n.build_languages:
            src_uri = f"{other}/{file.norm_src_uri}"
            if other not in alternates and (Path(config.docs_dir) / src_uri).is_file():
                alternates[other] = _alternate(src_uri, other, i18n, config)
        i18n.i18n_files_per_language.setdefault(lang, []).append(wrapped)
    return files


def _cache_paths(config) -> list[Path]:
    """The mkdocs-jupyter cache file of every notebook in docs/, rendered or not yet."""
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    options = config.plugins["mkdocs-jupyter"].config
    return [
        _get_cache_path(options["cache_dir"], _compute_cache_key(str(notebook), options, options["execute"]))
        for notebook in sorted(Path(config.docs_dir).rglob("*.ipynb"))
    ]


# mkdocs-jupyter writes its cache file in place and reads it back with json.loads: a
# build killed mid-write left a truncated file that failed every later build with
# "Error reading page '<notebook>'", as if the notebook were broken. Before any page is
# read, remove a cache file that is not whole, so that the notebook is rendered again.
def on_pre_build(config):
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config["cache"]:
        return
    for path in _cache_paths(config):
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
            whole = isinstance(cached, dict) and {"content", "toc_tokens"} <= cached.keys()
        except FileNotFoundError:
            continue
        except (UnicodeDecodeError, ValueError):
            whole = False
        if not whole:
            log.info("%s is not a whole notebook cache entry; the notebook is rendered again", path)
            path.unlink(missing_ok=True)


# mkdocs-jupyter caches each rendered notebook by content, and at the end of a
# build evicts the entries that build did not use. i18n runs one build per
# language, so each language's build evicted the other's entry and every build
# rendered every notebook again. Before it evicts, mark the entries of every
# language's notebooks as used (private helpers of mkdocs-jupyter 0.26.3, pinned).
@event_priority(100)  # before mkdocs-jupyter's own on_post_build
def on_post_build(config):
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config["cache"]:
        return
    jupyter._used_cache_paths.update(_cache_paths(config))


# nbconvert gives every plot the same English alt text; say in the page's language what it is
NBCONVERT_ALT = 'alt="No description has been provided for this image"'
PLOT_ALT = {"ja": 'alt="ノートブックのセルが描いたグラフ"', "en": 'alt="Plot drawn by the notebook cell above"'}


# nbconvert adds a loader that would import Mermaid from cdnjs.cloudflare.com for
# diagrams in Markdown cells. Our notebooks have none: drop it, and refuse one
# that has, rather than let it fetch from a CDN.
NBCONVERT_MERMAID = re.compile(
    r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{\s*'
    r'const diagrams = document\.querySelectorAll\("\.jp-Mermaid > pre\.mermaid"\);.*?</script>',
    re.DOTALL,
)


def on_post_page(output, page, config):
    if not isinstance(page.file, NotebookFile):
        return output
    if 'class="jp-Mermaid' in output:
        raise PluginError(f"{page.file.src_uri}: Mermaid in notebooks is not supported (nbconvert loads it from a CDN)")
    output = NBCONVERT_MERMAID.sub("", output)
    lang = current_language(config)
    return output.replace(NBCONVERT_ALT, PLOT_ALT.get(lang, PLOT_ALT["en"]))
