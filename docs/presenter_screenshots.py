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
import sys
import tempfile
from pathlib import Path

from _shots import draw_triangle, simulated_screen, train_steps, wait


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
    simulated_screen(args.screen)

    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])  # noqa: F841 (kept alive until the end)
    import gui.app

    window = gui.app.create_main_window(tempfile.mkdtemp(prefix="shapelab-shots-"))
    if args.window:
        window.resize(*(int(v) for v in args.window.split("x")))
    window.zoom.set_factor(args.zoom)
    window.show()
    wait(600)
    if not args.no_presenter:
        window.screen_modes.enter_presenter()
        wait(600)
    draw_triangle(window.canvas)
    train_steps(window, args.train_steps, timeout_ms=60000)
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
