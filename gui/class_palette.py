"""The class palette: one row per class (key, colour, name, count); a click adds the drawing to it.

`ClassPalette` (objectName "classPalette") shows the classes and turns clicks and menu choices into
requests; it changes nothing itself. The main window applies the requests to the Qt-free state and calls
`set_classes` with the result.

Signals (plain data):
- `addToClassRequested(str)`: add the canvas drawing to this class.
- `addClassRequested(str)`, `renameRequested(str, str)`, `recolorRequested(str, str)`.
- `deleteRequested(str, object)`: delete this class; the second value is the class its drawings move to,
  or None to delete them too (the palette has already asked the user).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.markers import marker_for, marker_icon
from gui.text import translate


class DeleteClassDialog(QDialog):
    """Asks what to do with the drawings of a class about to be deleted: move them, or delete them."""

    def __init__(self, name: str, count: int, others: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ClassPalette", "Delete class “{name}”").format(name=name))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "ClassPalette",
                    "The class “{name}” has {count} drawing{value}.\nWhat should happen to them?",
                ).format(name=name, count=count, value='s' if count != 1 else '')
            )
        )
        self.move_radio = QRadioButton(translate("ClassPalette", "Move them to"))
        self.target = QComboBox()
        self.target.addItems(list(others))
        self.delete_radio = QRadioButton(
            translate("ClassPalette", "Delete them too (Undo in the gallery brings them back)")
        )
        row = QGridLayout()
        row.addWidget(self.move_radio, 0, 0)
        row.addWidget(self.target, 0, 1)
        row.addWidget(self.delete_radio, 1, 0, 1, 2)
        layout.addLayout(row)
        if others:
            self.move_radio.setChecked(True)
        else:
            self.move_radio.setEnabled(False)
            self.target.setEnabled(False)
            self.delete_radio.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ClassPalette", "Delete class"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> str | None:
        """The class to move the drawings to, or None to delete them."""
        return self.target.currentText() if self.move_radio.isChecked() else None


class ClassPalette(QWidget):
    """See the module docstring."""

    addToClassRequested = Signal(str)
    addClassRequested = Signal(str)
    renameRequested = Signal(str, str)
    recolorRequested = Signal(str, str)
    deleteRequested = Signal(str, object)
    buttonsRebuilt = Signal()  # the class buttons were made anew (the window puts them in its Tab order)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("classPalette")
        self._classes: list[tuple[str, str, int]] = []
        self._buttons: list[QPushButton] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(3)
        self._add_button = QToolButton(text=translate("ClassPalette", "+ New class"))
        self._add_button.setAutoRaise(True)
        self._add_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it, a click does not take it
        self._add_button.setToolTip(
            translate("ClassPalette", "Add a class (a new kind of shape to teach the network)")
        )
        self._add_button.clicked.connect(self._ask_new_class)
        self._hint = QLabel(
            translate("ClassPalette", "click or press 1–9 to add · right-click to edit")
        )
        self._hint.setWordWrap(True)
        self._hint.setToolTip(
            translate(
                "ClassPalette",
                "Click a class, or press its number (1–9) while the canvas has the keyboard, to add the "
                "drawing to it: it is saved at once and the canvas is cleared. Right-click a class to "
                "rename, recolour or delete it.",
            )
        )
        self._hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(self._grid)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._add_button)
        row.addWidget(self._hint, 1)
        layout.addLayout(row)
        layout.addStretch(1)

    # -- API ----------------------------------------------------------------------------------------

    def set_classes(self, classes: Sequence[tuple[str, str, int]]) -> None:
        """Show classes as (name, colour, count), in key order (the first is key 1)."""
        classes = [(str(n), str(c), int(k)) for n, c, k in classes]
        if classes == self._classes:
            return
        same_names = [c[0] for c in classes] == [c[0] for c in self._classes]
        self._classes = classes
        if same_names and len(self._buttons) == len(classes):
            for i, (button, (name, color, count)) in enumerate(zip(self._buttons, classes, strict=True)):
                self._style_button(button, i, name, color, count)
            return
        for b in self._buttons:
            self._grid.removeWidget(b)
            b.deleteLater()
        self._buttons = []
        columns = 2
        for i, (name, color, count) in enumerate(classes):
            b = QPushButton()
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it; a click leaves the keys to the canvas
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setIconSize(self._icon_size())
            b.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            b.setProperty("className", name)
            b.clicked.connect(lambda _=False, n=name: self.addToClassRequested.emit(n))
            b.customContextMenuRequested.connect(lambda pos, n=name, w=b: self._menu(n, w.mapToGlobal(pos)))
            self._style_button(b, i, name, color, count)
            self._grid.addWidget(b, i // columns, i % columns)
            self._buttons.append(b)
        self.buttonsRebuilt.emit()

    def button_for(self, name: str) -> QPushButton | None:
        for b in self._buttons:
            if b.property("className") == name:
                return b
        return None

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            pairs = zip(self._buttons, self._classes, strict=False)
            for i, (button, (name, color, count)) in enumerate(pairs):
                button.setIconSize(self._icon_size())  # the markers grow with View › Zoom
                self._style_button(button, i, name, color, count)

    def _icon_size(self) -> QSize:
        side = max(14, round(self.fontMetrics().height() * 0.85))
        return QSize(side, side)

    def width_for_counts(self, digits: int) -> int:
        """The width the palette asks for when every class's count has `digits` digits (a first layout
        leaves room for it, so a large file opened later does not widen the dock and relayout the
        window: 35-62 ms with 50,000 drawings)."""
        columns: dict[int, int] = {}
        probe = QPushButton()
        pairs = zip(self._buttons, self._classes, strict=False)
        for i, (button, (name, _colour, _count)) in enumerate(pairs):
            probe.setFont(button.font())
            probe.setIconSize(button.iconSize())
            probe.setIcon(button.icon())
            probe.setText(_label(i, name, "0" * digits))
            columns[i % 2] = max(columns.get(i % 2, 0), probe.sizeHint().width())
        margins = self.layout().contentsMargins()
        spacing = max(0, self._grid.horizontalSpacing())
        return sum(columns.values()) + spacing * (len(columns) - 1) + margins.left() + margins.right()

    def buttons(self) -> list[QPushButton]:
        """The class buttons in key order, then "+ New class" (the palette's Tab order)."""
        return [*self._buttons, self._add_button]

    def class_names(self) -> list[str]:
        return [c[0] for c in self._classes]

    # -- internals ----------------------------------------------------------------------------------

    def _style_button(self, b: QPushButton, index: int, name: str, color: str, count: int) -> None:
        b.setText(_label(index, name, count))
        b.setIcon(marker_icon(color, marker_for(index), b.iconSize().height()))  # its shape and colour
        shortcut = ""
        if index < 9:
            shortcut = translate("ClassPalette", " — or press {key} on the canvas").format(key=index + 1)
        b.setToolTip(
            translate(
                "ClassPalette",
                "Add the drawing on the canvas to “{name}”{shortcut}.\n{count} drawing{value} in this "
                "class. Right-click for more.",
            ).format(name=name, shortcut=shortcut, count=count, value='s' if count != 1 else '')
        )

    def _menu(self, name: str, global_pos) -> None:
        menu = QMenu(self)
        menu.addAction(translate("ClassPalette", "Rename…"), lambda: self._ask_rename(name))
        menu.addAction(translate("ClassPalette", "Change colour…"), lambda: self._ask_color(name))
        menu.addSeparator()
        menu.addAction(translate("ClassPalette", "Delete class…"), lambda: self.ask_delete(name))
        menu.popup(global_pos)

    def _ask_new_class(self) -> None:
        name, ok = QInputDialog.getText(
            self.window(),
            translate("ClassPalette", "New class"),
            translate("ClassPalette", "Name of the new class (for example “star”):"),
        )
        if ok and name.strip():
            self.addClassRequested.emit(name.strip())

    def _ask_rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(
            self.window(),
            translate("ClassPalette", "Rename class"),
            translate("ClassPalette", "New name for “{name}”:").format(name=name),
            text=name,
        )
        if ok and new.strip() and new.strip() != name:
            self.renameRequested.emit(name, new.strip())

    def _ask_color(self, name: str) -> None:
        current = next((c for n, c, _ in self._classes if n == name), "#7f7f7f")
        color = QColorDialog.getColor(
            QColor(current), self.window(), translate("ClassPalette", "Colour of “{name}”").format(name=name)
        )
        if color.isValid():
            self.recolorRequested.emit(name, color.name())

    def ask_delete(self, name: str) -> None:
        """Delete a class; if it has drawings, first ask whether to move them or delete them."""
        count = next((k for n, _, k in self._classes if n == name), 0)
        if count == 0:
            self.deleteRequested.emit(name, None)
            return
        others = [n for n, _, _ in self._classes if n != name]
        dialog = DeleteClassDialog(name, count, others, self.window())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.deleteRequested.emit(name, dialog.choice())


def _label(index: int, name: str, count) -> str:
    """A class button's text: its key (classes 1-9), its name and its count."""
    key = f"{index + 1}  " if index < 9 else ""
    return f"{key}{name}  ({count})"
