"""The trainer window's visual panels: training plots, learned filters, feature maps, prediction bars."""

from gui.panels import _qtfix

# PySide6 6.12 on CPython 3.11 drops references to True (Signal.emit) and to None (Python slots called
# from the event loop, e.g. a QTimer's timeout), so the interpreter aborts after a few thousand of them.
_qtfix.apply()
