"""Accessibility: every focusable widget of every window has a name a screen reader can say, and training
progress is announced."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QVBoxLayout, QWidget

from gui.canvas import TEMPLATE_RADIUS, template_stroke
from gui.widget_tree import descendants, find_named
from gui.window.accessibility import (
    accessible_description,
    accessible_name,
    first_sentence,
    holds_focus,
    main_tab_order,
    name_widgets,
    undescribed_focusable,
    unnamed_focusable,
)
from gui.window.compare_dialog import show_compare


def _unlabelled(win) -> list:
    return ([("no name", type(w).__name__, w.objectName()) for w in unnamed_focusable(win)]
            + [("no description", type(w).__name__, w.objectName()) for w in undescribed_focusable(win)])


def test_every_focusable_widget_of_every_window_has_an_accessible_name(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.show_lessons()
    window.show_analysis()
    lessons, analysis = window.side_windows.lessons_window, window.side_windows.analysis_window
    qtbot.waitUntil(lambda: bool(accessible_name(window.lessons) and accessible_name(window.analysis)),
                    timeout=3000)
    for win in (window, lessons, analysis):
        assert not _unlabelled(win), (win.objectName(), _unlabelled(win))
    # names come from labels, tooltips and owners, not from nowhere
    assert accessible_name(window.canvas).startswith("Draw a shape here")
    spin_edit = find_named(window.training_panel.epochs, "", QLineEdit)
    assert accessible_name(spin_edit) == accessible_name(window.training_panel.epochs) == "Epochs"
    assert accessible_name(window.lessons) == "Lessons"
    assert "tabs:" in window.lessons.accessibleDescription()
    assert accessible_description(window.training_panel.epochs).startswith("Epochs: passes over the training")
    assert accessible_description(window.gallery.view).startswith("Arrow keys move between drawings")
    lessons.close()
    analysis.close()


def test_every_dialog_the_main_window_opens_is_named(make_window, tmp_path, qtbot):
    """Each dialog reachable from the menus and panels, checked while it is open (a timer looks at the
    dialog from inside its own event loop, then closes it)."""
    window = make_window(tmp_path / "data")
    seen: dict[str, list] = {}

    def look() -> None:
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                seen[top.windowTitle()] = _unlabelled(top)
                top.reject()

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(look)
    timer.start()
    for open_dialog in (
        window.messages.show_shortcuts,
        window.messages.show_about,
        lambda: show_compare(window),
        lambda: window.palette.ask_delete("square"),
        lambda: window.palette._ask_rename("square"),
        lambda: window.palette._ask_color("square"),
        window.palette._ask_new_class,
        window.labelling.ask_drawer_name,
        window.files.import_dialog,
        lambda: window.messages.warn("Could not open", "A message."),
        lambda: QFileDialog.getSaveFileName(window, "Save as PNG", "", "PNG image (*.png)"),
    ):
        count = len(seen)
        open_dialog()
        qtbot.waitUntil(lambda c=count: len(seen) > c, timeout=5000)
    timer.stop()
    assert {"Keyboard shortcuts", "About ShapeLab", "Compare models", "Delete class “square”",
            "Colour of “square”", "Save as PNG"} <= set(seen), seen
    assert not any(seen.values()), seen


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


def _tab_walk(window, qtbot) -> list:
    """The widgets Tab visits from the canvas until it comes back (real Tab key presses)."""
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas, timeout=10000)
    visited = [window.canvas]
    for _ in range(200):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is window.canvas:
            break
        visited.append(QApplication.focusWidget())
    return visited


def _tab_stops(window) -> list:
    """Every widget of the main window that Tab can stop on now (visible, enabled, Tab focus)."""
    return [w for w in descendants(window)
            if w.window() is window and holds_focus(w) and w.isVisible()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus]


def test_tab_reaches_every_control_of_the_main_window_in_screen_order(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    qtbot.waitUntil(window.filters.scroller.isVisible, timeout=5000)  # the untrained model's filters
    visited = _tab_walk(window, qtbot)
    # every control Tab can reach is reached, once
    assert len(visited) == len(set(visited))
    missing = [(type(w).__name__, accessible_name(w)) for w in _tab_stops(window) if w not in visited]
    assert not missing, missing
    # the canvas tools, the class buttons and the charts are among them (they used to be skipped)
    cp, tp, g = window.canvas_panel, window.training_panel, window.gallery
    for widget in (cp.clear_button, cp.width_slider, *window.palette.buttons(), window.plots.loss_plot,
                   window.plots.accuracy_plot, window.filters.scroller):
        assert widget in visited, accessible_name(widget)
    # in the order of the panels on screen: canvas, its tools, classes, prediction, plots, training, filters,
    # gallery (its tool row before its list)
    assert visited == [w for w in main_tab_order(window) if w in visited]
    position = visited.index
    assert (position(window.canvas) < position(cp.clear_button) < position(window.palette.buttons()[0])
            < position(window.prediction.bars) < position(window.plots.loss_plot) < position(tp.preset)
            < position(tp.epochs) < position(tp.train_button) < position(tp.reset_button)
            < position(window.filters.scroller) < position(g.filter_combo) < position(g.view))
    # a class made later takes its place among the class buttons, before "+ New class"
    window.state.add_class("star")
    qtbot.waitUntil(lambda: len(window.palette.buttons()) == 6
                    and all(b.isVisible() for b in window.palette.buttons()), timeout=3000)
    visited = _tab_walk(window, qtbot)
    buttons = window.palette.buttons()
    assert [w for w in visited if w in buttons] == buttons
    assert visited.index(buttons[-1]) + 1 == visited.index(window.prediction.bars)


def test_a_click_on_a_class_button_leaves_the_keys_to_the_canvas(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas, timeout=10000)
    QTest.mouseClick(window.canvas_panel.clear_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(window.palette.buttons()[-1].parentWidget(), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is window.canvas


def test_ctrl_c_copies_a_charts_numbers(make_window, tmp_path, qtbot):
    """The charts' text equivalent: Ctrl+C in a panel puts its numbers on the clipboard as a table."""
    window = make_window(tmp_path / "data")
    qtbot.waitUntil(window.filters.scroller.isVisible, timeout=5000)
    clipboard = QApplication.clipboard()
    clipboard.setText("")
    window.activateWindow()
    window.filters.scroller.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.filters.scroller, timeout=10000)
    QTest.keyClick(window.filters.scroller, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = clipboard.text().splitlines()
    window.filters.write_csv(str(tmp_path / "filters.csv"))
    csv_lines = (tmp_path / "filters.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(csv_lines) > 100  # every weight of the untrained model, one per row
    assert lines[0].split("\t") == csv_lines[0].split(",")
    assert lines[1].split("\t") == csv_lines[1].split(",")
    # the Analysis window: Ctrl+C copies the shown tab's numbers
    window.show_analysis()
    analysis = window.analysis
    analysis.setCurrentWidget(analysis.network)
    qtbot.waitUntil(lambda: bool(analysis.network.csv_data()[1]), timeout=20000)
    clipboard.setText("")
    side = window.side_windows.analysis_window
    side.activateWindow()
    analysis.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is analysis.tabBar(), timeout=3000)
    QTest.keyClick(analysis.tabBar(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    header, rows = analysis.network.csv_data()
    assert clipboard.text().splitlines()[0] == "\t".join(header)
    assert len(clipboard.text().splitlines()) == len(rows) + 1
    window.side_windows.analysis_window.close()


def test_enter_opens_the_current_gallery_drawing(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    view = window.gallery.view
    view.setCurrentIndex(view.model().index(2, 0))
    with qtbot.waitSignal(window.gallery.drawingActivated, timeout=3000) as opened:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [window.gallery.proxy.mapToSource(view.model().index(2, 0)).row()]


def _side_tab_walk(win, tabs, qtbot) -> list:
    """The widgets Tab visits in side window `win` from its tab bar until it comes back (real key presses)."""
    start = tabs.tabBar()
    win.activateWindow()
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=3000)
    visited: list = []
    for _ in range(100):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start or widget in visited:
            break
        visited.append(widget)
    return visited


def _reads_top_to_bottom_left_to_right(widgets, win) -> bool:
    """Each widget starts below the previous one, or beside it (vertical overlap) to its right."""
    boxes = [w.rect().translated(w.mapTo(win, w.rect().topLeft())) for w in widgets]
    for a, b in zip(boxes, boxes[1:], strict=False):
        overlap = min(a.bottom(), b.bottom()) - max(a.top(), b.top())
        beside = overlap > min(a.height(), b.height()) / 2
        if not (b.left() > a.left() if beside else b.top() >= a.top()):
            return False
    return True


@pytest.mark.parametrize("which", ["lessons", "analysis"])
def test_tab_reaches_every_control_of_the_side_windows_in_reading_order(make_window, tmp_path, qtbot, which):
    """Lessons and Analysis: on every tab, Tab stops on every control once, top to bottom and left to right
    (a lesson's step buttons last; an untrained model's Train button before the controls under it)."""
    window = make_window(tmp_path / "data")
    getattr(window, f"show_{which}")()
    win = getattr(window.side_windows, f"{which}_window")
    tabs = getattr(window, which)
    qtbot.waitExposed(win)
    walks = {}
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        qtbot.waitUntil(lambda i=i: tabs.currentWidget().isVisible() and tabs.currentIndex() == i
                        and not tabs.currentWidget().objectName().endswith("Placeholder"))  # panel built
        visited = _side_tab_walk(win, tabs, qtbot)
        stops = [w for w in _tab_stops(win) if w is not tabs.tabBar()]
        missing = [(type(w).__name__, accessible_name(w)) for w in stops if w not in visited]
        assert not missing, (tabs.tabText(i), missing)
        order = [(type(w).__name__, accessible_name(w)) for w in visited]
        if which == "lessons":  # the Large text box sits beside the tabs; the step buttons under the lesson
            assert visited[0] is tabs.large_text, order
            assert _reads_top_to_bottom_left_to_right(visited[1:], win), (tabs.tabText(i), order)
            steps = [b for b in (tabs.lessons[i].play_button, tabs.lessons[i].next_button) if b.isVisible()]
            assert visited[-len(steps):] == steps, order
        else:
            assert _reads_top_to_bottom_left_to_right(visited, win), (tabs.tabText(i), order)
        walks[i] = visited
    if which == "analysis":  # the untrained model's Train button comes before the layer and subset choices
        representation, mistakes = walks[0], walks[1]
        assert representation.index(tabs.train_buttons[0]) < representation.index(
            find_named(tabs.representation, "representationLayer", QWidget))
        assert mistakes.index(tabs.train_buttons[1]) < mistakes.index(
            find_named(tabs.confusion, "confusionSubset", QWidget))
    else:  # the number grids of the convolution lesson no longer keep Tab inside them
        grids = [find_named(tabs.lessons[4], name, QWidget) for name in ("signalGrid", "kernel1dGrid")]
        assert all(g in walks[4] for g in grids)
    # the check can fail: a button above a list, visited after it, is caught
    assert not _reads_top_to_bottom_left_to_right(list(reversed(walks[0][-2:])), win)
    win.close()


def test_ctrl_c_copies_the_numbers_of_a_lessons_charts(make_window, tmp_path, qtbot):
    """The Lessons window copies like the main window: Ctrl+C puts the shown lesson's chart numbers on the
    clipboard as a table (the neuron lesson: step, sigmoid, tanh and ReLU curves, exactly)."""
    window = make_window(tmp_path / "data")
    window.show_lessons()
    win, view = window.side_windows.lessons_window, window.lessons
    qtbot.waitExposed(win)
    view.setCurrentIndex(1)  # 2 Neuron
    clipboard = QApplication.clipboard()
    clipboard.setText("")
    win.activateWindow()
    view.lessons[1].next_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.lessons[1].next_button, timeout=3000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = clipboard.text().splitlines()
    assert lines[0].split("\t") == ["chart", "series", "x", "y", "value"]
    rows = [line.split("\t") for line in lines[1:]]
    curves: dict[str, list] = {}
    for chart, _series, x, y, _value in rows:
        curves.setdefault(chart, []).append((float(x), float(y)))
    assert {"step", "sigmoid", "tanh", "ReLU"} <= set(curves), sorted(curves)
    for name, f in (("sigmoid", lambda s: 1 / (1 + np.exp(-s))), ("tanh", np.tanh),
                    ("ReLU", lambda s: np.maximum(s, 0))):
        points = np.array(curves[name])
        assert len(points) > 50
        np.testing.assert_allclose(points[:, 1], f(points[:, 0]), atol=1e-3)  # 4 significant digits
    win.close()

