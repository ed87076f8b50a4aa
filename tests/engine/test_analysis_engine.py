"""engine/analysis.py: values checked against NumPy references, finite differences and planted cases."""

from __future__ import annotations

import numpy as np
import pytest

from engine import TrainConfig, build_model, train
from engine.analysis import (
    RAW,
    FilterHistory,
    balance_warnings,
    class_counts,
    confusion_cells,
    confusion_matrix,
    dataset_health,
    label_suspects,
    layer_outputs,
    linear_probe,
    most_confidently_wrong,
    near_duplicates,
    occlusion_map,
    pca_2d,
    representation_layers,
    saliency,
)
from engine.dataset import class_list, to_arrays
from engine.synth import generate_drawings
from tests.trained import small_trained_model

# -- PCA ----------------------------------------------------------------------------------------------


def test_pca_matches_eigh_of_the_covariance_up_to_sign():
    rng = np.random.default_rng(3)
    A = (rng.normal(size=(60, 5)) @ rng.normal(size=(5, 5)) + rng.normal(size=5)).astype(np.float32)
    proj = pca_2d(A)
    A64 = A.astype(np.float64)
    C = np.cov(A64, rowvar=False)
    vals, vecs = np.linalg.eigh(C)
    order = np.argsort(vals)[::-1][:2]
    ref = (A64 - A64.mean(axis=0)) @ vecs[:, order]
    for k in range(2):
        sign = np.sign(np.dot(ref[:, k], proj.points[:, k]))
        np.testing.assert_allclose(proj.points[:, k], sign * ref[:, k], rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(proj.explained, vals[order] / vals.sum(), rtol=1e-4)
    assert proj.points.dtype == np.float32


def test_pca_signs_are_normalised_so_the_picture_never_flips():
    rng = np.random.default_rng(4)
    A = rng.normal(size=(40, 6)).astype(np.float32)
    a, b = pca_2d(A), pca_2d(A[::-1].copy())  # same data, other row order: SVD may flip signs
    for comp in a.components:
        assert comp[np.argmax(np.abs(comp))] > 0
    np.testing.assert_allclose(a.points, b.points[::-1], atol=1e-4)


def test_pca_fitted_on_a_subset_projects_every_row():
    rng = np.random.default_rng(5)
    A = rng.normal(size=(30, 4)).astype(np.float32)
    proj = pca_2d(A, fit_rows=np.arange(0, 30, 2))
    ref = pca_2d(A[::2])
    np.testing.assert_allclose(proj.points[::2], ref.points, atol=1e-5)
    assert proj.points.shape == (30, 2)


# -- representations and probes -----------------------------------------------------------------------


def test_representation_layers_of_the_default_model():
    m = build_model("default", 4)
    layers = representation_layers(m)
    assert [la.label for la in layers] == ["raw pixels", "after conv block 1", "after conv block 2",
                                          "hidden layer (64)"]
    assert [la.index for la in layers] == [RAW, 2, 5, 8]
    assert layers[1].shape == (16, 14, 14)
    mlp = representation_layers(build_model("mlp", 4))
    assert [la.label for la in mlp] == ["raw pixels", "hidden layer (128)"]


def test_layer_outputs_equal_the_model_activations():
    m = build_model("tiny", 4, seed=1)
    X = np.random.default_rng(0).uniform(size=(5, 1, 28, 28)).astype(np.float32)
    outs = layer_outputs(m, X, [RAW, 2, 8], batch_size=2)
    acts = m.activations(X)
    np.testing.assert_array_equal(outs[RAW], X.reshape(5, -1))
    np.testing.assert_allclose(outs[2], acts[2].data.reshape(5, -1), rtol=1e-6)
    np.testing.assert_allclose(outs[8], acts[8].data.reshape(5, -1), rtol=1e-6)


def test_linear_probe_separates_separable_data_and_not_noise():
    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(3), 40)
    centres = np.array([[4, 0, 0], [0, 4, 0], [0, 0, 4]], np.float32)
    sep = centres[y] + rng.normal(size=(120, 3)).astype(np.float32) * 0.5
    assert linear_probe(sep, y, 3).test_accuracy == 1.0
    noise = rng.normal(size=(120, 3)).astype(np.float32)
    assert linear_probe(noise, y, 3).test_accuracy < 0.6
    r = linear_probe(sep, y, 3, seed=1)
    assert (r.n_train, r.n_test) == (84, 36)
    assert linear_probe(sep, y, 3, seed=1) == r  # seeded: repeatable


@pytest.fixture(scope="module")
def trained():
    """The default model trained a few epochs on synthetic starter drawings (~0.5 s)."""
    _drawings, classes, X, y, model = small_trained_model(50, epochs=8, seed=1)
    return model, X, y, classes


