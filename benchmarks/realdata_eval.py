"""Train the default model on synthetic drawings only, then test it on real hand-drawn shapes.

    python benchmarks/realdata_eval.py /path/to/ImageFolder [--per-class 500] [--seed 0] [--test-seed 1]
        [--epochs E] [--mix square=1.1,irregular=0.9] [--sheet sheet.png] [--save model.npz]
        [--model model.npz] [--wrong DIR]

Training is the run `main.py synth --per-class 500 --seed N` + `main.py train --seed N` makes (with the
starter set's class mix, `engine.synth.TRAINING_MIX`, when one is set; `--mix` gives another): the same
preparation as the app and the CLI (`gui.core.training.prepare_training`: the validation split held out,
augmented epochs made in a helper process) and their default settings (`TrainSettings`), unless an
option says otherwise. Prints the training time (wall and CPU seconds of this process and its helper),
the accuracy on a fresh synthetic set (another seed), then for the image
folder: per-class accuracy and the confusion matrix (rows = true class). With --sheet, also writes a
contact sheet PNG: for each class a row of synthetic rasters above a row of the folder's rasters.
With --model, a saved model (e.g. from `main.py train`) is evaluated instead of training one. With
--wrong DIR, DIR/wrong-<class>.png shows up to 60 misclassified images of each class, each as the image
itself beside what the model saw; if the folder has a manifest.csv with `file` and `user` columns, the
errors are also counted by drawer, and the accuracy is also given for two groups of drawers: the
look-only split B (`HELD_DRAWERS`, 13 of the 28 drawers, 1,557 images: whose misclassified images
--wrong does not show, so that the generator is never shaped by them) and the rest, A. The expected
calibration error (`engine.calibration`, 10 bins) is printed for both test sets.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as main.py: one BLAS thread (set before NumPy loads)

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.calibration import calibration  # noqa: E402
from engine.dataset import to_arrays  # noqa: E402
from engine.model import build_model  # noqa: E402
from engine.synth import DEFAULT_CLASSES, TRAINING_MIX, generate_drawings  # noqa: E402
from engine.training import train  # noqa: E402
from gui.core.inputs import LabelledData  # noqa: E402
from gui.core.training import TrainSettings, prepare_training  # noqa: E402

#: the look-only drawers of hds-dev (split B): --wrong never shows their images; their accuracy is reported
HELD_DRAWERS = frozenset({"aly", "drt", "elu", "if2", "if5", "im1", "lrt", "nld", "u04", "u06", "u13", "u14",
                          "vly"})


def confusion(y_true: np.ndarray, y_pred: np.ndarray, n: int) -> np.ndarray:
    m = np.zeros((n, n), dtype=np.int64)
    np.add.at(m, (y_true, y_pred), 1)
    return m


def report(title: str, m: np.ndarray, classes: list[str]) -> None:
    total = m.sum()
    print(f"{title}: n={total}  accuracy={np.trace(m) / max(total, 1):.4f}")
    width = max(len(c) for c in classes) + 2
    print(" " * width + "".join(f"{c[:9]:>10}" for c in classes) + "   per-class")
    for i, c in enumerate(classes):
        acc = m[i, i] / max(m[i].sum(), 1)
        print(f"{c:<{width}}" + "".join(f"{v:>10d}" for v in m[i]) + f"   {acc:.4f}")


def probabilities(model, X: np.ndarray) -> np.ndarray:
    return np.concatenate([model.predict_proba(X[i : i + 512]) for i in range(0, len(X), 512)])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", help="ImageFolder of real drawings (e.g. hds-dev)")
    ap.add_argument("--per-class", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--test-seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=None, help="default: the app's and the CLI's")
    ap.add_argument("--lr", type=float, default=None, help="default: the app's and the CLI's")
    ap.add_argument("--smoothing", type=float, default=None,
                    help="label smoothing (default: the app's and the CLI's)")
    ap.add_argument("--copies", type=int, default=None,
                    help="augmented versions of each drawing per epoch (default: the app's and the CLI's)")
    ap.add_argument("--mix", type=_mix, default=None,
                    help="class mix of the generated training set, e.g. square=1.1,irregular=0.9 (each "
                         "class's count as a share of --per-class; 'balanced': none; default: "
                         "engine.synth.TRAINING_MIX)")
    ap.add_argument("--train-ndjson", help="train on this NDJSON file instead of generating")
    ap.add_argument("--sheet", help="write a synthetic-vs-real contact sheet PNG here")
    ap.add_argument("--save", help="save the trained model (.npz) here")
    ap.add_argument("--model", help="evaluate this saved model instead of training one")
    ap.add_argument("--wrong", help="write sheets of the misclassified images (image | model input) here")
    args = ap.parse_args(argv)

    classes = list(DEFAULT_CLASSES)
    if args.model:
        from engine.modelio import load_model

        loaded = load_model(args.model)
        model, classes = loaded.model, list(loaded.classes)
    else:
        model = train_model(args, classes)

    test = generate_drawings(250, seed=args.test_seed)
    Xt, yt = to_arrays(test, classes)
    pt = probabilities(model, Xt)
    m_syn = confusion(yt, pt.argmax(1), len(classes))
    report(f"synthetic test (seed {args.test_seed})", m_syn, classes)
    print(f"expected calibration error: {calibration(pt, yt).ece:.4f}")

    if args.save:
        from engine.modelio import save_model

        save_model(args.save, model, classes)

    if args.folder:
        evaluate_folder(args, model, classes, Xt, yt)
    return 0


def train_model(args, classes):
    """The CLI's `train` with its defaults (options given here override them) on synthetic drawings."""
    t0 = time.perf_counter()
    if args.train_ndjson:
        from engine.store import read_ndjson

        drawings, _ = read_ndjson(args.train_ndjson)
    else:
        mix = TRAINING_MIX if args.mix is None else args.mix
        drawings = generate_drawings(args.per_class, seed=args.seed, mix=mix)
        if mix:
            print(f"class mix {mix}: " + ", ".join(
                f"{c} {sum(d.label == c for d in drawings)}" for c in classes))
    t_gen = time.perf_counter() - t0
    changes = {k: v for k, v in (("epochs", args.epochs), ("lr", args.lr), ("copies", args.copies),
                                                  ("label_smoothing", args.smoothing))
               if v is not None}
    settings = replace(TrainSettings(seed=args.seed), **changes)
    cpu0, children0 = time.process_time(), _children_cpu()
    t1 = time.perf_counter()
    model = build_model(settings.preset, len(classes), settings.input_size, seed=settings.seed)
    last = None
    with prepare_training(LabelledData(drawings=list(drawings)), classes, settings) as run:
        for rec in train(model, run, settings.config(), val=run.val):
            if rec.kind == "epoch":
                print(f"epoch {rec.epoch + 1}: loss {rec.loss:.4f} acc {rec.accuracy:.4f} "
                      f"val {rec.val_accuracy if rec.val_accuracy is not None else float('nan'):.4f} "
                      f"({rec.elapsed:.1f}s)", file=sys.stderr)
            last = rec
    t_train = time.perf_counter() - t1
    cpu = time.process_time() - cpu0 + _children_cpu() - children0
    print(f"generate {len(drawings)} drawings: {t_gen:.2f}s; data + training ({settings.epochs} epochs, "
          f"{last.step} steps): {t_train:.2f}s wall, {cpu:.2f}s CPU; final: {last.kind}")
    return model


