"""Kill -9 a process while it edits a dataset file, many times, and check nothing confirmed is lost.

A child process opens a DrawingStore and does appends and rewrites (delete, relabel, replace_all) as
fast as it can; after each operation returns it reports it on its stdout (a pipe: what was written there
survives the kill). The parent kills it at a random moment, reopens the file with DrawingStore (which
cuts off a torn tail and removes leftover temporary files) and checks:

- every drawing whose append was confirmed is there, unless a confirmed delete removed it;
- no drawing is there twice; no confirmed delete came back; confirmed relabels hold;
- no temporary file is left beside the dataset after the open; no damaged line but a cut-off torn tail.

    python benchmarks/crash_durability.py [--kills 200] [--seed 1] [--start 1000] [--only store|app|two]

Three parts, each with its own figures:
- `store`: the engine's DrawingStore (appends, deletes, relabels, replace_alls), killed --kills times;
- `app`: the app's DatasetState (adds, deletes, relabels, undo of the last edit, imports merged from
  files without exact duplicates, and the model autosave beside the dataset), killed --kills times; each
  edit counts as confirmed once `flush()` returned. After each kill the next start (a DatasetState opening
  the file, the autosave restored) must leave no temporary file, and the autosaved model must load;
- `two`: two processes with a DatasetState each on one file: first --ops interleaved adds and deletes
  without kills (0 drawings lost, 0 deletes undone, both views equal to the file at the end), then the
  two killed at random moments --kills // 4 times.
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


def app_child(path: str, seed: int, generation: int, folder: str) -> None:
    """Edit the dataset at `path` through DatasetState until killed; one line per confirmed edit."""
    import numpy as np

    from engine import Drawing, generate_drawing, write_ndjson
    from gui.core.autosave import autosave, autosave_path
    from gui.core.dataset import DatasetState, read_many
    from gui.core.model_state import ModelState

    rng = random.Random(seed)
    shapes = np.random.default_rng(seed)
    st = DatasetState(folder, None)
    st.open(path)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    model_state = ModelState()
    model_state.ensure(["square", "circle", "triangle"], "tiny", seed % 1000)
    model = model_state.model
    i = 0
    last_delete: list[str] | None = None

    def new(key: str) -> Drawing:
        d = generate_drawing(rng.choice(["square", "circle", "triangle"]), shapes)
        return Drawing(d.strokes, d.label, {"key_id": key})

    def say(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    while True:
        op = rng.random()
        n = len(st)
        if op < 0.45 or n < 10:
            key = f"g{generation}-{i}"
            i += 1
            d = new(key)
            st.add_drawing(d.strokes, d.label, extra={"key_id": key})  # on disk when it returns
            say(f"A {key}")
        elif op < 0.6:
            k = rng.randrange(n)
            key = st.drawing(k).extra.get("key_id")
            say(f"? D {key}")
            st.delete([k])
            st.flush()
            last_delete = [key]
            say(f"D {key}")
        elif (op < 0.75 or rng.random() < 0.5) and last_delete and st.undo_text().startswith("delete"):
            say(f"? U {last_delete[0]}")
            st.undo()
            st.flush()
            say(f"U {last_delete[0]}")
            last_delete = None
        elif op < 0.8:
            last_delete = None
            k = rng.randrange(n)
            key = st.drawing(k).extra.get("key_id")
            label = rng.choice(["square", "circle", "triangle"])
            say(f"? R {key}")
            st.relabel([k], label)
            st.flush()
            say(f"R {key} {label}")
        elif op < 0.92:  # import: two files with an overlap, merged without exact duplicates
            keys = [f"g{generation}-{i + j}" for j in range(4)]
            i += 4
            batch = [new(k) for k in keys]
            a, b = Path(folder) / "import-a.ndjson.in", Path(folder) / "import-b.ndjson.in"
            write_ndjson(a, batch[:3])
            write_ndjson(b, batch[1:])
            added, report = read_many([a, b], already=st.drawings)
            assert report.duplicates == 2 and len(added) == 4
            say("? I " + " ".join(keys))
            st.add_drawings(added)
            st.flush()
            say("I " + " ".join(keys))
        else:
            model.set_weights({k: v + 0.001 for k, v in model.weights().items()})
            model_state.steps = generation * 1000 + i
            autosave(autosave_path(folder, path), model_state, drawings=st.drawings, dataset=path)
            say("M")


def two_child(path: str, seed: int, name: str, ops: int, folder: str) -> None:
    """One of two instances: `ops` interleaved adds and deletes (0: until killed); one line per confirmed
    edit; at the end, after syncing, the keys it shows."""
    import numpy as np

    from engine import generate_drawing
    from gui.core.dataset import DatasetState

    rng = random.Random(seed)
    shapes = np.random.default_rng(seed)
    st = DatasetState(folder, None)
    st.open(path)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    k = 0
    while ops == 0 or k < ops:
        st.poll_disk()
        if rng.random() < 0.65 or len(st) < 4:
            key = f"{name}-{k}"
            d = generate_drawing(rng.choice(["square", "circle"]), shapes)
            st.add_drawing(d.strokes, d.label, extra={"key_id": key})
            out.write(f"A {key}\n")
        else:
            i = rng.randrange(len(st))
            key = st.drawing(i).extra.get("key_id")
            out.write(f"? D {key}\n")
            out.flush()
            st.delete([i])
            st.flush()
            out.write(f"D {key}\n")
        out.flush()
        k += 1
        time.sleep(rng.uniform(0, 0.004))
    Path(folder, f"{name}.done").touch()  # wait for the other instance, then show the file as it is
    deadline = time.monotonic() + 60
    while len(list(Path(folder).glob("*.done"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    st.sync_with_disk()
    out.write("VIEW " + " ".join(sorted(str(d.extra.get("key_id")) for d in st.drawings)) + "\n")
    out.flush()


def seed_file(path: Path, count: int) -> None:
    from engine import Drawing, generate_drawings, write_ndjson

    drawings = generate_drawings(max(1, count // 4), seed=7)[:count]
    write_ndjson(path, [Drawing(d.strokes, d.label, {"key_id": f"s-{j}"}) for j, d in enumerate(drawings)])


TEMP = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp(\.[A-Za-z0-9]+)?")


def _leftover_temps(folder: Path) -> list[str]:
    """Temporary files of the app's own files (the benchmark's import inputs are not the app's)."""
    return [n for n in os.listdir(folder) if TEMP.fullmatch(n) and ".in." not in n]


