"""Training on a background thread, and live prediction from the model as it is right now.

- `TrainingWorker`: a QObject moved to a QThread (the superqt wiring: `moveToThread`, `thread.started →
  worker.run`, `worker.finished → thread.quit`, `deleteLater` on both). It builds the training arrays
  from a SNAPSHOT of the dataset (immutable drawings, through the engine's one preprocessing path), then
  drives `engine.train`. It emits plain data only: every `TrainRecord`, and copies of the weights at most
  ~5 times a second (and after every single step while paused, so Step shows its effect).
- `TrainingController`: the GUI-thread side. It owns the GUI's copy of the model (updated from the weight
  snapshots), the `TrainControl` (pause / resume / stop / step one mini-batch) and the worker's life. It
  never waits on the worker, except in `shutdown()` when the window closes (after asking it to stop).
- `LivePredictor`: rasterizes the canvas drawing with `engine.rasterize` (the same path as training) and
  runs the GUI's model copy on it — throttled (leading edge, then at most every `interval_ms`), always on
  the newest drawing and newest weights, so stale requests are dropped rather than queued.
"""

from __future__ import annotations

import math
import time
import traceback
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal

from engine import (
    PRESETS,
    Sequential,
    TrainConfig,
    TrainControl,
    TrainRecord,
    build_model,
    rasterize,
    softmax,
    train,
)

from . import qtfix  # noqa: F401  (PySide6 6.12 emit() refcount bug; see gui/qtfix.py)
from .state import DatasetSnapshot

INPUT_SIZE = 28
WEIGHTS_INTERVAL_S = 0.2  # at most 5 weight snapshots a second while running (filters, feature maps, bars)
# A run is paused as diverging when the loss stays above EXPLODE_FACTOR × chance level for EXPLODE_STEPS steps
EXPLODE_FACTOR = 10.0
EXPLODE_STEPS = 3


@dataclass(frozen=True)
class TrainSettings:
    """What the training panel sets (plain, hashable, persisted in QSettings)."""

    preset: str = "default"
    epochs: int = 10
    batch_size: int = 32
    lr: float = 1e-3
    optimizer: str = "adam"
    augment: bool = True
    val_split: float = 0.1
    seed: int = 0

    def config(self) -> TrainConfig:
        return TrainConfig(
            epochs=self.epochs,
            batch_size=self.batch_size,
            lr=self.lr,
            optimizer=self.optimizer,
            seed=self.seed,
        )

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> TrainSettings:
        base = cls()
        kw = {}
        for k, v in (d or {}).items():
            if not hasattr(base, k):
                continue
            try:
                kind = type(getattr(base, k))
                kw[k] = (str(v).lower() in ("1", "true", "yes")) if kind is bool else kind(v)
            except (TypeError, ValueError):
                pass
        s = replace(base, **kw)
        if s.preset not in PRESETS:
            s = replace(s, preset=base.preset)
        if s.optimizer not in ("adam", "sgd"):
            s = replace(s, optimizer=base.optimizer)
        return s


class PreparedData:
    """Training arrays for one run, built in the worker thread (never the GUI thread) through the engine's
    dataset helpers: a seeded stratified validation split, and `TrainingSet` for fresh augmented arrays
    each epoch (the same path the command line uses). Images of imported ImageFolder trees join the
    training arrays unchanged."""

    def __init__(self, snapshot: DatasetSnapshot, settings: TrainSettings):
        from engine import TrainingSet, stratified_split, to_arrays

        classes = list(snapshot.classes)
        index = {c: i for i, c in enumerate(classes)}
        drawings = [d for d in snapshot.drawings if d.label in index]
        present = sorted({d.label for d in drawings})
        if len(present) < 2:
            raise ValueError(
                "The network needs drawings in at least two classes to learn to tell them apart: "
                "add a few drawings to each class first."
            )
        train_idx, val_idx = stratified_split([d.label for d in drawings], settings.val_split, settings.seed)
        train_drawings = [drawings[i] for i in train_idx]
        self.data = TrainingSet(
            train_drawings, classes=classes, size=INPUT_SIZE, augment=settings.augment, seed=settings.seed
        )
        self.images = self._image_arrays(snapshot.image_folders, index)
        self.val = to_arrays([drawings[i] for i in val_idx], classes, INPUT_SIZE) if len(val_idx) else None
        self.classes = classes
        self.n_train = len(self.data) + (len(self.images[1]) if self.images is not None else 0)
        self.n_val = len(val_idx)

    @staticmethod
    def _image_arrays(folders, index: dict[str, int]):
        """Images of ImageFolder trees through the same preprocessing (classes the run knows only)."""
        if not folders:
            return None
        from .images import load_image_folder

        xs, ys = [], []
        for folder in folders:
            X, labels, _problems = load_image_folder(folder, INPUT_SIZE)
            keep = [i for i, lab in enumerate(labels) if lab in index]
            xs.append(X[keep])
            ys.append(np.array([index[labels[i]] for i in keep], dtype=np.int64))
        return np.concatenate(xs), np.concatenate(ys)

    def arrays(self, epoch: int) -> tuple[np.ndarray, np.ndarray]:
        X, y = self.data.arrays(epoch)
        if self.images is None:
            return X, y
        return np.concatenate([X, self.images[0]]), np.concatenate([y, self.images[1]])


