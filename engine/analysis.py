"""What the network learned, as numbers: representations, linear probes, mistakes, saliency, data health.

NumPy only (no Qt, no printing). Everything returns plain arrays or small frozen records, so the GUI's
analysis worker can run it off the GUI thread and the tests can check values.

- Representations: `representation_layers(model)` names the layers worth looking at (raw pixels, the end
  of every conv block, the hidden dense layer); `layer_outputs(model, X, indices)` collects their outputs
  for a whole dataset in batches; `pca_2d(features)` projects them onto their two main directions (SVD,
  signs fixed so the picture does not flip between runs).
- `linear_probe(features, y)`: a multinomial logistic regression trained on one layer's representation
  with a seeded stratified train/test split; its held-out accuracy says how linearly separable the
  classes are at that layer (the lecture's "multi-layer networks transform the input into a better
  representation"). What the app shows is `layer_probes` / `probe_layer`: every layer summed up by the
  same budget of numbers (`probe_features`), a ridge probe scored by exact leave-one-out (`ridge_probe`),
  and the same layers of untrained networks beside it.
- Mistakes: `confusion_matrix`, `confusion_cells` (which samples sit in each cell) and
  `most_confidently_wrong`.
- Where the network looks: `saliency` (gradient of the predicted class's score, its logit, with respect
  to every input pixel) and `occlusion_map` (how much the predicted class's probability drops when a
  patch of the drawing is hidden).
- `FilterHistory`: copies of the weights and of the current drawing's activations, one entry per epoch.
- Dataset health: `class_counts`, `balance_warnings`, `near_duplicates`, `label_suspects` and
  `dataset_health`, which runs them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .dataset import stratified_split
from .layers import Conv2D, Dense, Dropout, Flatten, layer_from_config
from .losses import softmax
from .model import Activation, Sequential
from .saliency import (  # noqa: F401  (re-exported: engine.analysis names every analysis)
    OcclusionPatches,
    SaliencyMap,
    occlusion_map,
    occlusion_patches,
    saliency,
    saliency_map,
)
from .text import QT_TRANSLATE_NOOP

F32 = np.float32
RAW = -1  # the "layer index" of the raw pixels in representation_layers()

# ---------------------------------------------------------------------------------------------------
# Representations


@dataclass(frozen=True)
class RepresentationLayer:
    """A layer whose output is shown as a representation; index RAW (-1) is the input pixels."""

    index: int
    label: str  # "raw pixels", "after conv block 1", "hidden layer (64)"
    shape: tuple  # output shape without the batch axis


def representation_layers(model: Sequential) -> list[RepresentationLayer]:
    """Raw pixels, the output of each conv block (conv → activation → pool: the block's last layer)
    and the hidden layer (the output just before the last Dense layer), in model order."""
    out = [RepresentationLayer(RAW, "raw pixels", tuple(model.input_shape))]
    info = model.summary()
    layers = model.layers
    block = 0
    i = 0
    while i < len(layers):
        if isinstance(layers[i], Conv2D):
            block += 1
            j = i
            while j + 1 < len(layers) and not isinstance(layers[j + 1], (Conv2D, Dense, Flatten, Dropout)):
                j += 1
            out.append(RepresentationLayer(j, f"after conv block {block}", tuple(info[j].output_shape)))
            i = j + 1
        else:
            i += 1
    dense = [k for k, la in enumerate(layers) if isinstance(la, Dense)]
    if len(dense) >= 2:  # the hidden layer: whatever feeds the last Dense (skipping Dropout)
        k = dense[-1] - 1
        while k >= 0 and isinstance(layers[k], Dropout):
            k -= 1
        if k >= 0 and all(r.index != k for r in out):
            width = int(np.prod(info[k].output_shape))
            out.append(RepresentationLayer(k, f"hidden layer ({width})", tuple(info[k].output_shape)))
    return out


def layer_outputs(model: Sequential, X: np.ndarray, indices: Sequence[int], batch_size: int = 256
                  ) -> dict[int, np.ndarray]:
    """The flattened outputs (N, D) float32 of the layers `indices` for inputs X (N, 1, S, S), batched.

    Index RAW (-1) gives the input pixels themselves. Runs `model.forward` on copies of nothing: it only
    reads the model, but a forward pass writes the layers' caches, so use a model no other thread runs.
    """
    X = np.asarray(X, dtype=F32)
    n = len(X)
    wanted = sorted(set(int(i) for i in indices))
    out: dict[int, list[np.ndarray]] = {i: [] for i in wanted}
    last = max(wanted) if wanted else RAW
    for start in range(0, n, batch_size):
        x = X[start : start + batch_size]
        if RAW in out:
            out[RAW].append(x.reshape(len(x), -1).astype(F32, copy=True))
        h = np.asarray(x, dtype=model.dtype)
        for k, layer in enumerate(model.layers[: last + 1]):
            h = layer.forward(h, False)
            if k in out:
                out[k].append(h.reshape(len(h), -1).astype(F32, copy=True))
    return {i: (np.concatenate(v) if v else np.zeros((0, 0), F32)) for i, v in out.items()}


@dataclass(frozen=True)
class Projection:
    """A 2-D PCA projection: points (N, 2), the two directions (2, D), the mean (D,) and the share of
    the variance each direction explains (2,)."""

    points: np.ndarray
    components: np.ndarray
    mean: np.ndarray
    explained: np.ndarray


EXACT_LIMIT = 300  # up to this many rows or columns: the eigenvectors of the small Gram matrix, exactly


def _top_right_singular(A: np.ndarray, k: int, seed: int = 0, iters: int = 6
                        ) -> tuple[np.ndarray, np.ndarray]:
    """The top-k singular values (k,) and right singular vectors (k, D) of A (N, D).

    Exact (via the eigen-decomposition of the smaller of A Aᵀ and AᵀA, in float64) when min(N, D) is at
    most EXACT_LIMIT; otherwise a seeded randomized SVD (Halko, Martinsson & Tropp 2011: a range finder with
    `iters` power iterations, then the exact SVD of the small projected matrix), which is deterministic and,
    with the power iterations, matches the leading directions to float32 precision on real data.
    """
    n, d = A.shape
    if min(n, d) <= EXACT_LIMIT:
        A64 = A.astype(np.float64)
        if n <= d:
            vals, u = np.linalg.eigh(A64 @ A64.T)
            order = np.argsort(vals)[::-1][:k]
            s = np.sqrt(np.maximum(vals[order], 0.0))
            vt = (u[:, order].T @ A64) / np.where(s > 1e-12, s, 1.0)[:, None]
        else:
            vals, v = np.linalg.eigh(A64.T @ A64)
            order = np.argsort(vals)[::-1][:k]
            s = np.sqrt(np.maximum(vals[order], 0.0))
            vt = v[:, order].T
        return s, vt
    rng = np.random.default_rng(seed)
    p = min(k + 10, n, d)
    Y = A @ rng.standard_normal((d, p)).astype(A.dtype)
    for _ in range(iters):
        Q, _r = np.linalg.qr(Y)
        Z, _r = np.linalg.qr(A.T @ Q)
        Y = A @ Z
    Q, _r = np.linalg.qr(Y.astype(np.float64))
    B = Q.T @ A.astype(np.float64)  # (p, D)
    _u, s, vt = np.linalg.svd(B, full_matrices=False)
    return s[:k], vt[:k]


def pca_2d(features: np.ndarray, fit_rows: np.ndarray | None = None) -> Projection:
    """Project features (N, D) onto their two principal directions: the top right singular vectors of the
    centred data (see `_top_right_singular`).

    Signs are normalised: each direction's largest-magnitude entry is positive, so the same data always
    gives the same picture. `fit_rows` (indices) fits the directions on a subset and projects all rows.
    `explained` is each direction's share of the total variance. Fewer than two rows give zeros.
    """
    A = np.asarray(features, dtype=F32)
    A = A.reshape(len(A), -1)
    n, d = A.shape
    fit = A if fit_rows is None else A[np.asarray(fit_rows, dtype=np.int64)]
    mean = fit.mean(axis=0) if len(fit) else np.zeros(d, F32)
    comps = np.zeros((2, d), F32)
    explained = np.zeros(2, F32)
    if len(fit) >= 2 and d >= 1:
        centred = fit - mean
        s, vt = _top_right_singular(centred, min(2, len(fit), d))
        k = len(s)
        comps[:k] = vt[:k]
        total = float(np.sum(centred.astype(np.float64) ** 2))
        if total > 0:
            explained[:k] = (s[:k] ** 2 / total).astype(F32)
        for r in range(k):
            j = int(np.argmax(np.abs(comps[r])))
            if comps[r, j] < 0:
                comps[r] = -comps[r]
    points = ((A - mean) @ comps.T).astype(F32) if n else np.zeros((0, 2), F32)
    return Projection(points, comps, mean.astype(F32), explained)


# ---------------------------------------------------------------------------------------------------
# Linear probe


@dataclass(frozen=True)
class ProbeResult:
    """A linear classifier trained on one representation: accuracies in 0 … 1 on the training part and on
    the held-out part (the number to show), and how many samples each part had. With cross-validation
    (`folds` > 1) every sample is held out once: `test_accuracy` is the share of all samples classified
    right by the probe that did not train on them, `n_test` is all of them and `n_train` the training
    size of one fold. `dims`: how many numbers per sample the probe saw (after PCA; 0 = all)."""

    train_accuracy: float
    test_accuracy: float
    n_train: int
    n_test: int
    folds: int = 1
    dims: int = 0
    alpha: float = 0.0  # ridge probes: the penalty used (× the mean squared feature norm)


def fit_logistic(X: np.ndarray, y: np.ndarray, num_classes: int, *, steps: int = 150, lr: float = 0.05,
                 l2: float = 1e-3) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch Adam from zero weights: (W (D, C), b (C,)).

    Deterministic (no randomness). X should be standardised.
    """
    X = np.asarray(X, dtype=F32)
    n, d = X.shape
    W = np.zeros((d, num_classes), F32)
    b = np.zeros(num_classes, F32)
    onehot = np.zeros((n, num_classes), F32)
    onehot[np.arange(n), y] = 1.0
    mW, vW = np.zeros_like(W), np.zeros_like(W)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        p = softmax(X @ W + b)
        g = (p - onehot) / F32(max(n, 1))
        gW = X.T @ g + F32(l2) * W
        gb = g.sum(axis=0)
        for param, grad, m, v in ((W, gW, mW, vW), (b, gb, mb, vb)):
            m *= b1
            m += (1 - b1) * grad
            v *= b2
            v += (1 - b2) * grad * grad
            mhat = m / F32(1 - b1**t)
            vhat = v / F32(1 - b2**t)
            param -= F32(lr) * mhat / (np.sqrt(vhat) + F32(eps))
    return W, b


def _stratified_folds(y: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """A fold number (0 … folds-1) per sample: each class shuffled (seeded) and dealt round-robin."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(y), np.int64)
    offset = 0
    for c in np.unique(y):
        idx = np.flatnonzero(y == c)
        rng.shuffle(idx)
        fold[idx] = (np.arange(len(idx)) + offset) % folds
        offset += len(idx)
    return fold


def _fit_and_score(A: np.ndarray, y: np.ndarray, tr: np.ndarray, te: np.ndarray, c: int, steps: int,
                   dims: int) -> tuple[np.ndarray, np.ndarray]:
    """Standardise on `tr`, optionally project onto the `dims` main directions of `tr`, fit, predict."""
    mu = A[tr].mean(axis=0)
    sd = A[tr].std(axis=0)
    sd = np.where(sd > 1e-6, sd, F32(1.0)).astype(F32)
    Z = ((A - mu) / sd).astype(F32)
    if dims and Z.shape[1] > dims:
        k = min(dims, len(tr) - 1)
        _s, vt = _top_right_singular(Z[tr], k)
        Z = (Z @ vt.T.astype(F32)).astype(F32)
        sd2 = Z[tr].std(axis=0)
        Z = Z / np.where(sd2 > 1e-6, sd2, F32(1.0)).astype(F32)
    W, b = fit_logistic(Z[tr], y[tr], c, steps=steps)
    pred = np.argmax(Z @ W + b, axis=1)
    return pred[tr], pred[te]


def linear_probe(features: np.ndarray, y: np.ndarray, num_classes: int | None = None, *,
                 test_fraction: float = 0.3, seed: int = 0, steps: int = 150, folds: int = 1,
                 dims: int = 0) -> ProbeResult:
    """Train a linear classifier (logistic regression) on `features` (N, D) with labels y (N,) and report
    its accuracy on drawings it did not train on.

    folds = 1: one seeded stratified split (`test_fraction` held out). folds > 1: stratified k-fold
    cross-validation, so every sample is tested once (much steadier with a few hundred samples). Features
    are standardised with the training part's mean and standard deviation; with `dims` > 0 they are then
    projected onto the training part's `dims` principal directions (thousands of features and a few
    hundred drawings let a probe learn the drawings by heart, and even random features then "separate"
    them).
    """
    A = np.asarray(features, dtype=F32).reshape(len(features), -1)
    y = np.asarray(y, dtype=np.int64)
    c = int(num_classes if num_classes is not None else (y.max() + 1 if len(y) else 0))
    used_dims = int(min(dims, A.shape[1])) if dims else 0
    if folds > 1:
        fold = _stratified_folds(y, folds, seed)
        right_test = right_train = n_train = 0
        for f in range(folds):
            tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
            if len(te) == 0 or len(tr) == 0 or c < 2:
                continue
            p_tr, p_te = _fit_and_score(A, y, tr, te, c, steps, dims)
            right_test += int(np.sum(p_te == y[te]))
            right_train += int(np.sum(p_tr == y[tr]))
            n_train += len(tr)
        if n_train == 0:
            return ProbeResult(float("nan"), float("nan"), 0, len(y), folds, used_dims)
        return ProbeResult(right_train / n_train, right_test / len(y), n_train // folds, len(y), folds,
                           used_dims)
    tr, te = stratified_split(y.tolist(), test_fraction, seed)
    if len(tr) == 0 or len(te) == 0 or c < 2:
        return ProbeResult(float("nan"), float("nan"), len(tr), len(te), 1, used_dims)
    p_tr, p_te = _fit_and_score(A, y, np.asarray(tr), np.asarray(te), c, steps, dims)
    return ProbeResult(float(np.mean(p_tr == y[tr])), float(np.mean(p_te == y[te])), len(tr), len(te), 1,
                       used_dims)


PROBE_BUDGET = 256  # numbers per drawing a probe sees at every layer (see probe_features)
PROBE_ALPHAS = (1e-3, 1e-2, 1e-1, 1.0, 10.0)  # ridge penalties tried; the best by leave-one-out is used


def probe_grid(shape: Sequence[int], budget: int = PROBE_BUDGET) -> int:
    """The grid g (g × g regions per map) that `probe_features` averages a (C, H, W) output over: the
    largest g ≤ min(H, W) with C · g² ≤ budget (at least 1). 0 for an output that is not a stack of maps
    (it is used as it is)."""
    if len(shape) != 3:
        return 0
    c, h, w = (int(v) for v in shape)
    g = max(1, int(np.floor(np.sqrt(budget / max(c, 1)))))
    return min(g, h, w)


def probe_features(features: np.ndarray, shape: Sequence[int], budget: int = PROBE_BUDGET) -> np.ndarray:
    """A layer's flattened outputs (N, prod(shape)) summarised by at most about `budget` numbers each, so
    every layer's probe gets the same budget and a few hundred drawings cannot be learned by heart: each
    of the C maps (C, H, W) is averaged over a g × g grid of regions (`probe_grid`; uneven regions when g
    does not divide H). Raw 28 × 28 pixels -> 16 × 16 = 256; 16 maps of 14 × 14 -> 16 × 4 × 4 = 256;
    28 maps of 7 × 7 -> 28 × 3 × 3 = 252. Vectors (a dense layer's output) are returned as they are.
    -> (N, C · g²) float32. A fixed average of the layer's numbers: a straight cut on these is also a
    straight cut on the layer itself."""
    A = np.asarray(features, dtype=F32)
    g = probe_grid(shape, budget)
    if g == 0:
        return A.reshape(len(A), -1)
    c, h, w = (int(v) for v in shape)
    if g == h and g == w:
        return A.reshape(len(A), -1)
    maps = A.reshape(len(A), c, h, w)
    eh = np.linspace(0, h, g + 1).round().astype(int)
    ew = np.linspace(0, w, g + 1).round().astype(int)
    out = np.empty((len(A), c, g, g), F32)
    for i in range(g):
        for j in range(g):
            out[:, :, i, j] = maps[:, :, eh[i]:eh[i + 1], ew[j]:ew[j + 1]].mean(axis=(2, 3))
    return out.reshape(len(A), -1)


def stratified_rows(y: np.ndarray, limit: int, seed: int = 0) -> np.ndarray:
    """At most `limit` row indices (sorted int64), each class keeping its share (rounded), drawn at random
    from `seed`; every row when there are no more than `limit`."""
    y = np.asarray(y, dtype=np.int64)
    n = len(y)
    if n <= limit:
        return np.arange(n)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(y, return_counts=True)
    take = np.floor(counts * limit / n).astype(np.int64)
    rest = np.argsort(-(counts * limit / n - take), kind="stable")[: limit - int(take.sum())]
    take[rest] += 1
    picks = [rng.choice(np.flatnonzero(y == c), size=int(k), replace=False)
             for c, k in zip(classes, take, strict=True)]
    return np.sort(np.concatenate(picks)).astype(np.int64)


def ridge_probe(features: np.ndarray, y: np.ndarray, num_classes: int | None = None, *,
                alpha: float | Sequence[float] = 1.0) -> ProbeResult:
    """A linear probe whose number does not depend on a random split: a ridge-regression classifier
    (least squares onto the one-hot classes, penalty alpha × the mean squared feature norm) scored by
    exact leave-one-out — each sample is classified by the probe fitted on all the others, computed in
    closed form from the hat matrix H (loo = (f − h·t) / (1 − h)). Features are standardised over all
    samples (no labels involved). `alpha` may be several penalties: each is scored by leave-one-out and
    the best one's accuracy is reported (`alpha` of the result). float64; one eigen-decomposition of the
    smaller of ZᵀZ and ZZᵀ, then O(N · min(N, D)) per penalty.

    -> ProbeResult(train accuracy, leave-one-out accuracy, N − 1, N, folds=N, dims=D, alpha).
    """
    A = np.asarray(features, dtype=np.float64).reshape(len(features), -1)
    y = np.asarray(y, dtype=np.int64)
    n, d = A.shape
    c = int(num_classes if num_classes is not None else (y.max() + 1 if len(y) else 0))
    alphas = (float(alpha),) if np.ndim(alpha) == 0 else tuple(float(a) for a in alpha)
    if n < 3 or c < 2 or len(np.unique(y)) < 2:
        return ProbeResult(float("nan"), float("nan"), max(n - 1, 0), n, n, d, alphas[0])
    sd = A.std(axis=0)
    Z = (A - A.mean(axis=0)) / np.where(sd > 1e-6, sd, 1.0)
    T = np.eye(c)[y] - 1.0 / c
    if n <= d:  # kernel form: H = U diag(l / (l + lam)) Uᵀ with K = Z Zᵀ = U diag(l) Uᵀ
        lam_k, Q = np.linalg.eigh(Z @ Z.T)
    else:  # primal form: H = (Z V) diag(1 / (l + lam)) (Z V)ᵀ with ZᵀZ = V diag(l) Vᵀ
        lam_k, V = np.linalg.eigh(Z.T @ Z)
        Q = Z @ V
    lam_k = np.maximum(lam_k, 0.0)
    scale = max(float(lam_k.sum()) / n, 1e-12)  # the mean squared feature norm, trace / n
    QT = Q.T @ T
    best = None
    for a in alphas:
        lam = a * scale
        w = lam_k / (lam_k + lam) if n <= d else 1.0 / (lam_k + lam)
        F = (Q * w) @ QT
        h = np.clip(np.einsum("ij,ij->i", Q * w, Q), 0.0, 1.0 - 1e-9)[:, None]
        loo = (F - h * T) / (1.0 - h)
        result = ProbeResult(float(np.mean(F.argmax(1) == y)), float(np.mean(loo.argmax(1) == y)), n - 1,
                             n, n, d, a)
        if best is None or result.test_accuracy > best.test_accuracy:
            best = result
    return best


def probe_layer(features: np.ndarray, shape: Sequence[int], y: np.ndarray, num_classes: int,
                budget: int = PROBE_BUDGET) -> ProbeResult:
    """The probe the app shows for one layer: `ridge_probe` with the penalties PROBE_ALPHAS on the
    layer's outputs (N, prod(shape)) summarised by `probe_features`."""
    return ridge_probe(probe_features(features, shape, budget), y, num_classes, alpha=PROBE_ALPHAS)


@dataclass(frozen=True)
class LayerProbe:
    """What the probe bars show for one layer: the probe of this network's layer, the mean leave-one-out
    accuracy of the same layer in `len(baseline_seeds)` untrained networks (None: not asked for, or raw
    pixels), how many drawings (`n`) and numbers per drawing (`dims`) it used, and the grid of regions
    each map was averaged over (0: a vector used as it is)."""

    label: str
    probe: ProbeResult
    baseline: float | None
    n: int
    dims: int
    grid: int


def layer_probes(model: Sequential, X: np.ndarray, y: np.ndarray, num_classes: int, *,
                 limit: int = 2000, seed: int = 0, baseline_seeds: Sequence[int] = (1, 2, 3),
                 include_raw: bool = True, budget: int = PROBE_BUDGET) -> list[LayerProbe]:
    """The linear probe of every representation layer of `model` (raw pixels first when `include_raw`)
    on at most `limit` drawings (a stratified sample drawn from `seed` when there are more; all of them
    otherwise, and then nothing is random), each layer summarised by `probe_features`, ridge penalties
    PROBE_ALPHAS, scored by exact leave-one-out; beside each conv or dense layer the mean probe of the
    same layer in untrained networks (`untrained_like(model, s)` for s in baseline_seeds; none when the
    tuple is empty). Runs forward passes: use a model no other thread runs."""
    y = np.asarray(y, dtype=np.int64)
    rows = stratified_rows(y, limit, seed)
    Xs, ys = np.asarray(X)[rows], y[rows]
    layers = [la for la in representation_layers(model) if include_raw or la.index != RAW]

    def probes(net: Sequential, which: list[RepresentationLayer]) -> dict[int, ProbeResult]:
        outs = layer_outputs(net, Xs, [la.index for la in which]) if len(rows) else {}
        return {la.index: probe_layer(outs[la.index], la.shape, ys, num_classes, budget) if len(rows) else
                ProbeResult(float("nan"), float("nan"), 0, 0, 0, 0) for la in which}

    mine = probes(model, layers)
    learned = [la for la in layers if la.index != RAW]
    bases: dict[int, list[float]] = {la.index: [] for la in layers}
    for s in baseline_seeds:
        for k, r in probes(untrained_like(model, int(s)), learned).items():
            bases[k].append(r.test_accuracy)
    out = []
    for la in layers:
        base = None if la.index == RAW or not bases[la.index] else float(np.mean(bases[la.index]))
        out.append(LayerProbe(la.label, mine[la.index], base, int(len(rows)), mine[la.index].dims,
                              probe_grid(la.shape, budget)))
    return out


def untrained_like(model: Sequential, seed: int = 0) -> Sequential:
    """A model with the same layers as `model` and fresh random (He-initialised, seeded) weights: the
    untrained baseline a probe of the trained model is compared with."""
    rng = np.random.default_rng(seed)
    layers = [layer_from_config(cfg, rng) for cfg in model.config()]
    return Sequential(layers, input_shape=model.input_shape).astype(model.dtype)


# ---------------------------------------------------------------------------------------------------
# Mistakes


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> np.ndarray:
    """(C, C) int64 counts: row = true class, column = predicted class."""
    m = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(m, (np.asarray(y_true, np.int64), np.asarray(y_pred, np.int64)), 1)
    return m


def confusion_cells(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int,
                    indices: np.ndarray | None = None) -> list[list[np.ndarray]]:
    """cells[t][p]: the sample indices (sorted int64) with true class t predicted as p.

    `indices` maps sample positions to the caller's numbering (e.g. positions in the whole dataset).
    """
    y_true = np.asarray(y_true, np.int64)
    y_pred = np.asarray(y_pred, np.int64)
    ids = np.arange(len(y_true)) if indices is None else np.asarray(indices, np.int64)
    return [[np.sort(ids[(y_true == t) & (y_pred == p)]) for p in range(num_classes)]
            for t in range(num_classes)]


@dataclass(frozen=True)
class Mistake:
    """A wrongly classified sample: its index, true and predicted class, and the predicted probability."""

    index: int
    true: int
    predicted: int
    confidence: float


def most_confidently_wrong(probs: np.ndarray, y_true: np.ndarray, k: int = 10,
                           indices: np.ndarray | None = None) -> list[Mistake]:
    """The (at most k) wrong predictions with the highest probability for the wrong class, surest first."""
    probs = np.asarray(probs)
    y_true = np.asarray(y_true, np.int64)
    ids = np.arange(len(y_true)) if indices is None else np.asarray(indices, np.int64)
    pred = np.argmax(probs, axis=1) if len(probs) else np.zeros(0, np.int64)
    wrong = np.flatnonzero(pred != y_true)
    conf = probs[wrong, pred[wrong]] if len(wrong) else np.zeros(0)
    order = wrong[np.argsort(-conf, kind="stable")][:k]
    return [Mistake(int(ids[i]), int(y_true[i]), int(pred[i]), float(probs[i, pred[i]])) for i in order]


# ---------------------------------------------------------------------------------------------------
# Filter history


class FilterHistory:
    """What the network looked like at the end of each epoch: copies of its weights and of the current
    drawing's activations (or None). Entries are in recording order; `epochs[i]` is entry i's epoch
    (0-based, as in TrainRecord). Recording an epoch number again replaces that entry's data only if it
    is the last one (a new run starts a new sequence)."""

    def __init__(self, limit: int = 500):
        self.limit = int(limit)
        self.epochs: list[int] = []
        self._weights: list[dict[str, np.ndarray]] = []
        self._activations: list[list[Activation] | None] = []

    def __len__(self) -> int:
        return len(self.epochs)

    def record(self, epoch: int, weights: dict[str, np.ndarray],
               activations: Sequence[Activation] | None = None) -> int:
        """Keep copies; returns the entry's position. Beyond `limit` entries the oldest is dropped."""
        w = {k: np.array(v, copy=True) for k, v in weights.items()}
        a = None if activations is None else [
            Activation(x.index, x.name, tuple(x.shape), np.array(x.data, copy=True)) for x in activations
        ]
        self.epochs.append(int(epoch))
        self._weights.append(w)
        self._activations.append(a)
        if len(self.epochs) > self.limit:
            del self.epochs[0], self._weights[0], self._activations[0]
        return len(self.epochs) - 1

    def weights_at(self, i: int) -> dict[str, np.ndarray]:
        return {k: v.copy() for k, v in self._weights[i].items()}

    def activations_at(self, i: int) -> list[Activation] | None:
        return self._activations[i]

    def set_activations(self, i: int, activations: Sequence[Activation] | None) -> None:
        """Replace entry i's activations (the drawing changed: recomputed from entry i's weights)."""
        self._activations[i] = None if activations is None else list(activations)

    def clear(self) -> None:
        self.epochs.clear()
        self._weights.clear()
        self._activations.clear()


# ---------------------------------------------------------------------------------------------------
# Dataset health


def class_counts(labels: Sequence[str], classes: Sequence[str]) -> dict[str, int]:
    """Drawings per class, in `classes` order (classes with none count 0; unknown labels are added)."""
    counts = {c: 0 for c in classes}
    for lab in labels:
        counts[lab] = counts.get(lab, 0) + 1
    return counts


def balance_warnings(counts: dict[str, int], *, min_per_class: int = 10, imbalance_ratio: float = 3.0
                     ) -> list[str]:
    """Plain-words warnings: a class with fewer than `min_per_class` drawings, and classes so unequal that
    the largest has more than `imbalance_ratio` times the smallest (non-empty) one."""
    out = []
    for c, n in counts.items():
        if n < min_per_class:
            out.append(QT_TRANSLATE_NOOP(
                "DataHealth",
                "Too few: “{label}” has {n} drawing{s} (at least {least} per class help the network "
                "learn it)."
            ).format(label=c, n=n, s="" if n == 1 else "s", least=min_per_class))
    nonzero = {c: n for c, n in counts.items() if n > 0}
    if len(nonzero) >= 2:
        big = max(nonzero, key=nonzero.get)
        small = min(nonzero, key=nonzero.get)
        if nonzero[big] > imbalance_ratio * nonzero[small]:
            out.append(QT_TRANSLATE_NOOP(
                "DataHealth",
                "Imbalance: “{big}” has {n_big} drawings but “{small}” only {n_small} ({ratio:.1f}×); the "
                "network may favour “{big}”. Draw more “{small}” shapes."
            ).format(big=big, n_big=nonzero[big], small=small, n_small=nonzero[small],
                     ratio=nonzero[big] / nonzero[small]))
    return out


def _downsample(X: np.ndarray, factor: int) -> np.ndarray:
    X = np.asarray(X, dtype=F32).reshape(len(X), *np.shape(X)[-2:])
    n, h, w = X.shape
    h2, w2 = h // factor, w // factor
    return X[:, : h2 * factor, : w2 * factor].reshape(n, h2, factor, w2, factor).mean(axis=(2, 4))


def near_duplicates(X: np.ndarray, threshold: float = 0.99, factor: int = 1, limit: int = 200,
                    block: int = 512) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity), i < j, whose rasters X (N, 1, S, S) (averaged over factor×factor blocks
    when factor > 1) have a cosine similarity ≥ threshold; most similar first, at most `limit`. Blank
    rasters are never duplicates. At 28×28 and 0.99, independently drawn circles rarely pass (they
    reach ~0.97–0.99), a drawing added twice always does (1.0)."""
    V = _downsample(X, factor).reshape(len(X), -1)
    norms = np.linalg.norm(V, axis=1)
    ok = norms > 1e-6
    V = np.where(ok[:, None], V / np.maximum(norms, 1e-6)[:, None], 0).astype(F32)
    pairs: list[tuple[int, int, float]] = []
    n = len(V)
    for s in range(0, n, block):
        sim = V[s : s + block] @ V.T  # (b, N)
        rows, cols = np.nonzero(sim >= F32(threshold))
        keep = cols > rows + s
        for r, c in zip(rows[keep], cols[keep], strict=True):
            pairs.append((int(r + s), int(c), float(sim[r, c])))
    pairs.sort(key=lambda p: (-p[2], p[0], p[1]))
    return pairs[:limit]


@dataclass(frozen=True)
class LabelSuspect:
    """A drawing whose label a confident model disagrees with."""

    index: int
    label: str
    predicted: str
    confidence: float


def label_suspects(probs: np.ndarray, y: np.ndarray, classes: Sequence[str], confidence: float = 0.9,
                   indices: np.ndarray | None = None, limit: int = 50) -> list[LabelSuspect]:
    """Drawings the model puts in another class with probability ≥ `confidence`, surest first."""
    wrong = most_confidently_wrong(probs, y, k=len(y), indices=indices)
    return [LabelSuspect(m.index, classes[m.true], classes[m.predicted], m.confidence)
            for m in wrong if m.confidence >= confidence][:limit]


@dataclass(frozen=True)
class HealthReport:
    counts: dict
    warnings: list
    duplicates: list  # (i, j, similarity)
    suspects: list = field(default_factory=list)  # LabelSuspect


def dataset_health(labels: Sequence[str], X: np.ndarray, classes: Sequence[str], *,
                   probs: np.ndarray | None = None, min_per_class: int = 10, imbalance_ratio: float = 3.0,
                   duplicate_threshold: float = 0.99, confidence: float = 0.9) -> HealthReport:
    """Counts, warnings, near-duplicate pairs and (given the model's probabilities (N, C) for every
    drawing) the drawings whose label a confident model disagrees with."""
    counts = class_counts(labels, classes)
    warnings = balance_warnings(counts, min_per_class=min_per_class, imbalance_ratio=imbalance_ratio)
    dups = near_duplicates(X, duplicate_threshold) if len(X) else []
    suspects: list[LabelSuspect] = []
    if probs is not None and len(labels):
        index = {c: i for i, c in enumerate(classes)}
        known = np.array([lab in index for lab in labels])
        ids = np.flatnonzero(known)
        y = np.array([index[labels[i]] for i in ids], dtype=np.int64)
        suspects = label_suspects(np.asarray(probs)[ids], y, list(classes), confidence, indices=ids)
    return HealthReport(counts, warnings, dups, suspects)


__all__ = [
    "RAW", "RepresentationLayer", "representation_layers", "layer_outputs", "Projection", "pca_2d",
    "ProbeResult", "fit_logistic", "linear_probe", "ridge_probe", "untrained_like",
    "confusion_matrix", "confusion_cells", "Mistake", "most_confidently_wrong",
    "saliency", "saliency_map", "SaliencyMap", "occlusion_map", "occlusion_patches", "OcclusionPatches",
    "FilterHistory",
    "class_counts", "balance_warnings", "near_duplicates", "LabelSuspect", "label_suspects",
    "HealthReport", "dataset_health",
]
