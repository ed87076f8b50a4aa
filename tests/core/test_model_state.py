"""ModelState without a screen: what is true of the model (steps, origin, staleness, the blow-up rule), the
words that say it, and the model file's one `extra` schema written and read back."""

from __future__ import annotations

import json

import numpy as np
import pytest

import engine
from engine import TrainRecord
from gui.core import model_state as ms_module
from gui.core.dataset import DatasetState
from gui.core.model_state import (
    EXPLODE_STEPS,
    BlowUpRule,
    ModelChange,
    ModelExtra,
    ModelLoadError,
    ModelState,
    Origin,
    RecordOutcome,
    end_message,
    format_seconds,
    progress_text,
)
from gui.core.training import TrainSettings

CLASSES = ["square", "triangle", "circle", "irregular"]


def step(k: int, epoch: int = 0, spe: int = 5, loss: float = 1.0, **kw) -> TrainRecord:
    return TrainRecord("step", epoch, k, spe, loss=loss, accuracy=0.5, lr=0.002, **kw)


def epoch_rec(epoch: int, steps: int, spe: int = 5) -> TrainRecord:
    return TrainRecord("epoch", epoch, steps, spe, loss=0.9, accuracy=0.6, val_loss=1.1, val_accuracy=0.55)


def trained_state(steps: int = 7, epochs: int = 3, spe: int = 5) -> tuple[ModelState, object]:
    """A tiny model that 'trained' `steps` steps (records fed by hand; the weights are not changed)."""
    state = ModelState()
    state.ensure(CLASSES, "tiny", seed=3)
    snap = type(
        "Snap", (), {"drawings": (), "classes": tuple(CLASSES), "version": 1, "source": "/x/shapes.ndjson"}
    )
    state.begin_run(snap, TrainSettings(preset="tiny", epochs=epochs, seed=3, lr=0.004))
    for k in range(1, steps + 1):
        e = (k - 1) // spe
        state.observe(step(k, e, spe))
        if k % spe == 0:
            state.observe(epoch_rec(e, k, spe))
    return state, snap


def test_an_untrained_model_says_so_and_is_rebuilt_for_new_classes():
    state = ModelState()
    seen = []
    state.model_changed.connect(seen.append)
    assert state.note == "No model yet"
    assert state.ensure(CLASSES, "tiny") and seen == [ModelChange.BUILT]
    assert state.note == "Untrained (random weights)" and state.origin is Origin.UNTRAINED
    assert state.label_text().endswith("· untrained")
    assert not state.ensure(CLASSES, "tiny")  # it fits: kept
    assert state.ensure([*CLASSES, "star"], "tiny") and state.model.output_shape == (5,)
    assert state.ensure([*CLASSES, "star"], "default") and state.preset == "default"


def test_steps_epochs_and_the_note_follow_the_run():
    state, _ = trained_state(steps=7, epochs=3, spe=5)
    assert state.steps == 7 and state.epochs == 1
    assert state.note == "Epoch 2 of 3 · 7 steps"  # in the second epoch
    state.observe(step(8, 1))
    state.observe(step(9, 1))
    state.observe(step(10, 1))
    state.observe(epoch_rec(1, 10))
    assert state.note == "After epoch 2 of 3 · 10 steps"
    state.observe(TrainRecord("stopped", 1, 10, 5, message="Training stopped after 10 steps."))
    state.end_run()
    assert state.note == "Trained 10 steps on this dataset"
    assert state.label_text() == f"Model: tiny · {state.model.num_parameters():,} weights · 10 steps trained"
    assert [h.epoch for h in state.history] == [1, 2] and state.history[0].val_accuracy == 0.55


def test_thousands_are_grouped_in_the_note():
    state, _ = trained_state(steps=1017, epochs=10, spe=339)
    state.end_run()
    assert state.note == "Trained 1,017 steps on this dataset"


def test_the_blow_up_rule_fires_once_after_explode_steps_high_losses():
    rule = BlowUpRule(4)
    high = rule.limit * 1.01
    assert [rule.observe(high) for _ in range(EXPLODE_STEPS + 2)] == [False] * (EXPLODE_STEPS - 1) + [
        True,
        False,
        False,
    ]
    assert rule.observe(0.5) is False and rule.count == 0  # came down: counting starts again
    assert rule.observe(float("nan")) is False and rule.count == 0  # non-finite: the engine's own check


def test_the_blow_up_rule_pauses_only_a_running_run():
    state, _ = trained_state(steps=1)
    big = 100.0
    outcomes = [state.observe(step(k, loss=big), watch=False) for k in range(2, 2 + EXPLODE_STEPS)]
    assert RecordOutcome.BLOWING_UP not in outcomes and not state.diverged  # stepped by hand: left alone
    state, _ = trained_state(steps=1)
    outcomes = [state.observe(step(k, loss=big)) for k in range(2, 2 + EXPLODE_STEPS)]
    assert outcomes[-1] is RecordOutcome.BLOWING_UP and state.diverged and state.blowing_up


