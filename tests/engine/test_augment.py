"""Augmentation: seeded, label and extra kept, shapes changed but recognisable."""

import numpy as np

from engine.augment import AugmentConfig, augment_drawing, augmented_versions
from engine.drawing import Drawing
from engine.raster import THICKNESS_KEY, rasterize

SQUARE = np.array([[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]], dtype=float)


def drawing():
    timed = np.column_stack([SQUARE, np.arange(5) * 20.0])
    return Drawing((timed, np.array([[10.0, 10.0], [90.0, 90.0]])), "square", {"key_id": "7"})


def test_versions_are_seeded_and_differ_from_each_other():
    a = augmented_versions(drawing(), 4, seed=5)
    b = augmented_versions(drawing(), 4, seed=5)
    c = augmented_versions(drawing(), 4, seed=6)
    assert a == b
    assert a != c
    assert len({a[i].strokes[0].tobytes() for i in range(4)}) == 4


def test_label_extra_times_and_structure_kept():
    d = drawing()
    for v in augmented_versions(d, 5, seed=0):
        assert v.label == "square"
        assert v.extra["key_id"] == "7"
        assert 0.75 <= v.extra[THICKNESS_KEY] <= 1.35
        assert [s.shape for s in v.strokes] == [s.shape for s in d.strokes]
        np.testing.assert_array_equal(v.strokes[0][:, 2], d.strokes[0][:, 2])
    assert THICKNESS_KEY not in d.extra  # the original is untouched


def test_zero_config_is_identity_up_to_thickness():
    cfg = AugmentConfig(rotation=0, scale=0, shear=0, translate=0, jitter=0, thickness=(1.0, 1.0))
    v = augment_drawing(drawing(), np.random.default_rng(0), cfg)
    for s, t in zip(v.strokes, drawing().strokes, strict=True):
        np.testing.assert_allclose(s, t, atol=1e-9)
    np.testing.assert_array_equal(rasterize(v), rasterize(drawing()))


def test_changes_are_moderate():
    d = Drawing((SQUARE,), "square")
    base = rasterize(d)
    for v in augmented_versions(d, 20, seed=1):
        x0, y0, x1, y1 = v.bounds()
        assert 1 / 2.5 < (x1 - x0) / (y1 - y0) < 2.5  # still a box-like shape, not a line
        r = rasterize(v)
        assert 0.5 < r.sum() / base.sum() < 1.6 and not np.array_equal(r, base)
    # rotation stays within the configured range: the square's top edge tilts by at most ~12 degrees
    for v in augmented_versions(d, 20, seed=2, config=AugmentConfig(scale=0, shear=0, jitter=0)):
        p = v.strokes[0]
        angle = np.degrees(np.arctan2(p[1, 1] - p[0, 1], p[1, 0] - p[0, 0]))
        assert abs(angle) <= 12.0 + 1e-9


def test_augment_batch_is_seeded_and_keeps_the_strokes():
    from engine.augment import augment_batch
    from engine.raster import StrokeBatch

    batch = StrokeBatch.from_drawings([drawing(), Drawing((SQUARE,), "square")])
    a = augment_batch(batch, np.random.default_rng(3))
    b = augment_batch(batch, np.random.default_rng(3))
    c = augment_batch(batch, np.random.default_rng(4))
    np.testing.assert_array_equal(a.points, b.points)
    np.testing.assert_array_equal(a.thickness, b.thickness)
    assert not np.array_equal(a.points, c.points)
    np.testing.assert_array_equal(a.stroke_offsets, batch.stroke_offsets)
    assert np.all((a.thickness >= 0.75) & (a.thickness <= 1.35))
    cfg = AugmentConfig(rotation=0, scale=0, shear=0, translate=0, jitter=0, thickness=(1.0, 1.0))
    same = augment_batch(batch, np.random.default_rng(0), cfg)
    np.testing.assert_allclose(same.points, batch.points, atol=1e-9)


def _features(strokes_list):
    """Per version: top edge angle (deg), width / height, centre x, pen thickness, wobble of a side."""
    out = []
    for strokes, thick in strokes_list:
        p = strokes[0][:, :2]
        angle = np.degrees(np.arctan2(p[1, 1] - p[0, 1], p[1, 0] - p[0, 0]))
        w, h = np.ptp(p[:, 0]), np.ptp(p[:, 1])
        # the long stroke's middle point off the straight line between its ends: the smooth jitter
        q = strokes[1][:, :2]
        d = q[-1] - q[0]
        wobble = ((q[len(q) // 2] - q[0]) @ np.array([-d[1], d[0]])) / np.hypot(*d)
        out.append([angle, w / h, p[:, 0].mean(), thick, wobble])
    return np.array(out)


def test_augment_batch_draws_from_the_same_distributions_as_augment_drawing():
    """3,000 versions each way: means and spreads of rotation, aspect, shift, thickness and jitter agree
    within sampling error (a doubled range or a missing change would be far outside)."""
    from engine.augment import augment_batch
    from engine.raster import StrokeBatch

    line = np.column_stack([np.linspace(10, 90, 21), np.linspace(20, 80, 21)])
    d = Drawing((SQUARE, line), "square")
    n = 3000
    rng = np.random.default_rng(0)
    one = []
    for _ in range(n):
        v = augment_drawing(d, rng)
        one.append((v.strokes, v.extra[THICKNESS_KEY]))
    batch = augment_batch(StrokeBatch.from_drawings([d] * n), np.random.default_rng(1))
    many = [(batch.strokes(i), batch.thickness[i]) for i in range(n)]
    f1, f2 = _features(one), _features(many)
    for k, name in enumerate(["angle", "aspect", "centre x", "thickness", "wobble"]):
        m1, m2, s1, s2 = f1[:, k].mean(), f2[:, k].mean(), f1[:, k].std(), f2[:, k].std()
        se = np.hypot(s1, s2) / np.sqrt(n)
        assert abs(m1 - m2) < 5 * se + 1e-9, (name, m1, m2)
        assert abs(s1 / s2 - 1) < 0.1, (name, s1, s2)
