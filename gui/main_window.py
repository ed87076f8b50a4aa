"""The main window: assembles the panels, wires them to the state and the training controller, in one place.

Nothing here renders, loads or trains by itself: panels draw, `DatasetState` owns the data file,
`TrainingController` owns the model and the worker thread, `LivePredictor` runs the model on the canvas
drawing. The window connects their signals and keeps menus, the status bar and QSettings.

Layout: the canvas, prediction and classes on the left; the training controls and the live plots in the
middle; filters and feature maps on the right; the gallery at the bottom. Each is a dock (movable,
closable from View, layout saved between runs).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engine import DrawingStore, ModelFileError, load_model, read_ndjson, save_model

from .canvas import CanvasPanel
from .class_palette import ClassPalette
from .core.dataset import DatasetState, StateError
from .gallery import Gallery
from .panels._common import SteadyLabel
from .panels.feature_maps import FeatureMapsPanel
from .panels.filters import FiltersPanel
from .panels.plots import TrainingPlots
from .panels.prediction import PredictionPanel
from .training import INPUT_SIZE, LivePredictor, TrainingController, TrainSettings
from .training_panel import TrainingPanel

MAX_RECENT = 8
# Dataset files larger than this (~40 ms to read: 800 drawings with timestamps, 6,000 simplified ones) are
# read in a worker thread.
LARGE_DATASET_BYTES = 1_000_000
RECORD_HZ = 10  # training records reach the plots and the progress bar at most this often

SHORTCUTS = [
    ("Drawing (canvas focused)", ""),
    ("1 – 9", "Add the drawing to class 1 – 9 (saved at once)"),
    ("Esc", "Clear the canvas"),
    ("Ctrl+Z", "Undo the last stroke"),
    ("Ctrl+Shift+Z", "Redo"),
    ("Gallery (gallery focused)", ""),
    ("Del", "Delete the selected drawings"),
    ("Ctrl+Z", "Undo the last delete or move"),
    ("Ctrl+A", "Select all shown drawings"),
    ("Double-click", "Open a drawing in the canvas"),
    ("Training", ""),
    ("Ctrl+T", "Train"),
    ("Ctrl+P", "Pause / Resume"),
    ("Ctrl+Shift+S", "Step: train exactly one mini-batch"),
    ("Ctrl+.", "Stop"),
    ("Ctrl+S", "Save the model (drawings are saved as you add them)"),
    ("Windows", ""),
    ("Ctrl+L", "Lessons: the lecture step by step (Right / Left move through a lesson)"),
    ("Ctrl+Shift+Y", "Analysis: what the network learned"),
    ("F1", "This list"),
    ("Files", ""),
    ("Ctrl+N", "New dataset"),
    ("Ctrl+O", "Open a dataset"),
    ("Ctrl+Shift+A", "Save the dataset as…"),
    ("Ctrl+I", "Import drawings or image folders"),
    ("Ctrl+Q", "Quit"),
]


class _Deliver(QObject):
    """Lives in the GUI thread: a job's result or failure reaches `on_done` / `on_failed` there. (A
    signal connected to a plain Python callable would call it in the emitting thread, the job's.)"""

    def __init__(self, on_done, on_failed, parent: QObject):
        super().__init__(parent)
        self._on_done, self._on_failed = on_done, on_failed

    @Slot(object)
    def done(self, result) -> None:
        self._on_done(result)

    @Slot(str)
    def failed(self, text: str) -> None:
        self._on_failed(text)


class _Job(QObject):
    """Runs one function in a QThread (export, reading a large dataset), reporting plain data back."""

    done = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, fn):
        super().__init__()
        self._fn = fn

    def run(self) -> None:
        try:
            self.done.emit(self._fn())
        except Exception as exc:  # reported to the user, the app stays up
            self.failed.emit(str(exc))
        finally:
            self.finished.emit()


