"""NetworkDiagram ("networkDiagram"): the model's layers as boxes with output shapes and parameter counts.

Clicking a layer emits `layerClicked(int)` (the layer's index) and shows, below the diagram, that
layer's filters (conv layers: its weights) and what it makes of the drawing on the canvas (its output),
each on a labelled diverging colour scale.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.panels._common import (
    BACKGROUND,
    DIVERGING,
    FOREGROUND,
    ColourBar,
    colormap,
    grid_shape,
    make_image_view,
    mosaic,
    nice_ceiling,
)
from gui.panels.filters import layer_grid, layer_tiles
from gui.text import QT_TRANSLATE_NOOP, translate

from ._common import RenderWhenShown, install_export_menu

FILL = {
    "Conv2D": "#cfe3f6",
    "ReLU": "#eeeeee",
    "Sigmoid": "#eeeeee",
    "Tanh": "#eeeeee",
    "MaxPool2D": "#d7efd2",
    "AvgPool2D": "#d7efd2",
    "Dense": "#fbe0c4",
    "Flatten": "#ffffff",
    "Dropout": "#ffffff",
    "input": "#ffffff",
}
WHAT = {
    "Conv2D": QT_TRANSLATE_NOOP("Network", "slides small filters over its input"),
    "ReLU": QT_TRANSLATE_NOOP("Network", "sets negative values to 0"),
    "MaxPool2D": QT_TRANSLATE_NOOP("Network", "keeps the largest of each 2×2 window"),
    "AvgPool2D": QT_TRANSLATE_NOOP("Network", "averages each 2×2 window"),
    "Flatten": QT_TRANSLATE_NOOP("Network", "lines all numbers up in one row"),
    "Dense": QT_TRANSLATE_NOOP("Network", "every output looks at every input"),
    "Dropout": QT_TRANSLATE_NOOP("Network", "randomly silences some numbers while training"),
    "Sigmoid": QT_TRANSLATE_NOOP("Network", "squashes into 0 … 1"),
    "Tanh": QT_TRANSLATE_NOOP("Network", "squashes into −1 … 1"),
}


def _shape(shape) -> str:
    return " × ".join(str(int(s)) for s in shape)


class _Boxes(QWidget):
    """Paints the layer boxes in rows, left to right, with arrows; reports clicks."""

    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[int, str, str, str]] = []  # (index, name, shape text, params text)
        self.selected = -2
        self._rects: list[tuple[int, QRectF]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_rows(self, rows) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def _box_size(self) -> tuple[float, float]:
        fm = self.fontMetrics()
        w = max([fm.horizontalAdvance(t) for r in self.rows for t in r[1:]] + [80]) + 16
        return w, fm.height() * 3 + 12

    def _layout(self, width: int) -> tuple[list[tuple[int, QRectF]], float]:
        bw, bh = self._box_size()
        gap = 26
        x, y = 4.0, 4.0
        rects = []
        for r in self.rows:
            if x + bw > width - 4 and x > 4:
                x, y = 4.0, y + bh + 18
            rects.append((r[0], QRectF(x, y, bw, bh)))
            x += bw + gap
        return rects, y + bh + 4

    def sizeHint(self) -> QSize:
        _rects, h = self._layout(max(self.width(), 600))
        return QSize(600, int(h))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, w: int) -> int:
        return int(self._layout(w)[1])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._rects, _h = self._layout(self.width())
        fm = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        prev = None
        for (index, rect), (_i, name, shape, params) in zip(self._rects, self.rows, strict=True):
            if prev is not None and abs(prev.center().y() - rect.center().y()) < 1:
                p.setPen(QPen(QColor(FOREGROUND), 1.5))
                y = rect.center().y()
                p.drawLine(int(prev.right() + 3), int(y), int(rect.left() - 4), int(y))
                p.drawLine(int(rect.left() - 4), int(y), int(rect.left() - 9), int(y - 4))
                p.drawLine(int(rect.left() - 4), int(y), int(rect.left() - 9), int(y + 4))
            prev = rect
            p.setBrush(QColor(FILL.get(name.split(". ")[-1], "#ffffff")))
            p.setPen(
                QPen(
                    QColor("#d55e00") if index == self.selected else QColor("#555555"),
                    3 if index == self.selected else 1,
                )
            )
            p.drawRoundedRect(rect, 6, 6)
            p.setPen(QColor(FOREGROUND))
            lh = fm.height()
            p.setFont(bold)
            p.drawText(QRectF(rect.x(), rect.y() + 4, rect.width(), lh), Qt.AlignmentFlag.AlignCenter, name)
            p.setFont(self.font())
            p.drawText(
                QRectF(rect.x(), rect.y() + 4 + lh, rect.width(), lh), Qt.AlignmentFlag.AlignCenter, shape
            )
            p.drawText(
                QRectF(rect.x(), rect.y() + 4 + 2 * lh, rect.width(), lh),
                Qt.AlignmentFlag.AlignCenter,
                params,
            )
        p.end()

    def box_center(self, index: int):
        rects, _ = self._layout(self.width())
        for i, r in rects:
            if i == index:
                return r.center().toPoint()
        return None

    def mousePressEvent(self, event) -> None:
        rects, _ = self._layout(self.width())
        for index, rect in rects:
            if rect.contains(event.position()):
                self.clicked.emit(index)
                return

    def mouseMoveEvent(self, event) -> None:
        rects, _ = self._layout(self.width())
        for (index, rect), row in zip(rects, self.rows, strict=True):
            if rect.contains(event.position()):
                kind = row[1].split(". ")[-1]
                what = WHAT.get(kind, "the network's input: the drawing as 28×28 pixels")
                self.setToolTip(
                    translate("Network", "{value}: {what}.\nOutput: {value2}; {value3}.\n").format(
                        value=row[1], what=what, value2=row[2], value3=row[3]
                    )
                    + (translate("Network", "Click to see its filters and feature maps.") if index >= 0
                       else "")
                )
                return
        self.setToolTip("")


class NetworkDiagram(QWidget):
    """See the module docstring. API: set_model(model), set_input(raster), select_layer(index),
    rows() (index, name, shape, params text), detail_weights(), detail_output()."""

    layerClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._when_shown = RenderWhenShown(self, lambda: self._show_detail(self._selected))
        self.setObjectName("networkDiagram")
        self._model = None
        self._input: np.ndarray | None = None
        self._selected = -2
        self.detail_weights_data: np.ndarray | None = None
        self.detail_output_data: np.ndarray | None = None
        self.title = QLabel(
            translate(
                "Network",
                "<b>The network</b> — its layers, what each outputs, and how many weights it learns",
            )
        )
        self.total = QLabel(translate("Network", "No model yet."))
        self.total.setWordWrap(True)
        self.boxes = _Boxes()
        self.boxes.clicked.connect(self.select_layer)
        self.detail_title = QLabel(
            translate("Network", "Click a layer to see its filters and what it makes of the drawing.")
        )
        self.detail_title.setWordWrap(True)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(BACKGROUND)
        self._cmap = colormap(DIVERGING)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.total)
        layout.addWidget(self.boxes)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.graphics, 1)
        install_export_menu(self, "network", self.csv_data)

    # -- API ------------------------------------------------------------------------------------------
    def set_model(self, model) -> None:
        """The model to describe (a copy is kept, used only on the GUI thread)."""
        self._model = None if model is None else model.copy()
        if model is None:
            self.boxes.set_rows([])
            self.total.setText(translate("Network", "No model yet."))
            return
        rows = [(-1, "input", _shape(model.input_shape), translate("Network", "the drawing"))]
        for info in model.summary():
            params = translate("Network", "no weights")
            if info.parameters:
                params = translate("Network", "{parameters:,} weights").format(parameters=info.parameters)
            rows.append((info.index, f"{info.index + 1}. {info.name}", _shape(info.output_shape), params))
        self.boxes.set_rows(rows)
        self.total.setText(
            translate(
                "Network",
                "{value} layers, {value2:,} weights to learn in total. Shapes are channels × height × "
                "width (pixels).",
            ).format(
                value=len(model.layers), value2=model.num_parameters()
            )
        )
        if self._selected >= 0:
            self._detail_or_defer()

    def set_input(self, x: np.ndarray | None) -> None:
        self._input = None if x is None else np.array(x, np.float32, copy=True)
        if self._selected >= 0:
            self._detail_or_defer()

    def _detail_or_defer(self) -> None:
        self._when_shown.request()

    def rows(self) -> list[tuple[int, str, str, str]]:
        return list(self.boxes.rows)

    def select_layer(self, index: int, emit: bool = True) -> None:
        self._selected = index
        self.boxes.selected = index
        self.boxes.update()
        if emit:
            self.layerClicked.emit(int(index))
        self._show_detail(index)

    def csv_data(self) -> tuple[list, list]:
        return ["layer index", "layer", "output shape", "weights"], [list(r) for r in self.boxes.rows]

    # -- internals ------------------------------------------------------------------------------------
    def _show_detail(self, index: int) -> None:
        self._plan = []  # (heading, image, unit) in columns, built or refilled by _place_images
        self.detail_weights_data = self.detail_output_data = None
        m = self._model
        if m is None or not 0 <= index < len(m.layers):
            self._place_images()
            self.detail_title.setText(
                translate("Network", "The input is the drawing itself: 28×28 pixels, ink = 1, paper = 0.")
                if index == -1
                else translate("Network", "Click a layer to see its filters and output.")
            )
            return
        layer = m.layers[index]
        name = layer.name
        col = 0
        parts = [translate("Network", "<b>Layer {value}: {name}</b> — {value2}.").format(
            value=index + 1, name=name, value2=WHAT.get(name, '')
        )]
        w = layer.params.get("weight")
        if w is not None and w.ndim == 4:
            rows_, cols_ = layer_grid(w.shape)
            img = mosaic(layer_tiles(np.asarray(w, np.float32)), rows_, cols_)
            out_ch, in_ch = w.shape[:2]
            what = (
                translate("Network", "its {out_ch} filters ({value}×{value2} weights each)").format(
                    out_ch=out_ch, value=w.shape[2], value2=w.shape[3]
                )
                if in_ch == 1
                else translate(
                    "Network",
                    "its {out_ch} filters, one column each: {in_ch} kernels (one per input map), top down",
                ).format(
                    out_ch=out_ch, in_ch=in_ch
                )
            )
            self._plan.append((what, img, translate("Network", "weight value")))
            self.detail_weights_data = np.array(w, copy=True)
            col += 2
        if self._input is not None:
            out = m.activations(self._input)[index].data[0]
            self.detail_output_data = np.array(out, copy=True)
            if out.ndim == 3:
                r, c = grid_shape(out.shape[0], 8)
                img = mosaic(out, r, c)
                what = (
                    translate(
                        "Network",
                        "its output for the canvas drawing: {value} maps of {value2}×{value3}",
                    ).format(
                        value=out.shape[0], value2=out.shape[1], value3=out.shape[2]
                    )
                )
            else:
                flat = out.reshape(-1)
                width = int(np.ceil(np.sqrt(flat.size * 4)))
                img = np.full(int(np.ceil(flat.size / width)) * width, np.nan, np.float32)
                img[: flat.size] = flat
                img = img.reshape(-1, width)
                what = translate(
                    "Network",
                    "its output for the canvas drawing: {size} numbers, row by row",
                ).format(
                    size=flat.size
                )
            self._plan.append((what, img, translate("Network", "output value")))
        else:
            parts.append(
                translate("Network", "Draw something on the canvas to see this layer's output for it.")
            )
        self._place_images()
        self.detail_title.setText(" ".join(parts))

    def _place_images(self) -> None:
        """Show self._plan. When the headings, units and image shapes are the ones shown (a new drawing, or
        new weights of the same layer), only the images and scales are refilled: clearing and building the
        view boxes and colour bars again cost 20-50 ms of GUI time for every drawing result."""
        layout = tuple((heading, img.shape, unit) for heading, img, unit in self._plan)
        if layout != getattr(self, "_layout_shown", None):
            self._layout_shown = layout
            self.graphics.clear()
            self._items = [
                self._add_image(heading, unit, 2 * k) for k, (heading, _i, unit) in enumerate(self._plan)
            ]
        for (view, image, bar), (_heading, img, _unit) in zip(self._items, self._plan, strict=True):
            finite = img[np.isfinite(img)]
            limit = nice_ceiling(float(np.max(np.abs(finite))) if finite.size and np.any(finite) else 1.0)
            image.setImage(img, autoLevels=False, levels=(-limit, limit))
            if tuple(bar.levels()) != (-limit, limit):
                bar.setLevels((-limit, limit))
            if getattr(view, "_fitted", None) != img.shape:
                view._fitted = img.shape
                view.autoRange(padding=0.02)

    def _add_image(self, heading: str, unit: str, col: int):
        gl = self.graphics.ci
        gl.addLabel(heading, row=0, col=col, colspan=2, color=FOREGROUND, size="10pt")
        view, image = make_image_view(gl, row=1, col=col)
        limit = 1.0
        bar = ColourBar(values=(-limit, limit), colorMap=self._cmap, width=14)
        bar.axis.enableAutoSIPrefix(False)
        bar.axis.setLabel(unit, color=FOREGROUND)
        gl.addItem(bar, row=1, col=col + 1)
        bar.setImageItem(image)
        return view, image, bar
