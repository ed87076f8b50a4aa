"""Dataset helpers: the class list, training arrays, a stratified split, per-epoch augmented arrays, and
those arrays made an epoch ahead in a helper process (`EpochPrefetcher`)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Sequence

import numpy as np

from .augment import DEFAULT_AUGMENT, AugmentConfig, augment_drawing
from .drawing import Drawing
from .raster import SUPERSAMPLE, Cancelled, check_stop, preprocess_image, rasterize_many, render_picture
from .synth import DEFAULT_CLASSES


def class_list(labels_or_drawings: Iterable, defaults: Sequence[str] = DEFAULT_CLASSES) -> list[str]:
    """The classes present, the default ones first (in `defaults` order), then new ones in first-seen order.

    Accepts drawings or plain label strings. A default class with no drawing is left out.
    """
    seen: list[str] = []
    known: set[str] = set()
    for item in labels_or_drawings:
        label = item if isinstance(item, str) else item.label
        if label not in known:
            known.add(label)
            seen.append(label)
    first = [c for c in defaults if c in known]
    return first + [c for c in seen if c not in set(defaults)]


def labels_to_indices(labels: Sequence[str], classes: Sequence[str]) -> np.ndarray:
    """Class indices (int64) of `labels`; raises ValueError naming a label not in `classes`."""
    index = {c: i for i, c in enumerate(classes)}
    out = np.empty(len(labels), dtype=np.int64)
    for k, lab in enumerate(labels):
        if lab not in index:
            raise ValueError(f"label {lab!r} is not one of the classes {list(classes)}")
        out[k] = index[lab]
    return out


def to_arrays(
    drawings: Sequence[Drawing], classes: Sequence[str] | None = None, size: int = 28
) -> tuple[np.ndarray, np.ndarray]:
    """(X (N, 1, S, S) float32, y (N,) int64) for drawings; `classes` defaults to `class_list(drawings)`."""
    if classes is None:
        classes = class_list(drawings)
    y = labels_to_indices([d.label for d in drawings], classes)
    if len(drawings) == 0:
        return np.zeros((0, 1, size, size), np.float32), y
    return rasterize_many(drawings, size), y


def stratified_split(
    labels: Sequence, val_fraction: float = 0.2, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Seeded stratified split into (train_indices, val_indices), both sorted int64 arrays.

    Each class puts round(val_fraction x its count) items in validation, at least one when it has two or
    more items and val_fraction > 0, and always keeps at least one for training.
    """
    if not 0.0 <= val_fraction < 1.0:
        raise ValueError("val_fraction must be in [0, 1)")
    labels = list(labels)
    rng = np.random.default_rng(seed)
    train: list[int] = []
    val: list[int] = []
    groups: dict = {}
    for i, lab in enumerate(labels):
        groups.setdefault(lab, []).append(i)
    for lab in groups:  # insertion order: deterministic
        idx = np.array(groups[lab], dtype=np.int64)
        rng.shuffle(idx)
        n = len(idx)
        k = int(round(val_fraction * n))
        if val_fraction > 0 and n >= 2:
            k = max(k, 1)
        k = min(k, n - 1) if n >= 1 else 0
        val.extend(idx[:k].tolist())
        train.extend(idx[k:].tolist())
    return np.array(sorted(train), dtype=np.int64), np.array(sorted(val), dtype=np.int64)


