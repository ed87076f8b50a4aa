"""Training away from the GUI thread, and live prediction from the model as it is right now.

- `TrainingWorker`: a QObject moved to a QThread (the superqt wiring: `moveToThread`, `thread.started →
  worker.run`, `worker.finished → thread.quit`, `deleteLater` on both). It runs one training run on a
  SNAPSHOT of the dataset (immutable drawings, through the engine's one preprocessing path) with
  `engine.train` (`gui.core.training`). It emits plain data only: every
  `TrainRecord`, and copies of the weights at most ~5 times a second (and after every single step while
  paused, so Step shows its effect).
- `TrainingController`: the GUI-thread side. The GUI's copy of the model and the facts about it live in
  its `model_state` (`gui.core.model_state.ModelState`, updated from the weight snapshots); it owns the
  run's control (the engine's `TrainControl`: pause / resume / stop / step exactly one
  mini-batch; thread-safe, called from the GUI thread) and the worker's life. It
  never waits on the worker, except in `shutdown()` when the window closes (after asking it to stop).
- `LivePredictor`: rasterizes the canvas drawing with `engine.rasterize` (the same path as training) and
  runs a copy of the GUI's model on it in its own QThread — throttled (leading edge, then at most every
  `interval_ms`), always on the newest drawing and newest weights; a job still waiting when a newer one
  comes is dropped, and so is a result older than one already shown.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from engine import (
    Sequential,
    TrainControl,
    TrainRecord,
    rasterize,
    softmax,
)

from .core.dataset import DatasetSnapshot
from .core.model_state import ModelState, RecordOutcome, divergence_texts, end_message
from .core.training import INPUT_SIZE, TrainSettings, run_training


class TrainingWorker(QObject):
    """Runs one training run from its QThread; see the module docstring."""

    prepared = Signal(object)  # dict: n_train, n_val, classes
    record = Signal(object)  # TrainRecord (frozen)
    weights = Signal(object)  # dict[str, ndarray] (copies)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, model: Sequential, snapshot: DatasetSnapshot, settings: TrainSettings, paused: bool):
        super().__init__()
        self._model = model  # the worker's own copy; the GUI never touches it
        self._snapshot = snapshot
        self._settings = settings
        self.control = TrainControl()
        if paused:  # Step from idle: one mini-batch, then wait paused
            self.control.step_once()

    def _send(self, message) -> None:
        kind, payload = message
        if kind == "record":
            self.record.emit(payload)
        elif kind == "weights":
            self.weights.emit(payload)
        elif kind == "prepared":
            self.prepared.emit(payload)
        elif kind == "failed":
            self.failed.emit(payload)

    def run(self) -> None:
        try:
            run_training(self._send, self._model, self._snapshot, self._settings, self.control)
        finally:
            self.finished.emit()


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

    def __init__(self, parent: QObject | None = None, model_state: ModelState | None = None):
        super().__init__(parent)
        self.model_state = model_state if model_state is not None else ModelState(INPUT_SIZE)
        self.model_state.model_changed.connect(lambda _change: self.modelReplaced.emit())
        self.model_state.weights_changed.connect(self.modelUpdated.emit)
        self.state = "idle"
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._retired: list = []  # the last run's thread and worker (see _on_thread_finished)

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
            raise RuntimeError("stop training before resetting the weights")
        self.model_state.reset(seed)

    # -- training -----------------------------------------------------------------------------------

    @property
    def _control(self):
        """The running run's control (the engine's TrainControl API), or None."""
        return self._worker.control if self._worker is not None else None

    def is_active(self) -> bool:
        return self._thread is not None

    def start(self, snapshot: DatasetSnapshot, settings: TrainSettings, *, paused: bool = False) -> str:
        """Start a run on this snapshot, continuing from the current weights when the model fits the
        classes and preset (a new model is built otherwise). With paused=True exactly one mini-batch
        runs and training waits paused (Step from idle). Returns the run's label."""
        if self.is_active():
            raise RuntimeError("training is already running")
        self.ensure_model(snapshot.classes, settings.preset, settings.seed)
        label = self.model_state.begin_run(snapshot, settings)
        worker = TrainingWorker(self.model.copy(), snapshot, settings, paused)
        thread = QThread()
        thread.setObjectName("ShapeLabTraining")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Direct: QThread.quit is thread-safe, and a queued call could not run while shutdown() waits.
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.finished.connect(worker.deleteLater)
        thread.finished.connect(thread.deleteLater)
        thread.finished.connect(self._on_thread_finished)
        worker.prepared.connect(self._on_prepared)
        worker.record.connect(self._on_record)
        worker.weights.connect(self._on_weights)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        self._set_state("preparing")
        thread.start()
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

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Stop any run and wait for its thread to end (only when the window closes). True if none runs."""
        thread = self._thread
        if thread is None:
            return True
        worker = self._worker
        if self._control is not None:
            self._control.stop()
        for signal in (worker.record, worker.weights, worker.prepared, worker.failed):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        ok = thread.wait(timeout_ms)  # the engine checks the stop between mini-batches
        self._thread = self._worker = None
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

    def _on_thread_finished(self) -> None:
        # The Python wrappers are kept until the next run: Qt's deleteLater (connected to `finished`)
        # deletes the C++ objects; dropping the last Python reference here could delete the QThread from
        # Python while its thread is still returning from run().
        self._retired = [self._thread, self._worker]
        self._thread = self._worker = None
        self.model_state.end_run()
        self._set_state("idle")


@dataclass(frozen=True)
class LivePrediction:
    """One computed prediction for the canvas drawing (plain data, made in the predictor's thread)."""

    generation: int  # the request it answers; newer requests have larger numbers
    classes: tuple[str, ...]
    probabilities: np.ndarray  # (C,), sums to 1
    activations: list  # engine Activation objects (copies), layer by layer
    input: np.ndarray  # (S, S): the rasterized drawing the model saw


class _PredictionWorker(QObject):
    """Lives in the predictor's QThread. `post(job)` (GUI thread) keeps only the newest job and says whether
    the thread must be started; `run()` computes jobs until none is left, then ends the thread, so the
    thread only runs while there is work."""

    computed = Signal(object)  # LivePrediction

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()
        self._job: tuple | None = None  # (generation, strokes, model, classes)
        self._active = False  # run() is (or is about to be) taking jobs

    def post(self, job: tuple | None) -> bool:
        """Replace the waiting job (an older one not yet started is dropped: the newest drawing wins).
        True when nobody is taking jobs, so the caller must (re)start the thread."""
        with self._lock:
            self._job = job
            if job is None or self._active:
                return False
            self._active = True
            return True

    def pending(self) -> bool:
        with self._lock:
            return self._active

    @Slot()
    def run(self) -> None:
        while True:
            with self._lock:
                job, self._job = self._job, None
                if job is None:
                    self._active = False
                    break
            generation, strokes, model, classes = job
            x = rasterize(strokes, INPUT_SIZE)  # the one preprocessing path, as in training
            acts = model.activations(x)  # one forward pass gives the feature maps and the logits
            probs = softmax(acts[-1].data.reshape(1, -1))[0]
            self.computed.emit(LivePrediction(generation, classes, probs, acts, x))
        self.thread().quit()  # run() was called from `started`: end the thread's event loop before it starts


class LivePredictor(QObject):
    """Predictions (and feature maps) for the canvas drawing from the controller's model, throttled, computed
    in the predictor's own QThread so the GUI thread only paints.

    `request(strokes)` keeps only the newest drawing; the first request after a quiet spell is sent at once,
    then at most every `interval_ms`. `refresh()` recomputes for the same drawing (new weights). Each job
    carries a copy of the model as it is now and a generation number; a job still waiting when a newer one
    comes is dropped, and a result older than one already shown (or than the last clear) is dropped too.
    Emits `predicted(list, object)` (classes, probabilities (C,) summing to 1), `activations(list)` (engine
    Activation objects, copies; at most every `maps_interval_ms`, the newest ones last, since drawing a
    dozen feature-map grids costs far more than the bars) and `cleared()` when the canvas is empty.
    `shutdown()` drops waiting jobs and waits for the one computing (the window calls it on close).
    """

    predicted = Signal(list, object)
    activations = Signal(list)
    cleared = Signal()

    def __init__(
        self,
        controller: TrainingController,
        interval_ms: int = 25,
        maps_interval_ms: int = 100,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._maps_interval = maps_interval_ms / 1000.0
        self._maps_last = -math.inf
        self._maps_pending: list | None = None
        self._maps_timer = QTimer(self)
        self._maps_timer.setSingleShot(True)
        self._maps_timer.timeout.connect(self._emit_maps)
        self._controller = controller
        self._strokes: list[np.ndarray] = []
        self._dirty = False
        self._last = -math.inf
        self._interval = interval_ms / 1000.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._send)
        self._model_copy: Sequential | None = None  # what the worker computes with (never mutated)
        self._model_source: Sequential | None = None
        self._requested = 0  # generation of the newest job sent
        self._shown = 0  # generation of the newest result shown (or of the last clear)
        self.want_activations = True
        self.last_input: np.ndarray | None = None
        self.generation = 0  # counts the predictions shown
        # The thread is not parented: it must never be deleted with the window while it computes.
        self._thread = QThread()
        self._thread.setObjectName("ShapeLabPrediction")
        self._worker = _PredictionWorker()
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._thread.finished.connect(self._on_thread_finished)
        self._worker.computed.connect(self._on_computed)  # queued: it is emitted from the thread
        self._closed = False

    def request(self, strokes: Sequence[np.ndarray]) -> None:
        self._strokes = list(strokes)
        self._schedule()

    def refresh(self) -> None:
        """The model's weights (or the model) changed: recompute for the same drawing."""
        self._model_copy = None
        self._schedule()

    def shutdown(self) -> None:
        """Drop any waiting job and wait for the one computing (a few ms); the window calls this on close."""
        self._closed = True
        self._timer.stop()
        self._maps_timer.stop()
        self._worker.post(None)
        self._thread.wait()

    def _schedule(self) -> None:
        self._dirty = True
        if self._timer.isActive():
            return  # a job is already due; it will take the newest drawing
        wait = self._interval - (time.perf_counter() - self._last)
        if wait <= 0:
            self._send()
        else:
            self._timer.start(max(1, int(wait * 1000)))

    def _send(self) -> None:
        if not self._dirty or self._closed:
            return
        self._dirty = False
        self._last = time.perf_counter()
        model = self._controller.model
        strokes = [s for s in self._strokes if len(s)]
        self._requested += 1
        if model is None or not strokes:
            self._worker.post(None)
            self._shown = self._requested  # anything still computing is older than this clear
            self.last_input = None
            self._maps_pending = None
            self._maps_timer.stop()
            self.cleared.emit()
            return
        if self._model_copy is None or self._model_source is not model:
            self._model_copy, self._model_source = model.copy(), model
        job = (self._requested, strokes, self._model_copy, tuple(self._controller.classes))
        if self._worker.post(job) and not self._thread.isRunning():
            self._thread.start()
        # else: the worker takes it, or the thread is just ending and _on_thread_finished restarts it

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._worker.pending() and not self._closed:
            self._thread.start()

    @Slot(object)  # queued: called on the GUI thread, though `computed` is emitted in the worker's thread
    def _on_computed(self, result: LivePrediction) -> None:
        if self._closed or result.generation <= self._shown:
            return  # stale: a newer result was shown, or the canvas was cleared after the request
        self._shown = result.generation
        self.last_input = result.input
        self.generation += 1
        self.predicted.emit(list(result.classes), result.probabilities)
        if self.want_activations:
            self._maps_pending = result.activations
            wait = self._maps_interval - (time.perf_counter() - self._maps_last)
            if wait <= 0:
                self._emit_maps()
            elif not self._maps_timer.isActive():
                self._maps_timer.start(max(1, int(wait * 1000)))

    def _emit_maps(self) -> None:
        acts, self._maps_pending = self._maps_pending, None
        if acts is not None:
            self._maps_last = time.perf_counter()
            self.activations.emit(acts)
