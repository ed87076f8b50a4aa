"""Walking a widget tree without `QObject.findChildren`.

PySide6 (6.11) registers every object `findChildren` returns as a child of the *Python wrapper* it was
called on, whatever the object's real parent is. A table's header found from a window is then recorded as
the window's child; after a few such moves between wrappers of windows that come and go, the header's
wrapper can end up owning its C++ object, and a later garbage collection deletes a live header under its
table (a segfault in `QTableView::updateGeometries` the next time the table is laid out: the lessons
window's convolution grids, traced with gdb). `QObject.children()` records nothing, so these walks use it.
`findChild` and a widget's `focusWidget()` record what they return in the same way (tests/gui/
test_widget_tree.py shows each), so the code uses `find_named` and the static `QApplication.focusWidget()`.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QWidget


def child_widgets(widget: QObject) -> list[QWidget]:
    """`widget`'s direct children that are widgets, in creation order (as FindDirectChildrenOnly)."""
    return [c for c in widget.children() if isinstance(c, QWidget)]


def descendants(root: QObject, kind: type = QWidget, *, into_views: bool = False) -> Iterator:
    """Every object of `kind` under `root` (not `root` itself), depth first in creation order.

    An item view's own parts (its headers, viewport, scroll bars, editors) are skipped unless
    `into_views`: they are the view's business, and no caller here wants them."""
    stack = list(reversed(root.children()))
    while stack:
        obj = stack.pop()
        if isinstance(obj, kind):
            yield obj
        if into_views or not isinstance(obj, QAbstractItemView):
            stack.extend(reversed(obj.children()))


def find_named(root: QObject, name: str = "", kind: type = QWidget):
    """The first object of `kind` under `root` whose objectName is `name` (any name if empty), or None.

    Stands in for `root.findChild(kind, name)`, which moves the found object's wrapper the same way."""
    for obj in descendants(root, kind, into_views=True):
        if not name or obj.objectName() == name:
            return obj
    return None
