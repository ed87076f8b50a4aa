"""The one preprocessing path: strokes or images to a (S, S) float32 raster, ink 1.0 on 0.0.

Strokes: the drawing's bounding box (of the pen's centre line) is centred and scaled so its longer side
fills the canvas minus a margin (aspect ratio kept up to 2:1; a longer drawing's short side is widened
to half the long side, at most 3x, see `_widen_factor`, so a long box still shows its inside and its
corners at 28 px), then every segment is drawn with a round pen whose width is fixed in OUTPUT pixels,
so a big and a small drawing give the same line.
Anti-aliasing: the pen is stamped on a 4x finer grid and averaged down, so edge pixels get fractional
values.

Images: the background is the border's median grey, so dark-on-light and light-on-dark both work; ink is
what differs from it. The ink is thresholded, cropped, thinned to a one-pixel centre line (Zhang-Suen)
and that centre line is drawn again with the same pen as strokes: a thick marker and a thin pen drawing
give the same raster, and a scanned drawing looks like the same drawing made with the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

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

_STAMPS: dict[tuple[int, int], np.ndarray] = {}


def _stamp_offsets(radius_hi: float, hi: int) -> np.ndarray:
    """Flat index offsets (int64) of a disc of `radius_hi` fine pixels on a hi x hi grid."""
    key = (int(round(radius_hi * 8)), hi)
    off = _STAMPS.get(key)
    if off is None:
        r = key[0] / 8.0
        n = int(np.ceil(r))
        dy, dx = np.mgrid[-n : n + 1, -n : n + 1]
        keep = dx * dx + dy * dy <= r * r + 1e-9
        if not keep.any():
            keep[n, n] = True
        off = (dy[keep] * hi + dx[keep]).astype(np.int64)
        _STAMPS[key] = off
    return off


def _segments_from_strokes(strokes) -> tuple[np.ndarray, np.ndarray]:
    """(A, B) segment end points (M, 2) float64 from strokes; a one-point stroke is a zero-length dot."""
    a_list, b_list = [], []
    for s in strokes:
        p = np.asarray(s, dtype=np.float64)[:, :2]
        if len(p) == 1:
            a_list.append(p)
            b_list.append(p)
        else:
            a_list.append(p[:-1])
            b_list.append(p[1:])
    return np.concatenate(a_list), np.concatenate(b_list)


_ANGLES = np.radians(np.arange(-45.0, 45.0, 1.0))
_COS, _SIN = np.cos(_ANGLES), np.sin(_ANGLES)
_ZERO = 45  # index of angle 0


def _box_areas(p: np.ndarray, idx: np.ndarray) -> np.ndarray:
    x = p[:, :1] * _COS[idx] + p[:, 1:2] * _SIN[idx]
    y = -p[:, :1] * _SIN[idx] + p[:, 1:2] * _COS[idx]
    return (x.max(axis=0) - x.min(axis=0)) * (y.max(axis=0) - y.min(axis=0))


_COARSE = np.arange(0, 90, 5)


def upright_angle(points: np.ndarray, tolerance: float = ORIENT_TOLERANCE) -> float:
    """The turn (radians, within +-45 degrees) that makes the points' tightest bounding box upright.

    Bounding-box areas are compared every 5 degrees, then every degree around the best; when the
    upright box is within `tolerance` of the smallest area the drawing is not turned at all (upright
    and round drawings stay as drawn).
    """
    p = points - points.mean(axis=0)
    if len(p) > 160:  # plenty for a box; keeps the cost per drawing small
        p = p[:: len(p) // 160 + 1]
    coarse = _box_areas(p, _COARSE)
    k = int(_COARSE[int(np.argmin(coarse))])
    fine = np.arange(k - 4, k + 5) % 90
    area = _box_areas(p, fine)
    best = int(np.argmin(area))
    if coarse[_ZERO // 5] <= area[best] * (1.0 + tolerance) + 1e-12:
        return 0.0
    return float(_ANGLES[fine[best]])


def _fit(
    a: np.ndarray, b: np.ndarray, size: int, orient: bool = True, widen: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Map segment end points so the bounding box is centred and its long side fills size - 2 margins.

    With `orient`, the drawing is first turned by at most 45 degrees so that its tightest bounding box is
    upright (a tilted rectangle or ellipse becomes an upright one; up stays up). With `widen`, a drawing
    longer than LONG_ASPECT:1 has its short side widened (`_widen_factor`).
    """
    if orient:
        pts = np.concatenate([a, b])
        angle = upright_angle(pts)
        if angle != 0.0:
            c, s = np.cos(angle), np.sin(angle)
            rot = np.array([[c, -s], [s, c]])  # row vectors: p @ rot turns by -angle's box onto the axes
            centre = pts.mean(axis=0)
            a = (a - centre) @ rot + centre
            b = (b - centre) @ rot + centre
    pts = np.concatenate([a, b])
    lo = pts.min(axis=0)
    hi = pts.max(axis=0)
    extent = float((hi - lo).max())
    box = size * (1.0 - 2.0 * MARGIN)
    scale = box / extent if extent > 1e-9 else 1.0
    centre = (lo + hi) / 2.0
    scale = np.full(2, scale)
    if widen:
        scale[int(np.argmin(hi - lo))] *= _widen_factor(float((hi - lo).min()) / max(extent, 1e-12))
    shift = size / 2.0 - centre * scale
    return a * scale + shift, b * scale + shift


