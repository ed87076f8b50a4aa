"""What DatasetState shows: the read-only base (when included) followed by the user's own drawings, and
their labels as a `LabelIndex` kept beside each list, so that counting and filtering 50,000 drawings are
NumPy operations. `ShownMixin` is that part of `DatasetState` (gui/core/dataset.py). Qt-free.
"""

from __future__ import annotations

from engine import Drawing

from .labels import LabelIndex
from .merge import drawer_of


class ShownMixin:
    """The shown list for DatasetState (which provides `_base`, `_mine`, `_include_base`, `_classes` and
    the caches `_base_index`, `_mine_index`: (list, its LabelIndex))."""

    @property
    def drawings(self) -> list[Drawing]:
        return list(self._view)

    def _drawings_ref(self) -> list[Drawing]:
        """The current list (not a copy: callers must not change it). Refreshed after every change."""
        return self._view

    @staticmethod
    def _index_of(drawings: list[Drawing], cached: tuple[list[Drawing], LabelIndex]
                  ) -> tuple[list[Drawing], LabelIndex]:
        """`cached` if it describes this very list (same object, same length), else a new index."""
        if cached[0] is drawings and len(cached[1]) == len(drawings):
            return cached
        return drawings, LabelIndex.of(drawings)

    def _rebuild_view(self) -> None:
        self._mine_index = self._index_of(self._mine, self._mine_index)
        if self._include_base:
            self._base_index = self._index_of(self._base, self._base_index)
            self._view = self._base + self._mine
            self._view_labels = self._base_index[1] + self._mine_index[1]
        else:
            self._view = list(self._mine)
            self._view_labels = self._mine_index[1]

    def label_index(self) -> LabelIndex:
        """The shown drawings' labels as NumPy codes (immutable; a new one after every change)."""
        return self._view_labels

    def __len__(self) -> int:
        return len(self._view)

    def drawing(self, index: int) -> Drawing:
        return self._view[index]

    def labels(self) -> list[str]:
        return [d.label for d in self._view]

    def counts(self) -> dict[str, int]:
        counts = {c.name: 0 for c in self._classes}
        counts.update(self._view_labels.counts())  # one np.bincount: 50,000 drawings in well under 1 ms
        return counts

    def drawer_counts(self) -> dict[str, int]:
        """Drawings per drawer among those shown (UNKNOWN_DRAWER for drawings without a drawer key)."""
        counts: dict[str, int] = {}
        for d in self._view:
            who = drawer_of(d)
            counts[who] = counts.get(who, 0) + 1
        return counts

