"""Model › Compare…: model files on disk side by side on the open dataset — accuracy, per class, per drawer.

The same numbers as `python main.py evaluate A.npz B.npz DATA` (`gui.data_commands.compare_models`),
computed in a background thread (rasterising a large dataset takes a while) and shown in two tables.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from engine import ModelFileError, load_model
from gui.data_commands import compare_models
from gui.text import translate


def _pct(value) -> str:
    return "—" if value is None else f"{value:.1%}"


class CompareDialog(QDialog):
    """Pick model files; each is evaluated on `drawings` (the open dataset as shown)."""

    def __init__(self, drawings, dataset_name: str, start_dir: str, parent=None):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(translate("CompareDialog", "Compare models"))
        self.resize(760, 440)
        self._drawings = list(drawings)
        self._start_dir = start_dir
        self._paths: list[str] = []
        self._result: list | None = None
        self._error: str | None = None
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._check_done)

        intro = QLabel(
            translate(
                "CompareDialog",
                "Each model on the {value:,} drawings of {dataset_name}: the share it classifies right, "
                "overall, per class (rows: models; “n/a”: a class the model does not know) and per drawer. "
                "Drawings of classes a model does not know are not counted for it.",
            ).format(value=len(self._drawings), dataset_name=dataset_name)
        )
        intro.setWordWrap(True)
        self.status = QLabel(translate("CompareDialog", "Add model files (.npz) to compare."))
        self.status.setObjectName("compareStatus")
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("compareTable")
        self.table.setToolTip(
            translate("CompareDialog", "Accuracy of each model on the open dataset, overall and per class")
        )
        self.drawer_table = QTableWidget(0, 0)
        self.drawer_table.setObjectName("compareDrawerTable")
        self.drawer_table.setToolTip(
            translate("CompareDialog", "Accuracy per drawer (the \"drawer\" key of the drawings)")
        )
        self.drawer_label = QLabel(translate("CompareDialog", "Per drawer"))
        add = QPushButton(translate("CompareDialog", "Add model files…"))
        add.clicked.connect(self._ask_files)
        clear = QPushButton(translate("CompareDialog", "Clear"))
        clear.clicked.connect(lambda: self.set_models([]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(clear)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.drawer_label)
        layout.addWidget(self.drawer_table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.drawer_label.hide()
        self.drawer_table.hide()

    def _ask_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            translate("CompareDialog", "Models to compare"),
            self._start_dir,
            translate("CompareDialog", "Models (*.npz)"),
        )
        if paths:
            self.set_models(self._paths + [p for p in paths if p not in self._paths])

    def set_models(self, paths: list[str]) -> None:
        """Compare these model files (read and evaluated in a background thread)."""
        self._paths = list(paths)
        if not self._paths:
            self._show([])
            self.status.setText(translate("CompareDialog", "Add model files (.npz) to compare."))
            return
        if self._thread is not None:  # one at a time; the newest list is computed next
            return
        self.status.setText(translate(
            "CompareDialog",
            "Evaluating {value} models on {value2:,} drawings…",
        ).format(value=len(self._paths), value2=len(self._drawings)))
        paths = list(self._paths)
        self._thread = threading.Thread(target=self._work, args=(paths,), daemon=True, name="compare models")
        self._thread.start()
        self._timer.start()

    def _work(self, paths: list[str]) -> None:
        loaded, problems = [], []
        for p in paths:
            try:
                loaded.append((Path(p).name, load_model(p)))
            except (ModelFileError, OSError) as exc:
                problems.append(str(exc))
        try:
            result = compare_models(loaded, self._drawings) if loaded else []
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, the app stays up
            result, problems = [], [*problems, str(exc)]
        self._result, self._error = (result, paths), "\n".join(problems) or None

    def busy(self) -> bool:
        return self._thread is not None

    def _check_done(self) -> None:
        if self._thread is None or self._thread.is_alive():
            return
        self._thread = None
        self._timer.stop()
        result, paths = self._result
        self._show(result)
        text = translate("CompareDialog", "{value} model{value2} on {value3:,} drawings.").format(
            value=len(result),
            value2='s' if len(result) != 1 else '',
            value3=len(self._drawings),
        )
        if self._error:
            text += translate("CompareDialog", "\nNot read: {error}").format(error=self._error)
        self.status.setText(text)
        if paths != self._paths:
            self.set_models(self._paths)

    def _show(self, results: list) -> None:
        classes: list[str] = []
        for r in results:
            classes += [c for c in r["classes"] if c not in classes]
        cols = [translate("CompareDialog", "accuracy"), *classes, "n"]
        self.table.clear()
        self.table.setRowCount(len(results))
        self.table.setColumnCount(len(cols))
        self.table.setHorizontalHeaderLabels(cols)
        self.table.setVerticalHeaderLabels([r["model"] for r in results])
        for i, r in enumerate(results):
            cells = [_pct(r["accuracy"]), *(_pct(r["per_class"].get(c)) if c in r["classes"] else "n/a"
                                            for c in classes), f"{r['n']:,}"]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        drawers = sorted({d for r in results for d in r["per_drawer"]})
        self.drawer_label.setVisible(bool(drawers))
        self.drawer_table.setVisible(bool(drawers))
        self.drawer_table.clear()
        self.drawer_table.setRowCount(len(results))
        self.drawer_table.setColumnCount(len(drawers))
        self.drawer_table.setHorizontalHeaderLabels(drawers)
        self.drawer_table.setVerticalHeaderLabels([r["model"] for r in results])
        for i, r in enumerate(results):
            for j, d in enumerate(drawers):
                entry = r["per_drawer"].get(d)
                text = "—" if entry is None else f"{entry['accuracy']:.1%} ({entry['n']})"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.drawer_table.setItem(i, j, item)
        self.drawer_table.resizeColumnsToContents()
        self.drawer_label.setText(translate("CompareDialog", "Per drawer: accuracy (drawings)"))

    def done(self, code: int) -> None:
        if self._thread is not None:
            self._thread.join()  # short: a model file and one pass over the drawings
        self._timer.stop()
        super().done(code)


def show_compare(window) -> CompareDialog:
    """Open Model › Compare… for `window` (a MainWindow) on its dataset as shown."""
    dialog = CompareDialog(window.state.drawings, window.state.display_name(), str(window.data_dir), window)
    window.compare_dialog = dialog
    dialog.open()
    return dialog
