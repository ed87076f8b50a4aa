"""Take the Korean screenshots of docs/ (offscreen): the main window after a short run, and one lesson.

    python docs/korean_screenshots.py --main docs/korean-main.png --lesson docs/korean-lesson.png

A throw-away data folder whose settings say View › Language › 한국어, the built-in starter set, a triangle
drawn with real mouse events, --train-steps mini-batches of the default model; then View › Lessons…, the
first lesson at its "your drawing" step. The machine needs a font with Hangul (Debian: fonts-nanum or
fonts-noto-cjk) or the text comes out as boxes; ShapeLab itself does not depend on one.
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
    ap.add_argument("--screen", default="1600x900", help="the simulated screen, WIDTHxHEIGHT")
    ap.add_argument("--train-steps", type=int, default=150, help="mini-batches to train before the shots")
    ap.add_argument("--lesson-step", type=int, default=3, help="the corner lesson's step to shoot (0-based)")
    ap.add_argument("--main", required=True, help="the main window's PNG")
    ap.add_argument("--lesson", required=True, help="the lesson's PNG")
    args = ap.parse_args()
    sw, sh = (int(v) for v in args.screen.split("x"))
    config = Path(tempfile.mkdtemp(prefix="shapelab-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": sw, "height": sh,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

    from PySide6.QtCore import QEventLoop, QPoint, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])  # noqa: F841 (kept alive until the end)
    import gui.app
    from gui.i18n import LANGUAGE_KEY

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    data_dir = Path(tempfile.mkdtemp(prefix="shapelab-shots-"))
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "ko")  # as View › Language › 한국어 leaves it, before a start
    settings.sync()
    window = gui.app.create_main_window(data_dir)
    assert window.translation.language == "ko"
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
    window.training_panel.epochs.setValue(3)
    window.train()

    def steps() -> int:  # the run's plot appears once training has prepared its data
        return len(window.plots.series("loss_step")[0]) if window.plots.run_labels else 0

    waited = 0
    while waited < 90000 and steps() < args.train_steps:
        window.plots.flush()
        wait(250)
        waited += 250
    window.controller.stop()
    while window.controller.is_active():
        wait(100)
    wait(800)
    window.grab().save(args.main)
    print(f"{args.main}: {window.width()}×{window.height()}, {steps()} steps")

    window.side_windows.show_lessons()
    lessons_window = window.side_windows.lessons_window
    lessons_window.resize(1280, 800)
    view = window.side_windows.lessons
    view.setCurrentIndex(0)
    view.lessons[0].set_step(args.lesson_step)
    wait(2500)  # the lesson's own computations (the CNN column) run in the background
    lessons_window.grab().save(args.lesson)
    print(f"{args.lesson}: {lessons_window.width()}×{lessons_window.height()}, step {args.lesson_step + 1}")
    lessons_window.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
