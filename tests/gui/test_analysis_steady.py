"""The analysis panels keep their layout steady while results change (what keeps the GUI thread's turns
short during training): labels whose text changes with each result do not shrink, the Representations
panel gets its new data before its first paint and keeps the width of its side column, and the list of
mistakes is changed in place, thumbnails kept."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from engine import build_model, generate_drawings
from engine.analysis import Mistake
from gui.analysis import AnalysisView
from gui.analysis import confusion as confusion_module
from gui.analysis._common import RenderWhenShown, SteadyWrappedLabel
from gui.analysis.confusion import ConfusionMatrix
from tests.showing import show_widget

LONG = ("A caption long enough to wrap onto several lines in a narrow panel: it says what the network "
        "predicts, how sure it is, which patch matters most and how many pixels are left at zero.")
SHORT = "Short."


def _panel_with(label: QLabel, qtbot, width: int = 260):
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.addWidget(label)
    below = QWidget()
    below.setMinimumHeight(50)
    layout.addWidget(below, 1)
    show_widget(qtbot, panel, width, 400)
    return panel, below


def test_a_steady_label_keeps_its_tallest_height_and_the_widget_below_keeps_its_place(qtbot):
    label = SteadyWrappedLabel(SHORT)
    panel, below = _panel_with(label, qtbot)
    one_line = label.height()
    label.setText(LONG)
    # the layout has placed the taller label and moved the widget below it
    qtbot.waitUntil(lambda: label.height() > 2 * one_line and below.y() > label.geometry().bottom())
    tall, below_geometry = label.height(), below.geometry()
    label.setText(SHORT)  # shorter: the height stays, nothing below moves
    QApplication.processEvents()
    QApplication.processEvents()
    assert label.height() == tall
    assert below.geometry() == below_geometry
    assert label.text() == SHORT
    # a plain QLabel would have shrunk back (what the panels did before)
    plain = QLabel(LONG)
    plain.setWordWrap(True)
    _panel2, below2 = _panel_with(plain, qtbot)
    qtbot.waitUntil(lambda: plain.height() > 2 * one_line)
    plain.setText(SHORT)
    qtbot.waitUntil(lambda: plain.height() < tall)


def test_a_steady_label_starts_afresh_at_another_width(qtbot):
    label = SteadyWrappedLabel(LONG)
    panel, _below = _panel_with(label, qtbot, width=260)
    label.setText(SHORT + " ")
    label.setText(LONG)
    qtbot.waitUntil(lambda: label.minimumHeight() > 0)
    narrow = label.minimumHeight()
    panel.resize(900, 400)  # wider: the long text needs fewer lines, so the label may be lower
    qtbot.waitUntil(lambda: label.width() > 800)
    assert label.minimumHeight() == label.heightForWidth(label.width()) < narrow


def test_render_before_paint_runs_in_the_show_before_any_paint(qtbot):
    class Panel(QWidget):
        paints = 0

        def paintEvent(self, event):  # noqa: N802
            Panel.paints += 1

    panel = Panel()
    qtbot.addWidget(panel)
    renders = []
    watcher = RenderWhenShown(panel, lambda: renders.append((panel.isVisible(), Panel.paints)),
                              before_paint=True)
    watcher.request()
    assert renders == []
    panel.show()  # the Show event is sent inside show(): no turn of the event loop yet
    assert renders == [(True, 0)]
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    assert len(renders) == 1 and Panel.paints >= 1


def _layers(n: int, scale: float) -> list[dict]:
    rng = np.random.default_rng(int(scale * 10))
    return [{"label": "hidden layer (64)", "points": rng.normal(size=(n, 2)) * scale,
             "explained": np.array([0.4, 0.2]), "ids": np.arange(n), "y": np.arange(n) % 4, "probe": None}]


def test_representations_shown_again_has_its_new_points_before_its_first_paint(qtbot):
    view = show_widget(qtbot, AnalysisView(), 1200, 760)
    try:
        rep = view.representation
        rep.finish_building()
        drawings = generate_drawings(10, seed=0)
        rep.set_classes(["circle", "square", "triangle", "irregular"], ["#f00", "#0f0", "#00f", "#888"])
        rep.set_drawings(drawings)
        rep.set_layers(_layers(40, 1.0))
        view.setCurrentWidget(view.confusion)
        qtbot.waitUntil(lambda: not rep.isVisible())
        new = _layers(40, 7.0)
        rep.set_layers(new)  # hidden: kept for when it is shown
        assert not np.allclose(rep.shown_points("layer")[0], new[0]["points"])
        view.setCurrentWidget(rep)  # no turn of the event loop between the switch and this check
        points, ids = rep.shown_points("layer")
        np.testing.assert_allclose(points, new[0]["points"].astype(np.float32))
        assert list(ids) == list(range(40))
    finally:
        assert view.shutdown()


def _representations_shown(qtbot):
    """An analysis window showing Representations with 40 drawings' layers, laid out."""
    view = show_widget(qtbot, AnalysisView(), 1200, 760)
    rep = view.representation
    rep.finish_building()
    rep.set_layers(_layers(40, 1.0))
    qtbot.waitUntil(lambda: rep.layer_plot.widget.width() > 100)
    return view, rep


