"""The window's hook for `gui.core.autosave`: the model is saved beside the dataset whenever a run ends and
when the window closes, and restored, with what is true of it, at the next start.

The digest of the drawings a model was trained on (`data_digest`, ~10 µs a drawing) is computed off the
GUI thread for datasets over SYNC_DIGEST_DRAWINGS drawings: when a run starts (so saving at its end or at
close costs nothing) and when a restored model is checked against the open dataset at start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from engine import ModelFileError
from gui.core.autosave import autosave, autosave_path, data_digest, restore
from gui.core.training import INPUT_SIZE
from gui.text import translate

DIGEST_KIND = "autosave-digest"
SYNC_DIGEST_DRAWINGS = 5_000  # up to this many drawings the digest is computed at once (≤ ~50 ms)


class ModelAutosave(QObject):
    """Saves `window.model_state`'s model after every run; `restore_at_start()` brings it back."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.last_path = None  # the file written last (tests, status texts)
        self._saved_steps: int | None = None
        self._trained_on = None  # the drawings the last run started from
        self._digest: tuple | None = None  # (drawings, their data_digest), computed in the background
        window.controller.stateChanged.connect(self._state_changed)

    def _path(self):
        st = self.window.state
        return autosave_path(st.data_dir, st.path)

    def _state_changed(self, state: str) -> None:
        if state == "preparing":  # a run starts now, from the state's current snapshot
            self._trained_on = self.window.state.snapshot().drawings
            self._digest_later(self._trained_on, self._keep_digest)
        elif state == "idle":
            self.save_now()

    def _digest_later(self, drawings, on_done) -> None:
        """on_done(drawings, digest): at once for small datasets, else from a background job."""
        if len(drawings) <= SYNC_DIGEST_DRAWINGS:
            on_done(drawings, data_digest(drawings))
            return
        self.window.jobs.submit(DIGEST_KIND, data_digest, drawings,
                                on_done=lambda digest: on_done(drawings, digest))

    def _keep_digest(self, drawings, digest: str) -> None:
        self._digest = (drawings, digest)

    def save_now(self) -> bool:
        """Save the current model if it was trained and not saved yet. True when written."""
        w = self.window
        ms = w.model_state
        if ms.model is None or ms.steps <= 0 or self._saved_steps == ms.steps:
            return False
        drawings = self._trained_on if self._trained_on is not None else w.state.snapshot().drawings
        # the digest from the background job; computed here only when the run ended before it came
        digest = self._digest[1] if self._digest is not None and self._digest[0] is drawings else None
        try:
            self.last_path = autosave(self._path(), ms, drawings=drawings, dataset=w.state.path,
                                      digest=digest)
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
        self._saved_steps = w.model_state.steps
        if restored.drawings != len(snapshot.drawings):  # changed: no digest needed
            self._checked(restored, snapshot, False)
        else:
            w.messages.status(restored.summary() + translate(
                "Autosave", " Checking whether the dataset changed since…"), 15000)
            self._digest_later(snapshot.drawings, lambda drawings, digest: self._checked(
                restored, snapshot, restored.same_data(drawings, digest)))
        return True

    def _checked(self, restored, snapshot, same: bool) -> None:
        w = self.window
        if w.model_state.model is not restored.loaded.model or w.model_state.steps != self._saved_steps:
            return  # another model (opened or trained) replaced the restored one meanwhile
        w.model_state.mark_restored(snapshot, same)
        w.training.update_stale()
        w.messages.status(restored.describe(same), 15000)
