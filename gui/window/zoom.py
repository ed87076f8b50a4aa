"""Zoom for every ShapeLab window (View › Zoom in / Zoom out / Actual size, Ctrl+= / Ctrl+- / Ctrl+0).

Zoom is a font change: the application's font is its 100 % font (`gui.panels._common.base_font`) scaled by
the zoom factor, so every window — the main window, the Lessons and Analysis windows, dialogs — and
everything sized from the font follows: text, the plots' titles, axis labels and tick numbers (gui.panels
read their widget's font), the curves' and the canvas stroke's widths, the prediction bars, the smallest
filter and feature-map cells. (The application's font rather than each window's: a widget with a style
sheet of its own keeps resolving its font from the application's, not from its window's.) The factor is
kept in the main window's QSettings (`view/zoom`) between sessions; closing the main window puts the
application's 100 % font back.

Presenter mode multiplies the main window's own font by a boost (`set_boost`), not saved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from gui.panels._common import base_font
from gui.widget_tree import descendants

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
SETTINGS_KEY = "view/zoom"


def nearest_step(factor: float) -> float:
    return min(ZOOM_STEPS, key=lambda step: abs(step - factor))


class Zoom(QObject):
    """The zoom factor of the application whose main window is `window` (with `settings`).

    `factor` is one of ZOOM_STEPS (1.0 = the application's own font); `zoom_in()`, `zoom_out()`, `reset()`
    step it; `changed(float)` is emitted with the new factor; `point_size(window)` is the point size a
    window gets.
    """

    changed = Signal(float)

    def __init__(self, window: QMainWindow, settings):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._boost = 1.0
        self.base_point_size = base_font().pointSizeF() if base_font().pointSizeF() > 0 else 9.0
        try:
            stored = float(settings.value(SETTINGS_KEY, 1.0))
        except (TypeError, ValueError):
            stored = 1.0
        self._factor = nearest_step(stored)
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

    # -- applying it --------------------------------------------------------------------------------

    def apply(self) -> None:
        """The application's font at the current factor; the main window's own, boosted, in presenter
        mode; then the main window's docks are fitted again."""
        font = base_font()
        font.setPointSizeF(round(self.base_point_size * self._factor, 2))
        if QApplication.font() != font:
            QApplication.setFont(font)
            # Qt posts the change to every widget: deliver it now, so the docks below fit the new sizes
            QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
            self._repolish_style_sheets()
        # the main window's own font too (boosted in presenter mode): the docks' title bars take theirs
        # from it, not from the application's
        own = QFont(font)
        own.setPointSizeF(self.point_size(self.window))
        if self.window.font() != own or not self.window.font().resolveMask():
            self.window.setFont(own)
        # a dock draws its title in the title font it read when it was built, unless its own font differs
        # from the application's: give the docks the window's font, marked by a harmless style strategy
        title = QFont(own)
        title.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        for dock in descendants(self.window, QDockWidget):
            if dock.font() != title:
                dock.setFont(title)
        fit = getattr(getattr(self.window, "dock_layout", None), "fit_small_screens", None)
        if fit is not None:
            fit()

    @staticmethod
    def _repolish_style_sheets() -> None:
        """A widget with a style sheet of its own (a colour) keeps the font it had when the sheet was
        applied; applying the sheet again resolves it from the application's new font."""
        # Only the widgets of windows on screen: QApplication.allWidgets() also lists widgets of closed
        # windows that are waiting for deleteLater, and touching one of those crashes (a segfault in CI).
        for top in QApplication.topLevelWidgets():
            if not top.isVisible():
                continue
            for widget in (top, *descendants(top)):
                sheet = widget.styleSheet()
                if sheet and "font" not in sheet:
                    widget.setStyleSheet("")
                    widget.setStyleSheet(sheet)

    def restore_application_font(self) -> None:
        """Put the application's 100 % font back (the main window closes: dialogs of a next window, and
        tests that follow, start from it)."""
        if QApplication.font() != base_font():
            QApplication.setFont(base_font())
            QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
            self._repolish_style_sheets()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.restore_application_font()
        return False
