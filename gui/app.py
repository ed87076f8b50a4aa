"""Start the ShapeLab window.

- `create_main_window(data_dir, starter_path=None)` builds the main window (not shown, no event loop),
  keeping every user file and setting under `data_dir`: the user's dataset files, `classes.json` (class
  names and colours) and `settings.ini` (QSettings in INI format: layout, training settings, last and
  recent datasets). Tests pass a temporary folder; `run()` passes the platform's application-data folder.
- `run(argv, data_dir)` is what `python main.py` (no command; `--data-dir DIR`) calls: QApplication, app
  icon, high-DPI, window shown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from gui.text import translate

from . import resources
from .window import MainWindow

APP_NAME = "ShapeLab"
ORG_NAME = "ShapeLab"
STARTER_PATH = resources.STARTER_PATH
ICON_PATH = resources.ICON_PATH

# Training runs in a QThread of this process, and NumPy's many small operations hold Python's interpreter
# lock between them. When the GUI thread wants the lock back (every paint calls into Python), it waits
# for the "switch interval", 5 ms by default, possibly several times per paint. A 0.2 ms interval keeps
# the window's stalls within the targets while training (benchmarks/gui_responsiveness.py: max stall
# 50 -> 31 ms, p99 27 -> 18.5 ms while training and drawing) and costs training no measurable speed.
GIL_SWITCH_INTERVAL_S = 0.0002


def default_data_dir() -> Path:
    """Where the platform keeps this app's user data (QStandardPaths.AppDataLocation)."""
    if not QApplication.applicationName() or QApplication.applicationName() == "python":
        QApplication.setApplicationName(APP_NAME)
        QApplication.setOrganizationName(ORG_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".shapelab"


def app_icon() -> QIcon:
    icon = QIcon(str(ICON_PATH)) if ICON_PATH.exists() else QIcon()
    png = resources.ICON_PNG_PATH
    if png.exists():
        icon.addFile(str(png))
    return icon


def _ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv) if argv else [sys.argv[0] if sys.argv else APP_NAME])
    return app


def create_main_window(
    data_dir: str | os.PathLike | None = None, starter_path: str | os.PathLike | None = None
) -> MainWindow:
    """Build the main window with all user data and settings under `data_dir` (created if missing), and
    `starter_path` as the built-in starter set (default: the shipped one, `STARTER_PATH`).

    Needs no running event loop; creates the QApplication if there is none yet.
    """
    app = _ensure_application()
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    if data_dir is None:
        data_dir = default_data_dir()
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(data_dir, settings, STARTER_PATH if starter_path is None else starter_path)
    icon = app_icon()
    if not icon.isNull():
        window.setWindowIcon(icon)
    app.aboutToQuit.connect(window.controller.shutdown)
    return window


def run(argv: list[str] | None = None, data_dir: str | os.PathLike | None = None) -> int:
    """Start the app: the window is shown and the event loop runs until it closes. Returns the exit status.

    argv: extra Qt arguments (e.g. ["-platform", "offscreen"]); data_dir: where user data and settings
    live (default: the platform's application-data folder, QStandardPaths.AppDataLocation).
    """
    argv = [sys.argv[0] if sys.argv else APP_NAME, *(argv or [])]
    app = _ensure_application(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    folder = default_data_dir() if data_dir is None else data_dir
    try:
        window = create_main_window(folder)
    except OSError as exc:  # an unusable data folder (a file, no permission, a full disk): no traceback
        from PySide6.QtWidgets import QMessageBox

        text = (translate(
            "App",
            "ShapeLab cannot use its data folder {folder}: {value}.\nStart it with --data-dir DIR to keep "
            "your drawings in another folder.",
        ).format(folder=folder, value=exc.strerror or exc))
        print(translate("App", "shapelab: error: {text}").format(text=text), file=sys.stderr)
        QMessageBox.critical(None, translate("App", "ShapeLab cannot start"), text)
        return 1
    window.show()
    return app.exec()
