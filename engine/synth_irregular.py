"""The "irregular" class of the synthetic generator: everything that is not a square, triangle or circle.

Each maker returns either `(corners, True)`, a closed polygon drawn like the polygon classes, or a list
of strokes in a unit frame; `irregular(rng)` picks a maker by its weight and draws it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .drawing import Drawing
from .pen import (
    _bow_sides,
    _close,
    _finish,
    _human_angle,
    _open_run,
    _polygon_drawing,
    _resample,
    _rotate,
    _stretch,
    _wobble,
)

# irregular shapes: each returns a list of strokes in a unit frame


def _irr_polygon(rng):
    """A pentagon or hexagon as people draw one: straight sides and sharp corners, usually level (a
    hexagon flat on top or on a point, a pentagon on its base), often a little wide, and now and then a
    house's outline. Read off what the model took for circles and triangles: most were hexagons."""
    if rng.uniform() < 0.15:  # a house's outline without the line under the roof (home plate)
        w, roof = rng.uniform(0.5, 0.85), rng.uniform(0.45, 0.9)
        c = np.array([[0, -1], [w, roof - 1], [w, 1], [-w, 1], [-w, roof - 1]])
        c += rng.normal(0, 0.03, size=c.shape)
        return _crisp_polygon(_rotate(c, _human_angle(rng, 0.8)), rng)
    m = int(rng.choice([5, 6], p=[0.45, 0.55]))
    if rng.uniform() < 0.8:  # level: a side at the bottom (pentagon, hexagon) or a point on top
        start = np.pi / 2 + np.pi / m + (np.pi / m if m == 6 and rng.uniform() < 0.3 else 0.0)
    else:
        start = rng.uniform(0, 2 * np.pi)
    th = start + np.arange(m) * 2 * np.pi / m + rng.normal(0, 0.05, m)
    r = 1 + rng.normal(0, 0.05, m)
    c = np.stack([r * np.cos(th), r * np.sin(th)], axis=1)
    c[:, 0] *= rng.uniform(1.0, 1.35)  # hexagons are often drawn wider than tall
    return _crisp_polygon(_rotate(c, _human_angle(rng, 0.7)), rng)


def _crisp_polygon(corners: np.ndarray, rng: np.random.Generator) -> Drawing:
    """A closed polygon with many short sides drawn carefully: sides nearly straight, corners sharp, the
    pen barely wobbling (the polygon classes' wobble and long run-ons would turn a hexagon into a lumpy
    circle or a hash); one stroke closing exactly, over or short (4 in 5), or one stroke per side."""
    m = len(corners)
    corners = np.roll(corners, -int(rng.integers(m)), axis=0)
    if rng.uniform() < 0.5:
        corners = corners[::-1]
    size = float(np.ptp(corners, axis=0).max())
    wob = size * rng.uniform(0.001, 0.006)
    if rng.uniform() < 0.8:
        ring = _bow_sides(np.vstack([corners, corners[:1]]), rng, 0.02)
        path = _resample(ring, size / 80)
        path = _close(path, rng, str(rng.choice(["exact", "overshoot", "gap"], p=[0.4, 0.35, 0.25])))
        strokes = [_wobble(path, rng, wob)]
    else:
        strokes = []
        for i in range(m):
            side = _open_run(corners[[i, (i + 1) % m]], rng, 0.0, rng.uniform(-0.04, 0.12),
                             rng.uniform(-0.04, 0.12))
            strokes.append(_wobble(_resample(side, size / 60), rng, wob))
    return _finish(strokes, rng, "irregular", _stretch(rng, 0.2, 1.6))


def _irr_star(rng):
    m = int(rng.choice([5, 5, 5, 6, 4]))
    th = rng.uniform(0, 2 * np.pi) + np.arange(2 * m) * np.pi / m
    inner = rng.uniform(0.2, 0.4) if m == 4 else rng.uniform(0.3, 0.55)  # a shallow 4-star is a square
    r = np.where(np.arange(2 * m) % 2 == 0, 1.0, inner)
    return np.stack([r * np.cos(th), r * np.sin(th)], axis=1), True


def _irr_pentagram(rng):
    th = -np.pi / 2 + np.arange(5) * 4 * np.pi / 5
    c = np.stack([np.cos(th), np.sin(th)], axis=1)
    return c, True


def _irr_heart(rng):
    t = np.linspace(0, 2 * np.pi, 80)
    x = 16 * np.sin(t) ** 3
    y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
    return [np.stack([x, y], axis=1) / 16]


def _irr_blob(rng):
    t = np.linspace(0, 2 * np.pi, 120)
    r = np.ones_like(t)
    for k in rng.choice([3, 4, 5], size=2, replace=False):  # lobes (two lobes would be an oval)
        r += rng.uniform(0.25, 0.45) * np.cos(k * t + rng.uniform(0, 6.3))
    r = np.maximum(r, 0.15)
    return [np.stack([r * np.cos(t), r * np.sin(t)], axis=1)]


