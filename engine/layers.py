"""Layers of the network, each with its forward and backward pass side by side.

Every layer works on float32 NCHW batches and has:
  forward(x, training=False) -> y      caches what backward needs
  backward(dy) -> dx                   writes parameter gradients into `grads`
  params / grads                       dicts with the same keys ("weight", "bias"); empty if none
  config() -> dict                     PyTorch constructor names; `layer_from_config` inverts it
  output_shape(input_shape) -> shape   shapes without the batch axis

Weights use PyTorch's layout: Conv2D (out, in, kh, kw), Dense (out, in).
Convolution is im2col: a read-only window view of the padded input (never a writable strided view),
copied once into a column matrix, and one matrix product; backward adds the column gradients back.
Max pooling with stride == kernel size reduces strided views, two passes, no window copies.
ConvReLUPool computes Conv2D → ReLU → MaxPool2D in one pass; Sequential runs those runs of layers
with it (the separate layers stay, for activations() and the PyTorch names).
`engine/reference.py` has the slow loop versions these are tested against.
"""

from __future__ import annotations

import copy

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

DTYPE = np.float32


def _rng(rng) -> np.random.Generator:
    """A Generator from a seed, a Generator, or None (fresh entropy; never the global RNG)."""
    return rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)


def _he_normal(rng: np.random.Generator, shape: tuple, fan_in: int) -> np.ndarray:
    """He initialisation for ReLU networks: N(0, 2 / fan_in)."""
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(DTYPE)


def _pool_out(size: int, k: int, s: int, p: int = 0) -> int:
    return (size + 2 * p - k) // s + 1


def _weight_grad(dy: np.ndarray, cols: np.ndarray, out: np.ndarray) -> None:
    """out (O, K) = dy (O, L) @ cols (K, L)^T, summed over chunks of at most 8192 of the L columns:
    OpenBLAS runs this product several times slower when L is far longer than O and K."""
    chunk = -(-cols.shape[1] // -(-cols.shape[1] // 8192))
    acc = np.matmul(cols[:, :chunk], dy[:, :chunk].T)  # (K, O): the faster orientation here
    for start in range(chunk, cols.shape[1], chunk):
        acc += np.matmul(cols[:, start : start + chunk], dy[:, start : start + chunk].T)
    out[...] = acc.T


def _col2im_add(dwin: np.ndarray, dxp: np.ndarray, stride: int) -> None:
    """Adds window gradients dwin (N, C, kh, kw, Ho, Wo) back onto dxp (N, C, Hp, Wp) in place."""
    kh, kw, ho, wo = dwin.shape[2:]
    for i in range(kh):
        for j in range(kw):
            dxp[:, :, i : i + stride * ho : stride, j : j + stride * wo : stride] += dwin[:, :, i, j]


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

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.config().items() if k != "type")
        return f"{self.name}({args})"


# ----------------------------------------------------------------------------------------------
# Convolution


