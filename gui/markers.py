"""One marker shape per class, so that colour is never the only cue for a class.

A class keeps its shape by its place in the class list (key order, the same order as its colour): the
first class is drawn with a square, the second with a triangle, then a circle, a diamond, a star, a plus,
a cross, a downward triangle and a hexagon, and round again. The palette's buttons, the prediction bars,
the gallery's thumbnails, the analysis window's dots and thumbnails, and their legends all use it.

`marker_for(index)` is the shape's name, `marker_path(name, size)` its outline (centred on 0, 0),
`paint_marker(painter, name, centre, size, colour)` draws it filled with a darker outline, `marker_icon`
is an icon of it and `MARKER_TEXT[name]` a character for rich text (legends).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

MARKERS = ("square", "triangle", "circle", "diamond", "star", "plus", "cross", "triangle_down", "hexagon")
MARKER_TEXT = {
    "square": "■", "triangle": "▲", "circle": "●", "diamond": "◆", "star": "★", "plus": "✚",
    "cross": "✖", "triangle_down": "▼", "hexagon": "⬢",
}


def marker_for(index: int) -> str:
    """The marker of the class at `index` in the class list."""
    return MARKERS[int(index) % len(MARKERS)]


def _polygon(points) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _regular(corners: int, radius: float, turn: float = -math.pi / 2) -> list[tuple[float, float]]:
    angles = [turn + 2 * math.pi * k / corners for k in range(corners)]
    return [(radius * math.cos(a), radius * math.sin(a)) for a in angles]


def marker_path(name: str, size: float) -> QPainterPath:
    """The outline of marker `name`, about `size` across, centred on (0, 0) (y grows downwards)."""
    r = size / 2.0
    if name == "square":
        s = r * 0.86
        return _polygon([(-s, -s), (s, -s), (s, s), (-s, s)])
    if name == "circle":
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), r * 0.95, r * 0.95)
        return path
    if name == "triangle":
        return _polygon([(x, y + r * 0.15) for x, y in _regular(3, r * 1.1)])
    if name == "triangle_down":
        return _polygon([(x, y - r * 0.15) for x, y in _regular(3, r * 1.1, math.pi / 2)])
    if name == "diamond":
        return _polygon([(0, -r), (r * 0.8, 0), (0, r), (-r * 0.8, 0)])
    if name == "star":
        outer, inner = _regular(5, r * 1.05), _regular(5, r * 0.45, -math.pi / 2 + math.pi / 5)
        return _polygon([p for pair in zip(outer, inner, strict=True) for p in pair])
    if name == "hexagon":
        return _polygon(_regular(6, r, 0.0))
    if name in ("plus", "cross"):
        a, b = r * 0.95, r * 0.34
        arms = [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b), (-a, b),
                (-a, -b), (-b, -b)]
        if name == "cross":
            c = math.cos(math.pi / 4)
            arms = [(c * (x - y), c * (x + y)) for x, y in arms]
        return _polygon(arms)
    raise ValueError(f"unknown marker {name!r}; one of {', '.join(MARKERS)}")


def paint_marker(painter: QPainter, name: str, centre: QPointF, size: float, colour: str,
                 outline: str | None = None, outline_width: float = 1.0) -> None:
    """Marker `name` filled with `colour` at `centre`, with an outline (a darker shade of the colour by
    default) so that light colours stay visible on white."""
    path = marker_path(name, size)  # an unknown name raises here, before the painter's state is changed
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    fill = QColor(colour)
    painter.setPen(QPen(QColor(outline) if outline else fill.darker(150), outline_width))
    painter.setBrush(fill)
    painter.translate(centre)
    painter.drawPath(path)
    painter.restore()


def marker_pixmap(colour: str, name: str, size: int = 14, dpr: float = 1.0) -> QPixmap:
    px = max(1, round(size * dpr))
    pm = QPixmap(px, px)
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    try:
        paint_marker(painter, name, QPointF(size / 2.0, size / 2.0), size - 2.0, colour)
    finally:
        painter.end()  # never leave a painter active on a pixmap that may be freed before it
    return pm


def marker_icon(colour: str, name: str, size: int = 14) -> QIcon:
    """An icon of marker `name` in `colour` (for buttons, menus and list items)."""
    icon = QIcon(marker_pixmap(colour, name, size))
    icon.addPixmap(marker_pixmap(colour, name, size, 2.0))
    return icon
