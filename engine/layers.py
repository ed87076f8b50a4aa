"""Layers of the network, each with its forward and backward pass side by side.

Every layer works on float32 NCHW batches and has:
  forward(x, training=False) -> y      caches what backward needs
  backward(dy) -> dx                   writes parameter gradients into `grads`
  params / grads                       dicts with the same keys ("weight", "bias"); empty if none
  config() -> dict                     PyTorch constructor names; `layer_from_config` inverts it
  output_shape(input_shape) -> shape   shapes without the batch axis

Weights use PyTorch's layout: Conv2D (out, in, kh, kw), Dense (out, in).
The base class is in engine/layer.py; Conv2D and the fused ConvReLUPool in engine/conv.py (both
re-exported here, so `engine.layers` names every layer). Max pooling with stride == kernel size reduces
strided views, two passes, no window copies. `engine/reference.py` has the slow loop versions these are
tested against.
"""

from __future__ import annotations

import numpy as np

from .conv import Conv2D, ConvReLUPool
from .layer import DTYPE, Layer, _he_normal, _max_groups, _pool_out, _rng, _unmax_groups
from .text import QT_TRANSLATE_NOOP

__all__ = ["DTYPE", "Layer", "Conv2D", "ConvReLUPool", "ReLU", "Sigmoid", "Tanh", "MaxPool2D", "AvgPool2D",
           "Flatten", "Dense", "Dropout", "LAYER_TYPES", "layer_from_config"]


# ----------------------------------------------------------------------------------------------
# Activations


class ReLU(Layer):
    """y = max(0, x), elementwise. Any shape."""

    name = "ReLU"
    kind = "relu"

    def forward(self, x, training=False):
        y = np.maximum(x, 0)
        self._mask = y > 0
        return y

    def backward(self, dy):
        return dy * self._mask


class Sigmoid(Layer):
    """y = 1 / (1 + exp(-x)), computed without overflow. Any shape."""

    name = "Sigmoid"
    kind = "sigmoid"

    def forward(self, x, training=False):
        e = np.exp(-np.abs(x))
        y = np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(x.dtype, copy=False)
        self._y = y
        return y

    def backward(self, dy):
        y = self._y
        return dy * y * (1 - y)


class Tanh(Layer):
    """y = tanh(x). Any shape."""

    name = "Tanh"
    kind = "tanh"

    def forward(self, x, training=False):
        self._y = np.tanh(x)
        return self._y

    def backward(self, dy):
        return dy * (1 - self._y * self._y)


# ----------------------------------------------------------------------------------------------
# Pooling


class _Pool2D(Layer):
    """Shared set-up of the pooling layers: window kernel_size, stride (default kernel_size).

    A window has k*k offsets (a, b); for each offset, the values it sees in every window form one
    strided view of the input, x[:, :, a::s, b::s] cut to (Ho, Wo). Pooling reduces over those k*k
    views, so no window is ever copied (the reshape trick of CS231n, for any stride).
    """

    def __init__(self, kernel_size=2, stride=None):
        super().__init__()
        self.kernel_size = int(kernel_size)
        self.stride = self.kernel_size if stride is None else int(stride)
        if self.kernel_size < 1 or self.stride < 1:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Layers", "{name} needs kernel_size and stride of at least 1"
            ).format(name=self.name))

    def config(self) -> dict:
        return {"type": self.kind, "kernel_size": self.kernel_size, "stride": self.stride}

    def output_shape(self, input_shape: tuple) -> tuple:
        c, h, w = input_shape
        k, s = self.kernel_size, self.stride
        return (c, _pool_out(h, k, s), _pool_out(w, k, s))

    def _views(self, x):
        """The k*k strided views (N, C, Ho, Wo) of x (N, C, H, W), offsets in row-major order."""
        k, s = self.kernel_size, self.stride
        ho, wo = _pool_out(x.shape[2], k, s), _pool_out(x.shape[3], k, s)
        return [x[:, :, a : a + s * (ho - 1) + 1 : s, b : b + s * (wo - 1) + 1 : s]
                for a in range(k) for b in range(k)]


class MaxPool2D(_Pool2D):
    """Maximum over each k×k window. x (N, C, H, W) -> (N, C, Ho, Wo).

    The gradient goes to the first maximum of each window in row-major order (as in PyTorch), so
    ties never double it. When stride == k (the usual case) the max is taken in two cheap passes,
    across each row of k neighbours and then down each column; otherwise over the k*k views.
    """

    name = "MaxPool2D"
    kind = "maxpool2d"

    def forward(self, x, training=False):
        k = self.kernel_size
        if self.stride == k:
            ho, wo = x.shape[2] // k, x.shape[3] // k
            rows, idx_w = _max_groups(x[:, :, : ho * k, : wo * k], k, axis=3)
            y, idx_h = _max_groups(rows, k, axis=2)
            self._cache = (x.shape, idx_w, idx_h)
            return y
        views = self._views(x)
        y = views[0].copy()
        for v in views[1:]:
            np.maximum(y, v, out=y)
        idx = np.full(y.shape, len(views) - 1, np.intp)  # first maximum: scan the offsets backwards
        for o in range(len(views) - 2, -1, -1):
            idx = np.where(views[o] == y, o, idx)
        self._cache = (x.shape, idx, None)
        return y

    def backward(self, dy):
        x_shape, idx, idx_h = self._cache
        k = self.kernel_size
        if idx_h is not None:
            dx = _unmax_groups(_unmax_groups(dy, idx_h, k, axis=2), idx, k, axis=3)
            if dx.shape == x_shape:
                return dx
            full = np.zeros(x_shape, dy.dtype)  # rows/columns no window covered get no gradient
            full[:, :, : dx.shape[2], : dx.shape[3]] = dx
            return full
        dx = np.zeros(x_shape, dy.dtype)
        for o, view in enumerate(self._views(dx)):
            np.add(view, dy, out=view, where=idx == o)
        return dx


