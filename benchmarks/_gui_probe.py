"""Shared pieces of the offscreen GUI benchmarks: an event-loop wait, the 5 ms probe timer, percentiles."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEventLoop, Qt, QTimer


def wait(ms: int) -> None:
    """Run the event loop for `ms` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def probe_timer(ticks: list[float], interval_ms: int = 5, cpu: list[float] | None = None) -> QTimer:
    """A precise timer that appends perf_counter() to `ticks` on every timeout (not started): the gaps
    between ticks are the GUI thread's stalls. With `cpu`, the GUI thread's CPU time (thread_time()) at
    each tick too: what the thread itself did in a gap, without the time it waited for a processor or the
    interpreter lock (what the machine's load inflates most)."""
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(interval_ms)
    if cpu is None:
        probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    else:
        probe.timeout.connect(lambda: (ticks.append(time.perf_counter()), cpu.append(time.thread_time())))
    return probe


def percentile(values, q) -> float:
    """The q-th percentile of values (NaN when there are none)."""
    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else float("nan")


def bench_window(prefix: str):
    """A fresh main window (1280 x 720, shown) on an empty data folder in a new temporary folder, as a
    first start makes it: it opens the built-in starter set (before one is shipped, a generated stand-in
    of like size). -> (window, temporary folder)."""
    import tempfile
    from pathlib import Path

    import gui.app
    from engine import generate_drawings, write_ndjson

    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    if not gui.app.STARTER_PATH.exists():
        starter = tmp / "starter.ndjson"
        write_ndjson(starter, generate_drawings(250, seed=0))
        gui.app.STARTER_PATH = starter
    window = gui.app.create_main_window(tmp / "data")
    window.resize(1280, 720)
    window.show()
    return window, tmp
