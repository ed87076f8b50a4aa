"""The command-line side of exports: ``main.py export``, ``main.py report`` and ``--version``.

gui/cli.py registers `EXPORT_COMMANDS` and adds `--version` (`version_text()`); DATA is read through
gui.core.inputs, so `report` reads and counts the samples exactly as `evaluate` does.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version

import numpy as np

from engine.export import FORMATS, ExportError, export_model
from gui.core.inputs import load_data, load_model_file

LIBRARIES = ("numpy", "PySide6-Essentials", "pyqtgraph", "onnx", "onnxruntime")


def app_version() -> str:
    try:
        return version("shapelab")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.1.0 (not installed)"


def library_versions() -> dict[str, str | None]:
    """The version of each library ShapeLab uses (None: not installed; onnx and onnxruntime are optional)."""
    out = {}
    for name in LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def version_text() -> str:
    libs = ", ".join(f"{k} {v}" for k, v in library_versions().items() if v)
    return f"ShapeLab {app_version()} (MIT licence; Python {sys.version.split()[0]}; {libs})"


def _cli_error():
    from gui.cli import CliError  # imported late: gui.cli imports this module

    return CliError


def cmd_export(args: argparse.Namespace) -> int:
    CliError = _cli_error()
    load_model_file(args.model)  # a damaged or foreign file: the same one-line message as the other commands
    try:
        result = export_model(args.model, args.format, args.out)
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"{args.out}: cannot write: {exc.strerror or exc}") from exc
    how = (f"checked on {result.samples} drawings: {result.checked}, largest probability difference "
           f"{result.max_diff:.1e}" if result.max_diff is not None else f"checked: {result.checked}")
    print(f"Exported {args.model} as {args.format} ({how}):")
    for p in result.paths:
        print(f"  {p}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from gui.report import ReportInput, build_report, history_from_extra, write_report

    CliError = _cli_error()
    loaded = load_model_file(args.model)
    size = int(loaded.meta["input_size"])
    X_parts, labels, drawings, sources = [], [], [], []
    for name in args.data:  # one at a time, in order: the same samples in the same order as evaluate
        data = load_data([name], size)
        for w in data.warnings[:20]:
            print(f"shapelab: warning: {w}", file=sys.stderr)
        X_parts.append(data.rasters(size))
        labels += data.labels
        drawings += list(data.drawings) + [None] * len(data.images)
        sources += [f"{name} #{k + 1}" for k in range(len(data))]
    if not any(label in loaded.classes for label in labels):
        raise CliError(f"{', '.join(args.data)}: none of the labels is a class the model knows "
                       f"({', '.join(loaded.classes)})")
    inp = ReportInput(model=loaded.model, classes=list(loaded.classes), meta=loaded.meta,
                      model_name=str(args.model), X=np.concatenate(X_parts), labels=labels,
                      drawings=drawings, sources=sources, data_names=[str(d) for d in args.data],
                      history=history_from_extra(loaded.meta.get("extra") or {}),
                      generated_by=f"ShapeLab {app_version()}")
    try:
        write_report(args.out, build_report(inp))
    except OSError as exc:
        raise CliError(f"{args.out}: cannot write: {exc.strerror or exc}") from exc
    print(f"Wrote the report on {args.model} ({len(labels)} samples) to {args.out}")
    return 0


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("--format", choices=FORMATS, required=True,
                   help="onnx: one .onnx file (needs the 'export' extra); tfjs: a folder with model.json, "
                        "weights.bin, metadata.json (Teachable Machine, and ml5/ for ml5); torch: "
                        "NAME.npz + NAME.py that rebuilds the torch.nn.Sequential")
    p.add_argument("--out", required=True, metavar="PATH", help="the file (onnx, torch) or folder (tfjs)")


def _report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("data", nargs="+", metavar="DATA",
                   help="NDJSON files and image folders to show and evaluate on")
    p.add_argument("--out", required=True, metavar="report.html")


# (name, help, add_arguments, run): gui/cli.py registers these as Commands
EXPORT_COMMANDS = [
    ("export", "export a model as ONNX, TensorFlow.js or PyTorch (checked before it is written)",
     _export_arguments, cmd_export),
    ("report", "one self-contained HTML report: data, run, results, filters, model card",
     _report_arguments, cmd_report),
]
