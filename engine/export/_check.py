"""What every export shares: the 32 fixed drawings it is checked on, the comparison, and the rule that a
failed export leaves no file behind (everything is written into a temporary folder beside the target and
moved into place only after the check passed)."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.model import Sequential
from engine.raster import rasterize_many
from engine.synth import generate_drawings
from engine.text import QT_TRANSLATE_NOOP

CHECK_COUNT = 32
CHECK_SEED = 20261207
TOLERANCE = 1e-5  # largest allowed |Δp| between the exported model and the engine (float32)

PREPROCESSING = (
    "float32 input of shape (N, 1, S, S): ink 1.0 on a 0.0 background. Drawings are centred, scaled to fit "
    "with the aspect ratio kept up to 2:1, turned upright by at most 45 degrees and drawn with strokes of a "
    "fixed width in output pixels (ShapeLab engine/raster.py); images are converted to ink-on-zero grey "
    "and framed the same way. The output is the softmax probability of each class, in the order of the "
    "class names."
)


class ExportError(Exception):
    """An export that could not be made or did not pass its check; nothing was written."""


class ExportMismatch(ExportError):
    """The exported model computes something else than the engine on the check drawings."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote and how it was checked. max_diff: largest |Δp| over the check drawings
    (None when the exported model could not be run here, see `checked`)."""

    format: str
    paths: tuple[str, ...]
    checked: str
    max_diff: float | None
    samples: int


def check_inputs(size: int) -> np.ndarray:
    """The fixed check drawings: (32, 1, size, size) float32 rasters of synthetic drawings of all four
    shapes (8 each), the same every time."""
    drawings = generate_drawings(CHECK_COUNT // 4, seed=CHECK_SEED)
    return rasterize_many(drawings, size=size)


def engine_probabilities(model: Sequential, X: np.ndarray) -> np.ndarray:
    return model.predict_proba(X).astype(np.float32)


def compare(name: str, expected: np.ndarray, got: np.ndarray) -> float:
    """Raises ExportMismatch unless got matches expected (max |Δp| ≤ TOLERANCE, same top-1 everywhere).
    Returns the largest difference."""
    got = np.asarray(got, dtype=np.float32)
    if got.shape != expected.shape:
        raise ExportMismatch(QT_TRANSLATE_NOOP(
            "Export", "{name}: the exported model gives outputs of shape {value}, the engine {value2}"
        ).format(name=name, value=got.shape, value2=expected.shape))
    if not np.isfinite(got).all():
        raise ExportMismatch(QT_TRANSLATE_NOOP(
            "Export", "{name}: the exported model gives non-finite outputs"
        ).format(name=name))
    diff = float(np.max(np.abs(got - expected))) if got.size else 0.0
    differ = int(np.sum(got.argmax(axis=1) != expected.argmax(axis=1)))
    if diff > TOLERANCE or differ:
        raise ExportMismatch(
            QT_TRANSLATE_NOOP(
                "Export",
                "{name}: the exported model disagrees with ShapeLab on the {n_expected} check drawings "
                "(largest probability difference {diff:.2e}, allowed {TOLERANCE:.0e}; different top class "
                "on {differ}); nothing was written"
            ).format(name=name, n_expected=len(expected), diff=diff, TOLERANCE=TOLERANCE, differ=differ))
    return diff


@contextmanager
def staging(target: Path):
    """A temporary folder beside `target` (same file system, so os.replace is atomic); removed at the
    end whatever happens. Files are moved out of it with `place`."""
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def place(files: list[tuple[Path, Path]]) -> None:
    """Moves each staged file to its destination with os.replace (creating folders as needed)."""
    for src, dst in files:
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)
