"""Soak test of closing the main window while it works, each run in a fresh process with the real event loop
(offscreen). Two scenarios, N runs each (issue 12's acceptance):

- "open-train": open a 5 MB dataset (read in the background), at once open another (the starter set),
  press Train, and close the window 0-1 s later;
- "train-10k": open 10,000 drawings, press Train (default settings: augmentation, so the epoch helper
  process is used), and close the window 0-1 s later;
- "train-helper" (only with --scenarios): the same, but closed 0-1 s after the epoch helper process was
  started (the first epoch is being made in the app while the helper makes the second).

For each scenario it prints: crashes (the process died from a signal, or exited with an error or a
"Fatal Python error"), hangs (no exit within --timeout s), helper processes left (alive right after the
close in the app, and still alive once the app's process has exited), and the close time (window.close()
from the timer that calls it until it returns: max and median). Targets: 0, 0, 0, every close <= 2 s.

    python benchmarks/soak_close.py [--runs 50] [--timeout 60] [--seed 0] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOSE_TARGET_S = 2.0


def _child_pids(pid: int) -> list[int]:
    """The processes whose parent is `pid` (read from /proc; Linux)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if int(fields[1]) == pid:
            out.append(int(entry))
    return out


def _alive(pid: int, start_marker: str) -> bool:
    """`pid` still runs (not a zombie) and is the same process (its command line holds the marker)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            stat = f.read()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().decode(errors="replace")
    except OSError:
        return False
    state = stat[stat.rfind(")") + 2 :].split()[0]
    return state not in ("Z", "X") and start_marker in cmdline


def child(scenario: str, data: Path, other: Path, delay_s: float) -> None:
    """One run in this fresh process: prints one JSON line (close time, helper processes)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import multiprocessing

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import main as _app_main  # noqa: F401  (sets up the process as the app does: one BLAS thread)

    app = QApplication([sys.argv[0]])
    import gui.app

    data_dir = tempfile.mkdtemp(prefix="shapelab-soak-")
    window = gui.app.create_main_window(data_dir)
    window.resize(1280, 720)
    window.show()
    result: dict = {"scenario": scenario, "delay_s": round(delay_s, 3)}

    def close() -> None:
        result["state_at_close"] = window.controller.state
        result["helpers_before_close"] = _child_pids(os.getpid())
        t0 = time.perf_counter()
        window.close()
        result["close_s"] = time.perf_counter() - t0
        result["helpers_after_close"] = [p.pid for p in multiprocessing.active_children()]
        result["os_children_after_close"] = _child_pids(os.getpid())
        app.quit()

    def start() -> None:
        if scenario == "open-train":
            window.open_dataset(data)  # read in the background ...
            window.open_dataset(other)  # ... and at once another
            window.train()
            QTimer.singleShot(int(delay_s * 1000), close)
        else:
            window.open_dataset(data)
            wait_for_data()

    def wait_for_helper() -> None:  # train-helper: the epoch helper process exists
        if not multiprocessing.active_children():
            QTimer.singleShot(20, wait_for_helper)
            return
        QTimer.singleShot(int(delay_s * 1000), close)

    def wait_for_data() -> None:
        if window.state.path != data:
            QTimer.singleShot(20, wait_for_data)
            return
        result["drawings"] = len(window.state)
        window.train()
        if scenario == "train-helper":
            wait_for_helper()
        else:
            QTimer.singleShot(int(delay_s * 1000), close)

    QTimer.singleShot(0, start)
    app.exec()
    print("RESULT " + json.dumps(result), flush=True)


def run_one(scenario: str, data: Path, other: Path, seed: int, timeout: float) -> dict:
    delay = random.Random(seed).uniform(0.0, 1.0)
    marker = "multiprocessing"  # spawn children's command lines hold "from multiprocessing.spawn import"
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        scenario,
        str(data),
        str(other),
        f"{delay}",
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, cwd=ROOT
    )
    out = {"scenario": scenario, "seed": seed, "hang": False, "crash": False}
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        out["hang"] = True
        os.killpg(proc.pid, 9)
        stdout, stderr = proc.communicate()
    line = next((ln for ln in stdout.splitlines() if ln.startswith("RESULT ")), None)
    res = json.loads(line[len("RESULT ") :]) if line else {}
    out.update(res)
    fatal = "Fatal Python error" in stderr or "Destroyed while thread" in stderr
    out["returncode"] = proc.returncode
    out["exit_without_a_thread"] = "did not stop in time" in stderr  # the runner's exit guard was needed
    out["crash"] = not out["hang"] and (proc.returncode != 0 or fatal or line is None)
    if out["crash"]:
        out["stderr_tail"] = stderr.strip().splitlines()[-3:]
    seen = set(res.get("helpers_before_close", [])) | set(res.get("os_children_after_close", []))
    out["left_after_exit"] = [p for p in seen if _alive(p, marker)]
    for p in out["left_after_exit"]:  # do not leave them to the next run
        try:
            os.kill(p, 9)
        except OSError:
            pass
    return out


