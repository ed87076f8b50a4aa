"""What every layer shares: the Layer base class, the dtype, initialisation and the max-pool arithmetic.

The layers themselves are in engine/layers.py (and the convolutions in engine/conv.py); see there.
"""

from __future__ import annotations

import copy

import numpy as np

DTYPE = np.float32

def _rng(rng) -> np.random.Generator:
    """A Generator from a seed, a Generator, or None (fresh entropy; never the global RNG)."""
    return rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)


def _he_normal(rng: np.random.Generator, shape: tuple, fan_in: int) -> np.ndarray:
    """He initialisation for ReLU networks: N(0, 2 / fan_in)."""
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(DTYPE)


def _pool_out(size: int, k: int, s: int, p: int = 0) -> int:
    return (size + 2 * p - k) // s + 1


def _pitch(n: int, itemsize: int) -> int:
    """A row length >= n elements whose size in bytes is an odd multiple of 64, for matrices that
    go through BLAS. Rows a multiple of 4 KiB apart fall in the same cache sets: with (144, 7168)
    float32 columns OpenBLAS multiplies 1.7x slower than with rows of 7184 (measured on this
    project's machine)."""
    lines = -(-n * itemsize // 64)
    lines += 1 - lines % 2
    return max(n, lines * 64 // itemsize)


def _padded_empty(rows: int, cols: int, dtype) -> np.ndarray:
    """A new uninitialised (rows, cols) array with rows _pitch(cols) long (a view)."""
    dtype = np.dtype(dtype)
    return np.empty((rows, _pitch(cols, dtype.itemsize)), dtype)[:, :cols]


class Layer:
    """Base class: no parameters, identity shapes."""

    name = "Layer"
    kind = "layer"  # the "type" in config()

    def __init__(self):
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, dy: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def infer(self, x: np.ndarray) -> np.ndarray:
        """The inference output, forward(x, training=False); a layer may skip what only backward needs."""
        return self.forward(x, False)

    def config(self) -> dict:
        return {"type": self.kind}

    def output_shape(self, input_shape: tuple) -> tuple:
        return tuple(input_shape)

    def num_parameters(self) -> int:
        return sum(p.size for p in self.params.values())

    def astype(self, dtype) -> Layer:
        """A copy of this layer whose parameters (and so its computations) have the given dtype."""
        new = object.__new__(type(self))
        new.__dict__ = copy.deepcopy({k: v for k, v in self.__dict__.items() if not k.startswith("_")})
        new.params = {k: v.astype(dtype) for k, v in self.params.items()}
        new.grads = {k: np.zeros_like(v) for k, v in new.params.items()}
        return new

    def _buffer(self, name: str, shape: tuple, dtype) -> np.ndarray:
        """A zeroed scratch array kept on the layer and reused between calls while its shape and dtype
        stay the same (what a caller never writes stays 0, e.g. a convolution's padding border)."""
        buf = self.__dict__.get(name)
        if buf is None or buf.shape != shape or buf.dtype != dtype:
            buf = np.zeros(shape, dtype)
            setattr(self, name, buf)
            self.__dict__.setdefault("_scratch", set()).add(name)
        return buf

    def __getstate__(self) -> dict:
        """Pickling and deepcopy leave out the scratch arrays and the window views made on them (made
        again on first use): a window view would come back as a detached copy, and the arrays are large."""
        state = dict(self.__dict__)
        for name in state.pop("_scratch", ()):
            state.pop(name, None)
        state.pop("_win", None)
        return state

    def _matrix(self, name: str, rows: int, cols: int, dtype) -> np.ndarray:
        """A (rows, cols) view of a reused zeroed scratch matrix whose rows are _pitch(cols) long, as
        _buffer; a product written into it or read from it keeps OpenBLAS at full speed."""
        dtype = np.dtype(dtype)
        return self._buffer(name, (rows, _pitch(cols, dtype.itemsize)), dtype)[:, :cols]

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.config().items() if k != "type")
        return f"{self.name}({args})"


def _max_groups(x, k: int, axis: int):
    """Max over each group of k neighbours along axis (2 or 3) of x (N, C, H, W); that size is a
    multiple of k. Returns (y, idx): idx (uint8) is the position of the first maximum in each group."""
    views = [x[:, :, b::k] if axis == 2 else x[:, :, :, b::k] for b in range(k)]
    if k == 1:
        return views[0].copy(), np.zeros(views[0].shape, np.uint8)
    idx = (views[1] > views[0]).view(np.uint8)  # strictly greater: the first maximum wins ties
    y = np.maximum(views[0], views[1])
    for b in range(2, k):
        # idx = b where the new view is greater (uint8 arithmetic; np.where is slow on random masks)
        idx += (views[b] > y).view(np.uint8) * (np.uint8(b) - idx)
        np.maximum(y, views[b], out=y)
    return y, idx


def _unmax_groups(dy, idx, k: int, axis: int, out=None):
    """Backward of _max_groups: dy goes to the position idx of each group, zeros elsewhere (into out,
    if given, of dy's shape with axis k times longer)."""
    shape = list(dy.shape)
    shape[axis] *= k
    dx = np.empty(shape, dy.dtype) if out is None else out
    for b in range(k):
        np.multiply(dy, idx == b, out=dx[:, :, b::k] if axis == 2 else dx[:, :, :, b::k])
    return dx
