"""A tiny typed observer for the Qt-free core: models emit, the window and panels listen."""

from __future__ import annotations

from collections.abc import Callable


class Event:
    """A minimal observer list: `connect(callback)`, `emit(*args)`."""

    def __init__(self) -> None:
        self._callbacks: list[Callable] = []

    def connect(self, callback: Callable) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args) -> None:
        for cb in list(self._callbacks):
            cb(*args)
