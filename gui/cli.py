"""The headless command line: ``python main.py <command>`` (argparse and printing over `gui.core`).

Reading DATA arguments, preparing a training run, the model file's `extra` and evaluating are the
application core's (`gui.core.inputs`, `gui.core.training`, `gui.core.model_state`), the same code the
app runs. Commands are registered in `COMMANDS` (name, help, arguments, run); another module adds its
own with `register(Command(...))`.

Exit status: 0 on success, 2 on bad usage (a bad option value included, named in the message), 1 on bad
data or files (one line naming the file and the problem, never a traceback for a user's mistake).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import engine
from gui.cli_argparse import ColumnsHelpFormatter, argparse_language
from gui.text import QT_TRANSLATE_NOOP, translate

from .core.inputs import InputError, evaluate_model, load_data, load_model_file, predict_inputs, predict_proba
from .core.model_state import ModelState, TrainedOn, plural
from .core.training import INPUT_SIZE, OPTIMIZERS, TrainSettings, prepare_training
from .export_commands import EXPORT_COMMANDS, version_text
from .resources import STARTER_PATH

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
MIN_INPUT_SIZE, MAX_INPUT_SIZE = 8, 256


class CliError(Exception):
    """A problem with the user's data or files: reported in one line, exit status 1."""


# ----------------------------------------------------------------------------------------------------------
# Option values: a bad one is a usage error (exit 2) naming the option


def _number(kind, text: str, what: str, ok: Callable[[float], bool]):
    try:
        value = kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            (translate("Cli", "{text!r} is not an integer") if kind is int
             else translate("Cli", "{text!r} is not a number")).format(text=text)
        ) from None
    if not (math.isfinite(value) and ok(value)):
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} is out of range: it must be {what}").format(text=text, what=what)
        )
    return value


def positive_int(text: str) -> int:
    return _number(int, text, translate("Cli", "at least 1"), lambda v: v >= 1)


def non_negative_int(text: str) -> int:
    return _number(int, text, translate("Cli", "at least 0"), lambda v: v >= 0)


def positive_float(text: str) -> float:
    return _number(float, text, translate("Cli", "greater than 0"), lambda v: v > 0)


def fraction(text: str) -> float:
    return _number(float, text, translate("Cli", "at least 0 and less than 1"), lambda v: 0 <= v < 1)


def input_size(text: str) -> int:
    return _number(
        int,
        text,
        translate("Cli", "from {MIN_INPUT_SIZE} to {MAX_INPUT_SIZE}").format(
            MIN_INPUT_SIZE=MIN_INPUT_SIZE,
            MAX_INPUT_SIZE=MAX_INPUT_SIZE,
        ),
        lambda v: MIN_INPUT_SIZE <= v <= MAX_INPUT_SIZE,
    )


# ----------------------------------------------------------------------------------------------------------
# Printing


def _print_warnings(warnings: Sequence[str], limit: int = 20) -> None:
    for w in warnings[:limit]:
        print(translate("Cli", "shapelab: warning: {w}").format(w=w), file=sys.stderr)
    if len(warnings) > limit:
        print(translate("Cli", "shapelab: warning: … and {value} more problems").format(
            value=len(warnings) - limit,
        ), file=sys.stderr)


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
        text = translate("Cli", "epoch {epoch}/{epochs} [{bar}] ").format(
            epoch=rec.epoch + 1, epochs=self.epochs, bar=f"{bar:<{width}}"
        )
        text += translate("Cli", "loss {loss:.4f} acc {accuracy:6.1%}").format(
            loss=rec.loss,
            accuracy=rec.accuracy,
        )
        if rec.val_accuracy is not None:
            text += translate("Cli", "  val loss {val_loss:.4f} val acc {val_accuracy:6.1%}").format(
                val_loss=rec.val_loss,
                val_accuracy=rec.val_accuracy,
            )
        if rec.eta is None:  # not yet known: the first steps and epoch boundary are still to be measured
            text += translate("Cli", "  {value} elapsed, estimating the time left").format(
                value=_duration(rec.elapsed)
            )
        else:
            text += translate("Cli", "  {value} elapsed, {value2} left").format(
                value=_duration(rec.elapsed),
                value2=_duration(rec.eta),
            )
        self.stream.write(("\x1b[2K" if self.tty else "") + text + end)
        self.stream.flush()


def _duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "?"
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


# ----------------------------------------------------------------------------------------------------------
# Commands


