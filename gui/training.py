"""Training away from the GUI thread, and live prediction from the model as it is right now.

- `TrainingController`: the GUI-thread side of training. The GUI's copy of the model and every fact about
  it (steps, preset, classes, the blow-up rule, the messages) live in its `model_state`
  (`gui.core.model_state.ModelState`, updated from the weight snapshots the run sends, at most ~5 times a
  second and after every single step while paused); the controller runs one run at a time, which is a
  `gui.workers.Trainer` (the "train" kind of the window's JobRunner: a copy of the model, a SNAPSHOT of
  the dataset, `engine.train` in the runner's thread, plain data back). Pause / resume / step exactly one
  mini-batch / stop go to the run's `TrainControl` (thread-safe). It never waits on the run, except in
  `shutdown()` when the window closes (after asking it to stop).
- `LivePredictor` (from `gui.workers.predictor`): the canvas drawing through a copy of the model, a
  JobRunner kind behind one Throttle.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, Signal

from engine import Sequential, TrainRecord
from gui.text import translate

from .core.dataset import DatasetSnapshot
from .core.model_state import ModelState, RecordOutcome, divergence_texts, end_message
from .core.training import INPUT_SIZE, TrainSettings
from .workers.predictor import LivePrediction, LivePredictor  # noqa: F401  (part of this module's API)
from .workers.runner import JobRunner
from .workers.trainer import Trainer


class TrainingController(QObject):
    """The GUI-thread side of training. States: "idle", "preparing", "running", "paused", "stopping".

    The model and every fact about it (steps, preset, classes, blow-up rule, messages) live in
    `model_state` (a Qt-free `ModelState`); this class runs the worker and turns the state's events into
    signals: `stateChanged(str)`, `recordReceived(object)`, `modelUpdated()` (new weights in `model`),
    `modelReplaced()` (a different model or fresh weights), `message(str, str)` (level, text),
    `prepared(object)`.
    """

    stateChanged = Signal(str)
    recordReceived = Signal(object)
    modelUpdated = Signal()
    modelReplaced = Signal()
    message = Signal(str, str)
    prepared = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        model_state: ModelState | None = None,
        *,
        runner: JobRunner | None = None,
    ):
        super().__init__(parent)
        self.model_state = model_state if model_state is not None else ModelState(INPUT_SIZE)
        self.model_state.model_changed.connect(lambda _change: self.modelReplaced.emit())
        self.model_state.weights_changed.connect(self.modelUpdated.emit)
        self.state = "idle"
        self._runner = runner if runner is not None else JobRunner(self, name="ShapeLabTraining")
        self._trainer = Trainer(self._runner, self)
        self._trainer.prepared.connect(self._on_prepared)
        self._trainer.record.connect(self._on_record)
        self._trainer.weights.connect(self._on_weights)
        self._trainer.failed.connect(self._on_failed)
        self._trainer.finished.connect(self._on_finished)

    # -- the model (kept by model_state) ------------------------------------------------------------

    @property
    def model(self) -> Sequential | None:
        return self.model_state.model

    @property
    def classes(self) -> list[str]:
        return self.model_state.classes

    @property
    def preset(self) -> str:
        return self.model_state.preset

    @property
    def steps_done(self) -> int:
        """Mini-batches trained on this model in total (a loaded file's saved steps included)."""
        return self.model_state.steps

    @property
    def last_record(self) -> TrainRecord | None:
        return self.model_state.last_record

    @property
    def diverged(self) -> bool:
        return self.model_state.diverged

    def ensure_model(self, classes: Sequence[str], preset: str, seed: int = 0, force: bool = False) -> bool:
        """Make sure the model fits these classes and preset; builds a fresh one if not.
        Returns True when a new model was built."""
        return self.model_state.ensure(classes, preset, seed, force)

    def reset_weights(self, seed: int | None = None) -> None:
        """Fresh random weights (same architecture and classes)."""
        if self.is_active():
            raise RuntimeError(translate("TrainingController", "stop training before resetting the weights"))
        self.model_state.reset(seed)

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

    def start(self, snapshot: DatasetSnapshot, settings: TrainSettings, *, paused: bool = False) -> str:
        """Start a run on this snapshot, continuing from the current weights when the model fits the
        classes and preset (a new model is built otherwise). With paused=True exactly one mini-batch
        runs and training waits paused (Step from idle). Returns the run's label."""
        if self.is_active():
            raise RuntimeError(translate("TrainingController", "training is already running"))
        self.ensure_model(snapshot.classes, settings.preset, settings.seed)
        label = self.model_state.begin_run(snapshot, settings)
        self._set_state("preparing")
        self._trainer.start(self.model.copy(), snapshot, settings, paused=paused)
        return label

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
        self.model_state.end_run()
        self.state = "idle"
        return ok

    # -- slots (GUI thread) -------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    def _on_prepared(self, info: dict) -> None:
        self.model_state.prepared(info["n_train"], info["n_val"])
        if self.state == "preparing":
            paused = self._control is not None and self._control.paused
            self._set_state("paused" if paused else "running")
        self.prepared.emit(info)

    def _on_weights(self, weights: dict) -> None:
        self.model_state.set_weights(weights)

    def _on_record(self, rec: TrainRecord) -> None:
        outcome = self.model_state.observe(rec, watch=self.state == "running")
        self.recordReceived.emit(rec)
        if outcome is RecordOutcome.BLOWING_UP:
            self.pause()
            self.message.emit("warning", divergence_texts(rec, len(self.classes))[0])
        elif outcome is RecordOutcome.DIVERGED:
            self.message.emit("warning", divergence_texts(rec, len(self.classes))[0])
        elif outcome is RecordOutcome.ENDED:
            text = end_message(rec)
            if text:
                self.message.emit("info", text)

    def _on_failed(self, text: str) -> None:
        self.message.emit("error", text)

    def _on_finished(self) -> None:
        self.model_state.end_run()
        self._set_state("idle")
