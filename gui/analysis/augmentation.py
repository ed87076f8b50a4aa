"""AugmentationPreview ("augmentationPreview"): the current drawing as training sees it when augmentation
is on — random small rotations, stretches, shears, shifts, pen wobble and pen width, made by
`engine.augmented_versions` and rasterized to 28×28 by `engine.rasterize` (the same code path as training).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.text import translate

from ._common import install_export_menu, raster_pixmap

SCALE = 3  # screen pixels per raster pixel, at least; larger when the panel is wide (projectors)
MAX_SCALE = 6


class AugmentationPreview(QWidget):
    """API: set_result(x, augmented), clear(), shown() -> (N, S, S) rasters; signal rerollRequested()."""

    rerollRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("augmentationPreview")
        self._shown = np.zeros((0, 28, 28), np.float32)
        self._x: np.ndarray | None = None
        self.title = QLabel(
            translate("Augmentation", "<b>Augmentation</b> — what training sees instead of your drawing")
        )
        self.explain = QLabel(
            translate(
                "Augmentation",
                "With augmentation on, each epoch about 6 in 10 training drawings are replaced by a "
                "randomly changed copy like these: turned a little, stretched, sheared, shifted, with a "
                "wobblier pen and a thinner or thicker line. A square stays a square, so the network "
                "learns the shape, not the exact pixels. Shown as the 28×28 pixels the network receives.",
            )
        )
        self.explain.setWordWrap(True)
        self.original = QLabel()
        self._scale = SCALE
        self.original.setFixedSize(28 * SCALE + 4, 28 * SCALE + 4)
        self.original.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.strip = QHBoxLayout()
        self.strip.setSpacing(6)
        self._cells: list[QLabel] = []
        self.reroll = QPushButton(translate("Augmentation", "New random versions"))
        self.reroll.setToolTip(translate("Augmentation", "Draw other random variations of the same drawing"))
        self.reroll.clicked.connect(self.rerollRequested)
        self.empty = QLabel(
            translate("Augmentation", "Draw something on the canvas to see how training varies it.")
        )
        row = QGridLayout()
        row.setHorizontalSpacing(12)
        row.addWidget(QLabel(translate("Augmentation", "Your drawing")), 0, 0)
        row.addWidget(self.original, 1, 0)
        arrow = QLabel("→")
        arrow.setStyleSheet("font-size: 20pt;")
        row.addWidget(arrow, 1, 1)
        row.addWidget(
            QLabel(
                translate("Augmentation", "Random versions of it, as training sees them (28×28 pixels each)")
            ),
            0,
            2,
        )
        row.addLayout(self.strip, 1, 2)
        row.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(self.reroll, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        install_export_menu(self, "augmentation", None)

    def set_result(self, x: np.ndarray, augmented: np.ndarray) -> None:
        self._x = np.asarray(x, np.float32)
        self._shown = np.asarray(augmented, np.float32).copy()
        self.empty.setVisible(False)
        while len(self._cells) < len(self._shown):
            cell = QLabel()
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.strip.addWidget(cell)
            self._cells.append(cell)
        self._paint()

    def _fit_scale(self) -> int:
        per = (self.width() - 80) / (len(self._shown) + 1.6) if len(self._shown) else 0
        return int(max(SCALE, min(MAX_SCALE, (per - 10) // 28)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._x is not None and self._fit_scale() != self._scale:
            self._paint()

    def _paint(self) -> None:
        self._scale = sc = self._fit_scale()
        side = 28 * sc + 4
        self.original.setFixedSize(side, side)
        self.original.setPixmap(raster_pixmap(self._x, sc, border="#555555"))
        for k, cell in enumerate(self._cells):
            cell.setFixedSize(side, side)
            if k < len(self._shown):
                cell.setPixmap(raster_pixmap(self._shown[k], sc, border="#aaaaaa"))
                cell.setToolTip(translate(
                    "Augmentation",
                    "Random version {value}: {value2} inked pixels",
                ).format(
                    value=k + 1, value2=int((self._shown[k] > 0.05).sum())
                ))
                cell.setVisible(True)
            else:
                cell.setVisible(False)

    def clear(self) -> None:
        self._x = None
        self._shown = np.zeros((0, 28, 28), np.float32)
        self.empty.setVisible(True)
        self.original.clear()
        for cell in self._cells:
            cell.clear()
            cell.setVisible(False)

    def shown(self) -> np.ndarray:
        return self._shown.copy()
