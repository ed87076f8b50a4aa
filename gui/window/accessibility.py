"""Names for screen readers, and training progress announced to them.

`name_widgets(root)` walks a window and gives every widget that takes keyboard focus an accessible name a
screen reader can say, where Qt finds none by itself (Qt already names buttons by their text and fields by
their buddy label):

- a widget with a tooltip is named by the tooltip's first sentence, and the whole tooltip becomes its
  accessible description;
- the parts Qt builds inside other widgets are named after their owner: the text field of a spin box (after
  the spin box), the list that drops down from a combo box (after the combo box);
- the viewport inside a chart (a QGraphicsView, as every pyqtgraph plot is) stops taking focus: the chart
  itself does, named after its panel's title.

`unnamed_focusable(root)` lists what is still unnamed (tests/gui/test_presenter.py fails on any).

`Announcer` tells screen readers how training goes — started, each epoch with its validation accuracy,
stopped or finished — with Qt's QAccessibleAnnouncementEvent.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from gui.text import translate

# Widgets that have neither a label nor a tooltip to be named by, by objectName (the lessons' grids are
# tables of numbers a screen reader reads cell by cell; their name says what the table is)
NAMES = {
    "trainingMessage": QT_TRANSLATE_NOOP("AccessibleNames", "Training message"),
    "galleryView": QT_TRANSLATE_NOOP("AccessibleNames", "Gallery: every drawing in the dataset, by class"),
    "parameterTable": QT_TRANSLATE_NOOP("AccessibleNames", "Weights per layer of the network"),
    "paintedKernelGrid": QT_TRANSLATE_NOOP("AccessibleNames", "Your 3 by 3 kernel (editable numbers)"),
    "imageGrid": QT_TRANSLATE_NOOP("AccessibleNames", "The 5 by 5 input image (editable numbers)"),
    "filterGrid": QT_TRANSLATE_NOOP("AccessibleNames", "The 3 by 3 filter (editable numbers)"),
    "signalGrid": QT_TRANSLATE_NOOP("AccessibleNames", "The 1-D signal (editable numbers)"),
    "kernel1dGrid": QT_TRANSLATE_NOOP("AccessibleNames", "The 1-D kernel (editable numbers)"),
    "output1dGrid": QT_TRANSLATE_NOOP("AccessibleNames", "The 1-D convolution's output"),
    "output2dGrid": QT_TRANSLATE_NOOP("AccessibleNames", "The 2-D convolution's output"),
    "backpropNumbers": QT_TRANSLATE_NOOP("AccessibleNames", "Back-propagation, number by number"),
}


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says for `widget` (Qt's own fallbacks included)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else widget.accessibleName()


def takes_focus(widget: QWidget) -> bool:
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isEnabled()


def first_sentence(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text or "").strip()
    line = text.splitlines()[0] if text else ""
    match = re.match(r"(.+?[.:;!?])(\s|$)", line)
    return (match.group(1) if match else line).rstrip(".:; ").strip()


def _title_of(widget: QWidget) -> str:
    """A chart's name: its own tooltip, or the title label of the panel it sits in."""
    if widget.toolTip():
        return first_sentence(widget.toolTip())
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QMainWindow):
        title = getattr(parent, "title", None)
        if isinstance(title, QLabel) and title.text():
            return first_sentence(title.text())
        if parent.accessibleName():
            return parent.accessibleName()
        if parent.toolTip():
            return first_sentence(parent.toolTip())
        parent = parent.parentWidget()
    return ""


