"""Lesson 6 — ReLU and pooling: ReLU on a feature map of your drawing, the lecture's 2×2 max-pool, max /
average / sum pooling compared, and pooling keeping the prediction steady when the drawing shifts."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.lessons import LECTURE_POOL_INPUT, first_conv_index, pool_trace, relu, shift_study
from gui.lessons.common import DONE, HIGHLIGHT, Lesson, NumberGrid, image_plot
from gui.lessons.convolution_lesson import _titled
from gui.panels._common import nice_ceiling
from gui.text import QT_TRANSLATE_NOOP, translate


class PoolingLesson(Lesson):
    title = QT_TRANSLATE_NOOP("PoolingLesson", "6 · ReLU and pooling")
    lecture = (QT_TRANSLATE_NOOP(
        "PoolingLesson",
        "“Output = Max(zero, Input)” — “The purpose of ReLU is to introduce non-linearity.” “The purpose "
        "of pooling is to reduce the number of parameters and computations … Another purpose is to make "
        "the network invariant to small transformations, distortions and translations in the input image. "
        "Pooling can be of different types: Max, Average, Sum.”",
    ))
    steps = [
        QT_TRANSLATE_NOOP(
            "PoolingLesson",
            "<b>ReLU</b> on a feature map of your drawing (first conv layer of the app's network): every "
            "negative value (blue) becomes 0, positive values pass unchanged.",
        ),
        QT_TRANSLATE_NOOP(
            "PoolingLesson",
            "<b>2×2 max-pool</b>, stride 2, on the lecture's 4×4 matrix: the top-left window.",
        ),
        QT_TRANSLATE_NOOP("PoolingLesson", "<b>2×2 max-pool</b>: the top-right window."),
        QT_TRANSLATE_NOOP("PoolingLesson", "<b>2×2 max-pool</b>: the bottom-left window."),
        QT_TRANSLATE_NOOP(
            "PoolingLesson",
            "<b>2×2 max-pool</b>: the bottom-right window — the result is [[20, 30], [112, 37]].",
        ),
        QT_TRANSLATE_NOOP(
            "PoolingLesson",
            "<b>Max, average and sum</b> pooling of the same matrix, side by side.",
        ),
        QT_TRANSLATE_NOOP(
            "PoolingLesson",
            "<b>Small shifts</b>: your drawing moved by a pixel or two. Do the feature maps change less "
            "after pooling than before it? Does the prediction stay the same? (Pooling helps; it does not "
            "make a small network immune to shifts.)",
        ),
    ]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("poolingLesson")

        # page 1: ReLU
        self.filter_index = QSpinBox()
        self.filter_index.setPrefix(translate("PoolingLesson", "feature map of filter "))
        self.filter_index.setRange(1, 8)
        self.filter_index.valueChanged.connect(lambda _v: self.refresh())
        self.before_view, self.before_image, self.before_bar = image_plot(
            translate("PoolingLesson", "Before ReLU: the conv output"),
            bar_label=translate("PoolingLesson", "response (no unit)"))
        self.after_view, self.after_image, self.after_bar = image_plot(
            translate("PoolingLesson", "After ReLU: max(0, x)"),
            bar_label=translate("PoolingLesson", "response (no unit)"))
        self.relu_text = QLabel()
        self.relu_text.setObjectName("reluText")
        self.relu_text.setWordWrap(True)
        page1 = QWidget()
        g1 = QGridLayout(page1)
        g1.addWidget(self.filter_index, 0, 0)
        g1.addWidget(self.before_view, 1, 0)
        g1.addWidget(self.after_view, 1, 1)
        g1.addWidget(self.relu_text, 2, 0, 1, 2)

        # page 2: the lecture's max-pool
        self.pool_in = NumberGrid(4, 4, cell=52)
        self.pool_in.setObjectName("poolInputGrid")
        self.pool_in.set_values(LECTURE_POOL_INPUT)
        self.pool_out = NumberGrid(2, 2, cell=52)
        self.pool_out.setObjectName("poolOutputGrid")
        self.pool_text = QLabel()
        self.pool_text.setObjectName("poolText")
        page2 = QWidget()
        v2 = QVBoxLayout(page2)
        row2 = QHBoxLayout()
        row2.addWidget(_titled(translate("PoolingLesson", "Input (4×4)"), self.pool_in))
        row2.addWidget(QLabel(translate("PoolingLesson", "→ 2×2 max-pool, stride 2 →")))
        row2.addWidget(_titled(translate("PoolingLesson", "Output (2×2)"), self.pool_out))
        row2.addStretch(1)
        v2.addLayout(row2)
        v2.addWidget(self.pool_text)
        v2.addStretch(1)

        # page 3: max / average / sum
        self.compare_grids = {}
        page3 = QWidget()
        v3 = QVBoxLayout(page3)
        row3 = QHBoxLayout()
        compare_in = NumberGrid(4, 4, cell=52)
        compare_in.set_values(LECTURE_POOL_INPUT)
        row3.addWidget(_titled(translate("PoolingLesson", "Input"), compare_in))
        for kind, title in (("max", translate("PoolingLesson", "2×2 max pool")),
                            ("average", translate("PoolingLesson", "2×2 average pool")),
                            ("sum", translate("PoolingLesson", "2×2 sum pool"))):
            grid = NumberGrid(2, 2, cell=60)
            grid.setObjectName(f"{kind}PoolGrid")
            grid.set_values(pool_trace(kind=kind).output)
            self.compare_grids[kind] = grid
            row3.addWidget(_titled(title, grid))
        row3.addStretch(1)
        self.compare_text = QLabel(translate(
            "PoolingLesson",
            "Max keeps the strongest response in each window; average smooths; sum is the average × 4. "
            "(The engine has MaxPool2D and AvgPool2D; sum is shown as average × 4.) Each halves the width "
            "and the height: 4× fewer numbers.",
        ))
        self.compare_text.setWordWrap(True)
        v3.addLayout(row3)
        v3.addWidget(self.compare_text)
        v3.addStretch(1)

        # page 4: shifts
        self.shift_table = QTableWidget(0, 5)
        self.shift_table.setObjectName("shiftTable")
        self.shift_table.setHorizontalHeaderLabels(
            [translate("PoolingLesson", "shift (x, y)\nin pixels"), translate("PoolingLesson", "prediction"),
             translate("PoolingLesson", "sure"), translate("PoolingLesson", "change before\npooling"),
             translate("PoolingLesson", "change after\npooling")])
        self.shift_table.verticalHeader().setVisible(False)
        # every header as wide as its words, with or without rows, at any text size
        self.shift_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.shift_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.shift_table.setToolTip(translate(
            "PoolingLesson",
            "Change = mean |difference| of the first block's feature maps against the unshifted drawing, "
            "relative to their mean size.",
        ))
        self.shift_text = QLabel()
        self.shift_text.setWordWrap(True)
        page4 = QWidget()
        g4 = QVBoxLayout(page4)
        g4.addWidget(self.shift_table, 1)
        g4.addWidget(self.shift_text)

        self.pages = QStackedWidget()
        for page in (page1, page2, page3, page4):
            self.pages.addWidget(page)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.pages)
        self.set_step(0)

    _pick_filter = True

    def model_changed(self) -> None:
        self._pick_filter = True
        super().model_changed()

    def drawing_changed(self) -> None:
        self._pick_filter = True
        super().drawing_changed()

    def show_step(self, n: int) -> None:
        if n == 0:
            self.pages.setCurrentIndex(0)
            self._show_relu()
        elif n <= 4:
            self.pages.setCurrentIndex(1)
            self._show_pool(n - 1)
        elif n == 5:
            self.pages.setCurrentIndex(2)
        else:
            self.pages.setCurrentIndex(3)
            self._show_shifts()

    def shows_model(self, n: int) -> bool:
        return n in (0, self.step_count - 1)

    def needs_training(self, n: int) -> bool:
        return n == self.step_count - 1  # ReLU acts the same on a random filter's map

    def _show_relu(self) -> None:
        raster = self.raster()
        idx = None if self.model is None else first_conv_index(self.model)
        if raster is None or idx is None:
            self.relu_text.setText(translate(
                "PoolingLesson",
                "Draw a shape on the canvas and train a CNN to see ReLU on its feature maps.",
            ))
            self.before_image.clear()
            self.after_image.clear()
            return
        acts = self.model.activations(raster)
        maps = acts[idx].data[0]
        self.filter_index.blockSignals(True)
        self.filter_index.setMaximum(maps.shape[0])
        if self._pick_filter:  # start with a map that has plenty of both signs, so ReLU visibly acts
            flat = maps.reshape(len(maps), -1)
            mixed = np.minimum(-np.clip(flat, None, 0).sum(axis=1), np.clip(flat, 0, None).sum(axis=1))
            self.filter_index.setValue(int(np.argmax(mixed)) + 1)
            self._pick_filter = False
        self.filter_index.blockSignals(False)
        fmap = maps[self.filter_index.value() - 1]
        after = relu(fmap)
        limit = nice_ceiling(float(np.abs(fmap).max()) or 1.0)
        pairs = ((self.before_image, self.before_bar, fmap), (self.after_image, self.after_bar, after))
        for image, bar, data in pairs:
            image.setImage(data, autoLevels=False)
            image.setLevels((-limit, limit))
            bar.setLevels((-limit, limit))
        for v in (self.before_view, self.after_view):
            v.view.autoRange(padding=0)
        neg = int((fmap < 0).sum())
        text = translate("PoolingLesson", "{neg} of {size} values were negative and are now 0").format(
            neg=neg,
            size=fmap.size,
        )
        if fmap.max() > 0:
            text += translate(
                "PoolingLesson",
                "; the positive ones pass unchanged (the largest is {value:.3g}).",
            ).format(value=fmap.max())
        else:
            text += translate("PoolingLesson", ": nothing of this map is left after ReLU.")
        self.relu_text.setText(text)

    def _show_pool(self, k: int) -> None:
        trace = pool_trace()
        step = trace.steps[k]
        self.pool_out.set_values(trace.output, blank_from=k + 1)
        self.pool_in.clear_highlight()
        self.pool_out.clear_highlight()
        self.pool_out.highlight([divmod(i, 2) for i in range(k)], DONE)
        cells = [(step.row * 2 + r, step.col * 2 + c) for r in range(2) for c in range(2)]
        self.pool_in.highlight(cells, DONE)
        self.pool_in.highlight([(step.row * 2 + step.chosen[0], step.col * 2 + step.chosen[1])], HIGHLIGHT)
        self.pool_out.highlight([(step.row, step.col)])
        values = ", ".join(f"{v:g}" for v in step.window.ravel())
        self.pool_text.setText(
            translate(
                "PoolingLesson",
                "<span style='font-size:x-large'>max({values}) = <b>{value:g}</b></span>",
            ).format(values=values, value=step.value))

    def _show_shifts(self) -> None:
        raster = self.raster()
        if raster is None or self.untrained():
            self.shift_table.setRowCount(0)
            self.shift_text.setText(translate(
                "PoolingLesson",
                "Draw a shape on the canvas and train the network to see this: an untrained network's "
                "predictions under shifts would mean nothing.",
            ))
            return
        rows = shift_study(self.model, raster)
        self.shift_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            k = int(np.argmax(row.probabilities))
            name = (self.classes[k] if k < len(self.classes)
                    else translate("PoolingLesson", "class {number}").format(number=k + 1))
            values = [f"({row.dx:+d}, {row.dy:+d})", name, f"{100 * row.probabilities[k]:.0f} %",
                      "—" if np.isnan(row.before_pool_change) else f"{100 * row.before_pool_change:.0f} %",
                      "—" if np.isnan(row.after_pool_change) else f"{100 * row.after_pool_change:.0f} %"]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.shift_table.setItem(r, c, item)
        self.shift_table.resizeColumnsToContents()
        moved = [r for r in rows if (r.dx, r.dy) != (0, 0)]
        base = int(np.argmax(rows[0].probabilities))
        same = sum(int(np.argmax(r.probabilities)) == base for r in moved)
        text = translate(
            "PoolingLesson",
            "The predicted class stayed the same for {same} of {value} shifts.",
        ).format(same=same, value=len(moved))
        if moved and not np.isnan(moved[0].before_pool_change):
            steadier = sum(r.after_pool_change < r.before_pool_change for r in moved)
            text = (translate(
                "PoolingLesson",
                "After pooling the first block's maps changed less than before it in {steadier} of {value} "
                "shifts. ",
            ).format(steadier=steadier, value=len(moved)) + text)
        else:
            text += translate("PoolingLesson", " This model has no pooling layer.")
        self.shift_text.setText(text)
