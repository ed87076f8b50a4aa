"""The model file: an .npz of PyTorch state_dict arrays plus a JSON description in `__meta__`.

    "0.weight" (out, in, kh, kw), "0.bias" (out,), ..., "N.weight" (out, in) for a Linear at index N
    "__meta__"  0-d string array: {"format": "shapelab-model", "version": 1, "layers": [...],
                "classes": [...], "input_size": 28, "input_shape": [1, 28, 28], "extra": {...}}

The layers are described with PyTorch constructor names, so the weights load into the equivalent
torch.nn.Sequential with load_state_dict(strict=True). Reading never unpickles anything.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass

import numpy as np

from .atomic import atomic_write
from .model import Sequential, model_from_config

FORMAT = "shapelab-model"
VERSION = 1
META_KEY = "__meta__"


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and what is wrong."""

    def __init__(self, path, problem: str):
        self.path, self.problem = os.fspath(path), problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True)
class LoadedModel:
    model: Sequential
    classes: list[str]
    meta: dict


def save_model(path, model: Sequential, classes, extra: dict | None = None) -> None:
    """Writes `model` and its class names to `path` atomically (a temporary file, then os.replace).

    `extra` (JSON-serialisable) is stored under meta["extra"].
    """
    classes = [str(c) for c in classes]
    if len(classes) != model.output_shape[0]:
        raise ValueError(f"the model has {model.output_shape[0]} outputs, {len(classes)} classes given")
    meta = {"format": FORMAT, "version": VERSION, "layers": model.config(), "classes": classes,
            "input_size": model.input_shape[-1], "input_shape": list(model.input_shape),
            "parameters": model.num_parameters(), "extra": extra or {}}
    arrays = {k: v.astype(np.float32) for k, v in model.parameters().items()}
    arrays[META_KEY] = np.array(json.dumps(meta))
    with atomic_write(path, "wb") as f:
        np.savez(f, **arrays)


def _read_arrays(path) -> dict[str, np.ndarray]:
    try:
        z = np.load(path, allow_pickle=False)
        if not isinstance(z, np.lib.npyio.NpzFile):
            raise ModelFileError(path, "not a ShapeLab model file (a single .npy array, not an .npz archive)")
        with z:
            return {name: z[name] for name in z.files}
    except ModelFileError:
        raise
    except FileNotFoundError:
        raise ModelFileError(path, "no such file") from None
    except IsADirectoryError:
        raise ModelFileError(path, "is a folder, not a model file") from None
    except OSError as e:
        raise ModelFileError(path, f"cannot be read ({e.strerror or e})") from None
    except ValueError as e:
        if "pickle" in str(e).lower():
            raise ModelFileError(path, "holds pickled Python objects, which are never loaded "
                                       "(or it is not an .npz file at all)") from None
        raise ModelFileError(path, f"is damaged ({e})") from None
    except (zipfile.BadZipFile, EOFError, KeyError, zipfile.LargeZipFile) as e:
        raise ModelFileError(path, f"is damaged or truncated ({e})") from None
    except Exception as e:  # zlib.error and friends from a corrupt archive
        raise ModelFileError(path, f"is damaged or truncated ({type(e).__name__}: {e})") from None


def load_model(path) -> LoadedModel:
    """Reads a model file written by save_model. Raises ModelFileError (a ValueError) if unusable."""
    arrays = _read_arrays(path)
    raw = arrays.pop(META_KEY, None)
    if raw is None:
        raise ModelFileError(path, f"not a ShapeLab model file (no {META_KEY} entry)")
    if raw.ndim != 0 or raw.dtype.kind != "U":
        raise ModelFileError(path, f"{META_KEY} is not a text entry")
    try:
        meta = json.loads(str(raw))
    except json.JSONDecodeError as e:
        raise ModelFileError(path, f"{META_KEY} is not valid JSON ({e})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelFileError(path, f"not a ShapeLab model file (format is not {FORMAT!r})")
    if meta.get("version") != VERSION:
        raise ModelFileError(path, f"model file version {meta.get('version')!r} is not supported "
                                   f"(this ShapeLab reads version {VERSION})")
    layers, classes = meta.get("layers"), meta.get("classes")
    if not isinstance(layers, list) or not layers:
        raise ModelFileError(path, "the description has no layers")
    if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
        raise ModelFileError(path, "the class names are missing or not text")
    size = meta.get("input_size")
    shape = meta.get("input_shape") or [1, size, size]
    if not (isinstance(size, int) and size > 0 and isinstance(shape, list) and len(shape) == 3
            and all(isinstance(d, int) and d > 0 for d in shape) and shape[-1] == size):
        raise ModelFileError(path, "the input size is missing or invalid")
    try:
        model = model_from_config(layers, tuple(shape))
    except (ValueError, TypeError) as e:
        raise ModelFileError(path, f"the layer description is invalid ({e})") from None
    if model.output_shape != (len(classes),):
        raise ModelFileError(path, f"the model has output shape {model.output_shape} "
                                   f"but {len(classes)} class names")
    params = model.parameters()
    missing, unexpected = sorted(params.keys() - arrays.keys()), sorted(arrays.keys() - params.keys())
    if missing or unexpected:
        raise ModelFileError(path, f"the weights do not match the layers (missing {missing}, "
                                   f"unexpected {unexpected})")
    for k, p in params.items():
        a = arrays[k]
        if a.shape != p.shape:
            raise ModelFileError(path, f"weight {k!r} has shape {a.shape}, the layers need {p.shape}")
        if a.dtype.kind != "f" or not np.isfinite(a).all():
            raise ModelFileError(path, f"weight {k!r} is not finite floating-point numbers")
        p[...] = a
    return LoadedModel(model, list(classes), meta)
