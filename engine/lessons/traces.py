"""Step-by-step traces of convolution, ReLU and pooling, computed by the engine's own layers.

Every output value comes from the engine's Conv2D / ReLU / MaxPool2D / AvgPool2D forward pass; a trace adds,
for each output cell, the window it came from and (for convolution) the element-wise products whose sum it
is — numbers to show, checked against the layer's output rather than computed a second way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.layers import AvgPool2D, Conv2D, MaxPool2D, ReLU
from engine.model import Sequential
from engine.text import QT_TRANSLATE_NOOP

# The lecture's worked examples
LECTURE_SIGNAL = (0, 0, 0, 1, 0, 1, 1, 1)
LECTURE_KERNEL_1D = (-1, 1)
LECTURE_IMAGE = (
    (1, 1, 1, 0, 0),
    (0, 1, 1, 1, 0),
    (0, 0, 1, 1, 1),
    (0, 0, 1, 1, 0),
    (0, 1, 1, 0, 0),
)
LECTURE_FILTER = ((1, 0, 1), (0, 1, 0), (1, 0, 1))
LECTURE_POOL_INPUT = (
    (12, 20, 30, 0),
    (8, 12, 2, 0),
    (34, 70, 37, 4),
    (112, 100, 25, 12),
)

# Kernels to try on a drawing
NAMED_KERNELS = {
    "vertical edges": ((-1, 0, 1), (-2, 0, 2), (-1, 0, 1)),
    "horizontal edges": ((-1, -2, -1), (0, 0, 0), (1, 2, 1)),
    "blur": ((1 / 9, 1 / 9, 1 / 9), (1 / 9, 1 / 9, 1 / 9), (1 / 9, 1 / 9, 1 / 9)),
    "sharpen": ((0, -1, 0), (-1, 5, -1), (0, -1, 0)),
    "lecture filter": LECTURE_FILTER,
}


@dataclass(frozen=True)
class ConvStep:
    """One output cell: where the window sits, what it covers, the products and their sum (= output)."""

    row: int
    col: int
    window: np.ndarray  # (kh, kw) input values under the kernel
    products: np.ndarray  # window * kernel
    total: float  # the engine's output at (row, col)


@dataclass(frozen=True)
class ConvTrace:
    input: np.ndarray  # (H, W) after padding (1-D: (1, L))
    kernel: np.ndarray
    output: np.ndarray  # the engine's feature map
    steps: tuple[ConvStep, ...]  # row by row


def _conv_layer(kernel: np.ndarray, padding: int = 0, bias: float = 0.0) -> Conv2D:
    k = kernel.shape[0]
    layer = Conv2D(1, 1, k, padding=padding, rng=0)
    layer.params["weight"][...] = kernel[None, None].astype(np.float32)
    layer.params["bias"][...] = np.float32(bias)
    return layer


def conv2d_trace(image=LECTURE_IMAGE, kernel=LECTURE_FILTER) -> ConvTrace:
    """The engine's Conv2D (stride 1, no padding, bias 0) over a one-channel image, cell by cell."""
    img = np.asarray(image, dtype=np.float32)
    ker = np.asarray(kernel, dtype=np.float32)
    if ker.ndim != 2 or ker.shape[0] != ker.shape[1]:
        raise ValueError(QT_TRANSLATE_NOOP("LessonTraces", "the kernel must be square"))
    out = _conv_layer(ker).forward(img[None, None])[0, 0]
    kh, kw = ker.shape
    steps = []
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            window = img[r : r + kh, c : c + kw]
            steps.append(ConvStep(r, c, window.copy(), window * ker, float(out[r, c])))
    return ConvTrace(img, ker, out, tuple(steps))


