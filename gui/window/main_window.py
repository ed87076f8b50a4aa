"""The main window: builds the panels and docks and wires them, in one method, to the dataset state, the
training controller and the window's collaborators.

Nothing here renders, loads, trains or words a message by itself: panels draw, `DatasetState` owns the
data file, `ModelState` the model and what is true of it, `TrainingController` the training run,
`LivePredictor` runs the model on the canvas drawing, and `jobs` (one `gui.workers.JobRunner`) does all
of their background work: training, live prediction, reading large datasets, exporting;
`shutdown_workers()` ends all of it within a budget. The collaborators each hold one concern:
`DockLayout` (docks, sizes, saved layout), `build_menus` (menus and actions), `FileActions` (dataset and
model files), `Labelling` (drawings added, deleted, shown), `TrainingActions` (runs, records, the model
shown), `SideWindows` (Lessons and Analysis) and `Messages` (message boxes and status texts).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox

from gui.canvas import CanvasPanel
from gui.class_palette import ClassPalette
from gui.core.dataset import DatasetState
from gui.core.model_state import ModelState
from gui.core.training import VAL_PER_EPOCH
from gui.gallery import Gallery
from gui.i18n import Translation
from gui.panels._common import SteadyLabel
from gui.panels.feature_maps import FeatureMapsPanel
from gui.panels.filters import FiltersPanel
from gui.panels.plots import TrainingPlots
from gui.panels.prediction import PredictionPanel
from gui.panels.training import TrainingPanel
from gui.text import translate
from gui.training import LivePredictor, TrainingController
from gui.workers import JobRunner, end_helper_processes

from .accessibility import Announcer, SideWindowNamer, apply_tab_order, name_widgets
from .exports import Exports
from .files import FileActions
from .labelling import Labelling
from .layout import DockLayout
from .menus import build_menus
from .messages import Messages
from .model_autosave import ModelAutosave
from .presenter import ScreenModes
from .side_windows import SideWindows
from .training_actions import TrainingActions
from .zoom import Zoom

CLOSE_BUDGET_S = 2.0  # closing the window ends every thread and helper process within this time
CLOSE_RESERVE_S = 0.15  # of it, left for saving the layout's last steps and Qt closing the window
MIN_SHUTDOWN_S = 0.5  # the workers get at least this long, even after a slow dataset flush


class MainWindow(QMainWindow):
    """See the module docstring. Created by `gui.app.create_main_window(data_dir)`."""

    def __init__(
        self, data_dir: str | os.PathLike, settings: QSettings, starter_path: str | os.PathLike | None
    ):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate("MainWindow", "ShapeLab"))
        self.data_dir = Path(data_dir)
        self.settings = settings
        self.translation = Translation(self, settings)  # View › Language, from the start
        self.state = DatasetState(self.data_dir, starter_path)
        self.jobs = JobRunner(self)  # every background job of the window (training, prediction, files)
        self.model_state = ModelState()
        self.controller = TrainingController(self, self.model_state, runner=self.jobs)
        self.predictor = LivePredictor(self.controller, parent=self, runner=self.jobs)

        # collaborators, one concern each
        self.messages = Messages(self)
        self.files = FileActions(self)
        self.labelling = Labelling(self)
        self.training = TrainingActions(self)
        self.side_windows = SideWindows(self)
        self.exports = Exports(self)  # model exports, the report, panel PNG/CSV (File › Export)
        self.dock_layout = DockLayout(self)

        # panels
        self.canvas_panel = CanvasPanel()
        self.canvas = self.canvas_panel.canvas
        self.palette = ClassPalette()
        self.gallery = Gallery()
        self.training_panel = TrainingPanel()
        self.plots = TrainingPlots(validations_per_epoch=VAL_PER_EPOCH)
        self.filters = FiltersPanel()
        self.feature_maps = FeatureMapsPanel()
        self.prediction = PredictionPanel()

        self.dock_layout.build_docks()
        self.zoom = Zoom(self, settings)  # View › Zoom, every window, kept in the settings
        self.screen_modes = ScreenModes(self)  # F11 full screen, F5 presenter mode
        build_menus(self)
        self._build_status_bar()
        self._wire()
        self.dock_layout.keep_default()
        self.dock_layout.restore_settings()
        self.zoom.apply()
        name_widgets(self)  # accessible names where Qt finds none
        apply_tab_order(self)  # Tab walks the panels as they sit on screen
        self.palette.buttonsRebuilt.connect(lambda: apply_tab_order(self))
        self.side_window_namer = SideWindowNamer(self)  # the same for Lessons and Analysis when shown
        self.announcer = Announcer(self)  # training progress for screen readers
        self.training.last_preset = self.training.settings().preset
        self.labelling.load_drawer()
        self.files.open_initial_dataset()
        self.training.model_for_current_classes()
        self.model_autosave = ModelAutosave(self)
        self.model_autosave.restore_at_start()
        self.canvas.setFocus()

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
        lab, train, guard = self.labelling, self.training, self.messages.guard
        # drawing → live prediction (throttled; newest drawing and newest weights only)
        self.canvas.strokesChanged.connect(lab.canvas_changed)
        self.predictor.predicted.connect(train.show_prediction)
        self.predictor.activations.connect(self.feature_maps.set_activations)
        self.predictor.cleared.connect(train.clear_prediction)
        # labelling
        self.canvas.addRequested.connect(lab.add_by_index)
        self.palette.addToClassRequested.connect(lab.add_current_drawing)
        self.palette.addClassRequested.connect(lambda n: guard(st.add_class, n))
        self.palette.renameRequested.connect(lambda a, b: guard(st.rename_class, a, b))
        self.palette.recolorRequested.connect(lambda n, col: guard(st.recolor_class, n, col))
        self.palette.deleteRequested.connect(lambda n, to: guard(st.delete_class, n, to))
        # gallery
        self.gallery.deleteRequested.connect(lab.delete_drawings)
        self.gallery.relabelRequested.connect(lambda rows, label: guard(st.relabel, rows, label))
        self.gallery.undoRequested.connect(lab.undo)
        self.gallery.drawingActivated.connect(lab.open_in_canvas)
        # state
        st.changed.connect(lab.data_changed)
        st.dataset_created.connect(self.files.dataset_created)
        st.problems.connect(self.messages.report_problems)
        # training
        tp.trainRequested.connect(train.train)
        tp.pauseRequested.connect(c.pause)
        tp.resumeRequested.connect(c.resume)
        tp.stepRequested.connect(train.step)
        tp.stopRequested.connect(c.stop)
        tp.resetRequested.connect(train.reset_weights)
        tp.settingsChanged.connect(train.settings_changed)
        c.stateChanged.connect(train.state_changed)
        c.recordReceived.connect(train.record)
        c.modelUpdated.connect(train.model_updated)
        c.modelReplaced.connect(train.model_replaced)
        c.message.connect(self.messages.training_message)
        c.prepared.connect(train.prepared)

    # -- the entry points scripts and tests use -----------------------------------------------------

    @property
    def analysis(self):
        """The AnalysisView, once the analysis window was opened (else None)."""
        return self.side_windows.analysis

    @property
    def lessons(self):
        """The LessonsView, once the lessons window was opened (else None)."""
        return self.side_windows.lessons

    def open_dataset(self, path: str | os.PathLike) -> bool:
        return self.files.open_dataset(path)

    def open_model(self, path: str) -> bool:
        return self.files.open_model(path)

    def save_model(self, path: str) -> bool:
        return self.files.save_model(path)

    def train(self) -> None:
        self.training.train()

    def show_analysis(self) -> None:
        self.side_windows.show_analysis()

    def show_lessons(self) -> None:
        self.side_windows.show_lessons()

    # -- showing and closing ------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.dock_layout.first_show()
        apply_tab_order(self)  # the docks' tab bars exist once the layout is restored

    def closeEvent(self, event: QCloseEvent) -> None:
        started = time.monotonic()
        self.dock_layout.save_settings()
        try:
            self.state.flush()  # a background rewrite still under way is finished first
        except OSError as exc:
            QMessageBox.critical(
                self,
                translate("MainWindow", "Could not write the dataset"),
                f"{self.state.path}: {exc}",
            )
        self.model_autosave.save_now()  # a run still under way: its weights so far are kept too
        self.files.settings_writer.flush(1.0)  # the settings and shapelab.json written in the background
        # the rest of CLOSE_BUDGET_S (with a little left for Qt to close the window) ends the workers
        spent = time.monotonic() - started
        self.shutdown_workers(max(MIN_SHUTDOWN_S, CLOSE_BUDGET_S - CLOSE_RESERVE_S - spent))
        super().closeEvent(event)

    def shutdown_workers(self, budget_s: float = CLOSE_BUDGET_S) -> bool:
        """End every background job, thread and helper process within `budget_s` (closeEvent): all jobs
        are asked to stop at once; helper processes are ended at once too (terminate, then kill: they only
        make work ahead, and a thread blocked sending to one is freed that way); then the threads are waited
        for, and a helper started meanwhile is ended at the end. True when nothing is left running."""
        deadline = time.monotonic() + budget_s

        def left(reserve: float = 0.0) -> float:
            return max(0.0, deadline - reserve - time.monotonic())

        self.predictor.close()
        self.jobs.cancel_all()  # training, prediction, reads, exports: all stop together
        self.side_windows.stop()
        end_helper_processes(min(0.5, left(reserve=0.5)))
        self.jobs.wait(left(reserve=0.3))
        analysis_ok = self.side_windows.shutdown(left(reserve=0.2))
        helpers_ok = end_helper_processes(left(reserve=0.1))
        training_ok = self.controller.shutdown(left())
        jobs_ok = self.jobs.shutdown(left())
        return analysis_ok and helpers_ok and training_ok and jobs_ok
