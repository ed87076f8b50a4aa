"""LessonsView: the lessons of the lecture as tabs, with keyboard navigation and a large-text option."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTabWidget, QWidget

from gui.lessons.backprop_lesson import BackpropLesson
from gui.lessons.common import CHART_HEADER, chart_rows
from gui.lessons.convolution_lesson import ConvolutionLesson
from gui.lessons.corner_lesson import CornerLesson
from gui.lessons.depth_lesson import DepthLesson
from gui.lessons.neuron_lesson import NeuronLesson
from gui.lessons.pipeline_lesson import PipelineLesson
from gui.lessons.pooling_lesson import PoolingLesson
from gui.lessons.separability_lesson import SeparabilityLesson
from gui.panels._export import copy_table, install_copy_shortcut
from gui.panels.tab_order import focus_next_in_reading_order, leave_tab_to_the_window
from gui.text import translate

LARGE_TEXT_FACTOR = 1.6
TAB_FACTOR = 1.1  # the lesson tabs' labels in large text


class LessonsView(QTabWidget):
    """The lessons, in the lecture's order.

    API (the main window wires these): set_model(model, classes) — the view keeps its own copy, so training
    can go on; set_model_note(text, trained) — which model that is, in words, shown in every lesson that
    shows it ("modelNote" labels); set_drawing(strokes); set_dataset(drawings, classes);
    set_large_text(bool). Signal: trainRequested() (a lesson's "Train the network now" button).
    Keys: Right / Page Down = next step, Left / Page Up = previous step,
    Ctrl+Page Down / Ctrl+Page Up = next / previous lesson, Ctrl+Shift+L = large text.
    """

    trainRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lessonsView")
        self.lessons = [CornerLesson(), NeuronLesson(), SeparabilityLesson(), BackpropLesson(),
                        ConvolutionLesson(), PoolingLesson(), PipelineLesson(), DepthLesson()]
        names = [translate("LessonsView", "1 Representation"), translate("LessonsView", "2 Neuron"),
                 translate("LessonsView", "3 Separable?"), translate("LessonsView", "4 Backprop"),
                 translate("LessonsView", "5 Convolution"), translate("LessonsView", "6 ReLU && pooling"),
                 translate("LessonsView", "7 Whole CNN"), translate("LessonsView", "8 How deep?")]
        for lesson, name in zip(self.lessons, names, strict=True):
            self.addTab(lesson, name)
            self.setTabToolTip(self.count() - 1, translate(type(lesson).__name__, lesson.title))
            lesson.trainRequested.connect(self.trainRequested)
        self._base_font = QFont(self.font())

        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(4, 0, 4, 0)
        self.large_text = QCheckBox(translate("LessonsView", "Large text"))
        self.large_text.setObjectName("largeTextToggle")
        self.large_text.setToolTip(translate("LessonsView", "Bigger letters for a projector (Ctrl+Shift+L)"))
        self.large_text.toggled.connect(self.set_large_text)
        row.addWidget(self.large_text)
        self.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        def shortcut(keys, slot):
            for key in keys:
                sc = QShortcut(QKeySequence(key), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(slot)

        shortcut(["Right", "PgDown"], self.next_step)
        shortcut(["Left", "PgUp"], self.previous_step)
        shortcut(["Ctrl+PgDown"], lambda: self.setCurrentIndex((self.currentIndex() + 1) % self.count()))
        shortcut(["Ctrl+PgUp"], lambda: self.setCurrentIndex((self.currentIndex() - 1) % self.count()))
        shortcut(["Ctrl+Shift+L"], self.large_text.toggle)
        # Tab reads each lesson top to bottom, left to right (its step buttons last); Ctrl+C copies the
        # numbers of the lesson shown (its charts' text equivalent)
        leave_tab_to_the_window(self)
        self.copy_shortcut = install_copy_shortcut(self, self.copy_numbers)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        return focus_next_in_reading_order(self, next) or super().focusNextPrevChild(next)

    def copy_numbers(self) -> int:
        """Copies the numbers the shown lesson's charts and number tables hold to the clipboard, as a table
        (`chart_rows`; the main window's panels and the Analysis tabs copy the same way); rows copied."""
        return copy_table(self, [translate("Lesson", h) for h in CHART_HEADER],
                          chart_rows(self.current_lesson()))

    # -- navigation ---------------------------------------------------------------------------
    def current_lesson(self):
        return self.lessons[self.currentIndex()]

    def next_step(self) -> None:
        self.current_lesson().next_step()

    def previous_step(self) -> None:
        self.current_lesson().previous_step()

    def set_large_text(self, large: bool) -> None:
        font = QFont(self._base_font)
        if large:
            font.setPointSizeF(self._base_font.pointSizeF() * LARGE_TEXT_FACTOR)
        self.setFont(font)
        # the tab labels grow less than the text, so that all of them stay readable side by side
        tab_font = QFont(self._base_font)
        if large:
            tab_font.setPointSizeF(self._base_font.pointSizeF() * TAB_FACTOR)
        self.tabBar().setFont(tab_font)
        self.large_text.setFont(tab_font)
        if self.large_text.isChecked() != bool(large):
            self.large_text.setChecked(bool(large))

    def shutdown(self, budget_s: float = 2.0) -> bool:
        """End the lessons' background jobs (the depth comparison) within `budget_s`. True when they ended."""
        return all(lesson.shutdown(budget_s) for lesson in self.lessons if hasattr(lesson, "shutdown"))

    # -- inputs from the app ------------------------------------------------------------------
    def set_model(self, model, classes) -> None:
        """Give the lessons the current model; they work on a private copy (None: no model)."""
        copy = None if model is None else model.copy()
        for lesson in self.lessons:
            lesson.set_model(copy, classes)

    def set_model_note(self, text: str, trained: bool = True, training: bool = False) -> None:
        """Which model the lessons show, in words, whether it is trained and whether it is being trained
        now (see Lesson.set_model_note)."""
        for lesson in self.lessons:
            lesson.set_model_note(text, trained, training)

    def set_drawing(self, strokes) -> None:
        for lesson in self.lessons:
            lesson.set_drawing(strokes)

    def set_dataset(self, drawings, classes) -> None:
        for lesson in self.lessons:
            lesson.set_dataset(drawings, classes)
