"""Run the whole test suite K times in a row from a fresh clone of this repository and count the outcomes
(issue 12's acceptance: 10 runs, no crash and no failure). Not part of `.ci/run`.

The clone is made once (`git clone` of this repository's committed HEAD into a temporary folder: local
changes that are not committed are not in it). Each run is a fresh `python -m pytest -q` process in the
clone. By default the interpreter running this script is used with the clone first on `PYTHONPATH` (so the
clone's code is what is imported); `--venv` instead makes a virtual environment in the clone and installs
it as the README's Quick start does (`pip install -e '.[test]'`, needs the package index).

Prints one line per run (exit status, pytest's summary, seconds, load average) and then: passes (exit 0),
failures (exit 1: tests failed; their ids are listed), crashes (killed by a signal, a "Fatal Python error",
or any other exit status) and hangs (no end within --timeout s).

    python benchmarks/suite_repeat.py [-k 10] [--timeout 1800] [--venv] [--keep] [--logs DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_clone(venv: bool) -> tuple[Path, list[str], dict]:
    """A fresh clone and how to run pytest in it: (folder, command, environment)."""
    where = Path(tempfile.mkdtemp(prefix="shapelab-suite-"))
    clone = where / "shapelab"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    head = subprocess.run(
        ["git", "-C", str(clone), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    print(f"fresh clone of {ROOT} at {head.stdout.strip()} in {clone}", flush=True)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if venv:
        subprocess.run([sys.executable, "-m", "venv", str(clone / ".venv")], check=True)
        py = str(clone / ".venv" / "bin" / "python")
        subprocess.run([py, "-m", "pip", "install", "-q", "-e", ".[test]"], check=True, cwd=clone)
    else:
        py = sys.executable
        env["PYTHONPATH"] = str(clone)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return clone, [py, "-m", "pytest", "-q", "-p", "no:cacheprovider"], env


def run_once(clone: Path, cmd: list[str], env: dict, timeout: float) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
        hang = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, _ = proc.communicate()
        hang = True
    seconds = time.perf_counter() - t0
    lines = out.strip().splitlines()
    summary = next((ln for ln in reversed(lines) if re.search(r"\d+ (passed|failed|errors?)\b", ln)), "")
    failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", out, flags=re.MULTILINE)
    rc = proc.returncode
    fatal = "Fatal Python error" in out
    if hang:
        outcome = "hang"
    elif rc == 0 and not fatal:
        outcome = "pass"
    elif rc == 1 and not fatal:
        outcome = "failure"
    else:
        outcome = "crash"
    tail = lines[-4:] if outcome == "crash" else []
    return {
        "outcome": outcome,
        "rc": rc,
        "summary": summary.strip("= "),
        "failed": failed,
        "s": seconds,
        "tail": tail,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-k", "--runs", type=int, default=10, help="how many times (default 10)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds before a run counts as a hang")
    ap.add_argument("--venv", action="store_true", help="install a virtual environment in the clone")
    ap.add_argument("--keep", action="store_true", help="keep the clone afterwards")
    ap.add_argument("--logs", default="", help="write each run's pytest output to this folder")
    args = ap.parse_args()

    clone, cmd, env = make_clone(args.venv)
    results = []
    try:
        for k in range(args.runs):
            r = run_once(clone, cmd, env, args.timeout)
            results.append(r)
            if args.logs:
                Path(args.logs).mkdir(parents=True, exist_ok=True)
                (Path(args.logs) / f"run-{k + 1}.log").write_text(r["output"])
            print(
                f"run {k + 1}/{args.runs}: {r['outcome']} (exit {r['rc']}) {r['summary']} in {r['s']:.0f} s, "
                f"load {os.getloadavg()[0]:.1f}" + (f"; {r['tail']}" if r["tail"] else ""),
                flush=True,
            )
            for test in r["failed"]:
                print(f"    {test}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(clone.parent, ignore_errors=True)
    counts = Counter(r["outcome"] for r in results)
    print(
        f"{len(results)} runs: {counts['pass']} passed, {counts['failure']} with failures, "
        f"{counts['crash']} crashed, {counts['hang']} hung"
    )
    failing = Counter(t for r in results for t in r["failed"])
    for test, n in failing.most_common():
        print(f"  {n}x {test}")


if __name__ == "__main__":
    main()
