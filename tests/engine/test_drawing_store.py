"""Drawings and the NDJSON dataset file: format round trips, problems reported, durable edits."""

import errno
import json
import os

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


def test_append_is_durable_and_a_torn_tail_is_cut_off_once(tmp_path):
    path = tmp_path / "store.ndjson"
    store = DrawingStore(path)
    assert store.drawings == []
    store.append(square("square", key_id="a"))
    store.append(square("triangle"))
    assert path.read_text().count("\n") == 2
    intact = path.read_bytes()
    # simulate a crash mid-write, then reopen and keep appending
    with open(path, "a") as f:
        f.write('{"word":"circ')
    store = DrawingStore(path)
    assert [d.label for d in store.drawings] == ["square", "triangle"]
    assert len(store.problems) == 1 and store.problems[0].line == 3
    assert "torn last line" in store.problems[0].message
    assert str(store.damaged_path) in store.problems[0].message
    assert path.read_bytes() == intact  # cut back to the last whole line, the rest byte for byte
    assert store.damaged_path.read_bytes() == b'{"word":"circ\n'
    store.append(square("circle"))
    drawings, problems = read_ndjson(path)
    assert [d.label for d in drawings] == ["square", "triangle", "circle"]
    assert problems == []
    assert drawings[0].extra == {"key_id": "a"}
    again = DrawingStore(path)  # repaired once: the next start finds nothing to report or copy
    assert again.problems == [] and len(again) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.ndjson", "store.ndjson.damaged"]


def test_a_second_torn_fragment_goes_to_the_same_damaged_copy(tmp_path):
    path = tmp_path / "store.ndjson"
    DrawingStore(path).append(square())
    for fragment in ['{"word":"a', '{"word":"b","draw']:
        with open(path, "a") as f:
            f.write(fragment)
        DrawingStore(path)
    assert (tmp_path / "store.ndjson.damaged").read_text() == '{"word":"a\n{"word":"b","draw\n'
    assert len(read_ndjson(path)[0]) == 1


