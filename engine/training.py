"""The training loop, as a generator of small frozen records.

    for record in train(model, (X, y), TrainConfig(epochs=5)):
        ...  # record.kind is "step", "epoch", and finally "done", "stopped" or "diverged"

Nothing here prints or calls back into a GUI: the caller consumes records (usually in a worker
thread) and controls the loop through a TrainControl (pause, resume, step once, stop).

Learning-rate schedule (TrainConfig.schedule): "cosine" warms up linearly from near 0 to
`lr` over the first `warmup` fraction of the steps, then decays to 0 along half a cosine by the last
step (see `scheduled_lr`); "constant" keeps `lr` throughout. The total number of steps is
epochs x steps per epoch, known once the first epoch's arrays are made.

Weight averaging (TrainConfig.ema_decay, on by default): besides the weights the optimizer moves, the
loop keeps a running average of them over the steps, and the model ends with the averaged weights
(Polyak averaging). After the n-th step the average moves by 1 - d toward the weights, with
d = min(ema_decay, (1 + n) / (10 + n)): early on this is polynomial-decay averaging (the average covers
about the latest tenth of the steps so far), and once (1 + n) / (10 + n) exceeds ema_decay, an
exponential moving average over about 1 / (1 - ema_decay) steps (500 at 0.998, reached after ~4,500
steps; the default run on the starter set has 1,352). Averaging smooths out the noise of the last steps'
updates.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .losses import softmax_cross_entropy
from .model import Sequential
from .optim import SGD, Adam
from .text import QT_TRANSLATE_NOOP

EVAL_BATCH = 256


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 8
    batch_size: int = 32
    lr: float = 7e-3  # the peak of the cosine schedule; measured against 2e-3-8e-3 (README Performance)
    optimizer: str = "adam"  # "adam" or "sgd"
    momentum: float = 0.9  # SGD only
    weight_decay: float = 0.0
    seed: int = 0  # shuffling order (the model's own seed sets its initial weights)
    # Weight averaging: after the n-th step avg = d * avg + (1 - d) * weights with d = ema_factor(
    # ema_decay, n); the model ends with avg. 0 turns it off (it ends with the optimizer's last weights).
    ema_decay: float = 0.998
    schedule: str = "cosine"  # "cosine" (linear warm-up, then cosine decay to 0) or "constant"
    warmup: float = 0.1  # fraction of the steps spent warming up (cosine schedule)
    # label smoothing: the training target gives every class this share / classes, the label the rest
    label_smoothing: float = 0.0
    # validations per epoch (with validation data): the last at the epoch's end, the others after evenly
    # spaced steps within it (`validation_points`); 1: at each epoch's end only
    val_per_epoch: int = 1

    def __post_init__(self):
        if self.epochs < 1 or self.batch_size < 1:
            raise ValueError(QT_TRANSLATE_NOOP("Training", "epochs and batch_size must be at least 1"))
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise ValueError(QT_TRANSLATE_NOOP("Training", "the learning rate must be a positive number"))
        if self.optimizer not in ("adam", "sgd"):
            raise ValueError(QT_TRANSLATE_NOOP(
                "Training", "unknown optimizer {optimizer!r}; use 'adam' or 'sgd'"
            ).format(optimizer=self.optimizer))
        if not 0 <= self.ema_decay < 1:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Training", "ema_decay must be at least 0 and less than 1 (0 turns averaging off)"
            ))
        if self.schedule not in ("cosine", "constant"):
            raise ValueError(QT_TRANSLATE_NOOP(
                "Training", "unknown schedule {schedule!r}; use 'cosine' or 'constant'"
            ).format(schedule=self.schedule))
        if not 0 <= self.warmup < 1:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Training", "warmup must be a fraction of the steps: at least 0 and less than 1"
            ))
        if not 0 <= self.label_smoothing < 1:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Training", "label_smoothing must be at least 0 and less than 1"
            ))
        if self.val_per_epoch < 1:
            raise ValueError(QT_TRANSLATE_NOOP("Training", "val_per_epoch must be at least 1"))


def scheduled_lr(config: TrainConfig, step: int, total: int) -> float:
    """The learning rate of step `step` (from 0) of a run of `total` steps.

    "constant": config.lr. "cosine": with w = round(warmup x total) warm-up steps, lr x (step + 1) / w
    while step < w, then lr x (1 + cos(pi x (step - w) / (total - w))) / 2: the peak lr at step w,
    falling to near 0 at the last step (never exactly 0: every step still moves the weights a little).
    """
    if config.schedule == "constant":
        return config.lr
    total = max(int(total), 1)
    w = min(int(round(config.warmup * total)), total - 1)
    if step < w:
        return config.lr * (step + 1) / w
    t = min(step - w, total - w - 1) / (total - w)
    return config.lr * 0.5 * (1.0 + math.cos(math.pi * t))


def validation_points(steps_per_epoch: int, per_epoch: int) -> tuple[int, ...]:
    """The steps of an epoch (counted from 1 within it) after which the model is validated, `per_epoch`
    times an epoch of `steps_per_epoch` steps: after step k x steps_per_epoch // per_epoch for k = 1 ..
    per_epoch, the last being the epoch's end; fewer when the epoch has fewer steps (never twice after a
    step, never before the first)."""
    spe, n = max(int(steps_per_epoch), 1), max(int(per_epoch), 1)
    return tuple(sorted({k * spe // n for k in range(1, n + 1)} - {0}))


def ema_factor(decay: float, n: int) -> float:
    """The averaging factor d for the n-th training step (n from 1): min(decay, (1 + n) / (10 + n))."""
    return min(decay, (1 + n) / (10 + n))


@dataclass(frozen=True)
class TrainRecord:
    """One report from the training loop.

    kind: "step" (after each mini-batch: its loss and accuracy, plus validation figures when the model was
    validated after it: TrainConfig.val_per_epoch > 1), "epoch" (averages over the epoch's mini-batches,
    plus validation figures when validation data was given), or a final "done", "stopped" or "diverged"
    (with `message` in plain words). With weight averaging on, validation
    figures are those of the averaged weights (the ones the model ends with); loss and accuracy are
    those of the mini-batches as trained; `lr` is the learning rate of the latest step. `step` counts
    mini-batches from 1. `elapsed`: seconds since training started (preparing each epoch's arrays and
    the caller's handling of the records included, time spent paused not counted); `eta`: the seconds
    still to go, estimated the same way (see `_Eta`), or None while the run has not yet measured enough
    to estimate it (its first steps, and until its first epoch boundary); 0 in a final record.
    """

    kind: str
    epoch: int
    step: int
    steps_per_epoch: int
    loss: float | None = None
    accuracy: float | None = None
    val_loss: float | None = None
    val_accuracy: float | None = None
    lr: float = 0.0
    elapsed: float = 0.0
    eta: float | None = 0.0
    message: str = ""


class TrainControl:
    """Thread-safe controls for a running train() generator.

    The generator calls `wait_for_turn()` before each mini-batch: it blocks (on a condition
    variable, not spinning) while paused, lets one batch through per `step_once()`, and returns
    False once `stop()` was called.
    """

    def __init__(self):
        self._cond = threading.Condition()
        self._paused = False
        self._stopped = False
        self._allowed = 0  # batches step_once() lets through while paused
        self._waiting = False

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._allowed = 0
            self._cond.notify_all()

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._allowed = 0
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def step_once(self) -> None:
        """Run exactly one more mini-batch, then stay paused (pauses first if running)."""
        with self._cond:
            self._paused = True
            self._allowed += 1
            self._cond.notify_all()

    @property
    def paused(self) -> bool:
        with self._cond:
            return self._paused

    @property
    def stopped(self) -> bool:
        with self._cond:
            return self._stopped

    def wait_until_blocked(self, timeout: float | None = None) -> bool:
        """Blocks until the training loop is waiting in a pause (True) or the timeout passes (False)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._waiting, timeout)

    def wait_for_turn(self) -> bool:
        """Called by the loop before each batch: True to run it, False to stop."""
        with self._cond:
            while self._paused and not self._allowed and not self._stopped:
                self._waiting = True
                self._cond.notify_all()
                self._cond.wait()
            self._waiting = False
            if self._stopped:
                return False
            if self._paused:
                self._allowed -= 1
            return True


