"""Convolution: Conv2D, and ConvReLUPool (Conv2D → ReLU → MaxPool2D in one pass).

Convolution is im2col: a read-only window view of the padded input (never a writable strided view),
copied once into a column matrix, and one matrix product; backward adds the column gradients back.
Sequential runs each Conv2D → ReLU → MaxPool2D run of layers as one ConvReLUPool (the separate layers
stay, for activations() and the PyTorch names). `engine/reference.py` has the slow loop versions these
are tested against.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

from .layer import DTYPE, Layer, _he_normal, _max_groups, _padded_empty, _pool_out, _rng, _unmax_groups
from .text import QT_TRANSLATE_NOOP


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


def _max_blocks(z: np.ndarray, keep: bool, scratch=None):
    """Max over the q*q contiguous blocks of z (O, q*q, M), block t holding pooling offset t in
    row-major order. -> (y (O, M), masks): masks say where each maximum came from (None unless keep),
    for _unmax_blocks; the first maximum wins ties, as MaxPool2D. scratch(name, shape, dtype), if
    given, supplies reused arrays for the masks (e.g. Layer._buffer).

    For 2 x 2 (the usual case) the masks are three booleans, a tournament in MaxPool2D's order: the
    pairs (0, 1) and (2, 3) of a row, then the rows; otherwise the index of the first maximum."""
    t = z.shape[1]
    if not keep:
        y = z[:, 0].copy()
        for b in range(1, t):
            np.maximum(y, z[:, b], out=y)
        return y, None
    if t == 4:
        def arr(name, dtype):
            return np.empty(z[:, 0].shape, dtype) if scratch is None else scratch(name, z[:, 0].shape, dtype)
        first, second, row = arr("_first", bool), arr("_second", bool), arr("_row", bool)
        np.greater(z[:, 1], z[:, 0], out=first)  # strictly greater: the first one wins ties
        np.greater(z[:, 3], z[:, 2], out=second)
        y, y2 = np.maximum(z[:, 0], z[:, 1]), np.maximum(z[:, 2], z[:, 3], out=arr("_y2", z.dtype))
        np.greater(y2, y, out=row)
        np.maximum(y, y2, out=y)
        return y, (first, second, row)
    y = z[:, 0].copy()
    idx = np.zeros(y.shape, np.uint8)
    for b in range(1, t):
        # idx = b where block b is greater (uint8 arithmetic)
        idx += (z[:, b] > y).view(np.uint8) * (np.uint8(b) - idx)
        np.maximum(y, z[:, b], out=y)
    return y, idx


def _unmax_blocks(g: np.ndarray, masks, out: np.ndarray) -> None:
    """Backward of _max_blocks: g (O, M) goes to where each maximum came from in out (O, q*q, M), the
    other entries are set to 0. Exact: each value of g is either kept or subtracted from itself."""
    if isinstance(masks, tuple):
        first, second, row = masks
        np.multiply(g, row, out=out[:, 2])      # the second row's share ...
        np.subtract(g, out[:, 2], out=out[:, 0])  # ... and the first row's
        np.multiply(out[:, 0], first, out=out[:, 1])
        out[:, 0] -= out[:, 1]
        np.multiply(out[:, 2], second, out=out[:, 3])
        out[:, 2] -= out[:, 3]
        return
    for b in range(out.shape[1]):
        np.multiply(g, masks == b, out=out[:, b])


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
            raise ValueError(QT_TRANSLATE_NOOP(
                "Layers", "Conv2D needs kernel_size, stride and channel counts of at least 1"
            ))
        if padding == "same":
            if k % 2 == 0:
                raise ValueError(QT_TRANSLATE_NOOP("Layers", "padding='same' needs an odd kernel_size"))
            padding = (k - 1) // 2
        if int(padding) < 0:
            raise ValueError(QT_TRANSLATE_NOOP("Layers", "padding must be >= 0 or 'same'"))
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
    # (C, N, Hp*Wp): each image is one flat row per channel, rows Wp = W + p long (the left padding of
    # a row is also the right padding of the row before). An output at (i, j) with kernel offset (a, b)
    # reads flat[(i + a) * Wp + (j + b)], so if outputs are computed on the whole Wp-wide grid (the
    # last Wp - Wo columns are junk, dropped afterwards), the values seen by offset (a, b) are one
    # contiguous slice flat[a*Wp + b : a*Wp + b + Ho*Wp] of every image. The columns (C*k*k, N*Ho*Wp)
    # are a read-only strided view of the flat rows, copied once; the whole batch is then one matrix
    # product, and backward adds k*k contiguous slices. The output is returned as an (N, O, Ho, Wo)
    # view of a channel-major array: the elementwise layers after it keep that memory order. The
    # column, output and gradient matrices have rows padded to _pitch (engine/layer.py): 32 images of
    # 14 x 16 made rows of 7,168 float32, a multiple of 4 KiB, which OpenBLAS multiplies 1.7x slower.

    def _forward_wide(self, x, bias=True, out=None):
        """x (N, C, H, W) -> the output on the Wp-wide grid, (O, N, Ho, Wp), with the bias if asked;
        out=NAME writes it into a scratch matrix of this layer kept under that name (a caller that uses
        it at once, as ConvReLUPool), otherwise into a new array."""
        n, c, h, w = x.shape
        k, p, o = self.kernel_size, self.padding, self.out_channels
        hp, wp = h + 2 * p, self._grid_width(w)
        ho, span = hp - k + 1, (hp - k + 1) * wp
        flat = self._buffer("_flat", (c, n, hp * wp + k - 1), x.dtype)  # k - 1 spare zeros at the end
        flat[:, :, : hp * wp].reshape(c, n, hp, wp)[:, :, p : p + h, p : p + w] = x.transpose(1, 0, 2, 3)
        sc, sn, se = flat.strides
        shape, strides = (c, k, k, n, span), (sc, wp * se, se, sn, se)
        held, win = self.__dict__.get("_win", (None, None))
        if held is not flat or win.shape != shape or win.strides != strides:  # made once: as_strided is slow
            win = as_strided(flat, shape, strides, writeable=False)
            self._win = (flat, win)
        cols = self._matrix("_cols", c * k * k, n * span, x.dtype)
        np.copyto(cols.reshape(c, k, k, n, span), win)
        y = self._matrix(out, o, n * span, x.dtype) if out else _padded_empty(o, n * span, x.dtype)
        np.matmul(self.params["weight"].reshape(o, -1), cols, out=y)
        if bias:
            y += self.params["bias"][:, None]
        self._cache = (x.shape, cols)
        return y.reshape(o, n, ho, wp)

    def _grid_width(self, w: int) -> int:
        """Wp, the row length of the flat padded input for inputs w wide: w + p (one padding shared by
        the end of a row and the start of the next: a window running past a row's end reads the next
        row's first p zeros), and at least Wo, the output's width."""
        p = self.padding
        return max(w + p, w + 2 * p - self.kernel_size + 1)

    def _forward_flat(self, x):
        wo = x.shape[3] + 2 * self.padding - self.kernel_size + 1
        return self._forward_wide(x)[:, :, :, :wo].transpose(1, 0, 2, 3)

    def _backward_flat(self, dy, need_dx):
        n, o, ho, wo = dy.shape
        wp = self._grid_width(self._cache[0][3])
        dyw = self._matrix("_dy_wide", o, n * ho * wp, dy.dtype).reshape(o, n, ho, wp)  # junk stays 0
        dyw[:, :, :, :wo] = dy.transpose(1, 0, 2, 3)
        return self._backward_wide(dyw, need_dx)

    def _backward_wide(self, dyw, need_dx, dbias=None):
        """dyw (O, N, Ho, Wp): the output gradient on the wide grid, zero in the junk columns; dbias, if
        given, is the bias gradient (ConvReLUPool sums it over its q*q times fewer pooled values)."""
        x_shape, cols = self._cache
        o, n, ho, wp = dyw.shape
        c, k, p = self.in_channels, self.kernel_size, self.padding
        h, w = x_shape[2:]
        hp, span = h + 2 * p, ho * wp
        dyw = dyw.reshape(o, n * span)
        _weight_grad(dyw, cols, self.grads["weight"].reshape(o, -1))
        if dbias is None:
            np.sum(dyw, axis=1, out=self.grads["bias"])
        else:
            self.grads["bias"][...] = dbias
        if not need_dx:
            return None
        dcols = self._matrix("_dcols", c * k * k, n * span, dyw.dtype)
        np.matmul(self.params["weight"].reshape(o, -1).T, dyw, out=dcols)
        dcols = dcols.reshape(c, k * k, n, span)
        dflat = np.empty((c, n, hp * wp + k - 1), dyw.dtype)
        dflat[:, :, :span] = dcols[:, 0]  # offset (0, 0) starts the sum: no zeroing pass
        dflat[:, :, span:] = 0
        for t in range(1, k * k):
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
            raise ValueError(QT_TRANSLATE_NOOP("Layers", "ConvReLUPool needs a stride-1 convolution"))
        self.conv, self.pool_size = conv, int(pool_size)
        self.params, self.grads = conv.params, conv.grads
        self.pooled_columns = conv.in_channels * conv.kernel_size**2 <= conv.out_channels

    @staticmethod
    def fits(layers: list[Layer]) -> bool:
        """True when layers are [Conv2D stride 1, ReLU, MaxPool2D with stride == kernel size]."""
        return (len(layers) == 3 and type(layers[0]) is Conv2D and layers[0].stride == 1
                and layers[1].kind == "relu" and layers[2].kind == "maxpool2d"
                and layers[2].stride == layers[2].kernel_size)

    def config(self) -> dict:
        return {"type": self.kind, "conv": self.conv.config(), "pool_size": self.pool_size}

    def output_shape(self, input_shape: tuple) -> tuple:
        o, h, w = self.conv.output_shape(input_shape)
        return (o, h // self.pool_size, w // self.pool_size)

    def astype(self, dtype) -> ConvReLUPool:
        return ConvReLUPool(self.conv.astype(dtype), self.pool_size)

    def _windows(self, xp, hq, wq):
        """(C, k, k, q, q, N, Hq, Wq) view of the padded xp (C, N, Hp, Wp): [c, ki, kj, a, b, n, i, j] is
        xp[c, n, q*i + a + ki, q*j + b + kj] for kernel offset (ki, kj) and pooling offset (a, b)."""
        k, q = self.conv.kernel_size, self.pool_size
        sc, sn, sh, sw = xp.strides
        return as_strided(xp, (xp.shape[0], k, k, q, q, xp.shape[1], hq, wq),
                          (sc, sh, sw, sh, sw, sn, q * sh, q * sw), writeable=False)

    def forward(self, x, training=False):
        return self._run(x, keep=True)

    def infer(self, x):
        """forward(x) without keeping anything for backward (inference: predict_proba, logits)."""
        return self._run(x, keep=False)

    def _run(self, x, keep):
        conv, q = self.conv, self.pool_size
        n, c, h, w = x.shape
        k, p, o = conv.kernel_size, conv.padding, conv.out_channels
        ho, wo = h + 2 * p - k + 1, w + 2 * p - k + 1
        hq, wq = ho // q, wo // q
        if self.pooled_columns:
            m = n * hq * wq
            xp = self._buffer("_xp", (c, n, h + 2 * p, w + 2 * p), x.dtype)
            xp[:, :, p : p + h, p : p + w] = x.transpose(1, 0, 2, 3)
            cols = self._matrix("_cols", c * k * k, q * q * m, x.dtype)
            held, win = self.__dict__.get("_win", (None, None))
            if held is not xp or win.shape[-2:] != (hq, wq):  # made once per buffer: as_strided is slow
                win = self._windows(xp, hq, wq)
                self._win = (xp, win)
            np.copyto(cols.reshape(c, k, k, q, q, n, hq, wq), win)
            z = self._matrix("_z", o, q * q * m, x.dtype)
            np.matmul(conv.params["weight"].reshape(o, -1), cols, out=z)
            y, masks = _max_blocks(z.reshape(o, q * q, m), keep, self._buffer)
            y = y.reshape(o, n, hq, wq)
            self._cache = (x.shape, cols, masks, None, y) if keep else None
        else:
            wide = conv._forward_wide(x, bias=False, out="_wide" if keep else None)  # (O, N, Ho, Wp)
            if keep and q == 2:
                y = self._max_quads(wide, hq, wq)  # sets the cache
            elif keep:
                rows, idx_w = _max_groups(wide[:, :, : hq * q, : wq * q], q, axis=3)
                y, idx_h = _max_groups(rows, q, axis=2)
                self._cache = (wide.shape, None, idx_w, idx_h, y)
            else:  # inference: the maximum only
                views = [wide[:, :, a : hq * q : q, b : wq * q : q] for a in range(q) for b in range(q)]
                y = np.maximum(views[0], views[1]) if len(views) > 1 else views[0].copy()
                for v in views[2:]:
                    np.maximum(y, v, out=y)
                self._cache = None
        # bias and ReLU on the whole array y views (with _max_quads, y drops its junk pairs)
        whole = y if y.flags.c_contiguous else y.base
        whole += conv.params["bias"].reshape((o,) + (1,) * (whole.ndim - 1))
        np.maximum(whole, 0, out=whole)
        return y.transpose(1, 0, 2, 3)

    # 2 x 2 pooling on the wide grid. Strided NumPy operations cost several times contiguous ones here,
    # so the four values of each window are first copied apart into two contiguous arrays, (O, N, a, i,
    # t) for the even and the odd columns 2t and 2t + 1 of rows 2i + a: the pairs of a row are compared
    # elementwise, then the rows (blocks of Hq * W2 values). The junk columns of the grid come along as
    # an extra pair t >= Wq, dropped at the end; in backward their gradient is 0.

    @staticmethod
    def _quads(wide, hq):
        """(O, N, 2, Hq, W2, 2) view of the wide grid (O, N, Ho, Wp): [o, n, a, i, t, b] is
        wide[o, n, 2i + a, 2t + b], W2 = Wp // 2 (writable if wide is)."""
        o, n, _, wp = wide.shape
        w2 = wp // 2
        v = wide[:, :, : 2 * hq, : 2 * w2].view()
        v.shape = (o, n, hq, 2, w2, 2)  # a view (raises rather than copy)
        return v.transpose(0, 1, 3, 2, 4, 5)

    def _max_quads(self, wide, hq, wq):
        quads = self._quads(wide, hq)
        even = self._buffer("_even", quads.shape[:-1], wide.dtype)
        odd = self._buffer("_odd", quads.shape[:-1], wide.dtype)
        np.copyto(even, quads[..., 0])
        np.copyto(odd, quads[..., 1])
        first = np.greater(odd, even, out=self._buffer("_first", even.shape, bool))  # strictly: the first
        np.maximum(even, odd, out=even)                                   # of a pair wins ties, as MaxPool2D
        row = np.greater(even[:, :, 1], even[:, :, 0], out=self._buffer("_row", even[:, :, 0].shape, bool))
        y = np.maximum(even[:, :, 0], even[:, :, 1])[..., :wq]  # (O, N, Hq, Wq) view of (O, N, Hq, W2)
        self._cache = (wide.shape, None, first, row, y)
        return y

    def _unmax_quads(self, g, wide_shape, first, row, dyw):
        """Backward of _max_quads: g (O, N, Hq, Wq) -> dyw, the wide grid's gradient (written in place)."""
        o, n, hq, wq = g.shape
        g2 = self._buffer("_g2", row.shape, g.dtype)  # (O, N, Hq, W2); the junk pairs stay 0
        g2[..., :wq] = g
        split = self._buffer("_split", first.shape, g.dtype)  # (O, N, 2, Hq, W2): each row's share
        np.multiply(g2, row, out=split[:, :, 1])
        np.subtract(g2, split[:, :, 1], out=split[:, :, 0])
        odd = self._buffer("_dodd", first.shape, g.dtype)
        np.multiply(split, first, out=odd)
        split -= odd  # the even columns' share (exact: each value is kept or subtracted from itself)
        quads = self._quads(dyw, hq)
        np.copyto(quads[..., 0], split)
        np.copyto(quads[..., 1], odd)

    def backward(self, dy, need_dx=True):
        """dy (N, O, Hq, Wq) -> dx (N, C, H, W); need_dx=False skips dx (for a first layer)."""
        g = dy.transpose(1, 0, 2, 3) * (self._cache[-1] > 0)  # (O, N, Hq, Wq)
        if not self.pooled_columns:
            wide_shape, _, idx_w, idx_h, _ = self._cache
            q = self.pool_size
            hq, wq = g.shape[2:]
            o, n, ho, wp = wide_shape  # what no window covers stays 0:
            dyw = self._matrix("_dy_wide", o, n * ho * wp, dy.dtype).reshape(wide_shape)
            if q == 2:
                self._unmax_quads(g, wide_shape, idx_w, idx_h, dyw)
                return self.conv._backward_wide(dyw, need_dx, dbias=g.sum(axis=(1, 2, 3)))
            rows = _unmax_groups(g, idx_h, q, axis=2)
            _unmax_groups(rows, idx_w, q, axis=3, out=dyw[:, :, : hq * q, : wq * q])
            return self.conv._backward_wide(dyw, need_dx, dbias=g.sum(axis=(1, 2, 3)))
        x_shape, cols, masks, _, _ = self._cache
        conv, q = self.conv, self.pool_size
        o, n, hq, wq = g.shape
        c, k, p = conv.in_channels, conv.kernel_size, conv.padding
        g = g.reshape(o, -1)
        dz = self._matrix("_dz", o, q * q * g.shape[1], dy.dtype)
        _unmax_blocks(g, masks, dz.reshape(o, q * q, -1))
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
