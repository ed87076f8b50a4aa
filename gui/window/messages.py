"""What the main window tells the user: warning and error boxes, the shortcut list, the about box, the
training status line; the words about the model and its runs come from `gui.core.model_state`."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QMessageBox, QTextBrowser, QVBoxLayout

from gui.core.dataset import StateError
from gui.core.model_state import DIVERGING_STATUS
from gui.text import QT_TRANSLATE_NOOP, translate

from .menus import SHORTCUTS

TRAINING_STATUS = {
    "preparing": QT_TRANSLATE_NOOP("Messages", "Preparing the drawings for training…"),
    "running": QT_TRANSLATE_NOOP("Messages", "Training…"),
    "paused": QT_TRANSLATE_NOOP("Messages", "Training paused."),
    "stopping": QT_TRANSLATE_NOOP("Messages", "Stopping…"),
}


class Messages(QObject):
    """Message boxes and status-bar texts for `window` (a `MainWindow`)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window

    def status(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def warn(self, title: str, text: str) -> None:
        self.status(text.splitlines()[0], 8000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("warningBox")
        box.open()

    def info(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("infoBox")
        box.open()

    def error(self, title: str, text: str) -> None:
        self.status(text.splitlines()[0], 10000)
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("errorBox")
        box.open()

    def guard(self, fn, *args):
        """Run a state change; a refused request or a disk error becomes a message, not a crash."""
        try:
            return fn(*args)
        except StateError as exc:
            self.warn(translate("Messages", "Not possible"), str(exc))
        except OSError as exc:
            st = self.window.state
            self.error(
                translate("Messages", "Could not write the dataset"),
                f"{st.path or st.own_file_path()}: {exc}",
            )
        return False

    def report_problems(self, problems: list) -> None:
        shown = "\n".join(str(p) for p in problems[:12])
        more = ""
        if len(problems) > 12:
            more = translate("Messages", "\n… and {count} more").format(count=len(problems) - 12)
        backup = self.window.state.backup_path
        keep = translate(
            "Messages",
            "\n\nA copy of the file as it was is kept at {backup}, so nothing is lost.",
        ).format(backup=backup) if backup else ""
        self.warn(
            translate("Messages", "Some lines could not be read"),
            translate(
                "Messages",
                "{count} line{s} skipped (file:line: problem):\n{problems}{more}\n\n"
                "Every other drawing loaded.{keep}",
            ).format(
                count=len(problems), s="s" if len(problems) != 1 else "", problems=shown, more=more, keep=keep
            ),
        )

    def training_state(self, state: str) -> None:
        """The status line for a training state ("preparing", "running", "paused", "stopping", "idle")."""
        text = TRAINING_STATUS.get(state)
        if text:
            self.status(translate("Messages", text))
        else:
            self.window.statusBar().clearMessage()

    def training_message(self, level: str, text: str) -> None:
        """A message of the training controller (its words come from the model state), in the training
        panel; a diverging run also says so in the status line and the progress bar."""
        w = self.window
        ms = w.model_state
        if level == "warning" and ms.diverged:
            if ms.blowing_up:
                w.training_panel.show_diverging()
            self.status(translate("ModelState", DIVERGING_STATUS))
        w.training_panel.show_message(text, level)

    def show_shortcuts(self) -> None:
        rows = []
        for key, what in SHORTCUTS:
            key, what = translate("Menus", key), translate("Menus", what)  # marked in menus.py
            if not what:
                rows.append(f"<tr><td colspan=2><br><b>{key}</b></td></tr>")
            else:
                rows.append(f"<tr><td style='padding-right:16px'><code>{key}</code></td><td>{what}</td></tr>")
        dialog = QDialog(self.window)
        dialog.setWindowTitle(translate("Messages", "Keyboard shortcuts"))
        view = QTextBrowser()
        view.setAccessibleName(
            translate("Messages", "Keyboard shortcuts, one per row: the keys, then what they do")
        )
        view.setHtml("<table>" + "".join(rows) + "</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(480, 640)
        dialog.open()

    def show_about(self) -> None:
        from .exports import show_about  # version, licence and the libraries used

        show_about(self.window)
