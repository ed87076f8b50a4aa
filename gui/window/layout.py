"""Where the main window's panels sit: the docks, their default sizes, Reset layout, and the window's
geometry, dock layout and training settings kept in QSettings between runs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDockWidget, QMainWindow, QPushButton, QWidget

from gui.core.training import TrainSettings
from gui.text import translate
from gui.widget_tree import descendants

COMBO_MIN_CHARACTERS = 10
FIRST_START_MAXIMUM = (1280, 720)  # a screen with room for this / FIRST_START_SHARE gets a share of it
FIRST_START_SHARE = 0.85
TITLE_BAR = 32  # pixels the window manager's title bar takes on a small screen
RESCALE_ABOVE = 0.15  # a change of the window's size by more than this share rescales the side columns
COMPACT_BELOW_WIDTH = 1280  # pixels of available screen width: below it the gallery runs full width
BUTTON_MIN_CHARACTERS = 7  # "Resume" (a button's longer text) fits


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
        self.hold = False  # True while presenter mode or full screen sets the docks itself
        self.rescale_pending = False  # a resize's rescaling of the side columns is still to come
        self._seen_size = QSize()

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
        self.fit_corners()
        left, right, bottom = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        w.canvas_dock = self._dock(
            translate(
                "Layout",
                "Draw"), "canvasDock", w.canvas_panel, left, translate("Layout",
                "The canvas: draw a shape here",
            )
        )
        w.prediction_dock = self._dock(
            translate("Layout", "Prediction"), "predictionDock", w.prediction, left, translate(
                "Layout",
                "What the network thinks the drawing is",
            )
        )
        w.classes_dock = self._dock(
            translate("Layout", "Classes"),
            "classesDock",
            w.palette,
            left,
            translate("Layout", "The classes, their colours and how many drawings each has"),
        )
        w.splitDockWidget(w.canvas_dock, w.classes_dock, Qt.Orientation.Vertical)
        w.splitDockWidget(w.classes_dock, w.prediction_dock, Qt.Orientation.Vertical)
        w.training_dock = self._dock(
            translate("Layout", "Training"),
            "trainingDock",
            w.training_panel,
            right,
            translate("Layout", "Model, settings and the Train / Pause / Step / Stop buttons"),
        )
        w.filters_dock = self._dock(
            translate("Layout", "Filters"), "filtersDock", w.filters, right, translate(
                "Layout",
                "The learned filters of every convolution layer",
            )
        )
        w.feature_maps_dock = self._dock(
            translate("Layout", "Feature maps"),
            "featureMapsDock",
            w.feature_maps,
            right,
            translate("Layout", "What each layer makes of the drawing on the canvas"),
        )
        w.splitDockWidget(w.training_dock, w.filters_dock, Qt.Orientation.Vertical)
        w.splitDockWidget(w.filters_dock, w.feature_maps_dock, Qt.Orientation.Vertical)
        w.gallery_dock = self._dock(
            translate(
                "Layout",
                "Gallery"), "galleryDock", w.gallery, bottom, translate("Layout",
                "Every drawing in the dataset",
            )
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
        self.fit_small_screens()

    def fit_corners(self, screen=None) -> None:
        """Who owns the bottom-right corner. On a screen at least COMPACT_BELOW_WIDTH pixels wide the right
        column (training, filters, feature maps) runs the full height and the gallery sits under the plots
        only. On a narrower one the gallery also runs under the right column: the gallery's tool row, the
        plots and the training controls side by side would need more than 1024 pixels."""
        screen = screen or self.window.screen()
        if screen is not None:
            self.fit_corners_for(screen.availableGeometry().width())

    def fit_corners_for(self, screen_width: int) -> None:
        """The corners for a screen `screen_width` pixels wide (see fit_corners)."""
        compact = screen_width < COMPACT_BELOW_WIDTH
        area = Qt.DockWidgetArea.BottomDockWidgetArea if compact else Qt.DockWidgetArea.RightDockWidgetArea
        self.window.setCorner(Qt.Corner.BottomRightCorner, area)

    def fit_small_screens(self) -> None:
        """Let every dock shrink to what a 1024 × 768 screen leaves it: a combo box in a dock asks for
        COMBO_MIN_CHARACTERS characters, not for its longest entry (the model list's longest entry alone
        asked for 256 pixels and pushed a window asked for 1024 pixels to 1111); it still grows with its
        dock and shows the whole entry in its list."""
        for dock in self.window.docks:
            panel = dock.widget()
            for combo in descendants(panel, QComboBox):
                chars = combo.fontMetrics().averageCharWidth() * (COMBO_MIN_CHARACTERS + 10)
                if combo.minimumSizeHint().width() <= chars:
                    continue
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(COMBO_MIN_CHARACTERS)
                # QComboBox keeps the minimum size it computed first until its style changes
                QCoreApplication.sendEvent(combo, QEvent(QEvent.Type.StyleChange))
            for button in descendants(panel, QPushButton):
                # the style makes every push button with a text at least 80 pixels wide; five in a row
                # (Train … Reset weights) asked for 446 pixels. Let them shrink to their text.
                fm = button.fontMetrics()
                text = fm.horizontalAdvance(button.text().replace("&", ""))
                floor = fm.averageCharWidth() * BUTTON_MIN_CHARACTERS
                natural = max(text, floor) + 3 * fm.averageCharWidth()
                button.setMinimumWidth(min(button.sizeHint().width(), natural))

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
        # room in the left column for five-digit class counts, where the window is wide enough
        frame = win.classes_dock.minimumSizeHint().width() - win.palette.minimumSizeHint().width()
        left = max(left, min(win.palette.width_for_counts(5) + frame, int(w * 0.3)))
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
        """On the window's first show: default sizes, unless a saved layout was restored. From then on a
        large change of the window's size (maximising, full screen, a move to a bigger screen) scales the
        side columns with it, so the canvas keeps its share."""
        if not self._sized:
            self._sized = True
            if not self._restored:
                self.apply_default_sizes()
            self._seen_size = QSize(self.window.size())
            self.window.installEventFilter(self)
            handle = self.window.windowHandle()
            if handle is not None:
                handle.screenChanged.connect(self._screen_changed)

    def fit_to_screen(self) -> None:
        """The first start's window: most of a large screen (FIRST_START_SHARE of it, centred), or all the
        room a small one (under FIRST_START_MAXIMUM) leaves, minus a title bar."""
        w = self.window
        screen = w.screen()
        if screen is None:
            w.resize(*FIRST_START_MAXIMUM)
            return
        room = screen.availableGeometry()
        if room.width() >= FIRST_START_MAXIMUM[0] / FIRST_START_SHARE:
            width = int(room.width() * FIRST_START_SHARE)
            height = int(room.height() * FIRST_START_SHARE)
        else:
            width, height = room.width(), room.height() - TITLE_BAR
        width, height = max(width, 640), max(height, 480)
        w.resize(width, height)
        w.move(room.x() + (room.width() - width) // 2, room.y() + max(0, (room.height() - height) // 2))

    def _screen_changed(self, screen) -> None:
        self.fit_corners(screen)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize:
            self._seen_size = QSize(event.size())
        if obj is self.window and event.type() == QEvent.Type.Resize and not self.hold:
            old, new = event.oldSize(), event.size()
            if old.width() > 0 and old.height() > 0 and (
                abs(new.width() - old.width()) > RESCALE_ABOVE * old.width()
                or abs(new.height() - old.height()) > RESCALE_ABOVE * old.height()
            ):
                fx, fy = new.width() / old.width(), new.height() / old.height()
                self.rescale_pending = True
                QTimer.singleShot(0, lambda: self._rescale_columns(fx, fy))
        return False

    def settled(self) -> bool:
        """True once the window's latest size change has been handled (tests wait for it)."""
        return not self.rescale_pending and self._seen_size == self.window.size()

    def _rescale_columns(self, fx: float, fy: float) -> None:
        """Scale the docks' widths (and the gallery's height) by the change of the window's size: Qt gives
        a bigger window's whole gain to the central plots, which left the canvas narrow after maximising."""
        win = self.window
        self.rescale_pending = False
        if self.hold:
            return
        columns = [d for d in (win.canvas_dock, win.training_dock) if d.isVisible() and not d.isFloating()]
        if columns:
            win.resizeDocks(columns, [int(d.width() * fx) for d in columns], Qt.Orientation.Horizontal)
        if win.gallery_dock.isVisible() and not win.gallery_dock.isFloating():
            gallery = int(win.gallery_dock.height() * fy)
            win.resizeDocks([win.gallery_dock], [gallery], Qt.Orientation.Vertical)
        win.layout().activate()  # place the docks now, not at the next layout request

    def restore_settings(self) -> None:
        """Geometry, dock layout and training settings as the last run left them."""
        w, s = self.window, self.window.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            w.restoreGeometry(geometry)
        else:
            self.fit_to_screen()
        self.fit_corners()
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._restored = w.restoreState(state)
        stored = s.value("training", {})
        settings = TrainSettings.from_stored(stored if isinstance(stored, dict) else {})
        w.training_panel.set_settings(settings.as_dict())

    def save_settings(self) -> None:
        w, s = self.window, self.window.settings
        s.setValue("window/geometry", w.saveGeometry())
        s.setValue("window/state", w.saveState())
        s.setValue("training", w.training.settings().as_dict())
        s.sync()
