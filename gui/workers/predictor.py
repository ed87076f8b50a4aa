"""Live prediction: the canvas drawing through the model as it is right now, as the JobRunner's
"predict" kind behind one Throttle.

`LivePredictor.request(strokes)` keeps the newest drawing; the throttle sends the first request after a
quiet spell at once and then at most every `interval_ms`. Each job carries a copy of the model taken when
it was sent (so weights that change meanwhile do not leak into it) and rasterizes with `engine.rasterize`,
the same path as training. The runner's rules do the rest: a job still waiting when a newer one comes is
dropped, the running one finishes (the kind is progressive: its result is still newer than the one on
screen), a result older than one shown is dropped, and `cancel` (the canvas was cleared) drops everything
asked so far. Feature maps are emitted through a second Throttle (at most every `maps_interval_ms`, the
newest last): drawing a dozen feature-map grids costs far more than the bars.

Signals: `predicted(list, object)` (classes, probabilities (C,) summing to 1), `activations(list)` (engine
Activation objects, copies) and `cleared()` when the canvas is empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal

from engine import Sequential, rasterize, softmax
from gui.core.training import INPUT_SIZE

from .runner import JobRunner
from .throttle import Throttle

KIND = "predict"


@dataclass(frozen=True)
class LivePrediction:
    """One computed prediction for the canvas drawing (plain data, made in the predictor's thread)."""

    classes: tuple[str, ...]
    probabilities: np.ndarray  # (C,), sums to 1
    activations: list  # engine Activation objects (copies), layer by layer
    input: np.ndarray  # (S, S): the rasterized drawing the model saw


def predict_job(strokes: list, model: Sequential, classes: tuple, *, should_stop) -> LivePrediction:
    """In the "predict" lane: rasterize the drawing and run one forward pass (a few ms: not worth a stop
    check inside)."""
    x = rasterize(strokes, INPUT_SIZE)  # the one preprocessing path, as in training
    acts = model.activations(x)  # one forward pass gives the feature maps and the logits
    probs = softmax(acts[-1].data.reshape(1, -1))[0]
    return LivePrediction(classes, probs, acts, x)


class LivePredictor(QObject):
    """See the module docstring. `controller` has `model` and `classes` (the TrainingController)."""

    predicted = Signal(list, object)
    activations = Signal(list)
    cleared = Signal()

    def __init__(
        self,
        controller,
        interval_ms: int = 25,
        maps_interval_ms: int = 100,
        parent: QObject | None = None,
        *,
        runner: JobRunner | None = None,
    ):
        super().__init__(parent)
        self._controller = controller
        self._own_runner = runner is None
        self._runner = runner if runner is not None else JobRunner(self, name="ShapeLabPrediction")
        self._runner.progressive.add(KIND)
        self._runner.keep_running.add(KIND)
        self._throttle = Throttle(self._send, interval_ms, self)
        self._maps_throttle = Throttle(self._emit_maps, maps_interval_ms, self)
        self._maps_pending: list | None = None
        self._strokes: list[np.ndarray] = []
        self._model_copy: Sequential | None = None  # what the jobs compute with (never mutated)
        self._model_source: Sequential | None = None
        self._closed = False
        self.want_activations = True
        self.last_input: np.ndarray | None = None
        self.generation = 0  # counts the predictions shown

    @property
    def thread(self) -> QThread | None:
        """The QThread computing a prediction now (None when none runs)."""
        return self._runner.thread(KIND)

    def is_busy(self) -> bool:
        return self._runner.is_busy(KIND)

    def request(self, strokes: Sequence[np.ndarray]) -> None:
        self._strokes = list(strokes)
        self._throttle.trigger()

    def refresh(self) -> None:
        """The model's weights (or the model) changed: recompute for the same drawing."""
        self._model_copy = None
        self._throttle.trigger()

    def close(self) -> None:
        """No more requests or signals (the window is closing); the runner ends the job under way."""
        self._closed = True
        self._throttle.cancel()
        self._maps_throttle.cancel()
        self._runner.cancel(KIND)

    def shutdown(self, budget_s: float = 2.0) -> bool:
        """`close()`, and wait at most `budget_s` for the prediction under way. True when none runs."""
        self.close()
        if self._own_runner:
            return self._runner.shutdown(budget_s)
        return self._runner.wait(budget_s, KIND)

    def _send(self) -> None:
        if self._closed:
            return
        model = self._controller.model
        strokes = [s for s in self._strokes if len(s)]
        if model is None or not strokes:
            self._runner.cancel(KIND)  # anything still computing is older than this clear
            self.last_input = None
            self._maps_pending = None
            self._maps_throttle.cancel()
            self.cleared.emit()
            return
        if self._model_copy is None or self._model_source is not model:
            self._model_copy, self._model_source = model.copy(), model
        self._runner.submit(
            KIND, predict_job, strokes, self._model_copy, tuple(self._controller.classes), on_done=self._show
        )

    def _show(self, result: LivePrediction) -> None:
        """A result that passed the runner's rules (newer than any shown, not cleared since)."""
        if self._closed:
            return
        self.last_input = result.input
        self.generation += 1
        self.predicted.emit(list(result.classes), result.probabilities)
        if self.want_activations:
            self._maps_pending = result.activations
            self._maps_throttle.trigger()

    def _emit_maps(self) -> None:
        acts, self._maps_pending = self._maps_pending, None
        if acts is not None:
            self.activations.emit(acts)