def conv1d_trace(signal=LECTURE_SIGNAL, kernel=LECTURE_KERNEL_1D) -> ConvTrace:
    """1-D convolution by the engine's Conv2D: the signal is the top row of a two-row image and the kernel
    the top row of a square kernel whose other rows are 0, so output N = Σ_m kernel[m]·signal[N + m]."""
    sig = np.asarray(signal, dtype=np.float32).reshape(-1)
    ker = np.asarray(kernel, dtype=np.float32).reshape(-1)
    k = len(ker)
    if k > len(sig):
        raise ValueError(QT_TRANSLATE_NOOP("LessonTraces", "the kernel is longer than the signal"))
    image = np.zeros((k, len(sig)), np.float32)
    image[0] = sig
    square = np.zeros((k, k), np.float32)
    square[0] = ker
    out = _conv_layer(square).forward(image[None, None])[0, 0]  # (1, len(sig) - k + 1)
    steps = []
    for n in range(out.shape[1]):
        window = sig[n : n + k]
        steps.append(ConvStep(0, n, window[None].copy(), (window * ker)[None], float(out[0, n])))
    return ConvTrace(sig[None], ker[None], out, tuple(steps))


@dataclass(frozen=True)
class PoolStep:
    row: int
    col: int
    window: np.ndarray  # (k, k)
    chosen: tuple[int, int] | None  # max pooling: position of the (first) maximum in the window
    value: float  # the output cell


@dataclass(frozen=True)
class PoolTrace:
    kind: str  # "max", "average" or "sum"
    input: np.ndarray
    output: np.ndarray
    steps: tuple[PoolStep, ...]


def pool_trace(matrix=LECTURE_POOL_INPUT, kind: str = "max", size: int = 2) -> PoolTrace:
    """2×2 (size×size, stride size) pooling by the engine's MaxPool2D / AvgPool2D.

    "sum" pooling (which the lecture names but the engine has no layer for) is the average × size².
    """
    x = np.asarray(matrix, dtype=np.float32)
    if kind == "max":
        layer = MaxPool2D(size)
    elif kind in ("average", "sum"):
        layer = AvgPool2D(size)
    else:
        raise ValueError(QT_TRANSLATE_NOOP("LessonTraces", "kind must be 'max', 'average' or 'sum'"))
    out = layer.forward(x[None, None])[0, 0].astype(np.float64)
    if kind == "sum":
        out = out * size * size
    steps = []
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            window = x[r * size : r * size + size, c * size : c * size + size]
            chosen = None
            if kind == "max":
                chosen = tuple(int(v) for v in np.unravel_index(int(np.argmax(window)), window.shape))
            steps.append(PoolStep(r, c, window.copy(), chosen, float(out[r, c])))
    return PoolTrace(kind, x, out, tuple(steps))


def relu(feature_map) -> np.ndarray:
    """The engine's ReLU: max(0, x)."""
    x = np.asarray(feature_map, dtype=np.float32)
    return ReLU().forward(x)


