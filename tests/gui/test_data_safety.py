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
from gui.core.datafile import AppFiles
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
    assert window.files.settings_writer.flush(5.0)  # remembered in the background, off the GUI thread
    assert window.settings.value("dataset/last", "", str) == str(big.resolve())
    assert AppFiles(tmp_path / "data").get("last_dataset") == str(big.resolve())
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


# -- issue 15: settings, autosave, base, drawer, import, two windows -----------------------------------


def test_unwritable_settings_are_reported_at_once_and_the_dataset_is_found_anyway(
    make_window, tmp_path, draw, shape_points, monkeypatch, qtbot
):
    from PySide6.QtCore import QSettings

    data_dir = tmp_path / "data"
    window = make_window(data_dir, show=False)
    warned = []
    monkeypatch.setattr(window.messages, "warn", lambda title, body: warned.append((title, body)))
    # a full disk: the settings writer's sync fails (it writes in the background; the warning follows)
    monkeypatch.setattr(window.files.settings_writer, "write_settings",
                        lambda values: QSettings.Status.AccessError)
    draw(window.canvas, shape_points("square", window.canvas))
    QTest.keyClick(window.canvas, Qt.Key.Key_1)  # creates my-drawings.ndjson and tries to remember it
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert warned and warned[0][0] == "Could not save the settings" and "my-drawings.ndjson" in warned[0][1]
    path = window.state.path
    window.close()
    (data_dir / "settings.ini").unlink(missing_ok=True)  # what a full disk leaves: no settings at all
    (data_dir / "shapelab.json").unlink(missing_ok=True)
    again = make_window(data_dir, show=False)
    assert again.state.path == path and again.state.mine_count == 1, "found without the settings"


def test_gallery_mine_only_and_include_base(make_window, tmp_path, draw, shape_points, qtbot):
    window = make_window(tmp_path / "data")
    draw(window.canvas, shape_points("circle", window.canvas))
    QTest.keyClick(window.canvas, Qt.Key.Key_3)
    gallery = window.gallery
    assert gallery.model.rowCount() == 49 and gallery.mine_check.isVisible()
    gallery.mine_check.setChecked(True)
    assert gallery.proxy.rowCount() == 1 and gallery.shown_rows() == [48]
    assert "1 of 49 drawings (1 yours)" == gallery.count_label.text()
    window.grab().save(str(tmp_path / "mine_only.png"))
    window.include_base_action.trigger()  # leave the starter set out
    assert not window.state.include_base and len(window.state) == 1 and gallery.model.rowCount() == 1
    assert not gallery.mine_check.isVisible()
    assert window.state.snapshot().drawings == (window.state.drawing(0),)


def test_drawer_name_is_kept_and_stored_with_each_drawing(make_window, tmp_path, draw, shape_points):
    data_dir = tmp_path / "data"
    window = make_window(data_dir, show=False)
    assert window.state.drawer == "anonymous" and "drawing as anonymous" in window.dataset_label.text()
    window.labelling.set_drawer("  Ana  B. ")
    draw(window.canvas, shape_points("square", window.canvas))
    QTest.keyClick(window.canvas, Qt.Key.Key_1)
    drawings, _ = read_ndjson(window.state.path)
    assert drawings[-1].extra["drawer"] == "Ana B."
    window.close()
    again = make_window(data_dir, show=False)
    assert again.state.drawer == "Ana B." and again.labelling.ask_drawer_if_new() is None  # asked once


