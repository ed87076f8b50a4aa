"""Training controls: model preset and hyper-parameters, Train / Pause / Resume / Step / Stop / Reset,
a progress bar (epoch, step, time left), a "model is stale" note and a message line.

`TrainingPanel` turns clicks into requests (signals without data) and shows what it is told
(`set_state`, `show_progress`, `set_stale`, `set_model_note`, `show_message`); its settings are plain
values (`settings()` / `set_settings()`: a dict keyed like `gui.core.training.TrainSettings`, which the
window builds from it: panels do not import the core). Object names for tests: "trainButton",
"pauseButton" (reads Resume while paused), "stopButton", "stepButton", "resetButton",
"trainingProgress", "modelNote".
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.panels._common import SteadyLabel
from gui.text import QT_TRANSLATE_NOOP, translate

PRESET_TEXT = {
    "tiny": QT_TRANSLATE_NOOP("TrainingPanel", "Tiny CNN (4 and 8 filters)"),
    "default": QT_TRANSLATE_NOOP("TrainingPanel", "Default CNN (16 and 28 filters)"),
    "wide": QT_TRANSLATE_NOOP("TrainingPanel", "Wide CNN (32 and 64 filters, dropout)"),
    "mlp": QT_TRANSLATE_NOOP("TrainingPanel", "MLP, no convolution (for comparison)"),
}
PRESET_TIPS = {
    "tiny": QT_TRANSLATE_NOOP(
        "TrainingPanel",
        "Two small convolution blocks: learns fast, fewer filters to look at",
    ),
    "default": QT_TRANSLATE_NOOP(
        "TrainingPanel",
        "[Conv → ReLU → MaxPool] × 2 → Dense → ReLU → Dense, about 92,000 weights",
    ),
    "wide": QT_TRANSLATE_NOOP(
        "TrainingPanel",
        "More filters per layer and dropout, about 220,000 weights: slower to train",
    ),
    "mlp": QT_TRANSLATE_NOOP(
        "TrainingPanel",
        "Only fully connected layers: no filters, no feature maps. Compare how it copes with shapes moved "
        "or drawn at another size",
    ),
}


class LearningRateBox(QDoubleSpinBox):
    """A learning-rate field that steps through 1, 2, 5 × 10^k (0.00001 … 1000)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDecimals(5)
        self.setRange(1e-5, 1000.0)
        self.setValue(1e-3)

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text, pos):
        from PySide6.QtGui import QValidator

        try:
            float(text)
            return (QValidator.State.Acceptable, text, pos)
        except ValueError:
            return (QValidator.State.Intermediate, text, pos)

    def stepBy(self, steps: int) -> None:
        ladder = [m * 10.0**e for e in range(-5, 4) for m in (1, 2, 5)][:-2]
        v = self.value()
        i = min(range(len(ladder)), key=lambda k: abs(math.log(ladder[k]) - math.log(max(v, 1e-9))))
        self.setValue(ladder[max(0, min(len(ladder) - 1, i + steps))])


