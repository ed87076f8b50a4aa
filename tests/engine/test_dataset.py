"""Dataset helpers: class order, arrays, stratified split, per-epoch training arrays."""

import numpy as np
import pytest

from engine.dataset import TrainingSet, class_list, labels_to_indices, stratified_split, to_arrays
from engine.drawing import Drawing
from engine.raster import rasterize
from engine.synth import generate_drawings

SQUARE = np.array([[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]], dtype=float)
TRI = np.array([[50, 0], [100, 90], [0, 90], [50, 0]], dtype=float)


def test_class_list_defaults_first_then_first_seen():
    labels = ["star", "circle", "square", "moon", "star", "square"]
    assert class_list(labels) == ["square", "circle", "star", "moon"]
    assert class_list([Drawing((SQUARE,), "x")]) == ["x"]
    np.testing.assert_array_equal(labels_to_indices(["moon", "square"], class_list(labels)), [3, 0])
    with pytest.raises(ValueError, match="'sun'"):
        labels_to_indices(["sun"], ["square"])


def test_to_arrays_values():
    ds = [Drawing((SQUARE,), "square"), Drawing((TRI,), "triangle"), Drawing((SQUARE,), "square")]
    X, y = to_arrays(ds)
    assert X.shape == (3, 1, 28, 28) and X.dtype == np.float32 and y.dtype == np.int64
    np.testing.assert_array_equal(y, [0, 1, 0])
    np.testing.assert_array_equal(X[1, 0], rasterize(ds[1]))


def test_stratified_split_is_seeded_and_keeps_proportions():
    labels = ["a"] * 50 + ["b"] * 30 + ["c"] * 2 + ["d"]
    tr, va = stratified_split(labels, 0.2, seed=3)
    tr2, va2 = stratified_split(labels, 0.2, seed=3)
    np.testing.assert_array_equal(va, va2)
    assert not np.array_equal(va, stratified_split(labels, 0.2, seed=4)[1])
    assert sorted(np.concatenate([tr, va]).tolist()) == list(range(len(labels)))
    counts = {c: sum(labels[i] == c for i in va) for c in "abcd"}
    assert counts == {"a": 10, "b": 6, "c": 1, "d": 0}
    assert stratified_split(labels, 0.0)[1].size == 0


def test_training_set_epochs_are_seeded_and_augmented():
    ds = [Drawing((SQUARE,), "square"), Drawing((TRI,), "triangle")] * 10
    ts = TrainingSet(ds, seed=1, fraction=0.5, copies=1)
    X0, y0 = ts.arrays(0)
    X0b, _ = ts.arrays(0)
    X1, _ = ts.arrays(1)
    np.testing.assert_array_equal(X0, X0b)
    assert not np.array_equal(X0, X1)
    np.testing.assert_array_equal(y0, [0, 1] * 10)
    clean, _ = ts.clean_arrays()
    changed = np.array([not np.array_equal(X0[i], clean[i]) for i in range(20)])
    assert 3 <= changed.sum() <= 17  # about half are augmented
    off = TrainingSet(ds, augment=False)
    np.testing.assert_array_equal(off.arrays(5)[0], off.clean_arrays()[0])
    ts2 = TrainingSet(ds, np.array([1, 0] * 10), size=32, copies=1)
    assert ts2.arrays(0)[0].shape == (20, 1, 32, 32)
    np.testing.assert_array_equal(ts2.arrays(0)[1], [1, 0] * 10)
    with pytest.raises(ValueError):
        TrainingSet([])


def test_training_set_copies_add_augmented_versions():
    ds = [Drawing((SQUARE,), "square"), Drawing((TRI,), "triangle")] * 5
    ts = TrainingSet(ds, seed=2, copies=3, via_image=0.5)
    X, y = ts.arrays(0)
    assert X.shape == (30, 1, 28, 28) and X.dtype == np.float32
    np.testing.assert_array_equal(y, [0, 1] * 15)
    clean, _ = ts.clean_arrays()
    # every extra row is an augmented version of its drawing, not a clean copy
    assert all(not np.array_equal(X[10 + i], clean[i % 10]) for i in range(20))
    assert np.all((X >= 0) & (X <= 1))
    np.testing.assert_array_equal(ts.arrays(0)[0], X)


