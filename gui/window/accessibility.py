"""Names for screen readers, and training progress announced to them.

`name_widgets(root)` walks a window and gives every widget that takes keyboard focus an accessible name a
screen reader can say, where Qt finds none by itself (Qt already names buttons by their text and fields by
their buddy label):

- a widget with a tooltip is named by the tooltip's first sentence, and the whole tooltip becomes its
  accessible description;
- the parts Qt builds inside other widgets are named after their owner: the text field of a spin box (after
  the spin box), the list that drops down from a combo box (after the combo box);
- a chart (a QGraphicsView, as every pyqtgraph plot is) is named after its panel's title; its viewport
  passes the focus to it (Qt makes the view the viewport's focus proxy), so the viewport needs no name.
  (Setting the viewport's focus policy would set the chart's too, through that proxy.)

A widget with a name but no tooltip is described by how the keyboard works it ("Up and Down arrow keys
change the value, or type a new one").

`unnamed_focusable(root)` / `undescribed_focusable(root)` list what is still unnamed / undescribed
(tests/gui/test_accessibility.py fails on any, in every window and dialog).

`main_tab_order(window)` is the order Tab walks the main window's controls, panel by panel as they sit on
screen (left column top to bottom, the plots, the right column, the gallery); `apply_tab_order(window)` sets
it (again whenever the class buttons are made anew).

`Announcer` tells screen readers how training goes — started, each epoch with its validation accuracy,
stopped or finished — with Qt's QAccessibleAnnouncementEvent.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from gui.text import translate
from gui.widget_tree import child_widgets, descendants

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


# Parts of Qt's own dialogs that Qt leaves unnamed, by class name
CLASS_NAMES = {
    "QtPrivate::QColorPicker": QT_TRANSLATE_NOOP("AccessibleNames", "Hue and saturation"),
    "QtPrivate::QColorLuminancePicker": QT_TRANSLATE_NOOP("AccessibleNames", "Brightness"),
}


# Descriptions for widgets with no tooltip: by objectName, else by kind (how the keyboard works them)
DESCRIPTIONS = {
    "trainingMessage": QT_TRANSLATE_NOOP(
        "AccessibleDescriptions", "The latest message about training: what happened and what to try"),
    "galleryView": QT_TRANSLATE_NOOP(
        "AccessibleDescriptions",
        "Arrow keys move between drawings, Shift with an arrow selects several, Delete deletes them and "
        "Ctrl+Z brings them back; the Move to button moves them to another class"),
}
CLASS_DESCRIPTIONS = {  # parts of Qt's colour dialog
    "QColorWell": QT_TRANSLATE_NOOP("AccessibleDescriptions",
                                    "Arrow keys move between the colours; Space chooses one"),
    "QtPrivate::QColorPicker": QT_TRANSLATE_NOOP("AccessibleDescriptions",
                                                 "Arrow keys change the hue and saturation"),
    "QtPrivate::QColorLuminancePicker": QT_TRANSLATE_NOOP("AccessibleDescriptions",
                                                          "Up and Down arrow keys change the brightness"),
}
ROLE_DESCRIPTIONS = (
    (QTabBar, QT_TRANSLATE_NOOP("AccessibleDescriptions", "Left and Right arrow keys switch the tab")),
    (QAbstractSpinBox, QT_TRANSLATE_NOOP("AccessibleDescriptions",
                                         "Up and Down arrow keys change the value, or type a new one")),
    (QComboBox, QT_TRANSLATE_NOOP("AccessibleDescriptions",
                                  "Up and Down arrow keys choose; Alt+Down opens the list")),
    (QCheckBox, QT_TRANSLATE_NOOP("AccessibleDescriptions", "Space ticks or clears it")),
    (QAbstractButton, QT_TRANSLATE_NOOP("AccessibleDescriptions", "Space presses it")),
    (QAbstractSlider, QT_TRANSLATE_NOOP("AccessibleDescriptions", "Arrow keys change the value")),
    (QLineEdit, QT_TRANSLATE_NOOP("AccessibleDescriptions", "Type the text")),
    (QTextEdit, QT_TRANSLATE_NOOP("AccessibleDescriptions", "Arrow and Page keys move through the text")),
    (QAbstractItemView, QT_TRANSLATE_NOOP("AccessibleDescriptions",
                                          "Arrow keys move from item to item; Ctrl+C copies the current "
                                          "one")),
    (QAbstractScrollArea, QT_TRANSLATE_NOOP("AccessibleDescriptions", "Arrow and Page keys scroll it")),
    (QLabel, QT_TRANSLATE_NOOP("AccessibleDescriptions", "Text that can be selected and copied")),
)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says for `widget` (Qt's own fallbacks included)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else widget.accessibleName()


def takes_focus(widget: QWidget) -> bool:
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isEnabled()


def holds_focus(widget: QWidget) -> bool:
    """Whether `widget` itself can hold the keyboard focus (a widget with a focus proxy passes it on: a
    chart's viewport to the chart, a tab widget to its tab bar)."""
    return takes_focus(widget) and widget.focusProxy() is None


def first_sentence(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text or "").strip()
    line = text.splitlines()[0] if text else ""
    match = re.match(r"(.+?[.:;!?])(\s|$)", line)
    return (match.group(1) if match else line).rstrip(".:; ").strip()


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


def _how_to_use(widget: QWidget) -> str:
    """A description of how the keyboard works `widget`, for widgets with no tooltip to describe them."""
    by_name = DESCRIPTIONS.get(widget.objectName(), "") or CLASS_DESCRIPTIONS.get(
        widget.metaObject().className(), "")
    if by_name:
        return QCoreApplication.translate("AccessibleDescriptions", by_name)
    for kind, text in ROLE_DESCRIPTIONS:
        if isinstance(widget, kind):
            return QCoreApplication.translate("AccessibleDescriptions", text)
    return ""


def name_widgets(root: QWidget) -> None:
    """Name and describe every focusable widget of `root`'s window that Qt leaves unnamed (see the module
    doc). A chart nobody named itself (no accessible name of its own) is no Tab stop: what it shows is in its
    panel's text and numbers."""
    for widget in [root, *descendants(root)]:
        if not takes_focus(widget) or widget.window() is not root.window():
            continue
        owner = widget.parentWidget()
        if isinstance(owner, QGraphicsView) and widget is owner.viewport():
            continue  # its focus goes to the chart (its focus proxy)
        if isinstance(widget, QGraphicsView) and not widget.accessibleName():
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            continue
        if not accessible_name(widget):
            name = _name_for(widget, owner)
            if name:
                widget.setAccessibleName(name)
        if not widget.accessibleDescription() and accessible_name(widget):
            tip = re.sub(r"<[^>]+>", "", widget.toolTip()).strip()
            description = tip or _how_to_use(widget)
            if description:
                widget.setAccessibleDescription(description)


def _name_for(widget: QWidget, owner: QWidget | None) -> str:
    """The name for a widget Qt finds none for ("" if nothing names it)."""
    name = NAMES.get(widget.objectName(), "") or CLASS_NAMES.get(widget.metaObject().className(), "")
    name = QCoreApplication.translate("AccessibleNames", name) if name else ""
    if name:
        pass
    elif isinstance(widget, QLineEdit) and isinstance(owner, QAbstractSpinBox):
        name = accessible_name(owner) or first_sentence(owner.toolTip())
    elif isinstance(widget, QAbstractItemView) and owner is not None:
        combo = owner.parentWidget()
        if isinstance(combo, QComboBox):
            name = translate("AccessibleNames", "{value}: choices").format(
                value=accessible_name(combo) or first_sentence(combo.toolTip())
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
    if not name and widget.toolTip():
        name = first_sentence(widget.toolTip())
    return name


def unnamed_focusable(root: QWidget) -> list[QWidget]:
    """The widgets of `root`'s window that take keyboard focus but have no accessible name."""
    return [w for w in [root, *descendants(root)]
            if holds_focus(w) and w.window() is root.window() and not accessible_name(w)]


def main_tab_order(window: QMainWindow) -> list[QWidget]:
    """The main window's controls in the order Tab visits them (see the module docstring)."""
    cp, tp, g = window.canvas_panel, window.training_panel, window.gallery
    return [
        window.canvas, cp.undo_button, cp.redo_button, cp.clear_button, cp.width_slider,
        *window.palette.buttons(),
        window.prediction.bars,
        window.plots.loss_plot, window.plots.accuracy_plot,
        tp.preset, tp.epochs, tp.batch, tp.lr, tp.optimizer, tp.val_split, tp.seed, tp.augment, tp.average,
        tp.train_button, tp.pause_button, tp.step_button, tp.stop_button, tp.reset_button,
        # the tabs of docks stacked on one another (Filters | Feature maps), made by the main window
        *(c for c in child_widgets(window) if isinstance(c, QTabBar)),
        window.filters.scroller, window.feature_maps.scroller,
        g.filter_combo, g.mine_check, g.relabel_button, g.delete_button, g.undo_button, g.show_all_button,
        g.view,
    ]


def apply_tab_order(window: QMainWindow) -> None:
    """Sets `main_tab_order(window)` as the window's Tab order."""
    order = main_tab_order(window)
    for first, second in zip(order, order[1:], strict=False):
        QWidget.setTabOrder(first, second)


def accessible_description(widget: QWidget) -> str:
    """The description a screen reader gives `widget` (its own, or what Qt reports for it)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    said = iface.text(QAccessible.Text.Description).strip() if iface is not None else ""
    return said or widget.accessibleDescription().strip()


def undescribed_focusable(root: QWidget) -> list[QWidget]:
    """The widgets of `root`'s window that take keyboard focus but have no accessible description."""
    return [w for w in [root, *descendants(root)]
            if holds_focus(w) and w.window() is root.window() and not accessible_description(w)]


class SideWindowNamer(QObject):
    """Runs `name_widgets` on the main `window`'s side windows (Lessons, Analysis: QMainWindow children
    built on first use) and dialogs (every QDialog made with the main window as its parent: message boxes,
    Compare models, Keyboard shortcuts, the colour, file and input dialogs) whenever one is shown, and on
    the main window itself when it is shown."""

    HOOKED = "accessibleNamesHooked"  # a property set on each window already watched

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._scan_pending = False
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.ChildAdded and not self._scan_pending:
            self._scan_pending = True
            QTimer.singleShot(0, self.scan)
        elif kind == QEvent.Type.Show and isinstance(obj, (QMainWindow, QDialog)):
            QTimer.singleShot(0, obj, lambda w=obj: name_widgets(w))  # cancelled if the window goes first
        return False

    def scan(self) -> None:
        self._scan_pending = False
        for child in child_widgets(self.window):
            if (isinstance(child, (QMainWindow, QDialog)) and child.isWindow()
                    and not child.property(self.HOOKED)):
                child.setProperty(self.HOOKED, True)
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
