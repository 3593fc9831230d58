"""Does the site's search find what a reader types?

Builds the site (``mkdocs build --strict`` into a temporary folder, or takes
``--site-dir``), serves it on localhost under its project path as the browser
tests do, and types each query below into Material's own search box in
headless Chromium, from the home page of the query's language, exactly as
``tests/test_browser.py`` does for its search tests. A query is found when its
expected page is among the first three pages listed (results are grouped by
page; sections of a page count as that page). Prints, per language, the share
found, the queries not found with the pages listed instead, any result from
the other language, and the size of each language's search index.

Target (issue 15): >= 95 % found in each language, and no result from the
other language; the exit code is non-zero otherwise. A query whose expected
page is not in the built site yet (a function page still being written) is
skipped with a note, not counted. Run from the repository root:

    python -m benchmarks.search_quality [--site-dir DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))  # the server, Chromium settings and search box tests use

from material_search import (  # noqa: E402
    COUNT_SEARCH_MESSAGES,
    TOP_PAGES,
    language_of,
    open_search,
    result_pages,
    search,
)
from support import CHROMIUM, CHROMIUM_ARGS, LANGUAGES, TIMEOUT_MS, lang_prefix, serve  # noqa: E402

TARGET = 0.95
ADDED = ("about", "forms")  # the fields hooks/i18n_search.py adds to the index

# What a reader types, and the page they expect among the first three listed
# (its path under the language root, "" for the home page; "a | b" when either
# page answers the query). Words and compounds as a reader writes them:
# Japanese without spaces, verb and adjective forms, katakana and English
# names of the same function, two-word queries and typical misspellings.
QUERIES = {
    "ja": [
        # names of functions, katakana and Latin
        ("シグモイド", "functions/sigmoid/"),
        ("シグモイド関数", "functions/sigmoid/"),
        ("sigmoid", "functions/sigmoid/"),
        ("ロジスティック関数", "functions/sigmoid/"),
        ("ソフトマックス", "functions/softmax/"),
        ("ソフトマックス関数", "functions/softmax/"),
        ("softmax", "functions/softmax/"),
        ("ソフトサイン", "functions/softsign/"),
        ("ソフトプラス関数", "functions/softplus/"),
        ("ステップ関数", "functions/step/"),
        ("ヘヴィサイド関数", "functions/step/"),
        ("恒等関数", "functions/identity/"),
        ("双曲線正接関数", "functions/tanh/"),
        ("tanh", "functions/tanh/"),
        ("ReLU関数", "functions/relu/"),
        ("正規化線形関数", "functions/relu/"),  # ReLU's Japanese name (GLOSSARY.md)
        ("Leaky ReLU", "functions/leaky_relu/"),
        ("指数線形ユニット", "functions/elu/"),
        ("スケール付き指数線形ユニット", "functions/selu/"),
        ("GELU", "functions/gelu/"),
        ("Swish", "functions/silu/"),
        ("Mish", "functions/mish/"),
        ("パラメトリックReLU", "functions/prelu/"),
        ("Hardtanh", "functions/hardtanh/"),
        ("ハードシグモイド", "functions/hard_sigmoid/"),
        ("hard swish", "functions/hard_swish/"),
        ("ReLU6", "functions/relu6/"),
        ("CELU", "functions/celu/"),
        ("対数シグモイド", "functions/log_sigmoid/"),
        # verb and adjective forms, as a reader asks about a property
        ("飽和する", "comparison/ | functions/tanh/"),  # the table's column; tanh's section on it
        ("シグモイド 飽和する", "functions/sigmoid/"),
        ("滑らかな", "functions/softplus/ | comparison/"),
        ("滑らかなReLU", "functions/softplus/"),
        ("単調増加する", "comparison/"),
        ("勾配が消える", "vanishing-gradient/"),
        ("学習できない", "functions/step/"),
        # the pages whose summary says their code never overflows
        ("オーバーフローしない", "functions/sigmoid/ | functions/softmax/ | functions/softplus/ | functions/elu/"
                                " | functions/mish/ | functions/hard_swish/"),
        ("傾きを学習する", "functions/prelu/"),
        ("切り詰める", "functions/hardtanh/"),
        # concepts, compounds and two-word queries
        ("活性化関数", ""),
        ("勾配消失", "vanishing-gradient/"),
        ("勾配消失問題", "vanishing-gradient/"),
        ("誤差逆伝播法", "basics/"),
        ("劣勾配", "basics/"),
        ("交差エントロピー", "basics/"),
        ("多クラス分類", "functions/softmax/"),
        ("二値分類", "functions/sigmoid/"),
        ("回帰 出力層", "functions/identity/"),
        ("ゼロ中心", "functions/tanh/"),
        ("自己正規化", "functions/selu/"),
        ("パーセプトロン", "functions/step/"),
        ("物体検出", "functions/mish/"),
        ("死んだ ReLU", "functions/relu/ | functions/leaky_relu/"),
        ("使い分け", "comparison/"),
        ("ノートブック", "notebooks/try-activations/"),
        ("シグモイド 導関数", "functions/sigmoid/"),
        ("ソフトマックス ヤコビ行列", "functions/softmax/"),
        # misspellings
        ("sigmod", "functions/sigmoid/"),
        ("softmx", "functions/softmax/"),
        ("ソフトマクス", "functions/softmax/"),
    ],
    "en": [
        # names of functions
        ("sigmoid", "functions/sigmoid/"),
        ("sigmoid function", "functions/sigmoid/"),
        ("logistic function", "functions/sigmoid/"),
        ("softmax", "functions/softmax/"),
        ("softsign", "functions/softsign/"),
        ("softplus", "functions/softplus/"),
        ("step function", "functions/step/"),
        ("heaviside", "functions/step/"),
        ("identity function", "functions/identity/"),
        ("hyperbolic tangent", "functions/tanh/"),
        ("tanh", "functions/tanh/"),
        ("relu", "functions/relu/"),
        ("rectified linear unit", "functions/relu/"),
        ("leaky relu", "functions/leaky_relu/"),
        ("LeakyReLU", "functions/leaky_relu/"),
        ("exponential linear unit", "functions/elu/"),
        ("selu", "functions/selu/"),
        ("gelu", "functions/gelu/"),
        ("gaussian error linear unit", "functions/gelu/"),
        ("swish", "functions/silu/"),
        ("silu", "functions/silu/"),
        ("mish", "functions/mish/"),
        ("parametric relu", "functions/prelu/"),
        ("hardtanh", "functions/hardtanh/"),
        ("hard sigmoid", "functions/hard_sigmoid/"),
        ("hardswish", "functions/hard_swish/"),
        ("relu6", "functions/relu6/"),
        ("celu", "functions/celu/"),
        ("log sigmoid", "functions/log_sigmoid/"),
        # word forms, as a reader asks about a property
        ("saturating", "comparison/ | functions/tanh/"),  # the table's column; tanh's section on it
        ("sigmoid saturates", "functions/sigmoid/"),
        ("smooth relu", "functions/softplus/"),
        ("monotonic", "comparison/"),
        ("zero-centered", "functions/tanh/"),
        ("self-normalizing", "functions/selu/"),
        ("learned slope", "functions/prelu/"),
        ("clipping", "functions/hardtanh/"),
        ("vanishing gradients", "vanishing-gradient/"),
        # concepts and two-word queries
        ("activation functions", ""),
        ("vanishing gradient", "vanishing-gradient/"),
        ("backpropagation", "basics/"),
        ("chain rule", "basics/ | vanishing-gradient/"),
        ("subgradient", "basics/"),
        ("cross entropy", "basics/"),
        ("multi-class classification", "functions/softmax/"),
        ("binary classification", "functions/sigmoid/"),
        ("regression output", "functions/identity/"),
        ("perceptron", "functions/step/"),
        ("yolov4", "functions/mish/"),
        ("dying relu", "functions/relu/ | functions/leaky_relu/"),
        ("which activation function", "comparison/"),
        ("notebook", "notebooks/try-activations/"),
        ("sigmoid derivative", "functions/sigmoid/"),
        ("softmax jacobian", "functions/softmax/"),
        # misspellings
        ("sigmod", "functions/sigmoid/"),
        ("softmx", "functions/softmax/"),
        ("sofplus", "functions/softplus/"),
    ],
}

# --- The benchmark ----------------------------------------------------------------------


def expected_pages(expected: str) -> list[str]:
    return [page.strip() for page in expected.split("|")]


def run(site_dir: Path, verbose: bool) -> bool:
    from playwright.sync_api import sync_playwright

    ok = True
    with serve(site_dir) as site_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(COUNT_SEARCH_MESSAGES)
        page = context.new_page()
        for lang in LANGUAGES:
            present = [
                (query, expected) for query, expected in QUERIES[lang]
                if any((site_dir / lang_prefix(lang) / p / "index.html").exists() for p in expected_pages(expected))
            ]
            skipped = [(query, expected) for query, expected in QUERIES[lang] if (query, expected) not in present]
            page.goto(site_url + lang_prefix(lang), wait_until="load")
            open_search(page)
            found, first, failures, foreign = 0, 0, [], []
            start = time.perf_counter()
            for query, expected in present:
                results = search(page, query)
                foreign += [f"{query!r}: {href}" for href in results if language_of(href, site_url) != lang]
                top = result_pages(results, site_url, lang)[:TOP_PAGES]
                hit = any(p in top for p in expected_pages(expected))
                found += hit
                first += bool(top) and top[0] in expected_pages(expected)
                if not hit:
                    failures.append(f"{query!r} -> expected {expected or '(home)'}, got {top or 'nothing'}")
                if verbose:
                    print(f"  {'ok  ' if hit else 'MISS'} {lang} {query!r}: {top}")
            seconds = time.perf_counter() - start
            share = found / len(present) if present else 0.0
            ok &= share >= TARGET and not foreign
            print(f"{lang}: {found}/{len(present)} found in the first {TOP_PAGES} pages = {share:.1%} "
                  f"(target {TARGET:.0%}); results from another language: {len(foreign)}; {seconds:.1f} s")
            # Not a target, but what a reader sees first: the page expected as the first page listed
            print(f"  first page listed: {first}/{len(present)} = {first / len(present) if present else 0:.1%}")
            for line in failures:
                print(f"  not found: {line}")
            for line in foreign[:10]:
                print(f"  other language: {line}")
            for query, expected in skipped:
                print(f"  skipped (no page {expected} yet): {query!r}")
        browser.close()
    return ok


def index_sizes(site_dir: Path) -> None:
    """Bytes of each language's search index, and how many of them hooks/i18n_search.py adds
    (the fields ``about``: the pages' summaries, names and misspellings, and ``forms``: other
    forms of the headings' English words; a zero-width space between the words of each run
    of kanji); the separator costs no bytes, the index holds the text, not its words."""
    for lang in LANGUAGES:
        path = site_dir / lang_prefix(lang) / "search" / "search_index.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        size = path.stat().st_size
        bare = {**index, "docs": [
            {k: v.replace("\u200b", "") if k in ("title", "text") else v for k, v in doc.items() if k not in ADDED}
            for doc in index["docs"]
        ]}
        added = size - len(json.dumps(bare, ensure_ascii=False, separators=(",", ":")).encode())
        print(f"{lang}: search index {size:,} bytes, {len(index['docs'])} entries; "
              f"hooks/i18n_search.py adds {added:,} bytes (+{added / (size - added):.1%})")


def build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build --strict failed:\n{result.stderr}")


def measure(site_dir: Path, verbose: bool) -> bool:
    ok = run(site_dir, verbose)
    index_sizes(site_dir)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--verbose", action="store_true", help="print every query's first pages")
    args = parser.parse_args()
    if args.site_dir:
        ok = measure(args.site_dir, args.verbose)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp))
            ok = measure(Path(tmp), args.verbose)
    print(f"target {'reached' if ok else 'NOT reached'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
