"""Small helpers shared by the visual panels: coalesced rendering, colour maps, mosaics, nice limits."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QImage
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsGridLayout,
    QGraphicsRectItem,
    QLabel,
    QScrollArea,
    QWidget,
)

from gui import colormaps

# The diverging map for every signed value (weights, kernels, feature maps, saliency): CET-CBD1, blue
# (negative) - light grey (zero) - yellow (positive), safe for red-green colour blindness (gui/colormaps.py).
DIVERGING = colormaps.NAME
# Grey map for ink: colormap(INK, reverse=True) draws 0 as white paper and 1 as black ink.
INK = "ink"

BACKGROUND = "#ffffff"
FOREGROUND = "#202020"
GAP_COLOUR = "#8c8c8c"


def colormap(name: str, reverse: bool = False) -> pg.ColorMap:
    """A fresh ColorMap (pyqtgraph's own maps are shared objects: never change those in place)."""
    if name == INK:
        stops = ["#ffffff", "#000000"] if reverse else ["#000000", "#ffffff"]
        cmap = pg.ColorMap([0.0, 1.0], [pg.mkColor(c) for c in stops])
        cmap.name = "ink"
        return cmap
    if name == DIVERGING:
        cmap = pg.ColorMap(colormaps.anchor_positions(), colormaps.anchor_rgb().astype(np.ubyte))
        cmap.name = DIVERGING
    else:
        base = pg.colormap.get(name)
        cmap = pg.ColorMap(base.pos, base.getColors(mode="byte"))
    if reverse:
        cmap = pg.ColorMap(cmap.pos, cmap.getColors(mode="byte")[::-1])
        cmap.name = name + "_r"
    return cmap


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is ≥ value (> 0)."""
    value = float(abs(value))
    if not math.isfinite(value) or value <= 1e-12:
        return 1e-12 if math.isfinite(value) else 1.0
    exponent = math.floor(math.log10(value))
    for mantissa in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        limit = mantissa * 10.0**exponent
        if limit >= value * (1 - 1e-9):
            return limit
    return 10.0 ** (exponent + 1)


class Coalescer(QObject):
    """Calls `render` at most once per `interval_ms`, some time after `request()`.

    A single-shot timer: nothing runs while there is nothing new to show.
    """

    def __init__(self, render, interval_ms: int = 40, parent: QObject | None = None):
        super().__init__(parent)
        self._render = render
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._fire)
        self._pending = False

    def request(self) -> None:
        self._pending = True
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Render now if something is pending (tests and screenshots call this)."""
        self._timer.stop()
        self._fire()

    @property
    def pending(self) -> bool:
        return self._pending

    def _fire(self) -> None:
        if self._pending:
            self._pending = False
            self._render()


def grid_shape(count: int, max_columns: int = 8) -> tuple[int, int]:
    """Rows and columns for `count` tiles: as square as possible, at most `max_columns` wide."""
    if count <= 0:
        return 0, 0
    columns = min(max_columns, max(1, math.ceil(math.sqrt(count * 2))))
    columns = min(columns, count)
    rows = math.ceil(count / columns)
    return rows, columns


def mosaic(tiles: np.ndarray, rows: int, columns: int, gap: int = 1) -> np.ndarray:
    """Lay tiles (n, h, w) out row by row in a (rows, columns) grid; gaps and unused cells are NaN.

    Tile k sits at rows r*(h+gap) .. + h, columns c*(w+gap) .. + w with r, c = divmod(k, columns).
    """
    n, h, w = tiles.shape
    out = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan, dtype=np.float32)
    for k in range(n):
        r, c = divmod(k, columns)
        out[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = tiles[k]
    return out


def tile_at(image: np.ndarray, k: int, h: int, w: int, columns: int, gap: int = 1) -> np.ndarray:
    """The inverse of `mosaic` for one tile."""
    r, c = divmod(k, columns)
    return image[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w]


def make_image_view(layout: pg.GraphicsLayout, row: int, col: int, **kwargs):
    """A non-interactive ViewBox (row 0 at the top, square pixels) holding one row-major ImageItem."""
    # no context menu: building a ViewBox's menu (Qt widgets) was a third of building a grid of views
    kwargs.setdefault("enableMenu", False)
    view = layout.addViewBox(row=row, col=col, **kwargs)
    view.setAspectLocked(True)
    view.invertY(True)
    view.setMouseEnabled(False, False)
    backing = QGraphicsRectItem(0, 0, 1, 1)  # grey behind the tiles: the gaps between them show it
    backing.setBrush(pg.mkBrush(GAP_COLOUR))
    backing.setPen(pg.mkPen(None))
    backing.setZValue(-1)
    view.addItem(backing)
    image = pg.ImageItem(axisOrder="row-major")
    view.addItem(image)
    image.sigImageChanged.connect(lambda: backing.setRect(image.boundingRect()))
    return view, image


def point_size(widget, factor: float = 1.0, minimum: float = 7.0) -> float:
    """The widget's font size in points times `factor` (pyqtgraph text does not follow Qt fonts)."""
    pt = widget.font().pointSizeF()
    if pt <= 0:
        pt = 9.0
    return max(minimum, round(pt * factor, 1))


def plain_number(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100 or abs(value) < 0.01:
        return f"{value:.3g}"
    return f"{value:.3f}".rstrip("0").rstrip(".")


class SteadyLabel(QLabel):
    """A one-line label for text that changes while training runs (the status bar's model label). It keeps
    a fixed size that only grows: a QLabel whose size may change asks its window to lay itself out again
    at every setText (tens of ms on a busy GUI thread); a fixed-size one only repaints itself."""

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        hint = super().sizeHint()
        steady = getattr(self, "_steady", None)  # (width, height) fixed so far
        if steady is None or hint.width() > steady[0] or hint.height() != steady[1]:
            self._steady = (max(hint.width(), steady[0] if steady else 0), hint.height())
            self.setFixedSize(*self._steady)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and getattr(self, "_steady", None) is not None:
            self._steady = None  # zoom: measure the text again at the new size
            self.setMinimumSize(0, 0)  # (a fixed size would be part of the measure)
            self.setMaximumSize(16777215, 16777215)
            text = self.text()
            QLabel.setText(self, "")
            self.setText(text)


BASE_FONT_PROPERTY = "shapelabBaseFont"  # the application's font before any zoom (a QApplication property)


class SteadyWrappedLabel(QLabel):
    """A word-wrapped QLabel whose height does not shrink when its text gets shorter (at the same width).

    A new text of another height re-lays its panel out: the plots beside or under it are resized and
    repainted whole, their axes recomputed (10-30 ms of GUI thread on a busy machine). A panel whose
    note, caption or summary changes with every result would pay that every time the line count
    changes back and forth; here the label keeps the tallest height it has needed at its width, so the
    layout only changes when a text needs more lines than any before it. A new width starts afresh.
    Texts set while its panel is hidden are measured at the width it had on screen, so that showing the
    panel again does not lay it out anew either."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._held_width = -1
        self._placed = False  # laid out on screen once: its width is a real one

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._placed = True
        self._hold()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text == self.text():
            return
        super().setText(text)
        self._hold()

    def _hold(self) -> None:
        w = self.width()
        if w <= 0 or not self._placed:
            return
        if w != self._held_width:  # another width: the lines wrap differently, start afresh
            self._held_width = w
            self.setMinimumHeight(0)
        need = self.heightForWidth(w)
        if need > self.minimumHeight():
            self.setMinimumHeight(need)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._hold()


def base_font() -> QFont:
    """The application's font at 100 % zoom: View › Zoom scales the application's font from this one."""
    app = QApplication.instance()
    font = app.property(BASE_FONT_PROPERTY) if app is not None else None
    if not isinstance(font, QFont):
        font = QFont(QApplication.font())
        if app is not None:
            app.setProperty(BASE_FONT_PROPERTY, font)
    return QFont(font)


def zoom_of(widget: QWidget) -> float:
    """View › Zoom as the widget sees it: its font's point size over the 100 % font's."""
    base, size = base_font().pointSizeF(), widget.font().pointSizeF()
    return size / base if base > 0 and size > 0 else 1.0


class GraphicsScroller(QScrollArea):
    """A pyqtgraph GraphicsLayoutWidget in a scroll area: it fills the area when there is room, and keeps
    the size its grids need to stay readable (`set_needed`) with scroll bars when there is not — instead of
    squeezing the cells to a few pixels or cutting off the last column. `viewportResized` is called with
    the new viewport width when the area changes size."""

    def __init__(self, graphics: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphicsScroller")
        self.setWidget(graphics)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it (arrow keys scroll), a click does not
        self.viewport_resized = None  # callable(width) set by the panel
        self.viewport().installEventFilter(self)

    def set_needed(self, width: int, height: int) -> None:
        """The smallest size at which the grids are readable; more room is filled."""
        widget = self.widget()
        if widget.minimumWidth() != width or widget.minimumHeight() != height:
            widget.setMinimumSize(max(0, int(width)), max(0, int(height)))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.viewport() and event.type() == QEvent.Type.Resize and self.viewport_resized:
            self.viewport_resized(event.size().width())
        return False


class FoldWhenShort(QObject):
    """Hides `label` (a panel's explanation) while the panel is too short to show it and still give its
    scrolling grids `keep_px` pixels: on a 1024×768 screen the filters dock would otherwise cut the text
    off mid-line and leave the grids a strip. The text stays the panel's tooltip meanwhile, and comes back
    as soon as there is room."""

    def __init__(self, panel: QWidget, label: QLabel, keep_px: int = 150):
        super().__init__(panel)
        self.panel, self.label, self.keep_px = panel, label, keep_px
        self._tooltip = panel.toolTip()
        panel.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.panel and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        layout = self.panel.layout()
        margins = layout.contentsMargins()
        width = self.panel.width() - margins.left() - margins.right()
        needed = self.label.heightForWidth(width) if self.label.wordWrap() else self.label.sizeHint().height()
        used = margins.top() + margins.bottom()
        for i in range(layout.count()):
            widget = layout.itemAt(i).widget()
            if widget is not None and widget is not self.label and widget.isVisibleTo(self.panel) \
                    and layout.stretch(i) == 0:
                used += widget.sizeHint().height() + layout.spacing()
        show = self.panel.height() - used - needed - layout.spacing() >= self.keep_px
        if show != self.label.isVisibleTo(self.panel):
            self.label.setVisible(show)
            tip = self._tooltip if show else f"{self.label.text()}\n\n{self._tooltip}".strip()
            self.panel.setToolTip(tip)


class ColourBar(pg.GraphicsWidget):
    """A colour scale beside images: the colour map as a bar with a framed edge and a labelled axis on its
    right, setting the map and the levels of the images it is given — what the panels used pyqtgraph's
    ColorBarItem for (non-interactive), at a small part of its cost. A ColorBarItem is a whole PlotItem
    (its context menus, four axes and a view box): 11-15 ms of GUI thread each, and a panel that builds
    its grids for a new model made two to four of them in one turn (the filters grids 22-30 ms, the
    feature-map grids 30-60 ms). API as ColorBarItem's: `axis`, setLevels((lo, hi)), levels(),
    setImageItem(item or list), colorMap()."""

    def __init__(self, values=(0.0, 1.0), colorMap=None, width: int = 14, pen=FOREGROUND):  # noqa: N803
        super().__init__()
        self.values = (float(values[0]), float(values[1]))
        self._colorMap = colorMap
        self._images: list = []
        self.axis = pg.AxisItem("right", pen=pen, textPen=pen)
        self.axis.setRange(*self.values)
        self.bar = _BarStrip(width, pen)
        grid = QGraphicsGridLayout()
        # the axis writes its end values half a line above and below the ends of the bar
        margin = QFontMetrics(self.axis.font()).height() // 2
        grid.setContentsMargins(1, margin, 1, margin)
        grid.setHorizontalSpacing(0)
        grid.addItem(self.bar, 0, 0)
        grid.addItem(self.axis, 0, 1)
        self.setLayout(grid)
        self._update(update_cmap=True)

    def setImageItem(self, img) -> None:  # noqa: N802 (pyqtgraph's name)
        try:
            self._images = list(img)
        except TypeError:
            self._images = [img]
        self._update(update_cmap=True)

    def setLevels(self, values) -> None:  # noqa: N802 (pyqtgraph's name)
        lo, hi = float(values[0]), float(values[1])
        if lo > hi:
            lo = hi = (lo + hi) / 2
        self.values = (lo, hi)
        self._update()

    def levels(self) -> tuple[float, float]:
        return self.values

    def colorMap(self):  # noqa: N802 (pyqtgraph's name)
        return self._colorMap

    def _update(self, update_cmap: bool = False) -> None:
        self.axis.setRange(*self.values)
        if update_cmap and self._colorMap is not None:
            self.bar.set_lut(self._colorMap.getLookupTable(nPts=256, alpha=True))
        for img in self._images:
            img.setLevels(self.values)
            if update_cmap and self._colorMap is not None:
                img.setColorMap(self._colorMap)


class _BarStrip(pg.GraphicsWidget):
    """The bar of a ColourBar: the colour map bottom (low) to top (high), with a thin frame."""

    def __init__(self, width: int, pen):
        super().__init__()
        self.setFixedWidth(width)
        self._pen = pg.mkPen(pen)
        self._image: QImage | None = None

    def set_lut(self, lut: np.ndarray) -> None:
        rgba = np.ascontiguousarray(lut[::-1].reshape(-1, 1, 4).astype(np.uint8))  # top row = high values
        self._image = QImage(rgba.data, 1, rgba.shape[0], 4, QImage.Format.Format_RGBA8888).copy()
        self.update()

    def paint(self, p, *_args) -> None:
        r = self.rect()
        if self._image is not None:
            p.drawImage(r, self._image)
        p.setPen(self._pen)
        p.drawRect(r.adjusted(0, 0, -1, -1))
