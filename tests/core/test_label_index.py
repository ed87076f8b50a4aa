"""LabelIndex (the labels as NumPy codes) and DatasetState keeping it equal to its drawings through every
kind of change, so counts and the gallery's filters never disagree with the drawings."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Drawing, generate_drawings, write_ndjson
from gui.core.dataset import DatasetState
from gui.core.labels import LabelIndex


def test_label_index_operations_match_the_lists_they_describe():
    labels = ["b", "a", "b", "c", "a", "b"]
    idx = LabelIndex.from_labels(labels)
    assert idx.names == ("b", "a", "c") and idx.labels() == labels
    assert idx.counts() == {"b": 3, "a": 2, "c": 1}
    assert idx.mask("a").tolist() == [x == "a" for x in labels] and not idx.mask("zzz").any()
    assert not idx.codes.flags.writeable
    assert idx.appended(["d", "a"]).labels() == [*labels, "d", "a"]
    assert idx.removed([0, 3]).labels() == ["a", "b", "a", "b"]
    assert idx.removed([3]).counts() == {"b": 3, "a": 2}  # "c" has no drawing left: not counted
    assert idx.replaced([1, 5], ["c", "e"]).labels() == ["b", "c", "b", "c", "a", "e"]
    other = LabelIndex.from_labels(["c", "z", "b"])
    assert (idx + other).labels() == [*labels, "c", "z", "b"]
    assert LabelIndex.of([]).labels() == [] and LabelIndex.of([]).counts() == {}


@pytest.fixture
def starter(tmp_path):
    path = tmp_path / "starter.ndjson"
    write_ndjson(path, generate_drawings(3, seed=5))  # 12 drawings, 4 classes
    return path


def square(k: float):
    return [np.array([[10, 10], [90, 10], [90, 90], [10, 90]], float) + k]


def check(st: DatasetState) -> None:
    """The index describes exactly the shown drawings."""
    assert st.label_index().labels() == [d.label for d in st.drawings]
    counts = {c.name: 0 for c in st.classes}
    for d in st.drawings:
        counts[d.label] = counts.get(d.label, 0) + 1
    assert st.counts() == counts


def test_dataset_state_keeps_its_label_index_through_every_change(tmp_path, starter):
    st = DatasetState(tmp_path / "data", starter)
    st.open_starter()
    check(st)
    for k in range(5):
        st.add_drawing(square(k), ["square", "circle"][k % 2])
        check(st)
    mine = list(range(st.base_count, len(st)))
    st.delete(mine[:2])
    check(st)
    st.relabel([len(st) - 1], "triangle")
    check(st)
    st.add_drawings([Drawing(square(9), "hexagon")])  # a new class by import
    check(st)
    st.undo()  # the import
    check(st)
    st.undo()  # the relabel
    check(st)
    st.undo()  # the delete
    check(st)
    st.set_include_base(False)
    check(st)
    st.rename_class("circle", "ring")  # the user's drawings change label
    check(st)
    st.delete_class("ring", "square")  # ... and move to another class
    check(st)
    st.set_include_base(True)
    check(st)
    # opened with an index made elsewhere (the worker), and with none
    path = st.path
    st2 = DatasetState(tmp_path / "data2", starter)
    from engine import DrawingStore

    store = DrawingStore(path)
    st2.open(path, store=store, labels=LabelIndex.of(store.drawings))
    check(st2)
    st2.open(path)
    check(st2)
