"""Image files for ShapeLab: decode PNG/JPEG/BMP to grayscale arrays, encode arrays as PNG, ImageFolder trees.

Decoding uses Qt's `QImage` (Qt is already a dependency, so no extra imaging library is needed).
`QImage` is a plain value class: it works without a `QApplication`, so the command line and the tests
use it too. The engine only ever sees the NumPy arrays these functions return.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from engine import atomic_path
from gui.text import translate

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")  # the one list: image folders, `predict`, imports


class ImageFileError(ValueError):
    """An image file that cannot be read or written; the message names the file and the problem."""


def read_gray(path: str | os.PathLike) -> np.ndarray:
    """Decode a PNG, JPEG or BMP file to an (H, W) uint8 grayscale array (0 = black, 255 = white).

    Transparent pixels are composed onto white, so a drawing with a transparent background reads as
    dark ink on a light background. Raises `ImageFileError` when the file is missing or not an image.
    """
    path = Path(path)
    if not path.is_file():
        raise ImageFileError(translate("Images", "{path}: no such file").format(path=path))
    image = QImage(str(path))
    if image.isNull():
        raise ImageFileError(
            translate("Images", "{path}: not a readable PNG, JPEG or BMP image").format(path=path)
        )
    return qimage_to_gray(image)


def qimage_to_gray(image: QImage) -> np.ndarray:
    """Convert a QImage of any format to an (H, W) uint8 grayscale array (alpha composed onto white)."""
    if image.hasAlphaChannel():
        rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
        h, w = rgba.height(), rgba.width()
        buf = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=rgba.sizeInBytes())
        arr = buf.reshape(h, rgba.bytesPerLine())[:, : w * 4].reshape(h, w, 4).astype(np.float32)
        alpha = arr[..., 3:4] / 255.0
        rgb = arr[..., :3] * alpha + 255.0 * (1.0 - alpha)
        gray = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        return np.clip(np.rint(gray), 0, 255).astype(np.uint8)
    g = image.convertToFormat(QImage.Format.Format_Grayscale8)
    h, w = g.height(), g.width()
    buf = np.frombuffer(g.constBits(), dtype=np.uint8, count=g.sizeInBytes())
    return buf.reshape(h, g.bytesPerLine())[:, :w].copy()


def gray_to_qimage(array: np.ndarray) -> QImage:
    """An (H, W) array as a Grayscale8 QImage that owns its pixels.

    uint8 arrays are taken as they are; float arrays are taken as 0..1 and scaled to 0..255.
    """
    arr = np.asarray(array)
    if arr.ndim != 2:
        raise ValueError(
            translate("Images", "expected a 2-D array, got shape {shape}").format(shape=arr.shape)
        )
    if arr.dtype != np.uint8:
        arr = np.clip(np.rint(np.asarray(arr, dtype=np.float64) * 255.0), 0, 255).astype(np.uint8)
    arr = np.ascontiguousarray(arr)
    h, w = arr.shape
    image = QImage(arr.data, w, h, w, QImage.Format.Format_Grayscale8)
    return image.copy()  # detach from the NumPy buffer


def write_png(path: str | os.PathLike, array: np.ndarray, *, invert: bool = False) -> None:
    """Encode an (H, W) array as an 8-bit grayscale PNG, atomically (temp file + rename).

    Float arrays are 0..1 (a raster: ink 1.0 on 0.0); `invert=True` writes dark ink on white instead.
    """
    arr = np.asarray(array)
    if arr.dtype != np.uint8:
        arr = np.clip(np.rint(np.asarray(arr, dtype=np.float64) * 255.0), 0, 255).astype(np.uint8)
    if invert:
        arr = 255 - arr
    path = Path(path)
    image = gray_to_qimage(arr)
    with atomic_path(path, suffix=".tmp.png") as tmp:
        if not image.save(str(tmp), "PNG"):
            raise ImageFileError(translate("Images", "{path}: could not write PNG").format(path=path))


def list_image_folder(root: str | os.PathLike) -> list[tuple[Path, str]]:
    """The images of an ImageFolder tree `root/<class>/*.png|jpg|jpeg|bmp` as (path, class) pairs.

    Sorted by class folder name, then file name; hidden files and other suffixes are ignored. An empty
    list when there are none; raises NotADirectoryError (an OSError) if `root` is not a directory.
    """
    root = Path(root)
    if not root.is_dir():
        raise NotADirectoryError(translate("Images", "{root}: not a directory").format(root=root))
    items: list[tuple[Path, str]] = []
    for class_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for f in sorted(class_dir.iterdir()):
            if f.is_file() and not f.name.startswith(".") and f.suffix.lower() in IMAGE_SUFFIXES:
                items.append((f, class_dir.name))
    return items


def load_image_folder(
    root: str | os.PathLike, size: int = 28
) -> tuple[np.ndarray, list[str], list[tuple[Path, str]]]:
    """Read an ImageFolder tree through the engine's one preprocessing path.

    Returns (X (N, 1, S, S) float32, labels (N class names), problems [(path, message)]).
    Unreadable images, and images preprocessing refuses (e.g. 20000×1 pixels), are reported in `problems`
    (naming the file) and skipped.
    """
    from engine.picture import preprocess_image  # engine is Qt-free; gui may import it

    xs: list[np.ndarray] = []
    labels: list[str] = []
    problems: list[tuple[Path, str]] = []
    for path, label in list_image_folder(root):
        try:
            gray = read_gray(path)
            x = preprocess_image(gray, size)
        except (ImageFileError, ValueError) as exc:  # unreadable, or a shape preprocessing refuses
            problems.append((path, str(exc)))
            continue
        xs.append(x)
        labels.append(label)
    X = np.stack(xs)[:, None] if xs else np.zeros((0, 1, size, size), np.float32)
    return X.astype(np.float32, copy=False), labels, problems


def _safe_name(label: str) -> str:
    cleaned = "".join(c if (c.isalnum() or c in "-_ .") else "_" for c in label).strip(" .")
    return cleaned or "unlabelled"


def export_image_folder(
    drawings: Iterable, root: str | os.PathLike, size: int = 28, *, invert: bool = True, should_stop=None
) -> list[Path]:
    """Export drawings as an ImageFolder tree `root/<label>/<label>_00000.png` of rasterized PNGs.

    PNGs are written dark ink on white by default (`invert=True`), like a scanned drawing; reading them
    back through `preprocess_image` gives the same raster either way. Returns the written paths.
    `should_stop` (a callable, or None) is checked before every file: `engine.Cancelled` when it says stop
    (the files written so far stay).
    """
    from engine import Cancelled
    from engine.raster import rasterize

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    written: list[Path] = []
    for d in drawings:
        if should_stop is not None and should_stop():
            raise Cancelled(translate("Images", "the export was stopped"))
        folder = _safe_name(d.label)
        n = counts.get(folder, 0)
        counts[folder] = n + 1
        (root / folder).mkdir(exist_ok=True)
        path = root / folder / f"{folder}_{n:05d}.png"
        write_png(path, rasterize(d, size), invert=invert)
        written.append(path)
    return written


def contact_sheet(rows: Sequence[Sequence[np.ndarray]], scale: int = 2, gap: int = 2) -> np.ndarray:
    """Tile rows of (S, S) float rasters (ink 1 on 0) into one uint8 image, dark ink on white."""
    n_rows = len(rows)
    n_cols = max(len(r) for r in rows)
    s = max(np.asarray(a).shape[0] for r in rows for a in r) * scale
    sheet = np.full((n_rows * (s + gap) + gap, n_cols * (s + gap) + gap), 200, np.uint8)
    for i, row in enumerate(rows):
        for j, a in enumerate(row):
            a = np.asarray(a, dtype=np.float32)
            big = np.kron(a, np.ones((scale, scale), np.float32))
            tile = 255 - np.clip(np.rint(big * 255), 0, 255).astype(np.uint8)
            y, x = gap + i * (s + gap), gap + j * (s + gap)
            sheet[y : y + tile.shape[0], x : x + tile.shape[1]] = tile
    return sheet
