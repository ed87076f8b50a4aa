"""The analysis jobs: pure NumPy functions (engine calls), no Qt, so they can run in the analysis thread
or in its helper process. Each takes arguments that belong to the job (model copies, arrays nobody
changes afterwards) and returns plain data: dicts of arrays and small frozen records.
"""

from __future__ import annotations

import io
import os
import pickle
import threading
import time
from collections.abc import Sequence

import numpy as np

from engine import Drawing, augmented_versions, rasterize, rasterize_many, stratified_split
from engine.analysis import (
    RAW,
    LabelSuspect,
    confusion_cells,
    confusion_matrix,
    dataset_health,
    layer_outputs,
    most_confidently_wrong,
    occlusion_patches,
    pca_2d,
    probe_layer,
    representation_layers,
    saliency_map,
    stratified_rows,
    untrained_like,
)
from gui.core.merge import UNKNOWN_DRAWER, drawer_of
from gui.core.training import INPUT_SIZE  # the one input size of the app

MAX_FIT_ROWS = 600  # PCA directions are fitted on at most this many drawings (all are projected)
MAX_PROBE_ROWS = 2000  # linear probes use at most this many drawings (a seeded stratified sample)
PROBE_SEED = 1  # which sample, when there are more drawings than that
BASELINE_SEEDS = (1, 2, 3)  # the untrained baseline: the mean probe of this many random initialisations
AUGMENT_COUNT = 8
OCCLUSION_PATCH = 6


def _subset(y: np.ndarray, limit: int, seed: int = 0) -> np.ndarray:
    """At most `limit` row indices, a seeded random subset (sorted); all rows when there are few enough."""
    n = len(y)
    if n <= limit:
        return np.arange(n)
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n, size=limit, replace=False))


# -- jobs --------------------------------------------------------------------


