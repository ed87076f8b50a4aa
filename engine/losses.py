"""Loss functions: each returns (loss as a float, gradient with respect to the logits)."""

from __future__ import annotations

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    """(N, C) logits -> (N, C) probabilities; rows sum to 1. Shifted by the row maximum, so stable."""
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean over the batch of -log softmax(logits)[label].

    logits (N, C), labels (N,) integers -> (loss, dlogits (N, C)); dlogits = (softmax - onehot) / N.
    """
    n = logits.shape[0]
    labels = np.asarray(labels)
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    s = e.sum(axis=1, keepdims=True)
    rows = np.arange(n)
    loss = float(np.mean(np.log(s[:, 0]) - z[rows, labels]))
    dlogits = e / s
    dlogits[rows, labels] -= 1
    dlogits /= n
    return loss, dlogits


def sigmoid_binary_cross_entropy(logits: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    """Sigmoid outputs x = sigmoid(s) with binary cross-entropy, as in the lecture's appendix.

    E = -sum_i [t_i log x_i + (1 - t_i) log(1 - x_i)], summed over the K outputs, mean over the N rows.
    logits (N, K), targets (N, K) in [0, 1] -> (loss, dlogits); dE/ds_i = x_i - t_i (divided by N).
    Computed from the logits (log(1 + exp(-|s|))), so it never takes the log of 0.
    """
    s = logits
    t = np.asarray(targets, dtype=s.dtype)
    n = s.shape[0]
    # -[t log x + (1-t) log(1-x)] = max(s, 0) - s t + log(1 + exp(-|s|))
    per = np.maximum(s, 0) - s * t + np.log1p(np.exp(-np.abs(s)))
    loss = float(per.sum() / n)
    e = np.exp(-np.abs(s))
    x = np.where(s >= 0, 1 / (1 + e), e / (1 + e)).astype(s.dtype, copy=False)
    return loss, (x - t) / s.dtype.type(n)
