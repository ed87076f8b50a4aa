"""Reading many drawings at once (`drawings_from_ndjson_objs`, what `read_ndjson` uses) gives exactly
what `Drawing.from_ndjson_obj` gives one by one: the same drawings, and every object it does not take is
one the one-by-one path refuses or builds itself (so the same problems are reported)."""

from __future__ import annotations

import json

import numpy as np
import pytest

import engine.store as store_module
from engine import Drawing, generate_drawings, read_ndjson, write_ndjson
from engine.drawing import drawings_from_ndjson_objs
from engine.limits import MAX_COORDINATE, MAX_POINTS


def one_by_one(obj):
    try:
        return Drawing.from_ndjson_obj(obj)
    except (ValueError, TypeError) as exc:
        return exc


CASES = [
    {"word": "square", "drawing": [[[0, 10, 10, 0], [0, 0, 10, 10]]], "drawer": "ana"},
    {"word": "dot", "drawing": [[[5], [5]]]},
    {"word": "two", "drawing": [[[0, 1.5], [0, 2]], [[3, 4, 5], [3, 4, 5]]], "key_id": "7"},
    {"word": "timed", "drawing": [[[0, 1], [0, 1], [0, 16]]]},  # the raw form, with times
    {"word": "mixed", "drawing": [[[0, 1], [0, 1], [0, 16]], [[2, 3], [2, 3]]]},  # one by one
    {"word": "bad time", "drawing": [[[0, 1], [0, 1], [0, 1e400]]]},
    {"word": "empty stroke", "drawing": [[[], []], [[0, 1], [0, 1]]]},
    {"word": "bad", "drawing": [[[0, 1], [0]]]},  # lists of different lengths
    {"word": "nan", "drawing": [[[0, None], [0, 1]]]},
    {"word": "far", "drawing": [[[0, MAX_COORDINATE * 2], [0, 1]]]},
    {"word": "inf", "drawing": [[[0, 1e400], [0, 1]]]},
    {"word": 5, "drawing": [[[0], [0]]]},
    {"drawing": [[[0], [0]]]},
    {"word": "x", "drawing": []},
    {"word": "x", "drawing": "no"},
    ["not", "an", "object"],
    {"word": "big", "drawing": [[list(range(MAX_POINTS + 1)), list(range(MAX_POINTS + 1))]]},
    {"word": "scribble", "drawing": [[[0, 1] * 200, [0, 1] * 200]]},  # far more ink than its size: refused
    {"word": "thick", "drawing": [[[0, 1], [0, 1]]], "thickness": -1},
    {"word": "strings", "drawing": [[["1", "2"], ["3", "4"]]]},
    {"word": "bools", "drawing": [[[True, False], [0, 1]]]},
]


def same(a, b) -> bool:
    if isinstance(a, Exception) or isinstance(b, Exception):
        return isinstance(a, Exception) and isinstance(b, Exception) and str(a) == str(b)
    return a == b and a.extra == b.extra and all(s.dtype == np.float64 and s.flags.c_contiguous and
                                                 not s.flags.writeable for s in a.strokes)


@pytest.mark.parametrize("case", range(len(CASES)))
def test_each_object_alone_and_among_good_ones(case):
    good = [d.to_ndjson_obj() for d in generate_drawings(2, seed=1)]
    objs = [*good[:4], CASES[case], *good[4:]]
    fast = drawings_from_ndjson_objs(objs)
    for obj, got in zip(objs, fast, strict=True):
        expected = one_by_one(obj)
        if got is not None:
            assert same(got, expected), obj
    assert all(d is not None for d in fast[:4] + fast[5:]), "good drawings (timed, raw form) are taken"


def test_refused_objects_are_left_to_the_one_by_one_path():
    fast = drawings_from_ndjson_objs(CASES)
    refused = [c for c, d in zip(CASES, fast, strict=True) if isinstance(one_by_one(c), Exception)]
    assert len(refused) >= 10
    assert all(d is None for c, d in zip(CASES, fast, strict=True) if c in refused)
    taken = [c["word"] for c, d in zip(CASES, fast, strict=True) if d is not None]
    assert {"square", "dot", "two", "bools", "timed"} <= set(taken) and "mixed" not in taken


def test_a_file_reads_the_same_as_line_by_line(tmp_path, monkeypatch):
    good = generate_drawings(30, seed=3)  # 120 drawings, more than one batch with a small READ_BATCH
    lines = [json.dumps(d.to_ndjson_obj()) for d in good]
    for k, case in enumerate(CASES):
        lines.insert(7 * k + 3, json.dumps(case))
    lines.insert(50, "{not json")
    path = tmp_path / "mixed.ndjson"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(store_module, "READ_BATCH", 16)
    drawings, problems = read_ndjson(path)
    monkeypatch.setattr(store_module, "drawings_from_ndjson_objs", lambda objs: [None] * len(objs))
    slow_drawings, slow_problems = read_ndjson(path)
    assert len(drawings) == len(slow_drawings) > 120
    assert all(same(a, b) for a, b in zip(drawings, slow_drawings, strict=True))
    assert [(p.line, p.message) for p in problems] == [(p.line, p.message) for p in slow_problems]
    assert len(problems) >= 10


def test_written_and_read_back(tmp_path):
    drawings = generate_drawings(5, seed=9)
    write_ndjson(tmp_path / "a.ndjson", drawings)
    back, problems = read_ndjson(tmp_path / "a.ndjson")
    assert not problems and all(a == b for a, b in zip(drawings, back, strict=True))
