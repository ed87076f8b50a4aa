"""How far a model's confidence can be trusted: reliability bins and the expected calibration error.

A model is calibrated when, of the drawings it gives a top probability near p, a share near p is right.
`calibration(probs, y)` bins the drawings by their top probability and compares, per bin, the mean top
probability (confidence) with the share guessed right (accuracy); the expected calibration error (ECE)
is the mean gap weighted by the share of drawings in each bin (Guo et al., 2017, equal-width bins).
`sure_split(probs, y, threshold)` says how the drawings fare on either side of a "not sure" threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class CalibrationBin:
    low: float  # the bin holds top probabilities in (low, high] (the first bin also holds low itself)
    high: float
    count: int
    confidence: float  # mean top probability of its drawings (NaN when empty)
    accuracy: float  # share of its drawings whose top class is right (NaN when empty)


@dataclass(frozen=True)
class Calibration:
    ece: float  # expected calibration error, 0..1 (0: confidence matches accuracy in every bin)
    bins: tuple[CalibrationBin, ...]
    count: int


@dataclass(frozen=True)
class SureSplit:
    threshold: float
    unsure: int  # drawings whose top probability is below the threshold
    unsure_accuracy: float  # their accuracy (NaN when there are none)
    sure_accuracy: float  # the accuracy of the others (NaN when there are none)


def _top(probs, y) -> tuple[np.ndarray, np.ndarray]:
    p = np.asarray(probs, dtype=np.float64)
    y = np.asarray(y)
    if p.ndim != 2 or len(p) != len(y):
        raise ValueError(f"need probabilities (N, classes) and N labels; got {p.shape} and {y.shape}")
    return p.max(axis=1), (p.argmax(axis=1) == y)


def calibration(probs, y, bins: int = 10) -> Calibration:
    """Reliability bins of equal width over (0, 1] and the ECE for class probabilities `probs` (N, C) of
    drawings whose true class indices are `y` (N,)."""
    if bins < 1:
        raise ValueError("bins must be at least 1")
    conf, right = _top(probs, y)
    n = len(conf)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, bins - 1)
    out, ece = [], 0.0
    for b in range(bins):
        sel = which == b
        k = int(sel.sum())
        c = float(conf[sel].mean()) if k else float("nan")
        a = float(right[sel].mean()) if k else float("nan")
        if k:
            ece += k / n * abs(a - c)
        out.append(CalibrationBin(float(edges[b]), float(edges[b + 1]), k, c, a))
    return Calibration(float(ece) if n else float("nan"), tuple(out), n)


def sure_split(probs, y, threshold: float) -> SureSplit:
    """The drawings below a top probability of `threshold` ("not sure") and above it: how many are below,
    and the accuracy of each side."""
    conf, right = _top(probs, y)
    low = conf < threshold
    return SureSplit(
        float(threshold),
        int(low.sum()),
        float(right[low].mean()) if low.any() else float("nan"),
        float(right[~low].mean()) if (~low).any() else float("nan"),
    )


# Below this top probability the app says "not sure" instead of naming a class as its guess. Measured for
# the default recipe (recipe 4: peak rate 0.007, label smoothing 0.06, the generator of 7 Dec evening) on
# 4,000 real drawings by 28 people (shared/realdata/hds-dev, a model trained on synthetic drawings only,
# seed 0): of the drawings under 0.6 (10 % of them) 53 % were guessed right, of those above it 94 %; under
# 0.8, 26 % of them, 67 % right. (Recipe 3, smoothing 0.08: 11 %, 56 % / 92 %; the recipe before it,
# without label smoothing, was overconfident: under 0.8 were 7 % of the drawings, 48 % right.) README
# Performance.
NOT_SURE_BELOW = 0.6
