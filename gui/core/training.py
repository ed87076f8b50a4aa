"""The training run itself, Qt-free: the worker in `gui.training` calls `run_training` from its QThread.

It prepares the arrays of a dataset snapshot through the engine's one preprocessing path, drives
`engine.train`, and hands out plain data only (`TrainRecord`s, copies of the weights) through a `send`
function, which the worker turns into Qt signals.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import asdict, dataclass, replace

import numpy as np

from engine import (
    PRESETS,
    Cancelled,
    EpochPrefetcher,
    Sequential,
    TrainConfig,
    TrainControl,
    TrainingSet,
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
    lr: float = TrainConfig.lr
    optimizer: str = "adam"
    augment: bool = True
    val_split: float = 0.1
    seed: int = 0
    average: bool = True  # weight averaging (TrainConfig.ema_decay at its default; off: 0)

    def config(self) -> TrainConfig:
        return TrainConfig(
            epochs=self.epochs,
            batch_size=self.batch_size,
            lr=self.lr,
            optimizer=self.optimizer,
            seed=self.seed,
            ema_decay=TrainConfig.ema_decay if self.average else 0.0,
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
    path the command line uses). Images of imported ImageFolder trees join the training arrays unchanged.
    `should_stop` (a callable, or None): checked while the rasters and epochs are made; `engine.Cancelled`
    is raised when it returns True."""

    def __init__(self, snapshot, settings: TrainSettings, should_stop=None):
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
        # the next epoch's augmented arrays are made in a low-priority helper process while this epoch
        # trains (the same arrays; the training thread then holds the interpreter lock far less)
        self.data = EpochPrefetcher(
            TrainingSet(
                train_drawings,
                classes=classes,
                size=INPUT_SIZE,
                augment=settings.augment,
                seed=settings.seed,
                should_stop=should_stop,
            ),
            nice=10,
            use_process=settings.augment,
            should_stop=should_stop,
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
        from gui.images import load_image_folder  # QImage decoding: needs no QApplication

        xs, ys = [], []
        for folder in folders:
            X, labels, _problems = load_image_folder(folder, INPUT_SIZE)
            keep = [i for i, lab in enumerate(labels) if lab in index]
            xs.append(X[keep])
            ys.append(np.array([index[labels[i]] for i in keep], dtype=np.int64))
        return np.concatenate(xs), np.concatenate(ys)

    def close(self) -> None:
        """End the helper process that makes the epochs ahead."""
        self.data.close()

    def arrays(self, epoch: int) -> tuple[np.ndarray, np.ndarray]:
        X, y = self.data.arrays(epoch)
        if self.images is None:
            return X, y
        return np.concatenate([X, self.images[0]]), np.concatenate([y, self.images[1]])


def run_training(
    send, model: Sequential, snapshot, settings: TrainSettings, control: TrainControl, should_stop=None
) -> None:
    """One run: prepare the arrays, drive `engine.train`, and `send` plain messages:
    ("prepared", info), ("weights", dict) at most every WEIGHTS_INTERVAL_S (and after every step while
    paused, and at the end), ("record", TrainRecord), ("failed", text). `should_stop` is checked while
    data is made (`engine.Cancelled` is raised through when it says stop)."""
    data = None
    try:
        data = PreparedData(snapshot, settings, should_stop)
        send(("prepared", {"n_train": data.n_train, "n_val": data.n_val, "classes": list(data.classes)}))
        last = 0.0
        for rec in train(model, data, settings.config(), val=data.val, control=control):
            now = time.perf_counter()
            final = rec.kind in ("done", "stopped", "diverged")
            if final or (rec.kind == "step" and (now - last >= WEIGHTS_INTERVAL_S or control.paused)):
                send(("weights", model.weights()))
                last = now
            send(("record", rec))
    except Cancelled:
        raise
    except ValueError as exc:
        send(("failed", str(exc)))
    except Exception as exc:  # a bug: say so, and keep the app alive
        send(("failed", f"Training failed: {exc}\n\n{traceback.format_exc(limit=3)}"))
    finally:
        if data is not None:
            data.close()