def evaluate(model: Sequential, X: np.ndarray, y: np.ndarray, batch_size: int = EVAL_BATCH):
    """Mean softmax cross-entropy and accuracy of `model` on (X, y), in inference mode.

    Uses model.logits, so it may run while another thread trains the same model.
    """
    total, correct = 0.0, 0
    for i in range(0, len(X), batch_size):
        logits = model.logits(X[i : i + batch_size])
        loss, _ = softmax_cross_entropy(logits, y[i : i + batch_size])
        total += loss * len(logits)
        correct += int((logits.argmax(1) == y[i : i + batch_size]).sum())
    return total / len(X), correct / len(X)


def _arrays(data, epoch: int, model: Sequential) -> tuple[np.ndarray, np.ndarray]:
    """An epoch's (X, y), checked. X may be compact (e.g. engine.dataset.Rasters: one byte per pixel,
    anything with `levels` whose X[idx] gives float rows): it is then kept so and converted per
    mini-batch (`_batch`)."""
    X, y = data.arrays(epoch) if hasattr(data, "arrays") else data
    compact = hasattr(X, "levels") and hasattr(X, "__getitem__")
    if not compact:
        X = np.asarray(X, dtype=model.dtype)
    if X.ndim == len(model.input_shape):  # (N, S, S) -> (N, 1, S, S)
        if compact:
            raise ValueError(QT_TRANSLATE_NOOP(
                "Training", "training images have shape {value}, the model needs {value2}"
            ).format(value=X.shape[1:], value2=model.input_shape))
        X = X[:, None]
    y = np.asarray(y)
    if X.shape[1:] != model.input_shape:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Training", "training images have shape {value}, the model needs {value2}"
        ).format(value=X.shape[1:], value2=model.input_shape))
    if len(X) == 0 or len(X) != len(y) or y.ndim != 1 or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(QT_TRANSLATE_NOOP(
            "Training", "need as many integer labels as images, and at least one image"
        ))
    if y.min() < 0 or y.max() >= model.output_shape[0]:
        raise ValueError(QT_TRANSLATE_NOOP(
            "Training", "labels must be in 0..{value}"
        ).format(value=model.output_shape[0] - 1))
    if not compact and not np.isfinite(X).all():
        raise ValueError(QT_TRANSLATE_NOOP(
            "Training", "the training images contain values that are not finite numbers (inf or NaN)"
        ))
    return X, y


