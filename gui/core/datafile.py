"""How the user's dataset file is changed: one small operation at a time, never a whole stale list.

Every edit of the open dataset (delete, relabel, import, and the undo of each) is an `Op` that says which
drawings it touches, by content: `Remove`, `Replace` (old → new, a relabel) and `Insert` (at positions).
The window's list and the file get the same op: the list at once (`apply_op` in the GUI thread), the file in
a background thread (`Writer`), through `DrawingStore.update`, which applies it to what is on disk *now*.
So when another instance changed the file meanwhile, its drawings stay and ours are changed; an undo puts
back exactly what its operation took, and nothing else is written back.

Drawings are found by identity first (the same object, no cost) and by content otherwise
(`engine.drawing_key`; a file re-read from disk holds new objects). A drawing that is no longer there
(another instance deleted it) is skipped.

Also here: `pick_drawer_name()` (the default pseudonym) and `AppFiles`, the small JSON file beside the
datasets that remembers the last dataset and the drawer even when the settings file cannot be written.
"""

from __future__ import annotations

import json
import os
import random
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine import Drawing, DrawingStore, atomic_write, drawing_key, remove_stale_temps


@dataclass(frozen=True)
class Remove:
    """Remove these drawings (one occurrence each)."""

    drawings: tuple[Drawing, ...]


@dataclass(frozen=True)
class Replace:
    """Put `new` where `old` is, for each (old, new) pair (a relabel)."""

    pairs: tuple[tuple[Drawing, Drawing], ...]


@dataclass(frozen=True)
class Insert:
    """Insert drawings: (position, drawing) pairs in ascending position; a position past the end appends."""

    items: tuple[tuple[int, Drawing], ...]


Op = Remove | Replace | Insert


def inverse(op: Op) -> Op:
    """The op that undoes `op`. The inverse of Remove needs the positions: use `removal_undo`."""
    if isinstance(op, Replace):
        return Replace(tuple((new, old) for old, new in op.pairs))
    if isinstance(op, Insert):
        return Remove(tuple(d for _, d in op.items))
    raise TypeError("the inverse of a Remove needs the positions: use removal_undo")


def removal_undo(drawings: Sequence[Drawing], indices: Sequence[int]) -> Insert:
    """The Insert that undoes removing `drawings[i] for i in indices` (sorted ascending)."""
    return Insert(tuple((i, drawings[i]) for i in sorted(indices)))


def _locate(items: list[Drawing], wanted: Sequence[Drawing]) -> list[int | None]:
    """The index of each wanted drawing in `items` (each index used once), None where it is not there."""
    by_id: dict[int, list[int]] = {}
    for i, d in enumerate(items):
        by_id.setdefault(id(d), []).append(i)
    used: set[int] = set()
    found: list[int | None] = []
    missing: list[int] = []
    for k, d in enumerate(wanted):
        hit = next((i for i in by_id.get(id(d), ()) if i not in used), None)
        if hit is not None:
            used.add(hit)
        else:
            missing.append(k)
        found.append(hit)
    if missing:  # by content: the list was re-read from disk, or the object was copied
        by_key: dict[bytes, list[int]] = {}
        for i, d in enumerate(items):
            if i not in used:
                by_key.setdefault(drawing_key(d), []).append(i)
        for k in missing:
            candidates = by_key.get(drawing_key(wanted[k]), [])
            while candidates and candidates[0] in used:
                candidates.pop(0)
            if candidates:
                found[k] = candidates.pop(0)
                used.add(found[k])
    return found


def apply_op(items: list[Drawing], op: Op) -> list[Drawing]:
    """A new list: `op` applied to `items` (drawings that are no longer there are skipped)."""
    if isinstance(op, Remove):
        drop = {i for i in _locate(items, op.drawings) if i is not None}
        return [d for i, d in enumerate(items) if i not in drop]
    if isinstance(op, Replace):
        out = list(items)
        for (_, new), i in zip(op.pairs, _locate(items, [old for old, _ in op.pairs]), strict=True):
            if i is not None:
                out[i] = new
        return out
    if isinstance(op, Insert):
        out = list(items)
        for pos, d in op.items:
            out.insert(min(max(pos, 0), len(out)), d)
        return out
    raise TypeError(f"not an op: {op!r}")


