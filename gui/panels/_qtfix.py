"""Stopgap for reference-count bugs of PySide6 6.12 on CPython 3.11:
- `SignalInstance.emit()` returns `True` without taking a reference, so every Python-side `emit`
  (pyqtgraph emits many per redraw) drops True's count by one: "Fatal Python error: bool_dealloc".
- A Python slot invoked from the event loop (a queued connection, a QTimer's timeout) drops one
  reference to `None` per call: "Fatal Python error: none_dealloc: deallocating None".
Either aborts the interpreter after a few hundred to a few thousand calls.

The singletons True, False and None are static objects CPython never frees (3.12 makes them immortal), so
raising their counts by 2**40 once is harmless and keeps the count from ever reaching zero. Nothing is done
on CPython >= 3.12, other interpreters, or other PySide6 versions. Applied on import of gui.panels; it
belongs as early as possible in the app and the test suite (gui/__init__.py, tests/conftest.py).
"""

from __future__ import annotations

import ctypes
import platform
import sys

_BUMP = 1 << 40
_applied = False


def apply() -> bool:
    """Make True, False and None effectively immortal on CPython < 3.12. Returns True if it changed them."""
    global _applied
    if _applied or platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return False
    import PySide6

    if not PySide6.__version__.startswith("6.12."):  # the bugs are in 6.12; pyproject now pins < 6.12
        return False
    for obj in (True, False, None):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BUMP  # ob_refcnt is the first field
    _applied = True
    return True
