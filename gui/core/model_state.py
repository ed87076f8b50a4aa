"""The model and what is true of it, Qt-free.

`ModelState` owns the model the app shows and the facts about it: untrained, trained N steps (during a
run: in or after epoch E of it) on a dataset, or loaded from a file (with the steps and settings saved in
it); its preset, classes and seed; whether the data changed since it was trained (stale); the blow-up
rule that pauses a run whose loss explodes; the run label for the plots; and the words that say all this
(`note`, `label_text`, the run's end and divergence messages). The training controller and the window
ask it and listen to its events; nothing else keeps these facts.

The model file's `extra` entry has ONE schema (`ModelExtra`, in `model_file.py`), written by the app and
the command line and read back when a model is opened.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine import (
    PRESETS,
    LoadedModel,
    ModelFileError,
    Sequential,
    TrainRecord,
    build_model,
    load_model,
    save_model,
)
from gui.text import QT_TRANSLATE_NOOP, translate

from .events import Event
from .model_file import EXTRA_SCHEMA, EpochSummary, ModelExtra, TrainedOn, now_iso  # noqa: F401 (re-exported)
from .training import INPUT_SIZE, TrainSettings

# A run is paused as blowing up when the loss stays above EXPLODE_FACTOR × chance level (ln C, what guessing
# scores) for EXPLODE_STEPS steps in a row: the weights are blowing up though the numbers are still finite.
EXPLODE_FACTOR = 10.0
EXPLODE_STEPS = 3

DIVERGING_STATUS = QT_TRANSLATE_NOOP(
    "ModelState", "Training paused: the loss is diverging. Lower the learning rate."
)


# -- words -------------------------------------------------------------------------------------------------


# The units plural() is called with, for the catalogue (a language without plural endings, like Korean,
# translates "{n} epoch" and "{n} epochs" alike)
PLURAL_UNITS = {
    "epoch": (QT_TRANSLATE_NOOP("Plural", "{n} epoch"), QT_TRANSLATE_NOOP("Plural", "{n} epochs")),
    "step": (QT_TRANSLATE_NOOP("Plural", "{n} step"), QT_TRANSLATE_NOOP("Plural", "{n} steps")),
    "item": (QT_TRANSLATE_NOOP("Plural", "{n} item"), QT_TRANSLATE_NOOP("Plural", "{n} items")),
}


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 epoch', '2 epochs', '3,380 steps' (in the interface's language for the units of PLURAL_UNITS)."""
    if one in PLURAL_UNITS and many is None:
        return translate("Plural", PLURAL_UNITS[one][n != 1]).format(n=f"{n:,}")
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def format_seconds(s: float | None) -> str:
    """A duration for people: '0.4 s', '12 s', '3 min 05 s', '1 h 02 min'; '—' when unknown."""
    if s is None or not math.isfinite(s) or s < 0:
        return "—"
    if s < 9.95:
        return f"{s:.1f} s"
    s = int(round(s))
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    if m < 60:
        return translate("ModelState", "{m} min {s:02d} s").format(m=m, s=s)
    h, m = divmod(m, 60)
    return translate("ModelState", "{h} h {m:02d} min").format(h=h, m=m)


