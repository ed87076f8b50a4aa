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
            raise ValueError("no points to learn from")
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


class HiddenLayerNet:
    """A network with one hidden layer, built from the engine's layers and trained with its loss and Adam.

    Dense(2, hidden) → Tanh → Dense(hidden, 1); output x = sigmoid(s); loss: binary cross-entropy.
    """

    def __init__(self, X, t, *, hidden: int = 8, lr: float = 0.05, seed: int = 0):
        self.X = np.asarray(X, dtype=np.float32).reshape(-1, 2)
        self.t = np.asarray(t, dtype=np.float32).reshape(-1, 1)
        rng = np.random.default_rng(seed)
        layers = [Dense(2, hidden, rng=rng), Tanh(), Dense(hidden, 1, rng=rng)]
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
