"""The core's reading of DATA arguments and its preparation of a training run (shared by the app and the
CLI), without a QApplication; and the wall: gui.core imports no widgets, no pyqtgraph, no window."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import engine
from engine import TrainControl
from gui.core.dataset import DatasetSnapshot
from gui.core.inputs import InputError, LabelledData, evaluate_model, image_suffixes, load_data
from gui.core.training import NOT_ENOUGH_CLASSES, TrainSettings, prepare_training, run_training

ROOT = Path(__file__).resolve().parents[2]


def image_folder(root: Path, drawings, suffix: str) -> Path:
    """An image folder root/<label>/<n><suffix> of the drawings' rasters (dark ink on white)."""
    from gui.images import gray_to_qimage  # QImage is a value class: no QApplication needed

    for n, d in enumerate(drawings):
        (root / d.label).mkdir(parents=True, exist_ok=True)
        pixels = 255 - np.rint(engine.rasterize(d) * 255).astype(np.uint8)
        assert gray_to_qimage(pixels).save(str(root / d.label / f"{n}{suffix}"))
    return root


def test_one_suffix_list_and_bmp_images_are_read_in_a_folder(tmp_path):
    assert ".bmp" in image_suffixes() and ".png" in image_suffixes()
    drawings = engine.generate_drawings(2, seed=4, classes=("circle", "square"))
    folder = image_folder(tmp_path / "bmp", drawings, ".bmp")
    data = load_data([folder], 28)
    assert sorted(data.image_labels) == ["circle", "circle", "square", "square"] and not data.warnings
    X = data.rasters(28)
    assert X.shape == (4, 1, 28, 28) and X.max() == pytest.approx(1.0, abs=0.05)


def test_bad_data_arguments_name_the_file(tmp_path):
    with pytest.raises(InputError, match="nope.ndjson: no such file"):
        load_data([tmp_path / "nope.ndjson"], 28)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="notes.txt: not a dataset"):
        load_data([tmp_path / "notes.txt"], 28)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="empty: no images found"):
        load_data([tmp_path / "empty"], 28)
    bad = tmp_path / "bad.ndjson"
    bad.write_text('{"word": "circle"\n')
    assert load_data([bad], 28).warnings[0].startswith(f"{bad}:1:")


def test_evaluate_counts_known_labels_only():
    drawings = engine.generate_drawings(3, seed=2, classes=("circle", "square"))
    other = [engine.Drawing(strokes=d.strokes, label="hexagon", extra={}) for d in drawings[:2]]
    model = engine.build_model("tiny", 2, seed=0)
    ev = evaluate_model(model, ["circle", "square"], LabelledData(drawings=drawings + other), 28)
    pred = model.predict_proba(engine.rasterize_many(drawings)).argmax(1)
    y = np.array([["circle", "square"].index(d.label) for d in drawings])
    assert ev.n == 6 and ev.unknown_labels == {"hexagon": 2}
    assert ev.accuracy == pytest.approx(float((pred == y).mean()))
    assert ev.confusion.sum(axis=1).tolist() == [3, 3]
    with pytest.raises(InputError, match="none of the labels"):
        evaluate_model(model, ["circle", "square"], LabelledData(drawings=other), 28)


def test_prepare_training_splits_drawings_and_images_alike(tmp_path):
    drawings = engine.generate_drawings(5, seed=1, classes=("circle", "square"))  # 10 drawings
    images = load_data([image_folder(tmp_path / "img", drawings[:4], ".png")], 28)  # 4 images
    data = LabelledData(drawings=drawings, images=images.images, image_labels=images.image_labels)
    settings = TrainSettings(val_split=0.25, augment=False, seed=3)
    with prepare_training(data, ["circle", "square", "triangle"], settings) as run:
        assert run.classes == ["circle", "square", "triangle"]  # one output per class, empty ones too
        assert run.n_train + run.n_val == 14 and run.n_val == 4
        X, y = run.arrays(0)
        assert X.shape == (run.n_train, 1, 28, 28) and sorted(set(y.tolist())) == [0, 1]
        Xv, yv = run.val
        assert Xv.shape == (4, 1, 28, 28) and np.bincount(yv).tolist() == [2, 2]
    # the same seed gives the same split and arrays
    with prepare_training(data, ["circle", "square", "triangle"], settings) as again:
        np.testing.assert_array_equal(again.arrays(0)[0], X)


def test_prepare_training_needs_two_classes_and_stops_when_asked():
    one = engine.generate_drawings(3, seed=1, classes=("circle",))
    with pytest.raises(ValueError, match="at least two classes"):
        prepare_training(LabelledData(drawings=one), ["circle", "square"], TrainSettings())
    assert "two classes" in NOT_ENOUGH_CLASSES
    many = engine.generate_drawings(200, seed=1)
    with pytest.raises(engine.Cancelled):
        prepare_training(
            LabelledData(drawings=many),
            list(engine.DEFAULT_CLASSES),
            TrainSettings(),
            should_stop=lambda: True,
        )


