"""A training run, Qt-free and shared by the app and the command line.

- `TrainSettings`: what a run is asked for (the training panel's values, the CLI's options); plain,
  hashable, persisted as a dict.
- `prepare_training(data, classes, settings)` -> `PreparedRun`: a seeded stratified validation split of
  labelled data (drawings and images), fresh augmented arrays for every epoch (the next one made in a
  helper process while this one trains) and the validation arrays, all through the engine's one
  preprocessing path. `should_stop` is checked while the data is prepared (`engine.Cancelled`).
- `run_training(send, ...)`: the app's run on a dataset snapshot, driven from the training thread; it
  hands out plain data only (`TrainRecord`s, copies of the weights) through `send`.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable, Sequence
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
    TrainRecord,
    labels_to_indices,
    stratified_split,
    train,
)
from gui.text import QT_TRANSLATE_NOOP, translate

from .inputs import LabelledData, read_image_folder_into

INPUT_SIZE = 28  # the one input size of the app (the CLI's --input-size defaults to it)
# The epoch helper's priority (added to this process's nice value). Not lowered: the training thread waits
# for every epoch it makes, so a helper niced below the training thread is starved as soon as another
# program takes the other core, and the run turns serial (7 Dec 2026, one core burnt, nice 10: 25-30 s of a
# 46-49 s run spent waiting for epochs; nice 0: 0.5 s of 19-25 s). The window's thread keeps its share
# without it: it sleeps most of the time, and the scheduler runs a thread that wakes first (GUI stalls
# while training, load 13-19: largest 36-38 ms and p99 17-18 ms at nice 0, 29-33 / 15-16 ms at nice 10).
HELPER_NICE = 0
# Threads that rasterise an epoch made in the training process itself: the first one (nothing else runs
# then: the run waits for it) or one the helper could not make. The same arrays as one thread, bit for bit
# (`engine.TrainingSet`); the starter set's first epoch: 1.38 s with one thread, 0.77-0.84 s with two
# (load 10, 2 cores). The helper process always uses one: it runs beside the training thread.
MAX_LOCAL_THREADS = 2


def local_threads() -> int:
    """Threads for an epoch made in the training process: the CPUs this process may use, at most
    MAX_LOCAL_THREADS."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(MAX_LOCAL_THREADS, cpus))

# The app's validations an epoch (`run_training`): halfway through it and at its end. Training is the same
# (validating only reads the averaged weights); the accuracy plot has a dot every half epoch, and a run shows
# that it has reached an accuracy up to half an epoch sooner: the default run on the starter set is at 95.5 %
# halfway through epoch 3 (step 422 of 1,352; 94.0 % after epoch 2, 96.0 % after epoch 3). Each validation
# of the 200 held-out drawings takes ~25 ms (8 more in the default run: ~0.2 s of 12 s). The command line
# prints a line an epoch, so it validates at each epoch's end only (`TrainSettings.config()`).
VAL_PER_EPOCH = 2
WEIGHTS_INTERVAL_S = 0.2  # at most 5 weight snapshots a second while running (filters, feature maps, bars)
OPTIMIZERS = ("adam", "sgd")
COPIES = 3  # the default number of versions of every drawing an epoch shows (TrainingSet's own is 6)
MAX_COPIES = 50
# label smoothing of the default recipe: with 0.06 the default model's confidence on real drawings is nearer
# its accuracy (ECE 4 % on HDS; 0.08 left it under-confident, 6 %, once the generator drew hexagons), and
# it is right more often than without (README › Performance)
LABEL_SMOOTHING = 0.06
RECIPE = 4  # version of the default recipe (epochs, versions per epoch, learning-rate schedule, smoothing)
# The defaults of earlier recipes, by version: settings stored under them drop these values (`from_stored`).
OLD_DEFAULTS = {
    1: {"epochs": 10, "schedule": "constant", "copies": 6, "lr": 2e-3},
    2: {"label_smoothing": 0.0},
    3: {"lr": 5e-3, "label_smoothing": 0.08},
}
# What recipe 1 did for settings it had no key for (a run saved then, e.g. in a model file: `of_run`).
RECIPE1_IMPLICIT = {"schedule": "constant", "copies": 6}