def test_first_start_asks_the_drawer_name_once(make_window, tmp_path, qtbot, draw, shape_points):
    """The first start opens a small window-modal dialog with a suggested pseudonym; the name typed is
    stored in the settings and with each drawing; the next start does not ask; empty = "anonymous"."""
    from gui.window.drawer_dialog import DrawerNameDialog

    data_dir = tmp_path / "data"
    window = make_window(data_dir)
    dialog = window.labelling.ask_drawer_if_new()
    assert isinstance(dialog, DrawerNameDialog) and dialog.isVisible() and dialog.isModal()
    assert dialog.edit.text().count("-") == 2  # a suggestion such as "quick-otter-27", selected
    dialog.grab().save(str(tmp_path / "drawer_dialog.png"))
    dialog.edit.setText("  Robin   K ")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.ok_button.click()
    assert window.files.settings_writer.flush(5.0)  # written in the background, off the GUI thread
    assert window.state.drawer == "Robin K" and window.settings.value("drawer/name") == "Robin K"
    assert window.settings.value("drawer/chosen", False, bool)
    draw(window.canvas, shape_points("circle", window.canvas))
    window.labelling.add_current_drawing("circle")
    assert read_ndjson(window.state.path)[0][-1].extra["drawer"] == "Robin K"
    window.close()
    again = make_window(data_dir, show=False)
    assert again.state.drawer == "Robin K" and again.labelling.ask_drawer_if_new() is None
    # changed later in the menu: the same dialog, with the current name; "Stay anonymous" empties it
    menu = next(a for a in again.menuBar().actions() if a.text() == "&File").menu()
    next(a for a in menu.actions() if a.text() == "Your &drawer name…").trigger()
    dialog = again.labelling.drawer_dialog
    assert dialog is not None and dialog.edit.text() == "Robin K"
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.anonymous_button.click()
    assert again.files.settings_writer.flush(5.0)
    assert again.state.drawer == "anonymous" and again.settings.value("drawer/name") == "anonymous"


def test_closing_the_first_start_dialog_means_anonymous_and_is_not_asked_again(make_window, tmp_path, qtbot):
    data_dir = tmp_path / "data"
    window = make_window(data_dir)
    dialog = window.labelling.ask_drawer_if_new()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.reject()  # Esc or the close button
    assert window.state.drawer == "anonymous" and window.labelling.drawer_chosen
    window.close()
    assert make_window(data_dir, show=False).labelling.ask_drawer_if_new() is None


def idle(state: str) -> bool:
    return state == "idle"


def test_trained_model_is_kept_and_restored_with_its_true_state(make_window, tmp_path, qtbot):
    data_dir = tmp_path / "data"
    window = make_window(data_dir, show=False)
    with qtbot.waitSignal(window.controller.stateChanged, timeout=60000, check_params_cb=idle):
        window.train()
    steps = window.model_state.steps
    assert steps > 0 and window.model_autosave.last_path.exists()
    probe = np.random.default_rng(0).random((1, 1, 28, 28)).astype(window.model_state.model.dtype)
    expected = window.model_state.model.predict_proba(probe)
    window.close()
    again = make_window(data_dir, show=False)
    c = again.model_state
    assert c.steps == steps and c.preset == "tiny" and not c.stale
    assert c.note.startswith("Loaded from starter.last-model.npz") and "trained further" not in c.note
    np.testing.assert_allclose(c.model.predict_proba(probe), expected, rtol=1e-6)
    assert "Restored the last trained model" in again.statusBar().currentMessage()
    assert "the same as then" in again.statusBar().currentMessage()
    again.close()
    # the data changed since (another drawing in the file): restored, and said to be stale
    third = make_window(data_dir, show=False)
    assert third.open_dataset(third.state.own_file_path())  # the user's own file (empty so far)
    third.state.add_drawing(square(), "square")
    with qtbot.waitSignal(third.controller.stateChanged, timeout=60000, check_params_cb=idle):
        third.train()
    assert third.model_autosave.last_path.name == "my-drawings.last-model.npz"
    third.close()
    other = DatasetState(data_dir, third.state.starter_path)
    other.open(third.state.path)
    other.add_drawing(square(7), "circle")
    fourth = make_window(data_dir, show=False)
    assert fourth.state.path == third.state.path and fourth.model_state.steps > 0
    assert fourth.model_state.stale and "changed since" in fourth.statusBar().currentMessage()


def test_import_drops_exact_duplicates_and_reports(make_window, tmp_path, monkeypatch):
    window = make_window(tmp_path / "data", show=False)
    infos = []
    monkeypatch.setattr(window.messages, "info", lambda title, text: infos.append(text))
    a = [Drawing(tuple(square(k)), "square", {"drawer": "ana"}) for k in range(3)]
    b = [Drawing(tuple(square(k)), "square", {"drawer": "ana"}) for k in range(2)] + [
        Drawing(tuple(square(9)), "circle", {"drawer": "ben"})
    ]
    write_ndjson(tmp_path / "a.ndjson", a)
    write_ndjson(tmp_path / "b.ndjson", b)
    window.files.import_paths([str(tmp_path / "a.ndjson"), str(tmp_path / "b.ndjson")])
    assert window.state.mine_count == 4
    assert infos and "Imported 2 files: 4 drawings kept, 2 exact duplicates dropped." in infos[0]
    assert "ana 3" in infos[0] and "ben 1" in infos[0] and "circle 1" in infos[0]
    window.files.import_paths([str(tmp_path / "a.ndjson")])  # again: everything is already there
    assert window.state.mine_count == 4 and "0 drawings kept, 3 exact duplicates dropped" in infos[-1]


