"""DotsItem: a scatter of a few thousand class markers (colour and shape), with no Python per dot.

pyqtgraph's ScatterPlotItem runs Python for every point when its data changes (a brush lookup and an
atlas key per point): about 4.5 ms for 2,000 dots on a quiet machine, and several times that while the
training thread competes for Python's interpreter lock. Here each class's dot is rendered once into a small
pixmap (an atlas, as ScatterPlotItem does); a data change stores the coordinates, and a paint maps them to
the screen with NumPy and draws every dot with one `drawPixmapFragments` call. So the GUI thread stays
responsive while the representation view updates during training.

Dots are drawn in data order (a later drawing on top of an earlier one), so where they overlap no class is
always on top. Hovering finds the topmost dot under the mouse (the one you see); `sigHovered(index or -1)`
and `sigClicked(index)` carry the dot's data index (a drawing's position in the dataset).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions as fn
from pyqtgraph.Qt import internals
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

from gui.markers import marker_for, marker_path

OUTLINE_COLOUR = "#ffffff"
HOVER_PEN = "#000000"


class DotsItem(pg.GraphicsObject):
    """Markers of `size` screen pixels with a thin white outline, one shape and colour per class
    (gui/markers.py); see the module docstring. API: set_data(points (N, 2), classes (N,), colours,
    data (N,): the index each dot stands for, kept as `indices`), clear(), row_at(pos)."""

    sigHovered = Signal(int)  # data index of the dot under the mouse, -1 when none
    sigClicked = Signal(int)  # data index of the dot clicked

    def __init__(self, size: float = 8.0, outline: float = 0.6, hover_size: float = 13.0):
        super().__init__()
        self.size, self.outline, self.hover_size = float(size), float(outline), float(hover_size)
        self.points = np.zeros((0, 2), np.float64)
        self.classes = np.zeros(0, np.int64)
        self.indices = np.zeros(0, np.int64)
        self.colours: list[str] = []
        self._atlas: tuple | None = None  # (colours, device pixel ratio, QPixmap, cell size in device px)
        self._fragments = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._hovered = -1  # row in self.points
        self._bounds: tuple | None = None
        self.setAcceptHoverEvents(True)

    # -- data -----------------------------------------------------------------------------------------
    def set_data(self, points, classes, colours, data) -> None:
        points = np.asarray(points, np.float64).reshape(-1, 2)
        self.prepareGeometryChange()
        self.points = points
        self.classes = np.asarray(classes, np.int64) % max(1, len(colours))
        self.indices = np.asarray(data, np.int64)
        self.colours = list(colours)
        finite = points[np.isfinite(points).all(axis=1)]
        self._bounds = (finite.min(axis=0), finite.max(axis=0)) if len(finite) else None
        self._hovered = -1
        self.update()

    def clear(self) -> None:
        self.set_data(np.zeros((0, 2)), np.zeros(0, np.int64), [], np.zeros(0, np.int64))

    # -- geometry (what ViewBox.autoRange and the scene ask) -------------------------------------------
    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):
        if self._bounds is None:
            return (None, None)
        if orthoRange is None and frac >= 1.0:
            return (float(self._bounds[0][ax]), float(self._bounds[1][ax]))
        d, other = self.points[:, ax], self.points[:, 1 - ax]
        keep = np.isfinite(d)
        if orthoRange is not None:
            keep &= (other >= orthoRange[0]) & (other <= orthoRange[1])
        d = d[keep]
        if not len(d):
            return (None, None)
        if frac >= 1.0:
            return (float(d.min()), float(d.max()))
        lo, hi = np.percentile(d, [50 * (1 - frac), 50 * (1 + frac)])
        return (float(lo), float(hi))

    def pixelPadding(self) -> float:
        return self.hover_size / 2 + 2

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            return QRectF()
        (x0, y0), (x1, y1) = self._bounds
        px, py = self.pixelWidth() or 0.0, self.pixelHeight() or 0.0
        pad = self.pixelPadding()
        return QRectF(x0 - pad * px, y0 - pad * py, x1 - x0 + 2 * pad * px, y1 - y0 + 2 * pad * py)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()  # the padding is in screen pixels
        super().viewTransformChanged()

    # -- painting -------------------------------------------------------------------------------------
    def _dot(self, p: QPainter, centre: QPointF, diameter: float, colour: str, pen: QPen, k: int) -> None:
        """Class k's marker (gui/markers.py: its shape as well as its colour tells the class)."""
        p.setPen(pen)
        p.setBrush(QBrush(QColor(colour)))
        p.save()
        p.translate(centre)
        p.drawPath(marker_path(marker_for(k), diameter * 1.15))
        p.restore()

    def _atlas_for(self, dpr: float) -> tuple:
        """One pixmap with a dot per class, side by side, rendered at the screen's pixel ratio."""
        if self._atlas is None or self._atlas[0] != self.colours or self._atlas[1] != dpr:
            cell = int(math.ceil((self.size * 1.25 + 2 * self.outline + 2) * dpr))  # a star's points too
            pm = QPixmap(cell * max(1, len(self.colours)), cell)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.scale(dpr, dpr)
            pen = QPen(QColor(OUTLINE_COLOUR), self.outline)
            half = cell / dpr / 2
            for k, colour in enumerate(self.colours):
                self._dot(p, QPointF(k * cell / dpr + half, half), self.size, colour, pen, k)
            p.end()
            self._atlas = (list(self.colours), dpr, pm, cell)
        return self._atlas

    def paint(self, p: QPainter, _option, widget=None) -> None:
        n = len(self.points)
        if not n or not self.colours:
            return
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        _c, _d, pixmap, cell = self._atlas_for(dpr)
        xy = fn.transformCoordinates(p.transform(), self.points.T).T  # device pixels
        p.save()
        p.resetTransform()
        self._fragments.resize(n)
        frags = self._fragments.ndarray()
        frags[:, 0:2] = np.clip(xy, -(2.0**30), 2.0**30)  # target centre (Qt misbehaves far outside)
        frags[:, 2] = self.classes * cell  # source rect: this class's dot in the atlas
        frags[:, 3] = 0
        frags[:, 4:6] = cell
        frags[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]  # scale x, scale y, rotation, opacity
        p.drawPixmapFragments(*self._fragments.drawargs(), pixmap)
        if 0 <= self._hovered < n:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            k = int(self.classes[self._hovered])
            self._dot(p, QPointF(*xy[self._hovered]), self.hover_size, self.colours[k],
                      QPen(QColor(HOVER_PEN), 1.5), k)
        p.restore()

    # -- mouse ----------------------------------------------------------------------------------------
    def row_at(self, pos: QPointF) -> int:
        """Row of the topmost (last drawn) dot whose disc contains `pos` (item coordinates), or -1."""
        px, py = self.pixelWidth(), self.pixelHeight()
        if not len(self.points) or not px or not py:
            return -1
        dx = (self.points[:, 0] - pos.x()) / px
        dy = (self.points[:, 1] - pos.y()) / py
        hit = np.flatnonzero(dx * dx + dy * dy <= (self.size / 2 + self.outline + 1) ** 2)
        return int(hit[-1]) if len(hit) else -1

    def hoverEvent(self, ev) -> None:
        row = -1 if ev.exit else self.row_at(ev.pos())
        if row != self._hovered:
            self._hovered = row
            self.update()
            self.sigHovered.emit(int(self.indices[row]) if row >= 0 else -1)

    def mouseClickEvent(self, ev) -> None:
        row = self.row_at(ev.pos()) if ev.button() == Qt.MouseButton.LeftButton else -1
        if row < 0:
            ev.ignore()
            return
        ev.accept()
        self.sigClicked.emit(int(self.indices[row]))
