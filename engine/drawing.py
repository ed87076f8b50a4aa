"""A drawing: strokes plus a label, in and out of Quick, Draw!'s NDJSON object form.

One NDJSON line is one object with at least `"word"` (the label) and `"drawing"`, either the simplified
form `[[xs, ys], ...]` or the raw form `[[xs, ys, ts], ...]` (one `[xs, ys(, ts)]` triple per stroke).
Every other key (`key_id`, `countrycode`, `timestamp`, `recognized`, ...) is kept in `extra` as read and
written back unchanged.

Every Drawing is within `engine.limits`: finite coordinates with |x|, |y| <= MAX_COORDINATE, at most
MAX_POINTS points and MAX_STROKES strokes, so rasterising one never overflows or allocates without bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np

from .limits import (
    MAX_COORDINATE,
    MAX_INK,
    MAX_JSON_DEPTH,
    MAX_POINTS,
    MAX_STROKES,
    MAX_THICKNESS,
    json_depth_exceeds,
)
from .raster import THICKNESS_KEY
from .text import QT_TRANSLATE_NOOP


def _check_values(arr: np.ndarray, what: str) -> None:
    """Raises ValueError unless every value of the (n, 2|3) stroke is finite and x, y are in range."""
    if not np.isfinite(arr).all():
        raise ValueError(QT_TRANSLATE_NOOP(
            "Drawing", "{what} holds a value that is not a finite number"
        ).format(
            what=what))
    if arr.size and np.abs(arr[:, :2]).max() > MAX_COORDINATE:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Drawing", "{what} has a coordinate beyond ±{limit:g} (limit in engine.limits)"
        ).format(what=what, limit=MAX_COORDINATE))


def _lists_of_numbers(k: int):
    return QT_TRANSLATE_NOOP("Drawing", "stroke {k} must hold lists of numbers").format(k=k)


def _not_finite(k: int):
    return QT_TRANSLATE_NOOP("Drawing", "stroke {k} holds a value that is not a finite number").format(k=k)


def _as_stroke(points: Any) -> np.ndarray:
    arr = np.array(points, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] not in (2, 3):
        raise ValueError(QT_TRANSLATE_NOOP(
            "Drawing", "a stroke must be an (n, 2) or (n, 3) array of x, y(, t); got shape {shape}"
        ).format(shape=arr.shape))
    if arr.shape[0] == 0:
        raise ValueError(QT_TRANSLATE_NOOP("Drawing", "a stroke must have at least one point"))
    _check_values(arr, QT_TRANSLATE_NOOP("Drawing", "a stroke"))
    arr.setflags(write=False)
    return arr


def _check_sizes(num_strokes: int, num_points: int) -> None:
    if num_strokes > MAX_STROKES:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Drawing", "too many strokes ({strokes:,}; at most {limit:,} in one drawing)"
        ).format(strokes=num_strokes, limit=MAX_STROKES))
    if num_points > MAX_POINTS:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Drawing", "too many points ({points:,}; at most {limit:,} in one drawing)"
        ).format(points=num_points, limit=MAX_POINTS))


def _check_ink(strokes: list[np.ndarray]) -> None:
    """Raises ValueError if the pen travels more than MAX_INK times the drawing's larger side."""
    if (sum(len(s) for s in strokes) - 1) * 1.4143 <= MAX_INK:  # each step is at most the diagonal
        return
    pts = np.concatenate(strokes)[:, :2] if len(strokes) > 1 else strokes[0][:, :2]
    side = float((pts.max(axis=0) - pts.min(axis=0)).max())
    if side == 0.0 or len(pts) < 2:
        return
    steps = np.hypot(*np.diff(pts, axis=0).T)
    ends = np.cumsum([len(s) for s in strokes[:-1]], dtype=np.intp) - 1  # the pen-up moves between strokes
    steps[ends] = 0.0
    ink = float(steps.sum())
    if ink > MAX_INK * side:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Drawing", "the strokes are {ratio:,.0f} times as long as the drawing is wide "
            "(at most {limit:g}; limit in engine.limits)"
        ).format(ratio=ink / side, limit=MAX_INK))


def _check_extra(extra: dict) -> None:
    if THICKNESS_KEY in extra:
        t = extra[THICKNESS_KEY]
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0 < t <= MAX_THICKNESS:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Drawing", '"{key}" must be a number in (0, {limit:g}], got {value}'
            ).format(
                key=THICKNESS_KEY, limit=MAX_THICKNESS, value=f"{t!r:.40}"))
    if any(isinstance(v, (dict, list)) for v in extra.values()) and json_depth_exceeds(extra, MAX_JSON_DEPTH):
        raise ValueError(QT_TRANSLATE_NOOP(
            "Drawing", "the extra keys nest more than {limit} levels deep"
        ).format(
            limit=MAX_JSON_DEPTH))