def test_torn_tail_in_a_read_only_folder_is_reported_and_left(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    path = tmp_path / "store.ndjson"
    DrawingStore(path).append(square())
    with open(path, "a") as f:
        f.write('{"word":"x')
    before = path.read_bytes()
    os.chmod(tmp_path, 0o555)
    try:
        store = DrawingStore(path)
    finally:
        os.chmod(tmp_path, 0o755)
    assert len(store) == 1 and "torn last line" in store.problems[0].message
    assert "cut off" not in store.problems[0].message
    assert path.read_bytes() == before


def test_a_failed_append_leaves_no_partial_line(tmp_path, monkeypatch):
    path = tmp_path / "store.ndjson"
    store = DrawingStore(path)
    store.append(square("square"))
    before = path.read_bytes()
    real_write = os.write

    def half_then_full(fd, data):  # a full disk: part of the line gets written, then ENOSPC
        real_write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("engine.store.os.write", half_then_full)
    with pytest.raises(OSError, match="No space"):
        store.append(square("circle"))
    assert path.read_bytes() == before
    assert store.labels() == ["square"]

    monkeypatch.setattr("engine.store.os.write", lambda fd, data: real_write(fd, data[:10]))  # short write
    with pytest.raises(OSError, match="10 of"):
        store.append(square("circle"))
    assert path.read_bytes() == before
    monkeypatch.undo()
    store.append(square("circle"))
    assert [d.label for d in read_ndjson(path)[0]] == ["square", "circle"]


def test_leftover_temp_files_of_a_killed_rewrite_are_removed_at_open(tmp_path):
    path = tmp_path / "store.ndjson"
    DrawingStore(path).append(square())
    leftover = tmp_path / ".store.ndjson.ab12cd_9.tmp"
    leftover.write_text("half of a rewrite")
    others = [tmp_path / ".other.ndjson.ab12cd_9.tmp", tmp_path / "store.ndjson.tmp",
              tmp_path / ".store.ndjson.notours.tmp"]
    for p in others:
        p.write_text("not ours")
    store = DrawingStore(path)
    assert len(store) == 1 and not leftover.exists()
    assert all(p.exists() for p in others)


def test_a_bom_crlf_line_ends_and_blank_lines_are_read(tmp_path):
    path = tmp_path / "bom.ndjson"
    line = json.dumps(square().to_ndjson_obj())
    path.write_bytes(b"\xef\xbb\xbf" + (line + "\r\n\r\n" + line + "\r\n").encode())
    drawings, problems = read_ndjson(path)
    assert problems == [] and len(drawings) == 2


def test_a_lone_surrogate_round_trips_escaped(tmp_path):
    path = tmp_path / "s.ndjson"
    path.write_text('{"word":"a\\ud800","drawing":[[[0,1],[0,1]]]}\n')
    store = DrawingStore(path)
    assert store.labels() == ["a\ud800"]
    store.relabel([0], "b\udfff")
    store.append(square("c\ud800"))
    assert [d.label for d in read_ndjson(path)[0]] == ["b\udfff", "c\ud800"]


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


@pytest.mark.parametrize("obj, words", [
    ({"word": "x", "drawing": [[[0, 1e308], [0, -1e308]]]}, "beyond ±1e+06"),
    ({"word": "x", "drawing": [[[0, 10**400], [0, 1]]]}, "too large"),
    ({"word": "x", "drawing": [[[0, float("nan")], [0, 1]]]}, "not a finite number"),
    ({"word": "x", "drawing": [[[0, 1], [0, 1], [0, float("inf")]]]}, "not a finite number"),
    ({"word": "x", "drawing": [[list(range(10_001)), [0] * 10_001]]}, "too many points (10,001"),
    ({"word": "x", "drawing": [[[0, 100, 0, 100] * 30, [0, 0, 1, 1] * 30]]}, "times as long as the drawing"),
    ({"word": "x", "drawing": [[[0], [0]]] * 10_001}, "too many strokes"),
    ({"word": "x", "drawing": [[[0, 1], [0, "y"]]]}, "lists of numbers"),
    ({"word": "x", "drawing": [[[0, 1], [0, None]]]}, "stroke 0 holds a value that is not a finite number"),
    ({"word": "x", "drawing": [[[0, [1]], [0, 1]]]}, "lists of numbers"),
    ({"word": "x", "drawing": [[[0, 1], {"y": 1}]]}, "lists of numbers"),
    ({"word": "x", "drawing": [[0, 1]]}, "stroke 0 must hold lists"),
    ({"word": "x", "drawing": [[[0, 1]]]}, "stroke 0 must be [xs, ys]"),
    ({"word": "x", "drawing": {"0": 1}}, "must be a list"),
    ({"word": 5, "drawing": [[[0], [0]]]}, '"word" must be a string'),
    ([1, 2], "expected a JSON object"),
    ({"word": "x", "drawing": [[[0], [0]]], "shapelab_thickness": 1e9}, "shapelab_thickness"),
    ({"word": "x", "drawing": [[[0], [0]]], "shapelab_thickness": "thick"}, "shapelab_thickness"),
    ({"word": "x", "drawing": [[[0], [0]]], "notes": json.loads("[" * 33 + "]" * 33)}, "nest more than 32"),
])
def test_drawings_beyond_the_limits_are_refused_naming_the_problem(obj, words):
    with pytest.raises(ValueError) as info:
        Drawing.from_ndjson_obj(obj)
    assert words in str(info.value)


def test_the_constructor_keeps_the_same_limits():
    with pytest.raises(ValueError, match="beyond"):
        Drawing((np.array([[0.0, 0.0], [2e6, 0.0]]),), "x")
    with pytest.raises(ValueError, match="too many points"):
        Drawing((np.zeros((10_001, 2)),), "x")
    d = Drawing((np.array([[0.0, 0.0], [1e6, -1e6]]),), "x")  # the limit itself is allowed
    assert d.bounds() == (0.0, -1e6, 1e6, 0.0)
    parsed = Drawing.from_ndjson_obj({"word": "x", "drawing": [[[0, 1e6], [0, -1e6]]]})
    assert parsed == d and not parsed.strokes[0].flags.writeable


def test_bad_lines_are_listed_up_to_a_limit_then_summarised(tmp_path, monkeypatch):
    monkeypatch.setattr("engine.store.MAX_LISTED_PROBLEMS", 3)
    path = tmp_path / "junk.ndjson"
    good = json.dumps(square().to_ndjson_obj())
    path.write_text("x\n" * 5 + good + "\n" + "y\n" * 4)
    drawings, problems = read_ndjson(path)
    assert len(drawings) == 1
    assert [p.line for p in problems] == [1, 2, 3, 4]
    assert problems[-1].message.startswith("and 6 more bad lines")