def _mix(text: str) -> dict[str, float]:
    """--mix: 'square=1.1,irregular=0.9' -> {"square": 1.1, "irregular": 0.9}; 'balanced' -> {}."""
    if text == "balanced":
        return {}
    try:
        mix = {k.strip(): float(v) for k, v in (part.split("=") for part in text.split(","))}
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected class=share,... or 'balanced', got {text!r}") from None
    if any(c not in DEFAULT_CLASSES or v < 0 for c, v in mix.items()):
        raise argparse.ArgumentTypeError(f"unknown class or negative share in {text!r}")
    return mix


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children (the epoch helper)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def drawers(folder, paths) -> list[str]:
    """The drawer of each image from the folder's manifest.csv (`file`, `user`), "" when not known."""
    import csv

    manifest = Path(folder) / "manifest.csv"
    if not manifest.is_file():
        return [""] * len(paths)
    with open(manifest, newline="") as f:
        users = {row["file"]: row.get("user", "") for row in csv.DictReader(f)}
    return [users.get(Path(p).relative_to(folder).as_posix(), "") for p in paths]


def write_wrong(args, classes, y, pred, paths, users) -> None:
    """Per class, a sheet of misclassified images (the image | the model's input) and a count by drawer;
    the images of the look-only drawers (HELD_DRAWERS) are left out."""
    from engine.picture import preprocess_image
    from gui.images import contact_sheet, read_gray, write_png

    out = Path(args.wrong)
    out.mkdir(parents=True, exist_ok=True)
    shown = np.array([u not in HELD_DRAWERS for u in users], dtype=bool)
    for c, name in enumerate(classes):
        bad = np.flatnonzero((y == c) & (pred != c) & shown)
        if not len(bad):
            continue
        tiles = []
        for i in bad[:60]:
            gray = read_gray(paths[i]).astype(np.float32)
            ink = np.abs(gray - np.median(np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])))
            seen = preprocess_image(gray, 28)  # what the model saw, enlarged to about the image's size
            grow = np.ones((max(1, len(gray) // 28),) * 2, np.float32)
            tiles += [ink / max(float(ink.max()), 1e-6), np.kron(seen, grow)]
        rows = [tiles[j : j + 12] for j in range(0, len(tiles), 12)]
        write_png(out / f"wrong-{name}.png", contact_sheet(rows))
        as_what = {classes[k]: int((pred[bad] == k).sum()) for k in range(len(classes)) if k != c}
        line = f"{name}: {len(bad)} wrong, taken for {as_what}"
        if any(users):
            by = {}
            for i in bad:
                by[users[i] or "?"] = by.get(users[i] or "?", 0) + 1
            top = sorted(by.items(), key=lambda t: -t[1])[:6]
            line += "; by drawer " + ", ".join(f"{u} {n}" for u, n in top)
        print(line)


def evaluate_folder(args, model, classes, Xt, yt) -> None:
    from gui.images import list_image_folder, load_image_folder

    X, labels, problems = load_image_folder(args.folder)
    for p, msg in problems:
        print(f"skipped {p}: {msg}", file=sys.stderr)
    known = [i for i, lab in enumerate(labels) if lab in classes]
    if len(known) < len(labels):
        print(f"{len(labels) - len(known)} images have labels the model does not know", file=sys.stderr)
    y = np.array([classes.index(labels[i]) for i in known], dtype=np.int64)
    p = probabilities(model, X[known])
    pred = p.argmax(1)
    m = confusion(y, pred, len(classes))
    report(f"real drawings ({args.folder})", m, classes)
    print(f"expected calibration error: {calibration(p, y).ece:.4f}")
    skipped = {str(p) for p, _ in problems}
    paths = [p for p, _ in list_image_folder(args.folder) if str(p) not in skipped]
    paths = [paths[i] for i in known]
    users = drawers(args.folder, paths)
    held = np.array([u in HELD_DRAWERS for u in users], dtype=bool)
    if held.any():
        for title, part in (("drawers A (the errors --wrong shows)", ~held), ("drawers B (look-only)", held)):
            report(f"{title}", confusion(y[part], pred[part], len(classes)), classes)
    if args.wrong:
        write_wrong(args, classes, y, pred, paths, users)
    if args.sheet:
        from gui.images import contact_sheet, write_png

        rng = np.random.default_rng(0)
        rows = []
        for c in range(len(classes)):
            syn = Xt[yt == c][:16, 0]
            idx = np.flatnonzero(y == c)
            real = X[known][rng.choice(idx, size=min(16, len(idx)), replace=False), 0] if len(idx) else []
            rows += [list(syn), list(real)]
        write_png(args.sheet, contact_sheet(rows, scale=2))
        # the real drawings the model got wrong, by true class
        wrong_rows = []
        for c in range(len(classes)):
            bad = np.flatnonzero((y == c) & (pred != c))[:16]
            if len(bad):
                wrong_rows.append(list(X[known][bad, 0]))
        if wrong_rows:
            write_png(Path(args.sheet).with_suffix(".wrong.png"), contact_sheet(wrong_rows, scale=2))


if __name__ == "__main__":
    raise SystemExit(main())