def _same(stored, default) -> bool:
    """A stored value (QSettings may give it as a string) equals a default."""
    try:
        return type(default)(stored) == default
    except (TypeError, ValueError):
        return False

NOT_ENOUGH_CLASSES = (
    QT_TRANSLATE_NOOP(
        "CoreTraining",
        "The network needs drawings in at least two classes to learn to tell them apart: add a few "
        "drawings to each class first.",
    )
)


@dataclass(frozen=True)
class TrainSettings:
    """What a run is asked for: the training panel's values (persisted in QSettings) or the CLI's options."""

    preset: str = "default"
    epochs: int = TrainConfig.epochs
    batch_size: int = 32
    lr: float = TrainConfig.lr
    optimizer: str = "adam"
    augment: bool = True
    val_split: float = 0.1
    seed: int = 0
    average: bool = True  # weight averaging with `ema_decay` (off: the model keeps its last step's weights)
    ema_decay: float = TrainConfig.ema_decay
    input_size: int = INPUT_SIZE
    val_by: str = "random"  # "random": stratified by class; "drawer": held-out drawers (people not seen)
    copies: int = COPIES  # versions of every training drawing per epoch (augmented ones; see TrainingSet)
    schedule: str = TrainConfig.schedule  # the learning rate over the run: "cosine" or "constant"
    label_smoothing: float = LABEL_SMOOTHING  # share of the training target spread over all classes
    recipe: int = RECIPE  # the default recipe these settings were stored under (see `from_stored`)

    def config(self) -> TrainConfig:
        return TrainConfig(
            epochs=self.epochs,
            batch_size=self.batch_size,
            lr=self.lr,
            optimizer=self.optimizer,
            seed=self.seed,
            ema_decay=self.ema_decay if self.average else 0.0,
            schedule=self.schedule,
            label_smoothing=self.label_smoothing,
        )

    def samples_per_epoch(self, drawings: int) -> int:
        """Samples one epoch shows for `drawings` training drawings (augmented versions included)."""
        return drawings * (self.copies if self.augment else 1)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict | None) -> TrainSettings:
        """Settings from a stored dict (QSettings gives strings); unknown keys and bad values fall back to
        the defaults, so settings saved by an older version still load."""
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
        if s.optimizer not in OPTIMIZERS:
            s = replace(s, optimizer=base.optimizer)
        try:
            s.config()
        except ValueError:  # out of range (epochs 0, lr -1, ...): the defaults for those
            s = replace(
                s, epochs=base.epochs, batch_size=base.batch_size, lr=base.lr, ema_decay=base.ema_decay
            )
        if not 0 <= s.val_split < 1:
            s = replace(s, val_split=base.val_split)
        if s.val_by not in ("random", "drawer"):
            s = replace(s, val_by=base.val_by)
        if not 1 <= s.copies <= MAX_COPIES:
            s = replace(s, copies=base.copies)
        if s.schedule not in ("cosine", "constant"):
            s = replace(s, schedule=base.schedule)
        if not 0 <= s.label_smoothing < 1:
            s = replace(s, label_smoothing=base.label_smoothing)
        return s

    @classmethod
    def of_run(cls, d: dict | None) -> TrainSettings:
        """The settings a run was trained with, as saved with it (a model file's `settings`): a run saved
        before these settings had `copies` and `schedule` used recipe 1's (6 versions, constant rate); one
        saved before `label_smoothing` trained without it."""
        d = dict(d or {})
        if "recipe" not in d:
            for key, value in RECIPE1_IMPLICIT.items():
                d.setdefault(key, value)
        d.setdefault("label_smoothing", 0.0)
        return cls.from_dict(d)

    def describe(self) -> str:
        """The recipe in words: 'adam peak lr 0.007 (cosine schedule), label smoothing 0.06, batch 32,
        8 epochs of 3 versions'."""
        if self.schedule == "cosine":
            rate = translate("TrainSettings", "peak lr {lr:g} (cosine schedule)").format(lr=self.lr)
        else:
            rate = translate("TrainSettings", "lr {lr:g} (constant schedule)").format(lr=self.lr)
        if self.label_smoothing:
            rate = translate("TrainSettings", "{rate}, label smoothing {e:g}").format(
                rate=rate, e=self.label_smoothing
            )
        if self.epochs == 1:
            epochs = translate("TrainSettings", "1 epoch")
        else:
            epochs = translate("TrainSettings", "{n} epochs").format(n=self.epochs)
        if self.augment and self.copies > 1:
            epochs = translate("TrainSettings", "{epochs} of {n} versions").format(
                epochs=epochs, n=self.copies
            )
        return translate("TrainSettings", "{optimizer} {rate}, batch {batch}, {epochs}").format(
            optimizer=self.optimizer, rate=rate, batch=self.batch_size, epochs=epochs
        )

    @classmethod
    def from_stored(cls, d: dict | None) -> TrainSettings:
        """Settings saved by the app (QSettings) at an earlier start. Saved under an older default recipe,
        the values that were that recipe's defaults follow the new defaults (the user never chose them);
        values the user changed stay."""
        d = dict(d or {})
        try:
            stored = int(d.get("recipe", 1))
        except (TypeError, ValueError):
            stored = 1
        for version, defaults in OLD_DEFAULTS.items():
            if stored <= version:
                for key, old in defaults.items():
                    if key in d and _same(d[key], old):
                        del d[key]
        d.pop("recipe", None)
        return cls.from_dict(d)


