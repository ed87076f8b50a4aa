"""Qt-free application state: the open dataset, its classes and colours, counts, undo and staleness.

`DatasetState` owns the dataset file (through the engine's `DrawingStore`) and the class list. Widgets never
change it directly: the main window calls its methods and listens to its events (`Event`, a tiny
observer list, so this module needs no Qt and is tested without a screen).

Data safety, in one place:
- The built-in starter set is opened read-only and never written. The first change (adding, deleting,
  relabelling a drawing) copies it into the user's own dataset file under `data_dir` and applies the change
  there ("copy on write"); `dataset_created` tells the window so it can remember the file.
- Every added drawing is appended, flushed and fsynced before `add_drawing` returns; edits rewrite the file
  atomically. A crash or kill loses nothing already added.
- A file with damaged lines is copied aside (``<name>.damaged-<time>.ndjson``) before anything rewrites it,
  so the damaged lines are never lost either.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine import Drawing, DrawingStore, LoadProblem, atomic_write, write_ndjson

from .events import Event

DEFAULT_CLASS_NAMES = ("square", "triangle", "circle", "irregular")

# Colour-blind-friendly, calm colours (Okabe-Ito order, then a few more); class i gets PALETTE[i % n].
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#CC79A7",  # purple-pink
    "#D55E00",  # vermilion
    "#56B4E9",  # sky blue
    "#8C6D31",  # brown
    "#7F7F7F",  # grey
    "#B8860B",  # dark gold
)

USER_DATASET_NAME = "my-drawings"


@dataclass(frozen=True)
class ClassInfo:
    name: str
    color: str  # "#rrggbb"


@dataclass(frozen=True)
class DatasetSnapshot:
    """What a training run sees: immutable drawings, the class order, and the data version."""

    drawings: tuple[Drawing, ...]
    classes: tuple[str, ...]
    version: int
    source: str
    image_folders: tuple[str, ...] = ()  # ImageFolder trees used for training alongside the drawings


class StateError(ValueError):
    """A request the state refuses; the message says why in plain words."""


def _atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "w", encoding="utf-8") as f:
        f.write(text)


class _Rewriter:
    """Atomic rewrites of the dataset file (delete, relabel, undo, import) on a background thread, so the
    window never waits for a big file to be written. Only the newest wanted content is written (each job
    is the whole list). Appends do not go through here: they wait until no rewrite is pending, then append
    and fsync at once, so an added drawing is on disk before `add_drawing` returns."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._job: tuple[DrawingStore, list[Drawing]] | None = None
        self._busy = False
        self._error: Exception | None = None
        self._thread: threading.Thread | None = None

    def submit(self, store: DrawingStore, drawings: list[Drawing]) -> None:
        with self._cond:
            self._job = (store, list(drawings))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="ShapeLab dataset writer", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._job is None:
                    self._cond.wait()
                (store, drawings), self._job = self._job, None
                self._busy = True
            try:
                store.replace_all(drawings)
            except Exception as exc:  # reported by wait_idle / take_error in the GUI thread
                with self._cond:
                    self._error = exc
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def pending(self) -> bool:
        with self._cond:
            return self._job is not None or self._busy

    def wait_idle(self) -> None:
        """Block until every submitted rewrite is on disk; raises the error of a failed one."""
        with self._cond:
            self._cond.wait_for(lambda: self._job is None and not self._busy)
        error = self.take_error()
        if error is not None:
            raise error

    def take_error(self) -> Exception | None:
        with self._cond:
            error, self._error = self._error, None
            return error


