"""Stroke-level augmentation: small random changes to a drawing before it is rasterized.

Rotation, independent x/y scaling (aspect change), shear, translation, a smooth jitter of the pen path
and a pen-thickness factor (stored in `extra["shapelab_thickness"]`, which `rasterize` honours). None of
these changes what a shape is under the lecture's corner logic: a square keeps four corners.

`augment_drawing` changes one Drawing; `augment_batch` changes every drawing of a `StrokeBatch` at once
(the same random changes, drawn from the same distributions, in a few vectorised passes: what training
uses each epoch).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .drawing import Drawing
from .raster import THICKNESS_KEY, StrokeBatch, _ragged_arange


@dataclass(frozen=True)
class AugmentConfig:
    """Ranges of the random changes (angles in degrees)."""

    rotation: float = 12.0  # uniform in +-rotation
    scale: float = 0.2  # log-normal sigma of the x and y scale factors (independently)
    shear: float = 0.15  # uniform in +-shear
    translate: float = 0.1  # uniform in +-translate x the drawing's size
    jitter: float = 0.012  # smooth displacement, fraction of the drawing's size
    thickness: tuple[float, float] = (0.75, 1.35)  # pen width factor range


DEFAULT_AUGMENT = AugmentConfig()


def _smooth_jitter(n: int, rng: np.random.Generator, amp: float) -> np.ndarray:
    """(n, 2) smooth random displacement: a few low-frequency waves of random phase."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    out = np.zeros((n, 2))
    for _ in range(2):
        f = rng.uniform(0.5, 3.0, size=2)
        out += rng.normal(0, 1, size=2) * np.sin(2 * np.pi * (f * t + rng.uniform(size=2)))
    return out * (amp / 1.4)


def augment_drawing(
    drawing: Drawing, rng: np.random.Generator, config: AugmentConfig = DEFAULT_AUGMENT
) -> Drawing:
    """A randomly changed copy of `drawing` (same label, extra kept, thickness factor set)."""
    pts = np.concatenate([s[:, :2] for s in drawing.strokes])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    centre = (lo + hi) / 2
    size = float((hi - lo).max()) or 1.0
    a = np.radians(rng.uniform(-config.rotation, config.rotation))
    sx, sy = np.exp(rng.normal(0, config.scale, size=2))
    sh = rng.uniform(-config.shear, config.shear)
    c, s = np.cos(a), np.sin(a)
    # row vectors: p' = p @ M ; scale, then shear, then rotate
    m = np.array([[sx, 0.0], [0.0, sy]]) @ np.array([[1.0, 0.0], [sh, 1.0]]) @ np.array([[c, s], [-s, c]])
    shift = rng.uniform(-config.translate, config.translate, size=2) * size
    strokes = []
    for st in drawing.strokes:
        p = (st[:, :2] - centre) @ m + centre + shift
        if config.jitter > 0 and len(p) > 2:
            p = p + _smooth_jitter(len(p), rng, config.jitter * size)
        strokes.append(np.column_stack([p, st[:, 2:]]) if st.shape[1] == 3 else p)
    extra = dict(drawing.extra)
    extra[THICKNESS_KEY] = round(float(rng.uniform(*config.thickness)), 3)
    return Drawing(tuple(strokes), drawing.label, extra)


def augmented_versions(
    drawing: Drawing, n: int, seed: int = 0, config: AugmentConfig = DEFAULT_AUGMENT
) -> list[Drawing]:
    """`n` augmented versions of one drawing, the same for the same seed (for the GUI's preview)."""
    rng = np.random.default_rng(seed)
    return [augment_drawing(drawing, rng, config) for _ in range(n)]


def augment_batch(
    batch: StrokeBatch, rng: np.random.Generator, config: AugmentConfig = DEFAULT_AUGMENT
) -> StrokeBatch:
    """Every drawing of `batch` randomly changed as `augment_drawing` would (the same distributions for
    rotation, scales, shear, shift, smooth jitter and thickness; other random numbers, drawn for all
    drawings at once), as a new StrokeBatch with the same strokes. The same rng state gives the same result.
    """
    n = len(batch)
    pts = batch.points
    owner = batch.point_drawing()
    starts = batch.stroke_offsets[batch.drawing_offsets[:-1]]
    lo = np.minimum.reduceat(pts, starts) if n else np.zeros((0, 2))
    hi = np.maximum.reduceat(pts, starts) if n else np.zeros((0, 2))
    centre = (lo + hi) / 2
    size = (hi - lo).max(axis=1)
    size = np.where(size > 0, size, 1.0)
    a = np.radians(rng.uniform(-config.rotation, config.rotation, size=n))
    sx, sy = np.exp(rng.normal(0, config.scale, size=(2, n)))
    sh = rng.uniform(-config.shear, config.shear, size=n)
    c, s = np.cos(a), np.sin(a)
    # row vectors: p' = p @ M with M = scale @ shear @ rotation, as in augment_drawing
    m00, m01 = sx * c, sx * s
    m10, m11 = sy * (sh * c - s), sy * (sh * s + c)
    shift = rng.uniform(-config.translate, config.translate, size=(n, 2)) * size[:, None]
    d = pts - centre[owner]
    x = d[:, 0] * m00[owner] + d[:, 1] * m10[owner]
    y = d[:, 0] * m01[owner] + d[:, 1] * m11[owner]
    out = np.stack([x, y], axis=1) + (centre + shift)[owner]
    if config.jitter > 0 and len(pts):
        lengths = np.diff(batch.stroke_offsets)
        k = len(lengths)
        stroke_owner = np.repeat(np.arange(n), np.diff(batch.drawing_offsets))
        # two low-frequency waves of random phase per stroke and axis (_smooth_jitter)
        f = rng.uniform(0.5, 3.0, size=(k, 2, 2))
        amp = rng.normal(0, 1, size=(k, 2, 2))
        phase = rng.uniform(size=(k, 2, 2))
        moves = np.repeat(lengths > 2, lengths)
        stroke = np.repeat(np.arange(k), lengths)[moves]
        t = (_ragged_arange(lengths)[moves] / (lengths[stroke] - 1))[:, None]
        wave = sum(amp[stroke, w] * np.sin(2 * np.pi * (f[stroke, w] * t + phase[stroke, w]))
                   for w in range(2))
        out[moves] += wave * (config.jitter * size[stroke_owner[stroke]] / 1.4)[:, None]
    thickness = np.round(rng.uniform(*config.thickness, size=n), 3)
    return StrokeBatch(out, batch.stroke_offsets, batch.drawing_offsets, thickness)
