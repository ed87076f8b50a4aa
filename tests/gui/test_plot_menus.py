"""No plot builds a pyqtgraph context menu only to throw it away.

A ViewBox made with its menu on builds a ViewBoxMenu (Qt menus and widgets); turning the menu off afterwards
deletes it again (`setParent(None)`). That churn cost a third of building a grid of views, and the deletion
is where PySide6 + pyqtgraph segfaulted in a panel's constructor (a full-suite run, 7 Dec 2026). The
lessons and the analysis panels are made with `enableMenu=False`; only the loss and accuracy plots, whose
menu the user can open, build one. (pyqtgraph's ColorBarItem still builds and drops one inside its own
constructor; that is not ours to change.)"""

from __future__ import annotations

import importlib

import pyqtgraph as pg

from gui.analysis import AnalysisView
from gui.analysis.view import TABS
from gui.lessons.view import LessonsView
from gui.panels.plots import TrainingPlots

# the module (the package `pyqtgraph.graphicsItems.ViewBox` exports the class under the same name)
viewbox_module = importlib.import_module("pyqtgraph.graphicsItems.ViewBox.ViewBox")


def _count_menus(monkeypatch) -> list:
    made: list = []
    original = viewbox_module.ViewBoxMenu

    def counting(view):
        if not isinstance(view.parentItem(), pg.ColorBarItem):  # pyqtgraph's own colour bars do it inside
            made.append(view)
        return original(view)

    monkeypatch.setattr(viewbox_module, "ViewBoxMenu", counting)
    return made


def test_the_analysis_panels_and_the_lessons_build_no_context_menu(qtbot, monkeypatch):
    made = _count_menus(monkeypatch)
    analysis = AnalysisView()
    qtbot.addWidget(analysis)
    for name, _title, _tip in TABS:
        assert analysis.panels.build(name) is not None
    assert all(analysis.panels.is_built(name) for name, _t, _tip in TABS)
    lessons = LessonsView()
    qtbot.addWidget(lessons)
    for i in range(lessons.count()):
        lessons.setCurrentIndex(i)
        lessons.lessons[i].ensurePolished()
    assert made == []
    assert analysis.shutdown()


def test_the_training_plots_keep_their_context_menu(qtbot, monkeypatch):
    made = _count_menus(monkeypatch)  # the check above can fail: these plots do build one each
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    assert len(made) == 2
    assert plots.loss_plot.getPlotItem().vb.menu is not None
