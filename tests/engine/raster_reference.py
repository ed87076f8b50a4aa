"""The rasteriser as it was before StrokeBatch: one drawing at a time, kept as a slow reference that the
vectorised `engine.raster` is tested against bit for bit (framing, turning, widening, pen and sampling)."""

import numpy as np

from engine.raster import MARGIN, PEN_WIDTH, SUPERSAMPLE, THICKNESS_KEY, _widen_factor, upright_angle


def segments(strokes):
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


def fit(a, b, size, orient=True, widen=True):
    if orient:
        pts = np.concatenate([a, b])
        angle = upright_angle(pts)
        if angle != 0.0:
            c, s = np.cos(angle), np.sin(angle)
            centre = pts.mean(axis=0)
            # the rotation written out (not a matrix product, whose rounding depends on the BLAS)
            turned = []
            for p in (a - centre, b - centre):
                turned.append(np.stack([p[:, 0] * c + p[:, 1] * s, p[:, 0] * -s + p[:, 1] * c], 1) + centre)
            a, b = turned
    pts = np.concatenate([a, b])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    extent = float((hi - lo).max())
    scale = size * (1.0 - 2.0 * MARGIN) / extent if extent > 1e-9 else 1.0
    scale = np.full(2, scale)
    if widen:
        scale[int(np.argmin(hi - lo))] *= _widen_factor(float((hi - lo).min()) / max(extent, 1e-12))
    shift = size / 2.0 - (lo + hi) / 2.0 * scale
    return a * scale + shift, b * scale + shift


def draw(a, b, size, radius_hi, f=SUPERSAMPLE):
    """Stamp a disc of radius_hi fine pixels (rounded to 1/8) every ~1 fine pixel along the segments."""
    hi = size * f
    r = round(radius_hi * 8) / 8.0
    n = int(np.ceil(r))
    fine = np.zeros((hi + 2 * n, hi + 2 * n), dtype=np.uint8)
    dy, dx = np.mgrid[-n : n + 1, -n : n + 1]
    keep = dx * dx + dy * dy <= r * r + 1e-9
    a, b = a * f, b * f
    for p, q in zip(a, b, strict=True):
        d = q - p
        count = int(np.ceil(np.sqrt(d @ d))) + 1
        for k in range(count):
            x, y = np.floor(p + d * (k / max(count - 1, 1)) + 1e-6).astype(int)
            x, y = min(max(x, 0), hi - 1), min(max(y, 0), hi - 1)
            fine[y : y + 2 * n + 1, x : x + 2 * n + 1] |= keep
    fine = fine[n : n + hi, n : n + hi]
    return fine.reshape(size, f, size, f).sum(axis=(1, 3)).astype(np.float32) / np.float32(f * f)


def rasterize(drawing, size=28, width=None):
    strokes = getattr(drawing, "strokes", drawing)
    extra = getattr(drawing, "extra", None) or {}
    if width is None:
        width = PEN_WIDTH * size * float(extra.get(THICKNESS_KEY, 1.0))
    a, b = fit(*segments(strokes), size)
    return draw(a, b, size, width * SUPERSAMPLE / 2.0)
