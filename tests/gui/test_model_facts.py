"""The window tells the truth about its model: a loaded model's saved steps and settings, the end of a run,
a run stopped while its drawings are prepared, Step, and Save As (issue 12's status texts)."""

from __future__ import annotations

import re
import threading

from PySide6.QtWidgets import QFileDialog, QLabel

import engine
from engine import TrainRecord
from gui.widget_tree import find_named


def wait_idle(qtbot, window, timeout=30000):
    qtbot.waitUntil(
        lambda: window.controller.state == "idle" and not window.controller.is_active(), timeout=timeout
    )


def train_once(qtbot, window, epochs: int = 2) -> int:
    window.training_panel.epochs.setValue(epochs)
    window.train()
    wait_idle(qtbot, window)
    window.training.flush_records()
    return window.model_state.steps


def note(window) -> str:
    return find_named(window.training_panel, "modelNote", QLabel).text()


def test_a_loaded_model_shows_its_true_step_count_and_settings(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    assert note(window) == "Untrained (random weights)"
    steps = train_once(qtbot, window, epochs=2)
    assert steps > 1 and note(window) == f"Trained {steps:,} steps on this dataset"
    progress = window.training_panel.progress.format()
    assert re.fullmatch(rf"Done: 2 epochs, {steps} steps in \d+(\.\d)? s", progress), progress
    path = tmp_path / "shapes.npz"
    assert window.save_model(str(path))
    extra = engine.load_model(path).meta["extra"]
    assert extra["steps"] == steps and extra["settings"]["batch_size"] == 8 and extra["preset"] == "tiny"
    n = len(window.state)
    assert extra["trained_on"]["size"] == n and 0 < extra["trained_on"]["samples"] < n  # 20 % held out
    assert extra["trained_on"]["version"] == window.state.version and len(extra["history"]) == 2

    other = make_window(tmp_path / "other")
    assert other.open_model(str(path))
    assert other.controller.steps_done == steps  # not 1
    assert other.model_label.text().endswith(f"· {steps:,} steps trained")
    assert note(other) == f"Loaded from shapes.npz · {steps:,} steps"
    status = other.statusBar().currentMessage()
    assert f"{steps} steps" in status and "lr 0.007, batch 8" in status and "trained on" in status
    assert other.prediction._trained  # noqa: SLF001  (no "untrained" warning on its bars)
    # trained further, the file keeps counting from the saved steps
    more = train_once(qtbot, other, epochs=1)
    assert more > steps and note(other) == f"Loaded from shapes.npz, trained further · {more:,} steps"


def test_a_one_epoch_run_says_epoch_not_epochs(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    steps = train_once(qtbot, window, epochs=1)
    progress = window.training_panel.progress.format()
    assert re.fullmatch(rf"Done: 1 epoch, {steps} steps in \d+(\.\d)? s", progress), progress


def test_step_mode_shows_no_time_left(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    window.training_panel.epochs.setValue(50)
    window.training.step()  # Step from idle: exactly one mini-batch, then paused
    qtbot.waitUntil(lambda: window.controller.steps_done == 1, timeout=20000)
    window.training.flush_records()
    text = window.training_panel.progress.format()
    assert text.startswith("Epoch 1/50 · step 1/") and text.endswith("· paused") and "left" not in text
    assert note(window).startswith("Epoch 1 of 50 · 1 step")
    window.controller.stop()
    wait_idle(qtbot, window)


def test_stopping_while_the_drawings_are_prepared(make_window, tmp_path, qtbot, monkeypatch):
    import gui.core.training as core_training

    release = threading.Event()
    real = core_training.prepare_training

    def held(*args, **kwargs):  # the preparation waits until the test has pressed Stop
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(core_training, "prepare_training", held)
    window = make_window(tmp_path / "data")
    runs_before = window.plots.run_labels
    legend_before = window.plots.loss_legend.text()
    window.train()
    assert window.controller.state == "preparing"
    window.controller.stop()
    release.set()
    wait_idle(qtbot, window)
    window.training.flush_records()
    assert window.model_state.steps == 0 and note(window) == "Untrained (random weights)"
    message = window.training_panel.message()
    assert "stopped before the first step" in message and "unchanged" in message
    assert "average" not in message and "0 steps" not in message
    assert window.training_panel.progress.format() == "Stopped before the first step"
    assert window.plots.run_labels == runs_before and window.plots.loss_legend.text() == legend_before


def test_save_as_does_not_make_an_unchanged_model_stale(
    make_window, tmp_path, qtbot, monkeypatch, draw, shape_points
):
    window = make_window(tmp_path / "data")
    steps = train_once(qtbot, window, epochs=1)
    stale = window.training_panel.stale_label
    assert not stale.isVisibleTo(window.training_panel)
    target = tmp_path / "renamed.ndjson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.files.save_as_dialog()
    assert window.state.path == target and target.exists()
    assert not stale.isVisibleTo(window.training_panel)
    assert note(window) == f"Trained {steps:,} steps on this dataset"
    draw(window.canvas, shape_points("square", window.canvas))
    window.labelling.add_current_drawing("square")  # a real change: now it is stale
    assert stale.isVisibleTo(window.training_panel)
    assert note(window) == f"Trained {steps:,} steps on data that has changed since"


def test_record_texts_come_from_the_core(make_window, tmp_path):
    window = make_window(tmp_path / "data", show=False)
    window.training._run_epochs = 1
    window.training.record(TrainRecord("done", 0, 115, 115, elapsed=0.3))
    assert window.training_panel.progress.format() == "Done: 1 epoch, 115 steps in 0.3 s"


def test_the_training_panel_takes_and_gives_plain_values(qtbot):
    from gui.core.training import TrainSettings
    from gui.panels.training import TrainingPanel

    panel = TrainingPanel()
    qtbot.addWidget(panel)
    settings = TrainSettings(
        preset="wide",
        epochs=7,
        batch_size=16,
        lr=0.005,
        optimizer="sgd",
        augment=False,
        val_split=0.25,
        seed=9,
        average=False,
    )
    panel.set_settings(settings.as_dict())
    values = panel.settings()
    assert isinstance(values, dict) and TrainSettings.from_dict(values) == settings
    panel.set_settings({"epochs": 3})  # a partial update leaves the rest
    assert panel.settings() == {**values, "epochs": 3}
    assert "once" in panel.epochs.toolTip()  # augmentation off: every drawing once per epoch
    panel.set_settings({"augment": True, "copies": 4, "schedule": "cosine"})
    assert "4 times" in panel.epochs.toolTip() and "3 augmented versions" in panel.epochs.toolTip()
    assert "falls to nearly zero" in panel.epochs.toolTip()
    assert TrainSettings.from_dict(panel.settings()).copies == 4  # kept though no control shows it
    panel.set_settings({"schedule": "constant"})
    assert "stays the same" in panel.epochs.toolTip() and "falls" not in panel.epochs.toolTip()
    assert "the same for every step" in panel.lr.toolTip() and "peak" not in panel.lr.toolTip()
    panel.set_settings({"schedule": "cosine"})
    assert "at its peak" in panel.lr.toolTip() and panel.lr.accessibleDescription() == panel.lr.toolTip()
    panel.show_progress(0.5, "Epoch 1/2 · step 3/6 · paused")
    assert panel.progress.value() == 500 and panel.progress.format() == "Epoch 1/2 · step 3/6 · paused"
    panel.set_model_note("Loaded from m.npz · 10 steps", "Settings: adam lr 0.002")
    note = find_named(panel, "modelNote", QLabel)
    assert note.text() == "Loaded from m.npz · 10 steps" and note.toolTip() == "Settings: adam lr 0.002"


def test_filters_and_feature_maps_say_which_model_they_show(make_window, tmp_path, qtbot):
    """The main window's filters and feature maps name their model; an untrained one's are not 'learned'."""
    window = make_window(tmp_path / "data")
    filters_note = find_named(window.filters, "modelNote", QLabel)
    maps_note = find_named(window.feature_maps, "modelNote", QLabel)
    assert filters_note.text() == "Model: Untrained (random weights)"
    title = window.filters.title.text()
    assert "Learned" not in title and "nothing is learned" in title
    assert maps_note.text() == "Model: Untrained (random weights): nothing learned yet"
    steps = train_once(qtbot, window, epochs=1)
    assert filters_note.text() == f"Model: Trained {steps:,} steps on this dataset"
    assert window.filters.title.text().startswith("<b>Learned filters</b>")
    assert maps_note.text() == f"Model: Trained {steps:,} steps on this dataset"
    window.controller.reset_weights(seed=2)  # fresh random weights again
    qtbot.waitUntil(lambda: "Untrained" in filters_note.text(), timeout=5000)
    assert "Learned" not in window.filters.title.text()
