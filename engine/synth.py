"""Seeded synthetic drawings that look like what people draw, following the lecture's corner logic.

square = a closed shape with four corners (squares, rectangles of any aspect ratio, tilted, rhombus- and
parallelogram-like, slightly perspective quadrilaterals); triangle = three corners (any proportions and
orientation); circle = no corners (circles, ellipses and ovals of any aspect, eggs); irregular = everything
else (blobs, hearts, stars, crosses, zigzags, spirals, arcs, scribbles, cubes, cylinders, houses, pentagons
and hexagons, arrows, pairs of lines, drawings in several separate parts).

"Human-like": the pen wobbles (smooth low-frequency drift plus a little tremor), sides bow (a triangle's
now and then all outward), corners are sharp or rounded, the shape closes with an overshoot or a gap,
sides run on past corners (a box's sides often a long way), it is drawn in one stroke or several, at
varying size, position on a 256 x 256 canvas and speed (strokes carry timestamps in ms).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .drawing import Drawing

DEFAULT_CLASSES = ("square", "triangle", "circle", "irregular")
CANVAS = 256.0
#: how often a triangle is turned a quarter, half, three quarters (its apex down, left, right)
TRIANGLE_TURNS = (1.0, 0.0, 0.0, 0.0)
#: the largest corner rounding of triangles (fraction of the side)
TRIANGLE_ROUND = 0.15
#: the longest stretch of squares (people and datasets make boxes up to ~8x as long as they are tall)
SQUARE_STRETCH_TOP = 8.5
#: squares: how often a side runs on a long way past a corner, and how far at most (fraction of the side)
SQUARE_OVERRUN = (0.2, 0.8)
#: how often all three sides of a triangle bulge outward (a quick triangle often has curved sides)
TRIANGLE_BULGE = 0.3

# -- pen-path helpers (all work in a unit frame around the origin, y down) -------------------------------


def _resample(path: np.ndarray, step: float) -> np.ndarray:
    """Points every `step` along a polyline (keeps both ends)."""
    d = np.diff(path, axis=0)
    seg = np.sqrt((d * d).sum(axis=1))
    s = np.concatenate([[0.0], np.cumsum(seg)])
    total = s[-1]
    if total < 1e-9:
        return path[:1].copy()
    n = max(2, int(np.ceil(total / step)) + 1)
    u = np.linspace(0.0, total, n)
    return np.stack([np.interp(u, s, path[:, 0]), np.interp(u, s, path[:, 1])], axis=1)


def _smooth_noise(n: int, rng: np.random.Generator, amp: float, waves: tuple[float, float]) -> np.ndarray:
    """A smooth random 1-D signal of n samples: a few sine waves of random phase (frequencies in cycles)."""
    t = np.linspace(0.0, 1.0, n)
    out = np.zeros(n)
    for _ in range(3):
        f = rng.uniform(*waves)
        out += rng.normal(0, 1) * np.sin(2 * np.pi * (f * t + rng.uniform()))
    return out * amp / 1.7


def _wobble(path: np.ndarray, rng: np.random.Generator, amount: float) -> np.ndarray:
    """Displace a path by smooth noise along its normals plus a little tremor. `amount` ~ fraction of size."""
    if len(path) < 3 or amount <= 0:
        return path
    d = np.gradient(path, axis=0)
    norm = np.sqrt((d * d).sum(axis=1, keepdims=True)) + 1e-12
    normal = np.stack([-d[:, 1], d[:, 0]], axis=1) / norm
    n = len(path)
    low = _smooth_noise(n, rng, amount, (0.5, 3.0))
    tremor = _smooth_noise(n, rng, amount * 0.12, (5.0, 10.0))
    return path + normal * (low + tremor)[:, None]


def _round_corners(corners: np.ndarray, closed: bool, radius: float, n_arc: int = 6) -> np.ndarray:
    """A polyline through `corners` with each interior corner cut by a quadratic curve (radius = fraction
    of the shorter adjacent side). radius 0 gives sharp corners."""
    pts = np.asarray(corners, dtype=np.float64)
    if radius <= 0:
        return np.vstack([pts, pts[:1]]) if closed else pts
    m = len(pts)
    out = []
    idx = range(m) if closed else range(1, m - 1)
    if not closed:
        out.append(pts[0])
    for i in idx:
        p0, p1, p2 = pts[i - 1], pts[i], pts[(i + 1) % m]
        a = p1 + (p0 - p1) * radius
        b = p1 + (p2 - p1) * radius
        t = np.linspace(0, 1, n_arc)[:, None]
        out.extend((1 - t) ** 2 * a + 2 * (1 - t) * t * p1 + t * t * b)
    if closed:
        out.append(out[0])
    else:
        out.append(pts[-1])
    return np.asarray(out)


def _bow_sides(poly: np.ndarray, rng: np.random.Generator, amount: float, outward: float = 0.0) -> np.ndarray:
    """Subdivide each side and bend it slightly (people's straight lines are a little curved): each side
    by its own random amount (sd `amount` x its length), or with `outward` != 0 every side the same way
    by 0.5-1 x |outward| (positive: to the left of the direction of travel)."""
    out = [poly[:1]]
    for p, q in zip(poly[:-1], poly[1:], strict=True):
        t = np.linspace(0, 1, 9)[1:, None]
        d = q - p
        normal = np.array([-d[1], d[0]])
        b = outward * rng.uniform(0.5, 1.0) if outward else rng.normal(0, amount)
        bend = b * 4 * t * (1 - t)
        out.append(p + d * t + normal * bend)
    return np.vstack(out)


def _close(path: np.ndarray, rng: np.random.Generator, style: str) -> np.ndarray:
    """Open a closed path's ending into an overshoot (re-trace past the start) or a gap."""
    total = np.sqrt((np.diff(path, axis=0) ** 2).sum(axis=1)).sum()
    if style == "overshoot":
        extra = rng.uniform(0.02, 0.18) * total
        d = np.diff(path, axis=0)
        s = np.concatenate([[0.0], np.cumsum(np.sqrt((d * d).sum(axis=1)))])
        k = np.searchsorted(s, extra)
        tail = path[1 : k + 1] if k > 0 else path[1:2]
        tail = tail + rng.normal(0, 0.012, size=2) * np.linspace(0.3, 1.0, len(tail))[:, None]
        return np.vstack([path, tail])
    if style == "gap":
        cut = rng.uniform(0.01, 0.08) * total
        d = np.diff(path, axis=0)
        s = np.concatenate([[0.0], np.cumsum(np.sqrt((d * d).sum(axis=1)))])
        keep = s <= total - cut
        return path[keep] if keep.sum() >= 2 else path
    return path


def _rotate(points: np.ndarray, angle: float) -> np.ndarray:
    c, s = np.cos(angle), np.sin(angle)
    return points @ np.array([[c, s], [-s, c]])


def _human_angle(rng: np.random.Generator, upright_p: float = 0.75) -> float:
    """Most people draw shapes upright; some tilt them a little; a few at any angle."""
    u = rng.uniform()
    if u < upright_p:
        return rng.normal(0, np.radians(4))
    if u < upright_p + 0.15:
        return rng.normal(0, np.radians(15))
    return rng.uniform(-np.pi, np.pi)


def _stretch(rng: np.random.Generator, p_stretch: float = 0.55, top: float = 7.0) -> tuple[float, float]:
    """Width and height factors: often a copy stretched 1.3-`top` x wide or tall."""
    if rng.uniform() >= p_stretch:
        return 1.0, 1.0
    f = float(np.exp(rng.uniform(np.log(1.3), np.log(top))))
    return (f, 1.0) if rng.uniform() < 0.5 else (1.0, f)


# -- strokes: split a pen path into strokes and give it timestamps ---------------------------------------


def _split(path: np.ndarray, rng: np.random.Generator, cut_at: Sequence[int] = ()) -> list[np.ndarray]:
    """Split a path at some of the given point indices (pen lifts), with a slight offset at each lift."""
    cuts = sorted({int(c) for c in cut_at if 1 < c < len(path) - 2})
    if not cuts:
        return [path]
    out = []
    start = 0
    for c in cuts:
        out.append(path[start : c + 1])
        start = c
    out.append(path[start:])
    jitter = 0.015
    return [s + rng.normal(0, jitter, size=2) if i else s for i, s in enumerate(out)]


def _finish(
    strokes: list[np.ndarray], rng: np.random.Generator, label: str, aspect: tuple[float, float] = (1, 1)
) -> Drawing:
    """Stretch, place on the canvas, resample and add timestamps."""
    pts = np.vstack(strokes)
    sx, sy = aspect
    strokes = [s * np.array([sx, sy]) for s in strokes]
    pts = np.vstack(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    extent = float((hi - lo).max()) or 1.0
    size = rng.uniform(70, 250)
    scale = size / extent
    centre = (lo + hi) / 2
    room = np.maximum(CANVAS - (hi - lo) * scale, 0) / 2
    pos = np.array([CANVAS / 2, CANVAS / 2]) + rng.uniform(-1, 1, size=2) * room * 0.9
    speed = rng.uniform(0.4, 2.0)  # canvas units per ms
    t = rng.uniform(0, 300)
    out = []
    for s in strokes:
        p = (s - centre) * scale + pos
        p = _resample(p, rng.uniform(3.0, 6.0)) if len(p) > 1 else p
        seg = np.sqrt((np.diff(p, axis=0) ** 2).sum(axis=1))
        dt = seg / (speed * rng.uniform(0.6, 1.5, size=len(seg)))
        ts = t + np.concatenate([[0.0], np.cumsum(dt)])
        # whole canvas units and milliseconds, as in Quick, Draw!'s raw files (keeps files small)
        q = np.column_stack([np.round(p), np.round(ts)])
        if len(q) > 1:
            moved = np.any(np.diff(q[:, :2], axis=0) != 0, axis=1)
            q = np.concatenate([q[:1], q[1:][moved]])
        out.append(q)
        t = ts[-1] + rng.uniform(80, 400)
    return Drawing(tuple(out), label)


def _overrun(rng: np.random.Generator, long_p: float = 0.08, longest: float = 0.6) -> float:
    """How far the pen runs on past a corner, as a fraction of the side: usually a little, now and then
    (`long_p`) a lot, up to `longest` (some people cross every corner like a hash sign, or draw a box's
    sides as four long lines); negative: it stops short of the corner."""
    u = rng.uniform()
    if u < 0.2:
        return rng.uniform(-0.06, 0.0)
    if u < 0.7 - (long_p - 0.08) / 2:
        return rng.uniform(0.0, 0.08)
    if u < 1.0 - long_p:
        return rng.uniform(0.08, 0.25)
    return rng.uniform(0.25, longest)


def _open_run(corners: np.ndarray, rng: np.random.Generator, radius: float, before: float, after: float):
    """An open pen path through `corners` (in order) whose first side starts `before` x its length ahead
    of the first corner and whose last side runs `after` x its length past the last corner (negative:
    stops short); inner corners rounded by `radius`."""
    c = np.array(corners, dtype=np.float64)
    c[0] = c[0] - (c[1] - c[0]) * before
    c[-1] = c[-1] + (c[-1] - c[-2]) * after
    return _round_corners(c, False, radius) if len(c) > 2 else c


def _polygon_drawing(
    corners: np.ndarray,
    rng: np.random.Generator,
    label: str,
    aspect,
    round_p: float = 0.35,
    round_max: float = 0.15,
    bulge_p: float = 0.0,
    overrun: tuple[float, float] = (0.08, 0.6),
) -> Drawing:
    """A closed polygon drawn like a person: bowed sides, sharp or round corners; one stroke that closes
    exactly, with a re-traced overshoot, a gap or a straight run-on past the first corner; or several
    strokes (split at corners, or one per side) whose ends run on past the corners or stop short.

    bulge_p: the chance that every side bulges outward (3-10 % of its length: a "D"-sided triangle);
    overrun: `_overrun`'s (long_p, longest) for the run-ons past corners."""
    m = len(corners)
    start = int(rng.integers(m))
    corners = np.roll(corners, -start, axis=0)
    if rng.uniform() < 0.5:
        corners = corners[::-1]
    size = float(np.ptp(corners, axis=0).max())
    radius = rng.uniform(0.04, round_max) if rng.uniform() < round_p else 0.0
    outward = 0.0
    if bulge_p and rng.uniform() < bulge_p:
        x, y = corners[:, 0], corners[:, 1]
        turn = float((x * np.roll(y, -1) - np.roll(x, -1) * y).sum())  # > 0: the corners run clockwise
        outward = rng.uniform(0.03, 0.1) * -np.sign(turn)  # (y down); the left normal then points in

    def bow(path):  # bulging sides, or sharp-cornered sides bent a little each its own way
        return _bow_sides(path, rng, 0.03, outward) if outward or radius == 0 else path

    mode = rng.choice(["one", "pieces", "sides"], p=[0.6, 0.15, 0.25])
    wob = size * rng.uniform(0.003, 0.02)
    if mode == "one":
        style = rng.choice(["exact", "overshoot", "gap", "runon"], p=[0.25, 0.3, 0.2, 0.25])
        if style == "runon":
            ring = np.vstack([corners, corners[:1]])
            before = _overrun(rng, *overrun) if rng.uniform() < 0.5 else 0.0
            poly = _open_run(ring, rng, radius, before, abs(_overrun(rng, *overrun)) + 0.03)
        else:
            poly = _round_corners(corners, True, radius)
        poly = bow(poly)
        path = _resample(poly, size / 80)
        path = _close(path, rng, style) if style != "runon" else path
        path = _wobble(path, rng, wob)
        if rng.uniform() < 0.15:  # lifted the pen halfway
            return _finish(_split(path, rng, [len(path) // 2 + int(rng.integers(-3, 4))]), rng, label, aspect)
        return _finish([path], rng, label, aspect)
    if mode == "sides":
        cuts = list(range(m))
    else:
        k = int(rng.integers(2, m)) if m > 2 else 2
        cuts = sorted(int(c) for c in rng.choice(m, size=min(k, m), replace=False))
    strokes = []
    for j, c0 in enumerate(cuts):
        c1 = cuts[(j + 1) % len(cuts)]
        n = (c1 - c0) % m or m
        run = corners[[(c0 + i) % m for i in range(n + 1)]]
        p = _open_run(run, rng, radius, _overrun(rng, *overrun), _overrun(rng, *overrun))
        p = bow(p)
        strokes.append(_wobble(_resample(p, size / 60), rng, wob))
    return _finish(strokes, rng, label, aspect)


# -- the classes -----------------------------------------------------------------------------------------


def _square(rng: np.random.Generator) -> Drawing:
    w = 1.0
    h = float(np.exp(rng.uniform(np.log(0.8), np.log(1.25)))) if rng.uniform() < 0.6 else 1.0
    c = np.array([[-w, -h], [w, -h], [w, h], [-w, h]]) / 2
    aspect = _stretch(rng, 0.6, SQUARE_STRETCH_TOP)
    # a long box stays a box: slanted or tapered sides on a 3x stretch would make a sliver
    kind = rng.uniform() if max(aspect) < 3 else 1.0
    if kind < 0.15:  # parallelogram / rhombus-like
        c[:, 0] += c[:, 1] * rng.uniform(-0.8, 0.8)
    elif kind < 0.27:  # trapezoid-ish: both top corners moved in, or one (a right trapezoid)
        if rng.uniform() < 0.5:
            c[int(rng.integers(2)), 0] *= rng.uniform(0.1, 0.7)
        else:
            c[:2, 0] *= rng.uniform(0.55, 0.9)
    c += rng.normal(0, 0.04, size=c.shape)  # imprecise corners
    c = _rotate(c, _human_angle(rng))
    # rounded corners; a long rectangle only slightly (with round ends it would be a stadium, not a box)
    round_max = 0.25 if max(aspect) < 2 else 0.08
    # people draw a box's sides as lines that often run on past the corners, some a long way
    return _polygon_drawing(c, rng, "square", aspect, round_p=0.3, round_max=round_max,
                            overrun=SQUARE_OVERRUN)


def _triangle(rng: np.random.Generator) -> Drawing:
    kind = rng.uniform()
    if kind < 0.35:  # isosceles / equilateral, apex up
        h = rng.uniform(0.6, 1.3)
        b = rng.uniform(0.6, 1.3)
        c = np.array([[rng.normal(0, 0.08), -h / 2], [b / 2, h / 2], [-b / 2, h / 2]])
    elif kind < 0.6:  # right triangle
        a, b = rng.uniform(0.5, 1.2, size=2)
        c = np.array([[0, 0], [a, 0], [0, -b]]) * np.array([rng.choice([-1, 1]), 1])
    else:  # scalene
        while True:
            c = rng.uniform(-1, 1, size=(3, 2))
            e = np.roll(c, -1, axis=0) - c
            lens = np.sqrt((e * e).sum(axis=1))
            area = abs(e[0, 0] * e[1, 1] - e[0, 1] * e[1, 0]) / 2
            if area / (lens.max() ** 2) > 0.15:
                break
    c = c - c.mean(axis=0)
    c += rng.normal(0, 0.03, size=c.shape)
    # pointing up most often, but also down, left and right, and now and then at any angle
    c = _rotate(c, _human_angle(rng, 0.5) + rng.choice([0.0, 0.5, 1.0, 1.5], p=TRIANGLE_TURNS) * np.pi)
    return _polygon_drawing(c, rng, "triangle", _stretch(rng, 0.55, 5.0), round_max=TRIANGLE_ROUND,
                            bulge_p=TRIANGLE_BULGE)


def _ellipse_path(rng: np.random.Generator, n: int = 90) -> np.ndarray:
    """One closed-ish loop: start angle random, either direction, radius wobble, egg-like asymmetry."""
    turns = 1.0 + rng.choice([rng.uniform(-0.08, 0.0), rng.uniform(0.0, 0.2), rng.uniform(0.2, 0.6)],
                             p=[0.25, 0.55, 0.2])
    a0 = rng.uniform(0, 2 * np.pi)
    direction = rng.choice([-1.0, 1.0])
    th = a0 + direction * np.linspace(0, 2 * np.pi * turns, int(n * turns))
    r = 1.0 + _smooth_noise(len(th), rng, rng.uniform(0.0, 0.1), (0.5, 2.5))
    r *= 1.0 + 0.06 * rng.normal() * np.linspace(0, 1, len(th))  # drift: the loop does not meet itself
    over = np.clip((np.abs(th - a0) - 2 * np.pi) / (2 * np.pi), 0, None)
    if over.any() and rng.uniform() < 0.5:  # the pen runs on past the start and leaves the loop: a tail
        keep = over <= 0.22
        th, r, over = th[keep], r[keep], over[keep]
        r *= 1.0 + rng.choice([-1.0, 1.0]) * rng.uniform(0.6, 1.6) * over
    egg = rng.uniform(-0.15, 0.15)
    x = r * np.cos(th)
    y = r * np.sin(th) * (1 + egg * np.cos(th))
    if rng.uniform() < 0.25:  # lemon / eye shape: the ends come to soft points
        y = y * (1 - rng.uniform(0.2, 0.5) * np.cos(th) ** 2)
    return np.stack([x, y], axis=1)


def _tail(path: np.ndarray, rng: np.random.Generator, length: float) -> np.ndarray:
    """The path with a stroke that leaves its end along its last direction, bending a little."""
    t0 = path[-1] - path[max(0, len(path) - 4)]
    t0 = t0 / (np.hypot(t0[0], t0[1]) + 1e-12)
    u = np.linspace(0.0, length, 12)[1:, None]
    normal = np.array([-t0[1], t0[0]]) * rng.choice([-1.0, 1.0])
    return np.vstack([path, path[-1] + t0 * u + normal * rng.uniform(0.0, 0.5) * u**2])


def _crossed_loop(rng: np.random.Generator) -> np.ndarray:
    """A loop whose two ends cross where it closes and run on a little (an "l", a fish, an alpha):
    the nodal cubic x = s^2 - 1, y = c s (s^2 - 1); the loop is s in [-1, 1], the tails beyond."""
    s = np.linspace(-1.0 - rng.uniform(0.03, 0.18), 1.0 + rng.uniform(0.03, 0.18), 90)
    c = rng.uniform(1.8, 3.0)
    pts = np.stack([s * s - 1.0, c * s * (s * s - 1.0) / 2.0], axis=1)
    return pts[::-1] if rng.uniform() < 0.5 else pts


def _circle(rng: np.random.Generator) -> Drawing:
    path = _ellipse_path(rng) if rng.uniform() >= 0.1 else _crossed_loop(rng)
    # the stem of a "6" or a "b" is often as long as the loop is wide (radius 1 here)
    if rng.uniform() < 0.25:  # a lead-in: the pen comes in along the loop from outside (a "6" or a sigma)
        path = _tail(path[::-1], rng, rng.uniform(0.3, 1.5))[::-1]
    if rng.uniform() < 0.15:  # a run-off: the pen leaves the loop at the end (a "9", an "e")
        path = _tail(path, rng, rng.uniform(0.3, 1.1))
    path = path * np.array([1.0, float(np.exp(rng.uniform(np.log(0.8), np.log(1.25))))])
    path = _rotate(path, _human_angle(rng, 0.6))
    path = _wobble(path, rng, rng.uniform(0.0, 0.025))
    if rng.uniform() < 0.12:
        strokes = _split(path, rng, [len(path) // 2 + int(rng.integers(-10, 10))])
    else:
        strokes = [path]
    return _finish(strokes, rng, "circle", _stretch(rng, 0.6, 6.0))


# irregular shapes: each returns a list of strokes in a unit frame


def _regular(m: int, rng: np.random.Generator) -> np.ndarray:
    th = rng.uniform(0, 2 * np.pi) + np.arange(m) * 2 * np.pi / m
    r = 1 + rng.normal(0, 0.06, m)
    return np.stack([r * np.cos(th), r * np.sin(th)], axis=1)


def _irr_polygon(rng):  # a pentagon (a hand-drawn hexagon is already nearly a lumpy circle)
    return _regular(5, rng), True


def _irr_star(rng):
    m = int(rng.choice([5, 5, 5, 6, 4]))
    th = rng.uniform(0, 2 * np.pi) + np.arange(2 * m) * np.pi / m
    r = np.where(np.arange(2 * m) % 2 == 0, 1.0, rng.uniform(0.3, 0.55))
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
    e = rng.uniform(0.15, 0.35)
    h = rng.uniform(0.8, 2.0)
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

    (0.05, _irr_polygon),
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


def _irregular(rng: np.random.Generator) -> Drawing:
    fn = _IRREGULAR[int(rng.choice(len(_IRREGULAR), p=_IRR_P))][1]
    res = fn(rng)
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


_MAKERS: dict[str, Callable[[np.random.Generator], Drawing]] = {
    "square": _square,
    "triangle": _triangle,
    "circle": _circle,
    "irregular": _irregular,
}


def generate_drawing(label: str, rng: np.random.Generator) -> Drawing:
    """One synthetic drawing of class `label` (one of DEFAULT_CLASSES)."""
    if label not in _MAKERS:
        raise ValueError(f"no generator for class {label!r}; known: {', '.join(DEFAULT_CLASSES)}")
    return _MAKERS[label](rng)


def generate_drawings(
    per_class: int, seed: int | np.random.Generator = 0, classes: Sequence[str] = DEFAULT_CLASSES
) -> list[Drawing]:
    """`per_class` drawings of each class, interleaved (square, triangle, ... , square, ...).

    Deterministic for a given seed. Raw form: every stroke is (n, 3) x, y, t on a 256 x 256 canvas.
    Raises ValueError for a class the generator does not know.
    """
    if per_class < 0:
        raise ValueError("per_class must be >= 0")
    unknown = [c for c in classes if c not in _MAKERS]
    if unknown:
        raise ValueError(f"no generator for class {unknown[0]!r}; known: {', '.join(DEFAULT_CLASSES)}")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    out = []
    for _ in range(per_class):
        for c in classes:
            out.append(_MAKERS[c](rng))
    return out
