"""Drawings and the NDJSON dataset file: format round trips, problems reported, durable edits."""

import json

import numpy as np
import pytest

from engine.drawing import Drawing
from engine.store import DrawingStore, LoadProblem, read_ndjson, write_ndjson

QD_SIMPLIFIED = (
    '{"word":"square","countrycode":"DE","timestamp":"2017-03-08 21:12:07.26604 UTC",'
    '"recognized":true,"key_id":"5418410617884672",'
    '"drawing":[[[0,255,255,2,0],[0,1,250,255,4]]]}'
)
QD_RAW = (
    '{"word":"circle","key_id":"6024591148105728","countrycode":"US","recognized":false,'
    '"timestamp":"2017-01-27 00:30:19.5 UTC",'
    '"drawing":[[[10.5,20,30],[40,50.25,60],[0,16,33]],[[5,6],[7,8],[100,117]]]}'
)


def square(label="square", **extra):
    return Drawing((np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], float),), label, extra)


def test_quickdraw_simplified_line_keeps_extra_keys_and_round_trips():
    obj = json.loads(QD_SIMPLIFIED)
    d = Drawing.from_ndjson_obj(obj)
    assert d.label == "square"
    assert len(d.strokes) == 1
    np.testing.assert_array_equal(d.strokes[0], [[0, 0], [255, 1], [255, 250], [2, 255], [0, 4]])
    assert d.extra == {
        "countrycode": "DE",
        "timestamp": "2017-03-08 21:12:07.26604 UTC",
        "recognized": True,
        "key_id": "5418410617884672",
    }
    assert not d.has_times
    assert d.to_ndjson_obj() == obj
    # integers stay integers in the written JSON
    assert json.dumps(d.to_ndjson_obj()["drawing"]) == "[[[0, 255, 255, 2, 0], [0, 1, 250, 255, 4]]]"


def test_quickdraw_raw_line_with_timestamps_round_trips():
    obj = json.loads(QD_RAW)
    d = Drawing.from_ndjson_obj(obj)
    assert d.has_times
    assert [s.shape for s in d.strokes] == [(3, 3), (2, 3)]
    np.testing.assert_array_equal(d.strokes[0][:, 2], [0, 16, 33])
    np.testing.assert_array_equal(d.strokes[0][:, 0], [10.5, 20, 30])
    assert d.extra["recognized"] is False
    assert d.to_ndjson_obj() == obj


def test_file_round_trip_raw_and_simplified(tmp_path):
    path = tmp_path / "data.ndjson"
    path.write_text(QD_SIMPLIFIED + "\n" + QD_RAW + "\n")
    drawings, problems = read_ndjson(path)
    assert problems == []
    assert [d.label for d in drawings] == ["square", "circle"]
    out = tmp_path / "out.ndjson"
    write_ndjson(out, drawings)
    again, problems = read_ndjson(out)
    assert problems == []
    assert again == drawings
    assert [json.loads(line) for line in out.read_text().splitlines()] == [
        json.loads(QD_SIMPLIFIED),
        json.loads(QD_RAW),
    ]


def test_bad_objects_are_refused_with_clear_messages():
    with pytest.raises(ValueError, match="word"):
        Drawing.from_ndjson_obj({"drawing": [[[0], [0]]]})
    with pytest.raises(ValueError, match="empty drawing"):
        Drawing.from_ndjson_obj({"word": "x", "drawing": []})
    with pytest.raises(ValueError, match="different lengths"):
        Drawing.from_ndjson_obj({"word": "x", "drawing": [[[0, 1], [0]]]})
    with pytest.raises(ValueError, match="empty drawing"):
        Drawing((), "square")


def test_strokes_are_read_only_and_label_change_keeps_strokes():
    d = square(key_id="1")
    with pytest.raises(ValueError):
        d.strokes[0][0, 0] = 5.0
    e = d.with_label("box")
    assert e.label == "box" and e.extra == {"key_id": "1"}
    np.testing.assert_array_equal(e.strokes[0], d.strokes[0])
    assert d.bounds() == (0.0, 0.0, 10.0, 10.0)


def test_corrupt_line_and_torn_last_line_are_reported_and_skipped(tmp_path):
    path = tmp_path / "broken.ndjson"
    good = json.dumps(square().to_ndjson_obj())
    path.write_text(
        good + "\n"
        + "{this is not json\n"
        + json.dumps({"word": "x"}) + "\n"
        + "\n"
        + good + "\n"
        + good[: len(good) // 2]  # a crash in the middle of an append: no newline
    )
    drawings, problems = read_ndjson(path)
    assert len(drawings) == 2
    assert [(p.path, p.line) for p in problems] == [(str(path), 2), (str(path), 3), (str(path), 6)]
    assert "not valid JSON" in problems[0].message
    assert "drawing" in problems[1].message
    assert "torn last line" in problems[2].message
    assert str(problems[2]).startswith(f"{path}:6: torn")
    assert isinstance(problems[0], LoadProblem)


def test_append_is_durable_and_survives_a_torn_tail(tmp_path):
    path = tmp_path / "store.ndjson"
    store = DrawingStore(path)
    assert store.drawings == []
    store.append(square("square", key_id="a"))
    store.append(square("triangle"))
    assert path.read_text().count("\n") == 2
    # simulate a crash mid-write, then reopen and keep appending
    with open(path, "a") as f:
        f.write('{"word":"circ')
    store = DrawingStore(path)
    assert [d.label for d in store.drawings] == ["square", "triangle"]
    assert len(store.problems) == 1 and store.problems[0].line == 3
    store.append(square("circle"))
    drawings, problems = read_ndjson(path)
    assert [d.label for d in drawings] == ["square", "triangle", "circle"]
    assert len(problems) == 1  # the torn fragment stays reported until a rewrite
    assert drawings[0].extra == {"key_id": "a"}


def test_relabel_delete_replace_rewrite_atomically(tmp_path):
    path = tmp_path / "store.ndjson"
    store = DrawingStore(path)
    for label in ["square", "square", "circle", "triangle"]:
        store.append(square(label))
    store.relabel([0, 2], "hexagon")  # an unknown label simply becomes a new class
    assert store.labels() == ["hexagon", "square", "hexagon", "triangle"]
    store.delete([1, 3])
    assert store.labels() == ["hexagon", "hexagon"]
    assert [d.label for d in read_ndjson(path)[0]] == ["hexagon", "hexagon"]
    store.replace_all([square("circle")])
    assert [d.label for d in DrawingStore(path).drawings] == ["circle"]
    # no temp files left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.ndjson"]
    with pytest.raises(IndexError):
        store.delete([5])
    with pytest.raises(ValueError):
        store.relabel([0], "  ")


def test_failed_rewrite_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "store.ndjson"
    store = DrawingStore(path)
    store.append(square("square"))
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("engine.store.os.replace", boom)
    with pytest.raises(OSError, match="disk full"):
        store.relabel([0], "circle")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.ndjson"]
    assert store.labels() == ["square"]