def test_representations_side_column_and_plots_keep_their_size_when_the_status_changes(qtbot):
    view, rep = _representations_shown(qtbot)
    try:
        QApplication.processEvents()
        side, plot = rep.side.width(), rep.layer_plot.widget.geometry()
        for text in ("Computing for the newest model…", "", "Could not analyse this model: a reason long "
                     "enough to take two or three lines in the column beside the plots", ""):
            rep.set_status(text)
            QApplication.processEvents()
            QApplication.processEvents()
            assert rep.side.width() == side
            assert rep.layer_plot.widget.geometry() == plot
    finally:
        assert view.shutdown()


def _settled() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_train_buttons_keep_their_room_so_starting_training_lays_no_panel_out_again(qtbot):
    view, rep = _representations_shown(qtbot)
    try:
        panels = [rep, view.confusion, view.saliency]  # the three panels with a Train button
        view.set_model(build_model("tiny", 2, seed=0), ["circle", "square"], "Untrained (random weights)",
                       trained=False)
        assert [b.isVisibleTo(p) for b, p in zip(view.train_buttons, panels, strict=True)] == [True] * 3
        _settled()
        def geometries():
            return rep.raw_plot.widget.geometry(), rep.layer_plot.widget.geometry(), rep.side.geometry()

        plots = geometries()
        note = rep.model_note.geometry()
        assert view.train_buttons[0].geometry().top() < rep.raw_plot.widget.geometry().top()
        # training starts while another tab is in front: its plots are not laid out anew when shown again
        view.setCurrentWidget(view.confusion)
        _settled()
        matrix = view.confusion.graphics.geometry()
        view.setCurrentWidget(rep)
        _settled()
        view.setCurrentWidget(view.network)
        view.set_live_note("After 10 steps", trained=False, training=True)
        assert not any(b.isVisibleTo(p) for b, p in zip(view.train_buttons, panels, strict=True))
        view.setCurrentWidget(rep)
        _settled()
        assert geometries() == plots
        assert rep.model_note.geometry() == note
        view.setCurrentWidget(view.confusion)
        _settled()
        assert view.confusion.graphics.geometry() == matrix
        # and back: a new untrained model shows the buttons in the same room, on screen
        view.setCurrentWidget(rep)
        _settled()
        view.set_live_note("Untrained (random weights)", trained=False, training=False)
        assert view.train_buttons[0].isVisible()
        _settled()
        assert geometries() == plots
    finally:
        assert view.shutdown()


def test_the_plots_keep_their_size_when_the_raw_projection_arrives_while_the_tab_is_hidden(qtbot):
    view = show_widget(qtbot, AnalysisView(), 1200, 760)
    try:
        rep = view.representation
        rep.finish_building()
        rep.set_classes(["circle", "square", "triangle", "irregular"], ["#f00", "#0f0", "#00f", "#888"])
        rep.set_drawings(generate_drawings(10, seed=0))
        assert rep.dots_note().startswith("Waiting for the analysis of the 40 drawings")
        _settled()
        plots = rep.raw_plot.widget.geometry(), rep.layer_plot.widget.geometry()
        view.setCurrentWidget(view.confusion)
        qtbot.waitUntil(lambda: not rep.isVisible())
        raw = {**_layers(40, 2.0)[0], "label": "raw pixels"}
        rep.set_raw(raw)  # the dataset's analysis arrives while another tab is shown
        view.setCurrentWidget(rep)
        _settled()
        assert (rep.raw_plot.widget.geometry(), rep.layer_plot.widget.geometry()) == plots
        assert rep.dots_note() == "Each plot shows all 40 drawings."
    finally:
        assert view.shutdown()


def _confusion(wrong: list[Mistake]) -> dict:
    m = np.array([[8, 2], [1, 9]])
    cells = [[list(range(8)), [8, 9]], [[10], list(range(11, 20))]]
    part = {"matrix": m, "cells": cells, "wrong": wrong, "n": 20}
    return {"validation": part, "all": part}


