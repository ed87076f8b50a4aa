"""Back-propagation number by number: the lecture's appendix network on one example.

Inputs x_k → hidden sums s_j = Σ_k w_kj·x_k → hidden outputs x_j = σ(s_j) → output sums s_i = Σ_j w_ji·x_j
→ outputs x_i = σ(s_i); error E = −Σ_i [t_i log x_i + (1 − t_i) log(1 − x_i)]. The chain rule gives
    ∂E/∂w_ji = (x_i − t_i)·x_j                                   (output layer)
    ∂E/∂w_kj = Σ_i (x_i − t_i)·w_ji·x_j(1 − x_j)·x_k             (hidden layer)
and gradient descent updates w ← w − η·∂E/∂w.

Everything is computed in float64 by the engine itself — Dense, Sigmoid, Dense and
sigmoid_binary_cross_entropy — and the two formulas above are evaluated next to it, so the lesson can show
that the formula, the engine's back-propagation and a central finite difference give the same numbers.
The lecture's formulas have no bias terms, so the biases are 0 and stay 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.layers import Dense, Sigmoid
from engine.losses import sigmoid_binary_cross_entropy
from engine.model import Sequential

# The example: 3 inputs, 2 hidden units, 3 outputs (the appendix sums over i = 1..3).
EXAMPLE_INPUT = (0.9, 0.1, 0.5)  # x_k
EXAMPLE_TARGET = (1.0, 0.0, 0.0)  # t_i
EXAMPLE_W_KJ = ((0.1, 0.3, -0.2), (0.4, -0.1, 0.2))  # hidden weights, row j, column k (engine layout)
EXAMPLE_W_JI = ((0.3, -0.2), (0.1, 0.4), (-0.3, 0.2))  # output weights, row i, column j (engine layout)
EXAMPLE_LR = 0.5
FD_STEP = 1e-6


@dataclass(frozen=True)
class BackpropNumbers:
    """Every number of one forward pass, backward pass and update (float64 arrays).

    Weight arrays use the engine's layout: w_kj[j, k] (hidden layer), w_ji[i, j] (output layer).
    grad_* come in three versions: *_formula (the lecture's chain-rule formula), *_engine (the engine's
    Sequential.backward) and *_fd (central finite differences of the engine's loss, step FD_STEP).
    """

    x_k: np.ndarray
    t_i: np.ndarray
    w_kj: np.ndarray
    w_ji: np.ndarray
    s_j: np.ndarray
    x_j: np.ndarray
    s_i: np.ndarray
    x_i: np.ndarray
    error: float
    error_terms: np.ndarray  # −[t_i log x_i + (1 − t_i) log(1 − x_i)] for each i
    delta_i: np.ndarray  # x_i − t_i = ∂E/∂s_i
    grad_w_ji_formula: np.ndarray
    grad_w_ji_engine: np.ndarray
    grad_w_ji_fd: np.ndarray
    hidden_sum_terms: np.ndarray  # [j, i] = (x_i − t_i)·w_ji, the terms of Σ_i
    grad_w_kj_formula: np.ndarray
    grad_w_kj_engine: np.ndarray
    grad_w_kj_fd: np.ndarray
    lr: float
    w_kj_new: np.ndarray
    w_ji_new: np.ndarray
    error_after: float  # E with the updated weights, same example

    @property
    def dE_dx_i(self) -> np.ndarray:
        """The chain rule's first factor, ∂E/∂x_i = −t_i/x_i + (1 − t_i)/(1 − x_i)."""
        return -self.t_i / self.x_i + (1 - self.t_i) / (1 - self.x_i)

    @property
    def dx_ds_i(self) -> np.ndarray:
        """The second factor, ∂x_i/∂s_i = σ'(s_i) = x_i(1 − x_i)."""
        return self.x_i * (1 - self.x_i)


def _network(w_kj: np.ndarray, w_ji: np.ndarray) -> Sequential:
    j, k = w_kj.shape
    i = w_ji.shape[0]
    layers = [Dense(k, j, rng=0), Sigmoid(), Dense(j, i, rng=0)]
    model = Sequential(layers, input_shape=(k,)).astype(np.float64)
    model.set_weights({"0.weight": w_kj, "0.bias": np.zeros(j), "2.weight": w_ji, "2.bias": np.zeros(i)})
    return model


def _loss(model: Sequential, x: np.ndarray, t: np.ndarray) -> float:
    return sigmoid_binary_cross_entropy(model.forward(x[None]), t[None])[0]


def backprop_numbers(x_k=EXAMPLE_INPUT, t_i=EXAMPLE_TARGET, w_kj=EXAMPLE_W_KJ, w_ji=EXAMPLE_W_JI,
                     lr: float = EXAMPLE_LR) -> BackpropNumbers:
    """All the numbers of one training step of the appendix network on one example."""
    x = np.asarray(x_k, dtype=np.float64).reshape(-1)
    t = np.asarray(t_i, dtype=np.float64).reshape(-1)
    W1 = np.array(w_kj, dtype=np.float64)
    W2 = np.array(w_ji, dtype=np.float64)
    model = _network(W1, W2)

    # forward, layer by layer (the engine's activations)
    acts = model.activations(x[None])
    s_j, x_j, s_i = (a.data[0].astype(np.float64) for a in acts)
    error, dlogits = sigmoid_binary_cross_entropy(model.forward(x[None], training=True), t[None])
    x_i = 1.0 / (1.0 + np.exp(-s_i))
    error_terms = -(t * np.log(x_i) + (1 - t) * np.log(1 - x_i))

    # backward: the engine
    model.backward(dlogits)
    grads = model.gradients()
    g_ji_engine = grads["2.weight"].copy()
    g_kj_engine = grads["0.weight"].copy()

    # the lecture's formulas
    delta = x_i - t
    g_ji_formula = delta[:, None] * x_j[None, :]
    terms = (delta[None, :] * W2.T)  # [j, i] = (x_i − t_i)·w_ji
    g_kj_formula = (terms.sum(axis=1) * x_j * (1 - x_j))[:, None] * x[None, :]

    # central finite differences of the engine's loss
    def fd(key: str) -> np.ndarray:
        params = model.parameters()
        p = params[key]
        out = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            old = p[idx]
            p[idx] = old + FD_STEP
            up = _loss(model, x, t)
            p[idx] = old - FD_STEP
            down = _loss(model, x, t)
            p[idx] = old
            out[idx] = (up - down) / (2 * FD_STEP)
        return out

    g_ji_fd, g_kj_fd = fd("2.weight"), fd("0.weight")

    # the update (weights only: the lecture's network has no biases)
    W1_new = W1 - lr * g_kj_engine
    W2_new = W2 - lr * g_ji_engine
    error_after = _loss(_network(W1_new, W2_new), x, t)
    return BackpropNumbers(
        x, t, W1, W2, s_j, x_j, s_i, x_i, float(error), error_terms, delta,
        g_ji_formula, g_ji_engine, g_ji_fd, terms, g_kj_formula, g_kj_engine, g_kj_fd,
        float(lr), W1_new, W2_new, float(error_after),
    )


class BackpropExample:
    """Repeated training steps on the one example; `history` holds the numbers of every step taken."""

    def __init__(self, x_k=EXAMPLE_INPUT, t_i=EXAMPLE_TARGET, w_kj=EXAMPLE_W_KJ, w_ji=EXAMPLE_W_JI,
                 lr: float = EXAMPLE_LR):
        self.x_k, self.t_i, self.lr = x_k, t_i, lr
        self.history: list[BackpropNumbers] = [backprop_numbers(x_k, t_i, w_kj, w_ji, lr)]

    @property
    def current(self) -> BackpropNumbers:
        return self.history[-1]

    def step(self) -> BackpropNumbers:
        """Applies the current update and computes the numbers of the next step."""
        cur = self.current
        self.history.append(backprop_numbers(self.x_k, self.t_i, cur.w_kj_new, cur.w_ji_new, self.lr))
        return self.current

    def back(self) -> BackpropNumbers:
        if len(self.history) > 1:
            self.history.pop()
        return self.current
