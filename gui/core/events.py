"""A tiny typed observer for the Qt-free core: models emit, the window and panels listen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVarTuple, Unpack

Ts = TypeVarTuple("Ts")


class Event(Generic[*Ts]):
    """A minimal observer list: `connect(callback)`, `emit(*args)`. Typed by what it carries, e.g.
    `Event[ModelChange]` (one value) or `Event[()]` (nothing); callbacks run at once, in the emitting
    thread."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[Unpack[Ts]], object]] = []

    def connect(self, callback: Callable[[Unpack[Ts]], object]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[Unpack[Ts]], object]) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: *Ts) -> None:
        for cb in list(self._callbacks):
            cb(*args)