class TrainingWorker(QObject):
    """Runs one training run in its thread; see the module docstring."""

    prepared = Signal(object)  # dict: n_train, n_val, classes
    record = Signal(object)  # TrainRecord (frozen)
    weights = Signal(object)  # dict[str, ndarray] (copies)
    failed = Signal(str)
    finished = Signal()

    def __init__(
        self, model: Sequential, snapshot: DatasetSnapshot, settings: TrainSettings, control: TrainControl
    ):
        super().__init__()
        self._model = model  # the worker's own copy; the GUI never touches it
        self._snapshot = snapshot
        self._settings = settings
        self._control = control

    def run(self) -> None:
        try:
            data = PreparedData(self._snapshot, self._settings)
            self.prepared.emit({"n_train": data.n_train, "n_val": data.n_val, "classes": list(data.classes)})
            last = 0.0
            for rec in train(self._model, data, self._settings.config(), val=data.val, control=self._control):
                now = time.perf_counter()
                final = rec.kind in ("done", "stopped", "diverged")
                if final or (
                    rec.kind == "step" and (now - last >= WEIGHTS_INTERVAL_S or self._control.paused)
                ):
                    self.weights.emit(self._model.weights())
                    last = now
                self.record.emit(rec)
        except ValueError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so, and keep the app alive
            self.failed.emit(f"Training failed: {exc}\n\n{traceback.format_exc(limit=3)}")
        finally:
            self.finished.emit()


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

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.model: Sequential | None = None
        self.classes: list[str] = []
        self.preset = "default"
        self.seed = 0
        self.state = "idle"
        self.last_record: TrainRecord | None = None
        self.steps_done = 0  # mini-batches trained on this model in total (all runs)
        self.snapshot_version: int | None = None
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._control: TrainControl | None = None
        self._run_steps = 0
        self._explode_count = 0
        self.diverged = False

    # -- model --------------------------------------------------------------------------------------

    def ensure_model(self, classes: Sequence[str], preset: str, seed: int = 0) -> bool:
        """Make sure the GUI model fits these classes and preset; builds a fresh one if not.
        Returns True when a new model was built."""
        classes = list(classes)
        if self.model is not None and classes == self.classes and preset == self.preset:
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

    def is_active(self) -> bool:
        return self._thread is not None

    def start(self, snapshot: DatasetSnapshot, settings: TrainSettings, *, paused: bool = False) -> None:
        """Start a run on this snapshot, continuing from the current weights when the model fits the
        classes and preset (a new model is built otherwise). With paused=True exactly one mini-batch
        runs and training waits paused (Step from idle)."""
        if self.is_active():
            raise RuntimeError("training is already running")
        self.ensure_model(snapshot.classes, settings.preset, settings.seed)
        control = TrainControl()
        if paused:
            control.step_once()
        worker = TrainingWorker(self.model.copy(), snapshot, settings, control)
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
        self._thread, self._worker, self._control = thread, worker, control
        self._run_steps = 0
        self._explode_count = 0
        self.diverged = False
        self.snapshot_version = snapshot.version
        self._set_state("preparing")
        thread.start()

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
        if self._control is not None:
            self._control.stop()
        for signal in (self._worker.record, self._worker.weights, self._worker.prepared, self._worker.failed):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        ok = thread.wait(timeout_ms)
        self._thread = self._worker = self._control = None
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

    def _on_thread_finished(self) -> None:
        self._thread = self._worker = self._control = None
        self._set_state("idle")


class LivePredictor(QObject):
    """Predictions (and feature maps) for the canvas drawing from the controller's model, throttled.

    `request(strokes)` keeps only the newest drawing; the first request after a quiet spell is computed at
    once, then at most every `interval_ms`. `refresh()` recomputes for the same drawing (new weights).
    Emits `predicted(list, object)` (classes, probabilities (C,) summing to 1), `activations(list)`
    (engine Activation objects, copies) and `cleared()` when the canvas is empty.
    """

    predicted = Signal(list, object)
    activations = Signal(list)
    cleared = Signal()

    def __init__(self, controller: TrainingController, interval_ms: int = 25, parent: QObject | None = None):
        super().__init__(parent)
        self._controller = controller
        self._strokes: list[np.ndarray] = []
        self._dirty = False
        self._last = -math.inf
        self._interval = interval_ms / 1000.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._compute)
        self.want_activations = True
        self.last_input: np.ndarray | None = None
        self.generation = 0  # counts computed predictions

    def request(self, strokes: Sequence[np.ndarray]) -> None:
        self._strokes = list(strokes)
        self._schedule()

    def refresh(self) -> None:
        self._schedule()

    def _schedule(self) -> None:
        self._dirty = True
        if self._timer.isActive():
            return  # a computation is already due; it will use the newest drawing
        wait = self._interval - (time.perf_counter() - self._last)
        if wait <= 0:
            self._compute()
        else:
            self._timer.start(max(1, int(wait * 1000)))

    def _compute(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._last = time.perf_counter()
        model = self._controller.model
        strokes = [s for s in self._strokes if len(s)]
        if model is None or not strokes:
            self.last_input = None
            self.cleared.emit()
            return
        x = rasterize(strokes, INPUT_SIZE)
        self.last_input = x
        acts = model.activations(x)  # one forward pass gives the feature maps and the logits
        probs = softmax(acts[-1].data.reshape(1, -1))[0]
        self.generation += 1
        self.predicted.emit(list(self._controller.classes), probs)
        if self.want_activations:
            self.activations.emit(acts)
