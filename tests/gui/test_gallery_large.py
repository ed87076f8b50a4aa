"""The gallery over many drawings: filters computed with NumPy (class, Mine only, a chosen set, drawings
appended), selection by ranges, thumbnails drawn within a time budget per turn of the event loop (rows
beyond it show their class's frame, then their strokes at the next turn), and the open-dataset worker's
garbage-collector pause undone."""

from __future__ import annotations

import gc

import numpy as np
from PySide6.QtCore import Qt

from engine import Drawing, generate_drawings
from gui.core.labels import LabelIndex
from gui.gallery import DrawingListModel, Gallery, render_thumbnail, thumbnail_frame

CLASSES = [("square", "#0072B2"), ("triangle", "#E69F00"), ("circle", "#009E73"), ("irregular", "#CC79A7")]


def many(n: int) -> list[Drawing]:
    base = generate_drawings(10, seed=4)  # 40 drawings, 4 classes
    return [base[i % len(base)] for i in range(n)]


def test_filters_are_the_rows_a_python_loop_would_pick(qtbot):
    drawings = many(5000)
    gallery = Gallery()
    qtbot.addWidget(gallery)
    gallery.set_drawings(drawings, CLASSES, LabelIndex.of(drawings))
    labels = [d.label for d in drawings]
    assert gallery.proxy.rowCount() == 5000 and gallery.shown_rows()[:3] == [0, 1, 2]
    gallery.set_filter("circle")
    assert gallery.shown_rows() == [i for i, lab in enumerate(labels) if lab == "circle"]
    assert gallery.count_label.text().replace(",", "") == f"{labels.count('circle')} of 5000 drawings"
    gallery.set_base_count(1000)
    gallery.mine_check.setChecked(True)  # Mine only: the read-only base (first 1,000) hidden
    assert gallery.shown_rows() == [i for i, lab in enumerate(labels) if lab == "circle" and i >= 1000]
    gallery.show_only([5, 1500, 2500, 4999, 7000])  # every class again; 5 is in the hidden base
    assert gallery.shown_rows() == [1500, 2500, 4999]
    gallery.set_filter(labels[2500])  # the class filter narrows it further
    assert gallery.shown_rows() == [i for i in (1500, 2500, 4999) if labels[i] == labels[2500]]
    gallery.show_all()
    gallery.set_filter(None)
    gallery.mine_check.setChecked(False)
    assert gallery.shown_rows() == list(range(5000))
    # index mapping both ways, as a proxy model's
    gallery.set_filter("square")
    shown = gallery.shown_rows()
    index = gallery.proxy.index(3, 0)
    assert gallery.proxy.mapToSource(index).row() == shown[3]
    assert gallery.proxy.mapFromSource(gallery.model.index(shown[3])).row() == 3
    assert not gallery.proxy.mapFromSource(gallery.model.index(labels.index("circle"))).isValid()
    assert gallery.proxy.data(index, Qt.ItemDataRole.ToolTipRole).startswith(f"#{shown[3] + 1}: square")


def test_appended_drawings_join_the_shown_rows_without_a_reset(qtbot):
    drawings = many(200)
    gallery = Gallery()
    qtbot.addWidget(gallery)
    gallery.set_drawings(drawings, CLASSES)
    gallery.set_filter("triangle")
    before = gallery.shown_rows()
    resets = []
    gallery.proxy.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(gallery.proxy.rowsInserted, timeout=1000):
        gallery.append_drawing(Drawing(drawings[1].strokes, "triangle"))
    gallery.append_drawing(Drawing(drawings[1].strokes, "circle"))  # filtered out: not shown
    assert gallery.shown_rows() == [*before, 200] and not resets
    assert gallery.model.labels.labels() == [d.label for d in drawings] + ["triangle", "circle"]


def test_selection_by_ranges_maps_to_dataset_positions(qtbot):
    drawings = many(3000)
    gallery = Gallery()
    qtbot.addWidget(gallery)
    gallery.set_drawings(drawings, CLASSES)
    gallery.view.selectAll()
    assert gallery.selected_rows() == list(range(3000))
    gallery.set_filter("irregular")
    shown = gallery.shown_rows()
    gallery.select_rows([shown[0], shown[1], shown[2], shown[10], 99999])
    assert gallery.selected_rows() == [shown[0], shown[1], shown[2], shown[10]]
    hidden = next(i for i, d in enumerate(drawings) if d.label != "irregular")
    gallery.select_rows([hidden])
    assert gallery.selected_rows() == []


def test_thumbnails_beyond_the_budget_show_the_frame_then_their_strokes(qtbot):
    drawings = many(40)
    model = DrawingListModel()
    model.set_drawings(drawings, dict(CLASSES))
    model.render_budget_s = 0.0  # every thumbnail waits for the next turn once one was drawn in this one
    first = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert model.is_drawn(0)
    second = model.data(model.index(1), Qt.ItemDataRole.DecorationRole)
    colour = dict(CLASSES)[drawings[1].label]
    assert not model.is_drawn(1)
    frame = thumbnail_frame(colour, 56, 1.0, second and model._markers[drawings[1].label])
    assert second.toImage() == frame.toImage(), "the class's frame for the moment"
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as changed:
        pass  # the next turn of the event loop tells the view to ask again
    assert changed.args[0].row() == 1 and changed.args[1].row() == 1
    again = model.data(model.index(1), Qt.ItemDataRole.DecorationRole)
    assert model.is_drawn(1) and again.toImage() != frame.toImage()
    assert again.toImage() == render_thumbnail(drawings[1].strokes, colour, 56, 1.0,
                                               model._markers[drawings[1].label]).toImage()
    assert first.toImage() != again.toImage() or drawings[0] is drawings[1]


def test_fast_thumbnail_draws_the_strokes_where_a_point_by_point_polyline_does():
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

    from gui.gallery import polygon

    pts = np.array([[1.5, 2.0], [30.25, 40.0], [50.0, 5.5]])
    poly = polygon(pts)
    assert [(p.x(), p.y()) for p in poly] == [tuple(p) for p in pts.tolist()]
    images = []
    for shape in (poly, QPolygonF([QPointF(x, y) for x, y in pts])):
        img = QImage(56, 56, QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        p.setPen(QPen(QColor("black"), 1.6))
        p.drawPolyline(shape)
        p.end()
        images.append(img)
    assert images[0] == images[1]
    ink = render_thumbnail([pts], "#0072b2").toImage()
    assert ink != thumbnail_frame("#0072b2").toImage()


def test_reading_pauses_the_collector_and_restores_it(tmp_path):
    from engine import write_ndjson
    from gui.window.files import _read_store

    write_ndjson(tmp_path / "a.ndjson", many(50))
    assert gc.isenabled()
    read = _read_store(tmp_path / "a.ndjson", should_stop=lambda: False)
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()
    assert len(read.store) == 50 and read.labels.labels() == [d.label for d in read.store.drawings]