def progress_text(rec: TrainRecord, epochs: int, paused: bool) -> str:
    """The progress bar's words for a record of a run of `epochs` epochs. While paused (or stepping one
    mini-batch at a time) no time left is given: the run goes on only when asked; before the run can
    estimate it (`TrainRecord.eta` None), it says it is estimating."""
    spe = max(1, rec.steps_per_epoch)
    if rec.kind in ("step", "epoch"):
        in_epoch = rec.step - rec.epoch * spe
        head = translate("ModelState", "Epoch {value}/{epochs} · step {in_epoch}/{spe}").format(
            value=rec.epoch + 1, epochs=epochs, in_epoch=in_epoch, spe=spe
        )
        if paused:
            return translate("ModelState", "{head} · paused").format(head=head)
        if rec.eta is None:  # the run has not measured enough yet (its first steps and epoch boundary)
            return translate("ModelState", "{head} · estimating the time left…").format(head=head)
        return translate("ModelState", "{head} · {value} left").format(
            head=head, value=format_seconds(rec.eta)
        )
    if rec.kind == "done":
        return translate("ModelState", "Done: {value}, {value2} in {value3}").format(
            value=plural(epochs, 'epoch'), value2=plural(rec.step, 'step'),
            value3=format_seconds(rec.elapsed)
        )
    if rec.kind == "stopped":
        if rec.step == 0:
            return translate("ModelState", "Stopped before the first step")
        return translate("ModelState", "Stopped in epoch {value}, after {value2}").format(
            value=rec.epoch + 1, value2=plural(rec.step, 'step')
        )
    if rec.kind == "diverged":
        return translate("ModelState", "Paused: the loss diverged at step {value}").format(value=rec.step + 1)
    return ""


def progress_fraction(rec: TrainRecord, epochs: int) -> float | None:
    """How far the run is (0..1) after this record; None to leave the bar as it is."""
    if rec.kind in ("step", "epoch"):
        total = max(1, epochs * max(1, rec.steps_per_epoch))
        return min(1.0, rec.step / total)
    if rec.kind == "done":
        return 1.0
    return None


def end_message(rec: TrainRecord) -> str:
    """What to say when a run ends ("done" or "stopped"); a run stopped before its first step changed
    nothing, and says so (the engine's text would speak of steps and averages that never happened)."""
    if rec.kind == "stopped" and rec.step == 0:
        return translate("ModelState", "Training stopped before the first step: the model is unchanged.")
    # the engine's sentence, said again in the interface's language from the record's numbers
    averaged = ""
    if "(weight averaging)" in rec.message:
        averaged = translate(
            "ModelState",
            " The model keeps the running average of its weights over the latest steps (weight averaging).",
        )
    if rec.kind == "done":
        return translate("ModelState", "Finished {epochs} ({steps}).{averaged}").format(
            epochs=plural(rec.epoch + 1, "epoch"), steps=plural(rec.step, "step"), averaged=averaged)
    total = re.search(r"in epoch \d+ of (\d+)\.", rec.message)
    if rec.kind == "stopped" and total:
        text = translate(
            "ModelState", "Training stopped after {steps}, in epoch {epoch} of {epochs}.{averaged}"
        )
        steps = plural(rec.step, "step")
        return text.format(steps=steps, epoch=rec.epoch + 1, epochs=total[1], averaged=averaged)
    return rec.message


def divergence_texts(rec: TrainRecord, n_classes: int) -> tuple[str, str]:
    """(the training panel's explanation, the status line) for a run paused because its loss blew up
    (`rec.kind == "step"`, the blow-up rule) or ended because it stopped being a number ("diverged")."""
    lr = rec.lr
    if rec.kind == "diverged":
        what = (
            translate(
                "ModelState",
                "the loss became {loss} (not a finite number) at step {value}. The model keeps its last "
                "weights that gave a finite loss.",
            ).format(loss=rec.loss, value=rec.step + 1)
        )
        todo = translate("ModelState", "press Train to continue from those weights")
    else:
        what = (
            translate(
                "ModelState",
                "the loss shot up to {loss:.3g} at step {step}, far above {value:.2f}, the loss of pure "
                "guessing.",
            ).format(loss=rec.loss, step=rec.step, value=math.log(max(2, n_classes)))
        )
        todo = translate("ModelState", "press Stop, then Train to continue with the new rate")
    text = (
        translate(
            "ModelState",
            "Training paused because it is diverging: {what} The learning rate ({lr:g}) is so big that "
            "each step overshoots and the weights blow up.\nWhat to try: lower the learning rate (say "
            "{value:g}) and {todo}, or Reset weights to start again.",
        ).format(what=what, lr=lr, value=lr / 10, todo=todo)
    )
    return text, translate("ModelState", DIVERGING_STATUS)


