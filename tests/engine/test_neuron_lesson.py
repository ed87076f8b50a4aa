"""engine/lessons/neuron.py: the neuron lesson's numbers against NumPy written out by hand."""

from __future__ import annotations

import numpy as np

from engine import build_model
from engine.layers import Conv2D, Dense
from engine.lessons import activation, collapse_example, neuron_numbers


def test_weighted_sum_and_four_activations():
    n = neuron_numbers()
    s = 0.6 * 1 + (-0.4) * 0 - 0.2
    assert abs(n.s - s) < 1e-6
    assert n.outputs["step"] == 1.0 and neuron_numbers(w1=0.1).outputs["step"] == 0.0  # s = -0.1
    assert abs(n.outputs["sigmoid"] - 1 / (1 + np.exp(-s))) < 1e-6
    assert abs(n.outputs["tanh"] - np.tanh(s)) < 1e-6
    assert abs(n.outputs["ReLU"] - s) < 1e-6
    grid = np.linspace(-3, 3, 13, dtype=np.float32)
    np.testing.assert_allclose(activation("ReLU", grid), np.maximum(grid, 0))
    np.testing.assert_array_equal(activation("step", grid), (grid >= 0).astype(np.float32))


def test_two_linear_layers_collapse_into_one_and_relu_gives_xor():
    c = collapse_example()
    x = c.points
    two = (x @ c.W1.T + c.b1) @ c.W2.T + c.b2
    np.testing.assert_allclose(c.two_linear, two[:, 0])
    np.testing.assert_allclose(c.W, c.W2 @ c.W1)
    np.testing.assert_allclose(c.b, c.W2 @ c.b1 + c.b2)
    np.testing.assert_allclose(c.one_linear, c.two_linear)  # one layer gives the same four numbers
    assert c.W.tolist() == [[-1.0, -1.0]] and c.b.tolist() == [2.0]
    assert c.two_linear.tolist() == [2.0, 1.0, 1.0, 0.0] and c.two_linear.tolist() != c.targets.tolist()
    np.testing.assert_array_equal(c.with_relu, c.targets)  # 0, 1, 1, 0: XOR
    np.testing.assert_allclose(c.with_relu, (np.maximum(x @ c.W1.T + c.b1, 0) @ c.W2.T + c.b2)[:, 0])


def test_lesson_7_parameter_numbers_counted_from_the_models_own_layers():
    """The whole-CNN lesson: an equivalent dense layer for the first conv layer would need 9,847,040 weights;
    95 % of the CNN's weights sit in its dense layers — counted here straight from the weight arrays."""
    model = build_model("default", 4)
    conv = next(la for la in model.layers if isinstance(la, Conv2D))
    first = sum(v.size for v in conv.params.values())
    out = model.summary()[model.layers.index(conv)].output_shape
    n_in, n_out = 28 * 28, int(np.prod(out))
    assert out == (16, 28, 28) and first == 16 * 9 + 16 == 160
    assert n_in * n_out + n_out == 9_847_040
    total = sum(v.size for la in model.layers for v in la.params.values())
    dense = sum(v.size for la in model.layers if isinstance(la, Dense) for v in la.params.values())
    assert total == 92_352 and dense == 88_132
    assert round(100 * dense / total) == 95