def cmd_synth(args: argparse.Namespace) -> int:
    classes = tuple(c.strip() for c in args.classes.split(",")) if args.classes else engine.DEFAULT_CLASSES
    unknown = [c for c in classes if c not in engine.DEFAULT_CLASSES]
    if unknown or not classes or any(not c for c in classes):
        raise CliError(
            translate("Cli", "--classes: unknown class {value}; the generator draws {value2}").format(
                value=', '.join(unknown) or '(empty)',
                value2=', '.join(engine.DEFAULT_CLASSES),
            )
        )
    _check_out_folder(args.out)
    drawings = engine.generate_drawings(args.per_class, seed=args.seed, classes=classes)
    write_drawings(args.out, drawings)
    print(translate("Cli", "Wrote {value} drawings ({per_class} per class: {value2}) to {out}").format(
        value=len(drawings),
        per_class=args.per_class,
        value2=', '.join(classes),
        out=args.out,
    ))
    return EXIT_OK


def write_drawings(out: str, drawings) -> None:
    """Write `drawings` to the NDJSON file `out` (atomically); a CliError that names the file if it fails."""
    try:
        engine.write_ndjson(out, drawings)
    except OSError as exc:
        raise CliError(
            translate("Cli", "{out}: cannot write: {reason}").format(out=out, reason=exc.strerror or exc)
        ) from exc


def _check_out_folder(out: str) -> None:
    """Fail before any work when the output file's folder does not exist."""
    folder = Path(out).parent
    if not folder.is_dir():
        raise CliError(translate("Cli", "{out}: cannot write: the folder {folder} does not exist").format(
            out=out,
            folder=folder,
        ))


def train_settings(args: argparse.Namespace) -> TrainSettings:
    """The `train` options as the settings the app uses too."""
    return TrainSettings(
        preset=args.preset,
        epochs=args.epochs,
        batch_size=args.batch,
        lr=args.lr,
        optimizer=args.optimizer,
        augment=args.augment,
        val_split=args.val_split,
        seed=args.seed,
        average=args.ema > 0,
        ema_decay=args.ema if args.ema > 0 else engine.TrainConfig.ema_decay,
        input_size=args.input_size,
        val_by=dc.val_by_setting(args),  # --val-by class | drawer
        copies=args.versions,
        schedule=args.schedule,
        label_smoothing=args.label_smoothing,
    )


