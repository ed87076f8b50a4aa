"""What the screenshot scripts of docs/ share: a simulated screen, waiting in the event loop, a triangle
drawn on the canvas with real mouse events, and a short run of the default model.

The scripts run as ``python docs/NAME.py``, so this folder is on ``sys.path`` and they ``import _shots``.
Qt is imported inside the functions: a script chooses the platform (``simulated_screen``) before Qt loads.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def simulated_screen(size: str) -> None:
    """Give Qt's offscreen platform one screen of ``size`` ("WIDTHxHEIGHT") pixels at 96 dpi (call before
    the QApplication is made), so that full screen and a first start's layout mean that size."""
    width, height = (int(v) for v in size.split("x"))
    config = Path(tempfile.mkdtemp(prefix="shapelab-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds (timers, worker results and repaints go on)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def draw_triangle(canvas) -> None:
    """Draw a slightly shaky triangle (the same one every time: seed 3) across the middle of ``canvas``
    with real mouse press, move and release events."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    cx, cy, r = canvas.width() / 2, canvas.height() / 2, min(canvas.width(), canvas.height()) * 0.3
    corners = [(cx - 0.1 * r, cy - r), (cx + 0.95 * r, cy + 0.8 * r), (cx - 0.9 * r, cy + 0.75 * r),
               (cx - 0.05 * r, cy - 0.95 * r)]
    rng = np.random.default_rng(3)
    points = [(x0 + (x1 - x0) * t + rng.normal(0, 0.8), y0 + (y1 - y0) * t + rng.normal(0, 0.8))
              for (x0, y0), (x1, y1) in zip(corners, corners[1:], strict=False)
              for t in np.linspace(0, 1, 25)]
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(canvas, left, none, QPoint(*map(int, points[0])))
    for p in points[1:]:
        QTest.mouseMove(canvas, QPoint(*map(int, p)))
    QTest.mouseRelease(canvas, left, none, QPoint(*map(int, points[-1])))


def steps_on_plot(window) -> int:
    """Mini-batches of the current run on the loss plot (0 until training has prepared its data)."""
    return len(window.plots.series("loss_step")[0]) if window.plots.run_labels else 0


def train_steps(window, steps: int, *, epochs: int = 3, timeout_ms: int = 90000) -> int:
    """Press Train with ``epochs`` epochs, stop once ``steps`` mini-batches are on the plot (or after
    ``timeout_ms``), wait for the run to end, and return the steps shown."""
    window.training_panel.epochs.setValue(epochs)
    window.train()
    waited = 0
    while waited < timeout_ms and steps_on_plot(window) < steps:
        window.plots.flush()
        wait(250)
        waited += 250
    stop_training(window)
    wait(800)
    return steps_on_plot(window)


def stop_training(window) -> None:
    """Stop the run and wait in the event loop until the training thread has finished."""
    window.controller.stop()
    while window.controller.is_active():
        wait(100)
