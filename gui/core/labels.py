"""`LabelIndex`: the labels of a list of drawings as NumPy codes, so that counting, filtering and finding
the drawings of a class are array operations instead of a Python loop over 50,000 drawings.

Immutable plain data (a tuple of names and a read-only int32 array): made in the worker that reads a
file, kept by `DatasetState` beside its lists, and handed to the gallery as it is. Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

_label_of = attrgetter("label")


def _frozen(codes: np.ndarray) -> np.ndarray:
    codes = np.ascontiguousarray(codes, dtype=np.int32)
    codes.setflags(write=False)
    return codes


@dataclass(frozen=True, eq=False)
class LabelIndex:
    """names: the distinct labels (in order of first appearance when made by `of`); codes: one int32 per
    drawing, its label's position in `names`. A name may have no drawing left (after a removal)."""

    names: tuple[str, ...]
    codes: np.ndarray

    @classmethod
    def of(cls, drawings: Iterable) -> LabelIndex:
        """The index of these drawings' labels (objects with `.label`)."""
        return cls.from_labels(list(map(_label_of, drawings)))

    @classmethod
    def from_labels(cls, labels: Sequence[str]) -> LabelIndex:
        table = {name: i for i, name in enumerate(dict.fromkeys(labels))}  # no Python loop per drawing
        codes = np.fromiter(map(table.__getitem__, labels), dtype=np.int32, count=len(labels))
        return cls(tuple(table), _frozen(codes))

    def __len__(self) -> int:
        return len(self.codes)

    def labels(self) -> list[str]:
        """The labels, one per drawing (a list of str)."""
        names = np.array(self.names, dtype=object) if self.names else np.empty(0, dtype=object)
        return list(names[self.codes]) if len(self.codes) else []

    def code(self, name: str) -> int:
        """The code of `name`, or -1 when no drawing here ever had it."""
        try:
            return self.names.index(name)
        except ValueError:
            return -1

    def mask(self, name: str) -> np.ndarray:
        """A bool per drawing: True where the label is `name`."""
        return self.codes == self.code(name)

    def counts(self) -> dict[str, int]:
        """Drawings per label, for the labels that have at least one (in the order of `names`)."""
        n = np.bincount(self.codes, minlength=len(self.names))
        return {name: int(c) for name, c in zip(self.names, n, strict=True) if c}

    def _with_names(self, labels: Iterable[str]) -> tuple[tuple[str, ...], dict[str, int]]:
        table = {name: i for i, name in enumerate(self.names)}
        for name in labels:
            table.setdefault(name, len(table))
        return tuple(table), table

    def appended(self, labels: Sequence[str]) -> LabelIndex:
        """This index with drawings of these labels added at the end."""
        names, table = self._with_names(labels)
        more = np.fromiter(map(table.__getitem__, labels), dtype=np.int32, count=len(labels))
        return LabelIndex(names, _frozen(np.concatenate([self.codes, more])))

    def removed(self, positions: Sequence[int]) -> LabelIndex:
        """This index without the drawings at these positions."""
        return LabelIndex(self.names, _frozen(np.delete(self.codes, np.asarray(positions, dtype=np.intp))))

    def replaced(self, positions: Sequence[int], labels: Sequence[str]) -> LabelIndex:
        """This index with the drawings at `positions` given `labels` (one each)."""
        names, table = self._with_names(labels)
        codes = self.codes.copy()
        codes[np.asarray(positions, dtype=np.intp)] = [table[name] for name in labels]
        return LabelIndex(names, _frozen(codes))

    def __add__(self, other: LabelIndex) -> LabelIndex:
        """The drawings of `self` followed by those of `other` (names merged, self's first)."""
        if other.names == self.names:
            return LabelIndex(self.names, _frozen(np.concatenate([self.codes, other.codes])))
        names, table = self._with_names(other.names)
        remap = np.array([table[name] for name in other.names], dtype=np.int32)
        theirs = remap[other.codes] if len(other.codes) else other.codes
        return LabelIndex(names, _frozen(np.concatenate([self.codes, theirs])))


EMPTY = LabelIndex((), _frozen(np.zeros(0, dtype=np.int32)))
