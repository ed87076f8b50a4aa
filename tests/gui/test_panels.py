"""The trainer window's visual panels show exactly the numbers they are given."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from engine import SGD, TrainConfig, TrainRecord, build_model, softmax_cross_entropy, train
from gui.panels._common import DIVERGING, ColourBar, colormap
from gui.panels.feature_maps import FeatureMapsPanel
from gui.panels.filters import FiltersPanel
from gui.panels.plots import TrainingPlots
from gui.panels.prediction import NOTE_STALE, NOTE_UNTRAINED, PredictionPanel
from gui.widget_tree import find_named
from tests.showing import show_widget


def shown_plots(qtbot) -> TrainingPlots:
    """The training plots on screen at 560 × 440."""
    return show_widget(qtbot, TrainingPlots(), 560, 440)

def record(kind, epoch, step, spe, loss, acc, val_loss=None, val_acc=None):
    return TrainRecord(kind=kind, epoch=epoch, step=step, steps_per_epoch=spe, loss=loss, accuracy=acc,
                       val_loss=val_loss, val_accuracy=val_acc, lr=1e-3, elapsed=0.0, eta=0.0, message="")


def square_raster(size=28):
    img = np.zeros((size, size), np.float32)
    img[6:22, 6:8] = img[6:22, 20:22] = img[6:8, 6:22] = img[20:22, 6:22] = 1.0
    return img


@pytest.fixture
def model():
    return build_model("default", num_classes=4, seed=3)


# -- TrainingPlots ------------------------------------------------------------------------------


def feed(plots, epochs=2, spe=5, seed=0):
    rng = np.random.default_rng(seed)
    losses, accs, val = [], [], []
    step = 0
    for e in range(epochs):
        for _ in range(spe):
            step += 1
            loss, acc = float(rng.uniform(0.2, 1.5)), float(rng.uniform(0, 1))
            losses.append(loss)
            accs.append(acc)
            plots.add_record(record("step", e, step, spe, loss, acc))
        v = (float(rng.uniform(0.2, 1.5)), float(rng.uniform(0, 1)))
        val.append(v)
        plots.add_record(record("epoch", e, step, spe, losses[-1], accs[-1], *v))
    return np.array(losses), np.array(accs), val


def test_plots_curves_hold_what_was_fed(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.new_run("first")
    losses, accs, val = feed(plots, epochs=2, spe=5)
    curve = plots.curve("loss_step")
    # rendered by the timers (the accuracy plot's half an interval after the loss plot's), not at once
    qtbot.waitUntil(lambda: curve.getData()[0] is not None and len(curve.getData()[0]) == 10, timeout=2000)
    qtbot.waitUntil(lambda: not plots.render_pending, timeout=2000)
    x, y = curve.getData()
    np.testing.assert_allclose(y, losses)
    np.testing.assert_allclose(x, np.concatenate([np.arange(1, 6) / 5, 1 + np.arange(1, 6) / 5]))
    vx, vy = plots.curve("val_loss").getData()
    np.testing.assert_allclose(vx, [1, 2])
    np.testing.assert_allclose(vy, [v[0] for v in val])
    ax, ay = plots.curve("val_acc").getData()
    np.testing.assert_allclose(ay, [100 * v[1] for v in val])
    # the smoothed curve is the debiased exponential moving average of the steps
    ema, expected = 0.0, []
    for i, loss in enumerate(losses, start=1):
        ema = 0.9 * ema + 0.1 * loss
        expected.append(ema / (1 - 0.9**i))
    np.testing.assert_allclose(plots.curve("loss_smooth").getData()[1], expected)
    sx, sy = plots.curve("acc_smooth").getData()
    assert len(sy) == 10 and np.all((sy >= 0) & (sy <= 100))
    # the PlotWidgets named in the testability contract hold these curves
    loss_plot = find_named(plots, "lossPlot", pg.PlotWidget)
    acc_plot = find_named(plots, "accuracyPlot", pg.PlotWidget)
    assert curve in loss_plot.getPlotItem().listDataItems()
    assert plots.curve("val_acc") in acc_plot.getPlotItem().listDataItems()
    assert loss_plot.getPlotItem().getAxis("bottom").labelText == "training progress"
    assert loss_plot.getPlotItem().getAxis("bottom").labelUnits == "epochs"


def test_plots_show_the_records_of_a_real_training_run(qtbot):
    rng = np.random.default_rng(0)
    X = rng.random((24, 1, 28, 28), dtype=np.float32)
    y = np.arange(24) % 4
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    records = list(train(build_model("tiny", 4, seed=0), (X, y), TrainConfig(epochs=2, batch_size=8),
                         val=(X[:8], y[:8])))
    for r in records:
        plots.add_record(r)
    plots.flush()
    steps = [r for r in records if r.kind == "step"]
    epochs = [r for r in records if r.kind == "epoch"]
    np.testing.assert_allclose(plots.curve("loss_step").getData()[1], [r.loss for r in steps])
    np.testing.assert_allclose(plots.curve("loss_step").getData()[0], [1 / 3, 2 / 3, 1, 4 / 3, 5 / 3, 2])
    np.testing.assert_allclose(plots.curve("val_loss").getData()[1], [r.val_loss for r in epochs])
    np.testing.assert_allclose(plots.curve("val_acc").getData()[1], [100 * r.val_accuracy for r in epochs])


def test_plots_buffers_grow_past_their_capacity(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    feed(plots, epochs=3, spe=200)  # 600 steps > the initial 256 buffer
    plots.flush()
    assert plots.run_labels == ["run 1"]
    x, y = plots.curve("loss_step").getData()
    assert len(y) == 600 and np.all(np.diff(x) > 0)


def test_plots_keep_earlier_runs_until_cleared(qtbot, tmp_path):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.new_run("a")
    first, _, _ = feed(plots, seed=1)
    plots.new_run("b")
    second, _, _ = feed(plots, seed=2)
    plots.flush()
    items = plots.loss_plot.getPlotItem().listDataItems()
    old, new = plots.curve("loss_smooth", run=0), plots.curve("loss_smooth", run=1)
    assert old in items and new in items
    assert old.opts["pen"].color().alpha() < new.opts["pen"].color().alpha()  # faded
    np.testing.assert_allclose(plots.curve("loss_step", 0).getData()[1], first)
    np.testing.assert_allclose(plots.curve("loss_step", 1).getData()[1], second)
    plots.export_csv(tmp_path / "runs.csv")
    lines = (tmp_path / "runs.csv").read_text().splitlines()
    assert lines[0] == "run,series,epochs,value" and any(line.startswith("a,loss_step,") for line in lines)
    plots.clear_runs()
    assert plots.loss_plot.getPlotItem().listDataItems() == []
    assert plots.run_labels == []


def test_plots_ignore_non_finite_and_other_records(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.add_record(record("step", 0, 1, 2, 1.0, 0.5))
    plots.add_record(record("diverged", 0, 2, 2, float("nan"), 0.0))
    plots.add_record(record("step", 0, 2, 2, float("inf"), 0.0))
    plots.flush()
    assert list(plots.curve("loss_step").getData()[1]) == [1.0]


# -- FiltersPanel -------------------------------------------------------------------------------


def test_filters_show_the_weights_and_change_after_a_training_step(qtbot, model):
    panel = FiltersPanel()
    qtbot.addWidget(panel)
    panel.set_model(model.weights(), model.summary())
    qtbot.waitUntil(lambda: panel.conv_count == 2, timeout=2000)
    w = model.weights()
    np.testing.assert_array_equal(panel.shown_filters(0), w["0.weight"])
    np.testing.assert_array_equal(panel.shown_filters(1), w["3.weight"])
    for i, key in enumerate(("0.weight", "3.weight")):
        lo, hi = panel.levels(i)
        assert lo == -hi and hi >= np.abs(w[key]).max()  # symmetric around 0, nothing clipped
    assert panel.heading(0).startswith("Conv 1: 16 filters 3×3 on 1 input channel")
    assert panel.heading(1).startswith("Conv 2: 28 filters 3×3 on 16 input channels")
    before = panel.image_item(0).image.copy()

    # one real training step
    x = np.stack([square_raster()[None]] * 4)
    loss, dlogits = softmax_cross_entropy(model.forward(x, training=True), np.array([0, 1, 2, 3]))
    model.backward(dlogits)
    SGD(lr=0.5).step(model.parameters(), model.gradients())
    panel.set_model(model.weights(), model.summary())
    panel.flush()
    after = panel.image_item(0).image
    assert not np.array_equal(np.nan_to_num(before), np.nan_to_num(after))
    np.testing.assert_array_equal(panel.shown_filters(0), model.weights()["0.weight"])


def test_filters_panel_copies_and_handles_a_model_without_convolutions(qtbot):
    panel = FiltersPanel()
    qtbot.addWidget(panel)
    mlp = build_model("mlp", 4)
    panel.set_model(mlp.weights(), mlp.summary())
    panel.flush()
    assert panel.conv_count == 0 and not panel.empty.isHidden()
    m = build_model("tiny", 4)
    w = m.weights()
    panel.set_model(w, m.summary())
    w["0.weight"][...] = 99.0  # the panel must have taken a copy
    panel.flush()
    assert np.abs(panel.shown_filters(0)).max() < 99.0


# -- FeatureMapsPanel ---------------------------------------------------------------------------


def test_feature_maps_show_each_stage_with_its_shape(qtbot, model):
    panel = FeatureMapsPanel()
    qtbot.addWidget(panel)
    acts = model.activations(square_raster())
    panel.set_activations(acts)
    qtbot.waitUntil(lambda: len(panel.stages()) == 6, timeout=2000)
    assert panel.stage_labels() == [
        "Block 1 · conv · 16×28×28", "Block 1 · ReLU · 16×28×28", "Block 1 · max-pool · 16×14×14",
        "Block 2 · conv · 28×14×14", "Block 2 · ReLU · 28×14×14", "Block 2 · max-pool · 28×7×7",
    ]
    for k in range(6):
        np.testing.assert_array_equal(panel.stage_maps(k), acts[k].data[0])
    # a block's stages share one symmetric scale that clips nothing
    lo, hi = panel.levels(0)
    assert (lo, hi) == panel.levels(1) == panel.levels(2) and lo == -hi
    assert hi >= np.abs(acts[0].data).max()
    # ReLU removed every negative value the convolution produced
    assert panel.stage_maps(0).min() < 0 and panel.stage_maps(1).min() == 0


def test_feature_maps_of_an_mlp_say_there_are_none(qtbot):
    panel = FeatureMapsPanel()
    qtbot.addWidget(panel)
    panel.set_activations(build_model("mlp", 4).activations(square_raster()))
    panel.flush()
    assert panel.stages() == [] and "no convolution" in panel.empty.text()


def test_a_colour_bar_gives_its_images_the_map_and_levels_and_its_axis_the_range(qtbot):
    cmap = colormap(DIVERGING)
    images = [pg.ImageItem(np.zeros((2, 2), np.float32)) for _ in range(2)]
    bar = ColourBar(values=(-1, 1), colorMap=cmap, width=12)
    bar.setImageItem(images)
    assert bar.levels() == (-1.0, 1.0)
    assert all(tuple(img.getLevels()) == (-1.0, 1.0) and img.getColorMap() is cmap for img in images)
    bar.setLevels((-0.5, 0.5))
    assert bar.levels() == (-0.5, 0.5) and tuple(bar.axis.range) == (-0.5, 0.5)
    assert all(tuple(img.getLevels()) == (-0.5, 0.5) for img in images)
    # the bar: the map's high end at the top, its low end at the bottom
    lut = cmap.getLookupTable(nPts=256, alpha=True)
    strip = bar.bar._image
    assert strip.height() == 256
    top, bottom = strip.pixelColor(0, 0), strip.pixelColor(0, 255)
    assert (top.red(), top.green(), top.blue()) == tuple(int(v) for v in lut[-1][:3])
    assert (bottom.red(), bottom.green(), bottom.blue()) == tuple(int(v) for v in lut[0][:3])
    # drawn: the strip beside its axis, as tall as it
    view = pg.GraphicsLayoutWidget()
    view.addItem(bar)
    show_widget(qtbot, view, 120, 300)
    qtbot.waitUntil(lambda: bar.bar.geometry().height() > 200)
    assert bar.bar.geometry().height() == bar.axis.geometry().height()
    assert bar.bar.geometry().right() <= bar.axis.geometry().left()


def test_the_filter_and_feature_map_grids_are_built_without_a_plot_item(qtbot, model):
    """Their colour bars are ColourBars: a pyqtgraph ColorBarItem is a whole PlotItem, 11-15 ms each."""
    filters, maps = FiltersPanel(), FeatureMapsPanel()
    for panel in (filters, maps):
        show_widget(qtbot, panel, 600, 500)
    filters.set_model(model.weights(), model.summary())
    filters.flush()
    maps.set_activations(model.activations(square_raster()))
    maps.flush()
    for panel, bars in ((filters, [lv.bar for lv in filters._layers]), (maps, [b.bar for b in maps._blocks])):
        items = panel.graphics.scene().items()
        assert len(bars) == 2 and all(isinstance(b, ColourBar) and b in items for b in bars)
        assert not any(isinstance(i, pg.PlotItem) for i in items)


# -- PredictionPanel ----------------------------------------------------------------------------


def test_prediction_bars_match_the_model(qtbot, model):
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    classes = ["square", "triangle", "circle", "irregular"]
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"]
    probs = model.predict_proba(square_raster())[0]
    panel.set_prediction(classes, probs, colours)
    qtbot.waitUntil(lambda: len(panel.shown()) == 4, timeout=2000)
    shown = panel.shown()
    assert [s[0] for s in shown] == classes and [s[2] for s in shown] == colours
    np.testing.assert_allclose([s[1] for s in shown], probs, rtol=1e-6)
    assert sum(s[1] for s in shown) == pytest.approx(1.0, abs=1e-5)
    assert panel.top_class() == classes[int(np.argmax(probs))]
    assert classes[int(np.argmax(probs))] in panel.top_label.text()


def test_prediction_staleness_and_untrained_notes(qtbot):
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_prediction(["a", "b"], [0.25, 0.75], ["#000000", "#ff0000"])
    panel.flush()
    assert panel.top_class() == "b" and panel.note.isHidden()
    panel.set_stale(True)
    panel.flush()
    assert panel.note_text() == NOTE_STALE and not panel.note.isHidden()
    panel.set_stale(False)
    panel.set_trained(False)
    panel.flush()
    assert panel.note_text() == NOTE_UNTRAINED
    panel.set_trained(True)
    panel.clear()
    panel.flush()
    assert panel.shown() == [] and panel.top_class() is None
    with pytest.raises(ValueError):
        panel.set_prediction(["a"], [0.5, 0.5], [])


def test_plots_x_axis_spans_the_planned_run_and_stays_put(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.new_run("run 1", epochs=8)
    plots.flush()
    views = [p.getPlotItem().getViewBox() for p in (plots.loss_plot, plots.accuracy_plot)]
    before = [v.viewRange()[0] for v in views]
    for lo, hi in before:
        assert lo <= 0 < 8 <= hi and hi - lo < 8.5  # the whole run, a little padding
    for step in range(1, 21):  # two epochs of 10 steps
        plots.add_record(record("step", (step - 1) // 10, step, 10, 1.0 / step, 0.5))
    plots.flush()
    assert [v.viewRange()[0] for v in views] == before  # no rescaling while the run grows
    plots.new_run("run 2")  # length unknown: the axis grows by whole epochs with the data
    for step in range(1, 95):
        plots.add_record(record("step", (step - 1) // 10, step, 10, 1.0, 0.5))
    plots.flush()
    lo, hi = views[0].viewRange()[0]
    assert 10 <= hi < 10.5
    plots.clear_runs()
    plots.flush()
    assert views[0].viewRange()[0][1] < 1.1


def test_loss_axis_top_moves_in_round_steps_only():
    from gui.panels.plots import loss_axis_top

    # 1.1 x the largest loss, rounded up to 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x a power of ten
    assert loss_axis_top(1.386) == 2.0  # ln 4: the first loss of a four-class run
    assert loss_axis_top(1.8) == 2.0 and loss_axis_top(1.82) == 2.5
    assert loss_axis_top(0.3) == 0.4 and loss_axis_top(9.5) == 15.0 and loss_axis_top(45) == 50.0
    assert loss_axis_top(float("nan")) == 2.0 and loss_axis_top(0.0) == 2.0


def test_a_starting_run_moves_no_axis_and_no_legend_when_its_first_records_arrive(qtbot):
    """expect_run (called when Train is pressed) lays the axes and legends out for the run, so its first
    records only add curves; a noisy loss below the axis's round top does not move the axis either."""
    plots = shown_plots(qtbot)
    views = [p.getPlotItem().getViewBox() for p in (plots.loss_plot, plots.accuracy_plot)]
    plots.expect_run("run 1 · default", 6)
    legends = (plots.loss_legend.text(), plots.accuracy_legend.text())
    assert "run 1 · default" in legends[0] and "no run yet" not in legends[0]
    ranges = [v.viewRange() for v in views]
    assert 6 <= ranges[0][0][1] < 6.2 and ranges[0][1] == [0.0, 2.0]
    plots.new_run("run 1 · default", 6)
    rng = np.random.default_rng(0)
    for step in range(1, 31):
        plots.add_record(record("step", 0, step, 10, 1.4 + 0.3 * rng.random(), 0.3))
    plots.flush()
    assert [v.viewRange() for v in views] == ranges
    assert (plots.loss_legend.text(), plots.accuracy_legend.text()) == legends
    assert plots.run_labels == ["run 1 · default"]


