"""The live predictor computes in a runner thread, always for the newest drawing, and drops stale results."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

import gui.workers.predictor as predictor_module
from engine import build_model, generate_drawings, rasterize, softmax
from gui.training import INPUT_SIZE, LivePredictor

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
    real = predictor_module.rasterize

    def spy(strokes, size):
        threads.append(threading.get_ident())
        return real(strokes, size)

    monkeypatch.setattr(predictor_module, "rasterize", spy)
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


def test_requests_waiting_behind_a_running_one_are_dropped_but_the_newest(predictor, qtbot, monkeypatch):
    """Job 1 is held while drawings 2, 3 and 4 come: 2 and 3 never run, 1 is still shown (it is newer than
    what is on screen) and then 4, the newest; nothing is shown twice or out of order."""
    gate, real = threading.Event(), predictor_module.predict_job
    calls = []

    def held(strokes, model, classes, *, should_stop):
        calls.append(strokes)
        if len(calls) == 1:
            gate.wait(10)
        return real(strokes, model, classes, should_stop=should_stop)

    monkeypatch.setattr(predictor_module, "predict_job", held)
    shown = []
    predictor.predicted.connect(lambda c, p: shown.append(p.copy()))
    drawings = [strokes_of(10 + i) for i in range(4)]
    predictor.request(drawings[0])
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)
    for d in drawings[1:]:
        predictor.request(d)
    gate.set()
    qtbot.waitUntil(lambda: not predictor.is_busy(), timeout=3000)
    model = predictor._controller.model
    expected = [softmax(model.forward(rasterize(d, INPUT_SIZE)[None, None], False))[0] for d in drawings]
    assert len(calls) == 2 and calls[1] is not drawings[1]
    assert len(shown) == 2
    np.testing.assert_allclose(shown[0], expected[0], atol=1e-6)
    np.testing.assert_allclose(shown[1], expected[3], atol=1e-6)
    assert predictor._runner.dropped == 2


def test_clearing_drops_a_result_still_being_computed(predictor, qtbot):
    shown, cleared = [], []
    predictor.predicted.connect(lambda c, p: shown.append(p))
    predictor.cleared.connect(lambda: cleared.append(True))
    predictor.request(strokes_of(1))  # sent at once (interval 0) ...
    predictor.request([])  # ... and the canvas is cleared before its result is back
    assert cleared == [True]
    qtbot.waitUntil(lambda: not predictor.is_busy(), timeout=3000)  # the result came back, and was dropped
    QCoreApplication.processEvents()
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
    qtbot.waitUntil(lambda: not predictor.is_busy(), timeout=3000)
    QCoreApplication.processEvents()
    assert 1 <= len(shown) <= len(drawings)
    # no result is shown twice, and the bars never go back to an older drawing
    outputs = [
        softmax(predictor._controller.model.forward(rasterize(d, INPUT_SIZE)[None, None], False))[0]
        for d in drawings
    ]
    which = [next(i for i, o in enumerate(outputs) if np.allclose(p, o, atol=1e-6)) for p in shown]
    assert len(set(which)) == len(which), f"a result was shown twice: {which}"
    assert which == sorted(which), f"an older drawing was shown after a newer one: {which}"


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