def test_another_window_on_the_same_file_is_merged_not_erased(make_window, tmp_path, qtbot, monkeypatch):
    data_dir = tmp_path / "data"
    window = make_window(data_dir, show=False)
    for k in range(3):
        window.state.add_drawing(square(k), "square")
    other = DatasetState(data_dir, window.state.starter_path)
    other.open(window.state.path)
    for k in range(5):
        other.add_drawing(square(10 + k), "circle")
    qtbot.waitUntil(lambda: window.state.mine_count == 8, timeout=10000)  # polled, merged
    assert "Another ShapeLab window changed" in window.statusBar().currentMessage()
    assert window.gallery.model.rowCount() == len(window.state)
    window.state.delete([window.state.base_count])
    window.state.flush()
    assert len(read_ndjson(window.state.path)[0]) == 7


def test_model_compare_dialog_shows_one_row_per_model(make_window, tmp_path, qtbot):
    from engine import build_model, save_model
    from gui.data_commands import compare_models
    from gui.window.compare_dialog import show_compare

    window = make_window(tmp_path / "data", show=False)
    classes = window.state.class_names()
    paths = []
    for seed in (0, 1):
        paths.append(str(tmp_path / f"m{seed}.npz"))
        save_model(paths[-1], build_model("tiny", len(classes), 28, seed=seed), classes)
    (tmp_path / "junk.npz").write_bytes(b"not a model")
    dialog = show_compare(window)
    dialog.set_models([*paths, str(tmp_path / "junk.npz")])
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.table.rowCount() == 2, timeout=20000)
    expected = compare_models([(p, load_model_for(p)) for p in paths], window.state.drawings)
    assert dialog.table.item(1, 0).text() == f"{expected[1]['accuracy']:.1%}"
    assert dialog.table.horizontalHeaderItem(1).text() == classes[0]
    assert "junk.npz" in dialog.status.text() and "Not read" in dialog.status.text()
    dialog.grab().save(str(tmp_path / "compare.png"))
    dialog.close()


def load_model_for(path):
    from engine import load_model

    return load_model(path)


def test_a_file_with_no_drawing_is_refused_and_never_written(make_window, tmp_path, monkeypatch):
    png = tmp_path / "photo.ndjson"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    before = png.read_bytes()
    window = make_window(tmp_path / "data", show=False)
    shown = []
    monkeypatch.setattr(window.messages, "error", lambda title, body: shown.append(body))
    assert not window.open_dataset(png)
    assert shown and "not a drawing file" in shown[0] and "photo.ndjson" in shown[0]
    assert window.state.path != png and png.read_bytes() == before