def _widen_factor(ratio: float) -> float:
    """How much to widen the short side of a drawing whose short/long side ratio is `ratio`.

    Up to LONG_ASPECT:1 nothing changes; a longer drawing is shown LONG_ASPECT:1 (its short side widened
    by aspect / LONG_ASPECT), at most LONG_WIDEN_MAX times, so up to 6:1 everything looks 2:1 and a
    longer drawing stays longer. At 28 px with a 2 px pen a 6:1 box would otherwise be a 24 x 4 bar, and
    a 4:1 box 6 px tall has ends so short that its corners round off like an ellipse's: what makes a
    square, triangle or circle (corners and sides) does not depend on how long it is, and the short side
    needs about 12 px to show them.
    """
    if ratio <= 0.0:
        return 1.0
    aspect = 1.0 / ratio
    if aspect <= LONG_ASPECT:
        return 1.0
    return float(min(aspect / LONG_ASPECT, LONG_WIDEN_MAX))


def _sample_indices(a: np.ndarray, b: np.ndarray, hi: int) -> np.ndarray:
    """Flat fine-grid indices of points every ~1 fine pixel along segments (a, b) in fine-pixel units."""
    d = b - a
    length = np.sqrt((d * d).sum(axis=1))
    counts = np.ceil(length).astype(np.int64) + 1
    total = int(counts.sum())
    seg = np.repeat(np.arange(len(a)), counts)
    start = np.cumsum(counts) - counts
    k = np.arange(total) - start[seg]
    t = k / np.maximum(counts[seg] - 1, 1)
    pts = a[seg] + d[seg] * t[:, None]
    ij = np.floor(pts + 1e-6).astype(np.int64)  # tolerate rounding at exact pixel borders
    np.clip(ij, 0, hi - 1, out=ij)
    return ij[:, 1] * hi + ij[:, 0]


def _offsets_for_width(off: np.ndarray, hi: int, hp: int) -> np.ndarray:
    dy = np.round(off / hi).astype(np.int64)
    dx = off - dy * hi
    return dy * hp + dx


def _down(fine: np.ndarray, size: int) -> np.ndarray:
    f = SUPERSAMPLE
    return fine.reshape(size, f, size, f).mean(axis=(1, 3), dtype=np.float32)


def _draw_segments(a_out: np.ndarray, b_out: np.ndarray, size: int, width: float) -> np.ndarray:
    """Draw segments given in output-pixel coordinates with a round pen `width` output pixels wide."""
    return _draw_batch([(a_out, b_out)], size, width * SUPERSAMPLE / 2.0)[0]


def _draw_batch(segs: list, size: int, radius_hi: float, f: int = SUPERSAMPLE) -> np.ndarray:
    """Draw several segment sets (output-pixel coordinates) with one pen; returns (n, S, S) float32.

    `radius_hi` is the pen radius in fine pixels (f fine pixels per output pixel)."""
    hi = size * f
    pad = int(np.ceil(radius_hi)) + 1
    hp = hi + 2 * pad
    off = _offsets_for_width(_stamp_offsets(radius_hi, hi), hi, hp)
    idx_list = []
    for slot, (a, b) in enumerate(segs):
        c = _sample_indices(a * f, b * f, hi)
        cy, cx = np.divmod(c, hi)
        idx_list.append(slot * hp * hp + (cy + pad) * hp + (cx + pad))
    centres = np.concatenate(idx_list)
    fine = np.zeros(len(segs) * hp * hp, dtype=np.uint8)
    fine[(centres[:, None] + off[None, :]).ravel()] = 1
    fine = fine.reshape(len(segs), hp, hp)[:, pad : pad + hi, pad : pad + hi]
    counts = fine.reshape(len(segs), size, f, size, f).sum(axis=(2, 4), dtype=np.uint16)
    return counts.astype(np.float32) * np.float32(1.0 / (f * f))


