"""Time from "train" to a usable model, in the command line and in the app (offscreen), default settings.

    python benchmarks/time_to_model.py [--busy] [--skip-cli] [--json]

Prints (wall seconds, and CPU seconds with the helper processes: on a shared machine the CPU seconds
are the steadier figure):
- CLI: `main.py synth --per-class 500 --out X` and `main.py train X --out M.npz` (each a fresh process),
  and that model's accuracy on a fresh synthetic set (seed 1, 250 per class); then `main.py train --out
  M.npz` on the built-in starter set (the app's data);
- app: a fresh window (`gui.app.create_main_window` on an empty data folder: it opens the starter set),
  Train pressed as a user would; seconds from Train to the first validation accuracy >= 95 % (the app
  validates halfway through every epoch and at its end: `gui.core.training.VAL_PER_EPOCH`; the step and
  the accuracy plot's dot it was shown as are printed) and to the end of the default run, and the app /
  CLI ratio for that same run (starter set, default settings);
  how often new weights reached the window (filters, feature maps and prediction redraw on each), and
  the time left the progress bar showed at step 20 against when the run really ended, and 2, 5 and 10 s
  after Train against the time the run really had left then ("estimating…" while the run has not yet
  measured enough); the training thread's waits between epochs (for the helper's next epoch);
- with --busy: the app run again while another process burns a core (`python -c "while True: pass"`),
  and the busy / quiet ratio.

Targets (issue 13): app to 95 % <= 5 s, whole default run <= 15 s, app <= 1.2 x CLI, busy <= 2 x quiet;
CLI synth + train <= 15 s. Each app run is a child process of this script (`--app-child`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS = {"app_to_95_s": 5.0, "app_run_s": 15.0, "cli_synth_train_s": 15.0, "app_over_cli": 1.2,
           "busy_over_quiet": 2.0}


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children and theirs (helper processes)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _timed(cmd: list[str], cpu: dict | None = None, key: str = "") -> tuple[float, str]:
    """Run `cmd`; -> (wall seconds, its output). With `cpu`, cpu[key] = its CPU seconds (with helpers)."""
    c0, t0 = _children_cpu(), time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    if cpu is not None:
        cpu[key] = _children_cpu() - c0
    return wall, out.stdout + out.stderr


def measure_cli(tmp: Path) -> dict:
    """The CLI's synth + train with defaults, the model's synthetic accuracy, and train on the starter set."""
    from engine import generate_drawings, load_model, to_arrays

    py = [sys.executable, str(ROOT / "main.py")]
    cpu: dict = {}
    t_synth, _ = _timed(py + ["synth", "--per-class", "500", "--out", str(tmp / "x.ndjson")], cpu, "synth")
    t_train, text = _timed(py + ["train", str(tmp / "x.ndjson"), "--out", str(tmp / "m.npz")], cpu, "train")
    loaded = load_model(tmp / "m.npz")
    X, y = to_arrays(generate_drawings(250, seed=1), list(loaded.classes))
    accuracy = float((loaded.model.predict_proba(X).argmax(1) == y).mean())
    t_starter, starter_text = _timed(py + ["train", "--out", str(tmp / "starter.npz")], cpu, "starter")
    found = re.search(r" in ([0-9.]+) s:", starter_text)
    return {
        "synth_s": t_synth,
        "train_s": t_train,
        "synth_train_s": t_synth + t_train,
        "synth_train_cpu_s": cpu["synth"] + cpu["train"],
        "synthetic_accuracy": accuracy,
        "starter_train_wall_s": t_starter,
        "starter_train_cpu_s": cpu["starter"],
        "starter_train_reported_s": float(found.group(1)) if found else None,
    }


def drive_app(data_dir: str) -> dict:
    """One default run in a fresh window, Train pressed as a user would; seconds from Train to the first
    validation accuracy >= 95 % and to the final record. The only place that knows the app's names."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    import gui.app
    from gui.panels.plots import record_x

    window = gui.app.create_main_window(data_dir)
    window.resize(1280, 720)
    window.show()
    settle = QEventLoop()
    QTimer.singleShot(300, settle.quit)  # the window painted and idle, as when a user reaches for Train
    settle.exec()

    got = {"to_95_s": None, "records": 0, "steps": 0, "model_updates": 0, "validations": 0}
    trace: list = []  # (seconds since Train, kind, epoch, step, eta, elapsed) of every step and epoch record
    loop = QEventLoop()

    def on_record(rec) -> None:
        now = time.perf_counter() - got["t0"]
        got["records"] += 1
        got["steps"] = max(got["steps"], rec.step)
        if rec.val_accuracy is not None:  # an epoch's end, or a validation within an epoch (after a step)
            got["last_val"] = rec.val_accuracy
            got["validations"] += 1
            if rec.val_accuracy >= 0.95 and got["to_95_s"] is None:
                got.update(to_95_s=now, to_95_step=rec.step, to_95_val=rec.val_accuracy,
                           to_95_epochs=record_x(rec))
        if rec.kind == "step" and "first_eta_s" not in got and rec.step >= 20:
            got.update(first_eta_s=rec.eta, first_eta_at_s=now)  # the time left shown early in the run
        if rec.kind in ("step", "epoch"):
            trace.append((now, rec.kind, rec.epoch, rec.step, rec.eta, rec.elapsed))
        if rec.kind in ("done", "stopped", "diverged"):
            got.update(run_s=now, final=rec.kind, reported_elapsed_s=rec.elapsed)
            loop.quit()

    def on_model() -> None:  # new weights shown: filters, feature maps and the prediction redraw
        got["model_updates"] += 1

    window.controller.recordReceived.connect(on_record)
    window.controller.modelUpdated.connect(on_model)
    cpu0, children0 = time.process_time(), _children_cpu()
    got["t0"] = time.perf_counter()
    window.train()
    loop.exec()
    del got["t0"]
    got["process_cpu_s"] = time.process_time() - cpu0  # this process: GUI, training and predictor threads
    # what the user saw: the accuracy plot's validation dots (x in epochs, %); the first at >= 95 % is the
    # one the run's records reached 95 % with
    x, y = window.plots.series("val_acc")
    got["plotted_val"] = [[float(a), float(b)] for a, b in zip(x, y, strict=True)]
    shown = [(a, b) for a, b in got["plotted_val"] if b >= 95.0]
    got["to_95_shown"] = shown[0] if shown else None
    window.close()
    app.processEvents()
    got["helper_cpu_s"] = _children_cpu() - children0  # the epoch helper process (ended by now)
    got["updates_per_s"] = got["model_updates"] / got["run_s"]
    if "first_eta_s" in got and got["first_eta_s"] is not None:  # how far the early estimate was
        got["first_eta_error"] = (got["first_eta_at_s"] + got["first_eta_s"]) / got["run_s"] - 1
    got["eta_checks"] = eta_checks(trace, got["run_s"])
    got["epoch_waits_s"] = epoch_waits(trace)
    got["trace"] = trace
    return got


