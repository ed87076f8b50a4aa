"""FiltersPanel: the learned filters (weights) of every conv layer, on a labelled diverging colour scale.

Layout of each layer's grid (said in the panel too): one column per filter. A filter of the first layer
looks at the one-channel drawing, so it is a single small square. A filter of a later layer looks at every
feature map of the layer before, so its column holds one kernel per input channel, top to bottom — all of
its weights are shown, none are averaged away.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from gui.panels._common import (
    BACKGROUND,
    DIVERGING,
    FOREGROUND,
    Coalescer,
    ColourBar,
    FoldWhenShort,
    GraphicsScroller,
    SteadyLabel,
    colormap,
    make_image_view,
    mosaic,
    nice_ceiling,
    plain_number,
    point_size,
    tile_at,
    zoom_of,
)
from gui.panels._export import make_exportable, write_table
from gui.text import QT_TRANSLATE_NOOP, translate

MAX_COLUMNS_ONE_CHANNEL = 8  # 16 first-layer filters in two rows of 8: twice the size of one strip of 16
MIN_CELL_PX = 2.0  # a weight is at least this many pixels on screen (× zoom): else the panel scrolls
MAX_CELL_PX = 14.0  # and at most this many (× zoom), so that a small first layer leaves room for the rest
TITLE_TRAINED = QT_TRANSLATE_NOOP(
    "Filters", "<b>Learned filters</b> — the weights of every convolution layer"
)
TITLE_UNTRAINED = QT_TRANSLATE_NOOP(
    "Filters",
    "<b>Filters</b> — random starting weights: nothing is learned until you train",
)
COLOUR_BAR_PX = 70  # the colour bar with its numbers and title, at 100 %


@dataclass
class _LayerView:
    index: int  # the layer's index in the model
    number: int  # 1 for the first conv layer, 2 for the second, ...
    shape: tuple[int, int, int, int]  # (out, in, kh, kw)
    rows: int
    columns: int
    heading: pg.LabelItem
    view: pg.ViewBox
    image: pg.ImageItem
    bar: ColourBar
    limit: float = 1.0


def layer_grid(shape: tuple[int, int, int, int]) -> tuple[int, int]:
    """(rows, columns) of tiles for a conv weight of `shape` (out, in, kh, kw)."""
    out_ch, in_ch = shape[0], shape[1]
    if in_ch == 1:
        columns = min(out_ch, MAX_COLUMNS_ONE_CHANNEL)
        return -(-out_ch // columns), columns
    return in_ch, out_ch


def layer_tiles(weight: np.ndarray) -> np.ndarray:
    """The kernels of `weight` (out, in, kh, kw) in tile order for `layer_grid`."""
    out_ch, in_ch, kh, kw = weight.shape
    if in_ch == 1:
        return weight[:, 0]
    return weight.transpose(1, 0, 2, 3).reshape(in_ch * out_ch, kh, kw)


def tile_index(shape: tuple[int, int, int, int], filt: int, channel: int) -> int:
    out_ch, in_ch = shape[0], shape[1]
    return filt if in_ch == 1 else channel * out_ch + filt


def heading_text(number: int, shape: tuple[int, int, int, int]) -> str:
    out_ch, in_ch, kh, kw = shape
    if in_ch == 1:
        channels = translate("Filters", "1 input channel (the drawing)")
    else:
        channels = translate("Filters", "{in_ch} input channels").format(in_ch=in_ch)
    text = translate("Filters", "Conv {number}: {out_ch} filters {kh}×{kw} on {channels}").format(
        number=number,
        out_ch=out_ch,
        kh=kh,
        kw=kw,
        channels=channels,
    )
    if in_ch > 1:
        text += (
            translate(
                "Filters",
                "<br><small>each column is one filter: its {in_ch} kernels,<br>one per input map, top to "
                "bottom</small>",  # two short lines: one long one outgrew a 1024-pixel screen's dock
            ).format(in_ch=in_ch)
        )
    return text


class FiltersPanel(QWidget):
    """The learned filters of every conv layer.

    API: set_model(weights: dict[str, ndarray], layers: list[LayerInfo]) (copies; rendered by a timer),
    flush() renders now, shown_filters(i) returns the weights of conv layer i as drawn (out, in, kh, kw),
    levels(i) the colour-scale limits of conv layer i.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filtersPanel")
        self._pending: tuple[dict[str, np.ndarray], list] | None = None
        self._layers: list[_LayerView] = []
        self._signature: tuple = ()
        self._coalescer = Coalescer(self._render, 40, self)
        self._cmap = colormap(DIVERGING)

        self.title = QLabel(translate("Filters", TITLE_TRAINED))
        self.title.setObjectName("filtersTitle")
        self.title.setWordWrap(True)  # a narrow dock (a 1024-pixel screen) wraps it instead of growing
        self.model_note = SteadyLabel("")  # which model these weights are: repaints, never relayouts
        self.model_note.setObjectName("modelNote")
        self.explain = QLabel(
            translate(
                "Filters",
                "Each small square is one kernel; each of its cells is one weight the network learned. Blue "
                "= negative weight, light grey = 0, yellow = positive (scale on the right of each layer). "
                "One column per filter; a filter of a later layer has one kernel per input map, top to "
                "bottom.",
            )
        )
        self.explain.setWordWrap(True)
        self.empty = QLabel(translate("Filters", "No model yet: train or open a model to see its filters."))
        self.empty.setObjectName("filtersEmpty")
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(BACKGROUND)
        self.graphics.setToolTip("")
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.setToolTip(
            translate(
                "Filters",
                "Filters are what the network learned to look for: a filter gives a strong response\nwhere "
                "the drawing locally looks like it (for example an edge in one direction).",
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.model_note)
        layout.addWidget(self.explain)
        layout.addWidget(self.empty)
        self.scroller = GraphicsScroller(self.graphics)
        self.scroller.viewport_resized = self._fit_cells
        self.graphics.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scroller around it is the Tab stop
        self.scroller.setAccessibleName(
            translate("Filters", "Filters: the weights of every convolution layer")
        )
        self.scroller.setAccessibleDescription(
            self.explain.text() + translate(
                "Filters",
                " Ctrl+C copies every weight as a table; the right-click menu saves it.",
            ))
        layout.addWidget(self.scroller, 1)
        self.scroller.setVisible(False)
        self.fold = FoldWhenShort(self, self.explain)  # a short dock keeps the grids, not half a sentence
        make_exportable(self, "filters", self.write_csv, [self.graphics])

    # -- public API ---------------------------------------------------------------------------

    def set_model_note(self, text: str, trained: bool) -> None:
        """Which model the filters are ("Untrained (random weights)", "After epoch 3 of 10 · 1,017 steps",
        ...); an untrained model's filters are not called learned."""
        note = translate("Filters", "Model: {text}").format(text=text)
        title = translate("Filters", TITLE_TRAINED if trained else TITLE_UNTRAINED)
        if note != self.model_note.text():  # called on every status update: no relayout when unchanged
            self.model_note.setText(note)
        if title != self.title.text():
            self.title.setText(title)
    def set_model(self, weights: dict[str, np.ndarray], layers: list) -> None:
        """Show the conv filters of a model: `weights` as from model.weights(), `layers` its summary()."""
        convs = []
        for info in layers:
            w = weights.get(f"{info.index}.weight")
            if w is not None and np.ndim(w) == 4:
                convs.append((int(info.index), np.array(w, dtype=np.float32, copy=True)))
        self._pending = convs
        self._coalescer.request()

    def clear(self) -> None:
        self._pending = []
        self._coalescer.request()

    def flush(self) -> None:
        self._coalescer.flush()

    @property
    def conv_count(self) -> int:
        return len(self._layers)

    def image_item(self, i: int) -> pg.ImageItem:
        return self._layers[i].image

    def shown_filters(self, i: int) -> np.ndarray:
        """The weights of the i-th conv layer as read back from its drawn image, (out, in, kh, kw)."""
        lv = self._layers[i]
        out_ch, in_ch, kh, kw = lv.shape
        image = lv.image.image
        result = np.empty(lv.shape, dtype=np.float32)
        for f in range(out_ch):
            for c in range(in_ch):
                result[f, c] = tile_at(image, tile_index(lv.shape, f, c), kh, kw, lv.columns)
        return result

    def cell_pixels(self, i: int) -> float:
        """How many screen pixels one weight of conv layer i takes (as laid out now)."""
        view = self._layers[i].view
        shown = view.viewRect()
        return float(min(view.width() / max(shown.width(), 1e-9), view.height() / max(shown.height(), 1e-9)))

    def _fit_cells(self, width: int | None = None) -> None:
        """Give each layer the height that shows its weights as large as the width allows (between
        MIN_CELL_PX and MAX_CELL_PX × zoom); the panel scrolls when the dock is smaller than that."""
        if not self._layers:
            return
        if width is None:
            width = self.scroller.viewport().width()
        z = zoom_of(self)
        fh = self.fontMetrics().height()
        bar = COLOUR_BAR_PX * z
        room = max(40.0, width - bar - 24)
        need_w, need_h = 0.0, 12.0
        gl = self.graphics.ci.layout
        for lv in self._layers:
            out_ch, in_ch, kh, kw = lv.shape
            units_w = lv.columns * (kw + 1) - 1
            units_h = lv.rows * (kh + 1) - 1
            cell = min(max(room / units_w, MIN_CELL_PX * z), MAX_CELL_PX * z)
            height = units_h * cell + 8
            heading = fh * (3.4 if in_ch > 1 else 1.6) + 4
            gl.setRowStretchFactor(2 * lv.number - 1, max(1, int(height)))
            gl.setRowStretchFactor(2 * lv.number - 2, 0)
            need_w = max(need_w, units_w * MIN_CELL_PX * z + bar + 24)
            need_h += height + heading
        self.scroller.set_needed(int(need_w), int(need_h))

    def levels(self, i: int) -> tuple[float, float]:
        lo, hi = self._layers[i].image.getLevels()
        return float(lo), float(hi)

    def heading(self, i: int) -> str:
        return self._layers[i].heading.text

    def write_csv(self, path: str) -> None:
        """Every filter weight shown: layer, filter, input channel, row, column, weight (atomic write)."""
        if not self._layers:
            raise ValueError(translate("Filters", "No model yet: there are no filters to export."))
        rows = []
        for i in range(self.conv_count):
            w = self.shown_filters(i)
            for (f, c, r, k), v in np.ndenumerate(w):
                rows.append([i + 1, f + 1, c + 1, r, k, f"{v:.6g}"])
        write_table(
            path,
            ["conv layer", "filter", "input channel", "row", "column", "weight"],  # a data header: English
            rows,
        )

    # -- rendering ----------------------------------------------------------------------------
    def _rebuild(self, convs: list[tuple[int, np.ndarray]]) -> None:
        self.graphics.clear()
        self._layers = []
        gl = self.graphics.ci
        for number, (index, w) in enumerate(convs, start=1):
            rows, columns = layer_grid(w.shape)
            heading = gl.addLabel(heading_text(number, w.shape), row=2 * number - 2, col=0, colspan=2,
                                  color=FOREGROUND, size=f"{point_size(self)}pt", justify="left")
            view, image = make_image_view(gl, row=2 * number - 1, col=0)
            bar = ColourBar(values=(-1, 1), colorMap=self._cmap, width=14)
            bar.axis.enableAutoSIPrefix(False)
            bar.axis.setLabel(translate("Filters", "weight value"), color=FOREGROUND)
            gl.addItem(bar, row=2 * number - 1, col=1)
            bar.setImageItem(image)
            gl.layout.setColumnStretchFactor(0, 1)
            gl.layout.setColumnStretchFactor(1, 0)
            self._layers.append(_LayerView(index, number, tuple(w.shape), rows, columns, heading, view,
                                           image, bar))

    def _render(self) -> None:
        convs = self._pending
        if convs is None:
            return
        self._pending = None
        self._last = convs
        self.empty.setVisible(not convs)
        self.scroller.setVisible(bool(convs))
        self.graphics.setVisible(bool(convs))
        signature = tuple((index, w.shape) for index, w in convs)
        rebuilt = signature != self._signature
        if rebuilt:
            self._signature = signature
            self._rebuild(convs)
        for lv, (_index, w) in zip(self._layers, convs, strict=True):
            image = mosaic(layer_tiles(w), lv.rows, lv.columns)
            limit = nice_ceiling(float(np.max(np.abs(w))) if w.size else 1.0)
            lv.image.setImage(image, autoLevels=False)
            if rebuilt or limit != lv.limit:  # the colour bar and the view change only with the scale/shape
                lv.limit = limit
                lv.bar.setLevels((-limit, limit))
            lv.image.setLevels((-limit, limit))
            if rebuilt:
                lv.view.autoRange(padding=0.02)
        if rebuilt:
            self._fit_cells()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and getattr(self, "_last", None):
            self._signature = ()  # rebuild the headings (and the cells' sizes) at the new size
            self._pending = self._last
            self._coalescer.request()

    def _on_mouse_moved(self, pos: QPointF) -> None:
        for lv in self._layers:
            if not lv.view.sceneBoundingRect().contains(pos):
                continue
            p = lv.view.mapSceneToView(pos)
            x, y = int(np.floor(p.x())), int(np.floor(p.y()))
            out_ch, in_ch, kh, kw = lv.shape
            r, dy = divmod(y, kh + 1)
            c, dx = divmod(x, kw + 1)
            image = lv.image.image
            if image is None or x < 0 or y < 0 or dy >= kh or dx >= kw or r >= lv.rows or c >= lv.columns:
                QToolTip.hideText()
                return
            k = r * lv.columns + c
            if in_ch == 1:
                filt, chan = k, 0
            else:
                chan, filt = divmod(k, out_ch)
            if filt >= out_ch:
                return
            value = float(image[y, x])
            where = translate("Filters", "filter {number}").format(number=filt + 1)
            if in_ch > 1:
                where += translate("Filters", ", kernel for input map {number}").format(number=chan + 1)
            QToolTip.showText(
                self.graphics.mapToGlobal(self.graphics.mapFromScene(pos)),
                translate(
                    "Filters",
                    "Conv {number}, {where}: row {value}, column {value2} — weight {value3}",
                ).format(
                    number=lv.number,
                    where=where,
                    value=dy + 1,
                    value2=dx + 1,
                    value3=plain_number(value),
                ),
                self.graphics,
            )
            return
        QToolTip.hideText()


__all__ = ["FiltersPanel"]
