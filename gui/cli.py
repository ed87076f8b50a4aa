"""The headless command line: ``python main.py <command>``.

Without a command the app starts. The commands never open a window; they live on the Qt side (``gui/``)
only because image files are decoded with Qt's QImage (see gui/images.py).

Exit status: 0 on success, 2 on bad usage, 1 on bad data or files (a one-line message naming the file
and the problem, never a traceback for a user's mistake).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import engine

from . import data_commands as dc
from .resources import STARTER_PATH

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
NDJSON_SUFFIXES = (".ndjson", ".jsonl")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")


class CliError(Exception):
    """A problem with the user's data or files: reported in one line, exit status 1."""


# ----------------------------------------------------------------------------------------------------------
# Loading data: NDJSON drawings and image folders, one preprocessing path for both


@dataclass
class LabeledData:
    """Everything read from the DATA arguments: drawings (strokes) and images (already preprocessed)."""

    drawings: list[engine.Drawing] = field(default_factory=list)
    images: list[np.ndarray] = field(default_factory=list)  # each (S, S) float32
    image_labels: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [d.label for d in self.drawings] + list(self.image_labels)

    def __len__(self) -> int:
        return len(self.drawings) + len(self.images)


def _read_ndjson(path: Path, data: LabeledData) -> None:
    try:
        drawings, problems = engine.read_ndjson(path)
    except OSError as exc:
        raise CliError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    for p in problems:
        data.warnings.append(f"{p.path}:{p.line}: {p.message}; skipped")
    data.drawings.extend(drawings)


def _read_image_folder(path: Path, data: LabeledData, size: int) -> None:
    from gui import images

    try:
        entries = images.list_image_folder(path)
    except OSError as exc:
        raise CliError(f"{path}: cannot read folder: {exc.strerror or exc}") from exc
    if not entries:
        raise CliError(
            f"{path}: no images found; an image folder holds one sub-folder per class (DIR/<class>/*.png)"
        )
    for file, label in entries:
        try:
            gray = images.read_gray(file)
            raster = engine.preprocess_image(gray, size=size)
        except (OSError, ValueError) as exc:
            data.warnings.append(f"{file}: {exc}; skipped")
            continue
        data.images.append(raster)
        data.image_labels.append(label)


def load_data(paths: Sequence[str], size: int) -> LabeledData:
    """Read every DATA argument (NDJSON files and image folders) into one LabeledData."""
    data = LabeledData()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            _read_image_folder(path, data, size)
        elif not path.exists():
            raise CliError(f"{path}: no such file or folder")
        elif path.suffix.lower() in NDJSON_SUFFIXES:
            _read_ndjson(path, data)
        else:
            raise CliError(
                f"{path}: not a dataset; give an NDJSON file (.ndjson) or an image folder (DIR/<class>/*.png)"
            )
    return data


def _rasters(data: LabeledData, size: int) -> np.ndarray:
    """All of data as network input (N, 1, S, S), drawings first, through the one preprocessing path."""
    parts = []
    if data.drawings:
        parts.append(engine.rasterize_many(data.drawings, size=size))
    if data.images:
        parts.append(np.stack(data.images)[:, None].astype(np.float32, copy=False))
    if not parts:
        return np.zeros((0, 1, size, size), np.float32)
    return np.concatenate(parts)


def _print_warnings(data: LabeledData, limit: int = 20) -> None:
    for w in data.warnings[:limit]:
        print(f"shapelab: warning: {w}", file=sys.stderr)
    if len(data.warnings) > limit:
        print(f"shapelab: warning: … and {len(data.warnings) - limit} more problems", file=sys.stderr)


def _load_model(path: str) -> engine.LoadedModel:
    try:
        return engine.load_model(path)
    except FileNotFoundError as exc:
        raise CliError(f"{path}: no such model file") from exc
    except (engine.ModelFileError, OSError) as exc:
        raise CliError(str(exc)) from exc


# ----------------------------------------------------------------------------------------------------------
# Commands


