"""The synthetic generator: deterministic, every class, shapes that follow the corner logic."""

import numpy as np
import pytest

from engine.drawing import Drawing
from engine.synth import DEFAULT_CLASSES, generate_drawings


def resample(pts: np.ndarray, n: int) -> np.ndarray:
    seg = np.hypot(*np.diff(pts, axis=0).T)
    s = np.concatenate([[0], np.cumsum(seg)])
    u = np.linspace(0, s[-1], n, endpoint=False)
    return np.stack([np.interp(u, s, pts[:, 0]), np.interp(u, s, pts[:, 1])], axis=1)


def corners(drawing: Drawing, angle_deg: float = 50.0) -> int:
    """Rough corner count of a one-loop drawing: sharp turns of the pen path, the loop taken as closed."""
    pts = np.concatenate([s[:, :2] for s in drawing.strokes])
    p = resample(pts, 300)
    # cut an overshoot: end where the pen comes back closest to where it started
    tail = np.hypot(*(p[200:] - p[0]).T)
    p = resample(p[: 200 + int(np.argmin(tail))], 100)
    v = np.roll(p, -3, axis=0) - p  # direction over a short chord (wrapping round the closed loop)
    ang = np.arctan2(v[:, 1], v[:, 0])
    turn = np.abs((np.roll(ang, -1) - ang + np.pi) % (2 * np.pi) - np.pi)
    # a corner is a local burst of turning: sum the turn over short windows and count the peaks
    w = sum(np.roll(turn, k) for k in range(-2, 3))
    peaks = (w > np.radians(angle_deg)) & (w >= np.roll(w, 1)) & (w > np.roll(w, -1))
    return int(peaks.sum())


def test_same_seed_same_drawings_different_seed_different():
    a = generate_drawings(5, seed=3)
    b = generate_drawings(5, seed=3)
    c = generate_drawings(5, seed=4)
    assert a == b
    assert a != c
    assert all(not np.array_equal(x.strokes[0], y.strokes[0]) for x, y in zip(a, c, strict=True))


def test_every_class_interleaved_with_timestamps_on_the_canvas():
    ds = generate_drawings(6, seed=0)
    assert [d.label for d in ds[:4]] == list(DEFAULT_CLASSES)
    assert {c: sum(d.label == c for d in ds) for c in DEFAULT_CLASSES} == dict.fromkeys(DEFAULT_CLASSES, 6)
    for d in ds:
        assert d.has_times
        lo = np.min([s[:, :2].min(axis=0) for s in d.strokes], axis=0)
        hi = np.max([s[:, :2].max(axis=0) for s in d.strokes], axis=0)
        assert lo.min() >= -1 and hi.max() <= 257
        assert 60 <= (hi - lo).max() <= 256
        for s in d.strokes:
            assert np.all(np.diff(s[:, 2]) >= 0)  # time runs forward within a stroke
        starts = [s[0, 2] for s in d.strokes]
        assert starts == sorted(starts)


def test_subset_of_classes_and_unknown_class():
    ds = generate_drawings(3, seed=1, classes=("circle", "square"))
    assert [d.label for d in ds] == ["circle", "square"] * 3
    with pytest.raises(ValueError, match="hexagon"):
        generate_drawings(1, classes=("hexagon",))
    assert generate_drawings(0) == []


def roundish(d: Drawing) -> bool:
    x0, y0, x1, y1 = d.bounds()
    return max(x1 - x0, y1 - y0) / max(min(x1 - x0, y1 - y0), 1e-6) < 1.5 and len(d.strokes) == 1


def test_corner_counts_follow_the_lecture():
    ds = [d for d in generate_drawings(200, seed=11) if roundish(d)]
    counts = {c: [corners(d) for d in ds if d.label == c] for c in ("square", "triangle", "circle")}
    assert all(len(v) >= 10 for v in counts.values())
    med = {c: float(np.median(v)) for c, v in counts.items()}
    assert med["square"] == 4.0 and med["triangle"] == 3.0
    # circles have no corners; this rough detector also counts the soft points of lemon-shaped ovals and
    # the join of a lead-in or a tail, so it sees 0 or 1 turn in most circles (the median is 0.5-1)
    assert med["circle"] <= 1.0
    assert np.mean(np.array(counts["circle"]) <= 1) > 0.6