def test_the_model_file_extra_round_trips_and_the_loaded_model_shows_its_true_steps(tmp_path):
    state, _ = trained_state(steps=10, epochs=2, spe=5)
    state.end_run()
    path = tmp_path / "shapes.npz"
    state.save(path)
    extra = engine.load_model(path).meta["extra"]
    assert (
        extra["schema"] == 1 and extra["steps"] == 10 and extra["epochs"] == 2 and extra["preset"] == "tiny"
    )
    assert extra["settings"]["lr"] == 0.004 and extra["settings"]["epochs"] == 2 and extra["seed"] == 3
    assert extra["trained_on"]["name"] == "shapes.ndjson" and extra["created"]
    assert [h["epoch"] for h in extra["history"]] == [1, 2] and extra["val_accuracy"] == 0.55
    json.dumps(extra, allow_nan=False)  # plain JSON

    loaded = ModelState()
    seen = []
    loaded.model_changed.connect(seen.append)
    loaded.load(path)
    assert seen == [ModelChange.LOADED] and loaded.origin is Origin.LOADED
    assert loaded.steps == 10 and loaded.epochs == 2 and loaded.preset == "tiny" and loaded.seed == 3
    assert loaded.settings == TrainSettings(preset="tiny", epochs=2, seed=3, lr=0.004)
    assert loaded.history == state.history
    assert loaded.note == "Loaded from shapes.npz · 10 steps"
    assert loaded.label_text().endswith("· 10 steps trained")
    assert "10 steps, trained on shapes.ndjson, adam lr 0.004, batch 32" in loaded.loaded_message(CLASSES)
    for k, v in state.model.weights().items():
        np.testing.assert_array_equal(loaded.model.weights()[k], v)
    # saved again: still the same facts (nothing is lost by a load and save)
    loaded.save(tmp_path / "again.npz")
    again = engine.load_model(tmp_path / "again.npz").meta["extra"]
    assert {k: again[k] for k in ("steps", "epochs", "preset", "settings", "history", "trained_on")} == {
        k: extra[k] for k in ("steps", "epochs", "preset", "settings", "history", "trained_on")
    }


def test_files_from_before_the_schema_still_load(tmp_path):
    model = engine.build_model("tiny", 4)
    app_file, cli_file = tmp_path / "app.npz", tmp_path / "cli.npz"
    engine.save_model(app_file, model, CLASSES, extra={"preset": "tiny", "steps": 3380})
    engine.save_model(
        cli_file,
        model,
        CLASSES,
        extra={"preset": "tiny", "trained_on": ["a.ndjson"], "samples": 90, "epochs": 3, "ema_decay": 0.99},
    )
    state = ModelState()
    state.load(app_file)
    assert state.steps == 3380 and state.note == "Loaded from app.npz · 3,380 steps"
    state.load(cli_file)
    assert state.note == "Loaded from cli.npz · steps not recorded"
    assert state.label_text().endswith("· trained (steps not recorded)") and state.trained
    assert state.trained_on.files == ("a.ndjson",) and state.trained_on.samples == 90
    assert ModelExtra.from_json({"steps": "many", "history": [{"epoch": 1}], "settings": 5}) == ModelExtra()


def test_a_model_for_another_input_size_is_refused(tmp_path):
    path = tmp_path / "big.npz"
    engine.save_model(path, engine.build_model("tiny", 4, input_size=32), CLASSES)
    with pytest.raises(ModelLoadError, match="big.npz.*28×28"):
        ModelState().load(path)
    with pytest.raises(ModelLoadError, match="missing.npz"):
        ModelState().load(tmp_path / "missing.npz")


def test_saving_the_dataset_under_another_name_does_not_make_the_model_stale(tmp_path):
    data = DatasetState(tmp_path / "data")
    data.open(tmp_path / "a.ndjson")
    for d in engine.generate_drawings(2, seed=1):
        data.add_drawing(d.strokes, d.label)
    state = ModelState()
    state.ensure(data.class_names(), "tiny")
    snap = data.snapshot()
    state.begin_run(snap, TrainSettings(preset="tiny"))
    state.observe(step(1))
    state.end_run()
    assert not state.update_stale(data.snapshot())
    data.save_as(tmp_path / "b.ndjson")
    assert data.version != snap.version  # the dataset says it changed ...
    assert not state.update_stale(data.snapshot())  # ... but the drawings are the very same
    assert state.note == "Trained 1 step on this dataset"
    data.add_drawing(engine.generate_drawings(1, seed=5)[0].strokes, "circle")
    assert state.update_stale(data.snapshot())
    assert state.note == "Trained 1 step on data that has changed since"
    data.flush()


