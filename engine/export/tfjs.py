"""TensorFlow.js layers-format export (model.json + weights.bin + metadata.json), channels-last.

The web loaders feed a model an image, not a ShapeLab raster: Teachable Machine's image library crops to
`metadata.imageSize`, takes one grey channel when `metadata.grayscale` is true (0.2989 R + 0.587 G +
0.114 B) and scales 0..255 to v = x / 127 - 1; ml5's imageClassifier feeds 224×224 RGB scaled the same
way. The conversion to ShapeLab's input (ink 1 on 0: ink = 1 - 127 (v + 1) / 255, dark strokes on light
paper) is folded into the exported graph as a first 1×1 convolution, so a web page needs no code of ours:

    OUT/model.json, weights.bin, metadata.json      input (N, S, S, 1), Teachable Machine (grayscale: true)
    OUT/ml5/model.json, weights.bin, metadata.json  input (N, 224, 224, 3), ml5; written when 224 is a
                                                    multiple of S (an average pool brings 224 down to S)

What cannot be folded is the framing (centring, scaling, stroke width): the page should show the drawing
centred and filling the frame, with strokes about as thick as ShapeLab's (see metadata.json).

PyTorch's Flatten reads (C, H, W); a channels-last Flatten reads (H, W, C), so the rows of the first Dense
weight after it are reordered. The check re-runs the written files with a NumPy implementation of the
channels-last layers (`run_tfjs`), which reads only model.json and weights.bin.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from engine.modelio import LoadedModel
from engine.text import QT_TRANSLATE_NOOP

from ._check import (
    CHECK_COUNT,
    PREPROCESSING,
    ExportError,
    ExportResult,
    check_inputs,
    compare,
    engine_probabilities,
    place,
    staging,
)

RGB_WEIGHTS = (0.2989, 0.587, 0.114)  # Teachable Machine's grey conversion
ML5_SIZE = 224
TFJS_VERSION = "4.22.0"
FILES = ("model.json", "weights.bin", "metadata.json")


# -- writing -----------------------------------------------------------------------------------------


def _layer(class_name: str, name: str, **config) -> dict:
    return {"class_name": class_name, "config": {"name": name, "trainable": False, "dtype": "float32",
                                                  **config}}


def _conv(name, filters, k, s, **extra) -> dict:
    return _layer("Conv2D", name, filters=filters, kernel_size=[k, k], strides=[s, s], padding="valid",
                  data_format="channels_last", dilation_rate=[1, 1], activation="linear", use_bias=True,
                  kernel_initializer={"class_name": "Zeros", "config": {}},
                  bias_initializer={"class_name": "Zeros", "config": {}}, kernel_regularizer=None,
                  bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                  bias_constraint=None, **extra)


def build_tfjs(loaded: LoadedModel, rgb: bool = False, _flatten_order: str = "hwc"):
    """(topology dict, [(weight name, array)], input shape) of the channels-last graph.

    rgb=False: input (S, S, 1) in Teachable Machine's grey form; rgb=True: (224, 224, 3) for ml5.
    `_flatten_order` exists for the test that shows a wrong order fails the check."""
    model = loaded.model
    c, h, w = model.input_shape
    if c != 1:
        raise ExportError(QT_TRANSLATE_NOOP(
            "Export", "TensorFlow.js export takes one-channel models; this one has {c} channels"
        ).format(c=c))
    pool = 1
    if rgb:
        if ML5_SIZE % h or h != w:
            raise ExportError(QT_TRANSLATE_NOOP(
                "Export", "the ml5 variant needs an input size dividing {ML5_SIZE} (this model: {h})"
            ).format(ML5_SIZE=ML5_SIZE, h=h))
        pool = ML5_SIZE // h
    size = h * pool
    in_shape = [size, size, 3 if rgb else 1]
    layers, weights = [], []
    # ink = 1 - (127 / 255) (v + 1) for grey v; for RGB v the grey is Σ w_c v_c (+ Σ w_c for the "+ 1")
    a = -127.0 / 255.0
    if rgb:
        total = sum(RGB_WEIGHTS)  # 0.9999: normalised, so grey paper stays exactly 0 ink
        kernel = np.array([a * wc / total for wc in RGB_WEIGHTS], np.float32).reshape(1, 1, 3, 1)
        bias = np.array([1.0 + a], np.float32)
    else:
        kernel = np.full((1, 1, 1, 1), a, np.float32)
        bias = np.array([1.0 + a], np.float32)
    layers.append(_conv("ink", 1, 1, 1, batch_input_shape=[None, *in_shape]))
    weights += [("ink/kernel", kernel), ("ink/bias", bias)]
    if pool > 1:
        layers.append(_layer("AveragePooling2D", "to_input_size", pool_size=[pool, pool],
                             strides=[pool, pool], padding="valid", data_format="channels_last"))
    shape = (c, h, w)  # the engine's CHW shape before each layer
    flat_from = None  # the 3-D shape a Flatten just flattened
    for i, (layer, cfg) in enumerate(zip(model.layers, model.config(), strict=True)):
        kind = cfg["type"]
        name = f"l{i}_{kind}"
        if kind == "conv2d":
            p = cfg["padding"]
            if p:
                layers.append(_layer("ZeroPadding2D", f"l{i}_pad", padding=[[p, p], [p, p]],
                                     data_format="channels_last"))
            layers.append(_conv(name, cfg["out_channels"], cfg["kernel_size"], cfg["stride"]))
            weights += [(f"{name}/kernel", layer.params["weight"].transpose(2, 3, 1, 0)),
                        (f"{name}/bias", layer.params["bias"])]
        elif kind in ("maxpool2d", "avgpool2d"):
            k, s = cfg["kernel_size"], cfg["stride"]
            cls = "MaxPooling2D" if kind == "maxpool2d" else "AveragePooling2D"
            layers.append(_layer(cls, name, pool_size=[k, k], strides=[s, s], padding="valid",
                                 data_format="channels_last"))
        elif kind in ("relu", "sigmoid", "tanh"):
            layers.append(_layer("Activation", name, activation=kind))
        elif kind == "flatten":
            layers.append(_layer("Flatten", name, data_format="channels_last"))
        elif kind == "linear":
            wt = layer.params["weight"]  # (out, in)
            if flat_from is not None and _flatten_order == "hwc":
                # the input arrived flattened from (H, W, C): row (h, w, c) of the kernel is torch's
                # column (c, h, w)
                cc, hh, ww = flat_from
                wt = wt.reshape(-1, cc, hh, ww).transpose(0, 2, 3, 1).reshape(wt.shape[0], -1)
            layers.append(_layer("Dense", name, units=cfg["out_features"], activation="linear",
                                 use_bias=True, kernel_initializer={"class_name": "Zeros", "config": {}},
                                 bias_initializer={"class_name": "Zeros", "config": {}},
                                 kernel_regularizer=None, bias_regularizer=None,
                                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None))
            weights += [(f"{name}/kernel", wt.T), (f"{name}/bias", layer.params["bias"])]
        elif kind == "dropout":
            pass  # the identity at inference
        else:
            raise ExportError(QT_TRANSLATE_NOOP(
                "Export", "layer {i} ({kind}) has no TensorFlow.js counterpart here"
            ).format(i=i, kind=kind))
        if kind == "flatten":
            flat_from = shape  # elementwise layers and Dropout keep the order; the next Dense uses it
        elif kind == "linear":
            flat_from = None
        shape = layer.output_shape(shape)
    layers.append(_layer("Activation", "probabilities", activation="softmax"))
    topology = {"class_name": "Sequential", "config": {"name": "shapelab", "layers": layers},
                "keras_version": f"tfjs-layers {TFJS_VERSION}", "backend": "tensor_flow.js"}
    return topology, [(n, np.ascontiguousarray(a, np.float32)) for n, a in weights], in_shape


def _files(loaded: LoadedModel, rgb: bool, _flatten_order: str) -> dict[str, bytes]:
    from .onnx import _version

    topology, weights, in_shape = build_tfjs(loaded, rgb, _flatten_order)
    model_json = {
        "format": "layers-model", "generatedBy": f"ShapeLab {_version()}", "convertedBy": None,
        "modelTopology": topology,
        "weightsManifest": [{"paths": ["weights.bin"],
                             "weights": [{"name": n, "shape": list(a.shape), "dtype": "float32"}
                                         for n, a in weights]}],
    }
    blob = b"".join(a.astype("<f4").tobytes() for _, a in weights)
    size = in_shape[0]
    metadata = {
        "tfjsVersion": TFJS_VERSION, "modelName": "shapelab", "labels": list(loaded.classes),
        "imageSize": size, "grayscale": not rgb, "timeStamp": None,
        "userMetadata": {
            "producer": f"ShapeLab {_version()}",
            "input": (f"({size}, {size}, {in_shape[2]}) image scaled as x / 127 - 1 (Teachable Machine's and "
                      "ml5's form); the graph's first layer turns it into ShapeLab's ink-on-zero input"),
            "framing": PREPROCESSING,
            "modelInputSize": loaded.model.input_shape[-1],
        },
    }
    return {"model.json": json.dumps(model_json).encode(), "weights.bin": blob,
            "metadata.json": json.dumps(metadata, indent=1).encode()}


# -- re-running the written files in NumPy -------------------------------------------------------------


def _windows(x: np.ndarray, k: int, s: int) -> tuple[np.ndarray, int, int]:
    n, hh, ww, cc = x.shape
    ho, wo = (hh - k) // s + 1, (ww - k) // s + 1
    return np.stack([x[:, a : a + s * (ho - 1) + 1 : s, b : b + s * (wo - 1) + 1 : s, :]
                     for a in range(k) for b in range(k)]), ho, wo


def _activation(x: np.ndarray, name: str) -> np.ndarray:
    if name in ("linear", None):
        return x
    if name == "relu":
        return np.maximum(x, 0)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-x))
    if name == "tanh":
        return np.tanh(x)
    if name == "softmax":
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    raise ExportError(QT_TRANSLATE_NOOP(
        "Export", "activation {name!r} is not supported by the NumPy re-run"
    ).format(name=name))


def run_tfjs(folder, x: np.ndarray) -> np.ndarray:
    """Runs the layers model in `folder` (model.json + weights.bin, as written) on channels-last input
    x (N, H, W, C), layer by layer as TensorFlow.js does, in float32 NumPy."""
    folder = Path(folder)
    spec = json.loads((folder / "model.json").read_text())
    blob = (folder / spec["weightsManifest"][0]["paths"][0]).read_bytes()
    weights, offset = {}, 0
    for entry in spec["weightsManifest"][0]["weights"]:
        count = int(np.prod(entry["shape"]))
        weights[entry["name"]] = np.frombuffer(blob, "<f4", count, offset).reshape(entry["shape"])
        offset += 4 * count
    if offset != len(blob):
        raise ExportError(QT_TRANSLATE_NOOP(
            "Export", "{folder}: weights.bin holds {n_blob} bytes, the manifest {offset}"
        ).format(folder=folder, n_blob=len(blob), offset=offset))
    x = np.asarray(x, np.float32)
    for layer in spec["modelTopology"]["config"]["layers"]:
        cls, cfg = layer["class_name"], layer["config"]
        name = cfg["name"]
        if "batch_input_shape" in cfg and list(x.shape[1:]) != cfg["batch_input_shape"][1:]:
            raise ExportError(QT_TRANSLATE_NOOP(
                "Export", "input of shape {value}, the model takes {value2}"
            ).format(value=x.shape[1:], value2=cfg['batch_input_shape'][1:]))
        if cls == "Conv2D":
            kern, bias = weights[f"{name}/kernel"], weights[f"{name}/bias"]
            k, s = kern.shape[0], cfg["strides"][0]
            win, ho, wo = _windows(x, k, s)  # (k*k, N, Ho, Wo, C)
            win = win.reshape(k, k, *win.shape[1:])
            x = np.einsum("abnhwc,abco->nhwo", win, kern, optimize=True) + bias
            x = _activation(x.astype(np.float32), cfg.get("activation"))
        elif cls == "ZeroPadding2D":
            (t, b), (lft, r) = cfg["padding"]
            x = np.pad(x, ((0, 0), (t, b), (lft, r), (0, 0)))
        elif cls in ("MaxPooling2D", "AveragePooling2D"):
            win, _, _ = _windows(x, cfg["pool_size"][0], cfg["strides"][0])
            x = win.max(axis=0) if cls == "MaxPooling2D" else win.mean(axis=0, dtype=np.float32)
        elif cls == "Activation":
            x = _activation(x, cfg["activation"])
        elif cls == "Flatten":
            x = x.reshape(len(x), -1)  # channels-last: (H, W, C) order
        elif cls == "Dense":
            x = _activation(x @ weights[f"{name}/kernel"] + weights[f"{name}/bias"], cfg.get("activation"))
        elif cls == "Dropout":
            pass
        else:
            raise ExportError(f"layer class {cls} is not supported by the NumPy re-run")
        x = x.astype(np.float32, copy=False)
    return x


def web_input(X: np.ndarray, rgb: bool = False) -> np.ndarray:
    """ShapeLab rasters (N, 1, S, S), ink 1 on 0, as a web loader would feed them: dark ink on white
    paper, 0..255 scaled to x / 127 - 1, channels-last; rgb=True: 224×224 RGB (ml5)."""
    grey = 255.0 * (1.0 - X[:, 0].astype(np.float64))
    v = (grey / 127.0 - 1.0)[..., None]
    if rgb:
        k = ML5_SIZE // X.shape[-1]
        v = np.repeat(np.repeat(v, k, axis=1), k, axis=2)
        v = np.repeat(v, 3, axis=3)
    return v.astype(np.float32)


def export_tfjs(loaded: LoadedModel, out, _flatten_order: str = "hwc") -> ExportResult:
    """Writes the TensorFlow.js folder `out` (and out/ml5 when the input size divides 224) after re-running
    the written files in NumPy on the 32 check drawings. Raises ExportError (nothing written)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ExportError(QT_TRANSLATE_NOOP(
            "Export", "{out}: is a file; TensorFlow.js export writes a folder"
        ).format(out=out))
    X = check_inputs(loaded.model.input_shape[-1])
    expected = engine_probabilities(loaded.model, X)
    variants = [("", False)]
    if ML5_SIZE % loaded.model.input_shape[-1] == 0:
        variants.append(("ml5", True))
    moves, diff = [], 0.0
    with staging(out) as tmp:
        for sub, rgb in variants:
            folder = tmp / sub if sub else tmp
            folder.mkdir(exist_ok=True)
            for name, data in _files(loaded, rgb, _flatten_order).items():
                (folder / name).write_bytes(data)
            got = run_tfjs(folder, web_input(X, rgb))
            diff = max(diff, compare(str(out / sub / "model.json"), expected, got))
            moves += [(folder / name, out / sub / name) for name in FILES]
        place(moves)
    return ExportResult("tfjs", tuple(str(dst) for _, dst in moves),
                        QT_TRANSLATE_NOOP(
                            "Export", "NumPy re-run of the written channels-last graph"
                        ), diff, CHECK_COUNT)
