"""Sanity checks that the engine learns: the lecture's perceptron results and CS231n's checks."""

import numpy as np
import pytest

from engine import (
    SGD,
    Adam,
    Dense,
    Sequential,
    Sigmoid,
    Tanh,
    TrainConfig,
    build_model,
    evaluate,
    sigmoid_binary_cross_entropy,
    softmax_cross_entropy,
    train,
)

INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)
TRUTH = {"AND": [0, 0, 0, 1], "OR": [0, 1, 1, 1], "XOR": [0, 1, 1, 0]}


def fit(model: Sequential, targets, epochs=2000, lr=0.5) -> float:
    """Full-batch gradient descent on sigmoid + binary cross-entropy; returns the accuracy."""
    t = np.array(targets, np.float32)[:, None]
    opt = SGD(lr, momentum=0.9)
    for _ in range(epochs):
        _, ds = sigmoid_binary_cross_entropy(model.forward(INPUTS), t)
        model.backward(ds)
        opt.step(model.parameters(), model.gradients())
    predicted = (model.forward(INPUTS) > 0).astype(np.float32)  # sigmoid(s) > 0.5
    return float((predicted == t).mean())


def perceptron(seed):
    return Sequential([Dense(2, 1, rng=seed)], input_shape=(2,))


@pytest.mark.parametrize("gate", ["AND", "OR"])
def test_single_layer_perceptron_learns_linearly_separable_gates(gate):
    assert fit(perceptron(0), TRUTH[gate]) == 1.0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_single_layer_perceptron_cannot_learn_xor(seed):
    assert fit(perceptron(seed), TRUTH["XOR"]) <= 0.75  # a line can separate at most 3 of the 4 points


def test_one_hidden_layer_learns_xor():
    model = Sequential([Dense(2, 4, rng=0), Tanh(), Dense(4, 1, rng=1)], input_shape=(2,))
    assert fit(model, TRUTH["XOR"]) == 1.0


def test_sigmoid_output_layer_probabilities_after_learning_or():
    model = perceptron(0)
    fit(model, TRUTH["OR"])
    p = Sigmoid().forward(model.forward(INPUTS))[:, 0]
    assert p[0] < 0.2 and (p[1:] > 0.8).all()


@pytest.mark.parametrize("classes", [2, 4, 10])
def test_initial_loss_is_about_ln_classes(classes):
    model = build_model("default", classes, seed=0)
    X = (np.random.default_rng(0).random((100, 1, 28, 28)) < 0.15).astype(np.float32)
    loss, _ = softmax_cross_entropy(model.forward(X), np.arange(100) % classes)
    assert loss == pytest.approx(np.log(classes), abs=0.05)


def test_default_model_overfits_20_samples():
    rng = np.random.default_rng(0)
    X = (rng.random((20, 1, 28, 28)) < 0.2).astype(np.float32)
    y = np.arange(20) % 4
    model = build_model("default", 4, seed=0)
    assert evaluate(model, X, y)[1] <= 0.5
    records = list(train(model, (X, y), TrainConfig(epochs=40, batch_size=10, lr=3e-3)))
    assert records[-1].kind == "done"
    loss, acc = evaluate(model, X, y)
    assert acc == 1.0 and loss < 0.1


def test_adam_on_a_packed_model_matches_adam_per_array_bit_for_bit():
    """Adam updates a Sequential's flat parameter buffer in one go; separate arrays give the same bits."""
    rng = np.random.default_rng(0)
    x = (rng.random((8, 1, 28, 28)) < 0.2).astype(np.float32)
    y = rng.integers(0, 4, 8)
    model = build_model("default", 4, seed=3)
    loose = {k: v.copy() for k, v in model.parameters().items()}  # the same values, separate arrays
    packed_opt, loose_opt = Adam(1e-2), Adam(1e-2)
    for _ in range(3):
        model.set_weights(loose)
        _, d = softmax_cross_entropy(model.forward(x, training=True), y)
        model.backward(d, input_grad=False)
        grads = {k: v.copy() for k, v in model.gradients().items()}
        packed = model.parameters()
        packed_opt.step(packed, model.gradients())
        loose_opt.step(loose, grads)
        assert list(packed_opt.state) == [""] and len(loose_opt.state) == len(loose)
        for k, v in loose.items():
            np.testing.assert_array_equal(packed[k], v, err_msg=k)
