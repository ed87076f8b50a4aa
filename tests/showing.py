"""A widget on the (offscreen) screen for a GUI test."""

from __future__ import annotations


def show_widget(qtbot, widget, width: int, height: int):
    """`widget` closed by qtbot at the end of the test, `width` × `height`, shown and exposed."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
