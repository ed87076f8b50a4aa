"""The one preprocessing path: rasterizer and image preprocessing invariances, with values."""

import numpy as np
import pytest

from engine.drawing import Drawing
from engine.picture import preprocess_image, thin
from engine.raster import (
    THICKNESS_KEY,
    _widen_factor,
    rasterize,
    rasterize_many,
    upright_angle,
)

SQUARE = np.array([[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]], dtype=float)


def circle(n=64, r=50.0, cx=0.0, cy=0.0, ax=1.0):
    t = np.linspace(0, 2 * np.pi, n)
    return np.stack([cx + ax * r * np.cos(t), cy + r * np.sin(t)], axis=1)


def test_square_raster_values():
    r = rasterize([SQUARE], size=28)
    assert r.dtype == np.float32 and r.shape == (28, 28)
    assert r.max() == 1.0 and r.min() == 0.0
    # default pen: 2 px wide centred on the 24 x 24 box from 2 to 26
    assert np.all(r[1:3, 3:25] == 1.0)  # top side fully inked
    assert np.all(r[5:23, 5:23] == 0.0)  # inside empty
    assert r[0].max() <= 0.25 and r[:, 0].max() <= 0.25  # margin stays (nearly) blank
    # anti-aliasing: some edge pixels are fractional
    frac = r[(r > 0) & (r < 1)]
    assert len(frac) > 10
    assert set(np.unique(r * 16)) <= set(range(17))  # 4x4 supersampling: multiples of 1/16


def test_translation_and_scale_invariance():
    a = rasterize([SQUARE])
    b = rasterize([SQUARE * 0.1 + 500.0])  # ten times smaller, far away
    c = rasterize([SQUARE * 7.0 - 3.0])
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(a, c)


def test_pen_width_is_in_output_pixels_and_aspect_is_kept():
    wide = rasterize([circle(ax=2.0)])
    rows = np.flatnonzero(wide.max(axis=1) > 0.5)
    cols = np.flatnonzero(wide.max(axis=0) > 0.5)
    width = cols[-1] - cols[0] + 1
    height = rows[-1] - rows[0] + 1
    assert 25 <= width <= 26
    assert 13 <= height <= 14  # 2:1 kept (24 / 2 + pen)
    # the ink across a straight side is ~2 px whatever the drawing's size
    for scale in (0.05, 1.0, 40.0):
        r = rasterize([SQUARE * scale])
        assert r[14, :8].sum() == pytest.approx(2.0, abs=0.3)


def test_long_drawings_keep_their_inside():
    # a 6:1 box would be a solid 24 x 4 bar at 28 px; it is shown 2:1 (short side widened 3x) so the
    # inside between the long sides stays empty and the corners are corners, not an oval's round ends
    box = np.array([[0, 0], [600, 0], [600, 100], [0, 100], [0, 0]], dtype=float)
    r = rasterize([box])
    rows = np.flatnonzero(r.max(axis=1) > 0.5)
    height = rows[-1] - rows[0] + 1
    assert 13 <= height <= 14  # 24 / 2 + pen
    assert r[14, 6:22].max() < 0.05  # the inside
    # 2:1 and shorter are kept; up to 6:1 everything looks 2:1; longer stays longer (at most 3x wider)
    assert _widen_factor(1 / 2) == 1.0 and _widen_factor(1 / 1.5) == 1.0
    assert _widen_factor(1 / 4) == pytest.approx(2.0) and _widen_factor(1 / 6) == pytest.approx(3.0)
    assert _widen_factor(1 / 12) == 3.0 and _widen_factor(1 / 100) == 3.0
    tall = rasterize([box[:, ::-1] * np.array([1.0, 4.0 / 6.0])])  # a 4:1 box standing up
    cols = np.flatnonzero(tall.max(axis=0) > 0.5)
    assert 13 <= cols[-1] - cols[0] + 1 <= 14
    # the image path treats the same box alike
    img = np.full((80, 400), 255, np.uint8)
    img[10:12, 20:380] = img[68:70, 20:380] = 0
    img[10:70, 20:22] = img[10:70, 378:380] = 0
    r_img = preprocess_image(img)
    rows = np.flatnonzero(r_img.max(axis=1) > 0.5)
    assert 13 <= rows[-1] - rows[0] + 1 <= 14
    assert r_img[14, 6:22].max() < 0.05


def test_thickness_factor_and_explicit_width():
    d = Drawing((SQUARE,), "square")
    thick = Drawing((SQUARE,), "square", {THICKNESS_KEY: 1.5})
    assert rasterize(thick)[14, :8].sum() == pytest.approx(3.0, abs=0.3)
    assert rasterize(d, width=1.0)[14, :8].sum() == pytest.approx(1.0, abs=0.3)


def test_dot_and_strokes_with_times():
    dot = rasterize([np.array([[5.0, 5.0]])])
    assert dot[13:15, 13:15].min() >= 0.5 and dot.sum() == pytest.approx(np.pi, abs=0.6)
    assert dot[12:16, 12:16].sum() == dot.sum()  # a round 2 px dot in the middle
    timed = np.column_stack([SQUARE, np.arange(5) * 10.0])
    np.testing.assert_array_equal(rasterize([timed]), rasterize([SQUARE]))
    with pytest.raises(ValueError):
        rasterize([])