def test_a_run_that_never_steps_leaves_the_plots_as_they_were(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.new_run("run 1", 4)
    plots.add_record(record("step", 0, 1, 10, 1.0, 0.5))
    plots.flush()
    before = (plots.loss_legend.text(), plots.loss_plot.getPlotItem().getViewBox().viewRange())
    plots.expect_run("run 2", 12)
    assert "run 2" in plots.loss_legend.text()
    plots.cancel_expected_run()
    assert (plots.loss_legend.text(), plots.loss_plot.getPlotItem().getViewBox().viewRange()) == before
    assert plots.run_labels == ["run 1"]


def test_new_points_do_not_repaint_the_axes(qtbot, monkeypatch):
    """The axes draw the grid across the whole plot; they are cached as pixmaps, so new points of a curve
    do not make Qt paint them again (it did, ~4 ms per axis per redraw)."""
    from pyqtgraph.graphicsItems.AxisItem import AxisItem

    plots = shown_plots(qtbot)
    plots.expect_run("run 1", 2)
    plots.new_run("run 1", 2)
    plots.add_record(record("step", 0, 1, 10, 1.0, 0.5))
    plots.flush()
    plots.grab()
    painted = []
    original = AxisItem.paint
    monkeypatch.setattr(AxisItem, "paint", lambda self, *a: (painted.append(self), original(self, *a)))
    for step in range(2, 12):
        plots.add_record(record("step", 0, step, 10, 1.0 / step, 0.5))
    plots.flush()
    plots.grab()
    curve_x = plots.series("loss_step")[0]
    assert len(curve_x) == 11 and painted == []


def test_steady_label_grows_but_never_relays_out_its_window_for_a_shorter_text(qtbot):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

    from gui.panels._common import SteadyLabel

    class CountLayoutRequests(QObject):
        n = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.LayoutRequest:
                self.n += 1
            return False

    box = QWidget()
    qtbot.addWidget(box)
    label = SteadyLabel()
    QHBoxLayout(box).addWidget(label)
    box.show()
    label.setText("Model: default · 52,516 weights · 12,345 steps trained")
    qtbot.waitUntil(lambda: label.width() == label.sizeHint().width())
    wide = label.width()
    assert label.minimumWidth() == label.maximumWidth() == wide  # fixed: setText cannot resize it
    QApplication.processEvents()
    counter = CountLayoutRequests()
    box.installEventFilter(counter)
    for text in ("Model: default · 52,516 weights · 9 steps trained", "Model: default · untrained"):
        label.setText(text)
        QApplication.processEvents()
        assert label.text() == text and label.width() == wide
    assert counter.n == 0  # shorter texts: only a repaint
    label.setText(label.text() + " · and a much longer note at the end")
    QApplication.processEvents()
    assert label.width() > wide and counter.n >= 1  # a longer text grows it (once)


def test_prediction_says_not_sure_below_the_threshold(qtbot):
    from engine import NOT_SURE_BELOW

    panel = PredictionPanel()
    qtbot.addWidget(panel)
    low = NOT_SURE_BELOW - 0.05
    panel.set_prediction(["a", "b"], [low, 1 - low], ["#111111", "#222222"])  # a: below the threshold
    panel.flush()
    text = panel.top_label.text()
    assert "Not sure" in text and "perhaps" in text and "a (" in text and "Most likely" not in text
    panel.set_prediction(["a", "b"], [0.97, 0.03], ["#111111", "#222222"])
    panel.flush()
    text = panel.top_label.text()
    assert text.startswith("Most likely") and "Not sure" not in text and "97.0 %" in text


class _Paints(QObject):
    """Counts the Paint events a widget gets and the rectangles they cover."""

    def __init__(self, widget):
        super().__init__(widget)
        self.rects = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def test_the_two_plots_are_redrawn_in_different_turns_and_unchanged_curves_are_not_fed(qtbot):
    """Each plot's redraw repaints the window at once: the accuracy plot's comes half an interval after the
    loss plot's (one turn with both stalled the window twice as long). A curve whose data did not change
    (the validation curves, between epochs) is not fed again."""
    plots = shown_plots(qtbot)
    plots.new_run("run 1", 2)
    feed(plots, epochs=1, spe=5)
    plots.flush()
    fed = []
    for key in ("loss_step", "acc_smooth", "val_loss", "val_acc"):
        plots.curve(key).sigPlotChanged.connect(lambda *_a, k=key: fed.append((k, time.perf_counter())))
    for step in range(6, 10):
        plots.add_record(record("step", 1, step, 5, 1.0 / step, 0.5))
    qtbot.waitUntil(lambda: not plots.render_pending and len(fed) == 2, timeout=3000)
    when = dict(fed)
    assert set(when) == {"loss_step", "acc_smooth"}  # the validation curves were not fed again
    assert when["acc_smooth"] - when["loss_step"] >= 0.010  # 25 ms apart (coarse timers: within 5 %)
    assert len(plots.curve("loss_step").getData()[0]) == 9
    assert len(plots.curve("acc_smooth").getData()[0]) == 9
    assert len(plots.curve("val_loss").getData()[0]) == 1


def test_prediction_bars_repaint_only_when_their_picture_changes(qtbot):
    """During training the model changes several times a second and the same drawing is predicted again:
    the bars are repainted only when a percentage, a bar's length in pixels or the top class changes. They
    paint their own background, so their dock is not repainted under them."""
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 240)
    panel.show()
    qtbot.waitExposed(panel)
    classes, colours = ["a", "b", "c"], ["#1f77b4", "#ff7f0e", "#2ca02c"]
    panel.set_prediction(classes, [0.2, 0.5, 0.3], colours)
    panel.flush()
    bars, under = _Paints(panel.bars), _Paints(panel)
    qtbot.waitUntil(lambda: len(bars.rects) >= 1, timeout=2000)
    bars.rects.clear()
    under.rects.clear()
    said = []
    panel.rendered.connect(said.append)
    panel.set_prediction(classes, [0.2 + 1e-7, 0.5 - 1e-7, 0.3], colours)  # prints and draws the same
    panel.flush()
    assert said == [False]  # shown already: no repaint asked
    QApplication.processEvents()  # a repaint asked for is delivered here (a posted UpdateRequest)
    QApplication.processEvents()
    behind = panel.bars.geometry()  # (the panel's other labels may still repaint from the first show)
    assert bars.rects == [] and [r for r in under.rects if r.intersects(behind)] == []
    assert panel.shown()[0][1] == pytest.approx(0.2 + 1e-7)  # the exact values are kept all the same
    panel.set_prediction(classes, [0.25, 0.45, 0.3], colours)  # a new picture
    panel.flush()
    assert said == [False, True]
    qtbot.waitUntil(lambda: len(bars.rects) >= 1, timeout=2000)
    assert [r for r in under.rects if r.intersects(behind)] == []  # opaque: nothing repainted behind them
    assert panel.bars.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    image = panel.bars.grab().toImage()
    assert image.pixelColor(1, 1) == panel.bars.palette().window().color()