def _strokes_and_width(strokes_or_drawing, size: int, width: float | None):
    strokes = getattr(strokes_or_drawing, "strokes", strokes_or_drawing)
    extra = getattr(strokes_or_drawing, "extra", None) or {}
    if width is None:
        width = PEN_WIDTH * size * float(extra.get(THICKNESS_KEY, 1.0))
    if len(strokes) == 0:
        raise ValueError("an empty drawing (no strokes) cannot be rasterized")
    return strokes, float(width)


def rasterize(strokes_or_drawing, size: int = 28, *, width: float | None = None) -> np.ndarray:
    """Rasterize a Drawing (or a sequence of (n, 2|3) stroke arrays) to an (S, S) float32 array.

    Ink is 1.0 on 0.0, anti-aliased. `width` is the pen width in output pixels (default 2 px at 28 x 28,
    scaled with `size`, times the drawing's `extra["shapelab_thickness"]` when present).
    """
    strokes, width = _strokes_and_width(strokes_or_drawing, size, width)
    a, b = _segments_from_strokes(strokes)
    a, b = _fit(a, b, size, ORIENT)
    return _draw_segments(a, b, size, width)


def render_picture(strokes_or_drawing, size: int = 64, width: float = 4.0) -> np.ndarray:
    """A quick picture of a drawing without anti-aliasing (ink 1 on 0), like a thresholded scan.

    Used to show the model drawings that went the image way (`preprocess_image`) during training.
    """
    strokes, _ = _strokes_and_width(strokes_or_drawing, size, width)
    a, b = _segments_from_strokes(strokes)
    a, b = _fit(a, b, size, orient=False, widen=False)
    return _draw_batch([(a, b)], size, width / 2.0, f=1)[0]


class Cancelled(Exception):
    """Long data work (rasterizing, making an epoch) ended early because its `should_stop()` said so."""


def check_stop(should_stop) -> None:
    """Raise Cancelled when `should_stop` (a callable, or None for never) returns True."""
    if should_stop is not None and should_stop():
        raise Cancelled("stopped before the data was ready")


def rasterize_many(
    drawings: Sequence, size: int = 28, *, width: float | None = None, should_stop=None
) -> np.ndarray:
    """Rasterize many drawings to an (N, 1, S, S) float32 array (same result as `rasterize` each).

    The pen is stamped for a whole chunk of drawings at once with one fancy-index assignment.
    `should_stop`: a callable checked before every chunk of 128 drawings (tens of ms of work); when it
    returns True, `Cancelled` is raised.
    """
    n = len(drawings)
    out = np.zeros((n, 1, size, size), dtype=np.float32)
    chunk = 128
    for start in range(0, n, chunk):
        check_stop(should_stop)
        part = drawings[start : start + chunk]
        # group by pen width so each group uses one stamp
        groups: dict[float, list[int]] = {}
        segs = []
        for i, d in enumerate(part):
            strokes, w = _strokes_and_width(d, size, width)
            a, b = _segments_from_strokes(strokes)
            segs.append(_fit(a, b, size, ORIENT))
            groups.setdefault(round(w * SUPERSAMPLE / 2.0 * 8) / 8.0, []).append(i)
        for radius_hi, members in groups.items():
            out[start + np.asarray(members), 0] = _draw_batch([segs[i] for i in members], size, radius_hi)
    return out


# -- images --------------------------------------------------------------------------------------------


def _lut(step: int) -> np.ndarray:
    """Zhang-Suen deletion table for one sub-step, indexed by the 8-neighbour code.

    Bit k of the code is neighbour P(k+2) in the order N, NE, E, SE, S, SW, W, NW.
    """
    table = np.zeros(256, dtype=bool)
    for code in range(256):
        p = [(code >> k) & 1 for k in range(8)]  # p[0]=P2 (N) ... p[7]=P9 (NW)
        b = sum(p)
        a = sum(1 for k in range(8) if p[k] == 0 and p[(k + 1) % 8] == 1)
        p2, p4, p6, p8 = p[0], p[2], p[4], p[6]
        if step == 0:
            ok = p2 * p4 * p6 == 0 and p4 * p6 * p8 == 0
        else:
            ok = p2 * p4 * p8 == 0 and p2 * p6 * p8 == 0
        table[code] = 2 <= b <= 6 and a == 1 and ok
    return table


