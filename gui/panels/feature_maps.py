"""FeatureMapsPanel: what each stage (conv → ReLU → pool) of each conv block makes of the current drawing.

One row per conv block, one grid per stage, each grid headed with its stage and shape ("Block 1 · conv ·
8×28×28"). The three stages of a block share one symmetric diverging colour scale, so ReLU visibly removes
the blue (negative) values the convolution produced and pooling visibly halves the size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

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
    grid_shape,
    make_image_view,
    mosaic,
    nice_ceiling,
    point_size,
    tile_at,
    zoom_of,
)
from gui.panels._export import make_exportable, write_table
from gui.text import QT_TRANSLATE_NOOP, translate

MIN_MAP_PX = 20.0  # a feature map is at least this many pixels tall (× zoom): else the panel scrolls
MAX_PIXEL_PX = 6.0  # and one of its pixels at most this many (× zoom)
COLOUR_BAR_PX = 70  # the colour bar with its numbers and title, at 100 %

STAGE_NAMES = {
    "Conv2D": "conv",
    "ReLU": "ReLU",
    "Sigmoid": "sigmoid",
    "Tanh": "tanh",
    "MaxPool2D": "max-pool",
    "AvgPool2D": "average-pool",
}
STAGE_HELP = {
    "conv": QT_TRANSLATE_NOOP("FeatureMaps", "each filter slid over its input: one map per filter"),
    "ReLU": QT_TRANSLATE_NOOP("FeatureMaps", "negative values set to 0 (max(0, x))"),
    "sigmoid": QT_TRANSLATE_NOOP("FeatureMaps", "squashed into 0 … 1"),
    "tanh": QT_TRANSLATE_NOOP("FeatureMaps", "squashed into −1 … 1"),
    "max-pool": QT_TRANSLATE_NOOP("FeatureMaps", "largest value of each 2×2 window: half the size"),
    "average-pool": QT_TRANSLATE_NOOP("FeatureMaps", "mean of each 2×2 window: half the size"),
}


@dataclass
class Stage:
    block: int  # 1-based conv block
    stage: str  # "conv", "ReLU", "max-pool", ...
    index: int  # layer index in the model
    maps: np.ndarray  # (C, H, W) for the one drawing

    @property
    def label(self) -> str:
        c, h, w = self.maps.shape
        return translate("FeatureMaps", "Block {block} · {stage} · {c}×{h}×{w}").format(
            block=self.block,
            stage=self.stage,
            c=c,
            h=h,
            w=w,
        )


@dataclass
class _StageView:
    stage: Stage
    rows: int
    columns: int
    heading: pg.LabelItem
    view: pg.ViewBox
    image: pg.ImageItem


@dataclass
class _BlockView:
    stages: list[_StageView] = field(default_factory=list)
    bar: ColourBar | None = None
    limit: float = 1.0


def conv_stages(activations) -> list[Stage]:
    """Group a model's activations into conv blocks: a Conv2D starts a block; activations and pooling
    layers that follow it join it; anything else (Flatten, Dense, Dropout) ends the feature maps."""
    stages: list[Stage] = []
    block = 0
    for act in activations:
        data = np.asarray(act.data)
        if data.ndim == 4:
            data = data[0]
        if data.ndim != 3:
            break
        stage = STAGE_NAMES.get(act.name)
        if stage is None:
            if block:
                break
            continue
        if stage == "conv":
            block += 1
        elif not block:
            continue
        stages.append(Stage(block, stage, int(act.index), np.array(data, dtype=np.float32, copy=True)))
    return stages


class FeatureMapsPanel(QWidget):
    """Feature maps of the current drawing after each stage of each conv block.

    API: set_activations(activations: list[Activation]) (copies; rendered by a timer), clear(), flush(),
    prepare(activations) (build the grids for a new model before any drawing: building them costs ~25 ms of
    GUI time, better spent when the model changes than at the first stroke), stages() -> the Stage list
    shown, stage_maps(k) -> (C, H, W) as read back from the k-th grid.
    """

    def __init__(self, parent: QWidget | None = None, render_delay_ms: int = 40):
        """`render_delay_ms`: new maps are drawn this long after they arrive (coalesced)."""
        super().__init__(parent)
        self.setObjectName("featureMapsPanel")
        self._pending: list[Stage] | None = None
        self._stages: list[Stage] = []
        self._blocks: list[_BlockView] = []
        self._views: list[_StageView] = []
        self._signature: tuple = ()
        self._cmap = colormap(DIVERGING)
        self._coalescer = Coalescer(self._render, render_delay_ms, self)

        self.title = QLabel(translate(
            "FeatureMaps",
            "<b>Feature maps</b> — what each layer makes of the drawing on the canvas",
        ))
        self.title.setWordWrap(True)  # a narrow dock (a 1024-pixel screen) wraps it instead of growing
        self.model_note = SteadyLabel("")  # which model made these maps: repaints, never relayouts
        self.model_note.setObjectName("modelNote")
        self.explain = QLabel(
            translate(
                "FeatureMaps",
                "Each small image is one feature map: where in the drawing a filter responds. Blue = "
                "negative, light grey = 0, yellow = positive; each block's three stages share its colour "
                "scale.",
            )
        )
        self.explain.setWordWrap(True)
        self.empty = QLabel(
            translate("FeatureMaps", "Draw something on the canvas to see what the network makes of it.")
        )
        self.empty.setObjectName("featureMapsEmpty")
        self.empty.setWordWrap(True)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(BACKGROUND)
        self.graphics.setVisible(False)
        self.setToolTip(
            translate("FeatureMaps", "conv: every filter slid over its input gives one map.\n"
            "ReLU: negative values become 0.\n"
            "pool: each 2×2 window is replaced by one value, so the maps get smaller\n"
            "and small shifts of the drawing matter less.")
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
        self.scroller.setAccessibleName(translate("FeatureMaps", "Feature maps of the drawing on the canvas"))
        self.scroller.setAccessibleDescription(
            self.explain.text() + translate(
                "FeatureMaps",
                " Ctrl+C copies every value as a table; the right-click menu saves it.",
            ))
        self.scroller.setVisible(False)
        layout.addWidget(self.scroller, 1)
        self.fold = FoldWhenShort(self, self.explain)  # a short dock keeps the grids, not half a sentence
        make_exportable(self, "feature-maps", self.write_csv, [self.graphics])

    # -- public API ---------------------------------------------------------------------------
    def set_model_note(self, text: str, trained: bool) -> None:
        """Which model computes the maps; an untrained one's maps come from random filters."""
        note = translate("FeatureMaps", "Model: {text}").format(text=text) + (
            "" if trained else translate("FeatureMaps", ": nothing learned yet")
        )
        if note != self.model_note.text():  # called on every status update: no relayout when unchanged
            self.model_note.setText(note)

    def set_activations(self, activations) -> None:
        """Show the activations of one drawing (model.activations(raster)); copies what it keeps."""
        self._pending = conv_stages(activations)
        self._empty_text = (
            translate(
                "FeatureMaps",
                "This model has no convolution layers (the MLP preset), so there are no feature maps: it "
                "looks at all 784 pixels at once.",
            ) if activations else
            translate("FeatureMaps", "Draw something on the canvas to see what the network makes of it.")
        )
        self._coalescer.request()

    def prepare(self, activations) -> None:
        """Build the grids for the stages of these activations (any input: only the shapes count) without
        showing them; the next set_activations() of the same model then only fills in the images."""
        stages = conv_stages(activations)
        signature = tuple((s.block, s.stage, s.maps.shape) for s in stages)
        if stages and signature != self._signature:
            self._signature = signature
            self._rebuild(stages)
            self._stages = []  # nothing of a drawing is shown until the next set_activations()

    def clear(self, text: str | None = None) -> None:
        """Show no maps, with `text` in their place (default: ask for a drawing)."""
        self._pending = []
        self._empty_text = text or translate(
            "FeatureMaps", "Draw something on the canvas to see what the network makes of it."
        )
        self._coalescer.request()

    def flush(self) -> None:
        self._coalescer.flush()

    def stages(self) -> list[Stage]:
        return list(self._stages)

    def stage_labels(self) -> list[str]:
        return [s.label for s in self._stages]

    def write_csv(self, path: str) -> None:
        """Every value shown: block, stage, map, row, column, value (atomic write)."""
        if not self._stages:
            raise ValueError(
                translate("FeatureMaps", "No feature maps yet: draw something on the canvas first.")
            )
        rows = [[s.block, s.stage, m + 1, r, c, f"{v:.6g}"]
                for s in self._stages for (m, r, c), v in np.ndenumerate(s.maps)]
        write_table(path, ["block", "stage", "map", "row", "column", "value"], rows)

    def image_item(self, k: int) -> pg.ImageItem:
        return self._views[k].image

    def stage_maps(self, k: int) -> np.ndarray:
        """The maps of the k-th stage shown, read back from its drawn image: (C, H, W)."""
        sv = self._views[k]
        c, h, w = sv.stage.maps.shape
        return np.stack([tile_at(sv.image.image, i, h, w, sv.columns) for i in range(c)])

    def levels(self, k: int) -> tuple[float, float]:
        lo, hi = self._views[k].image.getLevels()
        return float(lo), float(hi)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._signature = ()  # rebuild the headings (and the cells' sizes) at the new size
            if self._stages:
                self._pending = self._stages
                self._coalescer.request()

    # -- rendering ----------------------------------------------------------------------------
    def _rebuild(self, stages: list[Stage]) -> None:
        self.graphics.clear()
        self._blocks, self._views = [], []
        gl = self.graphics.ci
        blocks = sorted({s.block for s in stages})
        max_stages = max(sum(1 for s in stages if s.block == b) for b in blocks)
        for bi, b in enumerate(blocks):
            bv = _BlockView()
            col = 0
            for s in (s for s in stages if s.block == b):
                c, h, w = s.maps.shape
                rows, columns = grid_shape(c, max_columns=4)
                size = f"{point_size(self, 0.95)}pt"
                # two short lines, so three stages side by side fit a narrow dock
                text = translate("FeatureMaps", "Block {block} · {stage}<br>{c}×{h}×{w}").format(
                    block=s.block,
                    stage=s.stage,
                    c=c,
                    h=h,
                    w=w,
                )
                heading = gl.addLabel(text, row=2 * bi, col=col, color=FOREGROUND, size=size)
                heading.setToolTip(f"{s.label}: {translate('FeatureMaps', STAGE_HELP.get(s.stage, ''))}")
                view, image = make_image_view(gl, row=2 * bi + 1, col=col)
                # the grid's own rect, fixed now: prepare() builds the views before any image is shown, and
                # the auto range would otherwise pad a view under 100 pixels by 10 % on each side (maps 1/6
                # smaller than _fit_cells reckons)
                units = QRectF(0, 0, columns * (w + 1) - 1, rows * (h + 1) - 1)
                view.setRange(units, padding=0.02)
                sv = _StageView(s, rows, columns, heading, view, image)
                bv.stages.append(sv)
                self._views.append(sv)
                col += 1
            bar = ColourBar(values=(-1, 1), colorMap=self._cmap, width=12)
            bar.setMaximumWidth(70)
            bar.axis.enableAutoSIPrefix(False)
            bar.axis.setLabel(translate("FeatureMaps", "response (no unit)"), color=FOREGROUND)
            bar.setImageItem([sv.image for sv in bv.stages])
            gl.addItem(bar, row=2 * bi + 1, col=max_stages)
            bv.bar = bar
            self._blocks.append(bv)
        for col in range(max_stages):
            gl.layout.setColumnStretchFactor(col, 1)
        gl.layout.setColumnStretchFactor(max_stages, 0)
        self._fit_cells()

    def map_pixels(self, k: int) -> float:
        """How many screen pixels tall one feature map of the k-th stage is (as laid out now)."""
        sv = self._views[k]
        shown = sv.view.viewRect()
        scale = min(sv.view.width() / max(shown.width(), 1e-9), sv.view.height() / max(shown.height(), 1e-9))
        return float(scale * sv.stage.maps.shape[1])

    def _fit_cells(self, width: int | None = None) -> None:
        """Give each block's row the height that shows its maps as large as the width allows (a map at
        least MIN_MAP_PX tall, a pixel at most MAX_PIXEL_PX, × zoom); the panel scrolls when the dock is
        smaller than that."""
        if not self._blocks:
            return
        if width is None:
            width = self.scroller.viewport().width()
        z = zoom_of(self)
        fh = self.fontMetrics().height()
        bar = COLOUR_BAR_PX * z
        gl = self.graphics.ci.layout
        need_w, need_h = 0.0, 12.0
        for bi, bv in enumerate(self._blocks):
            n = max(1, len(bv.stages))
            column = max(30.0, (width - bar - 24) / n - 8)
            height, row_w = 0.0, bar + 24
            for sv in bv.stages:
                c, h, w = sv.stage.maps.shape
                units_w = sv.columns * (w + 1) - 1
                units_h = sv.rows * (h + 1) - 1
                low = MIN_MAP_PX * z / h
                scale = min(max(column / units_w, low), MAX_PIXEL_PX * z)
                height = max(height, units_h * scale + 8)
                row_w += max(units_w * low, 5.5 * fh) + 8
            # the row's height as a minimum, not only a stretch: the grid does not share out its height in
            # proportion to the stretch factors (the first block's row got 88 pixels of 106, maps 18 tall)
            gl.setRowMinimumHeight(2 * bi + 1, height)
            gl.setRowStretchFactor(2 * bi + 1, max(1, int(height)))
            gl.setRowStretchFactor(2 * bi, 0)
            need_w = max(need_w, row_w)
            need_h += height + 2.6 * fh + 4
        # the headings, spacing and margins as the grid lays them out, if they take more than reckoned
        laid_out = self.graphics.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        self.scroller.set_needed(int(need_w), int(math.ceil(max(need_h, laid_out))))

    def _render(self) -> None:
        stages = self._pending
        if stages is None:
            return
        self._pending = None
        self._stages = stages
        self.empty.setText(getattr(self, "_empty_text", ""))
        self.empty.setVisible(not stages)
        self.scroller.setVisible(bool(stages))
        self.graphics.setVisible(bool(stages))
        if not stages:
            return
        signature = tuple((s.block, s.stage, s.maps.shape) for s in stages)
        rebuilt = signature != self._signature
        if rebuilt:
            self._signature = signature
            self._rebuild(stages)
        for sv, s in zip(self._views, stages, strict=True):
            sv.stage = s
        for bv in self._blocks:
            top = max(float(np.max(np.abs(sv.stage.maps))) for sv in bv.stages)
            limit = nice_ceiling(top if top > 0 else 1.0)
            for sv in bv.stages:
                sv.image.setImage(mosaic(sv.stage.maps, sv.rows, sv.columns), autoLevels=False)
                sv.image.setLevels((-limit, limit))
            if rebuilt or limit != bv.limit:
                bv.limit = limit
                bv.bar.setLevels((-limit, limit))
