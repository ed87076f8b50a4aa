"""The "irregular" class's makers: each is drawn, deterministic for a seed, on the canvas, and the long-tail
forms read off real drawings (pentagons and hexagons, letters and open line figures) stay unlike the
square, triangle and circle classes."""

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


@pytest.mark.parametrize("maker", ["_irr_polygon", "_irr_glyph", "_irr_arc"])
def test_new_forms_deterministic_and_on_the_canvas(maker):
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


def test_polygons_have_five_to_seven_sharp_corners():
    """Pentagons and hexagons are drawn with straight sides and sharp corners (not a lumpy circle): the
    pen path turns at 5-7 places, each by about 360 / m degrees, and hardly at all between them."""
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
    assert 5 <= np.median(found) <= 7
    assert np.mean([4 < n < 9 for n in found]) > 0.7


def test_glyphs_are_open_line_figures():
    """Letters, bars, brackets and angles: no stroke comes back to where it started (nothing closed like
    a square, triangle or circle), and each is made of one to three strokes of straight pieces."""
    rng = np.random.default_rng(5)
    for _ in range(200):
        strokes = si._irr_glyph(rng)
        assert 1 <= len(strokes) <= 3
        size = np.ptp(np.vstack(strokes), axis=0).max()
        for s in strokes:
            assert np.hypot(*(s[-1] - s[0])) > 0.2 * size
        d = si._draw(strokes, rng)
        _on_canvas(d)
        for s in d.strokes:
            dd = np.ptp(s[:, :2], axis=0).max()
            assert np.hypot(*(s[-1, :2] - s[0, :2])) > 0.15 * dd


def test_crescents_open_to_every_side(monkeypatch):
    seen = []
    monkeypatch.setattr(si, "_crisp_polygon", lambda corners, rng, sides_p=0.2: seen.append(corners))
    monkeypatch.setattr(si, "_human_angle", lambda rng, upright_p=0.75: 0.0)
    rng = np.random.default_rng(2)
    for _ in range(400):
        si._irr_arc(rng)
    sides = set()
    for c in seen:  # the crescent's outline: its tips are c[0] and c[len // 2]; it opens away from its bulk
        opening = c[[0, len(c) // 2]].mean(axis=0) - c.mean(axis=0)
        sides.add(int(np.round(np.arctan2(opening[1], opening[0]) / (np.pi / 2))) % 4)
    assert len(seen) > 40 and sides == {0, 1, 2, 3}
