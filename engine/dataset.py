"""Dataset helpers: the class list, training arrays, a stratified split, per-epoch augmented arrays, and
those arrays made an epoch ahead in a helper process (`EpochPrefetcher`)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.spawn  # noqa: F401  (imported now, not in the training thread: see below)
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.ma  # noqa: F401  (imported now, not in the training thread: see below)

from .augment import DEFAULT_AUGMENT, AugmentConfig, augment_batch
from .drawing import Drawing
from .picture import preprocess_images_levels
from .raster import (
    CHUNK_DRAWINGS,
    CHUNK_POINTS,
    SUPERSAMPLE,
    Cancelled,
    StrokeBatch,
    _chunks,
    check_stop,
    rasterize_levels,
    rasterize_many,
    rasterize_many_levels,
    render_pictures,
)
from .synth import DEFAULT_CLASSES
from .text import QT_TRANSLATE_NOOP

# Modules that would otherwise be imported the first time an epoch is made, in the training thread:
# np.median imports numpy.ma, starting the helper process imports multiprocessing's spawn machinery. An
# import there holds the interpreter's import lock while PySide's import hook reads the module's source,
# and the window stalls for 50-100 ms at the start of a run; imported here, that cost is paid once at start.
try:
    import multiprocessing.popen_spawn_posix  # noqa: F401
    import multiprocessing.resource_tracker  # noqa: F401
except ImportError:  # not on POSIX
    pass


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
            raise ValueError(QT_TRANSLATE_NOOP(
                "Dataset", "label {lab!r} is not one of the classes {value}"
            ).format(lab=lab, value=list(classes)))
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
        raise ValueError(QT_TRANSLATE_NOOP("Dataset", "val_fraction must be in [0, 1)"))
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


LEVELS = SUPERSAMPLE * SUPERSAMPLE  # a raster pixel is (inked fine pixels) / LEVELS


class Rasters(np.lib.mixins.NDArrayOperatorsMixin):
    """Rasters kept as one byte per pixel: `levels` (N, 1, S, S) uint8, pixel value = level x `scale`.

    The rasteriser's values are multiples of 1/16 (the 4 x 4 fine pixels under an output pixel), so
    a float32 raster and its levels hold exactly the same numbers in a quarter of the memory. Rasters
    behaves as a read-only float32 array where training needs one: `len`, `shape`, `dtype` (float32),
    `X[idx]` gives those rows as float32 (converted per mini-batch), and `np.asarray(X)`, arithmetic
    and comparisons, and NumPy functions (e.g. np.concatenate) work on the whole float32 array.
    """

    __slots__ = ("levels", "scale")

    def __init__(self, levels: np.ndarray, scale: float = 1.0 / LEVELS):
        self.levels = levels
        self.scale = np.float32(scale)

    def __len__(self) -> int:
        return len(self.levels)

    @property
    def shape(self) -> tuple:
        return self.levels.shape

    @property
    def ndim(self) -> int:
        return self.levels.ndim

    @property
    def dtype(self) -> np.dtype:
        return np.dtype(np.float32)

    def __getitem__(self, idx) -> np.ndarray:
        out = np.asarray(self.levels[idx], dtype=np.float32)
        out *= self.scale  # exact: level x 2**-4
        return out

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        out = self[...]
        return out if dtype is None else out.astype(dtype, copy=False)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        inputs = tuple(np.asarray(x) if isinstance(x, Rasters) else x for x in inputs)
        return getattr(ufunc, method)(*inputs, **kwargs)

    def __getstate__(self):
        return self.levels, float(self.scale)

    def __setstate__(self, state):
        self.levels, scale = state
        self.scale = np.float32(scale)


def levels_of(X: np.ndarray) -> np.ndarray | None:
    """Rasters as uint8 levels (X x 16) when that is exact, else None."""
    q = np.asarray(X, dtype=np.float32) * np.float32(LEVELS)
    if not q.size or (np.array_equal(q, np.rint(q)) and q.min() >= 0 and q.max() <= 255):
        return q.astype(np.uint8)
    return None


class TrainingSet:
    """Training data for `engine.training.train`: `arrays(epoch) -> (X, y)`, fresh augmentation each epoch.

    drawings: the training drawings; y: their class indices (int), or None to number them with
    `classes` (default `class_list(drawings)`). Clean rasters are made once; with `augment`, each epoch a
    seeded `fraction` of the drawings is replaced by augmented versions rasterized again (the rest stay
    clean); with `copies` > 1 the epoch also holds `copies - 1` more augmented versions of every drawing
    (so an epoch has copies x N samples: more, varied examples per pass at the cost of time; without
    augmentation an epoch is the N clean rasters). `max_samples` (None: no bound) caps an epoch at
    max(N, max_samples) samples: the extra versions are then a seeded share of the copies - 1 per
    drawing, so an epoch's memory (one byte per pixel: 784 bytes a sample at 28 x 28) stays bounded
    for big sets. Of the augmented ones, a seeded `via_image` share goes the way a scanned drawing goes:
    drawn as a 64 x 64 picture with a random pen (2-6 px) and read back through `preprocess_image`, so
    the model also sees the thinning's small artefacts. Epoch e gives the same arrays for the same seed.

    Augmenting and rasterising work on all the drawings of a chunk at once (`augment_batch`,
    `StrokeBatch`); X is a `Rasters` (one byte per pixel, float32 rows when indexed). `threads` > 1
    rasterises chunks in that many threads (the random numbers are still drawn in order in the calling
    thread: the same arrays, bit for bit); a pickled copy (a helper process) uses one.

    `should_stop`: a callable (or None) checked every few tens of milliseconds of work while the clean
    rasters or an epoch are made; when it returns True they raise `Cancelled`. It is not pickled (a helper
    process gets the data without it, and without the Drawing objects: their strokes travel as one
    StrokeBatch).
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
        max_samples: int | None = None,
        config: AugmentConfig = DEFAULT_AUGMENT,
        should_stop=None,
        threads: int = 1,
    ):
        self.should_stop = should_stop
        self.threads = max(1, int(threads))
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
            raise ValueError(QT_TRANSLATE_NOOP("Dataset", "no training data: add some drawings first"))
        if max_samples is not None and max_samples < 1:
            raise ValueError("max_samples must be at least 1 (or None for no bound)")
        self.size = size
        self.seed = seed
        self.augment = augment
        self.fraction = float(fraction)
        self.via_image = float(via_image)
        self.copies = max(1, int(copies))
        self.max_samples = max_samples
        self.config = config
        self._batch = None
        if augment and fraction > 0:
            check_stop(should_stop)
            self._batch = StrokeBatch.from_drawings(self.drawings)
        self._L = rasterize_many_levels(self.drawings, size, should_stop=should_stop)[:, None]
        self._L.setflags(write=False)

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._L.setflags(write=False)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["should_stop"] = None  # a callable of the calling process: not sent to a helper
        state["threads"] = 1  # a helper process runs beside the training thread: one core's worth
        state["drawings"] = None  # the strokes travel as the StrokeBatch (arrays: quick to send)
        return state

    def __len__(self) -> int:
        return len(self._y)

    def clean_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The un-augmented (X (N, 1, S, S) float32, y)."""
        return Rasters(self._L)[...], self._y.copy()

    def epoch_size(self) -> int:
        """Samples in an epoch."""
        n = len(self._y)
        if not (self.augment and self.fraction > 0):
            return n
        total = self.copies * n
        return total if self.max_samples is None else min(total, max(n, self.max_samples))

    def arrays(self, epoch: int) -> tuple[Rasters, np.ndarray]:
        """(X (M, 1, S, S) as `Rasters`, y (M,) int64) for this epoch (M = `epoch_size()`)."""
        if not (self.augment and self.fraction > 0):
            return Rasters(self._L), self._y.copy()  # read-only levels: shared, not copied
        rng = np.random.default_rng([self.seed, int(epoch), 7919])
        n = len(self._y)
        pick = np.flatnonzero(rng.uniform(size=n) < self.fraction)
        extra = np.tile(np.arange(n), self.copies - 1)
        if len(extra) > self.epoch_size() - n:
            extra = extra[np.sort(rng.choice(len(extra), self.epoch_size() - n, replace=False))]
        L = np.concatenate([self._L, self._L[extra]])
        y = np.concatenate([self._y, self._y[extra]])
        rows = np.concatenate([pick, n + np.arange(len(extra))])
        sources = np.concatenate([pick, extra])
        as_image = rng.uniform(size=len(rows)) < self.via_image
        widths = rng.uniform(2.0, 6.0, size=len(rows))
        counts = self._batch.point_counts()[sources]

        def draw(start: int, stop: int, aug: StrokeBatch) -> None:  # no random numbers: any thread
            check_stop(self.should_stop)
            L[rows[start:stop], 0] = rasterize_levels(aug, self.size)
            scan = np.flatnonzero(as_image[start:stop])
            if len(scan):
                pictures = render_pictures(aug.take(scan), 64, widths[start:stop][scan])
                L[rows[start + scan], 0] = preprocess_images_levels(pictures, self.size)

        chunks = _chunks(counts, CHUNK_DRAWINGS, CHUNK_POINTS)
        if self.threads == 1:
            for start, stop in chunks:
                check_stop(self.should_stop)
                draw(start, stop, augment_batch(self._batch.take(sources[start:stop]), rng, self.config))
            return Rasters(L), y
        # Augmenting draws the random numbers, chunk after chunk in this thread (so the same ones as with
        # one thread); drawing them (90 % of the time, NumPy that mostly releases the interpreter's lock)
        # goes to `threads` threads, at most one chunk ahead of them each. Chunks fill disjoint rows of L.
        with ThreadPoolExecutor(self.threads, thread_name_prefix="ShapeLabRaster") as pool:
            pending: deque = deque()
            try:
                for start, stop in chunks:
                    check_stop(self.should_stop)
                    aug = augment_batch(self._batch.take(sources[start:stop]), rng, self.config)
                    pending.append(pool.submit(draw, start, stop, aug))
                    while len(pending) > self.threads:
                        pending.popleft().result()
                while pending:
                    pending.popleft().result()
            finally:
                for job in pending:
                    job.cancel()
        return Rasters(L), y


# --- epochs made ahead in a helper process -------------------------------------------------------------

def end_with_parent(poll_s: float = 0.5) -> threading.Thread:
    """Call in a helper process: a daemon thread ends this process (``os._exit``) once its parent is gone
    (its parent pid changes: the parent was killed, or ended without closing the pipe), so a helper never
    outlives the program it works for, even when that program is killed with SIGKILL or SIGTERM."""
    started_by = multiprocessing.parent_process()  # the parent may be gone before this line runs
    parent = started_by.pid if started_by is not None and started_by.pid else os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_s)
        os._exit(0)

    thread = threading.Thread(target=watch, name="end with parent", daemon=True)
    thread.start()
    return thread


def _helper_main(conn, nice: int) -> None:
    """The helper process: receives the data source, then for every epoch number received sends back
    source.arrays(epoch): a header, then the levels' bytes."""
    end_with_parent()
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
            X, y = source.arrays(epoch)
            levels = X.levels if isinstance(X, Rasters) else levels_of(X)
            if levels is None:  # not exact levels: sent as they are
                conn.send(("raw", np.asarray(X), y))
            else:
                scale = float(X.scale) if isinstance(X, Rasters) else 1.0 / LEVELS
                conn.send(("levels", levels.shape, scale, y))
                conn.send_bytes(memoryview(np.ascontiguousarray(levels)).cast("B"))
    except (EOFError, OSError, KeyboardInterrupt):  # the parent went away or ended this process
        return


