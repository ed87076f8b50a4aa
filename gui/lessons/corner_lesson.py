"""Lesson 1 — What is a representation? Counting corners, against the representation the CNN learned."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from engine.lessons import (
    CORNER_DEGREES,
    SHORT_FRACTION,
    SIMPLIFY_FRACTION,
    clean_shape,
    compare_representations,
    count_corners,
    stratified_sample,
)
from gui.lessons._engine import rasterize_many
from gui.lessons.common import BACKGROUND, FOREGROUND, Lesson
from gui.text import QT_TRANSLATE_NOOP, translate

MAX_TABLE_DRAWINGS = 1500  # more than this: a sample keeping each class's share, and the panel says so
CNN_REFRESH_S = 2.0  # while training, the CNN column follows the model at most this often
CORNER_COLOUR = "#d62728"
PATH_COLOUR = "#1f5fb4"


class CornerLesson(Lesson):
    title = QT_TRANSLATE_NOOP("CornerLesson", "1 · What is a representation? Counting corners")
    lecture = (QT_TRANSLATE_NOOP(
        "CornerLesson",
        "“If you try to classify the following shapes, the number of corners can be used as a "
        "Representation — square: 4 corners, triangle: 3, circle: 0. But how do we cope if this shape "
        "comes in? … Deep Learning automatically learns this representation.”",
    ))
    steps = [
        QT_TRANSLATE_NOOP(
            "CornerLesson",
            "A hand-made representation: <b>count the corners</b>. {rule} A clean square has <b>4</b>.",
        ),
        QT_TRANSLATE_NOOP("CornerLesson", "A clean triangle has <b>3</b> corners."),
        QT_TRANSLATE_NOOP(
            "CornerLesson",
            "A clean circle has <b>0</b> corners. The rule: 4 → square, 3 → triangle, 0 → circle, anything "
            "else → irregular.",
        ),
        QT_TRANSLATE_NOOP(
            "CornerLesson",
            "<b>Your drawing</b> (from the canvas): its corners, what the corner rule says, and what the "
            "CNN says (once it is trained).",
        ),
        QT_TRANSLATE_NOOP(
            "CornerLesson",
            "<b>The whole dataset</b>, class by class: how often the corner rule is right, and how often "
            "the CNN is. Wobbly lines, rounded corners and irregular shapes break the rule.",
        ),
        QT_TRANSLATE_NOOP(
            "CornerLesson",
            "<b>Where counting corners fails</b>: drawings the rule gets wrong. The CNN never counts "
            "anything: it learned its own representation from the examples.",
        ),
    ]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cornerLesson")
        self._data_cache = None  # the dataset's drawings, labels, corner-rule answers, rasters
        self._cnn_cache = None  # the CNN's answers for them
        self._cnn_stale = False
        self._cnn_time = 0.0
        self._cnn_timer = QTimer(self)
        self._cnn_timer.setSingleShot(True)
        self._cnn_timer.timeout.connect(self.request_refresh)

        self.plot = pg.PlotWidget(background=BACKGROUND, enableMenu=False)
        self.plot.setObjectName("cornerPlot")
        item = self.plot.getPlotItem()
        item.setAspectLocked(True)
        item.invertY(True)
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.setMouseEnabled(False, False)
        self.plot.setToolTip(translate(
            "CornerLesson",
            "Grey: the strokes as drawn. Blue: simplified. Red dots: the corners found.",
        ))
        self.result = QLabel()
        self.result.setObjectName("cornerResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)

        self.table_title = QLabel()
        self.table_title.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("cornerTable")
        self.table.setHorizontalHeaderLabels(
            [translate("CornerLesson", "class"), translate("CornerLesson", "drawings"),
             translate("CornerLesson", "corner rule\nright"), translate("CornerLesson", "CNN\nright")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(translate(
            "CornerLesson",
            "Per true class: the share of its drawings each method classifies correctly.",
        ))

        left = QVBoxLayout()
        left.addWidget(self.plot, 1)
        left.addWidget(self.result)
        right = QVBoxLayout()
        right.addWidget(self.table_title)
        right.addWidget(self.table, 1)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        self.set_step(0)

    # -- drawing ------------------------------------------------------------------------------
    def _draw(self, strokes, *, offset=(0.0, 0.0), scale=1.0, caption: str | None = None) -> int:
        """Draws strokes, the simplified paths and the corners; returns the corner count."""
        item = self.plot.getPlotItem()
        off = np.asarray(offset)
        result = count_corners(strokes)
        for s in strokes:
            s = np.asarray(s)[:, :2] * scale + off
            item.addItem(pg.PlotDataItem(s[:, 0], s[:, 1], pen=pg.mkPen("#9e9e9e", width=5)))
        for path in result.paths:
            p = path * scale + off
            item.addItem(pg.PlotDataItem(p[:, 0], p[:, 1], pen=pg.mkPen(PATH_COLOUR, width=2)))
        if result.count:
            c = result.corners * scale + off
            item.addItem(pg.ScatterPlotItem(c[:, 0], c[:, 1], size=14, brush=pg.mkBrush(CORNER_COLOUR),
                                            pen=pg.mkPen("w", width=1.5)))
            mid = c.mean(axis=0)
            for k, (x, y) in enumerate(c, start=1):
                anchor = (0.0 if x >= mid[0] else 1.0, 0.0 if y >= mid[1] else 1.0)  # away from the middle
                label = pg.TextItem(html=f"<b style='font-size:{self._plot_pt(1.0):.0f}pt'>{k}</b>",
                                    color=CORNER_COLOUR, anchor=anchor)
                label.setPos(x, y)
                item.addItem(label)
        if caption:
            allpts = np.vstack([np.asarray(s)[:, :2] for s in strokes]) * scale + off
            text = pg.TextItem(caption, color=FOREGROUND, anchor=(0.5, 0))
            text.setFont(self.font())  # grows with the large-text option
            if self._gallery_cell_px:
                text.setTextWidth(self._gallery_cell_px)  # wraps inside its own cell
            # below the corner numbers, which sit just outside the drawing (a caption at +6 ran into them)
            text.setPos(float(allpts[:, 0].mean()), float(allpts[:, 1].max()) + 48)
            item.addItem(text)
        return result.count

    def shows_model(self, n: int) -> bool:
        return n >= 3

    def _plot_pt(self, factor: float) -> float:
        """A point size for text drawn in the plot, relative to the lesson's font (large text grows it)."""
        return self.font().pointSizeF() * factor

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.request_refresh()  # the numbers and captions in the plot follow the font

    def step_text(self, n: int) -> str:
        text = super().step_text(n)
        if n == 0:  # engine.lessons.corner_rule_text() in the interface's language, with the engine's numbers
            rule = translate(
                "CornerLesson",
                "The strokes are joined and simplified (wobbles smaller than {simplify:g} % of the drawing's "
                "diagonal are removed). Turns at bends closer together than {short:g} % of the diagonal are "
                "added up into one, and every (added-up) turn of at least {degrees:g}° is a corner.",
            ).format(simplify=100 * SIMPLIFY_FRACTION, short=100 * SHORT_FRACTION, degrees=CORNER_DEGREES)
            text = text.format(rule=rule)
        return text

    def show_step(self, n: int) -> None:
        self._gallery = False
        self.plot.getPlotItem().clear()
        self.table_title.setText("")
        self.table.setRowCount(0)
        self.table.setVisible(n >= 4)
        self.table_title.setVisible(n >= 4)
        if n <= 2:
            kind = ("square", "triangle", "circle")[n]
            count = self._draw(clean_shape(kind))
            self.result.setText(translate(
                "CornerLesson",
                "<b>{count} corners</b> → the rule says <b>{kind}</b>.",
            ).format(count=count, kind=kind))
        elif n == 3:
            self._show_drawing()
        else:
            self._show_dataset(failures=(n == 5))
        if getattr(self, "_gallery", False):
            # both ranges at once, so the locked aspect ratio widens one instead of cutting the other
            self.plot.getPlotItem().getViewBox().setRange(xRange=(-40, 940), yRange=(-60, 740), padding=0)
        else:
            self.plot.getPlotItem().autoRange(padding=0.12)

    def _show_drawing(self) -> None:
        if not self.strokes:
            self.result.setText(translate(
                "CornerLesson",
                "Nothing on the canvas yet: draw a shape in the trainer, then come back.",
            ))
            return
        result = count_corners(self.strokes)
        self._draw(self.strokes)
        text = translate(
            "CornerLesson",
            "<b>{count} corners</b> → the corner rule says <b>{rule_class}</b>.",
        ).format(count=result.count, rule_class=result.rule_class)
        raster = self.raster()
        if not self.untrained() and raster is not None and self.classes:
            probs = self.model.predict_proba(raster)[0]
            k = int(np.argmax(probs))
            text += translate("CornerLesson", " The CNN says <b>{value}</b> ({value2:.0f} % sure).").format(
                value=self.classes[k],
                value2=100 * probs[k],
            )
        else:
            text += translate(
                "CornerLesson",
                " The CNN has not been trained yet, so it has no answer worth showing.",
            )
        self.result.setText(text)

    # -- the dataset --------------------------------------------------------------------------
    def dataset_changed(self) -> None:
        self._data_cache = None
        self._cnn_cache = None
        if self.step >= 4:
            self.request_refresh()

    def model_changed(self) -> None:
        # during training a new model arrives several times a second: the CNN column of the table is
        # recomputed at most every CNN_REFRESH_S seconds (the last one stays shown meanwhile)
        self._cnn_stale = True
        self.request_refresh()

    def _data(self):
        """(drawings, labels, corner-rule classes, rasters, sampled) for the dataset, computed once."""
        if self._data_cache is None:
            drawings = self.drawings
            sampled = len(drawings) > MAX_TABLE_DRAWINGS
            if sampled:
                idx = stratified_sample([d.label for d in drawings], MAX_TABLE_DRAWINGS)
                drawings = [drawings[i] for i in idx]
            labels = [d.label for d in drawings]
            rule = [count_corners(d).rule_class for d in drawings]
            self._data_cache = (drawings, labels, rule, None, sampled)
        return self._data_cache

    def _cnn_predictions(self, drawings):
        if self.untrained() or not self.classes or not drawings:
            self._cnn_cache = None
            return None
        now = time.monotonic()
        if self._cnn_cache is not None and self._cnn_stale and now - self._cnn_time < CNN_REFRESH_S:
            if not self._cnn_timer.isActive():
                self._cnn_timer.start(int(1000 * (CNN_REFRESH_S - (now - self._cnn_time))) + 10)
            return self._cnn_cache
        if self._cnn_cache is None or self._cnn_stale:
            size = self.model.input_shape[-1]
            drawings_, labels, rule, rasters, sampled = self._data_cache
            if rasters is None or rasters.shape[-1] != size:
                rasters = rasterize_many(drawings, size)
                self._data_cache = (drawings_, labels, rule, rasters, sampled)
            probs = np.concatenate([self.model.predict_proba(rasters[i : i + 256])
                                    for i in range(0, len(rasters), 256)])
            self._cnn_cache = [self.classes[k] if k < len(self.classes)
                               else translate("CornerLesson", "class {number}").format(number=k + 1)
                               for k in probs.argmax(axis=1)]
            self._cnn_stale = False
            self._cnn_time = now
        return self._cnn_cache

    def comparison(self):
        """(rows, failures, sampled, n) for the current dataset and model."""
        drawings, labels, rule, _rasters, sampled = self._data()
        cnn = self._cnn_predictions(drawings)
        rows = compare_representations(labels, rule, cnn)
        failures = [(d, r, None if cnn is None else cnn[i])
                    for i, (d, r) in enumerate(zip(drawings, rule, strict=True)) if r != d.label]
        return rows, failures, sampled, len(drawings)

    def _show_dataset(self, failures: bool) -> None:
        if not self.drawings:
            self.result.setText(translate("CornerLesson", "No dataset yet."))
            return
        rows, fails, sampled, n = self.comparison()
        no_cnn = self._cnn_cache is None
        self.table_title.setText(
            translate("CornerLesson", "<b>On your dataset</b>: {n} drawings").format(n=n)
            + (translate("CornerLesson", " (a sample of the {value}, each class in its share)").format(
                value=len(self.drawings),
            ) if sampled else "")
            + (translate("CornerLesson", " — the CNN is not trained yet, so no CNN column") if no_cnn else
               translate(
                   "CornerLesson",
                   ". CNN: {note_text}. It was trained on most of these drawings, so its column flatters "
                   "it a little.",
               ).format(note_text=self.note_text))
        )
        self.table.setRowCount(len(rows) + 1)
        total = [0, 0, 0]
        for r, row in enumerate(rows):
            cnn = "—" if row.cnn_accuracy is None else f"{100 * row.cnn_accuracy:.0f} %"
            values = [row.label, str(row.count), f"{100 * row.corner_accuracy:.0f} %", cnn]
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
            total[0] += row.count
            total[1] += row.corner_correct
            total[2] += row.cnn_correct or 0
        all_values = ["all", str(total[0]), f"{100 * total[1] / max(total[0], 1):.0f} %",
                      "—" if no_cnn else f"{100 * total[2] / max(total[0], 1):.0f} %"]
        for c, v in enumerate(all_values):
            cell = QTableWidgetItem(v)
            f = cell.font()
            f.setBold(True)
            cell.setFont(f)
            cell.setBackground(QColor("#f0f0f0"))
            self.table.setItem(len(rows), c, cell)
        self.table.resizeColumnsToContents()
        if not failures:
            self.result.setText(
                translate("CornerLesson", "The corner rule is right for {value} of {value2} drawings").format(
                    value=total[1],
                    value2=total[0],
                )
                + ("" if no_cnn else translate("CornerLesson", "; the CNN for {cnn}").format(cnn=total[2]))
                + "."
            )
            some = [self.drawings[i] for i in stratified_sample([d.label for d in self.drawings], 6)]
            self._draw_gallery(some, [translate(
                "CornerLesson",
                "{label}\n{count} corners → {rule_class}",
            ).format(label=d.label, count=count_corners(d).count, rule_class=count_corners(d).rule_class)
                                      for d in some])
            return
        shown = fails[:6]
        self._draw_gallery([f[0] for f in shown],
                           [translate("CornerLesson", "{label}\n{count} corners → {value}").format(
                               label=f[0].label,
                               count=count_corners(f[0]).count,
                               value=f[1],
                           )
                            + ("" if f[2] is None
                               else translate("CornerLesson", "\nCNN: {cnn}").format(cnn=f[2]))
                            for f in shown])
        self.result.setText(translate(
            "CornerLesson",
            "{value} drawings where counting corners gets the class wrong; the first {value2} are shown.",
        ).format(value=len(fails), value2=min(len(shown), self._gallery_count())))

    _gallery_cell_px = 0

    def _gallery_count(self) -> int:
        from PySide6.QtWidgets import QApplication

        return 4 if self.font().pointSizeF() > 1.3 * QApplication.font().pointSizeF() else 6

    def _draw_gallery(self, drawings, captions=None) -> None:
        """Up to 6 drawings in a 3 × 2 grid (large text: 4 in a 2 × 2 grid, so captions fit), each scaled
        into a cell."""
        from PySide6.QtWidgets import QApplication

        large = self.font().pointSizeF() > 1.3 * QApplication.font().pointSizeF()
        cols = 2 if large else 3
        cell = 900.0 / cols
        self._gallery_cell_px = max(60, int(self.plot.width() / cols) - 14)
        for k, d in enumerate(drawings[: 2 * cols]):
            pts = np.vstack([np.asarray(s)[:, :2] for s in d.strokes])
            lo, hi = pts.min(0), pts.max(0)
            scale = (150.0 if large else 200.0) / max(float((hi - lo).max()), 1e-9)
            r, c = divmod(k, cols)
            centre = np.array([c * cell + cell / 2 - 20.0, r * 360.0 + 90.0])
            offset = centre - (lo + hi) / 2 * scale
            self._draw(d.strokes, offset=offset, scale=scale, caption=captions[k] if captions else None)
        self._gallery_cell_px = 0
        self._gallery = True


__all__ = ["CornerLesson"]
