"""The one preprocessing path: strokes or images to a (S, S) float32 raster, ink 1.0 on 0.0.

Strokes: the drawing's bounding box (of the pen's centre line) is centred and scaled so its longer side
fills the canvas minus a margin (aspect ratio kept up to 2:1; a longer drawing's short side is widened
to half the long side, at most 3x, see `_widen_factor`, so a long box still shows its inside and its
corners at 28 px), then every segment is drawn with a round pen whose width is fixed in OUTPUT pixels,
so a big and a small drawing give the same line.
Anti-aliasing: the pen is stamped on a 4x finer grid and averaged down, so edge pixels get fractional
values.

Images (engine/picture.py): the background is the border's median grey, so dark-on-light and
light-on-dark both work; ink is what differs from it. The ink is thresholded, cropped, thinned to a
one-pixel centre line (Zhang-Suen) and that centre line is drawn again with the same pen as strokes: a
thick marker and a thin pen drawing give the same raster, and a scanned drawing looks like the same
drawing made with the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .text import QT_TRANSLATE_NOOP

SUPERSAMPLE = 4
#: pen width and margin as fractions of the output size (2 px and 2 px at 28 x 28)
PEN_WIDTH = 2.0 / 28.0
MARGIN = 2.0 / 28.0
#: optional key in Drawing.extra: pen width relative to the default (augmentation sets it)
THICKNESS_KEY = "shapelab_thickness"
#: turn drawings (by at most 45 degrees) so their tightest bounding box is upright
ORIENT = True
#: bounding boxes within this fraction of the tightest count as tight (round shapes are not turned)
ORIENT_TOLERANCE = 0.1
#: drawings longer than LONG_ASPECT:1 are shown LONG_ASPECT:1, their short side widened at most
#: LONG_WIDEN_MAX times (see _widen_factor)
LONG_ASPECT = 2.0
LONG_WIDEN_MAX = 3.0
#: longest side (pixels) an image's ink is reduced to before thinning
WORK_SIZE = 96

_STAMPS: dict[int, np.ndarray] = {}
#: rasterising works on pieces of at most this many drawings / points / pen samples at a time, so its
#: memory stays bounded (a few tens of MB) whatever the drawings (see engine.limits)
CHUNK_DRAWINGS = 512
CHUNK_POINTS = 100_000
PIECE_SAMPLES = 1 << 20


def _disc(key: int) -> np.ndarray:
    """(K, 2) int64 (dy, dx) offsets of a round pen of radius key / 8 fine pixels, nearest first.

    A fine pixel is inked when it is within the radius (+1e-9) of a sampled pen position; radius 0 is
    the sampled pixel alone."""
    off = _STAMPS.get(key)
    if off is None:
        r = key / 8.0
        n = int(np.ceil(r))
        dy, dx = np.mgrid[-n : n + 1, -n : n + 1]
        d2 = (dx * dx + dy * dy).ravel()
        keep = np.flatnonzero(d2 <= r * r + 1e-9)
        keep = keep[np.argsort(d2[keep], kind="stable")]
        off = np.stack([dy.ravel()[keep], dx.ravel()[keep]], axis=1).astype(np.int64)
        _STAMPS[key] = off
    return off


def _radius_keys(radius_hi) -> np.ndarray:
    """Pen radii in fine pixels rounded to 1/8 fine pixel, as int64 eighths (round half to even)."""
    return np.rint(np.asarray(radius_hi, dtype=np.float64) * 8.0).astype(np.int64)


def _ragged_arange(counts: np.ndarray) -> np.ndarray:
    """0..c-1 for every c in counts, concatenated (int64)."""
    counts = np.asarray(counts, dtype=np.int64)
    total = int(counts.sum())
    starts = np.cumsum(counts) - counts
    return np.arange(total, dtype=np.int64) - np.repeat(starts, counts)


def _per_drawing_sums(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Sums of values[offsets[i] : offsets[i + 1]] (0 for an empty range)."""
    cum = np.concatenate([[0], np.cumsum(values)])
    return cum[offsets[1:]] - cum[offsets[:-1]]


