"""A short or narrow dock (a 1024×768 screen) shows the filters and feature maps whole: the explanation
folds into the tooltip instead of being cut mid-line, and no heading pushes the colour bar out of sight."""

from __future__ import annotations

import pytest

import engine
from gui.panels.feature_maps import FeatureMapsPanel
from gui.panels.filters import FiltersPanel


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
