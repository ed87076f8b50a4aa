"""gui.workers: the JobRunner's rules (newest wins, stale results dropped by generation, cancel, bounded
shutdown), the helper process (terminate, then kill), and the one Throttle."""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import time

import numpy as np
import pytest

from engine import Cancelled
from gui.workers import HelperError, HelperProcess, JobRunner, Throttle
from gui.workers import helper as helper_module
from gui.workers import runner as runner_module

TIMEOUT = 5000


@pytest.fixture
def runner(qapp):
    r = JobRunner(name="TestJobs")
    yield r
    assert r.shutdown(5.0)


class Gate:
    """A job held until `release()`; records the should_stop it was given."""

    def __init__(self):
        self.started = threading.Event()
        self.go = threading.Event()
        self.stops = []

    def job(self, value, *, should_stop):
        self.stops.append(should_stop)
        self.started.set()
        self.go.wait(10)
        return value

    def release(self):
        self.go.set()


def test_the_newest_request_wins_and_stale_results_are_dropped(runner, qtbot):
    gate = Gate()
    got, finished = [], []
    for v in (1, 2, 3):
        runner.submit("k", gate.job, v, on_done=got.append, on_finished=lambda v=v: finished.append(v))
        if v == 1:
            assert gate.started.wait(5)
    assert runner.generation("k") == 3
    # job 1 runs and was told to stop (a newer request came); job 2 never ran: job 3 replaced it
    assert gate.stops[0]() is True
    assert finished == [2]
    gate.release()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=TIMEOUT)
    assert got == [3]
    assert sorted(finished) == [1, 2, 3]
    assert runner.dropped == 1 and runner.completed == 1  # 2 dropped waiting; 1 ended as cancelled
    assert len(gate.stops) == 2 and gate.stops[1]() is False


def test_a_stale_result_that_ignored_its_stop_is_dropped_by_its_generation(runner, qtbot):
    gate = Gate()
    got = []
    runner.keep_running.add("k")  # the running job is not told to stop: it returns a result, too late
    runner.submit("k", gate.job, "old", on_done=got.append)
    assert gate.started.wait(5)
    runner.submit("k", gate.job, "new", on_done=got.append)
    with qtbot.waitSignal(runner.resultReady, timeout=TIMEOUT) as sig:
        gate.release()
    assert sig.args == ["k", "new"]
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=TIMEOUT)
    assert got == ["new"] and runner.dropped == 1


def test_a_progressive_kind_shows_a_result_newer_than_the_one_on_screen(runner, qtbot):
    gate = Gate()
    got = []
    runner.keep_running.add("k")
    runner.progressive.add("k")
    for v in (1, 2, 3):
        runner.submit("k", gate.job, v, on_done=got.append)
        if v == 1:
            assert gate.started.wait(5)
    gate.release()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=TIMEOUT)
    assert got == [1, 3]  # 2 never ran; nothing shown twice, nothing out of order
    assert runner.dropped == 1


def test_kinds_run_in_their_own_threads_and_results_come_back_on_the_gui_thread(runner, qtbot):
    both = threading.Barrier(2, timeout=5)  # passes only when the two jobs run at the same time
    where = {}

    def job(kind, *, should_stop):
        where[kind] = threading.get_ident()
        both.wait()
        return kind

    delivered = []
    runner.submit("a", job, "a", on_done=lambda r: delivered.append((r, threading.get_ident())))
    runner.submit("b", job, "b", on_done=lambda r: delivered.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: len(delivered) == 2, timeout=TIMEOUT)
    assert sorted(r for r, _ in delivered) == ["a", "b"]  # neither broke the barrier: they ran together
    assert where["a"] != where["b"] and threading.get_ident() not in where.values()
    assert {t for _, t in delivered} == {threading.get_ident()}


