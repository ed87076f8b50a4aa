"""Acceptance tests of the trainer window: draw real strokes, add them with keys, train through the buttons.

Everything waits on signals or conditions (qtbot.waitSignal / waitUntil); nothing sleeps.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from engine import read_ndjson
from gui.widget_tree import find_named


class Records:
    """Collects the TrainRecords the window receives."""

    def __init__(self, window):
        self.items = []
        window.controller.recordReceived.connect(self.items.append)

    def steps(self):
        return [r for r in self.items if r.kind == "step"]

    def kinds(self):
        return [r.kind for r in self.items]


def button(window, name) -> QPushButton:
    b = find_named(window, name, QPushButton)
    assert b is not None, name
    return b


def click(qtbot, window, name):
    b = button(window, name)
    assert b.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def wait_idle(qtbot, window, timeout=30000):
    qtbot.waitUntil(
        lambda: window.controller.state == "idle" and not window.controller.is_active(), timeout=timeout
    )


def loss_points(window) -> int:
    plot = find_named(window, "lossPlot", pg.PlotWidget)
    n = 0
    for item in plot.getPlotItem().listDataItems():
        x, _y = item.getData()
        n = max(n, 0 if x is None else len(x))
    return n


def test_objects_named_for_tests(make_window, tmp_path):
    window = make_window(tmp_path / "data")
    for name in (
        "canvas",
        "classPalette",
        "gallery",
        "trainButton",
        "pauseButton",
        "stopButton",
        "stepButton",
        "filtersPanel",
        "featureMapsPanel",
        "predictionPanel",
    ):
        assert find_named(window, name, QWidget) is not None, name
    for name in ("lossPlot", "accuracyPlot"):
        assert find_named(window, name, pg.PlotWidget) is not None, name
    assert find_named(window, "trainingProgress", QProgressBar) is not None


def test_draw_add_with_keys_then_train_through_buttons(make_window, tmp_path, qtbot, draw, shape_points):
    window = make_window(tmp_path / "data")
    canvas = window.canvas
    before = window.state.counts()
    # draw real strokes and add them with keys 1..3 (square, triangle, circle)
    for i, kind in enumerate(("square", "triangle", "circle")):
        canvas.setFocus()
        draw(canvas, shape_points(kind, canvas, jitter=2, seed=i))
        assert not canvas.is_empty()
        QTest.keyClick(canvas, (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)[i])
        assert canvas.is_empty(), "the canvas is cleared for the next drawing"
    after = window.state.counts()
    assert [after[c] - before[c] for c in ("square", "triangle", "circle", "irregular")] == [1, 1, 1, 0]
    saved, problems = read_ndjson(window.state.path)
    assert not problems and [d.label for d in saved[-3:]] == ["square", "triangle", "circle"]

    # predictions appear while drawing and sum to 1
    draw(canvas, shape_points("square", canvas, seed=7))
    panel = window.prediction
    qtbot.waitUntil(lambda: len(panel.shown()) == 4, timeout=3000)
    probs = np.array([p for _, p, _ in panel.shown()])
    assert abs(probs.sum() - 1.0) < 1e-5 and np.all(probs >= 0)
    # ... and the feature maps of the drawing
    qtbot.waitUntil(lambda: len(window.feature_maps.stages()) > 0, timeout=3000)

    records = Records(window)
    sizes = []  # the loss plot's number of points, read after each step record was plotted

    def sample(rec):
        if rec.kind == "step":
            window.training.flush_records()  # the window batches records at 10 Hz; show them now
            window.plots.flush()
            sizes.append(loss_points(window))

    window.controller.recordReceived.connect(sample)
    click(qtbot, window, "trainButton")
    wait_idle(qtbot, window)
    assert len(sizes) >= 4
    assert all(b > a for a, b in zip(sizes, sizes[1:], strict=False)), "the loss plot's data grows each step"
    assert records.kinds()[-1] == "done"
    steps = records.steps()
    assert [r.step for r in steps] == list(range(1, len(steps) + 1))
    assert window.controller.steps_done == len(steps)
    assert window.training_panel.progress.value() == 1000
    # predictions from the trained model still sum to 1
    draw(canvas, shape_points("triangle", canvas, seed=8))
    generation = window.predictor.generation
    draw(canvas, shape_points("circle", canvas, seed=9))
    qtbot.waitUntil(lambda: window.predictor.generation > generation, timeout=3000)
    window.prediction.flush()
    probs = np.array([p for _, p, _ in panel.shown()])
    assert len(probs) == 4 and abs(probs.sum() - 1.0) < 1e-5


def test_step_runs_exactly_one_batch_and_filters_change(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    records = Records(window)
    filters = window.filters
    filters.flush()
    before = filters.shown_filters(0).copy()

    click(qtbot, window, "stepButton")  # from idle: start paused, run one mini-batch
    qtbot.waitUntil(lambda: len(records.steps()) == 1, timeout=15000)
    assert window.controller.state == "paused"
    assert button(window, "pauseButton").text() == "Resume"
    qtbot.waitUntil(lambda: not np.array_equal(filters.shown_filters(0), before), timeout=3000)
    after_one = filters.shown_filters(0).copy()
    qtbot.wait(300)  # event-loop wait, not a sleep: nothing more may arrive while paused
    assert len(records.steps()) == 1

    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: len(records.steps()) == 2, timeout=5000)
    qtbot.waitUntil(lambda: not np.array_equal(filters.shown_filters(0), after_one), timeout=3000)
    qtbot.wait(300)
    assert [r.step for r in records.steps()] == [1, 2]
    # the filter images show the model's weights after exactly two steps
    np.testing.assert_allclose(
        filters.shown_filters(0), window.controller.model.weights()["0.weight"], rtol=1e-6, atol=1e-7
    )

    click(qtbot, window, "stopButton")
    wait_idle(qtbot, window)
    assert records.kinds()[-1] == "stopped"


def test_average_weights_decides_what_the_model_keeps_when_training_ends(make_window, tmp_path, qtbot):
    from PySide6.QtWidgets import QCheckBox

    from engine import TrainConfig

    window = make_window(tmp_path / "data")
    box = find_named(window, "averageWeights", QCheckBox)
    assert box is window.training_panel.average and box.isChecked() and "average" in box.toolTip()

    def two_steps_then_stop():
        """-> (weights after the second step, weights the model keeps after Stop, the final message)"""
        records, done_before = Records(window), window.controller.steps_done
        click(qtbot, window, "stepButton")
        qtbot.waitUntil(lambda: len(records.steps()) == 1, timeout=15000)
        click(qtbot, window, "stepButton")
        qtbot.waitUntil(lambda: len(records.steps()) == 2, timeout=5000)
        assert not box.isEnabled()  # fixed while a run lives
        # the worker sends each step's weights before its record, and the final weights before the
        # final record: once a record is counted, the controller's model holds the weights that came with it
        qtbot.waitUntil(lambda: window.controller.steps_done == done_before + 2, timeout=3000)
        stepped = window.controller.model.weights()
        click(qtbot, window, "stopButton")
        wait_idle(qtbot, window)
        assert box.isEnabled()
        return stepped, window.controller.model.weights(), window.training_panel.message_label.text()

    box.setChecked(False)
    assert window.training.settings().config().ema_decay == 0
    stepped, kept, message = two_steps_then_stop()
    assert all(np.array_equal(kept[k], stepped[k]) for k in kept)  # exactly the last step's weights
    assert "average" not in message and "averaged" not in window.plots.run_labels[-1]

    box.setChecked(True)
    assert window.training.settings().config().ema_decay == TrainConfig.ema_decay
    stepped, kept, message = two_steps_then_stop()
    assert any(not np.array_equal(kept[k], stepped[k]) for k in kept)  # the running average, said so
    assert "weight averaging" in message
    assert ", weights averaged" in window.plots.run_labels[-1]  # the plots' legend says whose


def test_pause_holds_resume_continues_stop_ends(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.training_panel.epochs.setValue(200)  # long enough to still be running when paused
    records = Records(window)
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: len(records.steps()) >= 3, timeout=15000)

    click(qtbot, window, "pauseButton")
    assert window.controller.state == "paused"
    assert button(window, "pauseButton").text() == "Resume"
    # at most the batch already under way finishes; then nothing. Wait until the training loop is parked
    # in the pause (it hands over the records it holds before it waits), take what it sent, then check
    # that no step follows
    from PySide6.QtCore import QCoreApplication

    assert window.controller._control.wait_until_blocked(20)  # noqa: SLF001
    QCoreApplication.processEvents()  # the records posted before the loop parked
    held = len(records.steps())
    qtbot.wait(500)
    assert len(records.steps()) == held, "training went on while paused"

    click(qtbot, window, "pauseButton")  # Resume
    assert window.controller.state == "running"
    qtbot.waitUntil(lambda: len(records.steps()) >= held + 3, timeout=10000)

    click(qtbot, window, "stopButton")
    wait_idle(qtbot, window)
    assert records.kinds()[-1] == "stopped"
    assert not button(window, "stopButton").isEnabled() and button(window, "trainButton").isEnabled()
    # Train again continues from the learned weights (the step counter carries on)
    total = window.controller.steps_done
    assert total == len(records.steps())


def test_exploding_loss_pauses_and_explains(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    tp = window.training_panel
    tp.optimizer.setCurrentIndex(tp.optimizer.findData("sgd"))
    tp.lr.setValue(100.0)  # a huge learning rate: the loss shoots far above chance level
    tp.epochs.setValue(200)
    records = Records(window)
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: window.controller.diverged, timeout=20000)
    assert window.controller.state == "paused"
    assert button(window, "pauseButton").text() == "Resume"
    message = tp.message()
    assert "diverging" in message and "learning rate" in message and "lower" in message
    qtbot.wait(300)
    held = len(records.steps())
    qtbot.wait(300)
    assert len(records.steps()) == held, "a diverging run stays paused"
    click(qtbot, window, "stopButton")
    wait_idle(qtbot, window)


def test_non_finite_loss_is_caught_and_weights_stay_finite(make_window, tmp_path, qtbot, monkeypatch):
    import gui.core.model_state

    monkeypatch.setattr(gui.core.model_state, "EXPLODE_STEPS", 10**9)  # the engine's non-finite check only
    window = make_window(tmp_path / "data")
    tp = window.training_panel
    tp.optimizer.setCurrentIndex(tp.optimizer.findData("sgd"))
    tp.lr.setValue(1000.0)
    tp.epochs.setValue(20)
    # weights so big that the logits overflow float32: the very first loss is not a finite number
    model = window.controller.model
    model.set_weights({k: v * np.float32(1e18) for k, v in model.weights().items()})
    records = Records(window)
    click(qtbot, window, "trainButton")
    wait_idle(qtbot, window)
    assert records.kinds()[-1] == "diverged"
    assert window.controller.diverged
    message = tp.message()
    assert "diverging" in message and "not a finite number" in message and "learning rate" in message
    assert "diverged" in tp.progress.format().lower()
    assert all(np.all(np.isfinite(w)) for w in window.controller.model.weights().values())


def test_closing_during_training_leaves_no_thread(make_window, tmp_path, qtbot, running_qthreads):
    window = make_window(tmp_path / "data")
    window.training_panel.epochs.setValue(500)
    records = Records(window)
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: len(records.steps()) >= 2, timeout=15000)
    thread = window.controller._thread  # noqa: SLF001  (the test looks at the thread it must stop)
    assert thread is not None and thread.isRunning()
    assert window.close()
    assert not window.controller.is_active()
    assert not running_qthreads()
    import multiprocessing

    assert not multiprocessing.active_children(), "no child process is left either"


def test_close_while_paused_leaves_no_thread(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    records = Records(window)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: len(records.steps()) == 1, timeout=15000)
    assert window.controller.state == "paused"
    window.close()
    assert not window.controller.is_active()


def test_model_is_stale_when_data_changes_during_training(make_window, tmp_path, qtbot, draw, shape_points):
    window = make_window(tmp_path / "data")
    window.training_panel.epochs.setValue(200)
    records = Records(window)
    click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: len(records.steps()) >= 1, timeout=15000)
    assert not window.training_panel.stale_label.isVisibleTo(window.training_panel)
    draw(window.canvas, shape_points("circle", window.canvas))
    QTest.keyClick(window.canvas, Qt.Key.Key_3)  # editing data during training is allowed
    assert window.training_panel.stale_label.isVisibleTo(window.training_panel)
    assert window.prediction.stale
    click(qtbot, window, "stopButton")
    wait_idle(qtbot, window)


def test_reset_weights_and_presets(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    records = Records(window)
    click(qtbot, window, "stepButton")
    qtbot.waitUntil(lambda: len(records.steps()) == 1, timeout=15000)
    click(qtbot, window, "stopButton")
    wait_idle(qtbot, window)
    trained = window.controller.model.weights()
    click(qtbot, window, "resetButton")
    assert window.controller.steps_done == 0
    assert any(not np.array_equal(trained[k], v) for k, v in window.controller.model.weights().items())
    tp = window.training_panel
    tp.preset.setCurrentIndex(tp.preset.findData("mlp"))
    assert window.controller.preset == "mlp"
    assert window.controller.model.summary()[0].name == "Flatten"


def test_adding_a_class_keeps_the_trained_model_until_the_next_train(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    records = Records(window)
    click(qtbot, window, "trainButton")
    wait_idle(qtbot, window)
    trained = window.controller.model.weights()
    window.palette.addClassRequested.emit("star")
    assert window.controller.classes == ["square", "triangle", "circle", "irregular"]
    for k, v in window.controller.model.weights().items():
        np.testing.assert_array_equal(v, trained[k])
    n = len(records.steps())
    click(qtbot, window, "trainButton")  # now the model needs five outputs: fresh weights
    wait_idle(qtbot, window)
    assert window.controller.classes == ["square", "triangle", "circle", "irregular", "star"]
    assert len(records.steps()) > n


def test_the_accuracy_plot_shows_each_validation_where_the_run_made_it(make_window, tmp_path, qtbot):
    """The app validates halfway through every epoch and at its end (VAL_PER_EPOCH): each validation is a
    dot at the step it followed, with the figure the run's record gave; the legends and tooltips say so."""
    from gui.core.training import VAL_PER_EPOCH

    assert VAL_PER_EPOCH == 2
    window = make_window(tmp_path / "data")
    records = Records(window)
    click(qtbot, window, "trainButton")
    wait_idle(qtbot, window)
    assert records.kinds()[-1] == "done"
    validated = [r for r in records.items if r.val_accuracy is not None]
    spe = validated[0].steps_per_epoch
    assert spe >= 2 and [(r.kind, r.step) for r in validated] == [
        ("step", spe // 2), ("epoch", spe), ("step", spe + spe // 2), ("epoch", 2 * spe)]
    x, y = window.plots.series("val_acc")
    np.testing.assert_allclose(x, [(spe // 2) / spe, 1.0, 1 + (spe // 2) / spe, 2.0])
    np.testing.assert_allclose(y, [100 * r.val_accuracy for r in validated])
    np.testing.assert_allclose(window.plots.series("val_loss")[1], [r.val_loss for r in validated])
    assert window.plots.accuracy_legend.text().endswith("validation, every half epoch")
    assert "measured halfway through every epoch and at its end." in window.plots.accuracy_plot.toolTip()
    # the model's facts still give the validation accuracy after the last epoch
    assert window.model_state.details().endswith(
        f"Validation accuracy after the last epoch: {validated[-1].val_accuracy:.1%}")
