"""Optimizers. They live outside the layers and keep their state keyed by parameter name.

`opt.step(params, grads)` updates the arrays of `params` in place from the same-named `grads`.
The update rules are PyTorch's (torch.optim.SGD and torch.optim.Adam with default flags).
"""

from __future__ import annotations

import numpy as np


def flat_buffer(arrays: list[np.ndarray]) -> np.ndarray | None:
    """The 1-D array that `arrays` tile exactly, one after the other (as Sequential packs its
    parameters and gradients), or None if they do not."""
    if not arrays:
        return None
    base = arrays[0].base
    if base is None or base.ndim != 1 or not base.flags.c_contiguous:
        return None
    address = base.__array_interface__["data"][0]
    for a in arrays:
        if a.base is not base or not a.flags.c_contiguous or a.__array_interface__["data"][0] != address:
            return None
        address += a.nbytes
    return base if address == base.__array_interface__["data"][0] + base.nbytes else None


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
        # (m, v, scratch) per parameter name; a packed model's moments are one flat entry, "".
        self.state: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """Updates params in place. When params and grads each tile one flat buffer in the same order
        (a Sequential's), the whole model is updated at once; the result is the same bit for bit."""
        self.t += 1
        flat_p = flat_buffer(list(params.values()))
        flat_g = flat_buffer([grads[name] for name in params]) if flat_p is not None else None
        if flat_g is not None and flat_g.shape == flat_p.shape and flat_g.dtype == flat_p.dtype:
            self._update("", flat_p, flat_g)
            return
        for name, p in params.items():
            self._update(name, p, grads[name])

    def _update(self, name: str, p: np.ndarray, g: np.ndarray) -> None:
        """One Adam update of p from g, with the moments kept under `name`."""
        b1, b2 = self.betas
        bc1, bc2 = 1 - b1**self.t, 1 - b2**self.t
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
