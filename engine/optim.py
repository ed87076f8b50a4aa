"""Optimizers. They live outside the layers and keep their state keyed by parameter name.

`opt.step(params, grads)` updates the arrays of `params` in place from the same-named `grads`.
The update rules are PyTorch's (torch.optim.SGD and torch.optim.Adam with default flags).
"""

from __future__ import annotations

import numpy as np


class SGD:
    """v = momentum * v + (g + weight_decay * p);  p -= lr * v  (plain SGD when momentum is 0)."""

    def __init__(self, lr: float, momentum: float = 0.0, weight_decay: float = 0.0):
        if lr <= 0 or momentum < 0 or weight_decay < 0:
            raise ValueError("SGD needs lr > 0, momentum >= 0 and weight_decay >= 0")
        self.lr, self.momentum, self.weight_decay = float(lr), float(momentum), float(weight_decay)
        self.state: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        for name, p in params.items():
            g = grads[name]
            if self.weight_decay:
                g = g + p.dtype.type(self.weight_decay) * p
            if self.momentum:
                v = self.state.get(name)
                if v is None:
                    v = self.state[name] = g.copy()  # PyTorch starts the buffer at the first gradient
                else:
                    v *= p.dtype.type(self.momentum)
                    v += g
                g = v
            p -= p.dtype.type(self.lr) * g


class Adam:
    """Adam (Kingma & Ba) with bias correction, as torch.optim.Adam; weight decay is added to g (L2)."""

    def __init__(self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0):
        if lr <= 0 or not (0 <= betas[0] < 1 and 0 <= betas[1] < 1) or eps <= 0 or weight_decay < 0:
            raise ValueError("Adam needs lr > 0, betas in [0, 1), eps > 0 and weight_decay >= 0")
        self.lr, self.betas, self.eps, self.weight_decay = float(lr), tuple(betas), float(eps), weight_decay
        self.t = 0
        self.state: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        self.t += 1
        b1, b2 = self.betas
        bc1, bc2 = 1 - b1**self.t, 1 - b2**self.t
        for name, p in params.items():
            g = grads[name]
            if self.weight_decay:
                g = g + p.dtype.type(self.weight_decay) * p
            if name not in self.state:
                self.state[name] = (np.zeros_like(p), np.zeros_like(p), np.empty_like(p))
            m, v, tmp = self.state[name]
            f = p.dtype.type
            m *= f(b1)                                          # m = b1 m + (1 - b1) g
            np.multiply(g, f(1 - b1), out=tmp)
            m += tmp
            v *= f(b2)                                          # v = b2 v + (1 - b2) g^2
            np.multiply(g, g, out=tmp)
            tmp *= f(1 - b2)
            v += tmp
            np.sqrt(v, out=tmp)                                 # denom = sqrt(v) / sqrt(bc2) + eps
            tmp *= f(1 / np.sqrt(bc2))
            tmp += f(self.eps)
            np.divide(m, tmp, out=tmp)                          # p -= lr / bc1 * m / denom
            tmp *= f(self.lr / bc1)
            p -= tmp
