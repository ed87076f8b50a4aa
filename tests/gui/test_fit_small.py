"""A short or narrow dock (a 1024×768 screen) shows the filters and feature maps whole: the explanation
folds into the tooltip instead of being cut mid-line, and no heading pushes the colour bar out of sight."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

import engine
from gui.panels.feature_maps import FeatureMapsPanel
from gui.panels.filters import FiltersPanel
from gui.widget_tree import descendants


@pytest.fixture
def filters(qtbot):
    panel = FiltersPanel()
    qtbot.addWidget(panel)
    model = engine.build_model("default", 4)
    panel.set_model(model.weights(), model.summary())
    panel.resize(380, 700)
    panel.show()
    panel.flush()
    qtbot.waitUntil(panel.scroller.isVisible, timeout=3000)
    return panel


def test_the_explanation_folds_into_the_tooltip_when_the_dock_is_short(filters, qtbot):
    assert filters.explain.isVisible()
    assert filters.explain.text() not in filters.toolTip()
    filters.resize(380, 260)
    qtbot.waitUntil(lambda: not filters.explain.isVisible(), timeout=3000)
    assert filters.toolTip().startswith(filters.explain.text())
    qtbot.waitUntil(lambda: filters.scroller.height() >= 150, timeout=3000)  # the grids keep their room
    filters.resize(380, 700)
    qtbot.waitUntil(filters.explain.isVisible, timeout=3000)
    assert filters.explain.text() not in filters.toolTip()
    maps = FeatureMapsPanel()
    qtbot.addWidget(maps)
    maps.resize(380, 240)
    maps.show()
    qtbot.waitUntil(lambda: not maps.explain.isVisible(), timeout=3000)


def test_a_narrow_dock_keeps_every_colour_bar_in_view(filters, qtbot):
    width = filters.scroller.viewport().width()
    assert width < 380
    for layer in filters._layers:
        bar_right = layer.bar.mapRectToScene(layer.bar.boundingRect()).right()
        heading_right = layer.heading.mapRectToScene(layer.heading.boundingRect()).right()
        assert bar_right <= filters.graphics.width() <= width + 1, (bar_right, width)
        assert heading_right <= width + 1


def _clipped_labels(window) -> list:
    """Visible texts of the main window shown only in part: less height than their wrapped text needs,
    less width than one line needs, or partly covered."""
    out = []
    for label in descendants(window, QLabel):
        seen = label.visibleRegion().boundingRect()
        shown = label.isVisible() and label.text().strip() and label.window() is window
        if not shown or seen.isEmpty():
            continue  # (a dock behind another one's tab shows nothing, and cuts nothing)
        need_h = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        need_w = 0 if label.wordWrap() else label.minimumSizeHint().width()
        if label.height() + 1 < need_h or label.width() + 1 < need_w or seen.size() != label.size():
            out.append((label.objectName(), label.text()[:40], label.size().toTuple(), need_h,
                        seen.getRect()))
    return out


@pytest.mark.parametrize("size", [(1024, 700), (1280, 720)])
def test_no_text_is_cut_at_1024x768_and_at_the_default_size(make_window, tmp_path, qtbot, size):
    window = make_window(tmp_path / "data", fast=False)
    window.training_panel.show_message(  # as after a run: the tallest the training dock gets
        "Training stopped after 122 steps, in epoch 1 of 3. The model keeps the running average of its "
        "weights over the latest steps (weight averaging).")
    window.dock_layout.fit_corners_for(size[0])
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=2000)
    window.dock_layout.reset_layout()
    qtbot.waitUntil(window.filters.scroller.isVisible, timeout=5000)
    for dock in (window.filters_dock, window.feature_maps_dock):
        dock.raise_()
        qtbot.waitUntil(lambda d=dock: not d.widget().visibleRegion().isEmpty(), timeout=2000)
        qtbot.waitUntil(lambda: not _clipped_labels(window), timeout=3000)


def test_presenter_mode_keeps_its_hint_whole_in_the_status_bar(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.screen_modes.enter_presenter()
    bar = window.statusBar()
    hint = bar.currentMessage()
    assert hint.startswith("Presenter mode")
    assert not window.model_label.isVisible() and not window.dataset_label.isVisible()  # room for the hint
    bar.showMessage("Model saved", 50)  # a passing message: the hint comes back after it
    qtbot.waitUntil(lambda: bar.currentMessage() == hint, timeout=3000)
    window.screen_modes.leave_presenter()
    qtbot.waitUntil(lambda: window.model_label.isVisible() and bar.currentMessage() != hint, timeout=3000)