class DatasetState:
    """The open dataset and its classes.

    Events (callbacks run synchronously in the caller's thread, which is always the GUI thread):
    - `changed(kind: str)`: drawings or classes changed; kind is "opened", "added", "deleted",
      "relabelled", "classes", "undo".
    - `dataset_created(path: str)`: the user's own dataset file was created (copy on write of the starter).
    - `problems(list[LoadProblem])`: damaged lines met while opening a file.
    """

    def __init__(self, data_dir: str | os.PathLike, starter_path: str | os.PathLike | None = None):
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.starter_path = Path(starter_path) if starter_path is not None else None
        self._store: DrawingStore | None = None
        self._rewriter = _Rewriter()
        self._read_only_drawings: list[Drawing] = []
        self._view: list[Drawing] = []
        self._path: Path | None = None
        self._read_only = True
        self._classes: list[ClassInfo] = [ClassInfo(n, PALETTE[i]) for i, n in enumerate(DEFAULT_CLASS_NAMES)]
        self._undo: list[tuple[str, Callable[[], None]]] = []
        self.version = 0
        self.backup_path: Path | None = None
        self.image_folders: list[str] = []
        self.changed = Event()
        self.dataset_created = Event()
        self.problems = Event()

    # -- reading ------------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The dataset file (the starter file while the starter set is open)."""
        return self._path

    @property
    def read_only(self) -> bool:
        """True while the built-in starter set is open: the first change makes the user's own copy."""
        return self._read_only

    @property
    def is_starter(self) -> bool:
        return self._read_only and self.starter_path is not None and self._path == self.starter_path

    @property
    def drawings(self) -> list[Drawing]:
        return list(self._drawings_ref())

    def _drawings_ref(self) -> list[Drawing]:
        """The current list (not a copy: callers must not change it). Refreshed after every change."""
        return self._view

    def __len__(self) -> int:
        return len(self._drawings_ref())

    def drawing(self, index: int) -> Drawing:
        return self._drawings_ref()[index]

    def labels(self) -> list[str]:
        return [d.label for d in self._drawings_ref()]

    @property
    def classes(self) -> list[ClassInfo]:
        return list(self._classes)

    def class_names(self) -> list[str]:
        return [c.name for c in self._classes]

    def color_of(self, name: str) -> str:
        for c in self._classes:
            if c.name == name:
                return c.color
        return "#7F7F7F"

    def counts(self) -> dict[str, int]:
        counts = {c.name: 0 for c in self._classes}
        for d in self._drawings_ref():
            counts[d.label] = counts.get(d.label, 0) + 1
        return counts

    def display_name(self) -> str:
        if self._path is None:
            return "no dataset"
        if self.is_starter:
            return "Starter set (read-only)"
        return self._path.name

    def is_stale(self, trained_version: int | None) -> bool:
        """True when the data changed after a model was trained on the snapshot of `trained_version`
        (None: never trained on this data, so nothing is stale)."""
        return trained_version is not None and trained_version != self.version

    def snapshot(self) -> DatasetSnapshot:
        """An immutable view for a training run (drawings are frozen objects; the tuple is a copy)."""
        return DatasetSnapshot(
            tuple(self._drawings_ref()),
            tuple(self.class_names()),
            self.version,
            str(self._path),
            tuple(self.image_folders),
        )

    def add_image_folder(self, folder: str) -> None:
        """Use an ImageFolder tree (DIR/<class>/*.png) for training too (for this session)."""
        if folder not in self.image_folders:
            self.image_folders.append(folder)
            self._bump("classes")

    # -- opening ------------------------------------------------------------------------------------

    def open_starter(self) -> list[LoadProblem]:
        """Open the built-in starter set read-only (never written)."""
        self.flush()
        if self.starter_path is None or not self.starter_path.exists():
            self._store = None
            self._read_only_drawings = []
            self._path = None
            self._read_only = True
            self._set_classes_from_labels([], saved=None)
            self._after_open()
            return []
        from engine import read_ndjson

        drawings, problems = read_ndjson(self.starter_path)
        self._store = None
        self._read_only_drawings = drawings
        self._path = self.starter_path
        self._read_only = True
        self._set_classes_from_labels([d.label for d in drawings], saved=self._load_class_meta())
        self._after_open(problems)
        return problems

    def open(self, path: str | os.PathLike, store: DrawingStore | None = None) -> list[LoadProblem]:
        """Open a dataset file (created on the first write if missing). Damaged lines are reported and
        the file is copied aside before anything rewrites it. Raises OSError if it cannot be read.
        `store`: the file already read (a DrawingStore of `path`, made in a worker thread)."""
        path = Path(path)
        if self.starter_path is not None and path.resolve() == self.starter_path.resolve():
            return self.open_starter()
        self.flush()
        store = store if store is not None and Path(store.path) == path else DrawingStore(path)
        problems = list(store.problems)
        self.backup_path = None
        if problems:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
            shutil.copy2(path, backup)
            self.backup_path = backup
        self._store = store
        self._read_only_drawings = []
        self._path = path
        self._read_only = False
        self._set_classes_from_labels(store.labels(), saved=self._load_class_meta())
        self._after_open(problems)
        return problems

    def new_dataset(self, path: str | os.PathLike) -> None:
        """Start an empty dataset file at `path` with the current class list (the file is written now)."""
        path = Path(path)
        self.flush()
        write_ndjson(path, [])
        names = self.class_names()
        colors = {c.name: c.color for c in self._classes}
        self._store = DrawingStore(path)
        self._read_only_drawings = []
        self._path = path
        self._read_only = False
        self._classes = [ClassInfo(n, colors[n]) for n in names]
        self._save_class_meta()
        self._after_open()

    def save_as(self, path: str | os.PathLike) -> None:
        """Write all drawings to `path` (atomic) and continue working in that file."""
        path = Path(path)
        self.flush()
        drawings = self.drawings
        write_ndjson(path, drawings)
        self._store = DrawingStore(path)
        self._read_only_drawings = []
        self._path = path
        self._read_only = False
        self._save_class_meta()
        self._view = list(drawings)
        self._bump("opened")

    def _after_open(self, problems: Sequence[LoadProblem] = ()) -> None:
        self._view = self._store.drawings if self._store is not None else list(self._read_only_drawings)
        self._undo.clear()
        self._bump("opened")
        if problems:
            self.problems.emit(list(problems))

    # -- changing drawings --------------------------------------------------------------------------

    def _writable_store(self) -> DrawingStore:
        """The user's store; copies the starter set into a new user file first (copy on write)."""
        if self._store is not None:
            return self._store
        path = self._unused_user_path()
        store = DrawingStore(path)  # a new file: nothing to read
        store.replace_all(self._read_only_drawings)  # atomic write of the starter's drawings
        self._store = store
        self._read_only_drawings = []
        self._path = path
        self._read_only = False
        self._save_class_meta()
        self.dataset_created.emit(str(path))
        return self._store

    def _unused_user_path(self) -> Path:
        path = self.data_dir / f"{USER_DATASET_NAME}.ndjson"
        k = 2
        while path.exists():
            path = self.data_dir / f"{USER_DATASET_NAME}-{k}.ndjson"
            k += 1
        return path

    def add_drawing(self, strokes: Iterable[np.ndarray], label: str) -> Drawing:
        """Add a drawing to class `label`: on disk (appended + fsynced) before this returns."""
        strokes = [np.asarray(s, dtype=np.float64) for s in strokes]
        strokes = [s for s in strokes if len(s)]
        if not strokes:
            raise StateError("Nothing to add: draw a shape on the canvas first.")
        if label not in self.class_names():
            raise StateError(f"There is no class called “{label}”.")
        drawing = Drawing(tuple(strokes), label, {"source": "shapelab", "timestamp": _now_iso()})
        store = self._writable_store()
        self._rewriter.wait_idle()  # a pending rewrite first, then this line appended after it
        store.append(drawing)
        self._view.append(drawing)
        self._bump("added")
        return drawing

    def add_drawings(self, drawings: Sequence[Drawing]) -> int:
        """Append many drawings (an import); unknown labels become new classes. Returns how many."""
        before = list(self._view)
        self._rewrite(before + list(drawings))
        for d in drawings:
            if d.label not in self.class_names():
                self._classes.append(ClassInfo(d.label, self._next_color()))
        self._save_class_meta()
        self._push_undo(f"import {len(drawings)} drawings", lambda: self._restore(before))
        self._bump("added")
        return len(drawings)

    def delete(self, indices: Iterable[int]) -> int:
        """Delete drawings (undoable with `undo`). Returns how many were deleted."""
        idx = sorted({int(i) for i in indices})
        if not idx:
            return 0
        self._check_indices(idx)
        before = list(self._view)
        drop = set(idx)
        self._rewrite([d for i, d in enumerate(before) if i not in drop])
        self._push_undo(
            f"delete {len(idx)} drawing{'s' if len(idx) != 1 else ''}", lambda: self._restore(before)
        )
        self._bump("deleted")
        return len(idx)

    def relabel(self, indices: Iterable[int], label: str) -> int:
        """Move drawings to class `label` (undoable). Returns how many."""
        idx = sorted({int(i) for i in indices})
        if not idx:
            return 0
        if label not in self.class_names():
            raise StateError(f"There is no class called “{label}”.")
        self._check_indices(idx)
        before = list(self._view)
        self._rewrite(_relabelled(before, idx, label))
        self._push_undo(
            f"relabel {len(idx)} drawing{'s' if len(idx) != 1 else ''}", lambda: self._restore(before)
        )
        self._bump("relabelled")
        return len(idx)

    def _rewrite(self, drawings: list[Drawing]) -> None:
        """The new content at once in memory; written to disk (atomically) in the background."""
        store = self._writable_store()
        self._view = list(drawings)
        self._rewriter.submit(store, self._view)

    def _check_indices(self, idx: Sequence[int]) -> None:
        bad = [i for i in idx if not 0 <= i < len(self._view)]
        if bad:
            raise IndexError(f"drawing index {bad[0]} out of range (the dataset holds {len(self._view)})")

    def flush(self) -> None:
        """Wait until every change is on disk (before closing, opening another file, or reading it)."""
        self._rewriter.wait_idle()

    def writing(self) -> bool:
        """True while a rewrite is being written in the background."""
        return self._rewriter.pending()

    def take_write_error(self) -> Exception | None:
        """The error of a background rewrite that failed (once), or None."""
        return self._rewriter.take_error()

    def _restore(self, drawings: list[Drawing]) -> None:
        self._rewrite(list(drawings))
        for d in drawings:
            if d.label not in self.class_names():
                self._classes.append(ClassInfo(d.label, self._next_color()))
        self._save_class_meta()

    # -- undo ---------------------------------------------------------------------------------------

    def _push_undo(self, text: str, fn: Callable[[], None]) -> None:
        self._undo.append((text, fn))
        del self._undo[:-20]  # keep the last 20 data edits

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo_text(self) -> str:
        return self._undo[-1][0] if self._undo else ""

    def undo(self) -> str:
        """Undo the last delete / relabel / import / class deletion. Returns what was undone."""
        if not self._undo:
            return ""
        text, fn = self._undo.pop()
        fn()
        self._bump("undo")
        return text

    # -- classes ------------------------------------------------------------------------------------

    def _next_color(self) -> str:
        used = {c.color for c in self._classes}
        for color in PALETTE:
            if color not in used:
                return color
        return PALETTE[len(self._classes) % len(PALETTE)]

    def _check_new_name(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise StateError("A class needs a name.")
        if name in self.class_names():
            raise StateError(f"There is already a class called “{name}”.")
        return name

    def add_class(self, name: str, color: str | None = None) -> ClassInfo:
        name = self._check_new_name(name)
        info = ClassInfo(name, color or self._next_color())
        self._classes.append(info)
        self._save_class_meta()
        self._bump("classes")
        return info

    def rename_class(self, old: str, new: str) -> None:
        if old not in self.class_names():
            raise StateError(f"There is no class called “{old}”.")
        new = self._check_new_name(new)
        idx = [i for i, lab in enumerate(self.labels()) if lab == old]
        self._classes = [ClassInfo(new, c.color) if c.name == old else c for c in self._classes]
        if idx:
            self._rewrite(_relabelled(self._view, idx, new))
        self._save_class_meta()
        self._bump("classes")

    def recolor_class(self, name: str, color: str) -> None:
        self._classes = [ClassInfo(c.name, color) if c.name == name else c for c in self._classes]
        self._save_class_meta()
        self._bump("classes")

    def delete_class(self, name: str, move_to: str | None = None) -> None:
        """Delete class `name`. Its drawings move to `move_to`, or are deleted when it is None
        (undoable)."""
        if name not in self.class_names():
            raise StateError(f"There is no class called “{name}”.")
        if move_to is not None and (move_to == name or move_to not in self.class_names()):
            raise StateError(f"Cannot move the drawings to “{move_to}”.")
        idx = [i for i, lab in enumerate(self.labels()) if lab == name]
        old_classes = list(self._classes)
        if idx:
            before = list(self._view)
            if move_to is None:
                drop = set(idx)
                self._rewrite([d for i, d in enumerate(before) if i not in drop])
            else:
                self._rewrite(_relabelled(before, idx, move_to))

            def restore() -> None:
                self._restore(before)
                self._classes = old_classes
                self._save_class_meta()

            self._push_undo(f"delete class “{name}”", restore)
        self._classes = [c for c in self._classes if c.name != name]
        self._save_class_meta()
        self._bump("classes")

    def _set_classes_from_labels(self, labels: Sequence[str], saved: list[ClassInfo] | None) -> None:
        if saved:
            classes = list(saved)
        else:
            classes = [ClassInfo(n, PALETTE[i]) for i, n in enumerate(DEFAULT_CLASS_NAMES)]
        self._classes = classes
        names = {c.name for c in classes}
        for lab in labels:  # unknown labels become new classes, in order of first appearance
            if lab not in names:
                names.add(lab)
                self._classes.append(ClassInfo(lab, self._next_color()))

    # class names and colours per dataset file, kept in data_dir/classes.json
    def _meta_path(self) -> Path:
        return self.data_dir / "classes.json"

    def _meta_key(self) -> str:
        if self._path is None:
            return ""
        return "starter" if self.is_starter else str(self._path.resolve())

    def _load_class_meta(self) -> list[ClassInfo] | None:
        try:
            data = json.loads(self._meta_path().read_text(encoding="utf-8"))
            entry = data.get(self._meta_key())
            if not entry:
                return None
            return [ClassInfo(str(e["name"]), str(e["color"])) for e in entry]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _save_class_meta(self) -> None:
        key = self._meta_key()
        if not key:
            return
        try:
            data = json.loads(self._meta_path().read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                data = {}
        except (OSError, ValueError):
            data = {}
        data[key] = [{"name": c.name, "color": c.color} for c in self._classes]
        _atomic_write_text(self._meta_path(), json.dumps(data, indent=1))

    def _bump(self, kind: str) -> None:
        self.version += 1
        self.changed.emit(kind)


def _relabelled(drawings: Sequence[Drawing], indices: Iterable[int], label: str) -> list[Drawing]:
    out = list(drawings)
    for i in indices:
        out[i] = out[i].with_label(label)
    return out


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