def _averaged(model: Sequential, average: dict[str, np.ndarray] | None) -> Sequential:
    """`model` itself, or a copy of it holding the averaged weights."""
    if average is None:
        return model
    twin = model.copy()
    twin.set_weights(average)
    return twin


def _optimizer(config: TrainConfig):
    if config.optimizer == "sgd":
        return SGD(config.lr, momentum=config.momentum, weight_decay=config.weight_decay)
    return Adam(config.lr, weight_decay=config.weight_decay)


class _Eta:
    """Seconds of training left, from what the run has measured so far, or None while that is not yet
    enough to trust (the progress bar then says it is estimating).

        left = steps left x per step + epochs still to come x per wait + validations left x per validation

    - per step: the mean time of the latest steps, one epoch's worth (at least MIN_WINDOW, at most
      MAX_WINDOW steps). An epoch's steps are not all alike: while the next epoch is made in the helper
      process they share the processor with it, and run faster once it is done; a window of one epoch
      holds both kinds in their proportion, where a shorter one would swing with them (the estimate at
      step 20 used to be 20-50 % off), and it still follows a change of the machine's load within an
      epoch, where a mean over the whole run would lag for the rest of it. The steps left in the
      current epoch are counted at the times the same steps of the previous epoch took (the same phase
      of the helper's work), once there is a previous epoch of the same length.
    - per wait: the mean time spent waiting for an epoch's arrays (the helper's next epoch) at the
      epoch boundaries after the first; 0 until one is measured. Per validation: the mean time of
      validating after an epoch.
    - left out as one-off start-up costs: the run's first step (the model's buffers are made then), the
      first epoch's arrays, and the wait at the first epoch boundary (it holds the helper process's start:
      0.8 s of a 20 s run on a busy machine; projected onto the 6 boundaries to come it made the
      estimate 46 % long).

    Trusted (`left` returns a number) once TRUST_STEPS steps are measured and, while more epochs are to
    come, the first epoch boundary has been passed: before that the waits between epochs are unknown,
    and they are a large part of a short run.
    """

    MIN_WINDOW = 50
    MAX_WINDOW = 400
    TRUST_STEPS = 20

    def __init__(self):
        self.recent: deque[float] = deque(maxlen=self.MAX_WINDOW)
        self.current: list[float] = []  # this epoch's step times, in order
        self.previous: list[float] = []  # the previous epoch's
        self.waits: list[float] = []
        self.validations: list[float] = []
        self.first_step: float | None = None

    def add_step(self, seconds: float) -> None:
        if self.first_step is None:
            self.first_step = seconds
            self.current.append(seconds)
        else:
            self.recent.append(seconds)
            self.current.append(seconds)

    def new_epoch(self) -> None:
        self.previous, self.current = self.current, []

    def add_wait(self, seconds: float) -> None:
        """Time spent between two epochs other than validating (waiting for the next epoch's arrays)."""
        self.waits.append(max(0.0, seconds))

    def add_validation(self, seconds: float) -> None:
        self.validations.append(seconds)

    def left(self, steps_left: int, epochs_left: int, validations_left: int = 0,
             steps_per_epoch: int = 0) -> float | None:
        """Seconds still to go; None until trustworthy (see the class docstring). `steps_left` counts the
        current epoch's steps still to go and those of the `epochs_left` epochs after it."""
        if len(self.recent) < self.TRUST_STEPS or (epochs_left > 0 and not self.waits):
            return None
        window = min(max(self.MIN_WINDOW, steps_per_epoch), self.MAX_WINDOW)
        latest = list(self.recent)[-window:]
        per_step = sum(latest) / len(latest)
        done = len(self.current)
        in_epoch = max(0, min(steps_left, steps_per_epoch - done))
        if in_epoch and len(self.previous) == steps_per_epoch:
            this_epoch = sum(self.previous[done:])
        else:
            this_epoch = in_epoch * per_step
        steps_after = steps_left - in_epoch
        later = self.waits[1:]  # the first wait (the helper starting up) is a one-off
        per_wait = sum(later) / len(later) if later else 0.0
        per_validation = sum(self.validations) / len(self.validations) if self.validations else 0.0
        rest = epochs_left * per_wait + validations_left * per_validation
        return this_epoch + steps_after * per_step + rest