def test_a_run_stopped_while_it_prepares_ends_at_step_zero():
    drawings = tuple(engine.generate_drawings(300, seed=1))
    snapshot = DatasetSnapshot(drawings, tuple(engine.DEFAULT_CLASSES), 1, "x.ndjson")
    control = TrainControl()
    sent = []
    control.stop()  # as if Stop came while the drawings were being prepared
    model = engine.build_model("tiny", 4)
    before = model.weights()
    thread = threading.Thread(
        target=run_training, args=(sent.append, model, snapshot, TrainSettings(preset="tiny"), control)
    )
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    kinds = [m[0] for m in sent]
    assert kinds == ["record"], kinds  # no "prepared", no weights: nothing was trained
    rec = sent[0][1]
    assert rec.kind == "stopped" and rec.step == 0
    for k, v in before.items():
        np.testing.assert_array_equal(model.weights()[k], v)


def test_settings_from_stored_values_fall_back_on_bad_ones():
    s = TrainSettings.from_dict(
        {"epochs": "0", "lr": "-1", "val_split": "1.5", "preset": "huge", "batch_size": "8"}
    )
    d = TrainSettings()
    assert (s.epochs, s.lr, s.val_split, s.preset) == (d.epochs, d.lr, d.val_split, d.preset)
    assert TrainSettings.from_dict({"batch_size": "8"}).batch_size == 8
    assert TrainSettings.from_dict(TrainSettings(lr=0.01, average=False).as_dict()) == TrainSettings(
        lr=0.01, average=False
    )


def test_settings_stored_under_the_old_recipe_follow_the_new_defaults_where_not_changed():
    """Settings saved under recipe 1 (10 epochs, constant rate: the old defaults, never chosen): the new
    recipe's defaults. A value the user changed stays; settings saved under this recipe load as saved."""
    old = {"preset": "default", "epochs": "10", "lr": "0.002", "seed": "4", "batch_size": "32"}
    s = TrainSettings.from_stored(old)
    d = TrainSettings()
    assert (s.epochs, s.lr, s.copies, s.schedule, s.seed) == (d.epochs, d.lr, d.copies, d.schedule, 4)
    mine = TrainSettings.from_stored({"epochs": "7", "lr": "0.01"})
    assert (mine.epochs, mine.lr) == (7, 0.01)
    saved = replace(d, epochs=10, lr=2e-3, schedule="constant")
    assert TrainSettings.from_stored(saved.as_dict()) == saved
    # recipe 2 trained without label smoothing (its default, never chosen): now the new default
    recipe2 = dict(replace(d, label_smoothing=0.0, epochs=5).as_dict(), recipe=2)
    assert TrainSettings.from_stored(recipe2) == replace(d, epochs=5)
    assert d.label_smoothing == 0.06 and d.describe() == (
        "adam peak lr 0.007 (cosine schedule), label smoothing 0.06, batch 32, 8 epochs of 3 versions")
    # recipe 3's peak rate and smoothing (its defaults, never chosen): now recipe 4's; chosen ones stay
    recipe3 = dict(replace(d, lr=5e-3, label_smoothing=0.08, epochs=6).as_dict(), recipe=3)
    assert TrainSettings.from_stored(recipe3) == replace(d, epochs=6)
    chose = dict(replace(d, lr=4e-3, label_smoothing=0.08).as_dict(), recipe=3)
    assert TrainSettings.from_stored(chose) == replace(d, lr=4e-3)
    assert TrainSettings.from_stored(dict(d.as_dict(), recipe=4)) == d
    assert TrainSettings.from_stored(replace(d, label_smoothing=0.0).as_dict()).label_smoothing == 0.0
    assert TrainSettings.from_stored({"copies": "0", "schedule": "zigzag"}) == d


def test_a_run_saved_before_the_recipe_settings_reads_as_what_it_did():
    """A model file's settings from before `copies` and `schedule` existed: 6 versions, constant rate."""
    old_run = {"preset": "default", "epochs": 10, "lr": 0.002, "batch_size": 32}
    s = TrainSettings.of_run(old_run)
    assert (s.epochs, s.lr, s.copies, s.schedule) == (10, 2e-3, 6, "constant")
    assert s.describe() == "adam lr 0.002 (constant schedule), batch 32, 10 epochs of 6 versions"
    assert TrainSettings.of_run(TrainSettings().as_dict()) == TrainSettings()
    # saved before label smoothing existed (recipes 1 and 2): trained without it
    assert s.label_smoothing == 0.0
    recipe2 = TrainSettings(label_smoothing=0.3).as_dict()
    del recipe2["label_smoothing"]
    assert TrainSettings.of_run(recipe2).label_smoothing == 0.0
    assert TrainSettings.of_run(TrainSettings(label_smoothing=0.3).as_dict()).label_smoothing == 0.3


