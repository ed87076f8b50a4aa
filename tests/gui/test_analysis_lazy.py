"""The analysis window builds a panel only when its tab is first shown, and a panel built late shows what one
built at once would; the live note follows at most once a second while training; the dataset is pickled
for the helper process in pieces. (Issue 15: View › Analysis opens without a long GUI stall; issue 12.)"""

from __future__ import annotations

import pickle

import pytest

from gui.analysis import AnalysisView
from gui.analysis.jobs import PICKLE_CHUNK, SentInChunks
from gui.analysis.view import LIVE_NOTE_S, TABS
from tests.trained import small_trained_model

TIMEOUT = 60000


@pytest.fixture(scope="module")
def data():
    drawings, classes, _X, _y, model = small_trained_model(30, epochs=3, seed=2)
    return drawings, classes, model


@pytest.fixture
def view(qtbot):
    v = AnalysisView()
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitExposed(v)
    yield v
    assert v.shutdown()


def built(v: AnalysisView) -> list[str]:
    return [name for name, _t, _tip in TABS if v.panels.is_built(name)]


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
    fn, (chunks,) = sent.__reduce__()
    assert len(chunks) == -(-len(drawings) // PICKLE_CHUNK) > 1
    back = pickle.loads(pickle.dumps(sent))
    assert type(back) is tuple and len(back) == len(drawings)
    for a, b in zip(back, drawings, strict=True):
        assert a.label == b.label and len(a.strokes) == len(b.strokes)
        assert all((sa == sb).all() for sa, sb in zip(a.strokes, b.strokes, strict=True))
