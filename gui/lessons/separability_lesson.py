"""Lesson 3 — Linearly separable or not: one neuron against a network with a hidden layer, trained live."""

from __future__ import annotations

import copy

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from engine.lessons import EXTENT, HiddenLayerNet, Perceptron, point_set, separating_line
from gui.lessons.common import BACKGROUND, FOREGROUND, Lesson, fmt
from gui.text import QT_TRANSLATE_NOOP, translate

CLASS1 = "#d62728"  # target 1
CLASS0 = "#1f5fb4"  # target 0
RESOLUTION = 81
NET_STEPS_PER_STEP = 25
UNDO_LIMIT = 1000  # steps Previous can take back


def _region_map() -> pg.ColorMap:
    """Light blue where the output is 0, light red where it is 1 (probability in between for the network)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [pg.mkColor("#c6dbef"), pg.mkColor("#ffffff"), pg.mkColor("#fcbba1")])


class _PlanePlot(pg.PlotWidget):
    """The input plane x1 (horizontal) × x0 (vertical) with a region image, points and an optional line."""

    def __init__(self, title: str):
        super().__init__(background=BACKGROUND, enableMenu=False)
        item = self.getPlotItem()
        item.setTitle(title, color=FOREGROUND, size="11pt")
        for side in ("left", "bottom"):
            item.getAxis(side).setPen(FOREGROUND)
            item.getAxis(side).setTextPen(FOREGROUND)
        item.setLabel("bottom", translate("SeparabilityLesson", "input x1"), color=FOREGROUND)
        item.setLabel("left", translate("SeparabilityLesson", "input x0"), color=FOREGROUND)
        item.setAspectLocked(True)
        item.setMouseEnabled(False, False)
        item.hideButtons()
        lo, hi = EXTENT
        self.region = pg.ImageItem(axisOrder="row-major")
        self.region.setColorMap(_region_map())
        self.region.setLevels((0, 1))
        item.addItem(self.region)
        self.line = pg.PlotDataItem(pen=pg.mkPen(FOREGROUND, width=2, style=Qt.PenStyle.DashLine))
        item.addItem(self.line)
        self.points = pg.ScatterPlotItem(size=16, pen=pg.mkPen("w", width=1.5))
        item.addItem(self.points)
        self.current = pg.ScatterPlotItem(size=30, brush=pg.mkBrush(None), pen=pg.mkPen("#ffb300", width=3))
        item.addItem(self.current)
        item.setXRange(lo, hi, padding=0)
        item.setYRange(lo, hi, padding=0)

    def show_region(self, values: np.ndarray) -> None:
        """values (n, n): rows follow x0 from the bottom (lo) up, columns x1 from left to right."""
        lo, hi = EXTENT
        self.region.setImage(values.astype(np.float32), autoLevels=False)
        self.region.setLevels((0, 1))
        self.region.setRect(lo, lo, hi - lo, hi - lo)  # row 0 at y = lo: the plot's y axis goes up

    def show_points(self, X: np.ndarray, t: np.ndarray) -> None:
        brushes = [pg.mkBrush(CLASS1 if v else CLASS0) for v in t]
        symbols = ["o" if v else "s" for v in t]
        self.points.setData(X[:, 0], X[:, 1], brush=brushes, symbol=symbols)


class SeparabilityLesson(Lesson):
    title = QT_TRANSLATE_NOOP(
        "SeparabilityLesson",
        "3 · Linearly separable or not: one neuron against a hidden layer",
    )
    lecture = (QT_TRANSLATE_NOOP(
        "SeparabilityLesson",
        "“A single neuron is activated (= 1) or not (= 0).” y = f(w1·x1 + w0·x0 − h). “(1) If the model "
        "outputs 1 and the true value is 0, how should you modify the parameters (w1, w0, h)? (2) If it "
        "outputs 0 and the true value is 1? (3) Until when?” — “Multi-layer neural networks can solve "
        "[non-linearly separable problems] by transforming the input in a better representation.”",
    ))
    steps = [QT_TRANSLATE_NOOP(
        "SeparabilityLesson",
        "Each <b>Next step</b> shows one point to the single neuron and applies its rule, and trains the "
        "hidden-layer network for 25 more gradient steps. Red circles: target 1; blue squares: target 0. "
        "Shading: what each model answers there. Try AND and OR, then XOR, then place your own points "
        "(click: target 1, Shift+click: target 0).",
    )]
    repeats = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("separabilityLesson")
        self.play_button.setVisible(False)  # this lesson has its own Run button
        self.X, self.t = point_set("XOR")
        self.perceptron: Perceptron | None = None
        self.net: HiddenLayerNet | None = None
        self.control: HiddenLayerNet | None = None  # one sigmoid neuron, trained like the network
        self.last_update = None
        self.separable_line = None  # (w1, w0, h) of a separating line, or None: decided exactly
        self._undo: list = []  # the states before each step, for Previous

        self.choice = QComboBox()
        self.choice.setObjectName("pointSetChoice")
        self.choice.addItems(["AND", "OR", "XOR", translate("SeparabilityLesson", "Your points")])
        self.choice.setCurrentText("XOR")
        self.choice.currentTextChanged.connect(self.choose)
        self.run_button = QPushButton(translate("SeparabilityLesson", "Run"))
        self.run_button.setObjectName("runButton")
        self.run_button.setCheckable(True)
        self.run_button.setToolTip(translate("SeparabilityLesson", "Keep taking steps, five a second"))
        self.run_button.toggled.connect(self._run_toggled)
        self.reset_button = QPushButton(translate("SeparabilityLesson", "Start again"))
        self.reset_button.clicked.connect(self.reset)
        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.next_step)

        self.neuron_plot = _PlanePlot(
            translate("SeparabilityLesson", "Single neuron<br>y = 1 if w1·x1 + w0·x0 − h ≥ 0")
        )
        self.neuron_plot.setObjectName("neuronPlot")
        self.neuron_plot.setToolTip(translate(
            "SeparabilityLesson",
            "Shaded red where the neuron outputs 1, blue where it outputs 0.\nThe dashed line is w1·x1 + "
            "w0·x0 = h: one straight line is all it can draw.",
        ))
        self.net_plot = _PlanePlot(translate("SeparabilityLesson", "One hidden layer<br>(8 tanh units)"))
        self.net_plot.setObjectName("networkPlot")
        self.net_plot.setToolTip(translate(
            "SeparabilityLesson",
            "Shading: the network's probability of target 1 (white = 50 %).\nIts hidden layer lets it bend "
            "the boundary.",
        ))
        self.hidden_plot = pg.PlotWidget(background=BACKGROUND, enableMenu=False)
        self.hidden_plot.setObjectName("hiddenPlot")
        hp = self.hidden_plot.getPlotItem()
        hp.setTitle(
            translate("SeparabilityLesson", "What the output neuron sees<br>(the hidden layer's outputs)"),
            color=FOREGROUND, size="11pt",
        )
        for side in ("left", "bottom"):
            hp.getAxis(side).setPen(FOREGROUND)
            hp.getAxis(side).setTextPen(FOREGROUND)
        hp.setLabel(
            "bottom",
            translate("SeparabilityLesson", "output neuron's sum w·h + b (≥ 0 → 1)"),
            color=FOREGROUND,
        )
        hp.setLabel(
            "left", translate("SeparabilityLesson", "hidden outputs, other direction"), color=FOREGROUND
        )
        hp.setMouseEnabled(False, False)
        hp.hideButtons()
        dashed = pg.mkPen(FOREGROUND, width=2, style=Qt.PenStyle.DashLine)
        hp.addItem(pg.InfiniteLine(0, angle=90, pen=dashed))
        self.hidden_points = pg.ScatterPlotItem(size=16, pen=pg.mkPen("w", width=1.5))
        hp.addItem(self.hidden_points)
        self.hidden_labels: list[pg.TextItem] = []
        self.hidden_plot.setToolTip(
            translate(
                "SeparabilityLesson",
                "Each point as the hidden layer hands it to the output neuron (8 numbers per point, "
                "shown\nalong two directions). Horizontal: the output neuron's weighted sum; the dashed "
                "line at 0 is\nits one straight line. When red and blue fall on its two sides, the hidden "
                "layer has made\nthe points linearly separable — even XOR.",
            ))
        self.neuron_info = QLabel()
        self.neuron_info.setObjectName("neuronInfo")
        self.neuron_info.setWordWrap(True)
        self.neuron_info.setTextFormat(Qt.TextFormat.RichText)
        self.net_info = QLabel()
        self.net_info.setObjectName("networkInfo")
        self.net_info.setWordWrap(True)
        self.net_info.setTextFormat(Qt.TextFormat.RichText)
        for plot in (self.neuron_plot, self.net_plot):
            plot.scene().sigMouseClicked.connect(lambda ev, p=plot: self._clicked(ev, p))

        controls = QHBoxLayout()
        controls.addWidget(QLabel(translate("SeparabilityLesson", "Points:")))
        controls.addWidget(self.choice)
        controls.addWidget(self.run_button)
        controls.addWidget(self.reset_button)
        controls.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.neuron_plot, 1)
        left.addWidget(self.neuron_info)
        right = QVBoxLayout()
        right.addWidget(self.net_plot, 1)
        right.addWidget(self.net_info)
        plots = QHBoxLayout()
        plots.addLayout(left, 1)
        plots.addLayout(right, 1)
        plots.addWidget(self.hidden_plot, 1)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(controls)
        body.addLayout(plots, 1)
        self.reset()

    # -- model ------------------------------------------------------------------------------------
    def choose(self, name: str) -> None:
        if name == "Your points":
            self.X, self.t = np.zeros((0, 2)), np.zeros(0, dtype=np.int64)
        else:
            self.X, self.t = point_set(name)
        self.reset()

    def reset(self) -> None:
        self.perceptron = Perceptron(self.X, self.t)
        self.net = HiddenLayerNet(self.X, self.t, seed=0)
        self.control = HiddenLayerNet(self.X, self.t, hidden=0, seed=0)
        self.last_update = None
        self.separable_line = separating_line(self.X, self.t) if len(self.t) else None
        self._undo = []
        self.set_step(0)

    def next_step(self) -> None:
        if len(self.t):
            self._undo.append(copy.deepcopy((self.perceptron, self.net, self.control, self.last_update)))
            del self._undo[:-UNDO_LIMIT]
            self.last_update = self.perceptron.step()
            self.net.train_steps(NET_STEPS_PER_STEP)
            self.control.train_steps(NET_STEPS_PER_STEP)
        self.set_step(0)

    def previous_step(self) -> None:
        """Takes the last step back (both models as they were before it)."""
        if self._undo:
            self.perceptron, self.net, self.control, self.last_update = self._undo.pop()
            self.set_step(0)

    def set_step(self, n: int) -> None:
        super().set_step(n)
        self.prev_button.setEnabled(bool(self._undo))
        self.prev_button.setToolTip(translate(
            "SeparabilityLesson",
            "Take the last step back (Left arrow or Page Up); “Start again” resets",
        ))

    def _run_toggled(self, on: bool) -> None:
        self.run_button.setText(
            translate("SeparabilityLesson", "Pause") if on else translate("SeparabilityLesson", "Run")
        )
        if on:
            self.timer.start()
        else:
            self.timer.stop()

    def hideEvent(self, event) -> None:
        self.run_button.setChecked(False)
        super().hideEvent(event)

    def _clicked(self, event, plot: _PlanePlot) -> None:
        if self.choice.currentText() != "Your points":
            self.choice.setCurrentText(translate("SeparabilityLesson", "Your points"))
        pos = plot.getPlotItem().vb.mapSceneToView(event.scenePos())
        lo, hi = EXTENT
        if not (lo <= pos.x() <= hi and lo <= pos.y() <= hi):
            return
        target = 0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
        self.add_point(pos.x(), pos.y(), target)

    def add_point(self, x1: float, x0: float, target: int) -> None:
        """Adds a point of your own (target 1 or 0) and starts both models again."""
        self.X = np.vstack([self.X, [[x1, x0]]])
        self.t = np.append(self.t, int(target))
        self.reset()

    # -- display ------------------------------------------------------------------------------
    def show_step(self, n: int) -> None:
        p, net = self.perceptron, self.net
        for plot in (self.neuron_plot, self.net_plot):
            plot.show_points(self.X, self.t)
        self.neuron_plot.show_region(p.boundary_grid(RESOLUTION))
        line = p.boundary_line()
        if line is None:
            self.neuron_plot.line.setData([], [])
        else:
            self.neuron_plot.line.setData(line[:, 0], line[:, 1])
        self.net_plot.show_region(net.boundary_grid(RESOLUTION))
        if len(self.t):
            decision, other = net.hidden_view(self.X)
            self.hidden_points.setData(decision, other,
                                       brush=[pg.mkBrush(CLASS1 if v else CLASS0) for v in self.t],
                                       symbol=["o" if v else "s" for v in self.t])
            span = max(1.0, float(np.abs(decision).max()) * 1.15)
            yspan = max(0.5, float(np.abs(other).max()) * 1.3)
            self.hidden_plot.getPlotItem().setXRange(-span, span, padding=0)
            self.hidden_plot.getPlotItem().setYRange(-yspan, yspan, padding=0)
        else:
            self.hidden_points.setData([], [])
            decision = other = np.zeros(0)
        hp = self.hidden_plot.getPlotItem()
        for label in self.hidden_labels:
            hp.removeItem(label)
        self.hidden_labels = []
        if len(self.t) <= 12:  # which input each point is: points that land together stay readable
            seen: dict = {}
            for (x1, x0), d, o in zip(self.X, decision, other, strict=True):
                key = (round(float(d), 1), round(float(o), 1))
                label = pg.TextItem(f"({fmt(x1, 2)}, {fmt(x0, 2)})", color=FOREGROUND,
                                    anchor=(0.5, -0.3 - 1.1 * seen.get(key, 0)))
                seen[key] = seen.get(key, 0) + 1
                label.setPos(float(d), float(o))
                hp.addItem(label)
                self.hidden_labels.append(label)
        self.step_label.setText(translate("SeparabilityLesson", "{value} updates · epoch {value2}").format(
            value=len(p.history),
            value2=p.epoch + 1,
        ))
        if not len(self.t):
            self.neuron_info.setText(translate(
                "SeparabilityLesson",
                "Click on a plot to place points (Shift+click for target 0).",
            ))
            self.net_info.setText("")
            self.neuron_plot.current.setData([], [])
            return
        w1, w0, h = p.params
        text = (translate(
            "SeparabilityLesson",
            "<b>w1 = {value}, w0 = {value2}, h = {value3}</b> · right on {value4} of {value5} points "
            "({value6:.0f} %)",
        ).format(
            value=fmt(w1),
            value2=fmt(w0),
            value3=fmt(h),
            value4=int(round(p.accuracy() * len(self.t))),
            value5=len(self.t),
            value6=100 * p.accuracy(),
        ))
        u = self.last_update
        if u is None:
            self.neuron_plot.current.setData([], [])
            text += translate("SeparabilityLesson", "<br>Press Next step to show it the first point.")
        else:
            self.neuron_plot.current.setData([u.x[0]], [u.x[1]])
            x1, x0 = (fmt(v) for v in u.x)
            text += (translate(
                "SeparabilityLesson",
                "<br>Point ({x1}, {x0}), target {target}: w1·{x1} + w0·{x0} − h = {value} → output "
                "{output}. ",
            ).format(x1=x1, x0=x0, target=u.target, value=fmt(u.weighted_sum), output=u.output))
            if u.case == "right":
                text += translate("SeparabilityLesson", "Right: nothing changes.")
            elif u.case == "output 1, target 0":
                text += (translate(
                    "SeparabilityLesson",
                    "<b>Question (1)</b>, output 1 but target 0: the sum was too big, so w1 −= "
                    "{value}·{x1}, w0 −= {value}·{x0}, h += {value}.",
                ).format(value=fmt(p.lr), x1=x1, x0=x0))
            else:
                text += (translate(
                    "SeparabilityLesson",
                    "<b>Question (2)</b>, output 0 but target 1: the sum was too small, so w1 += "
                    "{value}·{x1}, w0 += {value}·{x0}, h −= {value}.",
                ).format(value=fmt(p.lr), x1=x1, x0=x0))
        if p.converged:
            text += (translate(
                "SeparabilityLesson",
                "<br><b>Question (3)</b>: a whole epoch without a mistake — it has learned; nothing "
                "changes any more.",
            ))
        elif self.separable_line is None:
            text += (translate(
                "SeparabilityLesson",
                "<br><b>Question (3)</b>: no straight line separates these points (the red points' outline "
                "and the blue points' outline overlap), so the rule never stops making mistakes.",
            ))
        else:
            text += (translate(
                "SeparabilityLesson",
                "<br><b>Question (3)</b>: a straight line does separate these points (their outlines do "
                "not overlap), so the rule is certain to get there: until an epoch passes without a "
                "mistake. Not yet, after {epoch} epoch{value}.",
            ).format(epoch=p.epoch, value='s' if p.epoch != 1 else ''))
        self.neuron_info.setText(text)
        self.net_info.setText(
            translate(
                "SeparabilityLesson",
                "<b>{steps} gradient steps</b> (Adam, binary cross-entropy, engine layers) · loss {value} "
                "· right on {value2} of {value3} points ({value4:.0f} %)<br>Control, a single sigmoid "
                "neuron trained the same way ({steps2} steps): loss {value5}, right on {value6} of "
                "{value3} ({value7:.0f} %)",
            ).format(
                steps=net.steps,
                value=fmt(net.loss, 3) if net.steps else '—',
                value2=int(round(net.accuracy() * len(self.t))),
                value3=len(self.t),
                value4=100 * net.accuracy(),
                steps2=self.control.steps,
                value5=fmt(self.control.loss, 3) if self.control.steps else '—',
                value6=int(round(self.control.accuracy() * len(self.t))),
                value7=100 * self.control.accuracy(),
            )
            + (translate("SeparabilityLesson", " — gradient descent alone does not help one straight line.")
               if self.separable_line is None and self.control.steps else "")
        )