ETA_CHECKS_S = (2.0, 5.0, 10.0)


def eta_checks(trace: list, run_s: float) -> list[dict]:
    """The time left the progress bar showed 2, 5 and 10 s after Train (the latest record by then), against
    the time the run really had left: error = shown / real - 1 (None: the bar said "estimating…")."""
    out = []
    for at in ETA_CHECKS_S:
        seen = [r for r in trace if r[0] <= at]
        if not seen or at >= run_s:
            continue
        now, _kind, _epoch, step, eta, _elapsed = seen[-1]
        real = run_s - now
        out.append({"at_s": at, "step": step, "shown_s": eta, "real_s": real,
                    "error": None if eta is None else eta / real - 1})
    return out


def epoch_waits(trace: list) -> list[float]:
    """Seconds between each epoch's record and the next epoch's first step record, less a typical step:
    the training thread's wait for the next epoch's arrays (the helper's)."""
    steps = [b[5] - a[5] for a, b in pairwise(trace) if a[1] == b[1] == "step"]  # the run's own clock
    typical = sorted(steps)[len(steps) // 2] if steps else 0.0
    return [max(0.0, b[5] - a[5] - typical) for a, b in pairwise(trace) if a[1] == "epoch" and b[1] == "step"]


def app_child(data_dir: str) -> None:
    import main as _app_main  # noqa: F401  (sets up the process as the app does: one BLAS thread)

    print("RESULT " + json.dumps(drive_app(data_dir)), flush=True)


def measure_app() -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        out = subprocess.run([sys.executable, __file__, "--app-child", data_dir], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True)
    line = next(s for s in out.stdout.splitlines() if s.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def measure_busy() -> dict:
    burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        return measure_app()
    finally:
        burner.kill()
        burner.wait()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--busy", action="store_true", help="also run the app while another process burns a core")
    ap.add_argument("--skip-cli", action="store_true", help="the app only")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--app-child", metavar="DATA_DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.app_child:
        app_child(args.app_child)
        return 0

    result = {"load_before": os.getloadavg()[0], "targets": TARGETS}
    if not args.skip_cli:
        with tempfile.TemporaryDirectory() as tmp:
            result["cli"] = measure_cli(Path(tmp))
    result["app"] = measure_app()
    if "cli" in result:
        result["app_over_cli"] = result["app"]["run_s"] / result["cli"]["starter_train_wall_s"]
    if args.busy:
        result["app_busy"] = measure_busy()
        result["busy_over_quiet"] = result["app_busy"]["run_s"] / result["app"]["run_s"]
    result["load_after"] = os.getloadavg()[0]

    if args.json:
        print(json.dumps(result))
        return 0
    print(f"machine load {result['load_before']:.2f} before, {result['load_after']:.2f} after")
    if "cli" in result:
        c = result["cli"]
        print(f"CLI synth --per-class 500: {c['synth_s']:.1f} s; train (defaults): {c['train_s']:.1f} s; "
              f"together {c['synth_train_s']:.1f} s (target <= {TARGETS['cli_synth_train_s']:g} s), "
              f"{c['synth_train_cpu_s']:.1f} s of CPU; "
              f"fresh synthetic accuracy {c['synthetic_accuracy']:.1%}")
        print(f"CLI train on the starter set: {c['starter_train_wall_s']:.1f} s wall, "
              f"{c['starter_train_cpu_s']:.1f} s of CPU ({c['starter_train_reported_s']} s of training as "
              f"it reports)")
    a = result["app"]
    to95 = "never" if a["to_95_s"] is None else f"{a['to_95_s']:.1f} s"
    if a["to_95_s"] is not None:
        to95 += (f" (step {a['to_95_step']}, {a['to_95_epochs']:.2f} epochs: {a['to_95_val']:.1%}; the "
                 f"accuracy plot's first dot at >= 95 %: {a['to_95_shown'][1]:.1f} % at "
                 f"{a['to_95_shown'][0]:.2f} epochs)")
    print(f"app, Train -> validation >= 95 %: {to95} (target <= {TARGETS['app_to_95_s']:g} s); whole run "
          f"{a['run_s']:.1f} s (target <= {TARGETS['app_run_s']:g} s), {a['steps']} steps, "
          f"final validation {a.get('last_val', float('nan')):.1%} ({a['validations']} validations); "
          f"CPU {a['process_cpu_s']:.1f} s (app) + "
          f"{a['helper_cpu_s']:.1f} s (helper); {a['updates_per_s']:.1f} model updates/s on screen")
    if a.get("first_eta_s") is not None:
        print(f"app, time left shown at step 20 ({a['first_eta_at_s']:.1f} s in): {a['first_eta_s']:.1f} s; "
              f"the run then ended {a['first_eta_error']:+.0%} off that estimate")
    print_eta_checks("app", a)
    if "app_over_cli" in result:
        ratio = result["app_over_cli"]
        print(f"app / CLI, the same run: {ratio:.2f} (target <= {TARGETS['app_over_cli']:g})")
    if args.busy:
        b = result["app_busy"]
        to95 = "never" if b["to_95_s"] is None else f"{b['to_95_s']:.1f} s"
        print(f"app with one core busy: to 95 % {to95}, whole run {b['run_s']:.1f} s; busy / quiet "
              f"{result['busy_over_quiet']:.2f} (target <= {TARGETS['busy_over_quiet']:g}); CPU "
              f"{b['process_cpu_s']:.1f} s (app) + {b['helper_cpu_s']:.1f} s (helper)")
        print_eta_checks("app, one core busy", b)
    return 0


def print_eta_checks(name: str, a: dict) -> None:
    parts = []
    for c in a.get("eta_checks", []):
        shown = "estimating…" if c["shown_s"] is None else f"{c['shown_s']:.1f} s ({c['error']:+.0%})"
        parts.append(f"at {c['at_s']:g} s: {shown} of {c['real_s']:.1f} s")
    if parts:
        print(f"{name}, time left shown (error against the real time left): " + "; ".join(parts))
    waits = a.get("epoch_waits_s") or []
    if waits:
        print(f"{name}, waits between epochs (validation + the next epoch's arrays): "
              + " ".join(f"{w:.2f}" for w in waits) + f" s, {sum(waits):.1f} s in all")


if __name__ == "__main__":
    raise SystemExit(main())
