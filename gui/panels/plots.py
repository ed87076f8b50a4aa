"""TrainingPlots: live loss and accuracy curves against epochs, with earlier runs kept as faded curves.

Records are appended to growing NumPy buffers when they arrive (cheap); the curves, created once per run,
are fed with `setData` from single-shot timers: the loss plot 50 ms after new records (at most 20 times a
second), the accuracy plot 25 ms after the loss plot's redraw. The two plots are so redrawn in different
turns of the event loop, also when the loop was held up (a plot's redraw repaints the window at once: both
in one turn stalled it twice as long), and a curve whose data did not change is not fed again (the
validation curves change only when the run validates: `validations_per_epoch` times an epoch).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engine import atomic_path
from gui.panels._common import BACKGROUND, FOREGROUND, Coalescer, point_size, zoom_of
from gui.panels._export import add_plot_actions, make_exportable, remove_broken_exporters
from gui.text import QT_TRANSLATE_NOOP, translate

TRAIN_COLOUR = "#1f5fb4"
VAL_COLOUR = "#d95f02"
EMA_DECAY = 0.9  # smoothed = debiased exponential moving average over steps
RENDER_INTERVAL_MS = 50  # the loss plot at most 20 redraws per second
ACCURACY_AFTER_MS = 25  # the accuracy plot this long after the loss plot's redraw
PLOTS = ("loss", "accuracy")
LOSS_HEADROOM = 1.1  # the loss axis: 0 to 1.1 × the largest loss, rounded up (loss_axis_top)
DOWNSAMPLE_ABOVE = 4000  # points; longer series are peak-downsampled and clipped to the view

# Series of one run: (key, plot, legend name, what it is, colour, faded alpha when an earlier run)
SERIES = (
    (
        "loss_step",
        "loss",
        QT_TRANSLATE_NOOP("Plots", "training loss, each step"),
        QT_TRANSLATE_NOOP("Plots", "raw mini-batch loss"),
        TRAIN_COLOUR,
    ),
    (
        "loss_smooth",
        "loss",
        QT_TRANSLATE_NOOP("Plots", "training loss, smoothed"),
        QT_TRANSLATE_NOOP("Plots", "exponential moving average"),
        TRAIN_COLOUR,
    ),
    (
        "val_loss",
        "loss",
        QT_TRANSLATE_NOOP("Plots", "validation loss"),
        QT_TRANSLATE_NOOP("Plots", "held-out drawings"),
        VAL_COLOUR,
    ),
    (
        "acc_smooth",
        "accuracy",
        QT_TRANSLATE_NOOP("Plots", "training accuracy, smoothed"),
        QT_TRANSLATE_NOOP("Plots", "mini-batch accuracy, averaged"),
        TRAIN_COLOUR,
    ),
    (
        "val_acc",
        "accuracy",
        QT_TRANSLATE_NOOP("Plots", "validation accuracy"),
        QT_TRANSLATE_NOOP("Plots", "held-out drawings"),
        VAL_COLOUR,
    ),
)


class _Buffer:
    """x, y float64 arrays that double when full."""

    def __init__(self, capacity: int = 256):
        self.x = np.empty(capacity)
        self.y = np.empty(capacity)
        self.n = 0

    def append(self, x: float, y: float) -> None:
        if self.n == len(self.x):
            self.x = np.concatenate([self.x, np.empty_like(self.x)])
            self.y = np.concatenate([self.y, np.empty_like(self.y)])
        self.x[self.n] = x
        self.y[self.n] = y
        self.n += 1

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[: self.n], self.y[: self.n]


@dataclass
class _Run:
    label: str
    epochs: int | None = None  # the planned length, when known: the x axis is laid out for it at once
    buffers: dict[str, _Buffer] = field(default_factory=lambda: {key: _Buffer() for key, *_ in SERIES})
    curves: dict[str, pg.PlotDataItem] = field(default_factory=dict)
    ema_loss: float = 0.0
    ema_acc: float = 0.0
    ema_count: int = 0
    dirty: set = field(default_factory=lambda: set(PLOTS))  # plots with data not drawn yet
    drawn: dict = field(default_factory=dict)  # series -> number of points its curve was last fed


def _pen(colour: str, width: float, alpha: int = 255, dashed: bool = False):
    c = QColor(colour)
    c.setAlpha(alpha)
    pen = pg.mkPen(c, width=width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def loss_axis_top(largest: float) -> float:
    """The top of the loss axis for a largest loss `largest`: LOSS_HEADROOM × it, rounded up to the next of
    1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (× a power of ten). The axis then moves only when the loss outgrows a
    step, not with every noisy mini-batch (each move redraws both axes and every curve)."""
    target = float(largest) * LOSS_HEADROOM
    if not (target > 0 and math.isfinite(target)):
        return 2.0
    scale = 10.0 ** math.floor(math.log10(target))
    for step in (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * scale >= target * (1 - 1e-12):
            return step * scale
    return 10.0 * scale


def validation_when(per_epoch: int) -> str:
    """When the validation dots are measured, in words: 'at the end of every epoch', 'halfway through every
    epoch and at its end', '3 times an epoch, the last at its end'."""
    if per_epoch <= 1:
        return translate("Plots", "at the end of every epoch")
    if per_epoch == 2:
        return translate("Plots", "halfway through every epoch and at its end")
    return translate("Plots", "{n} times an epoch, the last at its end").format(n=per_epoch)


