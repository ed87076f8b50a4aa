"""A hand-made representation: the number of corners of a drawing, found from its strokes.

The lecture's first example: "the number of corners can be used as a Representation — square: 4 corners,
triangle: 3, circle: 0". Here the strokes are joined into paths, simplified with Ramer–Douglas–Peucker
(small wobbles removed), and a corner is a place where the simplified path turns sharply: the turning
angles of vertices close together are added up, so a slightly rounded corner still counts once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engine.drawing import rdp  # one simplification for drawings and corners

RULES = {4: "square", 3: "triangle", 0: "circle"}
RULE_CLASSES = ("square", "triangle", "circle", "irregular")

# Defaults, as fractions of the drawing's bounding-box diagonal (so the size of a drawing does not matter).
SIMPLIFY_FRACTION = 0.025  # RDP tolerance
JOIN_FRACTION = 0.12  # stroke ends closer than this are joined; a path whose ends are this close is closed
SHORT_FRACTION = 0.12  # vertices closer than this along the path are one corner (their turns add up)
CORNER_DEGREES = 50.0  # a (merged) turn of at least this many degrees is a corner


@dataclass(frozen=True)
class CornerResult:
    """Corners found in a drawing.

    count: number of corners; corners: (count, 2) their x, y; paths: the simplified paths (each (m, 2));
    closed: for each path, whether its ends meet; turns: for each corner its turning angle in degrees.
    """

    count: int
    corners: np.ndarray
    paths: tuple[np.ndarray, ...]
    closed: tuple[bool, ...]
    turns: tuple[float, ...]

    @property
    def rule_class(self) -> str:
        return rule_classify(self.count)


def rule_classify(count: int) -> str:
    """The lecture's rule: 4 corners → square, 3 → triangle, 0 → circle, anything else → irregular."""
    return RULES.get(int(count), "irregular")


def _join_strokes(strokes: Sequence[np.ndarray], tol: float) -> list[np.ndarray]:
    """Chains strokes whose end meets the next stroke's start (or end), in drawing order."""
    paths: list[np.ndarray] = []
    for s in strokes:
        s = np.asarray(s, dtype=np.float64)[:, :2]
        if len(s) == 0:
            continue
        if paths:
            last = paths[-1]
            if np.hypot(*(last[-1] - s[0])) <= tol:
                paths[-1] = np.vstack([last, s[1:]])
                continue
            if np.hypot(*(last[-1] - s[-1])) <= tol:
                paths[-1] = np.vstack([last, s[::-1][1:]])
                continue
        paths.append(s)
    return paths


def _turns(vertices: np.ndarray, closed: bool) -> np.ndarray:
    """Signed turning angle (radians) at every vertex; 0 at the ends of an open path."""
    m = len(vertices)
    turns = np.zeros(m)
    if m < 3:
        return turns
    idx = range(m) if closed else range(1, m - 1)
    for i in idx:
        a = vertices[i] - vertices[i - 1]
        b = vertices[(i + 1) % m] - vertices[i]
        turns[i] = np.arctan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1])
    return turns


def count_corners(
    strokes,
    *,
    simplify: float = SIMPLIFY_FRACTION,
    join: float = JOIN_FRACTION,
    short: float = SHORT_FRACTION,
    corner_degrees: float = CORNER_DEGREES,
) -> CornerResult:
    """Counts the corners of a drawing given as strokes (each (n, 2) or (n, 3) x, y[, t]) or a Drawing."""
    strokes = getattr(strokes, "strokes", strokes)
    strokes = [np.asarray(s, dtype=np.float64) for s in strokes if len(s)]
    if not strokes:
        return CornerResult(0, np.zeros((0, 2)), (), (), ())
    allpts = np.vstack([s[:, :2] for s in strokes])
    diag = float(np.hypot(*(allpts.max(0) - allpts.min(0))))
    if diag < 1e-9:
        return CornerResult(0, np.zeros((0, 2)), (), (), ())
    paths_out, closed_out, corners, turns_out = [], [], [], []
    for path in _join_strokes(strokes, join * diag):
        closed = len(path) > 3 and np.hypot(*(path[-1] - path[0])) <= join * diag
        if closed:
            path = np.vstack([path, path[:1]]) if np.hypot(*(path[-1] - path[0])) > 0 else path
            # simplify a loop from its point farthest from the start, so the seam is no false corner
            far = int(np.argmax(np.hypot(*(path - path[0]).T)))
            first, second = rdp(path[: far + 1], simplify * diag), rdp(path[far:], simplify * diag)
            verts = np.vstack([first, second[1:-1]])  # drop the repeated far point and the closing point
        else:
            verts = rdp(path, simplify * diag)
        paths_out.append(np.vstack([verts, verts[:1]]) if closed else verts)
        closed_out.append(bool(closed))
        theta = _turns(verts, closed)
        # merge runs of vertices joined by short sides: their turns add up to one corner
        m = len(verts)
        seg_len = np.hypot(*(np.roll(verts, -1, axis=0) - verts).T)  # side from vertex i to i + 1
        groups: list[list[int]] = []
        order = list(range(m)) if closed else list(range(1, m - 1))
        for i in order:
            if groups and seg_len[(i - 1) % m] < short * diag and groups[-1][-1] == (i - 1) % m:
                groups[-1].append(i)
            else:
                groups.append([i])
        if closed and len(groups) > 1 and seg_len[m - 1] < short * diag and groups[-1][-1] == m - 1 \
                and groups[0][0] == 0:
            groups[0] = groups.pop() + groups[0]
        for g in groups:
            total = float(np.sum(theta[g]))
            if abs(np.degrees(total)) >= corner_degrees:
                w = np.abs(theta[g]) + 1e-12
                corners.append((verts[g] * w[:, None]).sum(0) / w.sum())
                turns_out.append(float(np.degrees(abs(total))))
    pts = np.array(corners, dtype=np.float64).reshape(-1, 2)
    return CornerResult(len(pts), pts, tuple(paths_out), tuple(closed_out), tuple(turns_out))


