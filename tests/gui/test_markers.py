"""Colour is never the only cue: every class has a marker shape too (gui/markers.py), the same in the
palette, the prediction bars, the gallery's thumbnails, the analysis dots and the legends."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from gui.analysis._dots import DotsItem
from gui.analysis.representation import RepresentationView
from gui.gallery import render_thumbnail
from gui.markers import MARKER_TEXT, MARKERS, marker_for, paint_marker
from gui.panels.prediction import PredictionPanel


def _mask(name: str, size: int = 40) -> np.ndarray:
    """Which pixels marker `name` covers, drawn in black on white."""
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        paint_marker(painter, name, QPointF(size / 2, size / 2), size * 0.8, "#000000", outline="#000000")
    finally:
        painter.end()  # an unknown name raises: a painter left active on a freed image crashed (1 in 18 runs)
    data = np.frombuffer(image.constBits(), np.uint8).reshape(size, image.bytesPerLine())[:, :size]
    return data < 128


def test_every_marker_has_its_own_shape(qapp):
    masks = {name: _mask(name) for name in MARKERS}
    for name, mask in masks.items():
        assert 0.1 < mask.mean() < 0.75, name  # a filled shape, not a dot nor the whole cell
    names = list(masks)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            differ = np.mean(masks[a] != masks[b])
            assert differ > 0.04, (a, b, differ)  # at least 4 % of the cell tells them apart
    assert [marker_for(i) for i in range(len(MARKERS) + 2)] == [*MARKERS, MARKERS[0], MARKERS[1]]
    assert set(MARKER_TEXT) == set(MARKERS)
    with pytest.raises(ValueError):
        _mask("blob")


def test_thumbnails_carry_the_class_marker(qapp):
    stroke = [np.array([[10.0, 10.0, 0.0], [200.0, 200.0, 1.0]])]
    plain = render_thumbnail(stroke, "#0072b2", 56).toImage()
    marked = {m: render_thumbnail(stroke, "#0072b2", 56, marker=m).toImage() for m in ("square", "triangle")}
    corner = [(x, y) for x in range(1, 12) for y in range(40, 53)]  # the bottom-left corner, above the bar
    def blue(img):
        return sum(QColor(img.pixel(x, y)).blue() > 150 and QColor(img.pixel(x, y)).red() < 100
                   for x, y in corner)
    assert blue(plain) == 0
    assert blue(marked["square"]) > blue(marked["triangle"]) > 10


def test_prediction_bars_show_each_class_marker(qtbot):
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 240)
    panel.show()
    panel.set_prediction(["circle", "square", "star"], [0.2, 0.7, 0.1], ["#009e73", "#0072b2", "#cc79a7"],
                         ["circle", "square", "star"])
    panel.flush()
    assert panel.bars.markers == ["circle", "square", "star"]
    assert "■" in panel.top_label.text() and "square" in panel.top_label.text()
    panel.set_prediction(["a", "b"], [0.5, 0.5], ["#000000", "#111111"])  # markers by place
    panel.flush()
    assert panel.bars.markers == [MARKERS[0], MARKERS[1]]


def test_analysis_dots_and_legend_use_the_class_markers(qtbot):
    dots = DotsItem(size=12)
    colours = ["#0072b2", "#0072b2", "#0072b2"]  # one colour for all: only the shape tells them apart
    dots.set_data(np.zeros((3, 2)), [0, 1, 2], colours, [0, 1, 2])
    _c, _d, pixmap, cell = dots._atlas_for(1.0)
    image = pixmap.toImage()
    cells = [np.array([[image.pixelColor(k * cell + x, y).alpha() > 128 for x in range(cell)]
                       for y in range(cell)]) for k in range(3)]
    assert np.mean(cells[0] != cells[1]) > 0.04 and np.mean(cells[1] != cells[2]) > 0.04
    view = RepresentationView()
    qtbot.addWidget(view)
    view.set_classes(["square", "triangle", "circle"], ["#0072b2", "#e69f00", "#009e73"])
    legend = view.legend.text()
    for i, name in enumerate(["square", "triangle", "circle"]):
        assert f"{MARKER_TEXT[marker_for(i)]}</span> {name}" in legend


def test_the_palette_and_the_bars_agree_in_the_window(make_window, tmp_path, qtbot, draw, shape_points):
    window = make_window(tmp_path / "data")
    names = window.state.class_names()
    draw(window.canvas, shape_points("square", window.canvas))
    qtbot.waitUntil(lambda: bool(window.prediction.shown()), timeout=5000)
    window.prediction.flush()
    shown = [name for name, _p, _c in window.prediction.shown()]
    assert window.prediction.bars.markers == [marker_for(names.index(n)) for n in shown]
    square, triangle = (window.palette.buttons()[i].icon().pixmap(14, 14).toImage() for i in (0, 1))
    assert square.pixelColor(2, 2).alpha() > 128 and triangle.pixelColor(2, 2).alpha() < 128  # the corner
    assert triangle.pixelColor(7, 10).alpha() > 128
