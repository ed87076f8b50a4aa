"""The dataset never loses a drawing: undo inverts exactly one operation; two instances on one file keep
each other's drawings; the user's file holds only the user's drawings (the starter set is a read-only
base); every drawing carries its drawer; many files merge without exact duplicates."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Drawing, generate_drawings, read_ndjson, write_ndjson
from gui.core.dataset import DatasetState, StateError, drawer_of, read_many


def strokes(k: float = 0.0):
    return [np.array([[10, 10], [90, 10], [90, 90], [10, 90], [10, 10]], float) + k]


@pytest.fixture
def starter(tmp_path):
    path = tmp_path / "starter.ndjson"
    write_ndjson(path, generate_drawings(3, seed=5))  # 12 drawings
    return path


def user_state(tmp_path, starter, n=6, include_base=False):
    st = DatasetState(tmp_path / "data", starter)
    st.open_starter()
    st.set_include_base(include_base)
    for k in range(n):
        st.add_drawing(strokes(k), "square")
    return st


def on_disk(st):
    st.flush()
    drawings, problems = read_ndjson(st.path)
    assert not problems
    return drawings


# -- 1: undo inverts exactly one operation ---------------------------------------------------------------


def test_issue_repro_delete_add_undo_keeps_the_new_drawing(tmp_path, starter):
    st = user_state(tmp_path, starter)
    gone = st.drawing(2)
    st.delete([2])
    new = st.add_drawing(strokes(50), "circle")  # "Added … and saved"
    assert st.undo().startswith("delete")
    mine = on_disk(st)
    assert new in st.drawings and new in mine, "the drawing added after the delete survives the undo"
    assert gone in st.drawings and gone in mine, "the deleted drawing is back"
    assert len(mine) == 7 and [d.label for d in mine] == st.labels()


def test_undo_of_relabel_and_import_touches_only_their_drawings(tmp_path, starter):
    st = user_state(tmp_path, starter)
    st.relabel([0, 1], "triangle")
    later = st.add_drawing(strokes(60), "irregular")
    st.relabel([5], "circle")  # a second edit; undo goes back one step at a time
    assert st.undo().startswith("relabel 1")
    assert st.labels() == ["triangle", "triangle", "square", "square", "square", "square", "irregular"]
    assert st.undo().startswith("relabel 2")
    assert st.labels() == ["square"] * 6 + ["irregular"] and later in st.drawings
    imported = generate_drawings(2, seed=9)
    st.add_drawings(imported)
    kept = st.add_drawing(strokes(70), "circle")
    st.undo()  # the import: exactly its 8 drawings go, the one drawn after it stays
    assert len(st) == 8 and kept in st.drawings and not any(d in st.drawings for d in imported)
    assert [d.label for d in on_disk(st)] == st.labels()


def test_undo_of_delete_class_brings_back_its_drawings_and_keeps_later_ones(tmp_path, starter):
    st = user_state(tmp_path, starter, n=3)
    st.add_drawing(strokes(9), "circle")
    st.delete_class("square", move_to=None)
    assert "square" not in st.class_names() and len(st) == 1
    later = st.add_drawing(strokes(10), "circle")
    st.undo()
    assert "square" in st.class_names() and st.counts()["square"] == 3 and later in st.drawings
    assert len(on_disk(st)) == 5


def test_a_failed_background_rewrite_is_reported_and_loses_nothing(tmp_path, starter, monkeypatch):
    from engine import DrawingStore

    st = user_state(tmp_path, starter)

    def fail(self, change):
        raise OSError("disk full")

    monkeypatch.setattr(DrawingStore, "update", fail)
    st.delete([0])
    with pytest.raises(OSError, match="disk full"):
        st.flush()
    monkeypatch.undo()
    assert len(read_ndjson(st.path)[0]) == 6  # atomic: the old content is still there


def test_the_background_writer_thread_ends_when_its_queue_is_empty(tmp_path, starter):
    """No thread is left behind by a dataset: each burst of rewrites has its thread, which ends after it."""
    import threading

    def writers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "ShapeLab dataset writer"]

    st = user_state(tmp_path, starter)
    for round_ in range(3):
        st.delete([0])
        st.relabel([0], "circle")
        st.flush()
        for t in writers():
            t.join(5)
        assert writers() == [], round_
    assert len(read_ndjson(st.path)[0]) == 3 and read_ndjson(st.path)[0][0].label == "circle"


# -- 2: two instances on one file ---------------------------------------------------------------------


def test_two_instances_issue_repro(tmp_path, starter):
    """B adds 5, A (which never saw them) deletes one: B's 5 stay (was 2004 -> 2009 -> 2003 lines)."""
    a = user_state(tmp_path, starter, n=4)
    b = DatasetState(tmp_path / "data", starter)
    b.open(a.path)
    b.set_include_base(False)
    added = [b.add_drawing(strokes(100 + k), "circle") for k in range(5)]
    a.delete([0])
    final = on_disk(a)
    assert len(final) == 8 and all(d in final for d in added)
    assert len(a) == 8 and a.labels().count("circle") == 5, "A's view merged B's drawings"
    assert a.undo() and len(on_disk(a)) == 9


