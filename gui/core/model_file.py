"""The model file's `extra` entry: ONE schema, written by the app and the command line alike and read back
when a model is opened (`engine.save_model` stores it under meta["extra"]).

    {"schema": 1, "preset": "default", "steps": 3380, "epochs": 10,
     "trained_on": {"name": "shapes.ndjson", "size": 2000, "version": 12, "files": [], "samples": 1800},
     "seed": 0, "settings": {TrainSettings as a dict}, "created": "2026-12-07T09:00:00+0000",
     "history": [{"epoch": 1, "loss": 0.9, "accuracy": 0.6, "val_loss": 0.8, "val_accuracy": 0.7}, ...],
     "val_accuracy": 0.97}

Every field may be missing or null (an older file, or nothing known); reading never fails on them.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from engine import TrainRecord

EXTRA_SCHEMA = 1  # the version of the schema above


@dataclass(frozen=True)
class TrainedOn:
    """The data a model was trained on: a dataset name (file name, or the CLI's DATA), its version in the
    app (None from the CLI), how many drawings and images it held, the files read."""

    name: str
    size: int
    version: int | None = None
    files: tuple[str, ...] = ()
    samples: int | None = None  # of them, the training split

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "size": self.size,
            "version": self.version,
            "files": list(self.files),
            "samples": self.samples,
        }

    @classmethod
    def from_json(cls, d) -> TrainedOn | None:
        if isinstance(d, list):  # CLI files before the schema: a list of DATA paths
            files = tuple(str(p) for p in d)
            return cls(", ".join(Path(p).name for p in files), 0, None, files)
        if not isinstance(d, dict):
            return None
        return cls(
            str(d.get("name", "")),
            _int(d.get("size")) or 0,
            _int(d.get("version")),
            tuple(str(p) for p in d.get("files") or ()),
            _int(d.get("samples")),
        )


@dataclass(frozen=True)
class EpochSummary:
    """One epoch's figures, as the plots show them (validation figures None without a validation split)."""

    epoch: int  # from 1
    loss: float
    accuracy: float
    val_loss: float | None = None
    val_accuracy: float | None = None

    @classmethod
    def of(cls, rec: TrainRecord) -> EpochSummary:
        return cls(
            rec.epoch + 1,
            float(rec.loss),
            float(rec.accuracy),
            _float(rec.val_loss),
            _float(rec.val_accuracy),
        )


@dataclass(frozen=True)
class ModelExtra:
    """What a model file says about its model (meta["extra"]); every field may be missing (None)."""

    preset: str | None = None
    steps: int | None = None  # mini-batches trained, all runs
    epochs: int | None = None  # epochs completed, all runs
    trained_on: TrainedOn | None = None
    seed: int | None = None
    settings: dict = field(default_factory=dict)  # TrainSettings.as_dict() of the latest run
    created: str | None = None  # ISO 8601, when the file was written
    history: tuple[EpochSummary, ...] = ()
    elapsed: float | None = None  # seconds of training, all runs (pauses not counted)

    def to_json(self) -> dict:
        out = {
            "schema": EXTRA_SCHEMA,
            "preset": self.preset,
            "steps": self.steps,
            "epochs": self.epochs,
            "trained_on": self.trained_on.to_json() if self.trained_on else None,
            "seed": self.seed,
            "settings": dict(self.settings),
            "created": self.created,
            "history": [_finite_dict(vars(h)) for h in self.history],
            "elapsed": self.elapsed,
        }
        if self.history and self.history[-1].val_accuracy is not None:
            out["val_accuracy"] = self.history[-1].val_accuracy
        return out

    @classmethod
    def from_json(cls, d) -> ModelExtra:
        """Read back, tolerant: files from before the schema (the app's {"preset", "steps"}, the CLI's
        {"trained_on": [...], "samples", "epochs", "ema_decay", "seed"}) and damaged values give None."""
        if not isinstance(d, dict):
            return cls()
        settings = d.get("settings") if isinstance(d.get("settings"), dict) else {}
        if not settings and "ema_decay" in d:  # the CLI before the schema
            settings = {"ema_decay": _float(d.get("ema_decay"))}
        history = []
        for h in d.get("history") or ():
            try:
                history.append(
                    EpochSummary(
                        int(h["epoch"]),
                        float(h["loss"]),
                        float(h["accuracy"]),
                        _float(h.get("val_loss")),
                        _float(h.get("val_accuracy")),
                    )
                )
            except (KeyError, TypeError, ValueError):
                continue
        trained_on = TrainedOn.from_json(d.get("trained_on"))
        if trained_on is not None and trained_on.samples is None and _int(d.get("samples")) is not None:
            trained_on = TrainedOn(
                trained_on.name, trained_on.size, trained_on.version, trained_on.files, _int(d.get("samples"))
            )
        preset = d.get("preset")
        return cls(
            preset=str(preset) if isinstance(preset, str) else None,
            steps=_int(d.get("steps")),
            epochs=_int(d.get("epochs")),
            trained_on=trained_on,
            seed=_int(d.get("seed")),
            settings=settings,
            created=d.get("created") if isinstance(d.get("created"), str) else None,
            history=tuple(history),
            elapsed=_float(d.get("elapsed")),
        )


def _int(v) -> int | None:
    if isinstance(v, bool) or v is None:
        return None
    try:
        return int(v)
    except (TypeError, ValueError, OverflowError):
        return None


def _float(v) -> float | None:
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


def _finite_dict(d: dict) -> dict:
    """JSON has no NaN or infinity: those become None."""
    return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in d.items()}


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
