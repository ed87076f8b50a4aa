"""The trainer window's visual panels: training plots, learned filters, feature maps, prediction bars."""

from gui.panels import _qtfix

_qtfix.apply()  # PySide6 6.12's Signal.emit() drops a reference to True on each call; see _qtfix
