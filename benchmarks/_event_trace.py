"""An event-level trace of the GUI thread for the offscreen GUI benchmarks (diagnosis, not a figure).

`TracingApplication` is a QApplication whose `notify` times every event the GUI thread delivers: for each
outermost event of 2 ms or more it keeps the event type, the receiver (class, object name; a timer's
parent), its wall time and the GUI thread's CPU time over it (the rest is waiting: for the interpreter
lock or for a processor), and the nested events of 1 ms or more inside it. With SHAPELAB_TRACE_STACKS=1 a
sampler thread looks at the GUI thread's Python stack every 2 ms while one event has run for more than
6 ms, so a long timer event says which Python code it was. `gc.callbacks` log the cyclic garbage
collector's pauses (and on which thread).

    app = TracingApplication([...]); ...; app.trace.mark("phase 1"); ...; app.trace.dump(path, gaps)

The notify override costs a few microseconds of Python per event: use it to find where a stall comes
from, and measure the figures without it.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

TOP_MS = 2.0  # outermost events kept
CHILD_MS = 1.0  # nested events kept inside them
SAMPLE_AFTER_MS = 6.0
SAMPLE_EVERY_S = 0.002


DEFERRED_DELETE = int(QEvent.Type.DeferredDelete.value)
RESIZE = int(QEvent.Type.Resize.value)


def _type_name(t: int) -> str:
    try:
        return QEvent.Type(t).name
    except (ValueError, AttributeError):
        return str(t)


def _describe(receiver: QObject) -> str:
    try:
        name = type(receiver).__name__
        meta = receiver.metaObject().className()
        obj = receiver.objectName()
        text = name if name == meta else f"{name}/{meta}"
        if obj:
            text += f"#{obj}"
        if isinstance(receiver, QTimer) or meta == "QSingleShotTimer":
            parent = receiver.parent()
            if parent is not None:
                text += f" (in {type(parent).__name__}#{parent.objectName()})"
        return text
    except RuntimeError:
        return "<deleted>"


def _stack(frame, limit: int = 14) -> list[str]:
    out = []
    while frame is not None and len(out) < limit:
        code = frame.f_code
        fname = code.co_filename
        short = fname.split("/site-packages/")[-1].split("/wt-anastall/")[-1]
        out.append(f"{short}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return out


class Trace:
    def __init__(self):
        self.events: list[dict] = []  # outermost events >= TOP_MS
        self.gc: list[dict] = []
        self.marks: list[tuple[float, str]] = []
        self._gc_start: dict[int, tuple[float, float]] = {}
        self.gui_thread = threading.get_ident()
        self.current: dict | None = None  # the outermost event running now (for the sampler)
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True, name="trace-sampler")
        gc.callbacks.append(self._gc)

    def start_sampler(self) -> None:
        self._sampler.start()

    def mark(self, text: str) -> None:
        self.marks.append((time.perf_counter(), text))

    def _gc(self, phase: str, info: dict) -> None:
        tid = threading.get_ident()
        if phase == "start":
            self._gc_start[tid] = (time.perf_counter(), time.thread_time())
        elif tid in self._gc_start:
            t0, c0 = self._gc_start.pop(tid)
            ms = (time.perf_counter() - t0) * 1000
            if ms >= 1.0:
                self.gc.append({"t": t0, "ms": ms, "cpu_ms": (time.thread_time() - c0) * 1000,
                                "generation": info.get("generation"), "collected": info.get("collected"),
                                "gui_thread": tid == self.gui_thread})

    def _sample(self) -> None:
        while not self._stop.is_set():
            time.sleep(SAMPLE_EVERY_S)
            cur = self.current
            if cur is None or (time.perf_counter() - cur["t"]) * 1000 < SAMPLE_AFTER_MS:
                continue
            frame = sys._current_frames().get(self.gui_thread)
            if frame is not None and self.current is cur:
                cur.setdefault("samples", []).append(
                    [round((time.perf_counter() - cur["t"]) * 1000, 1), _stack(frame)])

    def stop(self) -> None:
        self._stop.set()
        if self in [getattr(cb, "__self__", None) for cb in gc.callbacks]:
            gc.callbacks.remove(self._gc)

    def dump(self, path: str, gaps: list[tuple[float, float]] | None = None, gap_ms: float = 30.0) -> None:
        """Write the trace as JSON; with `gaps` ((start, end) perf_counter pairs of the probe's long gaps),
        each gap lists the outermost events and collections inside it."""
        out = {"events": self.events, "gc": self.gc, "marks": self.marks, "gaps": []}
        for a, b in gaps or []:
            if (b - a) * 1000 < gap_ms:
                continue
            inside = [e for e in self.events if e["t"] < b and e["t"] + e["ms"] / 1000 > a]
            out["gaps"].append({"t": a, "ms": (b - a) * 1000,
                                "phase": next((m for t, m in reversed(self.marks) if t <= a), ""),
                                "events": inside,
                                "gc": [g for g in self.gc if a <= g["t"] <= b]})
        with open(path, "w") as fh:
            json.dump(out, fh, indent=1)


class TracingApplication(QApplication):
    """See the module docstring; `self.trace` holds what was seen."""

    def __init__(self, argv):
        super().__init__(argv)
        self.trace = Trace()
        self._stack: list[list] = []  # children lists of the events being delivered
        if os.environ.get("SHAPELAB_TRACE_STACKS"):
            # the sampler holds the GUI thread's frames for a moment: their event and receiver wrappers
            # then outlive the call, and PySide6 may hand a stale one to a later notify (a wrong-type
            # error there, once or twice a run while panels are built): so only on request
            self.trace.start_sampler()

    def notify(self, receiver, event) -> bool:  # noqa: N802 (Qt's name)
        # what the receiver and the event are is read before delivery: after it, the receiver may be gone
        # (a deferred delete) and its wrapper must not be touched
        trace = self.trace
        depth = len(self._stack)
        kind = int(event.type())
        who = _describe(receiver) if kind != DEFERRED_DELETE else f"{type(receiver).__name__} (deleted)"
        if kind == RESIZE:  # what a relayout changed
            old, new = event.oldSize(), event.size()
            who += f" {old.width()}x{old.height()} -> {new.width()}x{new.height()}"
        record = {"t": time.perf_counter()}
        c0 = time.thread_time()
        if depth == 0:
            trace.current = record
        children: list = []
        self._stack.append(children)
        try:
            return super().notify(receiver, event)
        finally:
            self._stack.pop()
            ms = (time.perf_counter() - record["t"]) * 1000
            if depth == 0:
                trace.current = None
            if ms >= (TOP_MS if depth == 0 else CHILD_MS):
                record.update({"ms": round(ms, 2), "cpu_ms": round((time.thread_time() - c0) * 1000, 2),
                               "type": _type_name(kind), "receiver": who})
                if children:
                    record["children"] = children
                if depth == 0:
                    trace.events.append(record)
                else:
                    record["depth"] = depth
                    self._stack[-1].append(record)
