"""RepresentationView ("representationView"): every drawing as a dot, placed by PCA of a layer's output.

Raw pixels on the left, a chosen layer (after a conv block, or the hidden dense layer) on the right, so
learners watch the classes pull apart as the network trains. Beside them, the held-out accuracy of a
linear probe (a straight-line classifier) trained on each layer's representation: "becomes linearly
separable" as a number. Hovering a dot shows its drawing; clicking it emits `drawingRequested(index)`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from engine.analysis import PROBE_ALPHAS, PROBE_BUDGET
from gui.markers import MARKER_TEXT, marker_for
from gui.panels._common import BACKGROUND, FOREGROUND
from gui.text import translate

from ._common import (
    RenderWhenShown,
    SteadyWrappedLabel,
    class_marker,
    drawing_pixmap,
    install_export_menu,
    percent,
)
from ._dots import DotsItem
from .jobs import BASELINE_SEEDS, MAX_PROBE_ROWS

CHANCE_PEN = "#888888"
MAX_DOTS = 10_000  # at most this many dots per plot: a random sample with a fixed seed beyond that
DOTS_SEED = 0
USUAL_LAYERS = ["raw pixels", "after conv block 3", "hidden layer (128)"]  # the engine's layer names
SIDE_CHARS = 46  # the side column (probe bars, hovered drawing, status) is at least this many characters wide


BASELINE_COLOUR = "#9e9e9e"


def probe_tooltip(n: int | None, total: int | None = None,
                  dims: list[tuple[str, int]] | None = None) -> str:
    """The probe bars' tooltip: what a probe is and the split it is really scored on. n: the drawings the
    probe used; total: the labelled drawings there are (more than n: a stratified sample); dims: (layer,
    numbers per drawing the probe saw)."""
    many = f"{n:,}" if n else "N"
    others = "N − 1" if not n else f"{n - 1:,}"
    if n and total and total > n:
        sample = translate("Representation", "a fixed sample of {n:,} of the {total:,} drawings, each class "
                                             "keeping its share").format(n=n, total=total)
    else:
        sample = translate("Representation", "at most {n:,} drawings; with more, a fixed sample keeping each "
                                             "class's share").format(n=MAX_PROBE_ROWS)
    seen = ", ".join(f"{label} {d:,}" for label, d in (dims or []))
    return (
        translate(
            "Representation",
            "A linear probe is the simplest classifier there is: one straight cut per class (ridge "
            "regression\nonto the classes, on the numbers a layer produces).\nLeave-one-out: each of the "
            "{many} drawings is classified by a probe fitted on the other {others},\nand the bar is the "
            "share classified right\n({sample}).\nEach layer is summed up by at most {budget} numbers per "
            "drawing (each map averaged over a\ncoarse grid of regions), so no layer wins by sheer "
            "size{seen}.\nThe ridge penalty is the best of {alphas} by the same leave-one-out count.\n"
            "Grey bar: the same layers with random, untrained weights (mean of {seeds}), so you see\nwhat "
            "training added. High accuracy = at that layer the classes are linearly separable.",
        ).format(many=many, others=others, sample=sample, budget=PROBE_BUDGET,
                 seen=f":\n{seen}" if seen else "", alphas=len(PROBE_ALPHAS), seeds=len(BASELINE_SEEDS))
    )


class ProbeBars(QWidget):
    """One row per layer: its name, a bar as long as the probe's held-out accuracy (0 … 100 %), the
    number, a thin grey bar for the same layer of untrained networks (the baseline, when known), and a
    dashed line at chance level (1 / number of classes)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[str, float]] = []
        self.baselines: list[float | None] = []
        self.chance = 0.0
        self.highlight: set[str] = set()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip(probe_tooltip(None))

    def set_rows(self, rows: list[tuple[str, float]], chance: float,
                 baselines: list[float | None] | None = None) -> None:
        self.rows = list(rows)
        self.baselines = list(baselines) if baselines is not None else [None] * len(self.rows)
        self.chance = float(chance)
        hint = self.sizeHint()
        if hint != getattr(self, "_hint", None):  # the same rows every epoch: no new layout of the panel
            self._hint = hint
            self.updateGeometry()
        self.update()

    def _row_h(self) -> int:
        return int(self.fontMetrics().height() * 2.4)

    def _widths(self) -> tuple[int, int]:
        bfm = QFontMetrics(self._bold())
        name_w = max([bfm.horizontalAdvance(n) for n, _ in self.rows] + [60]) + 10
        num_w = max(self.fontMetrics().horizontalAdvance("100%"),
                    QFontMetrics(self._small()).horizontalAdvance(
                        translate("Representation", "untrained 100%"))) + 8
        return name_w, num_w

    def _bold(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _small(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        return small

    def sizeHint(self) -> QSize:
        name_w, num_w = self._widths()
        return QSize(name_w + 120 + num_w, self._row_h() * (max(1, len(self.rows)) + 1) + 6)

    def width_for(self, names: list[str]) -> int:
        """The width the bars would ask for with rows of these layer names (and a baseline's number)."""
        rows, self.rows = self.rows, [(n, 0.0) for n in names]
        try:
            return self.sizeHint().width()
        finally:
            self.rows = rows

    minimumSizeHint = sizeHint

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        rh = self._row_h()
        bold = self._bold()
        name_w, num_w = self._widths()
        x0 = name_w
        bw = max(20, self.width() - x0 - num_w - 4)
        for k, (name, acc) in enumerate(self.rows):
            y = k * rh
            p.setPen(QColor(FOREGROUND))
            p.setFont(bold if name in self.highlight else self.font())
            p.drawText(
                QRectF(0, y, name_w - 6, rh),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            p.setFont(self.font())
            p.fillRect(QRectF(x0, y + rh * 0.12, bw, rh * 0.5), QColor("#eeeeee"))
            if acc == acc:  # not NaN
                p.fillRect(QRectF(x0, y + rh * 0.12, bw * acc, rh * 0.5), QColor("#4a7ab5"))
            base = self.baselines[k] if k < len(self.baselines) else None
            p.drawText(QRectF(x0 + bw + 4, y, num_w, rh * 0.74), Qt.AlignmentFlag.AlignVCenter, percent(acc))
            if base is not None and base == base:
                p.fillRect(QRectF(x0, y + rh * 0.66, bw * base, rh * 0.2), QColor(BASELINE_COLOUR))
                p.setFont(self._small())
                p.setPen(QColor("#616161"))
                p.drawText(QRectF(x0 + bw + 4, y + rh * 0.55, num_w, rh * 0.45),
                           Qt.AlignmentFlag.AlignVCenter,
                           translate("Representation", "untrained {value}").format(value=percent(base)))
                p.setFont(self.font())
                p.setPen(QColor(FOREGROUND))
        # axis: 0, 50, 100 % and the chance line
        y = len(self.rows) * rh
        p.setPen(QColor(FOREGROUND))
        p.drawLine(int(x0), int(y + 2), int(x0 + bw), int(y + 2))
        for v in (0.0, 0.5, 1.0):
            x = x0 + bw * v
            p.drawLine(int(x), int(y + 2), int(x), int(y + 6))
            text = f"{v * 100:.0f}%"
            tw = fm.horizontalAdvance(text)
            p.drawText(
                int(min(max(x - tw / 2, x0 - tw / 2), x0 + bw - tw / 2)), int(y + 6 + fm.ascent()), text
            )
        if self.rows and self.chance > 0:
            x = x0 + bw * self.chance
            pen = QPen(QColor(CHANCE_PEN), 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(int(x), 0, int(x), int(y + 2))
        p.end()


class _ScatterPlot:
    """One PCA scatter: a PlotWidget with labelled axes and one DotsItem (data = drawing index)."""

    def __init__(self, title: str):
        self.widget = pg.PlotWidget(enableMenu=False)
        self.widget.setBackground(BACKGROUND)
        self.plot = self.widget.getPlotItem()
        self.plot.hideButtons()
        # no grid: its faint lines across the plot were 3/4 of every repaint (2.8 of 3.8 ms per plot), and
        # PCA directions have no unit worth reading off a grid
        self._title = title
        self.plot.setTitle(title, color=FOREGROUND, size="10pt")
        for ax in ("left", "bottom"):
            a = self.plot.getAxis(ax)
            a.setPen(FOREGROUND)
            a.setTextPen(FOREGROUND)
            a.enableAutoSIPrefix(False)
        self.scatter = DotsItem(size=8, outline=0.6, hover_size=13)
        self.plot.addItem(self.scatter)
        self.points = np.zeros((0, 2), np.float32)
        self.indices = np.zeros(0, np.int64)
        self._shown_key: tuple | None = None  # what the scatter holds: (source object, colours)
        self.set_axes(None)

    def set_title(self, title: str) -> None:
        if title != getattr(self, "_title", None):  # a new title re-lays the plot out: only on change
            self._title = title
            self.plot.setTitle(title, color=FOREGROUND, size="10pt")

    def set_axes(self, explained) -> None:
        self._set_axis_labels(explained)
        # pyqtgraph places an axis label when the axis is resized, not when its text changes: without a
        # relayout after each new result (there is none now) a longer or shorter label stayed off centre
        for ax in ("bottom", "left"):
            self.plot.getAxis(ax).resizeEvent()

    def _set_axis_labels(self, explained) -> None:
        key = None if explained is None else tuple(round(float(e) * 100) for e in explained[:2])
        if getattr(self, "_axes_key", 0) == key:  # new labels re-lay the plot out: only on change
            return
        self._axes_key = key
        if explained is None:
            self.plot.setLabel(
                "bottom", translate("Representation", "principal direction 1 (no unit)"), color=FOREGROUND
            )
            self.plot.setLabel(
                "left", translate("Representation", "principal direction 2 (no unit)"), color=FOREGROUND
            )
            return
        self.plot.setLabel(
            "bottom", translate(
                "Representation",
                "principal direction 1 — {value:.0f}% of the spread",
            ).format(
                value=explained[0] * 100
            ), color=FOREGROUND
        )
        self.plot.setLabel(
            "left", translate("Representation", "principal direction 2 — {value:.0f}% of the spread").format(
                value=explained[1] * 100
            ), color=FOREGROUND
        )

    def set_points(
        self, points: np.ndarray, indices: np.ndarray, classes: np.ndarray, colours: list[str], source=None
    ) -> None:
        """Show these dots. `source` (the result dict they come from) lets a redraw with the same source and
        colours skip the new data and the autoRange (which re-lays the axes out)."""
        key = None if source is None else (id(source), tuple(colours))
        if key is not None and key == self._shown_key:
            return
        self._shown_key = key
        self._source = source  # keeps id(source) from being reused while it is the shown one
        self.points = np.asarray(points, np.float32)
        self.indices = np.asarray(indices, np.int64)
        self.scatter.set_data(self.points, classes, colours, self.indices)
        self.plot.autoRange(padding=0.05)


def shown_rows(n: int, limit: int = MAX_DOTS, seed: int = DOTS_SEED) -> np.ndarray:
    """Which of n dots a plot draws: all of them, or `limit` chosen at random with a fixed seed (sorted, so
    they are drawn in data order). The raw-pixel and the layer plot get the same drawings."""
    if n <= limit:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=limit, replace=False))


class RepresentationView(QWidget):
    """See the module docstring. API: set_classes(names, colours), set_drawings(drawings),
    set_raw(rep), set_layers(reps, note), clear_model(), shown_points(side) -> (points, indices),
    probe_rows() -> [(layer label, accuracy)], dots_note() -> the line saying how many dots are drawn.
    Signal: drawingRequested(int).

    With more than MAX_DOTS drawings each plot draws MAX_DOTS of them, chosen at random with a fixed seed
    (`shown_rows`), and says so above the plots: 50,000 dots took 12 ms per repaint (10,000: 3 ms), and
    at that density the picture is the same. With `staged=True` (the analysis window) the two plots are
    made in the turns of the event loop after the panel (one turn makes a plot, the next puts it in place,
    where it is first painted), each saying meanwhile that it is being set up, so that no single piece of
    GUI work makes more than one of them; `raw_plot` / `layer_plot` make them at once
    when code asks for them."""

    drawingRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None, staged: bool = False):
        super().__init__(parent)
        # shown again: the plots get their new data before the first paint (handing it over is cheap, the
        # paint is not: rendering after it painted both plots twice, in two turns back to back)
        self._when_shown = RenderWhenShown(self, self._redraw_now, before_paint=True)
        self.setObjectName("representationView")
        self._names: list[str] = []
        self._colours: list[str] = []
        self._drawings: list = []
        self._raw: dict | None = None
        self._layers: list[dict] = []
        self._chosen_label = ""
        self._baseline: dict | None = None

        self.title = QLabel(
            translate("Representation", "<b>Representations</b> — how each layer arranges your drawings")
        )
        self.explain = QLabel(
            translate(
                "Representation",
                "Each dot is one drawing, placed along the two directions in which that layer's numbers "
                "vary most (PCA). Colour and shape = its class. When a layer puts each class in its own "
                "group, a straight line can separate them: the network has learned a better representation "
                "than the raw pixels.",
            )
        )
        self.explain.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        self._raw_plot: _ScatterPlot | None = None
        self._layer_plot: _ScatterPlot | None = None
        self._slots = {side: QLabel(translate("Representation", "Setting up this plot…"))
                       for side in ("raw", "layer")}
        for side, slot in self._slots.items():
            slot.setObjectName(f"{side}PlotSlot")
            slot.setAlignment(Qt.AlignmentFlag.AlignCenter)
            slot.setStyleSheet("color: #555;")
            slot.setMinimumSize(200, 200)
        # how many of the drawings the plots show, or what they wait for: a line from the first drawing on,
        # whose height does not shrink (when it went away as the raw projection arrived, the plots grew
        # 20 px, laid out and painted whole again at the next show of the tab during training)
        self.dots = SteadyWrappedLabel()
        self.dots.setObjectName("representationDots")
        self.dots.setWordWrap(True)
        self.dots.setStyleSheet("color: #555;")
        self.dots.hide()
        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("representationLayer")
        self.layer_combo.setToolTip(translate("Representation", "Which layer's output to show on the right"))
        self.layer_combo.currentIndexChanged.connect(self._layer_chosen)

        self.probes = ProbeBars()
        self.probes_title = QLabel(
            translate(
                "Representation",
                "<b>Linear probe</b>: accuracy of a straight-line classifier on each layer, every drawing "
                "tested by a probe that did not see it (blue: this network; grey: the same layers "
                "untrained; dashed line = guessing)",
            )
        )
        self.probes_title.setWordWrap(True)
        self.hover_image = QLabel()
        self.hover_image.setFixedSize(72, 72)
        self.hover_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hover_image.setStyleSheet("border: 1px solid #bbb; background: white;")
        self.hover_text = QLabel(
            translate("Representation", "Point at a dot to see its drawing; click to open it in the canvas.")
        )
        self.hover_text.setWordWrap(True)
        # empty until there is something to say (clear_model: no model yet; "Computing…" at each job)
        self.status = SteadyWrappedLabel()
        self.status.setObjectName("representationStatus")
        self.status.setStyleSheet("color: #555;")

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(translate("Representation", "Right-hand plot shows:")))
        chooser.addWidget(self.layer_combo, 1)
        self._plots_grid = plots = QGridLayout()
        plots.addWidget(self._slots["raw"], 1, 0)
        plots.addLayout(chooser, 0, 1)
        plots.addWidget(
            QLabel(translate("Representation", "Left-hand plot: the drawings as the network receives them")),
            0,
            0,
        )
        plots.addWidget(self._slots["layer"], 1, 1)
        plots.setColumnStretch(0, 1)
        plots.setColumnStretch(1, 1)
        # the column beside the plots has a width of its own: sized by its contents, it widened and
        # narrowed as the status line and the probe rows changed, and each time both plots were re-laid
        # out and repainted whole; it only grows (rows with longer layer names)
        self.side = QWidget()
        self.side.setObjectName("representationSide")
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.probes_title)
        side.addWidget(self.probes)
        hover = QHBoxLayout()
        hover.addWidget(self.hover_image)
        hover.addWidget(self.hover_text, 1)
        side.addLayout(hover)
        side.addWidget(self.status)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(plots, 3)
        body.addWidget(self.side, 0)
        self._fit_side()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.legend)
        layout.addWidget(self.dots)
        layout.addLayout(body, 1)
        install_export_menu(self, "representations", self.csv_data)
        self._staging = QTimer(self)  # staged: the next plot is made in the next turn
        self._staging.setSingleShot(True)
        self._staging.timeout.connect(self._make_next_plot)
        if staged:
            self._staging.start(0)
        else:
            self.finish_building()

    def _fit_side(self) -> None:
        """The side column's width: the probe bars' (at least SIDE_CHARS average characters, and what rows
        of the usual layers would ask for, so that their first results do not widen it); only grows."""
        want = max(self.probes.sizeHint().width(), self.fontMetrics().averageCharWidth() * SIDE_CHARS,
                   self.probes.width_for(USUAL_LAYERS))
        if want > self.side.minimumWidth():
            self.side.setFixedWidth(want)

    # -- the plots (made at once, or one per turn when staged) --------------------------------------------
    def _new_plot(self, side: str) -> _ScatterPlot:
        """The plot of `side`, made (outside the layout: its slot still says it is being set up)."""
        if side == "raw":
            plot = _ScatterPlot(translate("Representation", "Raw pixels (784 numbers per drawing)"))
            self._raw_plot = plot
        else:
            plot = _ScatterPlot(translate("Representation", "Hidden layer"))
            self._layer_plot = plot
        plot.scatter.sigHovered.connect(self._hovered)
        plot.scatter.sigClicked.connect(self._clicked)
        return plot

    def _place_plot(self, side: str) -> None:
        """Put the plot made for `side` where its slot was."""
        plot = self._raw_plot if side == "raw" else self._layer_plot
        slot = self._slots.pop(side)
        self._plots_grid.replaceWidget(slot, plot.widget)
        slot.hide()
        slot.deleteLater()

    def _make_next_plot(self) -> None:
        """One step per turn: make a plot, then (next turn) put it in place and show its data, so that
        making it and its first paint are two pieces of GUI work."""
        if self._slots:
            side = next(iter(self._slots))
            if side not in self.plots_made():
                self._new_plot(side)
            else:
                self._place_plot(side)
                self._redraw()  # what it shows, as soon as it is there
        if self._slots:
            self._staging.start(0)

    def finish_building(self) -> None:
        """Make the plots not made yet, now."""
        self._staging.stop()
        while self._slots:
            side = next(iter(self._slots))
            if side not in self.plots_made():
                self._new_plot(side)
            self._place_plot(side)
        self._redraw()

    def plots_made(self) -> list[str]:
        """"raw" and/or "layer": the plots made so far (in place, or to be put there in the next turn)."""
        return [side for side, plot in (("raw", self._raw_plot), ("layer", self._layer_plot)) if plot]

    def plots_waiting(self) -> list[str]:
        """The plots whose place still says they are being set up."""
        return list(self._slots)

    @property
    def raw_plot(self) -> _ScatterPlot:
        if self._raw_plot is None:
            self.finish_building()
        return self._raw_plot

    @property
    def layer_plot(self) -> _ScatterPlot:
        if self._layer_plot is None:
            self.finish_building()
        return self._layer_plot

    # -- API ------------------------------------------------------------------------------------------
    def set_classes(self, names: list[str], colours: list[str]) -> None:
        self._names, self._colours = list(names), list(colours)
        self.legend.setText(
            translate("Representation", "Classes: ")
            + " &nbsp; ".join(
                f"<span style='color:{c}; font-size:16px'>{MARKER_TEXT[marker_for(i)]}</span> {n}"
                for i, (n, c) in enumerate(zip(names, colours, strict=True))
            )
        )
        self._redraw()

    def set_drawings(self, drawings: list) -> None:
        self._drawings = list(drawings)
        self._redraw()  # the line above the plots

    def dots_note(self) -> str:
        """The line above the plots: how many drawings they show, or what they are waiting for."""
        return self.dots.text()

    def set_raw(self, raw: dict | None) -> None:
        """The dataset's raw-pixel projection and probe: a dict with points (N, 2), explained (2,), probe,
        ids (dataset positions of the points) and y (their classes)."""
        self._raw = raw
        self._layers = []
        self._redraw()

    def set_layers(self, layers: list[dict], note: str = "") -> None:
        """Projections and probes of the model's layers (from the analysis worker)."""
        self._layers = list(layers)
        labels = [la["label"] for la in layers]
        shown = [self.layer_combo.itemText(i) for i in range(self.layer_combo.count())]
        if labels != shown:  # the same layers every epoch: refilling the list would re-lay it out
            self.layer_combo.blockSignals(True)
            current = self._chosen_label or (labels[-1] if labels else "")
            self.layer_combo.clear()
            self.layer_combo.addItems(labels)
            if current in labels:
                self.layer_combo.setCurrentIndex(labels.index(current))
            elif labels:
                self.layer_combo.setCurrentIndex(len(labels) - 1)
            self.layer_combo.blockSignals(False)
        if self.status.text():  # the panel's "modelNote" says which model; the status is for progress
            self.status.setText("")
        self._redraw()

    def set_status(self, text: str) -> None:
        """A line about the analysis under way or what failed ("Computing for the newest model…")."""
        self.status.setText(text)

    def set_baseline(self, baseline: dict | None) -> None:
        """{layer label: the untrained networks' probe accuracy} or None (not computed yet)."""
        if baseline != self._baseline:
            self._baseline = baseline
            self._redraw()

    def clear_model(
        self, text: str = translate(
            "Representation", "No model yet: train to see how the layers arrange the drawings."
        )
    ) -> None:
        self._layers = []
        self.layer_combo.clear()
        self.status.setText(text)
        self._redraw()

    def choose_layer(self, label: str) -> None:
        i = self.layer_combo.findText(label)
        if i >= 0:
            self.layer_combo.setCurrentIndex(i)

    def shown_points(self, side: str = "layer") -> tuple[np.ndarray, np.ndarray]:
        plot = self.raw_plot if side == "raw" else self.layer_plot
        return plot.points.copy(), plot.indices.copy()

    def probe_rows(self) -> list[tuple[str, float]]:
        return list(self.probes.rows)

    def baseline_rows(self) -> list[float | None]:
        """The untrained baseline beside each probe row (None: raw pixels, or not computed yet)."""
        return list(self.probes.baselines)

    def csv_data(self) -> tuple[list, list]:
        header = ["layer", "drawing_index", "class", "pc1", "pc2"]
        rows = []
        reps = ([self._raw] if self._raw else []) + self._layers
        for rep in reps:
            for (a, b), i, c in zip(rep["points"], rep["ids"], rep["y"], strict=True):
                name = self._names[int(c)] if int(c) < len(self._names) else int(c)
                rows.append([rep["label"], int(i), name, f"{a:.6g}", f"{b:.6g}"])
        for (label, acc), base in zip(self.probes.rows, self.probes.baselines, strict=False):
            rows.append([f"probe leave-one-out accuracy: {label}", "", "", f"{acc:.4f}",
                         "" if base is None else f"untrained {base:.4f}"])  # a data file: English
        return header, rows

    # -- internals ------------------------------------------------------------------------------------
    def _layer_chosen(self, i: int) -> None:
        if 0 <= i < len(self._layers):
            self._chosen_label = self._layers[i]["label"]
        self._redraw()

    def _current_layer(self) -> dict | None:
        i = self.layer_combo.currentIndex()
        return self._layers[i] if 0 <= i < len(self._layers) else None

    def _redraw(self, *_args) -> None:
        """Render now when on screen; a hidden panel renders when it is shown (saves GUI-thread time)."""
        self._when_shown.request()

    def _redraw_now(self) -> None:
        colours = self._colours or ["#0072B2"]
        empty = (np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, np.int64))
        raw, layer = self._raw, self._current_layer()
        text = self._dots_text()
        if text != self.dots.text():  # a new text re-lays the panel out: only on change
            self.dots.setText(text)
            self.dots.setVisible(bool(text))  # no empty line before there are drawings
        if self._raw_plot is not None:
            if raw is not None:
                self._raw_plot.set_points(*self._sample(raw), colours, source=raw)
                self._raw_plot.set_axes(raw["explained"])
            else:
                self._raw_plot.set_points(*empty, colours)
        if self._layer_plot is not None:
            if layer is not None:
                self._layer_plot.set_title(f"{layer['label'][0].upper()}{layer['label'][1:]}")
                self._layer_plot.set_points(*self._sample(layer), colours, source=layer)
                self._layer_plot.set_axes(layer["explained"])
            else:
                self._layer_plot.set_title(
                    translate("Representation", "A layer of the network (none computed yet)"))
                self._layer_plot.set_points(*empty, colours)
                self._layer_plot.set_axes(None)
        rows, bases, dims = [], [], []
        n = total = None
        if self._raw is not None and self._raw.get("probe") is not None:
            rows.append((translate("Representation", "raw pixels"), self._raw["probe"].test_accuracy))
            bases.append(None)  # no weights: nothing to compare with
            dims.append((translate("Representation", "raw pixels"), self._raw["probe"].dims))
            n, total = self._raw["probe"].n_test, len(self._raw["ids"])
        for la in self._layers:
            if la.get("probe") is not None:
                rows.append((la["label"], la["probe"].test_accuracy))
                bases.append((self._baseline or {}).get(la["label"]))
                dims.append((la["label"], la["probe"].dims))
                n, total = la["probe"].n_test, len(la["ids"])
        self.probes.highlight = {layer["label"]} if layer is not None else set()
        self.probes.set_rows(rows, 1.0 / len(self._names) if self._names else 0.0, bases)
        self._fit_side()
        self.probes.setToolTip(probe_tooltip(n, total, dims))

    @staticmethod
    def _sample(rep: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(points, dataset indices, classes) of the dots drawn for `rep` (see `shown_rows`)."""
        rows = rep.get("_shown")
        if rows is None:
            rows = rep["_shown"] = shown_rows(len(rep["ids"]))  # kept with the result: chosen once
        if len(rows) == len(rep["ids"]):
            return rep["points"], rep["ids"], rep["y"]
        return rep["points"][rows], rep["ids"][rows], rep["y"][rows]

    def _dots_text(self) -> str:
        n = len(self._drawings)
        if self._raw is None:
            if not n:
                return ""
            return translate("Representation", "Waiting for the analysis of the {n:,} drawings (their "
                                               "rasters and the projection of the raw pixels)…").format(n=n)
        total = len(self._raw["ids"])
        if total <= MAX_DOTS:
            return translate("Representation", "Each plot shows all {total:,} drawings.").format(total=total)
        return translate("Representation", "Showing {shown:,} of {total:,} drawings, chosen at random with "
                                            "a fixed seed (the same ones in both plots), so that the window "
                                            "stays quick.").format(shown=MAX_DOTS, total=total)

    def _hovered(self, i: int) -> None:
        if 0 <= i < len(self._drawings):  # leaving a dot (-1) keeps the last drawing shown
            d = self._drawings[i]
            colour = self._colours[self._names.index(d.label)] if d.label in self._names else "#7f7f7f"
            self.hover_image.setPixmap(drawing_pixmap(d, colour, 70, class_marker(self._names, d.label)))
            self.hover_text.setText(translate(
                "Representation", "Drawing #{value}: “{label}”. Click to open it in the canvas."
            ).format(value=i + 1, label=d.label))

    def _clicked(self, i: int) -> None:
        self.drawingRequested.emit(i)