def test_probe_on_the_hidden_layer_beats_raw_pixels_after_training(trained):
    model, X, y, classes = trained
    layers = representation_layers(model)
    outs = layer_outputs(model, X, [la.index for la in layers])
    raw = linear_probe(outs[RAW], y, len(classes))
    hidden = linear_probe(outs[layers[-1].index], y, len(classes))
    assert hidden.test_accuracy >= raw.test_accuracy + 0.15, (raw, hidden)
    assert hidden.test_accuracy > 0.85


# -- mistakes -----------------------------------------------------------------------------------------


def test_confusion_matrix_cells_and_most_confidently_wrong():
    y_true = np.array([0, 0, 1, 1, 1, 2])
    probs = np.array([
        [0.9, 0.1, 0.0],   # 0 → 0
        [0.2, 0.7, 0.1],   # 0 → 1 (0.7)
        [0.1, 0.8, 0.1],   # 1 → 1
        [0.95, 0.05, 0],   # 1 → 0 (0.95)
        [0.3, 0.3, 0.4],   # 1 → 2 (0.4)
        [0.0, 0.1, 0.9],   # 2 → 2
    ])
    y_pred = probs.argmax(1)
    m = confusion_matrix(y_true, y_pred, 3)
    np.testing.assert_array_equal(m, [[1, 1, 0], [1, 1, 1], [0, 0, 1]])
    ids = np.array([10, 11, 12, 13, 14, 15])  # dataset positions
    cells = confusion_cells(y_true, y_pred, 3, ids)
    assert cells[1][0].tolist() == [13] and cells[0][1].tolist() == [11] and cells[2][2].tolist() == [15]
    assert sum(len(c) for row in cells for c in row) == 6
    wrong = most_confidently_wrong(probs, y_true, k=2, indices=ids)
    assert [(w.index, w.true, w.predicted) for w in wrong] == [(13, 1, 0), (11, 0, 1)]
    assert wrong[0].confidence == pytest.approx(0.95)


# -- saliency and occlusion ---------------------------------------------------------------------------


def test_saliency_matches_central_differences_float64():
    model = build_model("tiny", 3, input_size=8, seed=2).astype(np.float64)
    x = np.random.default_rng(1).uniform(size=(8, 8))
    grad, target = saliency(model, x)
    assert target == int(np.argmax(model.forward(x[None, None])[0]))
    assert grad.dtype == np.float64 and grad.shape == (8, 8)
    h = 1e-6
    num = np.zeros_like(x)
    for i in range(8):
        for j in range(8):
            xp, xm = x.copy(), x.copy()
            xp[i, j] += h
            xm[i, j] -= h
            fp = model.forward(xp[None, None])[0, target]
            fm = model.forward(xm[None, None])[0, target]
            num[i, j] = (fp - fm) / (2 * h)
    err = np.linalg.norm(grad - num) / max(np.linalg.norm(grad) + np.linalg.norm(num), 1e-12)
    assert err < 1e-6
    assert np.abs(num).max() > 0  # a real check, not zeros against zeros
    # another class's score on request
    g1, t1 = saliency(model, x, target=(target + 1) % 3)
    assert t1 == (target + 1) % 3 and not np.allclose(g1, grad)


def test_saliency_leaves_the_callers_model_alone():
    model = build_model("tiny", 3, seed=0)
    before = {k: v.copy() for k, v in model.gradients().items()}
    saliency(model, np.ones((28, 28), np.float32))
    for k, v in model.gradients().items():
        np.testing.assert_array_equal(v, before[k])


def test_occlusion_map_matches_a_loop_reference():
    model = build_model("tiny", 3, input_size=12, seed=3)
    x = np.random.default_rng(2).uniform(size=(12, 12)).astype(np.float32)
    drop, t, p0 = occlusion_map(model, x, patch=4, stride=4)
    probs = model.predict_proba(x)[0]
    assert t == int(np.argmax(probs)) and p0 == pytest.approx(float(probs[t]))
    ref = np.zeros((12, 12), np.float32)
    for r in range(0, 12, 4):
        for c in range(0, 12, 4):
            y = x.copy()
            y[r : r + 4, c : c + 4] = 0
            ref[r : r + 4, c : c + 4] = probs[t] - model.predict_proba(y)[0, t]
    np.testing.assert_allclose(drop, ref, atol=1e-6)


# -- filter history -----------------------------------------------------------------------------------