def test_the_list_of_mistakes_is_changed_in_place_and_keeps_its_thumbnails(qtbot, monkeypatch):
    drawn = []
    real = confusion_module.drawing_pixmap
    monkeypatch.setattr(confusion_module, "drawing_pixmap",
                        lambda d, *a, **k: drawn.append(d) or real(d, *a, **k))
    cm = show_widget(qtbot, ConfusionMatrix(), 900, 600)
    drawings = generate_drawings(5, seed=0)[:20]
    cm.set_classes(["circle", "square"], ["#f00", "#0f0"])
    cm.set_drawings(drawings)
    cm.set_result(_confusion([Mistake(9, 0, 1, 0.91), Mistake(8, 0, 1, 0.80), Mistake(10, 1, 0, 0.70)]))
    cm.wrong_lines.icons.flush()
    assert len(drawn) == 3
    assert [cm.wrong.item(r).data(256) for r in range(cm.wrong.count())] == [9, 8, 10]
    assert all(not cm.wrong.item(r).icon().isNull() for r in range(3))
    # the next epoch: the same drawings, new percentages, 8 and 9 swapped, 10 gone, 12 new
    drawn.clear()
    cm.set_result(_confusion([Mistake(8, 0, 1, 0.95), Mistake(9, 0, 1, 0.90), Mistake(12, 1, 0, 0.60)]))
    cm.wrong_lines.icons.flush()
    texts = [cm.wrong.item(r).text() for r in range(cm.wrong.count())]
    assert texts == ["#9: labelled “circle”, predicted “square” (95% sure)",
                     "#10: labelled “circle”, predicted “square” (90% sure)",
                     "#13: labelled “square”, predicted “circle” (60% sure)"]
    assert [cm.wrong.item(r).data(256) for r in range(3)] == [8, 9, 12]
    assert drawn == [drawings[12]]  # 8 and 9 from the thumbnails kept, only 12 drawn
    assert all(not cm.wrong.item(r).icon().isNull() for r in range(3))
    # the same result again: nothing changes, nothing is drawn
    cm.set_result(_confusion([Mistake(8, 0, 1, 0.95), Mistake(9, 0, 1, 0.90), Mistake(12, 1, 0, 0.60)]))
    cm.wrong_lines.icons.flush()
    assert drawn == [drawings[12]] and cm.wrong.count() == 3
    # other drawings: the thumbnails are drawn again, from the new drawings
    others = generate_drawings(5, seed=1)[:20]
    cm.set_drawings(others)
    drawn.clear()
    cm.set_result(_confusion([Mistake(8, 0, 1, 0.95)]))
    cm.wrong_lines.icons.flush()
    assert drawn == [others[8]] and cm.wrong.count() == 1
    assert cm.wrong.item(0).text() == "#9: labelled “circle”, predicted “square” (95% sure)"
    # nothing wrong: one line that says so, and opens nothing
    cm.set_result(_confusion([]))
    assert cm.wrong.count() == 1 and cm.wrong.item(0).data(256) is None
    assert cm.wrong.item(0).icon().isNull()


def test_the_saliency_maps_keep_their_place_when_the_caption_gets_shorter(qtbot):
    from gui.analysis.saliency import SaliencyView

    sal = show_widget(qtbot, SaliencyView(), 700, 600)
    sal.caption.setText(LONG + " " + LONG)
    qtbot.waitUntil(lambda: sal.caption.height() > 3 * sal.fontMetrics().height())
    QApplication.processEvents()
    maps = sal.graphics.geometry()
    for text in (SHORT, LONG, SHORT):
        sal.caption.setText(text)
        QApplication.processEvents()
        QApplication.processEvents()
        assert sal.graphics.geometry() == maps


def test_confusion_cells_are_drawn_by_one_item_with_each_count_and_share(qtbot):
    cm = show_widget(qtbot, ConfusionMatrix(), 900, 600)
    cm.set_classes(["circle", "square"], ["#f00", "#0f0"])
    cm.set_result(_confusion([]))
    assert cm.cell_texts.texts() == [("8", "80%"), ("2", "20%"), ("1", "10%"), ("9", "90%")]
    assert [cell[4] for cell in cm.cell_texts._cells] == [True, False, False, True]  # white on dark cells
    assert cm.cell_texts.boundingRect().width() == 2
    cm.clear()
    assert cm.cell_texts.texts() == []


