"""DATA arguments read into labelled data, and the summaries of evaluating and predicting.

What the command line and the app's imports read: NDJSON files of drawings and image folders
(`DIR/<class>/*.png`), through the engine's one preprocessing path. Image files are decoded by
`gui.images` (Qt's QImage, imported only when an image is read), with its one list of suffixes.

Problems with a whole argument (missing, unreadable, not a dataset) raise `InputError` with one line
naming the file; a damaged line or image inside an otherwise good argument becomes a warning, and the
rest is read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import engine
from engine.analysis import confusion_matrix
from gui.text import translate

NDJSON_SUFFIXES = (".ndjson", ".jsonl")


class InputError(Exception):
    """A DATA or INPUT argument that cannot be used; the message names the file and the problem."""


def image_suffixes() -> tuple[str, ...]:
    """The image file suffixes ShapeLab reads (one list, kept in gui/images.py beside the decoder)."""
    from gui.images import IMAGE_SUFFIXES

    return IMAGE_SUFFIXES


@dataclass
class LabelledData:
    """Everything read from DATA arguments: drawings (strokes) and images (already preprocessed).

    Items are numbered drawings first, then images; `labels` follows that order."""

    drawings: list[engine.Drawing] = field(default_factory=list)
    images: list[np.ndarray] = field(default_factory=list)  # each (S, S) float32
    image_labels: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [d.label for d in self.drawings] + list(self.image_labels)

    def __len__(self) -> int:
        return len(self.drawings) + len(self.images)

    def image_array(self, size: int) -> np.ndarray:
        """The images as (M, 1, S, S) float32."""
        if not self.images:
            return np.zeros((0, 1, size, size), np.float32)
        return np.stack(self.images)[:, None].astype(np.float32, copy=False)

    def rasters(self, size: int, should_stop=None) -> np.ndarray:
        """All items as network input (N, 1, S, S), drawings first, through the one preprocessing path."""
        parts = []
        if self.drawings:
            parts.append(engine.rasterize_many(self.drawings, size=size, should_stop=should_stop))
        if self.images:
            parts.append(self.image_array(size))
        if not parts:
            return np.zeros((0, 1, size, size), np.float32)
        return np.concatenate(parts)

    def subset(self, idx: Sequence[int]) -> LabelledData:
        """The items at the sorted indices `idx` (drawings are numbered first, then images)."""
        n = len(self.drawings)
        return LabelledData(
            drawings=[self.drawings[i] for i in idx if i < n],
            images=[self.images[i - n] for i in idx if i >= n],
            image_labels=[self.image_labels[i - n] for i in idx if i >= n],
        )


def read_ndjson_into(path: str | os.PathLike, data: LabelledData) -> None:
    """Append the drawings of an NDJSON file to `data`; damaged lines become warnings."""
    path = Path(path)
    try:
        drawings, problems = engine.read_ndjson(path)
    except OSError as exc:
        raise InputError(
            translate("Inputs", "{path}: cannot read: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    for p in problems:
        data.warnings.append(translate("Inputs", "{path}:{line}: {message}; skipped").format(
            path=p.path,
            line=p.line,
            message=p.message,
        ))
    data.drawings.extend(drawings)


def read_image_folder_into(path: str | os.PathLike, data: LabelledData, size: int, *,
                           should_stop=None) -> None:
    """Append the images of an image folder (`DIR/<class>/*.png`, any suffix of `image_suffixes()`).
    Every file left out (unreadable, refused by preprocessing such as a 20000×1 image, another suffix) is
    a warning naming the file and why."""
    from gui import images

    path = Path(path)
    try:
        entries = images.list_image_folder(path)
    except OSError as exc:
        raise InputError(translate("Inputs", "{path}: cannot read folder: {value}").format(
            path=path,
            value=exc.strerror or exc,
        )) from exc
    if not entries:
        raise InputError(
            translate(
                "Inputs",
                "{path}: no images found; an image folder holds one sub-folder per class "
                "(DIR/<class>/*.png)",
            ).format(path=path)
        )
    for file, label in entries:
        if should_stop is not None and should_stop():
            raise engine.Cancelled("reading the image folder was stopped")
        try:
            raster = read_image(file, size)
        except InputError as exc:
            data.warnings.append(translate("Inputs", "{exc}; skipped").format(exc=exc))
            continue
        data.images.append(raster)
        data.image_labels.append(label)
    for file in images.other_files(path):  # a .gif, a .txt, a folder in a class folder: said, not dropped
        what = (translate("Inputs", "a folder") if file.is_dir()
                else translate("Inputs", "not a PNG, JPEG or BMP file (by its name)"))
        data.warnings.append(translate("Inputs", "{file}: {what}; skipped").format(file=file, what=what))


def check_image_folder(path: str | os.PathLike, size: int, *, should_stop=None) -> tuple[dict, list[str]]:
    """Read every image of an image folder as training would: (usable images per class, one line per
    file that cannot be used, naming it and why). Raises InputError for a folder that cannot be used."""
    data = LabelledData()
    read_image_folder_into(path, data, size, should_stop=should_stop)
    counts: dict[str, int] = {}
    for label in data.image_labels:
        counts[label] = counts.get(label, 0) + 1
    return counts, data.warnings


def read_image(path: str | os.PathLike, size: int) -> np.ndarray:
    """One image file as an (S, S) float32 raster (ink 1 on 0, either polarity in the file)."""
    from gui import images

    try:
        return engine.preprocess_image(images.read_gray(path), size=size)
    except (OSError, ValueError) as exc:  # ImageFileError is a ValueError and names the file
        text = str(exc)
        raise InputError(text if text.startswith(str(path)) else f"{path}: {text}") from exc


def load_data(paths: Sequence[str | os.PathLike], size: int) -> LabelledData:
    """Read every DATA argument (NDJSON files and image folders) into one LabelledData."""
    data = LabelledData()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            read_image_folder_into(path, data, size)
        elif not path.exists():
            raise InputError(translate("Inputs", "{path}: no such file or folder").format(path=path))
        elif path.suffix.lower() in NDJSON_SUFFIXES:
            read_ndjson_into(path, data)
        else:
            raise InputError(
                translate(
                    "Inputs",
                    "{path}: not a dataset; give an NDJSON file (.ndjson) or an image folder "
                    "(DIR/<class>/*.png)",
                ).format(path=path)
            )
    return data


def load_model_file(path: str | os.PathLike) -> engine.LoadedModel:
    """A model file, or InputError with one line naming it."""
    try:
        return engine.load_model(path)
    except FileNotFoundError as exc:
        raise InputError(translate("Inputs", "{path}: no such model file").format(path=path)) from exc
    except (engine.ModelFileError, OSError) as exc:
        raise InputError(str(exc)) from exc


def predict_inputs(path: str | os.PathLike, size: int) -> tuple[np.ndarray, list[str], list[str]]:
    """One INPUT of `predict` as network input (N, 1, S, S), a name per row, and warnings.

    An INPUT is an image file, an NDJSON file of drawings, or a `.npy` array of preprocessed inputs
    shaped (N, S, S) or (N, 1, S, S)."""
    path = Path(path)
    if not path.exists():
        raise InputError(translate("Inputs", "{path}: no such file").format(path=path))
    suffix = path.suffix.lower()
    if suffix == ".npy":
        try:
            arr = np.load(path, allow_pickle=False)
        except (ValueError, OSError, EOFError) as exc:
            raise InputError(translate("Inputs", "{path}: not a readable NumPy array file ({exc})").format(
                path=path,
                exc=exc,
            )) from exc
        if arr.ndim == 3:
            arr = arr[:, None]
        if arr.ndim != 4 or arr.shape[1] != 1 or arr.shape[2:] != (size, size):
            raise InputError(
                translate(
                    "Inputs",
                    "{path}: array of shape {shape}; the model takes preprocessed inputs shaped (N, "
                    "{size}, {size}) or (N, 1, {size}, {size})",
                ).format(path=path, shape=arr.shape, size=size)
            )
        if not np.issubdtype(arr.dtype, np.number) or not np.all(np.isfinite(arr)):
            raise InputError(
                translate("Inputs", "{path}: the array must hold finite numbers").format(path=path)
            )
        return arr.astype(np.float32), [str(path)] * len(arr), []
    if suffix in NDJSON_SUFFIXES:
        data = LabelledData()
        read_ndjson_into(path, data)
        if not data.drawings:
            raise InputError(translate("Inputs", "{path}: no valid drawings").format(path=path))
        return data.rasters(size), [str(path)] * len(data.drawings), data.warnings
    if suffix in image_suffixes():
        return read_image(path, size)[None, None].astype(np.float32), [str(path)], []
    raise InputError(translate("Inputs", "{path}: not an image, NDJSON file or .npy array").format(path=path))


def predict_proba(model: engine.Sequential, X: np.ndarray, batch: int = 256) -> np.ndarray:
    """Class probabilities (N, C) of X (N, 1, S, S), in batches."""
    out = [model.predict_proba(X[i : i + batch]) for i in range(0, len(X), batch)]
    return np.concatenate(out) if out else np.zeros((0, model.output_shape[0]), np.float32)


@dataclass(frozen=True)
class Evaluation:
    """How a model does on labelled data: counts only the labels the model knows."""

    classes: list[str]
    confusion: np.ndarray  # (C, C) int64, rows = true class, columns = predicted
    unknown_labels: dict[str, int]  # label the model does not know -> how many (not counted)
    # drawer -> {"accuracy", "n"} for drawings carrying a "drawer" key (empty when none does)
    per_drawer: dict[str, dict] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return int(self.confusion.sum())

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.confusion) / self.confusion.sum())

    def per_class(self) -> dict[str, float | None]:
        rows = self.confusion.sum(axis=1)
        return {
            c: (float(self.confusion[i, i] / rows[i]) if rows[i] else None)
            for i, c in enumerate(self.classes)
        }

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "accuracy": self.accuracy,
            "classes": list(self.classes),
            "per_class": self.per_class(),
            "confusion": self.confusion.tolist(),
            "unknown_labels": dict(self.unknown_labels),
            "per_drawer": {k: dict(v) for k, v in self.per_drawer.items()},
        }


def evaluate_model(
    model: engine.Sequential, classes: Sequence[str], data: LabelledData, size: int
) -> Evaluation:
    """Accuracy, confusion matrix and (when the drawings carry a "drawer" key) accuracy per drawer of
    `model` on `data`; InputError when no label is a known class."""
    from .merge import UNKNOWN_DRAWER, drawer_of

    classes = list(classes)
    labels = data.labels
    known = np.array([label in classes for label in labels], dtype=bool)
    unknown: dict[str, int] = {}
    for label, ok in zip(labels, known, strict=True):
        if not ok:
            unknown[label] = unknown.get(label, 0) + 1
    if not known.any():
        raise InputError(
            translate("Inputs", "none of the labels ({value}) is a class the model knows ({value2})").format(
                value=', '.join(sorted(set(labels))) or 'none',
                value2=', '.join(classes),
            )
        )
    X = data.rasters(size)[known]
    y = np.array([classes.index(label) for label, ok in zip(labels, known, strict=True) if ok], np.int64)
    pred = predict_proba(model, X).argmax(axis=1)
    right = pred == y
    drawers = [drawer_of(d) for d in data.drawings] + [UNKNOWN_DRAWER] * len(data.images)
    who = np.array([d for d, ok in zip(drawers, known, strict=True) if ok], dtype=object)
    per_drawer = {
        d: {"accuracy": float(right[who == d].mean()), "n": int((who == d).sum())}
        for d in sorted({d for d in who if d != UNKNOWN_DRAWER})
    }
    return Evaluation(classes, confusion_matrix(y, pred, len(classes)).astype(np.int64), unknown, per_drawer)