@dataclass(frozen=True, eq=False)
class Drawing:
    """One drawing.

    strokes: tuple of (n, 2) [x, y] or (n, 3) [x, y, t] float64 arrays (read-only); y grows downwards
    as on screen; t in milliseconds. At least one stroke with at least one point.
    label: the class name (Quick, Draw!'s "word").
    extra: the other NDJSON keys, kept as read.
    """

    strokes: tuple[np.ndarray, ...]
    label: str
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        strokes = tuple(_as_stroke(s) for s in self.strokes)
        if not strokes:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Drawing", "an empty drawing (no strokes) cannot be used: draw something first"
            ))
        _check_sizes(len(strokes), sum(len(s) for s in strokes))
        if not isinstance(self.label, str):
            raise ValueError(QT_TRANSLATE_NOOP("Drawing", "the label must be a string, got {kind}").format(
                kind=type(self.label).__name__))
        object.__setattr__(self, "strokes", strokes)
        object.__setattr__(self, "extra", dict(self.extra))

    # -- convenience --------------------------------------------------------------------------------

    @property
    def has_times(self) -> bool:
        """True when every stroke carries timestamps (the raw Quick, Draw! form)."""
        return all(s.shape[1] == 3 for s in self.strokes)

    @property
    def num_points(self) -> int:
        return sum(len(s) for s in self.strokes)

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) over all points."""
        pts = np.concatenate([s[:, :2] for s in self.strokes])
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))

    def with_label(self, label: str) -> Drawing:
        return Drawing(self.strokes, label, self.extra)

    def with_strokes(self, strokes) -> Drawing:
        return Drawing(tuple(strokes), self.label, self.extra)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Drawing):
            return NotImplemented
        return (
            self.label == other.label
            and self.extra == other.extra
            and len(self.strokes) == len(other.strokes)
            and all(
                a.shape == b.shape and np.array_equal(a, b)
                for a, b in zip(self.strokes, other.strokes, strict=True)
            )
        )

    __hash__ = None  # type: ignore[assignment]

    # -- NDJSON -------------------------------------------------------------------------------------

    @classmethod
    def from_ndjson_obj(cls, obj: Any) -> Drawing:
        """Build a drawing from one parsed NDJSON object; raises ValueError saying what is wrong."""
        if not isinstance(obj, dict):
            raise ValueError(QT_TRANSLATE_NOOP("Drawing", "expected a JSON object, got {kind}").format(
                kind=type(obj).__name__))
        if "word" not in obj:
            raise ValueError(QT_TRANSLATE_NOOP("Drawing", 'missing "word" (the label)'))
        if "drawing" not in obj:
            raise ValueError(QT_TRANSLATE_NOOP("Drawing", 'missing "drawing" (the strokes)'))
        label = obj["word"]
        if not isinstance(label, str):
            raise ValueError(QT_TRANSLATE_NOOP("Drawing", '"word" must be a string'))
        raw = obj["drawing"]
        if not isinstance(raw, list):
            raise ValueError(QT_TRANSLATE_NOOP(
                "Drawing", '"drawing" must be a list of strokes [[xs, ys], ...]'
            ))
        _check_sizes(len(raw), 0)
        strokes = []
        points = 0
        for k, stroke in enumerate(raw):
            if not isinstance(stroke, list) or len(stroke) not in (2, 3):
                raise ValueError(QT_TRANSLATE_NOOP(
                    "Drawing", "stroke {k} must be [xs, ys] or [xs, ys, ts]"
                ).format(k=k))
            if not all(isinstance(c, list) for c in stroke):
                raise ValueError(_lists_of_numbers(k))
            points += len(stroke[0])
            _check_sizes(len(raw), points)  # before converting: a huge stroke is never allocated
            try:  # one conversion checks every value (a loop over the values in Python is 10x slower)
                cols = np.array(stroke, dtype=np.float64)
            except OverflowError:
                raise ValueError(QT_TRANSLATE_NOOP(
                    "Drawing", "stroke {k} holds a number too large for a coordinate").format(k=k)) from None
            except (TypeError, ValueError):
                if len({len(c) for c in stroke}) > 1:
                    raise ValueError(QT_TRANSLATE_NOOP(
                        "Drawing", "stroke {k} has lists of different lengths").format(k=k)) from None
                raise ValueError(_lists_of_numbers(k)) from None
            if cols.ndim != 2:
                raise ValueError(_lists_of_numbers(k))
            if cols.shape[1] == 0:
                continue  # an empty stroke carries nothing; skip it
            largest = np.abs(cols[:2]).max()
            if not largest <= MAX_COORDINATE:  # also catches NaN
                if np.isfinite(cols[:2]).all():
                    raise ValueError(QT_TRANSLATE_NOOP(
                        "Drawing", "stroke {k} has a coordinate beyond ±{limit:g} (limit in engine.limits)"
                    ).format(k=k, limit=MAX_COORDINATE))
                raise ValueError(_not_finite(k))
            if len(cols) == 3 and not np.isfinite(cols[2]).all():
                raise ValueError(_not_finite(k))
            stroke_array = cols.T.copy()
            stroke_array.setflags(write=False)
            strokes.append(stroke_array)
        if not strokes:
            raise ValueError(QT_TRANSLATE_NOOP("Drawing", "empty drawing (no points)"))
        _check_ink(strokes)
        extra = {k: v for k, v in obj.items() if k not in ("word", "drawing")}
        if extra:
            _check_extra(extra)
        drawing = object.__new__(cls)  # every check of __post_init__ is done above
        object.__setattr__(drawing, "strokes", tuple(strokes))
        object.__setattr__(drawing, "label", label)
        object.__setattr__(drawing, "extra", extra)
        return drawing

    def to_ndjson_obj(self) -> dict:
        """The NDJSON object: `word`, `drawing` (with ts when every stroke has times), then `extra`.

        Whole-number coordinates are written as ints (as in Quick, Draw! files), others as floats.
        """
        obj: dict = {"word": self.label}
        with_t = self.has_times
        strokes = []
        for s in self.strokes:
            cols = s.T if with_t else s[:, :2].T
            strokes.append([_numbers(c) for c in cols])
        obj["drawing"] = strokes
        for k, v in self.extra.items():
            if k not in obj:
                obj[k] = v
        return obj


def _numbers(values: np.ndarray) -> list:
    """A list for JSON: ints when every value is a whole number (as in Quick, Draw! files), else floats."""
    if np.all(np.mod(values, 1) == 0) and np.all(np.abs(values) < 2**53):
        return values.astype(np.int64).tolist()
    return values.tolist()


def rdp(points: np.ndarray, epsilon: float) -> np.ndarray:
    """Ramer-Douglas-Peucker: the fewest points of a polyline that stay within `epsilon` of it.

    Distances are measured on x, y (the first two columns); whole rows (times too) are kept. Keeps the
    first and last point; iterative (no recursion limit). points (n, 2 or 3) -> (m, 2 or 3), m <= n.
    """
    points = np.asarray(points, dtype=np.float64)
    n = len(points)
    if n < 3:
        return points.copy()
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        a = points[i, :2]
        d = points[j, :2] - a
        seg = points[i + 1 : j, :2] - a
        norm = float(np.hypot(d[0], d[1]))
        if norm < 1e-12:
            dist = np.hypot(seg[:, 0], seg[:, 1])
        else:
            dist = np.abs(seg[:, 0] * d[1] - seg[:, 1] * d[0]) / norm
        k = int(np.argmax(dist))
        if dist[k] > epsilon:
            m = i + 1 + k
            keep[m] = True
            stack.append((i, m))
            stack.append((m, j))
    return points[keep]


def simplify_drawing(drawing: Drawing, epsilon: float = 2.0) -> Drawing:
    """Quick, Draw!'s "simplified" form of a drawing: moved to the origin, scaled so the longer side is
    255, Ramer-Douglas-Peucker with `epsilon`, coordinates rounded to integers, timestamps dropped."""
    x0, y0, x1, y1 = drawing.bounds()
    extent = max(x1 - x0, y1 - y0)
    scale = 255.0 / extent if extent > 0 else 1.0
    strokes = []
    for s in drawing.strokes:
        p = (s[:, :2] - np.array([x0, y0])) * scale
        p = np.rint(rdp(p, epsilon))
        if len(p) > 1:  # drop repeated points left by rounding
            d = np.any(np.diff(p, axis=0) != 0, axis=1)
            p = np.concatenate([p[:1], p[1:][d]])
        strokes.append(p)
    return Drawing(tuple(strokes), drawing.label, drawing.extra)


def drawings_from_ndjson_objs(objs: list) -> list[Drawing | None]:
    """`Drawing.from_ndjson_obj` for many parsed objects at once: the same drawings, with the same checks,
    done as a few NumPy operations over all their points instead of a dozen per stroke (a 50,000-drawing
    file reads about 3x faster). Strokes are read-only row slices of one array per batch.

    Returns one item per object: its Drawing, or None where the object is not in the plain forms
    (`[[xs, ys], ...]` or `[[xs, ys, ts], ...]` of numbers, the same form in every stroke, within every
    limit) — an empty stroke, anything wrong. For those the caller uses `Drawing.from_ndjson_obj`, which
    builds them or says what is wrong, so what a file yields never depends on which path read it."""
    out: list[Drawing | None] = [None] * len(objs)
    groups: dict[int, tuple[list, list, list]] = {2: ([], [], []), 3: ([], [], [])}  # width -> lists
    plain: dict[int, list] = {2: [], 3: []}  # width -> (position, label, extra, first stroke, strokes)
    for i, obj in enumerate(objs):
        if type(obj) is not dict:
            continue
        label, raw = obj.get("word"), obj.get("drawing")
        if type(label) is not str or type(raw) is not list or not raw or len(raw) > MAX_STROKES:
            continue
        first_stroke = raw[0]
        width = len(first_stroke) if type(first_stroke) is list else 0
        if width not in (2, 3):
            continue
        columns, lens, _ = groups[width]
        first, points = len(lens), 0
        for stroke in raw:
            if type(stroke) is not list or len(stroke) != width:
                break
            x = stroke[0]
            if type(x) is not list or not x or any(type(c) is not list or len(c) != len(x) for c in stroke):
                break
            points += len(x)
            columns.append(stroke)
            lens.append(len(x))
        else:
            if points <= MAX_POINTS:
                extra = {k: v for k, v in obj.items() if k != "word" and k != "drawing"}
                plain[width].append((i, label, extra, first, len(raw)))
                continue
        del columns[first:], lens[first:]  # this one goes the one-by-one way
    for width in (2, 3):
        if plain[width]:
            _build_plain(out, plain[width], *groups[width][:2], width)
    return out


def _build_plain(out: list, plain: list, columns: list, lens: list, width: int) -> None:
    """The drawings of `plain` (all of one stroke width) into `out`, or left None where a check fails."""
    total = sum(lens)
    pts = np.empty((total, width), dtype=np.float64)
    try:  # one conversion per column of every number (a list fails: the one-by-one way says what is wrong)
        for c in range(width):
            pts[:, c] = np.fromiter(chain.from_iterable(s[c] for s in columns), dtype=np.float64, count=total)
    except (TypeError, ValueError, OverflowError):
        return
    pts.setflags(write=False)
    ends = np.cumsum(lens)
    starts = ends - np.asarray(lens)
    stroke_first = np.array([p[3] for p in plain], dtype=np.intp)
    stroke_count = np.array([p[4] for p in plain], dtype=np.intp)
    d_start = starts[stroke_first]  # each drawing's first point, and its number of points
    d_points = ends[stroke_first + stroke_count - 1] - d_start
    # x, y finite and within ±MAX_COORDINATE (NaN fails the comparison); t finite
    bad_point = ~(np.abs(pts[:, :2]) <= MAX_COORDINATE).all(axis=1)
    if width == 3:
        bad_point |= ~np.isfinite(pts[:, 2])
    bad = np.logical_or.reduceat(bad_point, d_start) if bad_point.any() else np.zeros(len(plain), bool)
    # the ink limit (`_check_ink`), for the drawings long enough to need it
    check = (d_points - 1) * 1.4143 > MAX_INK
    if check.any():
        x, y = pts[:, 0], pts[:, 1]
        step = np.zeros(total)
        with np.errstate(invalid="ignore", over="ignore"):
            step[:-1] = np.hypot(np.diff(x), np.diff(y))
            step[ends - 1] = 0.0  # the pen-up moves between strokes (and between drawings)
            step[~np.isfinite(step)] = 0.0
            ink = np.add.reduceat(step, d_start)
            side = np.maximum(np.maximum.reduceat(x, d_start) - np.minimum.reduceat(x, d_start),
                              np.maximum.reduceat(y, d_start) - np.minimum.reduceat(y, d_start))
            bad |= check & (side > 0) & (d_points >= 2) & (ink > MAX_INK * side)
    starts_list, ends_list = starts.tolist(), ends.tolist()
    for k, (i, label, extra, first, count) in enumerate(plain):
        if bad[k]:
            continue
        if extra:
            try:
                _check_extra(extra)
            except ValueError:
                continue
        strokes = tuple(pts[a:b] for a, b in zip(starts_list[first:first + count],
                                                    ends_list[first:first + count], strict=True))
        drawing = object.__new__(Drawing)  # every check of __post_init__ is done above
        object.__setattr__(drawing, "strokes", strokes)
        object.__setattr__(drawing, "label", label)
        object.__setattr__(drawing, "extra", extra)
        out[i] = drawing
