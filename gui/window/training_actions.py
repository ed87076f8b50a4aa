"""Training in the main window: Train / Step / Pause / Reset, the model kept fitting the classes, training
records handed to the plots in batches, and the model shown in the filters, prediction and status bar."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from gui.core.dataset import UNKNOWN_DRAWER
from gui.core.model_state import Origin, progress_fraction, progress_text
from gui.core.training import TrainSettings
from gui.markers import marker_for
from gui.text import translate

RECORD_HZ = 10  # training records reach the plots and the progress bar at most this often


class TrainingActions(QObject):
    """Handles the training panel and training controller signals of `window` (a `MainWindow`)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.last_preset: str | None = None
        self._run_label: str | None = None  # the plots get the run at its first step (none if it never steps)
        self._run_epochs = 1
        self._pending_records: list = []
        self.left_out_note = ""  # image files the current run leaves out (shown with its messages)
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.setInterval(1000 // RECORD_HZ)
        self._record_timer.timeout.connect(self.flush_records)

    def _status(self, text: str, timeout: int = 0) -> None:
        self.window.messages.status(text, timeout)

    def settings(self) -> TrainSettings:
        """The training panel's values as settings (out-of-range values fall back to the defaults)."""
        return TrainSettings.from_dict(self.window.training_panel.settings())

    # -- the model ----------------------------------------------------------------------------------

    def model_for_current_classes(self) -> None:
        """An untrained model fitting the dataset's classes, unless the current one fits. A trained or
        loaded model is kept (its predictions stay useful) until the next Train needs new outputs."""
        w = self.window
        s = self.settings()
        ms = w.model_state
        if ms.model is None or (ms.origin is Origin.UNTRAINED and list(ms.classes) != w.state.class_names()):
            ms.ensure(w.state.class_names(), s.preset, s.seed)

    def settings_changed(self) -> None:
        w = self.window
        s = self.settings()
        w.side_windows.set_validation(s.val_split, s.seed)
        w.settings.setValue("training", s.as_dict())
        if s.preset != self.last_preset and not w.controller.is_active():
            self.last_preset = s.preset
            if w.controller.model is not None and w.controller.preset != s.preset:
                w.controller.ensure_model(w.state.class_names(), s.preset, s.seed, force=True)
                self._status(translate(
                    "TrainingActions",
                    "New {preset} model with fresh random weights.",
                ).format(preset=s.preset), 4000)

    def model_replaced(self) -> None:
        w = self.window
        model = w.controller.model
        if model is not None:  # build the feature-map grids now rather than at the first stroke
            w.feature_maps.prepare(model.activations(np.zeros(model.input_shape[1:], model.dtype)))
        self.model_updated()
        w.side_windows.feed_analysis_model()

    def model_updated(self) -> None:
        w = self.window
        model = w.controller.model
        if model is None:
            return
        w.filters.set_model(model.weights(), model.summary())
        w.prediction.set_trained(w.model_state.trained)
        self.update_model_label()
        w.side_windows.feed_lessons_model()
        w.predictor.refresh()

    def show_prediction(self, classes: list, probs) -> None:
        w = self.window
        names = w.state.class_names()  # a class's marker follows its place in the class list, as its colour
        markers = [marker_for(names.index(c) if c in names else i) for i, c in enumerate(classes)]
        w.prediction.set_prediction(classes, probs, [w.state.color_of(c) for c in classes], markers)
        w.prediction.flush()  # draw now: the predictor already throttles

    def clear_prediction(self) -> None:
        self.window.prediction.clear()
        self.window.feature_maps.clear()

    def is_stale(self) -> bool:
        return self.window.model_state.stale

    def update_stale(self) -> None:
        w = self.window
        stale = w.model_state.update_stale(w.state.snapshot())
        w.training_panel.set_stale(stale)
        w.prediction.set_stale(stale)
        self.update_model_label()

    def update_model_label(self) -> None:
        """The status bar's model label and the training panel's note on which model is shown."""
        ms = self.window.model_state
        self.window.model_label.setText(ms.label_text())
        self.window.training_panel.set_model_note(ms.note, ms.details())
        self.window.filters.set_model_note(ms.note, bool(ms.trained))
        self.window.feature_maps.set_model_note(ms.note, bool(ms.trained))

    # -- a run --------------------------------------------------------------------------------------

    def _check_trainable(self) -> bool:
        w = self.window
        counts = w.state.counts()
        with_data = [n for n in w.state.class_names() if counts.get(n, 0) > 0]
        if len(with_data) < 2:
            w.training_panel.show_message(
                translate("TrainingActions", "To train, the network needs drawings in at least two classes. "
                "Draw a few shapes and add each to its class (keys 1–9)."),
                "warning",
            )
            return False
        return True

    def train(self) -> None:
        self._start(paused=False)

    def step(self) -> None:
        if self.window.controller.is_active():
            self.window.controller.step()
        else:
            self._start(paused=True)

    def toggle_pause(self) -> None:
        c = self.window.controller
        if c.state == "paused":
            c.resume()
        else:
            c.pause()

    def _start(self, paused: bool) -> None:
        w = self.window
        c = w.controller
        if c.is_active() or not self._check_trainable():
            return
        s = self.settings()
        if w.val_by_drawer_action.isChecked():  # Model › Validate on unseen drawers
            s = replace(s, val_by="drawer")
        snap = w.state.snapshot()
        had_training = w.model_state.trained
        fresh = c.ensure_model(snap.classes, s.preset, s.seed)
        if fresh and had_training:
            self._status(
                translate(
                    "TrainingActions",
                    "The classes changed since the model was trained, so it starts again from fresh "
                    "weights (one output per class).",
                ),
                8000,
            )
        self._run_epochs = s.epochs
        w.training_panel.start_run()
        self._run_label = c.start(snap, s, paused=paused)
        w.plots.expect_run(self._run_label, s.epochs)  # axes and legends laid out while the data is prepared
        self.update_stale()

    def reset_weights(self) -> None:
        w = self.window
        if w.controller.is_active():
            return
        s = self.settings()
        w.controller.ensure_model(w.state.class_names(), s.preset, s.seed)
        w.controller.reset_weights(s.seed)
        w.training_panel.show_progress(0.0, translate("TrainingActions", "Not trained yet"))
        w.training_panel.show_message("")
        self._status(translate("TrainingActions", "Weights reset: the network starts from scratch."), 4000)

    def state_changed(self, state: str) -> None:
        w = self.window
        w.training_panel.set_state(state)
        active = state != "idle"
        w.train_action.setEnabled(not active)
        w.pause_action.setEnabled(active)
        w.stop_action.setEnabled(active)
        w.messages.training_state(state)
        self.update_model_label()
        if not active:
            if self._run_label is not None:  # the run ended before its first step: it is not plotted
                w.plots.cancel_expected_run()
                self._run_label = None
            self.model_for_current_classes()
            self.update_stale()

    def val_by_drawer_toggled(self, checked: bool) -> None:
        """Model › Validate on unseen drawers: what it means, in plain words, under the training controls,
        with whether this dataset has the two or more named drawers it needs."""
        w = self.window
        named = {k: v for k, v in w.state.drawer_counts().items() if k != UNKNOWN_DRAWER}
        if not checked:
            w.training_panel.show_message(translate(
                "TrainingActions",
                "Validation is a random share of each class again: the same people's drawings can be on "
                "both sides, so the accuracy says how well the model knows drawings like the ones it saw."))
            self._status(translate("TrainingActions", "Validation is a random share of each class again."),
                         5000)
            return
        text = translate(
            "TrainingActions",
            "Validation on unseen drawers: instead of a random share of each class, every drawing of "
            "some people is kept aside. The model never trains on them, so the validation accuracy says "
            "how well it recognises drawings by people it has not seen. It is usually lower, and closer "
            "to how the model will do for a new student.")
        if len(named) < 2:
            text += "\n\n" + translate(
                "TrainingActions",
                "This dataset has drawings by {n} named drawer{s}; at least two are needed (File › Open a "
                "class folder…, or import classmates' files).",
            ).format(n=len(named), s="" if len(named) == 1 else "s")
            w.training_panel.show_message(text, "warning")
        else:
            text += "\n\n" + translate(
                "TrainingActions",
                "This dataset has drawings by {n} drawers; drawings without a drawer name always train.",
            ).format(n=len(named))
            w.training_panel.show_message(text)
        holds_out = translate("TrainingActions",
                              "Validation now holds out whole drawers: people the model has not seen.")
        self._status(holds_out, 5000)

    def prepared(self, info: dict) -> None:
        """The run's data is ready: image files it leaves out are named (file: why) under the controls,
        and stay named below the run's own messages until the next run (`left_out_note`)."""
        problems = info.get("warnings") or []
        self.left_out_note = ""
        if problems:
            n = len(problems)
            more = translate("TrainingActions", "\n… and {n} more").format(n=n - 5) if n > 5 else ""
            shown = "\n".join(map(str, problems[:5])) + more  # str: an engine Text in the interface language
            self.left_out_note = translate(
                "TrainingActions", "{n} image file{s} left out of this run (file: why):\n{shown}",
            ).format(n=n, s="s" if n != 1 else "", shown=shown)
            self.window.training_panel.show_message(self.left_out_note, "warning")
            left_out = translate("TrainingActions", "{n} image file{s} left out of training: {problem}")
            self._status(left_out.format(n=n, s="s" if n != 1 else "", problem=problems[0]), 10000)

    def record(self, rec) -> None:
        """Records are shown in batches, at most RECORD_HZ times a second (every record is kept); the
        final record of a run is shown at once."""
        self._pending_records.append(rec)
        if rec.kind in ("done", "stopped", "diverged") or self.window.controller.state == "paused":
            self.flush_records()
        elif not self._record_timer.isActive():
            self._record_timer.start()

    def flush_records(self) -> None:
        """Hand every record received so far to the plots and the progress bar now."""
        w = self.window
        self._record_timer.stop()
        records, self._pending_records = self._pending_records, []
        for rec in records:
            if rec.kind == "step" and self._run_label is not None:
                w.plots.new_run(self._run_label, self._run_epochs)  # a run that never steps is not plotted
                self._run_label = None
            if self._run_label is None:
                w.plots.add_record(rec)
        if records:
            rec = records[-1]
            paused = w.controller.state == "paused"
            w.training_panel.show_progress(
                progress_fraction(rec, self._run_epochs), progress_text(rec, self._run_epochs, paused)
            )
            self.update_model_label()
            w.side_windows.feed_records(records)
