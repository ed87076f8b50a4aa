"""PyTorch export: the model file itself (already PyTorch state_dict names and shapes) and, beside it, a
short documented .py that rebuilds the torch.nn.Sequential from `__meta__` and loads the weights.

torch is not needed to export. The check: the copied weights must load back into ShapeLab bit for bit and
the snippet must compile; where torch is installed, the snippet is run on the 32 check drawings too.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import numpy as np

from engine.modelio import LoadedModel, load_model
from engine.text import QT_TRANSLATE_NOOP

from ._check import (
    CHECK_COUNT,
    ExportError,
    ExportResult,
    check_inputs,
    compare,
    engine_probabilities,
    place,
    staging,
)

SNIPPET = '''"""Load the ShapeLab model {weights!r} into PyTorch.

    from {module} import load
    model, classes, meta = load()          # a torch.nn.Sequential in eval mode
    probabilities = model(x).softmax(1)    # x: float32 tensor (N, 1, {size}, {size}), ink 1.0 on 0.0

The .npz holds the state_dict arrays under PyTorch's names plus a JSON `__meta__` entry describing the
layers with PyTorch's constructor arguments, the class names and the preprocessing:
{preprocessing}
Needs numpy and torch only. Written by ShapeLab.
"""

import json
from pathlib import Path

import numpy as np
import torch
from torch import nn

LAYERS = {{"conv2d": nn.Conv2d, "relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh,
          "maxpool2d": nn.MaxPool2d, "avgpool2d": nn.AvgPool2d, "flatten": nn.Flatten,
          "linear": nn.Linear, "dropout": nn.Dropout}}


def load(path=Path(__file__).with_name({weights!r})):
    """Returns (model, class names, meta) for the ShapeLab .npz at `path`."""
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(str(z["__meta__"]))
        state = {{k: torch.from_numpy(z[k].copy()) for k in z.files if k != "__meta__"}}
    model = nn.Sequential(*[LAYERS[c["type"]](**{{k: v for k, v in c.items() if k != "type"}})
                            for c in meta["layers"]])
    model.load_state_dict(state, strict=True)
    return model.eval(), meta["classes"], meta


if __name__ == "__main__":
    model, classes, meta = load()
    print(model)
    print("classes:", ", ".join(classes))
'''


def snippet_text(weights_name: str, module: str, size: int) -> str:
    import textwrap

    from ._check import PREPROCESSING

    pre = textwrap.fill(PREPROCESSING, 104, initial_indent="    ", subsequent_indent="    ")
    return SNIPPET.format(weights=weights_name, module=module, size=size, preprocessing=pre)


def export_torch(loaded: LoadedModel, source, out) -> ExportResult:
    """Writes OUT.npz (a copy of the model file `source`) and OUT.py (the loader) for `out` (a path; its
    suffix is replaced). Raises ExportError (nothing written) if the check fails."""
    out = Path(out)
    stem = re.sub(r"\W", "_", out.stem if out.suffix else out.name)
    if not stem.isidentifier():  # starts with a digit, or empty
        stem = "model_" + stem
    weights, code = out.with_name(stem + ".npz"), out.with_name(stem + ".py")
    X = check_inputs(loaded.model.input_shape[-1])
    expected = engine_probabilities(loaded.model, X)
    with staging(weights) as tmp:
        sw, sc = tmp / weights.name, tmp / code.name
        shutil.copyfile(source, sw)
        sc.write_text(snippet_text(weights.name, stem, loaded.model.input_shape[-1]))
        back = load_model(sw)
        for k, v in loaded.model.parameters().items():
            if not np.array_equal(back.model.parameters()[k], v):
                raise ExportError(QT_TRANSLATE_NOOP(
                    "Export", "{weights}: weight {k} does not load back unchanged; nothing was written"
                ).format(weights=weights, k=k))
        try:
            compile(sc.read_text(), str(code), "exec")
        except SyntaxError as e:
            raise ExportError(QT_TRANSLATE_NOOP(
                "Export", "{code}: the loader does not compile ({e}); nothing was written"
            ).format(code=code, e=e)) from None
        checked = QT_TRANSLATE_NOOP(
            "Export", "weights reload bit for bit, loader compiles (torch not installed: not run)")
        diff = None
        if importlib.util.find_spec("torch") is not None:
            diff = compare(str(code), expected, _run_snippet(sc, X))
            checked = QT_TRANSLATE_NOOP("Export", "the loader run in PyTorch")
        place([(sw, weights), (sc, code)])
    return ExportResult("torch", (str(weights), str(code)), checked, diff, CHECK_COUNT)


def _run_snippet(path: Path, X: np.ndarray) -> np.ndarray:
    import torch

    spec = importlib.util.spec_from_file_location(f"_shapelab_export_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model, _, _ = module.load(path.with_suffix(".npz"))
    with torch.no_grad():
        return model(torch.from_numpy(np.ascontiguousarray(X))).softmax(1).numpy()
