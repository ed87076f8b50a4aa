"""Kill -9 a process while it edits a dataset file, many times, and check nothing confirmed is lost.

A child process opens a DrawingStore and does appends and rewrites (delete, relabel, replace_all) as
fast as it can; after each operation returns it reports it on its stdout (a pipe: what was written there
survives the kill). The parent kills it at a random moment, reopens the file with DrawingStore (which
cuts off a torn tail and removes leftover temporary files) and checks:

- every drawing whose append was confirmed is there, unless a confirmed delete removed it;
- no drawing is there twice; no confirmed delete came back; confirmed relabels hold;
- no temporary file is left beside the dataset after the open; no damaged line but a cut-off torn tail.

    python benchmarks/crash_durability.py [--kills 200] [--seed 1] [--start 1000]

Prints the figures (engine level; the app's undo/merge/autosave are not exercised here).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def child(path: str, seed: int, generation: int) -> None:
    """Edit the store at `path` until killed; one line on stdout per confirmed operation."""
    import numpy as np

    from engine import Drawing, DrawingStore, generate_drawing

    rng = random.Random(seed)
    shapes = np.random.default_rng(seed)
    store = DrawingStore(path)
    out = sys.stdout
    out.write("READY\n")
    out.flush()

    def intend(line: str) -> None:  # an operation about to start: its key's fate is open if it is killed
        out.write(f"? {line}\n")
        out.flush()

    i = 0
    while True:
        op = rng.random()
        n = len(store)
        if op < 0.6 or n < 10:
            key = f"g{generation}-{i}"
            i += 1
            d = generate_drawing(rng.choice(["square", "circle", "triangle"]), shapes)
            store.append(Drawing(d.strokes, d.label, {"key_id": key}))
            out.write(f"A {key}\n")
        elif op < 0.75:
            k = rng.randrange(n)
            key = store.drawings[k].extra.get("key_id")
            intend(f"D {key}")
            store.delete([k])
            out.write(f"D {key}\n")
        elif op < 0.9:
            k = rng.randrange(n)
            key = store.drawings[k].extra.get("key_id")
            label = f"relabel{rng.randrange(1000)}"
            intend(f"R {key}")
            store.relabel([k], label)
            out.write(f"R {key} {label}\n")
        else:
            drawings = store.drawings
            k = rng.randrange(n)
            key = drawings[k].extra.get("key_id")
            intend(f"X {key}")
            store.replace_all(drawings[:k] + drawings[k + 1:])
            out.write(f"X {key}\n")
        out.flush()


def seed_file(path: Path, count: int) -> None:
    from engine import Drawing, generate_drawings, write_ndjson

    drawings = generate_drawings(max(1, count // 4), seed=7)[:count]
    write_ndjson(path, [Drawing(d.strokes, d.label, {"key_id": f"s-{j}"}) for j, d in enumerate(drawings)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=1000, help="drawings in the file at the start")
    ap.add_argument("--child", nargs=3, metavar=("PATH", "SEED", "GEN"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return 0

    from engine import DrawingStore

    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="shapelab-crash-"))
    path = folder / "data.ndjson"
    seed_file(path, args.start)
    temp_name = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    present = {d.extra["key_id"]: d.label for d in DrawingStore(path).drawings}  # key -> label
    deleted: set[str] = set()
    totals = Counter()
    t0 = time.perf_counter()
    for generation in range(args.kills):
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(path), str(rng.randrange(10**9)),
                                 str(generation)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline() == "READY\n"
        time.sleep(rng.uniform(0.005, 0.6))
        proc.kill()
        reports = proc.stdout.read().splitlines()
        totals["kills"] += proc.wait() == -9
        totals["child failures"] += proc.returncode != -9
        proc.stdout.close()
        # what the child confirmed
        must_have: dict[str, str | None] = {}  # key -> label it must have (None: any)
        in_flight = None
        for line in reports:
            kind, key, *rest = line.split(" ")
            if kind == "?":
                in_flight = rest[0]
                continue
            in_flight = None
            totals[{"A": "appends", "D": "deletes", "R": "relabels", "X": "replace_alls"}[kind]] += 1
            if kind == "A":
                present[key] = None
            elif kind in "DX":
                present.pop(key, None)
                deleted.add(key)
            elif kind == "R":
                present[key] = rest[0]
        must_have.update(present)
        if in_flight is not None:  # killed during this rewrite: either outcome is right
            must_have.pop(in_flight, None)
            deleted.discard(in_flight)
        temps_before = [n for n in os.listdir(folder) if temp_name.fullmatch(n)]
        totals["kills leaving a temp file"] += bool(temps_before)
        store = DrawingStore(path)
        temps_after = [n for n in os.listdir(folder) if temp_name.fullmatch(n)]
        totals["temp files left after the next open"] += len(temps_after)
        torn = [p for p in store.problems if "torn last line" in p.message]
        totals["torn tails cut off at open"] += len(torn)
        totals["other damaged lines"] += len(store.problems) - len(torn)
        keys = Counter(d.extra.get("key_id") for d in store.drawings)
        labels = {d.extra.get("key_id"): d.label for d in store.drawings}
        totals["confirmed drawings lost"] += sum(1 for k in must_have if k not in keys)
        totals["duplicates"] += sum(c - 1 for c in keys.values() if c > 1)
        totals["confirmed deletes undone"] += sum(1 for k in deleted if k in keys)
        totals["confirmed relabels lost"] += sum(1 for k, lab in must_have.items()
                                                 if lab is not None and k in labels and labels[k] != lab)
        # what the file holds now is the truth for the next round (unconfirmed operations may or may not
        # have happened)
        present = {k: labels[k] for k in keys}
        deleted -= set(keys)
    elapsed = time.perf_counter() - t0
    totals["drawings in the file at the end"] = len(DrawingStore(path))
    print(json.dumps({"seconds": round(elapsed, 1), **totals}, indent=1))
    for name in os.listdir(folder):
        os.unlink(folder / name)
    os.rmdir(folder)
    bad = ("child failures", "confirmed drawings lost", "duplicates", "confirmed deletes undone",
           "confirmed relabels lost", "temp files left after the next open", "other damaged lines")
    return 1 if any(totals[b] for b in bad) else 0


if __name__ == "__main__":
    sys.exit(main())