def _spawn(*args: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "READY\n"
    return proc


def _collect(proc: subprocess.Popen, kill: bool) -> tuple[list[str], bool]:
    if kill:
        proc.kill()
    reports = proc.stdout.read().splitlines()
    code = proc.wait()
    proc.stdout.close()
    return reports, (code == -9 if kill else code == 0)


class Ledger:
    """What the children confirmed: key -> label it must have (None: any), and confirmed deletes."""

    def __init__(self, present: dict[str, str | None]):
        self.present = present
        self.deleted: set[str] = set()
        self.totals = Counter()

    def read(self, reports: list[str]) -> set[str]:
        """Apply one child's confirmed edits; returns the keys of its edit in flight when it died."""
        in_flight: set[str] = set()
        names = {"A": "adds", "D": "deletes", "R": "relabels", "U": "undos", "I": "imports", "M": "autosaves",
                 "X": "replace_alls"}
        for line in reports:
            kind, *rest = line.split(" ")
            if kind == "?":
                in_flight = set(rest[1:])
                continue
            if kind == "VIEW":
                continue
            in_flight = set()
            self.totals[names[kind]] += 1
            if kind in ("A", "I"):
                for key in rest:
                    self.present[key] = None
            elif kind == "U":
                self.present[rest[0]] = None
                self.deleted.discard(rest[0])
            elif kind in ("D", "X"):
                self.present.pop(rest[0], None)
                self.deleted.add(rest[0])
            elif kind == "R":
                self.present[rest[0]] = rest[1]
        return in_flight

    def read_together(self, reports: list[list[str]]) -> set[str]:
        """Two instances' reports: their order relative to each other is unknown, but a drawing is always
        added before anyone deletes it, so every add is applied first, then every delete."""
        in_flight: set[str] = set()
        adds = [[line for line in r if line.startswith("A ")] for r in reports]
        rest = [[line for line in r if not line.startswith("A ")] for r in reports]
        for lines in adds:
            self.read(lines)
        for lines in rest:
            in_flight |= self.read(lines)
        return in_flight

    def check(self, drawings, uncertain: set[str]) -> None:
        keys = Counter(d.extra.get("key_id") for d in drawings)
        labels = {d.extra.get("key_id"): d.label for d in drawings}
        must = {k: v for k, v in self.present.items() if k not in uncertain}
        t = self.totals
        t["confirmed drawings lost"] += sum(1 for k in must if k not in keys)
        t["duplicates"] += sum(c - 1 for c in keys.values() if c > 1)
        t["confirmed deletes undone"] += sum(1 for k in self.deleted - uncertain if k in keys)
        t["confirmed relabels lost"] += sum(1 for k, lab in must.items()
                                            if lab is not None and k in labels and labels[k] != lab)
        # the file is the truth for the next round (unconfirmed edits may or may not have happened)
        self.present = {k: labels[k] for k in keys}
        self.deleted -= set(keys)


def run_store(args, rng: random.Random) -> tuple[dict, bool]:
    from engine import DrawingStore

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
        present = {k: labels[k] for k in keys}
        deleted -= set(keys)
    totals["seconds"] = round(time.perf_counter() - t0, 1)
    totals["drawings in the file at the end"] = len(DrawingStore(path))
    _remove(folder)
    bad = ("child failures", "confirmed drawings lost", "duplicates", "confirmed deletes undone",
           "confirmed relabels lost", "temp files left after the next open", "other damaged lines")
    return dict(totals), not any(totals[b] for b in bad)


def _next_start(folder: Path, path: Path, totals: Counter):
    """What the app does at its next start: open the dataset, restore the autosaved model."""
    from gui.core.autosave import autosave_path, restore
    from gui.core.dataset import DatasetState

    st = DatasetState(folder, None)
    problems = st.open(path)
    torn = [p for p in problems if "torn last line" in p.message]
    totals["torn tails cut off at open"] += len(torn)
    totals["other damaged lines"] += len(problems) - len(torn)
    try:
        restored = restore(autosave_path(folder, path))
        totals["autosaved models restored"] += restored is not None
    except Exception:  # noqa: BLE001 - counted, the figure must be 0
        totals["autosaved models unreadable"] += 1
    totals["temp files left after the next start"] += len(_leftover_temps(folder))
    return st


def run_app(args, rng: random.Random) -> tuple[dict, bool]:
    folder = Path(tempfile.mkdtemp(prefix="shapelab-crash-app-"))
    path = folder / "my-drawings.ndjson"
    seed_file(path, args.start)
    st = _next_start(folder, path, Counter())
    ledger = Ledger({d.extra["key_id"]: d.label for d in st.drawings})
    t0 = time.perf_counter()
    for generation in range(args.kills):
        proc = _spawn("--app-child", str(path), str(rng.randrange(10**9)), str(generation), str(folder))
        time.sleep(rng.uniform(0.005, 1.5))
        reports, ok = _collect(proc, kill=True)
        ledger.totals["kills"] += ok
        ledger.totals["child failures"] += not ok
        uncertain = ledger.read(reports)
        ledger.totals["kills leaving a temp file"] += bool(_leftover_temps(folder))
        st = _next_start(folder, path, ledger.totals)
        ledger.check(st.drawings, uncertain)
    t = ledger.totals
    t["seconds"] = round(time.perf_counter() - t0, 1)
    t["drawings in the file at the end"] = len(st)
    _remove(folder)
    bad = ("child failures", "confirmed drawings lost", "duplicates", "confirmed deletes undone",
           "confirmed relabels lost", "temp files left after the next start", "other damaged lines",
           "autosaved models unreadable")
    return dict(t), not any(t[b] for b in bad)


def run_two(args, rng: random.Random) -> tuple[dict, bool]:
    folder = Path(tempfile.mkdtemp(prefix="shapelab-crash-two-"))
    path = folder / "my-drawings.ndjson"
    seed_file(path, 20)
    ledger = Ledger({f"s-{j}": None for j in range(20)})
    t0 = time.perf_counter()
    # 1. two instances, interleaved adds and deletes, no kills
    procs = [_spawn("--two-child", str(path), str(rng.randrange(10**9)), name, str(args.ops), str(folder))
             for name in ("a", "b")]
    views, all_reports = [], []
    for proc in procs:
        reports, ok = _collect(proc, kill=False)
        ledger.totals["child failures"] += not ok
        all_reports.append(reports)
        views.append([line for line in reports if line.startswith("VIEW")])
    ledger.read_together(all_reports)
    for done in folder.glob("*.done"):
        done.unlink()
    st = _next_start(folder, path, ledger.totals)
    on_disk = sorted(str(d.extra.get("key_id")) for d in st.drawings)
    ledger.totals["views differing from the file"] += sum(
        1 for v in views if not v or v[-1] != "VIEW " + " ".join(on_disk))
    ledger.check(st.drawings, set())
    t = ledger.totals
    first = {k: t[k] for k in ("adds", "deletes", "confirmed drawings lost", "confirmed deletes undone",
                               "duplicates", "views differing from the file")}
    # 2. both killed at random moments
    for generation in range(max(1, args.kills // 4)):
        procs = [_spawn("--two-child", str(path), str(rng.randrange(10**9)), f"{name}{generation}", "0",
                        str(folder)) for name in ("a", "b")]
        all_reports = []
        for proc in procs:
            time.sleep(rng.uniform(0.005, 0.4))
            reports, ok = _collect(proc, kill=True)
            t["kills"] += ok
            t["child failures"] += not ok
            all_reports.append(reports)
        uncertain = ledger.read_together(all_reports)
        st = _next_start(folder, path, t)
        ledger.check(st.drawings, uncertain)
    t["seconds"] = round(time.perf_counter() - t0, 1)
    t["drawings in the file at the end"] = len(st)
    _remove(folder)
    bad = ("child failures", "confirmed drawings lost", "duplicates", "confirmed deletes undone",
           "temp files left after the next start", "other damaged lines", "views differing from the file")
    return {"without kills": first, "all": dict(t)}, not any(t[b] for b in bad)


def _remove(folder: Path) -> None:
    for name in os.listdir(folder):
        os.unlink(folder / name)
    os.rmdir(folder)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=200, help="kills in the store part and in the app part")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=1000, help="drawings in the file at the start")
    ap.add_argument("--ops", type=int, default=100, help="edits of each of the two instances (part two)")
    ap.add_argument("--only", choices=("store", "app", "two"), help="run one part only")
    ap.add_argument("--child", nargs=3, metavar=("PATH", "SEED", "GEN"), help=argparse.SUPPRESS)
    ap.add_argument("--app-child", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--two-child", nargs=5, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return 0
    if args.app_child:
        p, seed, gen, folder = args.app_child
        app_child(p, int(seed), int(gen), folder)
        return 0
    if args.two_child:
        p, seed, name, ops, folder = args.two_child
        two_child(p, int(seed), name, int(ops), folder)
        return 0
    rng = random.Random(args.seed)
    figures, ok = {}, True
    for part, run in (("store", run_store), ("app", run_app), ("two", run_two)):
        if args.only in (None, part):
            figures[part], good = run(args, rng)
            ok &= good
            print(json.dumps({part: figures[part]}, indent=1), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
