"""Linearly separable or not: a single neuron (the lecture's perceptron) and a network with one hidden layer
on 2-D point sets (AND, OR, XOR, or points placed by the learner).

The single neuron is the lecture's: y = f(w1·x1 + w0·x0 − h) with f the step function (1 if ≥ 0, else 0);
its parameters are (w1, w0, h). Its learning rule answers the lecture's three questions:
  (1) output 1 but target 0: the weighted sum was too big → w −= η·x, h += η;
  (2) output 0 but target 1: too small → w += η·x, h −= η;
  (3) until when? until an epoch passes without a mistake (or we give up: XOR never gets there).
The hidden-layer network is the engine's own: Dense(2, H) → Tanh → Dense(H, 1) with a sigmoid output and
binary cross-entropy (engine.losses), trained by the engine's optimizer, one full-batch step at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.layers import Dense, Tanh
from engine.losses import sigmoid_binary_cross_entropy
from engine.model import Sequential
from engine.optim import Adam
from engine.text import QT_TRANSLATE_NOOP

CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
POINT_SETS = {
    "AND": (CORNERS, np.array([0, 0, 0, 1])),
    "OR": (CORNERS, np.array([0, 1, 1, 1])),
    "XOR": (CORNERS, np.array([0, 1, 1, 0])),
}
EXTENT = (-0.5, 1.5)  # the square of the input plane the lessons show


def point_set(name: str) -> tuple[np.ndarray, np.ndarray]:
    """(X (n, 2) float64 with columns x1, x0; targets (n,) 0/1) for "AND", "OR" or "XOR"."""
    X, t = POINT_SETS[name]
    return X.copy(), t.copy()


def grid(resolution: int = 101, extent: tuple[float, float] = EXTENT) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates (resolution,) and grid points (resolution², 2), row-major: row = x0, column = x1."""
    c = np.linspace(extent[0], extent[1], resolution)
    x1, x0 = np.meshgrid(c, c)  # rows follow x0, columns follow x1
    return c, np.stack([x1.ravel(), x0.ravel()], axis=1)


@dataclass(frozen=True)
class PerceptronUpdate:
    """What happened at one point: the sum, the output, and the change the rule made (zero if right)."""

    index: int  # which point
    x: tuple[float, float]  # (x1, x0)
    target: int
    weighted_sum: float  # w1·x1 + w0·x0 − h, before the update
    output: int  # 1 if weighted_sum ≥ 0 else 0
    case: str  # "right", "output 1, target 0", "output 0, target 1"
    delta: tuple[float, float, float]  # change of (w1, w0, h)
    after: tuple[float, float, float]  # (w1, w0, h) after the update
    epoch: int
    mistakes_in_epoch: int  # mistakes so far in this epoch (this point included)


