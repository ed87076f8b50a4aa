"""Take the Korean screenshots of docs/ (offscreen): the main window after a short run, and one lesson.

    python docs/korean_screenshots.py --main docs/korean-main.png --lesson docs/korean-lesson.png

A throw-away data folder whose settings say View › Language › 한국어, the built-in starter set, a triangle
drawn with real mouse events, --train-steps mini-batches of the default model; then View › Lessons…, the
first lesson at its "your drawing" step. The machine needs a font with Hangul (Debian: fonts-nanum or
fonts-noto-cjk) or the text comes out as boxes; ShapeLab itself does not depend on one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _shots import draw_triangle, simulated_screen, train_steps, wait


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screen", default="1600x900", help="the simulated screen, WIDTHxHEIGHT")
    ap.add_argument("--train-steps", type=int, default=150, help="mini-batches to train before the shots")
    ap.add_argument("--lesson-step", type=int, default=3, help="the corner lesson's step to shoot (0-based)")
    ap.add_argument("--main", required=True, help="the main window's PNG")
    ap.add_argument("--lesson", required=True, help="the lesson's PNG")
    args = ap.parse_args()
    simulated_screen(args.screen)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])  # noqa: F841 (kept alive until the end)
    import gui.app
    from gui.i18n import LANGUAGE_KEY

    data_dir = Path(tempfile.mkdtemp(prefix="shapelab-shots-"))
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "ko")  # as View › Language › 한국어 leaves it, before a start
    settings.sync()
    window = gui.app.create_main_window(data_dir)
    assert window.translation.language == "ko"
    window.show()
    wait(600)
    draw_triangle(window.canvas)
    steps = train_steps(window, args.train_steps)
    window.grab().save(args.main)
    print(f"{args.main}: {window.width()}×{window.height()}, {steps} steps")

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