def _page_of(widget: QWidget) -> str:
    """'<tab> page' for a widget on a tab page (a scrolling area that takes the keyboard to scroll)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            index = tabs.indexOf(child)
            if index >= 0:
                return translate("AccessibleNames", "{value} page").format(
                    value=tabs.tabText(index).replace('&', ''),
                )
        child, parent = parent, parent.parentWidget()
    return ""


def name_widgets(root: QWidget) -> None:
    """Name every focusable widget of `root`'s window that Qt leaves unnamed (see the module doc)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not takes_focus(widget) or widget.window() is not root.window():
            continue
        owner = widget.parentWidget()
        if isinstance(owner, QGraphicsView) and widget is owner.viewport():
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chart itself takes the focus
            continue
        if accessible_name(widget):
            if widget.toolTip() and not widget.accessibleDescription():
                widget.setAccessibleDescription(re.sub(r"<[^>]+>", "", widget.toolTip()))
            continue
        name = NAMES.get(widget.objectName(), "")
        name = QCoreApplication.translate("AccessibleNames", name) if name else ""
        if name:
            pass
        elif isinstance(widget, QLineEdit) and isinstance(owner, QAbstractSpinBox):
            name = accessible_name(owner) or first_sentence(owner.toolTip())
        elif isinstance(widget, QAbstractItemView) and owner is not None:
            combo = owner.parentWidget()
            if isinstance(combo, QComboBox):
                name = translate("AccessibleNames", "{value}: choices").format(
                    value=accessible_name(combo) or first_sentence(combo.toolTip()),
                )
        if not name and isinstance(widget, QSpinBox) and (widget.prefix() or widget.suffix()):
            name = (widget.prefix() or widget.suffix()).strip()  # "filter ", "feature map of filter "
        if not name and isinstance(widget, QTabWidget) and widget.window().centralWidget() is widget:
            title = widget.window().windowTitle()
            name = title.split("—")[-1].strip() or title
            tabs = ", ".join(widget.tabText(i).replace("&", "") for i in range(widget.count()))
            widget.setAccessibleDescription(
                translate("AccessibleNames", "{value} tabs: {tabs}").format(value=widget.count(), tabs=tabs)
            )
        if not name and isinstance(widget, QScrollArea):
            name = _page_of(widget)
        if not name and isinstance(widget, QGraphicsView):
            name = _title_of(widget)
        if not name and widget.toolTip():
            name = first_sentence(widget.toolTip())
        if name:
            widget.setAccessibleName(name)
            if widget.toolTip() and not widget.accessibleDescription():
                widget.setAccessibleDescription(re.sub(r"<[^>]+>", "", widget.toolTip()))


def unnamed_focusable(root: QWidget) -> list[QWidget]:
    """The widgets of `root`'s window that take keyboard focus but have no accessible name."""
    return [w for w in [root, *root.findChildren(QWidget)]
            if takes_focus(w) and w.window() is root.window() and not accessible_name(w)]


class SideWindowNamer(QObject):
    """Runs `name_widgets` on the main `window`'s side windows (Lessons, Analysis: QMainWindow children
    built on first use) whenever one is shown, and on the main window itself when it is shown."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._hooked: list[QMainWindow] = []
        self._scan_pending = False
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.ChildAdded and not self._scan_pending:
            self._scan_pending = True
            QTimer.singleShot(0, self.scan)
        elif kind == QEvent.Type.Show and isinstance(obj, QMainWindow):
            QTimer.singleShot(0, lambda w=obj: name_widgets(w))
        return False

    def scan(self) -> None:
        self._scan_pending = False
        for child in self.window.findChildren(QMainWindow, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isWindow() and all(child is not known for known in self._hooked):
                self._hooked.append(child)
                child.installEventFilter(self)
                name_widgets(child)


class Announcer(QObject):
    """Announces training to screen readers (the main `window`'s controller records; plain text)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.spoken: list[str] = []  # what was announced, newest last (tests read it)
        window.controller.recordReceived.connect(self.record)

    def say(self, text: str) -> None:
        self.spoken.append(text)
        del self.spoken[:-50]
        target = self.window.training_panel
        event = QAccessibleAnnouncementEvent(target, text)
        QAccessible.updateAccessibility(event)

    def record(self, record) -> None:
        locale, translate = QLocale(), QCoreApplication.translate
        kind = getattr(record, "kind", "")
        if kind == "epoch":
            total = self.window.training.settings().epochs
            text = translate("Announcer", "Epoch {epoch} of {total} done").format(
                epoch=locale.toString(record.epoch + 1), total=locale.toString(total))
            if record.val_accuracy is not None:
                text += translate("Announcer", ": validation accuracy {percent} percent").format(
                    percent=locale.toString(100.0 * record.val_accuracy, "f", 1))
            elif record.accuracy is not None:
                text += translate("Announcer", ": training accuracy {percent} percent").format(
                    percent=locale.toString(100.0 * record.accuracy, "f", 1))
            self.say(text)
        elif kind in ("done", "stopped", "diverged"):
            words = {
                "done": translate("Announcer", "Training finished"),
                "stopped": translate("Announcer", "Training stopped"),
                "diverged": translate("Announcer", "Training paused"),
            }
            self.say(f"{words[kind]}. {record.message}".strip())