def cmd_train(args: argparse.Namespace) -> int:
    settings = train_settings(args)
    _check_out_folder(args.out)
    if not args.data:  # like the app: with no data of your own, the built-in starter set
        if not STARTER_PATH.exists():
            raise CliError(translate(
                "Cli",
                "{STARTER_PATH}: the built-in starter set is missing; give DATA to train on",
            ).format(STARTER_PATH=STARTER_PATH))
        args.data = [str(STARTER_PATH)]
        print(translate(
            "Cli",
            "No DATA given: training on the built-in starter set ({STARTER_PATH}).",
        ).format(STARTER_PATH=STARTER_PATH), file=sys.stderr)
    data = load_data(args.data, settings.input_size)
    _print_warnings(data.warnings)
    if len(data) == 0:
        raise CliError(translate("Cli", "{value}: no valid drawings or images to train on").format(
            value=', '.join(args.data),
        ))
    classes = engine.class_list(data.labels)
    if len(classes) < 2:
        raise CliError(translate(
            "Cli",
            "{value}: only one class ({value2}); training needs at least two",
        ).format(value=', '.join(args.data), value2=classes[0]))
    state = ModelState(settings.input_size)
    state.ensure(classes, settings.preset, settings.seed)
    try:
        run = prepare_training(data, classes, settings)
    except ValueError as exc:  # e.g. --val-by drawer with fewer than two drawers
        raise CliError(f"{', '.join(args.data)}: {exc}") from exc
    name = ", ".join(Path(p).name for p in args.data)
    state.begin_run(None, settings, TrainedOn(name, len(data), None, tuple(args.data), run.n_train))
    progress = _Progress(settings.epochs)
    last_epoch = None
    try:
        for rec in engine.train(state.model, run, settings.config(), val=run.val):
            progress.update(rec)
            state.observe(rec, watch=False)  # the engine's own check ends a run whose loss is not a number
            if rec.kind == "epoch":
                last_epoch = rec
            elif rec.kind == "diverged":
                raise CliError(translate(
                    "Cli",
                    "training stopped at epoch {value}, step {step}: {message}",
                ).format(value=rec.epoch + 1, step=rec.step, message=rec.message))
    finally:
        run.close()
        state.end_run()
    try:
        state.save(args.out)
    except OSError as exc:
        raise CliError(
            translate("Cli", "{out}: cannot write: {reason}").format(out=args.out, reason=exc.strerror or exc)
        ) from exc
    summary = (
        translate(
            "Cli",
            "Trained the {preset} model ({value:,} parameters) on {n_train} samples of {value2} classes "
            "({value3}) for {value4} ({value5})",
        ).format(
            preset=settings.preset,
            value=state.model.num_parameters(),
            n_train=run.n_train,
            value2=len(classes),
            value3=', '.join(classes),
            value4=plural(settings.epochs, 'epoch'),
            value5=plural(state.steps, 'step'),
        )
    )
    if last_epoch is not None:
        summary += translate("Cli", " in {elapsed:.1f} s: train accuracy {accuracy:.1%}").format(
            elapsed=last_epoch.elapsed,
            accuracy=last_epoch.accuracy,
        )
        if last_epoch.val_accuracy is not None:
            summary += translate(
                "Cli",
                ", validation accuracy {val_accuracy:.1%} on {n_val} held out",
            ).format(val_accuracy=last_epoch.val_accuracy, n_val=run.n_val)
    print(summary + translate("Cli", ".\nSaved {out}").format(out=args.out))
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    models = [args.model, *(d for d in args.data if d.lower().endswith(".npz"))]
    if len(models) > 1:  # several models: one table (gui.data_commands)
        data = [d for d in args.data if not d.lower().endswith(".npz")]
        return dc.cmd_evaluate_many(models, data, args.json)
    loaded = load_model_file(args.model)
    size = int(loaded.meta["input_size"])
    data = load_data(args.data, size)
    _print_warnings(data.warnings)
    try:
        ev = evaluate_model(loaded.model, loaded.classes, data, size)
    except InputError as exc:
        raise CliError(f"{', '.join(args.data)}: {exc}") from exc
    if args.json:
        print(json.dumps(ev.as_dict()))
        return EXIT_OK
    classes, confusion, per_class = ev.classes, ev.confusion, ev.per_class()
    print(translate("Cli", "Accuracy {accuracy:.1%} on {n} samples ({model})").format(
        accuracy=ev.accuracy,
        n=ev.n,
        model=args.model,
    ))
    width = max(len(c) for c in classes) + 2
    print("\nper class".ljust(width + 1) + "accuracy      n")
    for i, c in enumerate(classes):
        acc = per_class[c]
        print(f"{c:<{width}}{'—' if acc is None else f'{acc:8.1%}':>8}  {confusion[i].sum():5d}")
    print(translate("Cli", "\nconfusion (rows: true class, columns: predicted)"))
    print(" " * width + "".join(f"{c[:9]:>10}" for c in classes))
    for i, c in enumerate(classes):
        print(f"{c:<{width}}" + "".join(f"{v:>10d}" for v in confusion[i]))
    if ev.per_drawer:  # drawings carrying a "drawer" key: how the model does for each person
        wd = max(len("per drawer"), *(len(d) for d in ev.per_drawer)) + 2
        print("\n" + "per drawer".ljust(wd) + "accuracy      n")
        for d, r in ev.per_drawer.items():
            print(f"{d:<{wd}}{r['accuracy']:8.1%}  {r['n']:5d}")
        unnamed = ev.n - sum(r["n"] for r in ev.per_drawer.values())
        if unnamed:
            print(translate("Cli", "({n} samples carry no drawer)").format(n=unnamed))
    if ev.unknown_labels:
        listed = ", ".join(f"{k} ({v})" for k, v in sorted(ev.unknown_labels.items()))
        print(
            translate("Cli", "\nNot counted: labels the model does not know: {listed}").format(listed=listed)
        )
    return EXIT_OK


def cmd_predict(args: argparse.Namespace) -> int:
    loaded = load_model_file(args.model)
    size = int(loaded.meta["input_size"])
    results = []
    for name in args.inputs:
        X, names, warnings = predict_inputs(name, size)
        _print_warnings(warnings)
        proba = predict_proba(loaded.model, X)
        for i, (src, p) in enumerate(zip(names, proba, strict=True)):
            k = int(p.argmax())
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
        translate("Cli", "{preset} model, {value:,} parameters, {value2}×{value2} input").format(
            preset=args.preset,
            value=figures['parameters'],
            value2=figures['input_size'],
        )
    )
    print(
        translate("Cli", "training step (forward, backward, Adam), batch {value}: {value2:.2f} ms").format(
            value=figures['batch'],
            value2=figures['train_step_ms'],
        )
    )
    print(translate("Cli", "single-drawing forward pass: {value:.3f} ms").format(value=figures['infer_ms']))
    return EXIT_OK


# ----------------------------------------------------------------------------------------------------------
# Arguments of each command


