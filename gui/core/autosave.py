"""The last trained model, kept beside the dataset so quitting never throws a training run away.

When a run ends (finished, stopped or diverged) the window calls `autosave(...)`: the model state's model is
written with `engine.save_model` (atomic: a temp file, then os.replace) to `<dataset>.last-model.npz`
beside the user's dataset file (`starter.last-model.npz` in the data folder while only the starter set is
open). Its `extra` is the model file's usual one (`ModelState.extra()`: steps, preset, settings, history)
plus an "autosave" entry: when, which dataset, how many drawings and a digest of their content. At the
next start `restore(...)` reads it and `describe(...)` says in one sentence what it is and whether the
dataset changed since.

Qt-free; the window's hook is `gui.window.model_autosave`.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine import (
    Drawing,
    LoadedModel,
    ModelFileError,
    drawing_key,
    load_model,
    remove_stale_temps,
    save_model,
)
from gui.text import translate

from .model_file import ModelExtra

AUTOSAVE_SUFFIX = ".last-model.npz"
KIND = "shapelab-autosave"
AUTOSAVE_KEY = "autosave"  # the autosave's own entry in the model file's extra


def autosave_path(data_dir: str | os.PathLike, dataset_path: str | os.PathLike | None) -> Path:
    """Where the last trained model of this dataset is kept."""
    if dataset_path is None:
        return Path(data_dir) / f"starter{AUTOSAVE_SUFFIX}"
    p = Path(dataset_path)
    return p.with_name(p.stem + AUTOSAVE_SUFFIX)


def data_digest(drawings: Sequence[Drawing]) -> str:
    """A digest of the drawings' content and order (what the model was trained on)."""
    h = hashlib.blake2b(digest_size=12)
    for d in drawings:
        h.update(drawing_key(d))
    return h.hexdigest()


@dataclass(frozen=True)
class Restored:
    """A model read back from its autosave file: the model, what the model file says about it
    (`extra`, the schema of `gui.core.model_file`), and what the autosave adds."""

    path: Path
    loaded: LoadedModel
    extra: ModelExtra
    saved_at: str
    drawings: int
    digest: str

    def same_data(self, drawings: Sequence[Drawing]) -> bool:
        return self.drawings == len(drawings) and self.digest == data_digest(drawings)

    def describe(self, drawings: Sequence[Drawing]) -> str:
        """One sentence for the status bar: what was restored and whether the data changed since."""
        if self.extra.steps is not None:
            steps = translate("Autosave", "{steps:,} steps").format(steps=self.extra.steps)
        else:
            steps = translate("Autosave", "steps not recorded")
        what = (translate(
            "Autosave",
            "Restored the last trained model ({value}, {steps}, saved {saved_at}, trained on {drawings:,} "
            "drawings) from {name}.",
        ).format(
            value=self.extra.preset or 'loaded',
            steps=steps,
            saved_at=self.saved_at,
            drawings=self.drawings,
            name=self.path.name,
        ))
        if self.same_data(drawings):
            return what + translate("Autosave", " The dataset is the same as then.")
        return what + translate("Autosave", " The dataset changed since: train again to include the changes.")


def autosave(path: str | os.PathLike, model_state, *, drawings: Sequence[Drawing],
             dataset: str | os.PathLike | None) -> Path:
    """Write `model_state`'s model (a gui.core.model_state.ModelState) atomically to `path`: the model
    file's usual extra (steps, preset, settings, history) plus the autosave's own entry (when, which
    dataset, how many drawings, their digest). Raises OSError / ValueError."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = model_state.extra().to_json()
    extra[AUTOSAVE_KEY] = {
        "kind": KIND,
        "saved_at": time.strftime("%Y-%m-%d %H:%M"),
        "dataset": "" if dataset is None else str(dataset),
        "drawings": len(drawings),
        "data_digest": data_digest(drawings),
    }
    save_model(path, model_state.model, list(model_state.classes), extra=extra)
    return path


def restore(path: str | os.PathLike) -> Restored | None:
    """The autosaved model at `path`, or None when there is none. Raises ModelFileError (naming the file)
    when it is there but unusable."""
    path = Path(path)
    remove_stale_temps(path)  # a kill during an autosave left its temporary file
    if not path.exists():
        return None
    loaded = load_model(path)
    raw = loaded.meta.get("extra") if isinstance(loaded.meta, dict) else None
    entry = raw.get(AUTOSAVE_KEY) if isinstance(raw, dict) else None
    if not isinstance(entry, dict) or entry.get("kind") != KIND:
        raise ModelFileError(
            path, translate("Autosave", "not a ShapeLab autosave (its description is missing)")
        )

    def num(key: str) -> int:
        value = entry.get(key, 0)
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0

    def text(key: str) -> str:
        value = entry.get(key, "")
        return value if isinstance(value, str) else ""

    return Restored(path, loaded, ModelExtra.from_json(raw), text("saved_at"), num("drawings"),
                    text("data_digest"))
