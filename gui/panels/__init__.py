"""The trainer window's visual panels: training plots, learned filters, feature maps, prediction bars."""

# PySide6 6.12's Signal.emit() drops a reference to True on each call (pyqtgraph emits many per redraw);
# the guard lives in gui.qtfix; _qtfix is the same stopgap for when that module is absent.
try:
    import gui.qtfix  # noqa: F401  (applies itself on import)
except ImportError:
    from gui.panels import _qtfix

    _qtfix.apply()