def apply_kernel(image, kernel, bias: float = 0.0) -> np.ndarray:
    """A square kernel over a one-channel image with the engine's Conv2D, zero padding "same" (same size)."""
    img = np.asarray(image, dtype=np.float32)
    ker = np.asarray(kernel, dtype=np.float32)
    return _conv_layer(ker, padding=ker.shape[0] // 2, bias=bias).forward(img[None, None])[0, 0]


def first_conv_index(model: Sequential) -> int | None:
    """Index of the model's first Conv2D layer (None for a model without convolution)."""
    for i, layer in enumerate(model.layers):
        if isinstance(layer, Conv2D):
            return i
    return None


def with_filter(model: Sequential, filter_index: int, kernel) -> Sequential:
    """A copy of `model` whose first conv layer's filter `filter_index` is replaced by `kernel` (one input
    channel). The original model is not changed."""
    idx = first_conv_index(model)
    if idx is None:
        raise ValueError(QT_TRANSLATE_NOOP("LessonTraces", "this model has no convolution layer"))
    new = model.copy()
    weights = new.weights()
    w = weights[f"{idx}.weight"]
    ker = np.asarray(kernel, dtype=w.dtype)
    if w.shape[1] != 1 or ker.shape != w.shape[2:]:
        raise ValueError(QT_TRANSLATE_NOOP(
            "LessonTraces", "the first layer needs {value}×{value2} kernels on one channel"
        ).format(value=w.shape[2], value2=w.shape[3]))
    w[filter_index, 0] = ker
    new.set_weights(weights)
    return new


def shift_image(image, dx: int, dy: int) -> np.ndarray:
    """The image moved by (dx, dy) pixels, filled with 0 (nothing wraps around)."""
    img = np.asarray(image, dtype=np.float32)
    out = np.zeros_like(img)
    h, w = img.shape
    ys, yd = (slice(0, h - dy), slice(dy, h)) if dy >= 0 else (slice(-dy, h), slice(0, h + dy))
    xs, xd = (slice(0, w - dx), slice(dx, w)) if dx >= 0 else (slice(-dx, w), slice(0, w + dx))
    out[yd, xd] = img[ys, xs]
    return out


@dataclass(frozen=True)
class ShiftRow:
    dx: int
    dy: int
    probabilities: np.ndarray  # the model's prediction for the shifted drawing
    before_pool_change: float  # mean |Δ| of the first block's ReLU maps against the unshifted drawing
    after_pool_change: float  # the same after the block's pooling layer (compared where both exist)


def shift_study(model: Sequential, image, shifts=((0, 0), (1, 0), (0, 1), (1, 1), (-1, 0), (0, -1), (2, 0))
                ) -> list[ShiftRow]:
    """How much the feature maps and the prediction change when the drawing moves by a pixel or two.

    The change before and after pooling is the mean absolute difference of the maps relative to the mean
    absolute value of the unshifted maps, so the two are comparable.
    """
    idx = first_conv_index(model)
    base = model.activations(image)
    pool_idx = None
    if idx is not None:
        for j in range(idx + 1, len(model.layers)):
            if isinstance(model.layers[j], (MaxPool2D, AvgPool2D)):
                pool_idx = j
                break
    rows = []
    for dx, dy in shifts:
        shifted = shift_image(image, dx, dy)
        acts = model.activations(shifted)
        probs = model.predict_proba(shifted)[0]
        before = after = float("nan")
        if pool_idx is not None:
            b0, b1 = base[pool_idx - 1].data, acts[pool_idx - 1].data
            p0, p1 = base[pool_idx].data, acts[pool_idx].data
            before = float(np.abs(b1 - b0).mean() / max(np.abs(b0).mean(), 1e-12))
            after = float(np.abs(p1 - p0).mean() / max(np.abs(p0).mean(), 1e-12))
        rows.append(ShiftRow(dx, dy, probs, before, after))
    return rows


@dataclass(frozen=True)
class ParameterComparison:
    conv_parameters: int  # the CNN preset's parameter count
    mlp_parameters: int  # the MLP preset's
    first_conv_parameters: int  # the first conv layer's (out·in·k·k + out)
    dense_equivalent_parameters: int  # a fully connected layer with the same input and output sizes
    dense_parameters: int = 0  # the CNN's parameters in its fully connected (Dense) layers

    @property
    def dense_share(self) -> float:
        """The share (0 … 1) of the CNN's parameters that sit in its fully connected layers."""
        return self.dense_parameters / self.conv_parameters if self.conv_parameters else float("nan")


def parameter_comparison(cnn: Sequential, mlp: Sequential) -> ParameterComparison:
    """Parameter counts behind the lecture's "effectively reducing computational complexity"."""
    idx = first_conv_index(cnn)
    first = dense_eq = 0
    if idx is not None:
        layer = cnn.layers[idx]
        first = layer.num_parameters()
        n_in = int(np.prod(cnn.input_shape))
        n_out = int(np.prod(cnn.summary()[idx].output_shape))
        dense_eq = n_in * n_out + n_out
    dense = sum(layer.num_parameters() for layer in cnn.layers if type(layer).__name__ == "Dense")
    return ParameterComparison(cnn.num_parameters(), mlp.num_parameters(), first, dense_eq, dense)
