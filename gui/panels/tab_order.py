"""Tab in reading order: the controls of a window in the order its layouts place them on screen.

`reading_order(root)` lists the widgets under `root` that Tab stops on (they take Tab focus themselves, not
through a focus proxy) in the order their layouts place them: a vertical box top to bottom, a horizontal box
left to right, a grid row by row, a tab widget's tab bar and corner widgets before its pages, a scroll area
before what it scrolls, a splitter's parts in order; widgets no layout places come after their layout's.
That is how a page is read, top to bottom and left to right, whenever the widgets were made (a button
inserted above a panel's controls later is still read before them).

`focus_next_in_reading_order(root, forward)` moves the focus along it: the Lessons and Analysis views call
it from `focusNextPrevChild` (what Qt calls for Tab and Shift+Tab), so the order is computed from the
layouts when the key is pressed and widgets made later take their places too. (Rearranging Qt's own focus
chain with QWidget.setTabOrder instead crashed Qt 6.11 in QTableView::timerEvent when done while a lesson
was being shown.) `leave_tab_to_the_window(root)` makes table views pass Tab on (the arrow keys move
between their cells), else Tab would stay inside the first table it meets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QGridLayout,
    QLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from gui.widget_tree import child_widgets, descendants


def is_tab_stop(widget: QWidget) -> bool:
    """Tab can stop on `widget` itself (enabled, Tab focus, no focus proxy passing it on)."""
    policy = widget.focusPolicy()
    return (widget.isEnabled() and widget.focusProxy() is None
            and policy & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus)


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):
        cells = [(layout.getItemPosition(i)[:2], i) for i in range(layout.count())]
        items = [items[i] for _cell, i in sorted(cells)]
    elif isinstance(layout, QBoxLayout) and layout.direction() in (QBoxLayout.Direction.RightToLeft,
                                                                     QBoxLayout.Direction.BottomToTop):
        items.reverse()
    out: list[QWidget] = []
    for item in items:
        if item.widget() is not None:
            out.append(item.widget())
        elif item.layout() is not None:
            out += _layout_widgets(item.layout())
    return out


def _placed_children(widget: QWidget) -> list[QWidget]:
    """`widget`'s children in the order they are placed (see the module doc)."""
    if isinstance(widget, QTabWidget):
        corners = [widget.cornerWidget(c) for c in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner)]
        kids = [widget.tabBar(), *corners, *(widget.widget(i) for i in range(widget.count()))]
    elif isinstance(widget, QScrollArea):
        kids = [widget.widget()]
    elif isinstance(widget, (QSplitter, QStackedWidget)):
        kids = [widget.widget(i) for i in range(widget.count())]
    elif widget.layout() is not None:
        kids = _layout_widgets(widget.layout())
    else:
        kids = []
    direct = child_widgets(widget)
    return [k for k in kids if k is not None] + [c for c in direct if c not in kids]


def reading_order(root: QWidget) -> list[QWidget]:
    """The Tab stops under `root`, in reading order (see the module doc)."""
    out: list[QWidget] = []
    seen: set[int] = set()

    def walk(widget: QWidget) -> None:
        if id(widget) in seen or (widget is not root and widget.isWindow()):
            return
        seen.add(id(widget))
        if widget is not root and is_tab_stop(widget):
            out.append(widget)
        for child in _placed_children(widget):
            walk(child)

    walk(root)
    return out


def leave_tab_to_the_window(root: QWidget) -> None:
    """Table and list views under `root` pass Tab on (their arrow keys move between cells)."""
    for view in descendants(root, QAbstractItemView):
        if view.tabKeyNavigation():
            view.setTabKeyNavigation(False)


def focus_next_in_reading_order(root: QWidget, forward: bool = True) -> bool:
    """Moves the keyboard focus from the focused widget to the next (or previous) visible Tab stop under
    `root` in reading order, round to the first after the last; False when the focus is not under `root`.
    A view calls it from `focusNextPrevChild`, which Qt calls for Tab and Shift+Tab."""
    stops = [w for w in reading_order(root) if w.isVisible()]
    current = QApplication.focusWidget()
    while current is not None and current not in stops and current is not root:
        current = current.parentWidget()
    if not stops or current is None or (current is root and root not in stops):
        return False
    index = stops.index(current) if current in stops else -1
    target = stops[(index + (1 if forward else -1)) % len(stops)]
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    return True
