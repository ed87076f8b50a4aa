"""ConfusionMatrix ("confusionMatrix"): which classes the network mixes up, and on which drawings.

Rows are the true class, columns the predicted class. Each cell shows its count and the percentage of
the true class's drawings; its colour is that percentage (labelled scale). Clicking a cell emits
`showDrawings(list)` with exactly the dataset indices of the drawings in it (the gallery shows those, to
relabel or delete in place). Beside it, the most confidently wrong drawings; double-click one to open it
(`drawingRequested(int)`). Below them, the results split by drawer (when the drawings carry a "drawer"
key): each person's drawings, how many are right; clicking a row shows that person's drawings.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.markers import marker_for
from gui.panels._common import BACKGROUND, FOREGROUND, ColourBar
from gui.text import QT_TRANSLATE_NOOP, translate

from ._common import IconFiller, RenderWhenShown, SteadyWrappedLabel, drawing_pixmap, install_export_menu

DARK_SHARE = 55  # % of the true class: a cell this dark has white text
ICON_CACHE = 200  # thumbnails kept for the list of mistakes (drawings that come back after an epoch)
_SEQ = ("#ffffff", "#deebf7", "#9ecae1", "#4292c6", "#08519c", "#08306b")  # ColorBrewer Blues
SUBSETS = (
    ("validation", QT_TRANSLATE_NOOP("Confusion", "validation drawings (held out from training)")),
    ("all", QT_TRANSLATE_NOOP("Confusion", "all drawings")),
    ("test", QT_TRANSLATE_NOOP("Confusion", "the imported test set")),
)


def _cmap() -> pg.ColorMap:
    return pg.ColorMap(np.linspace(0, 1, len(_SEQ)), [pg.mkColor(c) for c in _SEQ])


class CellTexts(pg.GraphicsObject):
    """The text of every cell of a c × c matrix, drawn at cell (t, p) = row t, column p of the plot: its
    count (13 pt, bold) over its share of the true class ("41" over "82%"), white on dark cells (share
    over DARK_SHARE), centred, the same size at any zoom. One item and one paint for all the cells: as
    16 pyqtgraph TextItems, each new result laid out 16 HTML documents and every repaint called 16
    Python paint methods, each taking the interpreter lock from the training thread. `texts()` -> the
    strings drawn, row by row (tests)."""

    def __init__(self):
        super().__init__()
        self._cells: list[tuple[float, float, str, str, bool]] = []  # x, y, count, share, dark
        self._size = 0

    def set_cells(self, matrix: np.ndarray, share: np.ndarray) -> None:
        c = len(matrix)
        cells = [(p + 0.5, t + 0.5, f"{int(matrix[t, p])}", f"{share[t, p]:.0f}%",
                  bool(share[t, p] > DARK_SHARE)) for t in range(c) for p in range(c)]
        if cells == self._cells:
            return  # unchanged: not painted again
        if c != self._size:
            self.prepareGeometryChange()
            self._size = c
        self._cells = cells
        self.update()

    def texts(self) -> list[tuple[str, str]]:
        return [(count, share) for _x, _y, count, share, _dark in self._cells]

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._size, self._size)

    def paint(self, p, _option, _widget=None) -> None:
        if not self._cells:
            return
        transform = p.transform()
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        big = QFont(p.font())
        big.setPointSizeF(13)
        big.setWeight(QFont.Weight.DemiBold)
        small = QFont(p.font())
        fb, fs = QFontMetricsF(big), QFontMetricsF(small)
        height = fb.height() + fs.height()
        light, dark = QColor(FOREGROUND), QColor("#ffffff")
        for x, y, count, share, on_dark in self._cells:
            centre = transform.map(QPointF(x, y))
            top = centre.y() - height / 2
            p.setPen(dark if on_dark else light)
            p.setFont(big)
            p.drawText(QPointF(centre.x() - fb.horizontalAdvance(count) / 2, top + fb.ascent()), count)
            p.setFont(small)
            p.drawText(QPointF(centre.x() - fs.horizontalAdvance(share) / 2, top + fb.height() + fs.ascent()),
                       share)
        p.restore()


class MistakeLines(QObject):
    """The lines of the list of the most confidently wrong drawings, with their thumbnails (drawn a few
    per turn by an IconFiller, kept in a cache of ICON_CACHE). show(rows), forget() (other drawings:
    thumbnails kept may be wrong now), clear(); `icons` is the filler (flush() in tests)."""

    def __init__(self, lst: QListWidget, parent: QObject | None = None):
        super().__init__(parent)
        self._list = lst
        self.icons = IconFiller(self)
        self._icon_cache: dict[tuple, QIcon] = {}  # (test?, index, colour, marker) -> thumbnail
        self._wrong_shown: list | None = []  # (text, index, icon key) of each line of the list

    def forget(self) -> None:
        self._icon_cache.clear()
        self._wrong_shown = None

    def clear(self) -> None:
        self.icons.clear()
        self._list.clear()
        self._wrong_shown = []

    def show(self, rows: list) -> None:
        """The list of the most confidently wrong drawings, changed in place: during training each new
        result moves a few lines and changes most percentages, and clearing the list and filling it again
        laid every line out anew and drew every thumbnail again (1.5 ms each, a few per turn). A line keeps
        its item and its thumbnail while it shows the same drawing; thumbnails already drawn are kept
        (ICON_CACHE) for drawings that come back. `rows`: (text, dataset index or None, icon key or None,
        the drawing) per line."""
        keys = [r[:3] for r in rows]
        shown = self._wrong_shown
        if keys == shown:
            return
        shown = shown or []
        lst = self._list
        while lst.count() > len(rows):
            lst.takeItem(lst.count() - 1)
        self._wrong_shown = keys  # before the thumbnails are queued: they check it
        for r, (text, index, key, d) in enumerate(rows):
            item = lst.item(r)
            if item is None:
                item = QListWidgetItem(text)
                lst.addItem(item)
                old_key = None
            else:
                old_key = shown[r][2] if r < len(shown) else None
                if item.text() != text:
                    item.setText(text)
            if item.data(Qt.ItemDataRole.UserRole) != index:
                item.setData(Qt.ItemDataRole.UserRole, index)
            if key is not None and key == old_key:
                continue  # the same drawing: its thumbnail is there, or queued
            if key is not None and key in self._icon_cache:
                item.setIcon(self._icon_cache[key])
                continue
            item.setIcon(QIcon())  # none, or until its thumbnail is drawn (a few per turn)
            if key is not None:
                self.icons.add(item, lambda r=r, k=key, d=d: self._thumbnail(r, k, d))

    def _thumbnail(self, row: int, key: tuple, drawing) -> QIcon | None:
        """The thumbnail of line `row`, if it still shows that drawing (else None: nothing is set)."""
        if self._wrong_shown is None or row >= len(self._wrong_shown) or self._wrong_shown[row][2] != key:
            return None
        cache = self._icon_cache
        icon = cache.get(key)
        if icon is None:
            _test, _index, colour, mark = key
            icon = cache[key] = QIcon(drawing_pixmap(drawing, colour, 44, mark))
            while len(cache) > ICON_CACHE:
                cache.pop(next(iter(cache)))
        return icon


class ConfusionMatrix(QWidget):
    """See the module docstring. API: set_classes(names, colours), set_drawings(drawings),
    set_result(confusion: dict, note), clear(), matrix() (counts shown), cell_indices(t, p),
    cell_center(t, p) (widget coordinates of the plot's viewport, for tests)."""

    showDrawings = Signal(list)
    drawingRequested = Signal(int)
    showTestDrawings = Signal(list)  # a cell of the imported test set: positions in the test set

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # shown again: the new result is handed over before the first paint (the list is changed in
        # place and the cells drawn by one item, so that is cheap; after it, the panel was painted twice)
        self._when_shown = RenderWhenShown(self, self._render_now, before_paint=True)
        self.setObjectName("confusionMatrix")
        self._names: list[str] = []
        self._colours: list[str] = []
        self._drawings: list = []
        self._result: dict | None = None

        self.title = QLabel(
            translate("Confusion", "<b>Confusion matrix</b> — which classes the network mixes up")
        )
        self.explain = QLabel(
            translate(
                "Confusion",
                "Row = the class a drawing really belongs to, column = what the network predicted. The "
                "diagonal holds the right answers. Each cell: how many drawings, and what share of that "
                "true class. Click a cell to show exactly those drawings in the gallery.",
            )
        )
        self.explain.setWordWrap(True)
        self.subset = QComboBox()
        self.subset.setObjectName("confusionSubset")
        for key, text in SUBSETS[:2]:  # "test" is added when a test set is imported
            self.subset.addItem(text, key)
        self.subset.setToolTip(
            translate("Confusion", "Validation drawings were not used for training: they show how well the "
            "network does on drawings it has not seen.")
        )
        self.subset.currentIndexChanged.connect(self._render)
        # says which model with each result: a steady height keeps the matrix from being re-laid out
        self.summary = SteadyWrappedLabel(translate("Confusion", "No model yet."))

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(BACKGROUND)
        self.plot = self.graphics.addPlot(row=0, col=0, enableMenu=False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.plot.invertY(True)
        self.plot.setAspectLocked(True)
        self.plot.setLabel("bottom", translate("Confusion", "predicted class"), color=FOREGROUND)
        self.plot.setLabel("left", translate("Confusion", "true class"), color=FOREGROUND)
        for ax in ("left", "bottom"):
            a = self.plot.getAxis(ax)
            a.setPen(FOREGROUND)
            a.setTextPen(FOREGROUND)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.cell_texts = CellTexts()  # each cell's count and share, all drawn in one paint
        self.plot.addItem(self.cell_texts)
        self.bar = ColourBar(values=(0, 100), colorMap=_cmap(), width=14)
        self.bar.axis.setLabel(translate("Confusion", "share of the true class (%)"), color=FOREGROUND)
        self.graphics.addItem(self.bar, row=0, col=1)
        self.bar.setImageItem(self.image)
        self.graphics.scene().sigMouseClicked.connect(self._scene_clicked)
        self.graphics.setToolTip(translate("Confusion", "Click a cell to show its drawings in the gallery"))

        self.wrong_title = QLabel(
            translate("Confusion", "<b>Most confidently wrong</b> — double-click to open in the canvas")
        )
        self.wrong = QListWidget()
        self.wrong.setObjectName("confidentlyWrong")
        self.wrong.setIconSize(QSize(44, 44))
        self.wrong.setWordWrap(True)
        self.wrong.itemActivated.connect(self._wrong_activated)
        self.wrong_lines = MistakeLines(self.wrong, self)  # the list's lines, changed in place
        self.wrong.setToolTip(
            translate("Confusion", "Drawings the network got wrong while being most sure of itself.\n"
            "Often a mislabelled drawing, or a shape unlike the others of its class.")
        )
        self.show_wrong = QPushButton(translate("Confusion", "Show all wrong ones in the gallery"))
        self.show_wrong.clicked.connect(self._show_all_wrong)
        self.drawer_title = QLabel(
            translate("Confusion", "<b>Per drawer</b> — how the network does on each person's drawings"))
        self.drawer_table = QTableWidget(0, 3)
        self.drawer_table.setObjectName("confusionDrawers")
        self.drawer_table.setHorizontalHeaderLabels(
            [translate("Confusion", "drawer"), translate("Confusion", "drawings"),
             translate("Confusion", "right (%)")])
        self.drawer_table.verticalHeader().hide()
        self.drawer_table.horizontalHeader().setStretchLastSection(True)
        self.drawer_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.drawer_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.drawer_table.setToolTip(translate(
            "Confusion",
            "Each drawer's drawings among those chosen above (the \"drawer\" key of each drawing).\n"
            "Click a row to show that person's drawings in the gallery. A much lower share for one person\n"
            "means the network has not learned their way of drawing: with Model › Validate on unseen\n"
            "drawers the validation drawings are all by people it did not train on.",
        ))
        self.drawer_table.cellClicked.connect(self._drawer_clicked)
        self.drawer_note = SteadyWrappedLabel("")

        top = QHBoxLayout()
        top.addWidget(QLabel(translate("Confusion", "Drawings:")))
        top.addWidget(self.subset, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.summary)
        ll.addWidget(self.graphics, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.wrong_title)
        rl.addWidget(self.wrong, 1)
        rl.addWidget(self.show_wrong)
        rl.addWidget(self.drawer_title)
        rl.addWidget(self.drawer_note)
        rl.addWidget(self.drawer_table, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(split, 1)
        install_export_menu(self, "confusion-matrix", self.csv_data)

    # -- API ------------------------------------------------------------------------------------------
    def set_classes(self, names: list[str], colours: list[str]) -> None:
        self._names, self._colours = list(names), list(colours)
        self._render()

    def set_drawings(self, drawings: list) -> None:
        self._drawings = list(drawings)
        self.wrong_lines.forget()

    def set_test_drawings(self, drawings: list | None) -> None:
        """The imported test set (its thumbnails in the list of mistakes)."""
        self._test_drawings = list(drawings or [])
        self.wrong_lines.forget()

    def set_result(self, confusion: dict | None, note: str = "") -> None:
        """confusion: {"validation": {...}, "all": {...}[, "test": {...}]}, each with matrix, cells, wrong,
        n. Indices are dataset positions, except for "test": positions in the imported test set."""
        self._result = confusion
        self._note = note
        has_test = confusion is not None and "test" in confusion
        i = self.subset.findData("test")
        self.subset.blockSignals(True)
        if has_test and i < 0:
            self.subset.addItem(SUBSETS[2][1], "test")
        elif not has_test and i >= 0:
            if self.subset.currentIndex() == i:
                self.subset.setCurrentIndex(0)
            self.subset.removeItem(i)
        self.subset.blockSignals(False)
        self._render()

    def _is_test(self) -> bool:
        return self.subset.currentData() == "test"

    def clear(self, text: str = translate("Confusion", "No model yet.")) -> None:
        self._result = None
        self._note = text
        self._render()

    def current(self) -> dict | None:
        if self._result is None:
            return None
        return self._result.get(self.subset.currentData())

    def matrix(self) -> np.ndarray | None:
        cur = self.current()
        return None if cur is None else cur["matrix"].copy()

    def cell_indices(self, t: int, p: int) -> list[int]:
        cur = self.current()
        return [] if cur is None else [int(i) for i in cur["cells"][t][p]]

    def drawer_rows(self) -> list[tuple[str, int, int]]:
        """The per-drawer table as shown: (drawer, drawings, right)."""
        cur = self.current()
        if cur is None or self._is_test():
            return []
        return [(k, v["n"], v["right"]) for k, v in cur.get("drawers", {}).items()]

    def _drawer_clicked(self, row: int, _col: int) -> None:
        cur = self.current()
        item = self.drawer_table.item(row, 0)
        if cur is None or item is None or self._is_test():
            return
        entry = cur.get("drawers", {}).get(item.text())
        if entry:
            self.showDrawings.emit(list(entry["ids"]))

    def _render_drawers(self, cur: dict | None) -> None:
        rows = self.drawer_rows() if cur is not None else []
        key = tuple(rows)
        if key == getattr(self, "_drawer_key", None):
            return  # unchanged: no relayout
        self._drawer_key = key
        self.drawer_table.setRowCount(len(rows))
        for r, (name, n, right) in enumerate(rows):
            cells = (name, str(n), translate("Confusion", "{percent:.0f}%  ({right} right)").format(
                percent=100 * right / max(n, 1), right=right))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.drawer_table.setItem(r, c, item)
        self.drawer_table.setVisible(bool(rows))
        if cur is None:
            self.drawer_note.setText("")
        elif self._is_test():
            self.drawer_note.setText(translate("Confusion", "The imported test set is not split by drawer."))
        elif not rows:
            self.drawer_note.setText(translate(
                "Confusion", "These drawings carry no drawer names, so the results cannot be split by drawer "
                "(File › Your drawer name… names yours)."))
        else:
            self.drawer_note.setText(translate(
                "Confusion", "{n} drawer{s}; click one to show their drawings in the gallery."
            ).format(n=len(rows), s="s" if len(rows) != 1 else ""))

    def cell_center(self, t: int, p: int):
        """The viewport position of cell (true t, predicted p)'s centre (QPoint)."""
        scene = self.plot.vb.mapViewToScene(QPointF(p + 0.5, t + 0.5))
        return self.graphics.mapFromScene(scene)

    def csv_data(self) -> tuple[list, list]:
        cur = self.current()
        header = ["true class", "predicted class", "count", "share of true class (%)", "drawing indices"]
        if cur is None:
            return header, []
        m = cur["matrix"]
        rows = []
        for t in range(len(m)):
            total = max(1, int(m[t].sum()))
            for p in range(len(m)):
                rows.append(
                    [
                        self._name(t),
                        self._name(p),
                        int(m[t, p]),
                        f"{100 * m[t, p] / total:.1f}",
                        " ".join(str(int(i)) for i in cur["cells"][t][p]),
                    ]
                )
        return header, rows

    # -- internals ------------------------------------------------------------------------------------
    def _name(self, c: int) -> str:
        return self._names[c] if c < len(self._names) else translate("Confusion", "class {value}").format(
            value=c + 1
        )

    def _render(self, *_args) -> None:
        """Render now when on screen; a hidden panel renders when it is shown (saves GUI-thread time)."""
        self._when_shown.request()

    def _render_now(self, *_args) -> None:
        cur = self.current()
        if cur is None:
            self.wrong_lines.clear()
            self.cell_texts.set_cells(np.zeros((0, 0), np.int64), np.zeros((0, 0)))
            self.image.clear()
            self.summary.setText(getattr(self, "_note", "") or translate("Confusion", "No model yet."))
            self.show_wrong.setEnabled(False)
            self._render_drawers(None)
            return
        m = np.asarray(cur["matrix"])
        c = len(m)
        totals = m.sum(axis=1, keepdims=True)
        share = np.where(totals > 0, 100.0 * m / np.maximum(totals, 1), 0.0).astype(np.float32)
        self.image.setImage(share, autoLevels=False, levels=(0, 100))
        self.image.setRect(0, 0, c, c)
        ticks = [(k + 0.5, self._name(k)) for k in range(c)]
        if ticks != getattr(self, "_ticks", None):  # new class names re-lay the axes out: only on change
            self._ticks = ticks
            self.plot.getAxis("bottom").setTicks([ticks, []])
            self.plot.getAxis("left").setTicks([ticks, []])
            self.plot.setRange(xRange=(0, c), yRange=(0, c), padding=0.02)
        self.cell_texts.set_cells(m, share)
        n = int(cur["n"])
        right = int(np.trace(m))
        note = getattr(self, "_note", "")
        self.summary.setText(translate(
            "Confusion",
            "{right} of {n} drawings right ({value:.0f}%). {note}",
        ).format(
            right=right, n=n, value=100 * right / max(n, 1), note=note
        ))
        test = self._is_test()
        source = getattr(self, "_test_drawings", []) if test else self._drawings
        where = translate("Confusion", "test drawing ") if test else ""
        rows = []  # (text, dataset index or None, icon key or None, the drawing) per line of the list
        for w in cur["wrong"]:
            text = translate(
                "Confusion",
                "{where}#{value}: labelled “{value2}”, predicted “{value3}” ({value4:.0f}% sure)",
            ).format(
                where=where, value=w.index + 1, value2=self._name(w.true), value3=self._name(w.predicted),
                value4=100 * w.confidence
            )
            key = d = None
            if 0 <= w.index < len(source):
                d = source[w.index]
                colour = self._colours[w.true] if w.true < len(self._colours) else "#7f7f7f"
                key = (test, int(w.index), colour, marker_for(w.true) if w.true < len(self._names) else None)
            # test drawings are not in the dataset: nothing to open
            rows.append((text, None if test else int(w.index), key, d))
        if not cur["wrong"]:
            rows.append((translate("Confusion", "None: every drawing here is classified right."), None, None,
                         None))
        self.wrong_lines.show(rows)
        self.show_wrong.setEnabled(bool(cur["wrong"]) and not test)
        self._render_drawers(cur)

    def _scene_clicked(self, ev) -> None:
        cur = self.current()
        if cur is None or ev.button() != Qt.MouseButton.LeftButton:
            return
        pos = self.plot.vb.mapSceneToView(ev.scenePos())
        p, t = int(np.floor(pos.x())), int(np.floor(pos.y()))
        c = len(cur["matrix"])
        if 0 <= t < c and 0 <= p < c:
            if self._is_test():
                self.showTestDrawings.emit(self.cell_indices(t, p))
            else:
                self.showDrawings.emit(self.cell_indices(t, p))

    def _wrong_activated(self, item: QListWidgetItem) -> None:
        i = item.data(Qt.ItemDataRole.UserRole)
        if i is not None:
            self.drawingRequested.emit(int(i))

    def _show_all_wrong(self) -> None:
        cur = self.current()
        if cur is None:
            return
        m = cur["matrix"]
        rows = sorted(
            int(i) for t in range(len(m)) for p in range(len(m)) if t != p for i in cur["cells"][t][p]
        )
        self.showDrawings.emit(rows)