# -- EpochPrefetcher: the next epoch made in a helper process, the same arrays --------------------------


def test_prefetched_epochs_are_bit_for_bit_the_training_sets_and_come_from_the_helper():
    import multiprocessing

    from engine import EpochPrefetcher

    ts = TrainingSet(generate_drawings(15, seed=2), seed=5)
    with EpochPrefetcher(ts) as pre:
        for epoch in range(3):
            X, y = pre.arrays(epoch)
            X_ref, y_ref = ts.arrays(epoch)
            np.testing.assert_array_equal(X, X_ref)
            np.testing.assert_array_equal(y, y_ref)
        assert pre.helper_epochs == 2  # epochs 1 and 2 were made ahead; epoch 0 in this process
        assert len(pre) == len(ts)
    assert not multiprocessing.active_children(), "close() ends the helper process"


def test_training_with_the_prefetcher_gives_the_same_weights():
    from engine import EpochPrefetcher, TrainConfig, build_model, train

    ts = TrainingSet(generate_drawings(10, seed=3), seed=1, copies=2)
    config = TrainConfig(epochs=3, batch_size=16, seed=4)
    plain = build_model("tiny", 4, 28, seed=0)
    records = [r.loss for r in train(plain, ts, config) if r.kind == "step"]
    fetched = build_model("tiny", 4, 28, seed=0)
    with EpochPrefetcher(ts) as pre:
        records_pre = [r.loss for r in train(fetched, pre, config) if r.kind == "step"]
        assert pre.helper_epochs == 2
    assert records_pre == records
    for k, w in plain.weights().items():
        np.testing.assert_array_equal(fetched.weights()[k], w)


def test_the_prefetcher_falls_back_to_this_process_when_the_helper_dies():
    from engine import EpochPrefetcher

    ts = TrainingSet(generate_drawings(8, seed=4), seed=2)
    with EpochPrefetcher(ts) as pre:
        pre.arrays(0)  # asks the helper for epoch 1
        assert pre._started.wait(30)  # noqa: SLF001  (the sender thread started it)
        pre._process.terminate()  # noqa: SLF001  (the helper is killed while it works)
        X, y = pre.arrays(1)
        np.testing.assert_array_equal(X, ts.arrays(1)[0])
        X2, _ = pre.arrays(2)  # made here from now on
        np.testing.assert_array_equal(X2, ts.arrays(2)[0])
        assert pre.helper_epochs == 0


def test_the_prefetcher_without_a_process_is_the_training_set():
    from engine import EpochPrefetcher

    ts = TrainingSet(generate_drawings(5, seed=6), seed=0)
    pre = EpochPrefetcher(ts, use_process=False)
    np.testing.assert_array_equal(pre.arrays(1)[0], ts.arrays(1)[0])
    assert pre.helper_epochs == 0 and pre._process is None  # noqa: SLF001