class Perceptron:
    """The lecture's single neuron with a step activation, trained point by point by the perceptron rule."""

    def __init__(self, X, t, *, w1: float = 0.0, w0: float = 0.0, h: float = 0.0, lr: float = 0.25):
        self.X = np.asarray(X, dtype=np.float64).reshape(-1, 2)
        self.t = np.asarray(t, dtype=np.int64).reshape(-1)
        self.w1, self.w0, self.h, self.lr = float(w1), float(w0), float(h), float(lr)
        self.position = 0  # next point
        self.epoch = 0
        self.mistakes = 0  # in the current epoch
        self.history: list[PerceptronUpdate] = []
        self.clean_epochs = 0  # epochs finished without a mistake

    @property
    def params(self) -> tuple[float, float, float]:
        return self.w1, self.w0, self.h

    def weighted_sum(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64).reshape(-1, 2)
        return self.w1 * X[:, 0] + self.w0 * X[:, 1] - self.h

    def predict(self, X) -> np.ndarray:
        return (self.weighted_sum(X) >= 0).astype(np.int64)

    def accuracy(self) -> float:
        return float(np.mean(self.predict(self.X) == self.t)) if len(self.t) else float("nan")

    @property
    def converged(self) -> bool:
        """Question (3): an epoch passed with no mistake, so the rule will never change anything again."""
        return self.clean_epochs > 0

    def step(self) -> PerceptronUpdate:
        """Shows the next point to the neuron and applies the rule."""
        if len(self.t) == 0:
            raise ValueError(QT_TRANSLATE_NOOP("LessonTraces", "no points to learn from"))
        i = self.position
        x, target = self.X[i], int(self.t[i])
        s = float(self.weighted_sum(x)[0])
        out = int(s >= 0)
        if out == target:
            case, d = "right", (0.0, 0.0, 0.0)
        elif out == 1:
            case, d = "output 1, target 0", (-self.lr * x[0], -self.lr * x[1], self.lr)
        else:
            case, d = "output 0, target 1", (self.lr * x[0], self.lr * x[1], -self.lr)
        self.w1 = float(self.w1 + d[0])
        self.w0 = float(self.w0 + d[1])
        self.h = float(self.h + d[2])
        if case != "right":
            self.mistakes += 1
        update = PerceptronUpdate(i, (float(x[0]), float(x[1])), target, s, out, case,
                                  tuple(float(v) for v in d), self.params, self.epoch, self.mistakes)
        self.history.append(update)
        self.position += 1
        if self.position == len(self.t):
            self.clean_epochs = self.clean_epochs + 1 if self.mistakes == 0 else 0
            self.position, self.mistakes = 0, 0
            self.epoch += 1
        return update

    def train_epochs(self, epochs: int) -> float:
        """Runs whole epochs (stops early once converged); returns the accuracy."""
        for _ in range(epochs * max(1, len(self.t))):
            if self.converged:
                break
            self.step()
        return self.accuracy()

    def boundary_grid(self, resolution: int = 101, extent=EXTENT) -> np.ndarray:
        """Output (0/1) on a (resolution, resolution) grid; rows follow x0, columns x1."""
        _c, pts = grid(resolution, extent)
        return self.predict(pts).reshape(resolution, resolution)

    def boundary_line(self, extent=EXTENT) -> np.ndarray | None:
        """Two points of the line w1·x1 + w0·x0 = h inside the extent, or None if there is no line."""
        lo, hi = extent
        if abs(self.w0) > 1e-12:
            x1 = np.array([lo, hi])
            return np.stack([x1, (self.h - self.w1 * x1) / self.w0], axis=1)
        if abs(self.w1) > 1e-12:
            x0 = np.array([lo, hi])
            return np.stack([np.full(2, self.h / self.w1), x0], axis=1)
        return None


def _hull(points: np.ndarray) -> np.ndarray:
    """The convex hull's vertices (k, 2), counter-clockwise (Andrew's monotone chain); 1 or 2 rows when
    the points are one point or on one line."""
    pts = np.unique(np.asarray(points, dtype=np.float64).reshape(-1, 2), axis=0)
    if len(pts) <= 2:
        return pts

    def cross(o, a, b) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list = []
    for p in pts[::-1]:
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return np.array(lower[:-1] + upper[:-1])


def separating_line(X, t) -> tuple[float, float, float] | None:
    """Decides exactly whether one straight line separates the points with target 1 from those with
    target 0, and returns such a line as the neuron's (w1, w0, h) (w1·x1 + w0·x0 − h ≥ 0 exactly for the
    target-1 points, the line half-way between the two groups), or None when there is none.

    Two finite point sets are separable by a line exactly when their convex hulls do not meet (a point in
    both hulls would have to lie on both sides). Two disjoint convex polygons have a separating direction
    among their sides' normals (the separating-axis theorem); for hulls that are single points or
    segments, the sides' directions and the vectors between the two sets' points are tried too. All
    points of one class (or none) are separable by a line that has them all on one side."""
    X = np.asarray(X, dtype=np.float64).reshape(-1, 2)
    t = np.asarray(t).reshape(-1).astype(np.int64)
    ones, zeros = X[t == 1], X[t == 0]
    if len(ones) == 0 or len(zeros) == 0:
        return (0.0, 0.0, -1.0) if len(zeros) == 0 else (0.0, 0.0, 1.0)
    h1, h0 = _hull(ones), _hull(zeros)
    axes = []
    for hull in (h1, h0):
        if len(hull) >= 2:
            edges = np.roll(hull, -1, axis=0) - hull
            axes.extend(edges)
            axes.extend(np.stack([-edges[:, 1], edges[:, 0]], axis=1))
    axes.extend((a - b) for a in h1 for b in h0)
    scale = max(1.0, float(np.abs(X).max()))
    best = None
    for a in axes:
        norm = float(np.hypot(*a))
        if norm < 1e-12 * scale:
            continue
        a = a / norm
        p1, p0 = h1 @ a, h0 @ a
        gap = float(p1.min() - p0.max())
        if gap > 1e-9 * scale and (best is None or gap > best[0]):
            best = (gap, a, float((p1.min() + p0.max()) / 2))
        gap = float(p0.min() - p1.max())
        if gap > 1e-9 * scale and (best is None or gap > best[0]):
            best = (gap, -a, float(-(p0.min() + p1.max()) / 2))
    if best is None:
        return None
    _gap, a, h = best
    return float(a[0]), float(a[1]), h


