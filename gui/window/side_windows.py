"""The Lessons and Analysis windows of the main window: built on first use (so launching stays fast) and
kept fed with the model, the canvas drawing and the dataset while they exist."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from gui.text import translate

from .accessibility import name_widgets


def model_note(window: QMainWindow) -> tuple[str, bool]:
    """(what the window's model is, in words; whether it is trained): "Untrained (random weights)",
    "After epoch 3 of 10 · 1,017 steps", "Loaded from shapes.npz · 3,380 steps" — the model state's note.
    The one place the side windows' model notes come from."""
    ms = window.model_state
    return ms.note, bool(ms.trained)


class SideWindows(QObject):
    """The side windows of `window` (a `MainWindow`). `lessons` (a LessonsView) and `analysis` (an
    AnalysisView) are None until their window was first opened."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.lessons_window: QMainWindow | None = None
        self.analysis_window: QMainWindow | None = None
        self.lessons = None
        self.analysis = None
        from gui.analysis.history import (
            EpochRecorder,  # per-epoch snapshots kept even while no window is open
        )

        self.epochs = EpochRecorder()

    # -- lessons ------------------------------------------------------------------------------------

    def show_lessons(self) -> None:
        """Open the lessons window (built on first use, so launching stays fast) and keep it fed with the
        model, the canvas drawing and the dataset while it exists."""
        w = self.window
        if self.lessons_window is None:
            from gui.lessons import LessonsView

            window = QMainWindow(w)
            window.setObjectName("lessonsWindow")
            window.setWindowTitle(translate("SideWindows", "ShapeLab — Lessons"))
            self.lessons = LessonsView()
            self.lessons.trainRequested.connect(w.training.train)
            window.setCentralWidget(self.lessons)
            window.resize(1100, 720)
            self.lessons_window = window
            self.feed_lessons_model()
            self.feed_lessons_data()
            self.lessons.set_drawing(w.canvas.strokes())
        self.lessons_window.show()
        self.lessons_window.raise_()
        self.lessons_window.activateWindow()

    def feed_lessons_model(self) -> None:
        if self.lessons is not None:
            self.lessons.set_model(self.window.controller.model, list(self.window.controller.classes))
            self.lessons.set_model_note(*model_note(self.window), training=self.window.controller.is_active())

    def feed_lessons_data(self) -> None:
        if self.lessons is not None:
            self.lessons.set_dataset(self.window.state.drawings, self.window.state.class_names())

    # -- analysis -----------------------------------------------------------------------------------

    def show_analysis(self) -> None:
        """Open the analysis window (built on first use; its own thread does the heavy work) and keep it
        fed while it exists: dataset, validation split, model copies after each epoch, canvas drawing."""
        w = self.window
        if self.analysis_window is None:
            from gui.analysis.view import AnalysisView

            window = QMainWindow(w)
            window.setObjectName("analysisWindow")
            window.setWindowTitle(translate("SideWindows", "ShapeLab — Analysis"))
            self.analysis = AnalysisView(epochs=self.epochs)
            self.analysis.trainRequested.connect(w.training.train)
            window.setCentralWidget(self.analysis)
            window.resize(1200, 760)
            self.analysis.drawingRequested.connect(w.labelling.open_in_canvas)
            self.analysis.showDrawings.connect(self.show_drawings_in_gallery)
            # a panel is built when its tab is first shown: its widgets are named for screen readers then
            self.analysis.panelBuilt.connect(
                lambda name: name_widgets(getattr(self.analysis, name)) if self.analysis else None)
            self.analysis_window = window
            s = w.training.settings()
            self.analysis.set_validation(s.val_split, s.seed)
            self.feed_analysis_data()
            self.feed_analysis_model()
            self.analysis.set_drawing(w.canvas.strokes())
        self.analysis_window.show()
        self.analysis_window.raise_()
        self.analysis_window.activateWindow()

    def feed_analysis_data(self) -> None:
        if self.analysis is not None:
            st = self.window.state
            self.analysis.set_dataset(st.drawings, [(c.name, c.color) for c in st.classes])
            self.analysis.set_stale(self.window.training.is_stale())

    def feed_analysis_model(self, training: bool | None = None) -> None:
        c = self.window.controller
        if self.analysis is not None and c.model is not None:
            busy = c.is_active() if training is None else training
            self.analysis.set_model(c.model.copy(), list(c.classes), *model_note(self.window), training=busy)

    def feed_records(self, records: list) -> None:
        """Training records just shown: each epoch's weights for the history (kept whether or not the
        analysis window is open), and a model copy for the analysis after anything but a plain step."""
        model = self.window.controller.model
        if model is not None:
            self.epochs.add_records(records, model)
            ended = any(r.kind in ("done", "stopped", "diverged") for r in records)
            if self.analysis is not None and any(r.kind != "step" for r in records):
                self.feed_analysis_model(training=not ended)
            elif self.analysis is not None:  # only steps: no new copy, but say the network moved on
                self.analysis.set_live_note(*model_note(self.window), training=not ended)

    def set_validation(self, val_split: float, seed: int) -> None:
        if self.analysis is not None:
            self.analysis.set_validation(val_split, seed)

    def show_canvas_drawing(self) -> None:
        """The canvas drawing changed: the side windows that exist show it too."""
        if self.lessons is not None:
            self.lessons.set_drawing(self.window.canvas.strokes())
        if self.analysis is not None:
            self.analysis.set_drawing(self.window.canvas.strokes())

    def show_drawings_in_gallery(self, rows: list) -> None:
        """The gallery shows exactly these drawings (from the analysis window), to relabel or delete."""
        w = self.window
        w.gallery.show_only(rows, translate("SideWindows", "chosen in the analysis window"))
        w.gallery_dock.show()
        w.gallery_dock.raise_()
        n = len(rows)
        w.messages.status(
            translate(
                "SideWindows",
                "The gallery shows only those {n} drawing{value}; 'Show all' brings back the rest.",
            ).format(n=n, value='s' if n != 1 else ''),
            8000,
        )

    def stop(self) -> None:
        """Ask the analysis jobs to stop now (closing: the window then waits for everything at once)."""
        if self.lessons is not None:
            self.lessons.shutdown(0)
        if self.analysis is not None:
            self.analysis.runner.cancel_all()
            self.analysis.drawing_runner.cancel_all()

    def shutdown(self, budget_s: float = 2.0) -> bool:
        """End the lessons' and the analysis window's threads and helper processes within `budget_s`."""
        deadline = time.monotonic() + budget_s
        ok = self.lessons.shutdown(budget_s / 2) if self.lessons is not None else True
        if self.analysis is None:
            return ok
        for runner in (self.analysis.drawing_runner, self.analysis.runner):  # one budget for both
            ok = runner.shutdown(int(max(0.0, deadline - time.monotonic()) * 1000)) and ok
        return self.analysis.shutdown(0) and ok  # its timers; the runners are down already