def test_epochs_are_kept_as_exact_levels_and_give_float32_rows():
    from engine.dataset import Rasters, levels_of

    ts = TrainingSet(generate_drawings(6, seed=7), seed=3, via_image=0.5)
    X, y = ts.arrays(1)
    assert isinstance(X, Rasters) and X.levels.dtype == np.uint8 and X.levels.shape == (144, 1, 28, 28)
    assert X.shape == (144, 1, 28, 28) and X.dtype == np.float32 and len(X) == 144
    full = np.asarray(X)
    assert full.dtype == np.float32
    np.testing.assert_array_equal(full * 16, X.levels)  # bit for bit: level / 16
    rows = X[np.array([5, 0, 77])]
    assert rows.dtype == np.float32
    np.testing.assert_array_equal(rows, full[[5, 0, 77]])
    assert float(X.levels.max()) == 16 and (X <= 1).all() and np.concatenate([X, X]).shape == (288, 1, 28, 28)
    np.testing.assert_array_equal(levels_of(full), X.levels)
    odd = full.copy()
    odd[0, 0, 0, 0] = 0.3  # not a multiple of 1/16: not levels
    assert levels_of(odd) is None
    import pickle

    back = pickle.loads(pickle.dumps(X))
    np.testing.assert_array_equal(back.levels, X.levels)
    assert len(pickle.dumps(X)) < X.levels.nbytes + 1000


def test_max_samples_bounds_an_epoch():
    ds = generate_drawings(10, seed=1)  # 40 drawings
    ts = TrainingSet(ds, seed=0, copies=6, max_samples=100)
    X, y = ts.arrays(2)
    assert len(X) == len(y) == ts.epoch_size() == 100
    np.testing.assert_array_equal(y[:40], ts.clean_arrays()[1])
    counts = np.bincount(y, minlength=4)
    assert counts.min() >= 15  # the extra versions are spread over the classes
    np.testing.assert_array_equal(ts.arrays(2)[0].levels, X.levels)
    assert TrainingSet(ds, copies=6, max_samples=10).epoch_size() == 40  # never fewer than N
    assert TrainingSet(ds, copies=6).epoch_size() == 240
    with pytest.raises(ValueError):
        TrainingSet(ds, max_samples=0)


def test_training_set_and_rasterizing_stop_when_asked():
    """should_stop is checked while rasters and epochs are made: Cancelled comes within one chunk."""
    import pytest

    from engine import Cancelled, TrainingSet, generate_drawings, rasterize_many

    drawings = generate_drawings(150, seed=3)  # 600 drawings: more than one chunk (CHUNK_DRAWINGS 512)
    calls = []

    def stop_on_second_check():
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(Cancelled):
        rasterize_many(drawings, 28, should_stop=stop_on_second_check)
    assert len(calls) == 2  # the first chunk was made, the second check stopped it
    ts = TrainingSet(drawings, augment=True, seed=0)
    ts.should_stop = lambda: True
    with pytest.raises(Cancelled):
        ts.arrays(0)
    import pickle

    ts.should_stop = lambda: True
    clone = pickle.loads(pickle.dumps(ts))  # a lambda would not pickle: should_stop is left behind
    assert clone.should_stop is None
    np.testing.assert_array_equal(clone.clean_arrays()[0], ts.clean_arrays()[0])


def test_the_first_epoch_can_come_from_the_helper():
    """first=0: the helper starts on epoch 0 at once (the constructor does not wait for it); the arrays
    are the training set's, bit for bit."""
    from engine import EpochPrefetcher

    ts = TrainingSet(generate_drawings(6, seed=8), seed=4)
    with EpochPrefetcher(ts, first=0) as pre:
        X0, y0 = pre.arrays(0)
        X1, _ = pre.arrays(1)
        assert pre.helper_epochs == 2
    np.testing.assert_array_equal(X0.levels, ts.arrays(0)[0].levels)
    np.testing.assert_array_equal(y0, ts.arrays(0)[1])
    np.testing.assert_array_equal(X1.levels, ts.arrays(1)[0].levels)


class StubbornSource:
    """A source whose helper ignores SIGTERM and never finishes an epoch (it leaves a mark first)."""

    def __init__(self, mark):
        self.mark = str(mark)

    def __len__(self):
        return 1

    def arrays(self, epoch):
        import signal
        import threading
        from pathlib import Path

        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        Path(self.mark).write_text("busy")
        threading.Event().wait()


