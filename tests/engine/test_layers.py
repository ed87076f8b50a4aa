"""Layer contract: float32, shapes, params/grads, configs, initialisation, errors."""

import ast
from pathlib import Path

import numpy as np
import pytest

from engine import (
    AvgPool2D,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    MaxPool2D,
    ReLU,
    Sigmoid,
    Tanh,
    layer_from_config,
)

X = np.random.default_rng(0).standard_normal((4, 3, 8, 8)).astype(np.float32)


def all_layers():
    return [Conv2D(3, 5, 3, padding=1, rng=0), ReLU(), Sigmoid(), Tanh(), MaxPool2D(2), AvgPool2D(2),
            Flatten(), Dropout(0.3, rng=0)]


@pytest.mark.parametrize("layer", all_layers(), ids=lambda l: l.name)
def test_float32_in_float32_out_and_output_shape(layer):
    y = layer.forward(X, training=True)
    assert y.dtype == np.float32
    assert y.shape == (4, *layer.output_shape((3, 8, 8)))
    dx = layer.backward(np.ones_like(y))
    assert dx.dtype == np.float32 and dx.shape == X.shape
    assert layer.params.keys() == layer.grads.keys()
    for k, p in layer.params.items():
        assert p.dtype == np.float32 and layer.grads[k].dtype == np.float32
        assert layer.grads[k].shape == p.shape


@pytest.mark.parametrize("layer", all_layers() + [Dense(7, 2, rng=0)], ids=lambda l: l.name)
def test_config_round_trip(layer):
    cfg = layer.config()
    again = layer_from_config(cfg)
    assert type(again) is type(layer) and again.config() == cfg


def test_configs_use_pytorch_names():
    assert Conv2D(1, 8, 3, padding="same").config() == {
        "type": "conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": 3, "stride": 1, "padding": 1}
    assert Dense(784, 64).config() == {"type": "linear", "in_features": 784, "out_features": 64}
    assert MaxPool2D(2).config() == {"type": "maxpool2d", "kernel_size": 2, "stride": 2}
    assert AvgPool2D(3, 1).config() == {"type": "avgpool2d", "kernel_size": 3, "stride": 1}
    assert Dropout(0.25).config() == {"type": "dropout", "p": 0.25}
    assert [c().config() for c in (ReLU, Sigmoid, Tanh, Flatten)] == [
        {"type": "relu"}, {"type": "sigmoid"}, {"type": "tanh"}, {"type": "flatten"}]


@pytest.mark.parametrize("cfg", [{"type": "lstm"}, {"type": "relu", "inplace": True}, "relu",
                                 {"type": "linear", "in_features": 3}])
def test_bad_configs_are_refused(cfg):
    with pytest.raises(ValueError):
        layer_from_config(cfg)


def test_pytorch_weight_layout_and_he_initialisation():
    conv, dense = Conv2D(16, 32, 3, rng=0), Dense(2000, 300, rng=0)
    assert conv.params["weight"].shape == (32, 16, 3, 3) and conv.params["bias"].shape == (32,)
    assert dense.params["weight"].shape == (300, 2000) and dense.params["bias"].shape == (300,)
    assert abs(conv.params["weight"].std() - np.sqrt(2 / (16 * 9))) < 0.01
    assert abs(dense.params["weight"].std() - np.sqrt(2 / 2000)) < 0.001
    assert not conv.params["bias"].any() and not dense.params["bias"].any()


def test_initialisation_is_seeded():
    a, b, c = Dense(10, 5, rng=1), Dense(10, 5, rng=1), Dense(10, 5, rng=2)
    np.testing.assert_array_equal(a.params["weight"], b.params["weight"])
    assert not np.array_equal(a.params["weight"], c.params["weight"])


def test_dense_values():
    layer = Dense(2, 2)
    layer.params["weight"][...] = [[1, 2], [3, 4]]
    layer.params["bias"][...] = [0.5, -1]
    np.testing.assert_array_equal(layer.forward(np.array([[1, 1], [2, 0]], np.float32)),
                                  [[3.5, 6], [2.5, 5]])


def test_activation_values():
    x = np.array([-100, -1, 0, 1, 100], np.float32)
    np.testing.assert_allclose(Sigmoid().forward(x), 1 / (1 + np.exp(-x.astype(np.float64))),
                               rtol=1e-6, atol=1e-30)
    np.testing.assert_allclose(Tanh().forward(x), np.tanh(x), rtol=1e-6)


def test_avgpool_values():
    x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
    np.testing.assert_array_equal(AvgPool2D(2).forward(x)[0, 0], [[2.5, 4.5], [10.5, 12.5]])


def test_flatten_is_channel_height_width_order():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 2, 2)
    np.testing.assert_array_equal(Flatten().forward(x)[1], np.arange(12, 24))


def test_dropout_training_only_scaled_and_seeded():
    x = np.ones((200, 50), np.float32)
    y = Dropout(0.25, rng=5).forward(x, training=True)
    assert set(np.unique(y)) == {0.0, np.float32(1 / 0.75)}
    assert abs((y == 0).mean() - 0.25) < 0.02
    np.testing.assert_array_equal(y, Dropout(0.25, rng=5).forward(x, training=True))
    np.testing.assert_array_equal(Dropout(0.25).forward(x), x)


def test_gradients_are_overwritten_not_accumulated():
    layer = Dense(3, 2, rng=0)
    x = np.ones((1, 3), np.float32)
    for _ in range(2):
        layer.forward(x)
        layer.backward(np.ones((1, 2), np.float32))
    np.testing.assert_array_equal(layer.grads["weight"], np.ones((2, 3)))
    np.testing.assert_array_equal(layer.grads["bias"], [1, 1])


def test_astype_float64_copies():
    conv = Conv2D(1, 2, 3, rng=0)
    c64 = conv.astype(np.float64)
    assert c64.params["weight"].dtype == np.float64 and c64.grads["weight"].dtype == np.float64
    c64.params["weight"][...] = 0
    assert conv.params["weight"].any()
    assert c64.forward(X[:, :1].astype(np.float64)).dtype == np.float64


@pytest.mark.parametrize("make", [lambda: Conv2D(1, 2, 0), lambda: Conv2D(1, 2, 3, stride=0),
                                  lambda: Conv2D(1, 2, 3, padding=-1), lambda: Dense(0, 3),
                                  lambda: Dropout(1.0), lambda: MaxPool2D(0)])
def test_bad_arguments_raise(make):
    with pytest.raises(ValueError):
        make()


def test_every_as_strided_view_in_the_engine_is_read_only():
    calls = []
    for path in (Path(__file__).resolve().parents[2] / "engine").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None) and getattr(node.func, "id", getattr(node.func, "attr", ""))
            if isinstance(node, ast.Call) and name == "as_strided":
                ok = any(k.arg == "writeable" and isinstance(k.value, ast.Constant) and k.value.value is False
                         for k in node.keywords)
                calls.append((path.name, node.lineno, ok))
    assert calls, "expected the convolution to use as_strided"
    assert all(ok for *_, ok in calls), calls

