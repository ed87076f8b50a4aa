"""The gallery: thumbnails of every drawing, filterable by class, smooth at 50,000 drawings.

Model/view, with no Python loop over the drawings on the GUI thread:

- `DrawingListModel` (a QAbstractListModel) holds every drawing and its labels as a `LabelIndex` (NumPy
  codes, gui/core/labels.py). A thumbnail is drawn only when the view asks for it (only visible rows are
  asked: uniform item sizes, batched layout), straight from the stroke arrays into a QPolygonF (no Python
  loop over points), onto a per-class frame drawn once (white tile, class colour bar and marker), and kept
  in a bounded cache. Drawing takes at most RENDER_BUDGET_S per turn of the event loop: a row asked for
  beyond that shows its class's frame and is drawn at the next turn (the view is told with dataChanged),
  so a jump into 50,000 drawings never blocks the window.
- `ShownDrawings` (what the view shows) is the list of source rows passing the filters, computed with
  NumPy (class, "Mine only", a `show_only` set): a filter change is one array operation and one O(1)
  model reset, where a QSortFilterProxyModel called Python once per row.

`Gallery` (objectName "gallery") turns user actions into requests on *source* indices:

- `deleteRequested(list)`: indices to delete (the window makes it undoable).
- `relabelRequested(list, str)`: indices and the class to move them to.
- `drawingActivated(int)`: double-click, load this drawing into the canvas.
- `undoRequested()`: Ctrl+Z in the gallery or the Undo button.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPointF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.labels import EMPTY, LabelIndex
from gui.i18n import number
from gui.markers import marker_for, marker_icon, paint_marker
from gui.text import QT_TRANSLATE_NOOP, translate

THUMB = 56  # thumbnail side in device-independent pixels
LabelRole = Qt.ItemDataRole.UserRole + 1
SourceRowRole = Qt.ItemDataRole.UserRole + 2
RENDER_BUDGET_S = 0.012  # thumbnails drawn per turn of the event loop (~60 at 0.2 ms each), then next turn
_INK = "#1f2328"


def polygon(points: np.ndarray) -> QPolygonF:
    """A QPolygonF of an (n, 2) array, filled in one NumPy copy (QPointF is two doubles)."""
    n = len(points)
    poly = QPolygonF()
    poly.resize(n)
    if n:
        buf = np.frombuffer(shiboken6.VoidPtr(poly.data(), n * 16, True), dtype=np.float64)
        buf[:] = np.asarray(points, dtype=np.float64)[:, :2].ravel()
    return poly


def thumbnail_frame(color: str, size: int = THUMB, dpr: float = 1.0, marker: str | None = None) -> QPixmap:
    """A thumbnail without its strokes: white, a bar in the class colour along the bottom and the class's
    marker (gui/markers.py) in the bottom-left corner. Drawn once per class (cached); also what a row
    shows for the moment while its strokes wait for the next turn of the event loop."""
    return QPixmap.fromImage(_frame_image(color, size, dpr, marker))


@lru_cache(maxsize=64)
def _frame_image(color: str, size: int, dpr: float, marker: str | None) -> QImage:
    """The frame as a QImage (kept in the cache: a QImage, unlike a QPixmap, may outlive the application)."""
    px = max(1, round(size * dpr))
    pm = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
    pm.setDevicePixelRatio(dpr)
    pm.fill(QColor("#ffffff"))
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(QColor(color), 3.0))
    p.drawLine(QPointF(0, size - 1.5), QPointF(size, size - 1.5))  # class colour bar
    if marker is not None:
        mark = max(7.0, size * 0.16)
        paint_marker(p, marker, QPointF(mark / 2 + 1, size - 3 - mark / 2), mark, color)
    p.end()
    return pm


def render_thumbnail(
    strokes: Sequence[np.ndarray], color: str, size: int = THUMB, dpr: float = 1.0, marker: str | None = None
) -> QPixmap:
    """Draw strokes fitted into a size×size tile (aspect kept), dark ink, with a bar in the class colour and
    the class's marker (gui/markers.py) in the bottom-left corner, so the class shows in shape too."""
    pm = thumbnail_frame(color, size, dpr, marker)  # the cached frame, copied once
    pts = [np.asarray(s)[:, :2] for s in strokes if len(s)]
    if not pts:
        return pm
    allp = np.concatenate(pts) if len(pts) > 1 else pts[0]
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    extent = float(max(hi[0] - lo[0], hi[1] - lo[1], 1e-6))
    scale = (size - 12.0) / extent
    off = np.array([size / 2.0, (size - 3) / 2.0]) - (lo + hi) / 2.0 * scale
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(QColor(_INK), 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    for s in pts:
        q = s * scale + off
        if len(q) == 1:
            p.drawPoint(QPointF(q[0, 0], q[0, 1]))
        else:
            p.drawPolyline(polygon(q))
    p.end()
    return pm


class DrawingListModel(QAbstractListModel):
    """Every drawing as a row: DisplayRole is empty (the thumbnail says it), ToolTipRole the label.
    The view sees it through `ShownDrawings`."""

    CACHE_LIMIT = 3000  # thumbnails kept (~3000 × 56² × 4 B ≈ 38 MB at most; usually far fewer)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._drawings: list = []  # the rows' drawings (a copy of the list; strokes and label read per row)
        self._labels: LabelIndex = EMPTY
        self._colors: dict[str, str] = {}
        self._markers: dict[str, str] = {}  # class -> its marker, by its place in the class list
        self._cache: OrderedDict[tuple, QPixmap] = OrderedDict()
        self.dpr = 1.0
        self.render_budget_s = RENDER_BUDGET_S
        self._spent = 0.0  # seconds spent drawing thumbnails in this turn of the event loop
        self._drawn = 0  # thumbnails drawn in this turn
        self._deferred: set[int] = set()  # rows shown as a frame this turn, drawn at the next
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._next_turn)

    @property
    def labels(self) -> LabelIndex:
        """The rows' labels as NumPy codes."""
        return self._labels

    def set_drawings(self, drawings: Sequence, colors: dict[str, str],
                     labels: LabelIndex | None = None) -> None:
        """Replace the rows with these drawings (objects with `strokes` and `label`); `labels`: their
        `LabelIndex` when the caller has it (else made here)."""
        drawings = list(drawings)  # one copy: 50,000 rows in a millisecond, nothing per drawing
        if labels is None or len(labels) != len(drawings):
            labels = LabelIndex.of(drawings)
        self.beginResetModel()
        self._drawings = drawings
        self._labels = labels
        self._deferred.clear()
        self._colors = dict(colors)
        self._markers = {name: marker_for(i) for i, name in enumerate(self._colors)}
        self.endResetModel()

    def append_drawing(self, drawing) -> None:
        n = len(self._drawings)
        self.beginInsertRows(QModelIndex(), n, n)
        self._drawings.append(drawing)
        self._labels = self._labels.appended([drawing.label])
        self.endInsertRows()

    def set_colors(self, colors: dict[str, str]) -> None:
        if list(dict(colors).items()) == list(self._colors.items()):  # in order: markers go by place
            return  # unchanged (every added drawing passes the classes again): nothing to repaint
        self._colors = dict(colors)
        self._markers = {name: marker_for(i) for i, name in enumerate(self._colors)}
        if self._drawings:
            self.dataChanged.emit(self.index(0), self.index(len(self._drawings) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drawings)

    def label(self, row: int) -> str:
        return self._drawings[row].label

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.row_data(index.row(), role)

    def row_data(self, row: int, role):
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(row)
        if role == LabelRole:
            return self._drawings[row].label
        if role == SourceRowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            n = len(self._drawings[row].strokes)
            plural = "s" if n != 1 else ""
            return translate(
                "Gallery",
                "#{value}: {value2} ({n} stroke{plural})\nDouble-click to open it",
            ).format(value=row + 1, value2=self._drawings[row].label, n=n, plural=plural)
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(THUMB + 6, THUMB + 6)
        return None

    def is_drawn(self, row: int) -> bool:
        """True when row's thumbnail is drawn and cached (not shown as its frame for the moment)."""
        return self._key(row) in self._cache

    def _key(self, row: int) -> tuple:
        d = self._drawings[row]
        color = self._colors.get(d.label, "#7f7f7f")
        return (id(d.strokes), color, self._markers.get(d.label))

    def _thumbnail(self, row: int) -> QPixmap:
        key = self._key(row)
        pm = self._cache.get(key)
        if pm is not None:
            self._cache.move_to_end(key)
            return pm
        _id, color, marker = key
        if self._drawn and self._spent >= self.render_budget_s:  # enough for this turn (at least one is
            # drawn per turn): the frame now, the strokes at the next turn
            self._deferred.add(row)
            self._turn.start()
            return thumbnail_frame(color, THUMB, self.dpr, marker)
        t0 = time.perf_counter()
        pm = render_thumbnail(self._drawings[row].strokes, color, THUMB, self.dpr, marker)
        self._spent += time.perf_counter() - t0
        self._drawn += 1
        self._turn.start()  # the budget starts again at the next turn of the event loop
        self._cache[key] = pm
        if len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)
        return pm

    def _next_turn(self) -> None:
        self._spent, self._drawn = 0.0, 0
        rows, self._deferred = sorted(self._deferred), set()
        n = len(self._drawings)
        for first, last in _runs([r for r in rows if r < n]):  # the view asks again for those it shows
            self.dataChanged.emit(self.index(first), self.index(last), [Qt.ItemDataRole.DecorationRole])


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