def _irr_cross(rng):
    a = rng.uniform(0.6, 1.2)
    if rng.uniform() < 0.5:  # plus
        s = [np.array([[-1, 0], [1, 0]]), np.array([[0, -a], [0, a]])]
    else:  # x
        s = [np.array([[-1, -a], [1, a]]), np.array([[1, -a], [-1, a]])]
    if rng.uniform() < 0.3:  # outlined plus
        w = rng.uniform(0.2, 0.4)
        c = np.array([[-w, -1], [w, -1], [w, -w], [1, -w], [1, w], [w, w], [w, 1], [-w, 1], [-w, w],
                      [-1, w], [-1, -w], [-w, -w]])
        return c, True
    return [x.astype(float) for x in s]


def _irr_zigzag(rng):
    m = int(rng.integers(3, 8))
    x = np.linspace(-1, 1, m + 1)
    y = np.where(np.arange(m + 1) % 2 == 0, -1.0, 1.0) * rng.uniform(0.2, 0.8)
    return [np.stack([x, y], axis=1)]


def _irr_spiral(rng):
    turns = rng.uniform(1.5, 3.5)
    t = np.linspace(0, 2 * np.pi * turns, int(60 * turns))
    r = 0.1 + t / t[-1]
    return [np.stack([r * np.cos(t), r * np.sin(t)], axis=1)]


def _irr_arc(rng):  # open curve: C, U, arch, crescent, S, wave
    k = rng.uniform()
    if k < 0.4:
        span = rng.uniform(0.4, 1.2) * np.pi
        t = np.linspace(0, span, 50) + rng.uniform(0, 6.3)
        return [np.stack([np.cos(t), np.sin(t)], axis=1)]
    if k < 0.6:  # crescent / moon
        t = np.linspace(-np.pi / 2, np.pi / 2, 40)
        outer = np.stack([np.cos(t), np.sin(t)], axis=1)
        inner = np.stack([rng.uniform(0.2, 0.6) * np.cos(t[::-1]), np.sin(t[::-1])], axis=1)
        return np.vstack([outer, inner])[::3], True
    if k < 0.8:  # S / wave
        t = np.linspace(0, rng.uniform(1.5, 3.0) * np.pi, 60)
        return [np.stack([t / t[-1] * 2 - 1, rng.uniform(0.2, 0.6) * np.sin(t)], axis=1)]
    # arch / U: two lines and a half circle
    t = np.linspace(np.pi, 2 * np.pi, 30)
    leg = rng.uniform(0.3, 1.0)
    arch = np.vstack([[[-1, leg]], np.stack([np.cos(t), np.sin(t)], axis=1), [[1, leg]]])
    return [arch]


def _irr_scribble(rng):  # a wandering, curly line
    n = int(rng.integers(8, 16))
    pts = rng.uniform(-1, 1, size=(n, 2))
    t = np.linspace(0, 1, n)
    u = np.linspace(0, 1, 12 * n)
    smooth = np.stack([np.interp(u, t, pts[:, 0]), np.interp(u, t, pts[:, 1])], axis=1)
    k = np.ones(7) / 7
    smooth = np.stack([np.convolve(smooth[:, i], k, mode="valid") for i in range(2)], axis=1)
    return [smooth]


def _irr_cube(rng):
    s = 1.0
    d = np.array([rng.uniform(0.3, 0.6), -rng.uniform(0.3, 0.6)]) * rng.choice([-1, 1], size=2)
    f = np.array([[0, 0], [s, 0], [s, s], [0, s], [0, 0]], dtype=float)
    b = f + d
    strokes = [f, b] + [np.array([f[i], b[i]]) for i in range(4)]
    if rng.uniform() < 0.5:  # hide the back edges like many people do
        strokes = [f, np.array([f[0], b[0], b[1], f[1]]), np.array([f[1], b[1], b[2], f[2]])]
    return strokes


def _irr_cylinder(rng):
    t = np.linspace(0, 2 * np.pi, 50)
    # the top a full ellipse (a flat one on a tall body reads as a box)
    e = rng.uniform(0.25, 0.45)
    h = rng.uniform(0.9, 2.2)
    top = np.stack([np.cos(t), e * np.sin(t)], axis=1)
    tb = np.linspace(0, np.pi, 25)
    bottom = np.stack([np.cos(tb), h + e * np.sin(tb)], axis=1)
    return [top, np.array([[-1, 0], [-1, h]]), np.array([[1, 0], [1, h]]), bottom]


def _irr_house(rng):
    w, h, r = 1.0, rng.uniform(0.6, 1.2), rng.uniform(0.3, 0.8)
    body = np.array([[0, 0], [0, h], [w, h], [w, 0], [0, 0]])
    roof = np.array([[0, 0], [w / 2, -r], [w, 0]])
    if rng.uniform() < 0.5:
        return [np.vstack([body, roof[1:]])]
    return [body, roof]


