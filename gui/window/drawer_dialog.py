"""The drawer-name dialog: the student picks the name stored with every drawing they add, once, at the first
start (and changes it under File › Your drawer name…). Empty is allowed: the drawings are then marked
"anonymous"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.datafile import ANONYMOUS_DRAWER, MAX_DRAWER_LENGTH, clean_drawer_name
from gui.text import QT_TRANSLATE_NOOP, translate

INTRO = QT_TRANSLATE_NOOP(
    "DrawerNameDialog",
    "<b>Who is drawing?</b><br>Pick a name for your drawings: a nickname is fine, no real name needed. "
    "It is saved with every drawing you add. When a class pools its drawings, the model can then be "
    "tested on people it has never seen, and results can be shown per person.",
)
LATER = QT_TRANSLATE_NOOP(
    "DrawerNameDialog",
    "You can change it at any time under File › Your drawer name…. Leave it empty to stay anonymous.",
)


class DrawerNameDialog(QDialog):
    """A small dialog with one line for the name; `name()` is what is stored ("anonymous" when empty)."""

    def __init__(self, current: str, suggestion: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drawerDialog")
        self.setWindowTitle(translate("DrawerNameDialog", "Your drawer name"))
        intro = QLabel(translate("DrawerNameDialog", INTRO))
        intro.setWordWrap(True)
        self.edit = QLineEdit(current if current and current != ANONYMOUS_DRAWER else suggestion)
        self.edit.setObjectName("drawerName")
        self.edit.setMaxLength(MAX_DRAWER_LENGTH)
        self.edit.setPlaceholderText(ANONYMOUS_DRAWER)
        self.edit.setToolTip(translate(
            "DrawerNameDialog",
            "Stored as the key \"drawer\" of each drawing you add (at most {count} characters)",
        ).format(count=MAX_DRAWER_LENGTH))
        self.edit.selectAll()
        later = QLabel(translate("DrawerNameDialog", LATER))
        later.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(translate("DrawerNameDialog", "Use this name"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.anonymous_button = QPushButton(translate("DrawerNameDialog", "Stay anonymous"))
        self.anonymous_button.setToolTip(
            translate("DrawerNameDialog", 'Your drawings are marked "anonymous"'))
        buttons.addButton(self.anonymous_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.accept)
        self.anonymous_button.clicked.connect(self._anonymous)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(later)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _anonymous(self) -> None:
        self.edit.clear()
        self.accept()

    def name(self) -> str:
        """The name as stored: trimmed, one line; "anonymous" when left empty."""
        return clean_drawer_name(self.edit.text()) or ANONYMOUS_DRAWER