def test_two_instances_interleaved_adds_and_deletes_lose_nothing(tmp_path, starter):
    rng = np.random.default_rng(0)
    a = user_state(tmp_path, starter, n=0)
    alive, deleted = [a.add_drawing(strokes(-1), "square")], []
    b = DatasetState(tmp_path / "data", starter)
    b.open(a.path)
    b.set_include_base(False)
    for step in range(100):
        st = (a, b)[int(rng.integers(2))]
        if rng.random() < 0.7 or len(st) < 2:
            alive.append(st.add_drawing(strokes(step), "square"))
        else:
            st.poll_disk()
            i = int(rng.integers(len(st)))
            victim = st.drawing(i)
            st.delete([i])
            deleted.append(victim)
            if victim in alive:
                alive.remove(victim)
        if step % 7 == 0:
            (a if st is b else b).poll_disk()
    a.flush()
    b.flush()
    final = read_ndjson(a.path)[0]
    lost = [d for d in alive if d not in final]
    resurrected = [d for d in deleted if d in final]
    assert not lost and not resurrected and len(final) == len(alive) and len(deleted) >= 20
    a.sync_with_disk()
    b.sync_with_disk()
    assert a.drawings == b.drawings == final, "both windows show the file as it is"


def test_first_starts_at_once_share_one_file(tmp_path, starter):
    a = DatasetState(tmp_path / "data", starter)
    b = DatasetState(tmp_path / "data", starter)
    a.open_starter()
    b.open_starter()
    a.add_drawing(strokes(1), "square")
    b.add_drawing(strokes(2), "circle")
    assert a.path == b.path
    assert [d.label for d in read_ndjson(a.path)[0]] == ["square", "circle"]
    assert len(b.drawings) == 12 + 2, "B shows A's drawing too"


# -- 6: the starter set is a read-only base ----------------------------------------------------------


def test_user_file_holds_only_the_users_drawings(tmp_path, starter):
    before = starter.read_bytes()
    st = DatasetState(tmp_path / "data", starter)
    st.open_starter()
    assert len(st) == 12 and st.base_count == 12 and st.read_only
    kinds = []
    st.changed.connect(kinds.append)
    st.add_drawing(strokes(), "triangle")
    assert kinds == ["added"], "the first drawing is not reported as another instance's change"
    assert len(st) == 13 and st.mine_count == 1 and [d.label for d in on_disk(st)] == ["triangle"]
    with pytest.raises(StateError, match="read-only"):
        st.delete([0])
    with pytest.raises(StateError, match="read-only"):
        st.relabel([3], "circle")
    st.relabel([12], "circle")
    st.set_include_base(False)
    assert len(st) == 1 and st.labels() == ["circle"] and st.snapshot().drawings == (st.drawing(0),)
    st.rename_class("square", "box")  # allowed without the base
    assert starter.read_bytes() == before
    again = DatasetState(tmp_path / "data", starter)
    again.open(st.path)
    assert again.mine_count == 1 and again.base_count == 12


# -- 7: the drawer --------------------------------------------------------------------------------------


def test_every_drawing_carries_its_drawer(tmp_path, starter):
    st = DatasetState(tmp_path / "data", starter)
    st.open_starter()
    st.drawer = "quick-otter-27"
    st.add_drawing(strokes(), "square")
    d = on_disk(st)[0]
    assert d.extra["drawer"] == "quick-otter-27" and drawer_of(d) == "quick-otter-27"
    assert st.drawer_counts() == {"(unknown)": 12, "quick-otter-27": 1}


# -- 8: many files as one -------------------------------------------------------------------------------


def test_read_many_drops_exact_duplicates_and_counts_drawers(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    common = generate_drawings(2, seed=1)  # 8 drawings every student has
    for k, name in enumerate(("ana", "ben", "cy")):
        own = [Drawing(strokes(k * 10 + j), "square", {"drawer": name}) for j in range(k + 1)]
        write_ndjson(folder / f"{name}.ndjson", common + own)
    drawings, report = read_many([folder])
    assert len(drawings) == 8 + 6 and report.duplicates == 16 and report.kept == 14
    assert report.per_drawer == {"(unknown)": 8, "ana": 1, "ben": 2, "cy": 3}
    assert report.per_class["square"] == 2 + 6 and len(report.files) == 3
    st = DatasetState(tmp_path / "data", None)
    st.open_starter()
    st.open_folder(folder)
    assert len(st) == 14 and st.base_count == 14 and st.drawer_counts()["cy"] == 3


def test_split_by_drawer_holds_out_whole_drawers(tmp_path):
    from gui.core.dataset import split_by_drawer

    drawers = ["ana"] * 10 + ["ben"] * 10 + ["cy"] * 10 + ["(unknown)"] * 5 + ["dee"] * 10
    train, val = split_by_drawer(drawers, 0.2, seed=3)
    held = {drawers[i] for i in val}
    assert held and not held & {drawers[i] for i in train}, "no drawer on both sides"
    assert "(unknown)" not in held and len(train) + len(val) == len(drawers)
    assert 9 <= len(val) <= 20
    assert split_by_drawer(drawers, 0.2, seed=3)[1].tolist() == val.tolist()  # seeded
    with pytest.raises(StateError, match="two drawers"):
        split_by_drawer(["ana"] * 5 + [""] * 5, 0.2)


def test_app_training_can_validate_on_unseen_drawers(tmp_path):
    from gui.core.dataset import DatasetSnapshot
    from gui.core.training import TrainSettings, prepare_training, snapshot_data

    drawings = [Drawing(d.strokes, d.label, {"drawer": f"p{k % 5}"})
                for k, d in enumerate(generate_drawings(10, seed=2))]
    classes = ("square", "triangle", "circle", "irregular")
    snap = DatasetSnapshot(tuple(drawings), classes, 1, "x")
    settings = TrainSettings(val_split=0.2, val_by="drawer", augment=False)
    with prepare_training(snapshot_data(snap), classes, settings) as run:
        assert run.n_val == 8 and run.n_train == 32  # one of five drawers held out
    assert TrainSettings.from_dict({"val_by": "nonsense"}).val_by == "random"