def test_filter_history_keeps_copies_per_epoch():
    model = build_model("tiny", 2, seed=0)
    hist = FilterHistory()
    w0 = model.weights()
    acts = model.activations(np.zeros((28, 28), np.float32))
    hist.record(0, model.parameters(), acts)
    model.parameters()["0.weight"][...] += 1  # the live weights change afterwards
    hist.record(1, model.parameters(), None)
    assert hist.epochs == [0, 1] and len(hist) == 2
    np.testing.assert_array_equal(hist.weights_at(0)["0.weight"], w0["0.weight"])
    np.testing.assert_array_equal(hist.weights_at(1)["0.weight"], w0["0.weight"] + 1)
    assert hist.activations_at(1) is None and len(hist.activations_at(0)) == len(acts)
    small = FilterHistory(limit=2)
    for e in range(3):
        small.record(e, w0)
    assert small.epochs == [1, 2]


# -- dataset health -----------------------------------------------------------------------------------


def test_health_flags_a_planted_duplicate_and_imbalance():
    drawings = generate_drawings(12, seed=7)
    drawings = [d for d in drawings if d.label != "circle"] + [d for d in drawings if d.label == "circle"][:3]
    drawings.append(drawings[4])  # planted exact duplicate of drawing 4
    classes = class_list(drawings)
    X, y = to_arrays(drawings, classes)
    labels = [d.label for d in drawings]
    report = dataset_health(labels, X, classes, min_per_class=5)
    assert report.counts == {"square": 12, "triangle": 13, "circle": 3, "irregular": 12}
    assert (4, len(drawings) - 1) in [(i, j) for i, j, _ in report.duplicates]
    assert all(i != j for i, j, _ in report.duplicates)
    assert any("Imbalance" in w and "circle" in w for w in report.warnings)
    assert any("Too few" in w and "circle" in w for w in report.warnings)
    balanced = balance_warnings(class_counts(["a"] * 10 + ["b"] * 10, ["a", "b"]), min_per_class=5)
    assert balanced == []


def test_near_duplicates_ignore_different_and_blank_drawings():
    X = np.zeros((4, 1, 28, 28), np.float32)
    X[0, 0, 5:10, 5:20] = 1
    X[1, 0, 5:10, 5:20] = 0.9  # same shape, lighter: cosine 1
    X[2, 0, 15:25, 2:6] = 1  # elsewhere
    pairs = near_duplicates(X, 0.97)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
    assert pairs[0][2] == pytest.approx(1.0, abs=1e-5)


def test_label_suspects_need_a_confident_model():
    probs = np.array([[0.97, 0.03], [0.6, 0.4], [0.02, 0.98]])
    y = np.array([1, 1, 1])
    out = label_suspects(probs, y, ["square", "circle"], confidence=0.9, indices=np.array([7, 8, 9]))
    assert [(s.index, s.label, s.predicted) for s in out] == [(7, "circle", "square")]
    rep = dataset_health(["circle"] * 3, np.zeros((3, 1, 28, 28), np.float32), ["square", "circle"],
                         probs=probs, min_per_class=1)
    assert [s.index for s in rep.suspects] == [0]


def test_pca_of_a_large_input_uses_a_randomized_svd_that_matches_the_reference():
    rng = np.random.default_rng(6)
    n, d = 420, 330  # both above EXACT_LIMIT: the randomized path
    scales = np.array([6.0, 4.0] + [1.0] * 8)
    A = ((rng.normal(size=(n, 10)) * scales) @ rng.normal(size=(10, d)) + rng.normal(size=(n, d)) * 0.3)
    A = A.astype(np.float32)
    proj = pca_2d(A)
    A64 = A.astype(np.float64)
    vals, vecs = np.linalg.eigh(np.cov(A64, rowvar=False))
    ref = (A64 - A64.mean(0)) @ vecs[:, np.argsort(vals)[::-1][:2]]
    for k in range(2):
        sign = np.sign(ref[:, k] @ proj.points[:, k])
        np.testing.assert_allclose(proj.points[:, k], sign * ref[:, k], atol=1e-3 * np.abs(ref[:, k]).max())


# -- issue 14: saliency on a real drawing (max-pool ties), the largest single occlusion patch ------------


@pytest.fixture(scope="module")
def trained_and_drawing():
    from engine import class_list, generate_drawings, rasterize, to_arrays

    drawings = generate_drawings(30, seed=1)
    classes = class_list(drawings)
    X, y = to_arrays(drawings, classes)
    model = build_model("default", len(classes), seed=0)
    for _ in train(model, (X, y), TrainConfig(epochs=4, batch_size=16, lr=3e-3)):
        pass
    return model, rasterize(drawings[1].strokes)


