"""benchmarks/lighthouse.py sets aside a run in which Chromium's viz held back the page's frames
before its first paint (a lab artefact, its docstring says why): what it counts, and how often
it runs a page again. No Lighthouse is run here; the reports and traces are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import lighthouse

START, PAINT = 1_000_000, 2_200_000  # trace clock, µs


def report(withheld: int = 0) -> dict:
    metrics = {"observedNavigationStartTs": START, "observedFirstPaintTs": PAINT}
    return {"audits": {"metrics": {"details": {"items": [metrics]}}}, "withheldFrames": withheld}


def decision(ms: float, reason: str) -> dict:
    return {"name": "SendBeginFrameDecision", "ts": START + ms * 1000, "args": {"reason": reason}}


def test_withheld_frames_counts_vizs_holding_reasons_between_navigation_and_first_paint():
    trace = {"traceEvents": [
        decision(-5, "ThrottleUndrawnFrames"),  # before the navigation: another page's
        decision(200, "ThrottleUndrawnFrames"),
        decision(300, "SendDefault"),
        decision(400, "ThrottleUnresponsiveClient"),
        decision(500, "StopUnresponsiveClient"),
        decision(600, "ThrottleRequested"),  # the page asked for fewer frames itself
        decision(1_300, "ThrottleUndrawnFrames"),  # after the first paint
        {"name": "DrawFrame", "ts": START + 300_000, "args": {}},
    ]}
    assert lighthouse.withheld_frames(report(), trace) == 3


def test_a_run_with_frames_withheld_is_run_again_at_most_runs_times(monkeypatch):
    withheld = iter([5, 0, 60, 60, 60, 60, 0, 0, 0])
    monkeypatch.setattr(lighthouse, "lighthouse", lambda url, out, slowdown: report(next(withheld)))
    reports, aside = lighthouse.page_runs("page", 3, Path("/nonexistent"), None, keep_withheld=False)
    # 5 and 60, 60, set aside; then the limit (3) is reached and the next 60 counts
    assert [r["withheldFrames"] for r in reports] == [0, 60, 60]
    assert aside == 3


@pytest.mark.parametrize("keep", [True, False])
def test_every_run_counts_when_none_is_withheld_or_when_asked(monkeypatch, keep):
    withheld = iter([0, 7, 0] if keep else [0, 0, 0])
    monkeypatch.setattr(lighthouse, "lighthouse", lambda url, out, slowdown: report(next(withheld)))
    reports, aside = lighthouse.page_runs("page", 3, Path("/nonexistent"), None, keep_withheld=keep)
    assert len(reports) == 3 and aside == 0
