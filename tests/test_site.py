"""The site as a whole: a clean strict build, ja/en parity, figures, and nothing loaded from elsewhere."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import figures  # the build hook, imported to test its drawing directly
import i18n_search  # the build hook, imported to test its edit of Material's search worker
from conftest import LANGUAGES, ROOT, SITE_PATH, copy_project, lang_prefix

DOCS = ROOT / "docs"


def pages(lang: str) -> set[Path]:
    return {p.relative_to(DOCS / lang) for p in (DOCS / lang).rglob("*.md")}


ALL_PAGES = sorted(set().union(*(pages(lang) for lang in LANGUAGES)))


# --- the build ------------------------------------------------------------------------------


def test_strict_build_has_no_warnings(built_site):
    _, log = built_site
    problems = [line for line in log.splitlines() if re.match(r"\s*(WARNING|ERROR)", line)]
    assert not problems, "\n".join(problems)


def test_link_and_anchor_validation_is_on():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = text.split("validation:", 1)[1].split("\n\n", 1)[0]
    for key in ["omitted_files", "absolute_links", "unrecognized_links", "anchors"]:
        assert f"{key}: warn" in block, f"validation.{key} must be 'warn' so --strict fails on it"


@pytest.mark.parametrize("page", ALL_PAGES, ids=str)
def test_every_page_is_built_in_both_languages(built_site, page):
    site_dir, _ = built_site
    url = page.with_suffix("") if page.name != "index.md" else page.parent
    url = Path(str(url).removesuffix("index")) if page.name == "index.md" else url
    for prefix in map(lang_prefix, LANGUAGES):
        assert (site_dir / prefix / url / "index.html").exists(), f"{prefix}{url}/ was not built"


def test_no_third_party_urls_in_scripts_styles_or_images(built_site):
    """Pages may link out (<a href>), but must not load anything from another host."""
    site_dir, _ = built_site
    loading = re.compile(
        r'<(?:script|img|iframe|source)[^>]+src="(https?:)?//'
        r'|<link[^>]+rel="(?:stylesheet|preload|modulepreload|preconnect|icon)"[^>]+href="(https?:)?//'
        r'|\bimport\(\s*["\'](https?:)?//'  # a module script's dynamic import
    )
    offenders = [str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html") if loading.search(p.read_text(encoding="utf-8"))]
    assert not offenders, f"pages loading from another host: {offenders}"
    css = "".join(p.read_text(encoding="utf-8") for p in site_dir.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


# --- both languages, same content -------------------------------------------------------------


def shape(text: str) -> dict:
    """What must be identical in both languages: code, figures and links (formulas, numbers and
    paragraphs are compared section by section in test_parity.py)."""
    return {
        "includes": Counter(line.strip() for line in text.splitlines() if "--8<--" in line),
        "figures": re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text),
        "links": sorted(re.findall(r"(?<!!)\[[^\]\[]*\]\(([^)]+)\)", text)),  # [^[]: not from a \([0, 1)\) to a figure
        "headings": [len(m) for m in re.findall(r"^(#+) ", text, flags=re.M)],
    }


@pytest.mark.parametrize("page", ALL_PAGES, ids=str)
def test_translation_exists_and_matches(page):
    for lang in LANGUAGES:
        assert (DOCS / lang / page).exists(), f"docs/{lang}/{page} is missing (it exists in another language)"
    ja, en = (shape((DOCS / lang / page).read_text(encoding="utf-8")) for lang in LANGUAGES)
    for key in ja:
        assert ja[key] == en[key], f"{page}: {key} differ between ja and en:\n ja: {ja[key]}\n en: {en[key]}"


def test_japanese_pages_are_written_in_japanese():
    for page in pages("ja"):
        text = (DOCS / "ja" / page).read_text(encoding="utf-8")
        assert "です" in text or "ます" in text, f"docs/ja/{page} has no Japanese prose"


# --- figures ----------------------------------------------------------------------------------


def test_every_figure_is_shown_on_a_page_and_every_page_figure_is_drawn():
    drawn = {p.stem for p in figures.plotting_examples()}
    shown = {Path(ref).stem for page in ALL_PAGES for ref in shape((DOCS / "en" / page).read_text(encoding="utf-8"))["figures"]}
    assert drawn == shown, f"drawn but not shown: {drawn - shown}; shown but not drawn: {shown - drawn}"


DRAWING_INCLUDE = re.compile(r'--8<--\s+"snippets/examples/(\w+)\.py(?::[\w-]+)?"')
FIGURE = re.compile(r"!\[[^\]]*\]\(([^)\s]*?figures/([\w-]+)\.svg)\)")


def figure_order_problems(page: Path, text: str) -> list[str]:
    """Where ``text`` (the page ``page`` of one language) breaks the figure rule: each included
    example that draws is followed by its figure before the next drawing example is included,
    and no figure is shown whose example the page does not include."""
    drawing = {p.stem for p in figures.plotting_examples()}
    events = sorted(
        [(m.start(), "include", m.group(1)) for m in DRAWING_INCLUDE.finditer(text) if m.group(1) in drawing]
        + [(m.start(), "figure", m.group(2), m.group(1)) for m in FIGURE.finditer(text)]
    )
    expected_prefix = "../" * (len(page.parts) - 1) + "figures/"
    problems, waiting, included = [], None, set()
    for _, kind, name, *ref in events:
        if kind == "include":
            if waiting:
                problems.append(f"snippets/examples/{waiting}.py draws, but figures/{waiting}.svg is not shown before snippets/examples/{name}.py is included")
            waiting = name
            included.add(name)
            continue
        if ref[0] != f"{expected_prefix}{name}.svg":
            problems.append(f"![...]({ref[0]}) should be ![...]({expected_prefix}{name}.svg)")
        if name == waiting:
            waiting = None
        elif name not in included:
            problems.append(f"shows figures/{name}.svg, but does not include snippets/examples/{name}.py above it")
        else:
            problems.append(f"shows figures/{name}.svg where figures/{waiting}.svg belongs" if waiting else f"shows figures/{name}.svg a second time")
    if waiting:
        problems.append(f"snippets/examples/{waiting}.py draws, but figures/{waiting}.svg is not shown after it")
    return problems


@pytest.mark.parametrize("page", ALL_PAGES, ids=str)
def test_each_drawing_example_is_followed_by_its_own_figure(page):
    """A page shows, right after the code that draws it, the figure that code draws."""
    problems = [
        f"docs/{lang}/{page}: {problem}"
        for lang in LANGUAGES
        if (DOCS / lang / page).exists()  # a missing translation: test_translation_exists_and_matches
        for problem in figure_order_problems(page, (DOCS / lang / page).read_text(encoding="utf-8"))
    ]
    if problems:
        pytest.fail(
            "each include of a drawing example must be followed by ![alt](figures/<its name>.svg) "
            "(../figures/ below the top level) before the next one:\n" + "\n".join(problems),
            pytrace=False,
        )


def test_figures_are_deterministic():
    example = figures.EXAMPLES / "sigmoid.py"
    first, second = figures.draw(example), figures.draw(example)
    assert first == second
    assert first.startswith(b"<?xml") and b"<svg" in first


def test_figures_are_not_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    images = [f for f in tracked if f.endswith((".svg", ".png")) and not f.startswith("docs/assets/images/")]
    assert not images, f"figures must be drawn at build time, not committed: {images}"


# --- bad input fails the build with a message that names the culprit ------------------------


@pytest.fixture
def project_copy(tmp_path, built_site) -> Path:
    return copy_project(tmp_path)  # after built_site, which fetched Mermaid's tarball once


def build_at(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **env},
    )


def build(project: Path) -> subprocess.CompletedProcess:
    return build_at(project, project / "site")


def test_missing_snippet_fails_the_build_naming_it(warm_copy):
    page = warm_copy / "docs" / "en" / "functions" / "relu.md"
    page.write_text(page.read_text(encoding="utf-8").replace("snippets/relu.py", "snippets/no_such_file.py"), encoding="utf-8")
    result = build(warm_copy)
    assert result.returncode != 0 and "no_such_file.py" in result.stdout + result.stderr


def test_missing_snippet_section_fails_the_build_naming_it(warm_copy):
    page = warm_copy / "docs" / "ja" / "functions" / "relu.md"
    page.write_text(page.read_text(encoding="utf-8").replace("relu.py:example", "relu.py:no_such_section"), encoding="utf-8")
    result = build(warm_copy)
    assert result.returncode != 0 and "no_such_section" in result.stdout + result.stderr


def test_figure_code_that_raises_fails_the_build_naming_the_figure(warm_copy):
    example = warm_copy / "snippets" / "examples" / "relu.py"
    example.write_text(example.read_text(encoding="utf-8").replace("plt.show()", "1 / 0\nplt.show()"), encoding="utf-8")
    result = build(warm_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "figures/relu.svg" in output and "ZeroDivisionError" in output


def test_two_builds_are_byte_identical(built_site, project_copy):
    """Same commit, same bytes: figures, MathJax, search indexes, sitemap and all (issue 5).

    The second build runs in a copy of the project, so with empty figure and notebook
    caches (the session's build may have used warm ones), and as if on another day
    (SOURCE_DATE_EPOCH is MkDocs' build date).
    """
    first, _ = built_site
    second = project_copy / "site"
    assert not (project_copy / ".cache" / "figures").exists()
    result = build_at(project_copy, second, SOURCE_DATE_EPOCH="1000000000")  # 2001-09-09
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    differing = [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert not differing, f"files that differ between two builds: {differing}"


def test_sitemap_lists_every_page_with_both_languages(built_site):
    """sitemap.xml: every page of each language, each with hreflang alternates for ja and en."""
    import xml.etree.ElementTree as ElementTree

    site_dir, _ = built_site
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site_dir / "sitemap.xml").getroot().findall("s:url", ns)
    pages = {p.relative_to(DOCS / "ja").with_suffix("") for p in (DOCS / "ja").rglob("*") if p.suffix in (".md", ".ipynb")}
    assert len(urls) == len(LANGUAGES) * len(pages)
    for url in urls:
        loc = url.find("s:loc", ns).text
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert set(alternates) == set(LANGUAGES), f"{loc}: alternates {alternates}"
        assert loc in alternates.values()
        assert alternates["en"] == alternates["ja"].replace(SITE_PATH, SITE_PATH + "en/", 1), alternates


NAV = re.compile(r"<nav\b.*?</nav>|<title>.*?</title>", re.DOTALL)


def test_no_tex_in_navigation_or_titles(built_site):
    """A heading's text is shown as plain text in the table of contents (and a page title in the
    tab): a formula there reaches the reader as raw TeX, so headings are written without one."""
    site_dir, _ = built_site
    raw = [
        f"{page.relative_to(site_dir)}: {match.group(0)[:80]!r}"
        for page in sorted(site_dir.rglob("*.html"))
        for block in NAV.findall(page.read_text(encoding="utf-8"))
        for match in re.finditer(r"\\[(\[].{0,60}", block)
    ]
    assert not raw, "TeX in navigation or titles:\n" + "\n".join(raw)


def test_404_page_in_each_language(built_site):
    """/404.html (what GitHub Pages serves for any missing path) is Japanese and sends /en/ paths
    to /en/404.html, which is English; both link home in their language and are not indexed."""
    site_dir, _ = built_site
    expected = {"ja": ("404.html", "ページが見つかりません", SITE_PATH), "en": ("en/404.html", "Page not found", SITE_PATH + "en/")}
    for lang, (path, title, home) in expected.items():
        page = (site_dir / path).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page and f"<h1>{title}</h1>" in page and "404 - Not found" not in page, path
        assert f"<title>{title} - " in page and '<meta name="robots" content="noindex">' in page, path
        assert f'<a href="{home}">' in page, f"{path}: no link to {home}"
        switch = dict(re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link"', page))
        assert switch == {SITE_PATH: "ja", SITE_PATH + "en/": "en"}, f"{path}: language switch {switch}"
        assert not re.search(r'<link rel="alternate"[^>]*hreflang', page), f"{path}: head alternates (Material fetches <href>/sitemap.xml)"
    root = (site_dir / "404.html").read_text(encoding="utf-8")
    assert json.dumps({SITE_PATH + "en/": SITE_PATH + "en/404.html"}) in root


def test_search_separators(built_site):
    """Japanese splits compounds (lookbehinds, Safari 16.4+); English keeps a plain separator."""
    site_dir, _ = built_site
    ja = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    en = json.loads((site_dir / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert "(?<=" in ja["separator"] and "(?<=" not in en["separator"]
    assert re.split(ja["separator"], "シグモイド関数、ReLU関数") == ["シグモイド", "関数", "ReLU", "関数"]
    assert re.split(en["separator"], "leaky-relu sigmoid") == ["leaky", "relu", "sigmoid"]


def test_the_search_worker_gives_each_word_of_a_kanji_query_one_wildcard(built_site, tmp_path):
    """hooks/i18n_search.py, patch_worker: the built worker joins a kanji query's words with a
    space; a worker without the code it edits fails the build's step, naming what to check."""
    site_dir, _ = built_site
    (worker,) = site_dir.glob(i18n_search.WORKER_GLOB)
    code = worker.read_text(encoding="utf-8")
    assert i18n_search.KANJI_QUERY not in code and code.count(i18n_search.KANJI_QUERY_FIXED) == 1, worker.name
    copy = tmp_path / i18n_search.WORKER_GLOB.replace("*", "0")
    copy.parent.mkdir(parents=True)
    copy.write_text(code.replace(i18n_search.KANJI_QUERY_FIXED, i18n_search.KANJI_QUERY), encoding="utf-8")
    i18n_search.patch_worker(tmp_path)
    i18n_search.patch_worker(tmp_path)  # again, as mkdocs serve may: still one fixed copy
    assert copy.read_text(encoding="utf-8") == code
    copy.write_text(code.replace(i18n_search.KANJI_QUERY_FIXED, "something else"), encoding="utf-8")
    with pytest.raises(PluginError, match="update or drop patch_worker"):
        i18n_search.patch_worker(tmp_path)
