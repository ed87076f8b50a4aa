"""Where the app's files live: the built-in starter set and the icon, in the top-level `resources/`
folder. A clone or an editable install reads that folder; a wheel (`pip install .`, `pip install --user`)
carries it as the package `gui.assets` (pyproject.toml maps one to the other), found with
`importlib.resources`. No Qt here, so the command line can use it too.

The paths are real files (a wheel installs the package unzipped); `RESOURCES` is their folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CLONE = Path(__file__).resolve().parents[1] / "resources"


def resources_dir() -> Path:
    """resources/ beside gui/ (a clone, an editable install), else the installed package data gui.assets."""
    if (_CLONE / "starter.ndjson").is_file():
        return _CLONE
    return Path(str(files("gui.assets")))


RESOURCES = resources_dir()
STARTER_PATH = RESOURCES / "starter.ndjson"
ICON_PATH = RESOURCES / "icon.svg"
ICON_PNG_PATH = RESOURCES / "icon.png"
