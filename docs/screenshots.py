"""Retake the README's screenshots (offscreen): the main window idle with a drawing and while training, then
each tab of the analysis window.

    python docs/screenshots.py [--size 1920x1080] [--train-ms 9000] [--analysis-size 1280x760]

Writes docs/screenshot-idle.png, docs/screenshot-training.png and docs/analysis-<tab>.png. Uses a
throw-away data folder and the built-in starter set; draws a triangle with real mouse events, presses
Train with View > Analysis open, and after --train-ms stops training and shoots each analysis tab.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from _shots import ROOT, draw_triangle, stop_training, wait

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TAB_FILES = {  # analysis panel objectName -> docs/analysis-<name>.png
    "representationView": "representation",
    "confusionMatrix": "confusion",
    "saliencyView": "saliency",
    "filterHistory": "history",
    "networkDiagram": "network",
    "datasetHealth": "health",
    "augmentationPreview": "augmentation",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--train-ms", type=int, default=9000, help="how long to train before the second shot")
    ap.add_argument("--analysis-size", default="1280x760", help="size of the analysis window's shots")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    a_width, a_height = (int(v) for v in args.analysis_size.split("x"))

    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    import gui.app

    window = gui.app.create_main_window(tempfile.mkdtemp(prefix="shapelab-shots-"))
    window.resize(width, height)
    window.show()
    wait(600)
    draw_triangle(window.canvas)
    wait(500)
    out = ROOT / "docs"
    window.grab().save(str(out / "screenshot-idle.png"))
    window.show_analysis()  # open before training, so that "Filters over time" records every epoch
    window.activateWindow()
    window.train()
    wait(args.train_ms)
    window.grab().save(str(out / "screenshot-training.png"))
    stop_training(window)
    wait(300)
    written = [out / "screenshot-idle.png", out / "screenshot-training.png"]
    analysis = window.analysis
    analysis.window().resize(a_width, a_height)
    for _ in range(900):  # the dataset and model results come from the analysis helper process (a busy
        wait(200)        # machine: up to 3 minutes); the model's rows follow the raw pixels' one
        analysis.flush()
        note = analysis.model_note("representation")
        if (len(analysis.representation.probe_rows()) > 1 and analysis.confusion.matrix() is not None
                and not note.startswith(("Older result", "Computing"))):
            break
    for i in range(analysis.count()):
        analysis.setCurrentIndex(i)
        wait(700)
        analysis.flush()
        for _ in range(100):  # the canvas drawing's maps come from their own job (slow on a busy machine)
            if analysis.widget(i) is not analysis.saliency or analysis.saliency.shown_saliency() is not None:
                break
            wait(200)
            analysis.flush()
        wait(200)
        path = out / f"analysis-{TAB_FILES[analysis.widget(i).objectName()]}.png"
        analysis.window().grab().save(str(path))
        written.append(path)
    window.close()
    app.quit()
    print("wrote " + ", ".join(str(p.relative_to(ROOT)) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
