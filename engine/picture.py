"""Pictures and scans into the model's input: the same path as drawn strokes, through a centre line.

A grey image is thresholded into ink, thinned to its one-pixel centre line (Zhang-Suen), the centre line
becomes segments, and those are fitted and drawn exactly as a drawing's strokes are (engine/raster.py),
so an image and a drawing of the same shape give the same input.
"""

from __future__ import annotations

import numpy as np

from .raster import (
    ORIENT,
    PEN_WIDTH,
    SUPERSAMPLE,
    WORK_SIZE,
    _draw_levels,
    _fit_segments,
    _offsets,
    _radius_keys,
    _to_float,
)
from .text import QT_TRANSLATE_NOOP


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
    if g.ndim != 2:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Picture", "expected a 2-D grayscale image, got shape {value}"
        ).format(value=np.shape(gray)))
    if g.shape[0] < 2 or g.shape[1] < 2:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Picture",
            "an image of {value}×{value2} pixels is too thin to hold a drawing (each side needs at least 2 "
            "pixels)"
        ).format(value=g.shape[1], value2=g.shape[0]))
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


def _centre_line(gray: np.ndarray, threshold: float):
    """The (a, b) segments of an image's thinned ink (see `preprocess_image`), or None without ink."""
    ink = ink_from_image(gray)
    mask = ink >= threshold
    if not mask.any():
        return None
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
    return _skeleton_segments(skel)


def preprocess_image(gray: np.ndarray, size: int = 28, *, threshold: float = 0.4) -> np.ndarray:
    """Turn a grayscale image of a drawing (either polarity, any stroke thickness) into a raster.

    Same framing and pen as `rasterize`: ink found against the border's grey, thresholded at
    `threshold` of the strongest ink, cropped, thinned to a centre line and redrawn. An image with no
    ink gives an all-zero raster.
    """
    return _to_float(preprocess_images_levels([gray], size, threshold=threshold))[0]


def preprocess_images_levels(images, size: int = 28, *, threshold: float = 0.4) -> np.ndarray:
    """`preprocess_image` of several images -> (N, S, S) uint8 levels (ink = level / 16); their centre
    lines are framed and drawn together in one vectorised pass."""
    out = np.zeros((len(images), size, size), dtype=np.uint8)
    found, a_list, b_list = [], [], []
    for i, gray in enumerate(images):
        segs = _centre_line(gray, threshold)
        if segs is not None:
            found.append(i)
            a_list.append(segs[0])
            b_list.append(segs[1])
    if found:
        seg_off = _offsets([len(a) for a in a_list])
        a, b = _fit_segments(np.concatenate(a_list), np.concatenate(b_list), seg_off, size, ORIENT)
        keys = np.repeat(_radius_keys(PEN_WIDTH * size * SUPERSAMPLE / 2.0), len(found))
        out[found] = _draw_levels(a, b, seg_off, keys, size)
    return out
