"""Throttle: the one rate limiter of the GUI side (leading and trailing edge, like superqt's `qthrottled`).

`trigger()` calls the callback at once when it has not been called for `interval_ms` (leading edge);
otherwise it makes sure the callback runs once when the interval is over (trailing edge), however often
`trigger()` was called meanwhile. The callback reads the newest state itself, so nothing is lost and
nothing runs more than once per interval. Runs on the GUI thread (a single-shot QTimer).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """Calls `callback()` at most once every `interval_ms`, at the leading and the trailing edge."""

    def __init__(self, callback: Callable[[], None], interval_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._callback = callback
        self.interval_ms = int(interval_ms)
        self._last = -math.inf
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def trigger(self) -> None:
        if self._timer.isActive():
            return  # a call is due already; it will see the newest state
        wait = self.interval_ms / 1000.0 - (time.perf_counter() - self._last)
        if wait <= 0:
            self._fire()
        else:
            self._timer.start(max(1, math.ceil(wait * 1000)))

    def pending(self) -> bool:
        """A trailing call is due."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Make a due trailing call now."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    def cancel(self) -> None:
        """Forget a due trailing call."""
        self._timer.stop()

    def _fire(self) -> None:
        self._last = time.perf_counter()
        self._callback()
