"""The main window's exports: Model › Export… (ONNX, TensorFlow.js, PyTorch, each checked before it is
written), File › Export report… (the one-file HTML training report) and the File › Export submenu (PNG and
CSV of the training curves, filters, feature maps and prediction), and the About box.

Model exports and reports run in a worker thread (a copy of the model and of the drawings is handed over),
so the window stays responsive; the result comes back through the queued `finished` signal as plain data.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

import engine
from engine.export import ONNX_INSTALL_HINT, ExportError, export_model, onnx_available
from gui.export_commands import app_version, library_versions
from gui.panels._export import ask_csv, ask_png
from gui.report import ReportInput, build_report, write_report

FORMAT_FILTERS = {
    "onnx": "ONNX model (*.onnx)",
    "tfjs": "TensorFlow.js folder for Teachable Machine and ml5 (*)",
    "torch": "PyTorch: weights .npz + loader .py (*.py)",
}
CURVES_NOTE = ("The latest run's curves as the app plotted them: the training loss and accuracy smoothed "
               "over mini-batches, the validation figures after each epoch.")
FORMAT_NAMES = {"onnx": "ONNX", "tfjs": "TensorFlow.js", "torch": "PyTorch"}


class Exports(QObject):
    """See the module docstring. `finished(kind, ok, message)`: kind is "model" or "report"."""

    finished = Signal(str, bool, str)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._thread: threading.Thread | None = None
        self.finished.connect(self._on_finished)

    # -- menus ---------------------------------------------------------------------------------------

    def add_menu_entries(self, file_menu: QMenu, model_menu: QMenu, before: QAction | None = None) -> None:
        """File › Export report… and the File › Export submenu (before `before`, e.g. Quit), and
        Model › Export…"""
        w = self.window
        report = QAction("Export &report…", w)
        report.setStatusTip("One HTML file with the dataset, the run, the results, the filters and a "
                            "model card")
        report.triggered.connect(self.export_report_dialog)
        sub = QMenu("E&xport", w)
        sub.setObjectName("exportMenu")
        for title, panel in (("Training curves", w.plots), ("Filters", w.filters),
                             ("Feature maps", w.feature_maps), ("Prediction", w.prediction)):
            png = sub.addAction(f"{title} as PNG…", lambda p=panel: ask_png(p))
            png.setStatusTip(f"Save the {title.lower()} panel as shown, as a PNG picture")
            csv = sub.addAction(f"{title} as CSV…", lambda p=panel: ask_csv(p))
            csv.setStatusTip(f"Save the numbers of the {title.lower()} panel as a CSV table")
        file_menu.insertAction(before, report)
        file_menu.insertMenu(before, sub)
        file_menu.insertSeparator(before)
        model = QAction("&Export…", w)
        model.setStatusTip("Export the model as ONNX, TensorFlow.js or PyTorch (checked before it is "
                           "written)")
        model.triggered.connect(self.export_model_dialog)
        model_menu.insertAction(model_menu.actions()[2] if len(model_menu.actions()) > 2 else None, model)
        self.report_action, self.model_action, self.export_menu = report, model, sub

    # -- model export --------------------------------------------------------------------------------

    def export_model_dialog(self) -> None:
        w = self.window
        if self._refuse_when_busy() or not self._has_model():
            return
        filters = ";;".join(FORMAT_FILTERS.values())
        path, chosen = QFileDialog.getSaveFileName(w, "Export model", str(w.data_dir / "shapelab-model"),
                                                   filters)
        if path:
            fmt = next(k for k, v in FORMAT_FILTERS.items() if v == chosen) if chosen else "onnx"
            self.export_model_to(fmt, path)

    def export_model_to(self, fmt: str, path: str) -> bool:
        """Starts exporting the app's model as `fmt` to `path`; False if it cannot start (said why)."""
        w = self.window
        if self._refuse_when_busy() or not self._has_model():
            return False
        if fmt == "onnx" and not onnx_available():
            w.messages.warn("ONNX export needs two more packages",
                            "ONNX export uses the optional packages onnx and onnxruntime, which are not "
                            f"installed. Install them with:\n\n    {ONNX_INSTALL_HINT}\n\nTensorFlow.js and "
                            "PyTorch exports work without them.")
            return False
        c = w.controller
        model, classes = c.model.copy(), list(c.classes)  # the worker trains its own copy: this is safe
        extra = {"preset": c.preset, "steps": c.steps_done}
        if fmt == "onnx" and not path.lower().endswith(".onnx"):
            path += ".onnx"

        def job() -> str:
            with tempfile.TemporaryDirectory(prefix="shapelab-export-") as tmp:
                source = Path(tmp) / "model.npz"
                engine.save_model(source, model, classes, extra=extra)
                result = export_model(source, fmt, path)
            return (f"Exported the model as {FORMAT_NAMES[fmt]} — checked on {result.samples} drawings "
                    f"({result.checked}"
                    + (f", largest difference {result.max_diff:.1e}" if result.max_diff is not None else "")
                    + "):\n" + "\n".join(result.paths))

        return self._start("model", job, f"Exporting the model as {FORMAT_NAMES[fmt]}…")

    # -- report --------------------------------------------------------------------------------------

    def export_report_dialog(self) -> None:
        w = self.window
        if self._refuse_when_busy() or not self._has_model():
            return
        path, _ = QFileDialog.getSaveFileName(w, "Export report", str(w.data_dir / "shapelab-report.html"),
                                              "HTML report (*.html)")
        if path:
            self.export_report_to(path)

    def export_report_to(self, path: str) -> bool:
        """Starts writing the report on the app's model and dataset to `path`."""
        w = self.window
        if self._refuse_when_busy() or not self._has_model():
            return False
        c, st = w.controller, w.state
        drawings = list(st.drawings)
        if not drawings:
            w.messages.warn("Nothing to report", "The dataset has no drawings yet.")
            return False
        model, classes = c.model.copy(), list(c.classes)
        settings = w.training_panel.settings().as_dict()
        extra = {"preset": c.preset, "steps": c.steps_done, "epochs": settings["epochs"],
                 "batch": settings["batch_size"], "lr": settings["lr"], "optimizer": settings["optimizer"],
                 "augment": settings["augment"], "val_split": settings["val_split"], "seed": settings["seed"]}
        history = self._history()
        name = st.display_name() if hasattr(st, "display_name") else "the dataset"
        extra["trained_on"] = [name]
        rec = c.last_record
        if rec is not None and rec.elapsed:
            extra["elapsed"] = rec.elapsed  # the latest run's
        size = model.input_shape[-1]

        def job() -> str:
            X = engine.rasterize_many(drawings, size=size)
            inp = ReportInput(model=model, classes=classes, meta={"extra": extra},
                              model_name="the model in ShapeLab", X=X, labels=[d.label for d in drawings],
                              drawings=drawings, sources=[f"drawing {k + 1}" for k in range(len(drawings))],
                              data_names=[name], history=history, generated_by=f"ShapeLab {app_version()}",
                              curves_note=CURVES_NOTE)
            write_report(path, build_report(inp))
            return f"Report written to {path}"

        return self._start("report", job, "Writing the report…")

    def _history(self) -> dict | None:
        """The latest run's curves from the plots panel, as the report wants them (accuracy 0–1)."""
        plots = self.window.plots
        if not plots.run_labels:
            return None
        out = {}
        for key, name, scale in (("loss_smooth", "loss", 1.0), ("acc_smooth", "accuracy", 0.01),
                                 ("val_loss", "val_loss", 1.0), ("val_acc", "val_accuracy", 0.01)):
            x, y = plots.series(key)
            if len(x):
                keep = np.unique(np.linspace(0, len(x) - 1, min(len(x), 200)).round().astype(int))
                out[name] = (x[keep].tolist(), (y[keep] * scale).tolist())
        return out or None

    # -- running ----------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Waits for a running export (the window calls this before it closes)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _start(self, kind: str, job, status: str) -> bool:
        def run() -> None:
            try:
                message, ok = job(), True
            except (ExportError, engine.ModelFileError, OSError, ValueError) as exc:
                message, ok = str(exc), False
            self.finished.emit(kind, ok, message)  # queued to the GUI thread

        self.window.messages.status(status)
        self._thread = threading.Thread(target=run, name=f"shapelab-export-{kind}")
        self._thread.start()
        return True

    def _on_finished(self, kind: str, ok: bool, message: str) -> None:
        m = self.window.messages
        if ok:
            m.status(message.splitlines()[0], 10000)
        else:
            title = "Could not export the model" if kind == "model" else "Could not write the report"
            m.error(title, message)

    def _refuse_when_busy(self) -> bool:
        if self.busy:
            self.window.messages.warn("Export running", "Wait for the export that is running to finish.")
            return True
        return False

    def _has_model(self) -> bool:
        if self.window.controller.model is None:
            self.window.messages.warn("No model", "There is no model yet: add drawings and train first.")
            return False
        return True


def about_html(data_dir) -> str:
    """The About box's text: version, licence, the libraries and their versions."""
    libs = "".join(f"<li>{name} {ver or '(not installed; optional, for ONNX export)'}</li>"
                   for name, ver in library_versions().items())
    return (
        f"<h3>ShapeLab {app_version()}</h3><p>Draw squares, triangles, circles and other shapes, label them, "
        "and watch a small convolutional network learn to tell them apart: the loss falls, the filters "
        "sharpen, the feature maps of your drawing light up.</p><p>The network is written from scratch in "
        "NumPy; the window is Qt (PySide6) with pyqtgraph plots.</p>"
        f"<p><b>Licence:</b> MIT.</p><p><b>Libraries used:</b></p><ul>{libs}</ul>"
        f"<p>Your drawings and settings are kept in<br><code>{data_dir}</code></p>"
    )


def show_about(window: QMainWindow) -> None:
    QMessageBox.about(window, "About ShapeLab", about_html(window.data_dir))
