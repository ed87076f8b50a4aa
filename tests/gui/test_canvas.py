"""The drawing canvas: real mouse strokes become point lists with times; keys; undo/redo; clear."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.canvas import LOGICAL_SIZE, CanvasPanel, DrawingCanvas


def make_canvas(qtbot, size=300):
    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(size, size)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def test_mouse_stroke_is_kept_as_points_with_times(qtbot, draw):
    canvas = make_canvas(qtbot)
    with qtbot.waitSignal(canvas.strokesChanged):
        draw(canvas, [(50, 50), (250, 50), (250, 250)])
    strokes = canvas.strokes()
    assert len(strokes) == 1
    s = strokes[0]
    assert s.shape[1] == 3 and s.dtype == np.float64
    assert len(s) >= 10  # every move event adds a point
    assert np.all(np.diff(s[:, 2]) >= 0)  # times never go back
    # logical coordinates: the canvas side is LOGICAL_SIZE units whatever its pixel size
    assert 0 <= s[:, :2].min() and s[:, :2].max() <= LOGICAL_SIZE
    assert s[0, 0] < s[-1, 0] and s[0, 1] < s[-1, 1]


def test_strokes_do_not_depend_on_widget_size(qtbot, draw):
    small, big = make_canvas(qtbot, 200), make_canvas(qtbot, 400)
    draw(small, [(20, 20), (180, 180)])
    draw(big, [(40, 40), (360, 360)])
    a, b = small.strokes()[0], big.strokes()[0]
    np.testing.assert_allclose(a[[0, -1], :2], b[[0, -1], :2], atol=2.0)


def test_undo_redo_per_stroke_and_escape_clears(qtbot, draw):
    canvas = make_canvas(qtbot)
    canvas.setFocus()
    for pts in ([(30, 30), (100, 30)], [(30, 60), (100, 60)], [(30, 90), (100, 90)]):
        draw(canvas, pts)
    assert len(canvas.strokes()) == 3
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.strokes()) == 2
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.strokes()) == 1
    QTest.keyClick(
        canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(canvas.strokes()) == 2
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.is_empty()
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # a clear is undoable too
    assert len(canvas.strokes()) == 2


def test_digit_keys_ask_to_add_to_class(qtbot):
    canvas = make_canvas(qtbot)
    canvas.setFocus()
    for key, index in ((Qt.Key.Key_1, 0), (Qt.Key.Key_4, 3), (Qt.Key.Key_9, 8)):
        with qtbot.waitSignal(canvas.addRequested) as blocker:
            QTest.keyClick(canvas, key)
        assert blocker.args == [index]


def test_set_strokes_fits_a_drawing_into_the_canvas(qtbot):
    canvas = make_canvas(qtbot)
    far = np.array([[1000.0, 1000.0], [3000.0, 1000.0], [3000.0, 2000.0]])
    canvas.set_strokes([far])
    s = canvas.strokes()[0]
    assert s.shape == (3, 3)
    assert s[:, :2].min() >= 0 and s[:, :2].max() <= LOGICAL_SIZE
    # aspect ratio kept
    w, h = np.ptp(s[:, 0]), np.ptp(s[:, 1])
    assert abs(w / h - 2.0) < 1e-6


def test_panel_buttons_and_width(qtbot, draw, shape_points):
    panel = CanvasPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 360)
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.undo_button.isEnabled()
    draw(panel.canvas, shape_points("square", panel.canvas))
    assert panel.undo_button.isEnabled()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert panel.canvas.is_empty() and panel.redo_button.isEnabled()
    panel.width_slider.setValue(12)
    assert panel.canvas.pen_width() == 12
    # the canvas paints (offscreen grab) without errors, with ink where the stroke is
    draw(panel.canvas, [(40, 100), (200, 100)])
    image = panel.canvas.grab().toImage()
    assert image.pixelColor(120, 100).lightness() < 100


def test_pen_tablet_strokes_keep_sub_pixel_positions(qtbot):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QPointingDevice, QTabletEvent
    from PySide6.QtWidgets import QApplication

    canvas = make_canvas(qtbot)
    device = QPointingDevice.primaryPointingDevice()
    none = Qt.KeyboardModifier.NoModifier

    def tablet(kind, x, buttons):
        pos = QPointF(x, 60.25)
        return QTabletEvent(
            kind, device, pos, pos, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, none, Qt.MouseButton.LeftButton, buttons
        )

    left = Qt.MouseButton.LeftButton
    QApplication.sendEvent(canvas, tablet(QEvent.Type.TabletPress, 50.5, left))
    for i in range(1, 10):
        QApplication.sendEvent(canvas, tablet(QEvent.Type.TabletMove, 50.5 + 15 * i, left))
    QApplication.sendEvent(canvas, tablet(QEvent.Type.TabletRelease, 200.5, Qt.MouseButton.NoButton))
    strokes = canvas.strokes()
    assert len(strokes) == 1 and len(strokes[0]) == 11
    # sub-pixel pen positions are kept (not rounded to whole pixels as mouse events would be)
    xs = strokes[0][:, 0] * (canvas._square().width() / LOGICAL_SIZE) + canvas._square().x()  # noqa: SLF001
    np.testing.assert_allclose(xs[0], 50.5, atol=1e-6)


def test_a_pen_move_repaints_only_around_the_new_segment_and_draws_the_same_stroke(qtbot):
    """While a stroke is drawn, each pen move asks for a repaint of the newest segment's rectangle only,
    and the stroke's screen path grows by the new points (no loop over the whole stroke per move); the
    picture is the one a path made from scratch gives."""
    canvas = make_canvas(qtbot, 300)
    paints = []

    class Spy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                paints.append(event.rect())
            return False

    spy = Spy(canvas)
    canvas.installEventFilter(spy)
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 150))
    for x in range(45, 260, 5):
        QTest.mouseMove(canvas, QPoint(x, 150 + (x % 20)))
        QApplication.processEvents()
    assert len(canvas._current) >= 40
    moves = paints[1:]  # the first paint covers the press (and the hint text)
    assert len(moves) >= 20
    assert max(r.width() * r.height() for r in moves) < 0.05 * canvas.width() * canvas.height()
    assert canvas._current_path_points == len(canvas._current)  # grown, not made again
    grown = canvas.grab().toImage()
    canvas._current_path = None  # the whole path made from scratch
    assert canvas.grab().toImage() == grown
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(260, 150))
    assert len(canvas.strokes()) == 1 and canvas._current is None
