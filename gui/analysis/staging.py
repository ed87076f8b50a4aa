"""StagedResults: an analysis result applied to its panels one step per turn of the event loop.

The GUI thread then never does all of a result in one go, so the window stays responsive while training
competes with it for the interpreter. A newer result of the same kind replaces the steps of an older one
not yet done.

WaitingJob: one job sent in the next turn, or a little later while the GUI thread is busy opening the
window (the analysis view's dataset job); the newest request wins.
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


class WaitingJob(QObject):
    """One job that is sent in the next turn, or, while `busy()` is True, up to `max_waits` × `wait_ms`
    later; a newer request before it is sent replaces it (the newest arguments win, one job is sent).
    `send(*args)` sends it."""

    def __init__(self, send: Callable, busy: Callable[[], bool], wait_ms: int, max_waits: int,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._send, self._busy = send, busy
        self._wait_ms, self._max_waits = wait_ms, max_waits
        self._args: tuple | None = None
        self._waits = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._try)

    def request(self, *args) -> None:
        self._args, self._waits = args, 0
        self._timer.start(0)

    def pending(self) -> bool:
        return self._args is not None

    def _try(self, wait: bool = True) -> None:
        if self._args is None:
            return
        if wait and self._busy() and self._waits < self._max_waits:
            self._waits += 1
            self._timer.start(self._wait_ms)
            return
        args, self._args = self._args, None
        self._send(*args)

    def flush(self) -> None:
        """Send a waiting job now."""
        self._timer.stop()
        self._try(wait=False)

    def stop(self) -> None:
        """Send nothing more."""
        self._timer.stop()
        self._args = None