def _offsets(lengths) -> np.ndarray:
    out = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=out[1:])
    return out


class StrokeBatch:
    """Many drawings' strokes in flat arrays, augmented and rasterised in vectorised passes.

    points (P, 2) float64: x, y of every point, drawing after drawing, stroke after stroke;
    stroke_offsets (K + 1,) int64: stroke k is points[stroke_offsets[k] : stroke_offsets[k + 1]];
    drawing_offsets (N + 1,) int64: drawing i holds strokes drawing_offsets[i] : drawing_offsets[i + 1];
    thickness (N,) float64: each drawing's pen-width factor (its extra["shapelab_thickness"], default 1).
    Timestamps are not kept (rasterising does not use them).
    """

    __slots__ = ("points", "stroke_offsets", "drawing_offsets", "thickness")

    def __init__(self, points, stroke_offsets, drawing_offsets, thickness):
        self.points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        self.stroke_offsets = np.asarray(stroke_offsets, dtype=np.int64)
        self.drawing_offsets = np.asarray(drawing_offsets, dtype=np.int64)
        self.thickness = np.asarray(thickness, dtype=np.float64)
        if len(self.thickness) != len(self.drawing_offsets) - 1:
            raise ValueError("one thickness per drawing is needed")

    @classmethod
    def from_drawings(cls, drawings: Sequence) -> StrokeBatch:
        """From Drawings (or sequences of (n, 2|3) stroke arrays); raises ValueError for an empty one."""
        pieces, lengths, per_drawing, thick = [], [], [], []
        for d in drawings:
            strokes = getattr(d, "strokes", d)
            if len(strokes) == 0:
                raise ValueError(QT_TRANSLATE_NOOP(
                    "Raster", "an empty drawing (no strokes) cannot be rasterized"
                ))
            extra = getattr(d, "extra", None) or {}
            thick.append(float(extra.get(THICKNESS_KEY, 1.0)))
            per_drawing.append(len(strokes))
            for s in strokes:
                p = s if isinstance(s, np.ndarray) else np.asarray(s, dtype=np.float64)
                pieces.append(p[:, :2])
                lengths.append(len(p))
        points = np.concatenate(pieces).astype(np.float64, copy=False) if pieces else np.zeros((0, 2))
        return cls(points, _offsets(lengths), _offsets(per_drawing), thick)

    def __len__(self) -> int:
        return len(self.drawing_offsets) - 1

    def point_counts(self) -> np.ndarray:
        """(N,) number of points of each drawing."""
        return np.diff(self.stroke_offsets[self.drawing_offsets])

    def point_drawing(self) -> np.ndarray:
        """(P,) the drawing each point belongs to."""
        return np.repeat(np.arange(len(self)), self.point_counts())

    def strokes(self, i: int) -> list[np.ndarray]:
        """Drawing i's strokes as (n, 2) arrays (copies)."""
        bounds = self.stroke_offsets[self.drawing_offsets[i] : self.drawing_offsets[i + 1] + 1]
        return [self.points[s:e].copy() for s, e in zip(bounds[:-1], bounds[1:], strict=True)]

    def take(self, indices) -> StrokeBatch:
        """The drawings at `indices` (in that order, repeats allowed) as a new batch."""
        idx = np.asarray(indices, dtype=np.int64)
        d0, d1 = self.drawing_offsets[idx], self.drawing_offsets[idx + 1]
        n_strokes = d1 - d0
        strokes = np.repeat(d0, n_strokes) + _ragged_arange(n_strokes)
        lengths = self.stroke_offsets[strokes + 1] - self.stroke_offsets[strokes]
        pts = np.repeat(self.stroke_offsets[strokes], lengths) + _ragged_arange(lengths)
        return StrokeBatch(self.points[pts], _offsets(lengths), _offsets(n_strokes), self.thickness[idx])

    def segments(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(a, b, segment_offsets): segment end points (M, 2) of every stroke in order (a one-point stroke
        is a zero-length dot), and (N + 1,) offsets: drawing i has segments seg[o[i] : o[i + 1]]."""
        so = self.stroke_offsets
        lengths = np.diff(so)
        n_pts = len(self.points)
        last = np.zeros(n_pts, dtype=bool)
        last[so[1:][lengths > 0] - 1] = True
        single = np.zeros(n_pts, dtype=bool)
        single[so[:-1][lengths == 1]] = True
        ia = np.flatnonzero(~last | single)
        ib = ia + (~single[ia])
        stroke_segs = np.where(lengths == 1, 1, np.maximum(lengths - 1, 0))
        per_drawing = _per_drawing_sums(stroke_segs, self.drawing_offsets)
        return self.points[ia], self.points[ib], _offsets(per_drawing)


_ANGLES = np.radians(np.arange(-45.0, 45.0, 1.0))
_COS, _SIN = np.cos(_ANGLES), np.sin(_ANGLES)
_ZERO = 45  # index of angle 0
_COARSE = np.arange(0, 90, 5)
_FINE = np.arange(-4, 5)
_ORIENT_POINTS = 160


def _box_areas(p: np.ndarray, idx: np.ndarray) -> np.ndarray:
    x = p[:, :1] * _COS[idx] + p[:, 1:2] * _SIN[idx]
    y = -p[:, :1] * _SIN[idx] + p[:, 1:2] * _COS[idx]
    return (x.max(axis=0) - x.min(axis=0)) * (y.max(axis=0) - y.min(axis=0))


def upright_angle(points: np.ndarray, tolerance: float = ORIENT_TOLERANCE) -> float:
    """The turn (radians, within +-45 degrees) that makes the points' tightest bounding box upright.

    Bounding-box areas are compared every 5 degrees, then every degree around the best; when the
    upright box is within `tolerance` of the smallest area the drawing is not turned at all (upright
    and round drawings stay as drawn). (The rasteriser does the same for many drawings at once.)
    """
    p = points - points.mean(axis=0)
    if len(p) > _ORIENT_POINTS:  # plenty for a box; keeps the cost per drawing small
        p = p[:: len(p) // _ORIENT_POINTS + 1]
    coarse = _box_areas(p, _COARSE)
    k = int(_COARSE[int(np.argmin(coarse))])
    fine = np.arange(k - 4, k + 5) % 90
    area = _box_areas(p, fine)
    best = int(np.argmin(area))
    if coarse[_ZERO // 5] <= area[best] * (1.0 + tolerance) + 1e-12:
        return 0.0
    return float(_ANGLES[fine[best]])


def _box_area_per_drawing(px, py, q_off, cos, sin) -> np.ndarray:
    """Bounding-box areas (N, A) of every drawing's points turned by A angles: cos, sin (A,) the same
    angles for every point, or (Q, A) one row per point."""
    starts = q_off[:-1]
    x = px[:, None] * cos + py[:, None] * sin
    y = -px[:, None] * sin + py[:, None] * cos
    w = np.maximum.reduceat(x, starts) - np.minimum.reduceat(x, starts)
    h = np.maximum.reduceat(y, starts) - np.minimum.reduceat(y, starts)
    return w * h


def _upright_angles(a, b, seg_off, centre, tolerance: float = ORIENT_TOLERANCE) -> np.ndarray:
    """`upright_angle` of every drawing's points (its segments' a then b ends) at once -> (N,) radians.

    Each drawing's points are centred on `centre` and, past 160, thinned to every k-th as there."""
    m = np.diff(seg_off)
    n2 = 2 * m
    step = np.where(n2 > _ORIENT_POINTS, n2 // _ORIENT_POINTS + 1, 1)
    count = (n2 + step - 1) // step
    q_draw = np.repeat(np.arange(len(m)), count)
    j = _ragged_arange(count) * step[q_draw]
    in_a = j < m[q_draw]
    idx = seg_off[:-1][q_draw] + np.where(in_a, j, j - m[q_draw])
    p = np.where(in_a[:, None], a[idx], b[idx]) - centre[q_draw]
    px, py = p[:, 0], p[:, 1]
    q_off = _offsets(count)
    coarse = _box_area_per_drawing(px, py, q_off, _COS[_COARSE], _SIN[_COARSE])
    k = _COARSE[np.argmin(coarse, axis=1)]
    fine = (k[:, None] + _FINE) % 90
    area = _box_area_per_drawing(px, py, q_off, _COS[fine][q_draw], _SIN[fine][q_draw])
    best = np.argmin(area, axis=1)
    rows = np.arange(len(m))
    keep = coarse[:, _ZERO // 5] <= area[rows, best] * (1.0 + tolerance) + 1e-12
    return np.where(keep, 0.0, _ANGLES[fine[rows, best]])


def _widen_factor(ratio: float) -> float:
    """How much to widen the short side of a drawing whose short/long side ratio is `ratio`.

    Up to LONG_ASPECT:1 nothing changes; a longer drawing is shown LONG_ASPECT:1 (its short side widened
    by aspect / LONG_ASPECT), at most LONG_WIDEN_MAX times, so up to 6:1 everything looks 2:1 and a
    longer drawing stays longer. At 28 px with a 2 px pen a 6:1 box would otherwise be a 24 x 4 bar, and
    a 4:1 box 6 px tall has ends so short that its corners round off like an ellipse's: what makes a
    square, triangle or circle (corners and sides) does not depend on how long it is, and the short side
    needs about 12 px to show them.
    """
    return float(_widen_factors(np.array([ratio]))[0])


def _widen_factors(ratio: np.ndarray) -> np.ndarray:
    """`_widen_factor` of every ratio in an array."""
    aspect = 1.0 / np.where(ratio > 0.0, ratio, 1.0)
    factor = np.minimum(aspect / LONG_ASPECT, LONG_WIDEN_MAX)
    return np.where((ratio > 0.0) & (aspect > LONG_ASPECT), factor, 1.0)


def _fit_segments(a, b, seg_off, size: int, orient: bool = True, widen: bool = True):
    """Map every drawing's segment end points so its bounding box is centred and its long side fills
    size - 2 margins (output pixels); returns new (a, b).

    With `orient`, each drawing is first turned by at most 45 degrees so that its tightest bounding box
    is upright (a tilted rectangle or ellipse becomes an upright one; up stays up). With `widen`, a
    drawing longer than LONG_ASPECT:1 has its short side widened (`_widen_factor`).
    """
    m = np.diff(seg_off)
    if (m < 1).any():
        raise ValueError(QT_TRANSLATE_NOOP("Raster", "a drawing without points cannot be rasterized"))
    n = len(m)
    starts = seg_off[:-1]
    seg_draw = np.repeat(np.arange(n), m)
    if orient:
        centre = (np.add.reduceat(a, starts) + np.add.reduceat(b, starts)) / (2.0 * m)[:, None]
        angle = _upright_angles(a, b, seg_off, centre)
        turn = np.flatnonzero(angle != 0.0)
        if len(turn):
            sel = np.flatnonzero(np.isin(seg_draw, turn))
            owner = seg_draw[sel]
            c, s = np.cos(angle)[owner], np.sin(angle)[owner]
            ctr = centre[owner]
            a, b = a.copy(), b.copy()
            for arr in (a, b):
                x, y = arr[sel, 0] - ctr[:, 0], arr[sel, 1] - ctr[:, 1]
                arr[sel, 0] = (x * c + y * s) + ctr[:, 0]
                arr[sel, 1] = (x * -s + y * c) + ctr[:, 1]
    lo = np.minimum(np.minimum.reduceat(a, starts), np.minimum.reduceat(b, starts))
    hi = np.maximum(np.maximum.reduceat(a, starts), np.maximum.reduceat(b, starts))
    span = hi - lo
    extent = span.max(axis=1)
    box = size * (1.0 - 2.0 * MARGIN)
    scale = np.where(extent > 1e-9, box / np.where(extent > 1e-9, extent, 1.0), 1.0)
    scale = np.repeat(scale[:, None], 2, axis=1)
    if widen:
        factor = _widen_factors(span.min(axis=1) / np.maximum(extent, 1e-12))
        scale[np.arange(n), np.argmin(span, axis=1)] *= factor
    shift = size / 2.0 - (lo + hi) / 2.0 * scale
    return a * scale[seg_draw] + shift[seg_draw], b * scale[seg_draw] + shift[seg_draw]


def _draw_levels(a, b, seg_off, keys, size: int, f: int = SUPERSAMPLE) -> np.ndarray:
    """Draw every drawing's segments (output-pixel coordinates) with a round pen of radius keys[i] / 8
    fine pixels on a grid f times finer; -> (N, S, S) uint8: the number of inked fine pixels (0..f*f)
    under each output pixel.

    Pen positions are sampled every ~1 fine pixel along each segment (in pieces of at most
    PIECE_SAMPLES, so a long scribble needs no more memory than a short one), marked once each, and the
    pen's disc stamped around the marked positions, nearest offsets first."""
    n = len(seg_off) - 1
    hi = size * f
    keys = np.asarray(keys, dtype=np.int64)
    kmax = int(keys.max())
    pad = -(-(int(np.ceil(kmax / 8.0)) + 1) // 4) * 4  # a multiple of 4: rows of 4-byte words
    hp = hi + 2 * pad
    plane = hp * hp
    seg_draw = np.repeat(np.arange(n), np.diff(seg_off))
    base = np.arange(n, dtype=np.int64) * plane + (pad * hp + pad)
    af, bf = a * f, b * f
    d = bf - af
    counts = np.ceil(np.sqrt((d * d).sum(axis=1))).astype(np.int64) + 1
    ends = np.cumsum(counts)
    marked = np.zeros(n * plane, dtype=bool)
    start = 0
    while start < len(counts):
        done = int(ends[start - 1]) if start else 0
        stop = max(int(np.searchsorted(ends, done + PIECE_SAMPLES, side="right")), start + 1)
        c = counts[start:stop]
        seg = np.repeat(np.arange(start, stop), c)
        t = _ragged_arange(c) / np.maximum(counts[seg] - 1, 1)
        pts = af[seg] + d[seg] * t[:, None]
        ij = np.floor(pts + 1e-6).astype(np.int64)  # tolerate rounding at exact pixel borders
        np.clip(ij, 0, hi - 1, out=ij)
        marked[base[seg_draw[seg]] + ij[:, 1] * hp + ij[:, 0]] = True
        start = stop
    centres = np.flatnonzero(marked)
    del marked
    fine = np.zeros(n * plane, dtype=np.uint8)
    r2 = None
    if (keys != kmax).any():  # several pen widths: widest first, so each offset applies to a prefix
        ck = keys[centres // plane]
        order = np.argsort(-ck, kind="stable")
        centres = centres[order]
        r2 = -((ck[order] / 8.0) ** 2 + 1e-9)  # ascending
    disc = _disc(kmax)
    flat = disc[:, 0] * hp + disc[:, 1]
    if len(centres) * len(disc) <= PIECE_SAMPLES:  # small: all stamps in one assignment
        if r2 is None:
            fine[(centres[:, None] + flat).ravel()] = 1
        else:
            q = (disc * disc).sum(axis=1).astype(np.float64)
            fine[(centres[:, None] + flat)[-r2[:, None] >= q]] = 1
        disc = disc[:0]
    for dy, dx in disc:
        q = float(dy * dy + dx * dx)
        k = len(centres) if r2 is None else int(np.searchsorted(r2, -q, side="right"))
        if k == 0:
            break
        o = int(dy * hp + dx)
        for p0 in range(0, k, PIECE_SAMPLES):
            fine[centres[p0 : min(k, p0 + PIECE_SAMPLES)] + o] = 1
    return _downsample(fine.reshape(n, hp, hp), pad, size, f)


def _downsample(fine: np.ndarray, pad: int, size: int, f: int) -> np.ndarray:
    """(n, hp, hp) uint8 0/1 fine grids with `pad` around the (size * f)**2 drawing area -> (n, S, S)
    uint8 counts of inked fine pixels per output pixel."""
    n, hi = len(fine), size * f
    if f == 1:
        return np.ascontiguousarray(fine[:, pad : pad + hi, pad : pad + hi])
    if f == 4 and pad % 4 == 0 and fine.shape[2] % 4 == 0:
        # 4 fine pixels side by side are one 4-byte word: add the 4 rows of each output row word by
        # word (each byte then counts at most 4), then add a word's 4 bytes with one multiplication
        words = fine.view(np.uint32)[:, pad : pad + hi, pad // 4 : pad // 4 + size]
        rows = words.reshape(n, size, 4, size)
        acc = rows[:, :, 0] + rows[:, :, 1]
        acc += rows[:, :, 2]
        acc += rows[:, :, 3]
        acc *= np.uint32(0x01010101)
        acc >>= 24
        return acc.astype(np.uint8)
    fine = fine[:, pad : pad + hi, pad : pad + hi]
    return fine.reshape(n, size, f, size, f).sum(axis=(2, 4), dtype=np.uint8)


def _pen_keys(thickness: np.ndarray, size: int, width: float | None, f: int) -> np.ndarray:
    """Each drawing's pen radius key: `width` output pixels, or the default pen times its thickness."""
    if width is None:
        w = PEN_WIDTH * size * thickness
    else:
        w = np.full(len(thickness), float(width))
    return _radius_keys(w * f / 2.0)


def _chunks(counts: np.ndarray, max_items: int, max_total: int):
    """Consecutive (start, stop) ranges of at most max_items items whose counts sum to at most max_total
    (a single item may exceed it)."""
    start, n = 0, len(counts)
    ends = np.cumsum(counts)
    while start < n:
        done = int(ends[start - 1]) if start else 0
        stop = int(np.searchsorted(ends, done + max_total, side="right"))
        stop = min(max(stop, start + 1), start + max_items, n)
        yield start, stop
        start = stop


def rasterize_levels(
    batch: StrokeBatch, size: int = 28, *, width: float | None = None, should_stop=None,
    orient: bool = True, widen: bool = True, f: int = SUPERSAMPLE,
) -> np.ndarray:
    """Rasterise every drawing of a StrokeBatch -> (N, S, S) uint8 levels: ink = level / f**2 exactly
    (`rasterize` gives level / 16 as float32 for each drawing, bit for bit).

    Works on chunks of at most CHUNK_DRAWINGS drawings and CHUNK_POINTS points; `should_stop` (a callable
    or None) is checked before each chunk and `Cancelled` raised when it returns True."""
    out = np.zeros((len(batch), size, size), dtype=np.uint8)
    if not len(batch):
        return out
    keys = _pen_keys(batch.thickness, size, width, f)
    for start, stop in _chunks(batch.point_counts(), CHUNK_DRAWINGS, CHUNK_POINTS):
        check_stop(should_stop)
        part = batch.take(np.arange(start, stop)) if (start, stop) != (0, len(batch)) else batch
        a, b, seg_off = part.segments()
        a, b = _fit_segments(a, b, seg_off, size, orient, widen)
        out[start:stop] = _draw_levels(a, b, seg_off, keys[start:stop], size, f)
    return out


def _to_float(levels: np.ndarray, f: int = SUPERSAMPLE) -> np.ndarray:
    return levels.astype(np.float32) * np.float32(1.0 / (f * f))


def _single(strokes_or_drawing) -> StrokeBatch:
    return StrokeBatch.from_drawings([strokes_or_drawing])


def _draw_segments(a_out: np.ndarray, b_out: np.ndarray, size: int, width: float) -> np.ndarray:
    """Draw segments given in output-pixel coordinates with a round pen `width` output pixels wide."""
    keys = _radius_keys([width * SUPERSAMPLE / 2.0])
    return _to_float(_draw_levels(a_out, b_out, np.array([0, len(a_out)]), keys, size))[0]


def rasterize(strokes_or_drawing, size: int = 28, *, width: float | None = None) -> np.ndarray:
    """Rasterize a Drawing (or a sequence of (n, 2|3) stroke arrays) to an (S, S) float32 array.

    Ink is 1.0 on 0.0, anti-aliased. `width` is the pen width in output pixels (default 2 px at 28 x 28,
    scaled with `size`, times the drawing's `extra["shapelab_thickness"]` when present).
    """
    return _to_float(rasterize_levels(_single(strokes_or_drawing), size, width=width))[0]


def render_picture(strokes_or_drawing, size: int = 64, width: float = 4.0) -> np.ndarray:
    """A quick picture of a drawing without anti-aliasing (ink 1 on 0), like a thresholded scan.

    Used to show the model drawings that went the image way (`preprocess_image`) during training.
    """
    batch = _single(strokes_or_drawing)
    return render_pictures(batch, size, np.array([width]))[0]


def render_pictures(batch: StrokeBatch, size: int, widths: np.ndarray) -> np.ndarray:
    """`render_picture` of every drawing of a batch, drawing i with a pen widths[i] px wide ->
    (N, size, size) float32."""
    out = np.zeros((len(batch), size, size), dtype=np.float32)
    keys = _radius_keys(np.asarray(widths, dtype=np.float64) / 2.0)
    for start, stop in _chunks(batch.point_counts(), CHUNK_DRAWINGS, CHUNK_POINTS):
        part = batch.take(np.arange(start, stop))
        a, b, seg_off = part.segments()
        a, b = _fit_segments(a, b, seg_off, size, orient=False, widen=False)
        out[start:stop] = _draw_levels(a, b, seg_off, keys[start:stop], size, f=1)
    return out


class Cancelled(Exception):
    """Long data work (rasterizing, making an epoch) ended early because its `should_stop()` said so."""


def check_stop(should_stop) -> None:
    """Raise Cancelled when `should_stop` (a callable, or None for never) returns True."""
    if should_stop is not None and should_stop():
        raise Cancelled("stopped before the data was ready")


def _batches(drawings: Sequence):
    """(start, StrokeBatch) for consecutive chunks of a list of drawings (bounded points per chunk)."""
    counts = np.fromiter(
        (sum(len(s) for s in getattr(d, "strokes", d)) for d in drawings), dtype=np.int64, count=len(drawings)
    )
    for start, stop in _chunks(counts, CHUNK_DRAWINGS, CHUNK_POINTS):
        yield start, StrokeBatch.from_drawings(drawings[start:stop])


def rasterize_many_levels(
    drawings: Sequence, size: int = 28, *, width: float | None = None, should_stop=None
) -> np.ndarray:
    """Like `rasterize_many`, as (N, S, S) uint8 levels (ink = level / 16)."""
    out = np.zeros((len(drawings), size, size), dtype=np.uint8)
    for start, batch in _batches(drawings):
        check_stop(should_stop)
        out[start : start + len(batch)] = rasterize_levels(batch, size, width=width)
    return out


def rasterize_many(
    drawings: Sequence, size: int = 28, *, width: float | None = None, should_stop=None
) -> np.ndarray:
    """Rasterize many drawings to an (N, 1, S, S) float32 array (the same as `rasterize` each, bit for bit).

    The drawings go through `StrokeBatch` in chunks of at most CHUNK_DRAWINGS drawings and CHUNK_POINTS
    points, each fitted and drawn in one vectorised pass, with pen positions handled in pieces of at
    most PIECE_SAMPLES: memory stays within a few tens of MB even for drawings at engine.limits.
    `should_stop`: a callable checked before every chunk (tens of ms of work); when it returns True,
    `Cancelled` is raised.
    """
    return _to_float(rasterize_many_levels(drawings, size, width=width, should_stop=should_stop))[:, None]
