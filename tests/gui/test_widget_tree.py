"""gui.widget_tree: walking widgets without findChildren (which re-records what it finds as children of the
wrapper it was called on; see the module doc)."""

from __future__ import annotations

import re
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollBar,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gui.widget_tree import child_widgets, descendants, find_named


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


def test_find_named_finds_by_name_and_kind_and_leaves_the_wrapper_where_it_was(qtbot):
    """findChild moves the found widget's wrapper to the window like findChildren; find_named does not."""
    win, page, first, table, last = _window(qtbot)
    last.setObjectName("go")
    first.setObjectName("go")  # a label of the same name: the kind decides
    assert find_named(win, "go", QPushButton) is last
    assert find_named(win, "go", QLabel) is first
    assert find_named(win, "page") is page
    assert find_named(win, "absent") is None
    assert find_named(page, "", QTableWidget) is table
    assert "QWidget" in _recorded_parent(last)
    win.findChild(QPushButton, "go")  # the check can fail: this is what find_named avoids
    assert "QMainWindow" in _recorded_parent(last)


def test_a_widgets_focus_widget_moves_the_wrapper_too(qtbot):
    """QWidget.focusWidget() records what it returns as the widget's child, as findChild does (so the code
    asks QApplication.focusWidget(), a static call that records nothing)."""
    win, page, first, table, last = _window(qtbot)
    win.show()
    qtbot.waitExposed(win)
    last.setFocus()
    assert "QWidget" in _recorded_parent(last)
    assert QApplication.focusWidget() in (last, None)
    assert "QWidget" in _recorded_parent(last)
    assert win.focusWidget() is last
    assert "QMainWindow" in _recorded_parent(last)


def test_no_code_calls_qts_find_child_outside_this_file():
    """gui/ and tests/ use gui.widget_tree instead of findChild/findChildren, and QApplication.focusWidget()
    instead of a widget's focusWidget() (see the module doc)."""
    root = Path(__file__).resolve().parents[2]
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for folder in ("gui", "tests", "benchmarks")
        for path in (root / folder).rglob("*.py")
        if path.name not in ("test_widget_tree.py", "widget_tree.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".findChild" in line or re.search(r"(?<!QApplication)(?<!qapp)(?<!app)\.focusWidget\(", line)
    ]
    assert offenders == []
