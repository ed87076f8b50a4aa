"""Lesson 5 — Convolution: the lecture's 1-D and 2-D examples cell by cell, then kernels on your drawing,
and a kernel you paint placed into the trained model's first layer."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engine.lessons import (
    LECTURE_FILTER,
    LECTURE_IMAGE,
    LECTURE_KERNEL_1D,
    LECTURE_SIGNAL,
    NAMED_KERNELS,
    apply_kernel,
    conv1d_trace,
    conv2d_trace,
    first_conv_index,
    with_filter,
)
from gui.lessons.common import DONE, Lesson, NumberGrid, fmt, image_plot, ink_image
from gui.panels._common import nice_ceiling
from gui.text import QT_TRANSLATE_NOOP, translate


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    col = QVBoxLayout(box)
    col.setContentsMargins(0, 0, 0, 0)
    label = QLabel(f"<b>{title}</b>")
    col.addWidget(label)
    col.addWidget(widget)
    col.addStretch(1)
    return box


def _product_text(window: np.ndarray, kernel: np.ndarray, total: float) -> str:
    terms = [f"{fmt(k)}*{fmt(x)}" for k, x in zip(kernel.ravel(), window.ravel(), strict=True)]
    return " + ".join(terms).replace("-", "−") + f" = <b>{fmt(total)}</b>".replace("-", "−")


class ConvolutionLesson(Lesson):
    title = QT_TRANSLATE_NOOP("ConvolutionLesson", "5 · Convolution")
    lecture = (QT_TRANSLATE_NOOP(
        "ConvolutionLesson",
        "“How can we apply convolution on 1D time series data? Kernel: [−1, 1]; time series data: [0, 0, "
        "0, 1, 0, 1, 1, 1]. N = 0: −1*0 + 1*0 = 0; N = 1: −1*0 + 1*0 = 0; N = 2: −1*0 + 1*1 = 1.” Then the "
        "5×5 image with the 3×3 filter: “4” at the top left of the convolved feature.",
    ))
    N1 = len(LECTURE_SIGNAL) - len(LECTURE_KERNEL_1D) + 1  # 7 positions
    N2 = 9  # 3 × 3 positions

    def __init__(self, parent=None):
        self.steps = (
            [translate(
                "ConvolutionLesson",
                "<b>1-D convolution</b>: the kernel slides along the signal; at each position N the output "
                "is the sum of kernel × signal under it. Position N = {n}.",
            ).format(n=n) for n in range(self.N1)]
            + [translate(
                "ConvolutionLesson",
                "<b>2-D convolution</b>: the 3×3 filter slides over the 5×5 image; each output cell is the "
                "sum of the nine products. Output cell {value} of 9.",
            ).format(value=k + 1) for k in range(self.N2)]
            + [translate(
                "ConvolutionLesson",
                "<b>On your drawing</b>: choose or paint a 3×3 kernel and see what it finds. Then put it "
                "into the trained model's first layer and watch that feature map and the prediction change.",
            )]
        )
        super().__init__(parent)
        self.setObjectName("convolutionLesson")
        self.painted_model = None

        # page 1: 1-D
        self.signal_grid = NumberGrid(1, len(LECTURE_SIGNAL), editable=True)
        self.signal_grid.setObjectName("signalGrid")
        self.kernel1_grid = NumberGrid(1, len(LECTURE_KERNEL_1D), editable=True)
        self.kernel1_grid.setObjectName("kernel1dGrid")
        self.out1_grid = NumberGrid(1, self.N1)
        self.out1_grid.setObjectName("output1dGrid")
        self.signal_grid.set_values([LECTURE_SIGNAL])
        self.kernel1_grid.set_values([LECTURE_KERNEL_1D])
        self.text1 = QLabel()
        self.text1.setObjectName("sum1dText")
        self.kernel_slider = QWidget()  # the kernel, shifted under the part of the signal it covers
        slide = QHBoxLayout(self.kernel_slider)
        slide.setContentsMargins(0, 0, 0, 0)
        slide.addWidget(self.kernel1_grid)
        slide.addStretch(1)
        self.out_slider = QWidget()
        slide_out = QHBoxLayout(self.out_slider)
        slide_out.setContentsMargins(0, 0, 0, 0)
        slide_out.addWidget(self.out1_grid)
        slide_out.addStretch(1)
        page1 = QWidget()
        g1 = QVBoxLayout(page1)
        g1.addWidget(
            _titled(translate("ConvolutionLesson", "Signal (time series) — editable"), self.signal_grid)
        )
        g1.addWidget(_titled(translate("ConvolutionLesson", "Kernel — editable; it slides along the signal"),
                             self.kernel_slider))
        output_title = translate("ConvolutionLesson", "Output: output N = Σ kernel × the signal under it")
        g1.addWidget(_titled(output_title, self.out_slider))
        g1.addWidget(self.text1)
        g1.addStretch(1)

        # page 2: 2-D
        self.image_grid = NumberGrid(5, 5, editable=True)
        self.image_grid.setObjectName("imageGrid")
        self.filter_grid = NumberGrid(3, 3, editable=True)
        self.filter_grid.setObjectName("filterGrid")
        self.out2_grid = NumberGrid(3, 3)
        self.out2_grid.setObjectName("output2dGrid")
        self.image_grid.set_values(LECTURE_IMAGE)
        self.filter_grid.set_values(LECTURE_FILTER)
        self.text2 = QLabel()
        self.text2.setObjectName("sum2dText")
        self.text2.setWordWrap(True)
        page2 = QWidget()
        g2 = QGridLayout(page2)
        g2.addWidget(_titled(translate("ConvolutionLesson", "Image — editable"), self.image_grid), 0, 0)
        g2.addWidget(
            _titled(translate("ConvolutionLesson", "Convolution filter — editable"), self.filter_grid), 0, 1
        )
        g2.addWidget(_titled(translate("ConvolutionLesson", "Convolved feature"), self.out2_grid), 0, 2)
        g2.addWidget(self.text2, 1, 0, 1, 3)
        g2.setRowStretch(2, 1)
        g2.setHorizontalSpacing(28)
        g2.setColumnStretch(3, 1)

        for grid in (self.signal_grid, self.kernel1_grid, self.image_grid, self.filter_grid):
            grid.itemChanged.connect(lambda _item: self.refresh())

        # page 3: the drawing
        self.kernel_choice = QComboBox()
        self.kernel_choice.setObjectName("kernelChoice")
        self.kernel_choice.addItems(
            list(NAMED_KERNELS) + [translate("ConvolutionLesson", "your own (edit the grid)")]
        )
        self.kernel_choice.currentTextChanged.connect(self._kernel_chosen)
        self.paint_grid = NumberGrid(3, 3, editable=True)
        self.paint_grid.setObjectName("paintedKernelGrid")
        self.paint_grid.set_values(NAMED_KERNELS["vertical edges"])
        self.paint_grid.itemChanged.connect(lambda _item: self._painted())
        self.filter_index = QSpinBox()
        self.filter_index.setObjectName("filterIndex")
        self.filter_index.setPrefix(translate("ConvolutionLesson", "filter "))
        self.filter_index.setRange(1, 8)
        self.put_button = QPushButton(
            translate("ConvolutionLesson", "Put this kernel into the model's first layer")
        )
        self.put_button.setObjectName("putKernelButton")
        self.put_button.setToolTip(translate(
            "ConvolutionLesson",
            "Replaces one learned filter of the first conv layer by your kernel (in a copy of the model: "
            "the real model is not changed)",
        ))
        self.put_button.clicked.connect(self.put_kernel)
        self.undo_button = QPushButton(translate("ConvolutionLesson", "Back to the learned filter"))
        self.undo_button.clicked.connect(self.restore_model)
        self.drawing_view, self.drawing_image, _ = ink_image(
            translate("ConvolutionLesson", "Your drawing (28×28, as the model sees it)")
        )
        self.result_view, self.result_image, self.result_bar = image_plot(
            translate(
                "ConvolutionLesson",
                "Kernel applied (engine Conv2D, zero padding)",
            ), bar_label=translate("ConvolutionLesson", "response (no unit)"))
        self.before_view, self.before_image, self.before_bar = image_plot(
            translate(
                "ConvolutionLesson",
                "Model's feature map, learned filter",
            ), bar_label=translate("ConvolutionLesson", "response (no unit)"))
        self.after_view, self.after_image, self.after_bar = image_plot(
            translate(
                "ConvolutionLesson",
                "Model's feature map, your kernel (+ that filter's bias)",
            ), bar_label=translate("ConvolutionLesson", "response (no unit)"))
        self.text3 = QLabel()
        self.text3.setObjectName("paintResult")
        self.text3.setWordWrap(True)
        self.text3.setTextFormat(Qt.TextFormat.RichText)
        page3 = QWidget()
        g3 = QGridLayout(page3)
        controls = QVBoxLayout()
        controls.addWidget(QLabel(translate("ConvolutionLesson", "<b>Kernel</b>")))
        controls.addWidget(self.kernel_choice)
        controls.addWidget(self.paint_grid)
        controls.addWidget(self.filter_index)
        controls.addWidget(self.put_button)
        controls.addWidget(self.undo_button)
        controls.addStretch(1)
        g3.addLayout(controls, 0, 0, 2, 1)
        g3.addWidget(self.drawing_view, 0, 1)
        g3.addWidget(self.result_view, 0, 2)
        g3.addWidget(self.before_view, 1, 1)
        g3.addWidget(self.after_view, 1, 2)
        g3.addWidget(self.text3, 2, 0, 1, 3)
        g3.setColumnStretch(1, 1)
        g3.setColumnStretch(2, 1)

        self.pages = QStackedWidget()
        for page in (page1, page2, page3):
            self.pages.addWidget(page)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.pages)
        self.set_step(0)

    # -- traces -------------------------------------------------------------------------------
    def trace_1d(self):
        return conv1d_trace(self.signal_grid.values()[0], self.kernel1_grid.values()[0])

    def trace_2d(self):
        return conv2d_trace(self.image_grid.values(), self.filter_grid.values())

    def show_step(self, n: int) -> None:
        if n < self.N1:
            self.pages.setCurrentIndex(0)
            self._show_1d(n)
        elif n < self.N1 + self.N2:
            self.pages.setCurrentIndex(1)
            self._show_2d(n - self.N1)
        else:
            self.pages.setCurrentIndex(2)
            self._show_drawing()

    def _show_1d(self, n: int) -> None:
        try:
            trace = self.trace_1d()
        except ValueError as e:
            self.text1.setText(str(e))
            return
        n = min(n, len(trace.steps) - 1)
        step = trace.steps[n]
        k = trace.kernel.shape[1]
        self.out1_grid.set_values(trace.output, blank_from=n + 1)
        for grid in (self.signal_grid, self.kernel1_grid, self.out1_grid):
            grid.clear_highlight()
        self.out1_grid.highlight([(0, c) for c in range(n)], DONE)
        self.signal_grid.highlight([(0, c) for c in range(n, n + k)])
        self.kernel1_grid.highlight([(0, c) for c in range(k)])
        self.out1_grid.highlight([(0, n)])
        self.kernel_slider.layout().setContentsMargins(n * self.signal_grid.cell_size, 0, 0, 0)
        self.text1.setText("<span style='font-size:x-large'>N = " + str(n) + ": "
                           + _product_text(step.window, trace.kernel, step.total) + "</span>")

    def _show_2d(self, k: int) -> None:
        try:
            trace = self.trace_2d()
        except ValueError as e:
            self.text2.setText(str(e))
            return
        k = min(k, len(trace.steps) - 1)
        step = trace.steps[k]
        kh, kw = trace.kernel.shape
        self.out2_grid.set_values(trace.output, blank_from=k + 1)
        for grid in (self.image_grid, self.filter_grid, self.out2_grid):
            grid.clear_highlight()
        cols = trace.output.shape[1]
        self.out2_grid.highlight([divmod(i, cols) for i in range(k)], DONE)
        self.image_grid.highlight([(step.row + r, step.col + c) for r in range(kh) for c in range(kw)])
        self.filter_grid.highlight([(r, c) for r in range(kh) for c in range(kw)])
        self.out2_grid.highlight([(step.row, step.col)])
        self.text2.setText(translate(
            "ConvolutionLesson",
            "<span style='font-size:x-large'>Row {value}, column {value2}: ",
        ).format(value=step.row + 1, value2=step.col + 1)
                           + _product_text(step.window, trace.kernel, step.total) + "</span>")

    # -- the drawing ----------------------------------------------------------------------------
    def shows_model(self, n: int) -> bool:
        return n == self.step_count - 1

    def needs_training(self, n: int) -> bool:
        return False  # a kernel works on any network; the note says when its filters are random

    def _filter_word(self) -> str:
        return translate("ConvolutionLesson", "random filter") if self.untrained() else translate(
            "ConvolutionLesson", "learned filter"
        )

    def kernel(self) -> np.ndarray:
        return self.paint_grid.values().astype(np.float32)

    def _kernel_chosen(self, name: str) -> None:
        if name in NAMED_KERNELS:
            self.paint_grid.set_values(np.round(np.asarray(NAMED_KERNELS[name], dtype=np.float64), 3))
        elif name.startswith((translate("ConvolutionLesson", "learned filter"),
                              translate("ConvolutionLesson", "random filter"))) and self.model is not None:
            idx = first_conv_index(self.model)
            f = int(name.split()[-1]) - 1
            self.paint_grid.set_values(np.round(self.model.weights()[f"{idx}.weight"][f, 0], 3))
        self._painted()

    def _painted(self) -> None:
        self.painted_model = None
        if self.pages.currentIndex() == 2:
            self._show_drawing()

    def model_changed(self) -> None:
        self.painted_model = None
        current = self.kernel_choice.currentText()
        self.kernel_choice.blockSignals(True)
        self.kernel_choice.clear()
        names = list(NAMED_KERNELS)
        idx = None if self.model is None else first_conv_index(self.model)
        if idx is not None:
            w = self.model.weights()[f"{idx}.weight"]
            if w.shape[2:] == (3, 3):
                names += [f"{self._filter_word()} {f + 1}" for f in range(w.shape[0])]
            self.filter_index.setRange(1, w.shape[0])
        names.append(translate("ConvolutionLesson", "your own (edit the grid)"))
        self.kernel_choice.addItems(names)
        self.kernel_choice.setCurrentText(current if current in names else names[0])
        self.kernel_choice.blockSignals(False)
        self.request_refresh()

    def put_kernel(self) -> None:
        """Places the painted kernel into a copy of the model (first conv layer, the chosen filter)."""
        if self.model is None or first_conv_index(self.model) is None:
            self.text3.setText(translate(
                "ConvolutionLesson",
                "There is no model with a convolution layer to put the kernel into.",
            ))
            return
        self.painted_model = with_filter(self.model, self.filter_index.value() - 1, self.kernel())
        self._show_drawing()

    def restore_model(self) -> None:
        self.painted_model = None
        self._show_drawing()

    def _set_map(self, image_item, bar, data) -> None:
        limit = nice_ceiling(float(np.abs(data).max()) if data.size and np.abs(data).max() > 0 else 1.0)
        image_item.setImage(data, autoLevels=False)
        image_item.setLevels((-limit, limit))
        if bar is not None:
            bar.setLevels((-limit, limit))

    def _show_drawing(self) -> None:
        raster = self.raster()
        if raster is None:
            raster = np.zeros((28, 28), np.float32)
            self.text3.setText(translate(
                "ConvolutionLesson",
                "Nothing on the canvas yet: draw a shape in the trainer, then come back.",
            ))
        self.drawing_image.setImage(raster, autoLevels=False)
        self.drawing_image.setLevels((0, 1))
        self._set_map(self.result_image, self.result_bar, apply_kernel(raster, self.kernel()))
        for v in (self.drawing_view, self.result_view):
            v.view.autoRange(padding=0)
        have_model = self.model is not None and first_conv_index(self.model) is not None
        self.before_view.setVisible(have_model)
        self.after_view.setVisible(have_model)
        self.put_button.setEnabled(have_model)
        if not have_model:
            if self.strokes:
                self.text3.setText(translate(
                    "ConvolutionLesson",
                    "No model with a convolution layer yet (train one, or the MLP has none).",
                ))
            return
        f = self.filter_index.value() - 1
        idx = first_conv_index(self.model)
        before = self.model.activations(raster)[idx].data[0, f]
        self._set_map(self.before_image, self.before_bar, before)
        self.before_view.view.autoRange(padding=0)
        probs = self.model.predict_proba(raster)[0]
        if self.untrained():
            text = (translate(
                "ConvolutionLesson",
                "The network is untrained (random weights): it says <b>{value}</b>, which means nothing "
                "yet.",
            ).format(value=self._top(probs)))
        else:
            text = translate("ConvolutionLesson", "Trained network ({note_text}): <b>{value}</b>.").format(
                note_text=self.note_text,
                value=self._top(probs),
            )
        if self.painted_model is not None:
            after = self.painted_model.activations(raster)[idx].data[0, f]
            self._set_map(self.after_image, self.after_bar, after)
            p2 = self.painted_model.predict_proba(raster)[0]
            text += translate(
                "ConvolutionLesson",
                " With your kernel as filter {value}: <b>{value2}</b>.",
            ).format(value=f + 1, value2=self._top(p2))
        else:
            self.after_image.clear()
            text += translate(
                "ConvolutionLesson",
                " Press “Put this kernel…” to see the model with your kernel.",
            )
        if self.strokes:
            self.text3.setText(text)
        self.after_view.view.autoRange(padding=0)

    def _top(self, probs: np.ndarray) -> str:
        k = int(np.argmax(probs))
        name = (self.classes[k] if k < len(self.classes)
                else translate("ConvolutionLesson", "class {number}").format(number=k + 1))
        return f"{name} ({100 * probs[k]:.0f} %)"
