"""Lesson 4 — Back-propagation, number by number, on the lecture's appendix network."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from engine.lessons import BackpropExample
from gui.lessons.common import BACKGROUND, FOREGROUND, Lesson
from gui.text import QT_TRANSLATE_NOOP, translate

ACTIVE = QColor("#ff8f00")
EDGE = QColor("#9e9e9e")


def g(v: float, digits: int = 5) -> str:
    """Numbers in the lesson: `digits` significant digits, a real minus sign."""
    s = f"{float(v):.{digits}g}"
    return s.replace("-", "−")


def sci(v: float) -> str:
    return f"{float(v):.1e}".replace("-", "−")


class NetworkDiagram(QWidget):
    """The 3-2-3 network with the numbers known so far; the layer being worked on is drawn in orange."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backpropDiagram")
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.numbers = None
        self.stage = 0
        self.setToolTip(translate(
            "BackpropLesson",
            "Inputs x_k (left), hidden units x_j (middle), outputs x_i with targets t_i (right).\nEach "
            "line is a weight; orange marks what this step computes.",
        ))

    def set_state(self, numbers, stage: int) -> None:
        self.numbers, self.stage = numbers, stage
        self.update()

    def paintEvent(self, event) -> None:
        b = self.numbers
        if b is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(BACKGROUND))
        font = QFont(self.font())
        p.setFont(font)
        fm = QFontMetricsF(font)
        w, h = self.width(), self.height()
        r = max(16.0, min(w, h) * 0.07)
        cols = [w * 0.14, w * 0.5, w * 0.86]
        layers = [len(b.x_k), len(b.x_j), len(b.x_i)]

        def ys(n):
            return [h * (k + 1) / (n + 1) for k in range(n)]

        pos = [[QPointF(cols[L], y) for y in ys(n)] for L, n in enumerate(layers)]
        st = self.stage
        # edges with weights
        for L, W in ((0, b.w_kj), (1, b.w_ji)):
            active = (L == 0 and st in (1, 6, 7)) or (L == 1 and st in (3, 5, 7))
            for a in range(layers[L]):
                for c in range(layers[L + 1]):
                    p.setPen(QPen(ACTIVE if active else EDGE, 3 if active else 1.5))
                    p1, p2 = pos[L][a], pos[L + 1][c]
                    p.drawLine(p1, p2)
            for a in range(layers[L]):
                for c in range(layers[L + 1]):
                    p1, p2 = pos[L][a], pos[L + 1][c]
                    t = 0.3 + 0.4 * (c / max(1, layers[L + 1] - 1)) if layers[L + 1] > 1 else 0.5
                    m = p1 + (p2 - p1) * t
                    text = f"{g(W[c, a], 3)}"
                    rect = fm.boundingRect(text).adjusted(-2, -1, 2, 1)
                    rect.moveCenter(m)
                    p.fillRect(rect, QColor(255, 255, 255, 220))
                    p.setPen(QColor(FOREGROUND))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        # nodes
        labels = [[f"k={k + 1}: {g(v, 3)}" for k, v in enumerate(b.x_k)],
                  [(f"j={j + 1}: {g(v, 3)}" if st >= 2 else (f"j={j + 1}: s = {g(b.s_j[j], 3)}" if st >= 1
                                                              else f"j={j + 1}: ?"))
                   for j, v in enumerate(b.x_j)],
                  [(f"i={i + 1}: {g(v, 3)}" if st >= 3 else f"i={i + 1}: ?") for i, v in enumerate(b.x_i)]]
        names = [translate("BackpropLesson", "inputs x_k"), translate("BackpropLesson", "hidden x_j"),
                 translate("BackpropLesson", "outputs x_i")]
        for L in range(3):
            active = (L == 1 and st in (1, 2, 6)) or (L == 2 and st in (3, 4, 5))
            for k, c in enumerate(pos[L]):
                p.setPen(QPen(ACTIVE if active else QColor(FOREGROUND), 2.5 if active else 1.5))
                p.setBrush(QColor("#fff3e0") if active else QColor("#f5f5f5"))
                p.drawEllipse(c, r, r)
                p.setPen(QColor(FOREGROUND))
                text = labels[L][k]
                box = QRectF(c.x() - 80, c.y() + r + 1, 160, fm.height() + 2)
                p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
                if L == 2:
                    p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter,
                               f"t={g(b.t_i[k], 2)}")
            title_box = QRectF(cols[L] - w * 0.16, 2, w * 0.32, fm.height() + 2)
            p.drawText(title_box, Qt.AlignmentFlag.AlignHCenter, names[L])
        p.end()