def test_rasterize_many_matches_rasterize():
    ds = [
        Drawing((SQUARE,), "square"),
        Drawing((circle(ax=2.0),), "circle", {THICKNESS_KEY: 1.3}),
        Drawing((SQUARE[:3], SQUARE[2:] + 5), "irregular"),
    ]
    X = rasterize_many(ds, size=32)
    assert X.shape == (3, 1, 32, 32) and X.dtype == np.float32
    for i, d in enumerate(ds):
        np.testing.assert_array_equal(X[i, 0], rasterize(d, size=32))


def draw_image(h, w, pts, radius, ink=0, bg=255):
    """A test image: a polyline drawn with a round pen of `radius` pixels (hard edges)."""
    yy, xx = np.mgrid[0:h, 0:w] + 0.5
    img = np.full((h, w), bg, np.uint8)
    for p, q in zip(pts[:-1], pts[1:], strict=True):
        d = q - p
        t = np.clip(((xx - p[0]) * d[0] + (yy - p[1]) * d[1]) / max(d @ d, 1e-9), 0, 1)
        dist = np.hypot(xx - p[0] - t * d[0], yy - p[1] - t * d[1])
        img[dist <= radius] = ink
    return img


def test_image_polarity_does_not_matter():
    pts = SQUARE * 0.5 + 10
    dark_on_light = draw_image(80, 80, pts, 2.0, ink=0, bg=255)
    light_on_dark = draw_image(80, 80, pts, 2.0, ink=255, bg=0)
    a = preprocess_image(dark_on_light)
    b = preprocess_image(light_on_dark)
    np.testing.assert_array_equal(a, b)
    assert a.dtype == np.float32 and a.max() == 1.0 and a[14, 14] == 0.0


def test_image_thickness_and_size_are_normalised():
    pts = SQUARE * 0.8 + 20
    thin_pen = preprocess_image(draw_image(120, 120, pts, 1.0))
    marker = preprocess_image(draw_image(120, 120, pts, 6.0))
    small = preprocess_image(draw_image(60, 60, SQUARE * 0.3 + 10, 1.5))
    strokes = rasterize([SQUARE])
    for img in (thin_pen, marker, small):
        # same framing and same 2 px line as the stroke rasterizer, up to a pixel's rounding
        assert np.abs(img - strokes).mean() < 0.06
        assert img[14, :8].sum() == pytest.approx(2.0, abs=0.6)
    assert np.abs(thin_pen - marker).mean() < 0.05


def test_image_offset_in_a_big_canvas_and_empty_image():
    img = draw_image(300, 400, SQUARE + np.array([250.0, 30.0]), 3.0)
    r = preprocess_image(img)
    assert np.abs(r - rasterize([SQUARE])).mean() < 0.06
    assert preprocess_image(np.full((50, 50), 200, np.uint8)).sum() == 0.0
    rgb = np.repeat(img[..., None], 3, axis=2)
    np.testing.assert_array_equal(preprocess_image(rgb), r)


def test_thinning_gives_one_pixel_lines():
    mask = np.zeros((20, 30), bool)
    mask[8:13, 3:27] = True  # a 5-pixel-thick bar
    skel = thin(mask)
    assert skel[:, 6:23].sum(axis=0).tolist() == [1] * 17
    assert skel[10, 6:23].all()  # on the bar's centre row
    assert skel.sum() < 26


def test_tilted_drawings_are_turned_upright_but_not_flipped():
    th = np.radians(30)
    rot = np.array([[np.cos(th), np.sin(th)], [-np.sin(th), np.cos(th)]])
    upright = rasterize([SQUARE])
    tilted = rasterize([(SQUARE - 50) @ rot])
    assert np.abs(upright - tilted).mean() < 0.03
    # an arrow pointing up stays pointing up; pointing down stays down
    arrow = [np.array([[50, 100], [50, 0]], float), np.array([[30, 25], [50, 0], [70, 25]], float)]
    up = rasterize(arrow)
    down = rasterize([s * np.array([1, -1]) for s in arrow])
    assert np.abs(up - down[::-1]).mean() < 0.05  # the same picture upside down (up to rounding)
    assert up[:8].sum() > 2 * up[-8:].sum()
    # a round drawing is left as drawn
    c = circle(n=200)
    assert upright_angle(c) == 0.0
    assert upright_angle((SQUARE - 50) @ rot) == pytest.approx(th, abs=np.radians(1))


