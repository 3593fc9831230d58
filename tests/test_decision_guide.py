"""The decision-guide flowcharts (hooks/decision_guide.py) and the Mermaid they need (hooks/mermaid.py).

The charts are written once for both languages; these tests check that they
are well formed, name only functions this handbook has, give the same advice
as the table of choices on each language's comparison page, lead along each route (written
down here from the page) to its answer, and arrive in the built pages with Mermaid served locally. The browser tests check that they draw.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter

import pytest

from conftest import LANGUAGES, ROOT, lang_prefix
from decision_guide import ANSWERS, CHARTS, EDGES, MARKER, QUESTIONS, mermaid, reachable
from mermaid import LOADER, PACKAGE, SERVED, locked, verified
from registry import FUNCTIONS

MERMAID_SCRIPT = next(iter(SERVED))  # the site path of mermaid's script


def labelled(labels: dict[str, str]) -> bool:
    return set(labels) == set(LANGUAGES) and all(text.strip() for text in labels.values())


def test_every_label_exists_in_both_languages():
    unlabelled = [node for node, labels in QUESTIONS.items() if not labelled(labels)]
    unlabelled += [node for node, (_, labels) in ANSWERS.items() if not labelled(labels)]
    unlabelled += [f"{start} -> {end}" for start, end, labels in EDGES if not labelled(labels)]
    unlabelled += [f"{chart} {key}" for chart, spec in CHARTS.items() for key in ("title", "description") if not labelled(spec[key])]
    assert not unlabelled
    # A double quote would end Mermaid's "..." label early
    texts = [*QUESTIONS.values(), *(labels for _, labels in ANSWERS.values()), *(labels for *_, labels in EDGES)]
    assert not [text for labels in texts for text in labels.values() if '"' in text]


def test_charts_are_trees_of_questions_ending_in_answers():
    nodes = [node for spec in CHARTS.values() for node in reachable(spec["root"])]
    assert Counter(nodes) == Counter([*QUESTIONS, *ANSWERS]), "every node in exactly one chart"
    ends = Counter(end for _, end, _ in EDGES)
    assert all(ends[node] == 1 for node in nodes if node not in (spec["root"] for spec in CHARTS.values()))
    for question in QUESTIONS:
        choices = [labels["en"] for start, _, labels in EDGES if start == question]
        assert len(choices) >= 2 and len(set(choices)) == len(choices), question
    assert not [start for start, _, _ in EDGES if start in ANSWERS], "answers are leaves"
    # Mermaid reserves "end"; ids are plain words
    assert all(re.fullmatch(r"[a-z_]+", node) and node != "end" for node in nodes)


def page_of(name: str) -> str:
    """The page an answer's name stands for: a function's page, or a topic page (see ANSWERS)."""
    return f"functions/{name}.md" if name in FUNCTIONS else f"{name}.md"


def test_answers_name_pages_of_this_handbook():
    for node, (names, _) in ANSWERS.items():
        assert names, node
        for name in names:
            if name in FUNCTIONS:
                assert (ROOT / "snippets" / f"{name}.py").exists(), f"{node}: no snippets/{name}.py"
            for lang in LANGUAGES:
                assert (ROOT / "docs" / lang / page_of(name)).exists(), (
                    f"{node}: no docs/{lang}/{page_of(name)}; name a function of functions.toml or a page"
                )


# A link in the table's "Use" column: to a function's page, or to a topic page such as gated-units.md
USE_LINK = re.compile(r"\((functions/)?([\w-]+)\.md[#)]")


def choice_rows(lang: str) -> list[frozenset[str]]:
    """The pages each row of the page's three-column table of choices links to in its "Use" column,
    as ANSWERS names them (a function's name, or a topic page's)."""
    text = (ROOT / "docs" / lang / "comparison.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("|") and line.count("|") == 4]
    body = [row for row in rows[1:] if not row.startswith("| ---")]  # rows[0] is the header
    found = []
    for row in body:
        links = USE_LINK.findall(row.split("|")[2])
        assert all(bool(function) == (name in FUNCTIONS) for function, name in links), (
            f"docs/{lang}/comparison.md: {row!r} links a function's page outside functions/, or a page that is none"
        )
        found.append(frozenset(name for _, name in links))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_charts_give_the_advice_of_the_table_of_choices(lang):
    """One answer per row of the table, recommending the same functions."""
    answers = Counter(frozenset(names) for names, _ in ANSWERS.values())
    assert answers == Counter(choice_rows(lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_comparison_page_asks_for_each_chart_once(lang):
    text = (ROOT / "docs" / lang / "comparison.md").read_text(encoding="utf-8")
    assert Counter(MARKER.findall(text)) == Counter(list(CHARTS))


def test_built_pages_carry_the_charts_and_load_mermaid_only_there(built_site):
    site_dir, _ = built_site
    assert (site_dir / MERMAID_SCRIPT).stat().st_size > 1_000_000
    for lang in LANGUAGES:
        prefix = lang_prefix(lang)
        page = (site_dir / prefix / "comparison" / "index.html").read_text(encoding="utf-8")
        fences = [html.unescape(f) for f in re.findall(r'<pre class="mermaid"[^>]*><code>(.*?)</code></pre>', page, re.S)]
        assert fences == [mermaid(chart, lang) for chart in CHARTS]
        # Before Material's bundle, which otherwise fetches Mermaid from unpkg.com
        script = re.search(rf'<script src="(\.\./)+{LOADER}" data-src="(\.\./)+{MERMAID_SCRIPT}"', page)
        assert script and script.start() < page.index("assets/javascripts/bundle.")
    others = [
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.parent.name != "comparison" and MERMAID_SCRIPT in path.read_text(encoding="utf-8")
    ]
    assert not others, "pages without a diagram must not load Mermaid"
    # The charts' source is kept out of the search indexes (no "flowchart TD" in results)
    indexes = list(site_dir.rglob("search_index.json"))
    assert indexes and not [p for p in indexes if "accTitle" in p.read_text(encoding="utf-8")]


def test_mermaid_is_pinned_and_hash_checked():
    version, integrity, url = locked()
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"][PACKAGE]
    assert version == wanted, "package.json and package-lock.json disagree: run npm install --package-lock-only"
    assert integrity.startswith("sha512-") and url.endswith(f"-{version}.tgz")
    good = "sha512-" + base64.b64encode(hashlib.sha512(b"mermaid").digest()).decode()
    assert verified(b"mermaid", good) and not verified(b"mermaid!", good)


def test_home_page_leads_to_the_guide_in_both_languages(built_site):
    site_dir, _ = built_site
    for lang in LANGUAGES:
        prefix = lang_prefix(lang)
        home = (site_dir / prefix / "index.html").read_text(encoding="utf-8")
        assert 'href="comparison/#decision-guide"' in home, f"{lang} home page: no link to the decision guide"
        page = (site_dir / prefix / "comparison" / "index.html").read_text(encoding="utf-8")
        assert page.index('id="decision-guide"') < page.index('<pre class="mermaid"'), f"{lang}: guide heading"


# Every path through each chart and where it must end, written from the comparison pages (the
# table of choices and the text around the charts), not from the chart's code: each step is the
# question asked (its English text) and the edge's label in each language; the end is the answer
# as the reader sees it in each language, and the pages the table's row links for it (as ANSWERS names them).
YES, NO = {"en": "yes", "ja": "はい"}, {"en": "no", "ja": "いいえ"}
NETWORK, MUCH_DATA = "What kind of network?", "Data enough to learn the slope (ImageNet-scale)?"
TASK = "What does the network predict?"
ROUTES = {
    "hidden": [
        (
            [(NETWORK, {"en": "a transformer as LLaMA", "ja": "LLaMA 型の Transformer"})],
            {"en": "SwiGLU feed-forward block", "ja": "SwiGLU の FFN"},
            {"gated-units", "silu"},
        ),
        (
            [(NETWORK, {"en": "a transformer as BERT, GPT-2", "ja": "BERT、GPT-2 型の Transformer"})],
            {"en": "GELU", "ja": "GELU"},
            {"gelu"},
        ),
        (
            [(NETWORK, {"en": "an RNN (LSTM, GRU)", "ja": "RNN（LSTM、GRU）"})],
            {"en": "sigmoid for the gates, tanh for the state", "ja": "ゲートにシグモイド関数、状態に tanh"},
            {"sigmoid", "tanh"},
        ),
        (
            [(NETWORK, {"en": "for phones (MobileNet)", "ja": "モバイル向け（MobileNet）"})],
            {"en": "hard swish", "ja": "hard swish"},
            {"hard_swish"},
        ),
        (
            [(NETWORK, {"en": "a deep MLP, no normalisation layers", "ja": "正規化層のない深い全結合"})],
            {"en": "SELU", "ja": "SELU"},
            {"selu"},
        ),
        (
            [(NETWORK, {"en": "another (CNN, MLP)", "ja": "その他（CNN、全結合）"})],
            {"en": "ReLU, the default", "ja": "ReLU（まずはこれ）"},
            {"relu"},
        ),
    ],
    "dying": [
        ([(MUCH_DATA, YES)], {"en": "PReLU", "ja": "PReLU"}, {"prelu"}),
        ([(MUCH_DATA, NO)], {"en": "Leaky ReLU or ELU", "ja": "Leaky ReLU または ELU"}, {"leaky_relu", "elu"}),
    ],
    "output": [
        ([(TASK, {"en": "a real number", "ja": "実数（回帰）"})], {"en": "identity", "ja": "恒等関数"}, {"identity"}),
        ([(TASK, {"en": "a positive number", "ja": "正の値（回帰）"})], {"en": "softplus", "ja": "ソフトプラス関数"}, {"softplus"}),
        ([(TASK, {"en": "one of 2 classes", "ja": "2 クラスのどちらか"})], {"en": "sigmoid", "ja": "シグモイド関数"}, {"sigmoid"}),
        (
            [(TASK, {"en": "one of K classes", "ja": "K クラスのどれか 1 つ"})],
            {
                "en": "softmax; train with log-softmax and cross-entropy",
                "ja": "ソフトマックス関数（学習は対数ソフトマックスと交差エントロピーで）",
            },
            {"softmax"},
        ),
        (
            [(TASK, {"en": "several labels at once", "ja": "複数のラベル"})],
            {"en": "sigmoid on each output", "ja": "出力ごとにシグモイド関数"},
            {"sigmoid"},
        ),
    ],
}


def follow(chart: str, steps, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """Walk the chart from its first question, taking at each question the edge labelled as the
    step says; returns the node reached and the edges taken (fails, naming the step, if lost)."""
    node, taken = CHARTS[chart]["root"], []
    for number, (question, label) in enumerate(steps, 1):
        assert node in QUESTIONS, f"{chart} chart ({lang}), step {number}: reached the answer {node!r} instead of asking {question!r}"
        assert QUESTIONS[node]["en"] == question, (
            f"{chart} chart ({lang}), step {number}: asks {QUESTIONS[node]['en']!r} where the route asks {question!r}"
        )
        ends = [end for start, end, labels in EDGES if start == node and labels[lang] == label[lang]]
        assert len(ends) == 1, f"{chart} chart ({lang}): {len(ends)} edges labelled {label[lang]!r} from {question!r}"
        taken.append((node, ends[0]))
        node = ends[0]
    return node, taken


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("chart", CHARTS)
def test_every_route_leads_to_its_answer(chart, lang):
    """Each path through the chart, followed by its labels, ends at the answer the page gives for
    it; and the routes cover every edge of the chart, so none goes unchecked."""
    taken_in_all = set()
    for steps, answer, functions in ROUTES[chart]:
        route = " → ".join(f"{question} {label[lang]}" for question, label in steps)
        node, taken = follow(chart, steps, lang)
        taken_in_all.update(taken)
        assert node in ANSWERS, (
            f"{chart} chart ({lang}): {route} ends at the question {QUESTIONS.get(node, {}).get(lang)!r}, not at an "
            f"answer ({answer[lang]!r}); fix EDGES in hooks/decision_guide.py"
        )
        names, labels = ANSWERS[node]
        assert labels[lang] == answer[lang] and set(names) == functions, (
            f"{chart} chart ({lang}): {route} leads to {labels[lang]!r} ({sorted(names)}), but the page's choice "
            f"is {answer[lang]!r} ({sorted(functions)}); fix EDGES in hooks/decision_guide.py"
        )
    edges = {(start, end) for start, end, _ in EDGES if start in reachable(CHARTS[chart]["root"])}
    assert taken_in_all == edges, f"{chart} chart: edges no route takes (add a route here): {sorted(edges - taken_in_all)}"
