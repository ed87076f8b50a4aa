"""Lesson 7 — The whole CNN: your drawing flowing through the trained model, stage by stage, and what
convolution saves in parameters compared with the fully connected MLP."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.lessons import parameter_comparison
from gui.lessons._engine import build_model
from gui.lessons.common import BACKGROUND, CLASS_COLOURS, FOREGROUND, Lesson
from gui.panels._common import DIVERGING, INK, colormap, mosaic, nice_ceiling
from gui.panels.prediction import PredictionPanel
from gui.text import QT_TRANSLATE_NOOP, translate

MAX_MAPS = 8  # feature maps shown per stage
ROW_HEIGHT = 130

WHAT = {
    "Conv2D": QT_TRANSLATE_NOOP(
        "PipelineLesson",
        "convolution: every filter slid over its input, one map per filter",
    ),
    "ReLU": QT_TRANSLATE_NOOP("PipelineLesson", "ReLU: negative values set to 0"),
    "MaxPool2D": QT_TRANSLATE_NOOP(
        "PipelineLesson", "max-pool: the largest value of each 2×2 window, half the size"
    ),
    "AvgPool2D": QT_TRANSLATE_NOOP(
        "PipelineLesson", "average-pool: the mean of each 2×2 window, half the size"
    ),
    "Flatten": QT_TRANSLATE_NOOP(
        "PipelineLesson", "flatten: all the maps laid out as one long list of numbers"
    ),
    "Dense": QT_TRANSLATE_NOOP("PipelineLesson", "fully connected: every output looks at every input"),
    "Dropout": QT_TRANSLATE_NOOP(
        "PipelineLesson",
        "dropout: only active while training; passes values through here",
    ),
    "Sigmoid": "sigmoid", "Tanh": "tanh",
}


class _StageRow(QWidget):
    """One stage: a heading and a picture of its output (maps as images, vectors as bars)."""

    def __init__(self, heading: str):
        super().__init__()
        self.base_heading = heading
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setMinimumWidth(260)
        self.heading.setMaximumWidth(340)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(BACKGROUND)
        self.graphics.setFixedHeight(ROW_HEIGHT)
        self.view = None
        self.image = None
        self.bars = None
        self.plot = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.graphics, 1)

    def show_maps(self, maps: np.ndarray, ink: bool = False) -> None:
        if self.view is None:
            self.view = self.graphics.ci.addViewBox(enableMenu=False)
            self.view.setAspectLocked(True)
            self.view.invertY(True)
            self.view.setMouseEnabled(False, False)
            self.image = pg.ImageItem(axisOrder="row-major")
            self.view.addItem(self.image)
        total = len(maps)
        maps = maps[:MAX_MAPS]
        rows, cols = 1, len(maps)
        shown = translate("PipelineLesson", "first {value} of {total} maps · ").format(
            value=len(maps),
            total=total,
        ) if total > len(maps) else ""
        self.image.setImage(mosaic(maps, rows, cols), autoLevels=False)
        if ink:
            self.image.setColorMap(colormap(INK, reverse=True))
            self.image.setLevels((0, 1))
            scale = translate("PipelineLesson", "white = paper 0, black = ink 1")
        else:
            limit = nice_ceiling(float(np.abs(maps).max()) or 1.0)
            self.image.setColorMap(colormap(DIVERGING))
            self.image.setLevels((-limit, limit))
            scale = translate(
                "PipelineLesson", "colour scale: yellow = +{limit:g}, light grey = 0, blue = −{limit:g}"
            ).format(limit=limit)
        self.heading.setText(f"{self.base_heading}<br><small>{shown}{scale}</small>")
        self.view.autoRange(padding=0.02)

    def show_vector(self, values: np.ndarray) -> None:
        if self.plot is None:
            self.plot = self.graphics.ci.addPlot(enableMenu=False)
            self.plot.setMouseEnabled(False, False)
            self.plot.hideButtons()
            for side in ("left", "bottom"):
                self.plot.getAxis(side).setPen(FOREGROUND)
                self.plot.getAxis(side).setTextPen(FOREGROUND)
            self.plot.setLabel("bottom", translate("PipelineLesson", "unit number"), color=FOREGROUND)
            self.plot.setLabel("left", translate("PipelineLesson", "value"), color=FOREGROUND)
            self.bars = pg.BarGraphItem(x=[0], height=[0], width=0.8, brush="#1f5fb4")
            self.plot.addItem(self.bars)
        x = np.arange(len(values))
        brushes = [pg.mkBrush("#d6604d" if v >= 0 else "#4393c3") for v in values]
        self.bars.setOpts(x=x, height=values, width=0.8, brushes=brushes, pens=[pg.mkPen(None)] * len(values))
        self.plot.setXRange(-0.5, len(values) - 0.5, padding=0.01)
        top = float(np.abs(values).max()) if len(values) else 1.0
        self.plot.setYRange(min(0.0, float(values.min())) if len(values) else 0, max(top, 1e-6), padding=0.05)


class PipelineLesson(Lesson):
    title = QT_TRANSLATE_NOOP("PipelineLesson", "7 · The whole CNN")
    lecture = (QT_TRANSLATE_NOOP(
        "PipelineLesson",
        "“Inputs (2-dimension × channels) → [Convolution → ReLU → Pooling] → … → [Convolution → ReLU → "
        "Pooling] → Fully connected layer → Output prediction.” “Why is CNN superior at feature "
        "representations? Effectively reducing computational complexity (convolution filter); hierarchical "
        "feature representation (multiple convolution layers); non-linearity and less overfitting (ReLU "
        "and pooling).”",
    ))
    steps = [QT_TRANSLATE_NOOP(
        "PipelineLesson",
        "Draw a shape and train a model: then each step follows your drawing one stage further.",
    )]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pipelineLesson")
        self.rows: list[_StageRow] = []
        self._signature = None
        self.container = QWidget()
        self.stack = QVBoxLayout(self.container)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.container)
        self.prediction = PredictionPanel()
        self.prediction.setObjectName("pipelinePrediction")
        self.params_table = QTableWidget(0, 2)
        self.params_table.setObjectName("parameterTable")
        self.params_table.setHorizontalHeaderLabels(["", translate("PipelineLesson", "parameters")])
        self.params_table.verticalHeader().setVisible(False)
        self.params_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.params_text = QLabel()
        self.params_text.setWordWrap(True)
        self.params_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.params_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.params_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long names wrap, never clip
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.params_table.setWordWrap(True)
        side_widget = QWidget()
        side = QVBoxLayout(side_widget)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.prediction)
        side.addWidget(self.params_table)
        side.addWidget(self.params_text)
        side.addStretch(1)
        self.side_scroll = QScrollArea()  # large text: the side column scrolls instead of clipping
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side_widget)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.scroll, 3)
        body.addWidget(self.side_scroll, 2)
        self.set_step(0)

    # -- structure ----------------------------------------------------------------------------
    def _rebuild(self) -> None:
        for row in self.rows:
            self.stack.removeWidget(row)
            row.deleteLater()
        self.rows = []
        if self.model is None:
            self.steps = [translate(
                "PipelineLesson",
                "No model yet: train one (or open a model file), then come back.",
            )]
            return
        summary = self.model.summary()
        shape = " × ".join(map(str, self.model.input_shape))
        self.rows.append(_StageRow(translate(
            "PipelineLesson",
            "<b>Input</b> · {shape}<br>the drawing as the network sees it",
        ).format(shape=shape)))
        steps = [translate("PipelineLesson", "<b>The input</b>: your drawing as a 28×28 grid of ink values.")]
        block = 0
        for info in summary:
            if info.name == "Conv2D":
                block += 1
            shape = " × ".join(map(str, info.output_shape))
            in_block = info.name in ("Conv2D", "ReLU", "MaxPool2D", "AvgPool2D")
            in_block = in_block and len(info.output_shape) == 3
            where = ""
            if block and in_block:
                where = translate("PipelineLesson", " (block {block})").format(block=block)
            self.rows.append(_StageRow(
                translate(
                    "PipelineLesson",
                    "<b>Layer {index} · {name}</b>{where} · {shape}<br>{what}<br><small>{parameters:,} "
                    "parameters</small>",
                ).format(
                    index=info.index,
                    name=info.name,
                    where=where,
                    shape=shape,
                    what=translate("PipelineLesson", WHAT.get(info.name, '')),
                    parameters=info.parameters,
                )))
            steps.append(translate(
                "PipelineLesson",
                "<b>Layer {index}: {name}</b> — {what}. Output shape {shape}.",
            ).format(
                index=info.index,
                name=info.name,
                what=translate("PipelineLesson", WHAT.get(info.name, '')),
                shape=shape,
            ) + (translate("PipelineLesson", " Showing the first 8 maps.") if len(info.output_shape) == 3
                                        and info.output_shape[0] > MAX_MAPS else ""))
        steps.append(translate(
            "PipelineLesson",
            "<b>The prediction</b>: softmax turns the last layer's numbers into probabilities.",
        ))
        steps.append(translate(
            "PipelineLesson",
            "<b>Parameters</b>: a convolution filter is small and reused at every position, so the CNN "
            "needs far fewer numbers than a fully connected network — “effectively reducing computational "
            "complexity”.",
        ))
        self.steps = steps
        for k, row in enumerate(self.rows):
            self.stack.insertWidget(k, row)

    def shows_model(self, n: int) -> bool:
        return True

    def needs_training(self, n: int) -> bool:
        return n == len(self.rows)  # the prediction step; the stages show what any network does

    def model_changed(self) -> None:
        signature = None if self.model is None else repr(self.model.config())
        if signature != self._signature:
            self._signature = signature
            self._rebuild()
            self.step = 0
        self.request_refresh()

    # -- display ------------------------------------------------------------------------------
    def show_step(self, n: int) -> None:
        raster = self.raster()
        if self.model is None:
            self.prediction.clear()
            self.params_table.setRowCount(0)
            return
        if raster is None:
            raster = np.zeros(self.model.input_shape[1:], np.float32)
        acts = self.model.activations(raster)
        L = len(acts)
        for k, row in enumerate(self.rows):
            row.setVisible(k <= n)
            if k > n:
                continue
            if k == 0:
                row.show_maps(raster[None], ink=True)
                continue
            data = acts[k - 1].data[0]
            if data.ndim == 3:
                row.show_maps(data)
            else:
                row.show_vector(np.asarray(data, dtype=np.float64))
        if n >= 1 and n - 1 < L:
            self.scroll.ensureWidgetVisible(self.rows[min(n, len(self.rows) - 1)])
        show_pred = n == L + 1  # the parameter step needs the room
        self.prediction.setVisible(show_pred)
        if show_pred:
            probs = self.model.predict_proba(raster)[0]
            names = self.classes if len(self.classes) == len(probs) else [
                translate("PipelineLesson", "class {number}").format(number=i + 1) for i in range(len(probs))
            ]
            self.prediction.set_prediction(names, probs, list(CLASS_COLOURS))
            self.prediction.set_trained(not self.untrained())
            self.prediction.flush()
        show_params = n >= L + 2
        self.params_table.setVisible(show_params)
        self.params_text.setVisible(show_params)
        if show_params:
            self._show_parameters()

    def parameters(self):
        n_classes = self.model.summary()[-1].output_shape[0]
        size = self.model.input_shape[-1]
        cnn, mlp = build_model("default", n_classes, size), build_model("mlp", n_classes, size)
        return parameter_comparison(cnn, mlp)

    def _show_parameters(self) -> None:
        p = self.parameters()
        n_classes = self.model.summary()[-1].output_shape[0]
        default = build_model("default", n_classes, self.model.input_shape[-1])
        conv = next(c for c in default.config() if c["type"] == "conv2d")
        out_shape = next(r.output_shape for r in default.summary() if r.name == "Conv2D")
        k, n_out = conv["kernel_size"], conv["out_channels"]
        size = "×".join(map(str, default.input_shape[1:]))
        maps = "×".join(map(str, out_shape[1:]))
        mine = self.model.num_parameters()
        rows = [(translate("PipelineLesson", "this model"), f"{mine:,}"),
                (translate("PipelineLesson", "default CNN preset"), f"{p.conv_parameters:,}"),
                (translate("PipelineLesson", "   its first conv layer ({n_out} filters {k}×{k})").format(
                    n_out=n_out,
                    k=k,
                ), f"{p.first_conv_parameters:,}"),
                (translate("PipelineLesson", "   a fully connected layer with the same input and output"),
                 f"{p.dense_equivalent_parameters:,}"),
                (translate("PipelineLesson", "MLP preset (no convolution)"), f"{p.mlp_parameters:,}")]
        self.params_table.setRowCount(len(rows))
        for r, (a, b) in enumerate(rows):
            self.params_table.setItem(r, 0, QTableWidgetItem(a))
            item = QTableWidgetItem(b)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.params_table.setItem(r, 1, item)
        self.params_table.resizeRowsToContents()
        header = self.params_table.horizontalHeader().height()
        rows_h = sum(self.params_table.rowHeight(r) for r in range(self.params_table.rowCount()))
        self.params_table.setFixedHeight(header + rows_h + 2 * self.params_table.frameWidth() + 2)

        ratio = p.dense_equivalent_parameters / max(p.first_conv_parameters, 1)
        self.params_text.setText(
            translate(
                "PipelineLesson",
                "<b>The saving is in the convolution layers.</b> The default CNN's first conv layer maps "
                "the {size} drawing to {n_out} maps of {maps} with {first_conv_parameters:,} weights, "
                "reused at every position; an equivalent fully connected layer would need "
                "<b>{dense_equivalent_parameters:,}</b> weights — {ratio:,.0f} times as many. "
                "<b>{value:.0f} %</b> of the CNN's {conv_parameters:,} weights sit in its fully connected "
                "(dense) layers ({dense_parameters:,}), so the whole CNN has about as many as the MLP "
                "({mlp_parameters:,}): what convolution buys is maps of where each pattern is, for very "
                "few weights.",
            ).format(
                size=size,
                n_out=n_out,
                maps=maps,
                first_conv_parameters=p.first_conv_parameters,
                dense_equivalent_parameters=p.dense_equivalent_parameters,
                ratio=ratio,
                value=100 * p.dense_share,
                conv_parameters=p.conv_parameters,
                dense_parameters=p.dense_parameters,
                mlp_parameters=p.mlp_parameters,
            )
        )
