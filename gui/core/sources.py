"""Where the dataset's drawings come from besides the user's own edits: the read-only base shown first
(the starter set, or a folder of many students' files) and another instance writing the same file.

`SourcesMixin` is that part of `DatasetState` (gui/core/dataset.py). Qt-free.
"""

from __future__ import annotations

import os
from pathlib import Path

from engine import LoadProblem, read_ndjson
from gui.text import translate

from .merge import MergeReport, read_many


class SourcesMixin:
    """The read-only base and another instance's changes, for DatasetState (which provides `_base`,
    `_base_name`, `_base_path`, `_include_base`, `_mine`, `_view`, `_store`, `_store_generation`,
    `_writer`, `_undo`, `starter_path`, `problems`, `flush`, `_rebuild_view`, `_add_missing_classes`,
    `_bump`)."""

    @property
    def include_base(self) -> bool:
        return self._include_base

    @property
    def base_name(self) -> str:
        """What the read-only base is ("Starter set", a folder's name) or "" when there is none."""
        return self._base_name if self._base else ""

    @property
    def base_size(self) -> int:
        """How many drawings the read-only base holds (shown or not)."""
        return len(self._base)

    @property
    def base_count(self) -> int:
        """How many of the shown drawings (the first ones) belong to the read-only base."""
        return len(self._base) if self._include_base else 0

    # -- the read-only base -------------------------------------------------------------------------

    def _load_starter_base(self) -> list[LoadProblem]:
        if self.starter_path is None or not self.starter_path.exists():
            self._base, self._base_name, self._base_path = [], "", None
            return []
        drawings, problems = read_ndjson(self.starter_path)
        self._base, self._base_name = drawings, translate("Sources", "Starter set")
        self._base_path = self.starter_path
        return problems

    def set_include_base(self, include: bool) -> None:
        """Show (and train on) the read-only base, or only the user's own drawings."""
        include = bool(include)
        if include == self._include_base:
            return
        self._include_base = include
        self._rebuild_view()
        self._add_missing_classes(self._view)
        self._bump("base")

    def open_folder(self, folder: str | os.PathLike) -> MergeReport:
        """Read every *.ndjson file in `folder` (many students' files) as the read-only base, exact
        duplicates dropped; the user's own file stays open for new drawings. Raises OSError / StateError."""
        self.flush()
        drawings, report = read_many([folder])
        self._base, self._base_path = drawings, Path(folder)
        self._base_name = Path(folder).name or str(folder)
        self._include_base = True
        self._rebuild_view()
        self._add_missing_classes(self._view)
        self._undo.clear()
        self._bump("opened")
        if report.problems:
            self.problems.emit(list(report.problems))
        return report

    # -- another instance on the same file ---------------------------------------------------------

    def poll_disk(self) -> bool:
        """Pick up changes another instance made to the user's file. Cheap (one stat) when nothing
        changed; a changed file is re-read in the background and shown at a later call (changed("merged")).
        Returns True when the view changed."""
        if self._store is None or self._writer.pending():
            return False
        if self._adopt_store():
            return True
        if self._store.changed_on_disk():
            self._writer.submit(self._store, None)
        return False

    def sync_with_disk(self) -> bool:
        """Like `poll_disk`, but waits: every change written, the file re-read if another instance changed
        it, the view updated now. Returns True when the view changed."""
        self.flush()
        if self._store is None:
            return False
        self._store.refresh()
        return self._adopt_store()

    def _adopt_store(self) -> bool:
        """After the writer is idle: take the store's list if it re-read the file (another writer)."""
        if self._store is None or self._store.generation == self._store_generation:
            return False
        self._store_generation = self._store.generation
        self._mine = self._store.drawings
        self._rebuild_view()
        self._add_missing_classes(self._mine)
        self._bump("merged")
        return True