def validation_often(per_epoch: int) -> str:
    """How often, for the legends: 'each epoch', 'every half epoch', '3 times an epoch'."""
    if per_epoch <= 1:
        return translate("Plots", "each epoch")
    if per_epoch == 2:
        return translate("Plots", "every half epoch")
    return translate("Plots", "{n} times an epoch").format(n=per_epoch)


def _swatch(colour: str, kind: str) -> str:
    """A legend's sample of a curve: a line, a faint line, dots or a dashed line in `colour` (rich text)."""
    glyph = {"line": "━━", "faint": "──", "dots": "━●━", "dashed": "╍╍"}[kind]
    return f"<span style='color:{colour};'><b>{glyph}</b></span>"


def record_x(record) -> float:
    """Training progress in epochs: epoch + batch / steps_per_epoch for steps (a validation within an epoch
    is plotted at the step it followed), epoch + 1 at an epoch's end."""
    if record.kind == "epoch":
        return float(record.epoch) + 1.0
    spe = record.steps_per_epoch or 0
    if spe > 0:
        batch = record.step - record.epoch * spe
        return float(record.epoch) + batch / spe
    return float(record.step)


def describe_run(run: _Run) -> str:
    """A run's latest numbers as text (the plots' accessible description, for screen readers)."""
    parts = [f"{run.label}:"]
    for key, text, unit in (("loss_smooth", translate("Plots", "training loss, smoothed"), ""),
                            ("val_loss", translate("Plots", "validation loss"), ""),
                            ("acc_smooth", translate("Plots", "training accuracy, smoothed"), " %"),
                            ("val_acc", translate("Plots", "validation accuracy"), " %")):
        x, y = run.buffers[key].data()
        if len(y):
            parts.append(translate("Plots", "{text} {value:.3g}{unit} at {value2:.2f} epochs;").format(
                text=text, value=y[-1], unit=unit, value2=x[-1]))
    return " ".join(parts).rstrip(";")


def largest_loss(runs: list[_Run]) -> float:
    """The largest loss (each step, smoothed or validation) of any run plotted; 0 when there is none."""
    top = 0.0
    for run in runs:
        for key in ("loss_step", "loss_smooth", "val_loss"):
            y = run.buffers[key].data()[1]
            if len(y):
                top = max(top, float(y.max()))
    return top


