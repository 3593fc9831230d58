"""The stored PyTorch reference (tests/reference/pytorch.npz) is what PyTorch computes.

Runs only where torch is installed (requirements-test.txt does not install it). With the
version that made the file, regenerating must give the same arrays bit for bit; with another
version, the arrays must agree within the tolerances of tests/test_against_pytorch.py, and
the assertion messages say which of the two was checked.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from tests.reference.make_pytorch_reference import COMMAND, LIST_PATH, compute, load, torch_classes  # noqa: E402

STORED, META = load()
SAME_TORCH = torch.__version__ == META["torch"]
HOW = (
    f"exactly: installed torch {torch.__version__} made the file"
    if SAME_TORCH
    else f"within the tests' tolerances: installed torch {torch.__version__}, the file's is {META['torch']}"
)


@pytest.fixture(scope="session")
def regenerated():
    return compute()


def tolerances(key: str) -> dict:
    """Those of tests/test_against_pytorch.py, where it compares our snippets with these arrays."""
    gelu = key.startswith("gelu")  # PyTorch's GELU cancels for x < -5 (see that file)
    if key.endswith("/float16"):
        return {"rtol": 2**-10, "atol": 1e-6 if gelu else 2**-24}  # 1 ulp, or 1 subnormal
    if key.endswith("/float32"):
        return {"rtol": 1e-6, "atol": 1e-6 if gelu else 1e-37}
    if key.endswith("/grad") or key.endswith("/jacobian"):
        return {"rtol": 1e-10, "atol": 1e-14}
    return {"rtol": 1e-10, "atol": 1e-14 if gelu else 1e-300}  # float64 values, softmax


def test_the_same_keys_and_the_same_absences(regenerated):
    arrays, meta = regenerated
    assert sorted(arrays) == sorted(STORED), f"regenerated keys differ ({HOW}); run `{COMMAND}`"
    assert meta["missing"].keys() == META["missing"].keys(), f"PyTorch's absences differ ({HOW})"


@pytest.mark.parametrize("key", sorted(STORED))
def test_regenerating_gives_the_stored_array(regenerated, key):
    arrays, _ = regenerated
    if key not in arrays:
        pytest.fail(f"{key} is stored but no longer computed; run `{COMMAND}`")
    new, old = arrays[key], STORED[key]
    assert new.dtype == old.dtype and new.shape == old.shape, f"{key}: {new.dtype}{new.shape} vs stored {old.dtype}{old.shape}"
    message = f"{key}, compared {HOW}; run `{COMMAND}` if the new values are right"
    if SAME_TORCH:
        assert new.tobytes() == old.tobytes(), message  # bit for bit: signs of zeros and NaNs too
    else:
        np.testing.assert_allclose(new, old, **tolerances(key), err_msg=message)


def test_the_list_of_activation_classes_is_the_installed_torchs():
    """tests/reference/pytorch_activations.json, which the PyTorch page must cover, is what this torch lists."""
    listed = json.loads(LIST_PATH.read_text(encoding="utf-8"))["classes"]
    classes = torch_classes()
    assert listed == classes, (
        f"installed torch {torch.__version__} lists {sorted(set(classes) - set(listed))} more and "
        f"{sorted(set(listed) - set(classes))} fewer activation classes: run `{COMMAND}`, then cover them on the PyTorch page"
    )
