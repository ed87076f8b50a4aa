"""The Lessons mode shows the lecture's numbers and the engine's results, step by step."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from engine import build_model
from engine.lessons import (
    backprop_numbers,
    clean_shape,
    compare_representations,
    count_corners,
    with_filter,
)
from gui.lessons import LessonsView
from gui.lessons._engine import generate_drawings, rasterize
from gui.lessons.backprop_lesson import g
from gui.lessons.common import HIGHLIGHT
from gui.widget_tree import descendants, find_named

CLASSES = ["square", "triangle", "circle", "irregular"]
NAMES = ["cornerLesson", "neuronLesson", "separabilityLesson", "backpropLesson", "convolutionLesson",
         "poolingLesson", "pipelineLesson"]


@pytest.fixture
def view(qtbot):
    v = LessonsView()
    qtbot.addWidget(v)
    v.resize(1100, 750)
    return v


@pytest.fixture(scope="module")
def model():
    return build_model("default", 4, seed=1)


def test_object_names_and_keyboard_navigation(qtbot, view):
    assert view.objectName() == "lessonsView"
    for name in NAMES:
        assert find_named(view, name, QWidget) is not None, name
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=2000)  # shortcuts need it
    lesson = view.current_lesson()
    assert lesson.objectName() == "cornerLesson" and lesson.step == 0
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert lesson.step == 2
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert lesson.step == 1
    qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.current_lesson().objectName() == "neuronLesson"
    base = view.font().pointSizeF()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_L, ctrl_shift)
    assert view.large_text.isChecked() and view.font().pointSizeF() == pytest.approx(base * 1.6)
    view.set_large_text(False)
    assert view.font().pointSizeF() == pytest.approx(base)


def test_the_view_works_on_a_copy_of_the_model(view, model):
    view.set_model(model, CLASSES)
    view.set_model_note("After epoch 1 of 1 · 10 steps", True)  # treated as trained here
    lesson_model = view.lessons[0].model
    assert lesson_model is not model
    x = np.zeros((1, 1, 28, 28), np.float32)
    np.testing.assert_array_equal(lesson_model.predict_proba(x), model.predict_proba(x))


# -- lesson 1 -----------------------------------------------------------------------------------


def test_corner_lesson_counts_the_drawing_and_tables_the_dataset(view, model):
    lesson = view.lessons[0]
    for k, n in enumerate((4, 3, 0)):
        lesson.set_step(k)
        assert lesson.result.text().startswith(f"<b>{n} corners</b>")
    view.set_model(model, CLASSES)
    view.set_model_note("After epoch 1 of 1 · 10 steps", True)  # treated as trained here
    view.set_drawing(clean_shape("triangle", size=150))
    lesson.set_step(3)
    assert "<b>3 corners</b>" in lesson.result.text()
    assert "the corner rule says <b>triangle</b>" in lesson.result.text()
    probs = model.predict_proba(rasterize(clean_shape("triangle", size=150)))[0]
    assert f"The CNN says <b>{CLASSES[int(np.argmax(probs))]}</b>" in lesson.result.text()

    drawings = generate_drawings(5, seed=3)
    view.set_dataset(drawings, CLASSES)
    lesson.set_step(4)
    labels = [d.label for d in drawings]
    rule = [count_corners(d).rule_class for d in drawings]
    from gui.lessons._engine import rasterize_many

    cnn = [CLASSES[k] for k in model.predict_proba(rasterize_many(drawings)).argmax(1)]
    expected = compare_representations(labels, rule, cnn)
    table = lesson.table
    assert table.rowCount() == len(expected) + 1
    for r, row in enumerate(expected):
        assert table.item(r, 0).text() == row.label
        assert table.item(r, 1).text() == str(row.count)
        assert table.item(r, 2).text() == f"{100 * row.corner_accuracy:.0f} %"
        assert table.item(r, 3).text() == f"{100 * row.cnn_accuracy:.0f} %"


# -- lesson 2 -----------------------------------------------------------------------------------


def test_separability_lesson_xor_single_neuron_fails_hidden_layer_succeeds(view):
    lesson = view.lessons[2]
    lesson.choice.setCurrentText("XOR")
    best = 0.0
    for _ in range(40):  # 40 steps = 10 epochs for the neuron, 1000 gradient steps for the network
        lesson.next_step()
        best = max(best, lesson.perceptron.accuracy())
    assert best <= 0.75
    assert lesson.net.accuracy() == 1.0
    w1, w0, h = lesson.perceptron.params
    assert f"w1 = {w1:.4g}".replace("-", "−") in lesson.neuron_info.text().replace("-", "−")
    assert "4 of 4 points (100 %)" in lesson.net_info.text()
    # the region shown is the neuron's own decision
    image = lesson.neuron_plot.region.image
    np.testing.assert_array_equal(image, lesson.perceptron.boundary_grid(image.shape[0]))


def test_separability_lesson_and_or_and_own_points(view):
    lesson = view.lessons[2]
    for name in ("AND", "OR"):
        lesson.choice.setCurrentText(name)
        for _ in range(40):
            lesson.next_step()
        assert lesson.perceptron.accuracy() == 1.0 and lesson.perceptron.converged
        assert "Question (3)" in lesson.neuron_info.text()
    lesson.choice.setCurrentText("Your points")
    lesson.add_point(0.0, 0.0, 0)
    lesson.add_point(1.0, 1.0, 1)
    assert len(lesson.t) == 2
    for _ in range(8):
        lesson.next_step()
    assert lesson.perceptron.accuracy() == 1.0


# -- lesson 3 -----------------------------------------------------------------------------------


def test_backprop_lesson_shows_the_engine_numbers(view):
    lesson = view.lessons[3]
    b = backprop_numbers()
    np.testing.assert_array_equal(lesson.numbers.grad_w_ji_engine, b.grad_w_ji_engine)
    lesson.set_step(4)
    assert f"E = {g(b.error)}" in lesson.text.toPlainText()
    lesson.set_step(5)
    text = lesson.text.toPlainText()
    for v in np.concatenate([b.grad_w_ji_engine.ravel(), b.grad_w_ji_fd.ravel()]):
        assert g(v, 6) in text
    lesson.set_step(6)
    text = lesson.text.toPlainText()
    for v in b.grad_w_kj_engine.ravel():
        assert g(v, 6) in text
    lesson.set_step(7)
    lesson.next_step()  # takes the update and starts round 2
    assert lesson.round == 2 and lesson.step == 1
    np.testing.assert_array_equal(lesson.numbers.w_ji, b.w_ji_new)
    assert lesson.numbers.error == pytest.approx(b.error_after, rel=1e-12)
    lesson.previous_step()
    assert lesson.round == 1 and lesson.step == 7


# -- lesson 4 -----------------------------------------------------------------------------------


def test_convolution_lesson_1d_and_2d_give_the_lecture_numbers(view):
    lesson = view.lessons[4]
    lesson.set_step(2)  # N = 2
    assert lesson.out1_grid.texts() == [["0", "0", "1", "", "", "", ""]]
    assert "N = 2: −1*0 + 1*1 = <b>1</b>" in lesson.text1.text()
    assert lesson.kernel_slider.layout().contentsMargins().left() == 2 * lesson.signal_grid.cell_size
    assert lesson.signal_grid.highlighted() == [(0, 2), (0, 3)]
    lesson.set_step(6)
    assert lesson.out1_grid.texts() == [["0", "0", "1", "-1", "1", "0", "0"]]
    lesson.set_step(7)  # 2-D, first cell
    assert lesson.out2_grid.texts()[0][0] == "4"
    assert lesson.image_grid.highlighted() == [(r, c) for r in range(3) for c in range(3)]
    lesson.set_step(15)
    assert lesson.out2_grid.texts() == [["4", "3", "4"], ["2", "4", "3"], ["2", "3", "4"]]
    # editing the filter recomputes with the engine
    lesson.filter_grid.item(1, 1).setText("0")
    # each output loses the image value under the centre: [[4,3,4],[2,4,3],[2,3,4]] − image[1:4, 1:4]
    assert lesson.out2_grid.texts() == [["3", "2", "3"], ["2", "3", "2"], ["2", "2", "3"]]


def test_a_painted_kernel_changes_the_models_feature_map_as_the_engine_computes(view, model):
    lesson = view.lessons[4]
    strokes = clean_shape("square", size=150)
    view.set_model(model, CLASSES)
    view.set_model_note("After epoch 1 of 1 · 10 steps", True)  # treated as trained here
    view.set_drawing(strokes)
    lesson.set_step(lesson.step_count - 1)
    lesson.kernel_choice.setCurrentText("your own (edit the grid)")
    painted = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.float32)
    lesson.paint_grid.set_values(painted)
    lesson.filter_index.setValue(2)
    lesson.put_button.click()
    expected = with_filter(lesson.model, 1, painted)
    raster = rasterize(strokes)
    want = expected.activations(raster)[0].data[0, 1]
    np.testing.assert_array_equal(lesson.after_image.image, want)
    np.testing.assert_array_equal(lesson.before_image.image, lesson.model.activations(raster)[0].data[0, 1])
    assert not np.array_equal(lesson.after_image.image, lesson.before_image.image)
    np.testing.assert_array_equal(lesson.painted_model.weights()["0.weight"][1, 0], painted)
    np.testing.assert_array_equal(model.weights()["0.weight"], lesson.model.weights()["0.weight"])


# -- lesson 5 -----------------------------------------------------------------------------------


def test_pooling_lesson_gives_the_lecture_max_pool(view, model):
    lesson = view.lessons[5]
    lesson.set_step(1)
    assert lesson.pool_out.texts() == [["20", ""], ["", ""]]
    assert lesson.pool_in.highlighted(HIGHLIGHT) == [(0, 1)]  # 20 is the max of the first window
    lesson.set_step(4)
    assert lesson.pool_out.texts() == [["20", "30"], ["112", "37"]]
    assert "max(37, 4, 25, 12) = <b>37</b>" in lesson.pool_text.text()
    assert lesson.compare_grids["average"].texts() == [["13", "8"], ["79", "19.5"]]
    assert lesson.compare_grids["sum"].texts() == [["52", "32"], ["316", "78"]]
    view.set_model(model, CLASSES)
    view.set_model_note("After epoch 1 of 1 · 10 steps", True)  # treated as trained here
    view.set_drawing(clean_shape("circle", size=150))
    lesson.set_step(0)
    raster = rasterize(clean_shape("circle", size=150))
    maps = model.activations(raster)[0].data[0]
    f = lesson.filter_index.value() - 1
    flat = maps.reshape(len(maps), -1)
    mixed = np.minimum(-np.clip(flat, None, 0).sum(1), np.clip(flat, 0, None).sum(1))
    assert f == int(np.argmax(mixed))  # a map with both signs
    conv = maps[f]
    np.testing.assert_array_equal(lesson.before_image.image, conv)
    np.testing.assert_array_equal(lesson.after_image.image, np.maximum(conv, 0))
    lesson.set_step(6)
    assert lesson.shift_table.rowCount() == 7


# -- lesson 6 -----------------------------------------------------------------------------------


def test_pipeline_lesson_follows_the_drawing_through_the_model(view, model):
    lesson = view.lessons[6]
    view.set_model(model, CLASSES)
    view.set_model_note("After epoch 1 of 1 · 10 steps", True)  # treated as trained here
    strokes = clean_shape("square", size=150)
    view.set_drawing(strokes)
    n_layers = len(model.layers)
    assert lesson.step_count == n_layers + 3 and len(lesson.rows) == n_layers + 1
    lesson.set_step(1)
    assert lesson.rows[1].isVisibleTo(lesson) and not lesson.rows[2].isVisibleTo(lesson)
    raster = rasterize(strokes)
    conv = model.activations(raster)[0].data[0]
    np.testing.assert_array_equal(lesson.rows[1].image.image[:, :28], conv[0])
    lesson.set_step(n_layers + 1)
    lesson.prediction.flush()
    shown = [p for _name, p, _c in lesson.prediction.shown()]
    np.testing.assert_allclose(shown, model.predict_proba(raster)[0], rtol=1e-6)
    lesson.set_step(n_layers + 2)
    p = lesson.parameters()
    assert lesson.params_table.item(4, 1).text() == f"{p.mlp_parameters:,}"
    assert lesson.params_table.item(2, 1).text() == f"{p.first_conv_parameters:,}"
    assert p.mlp_parameters > p.conv_parameters


def test_hidden_lessons_wait_and_visible_ones_coalesce(qtbot, view, model):
    corner = view.lessons[0]
    view.set_drawing(clean_shape("square", size=120))
    assert corner._dirty  # not shown: nothing computed yet
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not corner._dirty, timeout=2000)
    corner.set_step(3)
    view.set_drawing(clean_shape("triangle", size=120))
    view.set_drawing(clean_shape("circle", size=120))  # two quick drawings: one refresh, the last one
    qtbot.waitUntil(lambda: "<b>0 corners</b>" in corner.result.text(), timeout=2000)


def test_corner_table_follows_a_training_model_at_a_limited_rate(qtbot, view, monkeypatch):
    import gui.lessons.corner_lesson as corner_module

    monkeypatch.setattr(corner_module, "CNN_REFRESH_S", 0.3)
    clock = [1000.0]  # the lesson's clock, moved by the test: a starved machine cannot make "too soon" late
    monkeypatch.setattr(corner_module, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    lesson = view.lessons[0]
    view.set_dataset(generate_drawings(3, seed=4), CLASSES)
    view.set_model(build_model("default", 4, seed=1), CLASSES)
    view.set_model_note("After epoch 1 of 1 · 10 steps", True)
    lesson.set_step(4)
    first = lesson.table.item(4, 3).text()  # the CNN's overall accuracy
    trained_for_square = build_model("default", 4, seed=1)
    w = trained_for_square.weights()
    w[f"{len(trained_for_square.layers) - 1}.bias"][:] = [100.0, 0, 0, 0]  # always says "square"
    trained_for_square.set_weights(w)
    view.set_model(trained_for_square, CLASSES)
    view.set_model_note("After epoch 2 of 2 · 20 steps", True)
    lesson.refresh()
    assert lesson.table.item(4, 3).text() == first  # too soon: the last answers stay
    clock[0] += 0.1
    lesson.refresh()
    assert lesson.table.item(4, 3).text() == first  # still too soon
    clock[0] += 0.25  # 0.35 s after the first answers: the next refresh recomputes them
    qtbot.waitUntil(lambda: (lesson.refresh() or True) and lesson.table.item(0, 3).text() == "100 %",
                    timeout=10000)
    assert lesson.table.item(4, 3).text() == "25 %"  # 3 of 12 drawings are squares


def test_placing_points_with_the_mouse(qtbot, view):
    from PySide6.QtCore import QPointF

    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(2)
    lesson = view.lessons[2]
    plot = lesson.neuron_plot
    qtbot.waitExposed(plot)

    def click(x1, x0, modifier=Qt.KeyboardModifier.NoModifier):
        scene_pos = plot.getPlotItem().vb.mapViewToScene(QPointF(x1, x0))
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, modifier, plot.mapFromScene(scene_pos))

    click(0.2, 0.8)
    click(1.0, 0.1, Qt.KeyboardModifier.ShiftModifier)
    assert lesson.choice.currentText() == "Your points"
    np.testing.assert_allclose(lesson.X, [[0.2, 0.8], [1.0, 0.1]], atol=0.05)
    np.testing.assert_array_equal(lesson.t, [1, 0])


# -- which model a lesson shows (issue 14, defect 1) ---------------------------------------------------


def _note(lesson) -> str:
    label = find_named(lesson, "modelNote", QWidget)
    assert label is not None and label.parent() is not None
    return label.text()


def test_lessons_say_the_start_up_model_is_untrained_and_offer_to_train(
        make_window, tmp_path, qtbot, draw, shape_points):
    window = make_window(tmp_path / "data")
    draw(window.canvas, shape_points("triangle", window.canvas))
    window.show_lessons()
    view = window.lessons
    corner = view.lessons[0]
    corner.set_step(3)
    assert "Untrained (random weights)" in _note(corner)
    assert find_named(corner, "modelNote", QWidget).isVisibleTo(corner)
    assert corner.train_button.isVisibleTo(corner)
    assert "The CNN says" not in corner.result.text()  # no random answer shown as learned
    assert "not been trained" in corner.result.text()
    corner.set_step(4)
    assert corner.table.item(corner.table.rowCount() - 1, 3).text() == "—"
    assert "not trained yet" in corner.table_title.text()
    pipeline = view.lessons[6]
    pipeline.set_step(len(pipeline.rows))  # the prediction step
    assert pipeline.prediction._trained is False
    assert pipeline.train_button.isVisibleTo(pipeline)
    # the worked-number lessons do not show the app's model at all
    assert not find_named(view.lessons[3], "modelNote", QWidget).isVisibleTo(view.lessons[3])
    with qtbot.waitSignal(window.controller.stateChanged, timeout=5000):
        corner.train_button.click()  # the lesson's button starts training in the main window
    assert not corner.train_button.isVisibleTo(corner)  # no second request while it trains
    qtbot.waitUntil(lambda: window.controller.state == "idle" and not window.controller.is_active(),
                    timeout=60000)
    window.training.flush_records()
    steps = window.controller.steps_done
    assert steps > 0
    corner.set_step(3)
    assert f"After epoch 2 of 2 · {steps:,} steps" in _note(corner)
    assert not corner.train_button.isVisibleTo(corner)
    assert "The CNN says" in corner.result.text()
    pipeline.set_step(len(pipeline.rows))
    assert pipeline.prediction._trained is True


def test_a_loaded_model_is_named_by_its_file_in_the_lessons(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    path = tmp_path / "shapes.npz"
    window.controller.ensure_model(window.state.class_names(), "tiny", seed=7, force=True)
    assert window.save_model(str(path))
    assert window.open_model(str(path))
    window.show_lessons()
    lesson = window.lessons.lessons[6]
    assert "Loaded from shapes.npz" in _note(lesson)
    assert not lesson.train_button.isVisibleTo(lesson)


def test_model_note_function_words(make_window, tmp_path):
    from gui.window.side_windows import model_note

    window = make_window(tmp_path / "data", show=False)
    window.training.model_for_current_classes()
    assert model_note(window) == ("Untrained (random weights)", False)
    assert model_note(window) == (window.model_state.note, window.model_state.trained)


def test_separability_lesson_states_the_exact_answer_and_previous_takes_a_step_back(qtbot, view):
    from engine.lessons import Perceptron

    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(2)
    lesson = view.lessons[2]
    lesson.choice.setCurrentText("Your points")
    X = [(0, 0), (1, 1), (0.2, 0.3), (0.3, 0.2), (0.8, 0.9), (0.9, 0.8)]
    for (x1, x0), target in zip(X, [0, 1, 1, 0, 1, 0], strict=True):
        lesson.add_point(x1, x0, target)
    assert not lesson.prev_button.isEnabled()
    for _ in range(6 * 12):  # 12 epochs: the perceptron has not converged (it does at epoch 201)
        lesson.next_step()
    assert lesson.perceptron.epoch == 12 and not lesson.perceptron.converged
    text = lesson.neuron_info.text()
    assert "does separate these points" in text and "no straight line" not in text
    assert lesson.separable_line is not None
    params = lesson.perceptron.params
    lesson.next_step()
    assert lesson.prev_button.isEnabled()
    lesson.previous_step()  # back one step: the neuron's parameters as they were
    assert lesson.perceptron.params == params and len(lesson.perceptron.history) == 72
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # Left is Previous too: one step back, not a reset
    assert len(lesson.perceptron.history) == 71
    ref = Perceptron(lesson.X, lesson.t)
    for _ in range(71):
        ref.step()
    assert lesson.perceptron.params == ref.params
    lesson.choice.setCurrentText("XOR")
    for _ in range(4 * 12):
        lesson.next_step()
    assert "no straight line separates these points" in lesson.neuron_info.text()
    assert lesson.separable_line is None


def test_large_text_fits_tabs_tables_and_grows_the_numbers_in_plots(qtbot, view):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QTableWidget

    view.resize(1100, 720)
    view.show()
    qtbot.waitExposed(view)
    view.set_dataset(generate_drawings(6, seed=2), CLASSES)
    view.set_model(build_model("default", 4, seed=1), CLASSES)
    view.set_model_note("Untrained (random weights)", False)
    view.set_drawing(clean_shape("square", size=150))
    corner = view.lessons[0]
    corner.set_step(0)
    small_pt = view.font().pointSizeF()
    view.set_large_text(True)
    QApplication.processEvents()
    # every tab label fits beside the large-text switch: nothing scrolls out of sight
    bar = view.tabBar()
    assert bar.sizeHint().width() + view.cornerWidget().sizeHint().width() <= view.width()
    for i in range(view.count()):
        label = view.tabText(i).replace("&&", "&")
        assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(label)
    # the model note has the large font (a style sheet used to keep it small)
    assert corner.model_note.font().pointSizeF() == pytest.approx(view.font().pointSizeF())
    corner.set_step(0)
    big_html = [t for t in corner.plot.getPlotItem().items if isinstance(t, pg.TextItem)]
    assert big_html, "the corner numbers are drawn"
    numbers = [t for t in big_html if t.textItem.toPlainText().strip().isdigit()]
    assert len(numbers) == 4  # the square's corners, numbered 1-4
    html = numbers[0].textItem.toHtml().replace(" ", "")
    assert f"font-size:{view.font().pointSizeF():.0f}pt" in html, html[-200:]
    assert view.font().pointSizeF() > 1.5 * small_pt
    # the corner table's headers fit their columns
    corner.set_step(4)
    QApplication.processEvents()
    header = corner.table.horizontalHeader()
    for i in range(corner.table.columnCount()):
        assert header.sectionSizeFromContents(i).width() <= header.sectionSize(i) + 1, i
    # Lesson 6's parameter table: no column runs past the visible width, every row fully shown
    pipeline = view.lessons[6]
    view.setCurrentIndex(6)
    pipeline.set_step(pipeline.step_count - 1)
    QApplication.processEvents()
    table = find_named(pipeline, "parameterTable", QTableWidget)
    used = sum(table.columnWidth(c) for c in range(table.columnCount()))
    assert used <= table.viewport().width() + 1
    assert table.viewport().height() >= sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert "9,847,040" in pipeline.params_text.text() and "95 %" in pipeline.params_text.text()


def test_backprop_lesson_shows_the_chain_rule_factors_and_names_eta(view):
    lesson = view.lessons[3]
    lesson.set_step(5)
    text = lesson.text.toPlainText()
    assert "output 1: −1.97106 × 0.24995 = −0.49266" in text
    lesson.set_step(7)
    text = lesson.text.toPlainText()
    assert "Gradient descent with learning rate η = 0.5" in text
    b = lesson.numbers
    assert f"= {b.w_kj_new[0, 0]:.5g}".replace("-", "−") in text
    lesson.set_step(0)
    assert "app's own example" in lesson.caption.text()
    assert "x_k (k = 1…3)" in lesson.caption.text() and "x_j" in lesson.caption.text()


def test_xor_hidden_layer_view_becomes_separable_and_the_one_neuron_control_does_not(view):
    from engine.lessons import HiddenLayerNet, point_set

    lesson = view.lessons[2]
    lesson.choice.setCurrentText("XOR")
    for _ in range(16):  # 400 gradient steps for both networks
        lesson.next_step()
    X, t = point_set("XOR")
    net = HiddenLayerNet(X, t, seed=0)
    net.train_steps(400)
    decision, other = net.hidden_view(X)
    np.testing.assert_allclose(lesson.hidden_points.data["x"], decision, rtol=1e-6)
    np.testing.assert_allclose(lesson.hidden_points.data["y"], other, rtol=1e-6, atol=1e-9)
    # in the hidden layer's view one straight line (sum = 0) separates the XOR targets ...
    assert np.array_equal((decision >= 0).astype(int), t)
    # ... and that line is the output: sigmoid of the sum is the network's probability
    np.testing.assert_allclose(1 / (1 + np.exp(-decision)), net.probability(X), rtol=1e-5)
    # the fair control: one sigmoid neuron, same loss, optimizer and steps, stays at chance on XOR
    control = HiddenLayerNet(X, t, hidden=0, seed=0)
    control.train_steps(400)
    assert lesson.control.steps == 400 and lesson.control.accuracy() == control.accuracy() <= 0.75
    assert control.loss > 0.69
    text = lesson.net_info.text()
    assert "Control, a single sigmoid neuron trained the same way (400 steps)" in text
    assert f"right on {int(round(control.accuracy() * 4))} of 4" in text


def test_neuron_lesson_shows_the_engines_numbers(view):
    from engine.lessons import collapse_example, neuron_numbers

    lesson = view.lessons[1]
    assert lesson.objectName() == "neuronLesson"
    n = neuron_numbers()
    lesson.set_step(0)
    assert "s = w1·x1 + w0·x0 − h = 0.6·1 + (−0.4)·0 − 0.2 = " in lesson.numbers.text()
    assert f"<b>{round(n.s, 4):g}</b>" in lesson.numbers.text()
    lesson.set_step(1)
    for name in ("step", "sigmoid", "tanh", "ReLU"):  # the red dot sits on the engine's f(s)
        xs, ys = lesson.marks[name].getData()
        assert xs[0] == pytest.approx(n.s) and ys[0] == pytest.approx(n.outputs[name])
        assert lesson.values[name].toPlainText() == f"{round(n.outputs[name], 4):g}"
    assert "0.5987" in lesson.numbers.text() and "0.3799" in lesson.numbers.text()
    c = collapse_example()
    lesson.set_step(2)
    text = lesson.numbers.text()
    assert "W = W2·W1 = (−1, −1), b = W2·b1 + b2 = (2)" in text
    assert [float(v) for v in c.one_linear] == [2.0, 1.0, 1.0, 0.0]
    lesson.set_step(3)
    assert [float(v) for v in c.with_relu] == [0.0, 1.0, 1.0, 0.0]
    assert "<th>XOR</th>" in lesson.numbers.text()


def test_every_lesson_steps_through_with_a_caption_and_its_number(view, model):
    """One text smoke test per lesson: every step has a caption, the heading carries the tab's number."""
    view.set_dataset(generate_drawings(6, seed=2), CLASSES)
    view.set_model(model, CLASSES)
    view.set_model_note("After epoch 1 of 1 · 10 steps", True)
    view.set_drawing(clean_shape("square", size=150))
    for i, lesson in enumerate(view.lessons):
        number = view.tabText(i).split()[0]
        assert lesson.title.startswith(f"{number} · "), (lesson.title, number)
        for step in range(min(lesson.step_count, 12)):
            lesson.set_step(step)
            assert len(lesson.caption.text()) > 20, (lesson.objectName(), step)