class BackpropLesson(Lesson):
    title = QT_TRANSLATE_NOOP("BackpropLesson", "4 · Back-propagation, number by number")
    lecture = (QT_TRANSLATE_NOOP(
        "BackpropLesson",
        "“Learning parameters to minimize the error from the true value in the systematic, reverse way.” E "
        "= −Σ_i [t_i log(x_i) + (1 − t_i) log(1 − x_i)]; ∂E/∂w_ji = (x_i − t_i)·x_j; ∂E/∂w_kj = Σ_i (x_i − "
        "t_i)·w_ji·x_j(1 − x_j)·x_k.",
    ))
    steps = [
        QT_TRANSLATE_NOOP(
            "BackpropLesson",
            "<b>The network and one example.</b> Three inputs x_k (k = 1…3), two hidden units with outputs "
            "x_j (j = 1, 2), three outputs x_i (i = 1…3); sigmoid σ(s) = 1 / (1 + e^−s) everywhere; no "
            "biases, as in the lecture. The targets t_i say which output should be 1. The lecture's "
            "figures are lost: these numbers are the app's own example, computed by its engine.",
        ),
        QT_TRANSLATE_NOOP("BackpropLesson", "<b>Forward, hidden sums</b>: s_j = Σ_k w_kj·x_k."),
        QT_TRANSLATE_NOOP("BackpropLesson", "<b>Forward, hidden outputs</b>: x_j = σ(s_j)."),
        QT_TRANSLATE_NOOP(
            "BackpropLesson",
            "<b>Forward, outputs</b>: s_i = Σ_j w_ji·x_j, then x_i = σ(s_i).",
        ),
        QT_TRANSLATE_NOOP(
            "BackpropLesson",
            "<b>The error</b>: E = −Σ_i [t_i log x_i + (1 − t_i) log(1 − x_i)] (binary cross-entropy).",
        ),
        QT_TRANSLATE_NOOP(
            "BackpropLesson",
            "<b>Backward, output layer</b>, by the chain rule: ∂E/∂w_ji = ∂E/∂x_i · ∂x_i/∂s_i · ∂s_i/∂w_ji "
            "= (x_i − t_i)·x_j. Each number three ways: the formula, the engine's back-propagation, and a "
            "finite difference (E(w + ε) − E(w − ε)) / 2ε.",
        ),
        QT_TRANSLATE_NOOP(
            "BackpropLesson",
            "<b>Backward, hidden layer</b>: ∂E/∂w_kj = Σ_i (x_i − t_i)·w_ji·x_j(1 − x_j)·x_k — the error "
            "of every output flows back through its weight w_ji.",
        ),
        QT_TRANSLATE_NOOP(
            "BackpropLesson",
            "<b>Update</b>: every weight moves against its gradient, w ← w − η·∂E/∂w. <b>Next step</b> "
            "takes this step and starts the next round: watch E go down.",
        ),
    ]
    repeats = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("backpropLesson")
        self.example = BackpropExample()
        self.diagram = NetworkDiagram()
        self.text = QTextBrowser()
        self.text.setObjectName("backpropNumbers")
        self.text.setOpenLinks(False)
        self.error_plot = pg.PlotWidget(background=BACKGROUND, enableMenu=False)
        self.error_plot.setObjectName("backpropErrorPlot")
        item = self.error_plot.getPlotItem()
        item.setTitle(
            translate("BackpropLesson", "Error E at the start of each round"), color=FOREGROUND, size="10pt"
        )
        item.setLabel("bottom", translate("BackpropLesson", "round"), color=FOREGROUND)
        item.setLabel("left", translate("BackpropLesson", "E (nats)"), color=FOREGROUND)
        for side in ("left", "bottom"):
            item.getAxis(side).setPen(FOREGROUND)
            item.getAxis(side).setTextPen(FOREGROUND)
            item.getAxis(side).enableAutoSIPrefix(False)
        item.setMouseEnabled(False, False)
        self.error_curve = item.plot(pen=pg.mkPen("#1f5fb4", width=2), symbol="o", symbolSize=7,
                                     symbolBrush="#1f5fb4")
        self.error_plot.setMaximumHeight(220)

        left = QVBoxLayout()
        left.addWidget(self.diagram, 1)
        left.addWidget(self.error_plot)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 2)
        body.addWidget(self.text, 3)
        self.set_step(0)

    @property
    def numbers(self):
        return self.example.current

    @property
    def round(self) -> int:
        return len(self.example.history)

    def next_step(self) -> None:
        if self.step == self.step_count - 1:
            self.example.step()
            self.set_step(1)
        else:
            self.set_step(self.step + 1)

    def previous_step(self) -> None:
        if self.step <= 1 and len(self.example.history) > 1:
            self.example.back()
            self.set_step(self.step_count - 1)
        else:
            self.set_step(self.step - 1)

    def set_step(self, n: int) -> None:
        super().set_step(n)
        self.prev_button.setEnabled(n > 0 or len(self.example.history) > 1)
        self.step_label.setText(translate(
            "BackpropLesson",
            "Round {round} · step {value} of {step_count}",
        ).format(round=self.round, value=n + 1, step_count=self.step_count))

    def show_step(self, n: int) -> None:
        b = self.numbers
        self.diagram.set_state(b, n)
        errors = [h.error for h in self.example.history]
        self.error_curve.setData(np.arange(1, len(errors) + 1), errors)
        self.error_plot.getPlotItem().setXRange(0.5, max(5, len(errors)) + 0.5, padding=0)
        axis = self.error_plot.getPlotItem().getAxis("bottom")
        axis.setTickSpacing(major=max(1, len(errors) // 8), minor=1)
        self.error_plot.getPlotItem().setYRange(0, max(errors) * 1.1, padding=0)
        self.text.setHtml(self.html(n))

    # -- the numbers, as HTML -------------------------------------------------------------------
    def html(self, n: int) -> str:
        b = self.numbers
        K, J, I = len(b.x_k), len(b.x_j), len(b.x_i)
        css = ("<style>td, th { padding: 2px 8px; text-align: right; } th { background: #eeeeee; } "
               ".hi { background: #fff3e0; }</style>")
        out = [css, translate(
            "BackpropLesson",
            "<p><b>Round {round}</b> — learning rate η = {value}</p>",
        ).format(round=self.round, value=g(b.lr))]
        if n == 0:
            out.append(translate("BackpropLesson", "<p>Inputs: ")
                       + ", ".join(f"x{k + 1} = {g(v)}" for k, v in enumerate(b.x_k)) + "<br>")
            out.append(translate("BackpropLesson", "Targets: ")
                       + ", ".join(f"t{i + 1} = {g(v)}" for i, v in enumerate(b.t_i)) + "</p>")
            out.append(self._matrix(translate("BackpropLesson", "Hidden weights w_kj (row j, column k)"),
                                    b.w_kj, "w", "k", "j"))
            out.append(self._matrix(translate("BackpropLesson", "Output weights w_ji (row i, column j)"),
                                    b.w_ji, "w", "j", "i"))
        if n == 1:
            for j in range(J):
                terms = " + ".join(f"{g(b.w_kj[j, k])}·{g(b.x_k[k])}" for k in range(K))
                out.append(f"<p>s{j + 1} = {terms} = <b>{g(b.s_j[j])}</b></p>")
        if n == 2:
            for j in range(J):
                out.append(f"<p>x{j + 1} = σ({g(b.s_j[j])}) = 1 / (1 + e^{g(-b.s_j[j])}) = "
                           f"<b>{g(b.x_j[j])}</b></p>")
        if n == 3:
            for i in range(I):
                terms = " + ".join(f"{g(b.w_ji[i, j])}·{g(b.x_j[j])}" for j in range(J))
                out.append(translate(
                    "BackpropLesson",
                    "<p>s{value} = {terms} = {value2} → x{value} = σ({value2}) = <b>{value3}</b> (target "
                    "{value4})</p>",
                ).format(
                    value=i + 1,
                    terms=terms,
                    value2=g(b.s_i[i]),
                    value3=g(b.x_i[i]),
                    value4=g(b.t_i[i]),
                ))
        if n == 4:
            for i in range(I):
                out.append(translate(
                    "BackpropLesson",
                    "<p>i = {value}: −[{value2}·log {value3} + {value4}·log {value5}] = {value6}</p>",
                ).format(
                    value=i + 1,
                    value2=g(b.t_i[i]),
                    value3=g(b.x_i[i]),
                    value4=g(1 - b.t_i[i]),
                    value5=g(1 - b.x_i[i]),
                    value6=g(b.error_terms[i]),
                ))
            out.append(translate(
                "BackpropLesson",
                "<p><b>E = {value}</b> (sum of the three; nats, natural logarithm)</p>",
            ).format(value=g(b.error)))
        if n == 5:
            out.append(translate(
                "BackpropLesson",
                "<p>The chain rule, factor by factor, for each output i: ∂E/∂s_i = ∂E/∂x_i · ∂x_i/∂s_i = "
                "(−t_i/x_i + (1 − t_i)/(1 − x_i)) · x_i(1 − x_i), which simplifies to x_i − t_i:</p>",
            ))
            for i in range(I):
                out.append(translate(
                    "BackpropLesson",
                    "<p>output {value}: {value2} × {value3} = <b>{value4}</b> (x_i − t_i = {value5} − "
                    "{value6} = {value7}); then × ∂s_i/∂w_ji = x_j.</p>",
                ).format(
                    value=i + 1,
                    value2=g(b.dE_dx_i[i], 6),
                    value3=g(b.dx_ds_i[i]),
                    value4=g(b.dE_dx_i[i] * b.dx_ds_i[i]),
                    value5=g(b.x_i[i]),
                    value6=g(b.t_i[i]),
                    value7=g(b.delta_i[i]),
                ))
            rows = []
            for i in range(I):
                for j in range(J):
                    rows.append((f"j={j + 1} → i={i + 1}", [g(b.delta_i[i]), g(b.x_j[j])],
                                 b.grad_w_ji_formula[i, j], b.grad_w_ji_engine[i, j], b.grad_w_ji_fd[i, j]))
            out.append(self._grad_table("∂E/∂w_ji", ["x_i − t_i", "x_j"], rows))
        if n == 6:
            for j in range(J):
                terms = " + ".join(f"({g(b.delta_i[i])})·({g(b.w_ji[i, j])})" for i in range(I))
                out.append(translate(
                    "BackpropLesson",
                    "<p>j={value}: Σ_i (x_i − t_i)·w_ji = {terms} = <b>{value2}</b></p>",
                ).format(value=j + 1, terms=terms, value2=g(b.hidden_sum_terms[j].sum())))
            rows = []
            for j in range(J):
                for k in range(K):
                    rows.append((f"k={k + 1} → j={j + 1}",
                                 [g(b.hidden_sum_terms[j].sum()), g(b.x_j[j] * (1 - b.x_j[j])), g(b.x_k[k])],
                                 b.grad_w_kj_formula[j, k], b.grad_w_kj_engine[j, k], b.grad_w_kj_fd[j, k]))
            out.append(self._grad_table("∂E/∂w_kj", ["Σ_i (x_i − t_i)·w_ji", "x_j(1 − x_j)", "x_k"], rows))
        if n == 7:
            out.append(self._update_table(translate("BackpropLesson", "Hidden weights"), b.w_kj,
                                          b.grad_w_kj_engine, b.w_kj_new, "k", "j"))
            out.append(self._update_table(translate("BackpropLesson", "Output weights"), b.w_ji,
                                          b.grad_w_ji_engine, b.w_ji_new, "j", "i"))
            k0 = 0
            out.append(translate(
                "BackpropLesson",
                "<p><b>Gradient descent</b> with learning rate η = {value}: for example w_k=1→j=1 = "
                "{value2} − {value} × {value3} = <b>{value4}</b>. A larger η takes bigger steps (and can "
                "overshoot); a smaller one learns more slowly.</p>",
            ).format(
                value=g(b.lr),
                value2=g(b.w_kj[0, k0]),
                value3=g(b.grad_w_kj_engine[0, k0]),
                value4=g(b.w_kj_new[0, k0]),
            ))
            out.append(translate(
                "BackpropLesson",
                "<p>Error on this example: <b>{value}</b> before → <b>{value2}</b> after the update.</p>",
            ).format(value=g(b.error), value2=g(b.error_after)))
        return "".join(out)

    @staticmethod
    def _matrix(title, M, name, col_index, row_index) -> str:
        rows = "".join(
            "<tr>" + "".join(f"<td>{col_index}={c + 1} → {row_index}={r + 1}: {g(M[r, c])}</td>"
                             for c in range(M.shape[1])) + "</tr>"
            for r in range(M.shape[0])
        )
        return f"<p><b>{title}</b></p><table border='1' cellspacing='0'>{rows}</table>"

    @staticmethod
    def _grad_table(title, factors, rows) -> str:
        head = ("<tr><th>weight</th>" + "".join(f"<th>{f}</th>" for f in factors)
                + translate(
                    "BackpropLesson",
                    "<th>product = {title}</th><th>engine</th><th>finite difference</th><th>|engine − "
                    "f.d.|</th></tr>",
                ).format(title=title))
        body = "".join(
            f"<tr><td>{name}</td>" + "".join(f"<td>{v}</td>" for v in values)
            + f"<td class='hi'><b>{g(f, 6)}</b></td><td>{g(e, 6)}</td><td>{g(d, 6)}</td>"
            + f"<td>{sci(abs(e - d))}</td></tr>"
            for name, values, f, e, d in rows
        )
        worst = max(abs(e - d) for *_x, e, d in rows)
        same = max(abs(f - e) for _n, _v, f, e, _d in rows)
        agree = "exactly" if same == 0 else translate("BackpropLesson", "to {value}").format(value=sci(same))
        return (translate(
            "BackpropLesson",
            "<table border='1' cellspacing='0'>{head}{body}</table><p>The formula and the engine agree "
            "{agree}; the finite difference to {value} (float64, ε = 10⁻⁶).</p>",
        ).format(head=head, body=body, agree=agree, value=sci(worst)))

    @staticmethod
    def _update_table(title, W, G, W_new, col_index, row_index) -> str:
        rows = []
        for r in range(W.shape[0]):
            for c in range(W.shape[1]):
                rows.append(f"<tr><td>{col_index}={c + 1} → "
                            f"{row_index}={r + 1}</td><td>{g(W[r, c])}</td><td>{g(G[r, c])}</td>"
                            f"<td><b>{g(W_new[r, c])}</b></td></tr>")
        head = translate(
            "BackpropLesson",
            "<tr><th>weight</th><th>now</th><th>gradient</th><th>new = now − η·gradient</th></tr>",
        )
        return f"<p><b>{title}</b></p><table border='1' cellspacing='0'>{head}{''.join(rows)}</table>"


__all__ = ["BackpropLesson"]