class Conv2D(Layer):
    """2-D convolution (cross-correlation, as in PyTorch), zero padding, stride >= 1.

    x (N, C, H, W) -> y (N, O, Ho, Wo), Ho = (H + 2p - k) // s + 1.
    padding="same" pads (k - 1) // 2 on each side (odd k), so Ho = ceil(H / s).
    """

    name = "Conv2D"
    kind = "conv2d"

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, rng=None):
        super().__init__()
        k, s = int(kernel_size), int(stride)
        if k < 1 or s < 1 or in_channels < 1 or out_channels < 1:
            raise ValueError("Conv2D needs kernel_size, stride and channel counts of at least 1")
        if padding == "same":
            if k % 2 == 0:
                raise ValueError("padding='same' needs an odd kernel_size")
            padding = (k - 1) // 2
        if int(padding) < 0:
            raise ValueError("padding must be >= 0 or 'same'")
        self.in_channels, self.out_channels = int(in_channels), int(out_channels)
        self.kernel_size, self.stride, self.padding = k, s, int(padding)
        fan_in = self.in_channels * k * k
        self.params = {
            "weight": _he_normal(_rng(rng), (self.out_channels, self.in_channels, k, k), fan_in),
            "bias": np.zeros(self.out_channels, DTYPE),
        }
        self.grads = {key: np.zeros_like(v) for key, v in self.params.items()}

    def config(self) -> dict:
        return {"type": "conv2d", "in_channels": self.in_channels, "out_channels": self.out_channels,
                "kernel_size": self.kernel_size, "stride": self.stride, "padding": self.padding}

    def output_shape(self, input_shape: tuple) -> tuple:
        c, h, w = input_shape
        k, s, p = self.kernel_size, self.stride, self.padding
        return (self.out_channels, _pool_out(h, k, s, p), _pool_out(w, k, s, p))

    def _pad(self, x: np.ndarray) -> np.ndarray:
        p = self.padding
        if p == 0:
            return x
        n, c, h, w = x.shape
        xp = np.zeros((n, c, h + 2 * p, w + 2 * p), x.dtype)
        xp[:, :, p : p + h, p : p + w] = x
        return xp

    def forward(self, x, training=False):
        if self.stride == 1:
            return self._forward_flat(x)
        n, c, h, w = x.shape
        k, s = self.kernel_size, self.stride
        xp = self._pad(x)
        ho, wo = (xp.shape[2] - k) // s + 1, (xp.shape[3] - k) // s + 1
        # (N, C, Ho, Wo, k, k) read-only window view -> columns (N, C*k*k, Ho*Wo), one copy
        win = sliding_window_view(xp, (k, k), axis=(2, 3))[:, :, ::s, ::s]
        cols = win.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * k * k, ho * wo)
        y = np.matmul(self.params["weight"].reshape(self.out_channels, -1), cols)  # (N, O, Ho*Wo)
        y += self.params["bias"][:, None]
        self._cache = (x.shape, xp.shape, cols)
        return y.reshape(n, self.out_channels, ho, wo)

    def backward(self, dy, need_dx=True):
        """dy (N, O, Ho, Wo) -> dx (N, C, H, W); need_dx=False skips dx (for a first layer)."""
        if self.stride == 1:
            return self._backward_flat(dy, need_dx)
        x_shape, xp_shape, cols = self._cache
        n, o, ho, wo = dy.shape
        c, k, s, p = self.in_channels, self.kernel_size, self.stride, self.padding
        dy = dy.reshape(n, o, ho * wo)
        # dW = sum_n dy_n @ cols_n^T ; db = sum over batch and positions
        self.grads["weight"][...] = np.matmul(dy, cols.transpose(0, 2, 1)).sum(0).reshape(o, c, k, k)
        self.grads["bias"][...] = dy.sum(axis=(0, 2))
        if not need_dx:
            return None
        dcols = np.matmul(self.params["weight"].reshape(o, -1).T, dy)  # (N, C*k*k, Ho*Wo)
        dxp = np.zeros(xp_shape, dy.dtype)
        _col2im_add(dcols.reshape(n, c, k, k, ho, wo), dxp, s)
        h, w = x_shape[2:]
        return dxp[:, :, p : p + h, p : p + w] if p else dxp

    # Stride 1, the usual case: "flattened shifts" in channel-major order. The padded input is kept as
    # (C, N, Hp*Wp): each image is one flat row per channel. An output at (i, j) with kernel offset
    # (a, b) reads flat[(i + a) * Wp + (j + b)], so if outputs are computed on the whole Wp-wide grid
    # (the last k - 1 columns are junk, dropped afterwards), the values seen by offset (a, b) are one
    # contiguous slice flat[a*Wp + b : a*Wp + b + Ho*Wp] of every image. The columns (C*k*k, N*Ho*Wp)
    # are a read-only strided view of the flat rows, copied once; the whole batch is then one matrix
    # product, and backward adds k*k contiguous slices. The output is returned as an (N, O, Ho, Wo)
    # view of a channel-major array: the elementwise layers after it keep that memory order.

    def _buffer(self, name, shape, dtype):
        """A zeroed scratch array reused between calls (its zero border is never written)."""
        buf = self.__dict__.get(name)
        if buf is None or buf.shape != shape or buf.dtype != dtype:
            buf = np.zeros(shape, dtype)
            setattr(self, name, buf)
        return buf

    def _forward_wide(self, x, bias=True):
        """x (N, C, H, W) -> the output on the Wp-wide grid, (O, N, Ho, Wp), with the bias if asked."""
        n, c, h, w = x.shape
        k, p, o = self.kernel_size, self.padding, self.out_channels
        hp, wp = h + 2 * p, w + 2 * p
        ho, span = hp - k + 1, (hp - k + 1) * wp
        flat = self._buffer("_flat", (c, n, hp * wp + k - 1), x.dtype)  # k - 1 spare zeros at the end
        flat[:, :, : hp * wp].reshape(c, n, hp, wp)[:, :, p : p + h, p : p + w] = x.transpose(1, 0, 2, 3)
        sc, sn, se = flat.strides
        win = as_strided(flat, (c, k, k, n, span), (sc, wp * se, se, sn, se), writeable=False)
        cols = self._buffer("_cols", (c * k * k, n * span), x.dtype)
        np.copyto(cols.reshape(c, k, k, n, span), win)
        y = np.matmul(self.params["weight"].reshape(o, -1), cols)  # (O, N*Ho*Wp)
        if bias:
            y += self.params["bias"][:, None]
        self._cache = (x.shape, cols)
        return y.reshape(o, n, ho, wp)

    def _forward_flat(self, x):
        wo = x.shape[3] + 2 * self.padding - self.kernel_size + 1
        return self._forward_wide(x)[:, :, :, :wo].transpose(1, 0, 2, 3)

    def _backward_flat(self, dy, need_dx):
        n, o, ho, wo = dy.shape
        wp = wo + self.kernel_size - 1
        dyw = self._buffer("_dy_wide", (o, n, ho, wp), dy.dtype)  # junk columns stay 0
        dyw[:, :, :, :wo] = dy.transpose(1, 0, 2, 3)
        return self._backward_wide(dyw, need_dx)

    def _backward_wide(self, dyw, need_dx):
        """dyw (O, N, Ho, Wp): the output gradient on the wide grid, zero in the junk columns."""
        x_shape, cols = self._cache
        o, n, ho, wp = dyw.shape
        c, k, p = self.in_channels, self.kernel_size, self.padding
        h, w = x_shape[2:]
        hp, span = h + 2 * p, ho * wp
        dyw = dyw.reshape(o, n * span)
        _weight_grad(dyw, cols, self.grads["weight"].reshape(o, -1))
        np.sum(dyw, axis=1, out=self.grads["bias"])
        if not need_dx:
            return None
        dcols = np.matmul(self.params["weight"].reshape(o, -1).T, dyw).reshape(c, k * k, n, span)
        dflat = np.zeros((c, n, hp * wp + k - 1), dyw.dtype)
        for t in range(k * k):
            start = (t // k) * wp + t % k
            dflat[:, :, start : start + span] += dcols[:, t]
        dxp = dflat[:, :, : hp * wp].reshape(c, n, hp, wp)
        return dxp[:, :, p : p + h, p : p + w].transpose(1, 0, 2, 3)


class ConvReLUPool(Layer):
    """Conv2D (stride 1) → ReLU → MaxPool2D (stride == kernel size q) in one pass; Sequential runs the
    three layers this way. It shares the convolution's params and grads dicts.

    Max pooling commutes with adding the bias and with ReLU, so both run on the q² times fewer pooled
    values, and backward writes the pooled gradient straight into the convolution's output gradient.
    The gradient goes to the first maximum of each window in row-major order, as MaxPool2D.

    Two column orders, whichever copies less strided data:
    - few columns (C*k*k <= O, as a first layer on one channel): the im2col columns are ordered by
      pooling offset, column (a, b, n, i, j) holding the window of output (q*i + a, q*j + b), so the
      product gives q*q contiguous blocks and pooling is an elementwise maximum over them;
    - otherwise the convolution's wide-grid product (see Conv2D), pooled in two passes as MaxPool2D.
    """

    name = "ConvReLUPool"
    kind = "conv_relu_pool"

    def __init__(self, conv: Conv2D, pool_size: int = 2):
        super().__init__()
        if conv.stride != 1:
            raise ValueError("ConvReLUPool needs a stride-1 convolution")
        self.conv, self.pool_size = conv, int(pool_size)
        self.params, self.grads = conv.params, conv.grads
        self.pooled_columns = conv.in_channels * conv.kernel_size**2 <= conv.out_channels

    @staticmethod
    def fits(layers: list[Layer]) -> bool:
        """True when layers are [Conv2D stride 1, ReLU, MaxPool2D with stride == kernel size]."""
        return (len(layers) == 3 and type(layers[0]) is Conv2D and layers[0].stride == 1
                and type(layers[1]) is ReLU and type(layers[2]) is MaxPool2D
                and layers[2].stride == layers[2].kernel_size)

    def config(self) -> dict:
        return {"type": self.kind, "conv": self.conv.config(), "pool_size": self.pool_size}

    def output_shape(self, input_shape: tuple) -> tuple:
        o, h, w = self.conv.output_shape(input_shape)
        return (o, h // self.pool_size, w // self.pool_size)

    def astype(self, dtype) -> ConvReLUPool:
        return ConvReLUPool(self.conv.astype(dtype), self.pool_size)

    def _buffer(self, name, shape, dtype):
        """A zeroed scratch array reused between calls (what is never written stays 0)."""
        buf = self.__dict__.get(name)
        if buf is None or buf.shape != shape or buf.dtype != dtype:
            buf = np.zeros(shape, dtype)
            setattr(self, name, buf)
        return buf

    def _windows(self, xp, hq, wq):
        """(C, k, k, q, q, N, Hq, Wq) view of the padded xp (C, N, Hp, Wp): [c, ki, kj, a, b, n, i, j] is
        xp[c, n, q*i + a + ki, q*j + b + kj] for kernel offset (ki, kj) and pooling offset (a, b)."""
        k, q = self.conv.kernel_size, self.pool_size
        sc, sn, sh, sw = xp.strides
        return as_strided(xp, (xp.shape[0], k, k, q, q, xp.shape[1], hq, wq),
                          (sc, sh, sw, sh, sw, sn, q * sh, q * sw), writeable=False)

    def forward(self, x, training=False):
        conv, q = self.conv, self.pool_size
        n, c, h, w = x.shape
        k, p, o = conv.kernel_size, conv.padding, conv.out_channels
        ho, wo = h + 2 * p - k + 1, w + 2 * p - k + 1
        hq, wq = ho // q, wo // q
        if self.pooled_columns:
            m = n * hq * wq
            xp = self._buffer("_xp", (c, n, h + 2 * p, w + 2 * p), x.dtype)
            xp[:, :, p : p + h, p : p + w] = x.transpose(1, 0, 2, 3)
            cols = self._buffer("_cols", (c * k * k, q * q * m), x.dtype)
            np.copyto(cols.reshape(c, k, k, q, q, n, hq, wq), self._windows(xp, hq, wq))
            z = np.matmul(conv.params["weight"].reshape(o, -1), cols).reshape(o, q * q, m)
            y = z[:, 0].copy()
            idx = np.zeros(y.shape, np.uint8)
            for t in range(1, q * q):
                # idx = t where block t is greater: the first maximum wins ties (uint8 arithmetic)
                idx += (z[:, t] > y).view(np.uint8) * (np.uint8(t) - idx)
                np.maximum(y, z[:, t], out=y)
            y = y.reshape(o, n, hq, wq)
            self._cache = (x.shape, cols, idx, None, y)
        else:
            wide = conv._forward_wide(x, bias=False)  # (O, N, Ho, Wp)
            rows, idx_w = _max_groups(wide[:, :, : hq * q, : wq * q], q, axis=3)
            y, idx_h = _max_groups(rows, q, axis=2)
            self._cache = (wide.shape, None, idx_w, idx_h, y)
        y += conv.params["bias"][:, None, None, None]
        np.maximum(y, 0, out=y)
        return y.transpose(1, 0, 2, 3)

    def backward(self, dy, need_dx=True):
        """dy (N, O, Hq, Wq) -> dx (N, C, H, W); need_dx=False skips dx (for a first layer)."""
        g = dy.transpose(1, 0, 2, 3) * (self._cache[-1] > 0)  # (O, N, Hq, Wq)
        if not self.pooled_columns:
            wide_shape, _, idx_w, idx_h, _ = self._cache
            q = self.pool_size
            hq, wq = g.shape[2:]
            dyw = self._buffer("_dy_wide", wide_shape, dy.dtype)  # what no window covers stays 0
            rows = _unmax_groups(g, idx_h, q, axis=2)
            _unmax_groups(rows, idx_w, q, axis=3, out=dyw[:, :, : hq * q, : wq * q])
            return self.conv._backward_wide(dyw, need_dx)
        x_shape, cols, idx, _, _ = self._cache
        conv, q = self.conv, self.pool_size
        o, n, hq, wq = g.shape
        c, k, p = conv.in_channels, conv.kernel_size, conv.padding
        g = g.reshape(o, -1)
        dz = self._buffer("_dz", (o, q * q, g.shape[1]), dy.dtype)
        for t in range(q * q):
            np.multiply(g, idx == t, out=dz[:, t])
        dz = dz.reshape(o, -1)
        _weight_grad(dz, cols, conv.grads["weight"].reshape(o, -1))
        np.sum(g, axis=1, out=conv.grads["bias"])
        if not need_dx:
            return None
        dcols = np.matmul(conv.params["weight"].reshape(o, -1).T, dz).reshape(c, k, k, q, q, n, hq, wq)
        h, w = x_shape[2:]
        dxp = np.zeros((c, n, h + 2 * p, w + 2 * p), dy.dtype)
        for ki in range(k):
            for kj in range(k):
                view = dxp[:, :, ki : ki + q * hq, kj : kj + q * wq]
                view.shape = (c, n, hq, q, wq, q)  # a view (raises rather than copy)
                view.transpose(0, 3, 5, 1, 2, 4)[...] += dcols[:, ki, kj]
        return dxp[:, :, p : p + h, p : p + w].transpose(1, 0, 2, 3)


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
            raise ValueError(f"{self.name} needs kernel_size and stride of at least 1")

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
            raise ValueError("Dense needs in_features and out_features of at least 1")
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
            raise ValueError(f"Dense expects input shape ({self.in_features},), got {tuple(input_shape)}")
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
            raise ValueError("Dropout p must be in [0, 1)")
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
        raise ValueError(f"unknown layer description: {cfg!r}")
    cls = LAYER_TYPES[cfg["type"]]
    kwargs = {k: v for k, v in cfg.items() if k != "type"}
    if cls in (Conv2D, Dense, Dropout):
        kwargs["rng"] = rng
    try:
        return cls(**kwargs)
    except TypeError as e:
        raise ValueError(f"bad arguments for layer {cfg['type']!r}: {e}") from None