class TrainingPanel(QWidget):
    """See the module docstring."""

    trainRequested = Signal()
    pauseRequested = Signal()
    resumeRequested = Signal()
    stopRequested = Signal()
    stepRequested = Signal()
    resetRequested = Signal()
    settingsChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self._state = "idle"

        self.preset = QComboBox()
        for key, text in PRESET_TEXT.items():
            text = translate("TrainingPanel", text)
            self.preset.addItem(text, key)
            self.preset.setItemData(self.preset.count() - 1, translate("TrainingPanel", PRESET_TIPS[key]),
                                     Qt.ItemDataRole.ToolTipRole)
        self.preset.setToolTip(translate(
            "TrainingPanel",
            "Which network to train. Changing it starts from fresh random weights.",
        ))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 1000)
        self._copies = 6  # versions of every drawing per epoch (TrainSettings.copies; set_settings says)
        self._hidden: dict = {}  # settings without a control here (copies, schedule): kept as given
        self.batch = QSpinBox()
        self.batch.setRange(1, 1024)
        self.batch.setToolTip(translate(
            "TrainingPanel",
            "Drawings per mini-batch: the weights change once per mini-batch (one step)",
        ))
        self.lr = LearningRateBox()
        self.optimizer = QComboBox()
        self.optimizer.addItem(translate("TrainingPanel", "Adam"), "adam")
        self.optimizer.addItem(translate("TrainingPanel", "SGD + momentum"), "sgd")
        self.optimizer.setToolTip(
            translate(
                "TrainingPanel",
                "How gradients turn into weight changes. Adam adapts the step size per weight; SGD follows "
                "the gradient with momentum",
            )
        )
        self.val_split = QSpinBox()
        self.val_split.setRange(0, 50)
        self.val_split.setSuffix(" %")
        self.val_split.setToolTip(translate(
            "TrainingPanel",
            "Drawings held back to check the network on examples it never trained on",
        ))
        self.seed = QSpinBox()
        self.seed.setRange(0, 999999)
        self.seed.setToolTip(
            translate("TrainingPanel", "Random seed for the initial weights, the shuffling and the split: "
            "the same seed gives the same run")
        )
        self.augment = QCheckBox(translate("TrainingPanel", "Augment"))
        self.augment.setToolTip(
            translate(
                "TrainingPanel",
                "Each epoch, show the network slightly rotated, scaled, sheared and shifted copies of the "
                "drawings, so it learns the shape rather than the exact pixels",
            )
        )
        self.augment.toggled.connect(self._explain_epochs)
        self._explain_epochs()

        self.average = QCheckBox(translate("TrainingPanel", "Average weights"))
        self.average.setObjectName("averageWeights")
        self.average.setToolTip(
            translate(
                "TrainingPanel",
                "Keep a running average of the weights over the latest steps, and end training with it: "
                "the averaged network recognises new drawings more reliably than the weights of the very "
                "last step, whose mini-batch pushed them a little off. Off: the model keeps exactly the "
                "weights its last step gave it.",
            )
        )

        form = QGridLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)

        def label(text: str, buddy: QWidget) -> QLabel:
            lab = QLabel(text)
            lab.setBuddy(buddy)
            lab.setToolTip(buddy.toolTip())
            return lab

        form.addWidget(label(translate("TrainingPanel", "&Model"), self.preset), 0, 0)
        form.addWidget(self.preset, 0, 1, 1, 3)
        self._epochs_label = label(translate("TrainingPanel", "&Epochs"), self.epochs)
        form.addWidget(self._epochs_label, 1, 0)
        form.addWidget(self.epochs, 1, 1)
        form.addWidget(label(translate("TrainingPanel", "&Batch"), self.batch), 1, 2)
        form.addWidget(self.batch, 1, 3)
        self._lr_label = label(translate("TrainingPanel", "&Learning rate"), self.lr)
        form.addWidget(self._lr_label, 2, 0)
        form.addWidget(self.lr, 2, 1)
        form.addWidget(label(translate("TrainingPanel", "&Optimizer"), self.optimizer), 2, 2)
        form.addWidget(self.optimizer, 2, 3)
        form.addWidget(label(translate("TrainingPanel", "&Validation"), self.val_split), 3, 0)
        form.addWidget(self.val_split, 3, 1)
        form.addWidget(label(translate("TrainingPanel", "See&d"), self.seed), 3, 2)
        form.addWidget(self.seed, 3, 3)
        form.addWidget(self.augment, 4, 1)
        form.addWidget(self.average, 4, 3)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        self.train_button = self._button(
            translate("TrainingPanel", "Train"),
            "trainButton",
            translate("TrainingPanel", "Train the network on the drawings (Ctrl+T). Continues from the "
            "current weights; Reset weights starts afresh"),
        )
        self.pause_button = self._button(
            translate(
                "TrainingPanel",
                "Pause",
            ), "pauseButton", translate("TrainingPanel", "Pause training (Ctrl+P); press again to resume")
        )
        self.step_button = self._button(
            translate("TrainingPanel", "Step"),
            "stepButton",
            translate(
                "TrainingPanel",
                "Train on exactly one mini-batch, then wait (Ctrl+Shift+S): watch one weight update at a "
                "time",
            ),
        )
        self.stop_button = self._button(
            translate("TrainingPanel", "Stop"), "stopButton", translate(
                "TrainingPanel", "Stop training; the weights learned so far stay"
            )
        )
        self.reset_button = self._button(
            translate(
                "TrainingPanel",
                "Reset weights",
            ), "resetButton", translate("TrainingPanel", "Forget everything learned: fresh random weights")
        )
        self.train_button.setDefault(True)
        self.train_button.clicked.connect(self.trainRequested)
        self.pause_button.clicked.connect(self._pause_clicked)
        self.step_button.clicked.connect(self.stepRequested)
        self.stop_button.clicked.connect(self.stopRequested)
        self.reset_button.clicked.connect(self.resetRequested)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for b in (self.train_button, self.pause_button, self.step_button, self.stop_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)

        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(translate("TrainingPanel", "Not trained yet"))
        self.progress.setToolTip(translate(
            "TrainingPanel",
            "Epoch, mini-batch step and the training time left: the steps to go at the speed of the latest "
            "epoch's steps, plus the waits between epochs and validations (it follows the machine's load); "
            "until the first epoch has ended it says it is estimating",
        ))

        self.model_note = SteadyLabel()  # changes every few steps: repaints, never lays the window out
        self.model_note.setObjectName("modelNote")
        self.model_note.setToolTip(
            translate("TrainingPanel", "Which model the filters, feature maps and prediction show")
        )
        self.model_note.setStyleSheet("color: #57606a;")  # muted, still 6:1 contrast on white
        self.stale_label = QLabel(
            translate(
                "TrainingPanel",
                "● Data changed since training started: the model is stale. Train again to include the "
                "changes.",
            )
        )
        self.stale_label.setObjectName("staleLabel")
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("color: #9a6700;")
        self.stale_label.setVisible(False)
        self.message_label = QLabel()
        self.message_label.setObjectName("trainingMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setVisible(False)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.model_note)
        layout.addWidget(self.stale_label)
        layout.addWidget(self.message_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        for w in (self.preset, self.optimizer):
            w.currentIndexChanged.connect(self.settingsChanged)
        for w in (self.epochs, self.batch, self.val_split, self.seed):
            w.valueChanged.connect(self.settingsChanged)
        self.lr.valueChanged.connect(self.settingsChanged)
        self.augment.toggled.connect(self.settingsChanged)
        self.average.toggled.connect(self.settingsChanged)
        self.set_state("idle")

    @staticmethod
    def _button(text: str, name: str, tip: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        return b

    # -- settings -----------------------------------------------------------------------------------

    def settings(self) -> dict:
        """The values set, keyed like TrainSettings (plain data: the window builds the settings)."""
        return {
            "preset": self.preset.currentData(),
            "epochs": self.epochs.value(),
            "batch_size": self.batch.value(),
            "lr": float(self.lr.value()),
            "optimizer": self.optimizer.currentData(),
            "augment": self.augment.isChecked(),
            "val_split": self.val_split.value() / 100.0,
            "seed": self.seed.value(),
            "average": self.average.isChecked(),
            **self._hidden,
        }

    def set_settings(self, values: dict) -> None:
        """Show these values (keys as `settings()` gives; missing keys leave a field as it is)."""
        self.blockSignals(True)
        v = values
        if "preset" in v:
            self.preset.setCurrentIndex(max(0, self.preset.findData(v["preset"])))
        if "epochs" in v:
            self.epochs.setValue(int(v["epochs"]))
        if "batch_size" in v:
            self.batch.setValue(int(v["batch_size"]))
        if "lr" in v:
            self.lr.setValue(float(v["lr"]))
        if "optimizer" in v:
            self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(v["optimizer"])))
        if "augment" in v:
            self.augment.setChecked(bool(v["augment"]))
        if "val_split" in v:
            self.val_split.setValue(int(round(float(v["val_split"]) * 100)))
        if "seed" in v:
            self.seed.setValue(int(v["seed"]))
        if "average" in v:
            self.average.setChecked(bool(v["average"]))
        self._hidden.update({k: v[k] for k in ("copies", "schedule") if k in v})
        if "copies" in v:
            self._copies = max(1, int(v["copies"]))
        self._explain_epochs()
        self.blockSignals(False)

    def _explain_epochs(self) -> None:
        """The epochs control's tooltip (and its label's): what one epoch is with these settings."""
        if self.augment.isChecked() and self._copies > 1:
            seen = translate(
                "TrainingPanel",
                "One epoch shows every training drawing {n} times: itself (or, for most, a slightly changed "
                "version) and {more} augmented versions.",
            ).format(n=self._copies, more=self._copies - 1)
        else:
            seen = translate("TrainingPanel", "One epoch shows every training drawing once.")
        cosine = self._hidden.get("schedule", "cosine") == "cosine"
        if cosine:
            rate = translate(
                "TrainingPanel",
                "The learning rate rises over the first steps and falls to nearly zero by the run's last "
                "step, so fewer epochs make a shorter run that still finishes its schedule.",
            )
            lr_tip = translate(
                "TrainingPanel",
                "Learning rate: how big each weight change is, at its peak: it rises to this over the first "
                "tenth of the steps, then falls to nearly zero by the run's last step. Too big and the loss "
                "explodes; too small and learning crawls. Arrows step 1, 2, 5 × 10ⁿ",
            )
        else:
            rate = translate("TrainingPanel", "The learning rate stays the same throughout.")
            lr_tip = translate(
                "TrainingPanel",
                "Learning rate: how big each weight change is, the same for every step. Too big and the "
                "loss explodes; too small and learning crawls. Arrows step 1, 2, 5 × 10ⁿ",
            )
        self.lr.setToolTip(lr_tip)
        tip = translate("TrainingPanel", "Epochs: passes over the training data. {seen} {rate}").format(
            seen=seen, rate=rate
        )
        self.epochs.setToolTip(tip)
        for widget in (self.epochs, self.lr):  # screen readers read the same words
            widget.setAccessibleDescription(widget.toolTip())
        for name, widget in (("_epochs_label", self.epochs), ("_lr_label", self.lr)):
            buddy_label = getattr(self, name, None)  # made after the first call
            if buddy_label is not None:
                buddy_label.setToolTip(widget.toolTip())

    # -- display ------------------------------------------------------------------------------------

    def set_state(self, state: str) -> None:
        """idle, preparing, running, paused or stopping."""
        self._state = state
        active = state != "idle"
        self.train_button.setEnabled(not active)
        self.pause_button.setEnabled(state in ("running", "paused", "preparing"))
        self.pause_button.setText(
            translate("TrainingPanel", "Resume") if state == "paused" else translate("TrainingPanel", "Pause")
        )
        self.pause_button.setToolTip(
            translate("TrainingPanel", "Continue training (Ctrl+P)")
            if state == "paused"
            else translate("TrainingPanel", "Pause training (Ctrl+P); press again to resume")
        )
        self.step_button.setEnabled(state in ("idle", "running", "paused", "preparing"))
        self.stop_button.setEnabled(state in ("running", "paused", "preparing"))
        self.reset_button.setEnabled(not active)
        for w in (
            self.preset,
            self.epochs,
            self.batch,
            self.lr,
            self.optimizer,
            self.val_split,
            self.seed,
            self.augment,
            self.average,
        ):
            w.setEnabled(not active)
        if state == "preparing":
            self.progress.setFormat(translate("TrainingPanel", "Preparing the drawings…"))
        elif state == "stopping":
            self.progress.setFormat(translate("TrainingPanel", "Stopping…"))

    def state(self) -> str:
        return self._state

    def start_run(self) -> None:
        self.progress.setValue(0)
        self.show_message("")

    def show_progress(self, fraction: float | None, text: str) -> None:
        """The progress bar: how far (0..1; None leaves the bar where it is) and what to say."""
        if fraction is not None:
            self.progress.setValue(int(1000 * min(1.0, max(0.0, fraction))))
        self.progress.setFormat(text)

    def set_model_note(self, text: str, details: str = "") -> None:
        """One line saying which model is shown (untrained, after epoch E, loaded from a file, ...), and
        more about it (steps, data, settings) in its tooltip."""
        self.model_note.setText(text)
        self.model_note.setToolTip(
            details or translate("TrainingPanel", "Which model the filters, feature maps and prediction show")
        )

    def show_diverging(self) -> None:
        paused = translate("TrainingPanel", " · paused: loss diverging")
        self.progress.setFormat(self.progress.format().split(paused)[0] + paused)

    def set_stale(self, stale: bool) -> None:
        self.stale_label.setVisible(stale)

    def show_message(self, text: str, level: str = "info") -> None:
        """A message under the controls; level "info", "warning" or "error". Empty text hides it."""
        colors = {
            "info": ("#0b3d62", "#ddf4ff", "#54aeff"),
            "warning": ("#4d2d00", "#fff8c5", "#d4a72c"),
            "error": ("#67060c", "#ffebe9", "#ff8182"),
        }
        fg, bg, border = colors.get(level, colors["info"])
        self.message_label.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {border};"
            " border-radius: 4px; padding: 6px; }"
        )
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return self.message_label.text() if self.message_label.isVisible() else ""

    # -- internals ----------------------------------------------------------------------------------

    def _pause_clicked(self) -> None:
        if self._state == "paused":
            self.resumeRequested.emit()
        else:
            self.pauseRequested.emit()


__all__ = ["TrainingPanel"]