_ZS = (_lut(0), _lut(1))


def thin(mask: np.ndarray, max_iter: int = 100) -> np.ndarray:
    """Zhang-Suen thinning of a boolean (H, W) mask to one-pixel-wide centre lines."""
    img = np.pad(mask.astype(np.uint8), 1)
    for _ in range(max_iter):
        changed = False
        for table in _ZS:
            c = img[1:-1, 1:-1]
            code = (
                img[:-2, 1:-1]
                | (img[:-2, 2:] << 1)
                | (img[1:-1, 2:] << 2)
                | (img[2:, 2:] << 3)
                | (img[2:, 1:-1] << 4)
                | (img[2:, :-2] << 5)
                | (img[1:-1, :-2] << 6)
                | (img[:-2, :-2] << 7)
            )
            kill = table[code] & (c == 1)
            if kill.any():
                c[kill] = 0
                changed = True
        if not changed:
            break
    return img[1:-1, 1:-1].astype(bool)


def ink_from_image(gray: np.ndarray) -> np.ndarray:
    """Ink strength 0..1 of a grayscale (H, W) image whatever its polarity (background from the border)."""
    g = np.asarray(gray, dtype=np.float32)
    if g.ndim == 3:  # (H, W, C): average the colour channels
        g = g[..., :3].mean(axis=2)
    if g.ndim != 2 or g.shape[0] < 2 or g.shape[1] < 2:
        raise ValueError(f"expected a 2-D grayscale image, got shape {np.shape(gray)}")
    border = np.concatenate([g[0], g[-1], g[1:-1, 0], g[1:-1, -1]])
    bg = float(np.median(border))
    ink = np.abs(g - bg)
    top = float(ink.max())
    if top <= 1e-6 * max(1.0, float(np.abs(g).max())):
        return np.zeros_like(ink)
    return ink / top


def _skeleton_segments(skel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Segments joining 8-neighbour pixels of a skeleton; isolated pixels become dots. (x, y) centres."""
    ys, xs = np.nonzero(skel)
    pts = np.stack([xs, ys], axis=1).astype(np.float64) + 0.5
    a_list = [pts]
    b_list = [pts]
    h, w = skel.shape
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        src = skel[: h - dy, max(0, -dx) : w - max(0, dx)]
        dst = skel[dy:, max(0, dx) : w - max(0, -dx) if dx < 0 else w]
        both = src & dst
        yy, xx = np.nonzero(both)
        xx = xx + max(0, -dx)
        if len(yy):
            p = np.stack([xx, yy], axis=1).astype(np.float64) + 0.5
            a_list.append(p)
            b_list.append(p + np.array([dx, dy], dtype=np.float64))
    return np.concatenate(a_list), np.concatenate(b_list)


def preprocess_image(gray: np.ndarray, size: int = 28, *, threshold: float = 0.4) -> np.ndarray:
    """Turn a grayscale image of a drawing (either polarity, any stroke thickness) into a raster.

    Same framing and pen as `rasterize`: ink found against the border's grey, thresholded at
    `threshold` of the strongest ink, cropped, thinned to a centre line and redrawn. An image with no
    ink gives an all-zero raster.
    """
    ink = ink_from_image(gray)
    mask = ink >= threshold
    if not mask.any():
        return np.zeros((size, size), dtype=np.float32)
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    y0, y1, x0, x1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    mask = mask[y0:y1, x0:x1]
    # reduce big images by an integer factor with max-pooling (keeps thin lines) before thinning
    k = int(np.ceil(max(mask.shape) / WORK_SIZE))
    if k > 1:
        h, w = mask.shape
        hp, wp = -(-h // k) * k, -(-w // k) * k
        m = np.zeros((hp, wp), dtype=bool)
        m[:h, :w] = mask
        mask = m.reshape(hp // k, k, wp // k, k).any(axis=(1, 3))
    skel = thin(mask)
    if not skel.any():
        skel = mask
    a, b = _skeleton_segments(skel)
    a, b = _fit(a, b, size, ORIENT)
    return _draw_segments(a, b, size, PEN_WIDTH * size)
