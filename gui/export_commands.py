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
from gui.text import QT_TRANSLATE_NOOP, translate

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
    return translate("Cli", "ShapeLab {value} (MIT licence; Python {value2}; {libs})").format(
        value=app_version(),
        value2=sys.version.split()[0],
        libs=libs,
    )


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
        raise CliError(
            translate("Cli", "{out}: cannot write: {reason}").format(out=args.out, reason=exc.strerror or exc)
        ) from exc
    if result.max_diff is not None:
        how = translate(
            "Cli", "checked on {samples} drawings: {checked}, largest probability difference {max_diff:.1e}"
        ).format(samples=result.samples, checked=result.checked, max_diff=result.max_diff)
    else:
        how = translate("Cli", "checked: {checked}").format(checked=result.checked)
    print(translate("Cli", "Exported {model} as {format} ({how}):").format(
        model=args.model,
        format=args.format,
        how=how,
    ))
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
            print(translate("Cli", "shapelab: warning: {w}").format(w=w), file=sys.stderr)
        X_parts.append(data.rasters(size))
        labels += data.labels
        drawings += list(data.drawings) + [None] * len(data.images)
        sources += [f"{name} #{k + 1}" for k in range(len(data))]
    if not any(label in loaded.classes for label in labels):
        raise CliError(translate(
            "Cli",
            "{value}: none of the labels is a class the model knows ({value2})",
        ).format(value=', '.join(args.data), value2=', '.join(loaded.classes)))
    inp = ReportInput(model=loaded.model, classes=list(loaded.classes), meta=loaded.meta,
                      model_name=str(args.model), X=np.concatenate(X_parts), labels=labels,
                      drawings=drawings, sources=sources, data_names=[str(d) for d in args.data],
                      history=history_from_extra(loaded.meta.get("extra") or {}),
                      generated_by=translate("Cli", "ShapeLab {value}").format(value=app_version()))
    try:
        write_report(args.out, build_report(inp))
    except OSError as exc:
        raise CliError(
            translate("Cli", "{out}: cannot write: {reason}").format(out=args.out, reason=exc.strerror or exc)
        ) from exc
    print(translate("Cli", "Wrote the report on {model} ({value} samples) to {out}").format(
        model=args.model,
        value=len(labels),
        out=args.out,
    ))
    return 0


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("--format", choices=FORMATS, required=True,
                   help=translate(
                       "Cli",
                       "onnx: one .onnx file (needs the 'export' extra); tfjs: a folder with model.json, "
                       "weights.bin, metadata.json (Teachable Machine, and ml5/ for ml5); torch: NAME.npz "
                       "+ NAME.py that rebuilds the torch.nn.Sequential",
                   ))
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help=translate("Cli", "the file (onnx, torch) or folder (tfjs)"),
    )


def _report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("data", nargs="+", metavar="DATA",
                   help=translate("Cli", "NDJSON files and image folders to show and evaluate on"))
    p.add_argument("--out", required=True, metavar="report.html")


# (name, help, add_arguments, run): gui/cli.py registers these as Commands
EXPORT_COMMANDS = [
    ("export", QT_TRANSLATE_NOOP(
        "Cli",
        "export a model as ONNX, TensorFlow.js or PyTorch (checked before it is written)",
    ),
     _export_arguments, cmd_export),
    ("report", QT_TRANSLATE_NOOP(
        "Cli", "one self-contained HTML report: data, run, results, filters, model card"
    ),
     _report_arguments, cmd_report),
]
