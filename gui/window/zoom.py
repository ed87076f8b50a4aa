"""Zoom for every ShapeLab window (View › Zoom in / Zoom out / Actual size, Ctrl+= / Ctrl+- / Ctrl+0).

Zoom is a window-level font change: each window (the main window and the Lessons and Analysis windows,
once they exist) gets the application's font scaled by the zoom factor, and everything that is sized from
the font follows — text, the plots' titles, axis labels and tick numbers (gui.panels read their widget's
font), the curves' and the canvas stroke's widths, the prediction bars, the smallest filter and
feature-map cells. The factor is kept in the window's QSettings (`view/zoom`) between sessions.

Presenter mode multiplies the main window's factor by a boost of its own (`set_boost`), not saved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
SETTINGS_KEY = "view/zoom"


def nearest_step(factor: float) -> float:
    return min(ZOOM_STEPS, key=lambda step: abs(step - factor))


class Zoom(QObject):
    """The zoom factor of `window` (a `MainWindow` with `settings`) and of its side windows.

    `factor` is one of ZOOM_STEPS (1.0 = the application's font); `zoom_in()`, `zoom_out()`, `reset()`
    step it; `changed(float)` is emitted with the new factor. `point_size(window)` is the point size a
    window is given. Side windows (QMainWindow children of `window`) are adopted as soon as they exist.
    """

    changed = Signal(float)

    def __init__(self, window: QMainWindow, settings):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._windows: list[QWidget] = [window]
        self._boost = 1.0
        base = QApplication.font().pointSizeF()
        self.base_point_size = base if base > 0 else 9.0
        try:
            stored = float(settings.value(SETTINGS_KEY, 1.0))
        except (TypeError, ValueError):
            stored = 1.0
        self._factor = nearest_step(stored)
        self._adopt_pending = False
        window.installEventFilter(self)

    # -- the factor ---------------------------------------------------------------------------------

    @property
    def factor(self) -> float:
        return self._factor

    @property
    def boost(self) -> float:
        return self._boost

    def set_factor(self, factor: float) -> None:
        factor = nearest_step(factor)
        if factor == self._factor:
            return
        self._factor = factor
        self.settings.setValue(SETTINGS_KEY, factor)
        self.apply()
        self.changed.emit(factor)

    def zoom_in(self) -> None:
        bigger = [s for s in ZOOM_STEPS if s > self._factor + 1e-9]
        if bigger:
            self.set_factor(bigger[0])

    def zoom_out(self) -> None:
        smaller = [s for s in ZOOM_STEPS if s < self._factor - 1e-9]
        if smaller:
            self.set_factor(smaller[-1])

    def reset(self) -> None:
        self.set_factor(1.0)

    def set_boost(self, boost: float) -> None:
        """An extra factor for the main window only (presenter mode); not saved."""
        if boost != self._boost:
            self._boost = float(boost)
            self.apply()

    def point_size(self, window: QWidget) -> float:
        boost = self._boost if window is self.window else 1.0
        return round(self.base_point_size * self._factor * boost, 2)

    # -- the windows --------------------------------------------------------------------------------

    def apply(self) -> None:
        """Give every window its font at the current factor."""
        alive = []
        for w in self._windows:
            try:
                self._apply_to(w)
            except RuntimeError:  # the window's C++ object is gone
                continue
            alive.append(w)
        self._windows = alive
        fit = getattr(getattr(self.window, "dock_layout", None), "fit_small_screens", None)
        if fit is not None:
            fit()

    def _apply_to(self, w: QWidget) -> None:
        size = self.point_size(w)
        if abs(w.font().pointSizeF() - size) < 1e-3:
            return
        font = QFont(w.font())
        font.setPointSizeF(size)
        w.setFont(font)

    def adopt(self, w: QWidget) -> None:
        """Zoom window `w` with the others from now on."""
        if all(w is not known for known in self._windows):
            self._windows.append(w)
        self._apply_to(w)

    @property
    def windows(self) -> list[QWidget]:
        return list(self._windows)

    def eventFilter(self, obj, event) -> bool:
        # the Lessons and Analysis windows are QMainWindow children of the main window, built on first use:
        # adopt them once they are constructed (a ChildAdded comes while the child is being built)
        if obj is self.window and event.type() == QEvent.Type.ChildAdded and not self._adopt_pending:
            self._adopt_pending = True
            QTimer.singleShot(0, self.adopt_side_windows)
        return False

    def adopt_side_windows(self) -> None:
        self._adopt_pending = False
        for child in self.window.findChildren(QMainWindow, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isWindow():
                self.adopt(child)
