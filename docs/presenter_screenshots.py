"""Take the presenter-mode and zoom screenshots of docs/ (offscreen, on a simulated screen).

    python docs/presenter_screenshots.py --screen 1920x1080 --out docs/presenter-1920x1080.png
    python docs/presenter_screenshots.py --screen 1024x768 --out docs/presenter-1024x768.png
    python docs/presenter_screenshots.py --screen 1920x1080 --zoom 1.5 \\
        --no-presenter --out docs/zoom-150.png

Each run uses a throw-away data folder and the built-in starter set: it draws a triangle with real mouse
events, trains the default model for --train-steps mini-batches, stops, and then (unless --no-presenter)
enters presenter mode (View › Presenter mode) before shooting. Qt's offscreen platform is given a screen of
--screen pixels through its configuration file, so full screen means that size.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screen", default="1920x1080", help="the simulated screen, WIDTHxHEIGHT")
    ap.add_argument("--window", default="", help="the window's size (default: as on a first start)")
    ap.add_argument("--zoom", type=float, default=1.0, help="View › Zoom factor (1.5 = 150 %%)")
    ap.add_argument("--train-steps", type=int, default=120, help="mini-batches to train before the shot")
    ap.add_argument("--no-presenter", action="store_true", help="shoot the ordinary window")
    ap.add_argument("--tab", default="", help="a dock to bring to the front first (feature_maps_dock)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    sw, sh = (int(v) for v in args.screen.split("x"))
    config = Path(tempfile.mkdtemp(prefix="shapelab-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": sw, "height": sh,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

    from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])  # noqa: F841 (kept alive until the end)
    import gui.app

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    window = gui.app.create_main_window(tempfile.mkdtemp(prefix="shapelab-shots-"))
    if args.window:
        window.resize(*(int(v) for v in args.window.split("x")))
    window.zoom.set_factor(args.zoom)
    window.show()
    wait(600)
    if not args.no_presenter:
        window.screen_modes.enter_presenter()
        wait(600)
    canvas = window.canvas
    cx, cy, r = canvas.width() / 2, canvas.height() / 2, min(canvas.width(), canvas.height()) * 0.3
    rng = np.random.default_rng(3)
    corners = [(cx - 0.1 * r, cy - r), (cx + 0.95 * r, cy + 0.8 * r), (cx - 0.9 * r, cy + 0.75 * r),
               (cx - 0.05 * r, cy - 0.95 * r)]
    points = [
        (x0 + (x1 - x0) * t + rng.normal(0, 0.8), y0 + (y1 - y0) * t + rng.normal(0, 0.8))
        for (x0, y0), (x1, y1) in zip(corners, corners[1:], strict=False)
        for t in np.linspace(0, 1, 25)
    ]
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(canvas, left, none, QPoint(*map(int, points[0])))
    for p in points[1:]:
        QTest.mouseMove(canvas, QPoint(*map(int, p)))
    QTest.mouseRelease(canvas, left, none, QPoint(*map(int, points[-1])))
    window.training_panel.epochs.setValue(3)
    window.train()
    waited = 0
    def steps() -> int:  # the run's plot appears once training has prepared its data
        return len(window.plots.series("loss_step")[0]) if window.plots.run_labels else 0

    while waited < 60000 and steps() < args.train_steps:
        window.plots.flush()
        wait(250)
        waited += 250
    window.controller.stop()
    while window.controller.is_active():
        wait(100)
    wait(800)
    if args.tab:
        getattr(window, args.tab).raise_()
        wait(300)
    window.grab().save(str(Path(args.out)))
    print(f"{args.out}: {window.width()}×{window.height()}, zoom {window.zoom.factor:g}, "
          f"presenter {window.screen_modes.presenting}")
    window.screen_modes.leave_presenter()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
