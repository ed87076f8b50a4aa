"""ModelNotes: which model each analysis panel's results belong to, said in its "modelNote" label.

A panel's results are "Computed for: <note>." of the model they were computed for; a result of an older
model is marked as older while the newest is analysed; while the app's network trains on past the copy
the panels hold, the note says so. Untrained models get a "Train the network now" button beside the note.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from gui.text import QT_TRANSLATE_NOOP, translate

from ._common import model_note_label

NO_MODEL = QT_TRANSLATE_NOOP("Analysis", "No model yet.")
KEEP_NOTES = 20  # model versions whose notes are kept (results older than that say "an earlier model")
KEEP_DRAWING_NOTES = 50


class ModelNotes:
    """The notes of the panels named `with_label` (a "modelNote" label is inserted as their layout's second
    item), `extra` (panels that have a `model_note` label of their own), and Train buttons under the notes
    of `with_button`. Notes are kept by panel name, so a panel built later (gui/analysis/lazy.py) shows
    the note it would have shown all along: `attach(name, panel)` when it is built."""

    def __init__(self, with_label, extra, with_button, on_train):
        self._with_label, self._extra, self._with_button = tuple(with_label), tuple(extra), tuple(with_button)
        self._on_train = on_train
        self._texts: dict[str, str] = {name: translate("Analysis", NO_MODEL) for name in self._with_label}
        self.labels: dict[str, QLabel] = {}
        self._buttons: dict[str, QPushButton] = {}
        self._buttons_visible = False
        self.current = ""  # the note of the newest model
        self.version = 0  # the newest model's version
        self.live: tuple[str, bool, bool] | None = None  # the app's network: (note, trained, training)
        self._models: dict[int, str] = {}  # model version -> its note
        self._drawings: dict[int, str] = {}  # drawing version -> the note of the model it used

    def attach(self, name: str, panel: QWidget) -> None:
        """Panel `name` was built: give it its note label (showing the note kept) and Train button.

        The Train button sits beside the note and keeps its room while hidden: hiding it when training
        starts (or showing it for a new untrained model) then changes nothing else in the panel. Taking
        its line away re-laid the panel out, and its plots were resized and painted whole at the new size
        the next time the tab was shown (the largest GUI stall while the analysis tabs took turns)."""
        row = None
        if name in self._with_label:
            label = model_note_label(self._texts[name])
            if name in self._with_button:
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(label, 1)
                panel.layout().insertLayout(1, row)
            else:
                panel.layout().insertWidget(1, label)
            panel.model_note = label
            self.labels[name] = label
        elif name in self._extra:
            self.labels[name] = panel.model_note
        if name in self._with_button:
            button = QPushButton(translate("Analysis", "Train the network now"))
            button.setObjectName("trainButton")
            button.setToolTip(
                translate("Analysis", "Start training in the main window (the same as its Train button)")
            )
            button.clicked.connect(self._on_train)
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
            button.setVisible(self._buttons_visible)
            if row is not None:
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            else:
                panel.layout().insertWidget(2, button)
            self._buttons[name] = button

    @property
    def train_buttons(self) -> list[QPushButton]:
        """The Train buttons of the panels built, in tab order."""
        return [self._buttons[n] for n in self._with_button if n in self._buttons]

    # -- labels --------------------------------------------------------------------------------------
    def text(self, name: str) -> str:
        if name in self._texts:
            return self._texts[name]
        label = self.labels.get(name)
        return label.text() if label is not None else ""

    def set(self, name: str, text: str) -> None:
        if name in self._texts:
            self._texts[name] = text
        label = self.labels.get(name)
        if label is not None and label.text() != text:
            label.setText(text)

    def show_train_buttons(self, visible: bool) -> None:
        self._buttons_visible = bool(visible)
        for button in self._buttons.values():
            button.setVisible(self._buttons_visible)

    # -- which model -----------------------------------------------------------------------------------
    def new_model(self, version: int, note: str) -> None:
        self.version, self.current = version, note
        self._models[version] = note
        for v in [v for v in self._models if v < version - KEEP_NOTES]:
            del self._models[v]

    def drawing_submitted(self, version: int) -> None:
        """The canvas drawing's analysis `version` is computed with the newest model."""
        self._drawings[version] = self.current
        for v in [v for v in self._drawings if v < version - KEEP_DRAWING_NOTES]:
            del self._drawings[v]

    def for_model(self, version: int) -> str:
        """The note for results of model `version`, marked as older when a newer model exists."""
        own = self._models.get(version, "an earlier model")
        if version == self.version:
            return translate("Analysis", "Computed for: {own}.").format(own=own)
        return translate(
            "Analysis",
            "Older result, computed for: {own}. The newest model ({current}) is being analysed.",
        ).format(
            own=own, current=self.current
        )

    def for_drawing(self, version: int) -> str:
        own = self._drawings.get(version, "an earlier model")
        if own == self.current:
            return translate("Analysis", "Computed for: {own}.").format(own=own)
        return translate(
            "Analysis",
            "Older result, computed for: {own}. The newest model ({current}) follows.",
        ).format(
            own=own, current=self.current
        )

    def held(self, note: str) -> str:
        """`note` of a panel that follows the model copy at once, saying the app's network trained on."""
        if self.live is None or self.live[0] == note:
            return note
        return (translate(
            "Analysis",
            "{note} — the app's network has trained on since ({value}); this follows after the epoch",
        ).format(
            note=note, value=self.live[0]
        ))

    def held_suffix(self, base: str) -> str:
        """A "Computed for: …" note, saying the app's network trained on since, if it did."""
        if self.live is None or base == translate("Analysis", "Computed for: {own}.").format(
                own=self.live[0]):
            return base
        return (translate(
            "Analysis",
            "{base} — the app's network has trained on since ({value}); the panels follow after each epoch",
        ).format(
            base=base, value=self.live[0]
        ))
