"""Presenter mode (F5), full screen (F11), zoom (Ctrl+= / Ctrl+- / Ctrl+0) and the main window at 1024 pixels.

Keys are real key events (QTest.keyClick goes through Qt's shortcut map). Settings live in each test's
temporary data folder (gui.app.create_main_window(data_dir) keeps settings.ini there).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from gui.widget_tree import descendants
from gui.window.presenter import PRESENTER_BOOST
from gui.window.zoom import ZOOM_STEPS

CTRL = Qt.KeyboardModifier.ControlModifier


def dock_layout(window) -> dict[str, tuple[bool, tuple[int, int, int, int]]]:
    """What the docks look like: visible or not, and where (a dock behind another's tab: only which)."""
    return {d.objectName(): (d.isVisible(), d.geometry().getRect() if not d.visibleRegion().isEmpty() else
                             tuple(t.objectName() for t in window.tabifiedDockWidgets(d)))
            for d in window.docks}


def settled(window) -> bool:
    return not window.screen_modes.restoring and window.dock_layout.settled()


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10000)


def test_f11_toggles_full_screen_and_restores_the_layout(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    activate(qtbot, window)
    before, size = dock_layout(window), window.size()
    QTest.keyClick(window.canvas, Qt.Key.Key_F11)
    full = window.screen().geometry().size()
    qtbot.waitUntil(lambda: window.isFullScreen() and window.size() == full and settled(window),
                    timeout=10000)
    assert window.menuBar().isVisible()  # plain full screen keeps the menus
    QTest.keyClick(window.canvas, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen() and settled(window), timeout=10000)
    assert window.size() == size
    assert dock_layout(window) == before


def test_f11_works_in_the_side_windows(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.show_lessons()
    lessons = window.side_windows.lessons_window
    activate(qtbot, lessons)
    QTest.keyClick(window.lessons, Qt.Key.Key_F11)
    qtbot.waitUntil(lessons.isFullScreen, timeout=10000)
    assert not window.isFullScreen()
    QTest.keyClick(window.lessons, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not lessons.isFullScreen(), timeout=10000)
    lessons.close()


def test_presenter_mode_shows_canvas_prediction_and_plots_and_esc_restores(
    make_window, tmp_path, qtbot, draw, shape_points
):
    window = make_window(tmp_path / "data")
    activate(qtbot, window)
    before, size = dock_layout(window), window.size()
    point_size = window.font().pointSizeF()
    draw(window.canvas, shape_points("square", window.canvas))
    QTest.keyClick(window.canvas, Qt.Key.Key_F5)
    full = window.screen().geometry().size()
    qtbot.waitUntil(lambda: window.isFullScreen() and window.size() == full, timeout=10000)
    modes = window.screen_modes
    assert modes.presenting
    shown = {d.objectName() for d in window.docks if d.isVisible()}
    assert shown == {"canvasDock", "predictionDock"}
    assert window.plots.isVisible() and window.plots.loss_plot.isVisible()
    assert not window.menuBar().isVisible()
    assert window.font().pointSizeF() == round(point_size * PRESENTER_BOOST, 2)
    assert window.prediction.bars.font().pointSizeF() > point_size  # the bars' text follows
    qtbot.waitUntil(lambda: window.canvas_dock.width() >= 0.35 * window.width(), timeout=10000)
    # the menus' shortcuts still work with the menu bar hidden
    assert window.train_action in window.actions()
    # Esc (with the canvas focused, where Esc otherwise clears) leaves presenter mode; the drawing stays
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen() and settled(window), timeout=10000)
    assert not modes.presenting
    assert not window.canvas.is_empty()
    assert window.menuBar().isVisible()
    assert window.train_action not in window.actions()  # lent only while presenting
    assert window.font().pointSizeF() == point_size
    assert window.size() == size
    assert dock_layout(window) == before
    # outside presenter mode Esc clears the canvas again
    QTest.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.is_empty()


def test_f5_toggles_presenter_mode_and_keeps_a_maximised_or_full_screen_window(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    activate(qtbot, window)
    window.screen_modes.toggle_full_screen(window)
    full = window.screen().geometry().size()
    qtbot.waitUntil(lambda: window.size() == full and settled(window), timeout=10000)
    before = dock_layout(window)
    QTest.keyClick(window.canvas, Qt.Key.Key_F5)
    assert window.screen_modes.presenting
    QTest.keyClick(window.canvas, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: settled(window), timeout=10000)
    assert not window.screen_modes.presenting
    assert window.isFullScreen()  # it was full screen before presenter mode
    assert dock_layout(window) == before


def test_zoom_keys_change_every_window_and_are_remembered(make_window, tmp_path, qtbot):
    data_dir = tmp_path / "data"
    window = make_window(data_dir)
    window.show_lessons()
    window.show_analysis()
    side = [window.side_windows.lessons_window, window.side_windows.analysis_window]
    windows = [window, *side]
    base = {id(w): w.font().pointSizeF() for w in windows}
    inner = [window.canvas, window.plots, window.filters, window.feature_maps, window.lessons,
             window.analysis]
    inner_base = {id(w): w.font().pointSizeF() for w in inner}
    tick_base = window.plots.loss_plot.getPlotItem().getAxis("left").style["tickFont"]
    activate(qtbot, window)
    QTest.keyClick(window.canvas, Qt.Key.Key_Equal, CTRL)
    assert window.zoom.factor == ZOOM_STEPS[ZOOM_STEPS.index(1.0) + 1]
    for w in windows:
        assert w.font().pointSizeF() > base[id(w)], w.objectName()
    for w in inner:
        assert w.font().pointSizeF() > inner_base[id(w)], w.objectName()
    tick = window.plots.loss_plot.getPlotItem().getAxis("left").style["tickFont"]
    assert tick.pointSizeF() > (tick_base.pointSizeF() if tick_base is not None else 0)
    assert window.canvas.zoom() > 1.0 and window.plots.line_scale() > 1.0
    # from a side window too
    activate(qtbot, side[0])
    QTest.keyClick(window.lessons, Qt.Key.Key_Equal, CTRL)
    assert window.zoom.factor == ZOOM_STEPS[ZOOM_STEPS.index(1.0) + 2]
    QTest.keyClick(window.lessons, Qt.Key.Key_Minus, CTRL)
    assert window.zoom.factor == ZOOM_STEPS[ZOOM_STEPS.index(1.0) + 1]
    side[0].close()
    side[1].close()
    window.close()
    # remembered between sessions (in this test's own settings file)
    again = make_window(data_dir)
    assert again.zoom.factor == ZOOM_STEPS[ZOOM_STEPS.index(1.0) + 1]
    assert again.font().pointSizeF() > base[id(window)]
    activate(qtbot, again)
    QTest.keyClick(again.canvas, Qt.Key.Key_0, CTRL)
    assert again.zoom.factor == 1.0
    assert again.font().pointSizeF() == base[id(window)]
    again.zoom.zoom_in()
    again.close()  # the application's 100 % font comes back with the main window closed
    assert QApplication.font().pointSizeF() == base[id(window)]


def visible_buttons(window) -> list[QAbstractButton]:
    return [b for b in descendants(window, QAbstractButton) if b.isVisible() and b.window() is window
            and not b.visibleRegion().isEmpty()]


def test_every_button_fits_a_1024_pixel_screen(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.dock_layout.fit_corners_for(1024)  # the corners a 1024 × 768 screen gets
    for zoom in (1.0, 1.25):
        window.zoom.set_factor(zoom)
        window.resize(1024, 700)  # 768 less a title bar and a task bar
        qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 700, timeout=10000)
        window.dock_layout.reset_layout()
        qtbot.wait(100)  # let the dock layout settle (event-loop wait, not a sleep)
        assert window.width() == 1024, f"the window asks for {window.minimumSizeHint().width()} pixels"
        screen = QRect(0, 0, 1024, 700)
        buttons = visible_buttons(window)
        assert any(b.objectName() == "resetButton" for b in buttons)
        for b in buttons:
            rect = QRect(b.mapTo(window, b.rect().topLeft()), b.size())
            assert screen.contains(rect), (b.objectName() or b.text(), rect.getRect(), zoom)
            # not cut by its dock either: all of it is on screen
            assert b.visibleRegion().boundingRect() == b.rect(), (b.objectName() or b.text(), zoom)
            text = b.text().replace("&", "")
            if text:
                assert b.fontMetrics().horizontalAdvance(text) <= b.width(), (text, b.width(), zoom)


def test_first_start_fits_the_screen_and_a_maximised_window_widens_the_canvas(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data", show=False)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    left = window.canvas_dock.width()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.canvas_dock.width() >= 1.3 * left, timeout=10000)


def test_filters_and_feature_maps_are_readable_at_the_default_size(
    make_window, tmp_path, qtbot, draw, shape_points
):
    window = make_window(tmp_path / "data", fast=False)  # the default model: 16 and 28 filters
    window.filters_dock.raise_()
    window.filters.flush()
    qtbot.waitUntil(lambda: window.filters.conv_count == 2, timeout=5000)
    # the 16 first-layer filters: two rows of 8, a weight ~10 pixels (a strip of 16 gave 4)
    qtbot.waitUntil(lambda: window.filters.cell_pixels(0) >= 8, timeout=10000)
    assert window.filters.cell_pixels(1) >= 2.0
    draw(window.canvas, shape_points("triangle", window.canvas))
    window.feature_maps_dock.raise_()
    qtbot.waitUntil(lambda: len(window.feature_maps.stages()) == 6, timeout=5000)
    fm = window.feature_maps
    sizes = []

    def maps_readable() -> bool:
        fm.flush()
        sizes.append(round(fm.map_pixels(0), 1))
        return sizes[-1] >= 20

    try:
        qtbot.waitUntil(maps_readable, timeout=10000)
    except Exception as exc:  # say what was seen (a busy machine lays out late)
        raise AssertionError(f"feature maps stayed {sizes[-5:]} pixels tall; graphics {fm.graphics.size()}, "
                             f"viewport {fm.scroller.viewport().size()}") from exc
    # every stage's grid, the third column too, lies within the panel's graphics (scrolled, not cut)
    for k in range(6):
        view = fm._views[k].view
        rect = view.mapRectToScene(view.boundingRect())
        assert rect.right() <= fm.graphics.width() + 1, (k, rect.right(), fm.graphics.width())


def test_closing_in_presenter_mode_saves_the_ordinary_layout(make_window, tmp_path, qtbot):
    data_dir = tmp_path / "data"
    window = make_window(data_dir)
    shown = {d.objectName() for d in window.docks if d.isVisible()}
    window.screen_modes.enter_presenter()
    assert {d.objectName() for d in window.docks if d.isVisible()} == {"canvasDock", "predictionDock"}
    window.close()
    again = make_window(data_dir)
    assert {d.objectName() for d in again.docks if d.isVisible()} == shown
    assert again.menuBar().isVisible() and not again.screen_modes.presenting
