"""StagedResults: an analysis result applied to its panels one step per turn of the event loop.

The GUI thread then never does all of a result in one go, so the window stays responsive while training
competes with it for the interpreter. A newer result of the same kind replaces the steps of an older one
not yet done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class StagedResults(QObject):
    """stage(kind, steps): run `steps` (callables) one per event-loop turn, then `on_done(kind)`."""

    def __init__(self, on_done: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self._on_done = on_done
        self._staged: dict[str, list] = {}  # kind -> the steps of its newest result still to apply
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run_one)
        self._stopped = False

    def stage(self, kind: str, steps: list) -> None:
        self._staged[kind] = list(steps) + [lambda: self._on_done(kind)]
        if not self._timer.isActive() and not self._stopped:
            self._timer.start(0)

    def run_one(self) -> None:
        """Apply the next step (of the oldest kind staged) and come back at the next turn if more wait."""
        for kind, steps in list(self._staged.items()):
            if steps:
                steps.pop(0)()
                if not steps:
                    del self._staged[kind]
                break
        if self._staged and not self._stopped:
            self._timer.start(0)

    def flush(self) -> None:
        """Apply every staged step now (tests, screenshots)."""
        while self._staged:
            self.run_one()

    def stop(self) -> None:
        """Drop what is staged and stage nothing more (the window is closing)."""
        self._stopped = True
        self._timer.stop()
        self._staged.clear()