class PreparedRun:
    """The arrays of one training run (see `prepare_training`): `arrays(epoch)` for `engine.train`, `val`
    (X, y) or None, `classes`, `n_train`, `n_val`. `close()` ends the helper process."""

    def __init__(
        self,
        data: LabelledData,
        classes: Sequence[str],
        settings: TrainSettings,
        *,
        should_stop: Callable[[], bool] | None = None,
        nice: int = 0,
    ):
        self.classes = list(classes)
        index = {c: i for i, c in enumerate(self.classes)}
        keep = [i for i, label in enumerate(data.labels) if label in index]
        data = data.subset(keep)
        labels = data.labels
        if len({*labels}) < 2:
            raise ValueError(translate("CoreTraining", NOT_ENOUGH_CLASSES))
        size = settings.input_size
        y_all = labels_to_indices(labels, self.classes)
        if settings.val_by == "drawer":  # every drawing of some drawers held out (images always train)
            from .dataset import UNKNOWN_DRAWER, drawer_of, split_by_drawer

            drawers = [drawer_of(d) for d in data.drawings] + [UNKNOWN_DRAWER] * len(data.images)
            train_idx, val_idx = split_by_drawer(drawers, settings.val_split, settings.seed)
        else:
            train_idx, val_idx = stratified_split(y_all, settings.val_split, settings.seed)
        # stratified_split returns sorted indices and drawings come before images, so a subset keeps y's order
        train_set, val_set = data.subset(train_idx), data.subset(val_idx)
        y_train = y_all[train_idx]
        n = len(train_set.drawings)
        self._drawings = None
        if train_set.drawings:
            self._drawings = EpochPrefetcher(
                TrainingSet(
                    train_set.drawings,
                    y_train[:n],
                    classes=self.classes,
                    size=size,
                    augment=settings.augment,
                    seed=settings.seed,
                    copies=settings.copies,
                    should_stop=should_stop,
                    threads=local_threads(),
                ),
                nice=nice,
                use_process=settings.augment,
                should_stop=should_stop,
            )
        self._images = train_set.image_array(size) if train_set.images else None
        self._y_images = y_train[n:]
        try:
            self.val = (val_set.rasters(size, should_stop), y_all[val_idx]) if len(val_idx) else None
        except BaseException:
            self.close()
            raise
        self.n_train = len(train_idx)
        self.n_val = len(val_idx)

    def arrays(self, epoch: int) -> tuple[np.ndarray, np.ndarray]:
        parts_x, parts_y = [], []
        if self._drawings is not None:
            X, y = self._drawings.arrays(epoch)
            parts_x.append(X)
            parts_y.append(y)
        if self._images is not None:
            parts_x.append(self._images)
            parts_y.append(self._y_images)
        if len(parts_x) == 1:  # drawings only: keep the engine's one-byte-per-pixel epoch (engine.Rasters)
            return parts_x[0], parts_y[0]
        return np.concatenate(parts_x), np.concatenate(parts_y)

    def __len__(self) -> int:
        return self.n_train

    def close(self) -> None:
        """End the helper process that makes the epochs ahead."""
        if self._drawings is not None:
            self._drawings.close()

    def __enter__(self) -> PreparedRun:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def prepare_training(
    data: LabelledData,
    classes: Sequence[str],
    settings: TrainSettings,
    *,
    should_stop: Callable[[], bool] | None = None,
    nice: int = 0,
) -> PreparedRun:
    """The arrays for a run on `data` with one output per class of `classes` (items with other labels
    are left out). Raises ValueError when fewer than two classes have data, `engine.Cancelled` when
    `should_stop()` turns True while the data is prepared. `nice` lowers the helper process's priority."""
    return PreparedRun(data, classes, settings, should_stop=should_stop, nice=nice)


