"""PyTorch CPU timing of the same default model, batch and optimizer as `engine.bench.measure_speed`.

    python benchmarks/torch_reference.py [--repeats N] [--batch 32] [--input-size 28] [--classes 4]

Prints one JSON object with the same keys (train_step_ms, infer_ms, batch, input_size, parameters, ...).
torch is not a ShapeLab dependency: `pip install torch` (a CPU build) to run this. Torch keeps its
default thread settings.
"""

from __future__ import annotations

import argparse
import json
import os
import platform

import numpy as np
import torch
from torch import nn

from engine.bench import median_ms  # the same timing as the NumPy side
from engine.model import build_model

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_CORETYPE")


def default_model(num_classes: int, input_size: int) -> nn.Sequential:
    """ShapeLab's "default" preset, layer for layer (same state_dict names and shapes): built from the
    engine's own layer descriptions, so it follows the preset's widths."""
    kinds = {"conv2d": nn.Conv2d, "relu": nn.ReLU, "maxpool2d": nn.MaxPool2d, "avgpool2d": nn.AvgPool2d,
             "flatten": nn.Flatten, "linear": nn.Linear, "dropout": nn.Dropout}
    config = build_model("default", num_classes, input_size).config()
    return nn.Sequential(*[kinds[c["type"]](**{k: v for k, v in c.items() if k != "type"}) for c in config])


def measure(repeats=200, batch=32, input_size=28, num_classes=4, seed=0) -> dict:
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = default_model(num_classes, input_size)
    X = torch.from_numpy((rng.random((batch, 1, input_size, input_size)) < 0.15).astype(np.float32))
    y = torch.from_numpy(rng.integers(0, num_classes, batch))
    one = X[:1].clone()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def train_step():
        opt.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        opt.step()

    def infer():
        with torch.no_grad():
            torch.softmax(model(one), dim=1)

    model.train()
    train_ms, train_min = median_ms(train_step, repeats, max(5, repeats // 10))
    model.eval()
    infer_ms, infer_min = median_ms(infer, repeats, max(5, repeats // 10))
    return {
        "engine": "torch",
        "train_step_ms": round(train_ms, 4),
        "train_step_min_ms": round(train_min, 4),
        "infer_ms": round(infer_ms, 4),
        "infer_min_ms": round(infer_min, 4),
        "batch": batch,
        "input_size": input_size,
        "preset": "default",
        "parameters": sum(p.numel() for p in model.parameters()),
        "repeats": repeats,
        "optimizer": "adam",
        "dtype": "float32",
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "numpy": np.__version__,
        "cpu_count": os.cpu_count(),
        "thread_env": {k: os.environ[k] for k in THREAD_VARIABLES if k in os.environ},
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=200)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--input-size", type=int, default=28)
    ap.add_argument("--classes", type=int, default=4)
    args = ap.parse_args()
    print(json.dumps(measure(args.repeats, args.batch, args.input_size, args.classes)))


if __name__ == "__main__":
    main()