def test_a_job_is_cancelled_through_its_should_stop(runner, qtbot):
    seen = []
    started = threading.Event()

    def loop(*, should_stop):
        started.set()
        while True:
            if should_stop():
                seen.append("stopped")
                raise Cancelled("stopped")
            threading.Event().wait(0.001)  # a slice of work

    got, finished, on_cancel = [], [], []
    runner.submit(
        "k",
        loop,
        on_done=got.append,
        on_finished=lambda: finished.append(1),
        on_cancel=lambda: on_cancel.append(1),
    )
    assert started.wait(5)
    runner.cancel("k")
    assert on_cancel == [1]
    qtbot.waitUntil(lambda: finished == [1], timeout=TIMEOUT)
    assert got == [] and seen == ["stopped"]
    qtbot.waitUntil(lambda: runner.thread("k") is None, timeout=TIMEOUT)


def test_a_failure_reaches_the_gui_thread_with_its_message(runner, qtbot):
    def bad(path, *, should_stop):
        raise OSError(f"{path}: no such file")

    errors = []
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT) as sig:
        runner.submit("k", bad, "/x/y.ndjson", on_failed=errors.append)
    assert errors == ["/x/y.ndjson: no such file"]
    assert sig.args[0] == "k" and "no such file" in sig.args[1] and "OSError" in sig.args[1]


def test_progress_then_result_arrive_in_order(runner, qtbot):
    def counting(n, *, should_stop, report):
        for i in range(n):
            report(i)
        return "end"

    events = []
    runner.submit("k", counting, 200, on_progress=events.append, on_done=events.append)
    qtbot.waitUntil(lambda: events[-1:] == ["end"], timeout=TIMEOUT)
    assert events == [*range(200), "end"]


def test_many_requests_in_a_row_leave_no_thread_and_the_last_one_is_shown(runner, qtbot):
    """The lane ends when idle and is started again; a request during its last instructions is not lost."""
    got = []
    runner.keep_running.add("k")
    runner.progressive.add("k")
    for i in range(300):
        runner.submit("k", lambda v, should_stop: v, i, on_done=got.append)
        if i % 7 == 0:
            qtbot.wait(1)  # let some lanes end between requests
    qtbot.waitUntil(lambda: not runner.is_busy() and runner.thread("k") is None, timeout=TIMEOUT)
    assert got[-1] == 299 and got == sorted(set(got))