def cmd_synth(args: argparse.Namespace) -> int:
    classes = tuple(c.strip() for c in args.classes.split(",")) if args.classes else engine.DEFAULT_CLASSES
    unknown = [c for c in classes if c not in engine.DEFAULT_CLASSES]
    if unknown or not classes or any(not c for c in classes):
        raise CliError(
            f"--classes: unknown class {', '.join(unknown) or '(empty)'}; "
            f"the generator draws {', '.join(engine.DEFAULT_CLASSES)}"
        )
    if args.per_class < 1:
        raise CliError("--per-class must be at least 1")
    drawings = engine.generate_drawings(args.per_class, seed=args.seed, classes=classes)
    try:
        engine.write_ndjson(args.out, drawings)
    except OSError as exc:
        raise CliError(f"{args.out}: cannot write: {exc.strerror or exc}") from exc
    print(f"Wrote {len(drawings)} drawings ({args.per_class} per class: {', '.join(classes)}) to {args.out}")
    return EXIT_OK


class _Progress:
    """A one-line progress bar on stderr (redrawn in place on a terminal, one line per epoch otherwise)."""

    def __init__(self, epochs: int, stream=None):
        self.epochs = epochs
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self._last = 0.0

    def update(self, rec) -> None:
        if rec.kind == "step" and self.tty and time.monotonic() - self._last > 0.1:
            self._last = time.monotonic()
            self._write(rec, end="\r")
        elif rec.kind == "epoch":
            self._write(rec, end="\n")

    def _write(self, rec, end: str) -> None:
        done = (rec.epoch + (1 if rec.kind == "epoch" else 0)) / self.epochs
        if rec.kind == "step":
            done = (
                rec.epoch + ((rec.step - 1) % rec.steps_per_epoch + 1) / rec.steps_per_epoch
            ) / self.epochs
        width = 24
        bar = "#" * int(round(done * width))
        text = (
            f"epoch {rec.epoch + 1}/{self.epochs} [{bar:<{width}}] loss {rec.loss:.4f} "
            f"acc {rec.accuracy:6.1%}"
        )
        if rec.val_accuracy is not None:
            text += f"  val loss {rec.val_loss:.4f} val acc {rec.val_accuracy:6.1%}"
        text += f"  {_duration(rec.elapsed)} elapsed, {_duration(rec.eta)} left"
        self.stream.write(("\x1b[2K" if self.tty else "") + text + end)
        self.stream.flush()


def _duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "?"
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


def cmd_train(args: argparse.Namespace) -> int:
    if not 0 <= args.val_split < 1:
        raise CliError("--val-split must be at least 0 and less than 1")
    if args.epochs < 1 or args.batch < 1 or not args.lr > 0:
        raise CliError("--epochs and --batch must be at least 1 and --lr greater than 0")
    if not 0 <= args.ema < 1:
        raise CliError("--ema must be at least 0 and less than 1 (0 turns weight averaging off)")
    size = args.input_size
    if not args.data:  # like the app: with no data of your own, the built-in starter set
        if not STARTER_PATH.exists():
            raise CliError(f"{STARTER_PATH}: the built-in starter set is missing; give DATA to train on")
        args.data = [str(STARTER_PATH)]
        print(f"No DATA given: training on the built-in starter set ({STARTER_PATH}).", file=sys.stderr)
    data = load_data(args.data, size)
    _print_warnings(data)
    if len(data) == 0:
        raise CliError(f"{', '.join(args.data)}: no valid drawings or images to train on")
    labels = data.labels
    classes = engine.class_list(labels)
    if len(classes) < 2:
        raise CliError(f"{', '.join(args.data)}: only one class ({classes[0]}); training needs at least two")
    y_all = np.array([classes.index(label) for label in labels], dtype=np.int64)
    train_idx, val_idx = dc.split_indices(args, y_all, data.drawings)  # --val-by class | drawer

    # stratified_split returns sorted indices and drawings come before images, so a subset keeps y's order
    train_set, val_set = _subset(data, train_idx), _subset(data, val_idx)
    train_data = _TrainingArrays(train_set, y_all[train_idx], size, args.augment, args.seed)
    val = (_rasters(val_set, size), y_all[val_idx]) if len(val_idx) else None

    model = engine.build_model(args.preset, len(classes), input_size=size, seed=args.seed)
    config = engine.TrainConfig(
        epochs=args.epochs,
        batch_size=args.batch,
        lr=args.lr,
        optimizer=args.optimizer,
        seed=args.seed,
        ema_decay=args.ema,
    )
    progress = _Progress(args.epochs)
    last_epoch = None
    try:
        for rec in engine.train(model, train_data, config, val=val):
            progress.update(rec)
            if rec.kind == "epoch":
                last_epoch = rec
            elif rec.kind == "diverged":
                raise CliError(f"training stopped at epoch {rec.epoch + 1}, step {rec.step}: {rec.message}")
    finally:
        train_data.close()
    extra = {
        "preset": args.preset,
        "trained_on": [str(p) for p in args.data],
        "samples": len(train_idx),
        "epochs": args.epochs,
        "ema_decay": args.ema,
        "seed": args.seed,
    }
    if last_epoch is not None and last_epoch.val_accuracy is not None:
        extra["val_accuracy"] = last_epoch.val_accuracy
    try:
        engine.save_model(args.out, model, classes, extra=extra)
    except OSError as exc:
        raise CliError(f"{args.out}: cannot write: {exc.strerror or exc}") from exc
    summary = (
        f"Trained the {args.preset} model ({model.num_parameters():,} parameters) "
        f"on {len(train_idx)} samples of {len(classes)} classes ({', '.join(classes)}) "
        f"for {args.epochs} epochs"
    )
    if last_epoch is not None:
        summary += f" in {last_epoch.elapsed:.1f} s: train accuracy {last_epoch.accuracy:.1%}"
        if last_epoch.val_accuracy is not None:
            summary += f", validation accuracy {last_epoch.val_accuracy:.1%} on {len(val_idx)} held out"
    print(summary + f".\nSaved {args.out}")
    return EXIT_OK


