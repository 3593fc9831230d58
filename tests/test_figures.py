"""The figure cache (hooks/figures.py): a figure is redrawn whenever any code that draws it changes.

A figure is cached under a key made from the example's code and every project module it imports,
directly or through another module (the vanishing-gradient example imports
``snippets.vanishing_gradient``, which imports ``snippets.tanh``). A key that missed one would
keep showing a stale figure under ``mkdocs serve`` and in every warm build after an edit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import figures  # the build hook
from conftest import ROOT


def relative(paths) -> set[str]:
    return {p.relative_to(figures.ROOT).as_posix() for p in paths}


def test_modules_imported_through_another_module_are_followed():
    found = relative(figures.imported_snippets(figures.EXAMPLES / "vanishing_gradient.py"))
    assert {"snippets/vanishing_gradient.py", "snippets/tanh.py", "snippets/sigmoid.py", "snippets/relu.py", "snippets/gelu.py"} <= found
    assert "snippets/examples/vanishing_gradient.py" not in found, "the example itself is hashed on its own"


def test_every_drawing_example_imports_only_modules_that_exist():
    """Each module in a key is a file of the project (a missing one would be a typo in the resolver)."""
    for example in figures.plotting_examples():
        modules = figures.imported_snippets(example)
        assert modules, f"{example.name} imports no snippet"
        assert all(m.is_file() and m.is_relative_to(figures.ROOT / "snippets") for m in modules), example.name


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A throwaway project root for the hook, with a ``snippets`` package of its own."""
    (tmp_path / "snippets" / "examples").mkdir(parents=True)
    monkeypatch.setattr(figures, "ROOT", tmp_path)
    monkeypatch.setattr(figures, "EXAMPLES", tmp_path / "snippets" / "examples")
    return tmp_path


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


def test_every_import_form_is_followed(project):
    write(
        project,
        {
            "snippets/__init__.py": "",
            "snippets/examples/__init__.py": "",
            "snippets/examples/chart.py": "import numpy as np\nfrom snippets.a import f\n",
            "snippets/a.py": "from snippets import b\nimport snippets.c as c\n",
            "snippets/b.py": "from . import d\nfrom .e import g\n",
            "snippets/c.py": "import snippets.f\n",
            "snippets/d.py": "import os\n",
            "snippets/e.py": "g = 1\n",
            "snippets/f.py": "from .missing import nothing  # not a file: ignored, Python reports it\n",
            "snippets/unused.py": "",
        },
    )
    found = relative(figures.imported_snippets(project / "snippets" / "examples" / "chart.py"))
    expected = {f"snippets/{name}.py" for name in ["__init__", "a", "b", "c", "d", "e", "f"]}
    assert found == expected


def test_cache_key_changes_when_an_indirectly_imported_module_changes(project):
    shutil.copytree(ROOT / "snippets", project / "snippets", dirs_exist_ok=True)
    example = project / "snippets" / "examples" / "vanishing_gradient.py"
    before = figures.cache_key(example)
    assert figures.cache_key(example) == before, "the key is a function of the code"
    tanh = project / "snippets" / "tanh.py"
    tanh.write_text(tanh.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert figures.cache_key(example) != before, (
        "editing snippets/tanh.py must redraw figures/vanishing_gradient.svg "
        "(its example imports snippets.vanishing_gradient, which imports snippets.tanh)"
    )
    unrelated = project / "snippets" / "softmax.py"
    key = figures.cache_key(example)
    unrelated.write_text(unrelated.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert figures.cache_key(example) == key, "a module the example does not import does not redraw it"