def _receive(conn) -> tuple:
    """The helper's (X, y) for one epoch, the levels read straight into their array (no extra copy)."""
    header = conn.recv()
    if header[0] == "raw":
        return header[1], header[2]
    _, shape, scale, y = header
    levels = np.empty(shape, dtype=np.uint8)
    if levels.size:
        conn.recv_bytes_into(memoryview(levels).cast("B"))
    else:
        conn.recv_bytes()
    return Rasters(levels, scale), y


class EpochPrefetcher:
    """Makes the next epoch's arrays of `source` (e.g. a TrainingSet: anything picklable with
    `arrays(epoch)`) in a helper process while the current epoch trains, so augmenting overlaps the
    training steps instead of following them.

    `arrays(epoch)` returns exactly `source.arrays(epoch)` — bit for bit, as each epoch's augmentation is
    seeded by (seed, epoch) alone — waiting for the helper if it is not done yet. An epoch not asked for
    in order is made in the calling process. `first`: the epoch to start making in the helper at once
    (e.g. 0: the first epoch is made in the background while the caller prepares the rest, and
    `arrays(0)` then waits for it); None (the default): the first epoch asked for is made in the calling
    process while the helper starts on the next. The helper is started, and the source sent to it, from a
    background thread: constructing a prefetcher never waits for it. If no helper process can be
    started, or it fails, the arrays are made in the calling process: slower, never different. `nice`
    lowers the helper's CPU priority (a window's own threads then come first). Use as a context manager,
    or call `close()`: it ends the helper at once, even in the middle of an epoch (terminate, then kill
    if it has not ended within `close_timeout` seconds). `should_stop` (a callable, or None): while
    waiting for the helper it is checked every 50 ms, and `Cancelled` raised when it returns True (the
    helper is ended first).
    """

    def __init__(self, source, *, nice: int = 0, use_process: bool = True, should_stop=None,
                 first: int | None = None, close_timeout: float = 2.0):
        self.source = source
        self.should_stop = should_stop
        self.close_timeout = float(close_timeout)
        self._nice = int(nice)
        self._use_process = use_process
        self._process = None
        self._conn = None
        self._outbox = None  # queue of objects the sender thread sends to the helper
        self._sender = None
        self._failed = threading.Event()  # the sender could not start or feed the helper
        self._started = threading.Event()  # the helper process was started (or could not be)
        self._asked: int | None = None  # the epoch the helper is making
        self.helper_epochs = 0  # epochs the helper made (for tests and benchmarks)
        if first is not None:
            self._ask_for(int(first))

    def __len__(self) -> int:
        return len(self.source)

    def __enter__(self) -> EpochPrefetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def arrays(self, epoch: int):
        result = self._take(epoch) if self._asked == epoch else None
        self._ask_for(epoch + 1)
        if result is None:
            result = self.source.arrays(epoch)
        return result

    def close(self) -> None:
        """End the helper process now (it may be in the middle of an epoch): terminate it, and kill it if
        it has not ended within `close_timeout` seconds; returns within about twice that."""
        process, conn, outbox, sender = self._process, self._conn, self._outbox, self._sender
        self._process = self._conn = self._asked = self._outbox = self._sender = None
        if outbox is not None:
            outbox.put(None)  # the sender thread ends
        if process is not None:
            self._started.wait(self.close_timeout)  # the sender thread may still be starting it
            if process.pid is None:
                return
            process.terminate()
            process.join(self.close_timeout)
            if process.is_alive():
                process.kill()
                process.join(self.close_timeout)
        if conn is not None:
            conn.close()
        if sender is not None:
            sender.join(self.close_timeout)

    def _take(self, epoch: int):
        """The helper's arrays for `epoch`, or None if it died or failed (then it is not used again)."""
        try:
            while not self._conn.poll(0.05):
                if self.should_stop is not None and self.should_stop():
                    self.close()
                    raise Cancelled("stopped before the data was ready")
                if self._failed.is_set():
                    raise EOFError(QT_TRANSLATE_NOOP("Dataset", "the helper could not be started or fed"))
                if self._process.pid is not None and not self._process.is_alive():
                    raise EOFError(QT_TRANSLATE_NOOP("Dataset", "the helper process ended"))
            result = _receive(self._conn)
            self._asked = None
            self.helper_epochs += 1
            return result
        except (EOFError, OSError, ValueError):
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
                self._outbox = queue.SimpleQueue()
                self._failed.clear()
                self._started.clear()
                self._sender = threading.Thread(
                    target=self._send_loop, args=(self._process, child, self._conn, self._outbox),
                    daemon=True, name="ShapeLabEpochsSender",
                )
                self._outbox.put(self.source)
                self._sender.start()
            self._outbox.put(epoch)
            self._asked = epoch
        except (OSError, ValueError, RuntimeError):
            self.close()
            self._use_process = False

    def _send_loop(self, process, child, conn, outbox) -> None:
        """The sender thread: starts the helper and sends it the source, then the epochs asked for (the
        caller never waits on a helper that is still starting or reading)."""
        try:
            try:
                process.start()
            finally:
                self._started.set()
            child.close()  # so a helper that dies makes send/recv fail instead of waiting for ever
            while True:
                item = outbox.get()
                if item is None:
                    return
                conn.send(item)
        except Exception:  # noqa: BLE001 - any failure (pickling, a closed pipe, no processes): fall back
            self._failed.set()
