"""Shoot every lesson step and every analysis tab before training, during it and after it (offscreen).

    python docs/lesson_screenshots.py [--out DIR] [--large] [--train-epochs N] [--during-ms MS] [--sheets]
                                      [--docs]

Builds the app on a throw-away data folder with the built-in starter set, draws a triangle on the canvas
with real mouse events, opens View › Lessons and View › Analysis, and writes DIR/<phase>/lesson-<L>-step-
<S>.png and DIR/<phase>/analysis-<tab>.png for the phases "before" (the untrained start-up model),
"during" (training paused part-way) and "after" (the run finished). With --sheets it also writes
DIR/<phase>-lessons.png and DIR/<phase>-analysis.png, contact sheets of that phase at half size (the ones
kept in docs/shots/). --large turns on the lessons' large text. --docs also writes, after training, the
lesson screenshots docs/LESSONS.md shows (DOC_SHOTS). In the "after" phase Lesson 8's comparison is run
for real (three networks trained on the starter set) before its steps are shot.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from _shots import ROOT, draw_triangle, wait

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# (lesson number, step index) -> the file name (without .png) under docs/ that docs/LESSONS.md shows
DOC_SHOTS = {
    (1, 4): "lesson-1-corners", (1, 3): "lesson-1-your-drawing",
    (2, 1): "lesson-2-neuron", (2, 2): "lesson-2-collapse",
    (3, 0): "lesson-3-separability",
    (4, 5): "lesson-4-backprop",
    (5, 2): "lesson-5-convolution-1d", (5, 7): "lesson-5-convolution-2d", (5, 16): "lesson-5-your-kernel",
    (6, 0): "lesson-6-relu", (6, 4): "lesson-6-max-pool", (6, 5): "lesson-6-pooling-compared",
    (6, 6): "lesson-6-shifts",
    (7, 12): "lesson-7-whole-cnn",
    (8, 2): "lesson-8-how-deep",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "shots"))
    ap.add_argument("--large", action="store_true", help="the lessons' large text")
    ap.add_argument("--train-epochs", type=int, default=6)
    ap.add_argument("--during-ms", type=int, default=5000, help="training time before the 'during' shots")
    ap.add_argument("--sheets", action="store_true", help="also write half-size contact sheets per phase")
    ap.add_argument("--phases", default="before,during,after")
    ap.add_argument("--docs", action="store_true",
                    help="also write the shots docs/LESSONS.md shows (docs/lesson-*.png)")
    ap.add_argument("--size", default="1100x720", help="lessons and analysis window size")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    import gui.app

    out = Path(args.out)
    window = gui.app.create_main_window(tempfile.mkdtemp(prefix="shapelab-lesson-shots-"))
    window.resize(1400, 900)
    window.show()
    wait(500)
    draw_triangle(window.canvas)
    wait(300)
    window.training_panel.epochs.setValue(args.train_epochs)
    window.show_lessons()
    window.show_analysis()
    lessons, analysis = window.lessons, window.analysis
    lessons.window().resize(width, height)
    analysis.window().resize(width, height)
    if args.large:
        lessons.set_large_text(True)
    wait(300)

    def shoot(phase: str) -> list[Path]:
        folder = out / phase
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for li, lesson in enumerate(lessons.lessons, start=1):
            lessons.setCurrentIndex(li - 1)
            if lesson.objectName() == "depthLesson" and phase == "after":  # the comparison, run for real
                lesson.run()
                for _ in range(1500):  # three networks on the starter set: minutes on a busy machine
                    if lesson.result is not None:
                        break
                    wait(200)
            if lesson.objectName() == "separabilityLesson":  # XOR after 40 steps
                lesson.choice.setCurrentText("XOR")
                for _ in range(40):
                    lesson.next_step()
            for step in range(lesson.step_count):
                lesson.set_step(step)
                wait(120)
                path = folder / f"lesson-{li}-step-{step + 1:02d}.png"
                lessons.window().grab().save(str(path))
                written.append(path)
                if args.docs and phase == "after" and (li, step) in DOC_SHOTS:
                    lessons.window().grab().save(str(ROOT / "docs" / f"{DOC_SHOTS[(li, step)]}.png"))
        for _ in range(150):  # results come from the analysis helper processes
            wait(200)
            analysis.flush()
            if analysis.representation.probe_rows() and not analysis.runner.is_busy():
                break
        for i in range(analysis.count()):
            analysis.setCurrentIndex(i)
            wait(900)
            analysis.flush()
            wait(200)
            path = folder / f"analysis-{i + 1}-{analysis.widget(i).objectName()}.png"
            analysis.window().grab().save(str(path))
            written.append(path)
        return written

    def sheet(paths: list[Path], target: Path, cols: int = 4, scale: float = 0.5) -> None:
        pms = [QPixmap(str(p)) for p in paths]
        w = int(max(pm.width() for pm in pms) * scale)
        h = int(max(pm.height() for pm in pms) * scale)
        rows = (len(pms) + cols - 1) // cols
        canvas_pm = QPixmap(cols * w, rows * (h + 18))
        canvas_pm.fill(QColor("white"))
        painter = QPainter(canvas_pm)
        for k, (pm, path) in enumerate(zip(pms, paths, strict=True)):
            x, y = (k % cols) * w, (k // cols) * (h + 18)
            painter.drawText(x + 4, y + 13, path.stem)
            painter.drawPixmap(x, y + 18, pm.scaled(w, h, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))
        painter.end()
        canvas_pm.save(str(target))

    phases = args.phases.split(",")
    done: dict[str, list[Path]] = {}
    if "before" in phases:
        done["before"] = shoot("before")
    if "during" in phases or "after" in phases:
        window.train()
        if "during" in phases:
            wait(args.during_ms)
            for _ in range(600):  # a busy machine: wait for the first epoch to end (at most 2 minutes)
                if window.analysis.history.history.epochs:
                    break
                wait(200)
            window.controller.pause()
            wait(800)
            window.training.flush_records()
            done["during"] = shoot("during")
            window.controller.resume()
        while window.controller.is_active():
            wait(200)
        window.training.flush_records()
        wait(500)
        if "after" in phases:
            done["after"] = shoot("after")
    if args.sheets:
        for phase, paths in done.items():
            sheet([p for p in paths if p.name.startswith("lesson")], out / f"{phase}-lessons.png")
            sheet([p for p in paths if p.name.startswith("analysis")], out / f"{phase}-analysis.png", cols=4)
    window.close()
    app.quit()
    print(f"wrote {sum(len(v) for v in done.values())} screenshots under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