def test_variety_size_aspect_and_strokes():
    ds = generate_drawings(60, seed=2)
    sizes = []
    aspects = {c: [] for c in DEFAULT_CLASSES}
    for d in ds:
        x0, y0, x1, y1 = d.bounds()
        sizes.append(max(x1 - x0, y1 - y0))
        aspects[d.label].append(max(x1 - x0, y1 - y0) / max(min(x1 - x0, y1 - y0), 1e-6))
    assert np.ptp(sizes) > 100
    for c in ("square", "circle", "triangle"):
        assert np.percentile(aspects[c], 90) > 2.0  # long rectangles, ellipses, flat triangles
        assert np.percentile(aspects[c], 10) < 1.5
    assert any(len(d.strokes) > 1 for d in ds if d.label == "square")
    assert any(len(d.strokes) > 1 for d in ds if d.label == "irregular")


def test_sides_bulge_all_one_way_when_asked():
    from engine.pen import _bow_sides

    # clockwise on the screen (y runs down)
    ring = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]], dtype=float)
    rng = np.random.default_rng(0)
    for outward, sign in ((-0.1, 1.0), (0.1, -1.0)):
        path = _bow_sides(ring, rng, 0.03, outward)
        mids = path[4::8]  # the middle of each side (8 points per side after the start)
        assert len(mids) == 4
        # how far each midpoint lies outside the square: 4 t (1 - t) = 1 at the middle, side length 2
        out = np.abs(mids).max(axis=1) - 1.0
        assert np.all(sign * out >= 0.5 * 0.1 * 2 - 1e-9) and np.all(sign * out <= 0.1 * 2 + 1e-9)
    # without `outward` each side bends its own random way: both signs occur
    bends = [np.abs(_bow_sides(ring, rng, 0.03)[4::8]).max(axis=1) - 1.0 for _ in range(20)]
    assert (np.concatenate(bends) > 0).any() and (np.concatenate(bends) < 0).any()


def test_long_overruns_as_often_as_asked():
    from engine.pen import _overrun

    rng = np.random.default_rng(1)
    for long_p, longest in ((0.08, 0.6), (0.2, 0.8)):
        v = np.array([_overrun(rng, long_p, longest) for _ in range(20000)])
        assert abs(np.mean(v >= 0.25) - long_p) < 0.01
        assert v.max() <= longest and v.max() > longest - 0.02
        assert abs(np.mean(v < 0) - 0.2) < 0.015  # a fifth stop short of the corner


def test_one_side_bends_out_by_the_amount_asked():
    from engine.pen import _bend_side, _outward

    tri = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, -1.0]])  # y down: the long side runs from (2, 0) to (0, -1)
    out = _outward(tri, 1)
    assert np.allclose(out, np.array([1.0, -2.0]) / np.sqrt(5))  # away from the centre, up and right
    assert np.allclose(_outward(tri, 0), [0.0, 1.0]) and np.allclose(_outward(tri, 2), [-1.0, 0.0])
    t = np.linspace(0, 1, 101)[:, None]
    side = tri[1] + (tri[2] - tri[1]) * t
    bent = _bend_side(side, tri[1], tri[2], 0.2, out)
    shift = (bent - side) @ out
    assert shift[50] == pytest.approx(0.2 * np.sqrt(5))  # the middle: 0.2 x the side's length
    assert shift[0] == 0 and shift[-1] == 0 and np.all(shift >= 0)
    assert shift[25] == pytest.approx(0.75 * 0.2 * np.sqrt(5))  # 4 t (1 - t) at a quarter
    assert np.allclose(bent - side, np.outer(shift, out))  # moved straight out, not along the side
    # the other sides stay where they are, but for a little drag next to the corners, and a run-on past
    # a corner stays too
    others = np.vstack([tri[0] + (tri[1] - tri[0]) * t, tri[2] + (tri[0] - tri[2]) * t])
    far = np.abs((others - tri[1]) @ (out * np.sqrt(5))) / np.sqrt(5) > 0.25 * np.sqrt(5)
    moved = np.hypot(*(_bend_side(others, tri[1], tri[2], 0.2, out) - others).T)
    assert far.sum() > 50 and moved[far].max() < 1e-3 and moved.max() < 0.15
    runon = np.array([[2.3, 0.15], [-0.1, -1.05]])
    assert np.array_equal(_bend_side(runon, tri[1], tri[2], 0.2, out), runon)


@pytest.mark.parametrize(("name", "value"), [
    ("TRIANGLE_SAIL", (1.0, 0.15, 0.2)), ("SQUARE_BEND", (1.0, 0.1, 0.2)), ("CIRCLE_CURL_IN", 1.0),
    ("SQUARE_LONG_TAPER", (1.0, 0.35, 0.8, 0.5)), ("CIRCLE_FLAT_SIDE", (1.0, 0.2, 0.6))])
