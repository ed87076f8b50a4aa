"""Accessibility: every focusable widget of every window has a name a screen reader can say, and training
progress is announced."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from gui.canvas import TEMPLATE_RADIUS, template_stroke
from gui.window.accessibility import accessible_name, first_sentence, name_widgets, unnamed_focusable


def test_every_focusable_widget_of_every_window_has_an_accessible_name(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.show_lessons()
    window.show_analysis()
    lessons, analysis = window.side_windows.lessons_window, window.side_windows.analysis_window
    qtbot.waitUntil(lambda: bool(accessible_name(window.lessons) and accessible_name(window.analysis)),
                    timeout=3000)
    for win in (window, lessons, analysis):
        missing = [(type(w).__name__, w.objectName()) for w in unnamed_focusable(win)]
        assert not missing, (win.objectName(), missing)
    # names come from labels, tooltips and owners, not from nowhere
    assert accessible_name(window.canvas).startswith("Draw a shape here")
    spin_edit = window.training_panel.epochs.findChild(QLineEdit)
    assert accessible_name(spin_edit) == accessible_name(window.training_panel.epochs) == "Epochs"
    assert accessible_name(window.lessons) == "Lessons"
    assert "tabs:" in window.lessons.accessibleDescription()
    lessons.close()
    analysis.close()


def test_the_check_finds_an_unnamed_field(make_window, tmp_path):
    window = make_window(tmp_path / "data")
    field = QLineEdit()
    window.training_panel.layout().addWidget(field)
    assert field in unnamed_focusable(window)
    name_widgets(window)  # nothing to name it by: it stays unnamed
    assert field in unnamed_focusable(window)
    field.setToolTip("How many drawings to keep. More is slower.")
    name_widgets(window)
    assert accessible_name(field) == "How many drawings to keep"
    assert field not in unnamed_focusable(window)
    assert isinstance(window.training_panel.layout(), QVBoxLayout)


def test_first_sentence():
    assert first_sentence("<b>Loss</b>: how wrong. More") == "Loss"
    assert first_sentence("Which network to train. Changing it starts over.") == "Which network to train"
    assert first_sentence("") == ""


def test_training_is_announced(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.train()
    qtbot.waitUntil(lambda: window.controller.state == "idle" and not window.controller.is_active(),
                    timeout=60000)
    spoken = window.announcer.spoken
    epochs = window.training.settings().epochs
    assert [t for t in spoken if t.startswith("Epoch ")][:1] == [
        t for t in spoken if t.startswith(f"Epoch 1 of {epochs} done: validation accuracy")][:1]
    assert any(t.startswith(f"Epoch {epochs} of {epochs} done") for t in spoken), spoken
    assert spoken[-1].startswith("Training finished"), spoken


def test_a_template_shape_is_drawn_and_added_from_the_keyboard(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    canvas = window.canvas
    canvas.setFocus()
    before = len(window.state.drawings)
    QTest.keyClick(canvas, Qt.Key.Key_T)
    (stroke,) = canvas.strokes()
    assert np.allclose(stroke[0, :2], stroke[-1, :2])  # closed
    assert np.all(np.diff(stroke[:, 2]) > 0)  # times grow as if drawn
    assert stroke[:, 1].min() == pytest.approx(128 - TEMPLATE_RADIUS)  # the apex on top
    QTest.keyClick(canvas, Qt.Key.Key_C)  # another template replaces it; Ctrl+Z brings the triangle back
    assert np.hypot(*(canvas.strokes()[0][:, :2] - 128).T).std() < 1e-6
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert np.array_equal(canvas.strokes()[0], stroke)
    QTest.keyClick(canvas, Qt.Key.Key_2)  # class 2: triangle
    qtbot.waitUntil(lambda: len(window.state.drawings) == before + 1, timeout=3000)
    assert window.state.drawings[-1].label == "triangle"
    assert canvas.is_empty()


def test_template_strokes():
    for kind, corners in (("square", 4), ("triangle", 3)):
        s = template_stroke(kind)
        for coord in (s[:, 0], s[:, 1]):
            assert coord.min() >= 128 - TEMPLATE_RADIUS * 1.01 and coord.max() <= 128 + TEMPLATE_RADIUS * 1.01
        turns = np.diff(np.unwrap(np.arctan2(*np.diff(s[:, 1::-1], axis=0).T)))
        assert np.sum(np.abs(turns) > 0.5) == corners - 1  # sharp turns between sides
    with pytest.raises(ValueError):
        template_stroke("hexagon")


def test_the_prediction_and_the_plots_have_their_numbers_as_text(make_window, tmp_path, qtbot, draw,
                                                                  shape_points):
    window = make_window(tmp_path / "data")
    window.train()
    qtbot.waitUntil(lambda: window.controller.state == "idle" and not window.controller.is_active(),
                    timeout=60000)
    window.training.flush_records()
    window.plots.flush()
    described = window.plots.accessibleDescription()
    x, y = window.plots.series("val_acc")
    assert f"validation accuracy {y[-1]:.3g} % at {x[-1]:.2f} epochs" in described
    draw(window.canvas, shape_points("square", window.canvas))
    qtbot.waitUntil(lambda: bool(window.prediction.shown()), timeout=5000)
    window.prediction.flush()
    text = window.prediction.bars.accessibleDescription()
    for name, p, _colour in window.prediction.shown():
        assert f"{name} {100 * p:.1f} %" in text
