"""PredictionPanel: the network's class probabilities for the current drawing as labelled horizontal bars."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTextDocument
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from engine import NOT_SURE_BELOW
from gui.i18n import number
from gui.markers import MARKER_TEXT, marker_for, paint_marker
from gui.panels._common import Coalescer
from gui.panels._export import make_exportable, write_table
from gui.text import QT_TRANSLATE_NOOP, translate

FALLBACK_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")

NOTE_EMPTY = QT_TRANSLATE_NOOP("Prediction", "Draw something on the canvas to see what the network guesses.")
NOTE_UNTRAINED = (QT_TRANSLATE_NOOP(
    "Prediction",
    "Untrained model: its weights are still random, so these guesses mean nothing yet. Press Train.",
))
NOTE_STALE = (QT_TRANSLATE_NOOP(
    "Prediction",
    "The model is stale: the drawings changed since it was trained. Train again to include them.",
))


def percent_text(p: float) -> str:
    return f"{number(100.0 * p, 1)} %"  # QLocale's digits and decimal point


class _Bars(QWidget):
    """Paints one row per class: name, the class's marker (its shape), a bar as long as its probability in
    the class colour, the percent."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("predictionBars")
        self.rows: list[tuple[str, float, str]] = []
        self.markers: list[str] = []  # each row's marker (gui/markers.py)
        self.top = -1
        self.empty_text = translate("Prediction", NOTE_EMPTY)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        # it paints its whole rectangle itself: a new prediction repaints the bars, not the dock under them
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def _row_height(self) -> float:
        """1.9 × the text height when there is room, down to 1.15 × in a cramped dock."""
        fh = QFontMetricsF(self.font()).height()
        room = (self.height() - 8) / max(1, len(self.rows))
        return max(fh * 1.15, min(fh * 1.9, room))

    def sizeHint(self) -> QSize:
        fh = QFontMetricsF(self.font()).height()
        return QSize(320, int(fh * 1.9 * max(4, len(self.rows)) + 8))

    def minimumSizeHint(self) -> QSize:
        fh = QFontMetricsF(self.font()).height()
        return QSize(200, int(fh * 1.15 * max(2, len(self.rows)) + 8))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        fm = QFontMetricsF(bold)
        rh = self._row_height()
        mark = fm.height() * 0.75  # the class marker between the name and the bar
        name_w = max([fm.horizontalAdvance(name) for name, _p, _c in self.rows] + [40.0]) + 12 + mark + 4
        pct_w = fm.horizontalAdvance("100.0 %") + 12
        bar_x = name_w
        bar_w = max(20.0, self.width() - name_w - pct_w - 4)
        text_colour = self.palette().windowText().color()
        if not self.rows:
            painter.setPen(text_colour)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
        for i, (name, p, colour) in enumerate(self.rows):
            y = 4 + i * rh
            top = i == self.top
            painter.setFont(bold if top else base)
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, y, name_w - 12 - mark, rh), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignRight, name)
            if i < len(self.markers):
                centre = QPointF(name_w - 6 - mark / 2, y + rh / 2)
                paint_marker(painter, self.markers[i], centre, mark, colour)
            track = QRectF(bar_x, y + rh * 0.18, bar_w, rh * 0.64)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e4e4e4"))
            painter.drawRect(track)
            fill = QRectF(track)
            fill.setWidth(bar_w * min(max(p, 0.0), 1.0))
            c = QColor(colour)
            if not top:
                c.setAlpha(170)
            painter.setBrush(c)
            painter.drawRect(fill)
            if top:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(text_colour, 2))
                painter.drawRect(track)
            painter.setPen(text_colour)
            painter.drawText(QRectF(bar_x + bar_w + 6, y, pct_w, rh), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignLeft, percent_text(p))
        painter.end()


