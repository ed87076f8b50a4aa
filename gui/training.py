"""Training away from the GUI thread, and live prediction from the model as it is right now.

- `TrainingController`: the GUI-thread side of training. It owns the GUI's copy of the model (updated from
  the weight snapshots the run sends, at most ~5 times a second and after every single step while paused),
  the policy around it (state, steps done, the blow-up rule) and one run at a time, which is a
  `gui.workers.Trainer` (the "train" kind of the window's JobRunner: a copy of the model, a SNAPSHOT of
  the dataset, `engine.train` in the runner's thread, plain data back). Pause / resume / step exactly one
  mini-batch / stop go to the run's `TrainControl` (thread-safe). It never waits on the run, except in
  `shutdown()` when the window closes (after asking it to stop).
- `LivePredictor` (from `gui.workers.predictor`): the canvas drawing through a copy of the model, a
  JobRunner kind behind one Throttle.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, Signal

from engine import PRESETS, Sequential, TrainRecord, build_model

from .core.dataset import DatasetSnapshot
from .core.training import (  # noqa: F401  (PreparedData, WEIGHTS_INTERVAL_S: part of this module's API)
    INPUT_SIZE,
    WEIGHTS_INTERVAL_S,
    PreparedData,
    TrainSettings,
)
from .workers.predictor import LivePrediction, LivePredictor  # noqa: F401  (part of this module's API)
from .workers.runner import JobRunner
from .workers.trainer import Trainer

# A run is paused as diverging when the loss stays above EXPLODE_FACTOR × chance level for EXPLODE_STEPS steps
EXPLODE_FACTOR = 10.0
EXPLODE_STEPS = 3


class TrainingController(QObject):
    """The GUI-thread side of training. States: "idle", "preparing", "running", "paused", "stopping".

    Signals: `stateChanged(str)`, `recordReceived(object)`, `modelUpdated()` (new weights in `model`),
    `modelReplaced()` (a different model: new classes or preset), `message(str, str)` (level, text),
    `prepared(object)`.
    """

    stateChanged = Signal(str)
    recordReceived = Signal(object)
    modelUpdated = Signal()
    modelReplaced = Signal()
    message = Signal(str, str)
    prepared = Signal(object)

    def __init__(self, parent: QObject | None = None, *, runner: JobRunner | None = None):
        super().__init__(parent)
        self._runner = runner if runner is not None else JobRunner(self, name="ShapeLabTraining")
        self._trainer = Trainer(self._runner, self)
        self._trainer.prepared.connect(self._on_prepared)
        self._trainer.record.connect(self._on_record)
        self._trainer.weights.connect(self._on_weights)
        self._trainer.failed.connect(self._on_failed)
        self._trainer.finished.connect(self._on_finished)
        self.model: Sequential | None = None
        self.classes: list[str] = []
        self.preset = "default"
        self.seed = 0
        self.state = "idle"
        self.last_record: TrainRecord | None = None
        self.steps_done = 0  # mini-batches trained on this model in total (all runs)
        self.snapshot_version: int | None = None
        self._run_steps = 0
        self._explode_count = 0
        self.diverged = False

    # -- model --------------------------------------------------------------------------------------

    def ensure_model(self, classes: Sequence[str], preset: str, seed: int = 0, force: bool = False) -> bool:
        """Make sure the GUI model fits these classes and preset; builds a fresh one if not.
        Returns True when a new model was built."""
        classes = list(classes)
        fits = preset == self.preset or self.preset == "loaded"  # a loaded model keeps training as it is
        if self.model is not None and classes == self.classes and fits and not force:
            return False
        self.model = build_model(preset, max(1, len(classes)), INPUT_SIZE, seed=seed)
        self.classes, self.preset, self.seed = classes, preset, seed
        self.steps_done = 0
        self.last_record = None
        self.modelReplaced.emit()
        return True

    def set_model(self, model: Sequential, classes: Sequence[str], preset: str = "loaded") -> None:
        """Use a loaded model (Model > Open…)."""
        if self.is_active():
            raise RuntimeError("stop training before loading a model")
        self.model, self.classes, self.preset = model, list(classes), preset
        self.steps_done = 0
        self.last_record = None
        self.modelReplaced.emit()

    def reset_weights(self, seed: int | None = None) -> None:
        """Fresh random weights (same architecture and classes)."""
        if self.is_active():
            raise RuntimeError("stop training before resetting the weights")
        preset = self.preset if self.preset in PRESETS else "default"
        self.model = build_model(
            preset, max(1, len(self.classes)), INPUT_SIZE, seed=self.seed if seed is None else seed
        )
        self.preset = preset
        self.steps_done = 0
        self.last_record = None
        self.snapshot_version = None
        self.modelReplaced.emit()

    # -- training -----------------------------------------------------------------------------------

    @property
    def _control(self):
        """The running run's control (the engine's TrainControl API), or None."""
        return self._trainer.control

    @property
    def _thread(self) -> QThread | None:
        """The QThread the run is in, or None."""
        return self._trainer.thread

    def is_active(self) -> bool:
        return self._trainer.is_active()

    def start(self, snapshot: DatasetSnapshot, settings: TrainSettings, *, paused: bool = False) -> None:
        """Start a run on this snapshot, continuing from the current weights when the model fits the
        classes and preset (a new model is built otherwise). With paused=True exactly one mini-batch
        runs and training waits paused (Step from idle)."""
        if self.is_active():
            raise RuntimeError("training is already running")
        self.ensure_model(snapshot.classes, settings.preset, settings.seed)
        self._run_steps = 0
        self._explode_count = 0
        self.diverged = False
        self.snapshot_version = snapshot.version
        self._set_state("preparing")
        self._trainer.start(self.model.copy(), snapshot, settings, paused=paused)

    def pause(self) -> None:
        if self._control is not None and self.state in ("running", "preparing"):
            self._control.pause()
            self._set_state("paused")

    def resume(self) -> None:
        if self._control is not None and self.state == "paused":
            self._control.resume()
            self._set_state("running")

    def step(self) -> None:
        """Exactly one mini-batch, then paused."""
        if self._control is not None and self.state in ("running", "paused", "preparing"):
            self._control.step_once()
            self._set_state("paused")

    def stop(self) -> None:
        if self._control is not None and self.state != "stopping":
            self._control.stop()
            self._set_state("stopping")

    def shutdown(self, budget_s: float = 2.0) -> bool:
        """Stop any run and wait at most `budget_s` for its thread to end (only when the window closes); no
        signal of the run follows. True if none runs."""
        if not self._trainer.is_active():
            return True
        ok = self._trainer.shutdown(budget_s)
        self.state = "idle"
        return ok

    # -- slots (GUI thread) -------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    def _on_prepared(self, info: dict) -> None:
        if self.state == "preparing":
            paused = self._control is not None and self._control.paused
            self._set_state("paused" if paused else "running")
        self.prepared.emit(info)

    def _on_weights(self, weights: dict) -> None:
        if self.model is not None:
            self.model.set_weights(weights)
            self.modelUpdated.emit()

    def _on_record(self, rec: TrainRecord) -> None:
        if rec.kind == "step":
            self._run_steps += 1
            self.steps_done += 1
        self.last_record = rec
        self.recordReceived.emit(rec)
        if rec.kind == "step" and self._blowing_up(rec):
            self.pause()
            self.diverged = True
            self.message.emit("warning", "exploding")
        elif rec.kind == "diverged":
            self.diverged = True
            self.message.emit("warning", rec.message)
        elif rec.kind in ("done", "stopped") and rec.message:
            self.message.emit("info", rec.message)

    def _blowing_up(self, rec: TrainRecord) -> bool:
        """True when the loss has stayed far above chance level (ln C, what random guessing scores) for
        several steps in a row: the weights are blowing up even though the numbers are still finite."""
        chance = math.log(max(2, len(self.classes)))
        if rec.loss is not None and math.isfinite(rec.loss) and rec.loss > EXPLODE_FACTOR * chance:
            self._explode_count += 1
        else:
            self._explode_count = 0
        return self._explode_count == EXPLODE_STEPS and self.state == "running"

    def _on_failed(self, text: str) -> None:
        self.message.emit("error", text)

    def _on_finished(self) -> None:
        self._set_state("idle")