def summary(runs: list[dict]) -> dict:
    closes = [r["close_s"] for r in runs if "close_s" in r]
    return {
        "runs": len(runs),
        "crashes": sum(r["crash"] for r in runs),
        "hangs": sum(r["hang"] for r in runs),
        "helpers_left_after_close": sum(len(r.get("helpers_after_close", [])) for r in runs),
        "helpers_left_after_exit": sum(len(r["left_after_exit"]) for r in runs),
        "close_max_s": round(max(closes), 3) if closes else None,
        "close_median_s": round(statistics.median(closes), 3) if closes else None,
        "closes_over_2s": sum(c > CLOSE_TARGET_S for c in closes),
        "states_at_close": {
            s: sum(r.get("state_at_close") == s for r in runs)
            for s in sorted({r.get("state_at_close", "?") for r in runs})
        },
        "runs_with_helpers_at_close": sum(bool(r.get("helpers_before_close")) for r in runs),
        "exits_past_a_running_job": sum(r.get("exit_without_a_thread", False) for r in runs),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=50, help="runs of each scenario (default 50)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as a hang")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scenarios", default="open-train,train-10k")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    from engine import generate_drawings, write_ndjson
    from gui import resources

    tmp = Path(tempfile.mkdtemp(prefix="shapelab-soak-data-"))
    five_mb, ten_k = tmp / "five-mb.ndjson", tmp / "ten-k.ndjson"
    t0 = time.perf_counter()
    write_ndjson(five_mb, generate_drawings(1000, seed=11))  # 4,000 drawings: about 5 MB
    write_ndjson(ten_k, generate_drawings(2500, seed=13))
    print(
        f"data: {five_mb.stat().st_size / 1e6:.1f} MB, 10,000 drawings {ten_k.stat().st_size / 1e6:.1f} MB "
        f"(made in {time.perf_counter() - t0:.0f} s); load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    starter = Path(resources.STARTER_PATH)
    results = {}
    for scenario in args.scenarios.split(","):
        data = five_mb if scenario == "open-train" else ten_k
        runs = []
        for k in range(args.runs):
            r = run_one(scenario, data, starter, args.seed * 1000 + k, args.timeout)
            runs.append(r)
            flag = " CRASH" if r["crash"] else " HANG" if r["hang"] else ""
            print(
                f"  {scenario} {k + 1}/{args.runs}: close {r.get('close_s', float('nan')):.3f} s "
                f"at {r.get('state_at_close', '?')}, delay {r.get('delay_s', '?')} s, helpers after close "
                f"{len(r.get('helpers_after_close', []))}, after exit {len(r['left_after_exit'])}{flag}"
                + (f" {r.get('stderr_tail')}" if r["crash"] else ""),
                flush=True,
            )
        results[scenario] = summary(runs)
    results["load_after"] = round(os.getloadavg()[0], 2)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for scenario, s in results.items():
            if scenario == "load_after":
                continue
            left_close, left_exit = s["helpers_left_after_close"], s["helpers_left_after_exit"]
            print(
                f"{scenario}: {s['runs']} runs, {s['crashes']} crashes, {s['hangs']} hangs, helper processes"
                f" left {left_close} after close / {left_exit} after exit, "
                f"close max {s['close_max_s']} s, median {s['close_median_s']} s, over 2 s: "
                f"{s['closes_over_2s']}; state at close {s['states_at_close']}; runs with a helper process "
                f"at close {s['runs_with_helpers_at_close']}; exits past a job that did not stop "
                f"{s['exits_past_a_running_job']}"
            )
        print(f"load average after: {results['load_after']}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), float(sys.argv[5]))
    else:
        main()
