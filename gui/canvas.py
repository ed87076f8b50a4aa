"""The drawing canvas: smooth anti-aliased strokes kept as point lists with times.

`DrawingCanvas` (objectName "canvas") takes ordinary left-button mouse press/move/release, pen-tablet
events (with sub-pixel positions) and touch (through Qt's mouse synthesis). A drawing is a list of strokes;
each stroke is an (n, 3) float64 array of x, y, t: x and y in a square logical space of 256 units (so the
drawing does not depend on the widget's size), t in milliseconds since the drawing's first point — the raw
Quick, Draw! form.

Keys, with the canvas focused: 1–9 ask to add the drawing to class 1–9; Esc clears; Ctrl+Z undoes the last
stroke (or the clear); Ctrl+Shift+Z / Ctrl+Y redoes; S, T and C put a template square, triangle or circle
on the canvas (a drawing made without a mouse: `place_template`).

Signals carry plain data:
- `strokesChanged()`: the drawing changed (also on every pen move); read it with `strokes()`.
- `addRequested(int)`: a digit key was pressed; the 0-based class index.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.panels._common import zoom_of
from gui.text import translate

LOGICAL_SIZE = 256.0
TEMPLATE_KEYS = {Qt.Key.Key_S: "square", Qt.Key.Key_T: "triangle", Qt.Key.Key_C: "circle"}
TEMPLATE_RADIUS = 80.0  # logical units: the template spans 160 of the canvas's 256
TEMPLATE_MS_PER_UNIT = 2.0  # the template's times: as if drawn at 0.5 logical units per millisecond


def template_stroke(kind: str) -> np.ndarray:
    """One closed stroke (n, 3) [x, y, t] of a square, triangle or circle centred on the logical canvas,
    a point every ~4 units, t in milliseconds as if drawn at a steady speed."""
    c, r = LOGICAL_SIZE / 2.0, TEMPLATE_RADIUS
    if kind == "circle":
        a = np.linspace(0.0, 2.0 * np.pi, 126)
        corners = np.stack([c + r * np.cos(a), c + r * np.sin(a)], axis=1)
    else:
        if kind == "square":
            angles = np.radians([-135.0, -45.0, 45.0, 135.0])
            scale = r * np.sqrt(2.0)
        elif kind == "triangle":
            angles = np.radians([-90.0, 30.0, 150.0])
            scale = r
        else:
            raise ValueError(
                translate("Canvas", "no template for {kind!r}: square, triangle or circle").format(kind=kind)
            )
        ring = np.stack([c + scale * np.cos(angles), c + scale * np.sin(angles)], axis=1)
        ring = np.vstack([ring, ring[:1]])
        pieces = []
        for a, b in zip(ring[:-1], ring[1:], strict=True):
            n = max(2, int(np.hypot(*(b - a)) / 4.0))
            pieces.append(a + (b - a) * np.linspace(0.0, 1.0, n, endpoint=False)[:, None])
        corners = np.vstack([*pieces, ring[-1:]])
    steps = np.hypot(*np.diff(corners, axis=0).T)
    t = np.concatenate([[0.0], np.cumsum(steps)]) * TEMPLATE_MS_PER_UNIT
    stroke = np.column_stack([corners, t]).astype(np.float64)
    stroke.setflags(write=False)
    return stroke  # the side of the square logical drawing space
INK = QColor("#1f2328")
PAPER = QColor("#ffffff")
FRAME = QColor("#c9ced6")
HINT = QColor("#8b949e")


def _stroke_path(points: np.ndarray, to_screen) -> QPainterPath:
    """The stroke as drawn line segments (what the rasterizer draws too, so the screen tells the truth);
    anti-aliasing, round caps and joins and the dense pen samples make it smooth. One point is a dot."""
    path = QPainterPath()
    if len(points) == 0:
        return path
    first = to_screen(points[0][0], points[0][1])
    path.moveTo(first)
    if len(points) == 1:
        path.lineTo(first + QPointF(0.01, 0.01))  # a dot: a tiny segment drawn with a round cap
        return path
    for p in points[1:]:
        path.lineTo(to_screen(p[0], p[1]))
    return path


class DrawingCanvas(QWidget):
    """A square drawing area; see the module docstring."""

    strokesChanged = Signal()
    addRequested = Signal(int)
    undoAvailable = Signal(bool)
    redoAvailable = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setMouseTracking(False)
        self.setMinimumSize(180, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(
            translate("Canvas", "Draw a shape here with the mouse, a pen or a finger.\n"
            "Then press 1–9 (or click a class) to add it to that class.\n"
            "Esc clears · Ctrl+Z undoes the last stroke · Ctrl+Shift+Z redoes\n"
            "No mouse? S, T or C puts a template square, triangle or circle here")
        )
        self._strokes: list[np.ndarray] = []  # finished strokes, (n, 3) read-only arrays
        self._current: list[tuple[float, float, float]] | None = None
        self._undo: list[list[np.ndarray]] = []
        self._redo: list[list[np.ndarray]] = []
        self._t0: float | None = None  # time.perf_counter() of the drawing's first point
        self._pen_width = 6.0  # in logical units (the model's input does not depend on it)
        self._cache: QPixmap | None = None  # finished strokes, rendered once
        # the stroke being drawn as a screen path, grown one point per pen move (a repaint of the newest
        # segment's rectangle then costs no Python loop over the stroke's points); None: made at the next
        # paint
        self._current_path: QPainterPath | None = None
        self._current_path_points = 0  # points of self._current in it
        self._tablet_down = False

    # -- public API ---------------------------------------------------------------------------------

    def strokes(self) -> list[np.ndarray]:
        """The drawing as (n, 3) float64 arrays [x, y, t], including a stroke still being drawn."""
        out = list(self._strokes)
        if self._current:
            out.append(np.array(self._current, dtype=np.float64))
        return out

    def is_empty(self) -> bool:
        return not self._strokes and not self._current

    def set_strokes(self, strokes: Sequence[np.ndarray]) -> None:
        """Load a drawing (e.g. from the gallery): scaled to fit the canvas with a margin (undoable)."""
        strokes = [np.asarray(s, dtype=np.float64) for s in strokes if len(s)]
        fitted = _fit_to_canvas(strokes)
        self._push_undo()
        self._strokes = fitted
        self._current = None
        self._t0 = None
        self._changed()

    def place_template(self, kind: str) -> None:
        """Put a template square, triangle or circle on the canvas instead of the drawing (undoable): the
        keyboard's way to draw (S, T, C with the canvas focused)."""
        stroke = template_stroke(kind)
        self._push_undo()
        self._strokes = [stroke]
        self._current = None
        self._t0 = None
        self._changed()

    def clear(self) -> None:
        """Clear the canvas (undoable with Ctrl+Z)."""
        if self.is_empty():
            return
        self._push_undo()
        self._strokes = []
        self._current = None
        self._t0 = None
        self._changed()

    def reset(self) -> None:
        """Clear after the drawing was added to a class: a fresh start, nothing to undo or redo."""
        self._strokes = []
        self._current = None
        self._t0 = None
        self._undo.clear()
        self._redo.clear()
        self._changed()

    def undo(self) -> None:
        if not self._undo:
            return
        self._redo.append(self._strokes)
        self._strokes = self._undo.pop()
        self._current = None
        self._changed()

    def redo(self) -> None:
        if not self._redo:
            return
        self._undo.append(self._strokes)
        self._strokes = self._redo.pop()
        self._current = None
        self._changed()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def pen_width(self) -> float:
        return self._pen_width

    def set_pen_width(self, width: float) -> None:
        """Stroke width on screen, in logical units (1/256 of the canvas side)."""
        self._pen_width = float(max(1.0, min(30.0, width)))
        self._cache = None
        self.update()

    # -- geometry -----------------------------------------------------------------------------------

    def _square(self) -> QRectF:
        side = max(1.0, min(self.width(), self.height()) - 2.0)
        return QRectF((self.width() - side) / 2.0, (self.height() - side) / 2.0, side, side)

    def _to_logical(self, pos: QPointF) -> tuple[float, float]:
        sq = self._square()
        s = LOGICAL_SIZE / sq.width()
        return (float(pos.x() - sq.x()) * s, float(pos.y() - sq.y()) * s)

    def _to_screen_fn(self):
        sq = self._square()
        s = sq.width() / LOGICAL_SIZE
        ox, oy = sq.x(), sq.y()
        return lambda x, y: QPointF(ox + x * s, oy + y * s)

    def zoom(self) -> float:
        """View › Zoom, read from the widget's font against the application's: strokes are drawn that much
        wider (on a projector thin lines vanish). The drawing itself does not change."""
        return zoom_of(self)

    def _screen_pen(self) -> QPen:
        pen = QPen(INK, self._pen_width * self.zoom() * self._square().width() / LOGICAL_SIZE)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def hasHeightForWidth(self) -> bool:
        return False

    # -- input --------------------------------------------------------------------------------------

    def _now_ms(self) -> float:
        now = time.perf_counter()
        if self._t0 is None:
            self._t0 = now
        return (now - self._t0) * 1000.0

    def _begin(self, pos: QPointF) -> None:
        self._push_undo()
        x, y = self._to_logical(pos)
        self._current = [(x, y, self._now_ms())]
        self._current_path = None
        self._update_tail()
        self.strokesChanged.emit()

    def _extend(self, pos: QPointF) -> None:
        if self._current is None:
            return
        x, y = self._to_logical(pos)
        lx, ly, _ = self._current[-1]
        if abs(x - lx) < 0.25 and abs(y - ly) < 0.25:
            return  # sub-pixel jitter: nothing new to draw
        self._current.append((x, y, self._now_ms()))
        self._update_tail()
        self.strokesChanged.emit()

    def _end(self, pos: QPointF | None) -> None:
        if self._current is None:
            return
        if pos is not None:
            self._extend(pos)
        stroke = np.array(self._current, dtype=np.float64)
        stroke.setflags(write=False)
        self._strokes = [*self._strokes, stroke]
        self._current = None
        self._cache = None
        self.update()
        self._emit_availability()
        self.strokesChanged.emit()

    def _update_tail(self) -> None:
        """Repaint only around the newest segment (cheap at any canvas size)."""
        pts = self._current[-3:] if self._current else []
        if not pts:
            return
        to_screen = self._to_screen_fn()
        screen = [to_screen(p[0], p[1]) for p in pts]
        xs = [p.x() for p in screen]
        ys = [p.y() for p in screen]
        margin = self._screen_pen().widthF() + 3.0
        self.update(
            QRectF(
                min(xs) - margin,
                min(ys) - margin,
                max(xs) - min(xs) + 2 * margin,
                max(ys) - min(ys) + 2 * margin,
            ).toAlignedRect()
        )

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._tablet_down:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._current is not None and not self._tablet_down:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self._current is not None
            and not self._tablet_down
        ):
            self._end(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        t = event.type()
        if t == QEvent.Type.TabletPress:
            self._tablet_down = True
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._begin(event.position())
        elif t == QEvent.Type.TabletMove and self._tablet_down:
            self._extend(event.position())
        elif t == QEvent.Type.TabletRelease and self._tablet_down:
            self._end(event.position())
            self._tablet_down = False
        event.accept()  # no synthesized mouse events: the pen's sub-pixel positions are used

    def event(self, event) -> bool:
        # Keep our keys when focused, even if a window-wide shortcut uses the same key.
        if event.type() == QEvent.Type.ShortcutOverride and self._handles_key(event):
            event.accept()
            return True
        return super().event(event)

    def _handles_key(self, event) -> bool:
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
            return True
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier and (
            Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9 or event.key() == Qt.Key.Key_Escape
            or event.key() in TEMPLATE_KEYS
        ):
            return True
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        return event.key() == Qt.Key.Key_Z and mods == ctrl_shift

    def keyPressEvent(self, event) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if event.matches(QKeySequence.StandardKey.Redo) or (key == Qt.Key.Key_Z and mods == ctrl_shift):
            self.redo()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier:
            self.clear()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and mods == Qt.KeyboardModifier.NoModifier:
            self.addRequested.emit(int(key) - int(Qt.Key.Key_1))
        elif key in TEMPLATE_KEYS and mods == Qt.KeyboardModifier.NoModifier:
            self.place_template(TEMPLATE_KEYS[key])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- painting -----------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        self._cache = None
        self._current_path = None
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: wider strokes, larger hint
            self._cache = None
            self.update()

    def _render_cache(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        pm = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pm.setDevicePixelRatio(dpr)
        pm.fill(self.palette().window().color())
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        sq = self._square()
        p.setPen(QPen(FRAME, 1.0))
        p.setBrush(PAPER)
        p.drawRoundedRect(sq.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        if not self._strokes:
            p.setPen(HINT)
            f = self.font()
            f.setPointSizeF(max(9.0, f.pointSizeF()))
            p.setFont(f)
            p.drawText(
                sq,
                Qt.AlignmentFlag.AlignCenter,
                translate("Canvas", "Draw a shape here\nthen press 1–9 to add it"),
            )
        else:
            p.setPen(self._screen_pen())
            p.setBrush(Qt.BrushStyle.NoBrush)
            to_screen = self._to_screen_fn()
            for s in self._strokes:
                p.drawPath(_stroke_path(s, to_screen))
        p.end()
        return pm

    def paintEvent(self, event) -> None:
        if self._cache is None:
            self._cache = self._render_cache()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        if self._current:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            if not self._strokes:  # cover the hint text while the first stroke is drawn
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(PAPER)
                p.setClipRect(event.rect())
                p.drawRoundedRect(self._square().adjusted(1, 1, -1, -1), 6, 6)
            p.setPen(self._screen_pen())
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(self._current_screen_path())
        p.end()

    def _current_screen_path(self) -> QPainterPath:
        """The stroke being drawn as a screen path: the points added since the last paint are appended,
        the whole path is made again only when the geometry changed (resize) or the stroke is new."""
        points = self._current or []
        path, done = self._current_path, self._current_path_points
        if path is None or done == 0 or done > len(points) or len(points) == 1:
            self._current_path = path = _stroke_path(np.asarray(points), self._to_screen_fn())
        else:
            to_screen = self._to_screen_fn()
            for x, y, _t in points[done:]:
                path.lineTo(to_screen(x, y))
        self._current_path_points = len(points)
        return path

    # -- internals ----------------------------------------------------------------------------------

    def _push_undo(self) -> None:
        self._undo.append(self._strokes)
        del self._undo[:-200]
        self._redo.clear()

    def _changed(self) -> None:
        self._cache = None
        self.update()
        self._emit_availability()
        self.strokesChanged.emit()

    def _emit_availability(self) -> None:
        self.undoAvailable.emit(bool(self._undo))
        self.redoAvailable.emit(bool(self._redo))


def _fit_to_canvas(strokes: list[np.ndarray], margin: float = 0.12) -> list[np.ndarray]:
    """Scale and centre strokes into the logical square (aspect kept); times are kept as they are."""
    if not strokes:
        return []
    pts = np.concatenate([s[:, :2] for s in strokes])
    lo = pts.min(axis=0)
    hi = pts.max(axis=0)
    extent = float(max(hi[0] - lo[0], hi[1] - lo[1], 1e-6))
    scale = LOGICAL_SIZE * (1 - 2 * margin) / extent
    centre = (lo + hi) / 2.0
    out = []
    for s in strokes:
        f = np.array(s, dtype=np.float64)
        f[:, :2] = (f[:, :2] - centre) * scale + LOGICAL_SIZE / 2.0
        if f.shape[1] == 2:
            f = np.column_stack([f, np.zeros(len(f))])
        f.setflags(write=False)
        out.append(f)
    return out


class CanvasPanel(QWidget):
    """The canvas with its small tool row: undo, redo, clear, stroke width, and a hint."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = DrawingCanvas(self)
        self.undo_button = QToolButton(
            text=translate("Canvas", "Undo"), toolTip=translate("Canvas", "Undo the last stroke (Ctrl+Z)")
        )
        self.redo_button = QToolButton(
            text=translate("Canvas", "Redo"), toolTip=translate("Canvas", "Redo (Ctrl+Shift+Z)")
        )
        self.clear_button = QToolButton(
            text=translate("Canvas", "Clear"), toolTip=translate("Canvas", "Clear the canvas (Esc)")
        )
        for b in (self.undo_button, self.redo_button, self.clear_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it; a click leaves the keys to the canvas
            b.setAutoRaise(True)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.redo_button.clicked.connect(self.canvas.redo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.canvas.undoAvailable.connect(self.undo_button.setEnabled)
        self.canvas.redoAvailable.connect(self.redo_button.setEnabled)
        self.width_slider = QSlider(Qt.Orientation.Horizontal)
        self.width_slider.setRange(2, 20)
        self.width_slider.setValue(int(self.canvas.pen_width()))
        self.width_slider.setMaximumWidth(90)
        self.width_slider.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.width_slider.setToolTip(
            translate("Canvas", "Stroke width on screen (the network always sees the same width)")
        )
        self.width_slider.valueChanged.connect(self.canvas.set_pen_width)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.setSpacing(2)
        tools.addWidget(self.undo_button)
        tools.addWidget(self.redo_button)
        tools.addWidget(self.clear_button)
        tools.addStretch(1)
        width_label = QLabel(translate("Canvas", "Width"))
        width_label.setToolTip(self.width_slider.toolTip())
        tools.addWidget(width_label)
        tools.addWidget(self.width_slider)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(tools)
