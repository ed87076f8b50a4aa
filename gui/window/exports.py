"""The main window's exports: Model › Export… (ONNX, TensorFlow.js, PyTorch, each checked before it is
written), File › Export report… (the one-file HTML training report) and the File › Export submenu (PNG and
CSV of the training curves, filters, feature maps and prediction), and the About box.

Model exports and reports run on the window's JobRunner (a copy of the model, its file `extra` and the
drawings are handed over), so the window stays responsive; the outcome comes back as `finished(kind, ok,
message)` in the GUI thread.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

import engine
from engine.export import ONNX_INSTALL_HINT, export_model, onnx_available
from gui.export_commands import app_version, library_versions
from gui.panels._export import ask_csv, ask_png
from gui.report import ReportInput, build_report, history_from_extra, write_report
from gui.text import QT_TRANSLATE_NOOP, translate

FORMAT_FILTERS = {
    "onnx": QT_TRANSLATE_NOOP("Exports", "ONNX model (*.onnx)"),
    "tfjs": QT_TRANSLATE_NOOP("Exports", "TensorFlow.js folder for Teachable Machine and ml5 (*)"),
    "torch": QT_TRANSLATE_NOOP("Exports", "PyTorch: weights .npz + loader .py (*.py)"),
}
MODEL_KIND, REPORT_KIND = "model-export", "report"  # JobRunner kinds
FORMAT_NAMES = {"onnx": "ONNX", "tfjs": "TensorFlow.js", "torch": "PyTorch"}


class Exports(QObject):
    """See the module docstring. `finished(kind, ok, message)`: kind is "model" or "report"."""

    finished = Signal(str, bool, str)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.finished.connect(self._on_finished)

    # -- menus ---------------------------------------------------------------------------------------

    def add_menu_entries(self, file_menu: QMenu, model_menu: QMenu, before: QAction | None = None) -> None:
        """File › Export report… and the File › Export submenu (before `before`, e.g. Quit), and
        Model › Export…"""
        w = self.window
        report = QAction(translate("Exports", "Export &report…"), w)
        report.setStatusTip(translate(
            "Exports",
            "One HTML file with the dataset, the run, the results, the filters and a model card",
        ))
        report.triggered.connect(self.export_report_dialog)
        sub = QMenu("E&xport", w)
        sub.setObjectName("exportMenu")
        for title, panel in ((translate("Exports", "Training curves"), w.plots),
                             (translate("Exports", "Filters"), w.filters),
                             (translate("Exports", "Feature maps"), w.feature_maps),
                             (translate("Exports", "Prediction"), w.prediction)):
            png = sub.addAction(
                translate("Exports", "{title} as PNG…").format(title=title),
                lambda p=panel: ask_png(p),
            )
            png.setStatusTip(translate("Exports", "Save the {value} panel as shown, as a PNG picture").format(
                value=title.lower(),
            ))
            csv = sub.addAction(
                translate("Exports", "{title} as CSV…").format(title=title),
                lambda p=panel: ask_csv(p),
            )
            csv.setStatusTip(translate(
                "Exports",
                "Save the numbers of the {value} panel as a CSV table",
            ).format(value=title.lower()))
        file_menu.insertAction(before, report)
        file_menu.insertMenu(before, sub)
        file_menu.insertSeparator(before)
        model = QAction(translate("Exports", "&Export…"), w)
        model.setStatusTip(translate(
            "Exports",
            "Export the model as ONNX, TensorFlow.js or PyTorch (checked before it is written)",
        ))
        model.triggered.connect(self.export_model_dialog)
        model_menu.insertAction(model_menu.actions()[2] if len(model_menu.actions()) > 2 else None, model)
        self.report_action, self.model_action, self.export_menu = report, model, sub

    # -- model export --------------------------------------------------------------------------------

    def export_model_dialog(self) -> None:
        w = self.window
        if self._refuse_when_busy() or not self._has_model():
            return
        filters = ";;".join(translate("Exports", v) for v in FORMAT_FILTERS.values())
        path, chosen = QFileDialog.getSaveFileName(
            w, translate("Exports", "Export model"), str(w.data_dir / "shapelab-model"), filters
        )
        if path:
            shown = {translate("Exports", v): k for k, v in FORMAT_FILTERS.items()}
            fmt = shown.get(chosen, "onnx")
            self.export_model_to(fmt, path)

    def export_model_to(self, fmt: str, path: str) -> bool:
        """Starts exporting the app's model as `fmt` to `path`; False if it cannot start (said why)."""
        w = self.window
        if self._refuse_when_busy() or not self._has_model():
            return False
        if fmt == "onnx" and not onnx_available():
            w.messages.warn(translate("Exports", "ONNX export needs two more packages"),
                            translate(
                                "Exports",
                                "ONNX export uses the optional packages onnx and onnxruntime, which are "
                                "not installed. Install them with:\n\n    "
                                "{ONNX_INSTALL_HINT}\n\nTensorFlow.js and PyTorch exports work without "
                                "them.",
                            ).format(ONNX_INSTALL_HINT=ONNX_INSTALL_HINT))
            return False
        ms = w.model_state  # its model is only changed in the GUI thread: a copy is consistent
        model, classes, extra = ms.model.copy(), list(ms.classes), ms.extra().to_json()
        if fmt == "onnx" and not path.lower().endswith(".onnx"):
            path += ".onnx"

        def job(*, should_stop) -> str:
            with tempfile.TemporaryDirectory(prefix="shapelab-export-") as tmp:
                source = Path(tmp) / "model.npz"
                engine.save_model(source, model, classes, extra=extra)
                result = export_model(source, fmt, path)
            return (translate(
                "Exports",
                "Exported the model as {value} — checked on {samples} drawings ({checked}",
            ).format(value=FORMAT_NAMES[fmt], samples=result.samples, checked=result.checked)
                    + (translate("Exports", ", largest difference {max_diff:.1e}").format(
                        max_diff=result.max_diff,
                    ) if result.max_diff is not None else "")
                    + "):\n" + "\n".join(result.paths))

        return self._start(
            MODEL_KIND, job, translate("Exports", "Exporting the model as {format}…").format(
                format=FORMAT_NAMES[fmt]
            )
        )

    # -- report --------------------------------------------------------------------------------------

    def export_report_dialog(self) -> None:
        w = self.window
        if self._refuse_when_busy() or not self._has_model():
            return
        path, _ = QFileDialog.getSaveFileName(
            w, translate("Exports", "Export report"), str(w.data_dir / "shapelab-report.html"),
            translate("Exports", "HTML report (*.html)"),
        )
        if path:
            self.export_report_to(path)

    def export_report_to(self, path: str) -> bool:
        """Starts writing the report on the app's model and dataset to `path`."""
        w = self.window
        if self._refuse_when_busy() or not self._has_model():
            return False
        ms, st = w.model_state, w.state
        drawings = list(st.drawings)
        if not drawings:
            w.messages.warn(
                translate("Exports", "Nothing to report"),
                translate("Exports", "The dataset has no drawings yet."),
            )
            return False
        model, classes, extra = ms.model.copy(), list(ms.classes), ms.extra().to_json()
        name = st.display_name()
        size = model.input_shape[-1]

        def job(*, should_stop) -> str:
            X = engine.rasterize_many(drawings, size=size, should_stop=should_stop)
            inp = ReportInput(model=model, classes=classes, meta={"extra": extra},
                              model_name=translate("Exports", "the model in ShapeLab"),
                              X=X,
                              labels=[d.label for d in drawings],
                              drawings=drawings,
                              sources=[translate("Exports", "drawing {number}").format(number=k + 1)
                                       for k in range(len(drawings))],
                              data_names=[name], history=history_from_extra(extra),
                              generated_by=translate(
                                  "Exports",
                                  "ShapeLab {value}").format(value=app_version()),
                              )
            write_report(path, build_report(inp))
            return translate("Exports", "Report written to {path}").format(path=path)

        return self._start(REPORT_KIND, job, translate("Exports", "Writing the report…"))

    # -- running ----------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return any(self.window.jobs.is_busy(kind) for kind in (MODEL_KIND, REPORT_KIND))

    def _start(self, kind: str, job, status: str) -> bool:
        self.window.messages.status(status)
        self.window.jobs.submit(kind, job, on_done=lambda message: self.finished.emit(kind, True, message),
                                on_failed=lambda message: self.finished.emit(kind, False, message))
        return True

    def _on_finished(self, kind: str, ok: bool, message: str) -> None:
        m = self.window.messages
        if ok:
            m.status(message.splitlines()[0], 10000)
        else:
            title = translate(
                "Exports",
                "Could not export the model") if kind == MODEL_KIND else translate("Exports",
                "Could not write the report",
            )
            m.error(title, message)

    def _refuse_when_busy(self) -> bool:
        if self.busy:
            self.window.messages.warn(
                translate("Exports", "Export running"),
                translate("Exports", "Wait for the export that is running to finish."),
            )
            return True
        return False

    def _has_model(self) -> bool:
        if self.window.model_state.model is None:
            self.window.messages.warn(
                translate("Exports", "No model"),
                translate("Exports", "There is no model yet: add drawings and train first."),
            )
            return False
        return True


def about_html(data_dir) -> str:
    """The About box's text: version, licence, the libraries and their versions."""
    libs = "".join(f"<li>{name} {ver or '(not installed; optional, for ONNX export)'}</li>"
                   for name, ver in library_versions().items())
    return (
        translate(
            "Exports",
            "<h3>ShapeLab {value}</h3><p>Draw squares, triangles, circles and other shapes, label them, "
            "and watch a small convolutional network learn to tell them apart: the loss falls, the filters "
            "sharpen, the feature maps of your drawing light up.</p><p>The network is written from scratch "
            "in NumPy; the window is Qt (PySide6) with pyqtgraph plots.</p><p><b>Licence:</b> "
            "MIT.</p><p><b>Libraries used:</b></p><ul>{libs}</ul><p>Your drawings and settings are kept "
            "in<br><code>{data_dir}</code></p>",
        ).format(value=app_version(), libs=libs, data_dir=data_dir)
    )


def show_about(window: QMainWindow) -> None:
    QMessageBox.about(window, translate("Exports", "About ShapeLab"), about_html(window.data_dir))
