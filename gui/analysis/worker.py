"""The analysis panels' heavy work, off the GUI thread: one QObject worker in one QThread.

- `AnalysisRunner` (GUI thread) owns the thread and the worker (the superqt wiring: `moveToThread`,
  requests through a queued signal, `deleteLater` on both, `shutdown()` quits and waits). `submit(kind,
  fn, *args)` numbers the request with a generation per kind and returns it. At most one job per kind is
  queued at a time: a newer request for a busy kind replaces the waiting one (older requests are dropped,
  never computed). A result whose generation is not the newest of its kind is dropped (ndv's rule), so a
  slow job for an old model can never overwrite a newer picture. Kinds listed in `progressive` (the
  analysis view's "drawing" and "model") relax that rule to "newer than the last one shown": while a newer
  request is already waiting, the result in hand is still shown (it is newer than what is on screen, and
  the newer one follows). Otherwise a steady stream of requests (a pen drawing, an epoch ending) that is
  faster than the job would drop every result and the panel would never update. `resultReady(kind,
  result)` is emitted on the GUI thread for results that pass; `failed(kind, text)` when a job raised.
- `AnalysisWorker` (in the analysis thread) runs the job functions of `jobs.py` (pure NumPy). With
  `use_process=True` (the default) it hands each job to ONE helper process (multiprocessing, "spawn") and
  waits for it there, in the analysis thread (the helper runs at a lower CPU priority, nice 10): NumPy code
  running in a thread of this process would compete
  with the GUI thread and the training thread for Python's global interpreter lock, and every Qt event
  would then wait behind it. If the helper process cannot start, jobs run in the analysis thread itself.
  Only the GUI thread touches widgets; jobs get copies and return plain data.
"""

from __future__ import annotations

import multiprocessing
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from . import jobs
from .jobs import dataset_job, drawing_job, model_job  # noqa: F401  (re-exported for callers)

POLL_S = 0.1  # how often a waiting worker checks whether it should give up (shutdown)


class _Cancelled(Exception):
    pass


class AnalysisWorker(QObject):
    """Lives in the analysis thread; runs one job at a time and reports plain data."""

    done = Signal(str, int, object)  # kind, generation, result
    failed = Signal(str, int, str)

    def __init__(self, use_process: bool = True):
        super().__init__()
        self._use_process = use_process
        self._pool = None
        self._abort = threading.Event()
        self.where: tuple[int, int] | None = None  # (process id, thread id) of the last job

    def abort(self) -> None:
        """Thread-safe: stop waiting for the helper process and end it (shutdown)."""
        self._abort.set()
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()

    def _run(self, fn: Callable, args: tuple):
        if self._use_process and not self._abort.is_set():
            try:
                if self._pool is None:
                    ctx = multiprocessing.get_context("spawn")
                    self._pool = ctx.Pool(1, initializer=jobs.lower_priority)
                pending = self._pool.apply_async(jobs.call, (fn, args))
                while True:
                    try:
                        pid, tid, result = pending.get(POLL_S)
                        break
                    except multiprocessing.TimeoutError:
                        if self._abort.is_set():
                            raise _Cancelled from None
                self.where = (pid, tid)
                if self._abort.is_set():
                    self.abort()  # shut down while this job ran: end the pool (made after abort() too)
                return result
            except _Cancelled:
                self.abort()  # a pool made here after abort() swapped out the old one is ended too
                raise
            except Exception as exc:
                if _is_job_error(exc):
                    raise  # the job itself failed: report it
                if isinstance(exc, OSError):
                    self._use_process = False  # no helper process on this system: use this thread
                # otherwise (e.g. a job that cannot be sent to another process): this one runs here
        pid, tid, result = jobs.call(fn, args)
        self.where = (pid, tid)
        return result

    @Slot(str, int, object)
    def run_job(self, kind: str, generation: int, job: object) -> None:
        fn, args = job
        try:
            result = self._run(fn, args)
        except _Cancelled:
            return
        except Exception as exc:  # a bug: report it, keep the app alive
            self.failed.emit(kind, generation, f"{exc}\n{traceback.format_exc(limit=3)}")
            return
        self.done.emit(kind, generation, result)


