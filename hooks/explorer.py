"""A live explorer on every function page: the reader moves the function's parameters and sees
f and f' redrawn, with a point, its tangent and where the gradient is dead or saturated.

The page gets, after the build-time figure of its function (which stays for readers without
JavaScript), an empty ``<div class="explorer" data-explorer="{...}">`` holding what the
script needs: the function's name, its parameters with the registry's defaults and valid
ranges (functions.toml, via registry.py: the page, the snippet and the control cannot
disagree), its kinks, and the control labels in the page's language. The script
(``docs/assets/javascripts/explorer/``) is loaded only when the reader scrolls near it, by a
small loader placed at the end of the page; the math it draws is held to the snippets by
tests/test_explorer_math.py.
"""

from __future__ import annotations

import html
import json
import math
import re

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from language import current_language
from registry import FUNCTIONS, Param

LOADER = "assets/javascripts/explorer/loader.js"
SCRIPTS = ["assets/javascripts/explorer/functions.js", "assets/javascripts/explorer/explorer.js"]
PAGE = re.compile(r"(?:^|/)functions/(\w+)\.md")  # ja/functions/relu.md
SYMBOL = {"alpha": "α"}  # how a parameter is shown; the others by their keyword

TEXT = {
    "en": {
        "region": "Explorer: {name} and its derivative",
        "help": (
            "Drag the plot to pan, use the wheel or + and − to zoom, "
            "move the point with the pointer or the arrow keys."
        ),
        "xmin": "x from", "xmax": "x to", "reset": "Reset view", "point": "Point on the curve",
        "dead": "f′ = 0 (dead)", "saturated": "f′ below 1% of its largest value here (saturated)",
        "tangent": "tangent", "invalid": "Not a valid value: {why}",
        "logits": "Logits", "logit": "logit {i}", "temperature": "Temperature T",
        "probabilities": "Probabilities softmax(x / T)", "choice": "{name}",
    },
    "ja": {
        "region": "エクスプローラー: {name} とその導関数",
        "help": "グラフをドラッグで移動、ホイールまたは + と − で拡大・縮小、点はポインターか矢印キーで動かせます。",
        "xmin": "x の最小値", "xmax": "x の最大値", "reset": "表示を戻す", "point": "曲線上の点",
        "dead": "f′ = 0（勾配が消える）", "saturated": "f′ が表示範囲の最大値の 1% 未満（飽和）",
        "tangent": "接線", "invalid": "有効な値ではありません: {why}",
        "logits": "ロジット", "logit": "ロジット {i}", "temperature": "温度 T",
        "probabilities": "確率 softmax(x / T)", "choice": "{name}",
    },
}


def _number(value: float) -> float | None:
    """JSON has no infinity: an unbounded end is null."""
    return None if math.isinf(value) else value


def control(param: Param) -> dict | None:
    """What the page's control for one parameter needs, straight from the registry."""
    label = SYMBOL.get(param.name, param.name)
    if param.choices is not None:
        return {"name": param.name, "label": label, "default": param.default, "choices": list(param.choices)}
    if param.valid is None:  # e.g. softmax's or PReLU's axis: not a parameter of the curve
        return None
    low, high = param.valid.low.value, param.valid.high.value
    default = float(param.default)
    # The slider spans the valid range where it is finite, else 2 past the default (and 0)
    slider_low = low if math.isfinite(low) else min(default, 0.0) - 2.0
    slider_high = high if math.isfinite(high) else max(default, 0.0) + 2.0
    return {
        "name": param.name, "label": label, "default": default,
        "min": _number(low), "max": _number(high),
        "minClosed": param.valid.low_reached, "maxClosed": param.valid.high_reached,
        "sliderMin": slider_low, "sliderMax": slider_high,
    }


def settings(name: str, lang: str) -> dict:
    function = FUNCTIONS[name]
    text = {key: value.replace("{name}", name) for key, value in TEXT[lang].items()}
    return {
        "name": name,
        "vector": function.vector,
        "params": [c for c in map(control, function.params.values()) if c is not None],
        "kinks": [k.x for k in function.kinks],
        "text": text,
    }


def on_page_content(html_text, page, config, files):
    match = PAGE.search(page.file.src_uri)
    if match is None or match.group(1) not in FUNCTIONS:
        return html_text
    name = match.group(1)
    lang = current_language(config)
    if lang not in TEXT:
        raise PluginError(f"hooks/explorer.py: add the explorer's labels in {lang!r} to TEXT")
    data = html.escape(json.dumps(settings(name, lang), ensure_ascii=False), quote=True)
    # data-vector: softmax's explorer (logits and bars) is shorter; contrast.css reserves less room
    vector = " data-vector" if FUNCTIONS[name].vector else ""
    box = f'<div class="explorer"{vector} data-explorer="{data}"></div>'
    # After the paragraph that holds the build-time figure of this function
    figure = re.search(rf'<img[^>]*src="[^"]*figures/{name}\.svg"[^>]*>', html_text)
    if figure is None:
        raise PluginError(f"{page.file.src_uri}: no figure figures/{name}.svg to put the explorer after")
    end = html_text.find("</p>", figure.end())
    end = figure.end() if end == -1 else end + len("</p>")
    return html_text[:end] + "\n" + box + html_text[end:]


def on_post_page(output, page, config):
    if 'class="explorer"' not in output:
        return output
    loader = get_relative_url(LOADER, page.url)
    sources = " ".join(get_relative_url(s, page.url) for s in SCRIPTS)
    tag = f'<script src="{loader}" data-src="{sources}" defer></script>\n'
    return output.replace("</body>", tag + "</body>", 1)