def _qt_colours(item) -> np.ndarray:
    """What pyqtgraph draws for a monochrome ImageItem: its indexed QImage through its colour table."""
    item.render()
    q = item.qimage
    table = np.array([[(c >> 16) & 255, (c >> 8) & 255, c & 255] for c in q.colorTable()])
    idx = np.frombuffer(q.constBits(), np.uint8).reshape(q.height(), q.bytesPerLine())[:, :q.width()]
    return table[idx]


def test_the_saliency_maps_are_the_map_over_the_drawing_as_the_two_layers_were_drawn(qtbot):
    from gui.analysis.saliency import OVERLAY_OPACITY, SaliencyView

    sal = show_widget(qtbot, SaliencyView(), 800, 600)
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 1, (28, 28)).astype(np.float32)
    result = {"x": x, "saliency": rng.normal(0, 0.05, (28, 28)),
              "occlusion": rng.uniform(-0.02, 0.08, (28, 28)), "target": 1, "probability": 0.8}
    sal.set_result(result, ["circle", "square"])
    for key in ("saliency", "occlusion"):
        _label, _view, base, top, _bar = sal._views[key]
        lo, hi = sal.levels(key)
        assert lo == -hi and hi >= np.abs(top.image).max()
        expected = (1 - OVERLAY_OPACITY) * _qt_colours(base) + OVERLAY_OPACITY * _qt_colours(top)
        shown = sal._shown[key].image
        assert shown.shape == (28, 28, 3) and shown.dtype == np.uint8
        assert np.abs(shown.astype(float) - expected).max() <= 1.0
        assert base.scene() is None and top.scene() is None  # only the blended image is painted
    np.testing.assert_allclose(sal.shown_saliency(), result["saliency"].astype(np.float32))
    sal.clear()
    assert sal._shown["saliency"].image is None


def test_mistakes_shown_again_has_its_new_result_before_its_first_paint(qtbot):
    view = show_widget(qtbot, AnalysisView(), 1200, 760)
    try:
        cm = view.confusion
        cm.set_classes(["circle", "square"], ["#f00", "#0f0"])
        view.setCurrentWidget(cm)
        cm.set_result(_confusion([]))
        view.setCurrentWidget(view.saliency)
        qtbot.waitUntil(lambda: not cm.isVisible())
        newer = _confusion([])
        for part in newer.values():
            part["matrix"] = np.array([[5, 5], [0, 10]])
        cm.set_result(newer, "Computed for: After epoch 2")  # hidden: kept for when it is shown
        assert cm.cell_texts.texts()[0] == ("8", "80%")
        view.setCurrentWidget(cm)  # no turn of the event loop between the switch and this check
        assert cm.cell_texts.texts() == [("5", "50%"), ("5", "50%"), ("0", "0%"), ("10", "100%")]
        assert cm.summary.text().startswith("15 of 20 drawings right (75%). Computed for: After epoch 2")
    finally:
        assert view.shutdown()


def test_a_steady_label_holds_its_height_for_texts_set_while_its_panel_is_hidden(qtbot):
    label = SteadyWrappedLabel(SHORT)
    panel, below = _panel_with(label, qtbot)
    label.setText(LONG)
    qtbot.waitUntil(lambda: below.y() > label.geometry().bottom() and label.height() > 40)
    tall, below_geometry = label.height(), below.geometry()
    panel.hide()
    label.setText(SHORT)  # hidden: still measured at its width on screen
    label.setText(LONG + " " + LONG)  # longer than any before: it grows
    grown = label.minimumHeight()
    label.setText(SHORT)
    assert grown > tall and label.minimumHeight() == grown
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: label.height() == grown)
    assert below.y() > below_geometry.y()  # moved once, for the longer text; not back


def test_the_axis_labels_stay_centred_when_their_text_changes_without_a_relayout(qtbot):
    view, rep = _representations_shown(qtbot)
    try:
        plot = rep.layer_plot
        for explained in ([0.05, 0.02], [0.4666, 0.2], None):
            plot.set_axes(None if explained is None else np.array(explained))
            for name in ("bottom", "left"):
                axis = plot.plot.getAxis(name)
                label = axis.label.boundingRect()
                if name == "bottom":
                    middle, length = axis.label.pos().x() + label.width() / 2, axis.size().width()
                else:  # drawn turned by 90 degrees: its width runs up the axis
                    middle, length = axis.label.pos().y() - label.width() / 2, axis.size().height()
                assert abs(middle - length / 2) <= 1.0, (name, explained, middle, length)
    finally:
        assert view.shutdown()
