"""Loss functions: each returns (loss as a float, gradient with respect to the logits)."""

from __future__ import annotations

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    """(N, C) logits -> (N, C) probabilities; rows sum to 1. Shifted by the row maximum, so stable."""
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_cross_entropy(
    logits: np.ndarray, labels: np.ndarray, smoothing: float = 0.0
) -> tuple[float, np.ndarray]:
    """Mean over the batch of -log softmax(logits)[label], or with label smoothing e > 0 the cross-entropy
    against the target (1 - e) x onehot + e / C (every class gets e / C, the label the rest).

    logits (N, C), labels (N,) integers -> (loss, dlogits (N, C)); dlogits = (softmax - target) / N.
    """
    n, c = logits.shape
    labels = np.asarray(labels)
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    s = e.sum(axis=1, keepdims=True)
    rows = np.arange(n)
    logs = np.log(s[:, 0])
    loss = float(np.mean(logs - z[rows, labels]))
    dlogits = e / s
    if smoothing:
        # -sum_k t_k log p_k = (1 - e) (log s - z_label) + e / C sum_k (log s - z_k)
        loss = (1 - smoothing) * loss + smoothing * float(np.mean(logs - z.mean(axis=1)))
        dlogits -= dlogits.dtype.type(smoothing / c)
        dlogits[rows, labels] -= dlogits.dtype.type(1 - smoothing)
    else:
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