class TrainingPlots(QWidget):
    """Loss and accuracy of training runs against epochs (two pyqtgraph PlotWidgets: lossPlot, accuracyPlot).

    API: add_record(TrainRecord), new_run(label), clear_runs(); flush() renders now; export_csv(path).
    Accuracy is plotted in percent (record.accuracy × 100); loss is the mean cross-entropy in nats.
    """

    def __init__(self, parent: QWidget | None = None, *, horizontal: bool = False,
                 validations_per_epoch: int = 1):
        super().__init__(parent)
        self.setObjectName("trainingPlots")
        # how often the runs plotted validate (TrainConfig.val_per_epoch): the legends and tooltips say it
        self.validations_per_epoch = max(1, int(validations_per_epoch))
        when = validation_when(self.validations_per_epoch)
        self.setAccessibleName(translate("Plots", "Loss and accuracy plots"))
        self._runs: list[_Run] = []
        self._downsampling = False
        # one timer per plot; the accuracy plot's is started by the loss plot's redraw: the two redraws (each
        # repaints the window) fall in different turns of the event loop
        self._coalescers = {
            "loss": Coalescer(lambda: self._render("loss"), RENDER_INTERVAL_MS, self),
            "accuracy": Coalescer(lambda: self._render("accuracy"), ACCURACY_AFTER_MS, self),
        }

        self.loss_plot = self._make_plot(
            "lossPlot",
            translate("Plots", "Loss: how wrong the network is (lower is better)"),
            (translate("Plots", "cross-entropy loss"), "nats"),
            translate(
                "Plots",
                "The loss measures how wrong the network's guesses are, averaged over drawings.\nFaint "
                "line: each mini-batch. Solid line: the same, smoothed. Orange dots: drawings held "
                "out\nfor validation, measured {when}. Faded lines are earlier runs.",
            ).format(when=when),
        )
        self.accuracy_plot = self._make_plot(
            "accuracyPlot",
            translate("Plots", "Accuracy: share of drawings guessed right (higher is better)"),
            (translate("Plots", "accuracy"), "%"),
            translate("Plots", "The share of drawings whose most likely class is the right one, in percent.\n"
            "Blue: training mini-batches, smoothed. Orange dots: held-out validation drawings,\n"
            "measured {when}. Faded lines are earlier runs.").format(when=when),
        )
        self._titles = {
            "lossPlot": translate("Plots", "Loss: how wrong the network is (lower is better)"),
            "accuracyPlot": translate(
                "Plots", "Accuracy: share of drawings guessed right (higher is better)"
            ),
        }
        # the x axis is set by _update_x_range: whole epochs, changed only when a run needs more room
        self._x_span = 0.0
        self._expected: tuple[str, int | None] | None = None  # (label, epochs) of a run about to start
        self._loss_top = 0.0
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getPlotItem().getViewBox().enableAutoRange(axis="x", enable=False)
            plot.getPlotItem().getViewBox().setXRange(0, 1, padding=0.02)
        acc_view = self.accuracy_plot.getPlotItem().getViewBox()
        acc_view.enableAutoRange(axis="y", enable=False)
        acc_view.setYRange(0, 100, padding=0.02)
        # loss is never negative: its axis starts at 0 (see _render)
        loss_view = self.loss_plot.getPlotItem().getViewBox()
        loss_view.enableAutoRange(axis="y", enable=False)
        loss_view.setYRange(0, 2.0, padding=0)
        self._loss_top = 2.0

        # legends are labels above the plots, so they never hide a curve
        self.loss_legend = QLabel()
        self.loss_legend.setObjectName("lossLegend")
        self.accuracy_legend = QLabel()
        self.accuracy_legend.setObjectName("accuracyLegend")
        for legend in (self.loss_legend, self.accuracy_legend):
            legend.setWordWrap(True)
            legend.setTextFormat(Qt.TextFormat.RichText)
        layout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for legend, plot in ((self.loss_legend, self.loss_plot), (self.accuracy_legend, self.accuracy_plot)):
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(legend)
            column.addWidget(plot, 1)
            layout.addLayout(column, 1)
        self._update_legends()
        self._apply_font()
        # PNG and CSV from the panel's and each plot's right-click menu (no broken pyqtgraph exporters)
        remove_broken_exporters()
        make_exportable(self, "training-curves", self.export_csv)
        for plot in (self.loss_plot, self.accuracy_plot):
            add_plot_actions(plot.getPlotItem().vb.menu, self)

    # -- construction -------------------------------------------------------------------------
    def _make_plot(self, name: str, title: str, ylabel: tuple[str, str], tooltip: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(background=BACKGROUND)
        plot.setObjectName(name)
        plot.setToolTip(tooltip)
        plot.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it: its numbers are its description
        plot.setAccessibleName(translate("Plots", "{title} plot").format(title=title.split(":")[0]))
        item = plot.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(FOREGROUND)
            axis.setTextPen(FOREGROUND)
            axis.enableAutoSIPrefix(False)
            # the grid is drawn by the axes across the whole plot, so every new point of a curve made Qt
            # replay both axes' pictures (~4 ms each at 560 x 440); cached as pixmaps they are re-drawn
            # only when their ticks, size or font change
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        item.setLabel("left", ylabel[0], units=ylabel[1], color=FOREGROUND)
        item.setLabel("bottom", translate("Plots", "training progress"), units=translate("Plots", "epochs"),
                      color=FOREGROUND)
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setMenuEnabled(True)
        return plot

    def _plot_for(self, which: str) -> pg.PlotWidget:
        return self.loss_plot if which == "loss" else self.accuracy_plot

    def _create_curves(self, run: _Run) -> None:
        for key, which, name, _what, _colour in SERIES:
            item = self._plot_for(which).getPlotItem()
            curve = pg.PlotDataItem(name=translate("Plots", name))
            curve.setObjectName(f"{key}")
            item.addItem(curve)
            run.curves[key] = curve
        self._style_current(run)

    def line_scale(self) -> float:
        """View › Zoom as read from the widget's font: curves are drawn that much wider, dots that much
        larger."""
        return zoom_of(self)

    def _style_current(self, run: _Run) -> None:
        k = self.line_scale()
        for key, _which, _name, _what, colour in SERIES:
            curve = run.curves[key]
            if key == "loss_step":
                curve.setPen(_pen(colour, 1 * k, alpha=70))
            elif key.startswith("val"):
                curve.setPen(_pen(colour, 2 * k))
                curve.setSymbol("o")
                curve.setSymbolSize(8 * k)
                curve.setSymbolBrush(pg.mkBrush(colour))
                curve.setSymbolPen(pg.mkPen("w"))
            else:
                curve.setPen(_pen(colour, 2.5 * k))

    def _fade(self, run: _Run) -> None:
        """Turn a finished run into faded, dashed curves (the legend lists it as an earlier run)."""
        k = self.line_scale()
        for key, _which, _name, _what, colour in SERIES:
            curve = run.curves[key]
            if key == "loss_step":
                curve.setVisible(False)  # the raw steps of earlier runs would only be clutter
                continue
            curve.setPen(_pen(colour, 1.5 * k, alpha=90, dashed=True))
            if key.startswith("val"):
                curve.setSymbolBrush(pg.mkBrush(QColor(colour).red(), QColor(colour).green(),
                                                QColor(colour).blue(), 90))
                curve.setSymbolSize(6 * k)

    def sizeHint(self) -> QSize:
        return QSize(560, 440)  # pyqtgraph's own hints (≈ 600 × 500 per plot) would crowd a 720p window

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for legend in (self.loss_legend, self.accuracy_legend):
                legend.setMinimumHeight(0)  # measured again at the new size
            self._apply_font()

    def _apply_font(self) -> None:
        """Scale titles, axis labels, tick numbers and legends with the widget's font (large-text mode)."""
        tick_font = QFont(self.font())
        tick_font.setPointSizeF(point_size(self, 0.85))
        for plot in (self.loss_plot, self.accuracy_plot):
            item = plot.getPlotItem()
            for side in ("left", "bottom"):
                axis = item.getAxis(side)
                axis.setTickFont(tick_font)
                axis.setLabel(axis.labelText, units=axis.labelUnits,
                              **{"color": FOREGROUND, "font-size": f"{point_size(self, 0.9)}pt"})
        for i, run in enumerate(getattr(self, "_runs", [])):  # zoom: wider curves, larger dots
            if i == len(self._runs) - 1:
                self._style_current(run)
            else:
                self._fade(run)

    def _update_legends(self) -> None:
        if self._expected is not None:  # a run about to start is named as the current one already
            current, earlier = self._expected[0], [run.label for run in self._runs]
        else:
            current = self._runs[-1].label if self._runs else translate("Plots", "no run yet")
            earlier = [run.label for run in self._runs[:-1]]
        tail = ""
        if earlier:
            names = ", ".join(earlier[-3:])
            if len(earlier) > 3:
                names += translate("Plots", " and {count} more").format(count=len(earlier) - 3)
            tail = (translate("Plots", " &nbsp; {value} earlier runs, faded ({names})").format(
                value=_swatch('#8fb0dc', 'dashed'),
                names=names,
            ))
        often = validation_often(self.validations_per_epoch)
        head = f"<b>{self._titles['lossPlot']}</b><br><i>{current}</i>: "
        self.loss_legend.setText(
            head + translate(
                "Plots",
                "{value} training, each step &nbsp; {value2} training, smoothed &nbsp; {value3} "
                "validation, {often}",
            ).format(
                value=_swatch('#9db8dc', 'faint'),
                value2=_swatch(TRAIN_COLOUR, 'line'),
                value3=_swatch(VAL_COLOUR, 'dots'),
                often=often,
            ) + tail
        )
        head = f"<b>{self._titles['accuracyPlot']}</b><br><i>{current}</i>: "
        self.accuracy_legend.setText(
            head + translate(
                "Plots",
                "{value} training, smoothed &nbsp; {value2} validation, {often}",
            ).format(
                value=_swatch(TRAIN_COLOUR, 'line'), value2=_swatch(VAL_COLOUR, 'dots'), often=often,
            ) + tail
        )
        for legend in (self.loss_legend, self.accuracy_legend):
            # a legend never gets shorter while shown: a new run's label then changes no plot's size
            # (which would redraw both plots, axes and all, just as the run's first curves arrive)
            if legend.isVisible():
                needed = legend.heightForWidth(legend.width())
                if needed > legend.minimumHeight():
                    legend.setMinimumHeight(needed)

    # -- public API ---------------------------------------------------------------------------
    def expect_run(self, label: str, epochs: int) -> None:
        """A run `label` of `epochs` epochs is about to start (its drawings are being prepared): lay the x
        axis and the legends out for it now, so that its first records only add curves (rather than also
        moving both axes and resizing both plots while it trains). `new_run` then starts it;
        `cancel_expected_run` undoes this for a run that never steps."""
        self._expected = (str(label), int(epochs) if epochs else None)
        self._update_x_range()
        self._update_legends()

    def cancel_expected_run(self) -> None:
        """The run announced by `expect_run` ended before its first step: the axes and legends show the
        runs plotted so far again."""
        if self._expected is not None:
            self._expected = None
            self._update_x_range()
            self._update_legends()

    def new_run(self, label: str, epochs: int | None = None) -> None:
        """Start a new run; the curves so far stay visible, faded, until clear_runs().

        With `epochs` (the planned length) the x axis spans the whole run from the start, so it does not
        rescale (and repaint its labels) as the curves grow."""
        self.flush()
        if self._runs:
            self._fade(self._runs[-1])
        run = _Run(label=str(label), epochs=int(epochs) if epochs else None)
        self._expected = None
        self._create_curves(run)
        self._runs.append(run)
        self._update_x_range()
        self._update_legends()

    def clear_runs(self) -> None:
        """Remove every run, current one included."""
        self.flush()
        for run in self._runs:
            for key, which, *_ in SERIES:
                self._plot_for(which).getPlotItem().removeItem(run.curves[key])
        self._runs.clear()
        self._expected = None
        self._loss_top = 2.0
        self.loss_plot.getPlotItem().getViewBox().setYRange(0, 2.0, padding=0)
        self._update_x_range()
        self._update_legends()

    def add_record(self, record) -> None:
        """Append one TrainRecord ("step" and "epoch" records are plotted; others are ignored)."""
        if record.kind not in ("step", "epoch"):
            return
        if not self._runs:
            self.new_run(translate("Plots", "run 1"))
        run = self._runs[-1]
        x = record_x(record)
        b = run.buffers
        if record.kind == "step":
            loss, acc = record.loss, record.accuracy
            if loss is not None and math.isfinite(loss):
                run.ema_count += 1
                run.ema_loss = EMA_DECAY * run.ema_loss + (1 - EMA_DECAY) * loss
                debias = 1 - EMA_DECAY**run.ema_count
                b["loss_step"].append(x, loss)
                b["loss_smooth"].append(x, run.ema_loss / debias)
                if acc is not None and math.isfinite(acc):
                    run.ema_acc = EMA_DECAY * run.ema_acc + (1 - EMA_DECAY) * acc
                    b["acc_smooth"].append(x, 100.0 * run.ema_acc / debias)
        # validation figures: an epoch's end, or a step the run validated after (within an epoch)
        if record.val_loss is not None and math.isfinite(record.val_loss):
            b["val_loss"].append(x, record.val_loss)
        if record.val_accuracy is not None and math.isfinite(record.val_accuracy):
            b["val_acc"].append(x, 100.0 * record.val_accuracy)
        run.dirty.update(PLOTS)
        self._coalescers["loss"].request()  # the loss plot's redraw asks for the accuracy plot's

    def flush(self) -> None:
        """Draw what has arrived now instead of at the next timer tick."""
        self._coalescers["loss"].flush()
        self._coalescers["accuracy"].flush()

    @property
    def render_pending(self) -> bool:
        """Data has arrived that a plot has not drawn yet (its timer runs)."""
        return any(c.pending for c in self._coalescers.values())

    @property
    def run_labels(self) -> list[str]:
        return [run.label for run in self._runs]

    def curve(self, key: str, run: int = -1) -> pg.PlotDataItem:
        """The curve `key` (one of loss_step, loss_smooth, val_loss, acc_smooth, val_acc) of a run."""
        return self._runs[run].curves[key]

    def series(self, key: str, run: int = -1) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the buffered (x in epochs, y) data of a series, whatever is drawn."""
        x, y = self._runs[run].buffers[key].data()
        return x.copy(), y.copy()

    def export_csv(self, path: str) -> None:
        """Write every run's series as CSV: run, series, epochs, value (accuracy in %, loss in nats);
        atomically (a temporary file, then os.replace)."""
        with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["run", "series", "epochs", "value"])
            for run in self._runs:
                for key, *_ in SERIES:
                    x, y = run.buffers[key].data()
                    for xi, yi in zip(x, y, strict=True):
                        writer.writerow([run.label, key, f"{xi:.6g}", f"{yi:.6g}"])

    # -- rendering ----------------------------------------------------------------------------
    def _describe(self, run: _Run) -> None:
        """The latest numbers as text, for screen readers (the plots' accessible description)."""
        text = describe_run(run)
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)
            for plot in (self.loss_plot, self.accuracy_plot):
                plot.setAccessibleDescription(text)

    def _update_x_range(self) -> None:
        """Span [0, whole epochs]: the planned length of every run shown, or the data if a run goes on
        longer. Only a change of span moves the axis."""
        span = float(self._expected[1] or 1) if self._expected else 1.0
        for run in self._runs:
            if run.epochs:
                span = max(span, float(run.epochs))
            for key, *_ in SERIES:
                x = run.buffers[key].data()[0]
                if len(x):
                    span = max(span, float(np.ceil(x[-1] - 1e-9)))
        if span != self._x_span:
            self._x_span = span
            for plot in (self.loss_plot, self.accuracy_plot):
                plot.getPlotItem().getViewBox().setXRange(0, span, padding=0.02)

    def _render(self, which: str) -> None:
        """Feed plot `which` ("loss" or "accuracy") the data that arrived since its last redraw."""
        if which == "loss":
            top = largest_loss(self._runs)
            axis_top = loss_axis_top(top) if top > 0 else 0.0
            if axis_top > 0 and axis_top != self._loss_top:
                self._loss_top = axis_top
                self.loss_plot.getPlotItem().getViewBox().setYRange(0, axis_top, padding=0)
        self._update_x_range()
        for run in self._runs:
            if which not in run.dirty:
                continue
            run.dirty.discard(which)
            longest = 0
            for key, plot, *_ in SERIES:
                if plot != which:
                    continue
                x, y = run.buffers[key].data()
                longest = max(longest, len(x))
                if run.drawn.get(key) != len(x):  # an unchanged curve is not fed (nor redrawn) again
                    run.drawn[key] = len(x)
                    run.curves[key].setData(x, y)
            if run is self._runs[-1] and which == "loss":
                self._describe(run)
            if longest > DOWNSAMPLE_ABOVE and not self._downsampling:
                self._downsampling = True
                for plot in (self.loss_plot, self.accuracy_plot):
                    item = plot.getPlotItem()
                    item.setDownsampling(auto=True, mode="peak")
                    item.setClipToView(True)
        if which == "loss" and any("accuracy" in run.dirty for run in self._runs):
            self._coalescers["accuracy"].request()  # in a later turn of the event loop