def test_label_smoothing_reaches_the_training_config_and_bad_values_fall_back():
    assert TrainSettings(label_smoothing=0.25).config().label_smoothing == 0.25
    d = TrainSettings()
    assert TrainSettings.from_dict({"label_smoothing": "1.5"}).label_smoothing == d.label_smoothing
    assert TrainSettings.from_dict({"label_smoothing": "0.05"}).label_smoothing == 0.05


def test_the_core_imports_no_widgets_no_pyqtgraph_and_no_window():
    code = (
        "import sys, gui.core, gui.core.dataset, gui.core.events, gui.core.inputs, gui.core.model_state, "
        "gui.core.training\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6.QtWidgets', 'pyqtgraph', 'gui.window', "
        "'gui.panels', 'gui.workers', 'gui.analysis', 'gui.lessons', 'gui.training', 'gui.app'))]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_a_run_stopped_between_epochs_ends_after_its_last_step():
    drawings = tuple(engine.generate_drawings(60, seed=2))
    snapshot = DatasetSnapshot(drawings, tuple(engine.DEFAULT_CLASSES), 1, "x.ndjson")
    control = TrainControl()
    sent = []

    def send(message):
        sent.append(message)
        if message[0] == "record" and message[1].kind == "epoch":
            control.stop()  # Stop at the end of the first epoch, maybe while the helper makes the next

    settings = TrainSettings(preset="tiny", epochs=3, batch_size=64, augment=True)
    run_training(send, engine.build_model("tiny", 4), snapshot, settings, control)
    records = [m[1] for m in sent if m[0] == "record"]
    steps = [r for r in records if r.kind == "step"]
    assert records[-1].kind == "stopped" and records[-1].step == len(steps) > 0
    assert records[-1].epoch == 0 or records[-1].epoch == 1
    assert "after" in records[-1].message and sent[-2][0] == "weights"  # the final weights, then the end


def test_the_apps_epoch_helper_runs_at_the_training_threads_priority():
    """The training thread waits for every epoch the helper makes: a helper niced below it is starved
    as soon as another program takes the other core (the run then waits for its epochs)."""
    import multiprocessing
    import os

    drawings = tuple(engine.generate_drawings(60, seed=2))
    snapshot = DatasetSnapshot(drawings, tuple(engine.DEFAULT_CLASSES), 1, "x.ndjson")
    seen = []

    def send(message):
        if message[0] == "record" and message[1].kind == "epoch":
            helpers = [c for c in multiprocessing.active_children() if c.name == "ShapeLabEpochs"]
            seen.extend(os.getpriority(os.PRIO_PROCESS, c.pid) for c in helpers)

    settings = TrainSettings(preset="tiny", epochs=3, batch_size=64, augment=True)
    run_training(send, engine.build_model("tiny", 4), snapshot, settings, TrainControl())
    assert seen and set(seen) == {os.getpriority(os.PRIO_PROCESS, 0)}, seen


def test_the_first_epoch_uses_the_cores_this_process_may_use_at_most_two(monkeypatch):
    from gui.core import training

    monkeypatch.setattr(training.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert training.local_threads() == 1  # one core: no second thread to compete with the first
    monkeypatch.setattr(training.os, "sched_getaffinity", lambda pid: set(range(8)), raising=False)
    assert training.local_threads() == training.MAX_LOCAL_THREADS == 2


def test_the_app_validates_halfway_through_every_epoch_and_the_cli_at_its_end():
    """run_training (the app's run) validates VAL_PER_EPOCH = 2 times an epoch; the settings' own config
    (the CLI's, realdata_eval's) once, at the epoch's end: it prints a line an epoch."""
    from gui.core.training import VAL_PER_EPOCH

    assert VAL_PER_EPOCH == 2
    assert TrainSettings().config().val_per_epoch == 1
    drawings = tuple(engine.generate_drawings(25, seed=3))  # 25 per class: 80 train, 20 validate
    snapshot = DatasetSnapshot(drawings, tuple(engine.DEFAULT_CLASSES), 1, "x.ndjson")
    settings = TrainSettings(preset="tiny", epochs=2, batch_size=8, augment=False, val_split=0.2)
    sent = []
    run_training(sent.append, engine.build_model("tiny", 4), snapshot, settings, TrainControl())
    records = [r for kind, r in sent if kind == "record"]
    assert records[-1].kind == "done"
    assert [(r.kind, r.step) for r in records if r.val_accuracy is not None] == [
        ("step", 5), ("epoch", 10), ("step", 15), ("epoch", 20)]
