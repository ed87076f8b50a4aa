"""The dataset's class list: names and colours, kept per dataset file in data_dir/classes.json.

`ClassListMixin` is the part of `DatasetState` (gui/core/dataset.py) that adds, renames, recolours and
deletes classes; renaming and deleting change the user's drawings through the state's one `_apply`, so
they stay undoable like every other edit. Qt-free.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine import atomic_write
from gui.text import translate

from .datafile import Op, Remove, Replace, inverse, removal_undo

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


@dataclass(frozen=True)
class ClassInfo:
    name: str
    color: str  # "#rrggbb"


class StateError(ValueError):
    """A request the state refuses; the message says why in plain words."""


def _atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "w", encoding="utf-8") as f:
        f.write(text)


class ClassListMixin:
    """Class-list operations of DatasetState (which provides `_classes`, `_mine`, `_base`, `_base_name`,
    `base_count`, `data_dir`, `_path`, `_base_path`, `_apply`, `_push_undo`, `_bump`)."""


    def _next_color(self) -> str:
        used = {c.color for c in self._classes}
        for color in PALETTE:
            if color not in used:
                return color
        return PALETTE[len(self._classes) % len(PALETTE)]

    def _check_new_name(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise StateError(translate("Classes", "A class needs a name."))
        if name in self.class_names():
            raise StateError(
                translate("Classes", "There is already a class called “{name}”.").format(name=name)
            )
        return name

    def add_class(self, name: str, color: str | None = None) -> ClassInfo:
        name = self._check_new_name(name)
        info = ClassInfo(name, color or self._next_color())
        self._classes.append(info)
        self._save_class_meta()
        self._bump("classes")
        return info

    def _refuse_base_class(self, name: str, what: str) -> None:
        if self.base_count and any(d.label == name for d in self._base):
            raise StateError(
                translate(
                    "Classes",
                    "The {value} has drawings of “{name}” and is read-only: the class cannot be {what} "
                    "while it is included. Untick “Include {value}” first.",
                ).format(value=self._base_name.lower(), name=name, what=what)
            )

    def rename_class(self, old: str, new: str) -> None:
        if old not in self.class_names():
            raise StateError(translate("Classes", "There is no class called “{old}”.").format(old=old))
        new = self._check_new_name(new)
        self._refuse_base_class(old, "renamed")
        idx = [i for i, d in enumerate(self._mine) if d.label == old]
        self._classes = [ClassInfo(new, c.color) if c.name == old else c for c in self._classes]
        if idx:
            self._apply(Replace(tuple((self._mine[i], self._mine[i].with_label(new)) for i in idx)), idx)
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
            raise StateError(translate("Classes", "There is no class called “{name}”.").format(name=name))
        if move_to is not None and (move_to == name or move_to not in self.class_names()):
            raise StateError(
                translate("Classes", "Cannot move the drawings to “{move_to}”.").format(move_to=move_to)
            )
        self._refuse_base_class(name, "deleted")
        idx = [i for i, d in enumerate(self._mine) if d.label == name]
        old_classes = list(self._classes)
        if idx:
            if move_to is None:
                undo: Op = removal_undo(self._mine, idx)
                self._apply(Remove(tuple(self._mine[i] for i in idx)), idx)
            else:
                op = Replace(tuple((self._mine[i], self._mine[i].with_label(move_to)) for i in idx))
                self._apply(op, idx)
                undo = inverse(op)
            self._push_undo(
                translate("Classes", "delete class “{name}”").format(name=name), undo, old_classes
            )
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
            return "starter" if self._base_path is not None else ""
        return str(self._path.resolve())

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