def linearly_separable(X, t) -> bool:
    """True when one straight line separates the target-1 points from the target-0 points (exact; see
    `separating_line`)."""
    return separating_line(X, t) is not None


class HiddenLayerNet:
    """A network with one hidden layer, built from the engine's layers and trained with its loss and Adam.

    Dense(2, hidden) → Tanh → Dense(hidden, 1); output x = sigmoid(s); loss: binary cross-entropy.
    hidden=0 gives the fair control: a single sigmoid neuron Dense(2, 1) trained by the same gradient
    descent (same loss, optimizer, learning rate and steps).
    """

    def __init__(self, X, t, *, hidden: int = 8, lr: float = 0.05, seed: int = 0):
        self.X = np.asarray(X, dtype=np.float32).reshape(-1, 2)
        self.t = np.asarray(t, dtype=np.float32).reshape(-1, 1)
        self.hidden = int(hidden)
        rng = np.random.default_rng(seed)
        if hidden:
            layers = [Dense(2, hidden, rng=rng), Tanh(), Dense(hidden, 1, rng=rng)]
        else:
            layers = [Dense(2, 1, rng=rng)]
        self.model = Sequential(layers, input_shape=(2,))
        self.optimizer = Adam(lr=lr)
        self.steps = 0
        self.loss = float("nan")

    def step(self) -> float:
        """One full-batch gradient step; returns the loss before it."""
        logits = self.model.forward(self.X, training=True)
        loss, dlogits = sigmoid_binary_cross_entropy(logits, self.t)
        self.model.backward(dlogits)
        self.optimizer.step(self.model.parameters(), self.model.gradients())
        self.steps += 1
        self.loss = loss
        return loss

    def train_steps(self, n: int) -> float:
        for _ in range(n):
            self.step()
        return self.accuracy()

    def probability(self, X) -> np.ndarray:
        s = self.model.forward(np.asarray(X, dtype=np.float32).reshape(-1, 2))[:, 0].astype(np.float64)
        return 1.0 / (1.0 + np.exp(-s))

    def predict(self, X) -> np.ndarray:
        return (self.probability(X) >= 0.5).astype(np.int64)

    def accuracy(self) -> float:
        if not len(self.t):
            return float("nan")
        return float(np.mean(self.predict(self.X) == self.t[:, 0].astype(np.int64)))

    def boundary_grid(self, resolution: int = 101, extent=EXTENT) -> np.ndarray:
        """Probability of class 1 on a (resolution, resolution) grid; rows follow x0, columns x1."""
        _c, pts = grid(resolution, extent)
        return self.probability(pts).reshape(resolution, resolution)

    def hidden_outputs(self, X) -> np.ndarray:
        """The hidden layer's outputs (n, hidden): the new representation the network learned."""
        acts = self.model.activations(np.asarray(X, dtype=np.float32).reshape(-1, 2))
        return acts[1].data.astype(np.float64)

    def hidden_view(self, X) -> tuple[np.ndarray, np.ndarray]:
        """The points as the output neuron sees them, in two numbers each: (its weighted sum w·h + b of
        the hidden outputs h — the output is 1 exactly where this is ≥ 0 —, the hidden outputs along their
        main direction of spread across the points that is at right angles to w). In this plane the
        output neuron's boundary is the vertical line at 0: the hidden layer has made the points
        separable by one straight line when the two targets fall on its two sides."""
        H = self.hidden_outputs(X)
        w = self.model.layers[2].params["weight"].astype(np.float64)[0]
        b = float(self.model.layers[2].params["bias"][0])
        decision = H @ w + b
        u = w / max(np.linalg.norm(w), 1e-12)
        R = H - np.outer(H @ u, u)  # what w does not see
        R = R - R.mean(axis=0)
        if len(R) >= 2 and np.abs(R).max() > 1e-12:
            _u, _s, vt = np.linalg.svd(R, full_matrices=False)
            v = vt[0] if vt[0][np.argmax(np.abs(vt[0]))] > 0 else -vt[0]
            other = R @ v
        else:
            other = np.zeros(len(H))
        return decision, other
