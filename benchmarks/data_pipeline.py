"""The training data pipeline: epoch build time and peak memory, on the starter set, 10,000 and 50,000
drawings.

    python benchmarks/data_pipeline.py [--code DIR] [--sets starter,10k,50k] [--steps 40] [--copies N]
        [--json]

For each set, in a fresh process (so each peak is its own):
- `epoch`: one augmented epoch (`--copies` versions of each drawing, default the app's) made by
  `TrainingSet.arrays` in that process (wall and CPU seconds), after the clean rasters (`TrainingSet(...)`,
  wall seconds);
- `train`: what `main.py train` does with the data (a seeded 80/20 split, `TrainingSet` for the training
  part inside an `EpochPrefetcher`, the validation rasters, the default model and `engine.train`), for
  3 epochs of which only the first `--steps` mini-batches each are trained (the whole epoch is made and
  held, as in a full run): seconds until the first step, seconds spent waiting for epochs 2 and 3 (the
  helper process makes them while the previous one trains), and the peak RSS of the training process
  plus the peak RSS of its helper process (the sum of the two peaks: an upper bound for both together).

`--code DIR` runs the same measurements on another checkout's engine (e.g. a `git worktree` of main, for
the "before" figures); it needs only the public names of engine.dataset. The 10k and 50k sets are
synthetic (`engine.synth.generate_drawings`, seed 0), written once to NDJSON under --cache and read back
with `read_ndjson` as the command line does. Targets (issue 13): peak RSS with helpers <= 400 MB on the
starter set and <= 1.5 GB on 50,000 drawings.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"starter": None, "10k": 2500, "50k": 12500}
TARGETS_MB = {"starter": 400, "50k": 1536}

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
from engine.dataset import EpochPrefetcher, TrainingSet, class_list, stratified_split, to_arrays
from engine.model import build_model
from engine.store import read_ndjson
from engine.training import TrainConfig, train

path, mode, steps, copies = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
drawings, _ = read_ndjson(path)
classes = class_list(drawings)
out = {"drawings": len(drawings)}
if mode == "epoch":
    t = time.perf_counter()
    ts = TrainingSet(drawings, classes=classes, seed=0, copies=copies)
    out["clean_s"] = time.perf_counter() - t
    t, c = time.perf_counter(), time.process_time()
    X, y = ts.arrays(1)
    out["epoch_s"], out["epoch_cpu_s"] = time.perf_counter() - t, time.process_time() - c
    out["samples"] = len(y)
else:
    t0 = time.perf_counter()
    tr, va = stratified_split([d.label for d in drawings], 0.2, seed=0)
    train_set = TrainingSet([drawings[i] for i in tr], classes=classes, seed=0, copies=copies)
    val = to_arrays([drawings[i] for i in va], classes)
    waits = []

    class Limited:
        # each epoch made and held whole (as engine.train holds it); only its first `steps` batches used
        def __init__(self, source):
            self.source, self.current = source, None

        def arrays(self, epoch):
            t = time.perf_counter()
            self.current = self.source.arrays(epoch)
            waits.append(time.perf_counter() - t)
            X, y = self.current
            n = min(len(y), steps * 32)
            return X[:n], y[:n]

    model = build_model("default", len(classes))
    first = None
    with EpochPrefetcher(train_set) as pre:
        for rec in train(model, Limited(pre), TrainConfig(epochs=3), val=val):
            if rec.kind == "step" and first is None:
                first = time.perf_counter() - t0
    out["first_step_s"] = first
    out["epoch_waits_s"] = waits[1:]
    out["self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["helper_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out["peak_mb"] = out["self_mb"] + out["helper_mb"]
print(json.dumps(out))
"""


def _app_copies() -> int:
    """The versions per epoch the app and the CLI use (this checkout's TrainSettings)."""
    sys.path.insert(0, str(ROOT))
    from gui.core.training import TrainSettings

    return TrainSettings().copies


def make_set(name: str, cache: Path) -> Path:
    if SETS[name] is None:
        return ROOT / "resources" / "starter.ndjson"
    path = cache / f"synth-{name}.ndjson"
    if not path.exists():
        sys.path.insert(0, str(ROOT))
        from engine.store import write_ndjson
        from engine.synth import generate_drawings

        write_ndjson(path, generate_drawings(SETS[name], seed=0))
    return path


def run(code: Path, path: Path, mode: str, steps: int, copies: int) -> dict:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    res = subprocess.run([sys.executable, "-c", CHILD, str(code), str(path), mode, str(steps), str(copies)],
                         capture_output=True, text=True, env=env, cwd=str(code))
    if res.returncode:
        raise SystemExit(f"{mode} on {path.name} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def print_row(name: str, r: dict) -> None:
    nan = float("nan")
    e = r.get("epoch", {"drawings": r.get("train", {}).get("drawings", 0), "samples": 0, "clean_s": nan,
                        "epoch_s": nan, "epoch_cpu_s": nan})
    t = r.get("train", {"first_step_s": nan, "epoch_waits_s": [], "self_mb": nan, "helper_mb": nan,
                        "peak_mb": nan})
    waits = "/".join(f"{w:.1f}" for w in t["epoch_waits_s"]) or "-"
    target = TARGETS_MB.get(name)
    verdict = "" if target is None or "train" not in r else (
        f"<= {target} {'met' if t['peak_mb'] <= target else 'NOT met'}")
    print(f"{name:8} {e['drawings']:>8} {e['samples']:>8} {e['clean_s']:>8.2f} {e['epoch_s']:>8.2f} "
          f"{e['epoch_cpu_s']:>7.2f} {t['first_step_s']:>10.2f} {waits:>11} {t['self_mb']:>8.0f} "
          f"{t['helper_mb']:>9.0f} {t['peak_mb']:>8.0f} {verdict}", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--code", default=str(ROOT), help="checkout whose engine is measured (default: this one)")
    ap.add_argument("--sets", default="starter,10k,50k", help="comma-separated: starter, 10k, 50k")
    ap.add_argument("--steps", type=int, default=40, help="mini-batches trained per epoch (default 40)")
    ap.add_argument("--copies", type=int, default=_app_copies(),
                    help="versions of each drawing per epoch (default %(default)s: the app's and the CLI's)")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "shapelab-data-pipeline"),
                    help="folder for the synthetic NDJSON sets")
    ap.add_argument("--modes", default="epoch,train", help="epoch, train or both (default)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args(argv)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    results = {}
    if not args.json:
        print(f"code: {args.code}   load average before: {load:.1f}")
        print(f"{'set':8} {'drawings':>8} {'samples':>8} {'clean s':>8} {'epoch s':>8} {'cpu s':>7} "
              f"{'1st step s':>10} {'waits s':>11} {'train MB':>8} {'helper MB':>9} {'peak MB':>8} target",
              flush=True)
    for name in args.sets.split(","):
        path = make_set(name, cache)
        modes = args.modes.split(",")
        r = results[name] = {m: run(Path(args.code), path, m, args.steps, args.copies) for m in modes}
        if not args.json:
            print_row(name, r)
    if args.json:
        print(json.dumps({"code": args.code, "load_before": load, "load_after": os.getloadavg()[0],
                          "results": results}, indent=1))
    else:
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
