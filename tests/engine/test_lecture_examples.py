"""The lecture's worked examples (docs: ../shared/lecture.md), computed by the engine, exactly."""

import numpy as np

from engine import Conv2D, Dense, MaxPool2D, ReLU, Sigmoid, sigmoid_binary_cross_entropy
from engine.reference import conv1d_valid

SERIES = [0, 0, 0, 1, 0, 1, 1, 1]
KERNEL_1D = [-1, 1]

IMAGE = np.array([[1, 1, 1, 0, 0],
                  [0, 1, 1, 1, 0],
                  [0, 0, 1, 1, 1],
                  [0, 0, 1, 1, 0],
                  [0, 1, 1, 0, 0]], dtype=np.float32)
FILTER = np.array([[1, 0, 1],
                   [0, 1, 0],
                   [1, 0, 1]], dtype=np.float32)


def test_1d_convolution_values_the_lecture_computes():
    out = conv1d_valid(SERIES, KERNEL_1D)
    # N = 0: -1*0 + 1*0 = 0;  N = 1: -1*0 + 1*0 = 0;  N = 2: -1*0 + 1*1 = 1
    assert out[:3].tolist() == [0, 0, 1]


def test_1d_convolution_whole_output():
    assert conv1d_valid(SERIES, KERNEL_1D).tolist() == [0, 0, 1, -1, 1, 0, 0]


def test_1d_convolution_through_conv2d_layer_agrees():
    # kernels are square and odd: put [-1, 1] in the middle row of a 3x3 filter (right of centre),
    # the series in a 1-row image, and pad by 1
    layer = Conv2D(1, 1, kernel_size=3, padding=1)
    layer.params["weight"][...] = np.array([[0, 0, 0], [0, -1, 1], [0, 0, 0]], np.float32)
    y = layer.forward(np.array(SERIES, np.float32).reshape(1, 1, 1, 8))
    # with padding 1 the output at position n is -x[n] + x[n+1]: positions 0..6 are the valid ones
    assert y[0, 0, 0, :7].tolist() == [0, 0, 1, -1, 1, 0, 0]


def _lecture_conv():
    layer = Conv2D(1, 1, kernel_size=3)
    layer.params["weight"][...] = FILTER
    layer.params["bias"][...] = 0
    return layer


def test_2d_convolution_top_left_is_4():
    y = _lecture_conv().forward(IMAGE[None, None])
    assert y[0, 0, 0, 0] == 4


def test_2d_convolution_whole_feature_map():
    y = _lecture_conv().forward(IMAGE[None, None])
    assert y.dtype == np.float32
    np.testing.assert_array_equal(y[0, 0], [[4, 3, 4], [2, 4, 3], [2, 3, 4]])


def test_max_pool_2x2():
    x = np.array([[12, 20, 30, 0],
                  [8, 12, 2, 0],
                  [34, 70, 37, 4],
                  [112, 100, 25, 12]], dtype=np.float32)
    y = MaxPool2D(2).forward(x[None, None])
    np.testing.assert_array_equal(y[0, 0], [[20, 30], [112, 37]])


def test_relu_is_max_of_zero_and_input():
    x = np.array([-3.5, -1, -0.0, 0, 0.25, 2, 7], np.float32)
    y = ReLU().forward(x)
    np.testing.assert_array_equal(y, np.maximum(0, x))
    np.testing.assert_array_equal(y, [0, 0, 0, 0, 0.25, 2, 7])


def test_appendix_gradient_sigmoid_output_with_binary_cross_entropy():
    """dE/dw_ji = (x_i - t_i) * x_j for hidden outputs x_j, sigmoid outputs x_i, targets t_i."""
    rng = np.random.default_rng(3)
    x_hidden = rng.random((1, 4)).astype(np.float64)  # x_j: outputs of the hidden layer
    t = np.array([[1.0, 0.0, 1.0]])  # three outputs, as in the appendix
    dense = Dense(4, 3, rng=1).astype(np.float64)
    s = dense.forward(x_hidden)
    x_out = Sigmoid().forward(s)
    loss, ds = sigmoid_binary_cross_entropy(s, t)
    # the engine's loss is the appendix's E
    expected_e = -np.sum(t * np.log(x_out) + (1 - t) * np.log(1 - x_out))
    assert abs(loss - expected_e) < 1e-12
    np.testing.assert_allclose(ds, x_out - t, rtol=1e-12)  # dE/ds_i = x_i - t_i
    dense.backward(ds)
    appendix = (x_out - t)[0][:, None] * x_hidden[0][None, :]  # (x_i - t_i) x_j, indexed [i, j]
    np.testing.assert_allclose(dense.grads["weight"], appendix, rtol=1e-12)
