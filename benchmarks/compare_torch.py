"""Times ShapeLab's NumPy engine and PyTorch CPU on the same training step, each in its own process.

    python benchmarks/compare_torch.py [--rounds 3] [--repeats 300] [--threads 1]

Runs `engine.bench.measure_speed` and `benchmarks/torch_reference.py` one after the other (never at
the same time), `--rounds` times each, alternating, and prints both JSON results and the ratios
(ours / torch) of the median and of the best train-step time over the rounds. `--threads N` (default
1, as main.py sets OpenBLAS for the app) sets OMP_NUM_THREADS and OPENBLAS_NUM_THREADS to N for both
processes; `--threads 0` leaves each library its own default. Every other environment variable (e.g.
OPENBLAS_CORETYPE) is passed to both unchanged. torch must be installed (`pip install torch`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OURS = ("import json, sys; from engine.bench import measure_speed; "
        "print(json.dumps(measure_speed(repeats=int(sys.argv[1]))))")


def run(cmd: list[str], env: dict) -> dict:
    out = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=300)
    ap.add_argument("--threads", type=int, default=1, help="threads for both (0: each library's default)")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.threads:
        env["OMP_NUM_THREADS"] = env["OPENBLAS_NUM_THREADS"] = str(args.threads)
    ours, theirs = [], []
    for _ in range(args.rounds):
        ours.append(run([sys.executable, "-c", OURS, str(args.repeats)], env))
        theirs.append(run([sys.executable, str(ROOT / "benchmarks" / "torch_reference.py"),
                           "--repeats", str(args.repeats)], env))
    for label, results in (("shapelab (numpy)", ours), ("torch", theirs)):
        print(f"{label}:")
        for r in results:
            print("  " + json.dumps(r))

    def best(results, key):
        return min(r[key] for r in results)

    keys = ("train_step_ms", "train_step_min_ms", "infer_ms", "infer_min_ms")
    summary: dict = {k: {"ours": best(ours, k), "torch": best(theirs, k)} for k in keys}
    for k in keys:
        v = summary[k]
        v["ratio"] = round(v["ours"] / v["torch"], 3)
    summary["environment"] = {k: env.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                                            "MKL_NUM_THREADS", "OPENBLAS_CORETYPE")}
    summary["rounds"], summary["repeats"] = args.rounds, args.repeats
    print("summary (best over rounds; ratio = ours / torch):")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
