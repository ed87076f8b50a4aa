"""The engine names the lessons use, in one place.

Everything comes from `engine` (its public names) and `engine.lessons` (the lessons' own Qt-free code).
The data functions are in the architecture contract; until engine/__init__.py exports them, they are taken
from their modules.
"""

from __future__ import annotations

from engine import Conv2D, MaxPool2D, Sequential, build_model, softmax  # noqa: F401

try:
    from engine import rasterize, rasterize_many
except ImportError:  # pragma: no cover - transitional
    from engine.raster import rasterize, rasterize_many

try:
    from engine import generate_drawings
except ImportError:  # pragma: no cover - transitional
    from engine.synth import generate_drawings

__all__ = ["Conv2D", "MaxPool2D", "Sequential", "build_model", "generate_drawings", "rasterize",
           "rasterize_many", "softmax"]
