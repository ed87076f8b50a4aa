"""JobRunner: the one way ShapeLab works off the GUI thread.

A job is a plain function `fn(*args, should_stop=..., [report=...])`. It is submitted under a *kind*
("open-dataset", "export", "train", "predict", an analysis panel's name, ...) and runs in a QThread
*lane*: by default every kind has its own lane, so a long export never delays a prediction; with
`one_lane=True` all kinds share one (the analysis window: one helper process, one job at a time).

The rules, the same for every job:

- **Newest wins.** Every request gets a generation number, counted per kind. A request that is still
  waiting when a newer one of its kind comes is dropped without running. A running one is asked to stop
  (its `should_stop()` turns True) unless its kind is in `keep_running` (live prediction and the analysis
  panels: under a steady stream of requests the running job would otherwise never finish).
- **Stale results are dropped by generation.** A result is delivered when its generation is newer than
  the last one delivered for its kind and it is the newest request of that kind — or, for a kind in
  `progressive`, merely newer than the last one shown (the newer one follows). `cancel(kind)` drops
  everything requested so far.
- **Every job can be cancelled.** `should_stop` is a callable the job checks between pieces of work; the
  engine's long loops take it as their `should_stop=` and raise `engine.Cancelled`. `on_cancel`, given at
  submit, is called too (e.g. a training run's `TrainControl.stop`, which also wakes a paused run).
- **Shutdown is bounded.** `shutdown(budget_s)` cancels everything, waits at most `budget_s` for the lanes
  and returns; after it no callback runs. A lane still running then (a job that ignores its stop) is
  kept alive (`_ALIVE`) until it ends, so Python never deletes a running QThread.

Results come back through queued signals and are handed to the callbacks given at submit (`on_done`,
`on_failed`, `on_progress` for what the job passes to `report`, and `on_finished`, always last, even when
the result was dropped) on the GUI thread; `resultReady(kind, result)` and `failed(kind, text)` are
emitted for the delivered ones too. Jobs get plain data and return plain data; only the GUI thread
touches widgets.

Thread lifetime (the cause of the old crash on quit): a lane's QThread is owned by Python, never handed to
`deleteLater`, and referenced from the runner (and from `_ALIVE` while it runs). When it ends, its
`finished` reaches the runner's slot, which `wait()`s for it (it has returned from `run()` already; the
wait only covers the last instructions) and drops it from `_ALIVE`.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal

from engine import Cancelled
from gui.text import translate

# Lanes that are running, kept alive here until their `finished` was handled: a QThread that Python
# deleted while it runs aborts the process ("QThread: Destroyed while thread is still running").
_ALIVE: set[QThread] = set()
EXIT_WAIT_S = 1.0


@atexit.register
def _exit_without_running_lanes() -> None:
    """At interpreter exit (after the window's bounded shutdown): a lane whose job ignored its stop would
    be deleted by Python's teardown while it runs, which aborts the process. Give it EXIT_WAIT_S more, then
    leave at once instead (the window has written everything; helper processes were ended)."""
    deadline = time.monotonic() + EXIT_WAIT_S
    for lane in list(_ALIVE):
        try:
            lane.wait(max(0, int((deadline - time.monotonic()) * 1000)))
        except RuntimeError:  # its C++ object is gone
            pass
    if any(_is_running(lane) for lane in _ALIVE):
        print(
            translate("Workers", "ShapeLab: a background job did not stop in time; exiting without it"),
            file=sys.stderr,
        )
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def _is_running(lane: QThread) -> bool:
    try:
        return lane.isRunning()
    except RuntimeError:
        return False


@dataclass(eq=False)
class _Job:
    kind: str
    generation: int
    fn: Callable
    args: tuple
    kwargs: dict
    reports: bool
    stop: threading.Event = field(default_factory=threading.Event)


@dataclass
class _Callbacks:
    on_done: Callable | None = None
    on_failed: Callable | None = None
    on_progress: Callable | None = None
    on_finished: Callable | None = None
    on_cancel: Callable | None = None


class _Lane(QThread):
    """One thread: takes waiting jobs (the newest of each kind) one at a time until none is left, then
    ends. `post` (GUI thread) says whether the thread must be (re)started."""

    progress = Signal(str, int, object)  # kind, generation, payload
    done = Signal(str, int, object)  # kind, generation, result
    failed = Signal(str, int, str, str)  # kind, generation, message, traceback
    cancelled = Signal(str, int)

    def __init__(self, name: str):
        super().__init__()
        self.setObjectName(name)
        self._lock = threading.Lock()
        self._waiting: dict[str, _Job] = {}
        self._current: _Job | None = None
        self._claimed: _Job | None = None  # posted to the idle lane: runs first
        self._active = False  # run() is (or is about to be) taking jobs
        self.starts = 0  # times the GUI thread started it (one `finished` follows each)
        self.ends_handled = 0  # `finished` signals handled by the runner

    def post(self, job: _Job) -> tuple[_Job | None, bool]:
        """Queue `job`, replacing a waiting one of its kind. -> (the replaced job, must start). A job
        posted to an idle lane is claimed at once: it runs first and is never replaced before it runs
        (only told to stop), so a steady stream of requests still gets results."""
        with self._lock:
            if not self._active:
                self._active = True
                self._claimed = job
                return None, True
            old = self._waiting.pop(job.kind, None)
            self._waiting[job.kind] = job
            return old, False

    def drop_waiting(self, kind: str | None = None) -> list[_Job]:
        with self._lock:
            kinds = list(self._waiting) if kind is None else [kind]
            return [job for k in kinds if (job := self._waiting.pop(k, None)) is not None]

    def current(self) -> _Job | None:
        """The job running (or claimed to run next)."""
        with self._lock:
            return self._current if self._current is not None else self._claimed

    def has_work(self) -> bool:
        with self._lock:
            return self._active

    def run(self) -> None:
        while True:
            with self._lock:
                if self._claimed is not None:
                    job, self._claimed = self._claimed, None
                elif self._waiting:
                    job = self._waiting.pop(next(iter(self._waiting)))
                else:
                    self._active = False
                    self._current = None
                    return
                self._current = job
            self._run_one(job)

    def _run_one(self, job: _Job) -> None:
        kind, gen = job.kind, job.generation
        if job.stop.is_set():
            self.cancelled.emit(kind, gen)
            return
        kwargs = dict(job.kwargs, should_stop=job.stop.is_set)
        if job.reports:
            kwargs["report"] = lambda payload: self.progress.emit(kind, gen, payload)
        try:
            result = job.fn(*job.args, **kwargs)
        except Cancelled:
            self.cancelled.emit(kind, gen)
        except Exception as exc:  # reported to the GUI thread; the app stays up
            self.failed.emit(kind, gen, str(exc) or type(exc).__name__, traceback.format_exc(limit=4))
        else:
            if job.stop.is_set():
                self.cancelled.emit(kind, gen)
            else:
                self.done.emit(kind, gen, result)


class JobRunner(QObject):
    """Runs jobs by kind in QThread lanes; see the module docstring."""

    resultReady = Signal(str, object)  # kind, result (delivered ones only)
    failed = Signal(str, str)  # kind, message (delivered ones only)

    def __init__(self, parent: QObject | None = None, *, name: str = "ShapeLabJobs", one_lane: bool = False):
        super().__init__(parent)
        self._name = name
        self._one_lane = one_lane
        self._lanes: dict[str, _Lane] = {}
        self._latest: dict[str, int] = {}  # newest generation requested, per kind
        self._shown: dict[str, int] = {}  # newest generation delivered (or cancelled up to), per kind
        self._callbacks: dict[tuple[str, int], _Callbacks] = {}  # jobs not finished yet
        self._closed = False
        self.progressive: set[str] = set()
        self.keep_running: set[str] = set()
        self.dropped = 0  # requests and results thrown away because a newer request came (tests)
        self.completed = 0  # results delivered

    # -- asking -------------------------------------------------------------------------------------

    def submit(
        self,
        kind: str,
        fn: Callable,
        *args,
        on_done: Callable | None = None,
        on_failed: Callable | None = None,
        on_progress: Callable | None = None,
        on_finished: Callable | None = None,
        on_cancel: Callable | None = None,
        **kwargs,
    ) -> int:
        """Run fn(*args, should_stop=..., **kwargs) (and report=... when `on_progress` is given) in `kind`'s
        lane; returns the request's generation. Nothing runs once the runner was shut down."""
        gen = self._latest.get(kind, 0) + 1
        self._latest[kind] = gen
        if self._closed:
            return gen
        lane = self._lane(kind)
        running = lane.current()
        if running is not None and running.kind == kind and kind not in self.keep_running:
            self._stop(running)
        job = _Job(kind, gen, fn, args, kwargs, on_progress is not None)
        self._callbacks[(kind, gen)] = _Callbacks(on_done, on_failed, on_progress, on_finished, on_cancel)
        replaced, start = lane.post(job)
        if replaced is not None:
            self.dropped += 1
            self._stop(replaced)
            self._finish(replaced.kind, replaced.generation)
        if start:
            self._start(lane)
        return gen

    def cancel(self, kind: str) -> None:
        """Drop `kind`'s waiting request, stop its running job, and deliver nothing requested so far."""
        self._shown[kind] = self._latest.get(kind, 0)
        lane = self._lanes.get(self._lane_name(kind))
        if lane is None:
            return
        for job in lane.drop_waiting(kind):
            self._stop(job)
            self._finish(job.kind, job.generation)
        running = lane.current()
        if running is not None and running.kind == kind:
            self._stop(running)

    def cancel_all(self) -> None:
        for kind in list(self._latest):
            self.cancel(kind)

    # -- asking what is going on --------------------------------------------------------------------

    def generation(self, kind: str) -> int:
        return self._latest.get(kind, 0)

    def is_busy(self, kind: str | None = None) -> bool:
        """A job (of `kind`, or of any kind) is waiting, running, or its result is not handled yet."""
        if kind is None:
            return bool(self._callbacks) or any(lane.isRunning() for lane in self._lanes.values())
        return any(k == kind for k, _ in self._callbacks)

    def thread(self, kind: str) -> QThread | None:
        """The running QThread of `kind`'s lane (None when it does not run)."""
        lane = self._lanes.get(self._lane_name(kind))
        return lane if lane is not None and lane.isRunning() else None

    # -- ending -------------------------------------------------------------------------------------

    def wait(self, budget_s: float, kind: str | None = None) -> bool:
        """Wait at most `budget_s` for the lanes (or `kind`'s) to end. True when none runs."""
        deadline = time.monotonic() + max(0.0, budget_s)
        names = list(self._lanes) if kind is None else [self._lane_name(kind)]
        ok = True
        for name in names:
            lane = self._lanes.get(name)
            if lane is None:
                continue
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            ok = lane.wait(left_ms) and ok
        return ok

    def shutdown(self, budget_s: float = 2.0) -> bool:
        """Cancel every job, wait at most `budget_s` for the lanes to end; no callback runs afterwards.
        True when every lane ended in time."""
        self.cancel_all()
        self._closed = True
        ok = self.wait(budget_s)
        self._callbacks.clear()
        for lane in self._lanes.values():
            if lane.isFinished():
                _ALIVE.discard(lane)
        return ok

    # -- internals (GUI thread) ---------------------------------------------------------------------

    def _lane_name(self, kind: str) -> str:
        return self._name if self._one_lane else f"{self._name}:{kind}"

    def _lane(self, kind: str) -> _Lane:
        name = self._lane_name(kind)
        lane = self._lanes.get(name)
        if lane is None:
            lane = _Lane(name)
            lane.progress.connect(self._on_progress)  # queued: emitted in the lane's thread
            lane.done.connect(self._on_done)
            lane.failed.connect(self._on_failed)
            lane.cancelled.connect(self._on_cancelled)
            lane.finished.connect(self._on_lane_finished)
            self._lanes[name] = lane
        return lane

    def _start(self, lane: _Lane) -> None:
        if lane.isRunning():
            return  # it is just ending: _on_lane_finished starts it again
        _ALIVE.add(lane)
        lane.starts += 1
        lane.start()

    def _stop(self, job: _Job) -> None:
        if job.stop.is_set():
            return
        job.stop.set()
        cb = self._callbacks.get((job.kind, job.generation))
        if cb is not None and cb.on_cancel is not None:
            cb.on_cancel()

    def _passes(self, kind: str, gen: int) -> bool:
        if self._closed or gen <= self._shown.get(kind, 0):
            return False
        return gen == self._latest.get(kind) or kind in self.progressive

    def _finish(self, kind: str, gen: int) -> None:
        cb = self._callbacks.pop((kind, gen), None)
        if cb is not None and cb.on_finished is not None and not self._closed:
            cb.on_finished()

    def _on_progress(self, kind: str, gen: int, payload: object) -> None:
        cb = self._callbacks.get((kind, gen))
        if cb is not None and cb.on_progress is not None and not self._closed:
            cb.on_progress(payload)

    def _on_done(self, kind: str, gen: int, result: object) -> None:
        if not self._passes(kind, gen):
            if not self._closed:
                self.dropped += 1
            self._finish(kind, gen)
            return
        self._shown[kind] = gen
        self.completed += 1
        cb = self._callbacks.get((kind, gen))
        if cb is not None and cb.on_done is not None:
            cb.on_done(result)
        self.resultReady.emit(kind, result)
        self._finish(kind, gen)

    def _on_failed(self, kind: str, gen: int, message: str, details: str) -> None:
        if self._closed or gen != self._latest.get(kind) or gen <= self._shown.get(kind, 0):
            self._finish(kind, gen)
            return
        cb = self._callbacks.get((kind, gen))
        if cb is not None and cb.on_failed is not None:
            cb.on_failed(message)
        self.failed.emit(kind, f"{message}\n{details}")
        self._finish(kind, gen)

    def _on_cancelled(self, kind: str, gen: int) -> None:
        self._finish(kind, gen)

    def _on_lane_finished(self) -> None:
        lane = self.sender()
        if not isinstance(lane, _Lane):
            return
        lane.ends_handled += 1
        if lane.ends_handled < lane.starts:
            return  # it was started again since: that run's `finished` follows
        lane.wait()  # `finished` is emitted just before the thread really ends: let it end
        _ALIVE.discard(lane)
        if lane.has_work() and not self._closed:
            self._start(lane)  # a job came while the lane was ending
