"""ONNX export: Conv, Relu, Sigmoid, Tanh, MaxPool, AveragePool, Flatten, Gemm and a final Softmax, opset
13, with the class names, input size and preprocessing as metadata_props.

The `onnx` package (and `onnxruntime`, for the check) is an optional extra: ``pip install -e '.[export]'``.
They are imported inside the functions, so the engine imports without them.
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

OPSET = 13
INPUT_NAME, OUTPUT_NAME = "input", "probabilities"
INSTALL_HINT = "pip install -e '.[export]'  (or: pip install onnx onnxruntime)"


def _require(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExportError(QT_TRANSLATE_NOOP(
            "Export",
            "ONNX export needs the {module!r} package, which is not installed; install it with: "
            "{INSTALL_HINT}"
        ).format(module=module, INSTALL_HINT=INSTALL_HINT)) from None


def build_onnx(loaded: LoadedModel):
    """The ModelProto of `loaded` (an onnx.ModelProto; onnx must be installed)."""
    onnx = _require("onnx")
    from onnx import TensorProto, helper, numpy_helper

    model, classes = loaded.model, loaded.classes
    c, h, w = model.input_shape
    nodes, inits = [], []
    current = INPUT_NAME
    for i, (layer, cfg) in enumerate(zip(model.layers, model.config(), strict=True)):
        kind, out = cfg["type"], f"t{i}_{cfg['type']}"
        params = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in layer.params.items()}
        if kind == "conv2d":
            names = [f"{i}.weight", f"{i}.bias"]
            inits += [numpy_helper.from_array(params["weight"], names[0]),
                      numpy_helper.from_array(params["bias"], names[1])]
            k, s, p = cfg["kernel_size"], cfg["stride"], cfg["padding"]
            nodes.append(helper.make_node("Conv", [current, *names], [out], name=f"conv{i}",
                                          kernel_shape=[k, k], strides=[s, s], pads=[p, p, p, p]))
        elif kind in ("maxpool2d", "avgpool2d"):
            k, s = cfg["kernel_size"], cfg["stride"]
            op = "MaxPool" if kind == "maxpool2d" else "AveragePool"
            nodes.append(helper.make_node(op, [current], [out], name=f"pool{i}", kernel_shape=[k, k],
                                          strides=[s, s]))
        elif kind in ("relu", "sigmoid", "tanh"):
            op = {"relu": "Relu", "sigmoid": "Sigmoid", "tanh": "Tanh"}[kind]
            nodes.append(helper.make_node(op, [current], [out], name=f"{kind}{i}"))
        elif kind == "flatten":
            nodes.append(helper.make_node("Flatten", [current], [out], name=f"flatten{i}", axis=1))
        elif kind == "linear":
            names = [f"{i}.weight", f"{i}.bias"]
            inits += [numpy_helper.from_array(params["weight"], names[0]),
                      numpy_helper.from_array(params["bias"], names[1])]
            nodes.append(helper.make_node("Gemm", [current, *names], [out], name=f"linear{i}", transB=1))
        elif kind == "dropout":
            continue  # the identity at inference
        else:
            raise ExportError(QT_TRANSLATE_NOOP(
                "Export", "layer {i} ({kind}) has no ONNX counterpart here"
            ).format(i=i, kind=kind))
        current = out
    nodes.append(helper.make_node("Softmax", [current], [OUTPUT_NAME], name="softmax", axis=1))
    graph = helper.make_graph(
        nodes, "shapelab",
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", c, h, w])],
        [helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, ["N", len(classes)])],
        initializer=inits)
    proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="ShapeLab", producer_version=_version())
    proto.ir_version = 8  # readable by onnxruntime 1.14 and later
    proto.doc_string = f"ShapeLab drawing classifier: {', '.join(classes)}"
    meta = {"classes": json.dumps(classes), "input_size": str(h), "input_shape": json.dumps([c, h, w]),
            "input_name": INPUT_NAME, "output_name": OUTPUT_NAME, "preprocessing": PREPROCESSING,
            "shapelab_layers": json.dumps(model.config())}
    helper.set_model_props(proto, meta)
    onnx.checker.check_model(proto, full_check=True)
    return proto


def run_onnx(path, X: np.ndarray) -> np.ndarray:
    """Runs the ONNX file at `path` on X (N, 1, S, S) with onnxruntime."""
    ort = _require("onnxruntime")
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    return session.run([OUTPUT_NAME], {INPUT_NAME: np.ascontiguousarray(X, np.float32)})[0]


def export_onnx(loaded: LoadedModel, out) -> ExportResult:
    """Writes `loaded` to `out` (.onnx) after checking it: full onnx.checker, then onnxruntime against the
    engine on the 32 check drawings. Raises ExportError (nothing written) otherwise."""
    out = Path(out)
    onnx = _require("onnx")
    _require("onnxruntime")
    proto = build_onnx(loaded)
    X = check_inputs(loaded.model.input_shape[-1])
    expected = engine_probabilities(loaded.model, X)
    with staging(out) as tmp:
        staged = tmp / out.name
        onnx.save_model(proto, str(staged))
        onnx.checker.check_model(str(staged), full_check=True)
        diff = compare(str(out), expected, run_onnx(staged, X))
        place([(staged, out)])
    checked = QT_TRANSLATE_NOOP("Export", "onnx.checker (full) and onnxruntime")
    return ExportResult("onnx", (str(out),), checked, diff, CHECK_COUNT)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("shapelab")
    except PackageNotFoundError:
        return "unknown"
