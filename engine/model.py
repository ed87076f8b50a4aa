"""A sequential model: a list of layers run one after the other, and the preset architectures."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .layers import Conv2D, ConvReLUPool, Dense, Dropout, Flatten, Layer, MaxPool2D, ReLU, layer_from_config
from .losses import softmax
from .text import QT_TRANSLATE_NOOP, exception_text

PRESETS = ("tiny", "default", "wide", "mlp")


def compute_stages(layers: list[Layer]) -> list[Layer]:
    """The layers as they are computed: each Conv2D → ReLU → MaxPool2D run that ConvReLUPool can do in
    one pass becomes one fused stage (sharing the convolution's arrays); other layers stay as they are."""
    stages, i = [], 0
    while i < len(layers):
        if ConvReLUPool.fits(layers[i : i + 3]):
            stages.append(ConvReLUPool(layers[i], layers[i + 2].kernel_size))
            i += 3
        else:
            stages.append(layers[i])
            i += 1
    return stages


@dataclass(frozen=True)
class Activation:
    """The output of layer `index` for one input: data is a copy, shape (N, ...) ."""

    index: int
    name: str
    shape: tuple
    data: np.ndarray


@dataclass(frozen=True)
class LayerInfo:
    """One row of the model summary: output_shape excludes the batch axis."""

    index: int
    name: str
    output_shape: tuple
    parameters: int


class Sequential:
    """Layers applied in order to NCHW batches of shape (N, *input_shape)."""

    def __init__(self, layers: list[Layer], input_shape: tuple = (1, 28, 28)):
        self.layers = list(layers)
        self.input_shape = tuple(int(d) for d in input_shape)
        shape = self.input_shape
        for i, layer in enumerate(self.layers):  # checks that the layers fit together
            try:
                shape = layer.output_shape(shape)
            except ValueError as e:
                raise ValueError(QT_TRANSLATE_NOOP(
                    "Model", "layer {i} ({value}) does not fit its input {shape}: {e}"
                ).format(i=i, value=layer.name, shape=shape, e=exception_text(e))) from None
            if min(shape) < 1:
                raise ValueError(QT_TRANSLATE_NOOP(
                    "Model", "layer {i} ({value}) leaves nothing: output shape {shape}"
                ).format(i=i, value=layer.name, shape=shape))
        self.output_shape = shape
        self._pack()
        self._stages = compute_stages(self.layers)
        self._first_with_params = next((st for st in self._stages if st.params), None)

    def _pack(self) -> None:
        """Moves the parameters, and the gradients, into one flat buffer each (the layers keep views of
        it, in parameters() order), so an optimizer can update the whole model in a few large operations.
        Left as they are if the parameters do not share one dtype."""
        entries = [(layer, k) for layer in self.layers for k in layer.params]
        if not entries or len({layer.params[k].dtype for layer, k in entries}) != 1:
            return
        dtype = entries[0][0].params[entries[0][1]].dtype
        total = sum(layer.params[k].size for layer, k in entries)
        flat_params, flat_grads = np.empty(total, dtype), np.zeros(total, dtype)
        start = 0
        for layer, k in entries:
            p = layer.params[k]
            stop = start + p.size
            layer.params[k] = flat_params[start:stop].reshape(p.shape)
            layer.params[k][...] = p
            layer.grads[k] = flat_grads[start:stop].reshape(p.shape)
            start = stop

    @property
    def dtype(self) -> np.dtype:
        for layer in self.layers:
            for p in layer.params.values():
                return p.dtype
        return np.dtype(np.float32)

    # -- computation ---------------------------------------------------------------------------

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """x (N, *input_shape) -> logits (N, classes). Inputs are cast to the model's dtype."""
        x = np.asarray(x, dtype=self.dtype)
        if x.shape[1:] != self.input_shape:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Model", "expected input of shape (N, {value}), got {value2}"
            ).format(value=', '.join(map(str, self.input_shape)), value2=x.shape))
        for stage in self._stages:
            x = stage.forward(x, training)
        return x

    def backward(self, dlogits: np.ndarray, input_grad: bool = True) -> np.ndarray | None:
        """Backpropagates dlogits (N, classes) through the last forward; fills gradients(). -> dx

        input_grad=False skips the gradient with respect to the input (training never needs it;
        it saves the first convolution's largest product) and returns None.
        """
        d = dlogits
        for stage in reversed(self._stages):
            if not input_grad and stage is self._first_with_params:
                stage.backward(d, need_dx=False)  # the layers before it have nothing to learn
                return None
            d = stage.backward(d)
        return d

    def _batch(self, x) -> np.ndarray:
        """Accepts (S, S), (C, S, S) or (N, C, S, S) and returns (N, C, S, S) in the model's dtype."""
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim == len(self.input_shape) - 1:
            x = x[None]
        if x.ndim == len(self.input_shape):
            x = x[None]
        return x

    def _check(self, x: np.ndarray) -> np.ndarray:
        if x.shape[1:] != self.input_shape:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Model", "expected input of shape {input_shape}, got {value}"
            ).format(input_shape=self.input_shape, value=x.shape[1:]))
        return x

    def _viewer(self) -> list[Layer]:
        """Twins of the layers that share their parameter arrays but have their own caches.

        predict_proba and activations run on these, so a GUI thread may call them while a worker
        thread trains the same model without disturbing the cached values of a training step.
        """
        if getattr(self, "_viewer_layers", None) is None:
            twins = []
            for layer in self.layers:
                twin = object.__new__(type(layer))
                twin.__dict__ = {k: v for k, v in layer.__dict__.items() if not k.startswith("_")}
                twins.append(twin)
            self._viewer_layers = twins
            self._viewer_stages = compute_stages(twins)
        return self._viewer_layers

    def logits(self, x) -> np.ndarray:
        """Inference-mode outputs (N, classes) before softmax; same input forms as predict_proba."""
        x = self._check(self._batch(x))
        self._viewer()
        for stage in self._viewer_stages:
            x = stage.infer(x)
        return np.array(x, copy=True, order="C")

    def predict_proba(self, x) -> np.ndarray:
        """Softmax probabilities (N, classes) for x of shape (S, S), (1, S, S) or (N, 1, S, S)."""
        return softmax(self.logits(x))

    def activations(self, x, last_only: bool = False) -> list[Activation]:
        """The output of every layer (copies) for x of shape (S, S), (1, S, S) or (N, 1, S, S).

        Inference mode; the training caches are left alone. last_only=True keeps only the output.
        """
        x = self._check(self._batch(x))
        out = []
        for i, layer in enumerate(self._viewer()):
            x = layer.forward(x, False)
            if not last_only or i == len(self.layers) - 1:
                data = np.array(x, copy=True, order="C")
                out.append(Activation(i, layer.name, data.shape, data))
        return out

    # -- parameters ------------------------------------------------------------------------------

    def parameters(self) -> dict[str, np.ndarray]:
        """The live parameter arrays keyed "<index>.weight" / "<index>.bias" (PyTorch state_dict names)."""
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.params.items()}

    def gradients(self) -> dict[str, np.ndarray]:
        """The live gradient arrays, same keys as parameters(); overwritten by each backward."""
        return {f"{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.grads.items()}

    def weights(self) -> dict[str, np.ndarray]:
        """Copies of the parameters, keyed as parameters()."""
        return {k: v.copy() for k, v in self.parameters().items()}

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Copies `weights` into the parameters; the keys and shapes must match exactly."""
        params = self.parameters()
        missing, extra = params.keys() - weights.keys(), weights.keys() - params.keys()
        if missing or extra:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Model", "weights do not match the model: missing {value}, unexpected {value2}"
            ).format(value=sorted(missing), value2=sorted(extra)))
        for k, p in params.items():
            w = np.asarray(weights[k])
            if w.shape != p.shape:
                raise ValueError(QT_TRANSLATE_NOOP(
                    "Model", "weight {k!r} has shape {value}, the model needs {value2}"
                ).format(k=k, value=w.shape, value2=p.shape))
        for k, p in params.items():
            p[...] = weights[k]

    def num_parameters(self) -> int:
        return sum(layer.num_parameters() for layer in self.layers)

    # -- description -----------------------------------------------------------------------------

    def summary(self) -> list[LayerInfo]:
        rows, shape = [], self.input_shape
        for i, layer in enumerate(self.layers):
            shape = layer.output_shape(shape)
            rows.append(LayerInfo(i, layer.name, shape, layer.num_parameters()))
        return rows

    def summary_text(self) -> str:
        """A readable table: layer, output shape, parameters, and the total."""
        lines = [f"{'#':>2}  {'layer':<10} {'output shape':<16} {'parameters':>10}",
                 f"    {'input':<10} {' × '.join(map(str, self.input_shape)):<16}"]
        for r in self.summary():
            lines.append(f"{r.index:>2}  {r.name:<10} {' × '.join(map(str, r.output_shape)):<16} "
                         f"{r.parameters:>10,}")
        lines.append(f"total parameters: {self.num_parameters():,}")
        return "\n".join(lines)

    def config(self) -> list[dict]:
        return [layer.config() for layer in self.layers]

    def copy(self) -> Sequential:
        """An independent copy with the same layers and weights."""
        return self.astype(self.dtype)

    def astype(self, dtype) -> Sequential:
        """A copy of the model computing in `dtype` (np.float64 for gradient checks)."""
        return Sequential([layer.astype(dtype) for layer in self.layers], self.input_shape)

    def __repr__(self) -> str:
        return f"Sequential({self.layers!r}, input_shape={self.input_shape})"


def build_model(preset: str = "default", num_classes: int = 4, input_size: int = 28, seed=0) -> Sequential:
    """A fresh model for (1, input_size, input_size) drawings, He-initialised from `seed`.

    tiny:    [Conv 4 → ReLU → MaxPool] × 2 → Flatten → Dense 32 → ReLU → Dense
    default: Conv 16 → ReLU → MaxPool → Conv 28 → ReLU → MaxPool → Flatten → Dense 64 → ReLU → Dense
             (92,352 parameters for 4 classes: under the ~100k budget)
    wide:    Conv 32 → ReLU → MaxPool → Conv 64 → ReLU → MaxPool → Flatten → Dropout 0.25 → Dense 64 →
             ReLU → Dense
    mlp:     Flatten → Dense 128 → ReLU → Dense  (no convolution, for comparison)
    Hidden layers are He-initialised; the output layer starts 10× smaller.
    """
    if preset not in PRESETS:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Model", "unknown preset {preset!r}; choose one of {value}"
        ).format(preset=preset, value=', '.join(PRESETS)))
    if num_classes < 1 or input_size < 4:
        raise ValueError(QT_TRANSLATE_NOOP("Model", "need num_classes >= 1 and input_size >= 4"))
    rng = np.random.default_rng(seed)
    s = input_size
    if preset == "mlp":
        layers = [Flatten(), Dense(s * s, 128, rng=rng), ReLU(), Dense(128, num_classes, rng=rng)]
    else:
        c1, c2, hidden = {"tiny": (4, 8, 32), "default": (16, 28, 64), "wide": (32, 64, 64)}[preset]
        flat = c2 * (s // 2 // 2) ** 2
        layers = [Conv2D(1, c1, 3, padding=1, rng=rng), ReLU(), MaxPool2D(2),
                  Conv2D(c1, c2, 3, padding=1, rng=rng), ReLU(), MaxPool2D(2), Flatten()]
        if preset == "wide":
            layers.append(Dropout(0.25, rng=rng))
        layers += [Dense(flat, hidden, rng=rng), ReLU(), Dense(hidden, num_classes, rng=rng)]
    # The output layer feeds softmax, not ReLU: start it 10× smaller than He so the first predictions
    # are near uniform and the initial loss is ≈ ln(classes) (a check from CS231n).
    layers[-1].params["weight"] *= np.float32(0.1)
    return Sequential(layers, (1, s, s))


def model_from_config(layers: list[dict], input_shape: tuple, seed=0) -> Sequential:
    """A model from a list of layer config() dicts (raises ValueError if they do not fit)."""
    rng = np.random.default_rng(seed)
    return Sequential([layer_from_config(c, rng=rng) for c in layers], input_shape)
