"""engine.calibration: reliability bins, the expected calibration error and the "not sure" split, against
values worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.calibration import NOT_SURE_BELOW, calibration, sure_split


def test_ece_of_a_hand_worked_example():
    # four drawings; their top probabilities (the max of each row) are 0.95, 0.95, 0.55 and 0.55, and
    # one of each pair is guessed right
    probs = np.array([[0.95, 0.05], [0.95, 0.05], [0.45, 0.55], [0.45, 0.55]])
    y = np.array([0, 1, 1, 0])
    cal = calibration(probs, y, bins=2)
    assert cal.count == 4
    low, high = cal.bins
    assert (low.count, high.count) == (0, 4)
    assert high.confidence == pytest.approx(0.75) and high.accuracy == pytest.approx(0.5)
    assert cal.ece == pytest.approx(0.25)
    cal10 = calibration(probs, y, bins=10)
    by_high = {round(b.high, 1): b for b in cal10.bins if b.count}
    assert by_high[1.0].count == 2 and by_high[1.0].accuracy == 0.5  # 0.95: one of two right
    assert by_high[0.6].count == 2 and by_high[0.6].accuracy == 0.5  # 0.55: one of two right
    # ECE = 2/4 * |0.5 - 0.95| + 2/4 * |0.5 - 0.55| = 0.225 + 0.025
    assert cal10.ece == pytest.approx(0.25)


def test_a_calibrated_model_has_a_small_ece_and_an_overconfident_one_a_large_one():
    rng = np.random.default_rng(0)
    n = 20000
    conf = rng.uniform(0.5, 1.0, n)
    right = rng.random(n) < conf  # right exactly as often as it says
    y = np.zeros(n, dtype=int)
    probs = np.stack([np.where(right, conf, 1 - conf), np.where(right, 1 - conf, conf)], axis=1)
    assert calibration(probs, y).ece < 0.02
    over = np.stack([np.where(right, 0.99, 0.01), np.where(right, 0.01, 0.99)], axis=1)
    assert calibration(over, y).ece == pytest.approx(0.99 - right.mean(), abs=0.01)


def test_sure_split_counts_and_accuracies():
    probs = np.array([[0.9, 0.1], [0.7, 0.3], [0.6, 0.4], [0.2, 0.8]])
    y = np.array([0, 1, 0, 1])
    s = sure_split(probs, y, 0.8)
    assert (s.unsure, s.unsure_accuracy, s.sure_accuracy) == (2, 0.5, 1.0)
    assert math.isnan(sure_split(probs, y, 0.1).unsure_accuracy)
    assert 0.5 < NOT_SURE_BELOW < 1.0
    with pytest.raises(ValueError):
        calibration(probs, y[:3])