def _subset(data: LabeledData, idx: np.ndarray) -> LabeledData:
    """The items of data at the sorted indices idx (drawings are numbered first, then images)."""
    n = len(data.drawings)
    return LabeledData(
        drawings=[data.drawings[i] for i in idx if i < n],
        images=[data.images[i - n] for i in idx if i >= n],
        image_labels=[data.image_labels[i - n] for i in idx if i >= n],
    )


class _TrainingArrays:
    """Training input for engine.train: drawings re-augmented each epoch (the next epoch made in a helper
    process while this one trains: `engine.EpochPrefetcher`, same arrays), images as they are. close()
    ends the helper."""

    def __init__(self, data: LabeledData, y: np.ndarray, size: int, augment: bool, seed: int):
        n = len(data.drawings)
        self._drawings = (
            engine.EpochPrefetcher(
                engine.TrainingSet(data.drawings, y[:n], size=size, augment=augment, seed=seed),
                use_process=augment,
            )
            if data.drawings
            else None
        )
        self._images = np.stack(data.images)[:, None].astype(np.float32) if data.images else None
        self._y_img = y[n:]

    def arrays(self, epoch: int) -> tuple[np.ndarray, np.ndarray]:
        parts_x, parts_y = [], []
        if self._drawings is not None:
            X, y = self._drawings.arrays(epoch)
            parts_x.append(X)
            parts_y.append(y)
        if self._images is not None:
            parts_x.append(self._images)
            parts_y.append(self._y_img)
        return np.concatenate(parts_x), np.concatenate(parts_y)

    def close(self) -> None:
        if self._drawings is not None:
            self._drawings.close()


def _predict(model, X: np.ndarray, batch: int = 256) -> np.ndarray:
    out = [model.predict_proba(X[i : i + batch]) for i in range(0, len(X), batch)]
    return np.concatenate(out) if out else np.zeros((0, 0), np.float32)


