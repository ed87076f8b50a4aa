"""The fast convolution and pooling agree with the slow loop references."""

import numpy as np
import pytest

from engine import AvgPool2D, Conv2D, MaxPool2D
from engine import reference as ref

CONV_CASES = [  # (N, C, H, W, O, k, stride, padding)
    (2, 1, 7, 7, 3, 3, 1, 0),
    (2, 3, 8, 6, 4, 3, 1, 1),
    (1, 2, 9, 9, 2, 5, 2, 2),
    (3, 2, 6, 7, 3, 1, 2, 0),
    (2, 2, 10, 8, 2, 3, 3, "same"),
    (1, 4, 5, 5, 5, 5, 1, "same"),
    (2, 1, 11, 9, 2, 7, 2, 1),
    (2, 2, 6, 5, 3, 2, 1, 0),  # even kernels work with explicit padding (not "same")
    (1, 3, 9, 8, 2, 4, 2, 1),
]


@pytest.mark.parametrize("n,c,h,w,o,k,stride,padding", CONV_CASES)
def test_conv2d_matches_loops(n, c, h, w, o, k, stride, padding):
    rng = np.random.default_rng(hash((n, c, h, w, o, k, stride)) % 2**32)
    layer = Conv2D(c, o, k, stride=stride, padding=padding, rng=rng)
    layer.params["bias"][...] = rng.standard_normal(o)
    x = rng.standard_normal((n, c, h, w)).astype(np.float32)
    y = layer.forward(x)
    pad = (k - 1) // 2 if padding == "same" else padding
    expected = ref.conv2d(x, layer.params["weight"], layer.params["bias"], stride, pad)
    assert y.shape == expected.shape == (n, *layer.output_shape((c, h, w)))
    assert y.dtype == np.float32
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-5)


def test_same_padding_keeps_size_at_stride_1_and_gives_ceil_at_stride_2():
    assert Conv2D(1, 2, 3, padding="same").output_shape((1, 28, 28)) == (2, 28, 28)
    assert Conv2D(1, 2, 5, padding="same").output_shape((1, 9, 9)) == (2, 9, 9)
    assert Conv2D(1, 2, 3, stride=2, padding="same").output_shape((1, 7, 7)) == (2, 4, 4)
    with pytest.raises(ValueError, match="odd"):
        Conv2D(1, 2, 4, padding="same")


POOL_CASES = [  # (N, C, H, W, k, stride)
    (2, 3, 8, 8, 2, None),
    (1, 2, 7, 9, 2, None),  # windows do not tile: the last row/column is dropped as in PyTorch
    (2, 2, 9, 9, 3, 2),
    (1, 3, 6, 5, 2, 1),
    (2, 1, 12, 12, 3, None),
]


@pytest.mark.parametrize("n,c,h,w,k,stride", POOL_CASES)
def test_maxpool_matches_loops(n, c, h, w, k, stride):
    x = np.random.default_rng(h * w).standard_normal((n, c, h, w)).astype(np.float32)
    layer = MaxPool2D(k, stride)
    y = layer.forward(x)
    assert y.shape == (n, *layer.output_shape((c, h, w)))
    np.testing.assert_array_equal(y, ref.maxpool2d(x, k, stride))


@pytest.mark.parametrize("n,c,h,w,k,stride", POOL_CASES)
def test_avgpool_matches_loops(n, c, h, w, k, stride):
    x = np.random.default_rng(h * w).standard_normal((n, c, h, w)).astype(np.float32)
    layer = AvgPool2D(k, stride)
    y = layer.forward(x)
    assert y.shape == (n, *layer.output_shape((c, h, w)))
    np.testing.assert_allclose(y, ref.avgpool2d(x, k, stride), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("window,first", [
    ([[1, 1], [1, 0]], (0, 0)), ([[0, 1], [1, 1]], (0, 1)), ([[0, 0], [2, 2]], (1, 0)),
    ([[0, 3, 3], [3, 3, 0], [1, 3, 3]], (0, 1)), ([[0, 0, 0], [0, 0, 1], [1, 1, 1]], (1, 2)),
])
@pytest.mark.parametrize("stride", [None, 1])
def test_maxpool_gradient_goes_to_the_first_maximum_only(window, first, stride):
    """Ties (common after ReLU or on binary drawings) send the gradient to one place, as in PyTorch."""
    x = np.array(window, np.float32)[None, None]
    k = x.shape[-1]
    layer = MaxPool2D(k, stride)
    layer.forward(x)
    expected = np.zeros_like(x)
    expected[0, 0][first] = 5
    np.testing.assert_array_equal(layer.backward(np.full((1, 1, 1, 1), 5, np.float32)), expected)


def random_cases(count, seed=7):
    """Seeded random layer settings and input shapes (the same every run)."""
    rng = np.random.default_rng(seed)
    for _ in range(count):
        k, s = int(rng.integers(1, 6)), int(rng.integers(1, 4))
        p = "same" if k % 2 and rng.random() < 0.3 else int(rng.integers(0, k))
        h, w = int(rng.integers(k, 12)), int(rng.integers(k, 12))
        yield (int(rng.integers(1, 4)), int(rng.integers(1, 4)), h, w, int(rng.integers(1, 4)), k, s, p)


@pytest.mark.parametrize("n,c,h,w,o,k,stride,padding", list(random_cases(25)))
def test_conv2d_matches_loops_on_random_settings(n, c, h, w, o, k, stride, padding):
    test_conv2d_matches_loops(n, c, h, w, o, k, stride, padding)


@pytest.mark.parametrize("n,c,h,w,_o,k,stride,_p", list(random_cases(25, seed=8)))
def test_pools_match_loops_on_random_settings(n, c, h, w, _o, k, stride, _p):
    test_maxpool_matches_loops(n, c, h, w, k, stride)
    test_avgpool_matches_loops(n, c, h, w, k, stride)
