"""Full screen (F11, every window) and presenter mode (View › Presenter mode, F5) for the main window.

Presenter mode is for a projector: the window goes full screen with only the canvas, the prediction bars
and the live loss and accuracy curves, all at a larger zoom (PRESENTER_BOOST × the chosen zoom); the menu
bar and every other panel are tucked away. Esc or F5 brings back the window exactly as it was: its dock
layout (QMainWindow.saveState), its window state (normal, maximised or full screen), its menu bar. The
menus' keyboard shortcuts (Ctrl+T to train, Ctrl+P, …) keep working while the menu bar is hidden.

Leaving full screen, the window manager sets the old size back some time later: the saved dock layout is
restored once the window has its old size again (and at the latest after RESTORE_TIMEOUT_MS), so Qt's
habit of giving a changed size to the central widget does not squeeze the docks on the way back.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

PRESENTER_BOOST = 1.5  # presenter mode's zoom, on top of View › Zoom
PRESENTER_CANVAS_SHARE = 0.42  # of the screen's width: the canvas and prediction column
PRESENTER_CANVAS_HEIGHT = 0.6  # of the column's height: the canvas (the prediction bars get the rest)
RESTORE_TIMEOUT_MS = 3000  # only if the old size never comes back (a starved process gets it late)
PRESENTER_HINT = QT_TRANSLATE_NOOP(
    "ScreenModes", "Presenter mode — Esc or F5 to leave · Ctrl+T train · Ctrl+P pause · Ctrl+= / Ctrl+- zoom"
)


def all_menu_actions(window: QMainWindow) -> list[QAction]:
    """Every action of the window's menus, submenus included (not the submenus' own entries)."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    return found