def test_saliency_on_a_real_drawing_handles_max_pool_ties(trained_and_drawing):
    from engine.analysis import saliency_map

    model, x = trained_and_drawing
    m64 = model.astype(np.float64)
    x = x.astype(np.float64)
    sm = saliency_map(m64, x)
    ink = x > 0
    background = ~ink
    # the artefact: the model's own backward (ties to the first maximum) puts much of the map on blank
    # paper, at pixels whose value depends only on the tie-break
    first, t = saliency(m64, x, target=sm.target, ties="first")
    artefact = np.abs(first[sm.tie_dependent & background]).sum() / np.abs(first).sum()
    assert artefact > 0.3
    assert sm.tie_dependent.sum() > 300 and not np.any(sm.tie_dependent & ink)
    # what is shown: nothing that depends on the tie-break more than a pixel away from the ink
    near = np.zeros_like(ink)
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            near |= np.roll(np.roll(ink, dr, 0), dc, 1)
    assert not np.any((sm.shown != 0) & sm.tie_dependent & ~near)
    assert sm.hidden == int((sm.tie_dependent & ~near).sum()) > 100
    # where the gradient does not depend on ties, it is the true derivative (central differences, float64)
    def logit(v):
        return m64.forward(v.reshape(1, 1, 28, 28), training=False)[0, sm.target]

    # (the logit is piecewise linear in x: where a ReLU or a pooling window switches within eps of the
    # pixel's value there is no derivative, and the two one-sided differences disagree; those are skipped)
    eps = 1e-6
    l0 = logit(x)
    checked = kinks = 0
    for r, c in np.argwhere(~sm.tie_dependent)[::3]:
        xp, xm = x.copy(), x.copy()
        xp[r, c] += eps
        xm[r, c] -= eps
        up, down = (logit(xp) - l0) / eps, (l0 - logit(xm)) / eps
        if abs(up - down) > 1e-6:
            kinks += 1
            continue
        checked += 1
        assert abs((up + down) / 2 - sm.gradient[r, c]) < 1e-6
    assert checked >= 40 and kinks <= 0.05 * checked


def test_occlusion_reports_the_largest_single_patch_drop(trained_and_drawing):
    from engine.analysis import occlusion_patches

    model, x = trained_and_drawing
    occ = occlusion_patches(model, x, patch=6, stride=2)
    largest, (r, c) = occ.largest
    hidden = x.copy()
    hidden[r : r + 6, c : c + 6] = 0
    p = model.predict_proba(hidden)[0, occ.target]
    assert abs(largest - (occ.probability - p)) < 1e-6
    drop, _t, _p0 = occlusion_map(model, x, patch=6, stride=2, target=occ.target)
    assert largest >= float(drop.max()) - 1e-7  # the averaged map understates it
    np.testing.assert_allclose(drop, occ.average_map((28, 28)))


# -- issue 14: a probe that does not hang on a random split, and the untrained baseline ------------------


def test_ridge_probe_is_exact_leave_one_out():
    from engine.analysis import ridge_probe

    rng = np.random.default_rng(0)
    for n, d in ((60, 5), (30, 80)):  # the primal and the kernel form
        A = rng.normal(size=(n, d))
        y = rng.integers(0, 3, n)
        sd = A.std(0)
        Z = (A - A.mean(0)) / sd
        T = np.eye(3)[y] - 1 / 3
        lam = np.trace(Z.T @ Z) / n
        right = 0
        for i in range(n):  # refit without sample i, then classify it
            keep = np.arange(n) != i
            W = np.linalg.solve(Z[keep].T @ Z[keep] + lam * np.eye(d), Z[keep].T @ T[keep])
            right += int((Z[i] @ W).argmax() == y[i])
        r = ridge_probe(A, y, 3)
        assert r.test_accuracy == right / n and r.n_test == n and r.n_train == n - 1 and r.folds == n
        assert ridge_probe(A, y, 3) == r  # no randomness at all
    sep = np.repeat(np.eye(3) * 5, 20, axis=0) + rng.normal(0, 0.3, (60, 3))
    assert ridge_probe(sep, np.repeat(np.arange(3), 20), 3).test_accuracy == 1.0


def test_untrained_like_has_the_same_layers_and_fresh_weights():
    from engine.analysis import untrained_like

    model = build_model("tiny", 4, seed=0)
    w = model.weights()
    w["0.weight"] += 1.0
    model.set_weights(w)
    fresh = untrained_like(model, seed=5)
    assert fresh.config() == model.config() and fresh.input_shape == model.input_shape
    assert not np.allclose(fresh.weights()["0.weight"], model.weights()["0.weight"])
    np.testing.assert_array_equal(untrained_like(model, seed=5).weights()["0.weight"],
                                  fresh.weights()["0.weight"])