def test_generator_options_are_deterministic_and_change_only_their_class(monkeypatch, name, value):
    import engine.synth as synth

    # off (the generator as before any of them), then on
    monkeypatch.setattr(synth, name, (0.0, *value[1:]) if isinstance(value, tuple) else 0.0)
    plain = generate_drawings(20, seed=5)
    monkeypatch.setattr(synth, name, value)
    a, b = generate_drawings(20, seed=5), generate_drawings(20, seed=5)
    assert a == b
    label = {"TRIANGLE_SAIL": "triangle", "SQUARE_BEND": "square", "CIRCLE_CURL_IN": "circle",
             "SQUARE_LONG_TAPER": "square", "CIRCLE_FLAT_SIDE": "circle"}[name]
    first = next(i for i, (x, y) in enumerate(zip(a, plain, strict=True)) if x != y)
    assert a[first].label == label  # the first drawing the option changes is of its class
    # every one of them (a circle curls only when it runs on past its start, a box narrows only when long)
    if name not in ("CIRCLE_CURL_IN", "SQUARE_LONG_TAPER"):
        assert all(x != y for x, y in zip(a, plain, strict=True) if x.label == label)


def test_a_sail_is_the_longest_side_of_a_triangle_bent_out(monkeypatch):
    import engine.synth as synth

    seen = []
    real = synth._polygon_drawing

    def spy(corners, rng, label, aspect, **kw):
        seen.append((label, corners.copy(), kw.get("bend"), kw.get("bulge_p")))
        return real(corners, rng, label, aspect, **kw)

    monkeypatch.setattr(synth, "_polygon_drawing", spy)
    monkeypatch.setattr(synth, "TRIANGLE_SAIL", (0.5, 0.1, 0.2))
    monkeypatch.setattr(synth, "SQUARE_BEND", (0.25, 0.06, 0.08))
    rng = np.random.default_rng(2)
    for _ in range(400):
        synth._triangle(rng)
        synth._square(rng)
    tri = [s for s in seen if s[0] == "triangle"]
    sails = [s for s in tri if s[2] is not None]
    assert 0.42 < len(sails) / len(tri) < 0.58
    for _, c, (i, amount), bulge in sails:
        sides = np.hypot(*(np.roll(c, -1, axis=0) - c).T)
        assert i == int(np.argmax(sides)) and 0.1 <= amount <= 0.2
        assert bulge == 0.0  # a sail's other sides stay straight
    boxes = [s for s in seen if s[0] == "square" and s[2] is not None]
    assert 0.18 < len(boxes) / 400 < 0.32
    assert all(0 <= i < 4 and 0.06 <= amount <= 0.08 for _, _, (i, amount), _ in boxes)
    assert len({i for _, _, (i, _), _ in boxes}) == 4


def test_long_boxes_narrow_towards_one_end(monkeypatch):
    import engine.synth as synth

    seen = []
    real = synth._polygon_drawing

    def spy(corners, rng, label, aspect, **kw):
        seen.append((corners.copy(), aspect))
        return real(corners, rng, label, aspect, **kw)

    monkeypatch.setattr(synth, "_polygon_drawing", spy)
    monkeypatch.setattr(synth, "_rotate", lambda pts, angle: pts)  # upright, to read the ends off
    monkeypatch.setattr(synth, "SQUARE_LONG_TAPER", (0.5, 0.35, 0.8, 0.5))
    rng = np.random.default_rng(7)
    for _ in range(600):
        synth._square(rng)

    def ends(c, aspect):  # the widths of the two ends of the long axis (corners TL, TR, BR, BL)
        if aspect[0] >= aspect[1]:
            return abs(c[3, 1] - c[0, 1]), abs(c[2, 1] - c[1, 1])
        return abs(c[1, 0] - c[0, 0]), abs(c[2, 0] - c[3, 0])

    long_boxes = [ends(c, a) for c, a in seen if max(a) >= 3]
    ratio = np.array([min(e) / max(e) for e in long_boxes])
    narrowed = ratio < 0.82  # corners are otherwise only jittered (sd 0.04 of a unit side)
    assert len(long_boxes) > 120 and 0.38 < narrowed.mean() < 0.62
    assert ratio.min() > 0.2
    # short boxes are drawn as before: trapezoids among them, but not from this option
    monkeypatch.setattr(synth, "SQUARE_LONG_TAPER", (0.0, 0.35, 0.8, 0.5))
    seen.clear()
    rng = np.random.default_rng(7)
    for _ in range(600):
        synth._square(rng)
    plain = np.array([min(e) / max(e) for e in (ends(c, a) for c, a in seen if max(a) >= 3)])
    assert (plain < 0.82).mean() < 0.02