class Writer:
    """Applies ops to a `DrawingStore` in a background thread, so the window never waits for a big file.

    Ops queued while a rewrite runs are applied together in the next one (one atomic rewrite). Each
    rewrite is computed from the file as it is on disk then (`DrawingStore.update`); `merged` becomes
    True when that meant re-reading it because another writer had changed it. The thread ends when the
    queue is empty and the next `submit` starts another, so no dataset leaves a thread behind."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._jobs: list[tuple[DrawingStore, Op | None]] = []
        self._busy = False
        self._error: Exception | None = None
        self._thread: threading.Thread | None = None

    def submit(self, store: DrawingStore, op: Op | None) -> None:
        """Queue `op` for `store` (None: only re-read the file if another writer changed it)."""
        with self._cond:
            self._jobs.append((store, op))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="ShapeLab dataset writer", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                if not self._jobs:  # done: the thread ends (the next submit starts another)
                    self._thread = None
                    self._cond.notify_all()
                    return
                store = self._jobs[0][0]
                batch = [op for s, op in self._jobs if s is store]
                self._jobs = [(s, op) for s, op in self._jobs if s is not store]
                self._busy = True
            try:
                ops = [op for op in batch if op is not None]
                if ops:
                    def change(items: list[Drawing], ops=ops) -> list[Drawing]:
                        for op in ops:
                            items = apply_op(items, op)
                        return items

                    store.update(change)
                else:
                    store.refresh()
            except Exception as exc:  # reported by wait_idle / take_error in the GUI thread
                with self._cond:
                    self._error = exc
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def pending(self) -> bool:
        with self._cond:
            return bool(self._jobs) or self._busy

    def wait_idle(self) -> None:
        """Block until every queued op is on disk; raises the error of a failed one."""
        with self._cond:
            self._cond.wait_for(lambda: not self._jobs and not self._busy)
        error = self.take_error()
        if error is not None:
            raise error

    def take_error(self) -> Exception | None:
        with self._cond:
            error, self._error = self._error, None
            return error


# -- the drawer's pseudonym ------------------------------------------------------------------------------

_ADJECTIVES = ("amber", "brave", "calm", "clever", "eager", "gentle", "happy", "jolly", "keen", "lively",
               "lucky", "merry", "quick", "quiet", "sunny", "swift", "tidy", "witty", "bright", "bold")
_ANIMALS = ("badger", "crane", "dolphin", "falcon", "fox", "heron", "koala", "lynx", "otter", "owl",
            "panda", "puffin", "robin", "seal", "tiger", "wren", "yak", "zebra", "hare", "moose")

MAX_DRAWER_LENGTH = 40
ANONYMOUS_DRAWER = "anonymous"  # the drawer of a student who left the name empty


def pick_drawer_name(rng: random.Random | None = None) -> str:
    """A friendly pseudonym such as "quick-otter-27" (the student may change it)."""
    rng = rng or random.SystemRandom()
    return f"{rng.choice(_ADJECTIVES)}-{rng.choice(_ANIMALS)}-{rng.randint(10, 99)}"


def clean_drawer_name(text: str) -> str:
    """A drawer id as stored: trimmed, one line, at most MAX_DRAWER_LENGTH characters; "" if empty."""
    return " ".join(str(text).split())[:MAX_DRAWER_LENGTH]


class AppFiles:
    """`shapelab.json` in the data folder: the last dataset and the drawer's pseudonym, written atomically.

    The settings file (QSettings) remembers the same things; this copy is what finds the user's dataset
    when the settings could not be written (a full disk), and it is read by the CLI too."""

    NAME = "shapelab.json"

    def __init__(self, data_dir: str | os.PathLike):
        self.path = Path(data_dir) / self.NAME
        remove_stale_temps(self.path)

    def read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str, default: str = "") -> str:
        value = self.read().get(key, default)
        return value if isinstance(value, str) else default

    def set(self, key: str, value: str) -> None:
        """Raises OSError when it cannot be written."""
        self.update({key: value})

    def update(self, values: dict[str, str]) -> None:
        """Set several keys in one atomic write (none when nothing changes). Raises OSError when it cannot
        be written."""
        data = self.read()
        if all(data.get(k) == v for k, v in values.items()):
            return
        data.update(values)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(self.path, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=1))