class ShownDrawings(QAbstractListModel):
    """The rows the view shows: the source rows (dataset positions) that pass the filters, in order, as
    a NumPy array. Filters: one class (`set_label`), the rows from `set_first_row` on ("Mine only": the
    read-only base comes first), and a chosen set (`set_rows`, e.g. one confusion-matrix cell).

    `mapToSource` / `mapFromSource` translate indices as a proxy model's do."""

    def __init__(self, source: DrawingListModel, parent=None):
        super().__init__(parent)
        self._source = source
        self._label: str | None = None
        self._rows: frozenset[int] | None = None
        self._rows_array: np.ndarray | None = None
        self._first_row = 0
        self._shown = np.zeros(0, dtype=np.intp)
        source.modelReset.connect(self._refilter)
        source.rowsInserted.connect(self._source_inserted)
        source.dataChanged.connect(self._source_changed)

    def sourceModel(self) -> DrawingListModel:
        return self._source

    # -- the filters --------------------------------------------------------------------------------

    def set_label(self, label: str | None) -> None:
        self._label = label
        self._refilter()

    def set_rows(self, rows: Sequence[int] | None) -> None:
        if rows is None:
            self._rows, self._rows_array = None, None
        else:
            self._rows = frozenset(int(r) for r in rows)
            self._rows_array = np.array(sorted(self._rows), dtype=np.intp)
        self._refilter()

    def set_first_row(self, row: int) -> None:
        if row != self._first_row:
            self._first_row = int(row)
            self._refilter()

    @property
    def rows(self) -> frozenset[int] | None:
        return self._rows

    def shown_rows(self) -> np.ndarray:
        """The source rows shown, in order (read-only)."""
        return self._shown

    def _compute(self, n: int) -> np.ndarray:
        keep = np.ones(n, dtype=bool)
        keep[: min(self._first_row, n)] = False
        if self._label is not None:
            keep &= self._source.labels.mask(self._label)[:n]
        if self._rows_array is not None:
            chosen = np.zeros(n, dtype=bool)
            chosen[self._rows_array[self._rows_array < n]] = True
            keep &= chosen
        shown = np.flatnonzero(keep)
        shown.setflags(write=False)
        return shown

    def _refilter(self, *_args) -> None:
        self.beginResetModel()
        self._shown = self._compute(self._source.rowCount())
        self.endResetModel()

    def _source_inserted(self, _parent, first: int, last: int) -> None:
        n = self._source.rowCount()
        passing, k = self._compute(n), len(self._shown)
        if last != n - 1 or len(passing) < k or (k and passing[k - 1] != self._shown[-1]):
            self._refilter()  # not an append at the end: show the rows again from scratch
        elif len(passing) > k:  # rows added at the end that pass the filters: the view keeps its place
            self.beginInsertRows(QModelIndex(), k, len(passing) - 1)
            self._shown = passing
            self.endInsertRows()

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        lo = int(np.searchsorted(self._shown, top.row()))
        hi = int(np.searchsorted(self._shown, bottom.row(), side="right")) - 1
        if lo <= hi:
            self.dataChanged.emit(self.index(lo), self.index(hi), list(roles))

    # -- the model ----------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        return self._source.row_data(int(self._shown[index.row()]), role)

    def mapToSource(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid() or index.row() >= len(self._shown):
            return QModelIndex()
        return self._source.index(int(self._shown[index.row()]))

    def mapFromSource(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        i = int(np.searchsorted(self._shown, index.row()))
        if i < len(self._shown) and self._shown[i] == index.row():
            return self.index(i)
        return QModelIndex()


class Gallery(QWidget):
    """See the module docstring."""

    deleteRequested = Signal(list)
    relabelRequested = Signal(list, str)
    drawingActivated = Signal(int)
    undoRequested = Signal()

    ALL = QT_TRANSLATE_NOOP("Gallery", "All classes")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gallery")
        self.model = DrawingListModel(self)
        self.proxy = ShownDrawings(self.model, self)  # the rows passing the filters (NumPy)
        self.view = QListView(self)
        self.view.setObjectName("galleryView")
        self.view.setModel(self.proxy)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(500)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.setGridSize(QSize(THUMB + 8, THUMB + 8))
        self.view.setSpacing(0)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalScrollBar().setSingleStep(THUMB // 2)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._activated)
        self.view.setToolTip("")

        self.filter_combo = QComboBox()
        self.filter_combo.setToolTip(translate("Gallery", "Show only the drawings of one class"))
        self.filter_combo.addItem(translate("Gallery", self.ALL))
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.mine_check = QCheckBox(translate("Gallery", "Mine only"))
        self.mine_check.setToolTip(
            translate(
                "Gallery",
                "Show only your own drawings, not the read-only starter set (or class folder) shown with "
                "them",
            )
        )
        self.mine_check.toggled.connect(self._mine_toggled)
        self.mine_check.hide()
        self._base_count = 0
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        self.relabel_button = QToolButton(text=translate("Gallery", "Move to ▾"))
        self.relabel_button.setToolTip(translate("Gallery", "Move the selected drawings to another class"))
        self.relabel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.relabel_menu = QMenu(self.relabel_button)
        self.relabel_button.setMenu(self.relabel_menu)
        self.delete_button = QToolButton(text=translate("Gallery", "Delete"))
        self.delete_button.setToolTip(
            translate("Gallery", "Delete the selected drawings (Del); Undo brings them back")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QToolButton(text=translate("Gallery", "Undo"))
        self.undo_button.setToolTip(
            translate("Gallery", "Undo the last delete or move (Ctrl+Z in the gallery)")
        )
        self.undo_button.clicked.connect(self.undoRequested)
        self.undo_button.setEnabled(False)
        for b in (self.relabel_button, self.delete_button, self.undo_button):
            b.setAutoRaise(True)

        # Del / Backspace delete, Ctrl+Z undoes, while the gallery has the keyboard (Ctrl+A is the view's own)
        self.view.installEventFilter(self)

        # shown while the gallery is limited to a chosen set of drawings (e.g. one confusion-matrix cell)
        self.only_label = QLabel()
        self.show_all_button = QToolButton(text=translate("Gallery", "Show all"))
        self.show_all_button.setToolTip(translate("Gallery", "Show every drawing again"))
        self.show_all_button.clicked.connect(self.show_all)
        self.only_bar = QWidget()
        bar = QHBoxLayout(self.only_bar)
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.only_label, 1)
        bar.addWidget(self.show_all_button)
        self.only_bar.setStyleSheet("background: palette(alternate-base);")
        self.only_bar.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_combo)
        top.addWidget(self.mine_check)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.relabel_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.only_bar)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._classes: list[str] = []
        self._update_buttons()

    # -- API ----------------------------------------------------------------------------------------

    def set_drawings(self, drawings: Sequence, classes: Sequence[tuple[str, str]],
                     labels: LabelIndex | None = None) -> None:
        """Show these drawings; classes as (name, colour) for the filter and the colour bars; `labels`:
        the drawings' `LabelIndex` when the caller has it (DatasetState.label_index()), else made here.

        A `show_only` set stays while the number of drawings is unchanged (a relabel in place); when
        drawings were added or deleted its row numbers no longer mean the same drawings, so it is lifted."""
        if self.proxy.rows is not None and len(drawings) != self.model.rowCount():
            self.show_all()
        self.model.dpr = self.devicePixelRatioF()
        self.model.set_drawings(drawings, dict(classes), labels)
        self.set_classes(classes)
        self._update_count()

    def set_base_count(self, n: int) -> None:
        """The first `n` drawings are the read-only base (starter set); "Mine only" hides them."""
        self._base_count = int(n)
        self.mine_check.setVisible(n > 0)
        self.proxy.set_first_row(n if self.mine_check.isChecked() else 0)
        self._update_count()

    def _mine_toggled(self, checked: bool) -> None:
        self.proxy.set_first_row(self._base_count if checked else 0)
        self._update_count()

    def append_drawing(self, drawing) -> None:
        """One drawing added at the end (cheap: no reset, the view keeps its scroll position)."""
        self.model.append_drawing(drawing)
        self._update_count()

    def set_classes(self, classes: Sequence[tuple[str, str]]) -> None:
        names = [n for n, _ in classes]
        self.model.set_colors(dict(classes))
        if names != self._classes:
            self._classes = names
            current = self.filter_combo.currentText()
            self.filter_combo.blockSignals(True)
            self.filter_combo.clear()
            self.filter_combo.addItem(translate("Gallery", self.ALL))
            self.filter_combo.addItems(names)
            i = self.filter_combo.findText(current)
            self.filter_combo.setCurrentIndex(max(0, i))
            self.filter_combo.blockSignals(False)
            self._filter_changed()
            self.relabel_menu.clear()
            for n in names:
                self.relabel_menu.addAction(n, lambda n=n: self._relabel_selected(n))
        # each class's marker and colour beside its name: the key to the thumbnails' corner marks
        for i, (_name, colour) in enumerate(classes):
            icon = marker_icon(colour, marker_for(i))
            self.filter_combo.setItemIcon(i + 1, icon)
            self.relabel_menu.actions()[i].setIcon(icon)

    def set_undo_available(self, available: bool, text: str = "") -> None:
        self.undo_button.setEnabled(available)
        self.undo_button.setToolTip(
            translate("Gallery", "Undo {text} (Ctrl+Z in the gallery)").format(
                text=text,
            ) if available else translate("Gallery", "Nothing to undo")
        )

    def selected_rows(self) -> list[int]:
        """Selected drawings as source indices (positions in the dataset), sorted."""
        shown = self.proxy.shown_rows()
        picked = np.zeros(len(shown), dtype=bool)
        for r in self.view.selectionModel().selection():  # ranges: Ctrl+A over 50,000 rows is one
            picked[r.top():r.bottom() + 1] = True
        return [int(i) for i in shown[picked]]

    def select_rows(self, rows: Sequence[int]) -> None:
        sel = self.view.selectionModel()
        shown = self.proxy.shown_rows()
        want = np.unique(np.asarray(list(rows), dtype=np.intp))
        at = np.searchsorted(shown, want)
        ok = at < len(shown)
        at = at[ok][shown[at[ok]] == want[ok]]  # the shown positions of the rows that are shown
        selection = QItemSelection()
        for first, last in _runs(at.tolist()):
            selection.select(self.proxy.index(first), self.proxy.index(last))
        sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def show_only(self, rows: Sequence[int], description: str = "") -> None:
        """Show exactly these drawings (dataset positions), of every class, until `show_all`."""
        rows = sorted({int(r) for r in rows})
        self.filter_combo.setCurrentIndex(0)
        self.proxy.set_rows(rows)
        n = len(rows)
        what = translate("Gallery", "{n} drawing{value}").format(n=n, value='s' if n != 1 else '') + (
            f": {description}" if description else ""
        )
        self.only_label.setText(translate("Gallery", "Showing only {what}").format(what=what))
        self.only_bar.show()
        self._update_count()

    def show_all(self) -> None:
        """Lift a `show_only` limit."""
        self.proxy.set_rows(None)
        self.only_bar.hide()
        self._update_count()

    def shown_rows(self) -> list[int]:
        """The dataset positions of the drawings the gallery shows now, in order."""
        return [int(r) for r in self.proxy.shown_rows()]

    def set_filter(self, label: str | None) -> None:
        i = self.filter_combo.findText(label) if label else 0
        self.filter_combo.setCurrentIndex(max(0, i))

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.deleteRequested.emit(rows)

    # -- internals ----------------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.currentIndex().isValid():
            self._activated(self.view.currentIndex())  # Enter opens it, as a double-click does
            return True
        if obj is self.view and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            handled = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or event.matches(
                QKeySequence.StandardKey.Undo
            )
            if handled:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    if event.matches(QKeySequence.StandardKey.Undo):
                        self.undoRequested.emit()
                    else:
                        self.delete_selected()
                return True
        return super().eventFilter(obj, event)

    def _relabel_selected(self, label: str) -> None:
        rows = self.selected_rows()
        if rows:
            self.relabelRequested.emit(rows, label)

    def _filter_changed(self, *_args) -> None:
        text = self.filter_combo.currentText()
        self.proxy.set_label(None if text in ("", translate("Gallery", self.ALL)) else text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = translate("Gallery", "{total} drawings").format(total=number(total))
        else:
            text = translate("Gallery", "{shown} of {total} drawings")
            text = text.format(shown=number(shown), total=number(total))
        if self._base_count:
            text += translate("Gallery", " ({value} yours)").format(value=total - self._base_count)
        self.count_label.setText(text)

    def _update_buttons(self, *_args) -> None:
        any_selected = self.view.selectionModel().hasSelection()
        self.delete_button.setEnabled(any_selected)
        self.relabel_button.setEnabled(any_selected)

    def _activated(self, index: QModelIndex) -> None:
        self.drawingActivated.emit(self.proxy.mapToSource(index).row())

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isSelected(index):
            self.view.selectionModel().select(index, self.view.selectionModel().SelectionFlag.ClearAndSelect)
        rows = self.selected_rows()
        if not rows:
            return
        menu = QMenu(self)
        if len(rows) == 1:
            menu.addAction(
                translate("Gallery", "Open in canvas"), lambda: self.drawingActivated.emit(rows[0])
            )
        move = menu.addMenu(translate("Gallery", "Move {value} to").format(value=len(rows)))
        for n in self._classes:
            move.addAction(n, lambda n=n: self._relabel_selected(n))
        menu.addAction(translate("Gallery", "Delete {value}").format(value=len(rows)), self.delete_selected)
        menu.popup(self.view.viewport().mapToGlobal(pos))
