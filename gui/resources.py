"""Where the app's files live: the built-in starter set and the icon. No Qt here, so the command line can
use it too.

In a clone or an editable install they are in `resources/` beside `gui/`; a regular install
(`pip install .`) puts them in `<prefix>/share/shapelab` (pyproject.toml's data-files).
"""

from __future__ import annotations

import sys
from pathlib import Path

_BESIDE = Path(__file__).resolve().parent.parent / "resources"
_INSTALLED = Path(sys.prefix) / "share" / "shapelab"


def resources_dir() -> Path:
    """resources/ beside gui/ when it holds the starter set, else the installed copy."""
    return _BESIDE if (_BESIDE / "starter.ndjson").exists() else _INSTALLED


RESOURCES = resources_dir()
STARTER_PATH = RESOURCES / "starter.ndjson"
ICON_PATH = RESOURCES / "icon.svg"
ICON_PNG_PATH = RESOURCES / "icon.png"