def _known(labels: Sequence[str], classes: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(dataset positions of drawings whose label is one of `classes`, their class indices)."""
    index = {c: i for i, c in enumerate(classes)}
    ids = np.array([i for i, lab in enumerate(labels) if lab in index], dtype=np.int64)
    y = np.array([index[labels[i]] for i in ids], dtype=np.int64)
    return ids, y


PICKLE_CHUNK = 20  # drawings pickled at a time on their way to the helper process (about a millisecond)
BLOCK_BYTES = 1 << 18  # chunks are gathered into blocks of about this size (sent out of band, see below)


def _joined(blocks) -> tuple:
    out: list = []
    for block in blocks:
        size = memoryview(block).nbytes
        f = io.BytesIO(block)
        while f.tell() < size:
            out.extend(pickle.load(f))
    return tuple(out)


class SentInChunks(tuple):
    """A tuple that is pickled PICKLE_CHUNK items at a time (for the helper process). Pickling 50,000
    drawings in one go is one C call that holds Python's interpreter lock for seconds, during which the
    GUI thread cannot run; between chunks the analysis thread lets it go. The chunks' pickles are gathered
    into blocks of about BLOCK_BYTES; with pickle protocol 5 each block is a `PickleBuffer`, which
    `gui.workers.helper.send_message` sends out of band, so the outer pickle does not copy 40 MB of them in
    one C call either. Unpickled, a plain tuple."""

    __slots__ = ()

    def blocks(self) -> list[bytearray]:
        n = PICKLE_CHUNK
        blocks, block = [], bytearray()
        for i in range(0, len(self), n):
            block += pickle.dumps(tuple(self[i:i + n]), pickle.HIGHEST_PROTOCOL)
            if len(block) >= BLOCK_BYTES:
                blocks.append(block)
                block = bytearray()
        if block:
            blocks.append(block)
        return blocks

    def __reduce_ex__(self, protocol):
        blocks = self.blocks()
        if protocol >= 5:
            return _joined, ([pickle.PickleBuffer(b) for b in blocks],)
        return _joined, ([bytes(b) for b in blocks],)

    def __reduce__(self):
        return self.__reduce_ex__(4)


def dataset_job(
    drawings: Sequence[Drawing], classes: Sequence[str], duplicate_threshold: float = 0.99
) -> dict:
    """Rasters of every drawing, counts, warnings, near-duplicates, and the raw-pixel projection and probe
    (they do not depend on the model, so they are computed once per dataset)."""
    drawings = list(drawings)
    X = (
        rasterize_many(drawings, INPUT_SIZE)
        if drawings
        else np.zeros((0, 1, INPUT_SIZE, INPUT_SIZE), np.float32)
    )
    labels = [d.label for d in drawings]
    ids, y = _known(labels, classes)
    health = dataset_health(labels, X, list(classes), duplicate_threshold=duplicate_threshold)
    raw = None
    if len(ids):
        raw = {
            "index": RAW,
            "label": "raw pixels",
            "ids": ids,
            "y": y,
            **_representation(X[ids].reshape(len(ids), -1), X.shape[1:], y, len(classes)),
        }
    drawers = [drawer_of(d) for d in drawings]
    return {"X": X, "ids": ids, "y": y, "labels": labels, "drawers": drawers, "health": health, "raw": raw}


def per_drawer(drawers: Sequence[str], ids: np.ndarray, right: np.ndarray) -> dict[str, dict]:
    """Accuracy per named drawer of the drawings at dataset positions `ids` (`right`: predicted right):
    {drawer: {"n", "right", "ids"}} (drawings without a drawer name are left out)."""
    out: dict[str, dict] = {}
    for i, ok in zip(ids.tolist(), right.tolist(), strict=True):
        who = drawers[i] if i < len(drawers) else UNKNOWN_DRAWER
        if who == UNKNOWN_DRAWER:
            continue
        entry = out.setdefault(who, {"n": 0, "right": 0, "ids": []})
        entry["n"] += 1
        entry["right"] += int(ok)
        entry["ids"].append(i)
    return dict(sorted(out.items()))


def _representation(features: np.ndarray, shape: tuple, y: np.ndarray, num_classes: int) -> dict:
    fit = _subset(y, MAX_FIT_ROWS)
    proj = pca_2d(features, fit_rows=fit if len(fit) < len(y) else None)
    return {"points": proj.points, "explained": proj.explained,
            "probe": _probe(features, shape, y, num_classes)}


def _probe(features: np.ndarray, shape: tuple, y: np.ndarray, num_classes: int):
    """The probe shown for one layer (`engine.analysis.probe_layer`: the layer summarised by at most 256
    numbers per drawing, ridge regression, exact leave-one-out) on at most MAX_PROBE_ROWS drawings (a
    stratified sample from PROBE_SEED when there are more; all of them otherwise)."""
    sub = stratified_rows(y, MAX_PROBE_ROWS, PROBE_SEED)
    if len(set(y[sub].tolist())) < 2:
        return None
    return probe_layer(features[sub], shape, y[sub], num_classes)


def untrained_baseline(model, X: np.ndarray, y: np.ndarray, num_classes: int) -> dict[str, float]:
    """{layer label: the mean probe accuracy of that layer in networks with the same layers and random,
    untrained weights (BASELINE_SEEDS)} — what the probe bars compare the trained network with, on the
    same drawings and with the same probe (`_probe`)."""
    layers = [la for la in representation_layers(model) if la.index != RAW]
    sums = {la.label: 0.0 for la in layers}
    sub = stratified_rows(y, MAX_PROBE_ROWS, PROBE_SEED)  # the drawings the trained network's probes use
    for seed in BASELINE_SEEDS:
        fresh = untrained_like(model, seed)
        outs = layer_outputs(fresh, X[sub], [la.index for la in layers]) if len(sub) else {}
        for la in layers:
            probe = _probe(outs[la.index], la.shape, y[sub], num_classes) if len(sub) else None
            sums[la.label] += float("nan") if probe is None else probe.test_accuracy
    return {k: v / len(BASELINE_SEEDS) for k, v in sums.items()}


def model_job(
    model,
    classes: Sequence[str],
    X: np.ndarray,
    labels: Sequence[str],
    val_fraction: float,
    seed: int,
    tag: object = None,
    confidence: float = 0.9,
    test_drawings: Sequence[Drawing] | None = None,
    baseline: bool = False,
    drawers: Sequence[str] | None = None,
) -> dict:
    """For one model (a copy owned by this job) and the dataset's rasters: the representation of every
    layer worth showing (PCA points + probe; raw pixels come from dataset_job), the probabilities of every
    drawing, the confusion matrix of the validation drawings and of all drawings, the most confidently
    wrong drawings and the "check this label" list. Indices are positions in the dataset. `tag` is
    returned as is (the caller's dataset generation). With `test_drawings` (an imported test set) there is
    also a "test" confusion matrix whose indices are positions in the test set. With `baseline`, also the
    untrained networks' probes ("baseline", see `untrained_baseline`). With `drawers` (the drawer of each
    dataset drawing), each matrix also has "drawers": accuracy per named drawer (`per_drawer`)."""
    t0 = time.perf_counter()
    c = len(classes)
    ids, y = _known(labels, classes)
    layers = representation_layers(model)
    wanted = [la.index for la in layers if la.index != RAW]
    last = len(model.layers) - 1
    outs = layer_outputs(model, X[ids], wanted + [last]) if len(ids) else {}
    reps = []
    for la in layers:
        if la.index == RAW:
            continue
        reps.append(
            {
                "index": la.index,
                "label": la.label,
                "ids": ids,
                "y": y,
                **_representation(outs[la.index], la.shape, y, c),
            }
        )
    logits = outs.get(last, np.zeros((0, c), np.float32))
    z = logits - logits.max(axis=1, keepdims=True) if len(logits) else logits
    probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True) if len(z) else z
    pred = probs.argmax(axis=1) if len(probs) else np.zeros(0, np.int64)
    if 0 < val_fraction < 1 and len(ids) >= 2:
        _tr, val_pos = stratified_split([labels[i] for i in ids], val_fraction, seed)
    else:
        val_pos = np.arange(len(ids))
    subsets = {"validation": val_pos, "all": np.arange(len(ids))}
    confusion = {}
    for name, pos in subsets.items():
        confusion[name] = {
            "matrix": confusion_matrix(y[pos], pred[pos], c),
            "cells": confusion_cells(y[pos], pred[pos], c, ids[pos]),
            "wrong": most_confidently_wrong(probs[pos], y[pos], k=12, indices=ids[pos]),
            "n": int(len(pos)),
            "drawers": per_drawer(drawers or (), ids[pos], pred[pos] == y[pos]),
        }
    if test_drawings:
        t_ids, t_y = _known([d.label for d in test_drawings], classes)
        if len(t_ids):
            t_probs = model.predict_proba(rasterize_many([test_drawings[i] for i in t_ids], INPUT_SIZE))
            t_pred = t_probs.argmax(axis=1)
            confusion["test"] = {
                "matrix": confusion_matrix(t_y, t_pred, c),
                "cells": confusion_cells(t_y, t_pred, c, t_ids),
                "wrong": most_confidently_wrong(t_probs, t_y, k=12, indices=t_ids),
                "n": int(len(t_ids)),
            }
    wrong_all = most_confidently_wrong(probs, y, k=len(y), indices=ids)
    suspects = [
        LabelSuspect(m.index, classes[m.true], classes[m.predicted], m.confidence)
        for m in wrong_all
        if m.confidence >= confidence
    ][:50]
    return {
        "tag": tag,
        "ids": ids,
        "y": y,
        "layers": reps,
        "probs": probs,
        "confusion": confusion,
        "suspects": suspects,
        "accuracy": float(np.mean(pred == y)) if len(y) else float("nan"),
        "baseline": untrained_baseline(model, X[ids], y, c) if baseline else None,
        "seconds": time.perf_counter() - t0,  # the job's own computing time (the view's duty cycle)
    }


def drawing_job(
    model,
    strokes: Sequence[np.ndarray] | None,
    aug_seed: int = 0,
    want_maps: bool = True,
    want_augmented: bool = True,
    version: int = 0,
) -> dict:
    """For the canvas drawing: its raster, the saliency (gradient of the predicted class's logit with
    respect to each pixel), the occlusion map, and augmented versions rasterized as training sees them
    (each only when asked for). `version` is returned as is."""
    strokes = [np.asarray(s) for s in (strokes or []) if len(s)]
    if not strokes:
        return {"empty": True, "version": version}
    x = rasterize(strokes, INPUT_SIZE)
    out: dict = {"empty": False, "x": x, "version": version}
    if want_augmented:
        try:
            d = Drawing(tuple(strokes), "")
            versions = augmented_versions(d, AUGMENT_COUNT, seed=aug_seed)
            out["augmented"] = rasterize_many(versions, INPUT_SIZE)[:, 0]
        except ValueError:
            out["augmented"] = np.zeros((0, INPUT_SIZE, INPUT_SIZE), np.float32)
    if model is not None and want_maps:
        sal = saliency_map(model, x)
        occ = occlusion_patches(model, x, patch=OCCLUSION_PATCH, stride=2, target=sal.target)
        largest, where = occ.largest
        out.update(saliency=np.asarray(sal.shown, np.float32), saliency_hidden=sal.hidden,
                   occlusion=occ.average_map(x.shape), occlusion_largest=largest,
                   occlusion_largest_at=where, target=sal.target, probability=occ.probability)
    return out


def lower_priority() -> None:
    """Runs first in the helper process: a lower CPU priority (nice 10), so that on a busy machine the
    GUI and training get the processors first and the analysis takes what is left."""
    try:
        os.nice(10)
    except (AttributeError, OSError):  # not on this platform / not allowed
        pass


def call(fn, args: tuple) -> tuple[int, int, object]:
    """Run fn(*args); -> (process id, thread id, result), so callers can tell where the work ran."""
    return os.getpid(), threading.get_ident(), fn(*args)
