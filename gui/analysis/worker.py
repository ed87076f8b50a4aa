"""The analysis panels' heavy work, off the GUI thread, on the app's one background pattern
(`gui.workers.JobRunner`).

`AnalysisRunner` keeps the API the analysis view uses: `submit(kind, fn, *args)` numbers the request
with a generation per kind and returns it; `resultReady(kind, result)` and `failed(kind, text)` arrive on
the GUI thread for results that pass the runner's rules (newest wins; a stale result is dropped by its
generation; kinds in `progressive` also show a result that is merely newer than the one on screen,
otherwise a steady stream of requests faster than the job would drop every result). All kinds of one
AnalysisRunner share one thread, and a running job is not stopped by a newer request (it finishes, its
result is shown or dropped): the jobs share one helper process.

With `use_process=True` (the default) each job runs in ONE helper process (`gui.workers.HelperProcess`,
"spawn", nice 10) and the analysis thread only waits for it: NumPy code running in a thread of this
process would compete with the GUI thread and the training thread for Python's interpreter lock. A job
that cannot be sent to another process (a closure) runs in the analysis thread; if no helper process can
be started, every job does. `shutdown()` ends the helper at once and waits for the thread.
"""

from __future__ import annotations

import pickle
import time

from PySide6.QtCore import QObject, Signal

from engine import Cancelled
from gui.workers import HelperError, HelperProcess, JobRunner

from . import jobs
from .jobs import dataset_job, drawing_job, model_job  # noqa: F401  (re-exported for callers)


class AnalysisRunner(QObject):
    """One analysis thread (and helper process); see the module docstring."""

    resultReady = Signal(str, object)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None, *, use_process: bool = True):
        super().__init__(parent)
        self._runner = JobRunner(self, name="ShapeLabAnalysis", one_lane=True)
        self._runner.resultReady.connect(self.resultReady)
        self._runner.failed.connect(self.failed)
        self._helper = HelperProcess("ShapeLabAnalysisHelper", jobs.lower_priority) if use_process else None
        self.last_worker: tuple[int, int] | None = None  # (process id, thread id) where the last job ran

    @property
    def progressive(self) -> set[str]:
        return self._runner.progressive

    @progressive.setter
    def progressive(self, kinds) -> None:
        self._runner.progressive = set(kinds)

    @property
    def dropped(self) -> int:
        return self._runner.dropped

    @property
    def completed(self) -> int:
        return self._runner.completed

    def submit(self, kind: str, fn, *args) -> int:
        """Ask for fn(*args) in the analysis thread (or its helper process); returns the generation."""
        self._runner.keep_running.add(kind)
        return self._runner.submit(kind, self._call, fn, args)

    def generation(self, kind: str) -> int:
        return self._runner.generation(kind)

    def is_busy(self) -> bool:
        return self._runner.is_busy()

    def _call(self, fn, args: tuple, *, should_stop):
        """In the analysis thread: the job in the helper process when it can go there, else here."""
        helper = self._helper
        if helper is not None:
            try:
                pid, tid, result = helper.call(fn, args, should_stop)
                self.last_worker = (pid, tid)
                return result
            except HelperError as exc:
                raise RuntimeError(f"{exc}\n{exc.details}") from None
            except (pickle.PicklingError, AttributeError, TypeError):
                pass  # a job that cannot be sent to another process: it runs here
            except OSError:
                if should_stop():
                    raise Cancelled("stopped") from None
                self._helper = None  # no helper process on this system: jobs run in this thread
        if should_stop():
            raise Cancelled("stopped")
        pid, tid, result = jobs.call(fn, args)
        self.last_worker = (pid, tid)
        return result

    def cancel_all(self) -> None:
        """Drop waiting jobs and ask the running one to stop (its helper process is ended)."""
        self._runner.cancel_all()

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Drop waiting jobs, end the helper process (terminate, then kill), wait for the thread. True when
        everything ended within `timeout_ms`."""
        deadline = time.monotonic() + timeout_ms / 1000.0
        self._runner.cancel_all()
        helper_ok = (
            # half the budget (at least 1 s, at most all of it): a starved helper may take over 1 s to go
            self._helper.close(min(timeout_ms / 1000.0, max(1.0, timeout_ms / 2000.0)), final=True)
            if self._helper is not None
            else True
        )
        return self._runner.shutdown(max(0.0, deadline - time.monotonic())) and helper_ok


__all__ = ["AnalysisRunner", "dataset_job", "model_job", "drawing_job"]
