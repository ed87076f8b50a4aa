"""Where the main window's panels sit: the docks, their default sizes, Reset layout, and the window's
geometry, dock layout and training settings kept in QSettings between runs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from gui.core.training import TrainSettings


class DockLayout(QObject):
    """The docks of `window` (a `MainWindow` whose panels exist) and their sizes.

    Layout: the canvas, prediction and classes on the left; the training controls and the live plots in
    the middle; filters and feature maps on the right; the gallery at the bottom. Each is a dock (movable,
    closable from View, layout saved between runs)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._default_state = QByteArray()
        self._sized = False
        self._restored = False

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea, tip: str) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        dock.toggleViewAction().setToolTip(tip)
        dock.setToolTip("")
        self.window.addDockWidget(area, dock)
        return dock

    def build_docks(self) -> None:
        """Put every panel in its dock (`window.canvas_dock`, … `window.docks`); the plots are central."""
        w = self.window
        w.setDockNestingEnabled(True)
        w.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        w.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        left, right, bottom = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        w.canvas_dock = self._dock(
            "Draw", "canvasDock", w.canvas_panel, left, "The canvas: draw a shape here"
        )
        w.prediction_dock = self._dock(
            "Prediction", "predictionDock", w.prediction, left, "What the network thinks the drawing is"
        )
        w.classes_dock = self._dock(
            "Classes",
            "classesDock",
            w.palette,
            left,
            "The classes, their colours and how many drawings each has",
        )
        w.splitDockWidget(w.canvas_dock, w.classes_dock, Qt.Orientation.Vertical)
        w.splitDockWidget(w.classes_dock, w.prediction_dock, Qt.Orientation.Vertical)
        w.training_dock = self._dock(
            "Training",
            "trainingDock",
            w.training_panel,
            right,
            "Model, settings and the Train / Pause / Step / Stop buttons",
        )
        w.filters_dock = self._dock(
            "Filters", "filtersDock", w.filters, right, "The learned filters of every convolution layer"
        )
        w.feature_maps_dock = self._dock(
            "Feature maps",
            "featureMapsDock",
            w.feature_maps,
            right,
            "What each layer makes of the drawing on the canvas",
        )
        w.splitDockWidget(w.training_dock, w.filters_dock, Qt.Orientation.Vertical)
        w.splitDockWidget(w.filters_dock, w.feature_maps_dock, Qt.Orientation.Vertical)
        w.gallery_dock = self._dock(
            "Gallery", "galleryDock", w.gallery, bottom, "Every drawing in the dataset"
        )
        w.setCentralWidget(w.plots)
        w.docks = [
            w.canvas_dock,
            w.prediction_dock,
            w.classes_dock,
            w.training_dock,
            w.filters_dock,
            w.feature_maps_dock,
            w.gallery_dock,
        ]

    def keep_default(self) -> None:
        """Remember the layout as built, for Reset layout."""
        self._default_state = self.window.saveState()

    def reset_layout(self) -> None:
        self.window.restoreState(self._default_state)
        for dock in self.window.docks:
            dock.setVisible(True)
        self.apply_default_sizes()

    def apply_default_sizes(self) -> None:
        """Dock sizes in proportion to the window: the canvas column and the filters column grow on a big
        screen. On a tall screen (a 1080p projector) filters and feature maps are shown one above the other;
        on a small one they share a tabbed area."""
        win = self.window
        w, h = max(win.width(), 800), max(win.height(), 500)
        if h < 950 and not win.tabifiedDockWidgets(win.filters_dock):
            win.tabifyDockWidget(win.filters_dock, win.feature_maps_dock)
            win.filters_dock.raise_()
        left, right = int(w * 0.24), int(w * 0.34)
        win.resizeDocks([win.canvas_dock, win.training_dock], [left, right], Qt.Orientation.Horizontal)
        canvas = min(left + 10, int(h * 0.48))
        win.resizeDocks(
            [win.canvas_dock, win.classes_dock, win.prediction_dock],
            [canvas, 130, h - canvas - 130],
            Qt.Orientation.Vertical,
        )
        training = win.training_panel.sizeHint().height() + 30
        if h >= 950:
            rest = h - training - 60
            win.resizeDocks(
                [win.training_dock, win.filters_dock, win.feature_maps_dock],
                [training, int(rest * 0.45), int(rest * 0.55)],
                Qt.Orientation.Vertical,
            )
        else:
            win.resizeDocks(
                [win.training_dock, win.filters_dock], [training, h - training], Qt.Orientation.Vertical
            )
        win.resizeDocks([win.gallery_dock], [int(h * 0.2)], Qt.Orientation.Vertical)

    def first_show(self) -> None:
        """On the window's first show: default sizes, unless a saved layout was restored."""
        if not self._sized:
            self._sized = True
            if not self._restored:
                self.apply_default_sizes()

    def restore_settings(self) -> None:
        """Geometry, dock layout and training settings as the last run left them."""
        w, s = self.window, self.window.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            w.restoreGeometry(geometry)
        else:
            w.resize(1280, 720)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._restored = w.restoreState(state)
        stored = s.value("training", {})
        settings = TrainSettings.from_dict(stored if isinstance(stored, dict) else {})
        w.training_panel.set_settings(settings.as_dict())

    def save_settings(self) -> None:
        w, s = self.window, self.window.settings
        s.setValue("window/geometry", w.saveGeometry())
        s.setValue("window/state", w.saveState())
        s.setValue("training", w.training.settings().as_dict())
        s.sync()
