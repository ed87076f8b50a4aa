"""LazyPanels: the analysis window's tabs, each panel built only when its tab is first shown.

Building all seven panels at once (about thirty pyqtgraph plots, colour bars and view boxes) kept the GUI
thread busy for 0.3-1.6 s when View › Analysis opened. Here every tab starts as a light placeholder page
that says which panel is being set up; a panel is built when its tab is first shown (one turn of the event
loop after the tab switch or after the window is shown, so that showing the tab and building its panel
are two shorter pieces of GUI work), or at once when code asks for it (`build(name)`, e.g. the view's
panel properties).

While a panel is not built, what the view tells it is kept: `call(name, method, *args)` keeps the newest
call of each method and replays those calls, in the order they were made, when the panel is built. So a
panel built late shows the same as one that was there all along.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from gui.text import translate


class _Placeholder(QLabel):
    """A tab's page until its panel is built: says which panel is being set up, and knows whether it has
    been painted (the panel is built in a turn after that, so that the window's or the tab's first paint
    and the panel's construction are not one long piece of GUI work)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.painted = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.painted = True


def freeze_what_lives() -> None:
    """Move every object alive now (a panel just built, the window) out of the cyclic garbage collector's
    way (`gc.freeze`), after collecting the young garbage. A full collection walks every tracked object
    of the process on the thread that sets it off, holding the interpreter lock: with the analysis
    panels built that was 35 ms of a quiet GUI thread and 72-78 ms during training, in the middle of a
    paint. Frozen objects are still freed by reference counting; only reference cycles among them are
    never collected (as for the drawings of a large open, gui/window/files.py)."""
    gc.collect(1)
    gc.freeze()


MAX_WAIT_TURNS = 20  # a placeholder never painted (a window off screen) does not hold its panel back longer
WAIT_MS = 5  # between those turns: timers already due (and input) go first


class LazyPanels(QObject):
    """`specs`: (name, factory(parent), title, tooltip) per tab, in tab order; `on_build(name, panel)` wires a
    panel just built (before the calls kept for it are replayed). Signal built(name) after a build."""

    built = Signal(str)

    def __init__(self, tabs: QTabWidget, specs, on_build: Callable[[str, QWidget], None]):
        super().__init__(tabs)
        self._tabs = tabs
        self._specs = {name: (factory, title, tip) for name, factory, title, tip in specs}
        self._order = [name for name, *_rest in specs]
        self._on_build = on_build
        self._panels: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._kept: dict[str, dict[str, tuple[int, tuple, dict]]] = {}
        self._seq = 0
        for name, (_factory, title, tip) in self._specs.items():
            page = _Placeholder(
                translate("AnalysisView", "Setting up the “{title}” panel…").format(title=title))
            page.setObjectName(f"{name}Placeholder")
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            page.setStyleSheet("color: #555;")
            i = tabs.addTab(page, title)
            tabs.setTabToolTip(i, tip)
            self._placeholders[name] = page
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.build_current)
        self._waited = 0  # turns the shown placeholder has waited to be painted
        self._painted_before = False  # it was painted before the timer now running was started
        tabs.currentChanged.connect(self._tab_changed)

    # -- queries ------------------------------------------------------------------------------------
    def get(self, name: str) -> QWidget | None:
        """The panel if it is built, else None (building nothing)."""
        return self._panels.get(name)

    def is_built(self, name: str) -> bool:
        return name in self._panels

    def visible(self, name: str) -> bool:
        panel = self._panels.get(name)
        return panel is not None and panel.isVisible()

    def name_of(self, widget: QWidget) -> str | None:
        for name, panel in self._panels.items():
            if panel is widget:
                return name
        return None

    def built_panels(self) -> list[tuple[str, QWidget]]:
        return [(n, self._panels[n]) for n in self._order if n in self._panels]

    # -- calls --------------------------------------------------------------------------------------
    def call(self, name: str, method: str, *args, **kwargs) -> None:
        """panel.method(*args) now if the panel is built, else when it is (the newest call per method)."""
        panel = self._panels.get(name)
        if panel is not None:
            getattr(panel, method)(*args, **kwargs)
            return
        self._seq += 1
        self._kept.setdefault(name, {})[method] = (self._seq, args, kwargs)

    def kept(self, name: str) -> dict[str, tuple]:
        """The calls kept for an unbuilt panel: {method: (args, kwargs)} (tests)."""
        return {m: (a, k) for m, (_s, a, k) in self._kept.get(name, {}).items()}

    # -- building -------------------------------------------------------------------------------------
    def build(self, name: str) -> QWidget:
        """The panel, built now if it was not (it takes its placeholder's place in the tabs)."""
        panel = self._panels.get(name)
        if panel is not None:
            return panel
        factory, title, tip = self._specs[name]
        # made inside its placeholder page: a widget made without a parent is a window of its own, and
        # taking it into the tabs then left the application with no active window
        panel = factory(self._placeholders[name])
        self._panels[name] = panel
        self._on_build(name, panel)
        for method, (_seq, args, kwargs) in sorted(self._kept.pop(name, {}).items(), key=lambda kv: kv[1][0]):
            getattr(panel, method)(*args, **kwargs)
        tabs, page = self._tabs, self._placeholders.pop(name)
        i = tabs.indexOf(page)
        was_current = tabs.currentIndex() == i
        tabs.blockSignals(True)  # the same tab stays current: no currentChanged for a swap
        try:
            tabs.insertTab(i, panel, title)  # before the placeholder, which moves to i + 1
            tabs.setTabToolTip(i, tip)
            if was_current:
                tabs.setCurrentIndex(i)
            tabs.removeTab(i + 1)
        finally:
            tabs.blockSignals(False)
        page.deleteLater()
        freeze_what_lives()  # a panel lives as long as its window: the collector need not walk it again
        self.built.emit(name)
        return panel

    def build_current(self) -> None:
        """Build the panel of the tab shown, if it is a placeholder (once it has been painted: else it
        tries again in the next turn, at most MAX_WAIT_TURNS times)."""
        page = self._tabs.currentWidget()
        for name, placeholder in list(self._placeholders.items()):
            if placeholder is page and self._tabs.isVisible():
                # built in a turn that starts after the paint: the timer is started once it was painted
                if not self._painted_before and self._waited < MAX_WAIT_TURNS:
                    self._waited += 1
                    self._painted_before = placeholder.painted
                    self._later.start(WAIT_MS)
                    return
                self._waited, self._painted_before = 0, False
                self.build(name)
                return

    def _tab_changed(self, *_args) -> None:
        if self._tabs.currentWidget() in self._placeholders.values():
            self._later.start(0)  # the tab switch is painted first, then the panel is built

    def schedule_current(self) -> None:
        """Build the shown tab's panel in the next turn of the event loop (the window was shown)."""
        self._tab_changed()