class MainWindow(QMainWindow):
    """See the module docstring. Created by `gui.app.create_main_window(data_dir)`."""

    def __init__(
        self, data_dir: str | os.PathLike, settings: QSettings, starter_path: str | os.PathLike | None
    ):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("ShapeLab")
        self.data_dir = Path(data_dir)
        self.settings = settings
        self.state = DatasetState(self.data_dir, starter_path)
        self.controller = TrainingController(self)
        self.predictor = LivePredictor(self.controller, parent=self)
        self._jobs: list[tuple[QThread, _Job]] = []
        self._retired_jobs: list = []
        self._run_count = 0
        self._image_counts: dict[str, int] = {}  # imported image folder -> its images (status bar)
        self._opening: str | None = None  # a large dataset file being read in a worker thread
        self._last_preset: str | None = None
        self._sized = False
        self._layout_restored = False
        self._pending_records: list = []
        self._write_timer = QTimer(self)  # watches background rewrites of the dataset file
        self._write_timer.setInterval(200)
        self._write_timer.timeout.connect(self._check_writes)
        self._lessons_window: QMainWindow | None = None
        self._analysis_window: QMainWindow | None = None
        self.analysis = None  # AnalysisView, once the analysis window was opened
        self.lessons = None  # LessonsView, once the lessons window was opened
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.setInterval(1000 // RECORD_HZ)
        self._record_timer.timeout.connect(self.flush_records)

        # panels
        self.canvas_panel = CanvasPanel()
        self.canvas = self.canvas_panel.canvas
        self.palette = ClassPalette()
        self.gallery = Gallery()
        self.training_panel = TrainingPanel()
        self.plots = TrainingPlots()
        self.filters = FiltersPanel()
        self.feature_maps = FeatureMapsPanel()
        self.prediction = PredictionPanel()

        self._build_docks()
        self._build_menus()
        self._build_status_bar()
        self._wire()
        self._default_layout = self.saveState()
        self._restore_settings()
        self._open_initial_dataset()
        self._model_for_current_classes()
        self.canvas.setFocus()

    # -- construction -------------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea, tip: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        dock.toggleViewAction().setToolTip(tip)
        dock.setToolTip("")
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        left, right, bottom = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.canvas_dock = self._dock(
            "Draw", "canvasDock", self.canvas_panel, left, "The canvas: draw a shape here"
        )
        self.prediction_dock = self._dock(
            "Prediction", "predictionDock", self.prediction, left, "What the network thinks the drawing is"
        )
        self.classes_dock = self._dock(
            "Classes",
            "classesDock",
            self.palette,
            left,
            "The classes, their colours and how many drawings each has",
        )
        self.splitDockWidget(self.canvas_dock, self.classes_dock, Qt.Orientation.Vertical)
        self.splitDockWidget(self.classes_dock, self.prediction_dock, Qt.Orientation.Vertical)
        self.training_dock = self._dock(
            "Training",
            "trainingDock",
            self.training_panel,
            right,
            "Model, settings and the Train / Pause / Step / Stop buttons",
        )
        self.filters_dock = self._dock(
            "Filters", "filtersDock", self.filters, right, "The learned filters of every convolution layer"
        )
        self.feature_maps_dock = self._dock(
            "Feature maps",
            "featureMapsDock",
            self.feature_maps,
            right,
            "What each layer makes of the drawing on the canvas",
        )
        self.splitDockWidget(self.training_dock, self.filters_dock, Qt.Orientation.Vertical)
        self.splitDockWidget(self.filters_dock, self.feature_maps_dock, Qt.Orientation.Vertical)
        self.gallery_dock = self._dock(
            "Gallery", "galleryDock", self.gallery, bottom, "Every drawing in the dataset"
        )
        self.setCentralWidget(self.plots)
        self.docks = [
            self.canvas_dock,
            self.prediction_dock,
            self.classes_dock,
            self.training_dock,
            self.filters_dock,
            self.feature_maps_dock,
            self.gallery_dock,
        ]

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu("&File")
        self._action(
            f,
            "&New dataset…",
            self.new_dataset,
            QKeySequence.StandardKey.New,
            "Start an empty dataset file (the classes are kept)",
        )
        self._action(
            f,
            "&Open…",
            self.open_dataset_dialog,
            QKeySequence.StandardKey.Open,
            "Open a dataset file (NDJSON, Quick, Draw! format)",
        )
        self.recent_menu = f.addMenu("Open &Recent")
        self._action(
            f,
            "Save &As…",
            self.save_as_dialog,
            "Ctrl+Shift+A",
            "Save the drawings to a new file and keep working there",
        )
        f.addSeparator()
        self._action(
            f,
            "&Import drawings or image folders…",
            self.import_dialog,
            "Ctrl+I",
            "Add drawings from NDJSON files, or images from a folder of class folders",
        )
        self._action(
            f,
            "&Export as image folders…",
            self.export_dialog,
            None,
            "Write every drawing as a 28×28 PNG into one folder per class",
        )
        f.addSeparator()
        self._action(
            f,
            "&Quit",
            self.close,
            QKeySequence.StandardKey.Quit,
            "Quit ShapeLab (your drawings are already saved)",
        )

        m = bar.addMenu("&Model")
        self._action(m, "&Open…", self.open_model_dialog, None, "Load a trained model (.npz)")
        self._action(m, "&Save…", self.save_model_dialog, "Ctrl+S", "Save the model and its classes (.npz)")
        m.addSeparator()
        self.train_action = self._action(m, "&Train", self.train, "Ctrl+T", "Train the network")
        self.pause_action = self._action(
            m, "&Pause / Resume", self.toggle_pause, "Ctrl+P", "Pause or resume training"
        )
        self.step_action = self._action(
            m, "S&tep one mini-batch", self.step, "Ctrl+Shift+S", "Train on exactly one mini-batch"
        )
        self.stop_action = self._action(m, "St&op", self.controller.stop, "Ctrl+.", "Stop training")
        m.addSeparator()
        self._action(m, "&Reset weights", self.reset_weights, None, "Fresh random weights")

        v = bar.addMenu("&View")
        for dock in self.docks:
            v.addAction(dock.toggleViewAction())
        v.addSeparator()
        self._action(
            v,
            "&Analysis…",
            self.show_analysis,
            "Ctrl+Shift+Y",
            "What did the network learn: confusions, representations, saliency, dataset health "
            "(a separate window)",
        )
        self._action(
            v,
            "&Lessons…",
            self.show_lessons,
            "Ctrl+L",
            "The lecture step by step, with its numbers and your drawings (a separate window)",
        )
        v.addSeparator()
        self._action(
            v,
            "Clear earlier &runs from the plots",
            self.plots.clear_runs,
            None,
            "Remove the faded curves of earlier runs",
        )
        self._action(v, "Reset &layout", self.reset_layout, None, "Put every panel back where it started")

        h = bar.addMenu("&Help")
        self._action(
            h,
            "&Keyboard shortcuts",
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
            "List the keyboard shortcuts",
        )
        self._action(h, "&About ShapeLab", self.show_about, None, "About ShapeLab")

    def _build_status_bar(self) -> None:
        # fixed-size labels: a new text (every epoch, every saved drawing) repaints them without laying
        # the whole window out again
        self.dataset_label = SteadyLabel()
        self.dataset_label.setObjectName("datasetLabel")
        self.model_label = SteadyLabel()
        self.model_label.setObjectName("modelLabel")
        self.statusBar().addPermanentWidget(self.model_label)
        self.statusBar().addPermanentWidget(self.dataset_label)

    def _wire(self) -> None:
        c, st, tp = self.controller, self.state, self.training_panel
        # drawing → live prediction (throttled; newest drawing and newest weights only)
        self.canvas.strokesChanged.connect(self._canvas_changed)
        self.predictor.predicted.connect(self._show_prediction)
        self.predictor.activations.connect(self.feature_maps.set_activations)
        self.predictor.cleared.connect(self._clear_prediction)
        # labelling
        self.canvas.addRequested.connect(self._add_by_index)
        self.palette.addToClassRequested.connect(self.add_current_drawing)
        self.palette.addClassRequested.connect(lambda n: self._guard(st.add_class, n))
        self.palette.renameRequested.connect(lambda a, b: self._guard(st.rename_class, a, b))
        self.palette.recolorRequested.connect(lambda n, col: self._guard(st.recolor_class, n, col))
        self.palette.deleteRequested.connect(lambda n, to: self._guard(st.delete_class, n, to))
        # gallery
        self.gallery.deleteRequested.connect(self._delete_drawings)
        self.gallery.relabelRequested.connect(lambda rows, lab: self._guard(st.relabel, rows, lab))
        self.gallery.undoRequested.connect(self._undo_data)
        self.gallery.drawingActivated.connect(self._open_in_canvas)
        # state
        st.changed.connect(self._data_changed)
        st.dataset_created.connect(self._dataset_created)
        st.problems.connect(self._report_problems)
        # training
        tp.trainRequested.connect(self.train)
        tp.pauseRequested.connect(c.pause)
        tp.resumeRequested.connect(c.resume)
        tp.stepRequested.connect(self.step)
        tp.stopRequested.connect(c.stop)
        tp.resetRequested.connect(self.reset_weights)
        tp.settingsChanged.connect(self._settings_changed)
        c.stateChanged.connect(self._training_state_changed)
        c.recordReceived.connect(self._record)
        c.modelUpdated.connect(self._model_updated)
        c.modelReplaced.connect(self._model_replaced)
        c.message.connect(self._training_message)

    # -- dataset ------------------------------------------------------------------------------------

    def _open_initial_dataset(self) -> None:
        last = self.settings.value("dataset/last", "", str)
        if last and Path(last).exists():
            try:
                self.state.open(last)
                return
            except OSError as exc:
                self._error(
                    "Could not open the last dataset", f"{last}: {exc}\nThe starter set opens instead."
                )
        self.state.open_starter()

    def open_dataset(self, path: str | os.PathLike) -> bool:
        """Open a dataset file. A file larger than LARGE_DATASET_BYTES is read in a worker thread (the
        window stays responsive; the status bar says so) and replaces the current dataset when read;
        False if it cannot be opened (said in a message box)."""
        if self.controller.is_active():
            self.statusBar().showMessage("Training goes on with the data it started with.", 4000)
        try:
            large = Path(path).stat().st_size > LARGE_DATASET_BYTES
        except OSError:
            large = False  # missing: created on the first write; unreadable: state.open says why
        if large:
            self._opening = str(path)  # a later open wins over one still being read
            self.statusBar().showMessage(f"Opening {Path(path).name}…")
            self._run_job(
                lambda: DrawingStore(path),
                lambda store: self._opened_in_background(str(path), store),
                "Could not open the dataset",
            )
            return True
        self._opening = None
        return self._apply_open(path)

    def _opened_in_background(self, path: str, store) -> None:
        if self._opening != path:  # another dataset was opened meanwhile
            return
        self._opening = None
        if self._apply_open(path, store):
            self.statusBar().showMessage(f"Opened {Path(path).name} ({len(self.state)} drawings).", 6000)

    def _apply_open(self, path: str | os.PathLike, store=None) -> bool:
        """Make `path` (read already when `store` is given) the open dataset; False if it cannot be read."""
        try:
            self.state.open(path, store=store)
        except OSError as exc:
            self._error("Could not open the dataset", f"{path}: {exc}")
            return False
        self._remember_dataset(str(path))
        return True

    def new_dataset(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New dataset", str(self.data_dir / "new-dataset.ndjson"), "Drawings (*.ndjson)"
        )
        if path:
            self._guard(self.state.new_dataset, path)
            self._remember_dataset(path)

    def open_dataset_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open dataset", str(self.data_dir), "Drawings (*.ndjson);;All files (*)"
        )
        if path:
            self.open_dataset(path)

    def save_as_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save dataset as", str(self.data_dir / "drawings.ndjson"), "Drawings (*.ndjson)"
        )
        if path:
            if self._guard(self.state.save_as, path) is not False:
                self._remember_dataset(path)

    def import_dialog(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Import",
            "What would you like to import?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            "Drawing files (NDJSON, the Quick, Draw! format) are added to your dataset.\n"
            "An image folder holds one sub-folder per class with PNG or JPEG files; its images are used "
            "for training alongside the drawings."
        )
        files_button = box.addButton("Drawing files…", QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton("Image folder…", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is files_button:
            paths, _ = QFileDialog.getOpenFileNames(
                self, "Import drawing files", str(self.data_dir), "Drawings (*.ndjson);;All files (*)"
            )
            if paths:
                self.import_paths(paths)
        elif box.clickedButton() is folder_button:
            folder = QFileDialog.getExistingDirectory(
                self, "Import an image folder (one sub-folder per class)"
            )
            if folder:
                self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> None:
        """Import NDJSON files (appended to the dataset) and image folders (used for training)."""
        added, problems, folders = [], [], []
        for p in paths:
            if Path(p).is_dir():
                folders.append(p)
                continue
            try:
                drawings, probs = read_ndjson(p)
            except OSError as exc:
                self._error("Could not import", f"{p}: {exc}")
                continue
            added.extend(drawings)
            problems.extend(probs)
        if added:
            self._guard(self.state.add_drawings, added)
            self.statusBar().showMessage(f"Imported {len(added)} drawings.", 6000)
        for folder in folders:
            self._import_image_folder(folder)
        if problems:
            self._report_problems(problems)

    def _import_image_folder(self, folder: str) -> None:
        from .images import ImageFileError, list_image_folder

        try:
            items = list_image_folder(folder)
        except ImageFileError as exc:
            self._error("Could not import the image folder", str(exc))
            return
        for label in sorted({lab for _, lab in items}):
            if label not in self.state.class_names():
                self._guard(self.state.add_class, label)
        self._image_counts[folder] = len(items)
        self.state.add_image_folder(folder)
        self.statusBar().showMessage(f"{len(items)} images from {folder} will be used for training.", 8000)

    def export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export as image folders (one folder per class)")
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> None:
        from .images import export_image_folder

        drawings = self.state.drawings
        self.statusBar().showMessage(f"Exporting {len(drawings)} drawings to {folder}…")
        self._run_job(
            lambda: len(export_image_folder(drawings, folder, INPUT_SIZE)),
            lambda n: self.statusBar().showMessage(f"Exported {n} PNGs to {folder}.", 8000),
        )

    def _run_job(self, fn, on_done, failure_title: str = "Export failed") -> None:
        thread, job = QThread(), _Job(fn)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        job.finished.connect(job.deleteLater)
        thread.finished.connect(thread.deleteLater)
        deliver = _Deliver(on_done, lambda text: self._error(failure_title, text), self)
        job.done.connect(deliver.done)  # queued: `deliver` lives in the GUI thread
        job.failed.connect(deliver.failed)
        thread.finished.connect(deliver.deleteLater)
        entry = (thread, job)
        self._jobs.append(entry)
        thread.finished.connect(lambda: self._job_finished(entry))
        thread.start()

    def _job_finished(self, entry) -> None:
        if entry in self._jobs:
            self._jobs.remove(entry)
        self._retired_jobs = [entry]  # wrappers kept until Qt's deleteLater has deleted the C++ objects

    def _remember_dataset(self, path: str) -> None:
        path = str(Path(path).resolve())
        self.settings.setValue("dataset/last", path)
        recent = [p for p in self._recent() if p != path]
        self.settings.setValue("dataset/recent", [path, *recent][:MAX_RECENT])
        self.settings.sync()
        self._update_recent_menu()

    def _recent(self) -> list[str]:
        value = self.settings.value("dataset/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self._recent() if Path(p).exists()]
        starter = self.state.starter_path
        if starter is not None and starter.exists():
            self.recent_menu.addAction("Starter set (read-only)", lambda: self.open_dataset(starter))
            self.recent_menu.addSeparator()
        for p in recent:
            self.recent_menu.addAction(Path(p).name, lambda p=p: self.open_dataset(p)).setToolTip(p)
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _dataset_created(self, path: str) -> None:
        self._remember_dataset(path)
        self.statusBar().showMessage(
            f"Your drawings are saved in {path} (a copy of the starter set plus yours; "
            "the starter set itself is never changed).",
            10000,
        )

    def _report_problems(self, problems: list) -> None:
        shown = "\n".join(str(p) for p in problems[:12])
        more = f"\n… and {len(problems) - 12} more" if len(problems) > 12 else ""
        backup = self.state.backup_path
        keep = f"\n\nA copy of the file as it was is kept at {backup}, so nothing is lost." if backup else ""
        self._warn(
            "Some lines could not be read",
            f"{len(problems)} line{'s' if len(problems) != 1 else ''} skipped (file:line: problem):\n"
            f"{shown}{more}\n\nEvery other drawing loaded.{keep}",
        )

    # -- drawing and labelling ----------------------------------------------------------------------

    def _canvas_changed(self) -> None:
        self.predictor.request(self.canvas.strokes())
        if self.lessons is not None:
            self.lessons.set_drawing(self.canvas.strokes())
        if self.analysis is not None:
            self.analysis.set_drawing(self.canvas.strokes())

    def _add_by_index(self, index: int) -> None:
        names = self.state.class_names()
        if index < len(names):
            self.add_current_drawing(names[index])
        else:
            self.statusBar().showMessage(f"There is no class {index + 1}: add one under Classes.", 4000)

    def add_current_drawing(self, label: str) -> None:
        """Add the canvas drawing to class `label`: saved to disk at once, then the canvas is cleared."""
        if self.canvas.is_empty():
            self.statusBar().showMessage("Draw a shape on the canvas first, then add it to a class.", 4000)
            return
        try:
            drawing = self.state.add_drawing(self.canvas.strokes(), label)
        except (StateError, ValueError) as exc:
            self._warn("Could not add the drawing", str(exc))
            return
        except OSError as exc:
            self._error(
                "Could not save the drawing", f"{self.state.path}: {exc}\nThe drawing stays on the canvas."
            )
            return
        del drawing
        self.canvas.reset()
        self.canvas.setFocus()
        count = self.state.counts().get(label, 0)
        self.statusBar().showMessage(f"Added to “{label}” ({count} now) and saved.", 4000)

    def _delete_drawings(self, rows: list) -> None:
        n = self._guard(self.state.delete, rows)
        if n:
            self.statusBar().showMessage(
                f"Deleted {n} drawing{'s' if n != 1 else ''}. Undo (Ctrl+Z in the gallery) brings them back.",
                6000,
            )

    def _undo_data(self) -> None:
        text = self._guard(self.state.undo)
        if text:
            self.statusBar().showMessage(f"Undone: {text}.", 4000)

    def _open_in_canvas(self, row: int) -> None:
        d = self.state.drawing(row)
        self.canvas.set_strokes(d.strokes)
        self.canvas.setFocus()
        self.statusBar().showMessage(f"Drawing #{row + 1} (“{d.label}”) is on the canvas.", 4000)

    def _data_changed(self, kind: str) -> None:
        st = self.state
        counts = st.counts()
        self.palette.set_classes([(c.name, c.color, counts.get(c.name, 0)) for c in st.classes])
        classes = [(c.name, c.color) for c in st.classes]
        if kind == "added" and self.gallery.model.rowCount() == len(st) - 1:
            self.gallery.append_drawing(st.drawing(len(st) - 1))
            self.gallery.set_classes(classes)
        else:
            self.gallery.set_drawings(st.drawings, classes)
        self.gallery.set_undo_available(st.can_undo(), st.undo_text())
        self.dataset_label.setText(self._dataset_text())
        if st.writing():
            self.dataset_label.setText(self.dataset_label.text() + " · saving…")
            self._write_timer.start()
        self.dataset_label.setToolTip(str(st.path) if st.path else "")
        self.setWindowTitle(f"ShapeLab — {st.display_name()}")
        if kind == "opened":
            self._update_recent_menu()
        self._feed_lessons_data()
        self._feed_analysis_data()
        if not self.controller.is_active():
            self._model_for_current_classes()
        self._update_stale()
        self.predictor.refresh()

    def _dataset_text(self) -> str:
        """The status bar's dataset label: name, drawings, and the images of imported image folders
        (used for training too, but not in the gallery, which shows drawings)."""
        st = self.state
        text = f"{st.display_name()} · {len(st)} drawings"
        folders = st.image_folders
        if folders:
            n = sum(self._image_counts.get(f, 0) for f in folders)
            text += f" + {n} images from {len(folders)} folder{'s' if len(folders) > 1 else ''}"
        return text

    def _check_writes(self) -> None:
        error = self.state.take_write_error()
        if error is not None:
            self._error("Could not write the dataset", f"{self.state.path}: {error}")
        if not self.state.writing():
            self._write_timer.stop()
            self.dataset_label.setText(self._dataset_text())

    # -- training -----------------------------------------------------------------------------------

    def _model_for_current_classes(self) -> None:
        """An untrained model fitting the dataset's classes, unless the current one fits. A trained or
        loaded model is kept (its predictions stay useful) until the next Train needs new outputs."""
        s = self.training_panel.settings()
        c = self.controller
        if c.model is None or (
            c.preset != "loaded" and c.steps_done == 0 and list(c.classes) != self.state.class_names()
        ):
            self.controller.ensure_model(self.state.class_names(), s.preset, s.seed)

    def _settings_changed(self) -> None:
        s = self.training_panel.settings()
        if self.analysis is not None:
            self.analysis.set_validation(s.val_split, s.seed)
        self.settings.setValue("training", s.as_dict())
        if s.preset != self._last_preset and not self.controller.is_active():
            self._last_preset = s.preset
            if self.controller.model is not None and self.controller.preset != s.preset:
                self.controller.ensure_model(self.state.class_names(), s.preset, s.seed, force=True)
                self.statusBar().showMessage(f"New {s.preset} model with fresh random weights.", 4000)

    def _check_trainable(self) -> bool:
        counts = self.state.counts()
        with_data = [n for n in self.state.class_names() if counts.get(n, 0) > 0]
        if len(with_data) < 2:
            self.training_panel.show_message(
                "To train, the network needs drawings in at least two classes. "
                "Draw a few shapes and add each to its class (keys 1–9).",
                "warning",
            )
            return False
        return True

    def train(self) -> None:
        self._start(paused=False)

    def step(self) -> None:
        if self.controller.is_active():
            self.controller.step()
        else:
            self._start(paused=True)

    def toggle_pause(self) -> None:
        if self.controller.state == "paused":
            self.controller.resume()
        else:
            self.controller.pause()

    def _start(self, paused: bool) -> None:
        if self.controller.is_active() or not self._check_trainable():
            return
        s = self.training_panel.settings()
        snap = self.state.snapshot()
        had_training = self.controller.steps_done > 0
        fresh = self.controller.ensure_model(snap.classes, s.preset, s.seed)
        if fresh and had_training:
            self.statusBar().showMessage(
                "The classes changed since the model was trained, so it starts again from fresh weights "
                "(one output per class).",
                8000,
            )
        self._run_count += 1
        cont = "" if fresh or self.controller.steps_done == 0 else ", continued"
        # with weight averaging the validation points are the averaged weights' (the ones the model keeps)
        avg = ", weights averaged" if s.average else ""
        label = f"run {self._run_count}: {s.preset}, {s.optimizer} lr {s.lr:g}{avg}{cont}"
        self.plots.new_run(label, s.epochs)
        self.training_panel.start_run(s.epochs)
        self.controller.start(snap, s, paused=paused)
        self._update_stale()

    def reset_weights(self) -> None:
        if self.controller.is_active():
            return
        s = self.training_panel.settings()
        self.controller.ensure_model(self.state.class_names(), s.preset, s.seed)
        self.controller.reset_weights(s.seed)
        self.training_panel.progress.setValue(0)
        self.training_panel.progress.setFormat("Not trained yet")
        self.training_panel.show_message("")
        self.statusBar().showMessage("Weights reset: the network starts from scratch.", 4000)

    def _training_state_changed(self, state: str) -> None:
        self.training_panel.set_state(state)
        active = state != "idle"
        self.train_action.setEnabled(not active)
        self.pause_action.setEnabled(active)
        self.stop_action.setEnabled(active)
        text = {
            "preparing": "Preparing the drawings for training…",
            "running": "Training…",
            "paused": "Training paused.",
            "stopping": "Stopping…",
        }.get(state)
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()
        self._update_model_label()
        if not active:
            self._model_for_current_classes()
            self._update_stale()

    def _record(self, rec) -> None:
        """Records are shown in batches, at most RECORD_HZ times a second (every record is kept); the
        final record of a run is shown at once."""
        self._pending_records.append(rec)
        if rec.kind in ("done", "stopped", "diverged") or self.controller.state == "paused":
            self.flush_records()
        elif not self._record_timer.isActive():
            self._record_timer.start()

    def flush_records(self) -> None:
        """Hand every record received so far to the plots and the progress bar now."""
        self._record_timer.stop()
        records, self._pending_records = self._pending_records, []
        for rec in records:
            self.plots.add_record(rec)
        if records:
            self.training_panel.show_record(records[-1])
            if any(r.kind != "step" for r in records):
                self._update_model_label()
            if self.analysis is not None and self.controller.model is not None:
                for r in records:
                    if r.kind == "epoch":
                        self.analysis.record_epoch(r.epoch, self.controller.model.weights())
                if any(r.kind != "step" for r in records):
                    self._feed_analysis_model(f"after epoch {records[-1].epoch + 1}")

    def _training_message(self, level: str, text: str) -> None:
        rec = self.controller.last_record
        if level == "warning" and rec is not None and self.controller.diverged:
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
                    f"{math.log(max(2, len(self.controller.classes))):.2f}, the loss of pure guessing."
                )
                todo = "press Stop, then Train to continue with the new rate"
                self.training_panel.show_diverging()
            text = (
                f"Training paused because it is diverging: {what} The learning rate ({lr:g}) is so big "
                f"that each step overshoots and the weights blow up.\nWhat to try: lower the learning rate "
                f"(say {lr / 10:g}) and {todo}, or Reset weights to start again."
            )
            self.statusBar().showMessage("Training paused: the loss is diverging. Lower the learning rate.")
        self.training_panel.show_message(text, level)

    def _model_replaced(self) -> None:
        model = self.controller.model
        if model is not None:  # build the feature-map grids now rather than at the first stroke
            self.feature_maps.prepare(model.activations(np.zeros(model.input_shape[1:], model.dtype)))
        self._model_updated()
        self._feed_analysis_model()

    def _model_updated(self) -> None:
        model = self.controller.model
        if model is None:
            return
        self.filters.set_model(model.weights(), model.summary())
        self.prediction.set_trained(self.controller.steps_done > 0)
        self._update_model_label()
        self._feed_lessons_model()
        self.predictor.refresh()

    def _show_prediction(self, classes: list, probs) -> None:
        self.prediction.set_prediction(classes, probs, [self.state.color_of(c) for c in classes])
        self.prediction.flush()  # draw now: the predictor already throttles

    def _clear_prediction(self) -> None:
        self.prediction.clear()
        self.feature_maps.clear()

    def _is_stale(self) -> bool:
        return self.state.is_stale(self.controller.snapshot_version)

    def _update_stale(self) -> None:
        stale = self._is_stale()
        self.training_panel.set_stale(stale)
        self.prediction.set_stale(stale)

    def _update_model_label(self) -> None:
        c = self.controller
        if c.model is None:
            self.model_label.setText("")
            return
        trained = f"{c.steps_done} steps trained" if c.steps_done else "untrained"
        self.model_label.setText(f"Model: {c.preset} · {c.model.num_parameters():,} weights · {trained}")

    # -- model files --------------------------------------------------------------------------------

    def open_model_dialog(self) -> None:
        if self.controller.is_active():
            self._warn("Training is running", "Stop training before opening a model.")
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open model", str(self.data_dir), "Models (*.npz)")
        if path:
            self.open_model(path)

    def open_model(self, path: str) -> bool:
        try:
            loaded = load_model(path)
        except (ModelFileError, OSError) as exc:
            self._error("Could not open the model", str(exc))
            return False
        if tuple(loaded.model.input_shape) != (1, INPUT_SIZE, INPUT_SIZE):
            self._error(
                "Could not use the model",
                f"{path}: it expects inputs of shape "
                f"{loaded.model.input_shape}, ShapeLab draws {INPUT_SIZE}×{INPUT_SIZE}.",
            )
            return False
        self.controller.set_model(loaded.model, loaded.classes, "loaded")
        self.controller.steps_done = 1  # a loaded model counts as trained
        self.controller.snapshot_version = None
        self._model_updated()
        missing = [c for c in loaded.classes if c not in self.state.class_names()]
        note = f" Its classes not in this dataset: {', '.join(missing)}." if missing else ""
        self.statusBar().showMessage(f"Model loaded from {path}.{note}", 8000)
        return True

    def save_model_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save model", str(self.data_dir / "model.npz"), "Models (*.npz)"
        )
        if path:
            self.save_model(path)

    def save_model(self, path: str) -> bool:
        c = self.controller
        if c.model is None:
            return False
        try:
            save_model(path, c.model, list(c.classes), extra={"preset": c.preset, "steps": c.steps_done})
        except (OSError, ValueError) as exc:
            self._error("Could not save the model", f"{path}: {exc}")
            return False
        self.statusBar().showMessage(f"Model saved to {path}.", 6000)
        return True

    # -- lessons ------------------------------------------------------------------------------------

    def show_lessons(self) -> None:
        """Open the lessons window (built on first use, so launching stays fast) and keep it fed with the
        model, the canvas drawing and the dataset while it exists."""
        if self._lessons_window is None:
            from .lessons import LessonsView

            window = QMainWindow(self)
            window.setObjectName("lessonsWindow")
            window.setWindowTitle("ShapeLab — Lessons")
            self.lessons = LessonsView()
            window.setCentralWidget(self.lessons)
            window.resize(1100, 720)
            self._lessons_window = window
            self._feed_lessons_model()
            self._feed_lessons_data()
            self.lessons.set_drawing(self.canvas.strokes())
        self._lessons_window.show()
        self._lessons_window.raise_()
        self._lessons_window.activateWindow()

    def _feed_lessons_model(self) -> None:
        if self.lessons is not None:
            self.lessons.set_model(self.controller.model, list(self.controller.classes))

    def _feed_lessons_data(self) -> None:
        if self.lessons is not None:
            self.lessons.set_dataset(self.state.drawings, self.state.class_names())

    # -- analysis -----------------------------------------------------------------------------------

    def show_analysis(self) -> None:
        """Open the analysis window (built on first use; its own thread does the heavy work) and keep it
        fed while it exists: dataset, validation split, model copies after each epoch, canvas drawing."""
        if self._analysis_window is None:
            from .analysis.view import AnalysisView

            window = QMainWindow(self)
            window.setObjectName("analysisWindow")
            window.setWindowTitle("ShapeLab — Analysis")
            self.analysis = AnalysisView()
            window.setCentralWidget(self.analysis)
            window.resize(1200, 760)
            self.analysis.drawingRequested.connect(self._open_in_canvas)
            self.analysis.showDrawings.connect(self._show_drawings_in_gallery)
            self._analysis_window = window
            s = self.training_panel.settings()
            self.analysis.set_validation(s.val_split, s.seed)
            self._feed_analysis_data()
            self._feed_analysis_model()
            self.analysis.set_drawing(self.canvas.strokes())
        self._analysis_window.show()
        self._analysis_window.raise_()
        self._analysis_window.activateWindow()

    def _feed_analysis_data(self) -> None:
        if self.analysis is not None:
            self.analysis.set_dataset(self.state.drawings, [(c.name, c.color) for c in self.state.classes])
            self.analysis.set_stale(self._is_stale())

    def _feed_analysis_model(self, note: str = "") -> None:
        c = self.controller
        if self.analysis is not None and c.model is not None:
            self.analysis.set_model(c.model.copy(), list(c.classes), note)

    def _show_drawings_in_gallery(self, rows: list) -> None:
        """The gallery shows exactly these drawings (from the analysis window), to relabel or delete."""
        self.gallery.show_only(rows, "chosen in the analysis window")
        self.gallery_dock.show()
        self.gallery_dock.raise_()
        n = len(rows)
        self.statusBar().showMessage(
            f"The gallery shows only those {n} drawing{'s' if n != 1 else ''}; "
            "'Show all' brings back the rest.",
            8000,
        )

    # -- help ---------------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        rows = []
        for key, what in SHORTCUTS:
            if not what:
                rows.append(f"<tr><td colspan=2><br><b>{key}</b></td></tr>")
            else:
                rows.append(f"<tr><td style='padding-right:16px'><code>{key}</code></td><td>{what}</td></tr>")
        dialog = QDialog(self)
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
            self,
            "About ShapeLab",
            "<h3>ShapeLab</h3><p>Draw squares, triangles, circles and other shapes, label them, and watch a "
            "small convolutional network learn to tell them apart: the loss falls, the filters sharpen, the "
            "feature maps of your drawing light up.</p><p>The network is written from scratch in NumPy; the "
            "window is Qt (PySide6) with pyqtgraph plots.</p>"
            f"<p>Your drawings and settings are kept in<br><code>{self.data_dir}</code></p>",
        )

    # -- layout, settings, closing ------------------------------------------------------------------

    def reset_layout(self) -> None:
        self.restoreState(self._default_layout)
        for dock in self.docks:
            dock.setVisible(True)
        self._apply_default_sizes()

    def _apply_default_sizes(self) -> None:
        """Dock sizes in proportion to the window: the canvas column and the filters column grow on a big
        screen. On a tall screen (a 1080p projector) filters and feature maps are shown one above the other;
        on a small one they share a tabbed area."""
        w, h = max(self.width(), 800), max(self.height(), 500)
        if h < 950 and not self.tabifiedDockWidgets(self.filters_dock):
            self.tabifyDockWidget(self.filters_dock, self.feature_maps_dock)
            self.filters_dock.raise_()
        left, right = int(w * 0.24), int(w * 0.34)
        self.resizeDocks([self.canvas_dock, self.training_dock], [left, right], Qt.Orientation.Horizontal)
        canvas = min(left + 10, int(h * 0.48))
        self.resizeDocks(
            [self.canvas_dock, self.classes_dock, self.prediction_dock],
            [canvas, 130, h - canvas - 130],
            Qt.Orientation.Vertical,
        )
        training = self.training_panel.sizeHint().height() + 30
        if h >= 950:
            rest = h - training - 60
            self.resizeDocks(
                [self.training_dock, self.filters_dock, self.feature_maps_dock],
                [training, int(rest * 0.45), int(rest * 0.55)],
                Qt.Orientation.Vertical,
            )
        else:
            self.resizeDocks(
                [self.training_dock, self.filters_dock], [training, h - training], Qt.Orientation.Vertical
            )
        self.resizeDocks([self.gallery_dock], [int(h * 0.2)], Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not self._layout_restored:
                self._apply_default_sizes()

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._layout_restored = self.restoreState(state)
        stored = s.value("training", {})
        self.training_panel.set_settings(TrainSettings.from_dict(stored if isinstance(stored, dict) else {}))
        self._last_preset = self.training_panel.settings().preset

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("training", self.training_panel.settings().as_dict())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        try:
            self.state.flush()  # a background rewrite still under way is finished first
        except OSError as exc:
            QMessageBox.critical(self, "Could not write the dataset", f"{self.state.path}: {exc}")
        self.controller.shutdown()
        self.predictor.shutdown()
        if self.analysis is not None:
            self.analysis.shutdown()
        for thread, _job in list(self._jobs):
            thread.wait()
        self._jobs.clear()
        super().closeEvent(event)

    # -- small helpers ------------------------------------------------------------------------------

    def _guard(self, fn, *args):
        """Run a state change; a refused request or a disk error becomes a message, not a crash."""
        try:
            return fn(*args)
        except StateError as exc:
            self._warn("Not possible", str(exc))
        except OSError as exc:
            self._error("Could not write the dataset", f"{self.state.path}: {exc}")
        return False

    def _warn(self, title: str, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0], 8000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("warningBox")
        box.open()

    def _error(self, title: str, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0], 10000)
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorBox")
        box.open()
