"""DatasetHealth ("datasetHealth"): is the data good enough to learn from?

Per-class counts (bars in the class colours), warnings for classes with too few drawings and for
imbalance, near-duplicate drawings, drawings whose label a confident model disagrees with ("check this
label"), and a badge when the model is stale (the drawings changed after it was trained).
Double-clicking an entry opens the drawing (`drawingRequested(int)`); the buttons show groups of drawings
in the gallery (`showDrawings(list)`).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.panels._common import FOREGROUND
from gui.text import QT_TRANSLATE_NOOP, translate

from ._common import IconFiller, class_marker, drawing_pixmap, install_export_menu

STALE_TEXT = (
    QT_TRANSLATE_NOOP(
        "Health",
        "⚠ The model is stale: the drawings changed after it was trained, so these results describe the "
        "old data. Train again to update them.",
    )
)


class _CountBars(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[str, int, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            translate(
                "Health",
                "How many drawings each class has. The network learns best when every class has many, and "
                "about as many as the others.",
            )
        )

    def set_rows(self, rows) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def _rh(self) -> int:
        return int(self.fontMetrics().height() * 1.6)

    def sizeHint(self) -> QSize:
        return QSize(260, self._rh() * max(1, len(self.rows)) + 4)

    minimumSizeHint = sizeHint

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        fm = self.fontMetrics()
        rh = self._rh()
        name_w = max([fm.horizontalAdvance(n) for n, _c, _col in self.rows] + [50]) + 8
        num_w = fm.horizontalAdvance(translate("Health", "00000 drawings")) + 6
        bw = max(20, self.width() - name_w - num_w)
        top = max([c for _n, c, _col in self.rows] + [1])
        for k, (name, count, colour) in enumerate(self.rows):
            y = k * rh
            p.setPen(QColor(FOREGROUND))
            p.drawText(
                QRectF(0, y, name_w - 6, rh),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            p.fillRect(QRectF(name_w, y + rh * 0.2, bw * count / top, rh * 0.6), QColor(colour))
            p.drawText(
                QRectF(name_w + bw * count / top + 4, y, num_w, rh),
                Qt.AlignmentFlag.AlignVCenter,
                translate("Health", "{count} drawing{value}").format(
                    count=count, value='s' if count != 1 else ''
                ),
            )
        p.end()


class DatasetHealth(QWidget):
    """See the module docstring. API: set_classes(names, colours), set_drawings(drawings),
    set_health(report), set_suspects(suspects, note), set_stale(bool), stale(), warnings(),
    duplicate_pairs(), suspect_indices()."""

    drawingRequested = Signal(int)
    showDrawings = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("datasetHealth")
        self._names: list[str] = []
        self._colours: list[str] = []
        self._drawings: list = []
        self._report = None
        self._suspects: list = []
        self._stale = False
        self._icons = IconFiller(self)
        self._check_icons = IconFiller(self)

        self.title = QLabel(
            translate("Health", "<b>Dataset health</b> — is the data good enough to learn from?")
        )
        self.stale_badge = QLabel(STALE_TEXT)
        self.stale_badge.setObjectName("staleBadge")
        self.stale_badge.setWordWrap(True)
        self.stale_badge.setStyleSheet(
            "background: #fff3cd; color: #5c4400; border: 1px solid #e0b400; "
            "border-radius: 4px; padding: 4px;"
        )
        self.stale_badge.setVisible(False)
        self.counts = _CountBars()
        self.warnings_label = QLabel(translate("Health", "No drawings yet."))
        self.warnings_label.setObjectName("healthWarnings")
        self.warnings_label.setWordWrap(True)

        self.dup_title = QLabel(
            translate("Health", "<b>Near-duplicates</b> — pairs of drawings that look almost the same")
        )
        self.dup_title.setToolTip(
            translate(
                "Health",
                "Compared as the 28×28 images the network sees (cosine similarity ≥ 99%). Copies make the "
                "network look better than it is when one lands in training and the other in validation.",
            )
        )
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("nearDuplicates")
        self.duplicates.setIconSize(QSize(84, 40))
        self.duplicates.itemActivated.connect(self._dup_activated)
        self.duplicates.setToolTip(
            translate("Health", "Double-click a pair to show both drawings in the gallery")
        )

        self.check_title = QLabel(
            translate("Health", "<b>Check this label</b> — the network is sure these belong elsewhere")
        )
        self.check_title.setToolTip(
            translate("Health", "Drawings a confident model (≥ 90% sure) puts in another class than their "
            "label. Often a slip of the key; sometimes an honest hard case.")
        )
        self.check = QListWidget()
        self.check.setObjectName("checkLabels")
        self.check.setIconSize(QSize(40, 40))
        self.check.itemActivated.connect(self._check_activated)
        self.check.setToolTip(translate("Health", "Double-click to open the drawing in the canvas"))
        self.show_check = QPushButton(translate("Health", "Show these in the gallery"))
        self.show_check.clicked.connect(lambda: self.showDrawings.emit(self.suspect_indices()))
        self.show_check.setEnabled(False)

        left = QVBoxLayout()
        left.addWidget(QLabel(translate("Health", "<b>Drawings per class</b>")))
        left.addWidget(self.counts)
        left.addWidget(self.warnings_label)
        left.addWidget(self.dup_title)
        left.addWidget(self.duplicates, 1)
        right = QVBoxLayout()
        right.addWidget(self.check_title)
        right.addWidget(self.check, 1)
        right.addWidget(self.show_check)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.stale_badge)
        layout.addLayout(body, 1)
        install_export_menu(self, "dataset-health", self.csv_data)

    # -- API ------------------------------------------------------------------------------------------
    def set_classes(self, names: list[str], colours: list[str]) -> None:
        self._names, self._colours = list(names), list(colours)
        self._render()

    def set_drawings(self, drawings: list) -> None:
        self._drawings = list(drawings)

    def set_health(self, report) -> None:
        self._report = report
        self._render()

    def set_suspects(self, suspects: list, note: str = "") -> None:
        self._suspects = list(suspects)
        self._suspect_note = note
        self._render_suspects()

    def set_failure(self, text: str) -> None:
        """The drawings could not be analysed: say why where the warnings go."""
        self.warnings_label.setText(text)

    def set_stale(self, stale: bool) -> None:
        self._stale = bool(stale)
        self.stale_badge.setVisible(self._stale)

    def stale(self) -> bool:
        return self._stale

    def warnings(self) -> list[str]:
        return [] if self._report is None else list(self._report.warnings)

    def duplicate_pairs(self) -> list[tuple[int, int]]:
        return [] if self._report is None else [(i, j) for i, j, _s in self._report.duplicates]

    def suspect_indices(self) -> list[int]:
        return [s.index for s in self._suspects]

    def csv_data(self) -> tuple[list, list]:
        header = ["kind", "class or drawing", "value", "detail"]
        rows = []
        if self._report is not None:
            rows += [["count", c, n, ""] for c, n in self._report.counts.items()]
            rows += [["warning", "", "", w] for w in self._report.warnings]
            rows += [
                ["near-duplicate", f"{i} {j}", f"{s:.4f}", "cosine similarity"]
                for i, j, s in self._report.duplicates
            ]
        rows += [
            ["check label", s.index, f"{s.confidence:.4f}", f"labelled {s.label}, predicted {s.predicted}"]
            for s in self._suspects
        ]
        return header, rows

    # -- internals ------------------------------------------------------------------------------------
    def _colour(self, label: str) -> str:
        return self._colours[self._names.index(label)] if label in self._names else "#7f7f7f"

    def _icon(self, i: int) -> QIcon | None:
        if 0 <= i < len(self._drawings):
            d = self._drawings[i]
            return QIcon(drawing_pixmap(d, self._colour(d.label), 40, class_marker(self._names, d.label)))
        return None

    def _pair_icon(self, i: int, j: int) -> QIcon | None:
        """Both drawings of a pair side by side."""
        if not (0 <= i < len(self._drawings) and 0 <= j < len(self._drawings)):
            return None
        pm = QPixmap(84, 40)
        pm.fill(QColor("#ffffff"))
        p = QPainter(pm)
        for k, n in enumerate((i, j)):
            d = self._drawings[n]
            mark = class_marker(self._names, d.label)
            p.drawPixmap(k * 44, 0, drawing_pixmap(d, self._colour(d.label), 40, mark))
        p.end()
        return QIcon(pm)

    def _render(self) -> None:
        r = self._report
        self._icons.clear()
        self.duplicates.clear()
        if r is None:
            self.counts.set_rows([])
            return
        self.counts.set_rows([(c, n, self._colour(c)) for c, n in r.counts.items()])
        if r.warnings:
            self.warnings_label.setText("<br>".join(f"⚠ {w}" for w in r.warnings))
            self.warnings_label.setStyleSheet("color: #8a3b00;")
        else:
            self.warnings_label.setText(
                translate("Health", "✓ Every class has enough drawings, and they are balanced.")
            )
            self.warnings_label.setStyleSheet("color: #1b6b2f;")
        for i, j, s in r.duplicates:
            li = self._drawings[i].label if i < len(self._drawings) else "?"
            lj = self._drawings[j].label if j < len(self._drawings) else "?"
            if li == lj:
                same = translate("Health", "same class")
            else:
                same = translate("Health", "labelled “{li}” and “{lj}”!").format(li=li, lj=lj)
            item = QListWidgetItem(translate(
                "Health",
                "#{value} and #{value2}: {value3:.0f}% similar ({same})",
            ).format(
                value=i + 1, value2=j + 1, value3=100 * s, same=same
            ))
            item.setData(Qt.ItemDataRole.UserRole, [int(i), int(j)])
            self._icons.add(item, lambda i=i, j=j: self._pair_icon(i, j))
            self.duplicates.addItem(item)
        if not r.duplicates:
            self.duplicates.addItem(translate("Health", "None found."))
        self._render_suspects()

    def _render_suspects(self) -> None:
        self._check_icons.clear()
        self.check.clear()
        for s in self._suspects:
            item = QListWidgetItem(
                translate(
                    "Health",
                    "#{value}: labelled “{label}”, the network is {value2:.0f}% sure it is “{predicted}”",
                ).format(
                    value=s.index + 1, label=s.label, value2=100 * s.confidence, predicted=s.predicted
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, int(s.index))
            self._check_icons.add(item, lambda n=s.index: self._icon(n))
            self.check.addItem(item)
        if not self._suspects:
            self.check.addItem(
                getattr(self, "_suspect_note", "")
                or translate("Health", "None: the network agrees with every label it is sure about.")
            )
        self.show_check.setEnabled(bool(self._suspects))

    def _dup_activated(self, item: QListWidgetItem) -> None:
        pair = item.data(Qt.ItemDataRole.UserRole)
        if pair:
            self.showDrawings.emit(list(pair))

    def _check_activated(self, item: QListWidgetItem) -> None:
        i = item.data(Qt.ItemDataRole.UserRole)
        if i is not None:
            self.drawingRequested.emit(int(i))
