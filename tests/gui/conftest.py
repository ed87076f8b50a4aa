"""Fixtures for the trainer-window tests.

- Every test fails if it leaves a QThread or a child process running (napari's rule).
- `make_window(data_dir)` builds the window with `gui.app.create_main_window` on a small, generated
  starter set (so tests are fast), registers it with qtbot, and sets a small, fast training setup.
- `draw(canvas, points)` draws one stroke with real mouse press / move / release events.
"""

from __future__ import annotations

import gc
import multiprocessing
import warnings
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt, QThread
from PySide6.QtTest import QTest

from engine import generate_drawings, write_ndjson


def _running_qthreads() -> list[QThread]:
    """Every QThread with a Python wrapper that is still running (the type is never patched: setting any
    attribute on QThread makes pyqtgraph-heavy tests crash under PySide6 6.11)."""
    running = []
    with warnings.catch_warnings():  # isinstance() on some libraries' lazy objects warns (torch, if loaded)
        warnings.simplefilter("ignore")
        gc.unfreeze()  # objects a large open froze (gui/window/files.py) are not in get_objects otherwise
        threads = [obj for obj in gc.get_objects() if isinstance(obj, QThread)]
    for obj in threads:
        try:
            if obj.isRunning():
                running.append(obj)
        except RuntimeError:  # its C++ object is gone: the thread ended and was deleted
            pass
    return running


@pytest.fixture(autouse=True)
def no_thread_left_running():
    """Fail a test that leaves a QThread (or a child process) running, and stop it for the next test."""
    yield
    running = _running_qthreads()
    for thread in running:
        thread.quit()
        thread.wait(5000)
    children = multiprocessing.active_children()  # training / analysis processes
    for child in children:
        child.terminate()
        child.join(5)
    assert not running, f"{len(running)} QThread(s) still running at the end of the test"
    assert not children, f"{len(children)} child process(es) still running at the end of the test"


@pytest.fixture
def running_qthreads():
    """The function that lists running QThreads, for tests that check it themselves mid-test."""
    return _running_qthreads


@pytest.fixture(scope="session")
def small_starter(tmp_path_factory) -> Path:
    """A small built-in starter set (12 drawings per default class) for fast tests."""
    path = tmp_path_factory.mktemp("resources") / "starter.ndjson"
    write_ndjson(path, generate_drawings(12, seed=5))
    return path


@pytest.fixture
def make_window(qtbot, monkeypatch, small_starter):
    import gui.app

    monkeypatch.setattr(gui.app, "STARTER_PATH", small_starter)
    windows = []

    def make(data_dir, *, fast=True, show=True, register=True):
        window = gui.app.create_main_window(data_dir)
        if register:  # qtbot closes it at the end (a test that deletes its window passes False)
            qtbot.addWidget(window)
        if fast:
            tp = window.training_panel
            tp.preset.setCurrentIndex(tp.preset.findData("tiny"))
            tp.batch.setValue(8)
            tp.epochs.setValue(2)
            tp.val_split.setValue(20)
            tp.augment.setChecked(False)
        if show:
            window.resize(1280, 720)
            window.show()
            qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for w in windows:  # a test that already closed its window: closing again is harmless
        try:
            w.controller.shutdown()
            w.predictor.shutdown()
        except RuntimeError:
            pass


def draw(canvas, points, *, steps: int = 6) -> None:
    """One stroke through `points` (widget pixels) with real left-button mouse events, interpolated."""
    pts = [QPoint(int(x), int(y)) for x, y in points]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
    for a, b in zip(pts, pts[1:], strict=False):
        for k in range(1, steps + 1):
            t = k / steps
            QTest.mouseMove(
                canvas, QPoint(round(a.x() + (b.x() - a.x()) * t), round(a.y() + (b.y() - a.y()) * t))
            )
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[-1])


def shape_points(kind: str, canvas, jitter: float = 0.0, seed: int = 0) -> list[tuple[float, float]]:
    """Corner points of a simple shape that fits the canvas."""
    rng = np.random.default_rng(seed)
    w, h = canvas.width(), canvas.height()
    cx, cy, r = w / 2, h / 2, min(w, h) * 0.3
    if kind == "square":
        pts = [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r), (cx - r, cy - r)]
    elif kind == "triangle":
        pts = [(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r), (cx, cy - r)]
    else:
        t = np.linspace(0, 2 * np.pi, 24)
        pts = list(zip(cx + r * np.cos(t), cy + r * np.sin(t), strict=True))
    return [(x + rng.normal(0, jitter), y + rng.normal(0, jitter)) for x, y in pts]


@pytest.fixture(name="draw")
def draw_fixture():
    """`draw(canvas, points)`: one stroke with real mouse events."""
    return draw


@pytest.fixture(name="shape_points")
def shape_points_fixture():
    """`shape_points(kind, canvas)`: corner points of a square, triangle or circle on the canvas."""
    return shape_points
