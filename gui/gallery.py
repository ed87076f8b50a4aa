"""The gallery: thumbnails of every drawing, filterable by class, smooth at 10,000 drawings.

Model/view: `DrawingListModel` (a QAbstractListModel) holds the drawings' strokes and labels; a
thumbnail is rendered with QPainter only when the view asks for it (only visible rows are asked, since the
view uses uniform item sizes and batched layout) and kept in a bounded cache. A `QSortFilterProxyModel`
filters by class and, with "Mine only", hides the read-only base drawings shown first (`set_base_count`).
`Gallery` (objectName "gallery") turns user actions into requests on *source* indices:

- `deleteRequested(list)`: indices to delete (the window makes it undoable).
- `relabelRequested(list, str)`: indices and the class to move them to.
- `drawingActivated(int)`: double-click, load this drawing into the canvas.
- `undoRequested()`: Ctrl+Z in the gallery or the Undo button.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPointF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QPixmap, QPolygonF
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

from gui.i18n import number
from gui.markers import marker_for, marker_icon, paint_marker
from gui.text import QT_TRANSLATE_NOOP, translate

THUMB = 56  # thumbnail side in device-independent pixels
LabelRole = Qt.ItemDataRole.UserRole + 1
SourceRowRole = Qt.ItemDataRole.UserRole + 2


def render_thumbnail(
    strokes: Sequence[np.ndarray], color: str, size: int = THUMB, dpr: float = 1.0, marker: str | None = None
) -> QPixmap:
    """Draw strokes fitted into a size×size tile (aspect kept), dark ink, with a bar in the class colour and
    the class's marker (gui/markers.py) in the bottom-left corner, so the class shows in shape too."""
    px = max(1, round(size * dpr))
    pm = QPixmap(px, px)
    pm.setDevicePixelRatio(dpr)
    pm.fill(QColor("#ffffff"))
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(QColor(color), 3.0))
    p.drawLine(QPointF(0, size - 1.5), QPointF(size, size - 1.5))  # class colour bar
    if marker is not None:
        mark = max(7.0, size * 0.16)
        paint_marker(p, marker, QPointF(mark / 2 + 1, size - 3 - mark / 2), mark, color)
    pts = [np.asarray(s)[:, :2] for s in strokes if len(s)]
    if pts:
        allp = np.concatenate(pts)
        lo, hi = allp.min(axis=0), allp.max(axis=0)
        extent = float(max(hi[0] - lo[0], hi[1] - lo[1], 1e-6))
        inner = size - 12.0
        scale = inner / extent
        off = np.array([size / 2.0, (size - 3) / 2.0]) - (lo + hi) / 2.0 * scale
        pen = QPen(QColor("#1f2328"), 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        for s in pts:
            q = s * scale + off
            if len(q) == 1:
                p.drawPoint(QPointF(q[0, 0], q[0, 1]))
            else:
                p.drawPolyline(QPolygonF([QPointF(float(x), float(y)) for x, y in q]))
    p.end()
    return pm


class DrawingListModel(QAbstractListModel):
    """The drawings as rows: DisplayRole is empty (the thumbnail says it), ToolTipRole the label."""

    CACHE_LIMIT = 3000  # thumbnails kept (~3000 × 56² × 4 B ≈ 38 MB at most; usually far fewer)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._strokes: list[tuple[np.ndarray, ...]] = []
        self._labels: list[str] = []
        self._colors: dict[str, str] = {}
        self._markers: dict[str, str] = {}  # class -> its marker, by its place in the class list
        self._ids: list[int] = []  # stable identity of each row's drawing, for the cache
        self._cache: OrderedDict[tuple, QPixmap] = OrderedDict()
        self.dpr = 1.0

    def set_drawings(self, drawings: Sequence, colors: dict[str, str]) -> None:
        """Replace the rows with these drawings (objects with `strokes` and `label`)."""
        self.beginResetModel()
        self._strokes = [d.strokes for d in drawings]
        self._labels = [d.label for d in drawings]
        self._ids = [id(d.strokes) for d in drawings]
        self._colors = dict(colors)
        self._markers = {name: marker_for(i) for i, name in enumerate(self._colors)}
        self.endResetModel()

    def append_drawing(self, drawing) -> None:
        n = len(self._strokes)
        self.beginInsertRows(QModelIndex(), n, n)
        self._strokes.append(drawing.strokes)
        self._labels.append(drawing.label)
        self._ids.append(id(drawing.strokes))
        self.endInsertRows()

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = dict(colors)
        self._markers = {name: marker_for(i) for i, name in enumerate(self._colors)}
        if self._strokes:
            self.dataChanged.emit(self.index(0), self.index(len(self._strokes) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._strokes)

    def label(self, row: int) -> str:
        return self._labels[row]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(row)
        if role == LabelRole:
            return self._labels[row]
        if role == SourceRowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            n = len(self._strokes[row])
            plural = "s" if n != 1 else ""
            return translate(
                "Gallery",
                "#{value}: {value2} ({n} stroke{plural})\nDouble-click to open it",
            ).format(value=row + 1, value2=self._labels[row], n=n, plural=plural)
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(THUMB + 6, THUMB + 6)
        return None

    def _thumbnail(self, row: int) -> QPixmap:
        label = self._labels[row]
        color = self._colors.get(label, "#7f7f7f")
        marker = self._markers.get(label)
        key = (self._ids[row], label, color, marker)
        pm = self._cache.get(key)
        if pm is None:
            pm = render_thumbnail(self._strokes[row], color, THUMB, self.dpr, marker)
            self._cache[key] = pm
            if len(self._cache) > self.CACHE_LIMIT:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return pm


class ClassFilter(QSortFilterProxyModel):
    """Shows the drawings of one class (or all), optionally only those in a given set of rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._label: str | None = None
        self._rows: frozenset[int] | None = None
        self._first_row = 0  # rows before this one are hidden ("mine only": the read-only base comes first)

    def _change(self, **values) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            self.__dict__.update(values)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.__dict__.update(values)
            self.invalidateFilter()

    def set_label(self, label: str | None) -> None:
        self._change(_label=label)

    def set_rows(self, rows: Sequence[int] | None) -> None:
        self._change(_rows=None if rows is None else frozenset(int(r) for r in rows))

    def set_first_row(self, row: int) -> None:
        if row != self._first_row:
            self._change(_first_row=int(row))

    @property
    def rows(self) -> frozenset[int] | None:
        return self._rows

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if source_row < self._first_row:
            return False
        if self._rows is not None and source_row not in self._rows:
            return False
        return self._label is None or self.sourceModel().label(source_row) == self._label


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
        self.proxy = ClassFilter(self)
        self.proxy.setSourceModel(self.model)
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

    def set_drawings(self, drawings: Sequence, classes: Sequence[tuple[str, str]]) -> None:
        """Show these drawings; classes as (name, colour) for the filter and the colour bars.

        A `show_only` set stays while the number of drawings is unchanged (a relabel in place); when
        drawings were added or deleted its row numbers no longer mean the same drawings, so it is lifted."""
        if self.proxy.rows is not None and len(drawings) != self.model.rowCount():
            self.show_all()
        self.model.dpr = self.devicePixelRatioF()
        self.model.set_drawings(drawings, dict(classes))
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
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedIndexes()}
        return sorted(rows)

    def select_rows(self, rows: Sequence[int]) -> None:
        sel = self.view.selectionModel()
        sel.clearSelection()
        for r in rows:
            idx = self.proxy.mapFromSource(self.model.index(r))
            if idx.isValid():
                sel.select(idx, sel.SelectionFlag.Select)

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
        return [self.proxy.mapToSource(self.proxy.index(i, 0)).row() for i in range(self.proxy.rowCount())]

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
