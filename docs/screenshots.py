"""Retake the README's screenshots of the main window (offscreen): idle with a drawing, and while training.

    python docs/screenshots.py [--size 1920x1080] [--train-ms 9000]

Writes docs/screenshot-idle.png and docs/screenshot-training.png. Uses a throw-away data folder and the
built-in starter set; draws a triangle with real mouse events, then presses Train.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--train-ms", type=int, default=9000, help="how long to train before the second shot")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    import gui.app

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    window = gui.app.create_main_window(tempfile.mkdtemp(prefix="shapelab-shots-"))
    window.resize(width, height)
    window.show()
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
    wait(500)
    out = ROOT / "docs"
    window.grab().save(str(out / "screenshot-idle.png"))
    window.training_panel.epochs.setValue(10)
    window.train()
    wait(args.train_ms)
    window.grab().save(str(out / "screenshot-training.png"))
    window.controller.stop()
    wait(300)
    window.close()
    app.quit()
    print(f"wrote {out / 'screenshot-idle.png'} and {out / 'screenshot-training.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