def _synth_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--per-class",
        type=positive_int,
        required=True,
        metavar="N",
        help=translate("Cli", "drawings per class"),
    )
    p.add_argument(
        "--out", required=True, metavar="FILE.ndjson", help=translate("Cli", "where to write them")
    )
    p.add_argument("--seed", type=int, default=0, help=translate("Cli", "random seed (default 0)"))
    p.add_argument(
        "--classes", metavar="a,b,...", help=translate("Cli", "classes to draw (default: all four)")
    )


def _train_arguments(p: argparse.ArgumentParser) -> None:
    d = TrainSettings()
    p.add_argument(
        "data",
        nargs="*",
        metavar="DATA",
        help=translate(
            "Cli",
            "NDJSON files and image folders (DIR/<class>/*.png); none: the app's built-in starter set",
        ),
    )
    p.add_argument(
        "--out", required=True, metavar="MODEL.npz", help=translate("Cli", "where to save the trained model")
    )
    p.add_argument(
        "--preset", choices=engine.PRESETS, default=d.preset, help=translate(
            "Cli", "model preset (default: %(default)s)"
        )
    )
    p.add_argument(
        "--epochs",
        type=positive_int,
        default=d.epochs,
        help=translate(
            "Cli",
            "passes over the training data; with augmentation each pass shows every drawing --versions "
            "times (itself and augmented versions); with the cosine schedule fewer epochs make a shorter, "
            "complete run (default %(default)s)",
        ),
    )
    p.add_argument(
        "--versions",
        type=positive_int,
        default=d.copies,
        metavar="N",
        help=translate(
            "Cli",
            "with augmentation, how many times an epoch shows every training drawing: itself (most of "
            "them slightly changed) and N-1 augmented versions (default %(default)s)",
        ),
    )
    p.add_argument(
        "--schedule",
        choices=("cosine", "constant"),
        default=d.schedule,
        help=translate(
            "Cli",
            "the learning rate over the run: 'cosine' rises over the first tenth of the steps, then "
            "falls along a cosine to nearly 0 by the last step; 'constant' keeps --lr (default %(default)s)",
        ),
    )
    p.add_argument(
        "--batch", type=positive_int, default=d.batch_size, help=translate(
            "Cli", "mini-batch size (default %(default)s)"
        )
    )
    p.add_argument(
        "--lr",
        type=positive_float,
        default=d.lr,
        help=translate("Cli", "learning rate (default %(default)g)"),
    )
    p.add_argument(
        "--optimizer", choices=OPTIMIZERS, default=d.optimizer, help=translate("Cli", "default %(default)s")
    )
    p.add_argument(
        "--seed",
        type=int,
        default=d.seed,
        help=translate("Cli", "random seed; same seed, same model (default 0)"),
    )
    p.add_argument(
        "--ema",
        type=fraction,
        default=d.ema_decay,
        metavar="D",
        help=translate(
            "Cli",
            "weight averaging: the model ends with a running average of its weights over the latest steps "
            "(about the last tenth, at most about 1/(1-D) steps; default %(default)g; 0: off)",
        ),
    )
    p.add_argument(
        "--label-smoothing",
        type=fraction,
        default=d.label_smoothing,
        metavar="E",
        help=translate(
            "Cli",
            "label smoothing: each drawing's training target gives its class 1-E and every class E/classes, "
            "so the model learns not to be overconfident (default %(default)g; 0: off)",
        ),
    )
    p.add_argument(
        "--augment",
        action=argparse.BooleanOptionalAction,
        default=d.augment,
        help=translate(
            "Cli",
            "randomly rotate, scale, shear, shift and jitter drawings each epoch (default on)",
        ),
    )
    p.add_argument(
        "--val-split", type=fraction, default=d.val_split, metavar="F", help=translate(
            "Cli", "fraction held out (default 0.1)"
        )
    )
    dc.add_val_by_option(p)
    p.add_argument(
        "--input-size",
        type=input_size,
        default=INPUT_SIZE,
        metavar="S",
        help=translate(
            "Cli",
            "input side in pixels, {MIN_INPUT_SIZE} to {MAX_INPUT_SIZE} (default %(default)s; the app "
            "draws {INPUT_SIZE})",
        ).format(MIN_INPUT_SIZE=MIN_INPUT_SIZE, MAX_INPUT_SIZE=MAX_INPUT_SIZE, INPUT_SIZE=INPUT_SIZE),
    )


def _evaluate_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument("data", nargs="+", metavar="[MODEL.npz ...] DATA",
                   help=translate("Cli", "more models (one table), then NDJSON files and image folders"))
    p.add_argument("--json", action="store_true", help=translate("Cli", "print one JSON object"))


