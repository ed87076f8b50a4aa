"""Data safety: the starter set is never written; the user's file is created with the first drawing; every
change is on disk at once; a destroyed window or a killed process loses nothing; bad files lose nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from engine import Drawing, read_ndjson, write_ndjson
from gui.core.dataset import DatasetState, StateError

ROOT = Path(__file__).resolve().parents[2]


def digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def square(offset=0.0):
    return [
        np.array([[10, 10, 0], [90, 10, 50], [90, 90, 100], [10, 90, 150], [10, 10, 200]], float) + offset
    ]


# -- through the window ----------------------------------------------------------------------------


def test_first_run_opens_starter_and_never_writes_it(
    make_window, tmp_path, small_starter, qtbot, draw, shape_points
):
    before = digest(small_starter)
    data_dir = tmp_path / "data"
    window = make_window(data_dir)
    assert window.state.is_starter and window.state.read_only
    n_starter = len(window.state)
    assert n_starter == 48
    assert not list(data_dir.glob("*.ndjson")), "no user file before the first drawing"

    draw(window.canvas, shape_points("triangle", window.canvas))
    QTest.keyClick(window.canvas, Qt.Key.Key_2)
    user_files = list(data_dir.glob("*.ndjson"))
    assert len(user_files) == 1, "the user's own dataset file is created with the first drawing"
    assert window.state.path == user_files[0] and not window.state.read_only
    drawings, problems = read_ndjson(user_files[0])
    assert not problems and [d.label for d in drawings] == ["triangle"], "the user's file holds only theirs"
    assert len(window.state) == n_starter + 1 and window.state.base_count == n_starter
    # the starter's drawings are read-only: deleting one is refused with a message; the user's own work
    shown = []
    window.messages.warn = lambda title, body: shown.append(body)
    window.messages.error = lambda title, body: shown.append(body)
    window.gallery.deleteRequested.emit([0, 1])
    assert shown and "read-only" in shown[-1] and len(window.state) == n_starter + 1
    window.gallery.relabelRequested.emit([n_starter], "circle")
    window.state.flush()
    assert [d.label for d in read_ndjson(user_files[0])[0]] == ["circle"]
    assert digest(small_starter) == before


def test_reopens_last_dataset(make_window, tmp_path, draw, shape_points):
    data_dir = tmp_path / "data"
    window = make_window(data_dir)
    draw(window.canvas, shape_points("square", window.canvas))
    QTest.keyClick(window.canvas, Qt.Key.Key_1)
    path = window.state.path
    window.close()
    again = make_window(data_dir)
    assert again.state.path == path and not again.state.is_starter
    assert len(again.state) == 49


def test_destroyed_window_loses_nothing(make_window, tmp_path, qtbot, draw, shape_points):
    """Every added drawing is in the file after the window is destroyed without a clean close."""
    data_dir = tmp_path / "data"
    window = make_window(data_dir, register=False)
    added = []
    for i, (kind, key) in enumerate(
        (
            ("square", Qt.Key.Key_1),
            ("triangle", Qt.Key.Key_2),
            ("circle", Qt.Key.Key_3),
            ("square", Qt.Key.Key_1),
        )
    ):
        draw(window.canvas, shape_points(kind, window.canvas, jitter=3, seed=i))
        added.append([s.copy() for s in window.canvas.strokes()])
        QTest.keyClick(window.canvas, key)
    path = window.state.path
    # no closeEvent, no settings sync: the C++ window is simply deleted
    window.hide()
    window.controller.shutdown()
    window.predictor.shutdown()
    window.deleteLater()
    qtbot.waitUntil(lambda: not _alive(window), timeout=3000)
    drawings, problems = read_ndjson(path)
    assert not problems
    mine = drawings[-4:]
    assert [d.label for d in mine] == ["square", "triangle", "circle", "square"]
    for d, strokes in zip(mine, added, strict=True):
        assert len(d.strokes) == len(strokes)
        for a, b in zip(d.strokes, strokes, strict=True):
            np.testing.assert_allclose(a, b)


def _alive(widget) -> bool:
    try:
        widget.objectName()
        return True
    except RuntimeError:
        return False


def test_killed_process_loses_nothing(tmp_path, small_starter):
    """A process that adds drawings through the window and is then killed (SIGKILL) lost nothing."""
    data_dir = tmp_path / "data"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import numpy as np
        import gui.app
        from pathlib import Path
        gui.app.STARTER_PATH = Path({str(small_starter)!r})
        window = gui.app.create_main_window({str(data_dir)!r})
        for i, label in enumerate(["circle", "square", "irregular"]):
            t = np.linspace(0, 6.2, 30)
            stroke = np.column_stack([100 + 50 * np.cos(t) + i, 100 + 40 * np.sin(t), t * 100])
            window.canvas.set_strokes([stroke])
            window.labelling.add_current_drawing(label)
        print(window.state.path, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    path = Path(proc.stdout.strip().splitlines()[-1])
    drawings, problems = read_ndjson(path)
    assert not problems
    assert [d.label for d in drawings[-3:]] == ["circle", "square", "irregular"]


def test_bad_file_names_file_and_line_and_loses_nothing(make_window, tmp_path, qtbot):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = data_dir / "mine.ndjson"
    good = [Drawing(tuple(square(k)), "square") for k in range(3)]
    write_ndjson(path, good)
    text = path.read_text().splitlines()
    text.insert(1, "{not json")
    path.write_text(
        "\n".join(text) + '\n{"word": "circle", "drawing": [[[1, 2'
    )  # corrupt line 2, torn last line
    original = path.read_bytes()
    from gui.window.messages import Messages

    shown = []
    original_warn = Messages.warn
    Messages.warn = lambda self, title, body: shown.append((title, body))
    try:
        window = make_window(data_dir, show=False)
        assert window.open_dataset(path)
    finally:
        Messages.warn = original_warn
    assert len(window.state) == 3, "every good drawing loads"
    assert shown, "the user is told"
    body = shown[-1][1]
    assert f"{path}:2:" in body and f"{path}:5:" in body and "torn" in body
    backup = window.state.backup_path
    fragment = b'{"word": "circle", "drawing": [[[1, 2'
    whole = original[: -len(fragment)]  # the engine cut the torn tail off at opening and kept it aside
    assert backup is not None and backup.read_bytes() == whole, "a copy of the file as it was is kept"
    assert path.with_name(path.name + ".damaged").read_bytes() == fragment + b"\n"
    # an edit rewrites the file without the bad lines; the copy still holds them
    window.state.delete([0])
    window.state.flush()
    assert backup.read_bytes() == whole
    drawings, problems = read_ndjson(path)
    assert len(drawings) == 2 and not problems


def test_unreadable_last_dataset_falls_back_to_starter(make_window, tmp_path):
    data_dir = tmp_path / "data"
    window = make_window(data_dir, show=False)
    missing = tmp_path / "gone.ndjson"
    window.settings.setValue("dataset/last", str(missing))
    window.settings.sync()
    window.close()
    again = make_window(data_dir, show=False)
    assert again.state.is_starter


# -- the Qt-free state -----------------------------------------------------------------------------


def test_state_delete_relabel_undo(tmp_path, small_starter):
    st = DatasetState(tmp_path, small_starter)
    st.open_starter()
    st.set_include_base(False)
    for k in range(8):
        st.add_drawing(square(k), ("square", "circle")[k % 2])
    n = len(st)
    labels = st.labels()
    st.delete([0, 5, n - 1])
    assert len(st) == n - 3
    assert st.undo().startswith("delete")
    st.flush()
    assert st.labels() == labels and len(read_ndjson(st.path)[0]) == n
    st.relabel([0, 1], "irregular")
    assert st.labels()[:2] == ["irregular", "irregular"]
    st.undo()
    assert st.labels() == labels
    assert not st.can_undo()


def test_state_classes_add_rename_recolour_delete(tmp_path, small_starter):
    st = DatasetState(tmp_path, small_starter)
    st.open_starter()
    assert st.class_names() == ["square", "triangle", "circle", "irregular"]
    with pytest.raises(StateError, match="read-only"):
        st.rename_class("circle", "round")  # the starter's circles cannot be renamed
    write_ndjson(tmp_path / "mine.ndjson", read_ndjson(small_starter)[0])
    st.open(tmp_path / "mine.ndjson")  # another file: the starter set is left out
    st.add_class("star")
    assert st.counts()["star"] == 0
    try:
        st.add_class("star")
        raise AssertionError("a duplicate name must be refused")
    except StateError:
        pass
    st.rename_class("circle", "round")
    assert "round" in st.class_names() and st.counts()["round"] == 12
    st.flush()
    assert set(d.label for d in read_ndjson(st.path)[0]) >= {"round"}
    st.recolor_class("round", "#123456")
    assert st.color_of("round") == "#123456"
    st.delete_class("round", move_to="irregular")
    assert "round" not in st.class_names() and st.counts()["irregular"] == 24
    st.undo()
    assert st.counts()["round"] == 12 and st.counts()["irregular"] == 12
    st.delete_class("triangle", move_to=None)
    assert st.counts().get("triangle", 0) == 0 and len(st) == 36
    # names and colours persist with the dataset
    st.flush()
    again = DatasetState(tmp_path, small_starter)
    again.open(st.path)
    assert again.class_names() == st.class_names() and again.color_of("star") == st.color_of("star")


def test_empty_drawing_is_refused(tmp_path, small_starter):
    st = DatasetState(tmp_path, small_starter)
    st.open_starter()
    try:
        st.add_drawing([], "square")
        raise AssertionError("an empty drawing must be refused")
    except StateError as exc:
        assert "draw" in str(exc).lower()
    assert st.read_only, "nothing was written"


def test_works_without_a_starter_set(make_window, tmp_path, monkeypatch, draw, shape_points):
    import gui.app

    data_dir = tmp_path / "data"
    window = make_window(data_dir)
    monkeypatch.setattr(gui.app, "STARTER_PATH", tmp_path / "missing.ndjson")
    window.close()
    window = make_window(tmp_path / "other")
    window.state.starter_path = tmp_path / "missing.ndjson"
    window.state.open_starter()
    assert len(window.state) == 0 and window.state.class_names()[:4] == [
        "square",
        "triangle",
        "circle",
        "irregular",
    ]
    draw(window.canvas, shape_points("circle", window.canvas))
    QTest.keyClick(window.canvas, Qt.Key.Key_3)
    drawings, _ = read_ndjson(window.state.path)
    assert [d.label for d in drawings] == ["circle"]


def test_rewrites_run_in_the_background_and_appends_keep_their_order(tmp_path, small_starter):
    st = DatasetState(tmp_path, small_starter)
    st.open_starter()
    st.set_include_base(False)
    for k in range(6):
        st.add_drawing(square(k), "square")  # the user's file now exists
    n = len(st)
    st.delete([0, 1, 2])  # returns at once; the file is rewritten in the background
    assert len(st) == n - 3
    st.add_drawing(square(5), "circle")  # waits for the rewrite, then appends after it
    st.relabel([0], "irregular")
    st.flush()
    on_disk, problems = read_ndjson(st.path)
    assert not problems
    assert [d.label for d in on_disk] == st.labels()
    assert on_disk[-1].label == "circle" and len(on_disk) == n - 2


def test_a_large_dataset_is_read_in_a_worker_thread_and_the_newest_open_wins(
    make_window, tmp_path, qtbot, monkeypatch, qtlog
):
    import gui.window.files as files

    monkeypatch.setattr(files, "LARGE_DATASET_BYTES", 200)  # every file below counts as large
    big, other = tmp_path / "big.ndjson", tmp_path / "other.ndjson"
    write_ndjson(big, [Drawing(square(k), "square") for k in range(6)])
    write_ndjson(other, [Drawing(square(k), "circle") for k in range(2)])
    window = make_window(tmp_path / "data", show=False)
    before = window.state.path
    assert window.open_dataset(big)
    # read in a thread; the result comes back through the event loop, so nothing has changed yet
    assert window.state.path == before and "Opening big.ndjson" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.state.path == big, timeout=10000)
    assert len(window.state) == 6 and window.state.class_names()[:1] == ["square"]
    assert window.settings.value("dataset/last", "", str) == str(big.resolve())
    # two opens in a row: the second one is what the window ends with, whichever file is read first
    assert window.open_dataset(big) and window.open_dataset(other)
    qtbot.waitUntil(lambda: window.state.path == other, timeout=10000)
    qtbot.waitUntil(lambda: not window.files.jobs, timeout=10000)  # the first read has come back too
    assert window.state.path == other and len(window.state) == 2
    # a file that cannot be read: a message naming it, and the open dataset stays
    shown = []
    monkeypatch.setattr(window.messages, "error", lambda *message: shown.append(message))
    unreadable = tmp_path / "unreadable.ndjson"
    unreadable.mkdir()  # a folder where a file is expected: reading it raises an OSError in the thread
    assert unreadable.stat().st_size > files.LARGE_DATASET_BYTES
    assert window.open_dataset(unreadable)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0][0] == "Could not open the dataset" and "unreadable.ndjson" in shown[0][1]
    assert window.state.path == other and len(window.state) == 2
    # the results were applied in the GUI thread (Qt warns when widgets are touched from another one)
    assert not [r.message for r in qtlog.records if "thread" in r.message.lower()]