def test_close_kills_a_helper_that_ignores_terminate_within_the_timeout(tmp_path):
    import multiprocessing
    import signal
    import threading
    import time

    from engine import EpochPrefetcher

    mark = tmp_path / "mark"
    pre = EpochPrefetcher(StubbornSource(mark), first=0, close_timeout=0.5)
    deadline = time.monotonic() + 60
    while not mark.exists() and time.monotonic() < deadline:
        threading.Event().wait(0.02)  # the helper is still starting
    assert mark.exists()
    process = pre._process  # noqa: SLF001
    t0 = time.monotonic()
    pre.close()
    assert time.monotonic() - t0 < 1.5  # terminate, 0.5 s, kill
    assert not process.is_alive() and process.exitcode == -signal.SIGKILL
    assert not multiprocessing.active_children()


def test_waiting_for_the_helper_stops_when_asked(tmp_path):
    import pytest

    from engine import Cancelled, EpochPrefetcher

    calls = []
    pre = EpochPrefetcher(StubbornSource(tmp_path / "mark"), first=0, close_timeout=0.5,
                          should_stop=lambda: calls.append(1) or len(calls) > 3)
    with pytest.raises(Cancelled):
        pre.arrays(0)
    assert len(calls) == 4 and pre._process is None  # noqa: SLF001  (closed)


def test_an_epoch_rasterised_in_two_threads_is_bit_for_bit_the_one_thread_epoch():
    """The random numbers are drawn chunk after chunk in the calling thread whatever `threads` is; only
    the drawing of the chunks is spread over threads. Several chunks, via-image scans among them."""
    import pickle

    from engine.raster import CHUNK_DRAWINGS

    drawings = generate_drawings(150, seed=4)  # 600 drawings x 3 versions: several chunks
    one = TrainingSet(drawings, seed=3, copies=3, via_image=0.2)
    two = TrainingSet(drawings, seed=3, copies=3, via_image=0.2, threads=2)
    assert two.epoch_size() > 2 * CHUNK_DRAWINGS
    for epoch in (0, 1):
        X1, y1 = one.arrays(epoch)
        X2, y2 = two.arrays(epoch)
        np.testing.assert_array_equal(X1.levels, X2.levels)
        np.testing.assert_array_equal(y1, y2)
    assert pickle.loads(pickle.dumps(two)).threads == 1  # a helper process runs beside the training


def test_a_threaded_epoch_stops_when_asked():
    from engine import Cancelled

    calls = []

    def stop():
        calls.append(1)
        return len(calls) > 3  # a few chunks in

    ts = TrainingSet(generate_drawings(150, seed=4), seed=3, copies=3, threads=2)
    ts.should_stop = stop
    with pytest.raises(Cancelled):
        ts.arrays(1)


PARENT_SCRIPT = """
import multiprocessing, sys, threading
sys.path.insert(0, {root!r})
from engine import end_with_parent

def helper():
    end_with_parent(poll_s=0.05)
    threading.Event().wait()  # works forever unless its parent's end ends it

if __name__ == "__main__":
    process = multiprocessing.get_context("spawn").Process(target=helper, daemon=True)
    process.start()
    print(process.pid, flush=True)
    threading.Event().wait()
"""


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_a_helper_process_ends_when_its_parent_is_killed(tmp_path, signal_name):
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    script = tmp_path / "parent.py"
    script.write_text(PARENT_SCRIPT.format(root=str(Path(__file__).resolve().parents[2])))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert Path(f"/proc/{child}").exists()  # the helper runs while its parent does
        parent.send_signal(getattr(signal, signal_name))  # no atexit, no daemon clean-up
        parent.wait(10)

        def alive() -> bool:
            try:
                return Path(f"/proc/{child}/stat").read_text().split(")")[-1].split()[0] != "Z"
            except FileNotFoundError:
                return False

        deadline = time.monotonic() + 10
        while alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(), f"the helper {child} outlived its parent ({signal_name}) by 10 s"
    finally:
        parent.kill()
