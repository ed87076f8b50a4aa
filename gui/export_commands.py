"""The command-line side of exports: ``main.py export``, ``main.py report`` and ``--version``.

`add_commands(parser, sub)` adds them to gui/cli.py's parser; the data-loading helpers of gui/cli.py are
used through the few names imported in `_cli()`, so `report` reads DATA exactly as `evaluate` does.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version

import numpy as np

from engine.export import FORMATS, ExportError, export_model

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


def _cli():
    from gui import cli

    return cli.CliError, cli.load_data, cli._rasters, cli._print_warnings, cli._load_model


def cmd_export(args: argparse.Namespace) -> int:
    CliError, *_rest, load = _cli()
    load(args.model)  # a damaged or foreign file: the same one-line message as the other commands
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

    CliError, load_data, rasters, print_warnings, load = _cli()
    loaded = load(args.model)
    size = int(loaded.meta["input_size"])
    X_parts, labels, drawings, sources = [], [], [], []
    for name in args.data:  # one at a time, in order: the same samples in the same order as evaluate
        data = load_data([name], size)
        print_warnings(data)
        X_parts.append(rasters(data, size))
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


def run_record(args: argparse.Namespace, epochs: list) -> dict:
    """What `main.py train` adds to the model's `extra` for the report: the settings and the per-epoch
    curves (`epochs`: the run's "epoch" TrainRecords)."""
    keys = ("loss", "accuracy", "val_loss", "val_accuracy")
    extra = {"batch": args.batch, "lr": args.lr, "optimizer": args.optimizer, "augment": args.augment,
             "val_split": args.val_split,
             "history": {"epoch": [r.epoch for r in epochs],
                         **{k: [getattr(r, k) for r in epochs] for k in keys}}}
    if epochs:
        extra["steps"], extra["elapsed"] = epochs[-1].step, round(epochs[-1].elapsed, 2)
    return extra


def add_commands(parser: argparse.ArgumentParser, sub) -> None:
    """Adds --version and the export and report commands to the CLI's parser."""
    parser.add_argument("--version", action="version", version=version_text())
    p = sub.add_parser("export", help="export a model as ONNX, TensorFlow.js or PyTorch (checked before "
                                      "it is written)")
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("--format", choices=FORMATS, required=True,
                   help="onnx: one .onnx file (needs the 'export' extra); tfjs: a folder with model.json, "
                        "weights.bin, metadata.json (Teachable Machine, and ml5/ for ml5); torch: "
                        "NAME.npz + NAME.py that rebuilds the torch.nn.Sequential")
    p.add_argument("--out", required=True, metavar="PATH", help="the file (onnx, torch) or folder (tfjs)")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("report", help="one self-contained HTML report: data, run, results, filters, "
                                      "model card")
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("data", nargs="+", metavar="DATA", help="NDJSON files and image folders to show and "
                                                          "evaluate on")
    p.add_argument("--out", required=True, metavar="report.html")
    p.set_defaults(func=cmd_report)

