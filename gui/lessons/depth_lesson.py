"""Lesson 8 — Then, how deep? Networks with 0, 1 and 2 conv blocks trained on the learner's own drawings
(the open dataset) for the same short budget, in a background job (`gui.workers.JobRunner`, never on the
GUI thread); their validation accuracy and the linear probe of every layer side by side
(`engine.lessons.depth_study`)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from engine.lessons import BLOCKS, depth_study
from gui.lessons._engine import rasterize_many
from gui.lessons.common import Lesson
from gui.text import QT_TRANSLATE_NOOP, translate
from gui.workers import JobRunner

STEPS = 150  # mini-batches of 32 per network (whole epochs, rounded up)
LAYERS = (  # the engine's layer labels (data), shown translated
    QT_TRANSLATE_NOOP("DepthLesson", "raw pixels"),
    QT_TRANSLATE_NOOP("DepthLesson", "after conv block 1"),
    QT_TRANSLATE_NOOP("DepthLesson", "after conv block 2"),
    QT_TRANSLATE_NOOP("DepthLesson", "hidden layer (64)"),
)


def _pct(v: float) -> str:
    return "—" if v is None or v != v else f"{100 * v:.1f} %"


def depth_job(drawings, classes, steps: int, should_stop=None, report=None):
    """Rasterize the drawings of known classes and run the study (in the lessons' job lane)."""
    index = {c: i for i, c in enumerate(classes)}
    known = [d for d in drawings if d.label in index]
    X = rasterize_many(known, 28, should_stop=should_stop)
    y = np.array([index[d.label] for d in known], np.int64)
    results = depth_study(X, y, len(classes), steps=steps, should_stop=should_stop, report=report)
    return {"results": results, "n": len(known), "classes": list(classes)}


class DepthLesson(Lesson):
    title = QT_TRANSLATE_NOOP("DepthLesson", "8 · Then, how deep?")
    lecture = QT_TRANSLATE_NOOP(
        "DepthLesson",
        "“Deep Learning can be considered as special case of representation learning algorithms which "
        "learn representations of the data in a Deep Architecture with multiple levels of "
        "representations.” — “Then, how deep?”",
    )
    steps = [
        QT_TRANSLATE_NOOP(
            "DepthLesson",
            "<b>The question.</b> Does a deeper network represent your drawings better? <b>Run the "
            "comparison</b> trains three networks on the open dataset, in the background: 0 conv blocks "
            "(an MLP with the same hidden layer of 64), 1 conv block, and 2 conv blocks (the default "
            "CNN). Each gets the same budget — about {steps} mini-batches of 32, the same learning rate, "
            "the same shuffling — and the same quarter of the drawings is kept aside to validate. These "
            "are new networks, not the app's own.",
        ),
        QT_TRANSLATE_NOOP(
            "DepthLesson",
            "<b>Accuracy.</b> The share of the held-out drawings each network classifies right after the "
            "same budget, with its number of weights and the seconds it trained on this computer.",
        ),
        QT_TRANSLATE_NOOP(
            "DepthLesson",
            "<b>Layer by layer.</b> The linear probe (a straight-line classifier, scored by "
            "leave-one-out, as in Analysis › Representations) on every layer of each network: where do "
            "the classes become separable by a straight cut? A dash: that network has no such layer.",
        ),
    ]

    def step_text(self, n: int) -> str:
        return super().step_text(n).replace("{steps}", str(STEPS))  # the budget, from the code

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("depthLesson")
        self.runner = JobRunner(self, name="ShapeLabLessons")
        self.result: dict | None = None
        self._ran_on: tuple | None = None  # (number of drawings, classes) the shown result is for
        self.run_button = QPushButton(translate("DepthLesson", "Run the comparison"))
        self.run_button.setObjectName("runDepthButton")
        self.run_button.setToolTip(
            translate("DepthLesson", "Train the three networks on the open dataset in the background"))
        self.run_button.clicked.connect(self.run)
        self.status = QLabel(translate("DepthLesson", "Not run yet."))
        self.status.setObjectName("depthStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(len(BLOCKS), 5)
        self.table.setObjectName("depthTable")
        self.table.setHorizontalHeaderLabels([
            translate("DepthLesson", "network"), translate("DepthLesson", "weights"),
            translate("DepthLesson", "validation\naccuracy"), translate("DepthLesson", "training\naccuracy"),
            translate("DepthLesson", "seconds")])
        self.probe_table = QTableWidget(len(LAYERS), len(BLOCKS) + 1)
        self.probe_table.setObjectName("depthProbeTable")
        self.probe_table.setHorizontalHeaderLabels(
            [translate("DepthLesson", "layer")]
            + [(translate("DepthLesson", "{b} conv\nblock") if b == 1 else
                translate("DepthLesson", "{b} conv\nblocks")).format(b=b) for b in BLOCKS])
        self.probe_table.setToolTip(translate(
            "DepthLesson",
            "Leave-one-out accuracy of a linear probe on each layer of each network "
            "(each layer summed up by at most 256 numbers per drawing)"))
        self.table.setToolTip(
            translate("DepthLesson", "Each network after the same training budget on your drawings"))
        for t in (self.table, self.probe_table):
            t.verticalHeader().setVisible(False)
            t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            header = t.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setMinimumSectionSize(40)
            t.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.status, 1)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(top)
        self.accuracy_title = QLabel(translate("DepthLesson", "<b>Accuracy after the same budget</b>"))
        self.probe_title = QLabel(
            translate("DepthLesson", "<b>Linear probe per layer</b> (leave-one-out accuracy)"))
        body.addWidget(self.accuracy_title)
        body.addWidget(self.table)
        body.addWidget(self.probe_title)
        body.addWidget(self.probe_table)
        body.addStretch(1)
        self._fill()
        self.set_step(0)

    # -- the job ----------------------------------------------------------------------------------
    def _dataset_key(self) -> tuple:
        return (len(self.drawings), tuple(self.dataset_classes))

    def run(self) -> None:
        classes = [c for c in self.dataset_classes if any(d.label == c for d in self.drawings)]
        if len(classes) < 2:
            self.status.setText(
                translate("DepthLesson", "Draw (or open) drawings of at least two classes first."))
            return
        self.run_button.setEnabled(False)
        training = translate("DepthLesson", "Training 3 networks on {n:,} drawings in the background …")
        self.status.setText(training.format(n=len(self.drawings)))
        key = self._dataset_key()
        self.runner.submit("depth", depth_job, list(self.drawings), classes, STEPS,
                           on_done=lambda r: self._done(r, key), on_failed=self._failed,
                           on_progress=self._progress, on_finished=lambda: self.run_button.setEnabled(True))

    def _progress(self, p) -> None:
        self.status.setText(translate("DepthLesson", "Training the network with {blocks} conv block{s}: "
                                      "step {step} of {steps} …").format(
            blocks=p.blocks, s="s" if p.blocks != 1 else "", step=p.step, steps=p.steps))

    def _failed(self, message: str) -> None:
        self.status.setText(
            translate("DepthLesson", "The comparison failed: {message}").format(message=message))

    def _done(self, result: dict, key: tuple) -> None:
        self.result = result
        self._ran_on = key
        self._fill()

    def dataset_changed(self) -> None:
        self._fill()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fill()  # rows as tall as the new text

    def shutdown(self, budget_s: float = 2.0) -> bool:
        return self.runner.shutdown(budget_s)

    # -- showing ----------------------------------------------------------------------------------
    def _fill(self) -> None:
        res = (self.result or {}).get("results", [])
        by_blocks = {r.blocks: r for r in res}
        for row, b in enumerate(BLOCKS):
            r = by_blocks.get(b)
            name = (translate("DepthLesson", "0 conv blocks (MLP)") if b == 0 else
                    translate("DepthLesson", "{b} conv block{s}").format(b=b, s="s" if b != 1 else ""))
            cells = [name] + (["", "", "", ""] if r is None else
                              [f"{r.parameters:,}", _pct(r.val_accuracy), _pct(r.train_accuracy),
                               f"{r.seconds:.1f}"])
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        for row, label in enumerate(LAYERS):
            self.probe_table.setItem(row, 0, QTableWidgetItem(translate("DepthLesson", label)))
            for col, b in enumerate(BLOCKS, start=1):
                r = by_blocks.get(b)
                probe = None if r is None else next((p for p in r.probes if p.label == label), None)
                text = "" if r is None else ("—" if probe is None else _pct(probe.probe.test_accuracy))
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.probe_table.setItem(row, col, item)
        for t in (self.table, self.probe_table):  # as tall as their rows: nothing hidden, no empty space
            t.resizeRowsToContents()
            t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            rows = sum(t.rowHeight(r) for r in range(t.rowCount()))
            t.setFixedHeight(t.horizontalHeader().sizeHint().height() + rows + 2 * t.frameWidth() + 2)
        if self.result is not None:
            n = self.result["n"]
            text = translate("DepthLesson", "Trained on your {n:,} drawings (a quarter of them held out to "
                             "validate); the networks are this lesson's own, not the app's.").format(n=n)
            if self._ran_on != self._dataset_key():
                text += translate(
                    "DepthLesson", " <b>The dataset has changed since: run again to compare on it.</b>")
            self.status.setText(text)
