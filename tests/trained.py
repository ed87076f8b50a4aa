"""A small trained model for the tests that need one (analysis engine, analysis window)."""

from __future__ import annotations

from engine import TrainConfig, build_model, class_list, generate_drawings, to_arrays, train


def small_trained_model(per_class: int, epochs: int, seed: int):
    """(drawings, classes, X, y, model): `per_class` synthetic drawings of each default class (seed
    `seed`) and the default model trained on them for `epochs` epochs (batch 16, lr 0.003; well under a
    second for 50 a class and 8 epochs)."""
    drawings = generate_drawings(per_class, seed=seed)
    classes = class_list(drawings)
    X, y = to_arrays(drawings, classes)
    model = build_model("default", len(classes), seed=0)
    for _ in train(model, (X, y), TrainConfig(epochs=epochs, batch_size=16, lr=3e-3)):
        pass
    return drawings, classes, X, y, model