def test_shutdown_is_bounded_when_a_job_ignores_its_stop(qapp, qtbot):
    runner = JobRunner(name="TestStubborn")
    release = threading.Event()
    stubborn_started = threading.Event()
    got = []

    def stubborn(*, should_stop):
        stubborn_started.set()
        release.wait(10)  # ignores should_stop until released
        return "late"

    def polite(*, should_stop):
        while not should_stop():
            threading.Event().wait(0.001)  # a slice of work
        raise Cancelled("stopped")

    runner.submit("stubborn", stubborn, on_done=got.append)
    runner.submit("polite", polite, on_done=got.append)
    assert stubborn_started.wait(5)
    lane = runner.thread("stubborn")
    t0 = time.perf_counter()
    assert runner.shutdown(0.3) is False
    took = time.perf_counter() - t0
    assert 0.25 <= took < 0.8, took
    assert runner.thread("polite") is None  # the job that checks its stop ended in time
    assert lane.isRunning() and lane in runner_module._ALIVE  # kept alive: never deleted while it runs
    assert runner.submit("polite", polite) and runner.thread("polite") is None  # nothing runs after shutdown
    release.set()
    qtbot.waitUntil(lambda: not lane.isRunning(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: lane not in runner_module._ALIVE, timeout=TIMEOUT)
    assert got == []  # no result is delivered after shutdown


# -- the helper process ------------------------------------------------------------------------------


def _pid_and_sum(a, b):
    return os.getpid(), a + b


def _fail(text):
    raise ValueError(text)


def _sleep(seconds):
    time.sleep(seconds)
    return seconds


def _ignore_sigterm():
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def test_a_helper_process_runs_a_job_and_reports_its_error():
    helper = HelperProcess("TestHelper")
    try:
        pid, _tid, (child_pid, total) = helper.call(_pid_and_sum, (2, 3))
        assert total == 5 and pid == child_pid != os.getpid()
        with pytest.raises(HelperError, match="broken input") as info:
            helper.call(_fail, ("broken input",))
        assert "ValueError" in info.value.details
        assert helper.pid == pid  # the same helper after a job's error
    finally:
        assert helper.close(2.0)


class FakeConnection:
    """The half of a multiprocessing connection that send_message / recv_message use, in one process:
    records the size of every message."""

    def __init__(self):
        self.messages: list[bytes] = []
        self.sizes: list[int] = []

    def send_bytes(self, data) -> None:
        data = bytes(data)
        self.messages.append(data)
        self.sizes.append(len(data))

    def send(self, obj) -> None:
        self.send_bytes(pickle.dumps(obj))

    def recv_bytes(self) -> bytes:
        return self.messages.pop(0)

    def recv(self):
        return pickle.loads(self.recv_bytes())

    def recv_bytes_into(self, buf, offset: int = 0) -> int:
        data = self.recv_bytes()
        memoryview(buf)[offset:offset + len(data)] = data
        return len(data)


def test_large_arrays_travel_out_of_band_in_pieces_and_arrive_whole_and_aligned():
    rng = np.random.default_rng(0)
    big = rng.random((3000, 1, 28, 28), dtype=np.float32)  # 9.4 MB
    odd = rng.integers(0, 9, 70_001).astype(np.int64)  # 560 KB, a size that is no multiple of anything
    small = np.arange(10, dtype=np.float64)  # stays inside the pickle
    labels = ["circle", "square"] * 500
    conn = FakeConnection()
    sent = helper_module.send_message(conn, {"X": big, "ids": odd, "small": small, "labels": labels})
    assert sent >= big.nbytes + odd.nbytes
    head, sizes = conn.sizes[0], pickle.loads(conn.messages[1])
    assert sorted(sizes) == sorted([big.nbytes, odd.nbytes])  # the small array is not out of band
    assert head < 50_000  # the pickle holds the small parts only
    pieces = conn.sizes[2:]
    assert max(pieces) <= helper_module.PIECE_BYTES and sum(pieces) == sent
    assert len(pieces) == -(-sent // helper_module.PIECE_BYTES)  # full pieces, the last one the rest
    back = helper_module.recv_message(conn)
    assert not conn.messages
    assert np.array_equal(back["X"], big) and np.array_equal(back["ids"], odd)
    assert np.array_equal(back["small"], small) and back["labels"] == labels
    for a in (back["X"], back["ids"]):
        assert a.flags.aligned and a.flags.writeable and a.ctypes.data % helper_module.ALIGN == 0


def test_receiving_in_pieces_stops_when_asked():
    conn = FakeConnection()
    helper_module.send_message(conn, np.zeros(3 * helper_module.PIECE_BYTES, np.uint8))
    checks = []

    def should_stop() -> bool:
        checks.append(1)
        return len(checks) > 1

    with pytest.raises(Cancelled):
        helper_module.recv_message(conn, should_stop)
    assert len(checks) == 2  # checked before each piece


def _big_result(n):
    return np.arange(n, dtype=np.float32).reshape(-1, 1, 28, 28)


def test_a_helper_process_returns_a_large_array_whole():
    helper = HelperProcess("TestHelper")
    try:
        _pid, _tid, X = helper.call(_big_result, (784 * 4000,))  # 12.5 MB, 12 pieces
        assert X.shape == (4000, 1, 28, 28) and X.dtype == np.float32
        assert float(X[-1, 0, -1, -1]) == 784 * 4000 - 1 and np.array_equal(X.ravel()[:5], np.arange(5))
    finally:
        assert helper.close(2.0)


def test_a_stop_ends_the_helper_at_once():
    helper = HelperProcess("TestHelper")
    helper.call(_pid_and_sum, (1, 1))  # started and warm
    stop_at = time.perf_counter() + 0.2
    t0 = time.perf_counter()
    with pytest.raises(Cancelled):
        helper.call(_sleep, (30,), lambda: time.perf_counter() > stop_at)
    assert time.perf_counter() - t0 < 2.0
    assert helper.pid is None
    import multiprocessing

    assert not [c for c in multiprocessing.active_children() if c.name == "TestHelper"]


def test_a_helper_that_ignores_terminate_is_killed_within_the_budget():
    helper = HelperProcess("TestStubbornHelper", _ignore_sigterm)
    pid, _tid, _ = helper.call(_pid_and_sum, (1, 2))
    t0 = time.perf_counter()
    assert helper.close(0.6)
    assert time.perf_counter() - t0 < 1.0
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


# -- the throttle ---------------------------------------------------------------------------------


def test_the_throttle_calls_at_the_leading_and_the_trailing_edge(qtbot):
    calls = []
    throttle = Throttle(lambda: calls.append(time.perf_counter()), 80)
    t0 = time.perf_counter()
    for _ in range(10):
        throttle.trigger()
    assert len(calls) == 1 and throttle.pending()  # leading edge at once, the rest wait
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=TIMEOUT)
    assert calls[1] - t0 >= 0.075  # the trailing call came once the interval was over
    assert not throttle.pending()
    throttle.trigger()  # within the interval again: trailing only
    assert len(calls) == 2
    throttle.cancel()
    qtbot.wait(150)
    assert len(calls) == 2
    throttle.trigger()  # a quiet spell: leading edge at once
    assert len(calls) == 3


def test_a_job_that_never_stops_does_not_abort_the_process_at_exit(tmp_path):
    """Python's teardown would delete the still-running lane ("QThread: Destroyed while thread is still
    running", abort); the runner's exit guard waits a little, then leaves without it."""
    import subprocess
    import sys

    script = tmp_path / "orphan.py"
    script.write_text(
        "import threading\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from gui.workers import JobRunner\n"
        "runner = JobRunner()\n"
        "started = threading.Event()\n"
        "def stubborn(*, should_stop):\n"
        "    started.set()\n"
        "    threading.Event().wait(30)\n"
        "runner.submit('x', stubborn)\n"
        "started.wait(5)\n"
        "print('shutdown in time:', runner.shutdown(0.2), flush=True)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "shutdown in time: False" in proc.stdout
    assert "did not stop in time" in proc.stderr and "Destroyed while thread" not in proc.stderr
    assert time.perf_counter() - t0 < 20


def test_training_records_cross_to_the_gui_thread_in_order_and_in_batches():
    """The training job passes every record, in order, but step records in batches (RECORD_BATCH_S);
    non-record messages keep their place, and the final record ends the messages."""
    import engine
    from engine import TrainControl
    from gui.core.dataset import DatasetSnapshot
    from gui.core.training import TrainSettings
    from gui.workers import trainer as trainer_module

    drawings = tuple(engine.generate_drawings(25, seed=3))  # 25 per class: 80 train, 20 validate
    snapshot = DatasetSnapshot(drawings, tuple(engine.DEFAULT_CLASSES), 1, "x.ndjson")
    settings = TrainSettings(preset="tiny", epochs=2, batch_size=4, augment=False, val_split=0.2)
    sent = []
    model = engine.build_model("tiny", 4)
    trainer_module.training_job(model, snapshot, settings, TrainControl(), should_stop=lambda: False,
                                report=sent.append)
    assert {m[0] for m in sent} <= {"prepared", "records", "weights"}
    records = [r for kind, batch in sent if kind == "records" for r in batch]
    steps = [r.step for r in records if r.kind == "step"]
    assert steps == list(range(1, 2 * 20 + 1))  # 80 training drawings, batches of 4, 2 epochs
    assert [r.kind for r in records if r.kind != "step"] == ["epoch", "epoch", "done"]
    assert sent[-1][0] == "records" and sent[-1][1][-1].kind == "done" and sent[-2][0] == "weights"
    assert len([m for m in sent if m[0] == "records"]) < len(records) / 2  # batched
    for kind, batch in sent:  # an epoch record, or any with validation figures, ends its batch: shown at once
        if kind == "records":
            assert all(r.kind == "step" and r.val_accuracy is None for r in batch[:-1])
    validated = [r.step for r in records if r.kind == "step" and r.val_accuracy is not None]
    assert validated == [10, 30]  # halfway through each epoch of 20 steps
    ends = [batch[-1].step for kind, batch in sent if kind == "records" and batch[-1].kind == "step"]
    assert set(validated) <= set(ends)


def test_a_paused_run_has_passed_on_every_step_it_made():
    """Step records wait up to RECORD_BATCH_S to be passed on; a run that pauses hands them over before it
    waits, so the window shows every step made (paused here just before step 6 by the control itself)."""
    import engine
    from gui.core.dataset import DatasetSnapshot
    from gui.core.training import TrainSettings
    from gui.workers import trainer as trainer_module

    class PauseBeforeStep6(trainer_module.BatchingControl):
        turns = 0

        def wait_for_turn(self):
            self.turns += 1
            if self.turns == 6:
                self.pause()
            return super().wait_for_turn()

    drawings = tuple(engine.generate_drawings(25, seed=3))
    snapshot = DatasetSnapshot(drawings, tuple(engine.DEFAULT_CLASSES), 1, "x.ndjson")
    settings = TrainSettings(preset="tiny", epochs=2, batch_size=4, augment=False, val_split=0.2)
    control = PauseBeforeStep6()
    sent = []
    job = threading.Thread(target=trainer_module.training_job, args=(
        engine.build_model("tiny", 4), snapshot, settings, control), kwargs={
        "should_stop": lambda: False, "report": sent.append})
    job.start()
    try:
        assert control.wait_until_blocked(30)
        steps = [r.step for kind, batch in list(sent) if kind == "records" for r in batch if r.kind == "step"]
        assert steps == [1, 2, 3, 4, 5]
    finally:
        control.stop()
        job.join(30)
    assert not job.is_alive()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread has a niceness on Linux only")
def test_the_training_thread_runs_at_a_lower_priority_than_the_window():
    """training_job lowers its own thread's priority (TRAINING_NICE above the process's niceness), also
    when the lane's thread ran a run before; the GUI (main) thread keeps its priority."""
    import engine
    from engine import TrainControl
    from gui.core.dataset import DatasetSnapshot
    from gui.core.training import TrainSettings
    from gui.workers import trainer as trainer_module

    base = os.getpriority(os.PRIO_PROCESS, os.getpid())
    expected = min(19, base + trainer_module.TRAINING_NICE)
    assert expected > base
    drawings = tuple(engine.generate_drawings(5, seed=3))
    snapshot = DatasetSnapshot(drawings, tuple(engine.DEFAULT_CLASSES), 1, "x.ndjson")
    settings = TrainSettings(preset="tiny", epochs=1, batch_size=4, augment=False, val_split=0.2)
    seen = []

    def report(message):  # runs in the training thread
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    def lane():  # one thread, two runs: the second does not lower it twice
        for _ in range(2):
            trainer_module.training_job(engine.build_model("tiny", 4), snapshot, settings, TrainControl(),
                                        should_stop=lambda: False, report=report)

    job = threading.Thread(target=lane)
    job.start()
    job.join(60)
    assert not job.is_alive()
    assert seen and set(seen) == {expected}
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == base  # this thread: unchanged
