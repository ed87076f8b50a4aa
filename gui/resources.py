"""Where the app's files live: the built-in starter set and the icon, shipped as package data in
`gui/assets/` and found with `importlib.resources`, so a clone, an editable install, `pip install .` and
`pip install --user` all find them. No Qt here, so the command line can use it too.

The paths are real files (a wheel installs the package unzipped); `RESOURCES` is their folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """The folder of the package data (gui/assets)."""
    return Path(str(files("gui.assets")))


RESOURCES = resources_dir()
STARTER_PATH = RESOURCES / "starter.ndjson"
ICON_PATH = RESOURCES / "icon.svg"
ICON_PNG_PATH = RESOURCES / "icon.png"