def test_plots_put_a_validation_within_an_epoch_at_its_step_and_say_how_often(qtbot):
    plots = TrainingPlots(validations_per_epoch=2)
    qtbot.addWidget(plots)
    plots.new_run("a")
    plots.add_record(record("step", 0, 1, 4, 1.2, 0.25))
    plots.add_record(record("step", 0, 2, 4, 1.1, 0.5, val_loss=0.9, val_acc=0.625))
    plots.add_record(record("step", 0, 3, 4, 1.0, 0.5))
    plots.add_record(record("step", 0, 4, 4, 0.9, 0.75))
    plots.add_record(record("epoch", 0, 4, 4, 1.05, 0.5, val_loss=0.7, val_acc=0.75))
    plots.flush()
    x, y = plots.curve("val_acc").getData()
    np.testing.assert_allclose(x, [0.5, 1.0])
    np.testing.assert_allclose(y, [62.5, 75.0])
    np.testing.assert_allclose(plots.curve("val_loss").getData()[1], [0.9, 0.7])
    assert len(plots.curve("loss_step").getData()[0]) == 4  # the validation adds no step point
    assert plots.loss_legend.text().endswith("validation, every half epoch")
    assert "for validation, measured halfway through every epoch and at its end." in plots.loss_plot.toolTip()
    once, thrice = TrainingPlots(), TrainingPlots(validations_per_epoch=3)
    qtbot.addWidget(once)
    qtbot.addWidget(thrice)
    assert once.accuracy_legend.text().endswith("validation, each epoch")
    assert "measured at the end of every epoch." in once.accuracy_plot.toolTip()
    assert thrice.accuracy_legend.text().endswith("validation, 3 times an epoch")
    assert "measured 3 times an epoch, the last at its end." in thrice.accuracy_plot.toolTip()
