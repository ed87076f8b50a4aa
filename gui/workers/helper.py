"""Helper processes: work that must not compete with the GUI thread for Python's interpreter lock.

- `HelperProcess`: one "spawn" child process that runs picklable functions sent to it, one at a time
  (the analysis window's jobs). `call(fn, args, should_stop)` is made from a worker thread; it waits for
  the answer, checking `should_stop` every POLL_S, and on a stop ends the child and raises
  `engine.Cancelled`. `close(budget_s)` ends the child: terminate, then kill, within the budget.
- `end_helper_processes(budget_s)`: the last step of closing the window: every child process this
  process started through multiprocessing (the training data's epoch helper, an analysis helper) that is
  still alive is terminated, then killed, within the budget.

Jobs and results travel in pieces (`send_message` / `recv_message`): pickled with protocol 5, every large
buffer (a NumPy array's memory, a `PickleBuffer`) goes out of band, and those bytes are sent in messages
of at most PIECE_BYTES and received straight into one preallocated block. One `pickle.loads` of a 160 MB
result (50,000 drawings' rasters) was one C call that held Python's interpreter lock for ~0.1 s in the
thread waiting for the helper, and the GUI thread could not run meanwhile; now no single step copies more
than a piece while holding it.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
import traceback
from collections.abc import Callable

import numpy as np

from engine import Cancelled, end_with_parent
from engine.text import exception_text
from gui.text import translate

POLL_S = 0.05
PIECE_BYTES = 1 << 20  # out-of-band bytes go in messages of at most this size
IN_BAND_BYTES = 1 << 16  # buffers smaller than this stay inside the pickle
ALIGN = 64  # each out-of-band buffer starts at a multiple of this in the received block (NumPy alignment)


def _layout(sizes: list[int]) -> tuple[list[int], int]:
    """Offsets of buffers of these sizes in one block (each aligned to ALIGN), and the block's size."""
    offsets, end = [], 0
    for n in sizes:
        start = -(-end // ALIGN) * ALIGN
        offsets.append(start)
        end = start + n
    return offsets, end


def send_message(conn, obj) -> int:
    """Send obj over a multiprocessing connection in pieces (see the module docstring): the pickle with
    its small parts, the sizes of the large buffers, then their bytes, at most PIECE_BYTES per message.
    Pickling errors are raised before anything is sent. -> the number of out-of-band bytes."""
    buffers: list[memoryview] = []

    def out_of_band(buf: pickle.PickleBuffer) -> bool:
        raw = buf.raw()
        if raw.nbytes < IN_BAND_BYTES:
            return True  # in band
        buffers.append(raw)
        return False

    head = pickle.dumps(obj, protocol=5, buffer_callback=out_of_band)
    sizes = [b.nbytes for b in buffers]
    offsets, total = _layout(sizes)
    conn.send_bytes(head)
    conn.send(sizes)
    piece = bytearray()
    at = 0  # the block's bytes sent so far (including those in `piece`)
    for start, raw in zip(offsets, buffers, strict=True):
        if start > at:  # alignment padding
            piece += bytes(start - at)
            at = start
        pos = 0
        while pos < raw.nbytes:
            if not piece and raw.nbytes - pos >= PIECE_BYTES:  # a whole piece straight from the buffer
                conn.send_bytes(raw[pos:pos + PIECE_BYTES])
                pos += PIECE_BYTES
                at += PIECE_BYTES
                continue
            take = min(PIECE_BYTES - len(piece), raw.nbytes - pos)
            piece += raw[pos:pos + take]
            pos += take
            at += take
            if len(piece) == PIECE_BYTES:
                conn.send_bytes(piece)
                piece = bytearray()
    if piece:
        conn.send_bytes(piece)
    return total


def recv_message(conn, should_stop: Callable[[], bool] | None = None):
    """Receive what send_message sent: the large buffers land in one block made without touching its
    memory first (np.empty), piece by piece; `should_stop` is checked between pieces (Cancelled)."""
    head = conn.recv_bytes()
    sizes = conn.recv()
    offsets, total = _layout(sizes)
    memory = np.empty(total + ALIGN, np.uint8)
    shift = -memory.ctypes.data % ALIGN  # the block starts at a multiple of ALIGN too
    block = memoryview(memory[shift:shift + total])
    at = 0
    while at < total:
        if should_stop is not None and should_stop():
            raise Cancelled("stopped")
        at += conn.recv_bytes_into(block, at)
    buffers = [block[o:o + n] for o, n in zip(offsets, sizes, strict=True)]
    return pickle.loads(head, buffers=buffers)


class HelperError(Exception):
    """The function raised in the helper process (its traceback is in `details`)."""

    def __init__(self, message: str, details: str):
        super().__init__(message)
        self.details = details


def _helper_main(conn, initializer) -> None:
    end_with_parent()
    if initializer is not None:
        initializer()
    try:
        while True:
            fn, args = recv_message(conn)
            try:
                send_message(conn, ("ok", (os.getpid(), threading.get_ident(), fn(*args))))
            except Exception as exc:
                send_message(conn, ("error", exception_text(exc) or type(exc).__name__,
                                    traceback.format_exc(limit=4)))
    except (EOFError, OSError, KeyboardInterrupt):  # the parent went away or closed the pipe
        return


def stop_process(process, budget_s: float) -> bool:
    """Terminate `process` (a multiprocessing.Process), then kill it, within `budget_s`. True if it ended."""
    deadline = time.monotonic() + max(0.0, budget_s)
    if process.is_alive():
        process.terminate()
        process.join(max(0.0, (deadline - time.monotonic()) / 2))
    if process.is_alive():
        process.kill()
        process.join(max(0.05, deadline - time.monotonic()))
    return not process.is_alive()


def end_helper_processes(budget_s: float) -> bool:
    """End every multiprocessing child of this process still alive (terminate, then kill) within the
    budget. True when none is left."""
    deadline = time.monotonic() + max(0.0, budget_s)
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    ok = True
    for child in children:
        ok = stop_process(child, max(0.05, deadline - time.monotonic())) and ok
    return ok


class HelperProcess:
    """One child process for picklable jobs; see the module docstring. Not shared between threads,
    except `close()`, which may be called from any thread."""

    def __init__(self, name: str, initializer: Callable[[], None] | None = None):
        self._name = name
        self._initializer = initializer
        self._lock = threading.Lock()
        self._process = None
        self._conn = None
        self._closed = False  # after close(final=True) no helper is started again

    def _ensure(self):
        with self._lock:
            if self._closed:
                raise OSError(translate("Workers", "the helper process was shut down"))
            if self._process is None or not self._process.is_alive():
                ctx = multiprocessing.get_context("spawn")  # never fork a process that has threads
                conn, child = ctx.Pipe()
                process = ctx.Process(
                    target=_helper_main, args=(child, self._initializer), daemon=True, name=self._name
                )
                process.start()
                child.close()  # so a helper that dies makes recv fail instead of waiting for ever
                self._process, self._conn = process, conn
            return self._process, self._conn

    def call(self, fn: Callable, args: tuple, should_stop: Callable[[], bool] | None = None):
        """fn(*args) in the helper -> (process id, thread id, result). Raises HelperError when fn raised,
        Cancelled on a stop, pickle errors when fn or args cannot be sent, OSError when the helper cannot
        run."""
        process, conn = self._ensure()
        try:
            send_message(conn, (fn, args))
            while not conn.poll(POLL_S):
                if should_stop is not None and should_stop():
                    raise Cancelled("stopped")
                if not process.is_alive():
                    raise OSError(translate("Workers", "the helper process ended"))
            answer = recv_message(conn, should_stop)
        except Cancelled:
            self.close()
            raise
        except (EOFError, OSError) as exc:
            self.close()
            if should_stop is not None and should_stop():
                raise Cancelled("stopped") from None
            raise OSError(translate("Workers", "the helper process failed: {exc}").format(exc=exc)) from None
        if answer[0] == "error":
            raise HelperError(answer[1], answer[2])
        return answer[1]

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None else None

    def close(self, budget_s: float = 1.0, *, final: bool = False) -> bool:
        """End the helper (terminate, then kill) within `budget_s`; with `final`, none is started again.
        True when no helper is left."""
        with self._lock:
            self._closed = self._closed or final
            process, _conn = self._process, self._conn
            self._process = self._conn = None
        if process is None:
            return True
        # the pipe is not closed here: a worker thread may be polling it; it sees the end of the process
        # and is closed with the last reference
        return stop_process(process, budget_s)
