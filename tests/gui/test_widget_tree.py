"""gui.widget_tree: walking widgets without findChildren (which re-records what it finds as children of the
wrapper it was called on; see the module doc)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollBar,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gui.widget_tree import child_widgets, descendants


def _window(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    page = QWidget()
    page.setObjectName("page")
    layout = QVBoxLayout(page)
    first, table, last = QLabel("first"), QTableWidget(2, 2), QPushButton("last")
    for w in (first, table, last):
        layout.addWidget(w)
    win.setCentralWidget(page)
    return win, page, first, table, last


def _recorded_parent(obj) -> str:
    return next(line for line in shiboken6.dump(obj).splitlines() if line.startswith("parent"))


def test_descendants_lists_widgets_depth_first_in_creation_order_and_skips_a_views_parts(qtbot):
    win, page, first, table, last = _window(qtbot)
    mine = [w for w in descendants(page)]
    assert mine == [first, table, last]  # not the table's headers, viewport or scroll bars
    inside = list(descendants(page, QHeaderView, into_views=True))
    assert len(inside) == 2 and all(h.parent() is table for h in inside)
    assert list(descendants(page, QScrollBar)) == []
    bars = list(descendants(page, QScrollBar, into_views=True))  # the table's and its headers' own
    assert len(bars) == 6 and {table.horizontalScrollBar(), table.verticalScrollBar()} <= set(bars)
    assert page in child_widgets(win) and first not in child_widgets(win)
    assert list(descendants(win, QPushButton)) == [last]


def test_walking_leaves_a_headers_wrapper_with_its_table(qtbot):
    """findChildren records a table's header as the window's child (the wrapper bookkeeping that let a
    garbage collection delete a live header); the walk records nothing."""
    win, page, first, table, last = _window(qtbot)
    header = table.horizontalHeader()
    assert "QTableWidget" in _recorded_parent(header)
    list(descendants(win, QHeaderView, into_views=True))
    list(descendants(win))
    child_widgets(win)
    assert "QTableWidget" in _recorded_parent(header)
    win.findChildren(QHeaderView)  # the check can fail: this is what the walk avoids
    assert "QMainWindow" in _recorded_parent(header)