class BlowUpRule:
    """The one divergence rule: True once the loss has stayed above EXPLODE_FACTOR × ln(C) for
    EXPLODE_STEPS steps in a row (then again only after it came down)."""

    def __init__(self, n_classes: int):
        self.limit = EXPLODE_FACTOR * math.log(max(2, n_classes))
        self.count = 0

    def observe(self, loss: float | None) -> bool:
        if loss is not None and math.isfinite(loss) and loss > self.limit:
            self.count += 1
        else:
            self.count = 0
        return self.count == EXPLODE_STEPS


# -- the state ---------------------------------------------------------------------------------------------


class Origin(enum.Enum):
    """Where the model's weights come from."""

    UNTRAINED = "untrained"
    TRAINED = "trained"  # by a run in this session (from random weights)
    LOADED = "loaded"  # from a file (maybe trained further here)


class ModelChange(enum.Enum):
    """Why `model_changed` fired: a different model (new outputs or architecture) or new weights."""

    BUILT = "built"  # a fresh model with random weights (new classes or preset)
    RESET = "reset"  # the same architecture, fresh random weights
    LOADED = "loaded"  # a model file was opened


class RecordOutcome(enum.Enum):
    """What a training record means for the run (returned by `ModelState.observe`)."""

    NOTHING = "nothing"
    BLOWING_UP = "blowing_up"  # the blow-up rule fired: pause the run and explain
    DIVERGED = "diverged"  # the engine ended the run: the loss is no longer a number
    ENDED = "ended"  # done or stopped


class ModelLoadError(ValueError):
    """A model file that cannot be used here; the message names the file and the problem."""


@dataclass
class _Run:
    settings: TrainSettings
    epochs: int
    snapshot: object  # the DatasetSnapshot the run trains on
    trained_on: TrainedOn | None = None  # said by the caller (the CLI); else made from the snapshot
    samples: tuple[int, int] | None = None  # (training, validation) items, once the data is prepared
    steps: int = 0
    epochs_done: int = 0
    in_epoch: int = 0  # the epoch of the latest step (from 0)
    elapsed: float = 0.0  # seconds of training in this run so far (the engine's clock: pauses excluded)