def test_progress_texts():
    assert (
        format_seconds(0.4) == "0.4 s"
        and format_seconds(12.4) == "12 s"
        and format_seconds(185) == "3 min 05 s"
    )
    assert format_seconds(4 * 3600 + 120) == "4 h 02 min" and format_seconds(float("inf")) == "—"
    running = step(3, 0, 115, eta=25000.0)
    assert progress_text(running, 1, paused=False) == "Epoch 1/1 · step 3/115 · 6 h 56 min left"
    assert progress_text(running, 1, paused=True) == "Epoch 1/1 · step 3/115 · paused"  # no time: it waits
    early = step(3, 0, 115, eta=None)  # the run has not measured enough to estimate the time left
    assert progress_text(early, 1, paused=False) == "Epoch 1/1 · step 3/115 · estimating the time left…"
    done = TrainRecord("done", 0, 115, 115, elapsed=0.42)
    assert progress_text(done, 1, paused=False) == "Done: 1 epoch, 115 steps in 0.4 s"
    assert (
        progress_text(TrainRecord("done", 1, 1, 1, elapsed=30), 2, False) == "Done: 2 epochs, 1 step in 30 s"
    )
    assert progress_text(TrainRecord("stopped", 0, 0, 0), 10, False) == "Stopped before the first step"
    assert (
        progress_text(TrainRecord("stopped", 1, 150, 115), 10, False) == "Stopped in epoch 2, after 150 steps"
    )


def test_a_run_stopped_before_its_first_step_changed_nothing():
    engine_text = "Training stopped after 0 steps, in epoch 1 of 10. The model keeps the running average ..."
    rec = TrainRecord("stopped", 0, 0, 3, message=engine_text)
    text = end_message(rec)
    assert "unchanged" in text and "average" not in text and "0 steps" not in text
    assert end_message(TrainRecord("stopped", 0, 4, 3, message="Training stopped after 4 steps.")) == (
        "Training stopped after 4 steps."
    )
    state = ModelState()
    state.ensure(CLASSES, "tiny")
    state.begin_run(None, TrainSettings(preset="tiny"))
    assert state.observe(TrainRecord("stopped", 0, 0, 0)) is RecordOutcome.ENDED
    state.end_run()
    assert (
        state.steps == 0 and state.origin is Origin.UNTRAINED and state.note == "Untrained (random weights)"
    )


def test_one_place_for_the_blow_up_constants():
    from pathlib import Path

    root = Path(ms_module.__file__).resolve().parents[2]
    defining = [
        p.relative_to(root).as_posix()
        for p in (root / "gui").rglob("*.py")
        if "EXPLODE_STEPS =" in p.read_text(encoding="utf-8")
    ]
    assert defining == ["gui/core/model_state.py"]


def test_the_details_say_how_the_model_was_trained(tmp_path):
    state, _ = trained_state(steps=10, epochs=2, spe=5)
    state.end_run()
    state.save(tmp_path / "m.npz")
    loaded = ModelState()
    loaded.load(tmp_path / "m.npz")
    text = loaded.details()
    assert text.splitlines()[0] == "Loaded from m.npz · 10 steps"
    assert "Epochs completed: 2" in text and "Trained on: shapes.ndjson" in text
    assert (
        "Settings: adam peak lr 0.004 (cosine schedule), label smoothing 0.06, batch 32, 2 epochs of 3 "
        "versions a run, augmented, weight averaging 0.998" in text
    )
    assert "Validation accuracy after the last epoch: 55.0%" in text and "(written 20" in text


def test_the_training_time_adds_up_over_runs_and_is_kept_in_the_file(tmp_path):
    state = ModelState()
    state.ensure(CLASSES, "tiny", seed=3)
    snap = type("Snap", (), {"drawings": (), "classes": tuple(CLASSES), "version": 1, "source": None})
    state.begin_run(snap, TrainSettings(preset="tiny", epochs=1))
    state.observe(step(1, elapsed=0.5))
    state.observe(step(2, elapsed=1.25))
    assert state.training_seconds() == 1.25  # the run under way counts so far
    state.observe(TrainRecord("done", 0, 2, 5, elapsed=1.5))
    state.end_run()
    state.begin_run(snap, TrainSettings(preset="tiny", epochs=1))  # a second run on the same model
    state.observe(step(3, elapsed=2.0))
    state.end_run()
    assert state.training_seconds() == 3.5
    state.save(tmp_path / "m.npz")
    assert engine.load_model(tmp_path / "m.npz").meta["extra"]["elapsed"] == 3.5
    loaded = ModelState()
    loaded.load(tmp_path / "m.npz")
    assert loaded.training_seconds() == 3.5
    state.reset()  # fresh weights: nothing trained yet
    assert state.training_seconds() == 0.0
