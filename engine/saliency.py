"""Where the network looks: the gradient of a class score with respect to the input pixels (saliency,
with max-pool ties shared equally and blank-paper pixels left at 0), and how much hiding each patch
lowers the confidence (occlusion). Part of engine.analysis, which re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .layers import MaxPool2D
from .model import Sequential

F32 = np.float32

# ---------------------------------------------------------------------------------------------------
# Where the network looks


def _maxpool_backward_split(layer: MaxPool2D, x: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """The max-pool's backward with each window's gradient shared equally by all its maxima (the limit
    of a smooth maximum's gradient), instead of given to the first one. x (N, C, H, W) is the layer's
    input, dy its output's gradient."""
    k, st = layer.kernel_size, layer.stride
    ho, wo = dy.shape[2], dy.shape[3]
    cuts = [(a, b, (slice(None), slice(None), slice(a, a + st * (ho - 1) + 1, st),
                    slice(b, b + st * (wo - 1) + 1, st))) for a in range(k) for b in range(k)]
    views = [x[c] for _a, _b, c in cuts]
    y = np.max(np.stack(views), axis=0)
    masks = [v == y for v in views]
    share = dy / np.maximum(sum(m.astype(dy.dtype) for m in masks), 1)
    dx = np.zeros(x.shape, dy.dtype)
    for (_a, _b, c), m in zip(cuts, masks, strict=True):
        dx[c] += np.where(m, share, 0)
    return dx


def _input_gradient(model: Sequential, xb: np.ndarray, target: int | None, split_ties: bool
                    ) -> tuple[np.ndarray, int]:
    """d logit[target] / d input for one batch row, layer by layer (max-pool ties split or first)."""
    inputs = []
    h = xb
    for layer in model.layers:
        inputs.append(h)
        h = layer.forward(h, False)
    t = int(np.argmax(h[0])) if target is None else int(target)
    g = np.zeros_like(h)
    g[0, t] = 1
    for layer, x_in in zip(reversed(model.layers), reversed(inputs), strict=True):
        if split_ties and isinstance(layer, MaxPool2D):
            g = _maxpool_backward_split(layer, x_in, g)
        else:
            g = layer.backward(g)
    return np.asarray(g[0, 0]), t


@dataclass(frozen=True)
class SaliencyMap:
    """The gradient of class `target`'s score (its logit) per input pixel, (S, S), with max-pool ties
    shared equally; `tie_dependent` (S, S) bool marks the pixels whose gradient changes when ties go to
    the first maximum instead (a tie has no gradient of its own: on blank paper every pooling window
    holds equal values); `shown` is the gradient with tie-dependent pixels off the drawing set to 0 (what
    the panel shows), `hidden` how many pixels that leaves out."""

    gradient: np.ndarray
    tie_dependent: np.ndarray
    shown: np.ndarray
    hidden: int
    target: int


def saliency(model: Sequential, x: np.ndarray, target: int | None = None, *, ties: str = "split"
             ) -> tuple[np.ndarray, int]:
    """The gradient of class `target`'s score (its logit, before softmax) with respect to every input
    pixel, for one input x (S, S) or (1, S, S): -> (gradient (S, S) in the model's dtype, target).

    `target` defaults to the predicted class. At a max-pool window whose maxima tie (blank paper) the
    gradient is shared equally by the tied values (`ties="split"`) or given to the first one, as the
    model's own backward does (`ties="first"`). Computed on a copy of the model (the caller's model and
    its gradients are not touched).
    """
    m = model.copy()
    xb = np.asarray(x, dtype=m.dtype).reshape(1, *m.input_shape)
    return _input_gradient(m, xb, target, ties == "split")


def saliency_map(model: Sequential, x: np.ndarray, target: int | None = None) -> SaliencyMap:
    """The saliency of `saliency` with its max-pool ties found: the pixels whose gradient depends on how
    ties are broken (split versus first) are tie-dependent; those not on or next to the ink (more than
    one pixel from it) are left out of `shown` — on blank paper the network's pooling windows hold equal
    values, and their "gradient" is an artefact of the tie-break."""
    m = model.copy()
    xb = np.asarray(x, dtype=m.dtype).reshape(1, *m.input_shape)
    split, t = _input_gradient(m, xb, target, True)
    first, _t = _input_gradient(m, xb, t, False)
    scale = float(max(np.abs(split).max(), np.abs(first).max(), 1e-30))
    ties = np.abs(split - first) > 1e-4 * scale
    ink = xb[0, 0] > 0
    near = ink.copy()  # the ink and the pixels next to it
    near[1:] |= ink[:-1]
    near[:-1] |= ink[1:]
    near[:, 1:] |= near[:, :-1].copy()
    near[:, :-1] |= near[:, 1:].copy()
    hide = ties & ~near
    shown = np.where(hide, 0, split).astype(split.dtype)
    return SaliencyMap(split, ties, shown, int(hide.sum()), t)


@dataclass(frozen=True)
class OcclusionPatches:
    """One occlusion run: each hidden patch's top-left corner `boxes` (P, 2) (row, column), the drop in
    class `target`'s probability when it is hidden `drops` (P,), the probability with nothing hidden,
    and the patch size."""

    boxes: np.ndarray
    drops: np.ndarray
    target: int
    probability: float
    patch: int

    @property
    def largest(self) -> tuple[float, tuple[int, int]]:
        """(the largest single-patch drop, that patch's top-left (row, column))."""
        k = int(np.argmax(self.drops))
        return float(self.drops[k]), (int(self.boxes[k, 0]), int(self.boxes[k, 1]))

    def average_map(self, shape: tuple[int, int]) -> np.ndarray:
        """(S, S) float32: per pixel, the mean drop of every patch covering it (0 where none does)."""
        total = np.zeros(shape, np.float64)
        count = np.zeros(shape, np.float64)
        p = self.patch
        for (r, c), d in zip(self.boxes, self.drops, strict=True):
            total[r : r + p, c : c + p] += float(d)
            count[r : r + p, c : c + p] += 1
        return np.where(count > 0, total / np.maximum(count, 1), 0.0).astype(F32)


def occlusion_patches(model: Sequential, x: np.ndarray, patch: int = 6, stride: int = 2,
                      target: int | None = None, fill: float = 0.0) -> OcclusionPatches:
    """Hide every patch×patch square of the input (a grid with this stride, the last row and column
    flush with the edge) by setting it to `fill` (0 = blank paper), and measure how much the probability
    of class `target` (default: the predicted one) drops. All occluded copies go in one batch."""
    img = np.asarray(x, dtype=F32).reshape(model.input_shape[-2:])
    h, w = img.shape
    p0 = model.predict_proba(img)[0]
    t = int(np.argmax(p0)) if target is None else int(target)
    ys = list(range(0, max(h - patch, 0) + 1, stride))
    xs = list(range(0, max(w - patch, 0) + 1, stride))
    if ys[-1] != max(h - patch, 0):
        ys.append(max(h - patch, 0))
    if xs[-1] != max(w - patch, 0):
        xs.append(max(w - patch, 0))
    batch = np.repeat(img[None], len(ys) * len(xs), axis=0)
    boxes = []
    for r in ys:
        for c in xs:
            batch[len(boxes), r : r + patch, c : c + patch] = fill
            boxes.append((r, c))
    probs = model.predict_proba(batch[:, None])[:, t]
    drops = (float(p0[t]) - probs.astype(np.float64)).astype(F32)
    return OcclusionPatches(np.asarray(boxes, np.int64), drops, t, float(p0[t]), int(patch))


def occlusion_map(model: Sequential, x: np.ndarray, patch: int = 6, stride: int = 2,
                  target: int | None = None, fill: float = 0.0) -> tuple[np.ndarray, int, float]:
    """How much the probability of class `target` (default: the predicted one) drops when a patch×patch
    square of the input is set to `fill` (0 = blank paper), averaged over every patch covering a pixel.

    -> (drop map (S, S) float32, target, probability with nothing hidden). Positive = hiding that part
    lowers the network's confidence (the network relies on it); negative = hiding it raises confidence.
    The map's maximum is an average of overlapping patches: the largest drop of one single patch is
    `occlusion_patches(...).largest`.
    """
    occ = occlusion_patches(model, x, patch, stride, target, fill)
    return occ.average_map(tuple(model.input_shape[-2:])), occ.target, occ.probability
