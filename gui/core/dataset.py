"""Qt-free application state: the open dataset, its classes and colours, counts, undo and staleness.

`DatasetState` owns the user's dataset file (through the engine's `DrawingStore`) and the class list.
Widgets never change it directly: the main window calls its methods and listens to its events (`Event`, a
tiny observer list, so this module needs no Qt and is tested without a screen).

What the user sees is two parts, in this order:
- the **base**: a read-only set shown first when `include_base` is on. It is the built-in starter set, or
  a folder of many students' files opened as one dataset (`open_folder`). It is never written, and its
  drawings cannot be deleted or relabelled (a `StateError` says so).
- **mine**: the user's own file, which holds only what the user drew or imported. The first drawing
  creates it (`data_dir/my-drawings.ndjson`, the same name every time, so two first starts at once
  share it; `dataset_created` tells the window), or File › Open chose it.

Data safety, in one place:
- Every added drawing is appended, flushed and fsynced before `add_drawing` returns. Edits (delete,
  relabel, import) are small operations (`gui.core.datafile`) applied at once in memory and written in the
  background as an atomic rewrite computed from the file as it is on disk then. Undo applies the inverse
  of exactly the one operation, so it never brings back or removes anything else.
- Another instance working on the same file is never overwritten: every write takes the file's lock and
  re-reads it first if it changed (see `DrawingStore`); `poll_disk` picks up its changes for the view.
- A file with damaged lines is copied aside (``<name>.damaged-<time>.ndjson``) before anything rewrites it,
  so the damaged lines are never lost either.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine import (
    Drawing,
    DrawingStore,
    LoadProblem,
    remove_stale_temps,
    write_ndjson,
)
from gui.text import translate

from .classes import DEFAULT_CLASS_NAMES, PALETTE, ClassInfo, ClassListMixin, StateError
from .datafile import Insert, Op, Remove, Replace, Writer, apply_op, inverse, removal_undo
from .events import Event
from .labels import EMPTY, LabelIndex
from .merge import (
    DRAWER_KEY,
    UNKNOWN_DRAWER,
    MergeReport,
    drawer_of,
    format_report,
    merge_drawings,
    read_many,
    split_by_drawer,
)
from .sources import SourcesMixin
from .view import ShownMixin

__all__ = [  # the names other modules take from here (some live in .classes and .merge)
    "DatasetState", "DatasetSnapshot", "ClassInfo", "StateError", "PALETTE", "DEFAULT_CLASS_NAMES",
    "USER_DATASET_NAME", "DRAWER_KEY", "UNKNOWN_DRAWER", "MergeReport", "drawer_of", "format_report",
    "merge_drawings", "read_many", "split_by_drawer",
]

USER_DATASET_NAME = "my-drawings"
_END = sys.maxsize  # an Insert position that appends


@dataclass(frozen=True)
class DatasetSnapshot:
    """What a training run sees: immutable drawings, the class order, and the data version."""

    drawings: tuple[Drawing, ...]
    classes: tuple[str, ...]
    version: int
    source: str
    image_folders: tuple[str, ...] = ()  # ImageFolder trees used for training alongside the drawings


class DatasetState(ClassListMixin, SourcesMixin, ShownMixin):
    """The open dataset and its classes.

    Events (callbacks run synchronously in the caller's thread, which is always the GUI thread):
    - `changed(kind: str)`: drawings or classes changed; kind is "opened", "added", "deleted",
      "relabelled", "classes", "undo", "merged" (another instance changed the file) or "base".
    - `dataset_created(path: str)`: the user's own dataset file was created (first drawing).
    - `problems(list[LoadProblem])`: damaged lines met while opening a file.
    """

    def __init__(self, data_dir: str | os.PathLike, starter_path: str | os.PathLike | None = None):
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(self._meta_path())  # a kill while the class list was written
        self.starter_path = Path(starter_path) if starter_path is not None else None
        self._store: DrawingStore | None = None
        self._store_generation = 0
        self._writer = Writer()
        self._base: list[Drawing] = []
        self._base_name = ""
        self._base_path: Path | None = None
        self._include_base = True
        self._mine: list[Drawing] = []
        self._view: list[Drawing] = []
        # the labels of `_base`, `_mine` and `_view` as NumPy codes (counts and the gallery's filters are
        # array operations); each cached with the list it describes, made again when the list changed
        self._base_index: tuple[list[Drawing], LabelIndex] = (self._base, EMPTY)
        self._mine_index: tuple[list[Drawing], LabelIndex] = (self._mine, EMPTY)
        self._view_labels: LabelIndex = EMPTY
        self._path: Path | None = None
        self._classes: list[ClassInfo] = [ClassInfo(n, PALETTE[i]) for i, n in enumerate(DEFAULT_CLASS_NAMES)]
        self._undo: list[tuple[str, Op, list[ClassInfo] | None]] = []
        self.version = 0
        self.backup_path: Path | None = None
        self.image_folders: list[str] = []
        self.drawer = ""  # the pseudonym stored with every drawing added (the window sets it)
        self.changed = Event()
        self.dataset_created = Event()
        self.problems = Event()

    # -- reading ------------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The user's dataset file (None until the first drawing creates it)."""
        return self._path

    @property
    def read_only(self) -> bool:
        """True while no user file is open: the first drawing creates it."""
        return self._store is None

    @property
    def is_starter(self) -> bool:
        """True while only the built-in starter set is shown (no user file yet)."""
        return self._store is None and self._base_path is not None and self._base_path == self.starter_path

    @property
    def mine_count(self) -> int:
        return len(self._mine)

    def is_mine(self, index: int) -> bool:
        return index >= self.base_count

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

    def display_name(self) -> str:
        if self._path is None:
            if self._base:
                return translate("Dataset", "{base_name} (read-only)").format(base_name=self._base_name)
            return translate("Dataset", "no dataset")
        if self._base and self._include_base:
            return f"{self._path.name} + {self._base_name}"
        return self._path.name

    def snapshot(self) -> DatasetSnapshot:
        """An immutable view for a training run (drawings are frozen objects; the tuple is a copy)."""
        return DatasetSnapshot(
            tuple(self._view),
            tuple(self.class_names()),
            self.version,
            str(self._path if self._path is not None else self._base_path),
            tuple(self.image_folders),
        )

    def add_image_folder(self, folder: str) -> None:
        """Use an ImageFolder tree (DIR/<class>/*.png) for training too (for this session)."""
        if folder not in self.image_folders:
            self.image_folders.append(folder)
            self._bump("classes")

    # -- opening ------------------------------------------------------------------------------------

    def open_starter(self) -> list[LoadProblem]:
        """Show the built-in starter set (read-only, never written) and no user file."""
        self.flush()
        problems = self._load_starter_base()
        self._store = None
        self._mine = []
        self._path = None
        self._include_base = True
        self._set_classes_from_labels([d.label for d in self._base], saved=self._load_class_meta())
        self._after_open(problems)
        return problems

    def open(self, path: str | os.PathLike, store: DrawingStore | None = None,
             labels: LabelIndex | None = None) -> list[LoadProblem]:
        """Open a dataset file (created on the first write if missing) as the user's file. The starter set
        stays the base, included when the file is the user's own `my-drawings.ndjson` and left out for
        any other file (`set_include_base` changes that). Damaged lines are reported and the file is copied
        aside before anything rewrites it.
        Raises OSError if it cannot be read. `store`: the file already read (a DrawingStore of `path`,
        made in a worker thread), `labels`: `LabelIndex.of(store.drawings)`, made there too."""
        path = Path(path)
        if self.starter_path is not None and path.resolve() == self.starter_path.resolve():
            return self.open_starter()
        self.flush()
        store = store if store is not None and Path(store.path) == path else DrawingStore(path)
        problems = list(store.problems)
        if problems and not len(store):  # a PNG, a text file: never append to it
            raise OSError(errno.EINVAL, translate(
                "Dataset",
                "not a drawing file: no line of it is a drawing ({message}); it was left untouched",
            ).format(message=problems[0].message), os.fspath(path))
        self.backup_path = None
        if problems:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
            try:
                shutil.copy2(path, backup)
                self.backup_path = backup
            except OSError:
                self.backup_path = None  # a read-only folder: nothing will be rewritten there either
        if self._base_path is None or self._base_path == self.starter_path:
            problems = self._load_starter_base() + problems
        self._store = store
        self._store_generation = store.generation
        self._mine = store.drawings
        if labels is not None and store is not None and len(labels) == len(self._mine):
            self._mine_index = (self._mine, labels)
        self._path = path
        self._include_base = self.is_own_file(path)
        # the distinct labels in order of first appearance (a fresh index's names)
        self._mine_index = self._index_of(self._mine, self._mine_index)
        names = list(self._mine_index[1].names)
        if self._include_base:
            self._base_index = self._index_of(self._base, self._base_index)
            names = list(dict.fromkeys([*names, *self._base_index[1].names]))
        self._set_classes_from_labels(names, saved=self._load_class_meta())
        self._after_open(problems)
        return problems

    def own_file_path(self) -> Path:
        """The user's own file, created by the first drawing: `data_dir/my-drawings.ndjson`."""
        return self.data_dir / f"{USER_DATASET_NAME}.ndjson"

    def is_own_file(self, path: str | os.PathLike) -> bool:
        try:
            return Path(path).resolve() == self.own_file_path().resolve()
        except OSError:
            return False

    def new_dataset(self, path: str | os.PathLike) -> None:
        """Start an empty dataset file at `path` with the current class list (the file is written now)."""
        path = Path(path)
        self.flush()
        write_ndjson(path, [])
        self._store = DrawingStore(path)
        self._store_generation = self._store.generation
        self._mine = []
        self._path = path
        self._include_base = False
        self._save_class_meta()
        self._after_open()

    def save_as(self, path: str | os.PathLike) -> None:
        """Write the user's own drawings to `path` (atomic) and continue working in that file (the base
        is not copied: it stays read-only and shared)."""
        path = Path(path)
        self.flush()
        write_ndjson(path, self._mine)
        self._store = DrawingStore(path)
        self._store_generation = self._store.generation  # the view keeps its (the very same) drawings
        self._path = path
        self._save_class_meta()
        self._rebuild_view()
        self._bump("opened")

    def _after_open(self, problems: Sequence[LoadProblem] = ()) -> None:
        self._rebuild_view()
        self._undo.clear()
        self._bump("opened")
        if problems:
            self.problems.emit(list(problems))

    # -- changing drawings --------------------------------------------------------------------------

    def _writable_store(self) -> DrawingStore:
        """The user's store; the first drawing creates `data_dir/my-drawings.ndjson` (or opens it, when a
        first start elsewhere, or a start that could not remember it, made it already)."""
        if self._store is not None:
            return self._store
        path = self.own_file_path()
        store = DrawingStore(path)
        self._store = store
        self._store_generation = store.generation
        self._mine = store.drawings
        self._path = path
        if self._load_class_meta() is None:
            self._save_class_meta()
        self._rebuild_view()
        self.dataset_created.emit(str(path))
        return store

    def _user_indices(self, indices: Iterable[int], what: str) -> list[int]:
        idx = sorted({int(i) for i in indices})
        bad = [i for i in idx if not 0 <= i < len(self._view)]
        if bad:
            raise IndexError(f"drawing index {bad[0]} out of range (the dataset holds {len(self._view)})")
        offset = self.base_count
        base = [i for i in idx if i < offset]
        if base:
            raise StateError(
                translate(
                    "Dataset",
                    "{value} of the selected drawings belong to the {value2}, which is read-only: they "
                    "cannot be {what}. Untick “Include {value2}” to leave it out of training, or select "
                    "only your own drawings (gallery: Mine only).",
                ).format(value=len(base), value2=self._base_name.lower(), what=what)
            )
        return [i - offset for i in idx]

    def add_drawing(self, strokes: Iterable[np.ndarray], label: str, extra: dict | None = None) -> Drawing:
        """Add a drawing to class `label`: on disk (appended + fsynced) before this returns. `extra`: more
        NDJSON keys to store with it (source, timestamp and drawer are set here)."""
        strokes = [np.asarray(s, dtype=np.float64) for s in strokes]
        strokes = [s for s in strokes if len(s)]
        if not strokes:
            raise StateError(translate("Dataset", "Nothing to add: draw a shape on the canvas first."))
        if label not in self.class_names():
            raise StateError(translate("Dataset", "There is no class called “{label}”.").format(label=label))
        extra = {**(extra or {}), "source": "shapelab", "timestamp": _now_iso()}
        if self.drawer:
            extra[DRAWER_KEY] = self.drawer
        drawing = Drawing(tuple(strokes), label, extra)
        store = self._writable_store()
        self._writer.wait_idle()  # queued rewrites first, then this line appended after them
        store.append(drawing)
        if not self._adopt_store():
            lst, index = self._mine_index
            self._mine.append(drawing)
            if lst is self._mine and len(index) == len(self._mine) - 1:
                self._mine_index = (self._mine, index.appended([drawing.label]))
            self._rebuild_view()
        self._bump("added")
        return drawing

    def add_drawings(self, drawings: Sequence[Drawing]) -> int:
        """Append many drawings (an import) to the user's file; unknown labels become new classes.
        Returns how many (undoable: the undo removes exactly these)."""
        drawings = list(drawings)
        if not drawings:
            return 0
        op = Insert(tuple((_END, d) for d in drawings))
        self._apply(op)
        self._add_missing_classes(drawings)
        self._save_class_meta()
        self._push_undo(translate("Dataset", "import {n} drawings").format(n=len(drawings)), inverse(op))
        self._bump("added")
        return len(drawings)

    def delete(self, indices: Iterable[int]) -> int:
        """Delete drawings (undoable with `undo`). Returns how many were deleted."""
        idx = self._user_indices(indices, "deleted")
        if not idx:
            return 0
        undo = removal_undo(self._mine, idx)
        self._apply(Remove(tuple(self._mine[i] for i in idx)), idx)
        s = "s" if len(idx) != 1 else ""
        self._push_undo(translate("Dataset", "delete {n} drawing{s}").format(n=len(idx), s=s), undo)
        self._bump("deleted")
        return len(idx)

    def relabel(self, indices: Iterable[int], label: str) -> int:
        """Move drawings to class `label` (undoable). Returns how many."""
        if label not in self.class_names():
            raise StateError(translate("Dataset", "There is no class called “{label}”.").format(label=label))
        idx = self._user_indices(indices, translate("Dataset", "moved to another class"))
        if not idx:
            return 0
        op = Replace(tuple((self._mine[i], self._mine[i].with_label(label)) for i in idx))
        self._apply(op, idx)
        s = "s" if len(idx) != 1 else ""
        self._push_undo(translate("Dataset", "relabel {n} drawing{s}").format(n=len(idx), s=s), inverse(op))
        self._bump("relabelled")
        return len(idx)

    def _apply(self, op: Op, idx: Sequence[int] | None = None) -> None:
        """`op` applied to the view at once and queued for the file (written in the background).
        `idx`: the user indices the op touches, when known (skips looking the drawings up)."""
        store = self._writable_store()
        if idx is not None and isinstance(op, Remove):
            before = self._index_of(self._mine, self._mine_index)[1]
            drop = set(idx)
            self._mine = [d for i, d in enumerate(self._mine) if i not in drop]
            self._mine_index = (self._mine, before.removed(sorted(drop)))
        elif idx is not None and isinstance(op, Replace):
            before = self._index_of(self._mine, self._mine_index)[1]
            self._mine = list(self._mine)
            for i, (_, new) in zip(idx, op.pairs, strict=True):
                self._mine[i] = new
            self._mine_index = (self._mine, before.replaced(idx, [new.label for _, new in op.pairs]))
        else:
            self._mine = apply_op(self._mine, op)
        self._rebuild_view()
        self._writer.submit(store, op)

    def flush(self) -> None:
        """Wait until every change is on disk (before closing, opening another file, or reading it)."""
        self._writer.wait_idle()
        self._adopt_store()

    def writing(self) -> bool:
        """True while a rewrite is being written in the background."""
        return self._writer.pending()

    def take_write_error(self) -> Exception | None:
        """The error of a background rewrite that failed (once), or None."""
        return self._writer.take_error()

    def _add_missing_classes(self, drawings: Iterable[Drawing]) -> None:
        names = set(self.class_names())
        for d in drawings:
            if d.label not in names:
                names.add(d.label)
                self._classes.append(ClassInfo(d.label, self._next_color()))

    # -- undo ---------------------------------------------------------------------------------------

    def _push_undo(self, text: str, op: Op, classes: list[ClassInfo] | None = None) -> None:
        self._undo.append((text, op, classes))
        del self._undo[:-20]  # keep the last 20 data edits

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo_text(self) -> str:
        return self._undo[-1][0] if self._undo else ""

    def undo(self) -> str:
        """Undo the last delete / relabel / import / class deletion: exactly that operation is inverted
        (drawings added or changed since stay as they are). Returns what was undone."""
        if not self._undo:
            return ""
        text, op, classes = self._undo.pop()
        self._apply(op)
        if classes is not None:
            self._classes = list(classes)
        self._add_missing_classes(self._mine)
        self._save_class_meta()
        self._bump("undo")
        return text

    def _bump(self, kind: str) -> None:
        self.version += 1
        self.changed.emit(kind)


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