class _Line(QWidget):
    """One line of rich text, painted: unlike a QLabel, a new text does not ask the window to lay itself out
    again (a QLabel's setText does, and the bars change up to 40 times a second while drawing)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)  # its own background (see _Bars)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, int(QFontMetricsF(self.font()).height() * 1.3) + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def paintEvent(self, event) -> None:
        colour = self.palette().windowText().color().name()
        key = (self._text, self.font().key(), colour, self.width())
        if key != getattr(self, "_laid_out", None):  # lay the text out again only when something changed
            self._laid_out = key
            self._doc.setDefaultFont(self.font())
            self._doc.setDefaultStyleSheet(f"body {{ color: {colour}; }}")
            self._doc.setHtml(f"<body>{self._text}</body>")
            self._doc.setTextWidth(self.width())
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        painter.translate(0, max(0.0, (self.height() - self._doc.size().height()) / 2))
        self._doc.drawContents(painter)
        painter.end()


class PredictionPanel(QWidget):
    """Class probabilities as bars with percentages; the most likely class is highlighted.

    API: set_prediction(classes, probabilities, colors), clear(), set_stale(bool), set_trained(bool),
    flush(); shown() -> [(class, probability, colour)], top_class(), note_text().
    Signal `rendered(bool)`: the newest prediction is on the bars; True when they were asked to repaint,
    False when they already showed that picture (same percentages, bar lengths and top class).
    """

    rendered = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("predictionPanel")
        self._classes: list[str] = []
        self._probs = np.zeros(0)
        self._colours: list[str] = []
        self._markers: list[str] = []
        self._stale = False
        self._trained = True
        self._bars_key: tuple | None = None  # what the bars show now (_painted_key)
        self._coalescer = Coalescer(self._render, 33, self)

        self.title = QLabel(translate("Prediction", "<b>Prediction</b> — how sure the network is, per class"))
        self.title.setWordWrap(True)
        self.title.setToolTip(
            translate("Prediction", "For the drawing on the canvas, from the model as it is right now")
        )
        self.top_label = _Line()
        self.top_label.setObjectName("predictionTop")
        self.bars = _Bars(self)
        # a screen reader reads the bars as text: Tab reaches them, their description holds the numbers
        self.bars.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.bars.setAccessibleName(translate("Prediction", "Prediction per class"))
        self.bars.setAccessibleDescription(translate("Prediction", NOTE_EMPTY))
        self.note = QLabel("")
        self.note.setObjectName("predictionNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.top_label.setVisible(False)
        self.setToolTip(
            translate(
                "Prediction",
                "The network's output turned into probabilities (softmax): one per class, adding up to "
                "100 %.\nThe longest bar is its guess. A high percentage means the network is sure, not that "
                "it is\nright. Below {not_sure:.0%} it says 'Not sure': on real people's drawings, such "
                "guesses\nof a model trained on the app's own drawings were right only about half the time.",
            ).format(not_sure=NOT_SURE_BELOW)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.top_label)
        layout.addWidget(self.bars)
        layout.addWidget(self.note)
        layout.addStretch(1)
        make_exportable(self, "prediction", self.write_csv)

    # -- public API ---------------------------------------------------------------------------
    def set_prediction(self, classes, probabilities, colors, markers=None) -> None:
        """`markers`: each class's marker name (gui/markers.py); by default by its place in `classes`."""
        classes = [str(c) for c in classes]
        probs = np.asarray(probabilities, dtype=np.float64).reshape(-1)
        if len(classes) != len(probs):
            raise ValueError(translate("Prediction", "{value} classes but {value2} probabilities").format(
                value=len(classes),
                value2=len(probs),
            ))
        colors = list(colors)
        self._classes = classes
        self._probs = probs.copy()
        self._colours = [str(colors[i]) if i < len(colors) else FALLBACK_COLOURS[i % len(FALLBACK_COLOURS)]
                         for i in range(len(classes))]
        markers = list(markers or [])
        self._markers = [markers[i] if i < len(markers) else marker_for(i) for i in range(len(classes))]
        self._coalescer.request()

    def clear(self) -> None:
        self._classes, self._probs, self._colours, self._markers = [], np.zeros(0), [], []
        self._coalescer.request()

    def set_stale(self, stale: bool) -> None:
        self._stale = bool(stale)
        self._coalescer.request()

    def set_trained(self, trained: bool) -> None:
        """False while the model has never been trained (random weights): the panel says so."""
        self._trained = bool(trained)
        self._coalescer.request()

    def flush(self) -> None:
        self._coalescer.flush()

    def shown(self) -> list[tuple[str, float, str]]:
        return list(self.bars.rows)

    def write_csv(self, path: str) -> None:
        """The bars shown: class, probability (0–1) (atomic write)."""
        if not self.bars.rows:
            raise ValueError(
                translate("Prediction", "No prediction yet: draw something on the canvas first.")
            )
        write_table(path, ["class", "probability"], [[c, f"{p:.6g}"] for c, p, _ in self.bars.rows])

    def top_class(self) -> str | None:
        return self.bars.rows[self.bars.top][0] if self.bars.top >= 0 else None

    def note_text(self) -> str:
        return self.note.text()

    @property
    def stale(self) -> bool:
        return self._stale

    # -- rendering ----------------------------------------------------------------------------
    def _painted_key(self, rows: list, top: int) -> tuple:
        """What the bars' picture depends on: names, colours, markers, the top row, each percentage as
        printed and each bar's length in whole pixels (at the widest the bars can be)."""
        width = max(1, self.bars.width())
        return (top, tuple(self._markers), tuple(
            (name, colour, percent_text(p), round(min(max(p, 0.0), 1.0) * width) if math.isfinite(p) else -1)
            for name, p, colour in rows))

    def _render(self) -> None:
        triples = zip(self._classes, self._probs, self._colours, strict=True)
        rows = [(c, float(p), col) for c, p, col in triples]
        finite = [p for _c, p, _col in rows if math.isfinite(p)]
        resized = len(rows) != len(self.bars.rows)
        top = int(np.nanargmax(self._probs)) if finite else -1
        # the bars are repainted only when what they show changes (a bar's length by a pixel at most, a
        # percentage's text, the top class, a name, colour or marker): a model update during training
        # asks for a new prediction of the same drawing many times a second, mostly to the same picture
        shown = self._painted_key(rows, top)
        repainted = shown != self._bars_key
        if repainted:
            self._bars_key = shown
            self.bars.rows = rows
            self.bars.markers = list(self._markers)
            self.bars.top = top
            if resized:  # only a new number of classes changes the size the bars ask for
                self.bars.updateGeometry()
            self.bars.update()
        else:
            self.bars.rows = rows  # the exact values (write_csv, shown()) without a repaint
        described = "; ".join(f"{c} {percent_text(p)}" for c, p, _col in rows) or self.bars.empty_text
        if described != self.bars.accessibleDescription():
            self.bars.setAccessibleDescription(described)
        if self.bars.top >= 0:
            name, p, colour = rows[self.bars.top]
            swatch = f"<span style='color:{colour}'>{MARKER_TEXT[self._markers[self.bars.top]]}</span>"
            if p < NOT_SURE_BELOW:  # on real drawings such guesses were right only about half the time
                self.top_label.setText(translate(
                    "Prediction", "<b>Not sure</b> — perhaps {swatch} {name} ({percent})"
                ).format(swatch=swatch, name=name, percent=percent_text(p)))
            else:
                self.top_label.setText(translate(
                    "Prediction", "Most likely: <b>{swatch} {name}</b> ({percent})"
                ).format(swatch=swatch, name=name, percent=percent_text(p)))
        else:
            self.top_label.setText("")
        self.top_label.setVisible(bool(rows))
        notes = []  # (with no drawing the bars area itself says NOTE_EMPTY)
        if not self._trained:
            notes.append(translate("Prediction", NOTE_UNTRAINED))
        elif self._stale:
            notes.append(translate("Prediction", NOTE_STALE))
        text = "\n".join(notes)
        if text != self.note.text():  # a QLabel's new text lays the window out again: only when it changes
            self.note.setText(text)
            palette = self.note.palette()
            warn = self._stale or not self._trained
            palette.setColor(QPalette.ColorRole.WindowText,
                             QColor("#a04000") if warn else self.palette().windowText().color())
            self.note.setPalette(palette)
        self.note.setVisible(bool(notes))
        self.rendered.emit(repainted)