def _predict_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", metavar="MODEL.npz")
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=translate("Cli", "image, NDJSON file, or .npy of shape (N,S,S)"),
    )
    p.add_argument("--json", action="store_true", help=translate("Cli", "print a JSON list"))


def _bench_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=translate("Cli", "print one JSON object"))
    p.add_argument(
        "--preset", choices=engine.PRESETS, default="default", help=translate(
            "Cli", "model preset (default: default)"
        )
    )
    p.add_argument(
        "--batch", type=positive_int, default=32, help=translate(
            "Cli", "batch size of the training step (default 32)"
        )
    )
    p.add_argument(
        "--repeats", type=positive_int, default=200, help=translate("Cli", "timed repetitions (default 200)")
    )


# ----------------------------------------------------------------------------------------------------------
# The parser: one registration per command


@dataclass(frozen=True)
class Command:
    """A subcommand: its name, one-line help, a function adding its arguments, and the function run."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: list[Command] = [
    Command(
        "synth",
        QT_TRANSLATE_NOOP("Cli", "generate synthetic drawings into an NDJSON file"),
        _synth_arguments,
        cmd_synth,
    ),
    Command(
        "train",
        QT_TRANSLATE_NOOP("Cli", "train a model on NDJSON files and/or image folders"),
        _train_arguments,
        cmd_train,
    ),
    Command(
        "evaluate",
        QT_TRANSLATE_NOOP("Cli", "accuracy, per-class accuracy and confusion matrix of a model"),
        _evaluate_arguments,
        cmd_evaluate,
    ),
    Command(
        "predict",
        QT_TRANSLATE_NOOP("Cli", "classify images, NDJSON drawings or preprocessed .npy arrays"),
        _predict_arguments,
        cmd_predict,
    ),
    Command(
        "bench",
        QT_TRANSLATE_NOOP("Cli", "time one training step and one single-drawing forward pass"),
        _bench_arguments,
        cmd_bench,
    ),
    *[Command(*c) for c in EXPORT_COMMANDS],  # export, report (gui/export_commands.py)
]


def register(command: Command) -> None:
    """Add a subcommand (a module outside this one hooks its commands in here)."""
    if any(c.name == command.name for c in COMMANDS):
        raise ValueError(
            translate("Cli", "a command {name!r} is already registered").format(name=command.name)
        )
    COMMANDS.append(command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shapelab",
        formatter_class=ColumnsHelpFormatter,
        description=(
            translate("Cli", "ShapeLab: draw shapes, train a small NumPy CNN on them, and watch it learn. "
            "Without a command the app starts (python main.py).")
        ),
        epilog=translate("Cli", "Exit status: 0 success, 1 bad data or files, 2 bad usage."),
    )
    parser.add_argument(
        "--version", action="version", version=version_text(),
        help=translate("Cli", "show the version, the licence and the libraries used, and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        text = translate("Cli", command.help)  # marked with QT_TRANSLATE_NOOP("Cli", ...) where registered
        p = sub.add_parser(command.name, help=text, description=text, formatter_class=ColumnsHelpFormatter)
        command.add_arguments(p)
        p.set_defaults(func=command.run)
    return parser


def cli_language(environ=None) -> str:
    """The command line's language, from the environment as gettext reads it (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG: the first one set): "ko" for Korean, else "en"."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "ko" if value.split(":")[0].lower().startswith("ko") else "en"
    return "en"


def run(argv: Sequence[str]) -> int:
    """Parse argv and run the command. Returns the exit status (2 with the usage when there is none)."""
    if cli_language() != "en":  # Qt's translator only then: an English command line imports no Qt
        from gui.i18n import install_cli_translation

        install_cli_translation(cli_language())
    with argparse_language():  # argparse's own words ("usage:", its errors) in the same language
        parser = build_parser()
        try:
            args = parser.parse_args(list(argv))
        except SystemExit as exc:  # argparse: --help (0) or bad usage (2), message already printed
            return int(exc.code or 0)
        if args.command is None:
            parser.print_usage(sys.stderr)
    if args.command is None:
        print(
            translate("Cli", "shapelab: error: give a command (python main.py with none starts the app)"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        return args.func(args)
    except (CliError, InputError) as exc:
        print(translate("Cli", "shapelab: error: {exc}").format(exc=exc), file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        print(translate("Cli", "shapelab: interrupted; nothing more was written"), file=sys.stderr)
        return 130


# Classroom data commands (merge; several models in evaluate; --val-by) register themselves;
# imported last, as they use Command and register above.
from . import data_commands as dc  # noqa: E402
