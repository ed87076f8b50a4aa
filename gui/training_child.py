"""The training run itself, Qt-free, so it can run in a child process.

Why a child process: NumPy training in a thread of the GUI process competes with the GUI thread for
Python's global interpreter lock; every paint that calls back into Python then waits for the training
thread to let go of it, and the window stutters (measured: benchmarks/gui_responsiveness.py). In its own
process the training has its own interpreter lock. The QThread worker in `gui.training` starts this
process, relays the engine's `TrainControl` commands to it and turns what it sends into Qt signals.

Everything here is plain data: `TrainSettings`, the snapshot's drawings, the model as config + weights,
`TrainRecord`s and weight dicts travel through `multiprocessing` pipes (pickled).
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from dataclasses import asdict, dataclass, replace

import numpy as np

from engine import (
    PRESETS,
    Sequential,
    TrainConfig,
    TrainControl,
    TrainingSet,
    layer_from_config,
    stratified_split,
    to_arrays,
    train,
)

INPUT_SIZE = 28
WEIGHTS_INTERVAL_S = 0.2  # at most 5 weight snapshots a second while running (filters, feature maps, bars)


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
    """Training arrays for one run, built away from the GUI thread through the engine's dataset helpers:
    a seeded stratified validation split, and `TrainingSet` for fresh augmented arrays each epoch (the same
    path the command line uses). Images of imported ImageFolder trees join the training arrays unchanged."""

    def __init__(self, snapshot, settings: TrainSettings):
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
        from .images import load_image_folder  # QImage decoding: needs no QApplication

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


def rebuild_model(config: list[dict], input_shape: tuple, weights: dict) -> Sequential:
    model = Sequential([layer_from_config(c, rng=np.random.default_rng(0)) for c in config], input_shape)
    model.set_weights(weights)
    return model


def run_training(send, model: Sequential, snapshot, settings: TrainSettings, control: TrainControl) -> None:
    """One run: prepare the arrays, drive `engine.train`, and `send` plain messages:
    ("prepared", info), ("weights", dict) at most every WEIGHTS_INTERVAL_S (and after every step while
    paused, and at the end), ("record", TrainRecord), ("failed", text). Used in the child process."""
    try:
        data = PreparedData(snapshot, settings)
        send(("prepared", {"n_train": data.n_train, "n_val": data.n_val, "classes": list(data.classes)}))
        last = 0.0
        for rec in train(model, data, settings.config(), val=data.val, control=control):
            now = time.perf_counter()
            final = rec.kind in ("done", "stopped", "diverged")
            if final or (rec.kind == "step" and (now - last >= WEIGHTS_INTERVAL_S or control.paused)):
                send(("weights", model.weights()))
                last = now
            send(("record", rec))
    except ValueError as exc:
        send(("failed", str(exc)))
    except Exception as exc:  # a bug: say so, and keep the app alive
        send(("failed", f"Training failed: {exc}\n\n{traceback.format_exc(limit=3)}"))


def _be_nice(increment: int = 5) -> None:
    """Lower this process's CPU priority a little (every thread, BLAS workers too), so that on a busy
    machine the scheduler serves the window first; on an idle one training speed is unchanged."""
    try:
        tids = [int(t) for t in os.listdir("/proc/self/task")]
    except OSError:
        tids = [0]
    for tid in tids:
        try:
            os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + increment))
        except (OSError, AttributeError):
            pass


def child_main(data_conn, command_conn, config, input_shape, weights, snapshot, settings, paused) -> None:
    """Entry point of the training process. Commands ("pause", "resume", "step", "stop") arrive on
    `command_conn` and go to the engine's TrainControl; if the window's process goes away, the pipe closes
    and training stops."""
    _be_nice()
    control = TrainControl()
    if paused:
        control.step_once()

    def listen() -> None:
        while True:
            try:
                command = command_conn.recv()
            except (EOFError, OSError):
                control.stop()
                return
            if command == "pause":
                control.pause()
            elif command == "resume":
                control.resume()
            elif command == "step":
                control.step_once()
            elif command == "stop":
                control.stop()
                return

    threading.Thread(target=listen, name="commands", daemon=True).start()

    def send(message) -> None:
        try:
            data_conn.send(message)
        except (BrokenPipeError, OSError):
            control.stop()

    model = rebuild_model(config, tuple(input_shape), weights)
    run_training(send, model, snapshot, settings, control)
    send(("finished", None))
    data_conn.close()
