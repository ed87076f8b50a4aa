"""The analysis window builds a panel only when its tab is first shown, and a panel built late shows what one
built at once would; the live note follows at most once a second while training; the dataset is pickled
for the helper process in pieces; the window opens with no panel built and builds the shown one in
pieces; with many drawings the plots draw a seeded sample and say so. (Issue 15: View › Analysis opens
without a long GUI stall; issue 12.)"""

from __future__ import annotations

import gc
import pickle

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from gui.analysis import AnalysisView
from gui.analysis.jobs import BLOCK_BYTES, PICKLE_CHUNK, SentInChunks
from gui.analysis.representation import MAX_DOTS, RepresentationView, shown_rows
from gui.analysis.view import LIVE_NOTE_S, TABS
from gui.widget_tree import find_named
from tests.showing import show_widget
from tests.trained import small_trained_model

TIMEOUT = 60000


@pytest.fixture(scope="module")
def data():
    drawings, classes, _X, _y, model = small_trained_model(30, epochs=3, seed=2)
    return drawings, classes, model


@pytest.fixture
def view(qtbot):
    v = show_widget(qtbot, AnalysisView(), 1100, 700)
    yield v
    assert v.shutdown()


def built(v: AnalysisView) -> list[str]:
    return [name for name, _t, _tip in TABS if v.panels.is_built(name)]


def test_a_panel_built_is_moved_out_of_the_garbage_collectors_way(qtbot, view):
    """gc.freeze after each build: a full collection no longer walks the panels (35 ms of a quiet GUI
    thread with all seven built, 72-78 ms during training)."""
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    view.setCurrentIndex(3)
    qtbot.waitUntil(lambda: view.panels.is_built("history"), timeout=5000)
    frozen = gc.get_freeze_count()
    history = view.panels.get("history")
    assert frozen > 1000
    assert not any(o is history for o in gc.get_objects())  # frozen objects are not the collector's
    assert not any(o is history.filters for o in gc.get_objects())
    gc.unfreeze()


def test_only_the_tab_shown_is_built_and_another_is_built_when_first_shown(qtbot, view):
    qtbot.waitUntil(lambda: view.panels.is_built("representation"), timeout=5000)
    assert built(view) == ["representation"]
    assert view.currentWidget() is view.panels.get("representation")
    assert view.count() == len(TABS)
    # a hidden tab is a light placeholder page until someone looks at it
    assert view.widget(2).objectName() == "saliencyPlaceholder"
    assert view.panels.get("saliency") is None
    view.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.panels.is_built("saliency"), timeout=5000)
    saliency = view.panels.get("saliency")
    assert view.widget(2) is saliency and view.currentWidget() is saliency and view.currentIndex() == 2
    assert view.tabText(2) == "Where it looks" and view.tabToolTip(2).startswith("Saliency and occlusion")
    assert built(view) == ["representation", "saliency"]
    # asking for a panel in code builds it in its own tab, and the tab shown stays the same
    history = view.history
    assert view.indexOf(history) == 3 and view.currentIndex() == 2
    assert built(view) == ["representation", "saliency", "history"]


def test_a_panel_built_late_shows_the_results_computed_while_it_was_not_there(qtbot, view, data):
    drawings, classes, model = data
    view.set_validation(0.2, 0)
    with qtbot.waitSignal(view.analysisUpdated, timeout=TIMEOUT, check_params_cb=lambda k: k == "dataset"):
        view.set_dataset(drawings, classes)
    with qtbot.waitSignal(view.analysisUpdated, timeout=TIMEOUT, check_params_cb=lambda k: k == "model"):
        view.set_model(model.copy(), classes, "After epoch 3 of 3 · 30 steps")
    assert not view.panels.is_built("confusion") and not view.panels.is_built("health")
    kept = view.panels.kept("confusion")
    assert {"set_drawings", "set_classes", "set_result"} <= set(kept)  # the newest call of each, kept
    assert view.model_note("confusion") == "Computed for: After epoch 3 of 3 · 30 steps."
    view.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.panels.is_built("confusion"), timeout=5000)
    confusion = view.panels.get("confusion")
    assert view.panels.kept("confusion") == {}
    matrix = confusion.matrix()
    assert matrix is not None and int(matrix.sum()) == confusion.current()["n"] > 0
    assert confusion.current() is kept["set_result"][0][0]["validation"]  # the result the view was given
    assert confusion.model_note.text() == "Computed for: After epoch 3 of 3 · 30 steps."
    health = view.health  # built on request: the dataset's counts are there at once
    counts = [int(r[2]) for r in health.csv_data()[1] if r[0] == "count"]
    assert sum(counts) == len(drawings)