class ScreenModes(QObject):
    """Full screen for any window and presenter mode for the main `window` (a `MainWindow` whose docks,
    `zoom` and `dock_layout` exist).

    API: toggle_full_screen(target=None) (the active window by default), toggle_presenter(),
    enter_presenter(), leave_presenter(); `presenting` and `restoring` (True until the layout is back).
    `presenterChanged(bool)` is emitted on entering and leaving presenter mode.
    """

    presenterChanged = Signal(bool)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._presenting = False
        self._saved: dict | None = None  # what presenter mode changed, to put back
        self._pending_restore: tuple[QWidget, QByteArray | None, QSize] | None = None
        self._lent_actions: list[QAction] = []
        self._restore_timer = QTimer(self)
        self._restore_timer.setSingleShot(True)
        self._restore_timer.setInterval(RESTORE_TIMEOUT_MS)
        self._restore_timer.timeout.connect(self._finish_restore)
        self._full_screen_saved: dict[int, tuple[QByteArray | None, QSize]] = {}
        self.leave_action = QAction(QCoreApplication.translate("ScreenModes", "Leave presenter mode"), window)
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.setEnabled(False)
        self.leave_action.triggered.connect(self.leave_presenter)
        window.addAction(self.leave_action)
        window.installEventFilter(self)
        window.canvas.installEventFilter(self)  # the canvas uses Esc to clear: not while presenting
        window.statusBar().messageChanged.connect(self._keep_hint)

    @property
    def presenting(self) -> bool:
        return self._presenting

    @property
    def restoring(self) -> bool:
        return self._pending_restore is not None

    # -- full screen ----------------------------------------------------------------------------------

    def toggle_full_screen(self, target: QWidget | None = None) -> None:
        """Full screen on / off for `target` (default: the active window, else the main window). The main
        window's dock layout comes back as it was."""
        if target is None:
            target = QApplication.activeWindow() or self.window
        target = target.window()
        if target is self.window and self._presenting:
            self.leave_presenter()
            return
        state = target.windowState()
        if state & Qt.WindowState.WindowFullScreen:
            saved = self._full_screen_saved.pop(id(target), (None, QSize()))
            self._restore_later(target, saved[0], saved[1])
            target.setWindowState(state & ~Qt.WindowState.WindowFullScreen)
        else:
            layout = target.saveState() if isinstance(target, QMainWindow) else None
            self._full_screen_saved[id(target)] = (layout, target.size())
            target.setWindowState(state | Qt.WindowState.WindowFullScreen)
        target.show()

    # -- presenter mode ---------------------------------------------------------------------------------

    def toggle_presenter(self) -> None:
        if self._presenting:
            self.leave_presenter()
        else:
            self.enter_presenter()

    def enter_presenter(self) -> None:
        if self._presenting:
            return
        w = self.window
        self._finish_restore()
        self._saved = {
            "layout": w.saveState(),
            "state": w.windowState(),
            "size": w.size(),
            "menu_bar": w.menuBar().isVisible(),
            "status": w.statusBar().currentMessage(),
        }
        self._presenting = True
        self._hold_rescale(True)
        shown = (w.canvas_dock, w.prediction_dock)
        for dock in w.docks:
            if dock.isFloating():
                dock.setFloating(False)
            dock.setVisible(dock in shown)
        # the menus' shortcuts must keep working with the menu bar hidden: the window lends them
        self._lent_actions = [a for a in all_menu_actions(w) if a not in w.actions()]
        w.addActions(self._lent_actions)
        w.menuBar().setVisible(False)
        for label in self._status_labels():  # the hint needs the status bar's width (a 1024 screen cut it)
            label.setVisible(False)
        self.leave_action.setEnabled(True)
        w.zoom.set_boost(PRESENTER_BOOST)
        w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)
        w.show()
        self.arrange()
        w.statusBar().showMessage(QCoreApplication.translate("ScreenModes", PRESENTER_HINT))
        w.canvas.setFocus()
        self.presenterChanged.emit(True)

    def arrange(self) -> None:
        """The presenter layout for the window's present size: the canvas over the prediction bars on the
        left, the plots (the central widget) on the right."""
        if not self._presenting:
            return
        w = self.window
        width, height = w.width(), w.height()
        left = int(width * PRESENTER_CANVAS_SHARE)
        w.resizeDocks([w.canvas_dock], [left], Qt.Orientation.Horizontal)
        canvas = int(height * PRESENTER_CANVAS_HEIGHT)
        w.resizeDocks([w.canvas_dock, w.prediction_dock], [canvas, max(1, height - canvas)],
                      Qt.Orientation.Vertical)
        w.layout().activate()

    def leave_presenter(self) -> None:
        if not self._presenting or self._saved is None:
            return
        w, saved = self.window, self._saved
        self._presenting = False
        self.leave_action.setEnabled(False)
        for action in self._lent_actions:
            w.removeAction(action)
        self._lent_actions = []
        w.menuBar().setVisible(bool(saved["menu_bar"]))
        w.zoom.set_boost(1.0)
        for label in self._status_labels():
            label.setVisible(True)
        QCoreApplication.sendPostedEvents(w.statusBar(), QEvent.Type.LayoutRequest)  # its height, first
        w.statusBar().showMessage(saved["status"], 5000) if saved["status"] else w.statusBar().clearMessage()
        self._restore_later(w, saved["layout"], saved["size"])
        w.setWindowState(saved["state"])
        w.show()
        self._saved = None
        self.presenterChanged.emit(False)

    def _keep_hint(self, message: str) -> None:
        """While presenting, the hint comes back when a passing message (autosave, …) ends."""
        if self._presenting and not message:
            self.window.statusBar().showMessage(QCoreApplication.translate("ScreenModes", PRESENTER_HINT))

    def _status_labels(self) -> list:
        """The status bar's permanent labels (model, dataset), which presenter mode tucks away."""
        return [label for label in (getattr(self.window, "model_label", None),
                                    getattr(self.window, "dataset_label", None)) if label is not None]

    # -- putting the layout back ------------------------------------------------------------------------

    def _hold_rescale(self, hold: bool) -> None:
        layout = getattr(self.window, "dock_layout", None)
        if layout is not None:
            layout.hold = hold

    def _restore_later(self, target: QWidget, layout: QByteArray | None, size: QSize) -> None:
        """Restore `target`'s dock layout now and again once it has `size` back (see the module doc)."""
        if target is self.window:
            self._hold_rescale(True)
        if isinstance(target, QMainWindow) and layout is not None:
            target.restoreState(layout)
        self._pending_restore = (target, layout, size)
        if target is not self.window or not size.isValid() or target.size() == size:
            QTimer.singleShot(0, self._finish_restore)
        else:
            self._restore_timer.start()

    def _finish_restore(self) -> None:
        self._restore_timer.stop()
        pending, self._pending_restore = self._pending_restore, None
        if pending is None:
            return
        target, layout, _size = pending
        if isinstance(target, QMainWindow) and layout is not None:
            target.restoreState(layout)
            target.layout().activate()
        if target is self.window:
            self._hold_rescale(False)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Close and self._presenting:
            self.leave_presenter()  # the layout saved for the next start is the window's own, not this one
            self._finish_restore()
        elif obj is self.window and kind == QEvent.Type.Resize:
            if self._presenting:
                QTimer.singleShot(0, self.arrange)
            elif self._pending_restore is not None and self._pending_restore[0] is self.window:
                if event.size() == self._pending_restore[2]:
                    QTimer.singleShot(0, self._finish_restore)
        elif obj is self.window.canvas and self._presenting and kind in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if kind == QEvent.Type.KeyPress:
                    self.leave_presenter()
                event.accept()
                return True
        return False