def edge_case_drawings():
    """Dots, one-point strokes among long ones, times, tilted and long thin shapes, huge and tiny
    coordinates, thickness extremes, a drawing at the point limit."""
    from engine.limits import MAX_POINTS

    rng = np.random.default_rng(11)
    th = np.radians(30)
    rot = np.array([[np.cos(th), -np.sin(th)], [np.sin(th), np.cos(th)]])
    wiggle = np.cumsum(rng.normal(size=(MAX_POINTS, 2)), axis=0)
    return [
        Drawing(([[5.0, 5.0]],), "dot"),
        Drawing(([[5.0, 5.0]], [[9.0, 5.0]]), "two dots"),
        Drawing((SQUARE, [[50.0, 50.0]], [[20.0, 20.0], [20.0, 20.0]]), "square and a dot"),
        Drawing((np.column_stack([SQUARE, np.arange(5) * 10.0]),), "with times"),
        Drawing(((SQUARE - 50) @ rot,), "tilted square"),
        Drawing((circle(ax=9.0),), "long ellipse", {THICKNESS_KEY: 0.1}),
        Drawing((np.array([[0.0, 0.0], [1000.0, 1.0]]),), "line", {THICKNESS_KEY: 10.0}),
        Drawing((SQUARE * 1e4 - 9e5,), "huge"),
        Drawing((SQUARE * 1e-7,), "tiny"),
        Drawing((wiggle[:5000], wiggle[5000:]), "at the point limit"),
    ]


def test_rasterize_is_bit_identical_to_the_one_drawing_reference():
    """The vectorised rasteriser (StrokeBatch) gives exactly the pixels of the per-drawing reference."""
    from raster_reference import rasterize as reference

    from engine.augment import augment_drawing
    from engine.synth import generate_drawings

    rng = np.random.default_rng(5)
    synth = generate_drawings(15, seed=2)
    drawings = synth + [augment_drawing(d, rng) for d in synth] + edge_case_drawings()
    X = rasterize_many(drawings)
    for i, d in enumerate(drawings):
        expected = reference(d)
        np.testing.assert_array_equal(X[i, 0], expected, err_msg=d.label)
        np.testing.assert_array_equal(rasterize(d), expected, err_msg=d.label)
    np.testing.assert_array_equal(rasterize(SQUARE[None], width=5.0), reference([SQUARE], width=5.0))


def test_rasterize_many_is_the_same_whatever_the_chunks(monkeypatch):
    """Drawings split across chunks and pen-sample pieces (of any size) are drawn exactly as alone."""
    import engine.raster as raster
    from engine.synth import generate_drawings

    drawings = generate_drawings(8, seed=4) + edge_case_drawings()
    whole = rasterize_many(drawings)
    monkeypatch.setattr(raster, "CHUNK_DRAWINGS", 3)
    monkeypatch.setattr(raster, "CHUNK_POINTS", 50)
    monkeypatch.setattr(raster, "PIECE_SAMPLES", 37)
    np.testing.assert_array_equal(rasterize_many(drawings), whole)
    levels = raster.rasterize_levels(raster.StrokeBatch.from_drawings(drawings))
    assert levels.dtype == np.uint8 and levels.max() == 16
    np.testing.assert_array_equal(levels.astype(np.float32) / 16, whole[:, 0])


def test_stroke_batch_take_and_strokes():
    from engine.raster import StrokeBatch

    ds = edge_case_drawings()[:4]
    batch = StrokeBatch.from_drawings(ds)
    assert len(batch) == 4 and list(batch.point_counts()) == [1, 2, 8, 5]
    sub = batch.take([3, 0, 3])
    assert list(sub.point_counts()) == [5, 1, 5]
    np.testing.assert_array_equal(sub.strokes(0)[0], SQUARE)
    np.testing.assert_array_equal(sub.strokes(1)[0], [[5.0, 5.0]])
    assert [len(s) for s in batch.strokes(2)] == [5, 1, 2]


LIMITS_SCRIPT = """
import sys
import numpy as np
from engine.drawing import Drawing
from engine.limits import MAX_INK, MAX_POINTS
from engine.raster import rasterize_many

def scribble(seed):
    # MAX_POINTS points zigzagging along a 1,000-wide band, ink just under MAX_INK x the larger side
    r = np.random.default_rng(seed)
    x = np.linspace(0.0, 1000.0, MAX_POINTS)
    y = r.uniform(0.0, 1000.0, MAX_POINTS)
    y *= MAX_INK * 1000.0 * 0.99 / np.abs(np.diff(y)).sum() / 1.0001
    obj = {"word": "irregular", "drawing": [[x.tolist(), y.tolist()]]}
    return Drawing.from_ndjson_obj(obj)  # checks the limits, MAX_INK included

def peak_kb():
    # this process's own peak (ru_maxrss may carry the parent's peak across exec on Linux)
    with open("/proc/self/status") as f:
        return int(f.read().split("VmHWM:")[1].split()[0])

drawings = [scribble(i) for i in range(128)]
before = peak_kb()
X = rasterize_many(drawings)
after = peak_kb()
print((after - before) // 1024, float(X.sum()) > 0)
"""


def test_rasterizing_drawings_at_the_limits_needs_bounded_memory():
    """128 drawings at engine.limits (10,000 points, strokes 99x the drawing's size) once took ~2.3 GB;
    rasterising them now grows the peak RSS (VmHWM) by well under 200 MB."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", LIMITS_SCRIPT], cwd=root, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out[1] == "True"
    assert int(out[0]) < 200, f"rasterising grew the peak RSS by {out[0]} MB"