class ModelState:
    """See the module docstring.

    Events: `model_changed(ModelChange)` (a new model or fresh weights: predictions and filters restart),
    `weights_changed()` (the weights moved: a run's snapshot), `facts_changed()` (steps, staleness or the
    note changed).
    """

    def __init__(self, input_size: int = INPUT_SIZE):
        self.input_size = input_size
        self.model: Sequential | None = None
        self.classes: list[str] = []
        self.preset = "default"
        self.seed = 0
        self.steps = 0  # mini-batches trained on this model in total (a loaded file's saved steps included)
        self.epochs = 0  # epochs completed, all runs
        self.origin = Origin.UNTRAINED
        self.loaded_from: Path | None = None
        self.loaded_extra: ModelExtra | None = None
        self.loaded_steps_known = True  # False for a file that did not record its steps
        self.history: list[EpochSummary] = []
        self.settings: TrainSettings | None = None  # of the latest run
        self.trained_on: TrainedOn | None = None
        self.last_record: TrainRecord | None = None
        self.diverged = False
        self.blowing_up = False
        self.run_count = 0
        self._trained_snapshot = None  # the DatasetSnapshot of the latest run on this model
        self._stale = False
        self._restored = False  # the model was restored from the autosave (mark_restored)
        self._run: _Run | None = None
        self._rule = BlowUpRule(1)
        self.model_changed: Event[ModelChange] = Event()
        self.weights_changed: Event[()] = Event()
        self.facts_changed: Event[()] = Event()

    # -- building, loading, saving ------------------------------------------------------------------

    def fits(self, classes: Sequence[str], preset: str) -> bool:
        """True when the model has one output per class of `classes` and the preset asked for (a loaded
        model keeps training as it is, whatever the preset)."""
        if self.model is None or list(classes) != self.classes:
            return False
        return preset == self.preset or self.origin is Origin.LOADED

    def ensure(self, classes: Sequence[str], preset: str, seed: int = 0, force: bool = False) -> bool:
        """Make sure the model fits these classes and preset; builds a fresh one if not. True if built."""
        if self.fits(classes, preset) and not force:
            return False
        self._build(list(classes), preset, seed)
        self.model_changed.emit(ModelChange.BUILT)
        return True

    def reset(self, seed: int | None = None) -> None:
        """Fresh random weights, the same architecture and classes."""
        preset = self.preset if self.preset in PRESETS else "default"
        self._build(list(self.classes), preset, self.seed if seed is None else seed)
        self.model_changed.emit(ModelChange.RESET)

    def _build(self, classes: list[str], preset: str, seed: int) -> None:
        self.model = build_model(preset, max(1, len(classes)), self.input_size, seed=seed)
        self.classes, self.preset, self.seed = classes, preset, seed
        self._forget()

    def _forget(self) -> None:
        self.steps = self.epochs = 0
        self.origin = Origin.UNTRAINED
        self.loaded_from = self.loaded_extra = None
        self.loaded_steps_known = True
        self.history = []
        self.train_seconds = 0.0  # training time of the runs that ended, all runs of this model
        self.settings = self.trained_on = self.last_record = None
        self.diverged = self.blowing_up = False
        self._trained_snapshot = None
        self._stale = False
        self._restored = False

    def set_model(
        self,
        model: Sequential,
        classes: Sequence[str],
        extra: ModelExtra | None = None,
        path: str | Path | None = None,
    ) -> None:
        """Use a model read elsewhere (a file's model and its extra)."""
        extra = extra or ModelExtra()
        self.model, self.classes = model, list(classes)
        self._forget()
        self.preset = extra.preset if extra.preset in PRESETS else "loaded"
        self.seed = extra.seed or 0
        self.origin = Origin.LOADED
        self.loaded_from = Path(path) if path is not None else None
        self.loaded_extra = extra
        self.loaded_steps_known = extra.steps is not None
        self.steps = extra.steps or 0
        self.epochs = extra.epochs or 0
        self.history = list(extra.history)
        self.train_seconds = extra.elapsed or 0.0
        self.trained_on = extra.trained_on
        self.settings = TrainSettings.of_run(extra.settings) if extra.settings else None
        self.model_changed.emit(ModelChange.LOADED)

    def load(self, path: str | Path) -> LoadedModel:
        """Open a model file; raises ModelLoadError (a file that is damaged, foreign, or not for this
        input size) with a message naming the file."""
        try:
            loaded = load_model(path)
        except (ModelFileError, OSError) as exc:
            raise ModelLoadError(str(exc)) from exc
        size = self.input_size
        if tuple(loaded.model.input_shape) != (1, size, size):
            raise ModelLoadError(
                translate(
                    "ModelState",
                    "{path}: it expects inputs of shape {value}, ShapeLab draws {size}×{size}.",
                ).format(path=path, value=tuple(loaded.model.input_shape), size=size)
            )
        self.set_model(loaded.model, loaded.classes, ModelExtra.from_json(loaded.meta.get("extra")), path)
        return loaded

    def extra(self) -> ModelExtra:
        """What the model file will say about this model."""
        settings = self.settings.as_dict() if self.settings is not None else {}
        if not settings and self.loaded_extra is not None:
            settings = dict(self.loaded_extra.settings)
        return ModelExtra(
            preset=self.preset if self.preset in PRESETS else None,
            steps=self.steps if self.loaded_steps_known else None,
            epochs=self.epochs,
            trained_on=self.trained_on,
            seed=self.seed,
            settings=settings,
            created=now_iso(),
            history=tuple(self.history),
            elapsed=self.training_seconds(),
        )

    def training_seconds(self) -> float:
        """Seconds this model has trained, all runs (the one under way so far included)."""
        return self.train_seconds + (self._run.elapsed if self._run is not None else 0.0)

    def save(self, path: str | Path) -> None:
        """Write the model and its extra atomically. Raises OSError or ValueError."""
        if self.model is None:
            raise ValueError(translate("ModelState", "there is no model to save"))
        save_model(path, self.model, list(self.classes), extra=self.extra().to_json())

    # -- a run --------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._run is not None

    def begin_run(self, snapshot, settings: TrainSettings, trained_on: TrainedOn | None = None) -> str:
        """A run starts on `snapshot` (a DatasetSnapshot; the model fits its classes already), or on the
        data `trained_on` describes (the CLI, with no snapshot). Returns the run's label."""
        cont = self.steps > 0
        self.run_count += 1
        self._run = _Run(settings, max(1, settings.epochs), snapshot, trained_on)
        self._rule = BlowUpRule(len(self.classes))
        self.diverged = self.blowing_up = False
        # with weight averaging the validation points are the averaged weights' (the ones the model keeps)
        avg = translate("ModelState", ", weights averaged") if settings.average else ""
        more = translate("ModelState", ", continued") if cont else ""
        return translate("ModelState", "run {run_count}: {preset}, {optimizer} lr {lr:g}{avg}{more}").format(
            run_count=self.run_count, preset=settings.preset, optimizer=settings.optimizer, lr=settings.lr,
            avg=avg, more=more
        )

    def prepared(self, n_train: int, n_val: int) -> None:
        """The run's data is ready: this many training and validation items."""
        if self._run is not None:
            self._run.samples = (int(n_train), int(n_val))

    def observe(self, rec: TrainRecord, watch: bool = True) -> RecordOutcome:
        """A record of the current run: counts steps and epochs, keeps the history, and (when `watch`: the
        run is running, not stepped by hand) applies the blow-up rule."""
        run = self._run
        self.last_record = rec
        if run is None:
            return RecordOutcome.NOTHING
        if rec.elapsed is not None and math.isfinite(rec.elapsed):
            run.elapsed = max(run.elapsed, float(rec.elapsed))
        if rec.kind == "step":
            if run.steps == 0:  # the first step: the model is now trained on this run's data
                self._trained_on_run(run)
            run.steps += 1
            run.in_epoch = rec.epoch
            self.steps += 1
            if self._rule.observe(rec.loss) and watch:
                self.blowing_up = self.diverged = True
                self.facts_changed.emit()
                return RecordOutcome.BLOWING_UP
            return RecordOutcome.NOTHING
        if rec.kind == "epoch":
            run.epochs_done += 1
            self.epochs += 1
            if rec.loss is not None and rec.accuracy is not None:
                self.history.append(EpochSummary.of(rec))
            self.facts_changed.emit()
            return RecordOutcome.NOTHING
        if rec.kind == "diverged":
            self.diverged = True
            self.facts_changed.emit()
            return RecordOutcome.DIVERGED
        if rec.kind in ("done", "stopped"):
            self.facts_changed.emit()
            return RecordOutcome.ENDED
        return RecordOutcome.NOTHING

    def _trained_on_run(self, run: _Run) -> None:
        snap = run.snapshot
        if self.origin is Origin.UNTRAINED:
            self.origin = Origin.TRAINED
        self.settings = run.settings
        self._trained_snapshot = snap
        self._stale = False
        self._restored = False
        if run.trained_on is not None:
            self.trained_on = run.trained_on
            return
        size = sum(run.samples) if run.samples else len(getattr(snap, "drawings", ()))
        self.trained_on = TrainedOn(
            Path(str(getattr(snap, "source", ""))).name or "dataset",
            size,
            getattr(snap, "version", None),
            tuple(str(f) for f in getattr(snap, "image_folders", ())),
            run.samples[0] if run.samples else None,
        )

    def end_run(self) -> None:
        """The run's thread ended (done, stopped, failed or diverged)."""
        if self._run is not None:
            self.train_seconds += self._run.elapsed
        self._run = None
        self.blowing_up = False
        self.facts_changed.emit()

    def set_weights(self, weights: dict) -> None:
        """New weights from the run (a copy made in the training thread)."""
        if self.model is not None:
            self.model.set_weights(weights)
            self.weights_changed.emit()

    # -- staleness ----------------------------------------------------------------------------------

    def mark_restored(self, snapshot, same_data: bool) -> None:
        """A model restored at start (the app's autosave, `gui.core.autosave`): it was trained on
        `snapshot` when `same_data`, else on data that has changed since (stale until it trains again)."""
        self._trained_snapshot = snapshot if same_data else _CHANGED_SINCE
        self._restored = True
        self.update_stale(snapshot)

    def is_stale(self, snapshot) -> bool:
        """True when the data a run would see now (`snapshot`: drawings, classes, image folders) differs
        from what the model was last trained on. Saving the dataset under another name changes nothing."""
        old = self._trained_snapshot
        if old is None or snapshot is None:
            return False
        if getattr(old, "version", None) == getattr(snapshot, "version", None):
            return False
        return not _same_data(old, snapshot)

    # -- words --------------------------------------------------------------------------------------

    @property
    def trained(self) -> bool:
        return self.steps > 0 or (self.origin is Origin.LOADED)

    def steps_text(self) -> str:
        if self.origin is Origin.LOADED and not self.loaded_steps_known:
            if self.steps == 0:
                return translate("ModelState", "steps not recorded")
            return translate("ModelState", "{steps:,} more steps").format(steps=self.steps)
        return plural(self.steps, "step")

    def note_for(self, stale: bool = False) -> str:
        """One line saying which model is shown: 'Untrained (random weights)', 'After epoch 3 of 10 ·
        1,017 steps', 'Trained 3,380 steps on this dataset', 'Loaded from shapes.npz · 3,380 steps'."""
        if self.model is None:
            return translate("ModelState", "No model yet")
        run = self._run
        if run is not None and run.steps > 0:
            if run.epochs_done and run.in_epoch < run.epochs_done:
                where = translate("ModelState", "After epoch {epochs_done} of {epochs}").format(
                    epochs_done=run.epochs_done, epochs=run.epochs
                )
            else:
                where = translate("ModelState", "Epoch {value} of {epochs}").format(
                    value=run.in_epoch + 1, epochs=run.epochs
                )
            return f"{where} · {self.steps_text()}"
        if self.origin is Origin.LOADED:
            name = translate("ModelState", "a file") if self.loaded_from is None else self.loaded_from.name
            further = self._trained_snapshot is not None and not self._restored
            then = translate("ModelState", ", trained further") if further else ""
            text = translate("ModelState", "Loaded from {name}{then} · {steps}")
            return text.format(name=name, then=then, steps=self.steps_text())
        if self.steps == 0:
            return translate("ModelState", "Untrained (random weights)")
        where = (translate("ModelState", "data that has changed since") if stale
                 else translate("ModelState", "this dataset"))
        text = translate("ModelState", "Trained {steps} on {where}")
        return text.format(steps=self.steps_text(), where=where)

    @property
    def note(self) -> str:
        return self.note_for(self._stale)

    def update_stale(self, snapshot) -> bool:
        """Recompute staleness against the current data; fires facts_changed when it changes."""
        stale = self.is_stale(snapshot)
        if stale != self._stale:
            self._stale = stale
            self.facts_changed.emit()
        return stale

    @property
    def stale(self) -> bool:
        return self._stale

    def label_text(self) -> str:
        """The status bar's model label: 'Model: default · 92,352 weights · 3,380 steps trained'."""
        if self.model is None:
            return ""
        if self.origin is Origin.LOADED and not self.loaded_steps_known and self.steps == 0:
            trained = translate("ModelState", "trained (steps not recorded)")
        elif self.steps:
            trained = translate("ModelState", "{steps:,} steps trained").format(steps=self.steps)
        else:
            trained = "untrained"
        return translate("ModelState", "Model: {preset} · {value:,} weights · {trained}").format(
            preset=self.preset, value=self.model.num_parameters(), trained=trained
        )

    def details(self) -> str:
        """Several lines on the model (a tooltip): what it is, how it was trained, with which settings."""
        if self.model is None:
            return ""
        lines = [self.note, self.label_text(),
                 translate("ModelState", "Classes: {classes}").format(classes=", ".join(self.classes))]
        if self.loaded_from is not None:
            created = self.loaded_extra.created if self.loaded_extra else None
            line = translate("ModelState", "File: {loaded_from}").format(loaded_from=self.loaded_from)
            if created:
                line += translate("ModelState", " (written {created})").format(created=created)
            lines.append(line)
        if self.epochs:
            lines.append(translate("ModelState", "Epochs completed: {epochs:,}").format(epochs=self.epochs))
        if self.trained_on is not None and self.trained_on.name:
            on = self.trained_on
            samples = ""
            if on.samples:
                samples = translate("ModelState", ", {samples:,} of them for training")
                samples = samples.format(samples=on.samples)
            lines.append(translate("ModelState", "Trained on: {name} ({value}{samples})").format(
                name=on.name, value=plural(on.size, 'item'), samples=samples
            ))
        s = self.settings
        if s is not None:
            if s.average:
                avg = translate("ModelState", "weight averaging {ema_decay:g}").format(ema_decay=s.ema_decay)
            else:
                avg = translate("ModelState", "no weight averaging")
            aug = translate("ModelState", "augmented")
            if not s.augment:
                aug = translate("ModelState", "not augmented")
            lines.append(
                translate(
                    "ModelState",
                    "Settings: {recipe} a run, {aug}, {avg}, validation {val_split:.0%}, seed {seed}",
                ).format(recipe=s.describe(), aug=aug, avg=avg, val_split=s.val_split, seed=s.seed)
            )
        if self.history and self.history[-1].val_accuracy is not None:
            lines.append(translate("ModelState", "Validation accuracy after the last epoch: {accuracy:.1%}")
                         .format(accuracy=self.history[-1].val_accuracy))
        return "\n".join(lines)

    def loaded_message(self, dataset_classes: Sequence[str]) -> str:
        """The status line after opening a model file."""
        parts = [translate("ModelState", "Model loaded from {path}").format(path=self.loaded_from)]
        extra = self.loaded_extra or ModelExtra()
        facts = [self.steps_text() if self.steps or not self.loaded_steps_known else "untrained"]
        if extra.trained_on is not None and extra.trained_on.name:
            facts.append(translate("ModelState", "trained on {name}").format(name=extra.trained_on.name))
        if self.settings is not None:
            s = self.settings
            facts.append(translate("ModelState", "{optimizer} lr {lr:g}, batch {batch_size}").format(
                optimizer=s.optimizer, lr=s.lr, batch_size=s.batch_size
            ))
        text = f"{parts[0]}: {', '.join(facts)}."
        missing = [c for c in self.classes if c not in dataset_classes]
        if missing:
            text += translate("ModelState", " Its classes not in this dataset: {classes}.").format(
                classes=", ".join(missing))
        return text


class _ChangedSince:
    """Stands for data a restored model was trained on that is not the data now (never the same)."""

    version = None
    classes = ()
    image_folders = ()
    drawings = ()


_CHANGED_SINCE = _ChangedSince()


def _same_data(a, b) -> bool:
    """The same drawings (the very same objects: an edit makes new ones), classes and image folders."""
    if tuple(getattr(a, "classes", ())) != tuple(getattr(b, "classes", ())):
        return False
    if tuple(getattr(a, "image_folders", ())) != tuple(getattr(b, "image_folders", ())):
        return False
    da, db = a.drawings, b.drawings
    return len(da) == len(db) and all(x is y for x, y in zip(da, db, strict=True))
