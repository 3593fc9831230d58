"""Each function page's table of properties says what the registry says, in both languages.

The pages explain each property in words, so the rows are not generated; instead each
row must state the registry's fact: the range's interval with its brackets, yes or no
where the registry has a flag, f'(0)'s number, and where the derivative tends to 0.
"""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, ROOT
from registry import FUNCTIONS

SECTION = {"en": "## Properties", "ja": "## 性質"}
LABELS = {  # the row for each fact, in each language
    "range": {"en": "Range", "ja": "値域"},
    "monotonic": {"en": "Monotonic", "ja": "単調"},
    "zero_centred": {"en": "Zero-centred", "ja": "出力がゼロ中心"},
    "smooth": {"en": "Smooth", "ja": "滑らか"},
    "grad_at_0": {"en": "Derivative at 0", "ja": "x = 0 における微分係数"},
    "saturates": {"en": "Saturates", "ja": "飽和する"},
}
YES = {"en": "yes", "ja": "はい"}
NO = {"en": "no", "ja": "いいえ"}
SAYS = {  # words that state a saturation claim, besides yes and no
    "negative": {"en": ("-\\infty", "negative"), "ja": ("-\\infty", "負の")},
    "positive": {"en": ("positive",), "ja": ("正の",)},
    "dead": {"en": ("x < 0",), "ja": ("x < 0",)},
    "outside": {"en": ("outside",), "ja": ("外側",)},
    "everywhere": {"en": ("everywhere",), "ja": ("いたるところ",)},
}
MEAN_ZERO = {"en": "mean 0", "ja": "平均は 0"}


def rows(lang: str, name: str) -> dict[str, str]:
    text = (ROOT / "docs" / lang / "functions" / f"{name}.md").read_text(encoding="utf-8")
    assert SECTION[lang] in text, f"docs/{lang}/functions/{name}.md: no '{SECTION[lang]}' section"
    section = text.split(SECTION[lang], 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| (.+?) \| (.+) \|$", section, re.M))


def starts_with(value: str, word: str) -> bool:
    return re.match(rf"{word}\b" if word.isascii() else word, value) is not None


CASES = [(lang, name) for name in FUNCTIONS for lang in LANGUAGES]


@pytest.mark.parametrize(("lang", "name"), CASES, ids=[f"{lang}-{name}" for lang, name in CASES])
def test_property_table_states_the_registry_facts(lang, name):
    f, table = FUNCTIONS[name], rows(lang, name)
    where = f"docs/{lang}/functions/{name}.md, {SECTION[lang]}"
    facts = ["range", "smooth"] if f.vector else list(LABELS)
    for fact in facts:
        label = LABELS[fact][lang]
        assert label in table, f"{where}: add the row '| {label} | ... |'"
        value = table[label]
        row = f"{where}, row {label!r}: {value!r}"
        if fact == "range":
            interval = f.range.tex()[2:-2]  # without \( \)
            assert interval in value, f"{row} does not state {interval} (functions.toml [{name}] range)"
        elif fact in ("monotonic", "smooth"):
            word = YES if getattr(f, fact) else NO
            assert starts_with(value, word[lang]), f"{row} should start with {word[lang]!r}"
        elif fact == "zero_centred":
            if f.zero_centred == "mean":
                assert MEAN_ZERO[lang] in value, f"{row} should say {MEAN_ZERO[lang]!r}"
            else:
                word = YES if f.zero_centred == "odd" else NO
                assert starts_with(value, word[lang]), f"{row} should start with {word[lang]!r}"
        elif fact == "grad_at_0":
            number = f.params[f.grad_at_0].tex() if f.grad_at_0 in f.params else f.grad_at_0
            assert number in value, f"{row} does not state {number}"
        elif fact == "saturates":
            if f.saturates in ("never", "both"):
                word = NO if f.saturates == "never" else YES
                assert starts_with(value, word[lang]), f"{row} should start with {word[lang]!r}"
            else:
                assert any(w in value for w in SAYS[f.saturates][lang]), f"{row} should say {SAYS[f.saturates][lang]}"