def _is_job_error(exc: BaseException) -> bool:
    """True for an exception raised by the job itself (re-raised by multiprocessing), not by the pool."""
    return getattr(exc, "__cause__", None) is not None and "RemoteTraceback" in type(exc.__cause__).__name__


class AnalysisRunner(QObject):
    """GUI-thread side of the analysis thread; see the module docstring."""

    resultReady = Signal(str, object)
    failed = Signal(str, str)
    _request = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None, *, use_process: bool = True):
        super().__init__(parent)
        self._thread: QThread | None = QThread()
        self._thread.setObjectName("ShapeLabAnalysis")
        self._worker = AnalysisWorker(use_process)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run_job, Qt.ConnectionType.QueuedConnection)
        self._worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.finished.connect(self._thread.deleteLater)
        self._latest: dict[str, int] = {}  # newest generation requested per kind
        self._busy: dict[str, int] = {}  # kind -> generation being computed
        self._waiting: dict[str, tuple[int, tuple]] = {}  # kind -> (generation, job) not yet sent
        self._shown: dict[str, int] = {}  # newest generation delivered per kind
        self.progressive: set[str] = set()  # kinds whose older-than-newest results are still shown
        self.dropped = 0  # requests and results thrown away because a newer request came (for tests)
        self.completed = 0
        self._started = False

    @property
    def last_worker(self) -> tuple[int, int] | None:
        """(process id, thread id) where the last job ran."""
        return self._worker.where

    def _ensure_started(self) -> None:
        if not self._started and self._thread is not None:
            self._thread.start()
            self._started = True

    def submit(self, kind: str, fn: Callable, *args) -> int:
        """Ask for fn(*args) in the analysis thread; returns the request's generation."""
        gen = self._latest.get(kind, 0) + 1
        self._latest[kind] = gen
        if self._thread is None:
            return gen
        if kind in self._busy:
            if kind in self._waiting:
                self.dropped += 1  # the waiting request is superseded before it ever ran
            self._waiting[kind] = (gen, (fn, args))
        else:
            self._send(kind, gen, (fn, args))
        return gen

    def generation(self, kind: str) -> int:
        return self._latest.get(kind, 0)

    def is_busy(self) -> bool:
        return bool(self._busy) or bool(self._waiting)

    def _send(self, kind: str, gen: int, job: tuple) -> None:
        self._ensure_started()
        self._busy[kind] = gen
        self._request.emit(kind, gen, job)

    def _next(self, kind: str) -> None:
        self._busy.pop(kind, None)
        waiting = self._waiting.pop(kind, None)
        if waiting is not None and self._thread is not None:
            self._send(kind, *waiting)

    def _on_done(self, kind: str, gen: int, result: object) -> None:
        self._next(kind)
        current = gen == self._latest.get(kind)
        if not current and not (kind in self.progressive and gen > self._shown.get(kind, 0)):
            self.dropped += 1
            return
        self._shown[kind] = gen
        self.completed += 1
        self.resultReady.emit(kind, result)

    def _on_failed(self, kind: str, gen: int, text: str) -> None:
        self._next(kind)
        if gen == self._latest.get(kind):
            self.failed.emit(kind, text)

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Drop waiting jobs, end the helper process, stop the thread. True when it stopped."""
        thread, self._thread = self._thread, None
        self._waiting.clear()
        if thread is None:
            return True
        try:
            self._worker.done.disconnect(self._on_done)
            self._worker.failed.disconnect(self._on_failed)
        except (RuntimeError, TypeError):
            pass
        self._worker.abort()
        if not self._started:
            self._worker.deleteLater()
            thread.deleteLater()
            return True
        thread.quit()
        return thread.wait(timeout_ms)


__all__ = ["AnalysisRunner", "AnalysisWorker", "dataset_job", "model_job", "drawing_job"]
