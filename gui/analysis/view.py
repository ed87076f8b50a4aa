"""AnalysisView ("analysis"): the "what did the network learn" panels in one QTabWidget.

The main window calls a small API (all cheap: heavy work goes to two analysis threads, each with its own
helper process, see worker.py: one for the dataset-wide jobs, one for the canvas drawing's):
  set_dataset(drawings, classes)     the drawings (dataset order = gallery rows) and the class list
                                     (names, or (name, colour) pairs)
  set_validation(fraction, seed)     the trainer's validation split, so "validation drawings" match it
  set_model(model_copy, classes, note="", trained=True, training=False)   a model COPY the view owns from
                                     now on (call it after each epoch, when training ends and when the
                                     model is replaced); `note` says which model it is ("Untrained (random
                                     weights)", "After epoch 3 of 10 · 1,017 steps", "Loaded from a.npz"):
                                     every panel shows it in its "modelNote" label, next to the results
                                     computed for that model; `training`: more models follow soon
  set_drawing(strokes)               the canvas drawing (throttled here)
  record_epoch(epoch, weights, activations=None)   filters + feature maps after an epoch (copies kept)
  set_stale(bool)                    the data changed after training
  shutdown()                         stop the analysis threads (the window's closeEvent)
Signals: drawingRequested(int) (load drawing i into the canvas), showDrawings(list) (filter the gallery to
exactly these dataset indices), layerRequested(int) (a layer was clicked in the network diagram),
trainRequested() (the "Train the network" button beside an untrained model's note), panelBuilt(name).

A panel is built when its tab is first shown (lazy.py): the window opens with its tabs' placeholders, the
tab shown builds its panel in a turn after the window was painted, and that panel makes its plots in the
turns after that, so View › Analysis returns at once and no turn does more than one piece;
`view.representation` etc. build theirs on first use; what the view tells an unbuilt panel is kept.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from gui.panels._common import Coalescer
from gui.panels._export import install_copy_shortcut
from gui.panels.tab_order import focus_next_in_reading_order, leave_tab_to_the_window
from gui.text import QT_TRANSLATE_NOOP, translate
from gui.widget_tree import find_named

from ._common import class_colours
from .augmentation import AugmentationPreview
from .confusion import ConfusionMatrix
from .health import DatasetHealth
from .history import EpochRecorder, FilterHistoryPanel
from .jobs import SentInChunks, dataset_job, drawing_job, model_job
from .lazy import LazyPanels
from .network import NetworkDiagram
from .notes import NO_MODEL, ModelNotes
from .representation import RepresentationView
from .saliency import SaliencyView
from .staging import StagedResults, WaitingJob
from .worker import AnalysisRunner

DRAWING_INTERVAL_MS = 150  # saliency / occlusion / augmentation at most ~7 times a second while drawing
MODEL_INTERVAL_S = 2.0  # the dataset-wide analysis at most every 2 s during training (it shares the CPU),
MODEL_DUTY = 0.25  # and busy at most about a quarter of the time: wait 3× as long as the last one took
IDLE_WAIT_S = 0.2  # when training is idle, a panel shown is brought up to date this soon
LIVE_NOTE_S = 1.0  # while training, the notes say how far the app's network has trained on this often
# While the window is opening (the shown tab's panel and its plots are being built, one piece per turn),
# the dataset job waits: sending 50,000 drawings to the helper takes the analysis thread ~1 s of pickling,
# and sharing Python's interpreter lock with it made each of those pieces of GUI work take twice as long.
DATASET_WAIT_MS = 50
MAX_DATASET_WAITS = 30  # at most 1.5 s
PANEL_OBJECT_NAMES = {"representationView": "representation", "confusionMatrix": "confusion",
                      "saliencyView": "saliency", "filterHistory": "history", "networkDiagram": "network",
                      "datasetHealth": "health", "augmentationPreview": "augmentation"}
RESULT_PANELS = ("representation", "confusion", "saliency", "health")  # results computed for a model


# The tabs: (attribute, title, tooltip)
TABS = (
    ("representation", QT_TRANSLATE_NOOP("AnalysisView", "Representations"),
     QT_TRANSLATE_NOOP("AnalysisView", "How each layer arranges the drawings (PCA), and how linearly "
                       "separable the classes are there")),
    ("confusion", QT_TRANSLATE_NOOP("AnalysisView", "Mistakes"),
     QT_TRANSLATE_NOOP("AnalysisView", "Confusion matrix and the most confidently wrong drawings")),
    ("saliency", QT_TRANSLATE_NOOP("AnalysisView", "Where it looks"),
     QT_TRANSLATE_NOOP("AnalysisView", "Saliency and occlusion maps for the canvas drawing")),
    ("history", QT_TRANSLATE_NOOP("AnalysisView", "Filters over time"),
     QT_TRANSLATE_NOOP("AnalysisView", "Filters and feature maps after every epoch")),
    ("network", QT_TRANSLATE_NOOP("AnalysisView", "Network"),
     QT_TRANSLATE_NOOP("AnalysisView", "The layers, their output shapes and weight counts")),
    ("health", QT_TRANSLATE_NOOP("AnalysisView", "Data health"),
     QT_TRANSLATE_NOOP("AnalysisView", "Counts, imbalance, near-duplicates, labels to check")),
    ("augmentation", QT_TRANSLATE_NOOP("AnalysisView", "Augmentation"),
     QT_TRANSLATE_NOOP("AnalysisView", "What training sees instead of the drawing")),
)


class AnalysisView(QTabWidget):
    """See the module docstring."""

    drawingRequested = Signal(int)
    showDrawings = Signal(list)
    layerRequested = Signal(int)
    showTestDrawings = Signal(list)  # positions in the imported test set (a confusion cell of the test set)
    analysisUpdated = Signal(str)  # "dataset", "model" or "drawing": new results are shown (for tests)
    trainRequested = Signal()

    def __init__(self, parent: QWidget | None = None, epochs: EpochRecorder | None = None):
        super().__init__(parent)
        self.setObjectName("analysis")
        self.runner = AnalysisRunner(self)  # the dataset-wide jobs: seconds each on a busy machine
        # The canvas drawing's jobs (tens of ms) have their own thread and helper process: behind a
        # dataset-wide job in one queue they waited for it, and the saliency and augmentation panels
        # stood still while the pen drew.
        self.drawing_runner = AnalysisRunner(self)
        # a result for the previous drawing or model is shown while the newest one is computed (else a pen
        # that keeps drawing, or epochs ending faster than the job, would starve these panels)
        self.runner.progressive = {"drawing", "model"}
        self.drawing_runner.progressive = {"drawing"}
        self.drawing_runner.resultReady.connect(self._on_result)
        self.drawing_runner.failed.connect(self._on_failed)
        app = QCoreApplication.instance()
        if app is not None:  # a safety net: the window should call shutdown() when it closes
            app.aboutToQuit.connect(self.shutdown)
        self.runner.resultReady.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)

        # each panel that shows a model says which one, in its own "modelNote" label
        self.notes = ModelNotes(
            ("representation", "confusion", "saliency", "network", "health"), ("history",),
            ("representation", "confusion", "saliency"), self.trainRequested,
        )
        # the panels are built when their tab is first shown (lazy.py); until then the view keeps what
        # it tells them
        factories = {"representation": staged_representation, "confusion": ConfusionMatrix,
                     "saliency": SaliencyView, "history": lambda p: FilterHistoryPanel(p, recorder=epochs),
                     "network": NetworkDiagram, "health": DatasetHealth, "augmentation": AugmentationPreview}
        self._epochs = epochs = epochs if epochs is not None else EpochRecorder()  # epochs kept here
        self.panels = LazyPanels(
            self,
            [(name, factories[name], translate("AnalysisView", title), translate("AnalysisView", tip))
             for name, title, tip in TABS],
            self._wire,
        )
        self.panels.built.connect(self._panel_built)
        self.panelBuilt = self.panels.built
        # Ctrl+C anywhere in the window (outside a text field or list, which copy their own) copies the
        # numbers of the tab shown: every chart's text equivalent
        self.copy_shortcut = install_copy_shortcut(self, self.copy_numbers)
        self.currentChanged.connect(self._panel_shown)
        self._live_note_timer = QTimer(self)  # the live note is applied at most every LIVE_NOTE_S
        self._live_note_timer.setSingleShot(True)
        self._live_note_timer.timeout.connect(self._apply_live_note)
        self._live_note_args: tuple | None = None
        self._live_note_at = -1e9

        self._drawings: list = []
        self._names: list[str] = []
        self._colours: list[str] = []
        self._dataset: dict | None = None  # the dataset job's result (X, labels, health, raw)
        self._dataset_gen = 0
        self._val = (0.1, 0)
        self._test: tuple | None = None
        self._model = None
        self._model_classes: list[str] = []
        self._training = False  # more models follow soon: the dataset-wide jobs keep to their duty cycle
        self._baselines: dict[tuple, dict] = {}  # (dataset generation, architecture) -> untrained probes
        self._model_wanted = False
        self._last_model_submit = -1e9
        self._last_model_done = -1e9
        self._model_seconds = 0.0  # how long the last dataset-wide analysis took
        self._model_timer = QTimer(self)
        self._model_timer.setSingleShot(True)
        self._model_timer.timeout.connect(self._submit_model)
        self._dataset_job = dataset_sender(self)  # waits while the window opens (see DATASET_WAIT_MS)
        self._strokes: list[np.ndarray] = []
        self._aug_seed = 0
        self._drawing = Coalescer(self._submit_drawing, DRAWING_INTERVAL_MS, self)
        self._drawing_wanted = False
        self._drawing_version = 0  # bumped by every new drawing or model
        self._maps_done = -1  # the drawing version the saliency panel shows
        self._aug_done = -1  # the drawing version the augmentation preview shows
        self._model_version = 0
        self._model_done = -1  # the model version the dataset-wide panels show
        self._staged = StagedResults(self.analysisUpdated.emit, self)
        self._closed = False
        # Tab reads each tab top to bottom, left to right (a model note's Train button before the controls
        # under it), also for widgets a panel makes later
        leave_tab_to_the_window(self)

    # -- API ----------------------------------------------------------------------------------------
    def set_dataset(self, drawings: Sequence, classes: Sequence) -> None:
        """The whole dataset (drawings in gallery order) and the classes (names or (name, colour))."""
        self._drawings = list(drawings)
        self._names, self._colours = class_colours(classes)
        self._dataset_gen += 1
        for name in ("representation", "confusion", "health"):
            self.panels.call(name, "set_drawings", self._drawings)
            self.panels.call(name, "set_classes", self._names, self._colours)
        self._dataset_job.request(SentInChunks(self._drawings), list(self._names))
        if self._model is not None:
            self._model_wanted = True  # recomputed once the new rasters are ready

    def set_test_set(self, drawings: Sequence | None) -> None:
        """An imported test set (drawings with labels), or None: its confusion matrix joins the others."""
        self._test = tuple(drawings) if drawings else None
        self.panels.call("confusion", "set_test_drawings", list(self._test or []))
        self._schedule_model()

    def set_validation(self, fraction: float, seed: int = 0) -> None:
        self._val = (float(fraction), int(seed))
        self._schedule_model()

    def set_model(self, model, classes: Sequence[str], note: str = "", trained: bool = True,
                  training: bool = False) -> None:
        """A model copy (the view owns it from now on) and its class order; None clears. `note`: which
        model it is (see the module docstring); `trained` False shows the Train button beside the note;
        `training` True while a run goes on (the next model follows soon)."""
        self._model = model
        self._model_version += 1
        self._drawing_version += 1
        self._model_classes = [c if isinstance(c, str) else c[0] for c in classes]
        note = note or (translate("AnalysisView", "Untrained (random weights)") if not trained
                        else translate("AnalysisView", "Model as it is now"))
        self._training = bool(training)
        notes = self.notes
        notes.live = (note, bool(trained), self._training)
        notes.new_model(self._model_version, note)
        notes.show_train_buttons(model is not None and not trained and not training)
        # panels that follow the model at once (network diagram, filter history) show its note now
        no_model = translate("Analysis", NO_MODEL)  # as the panels show it
        notes.set("network", note if model is not None else no_model)
        if model is not None:  # panels still without a result say what they are computing for
            for name in RESULT_PANELS:
                computing = translate("AnalysisView", "Computing for: {note}…")
                shown = notes.text(name)
                if shown in (no_model, "") or shown.startswith(computing.split("{")[0]):
                    notes.set(name, computing.format(note=note))
        call = self.panels.call
        call("history", "set_model_note",
             note if model is not None else translate("AnalysisView", "no model yet"))
        call("network", "set_model", model)
        if model is None:
            for name in RESULT_PANELS:
                notes.set(name, no_model)
            call("representation", "clear_model")
            call("confusion", "clear")
            call("saliency", "clear", translate("AnalysisView", "No model yet."))
            return
        call("history", "set_model", model)
        self._schedule_model()
        self._drawing.request()

    def set_drawing(self, strokes: Sequence[np.ndarray]) -> None:
        self._strokes = [np.asarray(s) for s in strokes if len(s)]
        self._drawing_version += 1
        self._drawing.request()

    def record_epoch(self, epoch: int, weights: dict, activations=None) -> None:
        history = self.panels.get("history")
        if history is not None:
            history.record(epoch, weights, activations)
        else:  # the panel, when built, shows what its recorder holds
            config = self._model.config() if self._model is not None else None
            self._epochs.record(epoch, weights, activations, config=config)

    def set_live_note(self, note: str, trained: bool, training: bool) -> None:
        """The app's network has moved on (training records) without a new model copy yet: say so under
        results of the copy held, and hide the Train buttons while training runs. Cheap: no new jobs. The
        words follow at most every LIVE_NOTE_S while a run goes on (every change of a wrapped label lays
        its panel out again, and training sends about 20 notes a second); the Train buttons at once."""
        notes = self.notes
        notes.show_train_buttons(self._model is not None and not trained and not training)
        self._live_note_args = (note, bool(trained), bool(training))
        wait = LIVE_NOTE_S - (time.perf_counter() - self._live_note_at)
        if not training or wait <= 0:
            self._apply_live_note()
        elif not self._live_note_timer.isActive():
            self._live_note_timer.start(int(wait * 1000) + 1)

    def _apply_live_note(self) -> None:
        self._live_note_timer.stop()
        if self._live_note_args is None:
            return
        notes = self.notes
        notes.live, self._live_note_args = self._live_note_args, None
        self._live_note_at = time.perf_counter()
        if self._model is None:
            return
        notes.set("network", notes.held(notes.current))
        self.panels.call("history", "set_model_note", notes.held(notes.current))
        for name in RESULT_PANELS:
            base = notes.text(name).split(" — ")[0]
            if base.startswith(translate("Analysis", "Computed for: {own}.").split("{")[0]):
                notes.set(name, notes.held_suffix(base))

    def model_note(self, panel: QWidget | str) -> str:
        """The note of `panel` (or of the panel of that name): its "modelNote" label once it is built."""
        name = panel if isinstance(panel, str) else self.panels.name_of(panel)
        return self.notes.text(name) if name else ""

    def set_stale(self, stale: bool) -> None:
        self.panels.call("health", "set_stale", stale)

    def flush(self) -> None:
        """Send a pending drawing request and dataset job now, apply results received, and render the
        panels' timers (tests, screenshots)."""
        self._dataset_job.flush()
        self._staged.flush()
        self._drawing.flush()
        if self._model_timer.isActive():
            self._model_timer.stop()
            self._submit_model()
        if self._live_note_timer.isActive():
            self._apply_live_note()
        history = self.panels.get("history")
        if history is not None:
            history.flush()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        self._closed = True
        self._model_timer.stop()
        self._dataset_job.stop()
        self._live_note_timer.stop()
        self._staged.stop()
        drawing_stopped = self.drawing_runner.shutdown(timeout_ms)
        return self.runner.shutdown(timeout_ms) and drawing_stopped

    # -- scheduling ---------------------------------------------------------------------------------
    def _schedule_model(self) -> None:
        if self._model is None:
            return
        self._model_wanted = True
        if not self._training:  # training is idle: no other work to share the processor with
            if self._model_timer.isActive() and self._model_timer.remainingTime() <= IDLE_WAIT_S * 1000:
                return
            self._model_timer.start(int(IDLE_WAIT_S * 1000))
            return
        if self._model_timer.isActive():
            return
        gap = max(MODEL_INTERVAL_S, self._model_seconds * (1 - MODEL_DUTY) / MODEL_DUTY)
        wait = gap - (time.perf_counter() - self._last_model_done)
        self._model_timer.start(max(0, int(wait * 1000)))

    # Work is done for panels on screen only: a hidden panel is brought up to date when it is shown.
    def _model_panels_visible(self) -> bool:
        return any(self.panels.visible(n) for n in ("representation", "confusion", "health"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.panels.schedule_current()  # the shown tab's panel is built in the next turn
        self._panel_shown()

    def _panel_shown(self, *_args) -> None:
        if self._closed:
            return
        if self._model is not None and (self._model_wanted or self._model_done != self._model_version):
            self._schedule_model()
        if (
            self._drawing_wanted
            or (self.panels.visible("saliency") and self._maps_done != self._drawing_version)
            or (self.panels.visible("augmentation") and self._aug_done != self._drawing_version)
        ):
            self._drawing.request()

    def _submit_model(self) -> None:
        if self._closed or self._model is None or not self._model_wanted:
            return
        if not self._model_panels_visible():
            return  # nobody sees them: computed when one is shown (_panel_shown)
        if self._dataset is None or self._dataset.get("gen") != self._dataset_gen:
            return  # waits for the dataset's rasters; _on_result submits then
        self._model_wanted = False
        self._last_model_submit = time.perf_counter()
        d = self._dataset
        key = self._baseline_key()
        self.runner.submit(
            "model",
            model_job,
            self._model,
            list(self._model_classes),
            d["X"],
            d["labels"],
            self._val[0],
            self._val[1],
            (self._dataset_gen, self._model_version),  # returned as the result's tag
            0.9,
            self._test,
            key not in self._baselines,  # the untrained baseline: once per dataset and architecture
            d.get("drawers"),
        )
        self.panels.call("representation", "set_status",
                         translate("AnalysisView", "Computing for the newest model…"))

    def _baseline_key(self) -> tuple:
        return (self._dataset_gen, repr(self._model.config()) if self._model is not None else None)

    def _submit_drawing(self) -> None:
        if self._closed:
            return
        visible = self.panels.visible
        maps, aug = visible("saliency"), visible("augmentation")
        if not (maps or aug or visible("network") or visible("history")):
            self._drawing_wanted = True  # nobody sees the drawing's analysis now
            return
        self._drawing_wanted = False
        self.notes.drawing_submitted(self._drawing_version)
        self.drawing_runner.submit(
            "drawing",
            drawing_job,
            self._model,
            list(self._strokes),
            self._aug_seed,
            maps,
            aug,
            self._drawing_version,
        )

    def _reroll(self) -> None:
        self._aug_seed += 1
        self._drawing.request()

    # -- results (GUI thread): applied panel by panel, one per turn of the event loop (StagedResults) --
    def _on_result(self, kind: str, result: dict) -> None:
        if self._closed:
            return
        call = self.panels.call  # a panel not built yet gets the newest of each call when it is
        if kind == "dataset":
            result["gen"] = self._dataset_gen
            self._dataset = result
            steps = [lambda: call("representation", "set_raw", result["raw"]),
                     lambda: call("health", "set_health", result["health"])]
            if self._model is not None:
                self._model_wanted = True
                self._submit_model()
        elif kind == "model":
            self._last_model_done = time.perf_counter()
            # the job's own computing time (not the time since the newest submit, which may be a
            # later request than the one that finished)
            self._model_seconds = float(result.get("seconds", 0.0))
            dataset_gen, model_version = result.get("tag") or (None, -1)
            if dataset_gen != self._dataset_gen:
                return  # computed for drawings that have changed since: its indices would be wrong
            if model_version < self._model_done:
                return  # an even newer model's result is shown already
            note = self.notes.for_model(model_version)
            self._model_done = model_version
            if result.get("baseline") is not None:
                self._baselines[self._baseline_key()] = result["baseline"]
            call("representation", "set_baseline", self._baselines.get(self._baseline_key()))
            steps = [lambda: (call("representation", "set_layers", result["layers"], note),
                              self.notes.set("representation", note)),
                     lambda: (call("confusion", "set_result", result["confusion"], note),
                              self.notes.set("confusion", note)),
                     lambda: (call("health", "set_suspects", result["suspects"]),
                              self.notes.set("health", note))]
        elif kind == "drawing":
            steps = drawing_steps(self, result)
        else:
            steps = []
        self._staged.stage(kind, steps)

    def _on_failed(self, kind: str, text: str) -> None:
        show_failure(self, kind, text)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        """Tab reads the tab shown top to bottom, left to right (gui/panels/tab_order.py)."""
        return focus_next_in_reading_order(self, next) or super().focusNextPrevChild(next)

    # -- for tests ----------------------------------------------------------------------------------
    def copy_numbers(self) -> int:
        """Copies the shown tab's numbers to the clipboard (see gui/panels/_export.py); rows copied."""
        copy = getattr(self.currentWidget(), "copy_numbers", None)
        return int(copy()) if copy is not None else 0

    def panel(self, object_name: str) -> QWidget | None:
        """The widget of that object name; a panel's name ("saliencyView") builds the panel if need be."""
        if object_name in PANEL_OBJECT_NAMES:
            return self.panels.build(PANEL_OBJECT_NAMES[object_name])
        return find_named(self, object_name, QWidget)

    # -- the panels (lazy.py): built when first shown, or when code asks for one here ---------------------
    def _wire(self, name: str, panel: QWidget) -> None:
        wire_panel(self, name, panel)

    def _panel_built(self, _name: str) -> None:
        self._panel_shown()  # bring it up to date (its jobs were skipped while nobody could see it)

    representation, confusion, saliency, history, network, health, augmentation = (
        property(lambda self, n=name: self.panels.build(n)) for name, _t, _tip in TABS)

    @property
    def train_buttons(self) -> list:
        """The Train buttons beside an untrained model's note (their panels are built for this)."""
        for name in RESULT_PANELS[:3]:
            self.panels.build(name)
        return self.notes.train_buttons


def staged_representation(parent: QWidget) -> RepresentationView:
    """The window's Representations panel: its plots are made in the turns after it (one piece each)."""
    return RepresentationView(parent, staged=True)


def dataset_sender(view: AnalysisView) -> WaitingJob:
    """The dataset job, sent in the next turn, or once the opening window has built its shown panel."""
    return WaitingJob(lambda *args: view.runner.submit("dataset", dataset_job, *args),
                      lambda: window_opening(view), DATASET_WAIT_MS, MAX_DATASET_WAITS, view)


def window_opening(view: AnalysisView) -> bool:
    """The shown tab's panel is still being built (its placeholder is shown, or its plots are not all in
    place)."""
    if not view.isVisible():
        return False
    page = view.currentWidget()
    if view.panels.name_of(page) is None:
        return True  # a placeholder: its panel is built in one of the next turns
    waiting = getattr(page, "plots_waiting", None)
    return bool(waiting is not None and waiting())


def wire_panel(view: AnalysisView, name: str, panel: QWidget) -> None:
    """Connect panel `name`, just built, to the view (before the calls kept for it are replayed)."""
    if name in ("representation", "confusion", "health"):
        panel.drawingRequested.connect(view.drawingRequested)
    if name in ("confusion", "health"):
        panel.showDrawings.connect(view.showDrawings)
    if name == "confusion":
        panel.showTestDrawings.connect(view.showTestDrawings)
    elif name == "network":
        panel.layerClicked.connect(view.layerRequested)
    elif name == "augmentation":
        panel.rerollRequested.connect(view._reroll)
    view.notes.attach(name, panel)


def show_failure(view: AnalysisView, kind: str, text: str) -> None:
    """A job of `kind` failed: say so where its results would be."""
    first = text.splitlines()[0] if text else translate("AnalysisView", "unknown error")
    if kind == "model":
        view.panels.call("representation", "set_status", translate(
            "AnalysisView", "Could not analyse this model: {first}").format(first=first))
    elif kind == "drawing":
        view.panels.call("saliency", "clear", translate(
            "AnalysisView", "Could not analyse this drawing: {first}").format(first=first))
    elif kind == "dataset":
        view.panels.call("health", "set_failure", translate(
            "AnalysisView", "Could not analyse the drawings: {first}").format(first=first))


def drawing_steps(view: AnalysisView, result: dict) -> list:
    """The steps that show the canvas drawing's result (saliency, augmentation, network, history)."""
    call = view.panels.call
    version = result.get("version", -1)

    def done(which: str) -> None:  # what the panels show, once they show it
        setattr(view, which, version)

    if result.get("empty"):
        steps = [lambda: call("saliency", "clear",
                              translate("AnalysisView", "Draw something on the canvas.")),
                 lambda: call("augmentation", "clear"),
                 lambda: call("network", "set_input", None),
                 lambda: call("history", "set_input", None),
                 lambda: (done("_maps_done"), done("_aug_done"))]
    else:
        steps = []
        if "augmented" in result:
            steps.append(lambda: (call("augmentation", "set_result", result["x"],
                                       result["augmented"]), done("_aug_done")))
        steps += [lambda: call("network", "set_input", result["x"]),
                  lambda: call("history", "set_input", result["x"])]
        if "saliency" in result:
            note = view.notes.for_drawing(version)
            steps.append(lambda: (call("saliency", "set_result", result, view._model_classes),
                                  view.notes.set("saliency", note), done("_maps_done")))
        elif view._model is None:
            text = translate("AnalysisView", "No model yet: train it, then see where it looks.")
            steps.append(lambda: call("saliency", "clear", text))
    return steps
