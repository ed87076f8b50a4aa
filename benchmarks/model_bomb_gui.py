"""A zip bomb opened as a model in the window: how long the GUI thread is held, and the memory it takes.

Writes a 4.2 MB .npz of 16 members that inflate to 255 MiB of zeros each (4 GiB in all; each member under
the per-member limit, so only the declared total of parameters gives it away), then opens it with
Model › Open (`MainWindow.open_model`) in the app's window (offscreen). The model reader checks the
members' declared sizes against engine.limits before inflating anything, so the open is refused with a
message naming the file. Printed: the file size, the time open_model held the GUI thread, the largest gap
of a 5 ms timer around it, the process's peak memory before and after, and the message. Issue 15's
finding before the checks: 4.1 GB and a 32 s freeze.

    python benchmarks/model_bomb_gui.py [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import main as _app_main  # noqa: E402, F401  (sets up the process as the app does)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def zip_bomb(path: Path, members: int = 16, mib: int = 255) -> Path:
    """`members` float32 members "k.weight.npy" of `mib` MiB of zeros each, deflated (~1 MB per GiB)."""
    import numpy as np

    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f4", "fortran_order": False, "shape": (mib * 2**20 // 4,)})
    zeros = bytes(2**20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k in range(members):
            with z.open(f"{k}.weight.npy", "w", force_zip64=True) as m:
                m.write(header.getvalue())
                for _ in range(mib):
                    m.write(zeros)
    return path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run() -> dict:
    from _gui_probe import bench_window, probe_timer, wait
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([sys.argv[0]])

    window, tmp = bench_window("shapelab-bomb-bench-")
    bomb = zip_bomb(tmp / "bomb.npz")
    said: list[str] = []
    window.messages.error = lambda title, text: said.append(f"{title}: {text}")
    wait(300)
    ticks: list[float] = []
    probe = probe_timer(ticks)
    probe.start()
    wait(200)
    before = peak_mb()
    start = time.perf_counter()
    opened = window.open_model(str(bomb))
    held = time.perf_counter() - start
    wait(200)
    probe.stop()
    inside = [t for t in ticks if t >= start - 0.05]
    gaps = [1000 * (b - a) for a, b in zip(inside, inside[1:], strict=False)]
    result = {"file_mb": bomb.stat().st_size / 1e6, "opened": opened, "gui_thread_held_ms": 1000 * held,
              "max_stall_ms": max(gaps) if gaps else float("nan"), "peak_mb_before": before,
              "peak_mb_after": peak_mb(), "message": said[0] if said else "", "load": os.getloadavg()}
    window.close()
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = run()
    if args.json:
        print(json.dumps(r))
        return 0
    print(f"zip bomb {r['file_mb']:.1f} MB (16 members inflating to 4 GiB); load "
          f"{', '.join(f'{x:.1f}' for x in r['load'])}")
    print(f"opened: {r['opened']}; GUI thread held {r['gui_thread_held_ms']:.0f} ms, largest stall "
          f"{r['max_stall_ms']:.0f} ms; peak memory {r['peak_mb_before']:.0f} -> {r['peak_mb_after']:.0f} MB")
    print(f"message: {r['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
