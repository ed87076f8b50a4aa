"""Issue 14, defect 3: the probe bars measure learning and do not hang on which drawings were sampled.

On the built-in starter set (2,000 drawings, 460-540 per class): two probes on different stratified samples
(seeds 1 and 2, 1,500 drawings each) agree within 2 points at every layer, the trained network's and the
untrained baseline's alike; a conv block of a network trained for two epochs beats the same block with
random weights; the leave-one-out count with several penalties is the best single penalty's count."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engine import TrainConfig, build_model, rasterize_many, train
from engine.analysis import (
    PROBE_ALPHAS,
    layer_probes,
    probe_features,
    probe_grid,
    ridge_probe,
    stratified_rows,
)
from engine.store import read_ndjson

STARTER = Path(__file__).resolve().parents[2] / "resources" / "starter.ndjson"
CLASSES = ["square", "triangle", "circle", "irregular"]


@pytest.fixture(scope="module")
def starter():
    drawings, problems = read_ndjson(STARTER)
    assert not problems and len(drawings) == 2000
    X = rasterize_many(drawings, 28)
    y = np.array([CLASSES.index(d.label) for d in drawings], np.int64)
    return X, y


@pytest.fixture(scope="module")
def trained(starter):
    X, y = starter
    model = build_model("default", 4, seed=0)
    for _ in train(model, (X, y), TrainConfig(epochs=2, seed=0)):
        pass
    return model


def test_every_layer_gets_the_same_budget_of_numbers():
    assert [probe_grid(s) for s in ((1, 28, 28), (16, 14, 14), (28, 7, 7), (64,))] == [16, 4, 3, 0]
    rng = np.random.default_rng(0)
    maps = rng.normal(size=(5, 16, 14, 14)).astype(np.float32)
    f = probe_features(maps.reshape(5, -1), (16, 14, 14))
    assert f.shape == (5, 256)
    # region (1, 2) of map 3: rows 4..7 (round(3.5)=4 to round(7)=7), columns 7..10 (7 to round(10.5)=10)
    np.testing.assert_allclose(f.reshape(5, 16, 4, 4)[:, 3, 1, 2], maps[:, 3, 4:7, 7:10].mean(axis=(1, 2)),
                               rtol=1e-5)
    assert probe_features(rng.normal(size=(5, 64)), (64,)).shape == (5, 64)


def test_stratified_rows_keep_each_class_share():
    y = np.repeat(np.arange(4), [500, 250, 250, 500])
    rows = stratified_rows(y, 600, seed=3)
    assert len(rows) == 600 and np.bincount(y[rows]).tolist() == [200, 100, 100, 200]
    assert not np.array_equal(rows, stratified_rows(y, 600, seed=4))
    assert np.array_equal(stratified_rows(y, 5000, seed=3), np.arange(1500))


def test_several_penalties_report_the_best_leave_one_out_count():
    rng = np.random.default_rng(1)
    A = rng.normal(size=(90, 20))
    y = rng.integers(0, 3, 90)
    A[:, 0] += y  # a weak signal
    single = [ridge_probe(A, y, 3, alpha=a) for a in PROBE_ALPHAS]
    best = ridge_probe(A, y, 3, alpha=PROBE_ALPHAS)
    assert best.test_accuracy == max(r.test_accuracy for r in single)
    assert best.alpha in PROBE_ALPHAS and best == single[PROBE_ALPHAS.index(best.alpha)]


def test_probe_is_stable_between_samples_and_a_trained_conv_block_beats_its_baseline(starter, trained):
    X, y = starter
    a = layer_probes(trained, X, y, 4, limit=1500, seed=1)
    b = layer_probes(trained, X, y, 4, limit=1500, seed=2)
    assert [p.label for p in a] == ["raw pixels", "after conv block 1", "after conv block 2",
                                    "hidden layer (64)"]
    assert all(p.n == 1500 and p.probe.n_test == 1500 for p in a + b)
    within = 0.02 + 1e-9  # 2 points (30 of 1,500) is within; in floats 0.884667 - 0.864667 > 0.02
    for pa, pb in zip(a, b, strict=True):
        assert abs(pa.probe.test_accuracy - pb.probe.test_accuracy) <= within, pa.label
        if pa.baseline is not None:
            assert abs(pa.baseline - pb.baseline) <= within, pa.label
    # all 2,000 drawings (what the app shows for the starter set): nothing random is left
    full = layer_probes(trained, X, y, 4)
    assert all(p.n == 2000 for p in full) and full[0].baseline is None
    block2, hidden = full[2], full[3]
    assert block2.probe.test_accuracy > block2.baseline + 0.005, (block2.probe.test_accuracy, block2.baseline)
    assert hidden.probe.test_accuracy > hidden.baseline + 0.1
    assert full[1].probe.test_accuracy > full[0].probe.test_accuracy  # conv features beat raw pixels
