"""A guard against a reference-counting bug in PySide6 6.12 on Python 3.11.

`SignalInstance.emit()` in PySide6 6.12.0 returns `True` without taking a new reference to it, so every
signal emitted from Python (ours, and pyqtgraph's) steals one reference from the `True` object. On Python
3.11, where `True` is an ordinary reference-counted object, a few thousand emits bring its count to zero
and the interpreter aborts with "Fatal Python error: bool_dealloc: deallocating True or False".
(Python 3.12+ makes True immortal, so the bug is harmless there.) Reproduce with:

    from PySide6.QtCore import QObject, Signal
    class W(QObject): s = Signal()
    w = W()
    for _ in range(100_000): w.s.emit()   # aborts on 3.11 with PySide6 6.12.0

`apply()` gives `True` (and `False` and `None`, for safety) a huge extra reference count once, making them
effectively immortal, as Python 3.12 does. It is idempotent, does nothing on Python ≥ 3.12, and is called
when the GUI modules are imported.
"""

from __future__ import annotations

import ctypes
import sys

_PIN = 1 << 40
_applied = False


def apply() -> None:
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (True, False, None):
        # ob_refcnt is the first field of every CPython object (non-debug builds)
        ctypes.c_ssize_t.from_address(id(obj)).value += _PIN
    _applied = True


apply()