def train(model: Sequential, data, config: TrainConfig = TrainConfig(), *, val=None,
          control: TrainControl | None = None, clock=time.perf_counter) -> Iterator[TrainRecord]:
    """Trains `model` in place with shuffled mini-batches; yields a TrainRecord after each step and epoch.

    data: (X, y) with X (N, 1, S, S) or (N, S, S) and integer labels y (N,), or an object with
    arrays(epoch) -> (X, y) for fresh (e.g. augmented) arrays each epoch. val: optional (X, y).
    The same seed, data and model give bit-for-bit the same records' losses and final weights.
    With config.ema_decay > 0 the model's weights are replaced by their running average just before
    the final "done" or "stopped" record; after "diverged" the model keeps the last weights that gave
    a finite loss. `clock` (seconds, e.g. time.perf_counter) times the run for `elapsed` and `eta`.
    """
    rng = np.random.default_rng(config.seed)
    opt = _optimizer(config)
    params = model.parameters()
    last_good = model.weights()  # weights that last gave a finite loss
    average = model.weights() if config.ema_decay > 0 else None  # running average of the weights
    if val is not None:
        val = _arrays(val, 0, model)
    started, paused = clock(), 0.0

    def elapsed() -> float:
        """Seconds since the start, time spent paused excluded."""
        return clock() - started - paused

    eta = _Eta()
    step = 0
    X, y = _arrays(data, 0, model)
    spe = math.ceil(len(X) / config.batch_size)
    total = config.epochs * spe  # steps in the run (recounted if an epoch comes with another size)
    points = validation_points(spe, config.val_per_epoch)  # the last is the epoch's end
    epoch_start = 0  # the steps before the current epoch

    def record(kind, epoch, at, **kw):
        left = 0.0
        if kind in ("step", "epoch"):
            epochs_left = config.epochs - epoch - 1
            validations = 0
            if val is not None:  # those of the epochs to come, and this epoch's still to come
                validations = epochs_left * len(points)
                if kind == "step":
                    validations += sum(p > step - epoch_start for p in points[:-1]) + 1
            left = eta.left(max(total - step, 0), epochs_left, validations, spe)
        return TrainRecord(kind, epoch, step, spe, lr=opt.lr, elapsed=at, eta=left, **kw)

    def use_average() -> str:
        """Put the averaged weights into the model; -> a sentence saying so (empty when off)."""
        if average is None:
            return ""
        model.set_weights(average)
        return QT_TRANSLATE_NOOP(
            "Training",
            " The model keeps the running average of its weights over the latest steps (weight averaging)."
        )

    mark = elapsed()  # when the latest step (or the first epoch's arrays) was done
    validating = 0.0  # seconds the latest validation took
    for epoch in range(config.epochs):
        if epoch:
            X, y = _arrays(data, epoch, model)
            now = elapsed()
            eta.add_wait(now - mark - validating)
            mark = now
            if math.ceil(len(X) / config.batch_size) != spe:
                spe = math.ceil(len(X) / config.batch_size)
                total = step + (config.epochs - epoch) * spe
                points = validation_points(spe, config.val_per_epoch)
        epoch_start = step
        order = rng.permutation(len(X))
        if epoch:
            eta.new_epoch()
        loss_sum, correct, seen = 0.0, 0, 0
        for b in range(spe):
            if control is not None:
                t_wait = clock()
                go = control.wait_for_turn()
                paused += clock() - t_wait
                if not go:
                    averaged = use_average()
                    yield record("stopped", epoch, elapsed(), message=QT_TRANSLATE_NOOP(
                        "Training",
                        "Training stopped after {steps} steps, in epoch {epoch} of {epochs}.{averaged}"
                    ).format(steps=step, epoch=epoch + 1, epochs=config.epochs, averaged=averaged))
                    return
            opt.lr = scheduled_lr(config, step, total)
            idx = order[b * config.batch_size : (b + 1) * config.batch_size]
            xb, yb = X[idx], y[idx]
            if xb.dtype != model.dtype:  # a compact epoch's rows arrive as float32
                xb = xb.astype(model.dtype)
            with np.errstate(all="ignore"):  # overflow shows up as a non-finite loss, handled below
                logits = model.forward(xb, training=True)
                loss, dlogits = softmax_cross_entropy(logits, yb, config.label_smoothing)
                finite = math.isfinite(loss)
                if finite:
                    for k, p in params.items():
                        np.copyto(last_good[k], p)
                    model.backward(dlogits, input_grad=False)
                    opt.step(params, model.gradients())
            if not finite:
                model.set_weights(last_good)
                what = (QT_TRANSLATE_NOOP("Training", "infinite") if math.isinf(loss)
                        else QT_TRANSLATE_NOOP("Training", "not a number (NaN)"))
                yield record("diverged", epoch, elapsed(), loss=loss, message=QT_TRANSLATE_NOOP(
                    "Training",
                    "Training stopped at step {step}: the loss became {what}, so the weights were growing "
                    "out of control. The model keeps the last weights that gave a finite loss. Try a lower "
                    "learning rate (for example {lower:g} instead of {lr:g})."
                ).format(step=step + 1, what=what, lower=opt.lr / 10, lr=opt.lr))
                return
            step += 1
            if average is not None:
                d = ema_factor(config.ema_decay, step)
                for k, p in params.items():
                    a = average[k]
                    a *= p.dtype.type(d)
                    a += p.dtype.type(1 - d) * p
            acc = float((logits.argmax(1) == yb).mean())
            loss_sum, correct, seen = loss_sum + loss * len(idx), correct + acc * len(idx), seen + len(idx)
            now = elapsed()
            eta.add_step(now - mark)
            mark = now
            checked = {}
            if val is not None and b + 1 in points[:-1]:  # a validation within the epoch
                with np.errstate(all="ignore"):
                    val_loss, val_acc = evaluate(_averaged(model, average), *val)
                checked = {"val_loss": val_loss, "val_accuracy": val_acc}
                mark = elapsed()
                eta.add_validation(mark - now)
            yield record("step", epoch, mark, loss=loss, accuracy=acc, **checked)
        val_loss = val_acc = None
        if val is not None:
            t_val = elapsed()
            with np.errstate(all="ignore"):
                val_loss, val_acc = evaluate(_averaged(model, average), *val)
            validating = elapsed() - t_val
            eta.add_validation(validating)
        yield record("epoch", epoch, elapsed(), loss=loss_sum / seen, accuracy=correct / seen,
                     val_loss=val_loss, val_accuracy=val_acc)
    averaged = use_average()
    yield record("done", config.epochs - 1, elapsed(),
                 message=QT_TRANSLATE_NOOP(
                     "Training", "Finished {epochs:,} epoch{s} ({steps:,} step{s2}).{averaged}"
                 ).format(
                     epochs=config.epochs, s=_s(config.epochs), steps=step, s2=_s(step), averaged=averaged))


def _s(n: int) -> str:
    """The English plural ending of a count: '1 epoch', '10 epochs', '3,380 steps'."""
    return "" if n == 1 else "s"
