"""The window's hook for `gui.core.autosave`: the model is saved beside the dataset whenever a run ends and
when the window closes, and restored, with what is true of it, at the next start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from engine import PRESETS, ModelFileError
from gui.core.autosave import autosave, autosave_path, restore
from gui.training import INPUT_SIZE


class ModelAutosave(QObject):
    """Saves `window.controller`'s model after every run; `restore_at_start()` brings it back."""

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
        c = w.controller
        if c.model is None or c.steps_done <= 0 or self._saved_steps == c.steps_done:
            return False
        try:
            self.last_path = autosave(
                self._path(), c.model, list(c.classes), preset=c.preset, steps=c.steps_done,
                drawings=self._trained_on if self._trained_on is not None else w.state.snapshot().drawings,
                dataset=w.state.path,
            )
        except (OSError, ValueError) as exc:
            w.messages.status(f"Could not keep the trained model beside the dataset: {exc}", 10000)
            return False
        self._saved_steps = c.steps_done
        return True

    def restore_at_start(self) -> bool:
        """Load the dataset's autosaved model, if there is one; say what it is in the status bar."""
        w = self.window
        try:
            restored = restore(self._path())
        except (ModelFileError, OSError) as exc:
            w.messages.status(f"The last trained model could not be restored: {exc}", 12000)
            return False
        if restored is None:
            return False
        model = restored.loaded.model
        if tuple(model.input_shape) != (1, INPUT_SIZE, INPUT_SIZE):
            w.messages.status(f"The last trained model ({restored.path}) does not fit ShapeLab's drawings.",
                              12000)
            return False
        c = w.controller
        preset = restored.preset if restored.preset in PRESETS else "loaded"
        c.set_model(model, restored.loaded.classes, preset)
        c.steps_done = restored.steps
        drawings = w.state.snapshot().drawings
        c.snapshot_version = w.state.version if restored.same_data(drawings) else -1  # -1: stale
        self._saved_steps = restored.steps
        w.training.model_updated()
        w.training.update_stale()
        w.messages.status(restored.describe(drawings), 15000)
        return True