def snapshot_data(snapshot, size: int = INPUT_SIZE) -> LabelledData:
    """The drawings of a dataset snapshot and the images of its image folders, as LabelledData."""
    data = LabelledData(drawings=list(snapshot.drawings))
    for folder in getattr(snapshot, "image_folders", ()):
        read_image_folder_into(folder, data, size)
    return data


def _stopped(last_step: TrainRecord | None, epochs: int) -> TrainRecord:
    """The record ending a run stopped outside the engine's loop (the weights are its last step's)."""
    if last_step is None:
        return TrainRecord("stopped", 0, 0, 0)
    r = last_step
    text = translate(
        "CoreTraining",
        "Training stopped after {step} steps, in epoch {value} of {epochs}.",
    ).format(step=r.step, value=r.epoch + 1, epochs=epochs)
    return TrainRecord(
        "stopped", r.epoch, r.step, r.steps_per_epoch, lr=r.lr, elapsed=r.elapsed, message=text
    )


def run_training(
    send, model: Sequential, snapshot, settings: TrainSettings, control: TrainControl, should_stop=None
) -> None:
    """The app's run on a dataset snapshot: prepare the arrays (stopping as soon as `should_stop()` says so,
    or, without it, `control`),
    drive `engine.train`, and `send` plain messages: ("prepared", info: n_train, n_val, classes, warnings:
    a line per image file left out), ("weights", dict) at most every
    WEIGHTS_INTERVAL_S (and after every step while paused, and at the end), ("record", TrainRecord),
    ("failed", text). Stopped before the first step, the run ends with a "stopped" record at step 0;
    stopped while it waits for an epoch's arrays, with a "stopped" record after its last step."""
    run = None
    last_step: TrainRecord | None = None
    try:
        if should_stop is None:
            should_stop = lambda: control.stopped  # noqa: E731
        data = snapshot_data(snapshot)
        run = prepare_training(data, snapshot.classes, settings, should_stop=should_stop, nice=HELPER_NICE)
        # warnings: image files left out, each named with why (the window shows them)
        send(("prepared", {"n_train": run.n_train, "n_val": run.n_val, "classes": list(run.classes),
                           "warnings": list(data.warnings)}))
        last = 0.0
        config = replace(settings.config(), val_per_epoch=VAL_PER_EPOCH)  # the plot's dots: every half epoch
        for rec in train(model, run, config, val=run.val, control=control):
            now = time.perf_counter()
            final = rec.kind in ("done", "stopped", "diverged")
            if final or (rec.kind == "step" and (now - last >= WEIGHTS_INTERVAL_S or control.paused)):
                send(("weights", model.weights()))
                last = now
            send(("record", rec))
            if rec.kind == "step":
                last_step = rec
    except Cancelled:  # Stop while the data was prepared, or while the next epoch's arrays were made
        if last_step is not None:
            send(("weights", model.weights()))
        send(("record", _stopped(last_step, settings.epochs)))
    except ValueError as exc:
        send(("failed", str(exc)))
    except Exception as exc:  # a bug: say so, and keep the app alive
        send(("failed", translate("CoreTraining", "Training failed: {exc}\n\n{value}").format(
            exc=exc,
            value=traceback.format_exc(limit=3),
        )))
    finally:
        if run is not None:
            run.close()
