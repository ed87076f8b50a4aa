"""The "irregular" class's makers: each is drawn, deterministic for a seed, on the canvas, and the long-tail
forms read off real drawings (pentagons, hexagons, house outlines) stay unlike the square, triangle and
circle classes."""

import numpy as np
import pytest

from engine import synth_irregular as si
from engine.drawing import Drawing
from tests.engine.test_synth import corners


def _on_canvas(d: Drawing) -> None:
    pts = np.vstack([s[:, :2] for s in d.strokes])
    assert pts.min() >= -1 and pts.max() <= 257
    assert 60 <= np.ptp(pts, axis=0).max() <= 256
    for s in d.strokes:
        assert np.all(np.diff(s[:, 2]) >= 0)


def test_every_maker_is_drawn_by_its_weight(monkeypatch):
    calls = {fn.__name__: 0 for _, fn in si._IRREGULAR}

    def counted(fn):
        def wrapper(rng):
            calls[fn.__name__] += 1
            return fn(rng)
        return wrapper

    monkeypatch.setattr(si, "_IRREGULAR", [(p, counted(fn)) for p, fn in si._IRREGULAR])
    rng = np.random.default_rng(0)
    n = 3000
    for _ in range(n):
        d = si.irregular(rng)
        assert d.label == "irregular"
    assert all(c > 0 for c in calls.values()), calls
    for p, fn in zip(si._IRR_P, calls, strict=True):  # each as often as its weight says
        assert abs(calls[fn] / n - p) < 4 * np.sqrt(p * (1 - p) / n) + 0.002, fn


@pytest.mark.parametrize("maker", ["_irr_polygon", "_irr_star", "_irr_cylinder"])
def test_forms_deterministic_and_on_the_canvas(maker):
    fn = getattr(si, maker)

    def draw(seed):
        rng = np.random.default_rng(seed)
        out = []
        for _ in range(40):
            res = fn(rng)
            out.append(res if isinstance(res, Drawing) else si._draw(res, rng))
        return out

    a, b, c = draw(7), draw(7), draw(8)
    assert a == b and a != c
    for d in a:
        assert d.label == "irregular"
        _on_canvas(d)


def test_polygons_have_five_or_six_sharp_corners():
    """Pentagons and hexagons are drawn with straight sides and sharp corners (not a lumpy circle): the
    pen path turns at 5 or 6 places, each by about 360 / m degrees, and hardly at all between them."""
    rng = np.random.default_rng(3)
    found = []
    for _ in range(60):
        d = si._irr_polygon(rng)
        assert isinstance(d, Drawing)
        if len(d.strokes) == 1:
            x0, y0, x1, y1 = d.bounds()
            if max(x1 - x0, y1 - y0) / min(x1 - x0, y1 - y0) < 1.5:
                found.append(corners(d, angle_deg=35))
    assert len(found) >= 20
    assert 5 <= np.median(found) <= 6
    assert np.mean([4 < n < 9 for n in found]) > 0.7


def test_four_pointed_stars_are_deeply_dented():
    """A four-pointed star with shallow dents is a square with hollow sides: its inner corners lie at most
    0.4 of the way out (five- and six-pointed ones at most 0.55)."""
    rng = np.random.default_rng(9)
    seen = set()
    for _ in range(200):
        c, closed = si._irr_star(rng)
        assert closed
        r = np.hypot(*c.T)
        m = len(c) // 2
        seen.add(m)
        assert np.allclose(r[::2], 1.0)
        assert r[1::2].max() <= (0.4 if m == 4 else 0.55) and r[1::2].min() >= 0.2
    assert seen == {4, 5, 6}



def test_cylinders_show_a_round_top():
    """A cylinder's top is an ellipse at least a quarter as high as it is wide (a flat one on a tall body
    reads as a box), above two upright sides and a half-ellipse bottom."""
    rng = np.random.default_rng(1)
    for _ in range(50):
        top, left, right, bottom = si._irr_cylinder(rng)
        w, h = np.ptp(top, axis=0)
        assert 0.25 <= h / w <= 0.45 + 1e-9
        assert left[0, 0] == -1 and right[0, 0] == 1 and left[1, 1] == right[1, 1] > 0.8
        assert bottom[:, 1].max() > left[1, 1]  # the bottom curves below the sides' ends