def cmd_evaluate(args: argparse.Namespace) -> int:
    models = [args.model, *(d for d in args.data if d.lower().endswith(".npz"))]
    if len(models) > 1:  # several models: one table
        data = [d for d in args.data if not d.lower().endswith(".npz")]
        return dc.cmd_evaluate_many(models, data, args.json)
    loaded = _load_model(args.model)
    classes = list(loaded.classes)
    size = int(loaded.meta["input_size"])
    data = load_data(args.data, size)
    _print_warnings(data)
    labels = data.labels
    known = np.array([label in classes for label in labels], dtype=bool)
    unknown_counts: dict[str, int] = {}
    for label, ok in zip(labels, known, strict=True):
        if not ok:
            unknown_counts[label] = unknown_counts.get(label, 0) + 1
    if not known.any():
        raise CliError(
            f"{', '.join(args.data)}: none of the labels ({', '.join(sorted(set(labels))) or 'none'}) "
            f"is a class the model knows ({', '.join(classes)})"
        )
    X = _rasters(data, size)[known]
    y = np.array([classes.index(label) for label, ok in zip(labels, known, strict=True) if ok], np.int64)
    pred = _predict(loaded.model, X).argmax(axis=1)
    confusion = np.zeros((len(classes), len(classes)), dtype=np.int64)
    np.add.at(confusion, (y, pred), 1)
    per_class = {
        c: (float(confusion[i, i] / confusion[i].sum()) if confusion[i].sum() else None)
        for i, c in enumerate(classes)
    }
    accuracy = float(np.trace(confusion) / confusion.sum())
    result = {
        "n": int(confusion.sum()),
        "accuracy": accuracy,
        "classes": classes,
        "per_class": per_class,
        "confusion": confusion.tolist(),
        "unknown_labels": unknown_counts,
    }
    if args.json:
        print(json.dumps(result))
        return EXIT_OK
    print(f"Accuracy {accuracy:.1%} on {result['n']} samples ({args.model})")
    width = max(len(c) for c in classes) + 2
    print("\nper class".ljust(width + 1) + "accuracy      n")
    for i, c in enumerate(classes):
        acc = per_class[c]
        print(f"{c:<{width}}{'—' if acc is None else f'{acc:8.1%}':>8}  {confusion[i].sum():5d}")
    print("\nconfusion (rows: true class, columns: predicted)")
    print(" " * width + "".join(f"{c[:9]:>10}" for c in classes))
    for i, c in enumerate(classes):
        print(f"{c:<{width}}" + "".join(f"{v:>10d}" for v in confusion[i]))
    if unknown_counts:
        listed = ", ".join(f"{k} ({v})" for k, v in sorted(unknown_counts.items()))
        print(f"\nNot counted: labels the model does not know: {listed}")
    return EXIT_OK


def _predict_inputs(path: Path, size: int) -> tuple[np.ndarray, list[str]]:
    """One INPUT of `predict` as network input (N, 1, S, S), with a name per row."""
    if not path.exists():
        raise CliError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".npy":
        try:
            arr = np.load(path, allow_pickle=False)
        except (ValueError, OSError, EOFError) as exc:
            raise CliError(f"{path}: not a readable NumPy array file ({exc})") from exc
        if arr.ndim == 3:
            arr = arr[:, None]
        if arr.ndim != 4 or arr.shape[1] != 1 or arr.shape[2:] != (size, size):
            raise CliError(
                f"{path}: array of shape {arr.shape}; the model takes preprocessed inputs shaped "
                f"(N, {size}, {size}) or (N, 1, {size}, {size})"
            )
        if not np.issubdtype(arr.dtype, np.number) or not np.all(np.isfinite(arr)):
            raise CliError(f"{path}: the array must hold finite numbers")
        return arr.astype(np.float32), [str(path)] * len(arr)
    if suffix in NDJSON_SUFFIXES:
        data = LabeledData()
        _read_ndjson(path, data)
        _print_warnings(data)
        if not data.drawings:
            raise CliError(f"{path}: no valid drawings")
        return _rasters(data, size), [str(path)] * len(data.drawings)
    if suffix in IMAGE_SUFFIXES:
        from gui import images

        try:
            raster = engine.preprocess_image(images.read_gray(path), size=size)
        except (OSError, ValueError) as exc:
            raise CliError(f"{path}: {exc}") from exc
        return raster[None, None].astype(np.float32), [str(path)]
    raise CliError(f"{path}: not an image, NDJSON file or .npy array")


def cmd_predict(args: argparse.Namespace) -> int:
    loaded = _load_model(args.model)
    size = int(loaded.meta["input_size"])
    results = []
    for name in args.inputs:
        X, names = _predict_inputs(Path(name), size)
        proba = _predict(loaded.model, X)
        for i, (src, p) in enumerate(zip(names, proba, strict=True)):
            k = int(np.argmax(p))
            results.append(
                {
                    "input": src,
                    "index": i,
                    "label": loaded.classes[k],
                    "probabilities": {c: float(v) for c, v in zip(loaded.classes, p, strict=True)},
                }
            )
    if args.json:
        print(json.dumps(results))
    else:
        for r in results:
            p = r["probabilities"][r["label"]]
            print(f"{r['input']}[{r['index']}]: {r['label']} ({p:.1%})")
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    figures = engine.measure_speed(preset=args.preset, batch=args.batch, repeats=args.repeats)
    if args.json:
        print(json.dumps(figures))
        return EXIT_OK
    print(
        f"{args.preset} model, {figures['parameters']:,} parameters, "
        f"{figures['input_size']}×{figures['input_size']} input"
    )
    print(
        f"training step (forward, backward, Adam), batch {figures['batch']}: "
        f"{figures['train_step_ms']:.2f} ms"
    )
    print(f"single-drawing forward pass: {figures['infer_ms']:.3f} ms")
    return EXIT_OK


