"""The model file: an .npz of PyTorch state_dict arrays plus a JSON description in `__meta__`.

    "0.weight" (out, in, kh, kw), "0.bias" (out,), ..., "N.weight" (out, in) for a Linear at index N
    "__meta__"  0-d string array: {"format": "shapelab-model", "version": 1, "layers": [...],
                "classes": [...], "input_size": 28, "input_shape": [1, 28, 28], "extra": {...}}

The layers are described with PyTorch constructor names, so the weights load into the equivalent
torch.nn.Sequential with load_state_dict(strict=True). Reading never unpickles anything.
"""

from __future__ import annotations

import json
import math
import os
import zipfile
import zlib
from dataclasses import dataclass

import numpy as np

from .atomic import atomic_write, open_regular_file
from .limits import (
    MAX_ENTRY_BYTES,
    MAX_INPUT_SIZE,
    MAX_JSON_DEPTH,
    MAX_META_CHARS,
    MAX_MODEL_ENTRIES,
    MAX_MODEL_LAYERS,
    MAX_MODEL_PARAMETERS,
    json_depth_exceeds,
)
from .model import Sequential, model_from_config
from .text import QT_TRANSLATE_NOOP, Text, exception_text

FORMAT = "shapelab-model"
VERSION = 1
META_KEY = "__meta__"


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and what is wrong."""

    def __init__(self, path, problem: str):
        self.path, self.problem = os.fspath(path), problem
        super().__init__(QT_TRANSLATE_NOOP(
            "ModelFile", "{path}: {problem}"
        ).format(path=self.path, problem=problem))


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
        raise ValueError(QT_TRANSLATE_NOOP(
            "ModelFile", "the model has {value} outputs, {n_classes} classes given"
        ).format(value=model.output_shape[0], n_classes=len(classes)))
    meta = {"format": FORMAT, "version": VERSION, "layers": model.config(), "classes": classes,
            "input_size": model.input_shape[-1], "input_shape": list(model.input_shape),
            "parameters": model.num_parameters(), "extra": extra or {}}
    arrays = {k: v.astype(np.float32) for k, v in model.parameters().items()}
    arrays[META_KEY] = np.array(json.dumps(meta))
    with atomic_write(path, "wb") as f:
        np.savez(f, **arrays)


def _refuse(path, problem: str):
    raise ModelFileError(path, problem)


def _read_arrays(path) -> dict[str, np.ndarray]:
    """Every array of the .npz at `path`, each checked against `engine.limits` from its zip entry and
    .npy header before anything is allocated. Raises ModelFileError."""
    try:
        fd = open_regular_file(path)
    except FileNotFoundError:
        raise ModelFileError(path, QT_TRANSLATE_NOOP("ModelFile", "no such file")) from None
    except IsADirectoryError:
        raise ModelFileError(path, QT_TRANSLATE_NOOP("ModelFile", "is a folder, not a model file")) from None
    except OSError as e:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "cannot be read ({value})"
        ).format(value=e.strerror or e)) from None
    with os.fdopen(fd, "rb") as f:
        head = f.read(8)
        f.seek(0)
        if not head:
            _refuse(path, QT_TRANSLATE_NOOP("ModelFile", "is empty (damaged, or not a ShapeLab model file)"))
        if head.startswith(b"\x93NUMPY"):
            _refuse(path, QT_TRANSLATE_NOOP(
                "ModelFile", "not a ShapeLab model file (a single .npy array, not an .npz archive)"
            ))
        if not head.startswith(b"PK"):
            pickled = head[:1] == b"\x80" and head[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05")
            if pickled:
                _refuse(path, QT_TRANSLATE_NOOP(
                    "ModelFile",
                    "not a ShapeLab model file (not an .npz archive, but a Python pickle, which is never "
                    "loaded)"
                ))
            _refuse(path, QT_TRANSLATE_NOOP("ModelFile", "not a ShapeLab model file (not an .npz archive)"))
        try:
            with zipfile.ZipFile(f) as z:
                return _read_members(path, z)
        except ModelFileError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as e:
            raise ModelFileError(path, QT_TRANSLATE_NOOP(
                "ModelFile", "is damaged or truncated ({e})"
            ).format(e=str(e))) from None
        except (OSError, ValueError, RuntimeError, NotImplementedError) as e:
            raise ModelFileError(path, QT_TRANSLATE_NOOP(
                "ModelFile", "is damaged ({value}: {e})"
            ).format(value=type(e).__name__, e=str(e))) from None


def _read_members(path, z: zipfile.ZipFile) -> dict[str, np.ndarray]:
    infos = z.infolist()
    if len(infos) > MAX_MODEL_ENTRIES:
        _refuse(path, QT_TRANSLATE_NOOP(
            "ModelFile", "not a ShapeLab model file ({n_infos:,} entries)"
        ).format(n_infos=len(infos)))
    # first every member's declared size and .npy header (a few hundred bytes inflated each), so that a
    # file whose members are each small but add up to too much is refused before any array is inflated
    headers = []
    parameters = 0
    for info in infos:
        if not info.filename.endswith(".npy"):
            _refuse(path, QT_TRANSLATE_NOOP(
                "ModelFile", "not a ShapeLab model file (an entry {value!r} that is not an array)"
            ).format(value=info.filename[:60]))
        key = info.filename[:-4]
        if info.file_size > MAX_ENTRY_BYTES:
            _refuse(path, QT_TRANSLATE_NOOP(
                "ModelFile",
                "entry {value!r} declares {value2:,} bytes, more than the limit of {MAX_ENTRY_BYTES:,} "
                "(refused before reading)"
            ).format(value=key[:60], value2=info.file_size, MAX_ENTRY_BYTES=MAX_ENTRY_BYTES))
        with z.open(info) as member:
            shape, fortran, dtype = _read_header(path, key, member)
            offset = member.tell()
        count = math.prod(shape)
        if key == META_KEY:
            if dtype.kind != "U" or shape != ():
                _refuse(path, QT_TRANSLATE_NOOP(
                    "ModelFile", "{META_KEY} is not a text entry"
                ).format(META_KEY=META_KEY))
            if dtype.itemsize // 4 > MAX_META_CHARS:
                _refuse(path, QT_TRANSLATE_NOOP(
                    "ModelFile", "{META_KEY} is longer than {MAX_META_CHARS:,} characters"
                ).format(META_KEY=META_KEY, MAX_META_CHARS=MAX_META_CHARS))
        else:
            parameters += count
            if parameters > MAX_MODEL_PARAMETERS:
                _refuse(path, QT_TRANSLATE_NOOP(
                    "ModelFile",
                    "declares more than {MAX_MODEL_PARAMETERS:,} parameters (at least {parameters:,}; "
                    "refused before reading)"
                ).format(MAX_MODEL_PARAMETERS=MAX_MODEL_PARAMETERS, parameters=parameters))
        nbytes = count * dtype.itemsize
        if offset + nbytes != info.file_size:
            _refuse(path, QT_TRANSLATE_NOOP(
                "ModelFile",
                "is damaged (entry {value!r} declares shape {shape} of {dtype}, but holds {value2:,} bytes)"
            ).format(value=key[:60], shape=shape, dtype=dtype, value2=info.file_size))
        headers.append((info, key, shape, fortran, dtype, count, nbytes))
    arrays: dict[str, np.ndarray] = {}
    for info, key, shape, fortran, dtype, count, nbytes in headers:
        with z.open(info) as member:
            _read_header(path, key, member)
            data = member.read(nbytes)
        if len(data) != nbytes:
            _refuse(path, QT_TRANSLATE_NOOP(
                "ModelFile", "is damaged or truncated (entry {value!r} is short)"
            ).format(value=key[:60]))
        order = "F" if fortran else "C"
        arrays[key] = np.frombuffer(data, dtype=dtype, count=count).reshape(shape, order=order)
    return arrays


def _read_header(path, key: str, member) -> tuple[tuple[int, ...], bool, np.dtype]:
    version = np.lib.format.read_magic(member)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(member)
    elif version == (2, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(member)
    else:
        _refuse(path, QT_TRANSLATE_NOOP(
            "ModelFile", "entry {value!r} is an .npy version {version} array, which is not supported"
        ).format(value=key[:60], version=version))
    if dtype.hasobject:
        _refuse(path, QT_TRANSLATE_NOOP(
            "ModelFile", "entry {value!r} holds pickled Python objects, which are never loaded"
        ).format(value=key[:60]))
    return tuple(shape), bool(fortran), dtype


def _declared_parameters(layers: list) -> int:
    """The parameter count the layer descriptions ask for (0 for a description too odd to count; the
    model's own constructor refuses those)."""
    total = 0
    for cfg in layers:
        if not isinstance(cfg, dict):
            continue
        sizes = [cfg.get(k) for k in ("in_channels", "out_channels", "kernel_size", "in_features",
                                      "out_features")]
        if not all(v is None or (type(v) is int and v > 0) for v in sizes):
            continue
        if cfg.get("type") == "conv2d" and None not in sizes[:3]:
            c_in, c_out, k = sizes[:3]
            total += c_out * c_in * k * k + c_out
        elif cfg.get("type") == "linear" and None not in sizes[3:]:
            f_in, f_out = sizes[3:]
            total += f_out * f_in + f_out
    return total


def load_model(path) -> LoadedModel:
    """Reads a model file written by save_model. Raises ModelFileError (a ValueError) if unusable.

    Nothing is unpickled, and nothing larger than `engine.limits` allows is allocated: each entry's
    declared size and .npy shape, and the parameters the layer description asks for, are checked first.
    A FIFO, folder or device is refused at once."""
    arrays = _read_arrays(path)
    raw = arrays.pop(META_KEY, None)
    if raw is None:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "not a ShapeLab model file (no {META_KEY} entry)"
        ).format(META_KEY=META_KEY))
    if raw.ndim != 0 or raw.dtype.kind != "U":
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "{META_KEY} is not a text entry"
        ).format(META_KEY=META_KEY))
    try:
        meta = json.loads(str(raw))
    except json.JSONDecodeError as e:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "{META_KEY} is not valid JSON ({e})"
        ).format(META_KEY=META_KEY, e=str(e))) from None
    except RecursionError:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "{META_KEY} is nested too deeply"
        ).format(META_KEY=META_KEY)) from None
    except ValueError as e:  # e.g. an integer of more than 4300 digits
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "{META_KEY} is not usable JSON ({value})"
        ).format(META_KEY=META_KEY, value=str(e)[:80])) from None
    if json_depth_exceeds(meta, MAX_JSON_DEPTH):
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "{META_KEY} is nested more than {MAX_JSON_DEPTH} levels deep"
        ).format(META_KEY=META_KEY, MAX_JSON_DEPTH=MAX_JSON_DEPTH))
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "not a ShapeLab model file (format is not {FORMAT!r})"
        ).format(FORMAT=FORMAT))
    if meta.get("version") != VERSION:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile",
            "model file version {value!r} is not supported (this ShapeLab reads version {VERSION})"
        ).format(value=meta.get("version"), VERSION=VERSION))
    layers, classes = meta.get("layers"), meta.get("classes")
    if not isinstance(layers, list) or not layers:
        raise ModelFileError(path, QT_TRANSLATE_NOOP("ModelFile", "the description has no layers"))
    if len(layers) > MAX_MODEL_LAYERS:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "the description has {n_layers:,} layers (at most {MAX_MODEL_LAYERS})"
        ).format(n_layers=len(layers), MAX_MODEL_LAYERS=MAX_MODEL_LAYERS))
    declared = _declared_parameters(layers)
    if declared > MAX_MODEL_PARAMETERS:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile",
            "the layers declare {declared:,} parameters, more than the limit of {MAX_MODEL_PARAMETERS:,} "
            "(refused before allocating)"
        ).format(declared=declared, MAX_MODEL_PARAMETERS=MAX_MODEL_PARAMETERS))
    if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
        raise ModelFileError(path, QT_TRANSLATE_NOOP("ModelFile", "the class names are missing or not text"))
    size = meta.get("input_size")
    shape = meta.get("input_shape") or [1, size, size]
    if not (type(size) is int and 0 < size <= MAX_INPUT_SIZE and isinstance(shape, list) and len(shape) == 3
            and all(type(d) is int and 0 < d <= MAX_INPUT_SIZE for d in shape) and shape[-1] == size):
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "the input size is missing or invalid (at most {MAX_INPUT_SIZE})"
        ).format(MAX_INPUT_SIZE=MAX_INPUT_SIZE))
    try:
        model = model_from_config(layers, tuple(shape))
    except (ValueError, TypeError, OverflowError) as e:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "the layer description is invalid ({value})"
        ).format(value=exception_text(e) if isinstance(exception_text(e), Text) else str(e)[:200])) from None
    if model.output_shape != (len(classes),):
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "the model has output shape {value} but {n_classes} class names"
        ).format(value=model.output_shape, n_classes=len(classes)))
    params = model.parameters()
    missing, unexpected = sorted(params.keys() - arrays.keys()), sorted(arrays.keys() - params.keys())
    if missing or unexpected:
        raise ModelFileError(path, QT_TRANSLATE_NOOP(
            "ModelFile", "the weights do not match the layers (missing {missing}, unexpected {unexpected})"
        ).format(missing=missing, unexpected=unexpected))
    for k, p in params.items():
        a = arrays[k]
        if a.shape != p.shape:
            raise ModelFileError(path, QT_TRANSLATE_NOOP(
                "ModelFile", "weight {k!r} has shape {value}, the layers need {value2}"
            ).format(k=k, value=a.shape, value2=p.shape))
        if a.dtype.kind != "f" or not np.isfinite(a).all():
            raise ModelFileError(path, QT_TRANSLATE_NOOP(
                "ModelFile", "weight {k!r} is not finite floating-point numbers"
            ).format(k=k))
        p[...] = a
    return LoadedModel(model, list(classes), meta)
