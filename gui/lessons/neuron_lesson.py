"""Lesson 2 — A neuron: the weighted sum, four activations side by side (step, sigmoid, tanh, ReLU), and
why the activation must not be a straight line: two linear layers collapse into one, shown with numbers.
Every number comes from the engine's layers (`engine.lessons.neuron`)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel

from engine.lessons import ACTIVATIONS, activation, collapse_example, neuron_numbers
from gui.lessons.common import BACKGROUND, FOREGROUND, Lesson, fmt
from gui.text import QT_TRANSLATE_NOOP, translate

S_RANGE = (-3.0, 3.0)
CURVE = "#1f5fb4"
MARK = "#d62728"
NAMES = {  # the engine's activation names (data), shown translated
    "step": QT_TRANSLATE_NOOP("NeuronLesson", "step"),
    "sigmoid": QT_TRANSLATE_NOOP("NeuronLesson", "sigmoid"),
    "tanh": QT_TRANSLATE_NOOP("NeuronLesson", "tanh"),
    "ReLU": QT_TRANSLATE_NOOP("NeuronLesson", "ReLU"),
}


def _name(name: str) -> str:
    return translate("NeuronLesson", NAMES.get(name, name))


def _g(v: float) -> str:
    """A number with up to 4 decimals, a real minus sign."""
    return fmt(round(float(v), 4)).replace("-", "−")


class NeuronLesson(Lesson):
    title = QT_TRANSLATE_NOOP("NeuronLesson", "2 · A neuron")
    lecture = QT_TRANSLATE_NOOP(
        "NeuronLesson",
        "“Artificial neural network mimics the human brain … Single neuron is activated (=1) or not "
        "(=0).” Activation function y = f(w1 * 1 + w0 * 0). “The purpose of ReLU is to introduce "
        "non-linearity … Other non-linear functions such as tanh or sigmoid can also be used.”",
    )
    steps = [
        QT_TRANSLATE_NOOP(
            "NeuronLesson",
            "<b>The weighted sum.</b> A neuron multiplies each input by its weight, adds them up and "
            "subtracts its threshold h: s = w1·x1 + w0·x0 − h. These are the app's own numbers (the "
            "lecture's figure is lost), computed by the engine's Dense layer.",
        ),
        QT_TRANSLATE_NOOP(
            "NeuronLesson",
            "<b>The activation.</b> The neuron's output is f(s). Four choices side by side, each at the "
            "same s (red dot): the step the lecture starts from (activated = 1 or not = 0), sigmoid, tanh "
            "and ReLU. Only the step jumps; the others bend smoothly, so a small change of a weight "
            "changes the output a little — which is what gradient descent needs (Lesson 4).",
        ),
        QT_TRANSLATE_NOOP(
            "NeuronLesson",
            "<b>Why not a straight line?</b> Take two layers with no activation between them (f(s) = s): "
            "hidden = W1·x + b1, output = W2·hidden + b2. Multiply out: output = (W2·W1)·x + (W2·b1 + b2) "
            "— one layer with W = W2·W1 and b = W2·b1 + b2. On the four XOR points both give the same "
            "numbers: stacking linear layers adds nothing, and one straight line cannot do XOR (Lesson 3).",
        ),
        QT_TRANSLATE_NOOP(
            "NeuronLesson",
            "<b>Put ReLU between the same two layers</b>: hidden = ReLU(W1·x + b1). Now the output is "
            "exactly XOR (0, 1, 1, 0), which no single linear layer can give. The non-linearity is what "
            "lets a deeper network represent more than a shallower one.",
        ),
    ]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("neuronLesson")
        self.neuron = neuron_numbers()
        self.collapse = collapse_example()
        grid = QGridLayout()
        self.plots: dict[str, pg.PlotWidget] = {}
        self.marks: dict[str, pg.ScatterPlotItem] = {}
        self.values: dict[str, pg.TextItem] = {}
        s = np.linspace(*S_RANGE, 241, dtype=np.float32)
        for k, name in enumerate(ACTIVATIONS):
            plot = pg.PlotWidget(background=BACKGROUND, enableMenu=False)
            plot.setObjectName(f"activation_{name}")
            plot.setToolTip(translate(
                "NeuronLesson", "{name}: y = {formula}, for s from −3 to 3; red dot: the example's s"
            ).format(name=_name(name), formula=self._formula(name)))
            item = plot.getPlotItem()
            item.setTitle(_name(name), color=FOREGROUND, size="10pt")
            item.setLabel("bottom", translate("NeuronLesson", "s (weighted sum)"),
                          color=FOREGROUND)
            item.setLabel("left", "y = f(s)", color=FOREGROUND)
            for side in ("left", "bottom"):
                item.getAxis(side).setPen(FOREGROUND)
                item.getAxis(side).setTextPen(FOREGROUND)
            item.setMouseEnabled(False, False)
            item.hideButtons()
            item.showGrid(x=True, y=True, alpha=0.25)
            item.plot(s, activation(name, s), pen=pg.mkPen(CURVE, width=2))
            mark = pg.ScatterPlotItem(size=11, brush=pg.mkBrush(MARK), pen=pg.mkPen("#ffffff"))
            item.addItem(mark)
            text = pg.TextItem(color=MARK, anchor=(0, 1))  # above right of the dot
            item.addItem(text)
            item.setYRange(-1.1, 3.1 if name == "ReLU" else 1.1, padding=0.02)
            item.setXRange(*S_RANGE, padding=0.02)
            self.plots[name], self.marks[name], self.values[name] = plot, mark, text
            grid.addWidget(plot, k // 2, k % 2)
        self.numbers = QLabel()
        self.numbers.setObjectName("neuronNumbers")
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setWordWrap(True)
        self.numbers.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(grid, 3)
        body.addWidget(self.numbers, 2)
        self.set_step(0)

    @staticmethod
    def _formula(name: str) -> str:
        return {"step": translate("NeuronLesson", "1 if s ≥ 0, else 0"), "sigmoid": "1 / (1 + e^−s)",
                "tanh": "tanh(s)", "ReLU": "max(0, s)"}[name]

    # -- the texts (also what the tests read) ---------------------------------------------------
    def sum_html(self) -> str:
        n = self.neuron
        inputs = translate("NeuronLesson", "inputs")
        weights = translate("NeuronLesson", "weights")
        threshold = translate("NeuronLesson", "threshold")
        return ("<table cellpadding='3'>"
                f"<tr><td>{inputs}</td><td>x1 = {_g(n.x1)}, x0 = {_g(n.x0)}</td></tr>"
                f"<tr><td>{weights}</td><td>w1 = {_g(n.w1)}, w0 = {_g(n.w0)}</td></tr>"
                f"<tr><td>{threshold}</td><td>h = {_g(n.h)}</td></tr></table>"
                f"<p>s = w1·x1 + w0·x0 − h = {_g(n.w1)}·{_g(n.x1)} + ({_g(n.w0)})·{_g(n.x0)} − {_g(n.h)}"
                f" = <b>{_g(n.s)}</b></p>")

    def activation_html(self) -> str:
        n = self.neuron
        rows = "".join(f"<tr><td>{_name(a)}</td><td>{self._formula(a)}</td>"
                       f"<td align='right'><b>{_g(v)}</b></td></tr>" for a, v in n.outputs.items())
        at = translate("NeuronLesson", "At s = {s}:").format(s=_g(n.s))
        head = (translate("NeuronLesson", "activation"), translate("NeuronLesson", "output"))
        return (f"<p>{at}</p><table cellpadding='3' border='1' cellspacing='0'>"
                f"<tr><th>{head[0]}</th><th>f(s)</th><th>{head[1]}</th></tr>{rows}</table>")

    def collapse_html(self, relu: bool) -> str:
        c = self.collapse

        def vec(v) -> str:
            return "(" + ", ".join(_g(x) for x in np.ravel(v)) + ")"

        rows = []
        for k in range(len(c.points)):
            cells = [vec(c.points[k]), vec(c.hidden[k]), _g(c.two_linear[k]), _g(c.one_linear[k])]
            if relu:
                cells = [vec(c.points[k]), vec(c.relu_hidden[k]), _g(c.with_relu[k]), _g(c.targets[k])]
            rows.append("<tr>" + "".join(f"<td align='center'>{x}</td>" for x in cells) + "</tr>")
        if relu:
            head = ["x", "ReLU(W1·x + b1)", translate("NeuronLesson", "output"), "XOR"]
        else:
            head = ["x", "W1·x + b1", translate("NeuronLesson", "two layers"),
                    translate("NeuronLesson", "one layer W·x + b")]
        table = ("<table cellpadding='3' border='1' cellspacing='0'><tr>"
                 + "".join(f"<th>{h}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>")
        w1 = ", ".join(vec(r) for r in c.W1)
        weights = (f"<p>W1 = [{w1}], b1 = {vec(c.b1)}; W2 = {vec(c.W2)}, b2 = {vec(c.b2)}.<br>"
                   f"W = W2·W1 = {vec(c.W)}, b = W2·b1 + b2 = {vec(c.b)}.</p>")
        return weights + table

    def show_step(self, n: int) -> None:
        nn = self.neuron
        for name in ACTIVATIONS:
            shown = n >= 1
            y = nn.outputs[name]
            self.marks[name].setData([nn.s] if shown else [], [y] if shown else [])
            self.values[name].setText(_g(y) if shown else "")  # f(s); the table has the whole line
            self.values[name].setPos(nn.s + 0.12, y + 0.03)
        if n == 0:
            self.numbers.setText(self.sum_html())
        elif n == 1:
            self.numbers.setText(self.sum_html() + self.activation_html())
        else:
            self.numbers.setText(self.collapse_html(relu=n == 3))