# ----------------------------------------------------------------------------------------------------------
# Parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shapelab",
        description=(
            "ShapeLab: draw shapes, train a small NumPy CNN on them, and watch it learn. "
            "Without a command the app starts."
        ),
        epilog="Exit status: 0 success, 1 bad data or files, 2 bad usage.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="(app only) keep datasets and settings in DIR instead of the default",
    )
    parser.add_argument("--version", action="version", version=dc.version_text())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("synth", help="generate synthetic drawings into an NDJSON file")
    p.add_argument("--per-class", type=dc.positive_int, required=True, metavar="N", help="drawings per class")
    p.add_argument("--out", required=True, type=dc.out_file, metavar="FILE.ndjson",
                   help="where to write them")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--classes", metavar="a,b,...", help="classes to draw (default: all four)")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("train", help="train a model on NDJSON files and/or image folders")
    p.add_argument(
        "data",
        nargs="*",
        metavar="DATA",
        help="NDJSON files and image folders (DIR/<class>/*.png); none: the app's built-in starter set",
    )
    p.add_argument("--out", required=True, type=dc.out_file, metavar="MODEL.npz",
                   help="where to save the trained model")
    p.add_argument(
        "--preset", choices=engine.PRESETS, default="default", help="model preset (default: default)"
    )
    p.add_argument("--epochs", type=dc.positive_int, default=10, help="passes over the data (default 10)")
    p.add_argument("--batch", type=dc.positive_int, default=32, help="mini-batch size (default 32)")
    p.add_argument(
        "--lr", type=dc.positive_float, default=engine.TrainConfig.lr,
        help="learning rate (default %(default)g)"
    )
    p.add_argument("--optimizer", choices=("adam", "sgd"), default="adam", help="default adam")
    p.add_argument("--seed", type=int, default=0, help="random seed; same seed, same model (default 0)")
    p.add_argument(
        "--ema",
        type=dc.fraction,
        default=engine.TrainConfig.ema_decay,
        metavar="D",
        help="weight averaging: the model ends with a running average of its weights over the latest "
        "steps (about the last tenth, at most about 1/(1-D) steps; default %(default)g; 0: off)",
    )
    p.add_argument(
        "--augment",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="randomly rotate, scale, shear, shift and jitter drawings each epoch (default on)",
    )
    p.add_argument(
        "--val-split", type=dc.fraction, default=0.1, metavar="F", help="fraction held out (default 0.1)"
    )
    dc.add_val_by_option(p)
    p.add_argument(
        "--input-size", type=int, default=28, metavar="S", help="input side in pixels (default 28)"
    )
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="accuracy, per-class accuracy and confusion matrix of a model; "
                       "several models: one table")
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("data", nargs="+", metavar="[MODEL.npz ...] DATA",
                   help="more models, then NDJSON files and image folders")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("predict", help="classify images, NDJSON drawings or preprocessed .npy arrays")
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="image, NDJSON file, or .npy of shape (N,S,S)")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("bench", help="time one training step and one single-drawing forward pass")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--preset", choices=engine.PRESETS, default="default", help="model preset (default: default)"
    )
    p.add_argument("--batch", type=int, default=32, help="batch size of the training step (default 32)")
    p.add_argument("--repeats", type=int, default=200, help="timed repetitions (default 200)")
    p.set_defaults(func=cmd_bench)
    dc.add_merge_command(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse argv and run the command (or the app). Returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse: --help (0) or bad usage (2), message already printed
        return int(exc.code or 0)
    if args.command is None:
        from gui.app import run as run_app

        return run_app([], data_dir=args.data_dir)
    try:
        return args.func(args)
    except CliError as exc:
        print(f"shapelab: error: {exc}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        print("shapelab: interrupted; nothing more was written", file=sys.stderr)
        return 130