def test_flattened_loops_have_one_flat_half(monkeypatch):
    import engine.synth as synth

    def halves(flat):  # the loop's extent below and above its centre line (y = 0), before it is turned
        monkeypatch.setattr(synth, "CIRCLE_FLAT_SIDE", flat)
        rng = np.random.default_rng(3)
        out = []
        for _ in range(200):
            path = synth._ellipse_path(rng)
            out.append((-path[:, 1].min(), path[:, 1].max()))
        return np.array(out)

    plain, flat = halves((0.0, 0.2, 0.6)), halves((1.0, 0.2, 0.6))
    assert np.median(plain[:, 1] / plain[:, 0]) == pytest.approx(1.0, abs=0.1)
    ratio = flat[:, 1] / flat[:, 0]
    assert np.all(ratio < 0.75) and 0.3 < np.median(ratio) < 0.5
    assert np.median(flat[:, 0]) == pytest.approx(np.median(plain[:, 0]), abs=0.05)  # the other half stays


def test_loops_that_curl_in_end_inside(monkeypatch):
    import engine.synth as synth

    def ends(curl):
        monkeypatch.setattr(synth, "CIRCLE_CURL_IN", curl)
        rng = np.random.default_rng(4)
        out = []
        for _ in range(300):
            path = synth._ellipse_path(rng)
            if len(path) > 100:  # ran on past its start (turns > 1.1)
                out.append(float(np.hypot(*path[-1])))
        return np.array(out)

    plain, curled = ends(0.0), ends(1.0)
    assert len(curled) > 60
    # a loop ends near its radius (1) or, as a tail, outside or inside; curled in 0.3-0.87 of the way out
    assert np.median(plain) > 0.9
    assert 0.45 < np.median(curled) < 0.75 and curled.max() < 1.0 and curled.min() > 0.2



def test_the_default_generator_draws_no_sails_bent_boxes_or_curls():
    import engine.synth as synth

    # measured with realdata_eval.py, none yet shown to win over 8 seeds (README > Performance)
    assert synth.TRIANGLE_SAIL[0] == 0.0 and synth.SQUARE_BEND[0] == 0.0 and synth.CIRCLE_CURL_IN == 0.0
    assert synth.SQUARE_LONG_TAPER[0] == 0.0 and synth.CIRCLE_FLAT_SIDE[0] == 0.0


def test_a_training_mix_changes_the_class_counts_and_keeps_the_balanced_drawings():
    from collections import Counter

    import engine.synth as synth

    plain = generate_drawings(40, seed=9)
    mixed = generate_drawings(40, seed=9, mix={"square": 1.1, "irregular": 0.9})
    assert mixed == generate_drawings(40, seed=9, mix={"square": 1.1, "irregular": 0.9})  # deterministic
    counts = Counter(d.label for d in mixed)
    assert counts == {"square": 44, "triangle": 40, "circle": 40, "irregular": 36}
    assert len(mixed) == len(plain)  # the same total: a run on it takes the same steps
    # the balanced drawings first, less the last 4 irregular ones, then 4 more squares
    dropped = [i for i, d in enumerate(plain) if d.label == "irregular"][-4:]
    assert mixed[:-4] == [d for i, d in enumerate(plain) if i not in dropped]
    assert all(d.label == "square" for d in mixed[-4:]) and not any(d in plain for d in mixed[-4:])
    # a class the mix names but the set does not have is left out; no mix is the balanced set
    two = generate_drawings(10, seed=1, classes=("circle", "square"), mix={"square": 1.1, "irregular": 0.9})
    assert Counter(d.label for d in two) == {"circle": 10, "square": 11}
    assert generate_drawings(10, seed=1, mix=None) == generate_drawings(10, seed=1)
    # the training mix (the starter set's, realdata_eval.py's): more squares, fewer irregular, the same total
    starter_like = Counter(d.label for d in generate_drawings(50, seed=1, mix=synth.TRAINING_MIX))
    assert sum(starter_like.values()) == 200 and starter_like["triangle"] == starter_like["circle"] == 50
    assert starter_like["square"] > 50 > starter_like["irregular"]
