"""What the main window tells the user: warning and error boxes, the shortcut list, the about box, the
training status line and the divergence explanation."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QMessageBox, QTextBrowser, QVBoxLayout

from gui.core.dataset import StateError

from .menus import SHORTCUTS

TRAINING_STATUS = {
    "preparing": "Preparing the drawings for training…",
    "running": "Training…",
    "paused": "Training paused.",
    "stopping": "Stopping…",
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
            self.warn("Not possible", str(exc))
        except OSError as exc:
            st = self.window.state
            self.error("Could not write the dataset", f"{st.path or st.own_file_path()}: {exc}")
        return False

    def report_problems(self, problems: list) -> None:
        shown = "\n".join(str(p) for p in problems[:12])
        more = f"\n… and {len(problems) - 12} more" if len(problems) > 12 else ""
        backup = self.window.state.backup_path
        keep = f"\n\nA copy of the file as it was is kept at {backup}, so nothing is lost." if backup else ""
        self.warn(
            "Some lines could not be read",
            f"{len(problems)} line{'s' if len(problems) != 1 else ''} skipped (file:line: problem):\n"
            f"{shown}{more}\n\nEvery other drawing loaded.{keep}",
        )

    def training_state(self, state: str) -> None:
        """The status line for a training state ("preparing", "running", "paused", "stopping", "idle")."""
        text = TRAINING_STATUS.get(state)
        if text:
            self.status(text)
        else:
            self.window.statusBar().clearMessage()

    def training_message(self, level: str, text: str) -> None:
        """A message of the training controller, in the training panel; a diverging run is explained."""
        w = self.window
        rec = w.controller.last_record
        if level == "warning" and rec is not None and w.controller.diverged:
            lr = rec.lr
            if rec.kind == "diverged":  # the engine ended the run: the loss is no longer a number
                what = (
                    f"the loss became {rec.loss} (not a finite number) at step {rec.step + 1}. The model "
                    "keeps its last weights that gave a finite loss."
                )
                todo = "press Train to continue from those weights"
            else:  # the controller paused the run: the loss is exploding
                what = (
                    f"the loss shot up to {rec.loss:.3g} at step {rec.step}, far above "
                    f"{math.log(max(2, len(w.controller.classes))):.2f}, the loss of pure guessing."
                )
                todo = "press Stop, then Train to continue with the new rate"
                w.training_panel.show_diverging()
            text = (
                f"Training paused because it is diverging: {what} The learning rate ({lr:g}) is so big "
                f"that each step overshoots and the weights blow up.\nWhat to try: lower the learning rate "
                f"(say {lr / 10:g}) and {todo}, or Reset weights to start again."
            )
            self.status("Training paused: the loss is diverging. Lower the learning rate.")
        w.training_panel.show_message(text, level)

    def show_shortcuts(self) -> None:
        rows = []
        for key, what in SHORTCUTS:
            if not what:
                rows.append(f"<tr><td colspan=2><br><b>{key}</b></td></tr>")
            else:
                rows.append(f"<tr><td style='padding-right:16px'><code>{key}</code></td><td>{what}</td></tr>")
        dialog = QDialog(self.window)
        dialog.setWindowTitle("Keyboard shortcuts")
        view = QTextBrowser()
        view.setHtml("<table>" + "".join(rows) + "</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(480, 640)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self.window,
            "About ShapeLab",
            "<h3>ShapeLab</h3><p>Draw squares, triangles, circles and other shapes, label them, and watch a "
            "small convolutional network learn to tell them apart: the loss falls, the filters sharpen, the "
            "feature maps of your drawing light up.</p><p>The network is written from scratch in NumPy; the "
            "window is Qt (PySide6) with pyqtgraph plots.</p>"
            f"<p>Your drawings and settings are kept in<br><code>{self.window.data_dir}</code></p>",
        )