class AvgPool2D(_Pool2D):
    """Mean over each k×k window. x (N, C, H, W) -> (N, C, Ho, Wo)."""

    name = "AvgPool2D"
    kind = "avgpool2d"

    def forward(self, x, training=False):
        views = self._views(x)
        y = views[0].copy()
        for v in views[1:]:
            y += v
        y *= x.dtype.type(1 / len(views))
        self._x_shape = x.shape
        return y

    def backward(self, dy):
        dx = np.zeros(self._x_shape, dy.dtype)
        share = dy * dy.dtype.type(1 / self.kernel_size**2)
        for view in self._views(dx):
            view += share
        return dx


# ----------------------------------------------------------------------------------------------
# Shape and fully connected layers


class Flatten(Layer):
    """(N, C, H, W) -> (N, C*H*W) in (C, H, W) order, as torch.nn.Flatten."""

    name = "Flatten"
    kind = "flatten"

    def forward(self, x, training=False):
        self._x_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dy):
        return dy.reshape(self._x_shape)

    def output_shape(self, input_shape: tuple) -> tuple:
        return (int(np.prod(input_shape)),)


class Dense(Layer):
    """Fully connected (torch.nn.Linear): x (N, in) -> y = x W^T + b (N, out); W is (out, in)."""

    name = "Dense"
    kind = "linear"

    def __init__(self, in_features, out_features, rng=None):
        super().__init__()
        if in_features < 1 or out_features < 1:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Layers", "Dense needs in_features and out_features of at least 1"
            ))
        self.in_features, self.out_features = int(in_features), int(out_features)
        self.params = {
            "weight": _he_normal(_rng(rng), (self.out_features, self.in_features), self.in_features),
            "bias": np.zeros(self.out_features, DTYPE),
        }
        self.grads = {key: np.zeros_like(v) for key, v in self.params.items()}

    def config(self) -> dict:
        return {"type": "linear", "in_features": self.in_features, "out_features": self.out_features}

    def output_shape(self, input_shape: tuple) -> tuple:
        if tuple(input_shape) != (self.in_features,):
            raise ValueError(QT_TRANSLATE_NOOP(
                "Layers", "Dense expects input shape ({in_features},), got {value}"
            ).format(in_features=self.in_features, value=tuple(input_shape)))
        return (self.out_features,)

    def forward(self, x, training=False):
        self._x = x
        y = x @ self.params["weight"].T
        y += self.params["bias"]
        return y

    def backward(self, dy, need_dx=True):
        """dy (N, out) -> dx (N, in); need_dx=False skips dx (for a first layer)."""
        np.matmul(dy.T, self._x, out=self.grads["weight"])
        np.sum(dy, axis=0, out=self.grads["bias"])
        return dy @ self.params["weight"] if need_dx else None


class Dropout(Layer):
    """While training, zero each value with probability p and scale the rest by 1 / (1 - p).

    At inference it passes x through unchanged. Any shape.
    """

    name = "Dropout"
    kind = "dropout"

    def __init__(self, p=0.5, rng=None):
        super().__init__()
        if not 0.0 <= p < 1.0:
            raise ValueError(QT_TRANSLATE_NOOP("Layers", "Dropout p must be in [0, 1)"))
        self.p = float(p)
        self.rng = _rng(rng)

    def config(self) -> dict:
        return {"type": "dropout", "p": self.p}

    def forward(self, x, training=False):
        if not training or self.p == 0.0:
            self._mask = None
            return x
        keep = self.rng.random(x.shape, dtype=np.float32) >= self.p
        self._mask = keep.astype(x.dtype) * x.dtype.type(1.0 / (1.0 - self.p))
        return x * self._mask

    def backward(self, dy):
        return dy if self._mask is None else dy * self._mask


# ----------------------------------------------------------------------------------------------

LAYER_TYPES: dict[str, type[Layer]] = {
    cls.kind: cls for cls in (Conv2D, ReLU, Sigmoid, Tanh, MaxPool2D, AvgPool2D, Flatten, Dense, Dropout)
}


def layer_from_config(cfg: dict, rng=None) -> Layer:
    """Builds a layer from its config() dict (PyTorch constructor names). Raises ValueError."""
    if not isinstance(cfg, dict) or cfg.get("type") not in LAYER_TYPES:
        raise ValueError(QT_TRANSLATE_NOOP("Layers", "unknown layer description: {description}").format(
            description=repr(cfg)[:100]))
    cls = LAYER_TYPES[cfg["type"]]
    kwargs = {k: v for k, v in cfg.items() if k != "type"}
    if cls in (Conv2D, Dense, Dropout):
        kwargs["rng"] = rng
    try:
        return cls(**kwargs)
    except TypeError as e:
        raise ValueError(QT_TRANSLATE_NOOP("Layers", "bad arguments for layer {kind!r}: {reason}").format(
            kind=cfg["type"], reason=str(e))) from None