# -- clean shapes, for checking the counter and for the lesson's first examples --------------------------


def clean_shape(kind: str, *, center=(128.0, 128.0), size: float = 160.0, angle: float = 0.0,
                points_per_side: int = 25) -> list[np.ndarray]:
    """One closed stroke of a clean square, triangle (equilateral) or circle, densely sampled."""
    cx, cy = center
    r = size / 2
    if kind == "circle":
        t = np.linspace(0, 2 * np.pi, 4 * points_per_side + 1)
        pts = np.stack([np.cos(t + angle), np.sin(t + angle)], axis=1) * r
    else:
        sides = {"square": 4, "triangle": 3}[kind]
        start = angle + (np.pi / 4 if sides == 4 else -np.pi / 2)
        corners = np.array([[np.cos(start + 2 * np.pi * k / sides), np.sin(start + 2 * np.pi * k / sides)]
                            for k in range(sides + 1)]) * r
        u = np.linspace(0, 1, points_per_side, endpoint=False)[:, None]
        sides_pts = [corners[k] + u * (corners[k + 1] - corners[k]) for k in range(sides)]
        pts = np.vstack(sides_pts + [corners[:1]])
    return [pts + np.array([cx, cy])]


# -- comparing the rule with the CNN on a dataset -------------------------------------------------------


def stratified_sample(labels: Sequence[str], limit: int) -> np.ndarray:
    """At most `limit` positions (sorted) that keep every class's share of `labels`: each class gives
    round(limit × its share) drawings (largest remainders first, so the total is exactly `limit`),
    evenly spaced through that class's drawings in their order. All positions when there are few."""
    labels = list(labels)
    n = len(labels)
    if n <= limit:
        return np.arange(n)
    by_class: dict[str, list[int]] = {}
    for i, lab in enumerate(labels):
        by_class.setdefault(lab, []).append(i)
    exact = {c: limit * len(ids) / n for c, ids in by_class.items()}
    take = {c: int(np.floor(v)) for c, v in exact.items()}
    left = limit - sum(take.values())
    for c in sorted(exact, key=lambda c: (-(exact[c] - take[c]), c))[:left]:
        take[c] += 1
    out = []
    for c, ids in by_class.items():
        k = min(take[c], len(ids))
        if k:
            out.extend(np.asarray(ids)[np.linspace(0, len(ids) - 1, k).round().astype(int)].tolist())
    return np.sort(np.asarray(out, dtype=np.int64))


def corner_rule_text() -> str:
    """What `count_corners` does with its default settings, in words (the lesson's caption)."""
    return (f"The strokes are joined and simplified (wobbles smaller than {100 * SIMPLIFY_FRACTION:g} % of "
            "the "
            f"drawing's diagonal are removed). Turns at bends closer together than "
            f"{100 * SHORT_FRACTION:g} % of the diagonal are added up into one, and every (added-up) turn "
            "of at "
            f"least {CORNER_DEGREES:g}° is a corner.")


@dataclass(frozen=True)
class ClassComparison:
    """One row of the comparison table: per true class, how often each method was right."""

    label: str
    count: int
    corner_correct: int
    cnn_correct: int | None

    @property
    def corner_accuracy(self) -> float:
        return self.corner_correct / self.count if self.count else float("nan")

    @property
    def cnn_accuracy(self) -> float | None:
        if self.cnn_correct is None:
            return None
        return self.cnn_correct / self.count if self.count else float("nan")


def compare_representations(labels: Sequence[str], corner_predictions: Sequence[str],
                            cnn_predictions: Sequence[str] | None = None) -> list[ClassComparison]:
    """Per-class accuracy of the corner rule (and of the CNN, if its predictions are given).

    Classes in the order they first appear among the rule's classes, then any others.
    """
    labels = list(labels)
    classes = [c for c in RULE_CLASSES if c in labels] + sorted({c for c in labels} - set(RULE_CLASSES))
    rows = []
    for c in classes:
        idx = [i for i, lab in enumerate(labels) if lab == c]
        corner_ok = sum(1 for i in idx if corner_predictions[i] == c)
        cnn_ok = None if cnn_predictions is None else sum(1 for i in idx if cnn_predictions[i] == c)
        rows.append(ClassComparison(c, len(idx), corner_ok, cnn_ok))
    return rows
