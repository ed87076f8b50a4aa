"""FilterHistoryPanel: the filters and the current drawing's feature maps as they were after each epoch.

A QSlider ("filterHistorySlider") whose maximum is the index of the last recorded epoch; moving it shows
that epoch's filters (the trainer's FiltersPanel) and feature maps (FeatureMapsPanel); Play steps through
the epochs. The feature maps are the ones recorded with the epoch while the drawing on the canvas is the
same; once the drawing changes they are recomputed from that epoch's weights for the new drawing.

`EpochRecorder` (no widgets) keeps the snapshots: the main window owns one from start-up and feeds it the
training records of every run, so the panel has the whole history even when the analysis window is opened
after training. Memory is bounded (MEMORY_BUDGET bytes of weights: the oldest snapshots go first).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QSplitter, QVBoxLayout, QWidget

from engine.analysis import FilterHistory
from gui.panels.feature_maps import FeatureMapsPanel
from gui.panels.filters import FiltersPanel
from gui.text import translate

from ._common import install_export_menu, model_note_label

PLAY_INTERVAL_MS = 600
# The filters are drawn 40 ms after they arrive, the feature maps this long: when both grids are built at
# once (the panel's first show during training) they are built in different turns of the event loop, each
# about half of the 100-300 ms that both took in one turn
MAPS_DELAY_MS = 100
MEMORY_BUDGET = 48 * 1024 * 1024  # bytes of recorded weights (default model: about 130 epochs)
MIN_ENTRIES = 10


class EpochRecorder:
    """Per-epoch snapshots of the model's weights (and optionally the canvas drawing's activations), over
    every run, in an engine `FilterHistory` whose length is bounded by MEMORY_BUDGET. `runs[i]` is entry
    i's run number (1, 2, …: a new run starts when an epoch number does not follow the last one).
    Snapshots of a different architecture clear the earlier ones. `listeners` are called with no
    arguments after every change."""

    def __init__(self, budget: int = MEMORY_BUDGET):
        self.budget = int(budget)
        self.history = FilterHistory()
        self.runs: list[int] = []
        self.tags: list[int] = []  # the caller's tag of each entry's activations (-1: none)
        self._config = None
        self._last_step = None
        self.model = None  # a copy of the recorded architecture (for summaries and feature maps)
        self.listeners: list = []

    def __len__(self) -> int:
        return len(self.history)

    def add_records(self, records, model) -> int:
        """Record the model's weights once for each "epoch" record among `records` (training records as
        the window shows them, in batches). Returns how many were recorded."""
        n = 0
        for r in records:
            if r.kind == "epoch":
                config = model.config()
                if self._config is not None and config != self._config:
                    self.clear()  # another network: its epochs are not comparable
                if self.model is None:
                    self.model = model.copy()
                self.record(r.epoch, model.weights(), config=config, step=r.step)
                n += 1
        return n

    def record(self, epoch: int, weights: dict, activations=None, *, config=None, tag: int = -1,
               step: int | None = None) -> None:
        if config is not None and self._config is not None and config != self._config:
            self.clear()
        if config is not None:
            self._config = config
        size = sum(np.asarray(v).nbytes for v in weights.values())
        self.history.limit = max(MIN_ENTRIES, self.budget // max(size, 1))
        last_epoch = self.history.epochs[-1] if len(self.history) else None
        new_run = last_epoch is None or epoch <= last_epoch or (
            step is not None and self._last_step is not None and step <= self._last_step)
        run = (self.runs[-1] if self.runs else 0) + (1 if new_run else 0)
        self._last_step = step
        self.history.record(epoch, weights, activations)
        self.runs.append(run)
        self.tags.append(tag if activations is not None else -1)
        extra = len(self.runs) - len(self.history)
        if extra > 0:
            del self.runs[:extra], self.tags[:extra]
        self._notify()

    def clear(self) -> None:
        self.history.clear()
        self.runs.clear()
        self.tags.clear()
        self._config = None
        self.model = None
        self._last_step = None
        self._notify()

    def nbytes(self) -> int:
        return sum(sum(v.nbytes for v in self.history._weights[i].values()) for i in range(len(self.history)))

    def _notify(self) -> None:
        for fn in list(self.listeners):
            fn()


class FilterHistoryPanel(QWidget):
    """API: set_model(model) (architecture for summaries and recomputing maps), record(epoch, weights,
    activations), set_input(raster or None), clear(), show_entry(i), history (engine FilterHistory),
    slider, play_button, shown_index()."""

    def __init__(self, parent: QWidget | None = None, recorder: EpochRecorder | None = None):
        super().__init__(parent)
        self.setObjectName("filterHistory")
        self.recorder = recorder if recorder is not None else EpochRecorder()
        self.history = self.recorder.history
        self.recorder.listeners.append(self._recorded)
        self.destroyed.connect(lambda *_a, r=self.recorder, f=self._recorded: (
            r.listeners.remove(f) if f in r.listeners else None))
        self._scratch = None  # a model of the recorded architecture, used only on the GUI thread
        self._layers = []
        self._input: np.ndarray | None = None
        self._input_version = 0
        self._shown = -1
        self._count = 0  # entries the slider knows of

        self.title = QLabel(translate(
            "History",
            "<b>Filters over time</b> — scrub through the epochs to watch the filters form",
        ))
        self.explain = QLabel(
            translate(
                "History",
                "After every epoch of training the filters and the feature maps of the drawing on the "
                "canvas are kept. Drag the slider to go back in time; Play shows them one epoch after "
                "another.",
            )
        )
        self.explain.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("filterHistorySlider")
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setToolTip(
            translate("History", "Which epoch to show (left = first recorded, right = latest)")
        )
        self.slider.valueChanged.connect(self.show_entry)
        self.play_button = QPushButton(translate("History", "▶ Play"))
        self.play_button.setObjectName("filterHistoryPlay")
        self.play_button.setToolTip(
            translate("History", "Step through the recorded epochs from the first to the last")
        )
        self.play_button.setCheckable(True)
        self.play_button.setEnabled(False)
        self.play_button.toggled.connect(self._play_toggled)
        self.epoch_label = QLabel(
            translate("History", "Nothing recorded yet: train the network to record its filters each epoch.")
        )
        self.epoch_label.setObjectName("filterHistoryLabel")
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

        self.filters = FiltersPanel()
        self.filters.setObjectName("historyFiltersPanel")  # the trainer window has its own "filtersPanel"
        self.filters.empty.setText(translate(
            "History", "No epoch recorded yet: the filters of each epoch appear here once training runs."))
        self.feature_maps = FeatureMapsPanel(render_delay_ms=MAPS_DELAY_MS)
        self.feature_maps.setObjectName("historyFeatureMapsPanel")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.filters)
        split.addWidget(self.feature_maps)
        self.model_note = model_note_label()

        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.model_note)
        layout.addLayout(controls)
        layout.addWidget(self.epoch_label)
        layout.addWidget(split, 1)
        install_export_menu(self, "filter-history", self.csv_data)
        if len(self.history):  # epochs recorded before this window was opened
            if self.recorder.model is not None:
                self._scratch = self.recorder.model.copy()
                self._layers = self._scratch.summary()
                self._prebuild()
            self._recorded()

    # -- API ------------------------------------------------------------------------------------------
    def set_model(self, model) -> None:
        """The architecture the history is about (a copy is kept); a different one clears the history."""
        if model is None:
            return
        new_architecture = self._scratch is None or model.config() != self._scratch.config()
        if new_architecture and self.recorder._config not in (None, model.config()):
            self.clear()  # the recorded epochs are of another network
        self._scratch = model.copy()
        self._layers = model.summary()
        if new_architecture:
            self._prebuild()

    def _prebuild(self) -> None:
        """Build the filter and feature-map grids for this architecture, hidden and empty, in two later
        turns of the event loop (each about half of the work; the panel itself is built in the turn
        before), so that the first epoch or drawing shown during training only fills images in: building
        them then stalled the GUI thread for 100-400 ms. With epochs recorded already (the panel built
        during or after training), showing the newest one builds the filter grid, and the feature-map
        grid is still built here: else the first drawing after the panel's first show built it in one
        turn with the pen down (a 72 ms GUI stall at load 5, 23 ms of its CPU)."""
        m = self._scratch
        try:
            weights = {k: np.zeros_like(v) for k, v in m.weights().items()}
            acts = m.activations(np.zeros(m.input_shape[1:], np.float32))
        except (ValueError, IndexError, TypeError):
            return
        self._prebuilding = m

        def still_wanted() -> bool:  # the same model
            return getattr(self, "_prebuilding", None) is m

        def filters() -> None:
            if still_wanted():
                if not len(self.history):  # else an epoch is (or will be) shown: that builds the grid
                    self.filters.set_model(weights, self._layers)
                    self.filters.flush()
                    self.filters.graphics.setVisible(False)
                    self.filters.empty.setVisible(True)
                QTimer.singleShot(0, self, maps)

        def maps() -> None:
            if still_wanted():
                self._prebuilding = None
                self.feature_maps.prepare(acts)  # builds the grid if there is none for these shapes
                if not len(self.history):
                    self._hide_grids()

        QTimer.singleShot(0, self, filters)

    def prebuilt(self) -> bool:
        """The grids for the model set are built (or an epoch is shown): nothing left to build in turns."""
        return getattr(self, "_prebuilding", None) is None

    def _hide_grids(self) -> None:
        """Show the panels' "nothing here" notes and hide their grids, keeping them built for the next
        epoch shown (FiltersPanel.clear() takes its grids down: rebuilding them cost 50-120 ms)."""
        self.filters.flush()  # nothing pending may show an old entry afterwards
        self.filters.graphics.setVisible(False)
        self.filters.empty.setVisible(True)
        self.feature_maps.clear(translate(
            "History",
            "No epoch recorded yet: the feature maps of each epoch appear here once training runs.",
        ))
        self.feature_maps.flush()

    def record(self, epoch: int, weights: dict, activations=None) -> None:
        config = self._scratch.config() if self._scratch is not None else None
        self.recorder.record(epoch, weights, activations, config=config, tag=self._input_version)

    def _recorded(self) -> None:
        """The recorder changed (an epoch recorded here or by the window, or cleared)."""
        if len(self.history) == 0:
            if self._count:
                self._reset_view()
            return
        follow = self.slider.value() == self.slider.maximum() or self._count == 0
        self._count = len(self.history)
        last = len(self.history) - 1
        self.slider.blockSignals(True)
        self.slider.setRange(0, last)
        self.slider.setEnabled(True)
        self.play_button.setEnabled(last > 0)
        if follow and not self._timer.isActive():
            self.slider.setValue(last)
        self.slider.blockSignals(False)
        if follow and not self._timer.isActive():
            self._show_or_defer(last)
        else:
            self._update_label()

    def set_input(self, x: np.ndarray | None) -> None:
        """The current drawing's raster (S, S) or None; the shown epoch's maps are recomputed for it."""
        self._input = None if x is None else np.array(x, np.float32, copy=True)
        self._input_version += 1
        if self._shown >= 0:
            self._show_or_defer(self._shown)

    def clear(self) -> None:
        self.recorder.clear()
        self._reset_view()

    def _reset_view(self) -> None:
        self._count = 0
        self._timer.stop()
        self.play_button.setChecked(False)
        self._shown = -1
        self._deferred = None
        self._filters_key = None
        self.slider.blockSignals(True)
        self.slider.setRange(0, 0)
        self.slider.blockSignals(False)
        self.slider.setEnabled(False)
        self.play_button.setEnabled(False)
        self._hide_grids()
        self.epoch_label.setText(
            translate("History", "Nothing recorded yet: train the network to record its filters each epoch.")
        )

    def _show_or_defer(self, i: int) -> None:
        """Render entry i now if the panel is on screen, else when it is shown (saves GUI time)."""
        if self.isVisible():
            self.show_entry(i)
        else:
            self._deferred = i
            self._shown = i
            self._update_label()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        i = getattr(self, "_deferred", None)
        if i is not None:
            self._deferred = None
            self.show_entry(i)

    def shown_index(self) -> int:
        return self._shown

    def show_entry(self, i: int) -> None:
        if not 0 <= i < len(self.history):
            return
        self._shown = i
        self._deferred = None
        weights = self.history.weights_at(i)
        layers = self._layers
        if not layers and self._scratch is not None:
            layers = self._scratch.summary()
        key = (i, len(self.history), self.history.epochs[i])
        if key != getattr(self, "_filters_key", None):  # a new drawing alone leaves the filters as they are
            self._filters_key = key
            self.filters.set_model(weights, layers)
        acts = self._activations_for(i, weights)
        if acts:
            self.feature_maps.set_activations(acts)
        else:
            self.feature_maps.clear()
        self._update_label()

    def flush(self) -> None:
        self.filters.flush()
        self.feature_maps.flush()

    def csv_data(self) -> tuple[list, list]:
        """Every recorded epoch's conv filter weights, one row per weight."""
        header = ["entry", "epoch", "parameter", "filter", "input channel", "row", "column", "weight"]
        rows = []
        for e in range(len(self.history)):
            for name, w in self.history.weights_at(e).items():
                if w.ndim != 4:
                    continue
                for idx in np.ndindex(w.shape):
                    rows.append([e, self.history.epochs[e] + 1, name, *idx, f"{w[idx]:.6g}"])
        return header, rows

    # -- internals ------------------------------------------------------------------------------------
    def _activations_for(self, i: int, weights: dict):
        recorded = self.history.activations_at(i)
        if recorded is not None and self.recorder.tags[i] == self._input_version:
            return recorded
        if self._input is None or self._scratch is None:
            return recorded if self._input is not None else None
        try:
            self._scratch.set_weights(weights)
        except ValueError:
            return None
        return self._scratch.activations(self._input)

    def _update_label(self) -> None:
        n = len(self.history)
        if n == 0 or self._shown < 0:
            return
        epoch = self.history.epochs[self._shown] + 1
        run = self.recorder.runs[self._shown]
        runs = ""
        if self.recorder.runs[-1] > 1 or self.recorder.runs[0] > 1:
            runs = translate("History", " of run {run}").format(run=run)
        self.epoch_label.setText(
            translate(
                "History",
                "Showing the network after epoch {epoch}{runs} (recording {value} of {n}, kept for every "
                "run since the app started, at most {limit}).",
            ).format(
                epoch=epoch, runs=runs, value=self._shown + 1, n=n, limit=self.history.limit
            )
        )

    def set_model_note(self, text: str) -> None:
        """What model the analysis window holds now (the slider shows recorded epochs of it)."""
        self.model_note.setText(translate(
            "History",
            "Model now: {text}. The slider shows the recorded epochs.",
        ).format(
            text=text
        ))

    def _play_toggled(self, on: bool) -> None:
        if on:
            if self.slider.value() >= self.slider.maximum():
                self.slider.setValue(0)
            self.play_button.setText(translate("History", "⏸ Pause"))
            self._timer.start()
        else:
            self.play_button.setText(translate("History", "▶ Play"))
            self._timer.stop()

    def _tick(self) -> None:
        if self.slider.value() < self.slider.maximum():
            self.slider.setValue(self.slider.value() + 1)
        if self.slider.value() >= self.slider.maximum():
            self.play_button.setChecked(False)
