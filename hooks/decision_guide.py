"""The decision guide flowcharts: written once, labelled in each language.

A page asks for a chart with a line holding only ``<!-- decision guide: hidden -->``
(or ``output``); this hook puts a ```` ```mermaid ```` fence there, which Material renders (and
``hooks/mermaid.py`` serves Mermaid for). The questions, answers and edges are
written once, so the two languages cannot disagree on the advice; only the
labels differ. ``tests/test_decision_guide.py`` checks the answers against the
function pages and the page's table of choices, and pins every route to its answer.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from language import current_language

MARKER = re.compile(r"^<!-- decision guide: (\w+) -->$", re.MULTILINE)

# One chart per layer, each from its first question, and one for the hidden layers' ReLU units
# that die; the direction keeps each narrow enough to be shown at full size in the column.
# Title and description are for screen readers (Mermaid's accTitle / accDescr).
CHARTS = {
    "hidden": {
        "root": "network",
        "direction": "LR",
        "title": {"en": "Choosing the hidden layers' activation", "ja": "隠れ層の活性化関数の選び方"},
        "description": {
            "en": "Names the hidden layers' function for each kind of network: SwiGLU in the feed-forward "
            "block of a transformer built as LLaMA, GELU in one built as BERT or GPT-2, sigmoid gates and "
            "a tanh state in an RNN cell, hard swish in a network for phones, SELU in a deep MLP without "
            "normalisation layers, and ReLU in any other.",
            "ja": "ネットワークの種類ごとに隠れ層の関数を示します。LLaMA 型の Transformer のフィードフォワード層"
            "（FFN）には SwiGLU、BERT や GPT-2 型の Transformer には GELU、RNN のセルにはゲートにシグモイド関数と"
            "状態に tanh、モバイル向けのネットワークには hard swish、正規化層を使わない深い全結合"
            "ネットワークには SELU、それ以外には ReLU です。",
        },
    },
    # Where the first chart's ReLU units die; a chart of its own keeps the first one two columns wide
    "dying": {
        "root": "much_data",
        "direction": "TD",
        "title": {"en": "When many ReLU units stay at 0", "ja": "出力が 0 のまま動かない ReLU が多いとき"},
        "description": {
            "en": "Where many ReLU units stay at 0: PReLU if there is data enough to learn its slope, "
            "otherwise Leaky ReLU or ELU.",
            "ja": "出力が 0 のまま動かない ReLU が多いときは、傾きを学習できるほどデータがあれば PReLU、"
            "なければ Leaky ReLU または ELU です。",
        },
    },
    "output": {
        "root": "task",
        "direction": "LR",
        "title": {"en": "Choosing the output layer's activation", "ja": "出力層の活性化関数の選び方"},
        "description": {
            "en": "Names the output function for each task: identity for a real number, softplus for "
            "a positive number, sigmoid for two classes, softmax for one of K classes, and a sigmoid "
            "on each output for several labels.",
            "ja": "予測するものごとに出力層の関数を示します。実数なら恒等関数、正の値ならソフトプラス関数、"
            "2 クラスならシグモイド関数、K クラスのどれか 1 つならソフトマックス関数、"
            "複数のラベルなら出力ごとにシグモイド関数です。",
        },
    },
}

# Questions: id -> labels
QUESTIONS = {
    "network": {"en": "What kind of network?", "ja": "どんなネットワーク？"},
    "much_data": {
        "en": "Data enough to learn the slope (ImageNet-scale)?",
        "ja": "傾きも学習できるほどデータが多い（ImageNet 規模）？",
    },
    "task": {"en": "What does the network predict?", "ja": "何を予測する？"},
}

# Answers: id -> (what it recommends, labels). Each name is a function of this handbook
# (functions/<name>.md), or a topic page (<name>.md) where the registry has no such function.
ANSWERS = {
    "use_swiglu": (("gated-units", "silu"), {"en": "SwiGLU feed-forward block", "ja": "SwiGLU の FFN"}),
    "use_gelu": (("gelu",), {"en": "GELU", "ja": "GELU"}),
    "use_sigmoid_tanh": (
        ("sigmoid", "tanh"),
        {"en": "sigmoid for the gates, tanh for the state", "ja": "ゲートにシグモイド関数、状態に tanh"},
    ),
    "use_hard_swish": (("hard_swish",), {"en": "hard swish", "ja": "hard swish"}),
    "use_selu": (("selu",), {"en": "SELU", "ja": "SELU"}),
    "use_relu": (("relu",), {"en": "ReLU, the default", "ja": "ReLU（まずはこれ）"}),
    "use_prelu": (("prelu",), {"en": "PReLU", "ja": "PReLU"}),
    "use_leaky_elu": (("leaky_relu", "elu"), {"en": "Leaky ReLU or ELU", "ja": "Leaky ReLU または ELU"}),
    "use_identity": (("identity",), {"en": "identity", "ja": "恒等関数"}),
    "use_softplus": (("softplus",), {"en": "softplus", "ja": "ソフトプラス関数"}),
    "use_sigmoid": (("sigmoid",), {"en": "sigmoid", "ja": "シグモイド関数"}),
    "use_softmax": (
        ("softmax",),
        {
            "en": "softmax; train with log-softmax and cross-entropy",
            "ja": "ソフトマックス関数（学習は対数ソフトマックスと交差エントロピーで）",
        },
    ),
    "use_sigmoid_each": (("sigmoid",), {"en": "sigmoid on each output", "ja": "出力ごとにシグモイド関数"}),
}

# Edges: (from, to, labels)
YES = {"en": "yes", "ja": "はい"}
NO = {"en": "no", "ja": "いいえ"}
EDGES = [
    ("network", "use_swiglu", {"en": "a transformer as LLaMA", "ja": "LLaMA 型の Transformer"}),
    ("network", "use_gelu", {"en": "a transformer as BERT, GPT-2", "ja": "BERT、GPT-2 型の Transformer"}),
    ("network", "use_sigmoid_tanh", {"en": "an RNN (LSTM, GRU)", "ja": "RNN（LSTM、GRU）"}),
    ("network", "use_hard_swish", {"en": "for phones (MobileNet)", "ja": "モバイル向け（MobileNet）"}),
    ("network", "use_selu", {"en": "a deep MLP, no normalisation layers", "ja": "正規化層のない深い全結合"}),
    ("network", "use_relu", {"en": "another (CNN, MLP)", "ja": "その他（CNN、全結合）"}),
    ("much_data", "use_prelu", YES),
    ("much_data", "use_leaky_elu", NO),
    ("task", "use_identity", {"en": "a real number", "ja": "実数（回帰）"}),
    ("task", "use_softplus", {"en": "a positive number", "ja": "正の値（回帰）"}),
    ("task", "use_sigmoid", {"en": "one of 2 classes", "ja": "2 クラスのどちらか"}),
    ("task", "use_softmax", {"en": "one of K classes", "ja": "K クラスのどれか 1 つ"}),
    ("task", "use_sigmoid_each", {"en": "several labels at once", "ja": "複数のラベル"}),
]


def reachable(root: str) -> list[str]:
    """The nodes of the chart that starts at ``root``, in the order they are written."""
    found = [root]
    for node in found:
        found += [end for start, end, _ in EDGES if start == node and end not in found]
    return found


def mermaid(chart: str, lang: str) -> str:
    """A chart's Mermaid source in one language."""
    spec = CHARTS[chart]
    nodes = reachable(spec["root"])
    lines = [
        f"flowchart {spec['direction']}",
        f"  accTitle: {spec['title'][lang]}",
        f"  accDescr: {spec['description'][lang]}",
    ]
    for node in nodes:
        if node in QUESTIONS:
            lines.append(f'  {node}{{{{"{QUESTIONS[node][lang]}"}}}}')  # hexagon: a question
        else:
            lines.append(f'  {node}("{ANSWERS[node][1][lang]}")')  # rounded box: an answer
    lines += [f'  {start} -->|"{labels[lang]}"| {end}' for start, end, labels in EDGES if start in nodes]
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    lang = current_language(config)

    def fence(match: re.Match) -> str:
        chart = match.group(1)
        if chart not in CHARTS:
            raise PluginError(f"{page.file.src_uri}: no decision-guide chart {chart!r}; known: {sorted(CHARTS)}")
        if lang not in CHARTS[chart]["title"]:
            raise PluginError(f"{page.file.src_uri}: no decision-guide labels for language {lang!r}")
        # The source is no text to search in (Material's search skips data-search-exclude)
        return f'```mermaid {{data-search-exclude=""}}\n{mermaid(chart, lang)}\n```'

    return MARKER.sub(fence, markdown)
