"""How a hand moves a pen: the path helpers the synthetic generator draws with.

All of them work in a unit frame around the origin, y down; `_finish` places the strokes on the
CANVAS x CANVAS (256 x 256) drawing area with timestamps, as `engine.synth` hands them out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .drawing import Drawing

CANVAS = 256.0

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


def _bend_side(
    path: np.ndarray, p: np.ndarray, q: np.ndarray, amount: float, outward: np.ndarray
) -> np.ndarray:
    """Bow the part of `path` that runs along the side p-q out by `amount` x its length at its middle
    (along the unit vector `outward`, a parabola 4t(1 - t) from corner to corner): one curved side, as in a
    triangle whose long side is swept out into an arc (a sail, a quarter disc) or a box with one round side.
    Points off that side (further from its line than a tenth of its length) and run-ons past its corners
    stay where they are."""
    d = q - p
    length = float(np.hypot(d[0], d[1]))
    if length < 1e-9 or amount == 0:
        return path
    u = d / length
    rel = path - p
    t = np.clip(rel @ u / length, 0.0, 1.0)
    off = np.abs(rel @ np.array([-u[1], u[0]]))
    weight = np.exp(-((off / (0.1 * length)) ** 2))
    return path + outward * (amount * length * 4 * t * (1 - t) * weight)[:, None]


def _outward(corners: np.ndarray, i: int) -> np.ndarray:
    """The unit normal of side i (corner i to i + 1) that points away from the polygon's centre."""
    p, q = corners[i], corners[(i + 1) % len(corners)]
    d = q - p
    n = np.array([-d[1], d[0]]) / (float(np.hypot(d[0], d[1])) or 1.0)
    return n if float(((p + q) / 2 - corners.mean(axis=0)) @ n) >= 0 else -n


def _polygon_drawing(
    corners: np.ndarray,
    rng: np.random.Generator,
    label: str,
    aspect,
    round_p: float = 0.35,
    round_max: float = 0.15,
    bulge_p: float = 0.0,
    overrun: tuple[float, float] = (0.08, 0.6),
    bend: tuple[int, float] | None = None,
) -> Drawing:
    """A closed polygon drawn like a person: bowed sides, sharp or round corners; one stroke that closes
    exactly, with a re-traced overshoot, a gap or a straight run-on past the first corner; or several
    strokes (split at corners, or one per side) whose ends run on past the corners or stop short.

    bulge_p: the chance that every side bulges outward (3-10 % of its length: a "D"-sided triangle);
    overrun: `_overrun`'s (long_p, longest) for the run-ons past corners;
    bend: (side i, amount): side i (corner i to i + 1 of `corners` as given) bowed out by amount x its
    length (`_bend_side`)."""
    m = len(corners)
    if bend is not None:
        i, amount = bend
        side = (corners[i].copy(), corners[(i + 1) % m].copy(), amount, _outward(corners, i))

        def bent(path):
            return _bend_side(path, *side)
    else:

        def bent(path):
            return path
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
        path = bent(_resample(poly, size / 80))
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
        strokes.append(_wobble(bent(_resample(p, size / 60)), rng, wob))
    return _finish(strokes, rng, label, aspect)