def _irr_lines(rng):  # a pair of lines (parallel, crossing or an angle), or a single line
    k = rng.uniform()
    if k < 0.4:
        g = rng.uniform(0.2, 1.0)
        return [np.array([[-1, 0], [1, 0]]), np.array([[-1, g], [1, g + rng.normal(0, 0.1)]])]
    if k < 0.55:  # a wide angle (an open V)
        a = rng.uniform(0.2, 0.7)
        return [np.array([[-1, -a], [0, 0], [1, -rng.uniform(0.2, 0.7)]])]
    return [np.array([[-1, 0], [1, 0]]), np.array([[-1, 0.6], [1, -0.6]])]


def _irr_arrow(rng):
    head = rng.uniform(0.2, 0.45)
    return [np.array([[-1, 0], [1, 0]]), np.array([[1 - head, -head], [1, 0], [1 - head, head]])]


def _irr_multi(rng):
    """Two or three separate small shapes (a drawing in several parts)."""
    parts = []
    n = int(rng.integers(2, 4))
    for i in range(n):
        k = rng.uniform()
        if k < 0.35:
            t = np.linspace(0, 2 * np.pi, 30)
            p = np.stack([np.cos(t), np.sin(t)], axis=1)
        elif k < 0.6:
            p = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]], dtype=float)
        elif k < 0.8:
            p = np.array([[0, -1], [1, 1], [-1, 1], [0, -1]], dtype=float)
        else:
            p = np.array([[-1, 0], [1, 0]], dtype=float)
        s = rng.uniform(0.3, 1.0)
        off = np.array([i * 2.6 + rng.uniform(-0.5, 0.5), rng.uniform(-1.5, 1.5)])
        parts.append(p * s + off)
    return parts


def _irr_trapezoid_open(rng):  # a square or triangle with something extra (a tail, an inner line)
    sq = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]], dtype=float)
    if rng.uniform() < 0.5:
        return [sq, np.array([[-1, -1], [1, 1]])]
    t = np.linspace(0, 2 * np.pi, 40)
    circ = np.stack([np.cos(t), np.sin(t)], axis=1)
    return [circ, np.array([[-0.5, -0.2], [0.5, -0.2]]), np.array([[-0.4, 0.4], [0.4, 0.4]])]


def _irr_marks(rng):
    """A few short dashes, ticks and dots scattered about."""
    out = []
    for _ in range(int(rng.integers(2, 6))):
        p = rng.uniform(-1, 1, size=2)
        if rng.uniform() < 0.3:
            out.append(np.array([p, p + rng.normal(0, 0.02, size=2)]))
        else:
            out.append(np.array([p, p + rng.uniform(-0.35, 0.35, size=2)]))
    return out


_IRREGULAR: list[tuple[float, Callable]] = [
    (0.03, _irr_marks),

    (0.16, _irr_polygon),
    (0.07, _irr_star),
    (0.03, _irr_pentagram),
    (0.08, _irr_heart),
    (0.08, _irr_blob),
    (0.07, _irr_cross),
    (0.05, _irr_zigzag),
    (0.04, _irr_spiral),
    (0.12, _irr_arc),
    (0.04, _irr_scribble),
    (0.07, _irr_cube),
    (0.05, _irr_cylinder),
    (0.06, _irr_house),
    (0.07, _irr_lines),
    (0.03, _irr_arrow),
    (0.05, _irr_multi),
    (0.03, _irr_trapezoid_open),
]
_IRR_P = np.array([p for p, _ in _IRREGULAR])
_IRR_P = _IRR_P / _IRR_P.sum()


def irregular(rng: np.random.Generator) -> Drawing:
    """One synthetic drawing of the class "irregular"."""
    fn = _IRREGULAR[int(rng.choice(len(_IRREGULAR), p=_IRR_P))][1]
    return _draw(fn(rng), rng)


def _draw(res, rng: np.random.Generator) -> Drawing:
    """Draw what a maker returned: a Drawing as it is, a closed polygon `(corners, True)` like the polygon
    classes, or strokes in a unit frame with a wobbling pen."""
    if isinstance(res, Drawing):  # drawn by the maker itself
        return res
    if isinstance(res, tuple):  # a closed polygon: draw it like the polygon classes
        corners, _ = res
        if len(corners) and np.allclose(corners[0], corners[-1]):
            corners = corners[:-1]
        corners = _rotate(corners, _human_angle(rng, 0.5))
        return _polygon_drawing(corners, rng, "irregular", _stretch(rng, 0.25, 1.8), round_p=0.0)
    strokes = [np.asarray(s, dtype=np.float64) for s in res]
    angle = _human_angle(rng, 0.5)
    size = float(np.ptp(np.vstack(strokes), axis=0).max()) or 1.0
    out = []
    for s in strokes:
        p = _resample(_rotate(s, angle), size / 60)
        out.append(_wobble(p, rng, size * rng.uniform(0.003, 0.02)))
    return _finish(out, rng, "irregular", _stretch(rng, 0.25, 1.8))
