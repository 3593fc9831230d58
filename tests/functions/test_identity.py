"""Claims of the identity page (docs/en/functions/identity.md and its Japanese twin).

Each test names the sentence it backs; the checks every function gets are in tests/test_snippets.py.
"""

from __future__ import annotations

import numpy as np

from snippets.identity import identity, identity_grad

GRID = np.linspace(-8.0, 8.0, 1601)


def test_identity_known_values():
    """Formula and derivative: h(x) = x, h'(x) = 1."""
    x = np.array([-1.5, 0.0, 2.0])
    np.testing.assert_array_equal(identity(x), x)
    np.testing.assert_array_equal(identity_grad(x), [1.0, 1.0, 1.0])


def test_identity_properties():
    """"`identity` returns a new array, never its input" (pitfall "Returning the input itself");
    table: "Monotonic: yes, strictly increasing"."""
    x = np.array([1.0, 2.0])
    y = identity(x)
    y += 1
    np.testing.assert_array_equal(x, [1.0, 2.0])  # a copy, never the input itself
    assert np.all(np.diff(identity(GRID)) > 0)


def test_identity_infinities():
    """Table: "Range (-inf, inf)"; "`identity_grad` is 1 everywhere"."""
    inf = np.inf
    np.testing.assert_array_equal(identity([-inf, inf]), [-inf, inf])
    np.testing.assert_array_equal(identity_grad([-inf, inf]), [1.0, 1.0])


def test_identity_in_place_updates_of_the_output_leave_the_input_alone():
    """Pitfall "Returning the input itself": with `return x`, "an in-place update of the output, such
    as `y += 1` or `np.clip(y, 0, 1, out=y)`, silently changes the input too"; `identity` copies."""
    x = np.array([-0.5, 0.5, 2.0])
    y = (lambda v: v)(x)  # the shortest identity, `return x`
    np.clip(y, 0, 1, out=y)
    np.testing.assert_array_equal(x, [0.0, 0.5, 1.0])  # the caller's input changed
    x = np.array([-0.5, 0.5, 2.0])
    y = identity(x)
    y += 1
    np.clip(y, 0, 1, out=y)
    np.testing.assert_array_equal(x, [-0.5, 0.5, 2.0])  # this page's identity leaves it alone