def test_how_deep_trains_three_networks_off_the_gui_thread_and_shows_their_numbers(qtbot, view, monkeypatch):
    import threading

    import gui.lessons.depth_lesson as depth

    monkeypatch.setattr(depth, "STEPS", 8)
    threads = []
    real = depth.depth_study

    def spy(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(depth, "depth_study", spy)
    lesson = view.lessons[7]
    assert lesson.objectName() == "depthLesson" and view.tabText(7) == "8 How deep?"
    drawings = generate_drawings(10, seed=4)
    view.set_dataset(drawings, CLASSES)
    qtbot.mouseClick(lesson.run_button, Qt.MouseButton.LeftButton)
    assert not lesson.run_button.isEnabled()
    qtbot.waitUntil(lambda: lesson.result is not None, timeout=120_000)
    assert threads and threads[0] != threading.get_ident()  # trained in the job lane, not the GUI thread
    results = lesson.result["results"]
    assert [r.blocks for r in results] == [0, 1, 2] and lesson.result["n"] == len(drawings)
    for row, r in enumerate(results):
        assert lesson.table.item(row, 1).text() == f"{r.parameters:,}"
        assert lesson.table.item(row, 2).text() == f"{100 * r.val_accuracy:.1f} %"
    two = results[2]
    for row, label in enumerate(depth.LAYERS):  # the 2-block column: every layer's probe
        probe = next(p for p in two.probes if p.label == label)
        assert lesson.probe_table.item(row, 3).text() == f"{100 * probe.probe.test_accuracy:.1f} %"
    assert lesson.probe_table.item(1, 1).text() == "—"  # the MLP has no conv block
    assert "not the app's" in lesson.status.text()
    view.set_dataset(drawings[:-1], CLASSES)
    assert "changed since" in lesson.status.text()
    qtbot.waitUntil(lambda: lesson.run_button.isEnabled(), timeout=5000)
    assert view.shutdown(2.0)


def test_large_text_at_1024x768_clips_no_tab_or_header_and_plot_numbers_grow(qtbot, view, model):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QTableWidget

    view.resize(1024, 768)
    view.show()
    qtbot.waitExposed(view)
    view.set_dataset(generate_drawings(6, seed=2), CLASSES)
    view.set_model(model, CLASSES)
    view.set_model_note("Untrained (random weights)", False)
    view.set_drawing(clean_shape("square", size=150))
    for large in (False, True):
        view.set_large_text(large)
        QApplication.processEvents()
        bar = view.tabBar()
        assert bar.sizeHint().width() + view.cornerWidget().sizeHint().width() <= view.width()
        for i in range(view.count()):
            rect = bar.tabRect(i)
            text = view.tabText(i).replace("&&", "&")
            assert rect.left() >= 0 and rect.right() < bar.width(), text  # not scrolled out of sight
            assert bar.fontMetrics().horizontalAdvance(text) <= rect.width(), text
        pt = view.font().pointSizeF()
        for i, lesson in enumerate(view.lessons):
            view.setCurrentIndex(i)
            lesson.set_step(lesson.step_count - 1 if i != 0 else 4)
            QApplication.processEvents()
            for table in descendants(lesson, QTableWidget, into_views=True):
                header = table.horizontalHeader()
                if not table.isVisible() or not header.isVisible():
                    continue
                for c in range(table.columnCount()):
                    need = header.sectionSizeFromContents(c).width()
                    assert header.sectionSize(c) + 1 >= need, (lesson.objectName(), table.objectName(), c)
            for axis in (it for v in descendants(lesson, pg.GraphicsView) if v.scene() is not None
                         for it in v.scene().items() if isinstance(it, pg.AxisItem)):
                font = axis.style["tickFont"]  # None: pyqtgraph's default, the normal text size
                if large:
                    assert font is not None and font.pointSizeF() == pytest.approx(pt), lesson.objectName()