def test_an_unusable_data_folder_is_said_not_a_traceback(tmp_path, capsys, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import gui.app

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert gui.app.run([], data_dir=not_a_folder) == 1
    err = capsys.readouterr().err
    assert "cannot use its data folder" in err and str(not_a_folder) in err and "Traceback" not in err
    assert shown and "--data-dir" in shown[0]


def _hostile_cases():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "hostile_corpus", ROOT / "tests" / "hostile" / "test_hostile_input.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.NDJSON_CASES


def test_hostile_corpus_through_the_window_open_and_import(make_window, tmp_path, monkeypatch, qtbot):
    """Every NDJSON case of tests/hostile through File › Open and File › Import: a message naming the file,
    no exception, every valid line kept, and a file without any drawing never written."""
    import time

    cases = _hostile_cases()
    window = make_window(tmp_path / "data", show=False)
    said = []
    for kind in ("error", "warn", "info"):
        monkeypatch.setattr(window.messages, kind, lambda title, body, kind=kind: said.append((kind, body)))
    monkeypatch.setattr(window.messages, "report_problems", lambda problems: said.append(("warn", problems)))
    for name, (content, kept, _expected) in sorted(cases.items()):
        path = tmp_path / f"{name}.ndjson"
        path.write_bytes(content)
        said.clear()
        start = time.perf_counter()
        opened = window.open_dataset(path)  # a large file is read in a worker thread
        qtbot.waitUntil(lambda path=path: window.state.path == path or any(k == "error" for k, _ in said),
                        timeout=10000)
        opened = opened and window.state.path == path
        assert time.perf_counter() - start < 10, name
        if opened:
            assert window.state.mine_count == kept, name
        else:
            assert kept == 0 and said and str(path) in said[0][1], (name, said)
            assert path.read_bytes() == content or name == "torn_last_line", name
        window.state.open_starter()
        own = window.state.own_file_path()
        before = len(read_ndjson(own)[0]) if own.exists() else 0
        window.files.import_paths([str(path)])
        window.state.flush()
        after = len(read_ndjson(own)[0]) if own.exists() else 0
        assert after - before <= kept, name  # exact duplicates of earlier cases are dropped
        assert not kept or after > before or any("duplicate" in str(b) for _, b in said), name
        window.state.open_starter()


def test_an_image_preprocessing_refuses_is_named_and_skipped(tmp_path, qtbot):
    from PySide6.QtGui import QImage

    from gui.images import load_image_folder

    (tmp_path / "img" / "square").mkdir(parents=True)
    long = QImage(20000, 1, QImage.Format.Format_Grayscale8)
    long.fill(255)
    assert long.save(str(tmp_path / "img" / "square" / "long.png"))
    ok = QImage(28, 28, QImage.Format.Format_Grayscale8)
    ok.fill(0)
    assert ok.save(str(tmp_path / "img" / "square" / "ok.png"))
    X, labels, problems = load_image_folder(tmp_path / "img")
    assert X.shape == (1, 1, 28, 28) and labels == ["square"]
    assert len(problems) == 1 and problems[0][0].name == "long.png"


def test_large_datasets_digest_off_the_gui_thread(make_window, tmp_path, qtbot, monkeypatch):
    """Over SYNC_DIGEST_DRAWINGS drawings the autosave's digest is computed in a worker thread (at the start
    of a run, and when a restored model is checked at start), never on the GUI thread."""
    import threading

    import gui.window.model_autosave as hook

    monkeypatch.setattr(hook, "SYNC_DIGEST_DRAWINGS", 0)
    threads = []
    real = hook.data_digest

    def spy(drawings, should_stop=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(drawings, should_stop)

    monkeypatch.setattr(hook, "data_digest", spy)
    data_dir = tmp_path / "data"
    window = make_window(data_dir, show=False)
    with qtbot.waitSignal(window.controller.stateChanged, timeout=60000, check_params_cb=idle):
        window.train()
    assert threads == [False]  # the run's digest, in a worker; saving at the end used it
    window.close()
    again = make_window(data_dir, show=False)
    assert "Checking whether the dataset changed since" in again.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "the same as then" in again.statusBar().currentMessage(), timeout=20000)
    assert threads == [False, False] and not again.model_state.stale


def test_validation_on_unseen_drawers_explained_and_used(make_window, tmp_path, qtbot):
    """Model › Validate on unseen drawers says in plain words what it does and whether the dataset has
    the two named drawers it needs; a run then holds out whole drawers (the split of gui.core.merge)."""
    from engine import generate_drawings
    from gui.core.dataset import drawer_of, split_by_drawer

    window = make_window(tmp_path / "data")
    action = window.val_by_drawer_action
    action.trigger()  # the starter set has no drawer names
    text = window.training_panel.message_label.text()
    assert text.startswith("Validation on unseen drawers: instead of a random share of each class")
    assert "by 0 named drawers; at least two are needed" in text
    action.trigger()
    assert window.training_panel.message_label.text().startswith("Validation is a random share")
    path = tmp_path / "class.ndjson"
    write_ndjson(path, [Drawing(d.strokes, d.label, {"drawer": ["ana", "ben", "cy"][k % 3]})
                        for k, d in enumerate(generate_drawings(6, seed=3))])  # 24 drawings, 8 each
    assert window.open_dataset(path)
    action.trigger()
    assert "This dataset has drawings by 3 drawers" in window.training_panel.message_label.text()
    snap = window.state.snapshot()
    settings = window.training.settings()
    who = [drawer_of(d) for d in snap.drawings]
    _, expected_val = split_by_drawer(who, settings.val_split, settings.seed)
    window.training_panel.epochs.setValue(1)
    with qtbot.waitSignal(window.controller.prepared, timeout=60000) as got:
        window.train()
    assert got.args[0]["n_val"] == len(expected_val) and len(expected_val) % 8 == 0 and expected_val.size
    qtbot.waitUntil(lambda: window.controller.state == "idle", timeout=60000)
