"""The training thread: a thin wrapper that runs `gui.core.training.run_training` (which drives
`engine.train`'s generator) as the JobRunner's "train" kind.

`Trainer` is the GUI-thread handle of one run at a time. It owns the run's `TrainControl` (pause / resume
/ step exactly one mini-batch / stop; thread-safe) and turns the run's plain messages into signals:
`prepared(dict)`, `record(TrainRecord)`, `weights(dict of array copies)`, `failed(str)`, and `finished()`
once the run has ended, whatever the reason. The run works on its own copy of the model and a snapshot of
the dataset; it never touches the GUI's objects.

Records cross from the training thread to the GUI thread in batches (`RECORD_BATCH_S`): every step's
record arrives, in order, but the GUI thread is woken about 20 times a second instead of after every
step (each wake-up takes the interpreter lock from the training thread). A run's epoch and final records,
a step record with validation figures (halfway through an epoch), new weights, and every record while
paused or stepping go at once.

Stopping: while the data is prepared (rasterizing, the first epoch) the run checks both the runner's stop
(window closing) and the user's Stop, and ends at once (`engine.Cancelled`). Once it trains, a user's Stop
goes through the engine's `TrainControl` (checked between mini-batches), so the run ends with its
"stopped" record; closing the window still cancels it at once.

Priority: on Linux the training thread runs at a lower CPU priority (nice `TRAINING_NICE`) than the GUI
thread of the same process. On a 2-core laptop the GUI thread, the training thread and the helper
processes share the cores; at equal priority the window waited for a core in the middle of a paint
(`benchmarks/analysis_responsiveness.py`: gaps twice their CPU time). Training loses nothing on an otherwise
idle machine; with another busy program on it the run is slower (`benchmarks/time_to_model.py --busy`:
busy / quiet 1.6-1.75 instead of 1.2-1.35).
"""

from __future__ import annotations

import os
import sys
import threading
import time

from PySide6.QtCore import QObject, QThread, Signal

from engine import Sequential, TrainControl
from gui.core.training import TrainSettings, run_training
from gui.text import translate

from .runner import JobRunner

KIND = "train"
RECORD_BATCH_S = 0.05  # step records are passed to the GUI thread at most this often (seconds)
TRAINING_NICE = 3  # niceness added for the training thread: the GUI thread gets 2/3 of a shared core


def lower_thread_priority(increment: int) -> bool:
    """Give the calling thread the process's niceness + `increment` (a lower priority), whatever it had
    before (a lane's thread runs one run after another). Linux only, where each thread has its own
    niceness: elsewhere `setpriority` would act on the whole process, so nothing is done. True if set."""
    if not sys.platform.startswith("linux") or not hasattr(os, "setpriority"):
        return False
    try:
        base = os.getpriority(os.PRIO_PROCESS, os.getpid())  # the main thread's: the process's own
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(19, base + increment))
    except OSError:  # not allowed: leave it as it is
        return False
    return True


class BatchingControl(TrainControl):
    """The run's TrainControl, which also hands over the step records not yet passed on just before the
    loop waits in a pause (`on_block`, set by `training_job`): a paused run shows every step it made."""

    on_block = None

    def wait_for_turn(self) -> bool:
        if self.on_block is not None and self.paused:
            self.on_block()
        return super().wait_for_turn()


def training_job(
    model: Sequential, snapshot, settings: TrainSettings, control: TrainControl, *, should_stop, report
):
    """Runs in the "train" lane: one training run, its messages passed to `report`."""
    lower_thread_priority(TRAINING_NICE)
    training = threading.Event()  # set at the first trained step: from then on Stop is the engine's
    pending: list = []  # step records not passed on yet
    sent_at = [time.perf_counter()]

    def stop() -> bool:
        return should_stop() or (control.stopped and not training.is_set())

    def flush() -> None:
        if pending:
            report(("records", tuple(pending)))
            pending.clear()
        sent_at[0] = time.perf_counter()

    def send(message) -> None:
        kind, payload = message
        if kind != "record":
            flush()  # the records before it first: the order stays
            report(message)
            return
        if payload.kind == "step":
            training.set()
        pending.append(payload)
        if (payload.kind != "step" or payload.val_accuracy is not None or control.paused
                or time.perf_counter() - sent_at[0] >= RECORD_BATCH_S):
            flush()  # a validation (an epoch's end or within one) is shown at once

    if isinstance(control, BatchingControl):
        control.on_block = flush
    try:
        run_training(send, model, snapshot, settings, control, should_stop=stop)
    finally:
        flush()
        if isinstance(control, BatchingControl):
            control.on_block = None


class Trainer(QObject):
    """One training run at a time in `runner`'s "train" lane; see the module docstring."""

    prepared = Signal(object)  # dict: n_train, n_val, classes
    record = Signal(object)  # TrainRecord (frozen)
    weights = Signal(object)  # dict[str, ndarray] (copies)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, runner: JobRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self.control: TrainControl | None = None  # the running run's control, or None

    def is_active(self) -> bool:
        return self.control is not None

    @property
    def thread(self) -> QThread | None:
        """The QThread the run is in (None when none runs)."""
        return self._runner.thread(KIND) if self.control is not None else None

    def start(self, model: Sequential, snapshot, settings: TrainSettings, *, paused: bool = False) -> None:
        """Train `model` (the run's own copy) on `snapshot`. With paused=True exactly one mini-batch runs
        and the run waits paused."""
        if self.control is not None:
            raise RuntimeError(translate("Workers", "training is already running"))
        control = BatchingControl()
        if paused:
            control.step_once()
        self.control = control
        self._runner.submit(
            KIND,
            training_job,
            model,
            snapshot,
            settings,
            control,
            on_progress=self._on_message,
            on_finished=self._on_finished,
            on_cancel=control.stop,
        )

    def shutdown(self, budget_s: float = 2.0) -> bool:
        """Stop the run and wait at most `budget_s` for its thread; no signal follows. True if none runs."""
        control, self.control = self.control, None
        if control is None:
            return True
        control.stop()
        self._runner.cancel(KIND)
        return self._runner.wait(budget_s, KIND)

    def _on_message(self, message) -> None:
        if self.control is None:
            return  # shut down
        kind, payload = message
        if kind == "records":
            for rec in payload:
                if self.control is None:
                    return  # shut down by a slot of an earlier record
                self.record.emit(rec)
        elif kind == "weights":
            self.weights.emit(payload)
        elif kind == "prepared":
            self.prepared.emit(payload)
        elif kind == "failed":
            self.failed.emit(payload)

    def _on_finished(self) -> None:
        if self.control is None:
            return  # shut down: the controller said so already
        self.control = None
        self.finished.emit()
