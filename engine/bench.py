"""Speed measurement of the engine (returns figures; the CLI `python main.py bench` prints them).

train_step_ms: one training step of the model (forward, softmax cross-entropy, backward, Adam
update) on a batch of `batch` random drawings; infer_ms: one forward pass of a single drawing with
its softmax (`predict_proba`, as the app calls it).
Both are the median over `repeats` timed runs after a warm-up.
"""

from __future__ import annotations

import os
import platform
import time

import numpy as np

from .losses import softmax_cross_entropy
from .model import build_model
from .optim import Adam

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_CORETYPE")


def _blas() -> str:
    try:
        info = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{info.get('name', '?')} {info.get('version', '')}".strip()
    except Exception:  # the layout of show_config differs between NumPy versions
        return "unknown"


def median_ms(fn, repeats: int, warmup: int) -> tuple[float, float]:
    """(median, fastest) milliseconds of `repeats` calls of fn after `warmup` calls (also used by
    benchmarks/torch_reference.py, so both sides are timed the same way)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times) * 1e3), float(np.min(times) * 1e3)


def measure_speed(repeats: int = 200, batch: int = 32, input_size: int = 28, preset: str = "default",
                  seed: int = 0, num_classes: int = 4) -> dict:
    """Times a training step and a single-drawing forward pass. Returns a JSON-ready dict."""
    rng = np.random.default_rng(seed)
    model = build_model(preset, num_classes, input_size=input_size, seed=seed)
    X = (rng.random((batch, 1, input_size, input_size)) < 0.15).astype(np.float32)
    y = rng.integers(0, num_classes, batch)
    one = X[0, 0].copy()  # one (S, S) drawing, as the app passes it
    opt = Adam(1e-3)
    params = model.parameters()

    def train_step():
        loss, dlogits = softmax_cross_entropy(model.forward(X, training=True), y)
        model.backward(dlogits, input_grad=False)  # as torch: the input needs no gradient
        opt.step(params, model.gradients())

    def infer():
        model.predict_proba(one)

    train_ms, train_min = median_ms(train_step, repeats, warmup=max(5, repeats // 10))
    infer_ms, infer_min = median_ms(infer, repeats, warmup=max(5, repeats // 10))
    return {
        "engine": "shapelab-numpy",
        "train_step_ms": round(train_ms, 4),
        "train_step_min_ms": round(train_min, 4),
        "infer_ms": round(infer_ms, 4),
        "infer_min_ms": round(infer_min, 4),
        "batch": batch,
        "input_size": input_size,
        "preset": preset,
        "parameters": model.num_parameters(),
        "repeats": repeats,
        "optimizer": "adam",
        "dtype": "float32",
        "numpy": np.__version__,
        "blas": _blas(),
        "cpu_count": os.cpu_count(),
        # OpenBLAS uses one thread per core unless one of these variables says otherwise
        "blas_threads": int(os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS")
                            or os.cpu_count() or 1),
        "thread_env": {k: os.environ[k] for k in THREAD_VARIABLES if k in os.environ},
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
