"""The lecture's "Then, how deep?" on the learner's own drawings: networks with 0, 1 and 2 conv blocks
trained for the same short budget (the same steps, batch, learning rate, shuffling and validation
drawings), then the validation accuracy of each and the linear probe of every layer side by side.

NumPy only. `depth_study` is long work: it takes `should_stop` (checked between mini-batches and between
networks; raises `engine.Cancelled`) and `report` (called with a `DepthProgress` after every 10 steps).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from engine.analysis import LayerProbe, layer_probes
from engine.dataset import stratified_split
from engine.model import Sequential, model_from_config
from engine.raster import Cancelled
from engine.text import QT_TRANSLATE_NOOP
from engine.training import TrainConfig, evaluate, train

BLOCKS = (0, 1, 2)
CHANNELS = (16, 28)  # the default preset's conv blocks
HIDDEN = 64  # the default preset's hidden dense layer


def depth_model(blocks: int, num_classes: int, input_size: int = 28, seed: int = 0) -> Sequential:
    """`blocks` conv blocks (Conv 3×3 → ReLU → MaxPool 2, the default preset's 16 and 28 filters), then
    Flatten → Dense 64 → ReLU → Dense: with 2 blocks exactly the default preset, with 0 an MLP with the
    same hidden layer."""
    cfg: list[dict] = []
    channels, size = 1, input_size
    for b in range(blocks):
        out = CHANNELS[b]
        cfg += [{"type": "conv2d", "in_channels": channels, "out_channels": out, "kernel_size": 3,
                 "stride": 1, "padding": 1}, {"type": "relu"},
                {"type": "maxpool2d", "kernel_size": 2, "stride": 2}]
        channels, size = out, size // 2
    flat = channels * size * size
    cfg += [{"type": "flatten"}, {"type": "linear", "in_features": flat, "out_features": HIDDEN},
            {"type": "relu"}, {"type": "linear", "in_features": HIDDEN, "out_features": num_classes}]
    model = model_from_config(cfg, (1, input_size, input_size), seed=seed)
    model.layers[-1].params["weight"] *= np.float32(0.1)  # as build_model: a near-uniform start
    return model


@dataclass(frozen=True)
class DepthProgress:
    blocks: int  # the network being trained
    step: int
    steps: int


@dataclass(frozen=True)
class DepthResult:
    """One network of the study: its conv blocks, parameters, validation accuracy after the budget, the
    seconds it trained, and the probe of each of its layers (raw pixels first)."""

    blocks: int
    parameters: int
    val_accuracy: float
    train_accuracy: float
    seconds: float
    probes: tuple[LayerProbe, ...]


def depth_study(X: np.ndarray, y: np.ndarray, num_classes: int, *, blocks: Sequence[int] = BLOCKS,
                steps: int = 150, batch_size: int = 32, lr: float = 2e-3, val_fraction: float = 0.25,
                seed: int = 0, probe_limit: int = 2000,
                should_stop: Callable[[], bool] | None = None,
                report: Callable[[DepthProgress], None] | None = None) -> list[DepthResult]:
    """Train one network per entry of `blocks` for `steps` mini-batches of `batch_size` (whole epochs
    rounded up, so every network sees the same drawings in the same order) on a stratified
    (1 − val_fraction) of X (N, 1, S, S), y (N,); score each on the held-out rest; probe each network's
    layers on the drawings (`layer_probes`, no untrained baseline). -> one DepthResult per network."""
    X = np.asarray(X, np.float32)
    y = np.asarray(y, np.int64)
    tr, va = stratified_split(y.tolist(), val_fraction, seed)
    tr, va = np.asarray(tr, np.int64), np.asarray(va, np.int64)
    if len(tr) == 0 or len(va) == 0:
        raise ValueError(QT_TRANSLATE_NOOP(
            "DepthStudy", "need drawings of at least two classes, a few of each, to train and to validate"
        ))
    per_epoch = -(-len(tr) // batch_size)
    epochs = max(1, -(-steps // per_epoch))
    out = []
    for b in blocks:
        if should_stop is not None and should_stop():
            raise Cancelled()
        model = depth_model(b, num_classes, X.shape[-1], seed=seed)
        cfg = TrainConfig(epochs=epochs, batch_size=batch_size, lr=lr, seed=seed)
        t0 = time.perf_counter()
        for rec in train(model, (X[tr], y[tr]), cfg):
            if rec.kind == "step":
                if should_stop is not None and should_stop():
                    raise Cancelled()
                if report is not None and (rec.step % 10 == 0 or rec.step == epochs * per_epoch):
                    report(DepthProgress(b, rec.step, epochs * per_epoch))
        seconds = time.perf_counter() - t0
        _loss, val_acc = evaluate(model, X[va], y[va])
        _loss, train_acc = evaluate(model, X[tr], y[tr])
        probes = tuple(layer_probes(model, X, y, num_classes, limit=probe_limit, seed=seed,
                                    baseline_seeds=()))
        out.append(DepthResult(b, model.num_parameters(), float(val_acc), float(train_acc), seconds, probes))
    return out