def test_the_live_note_follows_at_most_once_a_second_while_training(qtbot, view, data):
    drawings, classes, model = data
    view.set_model(model.copy(), classes, "After epoch 3 of 3 · 30 steps", training=True)
    network = view.network
    texts = []
    network.model_note.setText("")
    view.set_live_note("During epoch 4 of 6 · 31 steps", True, True)  # the first is shown at once
    texts.append(network.model_note.text())
    for step in range(32, 60):
        view.set_live_note(f"During epoch 4 of 6 · {step} steps", True, True)
        texts.append(network.model_note.text())
    assert "31 steps" in texts[0] and all(t == texts[0] for t in texts)  # the same until a second passed
    qtbot.waitUntil(lambda: "59 steps" in network.model_note.text(), timeout=int(LIVE_NOTE_S * 1000) + 3000)
    # when the run ends, the note follows at once
    view.set_live_note("After epoch 6 of 6 · 60 steps", True, False)
    assert view.model_note(network) == "After epoch 3 of 3 · 30 steps — the app's network has trained on " \
        "since (After epoch 6 of 6 · 60 steps); this follows after the epoch"


def test_the_dataset_is_pickled_for_the_helper_in_pieces_and_arrives_whole(data):
    drawings = data[0] * 20  # 2,400
    sent = SentInChunks(drawings)
    assert isinstance(sent, tuple) and len(sent) == len(drawings)  # in this process: the tuple itself
    fn, (blocks,) = sent.__reduce__()
    # chunks of PICKLE_CHUNK drawings, gathered into blocks of about BLOCK_BYTES
    assert 1 < len(blocks) < -(-len(drawings) // PICKLE_CHUNK)
    assert all(BLOCK_BYTES <= len(b) < 2 * BLOCK_BYTES for b in blocks[:-1])
    back = pickle.loads(pickle.dumps(sent))
    assert type(back) is tuple and len(back) == len(drawings)
    for a, b in zip(back, drawings, strict=True):
        assert a.label == b.label and len(a.strokes) == len(b.strokes)
        assert all((sa == sb).all() for sa, sb in zip(a.strokes, b.strokes, strict=True))
    # with protocol 5 every block is a buffer sent out of band: the pickle itself stays small
    buffers = []
    head = pickle.dumps(sent, protocol=5, buffer_callback=buffers.append)
    assert len(buffers) == len(blocks) and len(head) < 10_000
    back = pickle.loads(head, buffers=buffers)
    assert len(back) == len(drawings) and back[-1].label == drawings[-1].label


def test_the_window_opens_with_no_panel_built_and_builds_the_shown_one_in_pieces(qtbot, monkeypatch):
    """View › Analysis returns at once: the first tab says which panel is being set up; the panel is built
    in a turn after that placeholder was painted, and its two plots in the turns after it: each turn
    either makes one plot or puts one in place (where it is first painted), never more."""
    ops, turns = [], []

    def logging(name):
        original = getattr(RepresentationView, name)

        def logged(self, side):
            ops.append((name, side))
            return original(self, side)
        return logged

    for name in ("_new_plot", "_place_plot"):
        monkeypatch.setattr(RepresentationView, name, logging(name))
    step = RepresentationView._make_next_plot

    def one_turn(self):
        before = len(ops)
        step(self)
        turns.append(ops[before:])

    monkeypatch.setattr(RepresentationView, "_make_next_plot", one_turn)
    v = AnalysisView()
    qtbot.addWidget(v)
    assert built(v) == []  # nothing built with the window
    placeholder = v.currentWidget()
    assert placeholder.objectName() == "representationPlaceholder"
    assert placeholder.text() == "Setting up the “Representations” panel…"
    seen = []

    def on_built(name):
        rep = v.panels.get(name)
        slot = find_named(rep, "rawPlotSlot", QLabel)
        seen.append((name, placeholder.painted, rep.plots_made(), slot.text()))

    v.panels.built.connect(on_built)
    v.resize(1100, 700)
    v.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    # built after its placeholder was painted, without its plots: each plot says it is being set up
    assert seen == [("representation", True, [], "Setting up this plot…")]
    rep = v.panels.get("representation")
    qtbot.waitUntil(lambda: not rep.plots_waiting(), timeout=5000)
    assert rep.plots_made() == ["raw", "layer"]
    slot = find_named(rep, "rawPlotSlot", QLabel)
    assert slot is None or not slot.isVisible()  # the plot took its place
    assert turns == [[("_new_plot", "raw")], [("_place_plot", "raw")], [("_new_plot", "layer")],
                     [("_place_plot", "layer")]]
    assert built(v) == ["representation"]
    assert v.shutdown()


def test_code_that_asks_for_a_plot_gets_it_at_once(qtbot):
    rep = RepresentationView(staged=True)
    qtbot.addWidget(rep)
    assert rep.plots_made() == []
    assert rep.raw_plot is not None and rep.plots_made() == ["raw", "layer"]


def _rep(n: int, label: str = "raw pixels", seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    return {"index": -1, "label": label, "ids": np.arange(n) * 2, "y": rng.integers(0, 4, n),
            "points": rng.normal(size=(n, 2)).astype(np.float32), "explained": np.array([0.3, 0.2]),
            "probe": None}


def test_with_more_drawings_than_max_dots_the_plots_draw_a_seeded_sample_and_say_so(qtbot):
    n = MAX_DOTS + 2345
    rep = RepresentationView()
    qtbot.addWidget(rep)
    rep.resize(1100, 700)
    rep.show()
    qtbot.waitExposed(rep)
    rep.set_classes(["circle", "square", "triangle", "irregular"],
                    ["#0072B2", "#E69F00", "#009E73", "#CC79A7"])
    rep.set_drawings([None] * n)
    assert rep.dots_note() == f"Waiting for the analysis of the {n:,} drawings (their rasters and the " \
                              "projection of the raw pixels)…"
    raw = _rep(n)
    rep.set_raw(raw)
    rep.set_layers([{**_rep(n, "hidden layer", seed=1), "index": 3}])
    assert rep.dots_note() == f"Showing 10,000 of {n:,} drawings, chosen at random with a fixed seed (the " \
                              "same ones in both plots), so that the window stays quick."
    points, ids = rep.shown_points("raw")
    layer_points, layer_ids = rep.shown_points("layer")
    assert len(points) == len(ids) == MAX_DOTS and len(rep.raw_plot.scatter.points) == MAX_DOTS
    assert np.array_equal(ids, layer_ids)  # the same drawings in both plots
    rows = shown_rows(n)
    assert np.array_equal(ids, raw["ids"][rows]) and np.array_equal(points, raw["points"][rows])
    assert len(set(rows.tolist())) == MAX_DOTS and np.all(np.diff(rows) > 0)  # distinct, in data order
    assert np.array_equal(rows, shown_rows(n))  # a fixed seed: the same sample every time
    # all of them when there are few enough, and the line says so (it stays: the plots keep their size)
    rep.set_raw(_rep(2000))
    assert len(rep.shown_points("raw")[0]) == 2000
    assert rep.dots_note() == "Each plot shows all 2,000 drawings."


def _record_dataset_jobs(v: AnalysisView) -> list:
    """Per dataset job sent: whether the shown panel had all its plots in place then."""
    sent = []
    submit = v.runner.submit

    def recording(kind, fn, *args):
        if kind == "dataset":
            rep = v.panels.get("representation")
            sent.append(rep is not None and not rep.plots_waiting())
        return submit(kind, fn, *args)

    v.runner.submit = recording
    return sent


def test_the_dataset_job_waits_until_the_opening_window_has_built_its_panel(qtbot, data):
    v = AnalysisView()
    qtbot.addWidget(v)
    sent = _record_dataset_jobs(v)
    v.set_dataset(data[0], data[1])  # as View › Analysis does: the data, then show
    v.resize(1100, 700)
    v.show()
    qtbot.waitUntil(lambda: bool(sent), timeout=5000)
    assert sent == [True]  # not before the panel and its plots were there
    with qtbot.waitSignal(v.analysisUpdated, timeout=TIMEOUT, check_params_cb=lambda k: k == "dataset"):
        pass
    assert len(v.representation.shown_points("raw")[0]) == len(data[0])
    assert v.shutdown()


def test_a_hidden_view_sends_the_dataset_job_at_once_and_many_changes_make_one_job(qtbot, data):
    v = AnalysisView()
    qtbot.addWidget(v)
    sent = _record_dataset_jobs(v)
    for k in range(5):  # five changes in one turn (the gallery edited quickly): one job, the newest data
        v.set_dataset(data[0][: 20 + k], data[1])
    qtbot.waitUntil(lambda: bool(sent), timeout=5000)
    with qtbot.waitSignal(v.analysisUpdated, timeout=TIMEOUT, check_params_cb=lambda k: k == "dataset"):
        pass
    assert sent == [False] and v.runner.generation("dataset") == 1
    assert len(v._dataset["labels"]) == 24
    assert v.shutdown()
