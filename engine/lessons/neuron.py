"""A neuron: a weighted sum, an activation, and why the activation must not be straight.

Everything is computed by the engine's own layers (Dense, Sigmoid, Tanh, ReLU), so the lesson shows what the
network really computes. The numbers are the app's own example (the lecture's figures are lost).

- `NEURON_EXAMPLE`: the lecture's neuron y = f(w1·x1 + w0·x0 − h) for the input (x1, x0) = (1, 0), as in the
  lecture's "y = f(w1 * 1 + w0 * 0)", with weights w1 = 0.6, w0 = −0.4 and threshold h = 0.2: s = 0.4.
- `activation(name, s)`: step (1 when s ≥ 0, the lecture's "activated (=1) or not (=0)"), sigmoid, tanh, ReLU.
- `collapse_example()`: two linear layers W2 (W1 x + b1) + b2 are one linear layer (W2 W1) x + (W2 b1 + b2):
  the same four outputs on the XOR points, never XOR; the same layers with ReLU between them give XOR.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.layers import Dense, ReLU, Sigmoid, Tanh

ACTIVATIONS = ("step", "sigmoid", "tanh", "ReLU")
NEURON_EXAMPLE = {"x1": 1.0, "x0": 0.0, "w1": 0.6, "w0": -0.4, "h": 0.2}
XOR_POINTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)
XOR_TARGETS = np.array([0, 1, 1, 0], np.float32)
# the two layers of the collapse example: hidden = W1 x + b1 (2 units), output = W2 hidden + b2
W1 = np.array([[1, 1], [1, 1]], np.float32)
B1 = np.array([0, -1], np.float32)
W2 = np.array([[1, -2]], np.float32)
B2 = np.array([0], np.float32)


def activation(name: str, s) -> np.ndarray:
    """f(s) for one of ACTIVATIONS, elementwise, by the engine's layers (step: 1 where s ≥ 0, else 0)."""
    s = np.asarray(s, dtype=np.float32)
    if name == "step":
        return (s >= 0).astype(np.float32)
    layer = {"sigmoid": Sigmoid, "tanh": Tanh, "ReLU": ReLU}[name]()
    return layer.forward(s.reshape(1, -1)).reshape(s.shape)


@dataclass(frozen=True)
class NeuronNumbers:
    """The worked neuron: its inputs, weights and threshold, the weighted sum s and f(s) per activation."""

    x1: float
    x0: float
    w1: float
    w0: float
    h: float
    s: float
    outputs: dict  # activation name -> f(s)


def neuron_numbers(x1: float = NEURON_EXAMPLE["x1"], x0: float = NEURON_EXAMPLE["x0"],
                   w1: float = NEURON_EXAMPLE["w1"], w0: float = NEURON_EXAMPLE["w0"],
                   h: float = NEURON_EXAMPLE["h"]) -> NeuronNumbers:
    """s = w1·x1 + w0·x0 − h by a Dense layer (weights [w1, w0], bias −h), then every activation of s."""
    dense = Dense(2, 1)
    dense.params["weight"][...] = np.array([[w1, w0]], np.float32)
    dense.params["bias"][...] = np.float32(-h)
    s = float(dense.forward(np.array([[x1, x0]], np.float32))[0, 0])
    return NeuronNumbers(x1, x0, w1, w0, h, s, {a: float(activation(a, s)) for a in ACTIVATIONS})


@dataclass(frozen=True)
class CollapseNumbers:
    """Two linear layers on the XOR points, with and without ReLU between them.

    hidden (4, 2) = W1 x + b1 and two_linear (4,) = W2 hidden + b2, computed layer by layer; W (1, 2) = W2 W1
    and b (1,) = W2 b1 + b2, the single layer they collapse into, and one_linear (4,) = W x + b; with_relu
    (4,) = W2 ReLU(W1 x + b1) + b2, the same weights with ReLU between; targets (4,) = XOR."""

    points: np.ndarray
    hidden: np.ndarray
    two_linear: np.ndarray
    W: np.ndarray
    b: np.ndarray
    one_linear: np.ndarray
    relu_hidden: np.ndarray
    with_relu: np.ndarray
    targets: np.ndarray
    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray


def collapse_example() -> CollapseNumbers:
    first, second = Dense(2, 2), Dense(2, 1)
    first.params["weight"][...] = W1
    first.params["bias"][...] = B1
    second.params["weight"][...] = W2
    second.params["bias"][...] = B2
    x = XOR_POINTS
    hidden = first.forward(x)
    two = second.forward(hidden)[:, 0]
    W = W2 @ W1
    b = W2 @ B1 + B2
    single = Dense(2, 1)
    single.params["weight"][...] = W
    single.params["bias"][...] = b
    one = single.forward(x)[:, 0]
    relu_hidden = ReLU().forward(hidden)
    with_relu = second.forward(relu_hidden)[:, 0]
    return CollapseNumbers(x.copy(), hidden, two, W, b, one, relu_hidden, with_relu, XOR_TARGETS.copy(),
                           W1.copy(), B1.copy(), W2.copy(), B2.copy())
