"""Checked exports of a trained model: ONNX, TensorFlow.js (layers format) and PyTorch.

Every export runs the exported model on 32 fixed drawings and compares it with the engine (largest
probability difference ≤ 1e-5, same top class) before it reports success; on a mismatch it raises
ExportMismatch and leaves no file behind. NumPy only: `onnx` and `onnxruntime` (the optional extra
``pip install -e '.[export]'``) are imported only when an ONNX export runs.
"""

from __future__ import annotations

from engine.modelio import load_model
from engine.text import QT_TRANSLATE_NOOP

from ._check import (
    CHECK_COUNT,
    TOLERANCE,
    ExportError,
    ExportMismatch,
    ExportResult,
    check_inputs,
)
from .onnx import INSTALL_HINT as ONNX_INSTALL_HINT
from .onnx import export_onnx
from .tfjs import export_tfjs, run_tfjs, web_input
from .torch import export_torch

FORMATS = ("onnx", "tfjs", "torch")


def onnx_available() -> bool:
    """Whether the optional `onnx` and `onnxruntime` packages are installed."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("onnx", "onnxruntime"))


def export_model(path, fmt: str, out) -> ExportResult:
    """Exports the ShapeLab model file `path` as `fmt` ("onnx", "tfjs" or "torch") to `out`.

    Raises ModelFileError for an unusable model file, ExportError when the export cannot be made or does
    not pass its check (nothing written then)."""
    if fmt not in FORMATS:
        raise ExportError(QT_TRANSLATE_NOOP(
            "Export", "unknown format {fmt!r}; choose one of {value}"
        ).format(fmt=fmt, value=', '.join(FORMATS)))
    loaded = load_model(path)
    if fmt == "onnx":
        return export_onnx(loaded, out)
    if fmt == "tfjs":
        return export_tfjs(loaded, out)
    return export_torch(loaded, path, out)


__all__ = [
    "CHECK_COUNT", "TOLERANCE", "FORMATS", "ONNX_INSTALL_HINT", "ExportError", "ExportMismatch",
    "ExportResult", "check_inputs", "export_model", "export_onnx", "export_tfjs", "export_torch",
    "onnx_available", "run_tfjs", "web_input",
]
