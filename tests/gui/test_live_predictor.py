"""The live predictor computes in its own thread, always for the newest drawing, and drops stale results."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

import gui.training
from engine import build_model, generate_drawings, rasterize, softmax
from gui.training import INPUT_SIZE, LivePrediction, LivePredictor

CLASSES = ["square", "triangle", "circle", "irregular"]


@pytest.fixture
def predictor(qtbot):
    controller = SimpleNamespace(model=build_model("tiny", 4, INPUT_SIZE, seed=3), classes=CLASSES)
    p = LivePredictor(controller, interval_ms=0, maps_interval_ms=0)
    yield p
    p.shutdown()


def strokes_of(i: int) -> list[np.ndarray]:
    return list(generate_drawings(1, seed=40 + i, classes=["square"])[0].strokes)


def test_prediction_is_the_engines_computed_off_the_gui_thread(predictor, qtbot, monkeypatch):
    threads = []
    real = gui.training.rasterize

    def spy(strokes, size):
        threads.append(threading.get_ident())
        return real(strokes, size)

    monkeypatch.setattr(gui.training, "rasterize", spy)
    strokes = strokes_of(0)
    with qtbot.waitSignal(predictor.predicted, timeout=3000) as blocker:
        predictor.request(strokes)
    classes, probs = blocker.args
    model = predictor._controller.model
    expected = softmax(model.forward(rasterize(strokes, INPUT_SIZE)[None, None], False))[0]
    assert classes == CLASSES
    np.testing.assert_allclose(probs, expected, rtol=1e-5, atol=1e-7)
    assert abs(float(probs.sum()) - 1.0) < 1e-5
    assert threads and threading.get_ident() not in threads, "rasterize + forward ran on the GUI thread"
    np.testing.assert_array_equal(predictor.last_input, rasterize(strokes, INPUT_SIZE))


def test_a_result_older_than_one_shown_is_dropped(predictor, qtbot):
    shown = []
    predictor.predicted.connect(lambda c, p: shown.append(p[0]))
    acts = []
    x = np.zeros((INPUT_SIZE, INPUT_SIZE), np.float32)
    predictor._on_computed(LivePrediction(5, tuple(CLASSES), np.array([0.5, 0.5, 0, 0]), acts, x))
    predictor._on_computed(LivePrediction(4, tuple(CLASSES), np.array([0.9, 0.1, 0, 0]), acts, x))
    predictor._on_computed(LivePrediction(6, tuple(CLASSES), np.array([0.2, 0.8, 0, 0]), acts, x))
    assert shown == [0.5, 0.2]
    assert predictor.generation == 2


def test_clearing_drops_a_result_still_being_computed(predictor, qtbot):
    shown, cleared = [], []
    predictor.predicted.connect(lambda c, p: shown.append(p))
    predictor.cleared.connect(lambda: cleared.append(True))
    predictor.request(strokes_of(1))  # sent at once (interval 0) ...
    predictor.request([])  # ... and the canvas is cleared before its result is back
    assert cleared == [True]
    qtbot.waitUntil(lambda: not predictor._thread.isRunning(), timeout=3000)
    QCoreApplication.processEvents()  # a result emitted before the thread ended arrives now: it is dropped
    assert shown == [] and predictor.last_input is None


def test_the_newest_drawing_wins(predictor, qtbot):
    """Many requests in a row: the last result shown is for the last drawing, and none is shown twice."""
    shown = []
    predictor.predicted.connect(lambda c, p: shown.append(p.copy()))
    drawings = [strokes_of(i) for i in range(8)]
    for d in drawings:
        predictor.request(d)
    expected = softmax(
        predictor._controller.model.forward(rasterize(drawings[-1], INPUT_SIZE)[None, None], False)
    )[0]
    qtbot.waitUntil(lambda: bool(shown) and np.allclose(shown[-1], expected, atol=1e-6), timeout=3000)
    assert 1 <= len(shown) <= len(drawings)


def test_weights_changed_after_a_request_do_not_leak_into_it(predictor, qtbot):
    """The worker computes with a copy of the model taken when the job was sent."""
    strokes = strokes_of(2)
    model = predictor._controller.model
    before = softmax(model.forward(rasterize(strokes, INPUT_SIZE)[None, None], False))[0]
    with qtbot.waitSignal(predictor.predicted, timeout=3000) as blocker:
        predictor.request(strokes)
        for p in model.parameters().values():
            p *= 3.0  # the GUI's model changes while the job may still be computing
    np.testing.assert_allclose(blocker.args[1], before, rtol=1e-5, atol=1e-7)
    with qtbot.waitSignal(predictor.predicted, timeout=3000) as blocker:
        predictor.refresh()  # the window calls this when new weights arrive
    after = softmax(model.forward(rasterize(strokes, INPUT_SIZE)[None, None], False))[0]
    np.testing.assert_allclose(blocker.args[1], after, rtol=1e-5, atol=1e-7)
    assert not np.allclose(before, after)