class TrainingSet:
    """Training data for `engine.training.train`: `arrays(epoch) -> (X, y)`, fresh augmentation each epoch.

    drawings: the training drawings; y: their class indices (int), or None to number them with
    `classes` (default `class_list(drawings)`). Clean rasters are made once; with `augment`, each epoch a
    seeded `fraction` of the drawings is replaced by augmented versions rasterized again (the rest stay
    clean); with `copies` > 1 the epoch also holds `copies - 1` more augmented versions of every drawing
    (so an epoch has copies x N samples: more, varied examples per pass at the cost of time; without
    augmentation an epoch is the N clean rasters). Of the augmented ones, a seeded `via_image` share
    goes the way a scanned drawing goes: drawn as a
    64 x 64 picture with a random pen (2-6 px) and read back through `preprocess_image`, so the model
    also sees the thinning's small artefacts. Epoch e gives the same arrays for the same seed.

    `should_stop`: a callable (or None) checked every few tens of milliseconds of work while the clean
    rasters or an epoch are made; when it returns True they raise `Cancelled`. It is not pickled (a helper
    process gets the data without it).
    """

    def __init__(
        self,
        drawings: Sequence[Drawing],
        y: Sequence[int] | np.ndarray | None = None,
        *,
        classes: Sequence[str] | None = None,
        size: int = 28,
        augment: bool = True,
        seed: int = 0,
        fraction: float = 0.6,
        via_image: float = 0.05,
        copies: int = 6,
        config: AugmentConfig = DEFAULT_AUGMENT,
        should_stop=None,
    ):
        self.should_stop = should_stop
        self.drawings = list(drawings)
        if y is None:
            self.classes = list(classes) if classes is not None else class_list(self.drawings)
            y = labels_to_indices([d.label for d in self.drawings], self.classes)
        else:
            self.classes = list(classes) if classes is not None else None
        self._y = np.asarray(y, dtype=np.int64).copy()
        if self._y.shape != (len(self.drawings),):
            raise ValueError(f"{len(self.drawings)} drawings but {self._y.shape} labels")
        if len(self.drawings) == 0:
            raise ValueError("no training data: add some drawings first")
        self.size = size
        self.seed = seed
        self.augment = augment
        self.fraction = float(fraction)
        self.via_image = float(via_image)
        self.copies = max(1, int(copies))
        self.config = config
        self._X = rasterize_many(self.drawings, size, should_stop=should_stop)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["should_stop"] = None  # a callable of the calling process: not sent to a helper
        return state

    def __len__(self) -> int:
        return len(self._y)

    def clean_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The un-augmented (X, y)."""
        return self._X.copy(), self._y.copy()

    def arrays(self, epoch: int) -> tuple[np.ndarray, np.ndarray]:
        """(X (M, 1, S, S) float32, y (M,) int64) for this epoch (M = copies x N with augmentation)."""
        if not (self.augment and self.fraction > 0):
            return self._X.copy(), self._y.copy()
        rng = np.random.default_rng([self.seed, int(epoch), 7919])
        n = len(self.drawings)
        pick = np.flatnonzero(rng.uniform(size=n) < self.fraction)
        extra = np.tile(np.arange(n), self.copies - 1)
        X = np.concatenate([self._X] + [self._X] * (self.copies - 1))
        rows = np.concatenate([pick, n + np.arange(len(extra))])
        sources = np.concatenate([pick, extra])
        if len(rows):
            aug = []
            for k, i in enumerate(sources):
                if k % 256 == 0:
                    check_stop(self.should_stop)
                aug.append(augment_drawing(self.drawings[i], rng, self.config))
            X[rows] = rasterize_many(aug, self.size, should_stop=self.should_stop)
            as_image = np.flatnonzero(rng.uniform(size=len(rows)) < self.via_image)
            widths = rng.uniform(2.0, 6.0, size=len(rows))
            for k in as_image:
                picture = render_picture(aug[k], 64, width=float(widths[k]))
                X[rows[k], 0] = preprocess_image(picture, self.size)
        return X, np.tile(self._y, self.copies)


# --- epochs made ahead in a helper process -------------------------------------------------------------

def _helper_main(conn, nice: int) -> None:
    """The helper process: receives the data source, then for every epoch number received sends back
    source.arrays(epoch)."""
    if nice:
        try:
            os.nice(nice)
        except (AttributeError, OSError):  # not on this platform, or not allowed
            pass
    try:
        source = conn.recv()
        while True:
            epoch = conn.recv()
            if epoch is None:
                return
            conn.send(_pack(*source.arrays(epoch)))
    except (EOFError, OSError, KeyboardInterrupt):  # the parent went away or ended this process
        return


_LEVELS = SUPERSAMPLE * SUPERSAMPLE  # a raster pixel is (inked fine pixels) / _LEVELS


def _pack(X: np.ndarray, y: np.ndarray) -> tuple:
    """Rasters as one byte per pixel when that is exact (they are multiples of 1 / _LEVELS), so the
    process that trains receives (and unpickles, holding the interpreter lock) a quarter of the bytes."""
    if X.dtype == np.float32:
        q = X * np.float32(_LEVELS)
        if np.array_equal(q, np.rint(q)) and (not q.size or (q.min() >= 0 and q.max() <= 255)):
            return "levels", q.astype(np.uint8), y
    return "raw", X, y


def _unpack(packed: tuple) -> tuple[np.ndarray, np.ndarray]:
    kind, X, y = packed
    if kind == "levels":
        X = X.astype(np.float32)
        X *= np.float32(1.0 / _LEVELS)  # exact: the same float32 values the helper had
    return X, y


class EpochPrefetcher:
    """Makes the next epoch's arrays of `source` (e.g. a TrainingSet: anything picklable with
    `arrays(epoch)`) in a helper process while the current epoch trains, so augmenting (pure Python and
    NumPy, ~4 s an epoch for 2,000 drawings) overlaps the training steps instead of following them.

    `arrays(epoch)` returns exactly `source.arrays(epoch)` — bit for bit, as each epoch's augmentation is
    seeded by (seed, epoch) alone — waiting for the helper if it is not done yet. Epoch 0 (and any epoch
    not asked for in order) is made in the calling process. If no helper process can be started, or it
    fails, the arrays are made in the calling process: slower, never different. `nice` lowers the
    helper's CPU priority (a window's own threads then come first). Use as a context manager, or call
    `close()`: it ends the helper at once, even in the middle of an epoch. `should_stop` (a callable, or
    None): while waiting for the helper it is checked every 50 ms, and `Cancelled` raised when it returns
    True (the helper is ended first).
    """

    def __init__(self, source, *, nice: int = 0, use_process: bool = True, should_stop=None):
        self.source = source
        self.should_stop = should_stop
        self._nice = int(nice)
        self._use_process = use_process
        self._process = None
        self._conn = None
        self._asked: int | None = None  # the epoch the helper is making
        self.helper_epochs = 0  # epochs the helper made (for tests and benchmarks)

    def __len__(self) -> int:
        return len(self.source)

    def __enter__(self) -> EpochPrefetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def arrays(self, epoch: int) -> tuple[np.ndarray, np.ndarray]:
        result = self._take(epoch) if self._asked == epoch else None
        self._ask_for(epoch + 1)
        if result is None:
            result = self.source.arrays(epoch)
        return result

    def close(self) -> None:
        """End the helper process now (it may be in the middle of an epoch)."""
        process, conn = self._process, self._conn
        self._process = self._conn = self._asked = None
        if conn is not None:
            conn.close()
        if process is not None:
            process.terminate()
            process.join(5)

    def _take(self, epoch: int):
        """The helper's arrays for `epoch`, or None if it died or failed (then it is not used again)."""
        try:
            while not self._conn.poll(0.05):
                if self.should_stop is not None and self.should_stop():
                    self.close()
                    raise Cancelled("stopped before the data was ready")
                if not self._process.is_alive():
                    raise EOFError("the helper process ended")
            result = _unpack(self._conn.recv())
            self._asked = None
            self.helper_epochs += 1
            return result
        except (EOFError, OSError):
            self.close()
            self._use_process = False
            return None

    def _ask_for(self, epoch: int) -> None:
        if not self._use_process:
            return
        try:
            if self._process is None:
                ctx = multiprocessing.get_context("spawn")  # never fork a process that has threads
                self._conn, child = ctx.Pipe()
                self._process = ctx.Process(
                    target=_helper_main, args=(child, self._nice), daemon=True, name="ShapeLabEpochs"
                )
                self._process.start()
                child.close()  # so a helper that dies makes send/recv fail instead of waiting for ever
                self._conn.send(self.source)
            self._conn.send(epoch)
            self._asked = epoch
        except (OSError, ValueError, RuntimeError, ImportError, EOFError):
            self.close()
            self._use_process = False
