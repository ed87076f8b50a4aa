"""The window's hook for `gui.core.autosave`: the model is saved beside the dataset whenever a run ends and
when the window closes, and restored, with what is true of it, at the next start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from engine import ModelFileError
from gui.core.autosave import autosave, autosave_path, restore
from gui.core.training import INPUT_SIZE
from gui.text import translate


class ModelAutosave(QObject):
    """Saves `window.model_state`'s model after every run; `restore_at_start()` brings it back."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.last_path = None  # the file written last (tests, status texts)
        self._saved_steps: int | None = None
        self._trained_on = None  # the drawings the last run started from
        window.controller.stateChanged.connect(self._state_changed)

    def _path(self):
        st = self.window.state
        return autosave_path(st.data_dir, st.path)

    def _state_changed(self, state: str) -> None:
        if state == "preparing":  # a run starts now, from the state's current snapshot
            self._trained_on = self.window.state.snapshot().drawings
        elif state == "idle":
            self.save_now()

    def save_now(self) -> bool:
        """Save the current model if it was trained and not saved yet. True when written."""
        w = self.window
        ms = w.model_state
        if ms.model is None or ms.steps <= 0 or self._saved_steps == ms.steps:
            return False
        try:
            self.last_path = autosave(
                self._path(), ms,
                drawings=self._trained_on if self._trained_on is not None else w.state.snapshot().drawings,
                dataset=w.state.path,
            )
        except (OSError, ValueError) as exc:
            w.messages.status(translate(
                "ModelAutosave",
                "Could not keep the trained model beside the dataset: {exc}",
            ).format(exc=exc), 10000)
            return False
        self._saved_steps = ms.steps
        return True

    def restore_at_start(self) -> bool:
        """Load the dataset's autosaved model, if there is one; say what it is in the status bar."""
        w = self.window
        try:
            restored = restore(self._path())
        except (ModelFileError, OSError) as exc:
            w.messages.status(translate(
                "ModelAutosave",
                "The last trained model could not be restored: {exc}",
            ).format(exc=exc), 12000)
            return False
        if restored is None:
            return False
        model = restored.loaded.model
        if tuple(model.input_shape) != (1, INPUT_SIZE, INPUT_SIZE):
            w.messages.status(translate(
                "ModelAutosave",
                "The last trained model ({path}) does not fit ShapeLab's drawings.",
            ).format(path=restored.path),
                              12000)
            return False
        snapshot = w.state.snapshot()
        w.model_state.set_model(model, restored.loaded.classes, restored.extra, restored.path)
        w.model_state.mark_restored(snapshot, restored.same_data(snapshot.drawings))
        self._saved_steps = w.model_state.steps
        w.training.update_stale()
        w.messages.status(restored.describe(snapshot.drawings), 15000)
        return True
