"""Command-line pieces for classroom data, hooked into `gui.cli` with a few lines:

- `merge A.ndjson B.ndjson DIR … --out class.ndjson`: many students' files as one file, exact duplicates
  dropped, with a report (files, drawers, drawings per class, duplicates dropped);
- `evaluate` with several model files: one table (accuracy, per class, per drawer when drawers are known);
  `compare_models` is the same table for the app's Model › Compare…;
- `--val-by drawer` for `train` (`add_val_by_option`, `val_by_setting`: TrainSettings.val_by).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

import engine
from gui.core.dataset import UNKNOWN_DRAWER, StateError, drawer_of, format_report, read_many
from gui.text import QT_TRANSLATE_NOOP, translate

# -- merge -------------------------------------------------------------------------------------------------


MERGE_HELP = QT_TRANSLATE_NOOP(
    "Cli", "merge NDJSON files (and folders of them) into one, dropping exact duplicates"
)


def _merge_arguments(p: argparse.ArgumentParser) -> None:
    p.description = (
        translate(
            "Cli",
            "Merge many students' drawing files into one file. Exact duplicates (same label, strokes and "
            "extra keys, e.g. the same starter drawing in every file) are dropped; the first one is kept. "
            "A report says what was merged: files, drawers, drawings per class, duplicates dropped.",
        )
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE_OR_DIR",
        help=translate("Cli", "NDJSON files, or folders of *.ndjson"),
    )
    p.add_argument("--out", required=True, metavar="FILE.ndjson", help=translate("Cli", "the merged file"))
    p.add_argument(
        "--json", action="store_true", help=translate("Cli", "print the report as one JSON object")
    )


def cmd_merge(args: argparse.Namespace) -> int:
    from gui.cli import EXIT_OK, CliError, _check_out_folder, write_drawings

    _check_out_folder(args.out)
    if Path(args.out).is_dir():
        raise CliError(
            translate("Cli", "{out}: is a folder; give a file name for --out").format(out=args.out)
        )
    out = Path(args.out).resolve()
    inputs = [p for p in args.inputs if Path(p).resolve() != out]  # merging into one of the inputs: fine
    for p in args.inputs:
        if not Path(p).exists():
            raise CliError(translate("Cli", "{p}: no such file or folder").format(p=p))
    try:
        drawings, report = read_many(inputs + ([str(out)] if len(inputs) < len(args.inputs) else []))
    except OSError as exc:
        raise CliError(translate("Cli", "{value}: cannot read: {value2}").format(
            value=exc.filename or '',
            value2=exc.strerror or exc,
        )) from exc
    except StateError as exc:
        raise CliError(f"{', '.join(args.inputs)}: {exc}") from exc
    for p in report.problems[:20]:
        print(translate("Cli", "shapelab: warning: {p}; skipped").format(p=p), file=sys.stderr)
    if not drawings:
        raise CliError(translate("Cli", "{value}: no valid drawings to merge; nothing written").format(
            value=', '.join(args.inputs),
        ))
    write_drawings(args.out, drawings)
    if args.json:
        print(json.dumps({"files": list(report.files), "kept": report.kept, "duplicates": report.duplicates,
                          "per_class": report.per_class, "per_drawer": report.per_drawer,
                          "damaged_lines": len(report.problems), "out": str(args.out)}))
    else:
        print(format_report(report) + translate("Cli", "\nWrote {out}").format(out=args.out))
    return EXIT_OK


# -- validation by drawer ------------------------------------------------------------------------------


def add_val_by_option(p) -> None:
    p.add_argument(
        "--val-by",
        choices=("class", "drawer"),
        default="class",
        help=translate(
            "Cli",
            "how the validation share is held out: a random share of each class (default), or every "
            "drawing of some drawers (the NDJSON key \"drawer\"): accuracy on people the model has not seen",
        ),
    )


def val_by_setting(args) -> str:
    """The TrainSettings.val_by of the `--val-by` option."""
    return "drawer" if getattr(args, "val_by", "class") == "drawer" else "random"


# -- comparing models ------------------------------------------------------------------------------------


def evaluate_one(model, classes: Sequence[str], X: np.ndarray, labels: Sequence[str],
                 drawers: Sequence[str]) -> dict:
    """Accuracy, per class and per drawer of one model on rasters X with true `labels`; labels the model
    does not know are counted apart (not in the accuracy)."""
    classes = list(classes)
    known = np.array([lab in classes for lab in labels], dtype=bool)
    result: dict = {"classes": classes, "n": int(known.sum()),
                    "not_counted": int((~known).sum())}
    if not known.any():
        result.update(accuracy=None, per_class={c: None for c in classes}, per_drawer={})
        return result
    y = np.array([classes.index(lab) for lab, k in zip(labels, known, strict=True) if k], np.int64)
    Xk = X[known]
    pred = np.concatenate([model.predict_proba(Xk[i:i + 256]) for i in range(0, len(Xk), 256)]).argmax(1)
    right = pred == y
    result["accuracy"] = float(right.mean())
    result["per_class"] = {c: (float(right[y == i].mean()) if (y == i).any() else None)
                           for i, c in enumerate(classes)}
    who = np.array([d for d, k in zip(drawers, known, strict=True) if k], dtype=object)
    named = sorted({d for d in who if d != UNKNOWN_DRAWER})
    result["per_drawer"] = {d: {"accuracy": float(right[who == d].mean()), "n": int((who == d).sum())}
                            for d in named}
    return result


def compare_models(models: Sequence[tuple[str, engine.LoadedModel]],
                   drawings: Sequence[engine.Drawing]) -> list[dict]:
    """Each model on the same drawings (the app's Model › Compare…); one result dict per model with its
    "model" name. Drawings are rasterised once per input size."""
    rasters: dict[int, np.ndarray] = {}
    labels = [d.label for d in drawings]
    drawers = [drawer_of(d) for d in drawings]
    out = []
    for name, loaded in models:
        size = int(loaded.meta.get("input_size", loaded.model.input_shape[-1]))
        if size not in rasters:
            rasters[size] = engine.rasterize_many(list(drawings), size=size) if drawings else \
                np.zeros((0, 1, size, size), np.float32)
        result = evaluate_one(loaded.model, loaded.classes, rasters[size], labels, drawers)
        out.append({"model": name, **result})
    return out


def format_table(results: Sequence[dict]) -> str:
    """The comparison as a plain-text table: one row per model; per-drawer accuracies below when known."""
    classes = sorted({c for r in results for c in r["classes"]}, key=lambda c: min(
        r["classes"].index(c) for r in results if c in r["classes"]))

    def pct(v) -> str:
        return "—" if v is None else f"{v:.1%}"

    name_w = max(5, *(len(r["model"]) for r in results)) + 2
    cols = ["accuracy", *classes, "n"]
    widths = [max(9, len(c) + 2) for c in cols]
    lines = ["model".ljust(name_w) + "".join(c.rjust(w) for c, w in zip(cols, widths, strict=True))]
    for r in results:
        cells = [pct(r["accuracy"]), *(pct(r["per_class"].get(c)) if c in r["classes"] else "n/a"
                                       for c in classes), str(r["n"])]
        row = "".join(v.rjust(w) for v, w in zip(cells, widths, strict=True))
        lines.append(r["model"].ljust(name_w) + row)
    drawers = sorted({d for r in results for d in r["per_drawer"]})
    if drawers:
        lines.append("")
        lines.append("per drawer".ljust(name_w) + "".join(d[:12].rjust(max(9, min(len(d), 12) + 2))
                                                         for d in drawers))
        for r in results:
            cells = [pct(r["per_drawer"].get(d, {}).get("accuracy")) for d in drawers]
            lines.append(r["model"].ljust(name_w) + "".join(
                v.rjust(max(9, min(len(d), 12) + 2)) for v, d in zip(cells, drawers, strict=True)))
    skipped = [f"{r['model']} ({r['not_counted']})" for r in results if r["not_counted"]]
    if skipped:
        lines.append("")
        lines.append(translate("Cli", "Not counted (labels a model does not know): ") + ", ".join(skipped))
    return "\n".join(lines)


def cmd_evaluate_many(model_paths: Sequence[str], data_paths: Sequence[str], as_json: bool) -> int:
    """`evaluate` with several model files: every model on the same DATA, one table."""
    from gui import cli
    from gui.core.inputs import load_data, load_model_file

    loaded = [(p, load_model_file(p)) for p in model_paths]
    sizes = sorted({int(m.meta["input_size"]) for _, m in loaded})
    data = {s: load_data(data_paths, s) for s in sizes}
    first = data[sizes[0]]
    cli._print_warnings(first.warnings)
    labels = first.labels
    drawers = [drawer_of(d) for d in first.drawings] + [UNKNOWN_DRAWER] * len(first.images)
    results = []
    for path, m in loaded:
        size = int(m.meta["input_size"])
        X = data[size].rasters(size)
        results.append({"model": path, **evaluate_one(m.model, m.classes, X, labels, drawers)})
    if all(r["accuracy"] is None for r in results):
        raise cli.CliError(translate(
            "Cli",
            "{value}: none of the labels is a class any of the models knows",
        ).format(value=', '.join(data_paths)))
    if as_json:
        print(json.dumps(results))
    else:
        print(translate("Cli", "{value} models on {value2} samples ({value3})\n").format(
            value=len(results),
            value2=len(labels),
            value3=', '.join(data_paths),
        ))
        print(format_table(results))
    return cli.EXIT_OK


def _register() -> None:
    from gui.cli import Command, register

    register(Command("merge", MERGE_HELP, _merge_arguments, cmd_merge))


_register()
