"""The lessons' computations (engine/lessons): the lecture's numbers, exactly, from the engine's layers."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from engine import Conv2D, build_model, generate_drawings
from engine.lessons import (
    BackpropExample,
    HiddenLayerNet,
    Perceptron,
    apply_kernel,
    backprop_numbers,
    clean_shape,
    compare_representations,
    conv1d_trace,
    conv2d_trace,
    count_corners,
    parameter_comparison,
    point_set,
    pool_trace,
    rdp,
    relu,
    rule_classify,
    shift_image,
    shift_study,
    with_filter,
)

# -- lesson 1: corners --------------------------------------------------------------------------


@pytest.mark.parametrize("kind, corners", [("square", 4), ("triangle", 3), ("circle", 0)])
@pytest.mark.parametrize("angle", [0.0, 0.2, 0.7, 1.3])
@pytest.mark.parametrize("size", [30.0, 200.0])
def test_corner_counter_on_clean_shapes(kind, corners, angle, size):
    result = count_corners(clean_shape(kind, angle=angle, size=size))
    assert result.count == corners
    assert result.rule_class == kind
    assert result.corners.shape == (corners, 2)


def test_corner_positions_of_a_clean_square_are_its_corners():
    result = count_corners(clean_shape("square", center=(100, 100), size=100 * np.sqrt(2)))
    expected = {(50, 50), (150, 50), (150, 150), (50, 150)}
    assert {tuple(np.round(c).astype(int)) for c in result.corners} == expected


def test_a_square_drawn_in_four_strokes_and_a_triangle_with_a_small_gap():
    (sq,) = clean_shape("square", size=120)
    n = (len(sq) - 1) // 4
    strokes = [sq[k * n : (k + 1) * n + 1] for k in range(4)]
    assert count_corners(strokes).count == 4
    (tri,) = clean_shape("triangle", size=120)
    assert count_corners([tri[:-3]]).count == 3  # not quite closed


def test_rule_classifier_and_rdp():
    assert [rule_classify(n) for n in (4, 3, 0, 1, 2, 5, 9)] == [
        "square", "triangle", "circle", "irregular", "irregular", "irregular", "irregular"]
    line = np.stack([np.linspace(0, 10, 50), np.linspace(0, 5, 50)], axis=1)
    np.testing.assert_array_equal(rdp(line, 0.1), line[[0, -1]])
    bent = np.array([[0, 0], [5, 0.05], [10, 0], [10, 10]], dtype=float)
    np.testing.assert_array_equal(rdp(bent, 0.1), bent[[0, 2, 3]])


def test_the_comparison_table_is_computed_from_a_real_dataset():
    drawings = generate_drawings(12, seed=5)
    labels = [d.label for d in drawings]
    rule = [count_corners(d).rule_class for d in drawings]
    cnn = ["square"] * len(drawings)  # a stand-in "model" that always says square
    table = compare_representations(labels, rule, cnn)
    assert [row.label for row in table] == ["square", "triangle", "circle", "irregular"]
    for row in table:
        idx = [i for i, lab in enumerate(labels) if lab == row.label]
        assert row.count == len(idx) == 12
        assert row.corner_correct == sum(rule[i] == row.label for i in idx)
        assert row.corner_accuracy == pytest.approx(row.corner_correct / 12)
        assert row.cnn_correct == (12 if row.label == "square" else 0)
    # on human-like drawings the hand-made representation is far from perfect — the lecture's point
    overall = sum(r.corner_correct for r in table) / len(drawings)
    assert overall < 0.95


# -- lesson 2: linearly separable or not ---------------------------------------------------------


@pytest.mark.parametrize("name", ["AND", "OR"])
def test_the_single_neuron_learns_and_or(name):
    p = Perceptron(*point_set(name))
    assert p.train_epochs(50) == 1.0
    assert p.converged


def test_the_single_neuron_cannot_learn_xor_but_a_hidden_layer_can():
    X, t = point_set("XOR")
    p = Perceptron(X, t)
    best = 0.0
    for _ in range(200):  # 200 epochs, point by point; accuracy checked after every update
        for _ in range(4):
            p.step()
            best = max(best, p.accuracy())
    assert best <= 0.75 and not p.converged
    net = HiddenLayerNet(X, t, seed=0)
    assert net.train_steps(500) == 1.0
    np.testing.assert_array_equal(net.predict(X), t)


def test_the_perceptron_rule_answers_the_lecture_questions():
    X = np.array([[1.0, 0.0], [0.0, 1.0]])
    p = Perceptron(X, [0, 1], w1=1.0, w0=-1.0, h=0.0, lr=0.5)
    u = p.step()  # x = (1, 0): sum 1 ≥ 0 → output 1, target 0
    assert (u.output, u.case) == (1, "output 1, target 0")
    assert u.delta == (-0.5, -0.0, 0.5) and p.params == (0.5, -1.0, 0.5)
    u = p.step()  # x = (0, 1): sum −1 − 0.5 < 0 → output 0, target 1
    assert (u.output, u.case) == (0, "output 0, target 1")
    assert u.delta == (0.0, 0.5, -0.5) and p.params == (0.5, -0.5, 0.0)


def test_decision_grids_match_predictions():
    X, t = point_set("AND")
    p = Perceptron(X, t)
    p.train_epochs(20)
    g = p.boundary_grid(resolution=3, extent=(0.0, 1.0))  # rows x0 = 0, .5, 1; columns x1
    assert g[0, 0] == p.predict([[0, 0]])[0] and g[2, 2] == p.predict([[1, 1]])[0]
    assert g[2, 0] == p.predict([[0, 1]])[0]  # row = x0 = 1, column = x1 = 0


# -- lesson 3: back-propagation -------------------------------------------------------------------


def test_every_backprop_number_equals_the_engine_and_a_finite_difference():
    b = backprop_numbers()
    # forward, by hand from the weights
    s_j = b.w_kj @ b.x_k
    x_j = 1 / (1 + np.exp(-s_j))
    s_i = b.w_ji @ x_j
    x_i = 1 / (1 + np.exp(-s_i))
    np.testing.assert_allclose(b.s_j, s_j, rtol=1e-12)
    np.testing.assert_allclose(b.x_j, x_j, rtol=1e-12)
    np.testing.assert_allclose(b.x_i, x_i, rtol=1e-12)
    E = -np.sum(b.t_i * np.log(x_i) + (1 - b.t_i) * np.log(1 - x_i))
    assert b.error == pytest.approx(E, rel=1e-12)
    np.testing.assert_allclose(b.delta_i, x_i - b.t_i, rtol=1e-12)
    # the lecture's chain rule = the engine's backward = central finite differences (float64)
    for formula, engine, fd in ((b.grad_w_ji_formula, b.grad_w_ji_engine, b.grad_w_ji_fd),
                                (b.grad_w_kj_formula, b.grad_w_kj_engine, b.grad_w_kj_fd)):
        assert formula.dtype == engine.dtype == np.float64
        np.testing.assert_allclose(formula, engine, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(fd, engine, rtol=1e-6, atol=1e-9)
    # ∂E/∂w_ji = (x_i − t_i)·x_j, element by element
    for i in range(3):
        for j in range(2):
            assert b.grad_w_ji_engine[i, j] == pytest.approx((x_i[i] - b.t_i[i]) * x_j[j], rel=1e-12)
    # ∂E/∂w_kj = Σ_i (x_i − t_i)·w_ji·x_j(1 − x_j)·x_k
    for j in range(2):
        for k in range(3):
            s = sum((x_i[i] - b.t_i[i]) * b.w_ji[i, j] for i in range(3))
            assert b.grad_w_kj_engine[j, k] == pytest.approx(s * x_j[j] * (1 - x_j[j]) * b.x_k[k], rel=1e-12)
    # the update, and it lowers the error
    np.testing.assert_allclose(b.w_ji_new, b.w_ji - b.lr * b.grad_w_ji_engine, rtol=1e-15)
    np.testing.assert_allclose(b.w_kj_new, b.w_kj - b.lr * b.grad_w_kj_engine, rtol=1e-15)
    assert b.error_after < b.error


def test_backprop_steps_keep_lowering_the_error():
    ex = BackpropExample()
    errors = [ex.current.error] + [ex.step().error for _ in range(10)]
    assert all(a > b for a, b in zip(errors, errors[1:], strict=False))
    assert ex.back().error == errors[-2]


# -- lesson 4: convolution ---------------------------------------------------------------------


def test_the_lecture_1d_convolution():
    trace = conv1d_trace()
    np.testing.assert_array_equal(trace.output, [[0, 0, 1, -1, 1, 0, 0]])
    n0, n1, n2 = trace.steps[:3]
    np.testing.assert_array_equal(n0.products, [[-0.0, 0.0]])  # −1*0 + 1*0 = 0
    np.testing.assert_array_equal(n1.products, [[-0.0, 0.0]])  # −1*0 + 1*0 = 0
    np.testing.assert_array_equal(n2.products, [[-0.0, 1.0]])  # −1*0 + 1*1 = 1
    assert [s.total for s in trace.steps] == [0, 0, 1, -1, 1, 0, 0]


def test_the_lecture_2d_convolution():
    trace = conv2d_trace()
    assert trace.steps[0].total == 4
    np.testing.assert_array_equal(trace.output, [[4, 3, 4], [2, 4, 3], [2, 3, 4]])
    for step in trace.steps:
        assert step.products.sum() == step.total == trace.output[step.row, step.col]
    np.testing.assert_array_equal(trace.steps[0].window, [[1, 1, 1], [0, 1, 1], [0, 0, 1]])


def test_edited_inputs_are_traced_by_the_engine():
    rng = np.random.default_rng(1)
    image, kernel = rng.integers(-3, 4, (6, 7)), rng.integers(-2, 3, (3, 3))
    trace = conv2d_trace(image, kernel)
    layer = Conv2D(1, 1, 3, rng=0)
    layer.params["weight"][...] = kernel[None, None]
    layer.params["bias"][...] = 0
    np.testing.assert_array_equal(trace.output, layer.forward(image[None, None].astype(np.float32))[0, 0])
    assert trace.output.shape == (4, 5) and len(trace.steps) == 20


# -- lesson 5: ReLU and pooling ----------------------------------------------------------------


def test_the_lecture_max_pool_and_the_other_poolings():
    trace = pool_trace()
    np.testing.assert_array_equal(trace.output, [[20, 30], [112, 37]])
    assert [s.chosen for s in trace.steps] == [(0, 1), (0, 0), (1, 0), (0, 0)]
    np.testing.assert_array_equal(pool_trace(kind="average").output, [[13, 8], [79, 19.5]])
    np.testing.assert_array_equal(pool_trace(kind="sum").output, [[52, 32], [316, 78]])
    np.testing.assert_array_equal(relu([[-2, 0.5], [3, -0.1]]), [[0, 0.5], [3, 0]])


def test_shifting_and_the_shift_study():
    img = np.zeros((28, 28), np.float32)
    img[5:20, 5:7] = 1
    moved = shift_image(img, 2, -1)
    np.testing.assert_array_equal(moved[4:19, 7:9], 1)
    assert moved.sum() == img.sum()
    rows = shift_study(build_model("default", 4, seed=0), img)
    assert rows[0].before_pool_change == 0 and rows[0].after_pool_change == 0
    for r in rows:
        assert r.probabilities.sum() == pytest.approx(1, abs=1e-5)


# -- a painted kernel in the trained model -------------------------------------------------------


def test_a_painted_kernel_in_the_first_layer_changes_its_feature_map_as_the_engine_computes():
    model = build_model("default", 4, seed=2)
    original = model.weights()
    img = np.zeros((28, 28), np.float32)
    img[6:22, 6:8] = img[6:8, 6:22] = 1
    kernel = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.float32)
    new = with_filter(model, 3, kernel)
    before, after = model.activations(img), new.activations(img)
    bias = original["0.bias"][3]
    np.testing.assert_array_equal(after[0].data[0, 3], apply_kernel(img, kernel, bias=bias))
    assert not np.array_equal(after[0].data[0, 3], before[0].data[0, 3])
    others = [c for c in range(8) if c != 3]
    np.testing.assert_array_equal(after[0].data[0, others], before[0].data[0, others])
    for key, value in model.weights().items():  # the original model is untouched
        np.testing.assert_array_equal(value, original[key])
    np.testing.assert_array_equal(new.weights()["0.weight"][3, 0], kernel)


def test_parameter_counts():
    cnn, mlp = build_model("default", 4), build_model("mlp", 4)
    p = parameter_comparison(cnn, mlp)
    assert p.conv_parameters == cnn.num_parameters() and p.mlp_parameters == mlp.num_parameters()
    assert p.first_conv_parameters == 16 * 1 * 3 * 3 + 16
    assert p.dense_equivalent_parameters == 784 * (16 * 28 * 28) + 16 * 28 * 28


def test_lesson_modules_print_nothing():
    for path in Path(__file__).resolve().parents[2].joinpath("engine", "lessons").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree)
                 if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "print"]
        assert not calls, path


# -- issue 14: a stratified sample, and a caption that says what the corner counter does ----------------


def test_stratified_sample_keeps_each_class_share_of_an_interleaved_set():
    from collections import Counter

    from engine.lessons import stratified_sample

    labels = ["square", "triangle", "circle", "irregular"] * 500  # interleaved, as the starter set
    idx = stratified_sample(labels, 1500)
    assert len(idx) == 1500 and len(set(idx.tolist())) == 1500 and np.all(np.diff(idx) > 0)
    got = Counter(labels[i] for i in idx)
    whole = Counter(labels)
    for c, n in whole.items():
        assert abs(got[c] - 1500 * n / 2000) <= 1, (c, got[c], n)
    assert got == {"square": 375, "triangle": 375, "circle": 375, "irregular": 375}
    # the old "evenly spaced" sample of this set: square 500, triangle 250, circle 250, irregular 500
    naive = Counter(labels[i] for i in np.linspace(0, 1999, 1500).round().astype(int))
    assert naive == {"square": 500, "triangle": 250, "circle": 250, "irregular": 500}
    uneven = ["square"] * 1000 + ["circle"] * 200 + ["triangle"] * 800
    got = Counter(uneven[i] for i in stratified_sample(uneven, 1500))
    assert got == {"square": 750, "circle": 150, "triangle": 600}
    assert stratified_sample(labels[:10], 1500).tolist() == list(range(10))


def test_corner_caption_states_the_detectors_own_settings():
    from engine.lessons import corner_rule_text
    from engine.lessons.corners import CORNER_DEGREES, SHORT_FRACTION, SIMPLIFY_FRACTION

    text = corner_rule_text()
    assert f"{100 * SIMPLIFY_FRACTION:g} %" in text and f"{100 * SHORT_FRACTION:g} %" in text
    assert f"{CORNER_DEGREES:g}°" in text and "added up" in text
    # and the detector does add up near turns: a corner cut into two 30° bends (1 % of the size apart)
    # counts as one corner, while the same two bends far apart count as none
    pts_near = np.array([[0, 0], [100, 0], [101, 0.6], [101.6, 1.6], [101.6, 100]], float)
    assert count_corners([pts_near]).count == 1
    far = np.array([[0, 0], [100, 0], [150, 28.9], [175, 72.2], [175, 200]], float)
    res = count_corners([far])
    assert all(t < 50 for t in np.degrees(np.abs(np.diff(np.arctan2(*np.diff(far, axis=0).T[::-1]))))[1:2])
    assert res.count == 0


# -- issue 14: separability decided exactly, not from a perceptron run ---------------------------------


ISSUE_POINTS = np.array([(0, 0), (1, 1), (0.2, 0.3), (0.3, 0.2), (0.8, 0.9), (0.9, 0.8)], float)
ISSUE_TARGETS = np.array([0, 1, 1, 0, 1, 0])


def _separates(line, X, t) -> bool:
    w1, w0, h = line
    return bool(np.array_equal((w1 * X[:, 0] + w0 * X[:, 1] - h >= 0).astype(int), np.asarray(t)))


def test_separability_of_the_lecture_sets_and_the_issue_example():
    from engine.lessons import Perceptron, linearly_separable, point_set, separating_line

    for name, expected in (("AND", True), ("OR", True), ("XOR", False)):
        X, t = point_set(name)
        assert linearly_separable(X, t) is expected, name
        if expected:
            assert _separates(separating_line(X, t), X, t)
    line = separating_line(ISSUE_POINTS, ISSUE_TARGETS)
    assert line is not None and _separates(line, ISSUE_POINTS, ISSUE_TARGETS)
    p = Perceptron(ISSUE_POINTS, ISSUE_TARGETS)
    p.train_epochs(10)
    assert not p.converged  # the run alone would have said "not separable" here (epochs 10 to 200)
    p.train_epochs(1000)
    assert p.converged and p.epoch == 201
    # degenerate outlines: the same point in both classes; collinear points; a single class
    assert not linearly_separable([[0, 0], [0, 0]], [1, 0])
    assert not linearly_separable([[0, 0], [1, 0], [2, 0]], [0, 1, 0])
    assert linearly_separable([[0, 0], [1, 0], [2, 0]], [0, 0, 1])
    assert linearly_separable([[0, 0], [1, 1]], [1, 1])


def test_separability_agrees_with_a_long_perceptron_run_on_random_sets():
    from engine.lessons import Perceptron, separating_line

    rng = np.random.default_rng(0)
    checked = {True: 0, False: 0}
    for _ in range(150):
        n = int(rng.integers(3, 8))
        X = rng.integers(0, 6, size=(n, 2)) / 5.0
        t = rng.integers(0, 2, size=n)
        line = separating_line(X, t)
        if line is not None:
            assert _separates(line, X, t)
        p = Perceptron(X, t)
        p.train_epochs(3000)
        if p.converged:
            assert line is not None, (X, t)  # the rule found a line: it exists
        if line is None:
            assert not p.converged
        checked[line is not None] += 1
    assert checked[True] > 20 and checked[False] > 20


def test_lesson_6_parameter_statement_numbers():
    from engine import build_model
    from engine.lessons import parameter_comparison

    p = parameter_comparison(build_model("default", 4), build_model("mlp", 4))
    assert p.dense_equivalent_parameters == 9_847_040  # 784 inputs × 12,544 outputs + 12,544 biases
    assert p.first_conv_parameters == 160 and p.conv_parameters == 92_352
    assert p.dense_parameters == 87_872 + 260
    assert round(100 * p.dense_share) == 95


def test_backprop_chain_rule_factors_of_output_1():
    from engine.lessons import backprop_numbers

    b = backprop_numbers()
    assert round(b.dE_dx_i[0], 5) == -1.97106 and round(b.dx_ds_i[0], 5) == 0.24995
    assert round(b.dE_dx_i[0] * b.dx_ds_i[0], 5) == -0.49266
    np.testing.assert_allclose(b.dE_dx_i * b.dx_ds_i, b.delta_i, rtol=1e-12)  # = x_i − t_i
    # and ∂E/∂x_i is the derivative of the error term (central difference, float64)
    eps = 1e-7
    x, t = b.x_i[0], b.t_i[0]

    def term(v):
        return -(t * np.log(v) + (1 - t) * np.log(1 - v))

    assert abs((term(x + eps) - term(x - eps)) / (2 * eps) - b.dE_dx_i[0]) < 1e-7
