"""engine/lessons/depth.py: the "Then, how deep?" comparison."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from engine import Cancelled, build_model
from engine.dataset import class_list, to_arrays
from engine.lessons import depth_model, depth_study
from engine.synth import generate_drawings


def test_depth_models_are_the_default_cnn_and_its_shallower_versions():
    two = depth_model(2, 4)
    assert two.config() == build_model("default", 4).config() and two.num_parameters() == 92_352
    assert [la["type"] for la in depth_model(0, 4).config()] == ["flatten", "linear", "relu", "linear"]
    assert depth_model(0, 4).num_parameters() == 784 * 64 + 64 + 64 * 4 + 4
    assert depth_model(1, 4).num_parameters() == 160 + 16 * 14 * 14 * 64 + 64 + 260


def test_depth_study_same_budget_each_network_and_probes_per_layer():
    drawings = generate_drawings(16, seed=3)
    classes = class_list(drawings)
    X, y = to_arrays(drawings, classes)
    seen = []
    results = depth_study(X, y, len(classes), steps=12, batch_size=16, report=seen.append)
    assert [r.blocks for r in results] == [0, 1, 2]
    assert [[p.label for p in r.probes] for r in results] == [
        ["raw pixels", "hidden layer (64)"],
        ["raw pixels", "after conv block 1", "hidden layer (64)"],
        ["raw pixels", "after conv block 1", "after conv block 2", "hidden layer (64)"]]
    # the same budget: every network reported the same last step
    last = {p.blocks: p.step for p in seen}
    assert len(set(last.values())) == 1 and all(p.steps == seen[-1].steps for p in seen)
    assert all(0 <= r.val_accuracy <= 1 and r.parameters > 0 for r in results)
    # raw pixels are the same drawings for every network: the same probe number
    assert len({r.probes[0].probe.test_accuracy for r in results}) == 1
    again = depth_study(X, y, len(classes), steps=12, batch_size=16)
    assert [r.val_accuracy for r in again] == [r.val_accuracy for r in results]  # seeded: repeatable
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        depth_study(X, y, len(classes), steps=12, should_stop=stop.is_set)
    assert np.isfinite([r.train_accuracy for r in results]).all()
